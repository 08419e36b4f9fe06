package availability

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// FuzzParseOutages feeds arbitrary documents to the parser and, when they
// parse, checks the measure's invariants: no panic, availability in
// [0, 100], budget arithmetic, agreement with the bitmap oracle, and a
// result independent of the input order.
func FuzzParseOutages(f *testing.F) {
	f.Add([]byte(`[{"service":"platform","start":"2026-04-10T10:00:00+02:00","end":"2026-04-10T10:43:12+02:00","cause":"unplanned"}]`))
	f.Add([]byte(`[{"service":"p","start":"2026-04-14T14:00:00+02:00","end":"2026-04-14T14:40:00+02:00","cause":"unplanned"},
		{"service":"p","start":"2026-04-14T14:10:00+02:00","end":"2026-04-14T14:25:00+02:00","cause":"client"}]`))
	f.Add([]byte(`[{"service":"p","start":"2026-03-31T23:30:00+02:00","end":"2026-05-01T00:45:00.5+02:00","cause":"maintenance","id":"x"}]`))
	f.Add([]byte(`[{"service":"p","start":"2026-04-01T00:00:00Z","end":"2026-03-01T00:00:00Z","cause":"third_party"}]`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"service":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		os, err := ParseOutages(data)
		if err != nil {
			return
		}
		p := Period{Start: time.Date(2026, 4, 1, 0, 0, 0, 0, paris), End: time.Date(2026, 4, 3, 0, 0, 0, 0, paris)}
		r, err := Measure(os, p, Config{})
		if err != nil {
			t.Fatalf("valid outages rejected: %v", err)
		}
		checkInvariants(t, os, p, r)
	})
}

// FuzzMeasure builds outages from raw numbers (any order, overlaps,
// causes, services) over a 2-day period around the fall-back night.
func FuzzMeasure(f *testing.F) {
	f.Add([]byte{0, 10, 5, 1, 3, 7, 2, 2, 200, 100, 50, 4})
	f.Add([]byte{255, 255, 255, 1, 0, 0, 1, 2})
	f.Fuzz(func(t *testing.T, raw []byte) {
		p := Period{Start: time.Date(2026, 10, 24, 12, 0, 0, 0, paris), End: time.Date(2026, 10, 26, 12, 0, 0, 0, paris)}
		var os []Outage
		for i := 0; i+3 < len(raw) && len(os) < 200; i += 4 {
			// start in minutes from 1 h before the period, length 1..256 min (+ odd ms).
			start := p.Start.Add(time.Duration(int(raw[i])<<4|int(raw[i+1]>>4)) * time.Minute).Add(-time.Hour)
			length := time.Duration(int(raw[i+2])+1)*time.Minute + time.Duration(raw[i+1]&15)*time.Millisecond*37
			svc := "platform"
			if raw[i+3]&8 != 0 {
				svc = "remote"
			}
			os = append(os, Outage{Service: svc, Start: start, End: start.Add(length), Cause: causes[int(raw[i+3]&7)%5]})
		}
		r, err := Measure(os, p, Config{Target: decimal.RequireFromString("99.5")})
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, os, p, r)
		// One service: its merged events of one cause are disjoint, so
		// their unavailable parts add up to the measure's.
		cfg := Config{Service: "platform", Target: decimal.RequireFromString("99.5")}
		if r, err = Measure(os, p, cfg); err != nil {
			t.Fatal(err)
		}
		st, err := NewStatement(os, p, StatementConfig{Config: cfg})
		if err != nil {
			t.Fatal(err)
		}
		var un int64
		for _, e := range st.Events {
			un += e.UnavailableSeconds
			if e.UnavailableSeconds < 0 || e.ExcludedSeconds < 0 || e.UnavailableSeconds+e.ExcludedSeconds > e.Seconds {
				t.Fatalf("event %+v", e)
			}
		}
		if un != r.UnavailableSeconds {
			t.Fatalf("events' unavailable %d != %d", un, r.UnavailableSeconds)
		}
	})
}

func checkInvariants(t *testing.T, os []Outage, p Period, r Result) {
	t.Helper()
	zero, hundred := decimal.Zero, decimal.New(100, 0)
	if r.Availability.Cmp(zero) < 0 || r.Availability.Cmp(hundred) > 0 || r.RawAvailability.Cmp(zero) < 0 || r.RawAvailability.Cmp(hundred) > 0 {
		t.Fatalf("availability %s raw %s out of [0, 100]", r.Availability, r.RawAvailability)
	}
	if r.UnavailableSeconds < 0 || r.ExcludedSeconds < 0 || r.UnavailableSeconds+r.ExcludedSeconds > r.TotalSeconds ||
		r.DowntimeSeconds != r.UnavailableSeconds+r.ExcludedSeconds {
		t.Fatalf("seconds: %+v", r)
	}
	if r.BudgetRemainingSeconds != r.BudgetSeconds-r.UnavailableSeconds || r.Met != (r.BudgetRemainingSeconds >= 0) {
		t.Fatalf("budget: %+v", r)
	}
	tot, ex, un := bitmapMeasure(os, p, "", 1)
	if tot != r.TotalSeconds || ex != r.ExcludedSeconds || un != r.UnavailableSeconds {
		t.Fatalf("oracle %d %d %d, got %d %d %d", tot, ex, un, r.TotalSeconds, r.ExcludedSeconds, r.UnavailableSeconds)
	}
	rev := slices.Clone(os)
	slices.Reverse(rev)
	r2, err := Measure(rev, p, Config{Target: r.Target})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(r)
	b, _ := json.Marshal(r2)
	if string(a) != string(b) {
		t.Fatalf("order matters:\n%s\n%s", a, b)
	}
}
