package availability

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/openmarches/marches/calendar"
)

var paris = mustLoad("Europe/Paris")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

func month(t testing.TB, s string) Period {
	t.Helper()
	p, err := ParseMonth(s, paris)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

func out(service, start, end string, c Cause) Outage {
	return Outage{Service: service, Start: at(start), End: at(end), Cause: c}
}

// figures is what the table tests compare: the seconds and the strings the
// CLI prints (the scale of decimals matters, so they are compared as
// strings).
type figures struct {
	Total, Excluded, Unavailable, Downtime int64
	Percent, Raw                           string
	Met                                    bool
	Budget, Remaining                      int64
	Burn                                   string
}

func figuresOf(r Result) figures {
	f := figures{Total: r.TotalSeconds, Excluded: r.ExcludedSeconds, Unavailable: r.UnavailableSeconds, Downtime: r.DowntimeSeconds,
		Percent: r.Availability.StringFixed(4), Raw: r.RawAvailability.StringFixed(4), Met: r.Met,
		Budget: r.BudgetSeconds, Remaining: r.BudgetRemainingSeconds}
	if r.BurnRateDefined {
		f.Burn = r.BurnRate.StringFixed(4)
	}
	return f
}

func TestMeasure(t *testing.T) {
	tests := []struct {
		name    string
		month   string
		outages []Outage
		cfg     Config
		want    figures
	}{
		{
			// The check: 30 days = 30 × 86 400 = 2 592 000 s; 0.1 %
			// of it = 2 592 s = 43 min 12 s. Exactly the budget: 99.9000 %,
			// met, nothing left.
			name:    "april: 43 min 12 s is exactly 99.9 %",
			month:   "2026-04",
			outages: []Outage{out("platform", "2026-04-10T10:00:00+02:00", "2026-04-10T10:43:12+02:00", Unplanned)},
			want: figures{Total: 2592000, Unavailable: 2592, Downtime: 2592, Percent: "99.9000", Raw: "99.9000", Met: true,
				Budget: 2592, Remaining: 0, Burn: "1.0000"},
		},
		{
			// One second more: (2 592 000 − 2 593) / 2 592 000 × 100 =
			// 99.899961..., shown 99.9000 (half-up at 4 places) but missed
			// by one second: budget 2 592, remaining −1; burn 2593/2592 =
			// 1.000385... → 1.0004.
			name:    "april: 43 min 13 s misses it by one second",
			month:   "2026-04",
			outages: []Outage{out("platform", "2026-04-10T10:00:00+02:00", "2026-04-10T10:43:13+02:00", Unplanned)},
			want: figures{Total: 2592000, Unavailable: 2593, Downtime: 2593, Percent: "99.9000", Raw: "99.9000", Met: false,
				Budget: 2592, Remaining: -1, Burn: "1.0004"},
		},
		{
			// The "43 minutes": 2 580 s → (2 592 000 − 2 580) /
			// 2 592 000 = 99.900463 → 99.9005; budget 2 592 − 2 580 = 12.
			// Burn 2580/2592 = 0.99537 → 0.9954.
			name:    "april: 43 minutes",
			month:   "2026-04",
			outages: []Outage{out("platform", "2026-04-10T10:00:00+02:00", "2026-04-10T10:43:00+02:00", Unplanned)},
			want: figures{Total: 2592000, Unavailable: 2580, Downtime: 2580, Percent: "99.9005", Raw: "99.9005", Met: true,
				Budget: 2592, Remaining: 12, Burn: "0.9954"},
		},
		{
			// March 2026 in Paris: 31 days, one of 23 h (29 March) = 743 h
			// = 2 674 800 s. Budget floor(0.1 % × 2 674 800) = 2 674 (2 674.8).
			name:  "march 2026 has 743 hours",
			month: "2026-03",
			want:  figures{Total: 2674800, Percent: "100.0000", Raw: "100.0000", Met: true, Budget: 2674, Remaining: 2674, Burn: "0.0000"},
		},
		{
			// October 2026: 25 October has 25 h → 745 h = 2 682 000 s;
			// budget 2 682.
			name:  "october 2026 has 745 hours",
			month: "2026-10",
			want:  figures{Total: 2682000, Percent: "100.0000", Raw: "100.0000", Met: true, Budget: 2682, Remaining: 2682, Burn: "0.0000"},
		},
		{
			// The spring-forward night: 01:50+01:00 → 03:20+02:00 is
			// 00:50Z → 01:20Z = 30 min = 1 800 s, not 90 min.
			// (2 674 800 − 1 800) / 2 674 800 = 99.932705... → 99.9327.
			// Burn 1800/2674 = 0.673148... → 0.6731.
			name:    "outage across the DST change counts real seconds",
			month:   "2026-03",
			outages: []Outage{out("platform", "2026-03-29T01:50:00+01:00", "2026-03-29T03:20:00+02:00", Unplanned)},
			want: figures{Total: 2674800, Unavailable: 1800, Downtime: 1800, Percent: "99.9327", Raw: "99.9327", Met: true,
				Budget: 2674, Remaining: 874, Burn: "0.6731"},
		},
		{
			// Client outage 14:10–14:25 (900 s) inside an unplanned one
			// 14:00–14:40 (2 400 s): the overlap is excluded. NHT =
			// 2 592 000 − 900 = 2 591 100; NHI = 2 400 − 900 = 1 500.
			// (2 591 100 − 1 500) / 2 591 100 = 99.942110... → 99.9421.
			// Raw: (2 592 000 − 2 400) / 2 592 000 = 99.907407 → 99.9074.
			// Budget floor(2 591.1) = 2 591, remaining 1 091; burn
			// 1500/2591 = 0.57893 → 0.5789.
			name:  "client outage inside an unplanned one",
			month: "2026-04",
			outages: []Outage{
				out("platform", "2026-04-14T14:00:00+02:00", "2026-04-14T14:40:00+02:00", Unplanned),
				out("platform", "2026-04-14T14:10:00+02:00", "2026-04-14T14:25:00+02:00", Client),
			},
			want: figures{Total: 2592000, Excluded: 900, Unavailable: 1500, Downtime: 2400, Percent: "99.9421", Raw: "99.9074", Met: true,
				Budget: 2591, Remaining: 1091, Burn: "0.5789"},
		},
		{
			// Adjacent and overlapping unplanned outages merge: 10:00–10:10,
			// 10:10–10:20 (adjacent), 10:15–10:30 (overlap) = 10:00–10:30 =
			// 1 800 s, counted once. 100 − 1800/25920 = 99.930555... →
			// 99.9306.
			name:  "adjacent and overlapping intervals merge",
			month: "2026-04",
			outages: []Outage{
				out("platform", "2026-04-02T10:00:00+02:00", "2026-04-02T10:10:00+02:00", Unplanned),
				out("platform", "2026-04-02T10:10:00+02:00", "2026-04-02T10:20:00+02:00", Unplanned),
				out("platform", "2026-04-02T10:15:00+02:00", "2026-04-02T10:30:00+02:00", Unplanned),
			},
			want: figures{Total: 2592000, Unavailable: 1800, Downtime: 1800, Percent: "99.9306", Raw: "99.9306", Met: true,
				Budget: 2592, Remaining: 792, Burn: "0.6944"},
		},
		{
			// 30 April 23:30 → 1 May 00:45: April counts 30 min = 1 800 s.
			name:    "outage spanning two months: april part",
			month:   "2026-04",
			outages: []Outage{out("platform", "2026-04-30T23:30:00+02:00", "2026-05-01T00:45:00+02:00", Unplanned)},
			want: figures{Total: 2592000, Unavailable: 1800, Downtime: 1800, Percent: "99.9306", Raw: "99.9306", Met: true,
				Budget: 2592, Remaining: 792, Burn: "0.6944"},
		},
		{
			// ... and May (31 days = 2 678 400 s) counts 45 min = 2 700 s:
			// 100 − 270000/2678400 % = 99.899193... → 99.8992, over the
			// 2 678 budget by 22 s.
			name:    "outage spanning two months: may part",
			month:   "2026-05",
			outages: []Outage{out("platform", "2026-04-30T23:30:00+02:00", "2026-05-01T00:45:00+02:00", Unplanned)},
			want: figures{Total: 2678400, Unavailable: 2700, Downtime: 2700, Percent: "99.8992", Raw: "99.8992", Met: false,
				Budget: 2678, Remaining: -22, Burn: "1.0082"},
		},
		{
			// Maintenance and force majeure overlap (1 h each, 30 min in
			// common): excluded union 5 400 s, the overlap goes to
			// maintenance (first in Causes order). Remote target 99.8 %:
			// budget floor(0.2 % × 2 586 600) = floor(5 173.2) = 5 173.
			name:  "overlapping excluded causes, remote target",
			month: "2026-04",
			cfg:   Config{Service: "remote", Target: TargetRemote},
			outages: []Outage{
				out("remote", "2026-04-05T01:00:00+02:00", "2026-04-05T02:00:00+02:00", Maintenance),
				out("remote", "2026-04-05T01:30:00+02:00", "2026-04-05T02:30:00+02:00", ForceMajeure),
				out("platform", "2026-04-05T01:00:00+02:00", "2026-04-05T09:00:00+02:00", Unplanned),
			},
			want: figures{Total: 2592000, Excluded: 5400, Downtime: 5400, Percent: "100.0000", Raw: "99.7917", Met: true,
				Budget: 5173, Remaining: 5173, Burn: "0.0000"},
		},
		{
			// Sub-second bounds: 10:00:00.5 → 10:00:01.2 touches seconds
			// 10:00:00 and 10:00:01: 2 s.
			name:    "partial seconds count whole",
			month:   "2026-04",
			outages: []Outage{out("platform", "2026-04-10T10:00:00.5+02:00", "2026-04-10T10:00:01.2+02:00", Unplanned)},
			want: figures{Total: 2592000, Unavailable: 2, Downtime: 2, Percent: "99.9999", Raw: "99.9999", Met: true,
				Budget: 2592, Remaining: 2590, Burn: "0.0008"},
		},
		{
			// The whole month excluded: NHT = 0 → 100 %, budget 0, met.
			name:  "whole month excluded",
			month: "2026-04",
			outages: []Outage{
				out("platform", "2026-03-31T00:00:00+02:00", "2026-05-02T00:00:00+02:00", ThirdParty),
				out("platform", "2026-04-10T00:00:00+02:00", "2026-04-11T00:00:00+02:00", Unplanned),
			},
			want: figures{Total: 2592000, Excluded: 2592000, Downtime: 2592000, Percent: "100.0000", Raw: "0.0000", Met: true,
				Budget: 0, Remaining: 0, Burn: "0.0000"},
		},
		{
			// Target 100 %: budget 0; one second down → burn undefined.
			// 100 − 100/2592000 = 99.99996 → 100.0000 shown, not met.
			name:    "target 100: no budget",
			month:   "2026-04",
			cfg:     Config{Target: decimal.New(100, 0)},
			outages: []Outage{out("platform", "2026-04-10T10:00:00+02:00", "2026-04-10T10:00:01+02:00", Unplanned)},
			want: figures{Total: 2592000, Unavailable: 1, Downtime: 1, Percent: "100.0000", Raw: "100.0000", Met: false,
				Budget: 0, Remaining: -1, Burn: ""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snapshot := slices.Clone(tt.outages)
			r, err := Measure(tt.outages, month(t, tt.month), tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, figuresOf(r)); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
			if r.BaseSeconds != r.TotalSeconds-r.ExcludedSeconds {
				t.Errorf("base %d != total − excluded", r.BaseSeconds)
			}
			var sum int64
			for _, c := range r.ExcludedByCause {
				sum += c.Seconds
			}
			if sum != r.ExcludedSeconds {
				t.Errorf("excluded by cause sums to %d, want %d", sum, r.ExcludedSeconds)
			}
			if diff := cmp.Diff(snapshot, tt.outages); diff != "" {
				t.Errorf("input modified:\n%s", diff)
			}
			// The oracles agree.
			tot, ex, un := bitmapMeasure(tt.outages, r.Period, tt.cfg.Service, 1)
			if tot != r.TotalSeconds || ex != r.ExcludedSeconds || un != r.UnavailableSeconds {
				t.Errorf("bitmap oracle: %d %d %d", tot, ex, un)
			}
		})
	}
}

func TestMeasureExcludedByCause(t *testing.T) {
	// Same as "overlapping excluded causes": maintenance 01:00–02:00 takes
	// 3 600 s, force majeure only its part after 02:00, 1 800 s.
	os := []Outage{
		out("remote", "2026-04-05T01:00:00+02:00", "2026-04-05T02:00:00+02:00", Maintenance),
		out("remote", "2026-04-05T01:30:00+02:00", "2026-04-05T02:30:00+02:00", ForceMajeure),
	}
	r, err := Measure(os, month(t, "2026-04"), Config{})
	if err != nil {
		t.Fatal(err)
	}
	want := []CauseSeconds{{Maintenance, 3600}, {ForceMajeure, 1800}, {ThirdParty, 0}, {Client, 0}}
	if diff := cmp.Diff(want, r.ExcludedByCause); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestMonthLengths(t *testing.T) {
	// Hours per Paris month of 2026: 31-day months 744 h, 30-day 720 h,
	// February 672 h, March 743 h (spring forward 29 March), October
	// 745 h (fall back 25 October).
	want := []int64{744, 672, 743, 720, 744, 720, 744, 744, 720, 745, 720, 744}
	for m := time.January; m <= time.December; m++ {
		p, err := Month(2026, m, paris)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Seconds(); got != want[m-1]*3600 {
			t.Errorf("%s: %d s, want %d h", m, got, want[m-1])
		}
	}
}

func TestParseMonthErrors(t *testing.T) {
	for _, s := range []string{"", "2026-13", "2026-00", "26-03", "2026/03", "1989-12", "2201-01", "2026-3", "２０２６-03"} {
		_, err := ParseMonth(s, paris)
		if !errors.Is(err, ErrInvalidMonth) {
			t.Errorf("ParseMonth(%q) = %v, want ErrInvalidMonth", s, err)
		}
	}
	if _, err := ParseMonth("2026-03", nil); !errors.Is(err, ErrNilLocation) {
		t.Errorf("nil location: %v", err)
	}
}

func TestMeasureErrors(t *testing.T) {
	bad := []Outage{
		{Service: "", Start: at("2026-04-10T10:00:00Z"), End: at("2026-04-10T09:00:00Z"), Cause: 0},
		{Service: "platform", Start: at("2026-04-10T10:00:00Z"), End: at("2026-04-10T10:00:00Z"), Cause: 9},
	}
	_, err := Measure(bad, month(t, "2026-04"), Config{Target: decimal.New(101, 0)})
	var got []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		fe := e.(*FieldError)
		got = append(got, fe.Field+" "+codeOf(fe.Err))
	}
	// Every violation at once, sorted by field then message.
	want := []string{
		"outages[0].cause invalid_cause", "outages[0].end end_not_after_start", "outages[0].service empty_service",
		"outages[1].cause invalid_cause", "outages[1].end end_not_after_start", "target invalid_target",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if _, err := Measure(nil, Period{Start: at("2026-04-10T10:00:00Z"), End: at("2026-04-10T10:00:00Z")}, Config{}); !errors.Is(err, ErrEndNotAfterStart) {
		t.Errorf("empty period: %v", err)
	}
	if _, err := Measure(nil, Period{Start: at("1600-01-01T00:00:00Z"), End: at("2026-04-10T10:00:00Z")}, Config{}); !errors.Is(err, ErrPeriodTooLong) {
		t.Errorf("long period: %v", err)
	}
}

func codeOf(err error) string {
	type coder interface{ Code() string }
	if c, ok := err.(coder); ok {
		return c.Code()
	}
	return err.Error()
}

// TestMeasureAgainstOracles compares Measure with the bitmap and the
// merge oracles on random outages, in random orders.
func TestMeasureAgainstOracles(t *testing.T) {
	// A 32-hour period around the fall-back night, and a whole month.
	short := Period{Start: at("2026-10-24T20:00:00+02:00"), End: at("2026-10-26T04:00:00+01:00")}
	for seed := uint64(1); seed <= 40; seed++ {
		p, n, maxLen := short, int(seed*37%400), 90*time.Minute
		if seed%10 == 0 {
			p, n, maxLen = month(t, "2026-10"), 6000, 40*time.Minute // above the radix-sort threshold
		}
		os := randomOutages(seed, n, p, maxLen)
		for _, svc := range []string{"", "platform", "remote"} {
			r, err := Measure(os, p, Config{Service: svc})
			if err != nil {
				t.Fatal(err)
			}
			tot, ex, un := bitmapMeasure(os, p, svc, 1)
			if tot != r.TotalSeconds || ex != r.ExcludedSeconds || un != r.UnavailableSeconds {
				t.Fatalf("seed %d %q: got %d %d %d, bitmap %d %d %d", seed, svc, r.TotalSeconds, r.ExcludedSeconds, r.UnavailableSeconds, tot, ex, un)
			}
			tot, ex, un = mergeMeasure(os, p, svc)
			if tot != r.TotalSeconds || ex != r.ExcludedSeconds || un != r.UnavailableSeconds {
				t.Fatalf("seed %d %q: got %d %d %d, merge %d %d %d", seed, svc, r.TotalSeconds, r.ExcludedSeconds, r.UnavailableSeconds, tot, ex, un)
			}
			shuffled := slices.Clone(os)
			rand.New(rand.NewPCG(seed, 7)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			r2, err := Measure(shuffled, p, Config{Service: svc})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(figuresOf(r), figuresOf(r2)); diff != "" {
				t.Fatalf("order changes the result:\n%s", diff)
			}
		}
	}
}

func TestMeasureDays(t *testing.T) {
	// An outage 28 March 23:00+01:00 → 29 March 04:00+02:00 (4 real
	// hours: 22:00Z → 02:00Z): 1 h on the 28th, 3 h on the 29th, a 23-hour
	// day (82 800 s). Day 29: 100 − 10800/828 % = 86.956521... → 86.9565.
	p := month(t, "2026-03")
	os := []Outage{out("platform", "2026-03-28T23:00:00+01:00", "2026-03-29T04:00:00+02:00", Unplanned)}
	days, err := MeasureDays(os, p, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if len(days) != 31 {
		t.Fatalf("%d days", len(days))
	}
	type day struct {
		Total, Unavailable int64
		Percent            string
	}
	got := []day{}
	for _, d := range days[27:29] {
		got = append(got, day{d.TotalSeconds, d.UnavailableSeconds, d.Availability.StringFixed(4)})
	}
	// Day 28: 100 − 3600/864 % = 95.833333... → 95.8333.
	want := []day{{86400, 3600, "95.8333"}, {82800, 10800, "86.9565"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	var sum, total int64
	for _, d := range days {
		sum += d.UnavailableSeconds
		total += d.TotalSeconds
	}
	if sum != 14400 || total != 2674800 {
		t.Errorf("days sum to %d unavailable over %d s", sum, total)
	}
}

func TestMeasureBusinessHours(t *testing.T) {
	// Calendar Mo-Fr 09:00-19:00 Paris, national holidays. April 2026:
	// 22 weekdays, Easter Monday 6 April off → 21 working days × 10 h =
	// 210 h = 756 000 s. Outage Friday 10 April 18:30 → Monday 13 April
	// 09:30: open time 30 min + 30 min = 3 600 s. A client outage Monday
	// 09:15–09:20 inside it: 300 s excluded. NHT = 755 700, NHI = 3 300:
	// (755 700 − 3 300) / 755 700 = 99.563318... → 99.5633.
	c := calendar.MustNew(calendar.Config{Territory: "75"})
	os := []Outage{
		out("platform", "2026-04-10T18:30:00+02:00", "2026-04-13T09:30:00+02:00", Unplanned),
		out("platform", "2026-04-13T09:15:00+02:00", "2026-04-13T09:20:00+02:00", Client),
	}
	r, err := Measure(os, month(t, "2026-04"), Config{Calendar: c})
	if err != nil {
		t.Fatal(err)
	}
	want := figures{Total: 756000, Excluded: 300, Unavailable: 3300, Downtime: 3600, Percent: "99.5633", Raw: "99.5238", Met: false,
		Budget: 755, Remaining: -2545, Burn: "4.3709"}
	if diff := cmp.Diff(want, figuresOf(r)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if !r.BusinessHours {
		t.Error("BusinessHours not set")
	}
	// The statement's events count open time too: the unplanned event is
	// 3 600 open seconds, 300 of them covered by the client's.
	st, err := NewStatement(os, month(t, "2026-04"), StatementConfig{Config: Config{Calendar: c}})
	if err != nil {
		t.Fatal(err)
	}
	var got [][3]int64
	for _, e := range st.Events {
		got = append(got, [3]int64{e.Seconds, e.UnavailableSeconds, e.ExcludedSeconds})
	}
	if diff := cmp.Diff([][3]int64{{3600, 3300, 300}, {300, 0, 300}}, got); diff != "" {
		t.Errorf("events (-want +got)\n%s", diff)
	}
}

func TestMerge(t *testing.T) {
	in := []Outage{
		{Service: "b", Start: at("2026-04-01T10:00:00Z"), End: at("2026-04-01T11:00:00Z"), Cause: Unplanned, ID: "3"},
		{Service: "a", Start: at("2026-04-01T10:30:00Z"), End: at("2026-04-01T12:00:00Z"), Cause: Unplanned, ID: "2"},
		{Service: "a", Start: at("2026-04-01T10:00:00Z"), End: at("2026-04-01T10:30:00Z"), Cause: Unplanned, ID: "1"},
		{Service: "a", Start: at("2026-04-01T10:15:00Z"), End: at("2026-04-01T10:20:00Z"), Cause: Client, ID: "4"},
		{Service: "a", Start: at("2026-04-01T12:00:01Z"), End: at("2026-04-01T13:00:00Z"), Cause: Unplanned, ID: "5"},
	}
	snapshot := slices.Clone(in)
	got := Merge(in)
	// a/unplanned: 1 (10:00–10:30) and 2 (10:30–12:00) are adjacent →
	// merged 10:00–12:00 "1, 2"; 5 starts one second later, kept apart.
	// Different causes and services are never merged.
	want := []Outage{
		{Service: "a", Start: at("2026-04-01T10:00:00Z"), End: at("2026-04-01T12:00:00Z"), Cause: Unplanned, ID: "1, 2"},
		{Service: "a", Start: at("2026-04-01T12:00:01Z"), End: at("2026-04-01T13:00:00Z"), Cause: Unplanned, ID: "5"},
		{Service: "a", Start: at("2026-04-01T10:15:00Z"), End: at("2026-04-01T10:20:00Z"), Cause: Client, ID: "4"},
		{Service: "b", Start: at("2026-04-01T10:00:00Z"), End: at("2026-04-01T11:00:00Z"), Cause: Unplanned, ID: "3"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if diff := cmp.Diff(snapshot, in); diff != "" {
		t.Errorf("input modified:\n%s", diff)
	}
}

func TestSplitMonthsAndClip(t *testing.T) {
	o := out("platform", "2026-02-28T23:00:00+01:00", "2026-04-01T01:00:00+02:00", Unplanned)
	got, err := SplitMonths([]Outage{o}, paris)
	if err != nil {
		t.Fatal(err)
	}
	// Cut at 1 March 00:00+01:00 and 1 April 00:00+02:00.
	want := []Outage{
		out("platform", "2026-02-28T23:00:00+01:00", "2026-03-01T00:00:00+01:00", Unplanned),
		out("platform", "2026-03-01T00:00:00+01:00", "2026-04-01T00:00:00+02:00", Unplanned),
		out("platform", "2026-04-01T00:00:00+02:00", "2026-04-01T01:00:00+02:00", Unplanned),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	clipped := Clip([]Outage{o, out("x", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", Client)}, month(t, "2026-03"))
	if diff := cmp.Diff(want[1:2], clipped); diff != "" {
		t.Errorf("Clip (-want +got)\n%s", diff)
	}
	if _, err := SplitMonths(nil, nil); !errors.Is(err, ErrNilLocation) {
		t.Errorf("nil location: %v", err)
	}
}

func TestStatement(t *testing.T) {
	// April, platform, fee 10 000 €. Unplanned 10:00–11:00 (3 600 s) with
	// maintenance 10:30–10:45 (900 s) inside. NHT = 2 591 100, NHI =
	// 2 700. Availability (2 591 100 − 2 700) / 2 591 100 × 100 =
	// 99.895797... Shortfall 99.9 − 99.895797 = 0.004202... → 0.0042.
	os := []Outage{
		out("platform", "2026-04-20T10:00:00+02:00", "2026-04-20T11:00:00+02:00", Unplanned),
		out("platform", "2026-04-20T10:30:00+02:00", "2026-04-20T10:45:00+02:00", Maintenance),
		out("remote", "2026-04-20T10:00:00+02:00", "2026-04-20T12:00:00+02:00", Unplanned),
	}
	fee := decimal.RequireFromString("10000")
	brackets := Penalty{Brackets: []Bracket{
		{Below: decimal.RequireFromString("99.9"), FeePercent: decimal.New(5, 0)},
		{Below: decimal.RequireFromString("99.5"), FeePercent: decimal.New(10, 0)},
	}}
	type pen struct {
		Shortfall string
		Steps     int64
		Percent   string
		Capped    bool
		Amount    string
	}
	tests := []struct {
		name    string
		penalty Penalty
		want    pen
	}{
		// Under 99.9 but not under 99.5: 5 % of 10 000 = 500.00.
		{"brackets", brackets, pen{"0.0042", 0, "5", false, "500.00"}},
		// 2 % per complete 0.1 point: 0.0042 < 0.1 → 0 steps, nothing.
		{"complete steps", Penalty{Step: decimal.RequireFromString("0.1"), StepFeePercent: decimal.New(2, 0)}, pen{"0.0042", 0, "0", false, "0.00"}},
		// Started steps: 1 step → 2 % = 200.00.
		{"started steps", Penalty{Step: decimal.RequireFromString("0.1"), StepFeePercent: decimal.New(2, 0), StartedSteps: true}, pen{"0.0042", 1, "2", false, "200.00"}},
		// 0.001-point steps of 1.5 %: 0.004202/0.001 = 4.2 → 4 steps =
		// 6 %, capped at 5 % → 500.00.
		{"capped", Penalty{Step: decimal.RequireFromString("0.001"), StepFeePercent: decimal.RequireFromString("1.5"), CapPercent: decimal.New(5, 0)}, pen{"0.0042", 4, "5", true, "500.00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := NewStatement(os, month(t, "2026-04"), StatementConfig{Config: Config{Service: "platform"}, MonthlyFee: fee, Penalty: tt.penalty})
			if err != nil {
				t.Fatal(err)
			}
			got := pen{st.ShortfallPoints.StringFixed(4), st.Steps, st.PenaltyPercent.String(), st.Capped, st.PenaltyAmount.StringFixed(2)}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
			// Events: the unplanned hour (900 s covered by maintenance)
			// and the maintenance; the remote outage is another service.
			type ev struct {
				Cause                          Cause
				Seconds, Unavailable, Excluded int64
			}
			var evs []ev
			for _, e := range st.Events {
				evs = append(evs, ev{e.Cause, e.Seconds, e.UnavailableSeconds, e.ExcludedSeconds})
			}
			wantEv := []ev{{Unplanned, 3600, 2700, 900}, {Maintenance, 900, 0, 900}}
			if diff := cmp.Diff(wantEv, evs); diff != "" {
				t.Errorf("events (-want +got)\n%s", diff)
			}
		})
	}
}

func TestStatementErrors(t *testing.T) {
	_, err := NewStatement(nil, month(t, "2026-04"), StatementConfig{
		MonthlyFee: decimal.New(-1, 0),
		Penalty: Penalty{Brackets: []Bracket{
			{Below: decimal.New(99, 0), FeePercent: decimal.New(5, 0)},
			{Below: decimal.New(995, -1), FeePercent: decimal.New(-1, 0)},
		}, Step: decimal.New(1, -1), CapPercent: decimal.New(101, 0)},
	})
	for _, rule := range []error{ErrNegativeFee, ErrInvalidPenalty} {
		if !errors.Is(err, rule) {
			t.Errorf("want %v in %v", rule, err)
		}
	}
	// Five at once: thresholds must decrease, bracket fee < 0, brackets
	// and steps together, cap > 100, monthly fee < 0.
	if n := len(err.(interface{ Unwrap() []error }).Unwrap()); n != 5 {
		t.Errorf("%d violations: %v", n, err)
	}
}

func TestJSONShapes(t *testing.T) {
	os := []Outage{out("platform", "2026-04-14T14:00:00+02:00", "2026-04-14T14:40:00+02:00", Unplanned)}
	r, err := Measure(os, month(t, "2026-04"), Config{Service: "platform"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	// 100 − 2400/25920 = 99.907407 → 99.9074; burn 2400/2592 = 0.925925 → 0.9259.
	want := `{"service":"platform","period":{"start":"2026-04-01T00:00:00+02:00","end":"2026-05-01T00:00:00+02:00"},"business_hours":false,"total_seconds":2592000,"excluded_seconds":0,"excluded_by_cause":{"client":0,"force_majeure":0,"maintenance":0,"third_party":0},"unavailable_seconds":2400,"downtime_seconds":2400,"base_seconds":2592000,"availability_percent":"99.9074","raw_availability_percent":"99.9074","target_percent":"99.9","met":true,"budget_seconds":2592,"budget_remaining_seconds":192,"burn_rate":"0.9259"}`
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	// Outage round trip through the document shape.
	doc, err := json.Marshal(os)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseOutages(doc)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(os, back); diff != "" {
		t.Errorf("round trip (-want +got)\n%s", diff)
	}
}

func TestParseOutagesErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // field rule
	}{
		{"not JSON", `[{`, []string{"outages invalid_json"}},
		{"not an array", `{}`, []string{"outages schema"}},
		{"schema", `[{"service":"","start":"x","cause":"act_of_god","extra":1}]`, []string{
			"outages[0].cause schema", "outages[0].end schema", "outages[0].extra schema", "outages[0].service schema"}},
		{"times and order", `[{"service":"p","start":"2026-04-01 10:00","end":"2026-04-01T09:00:00","cause":"client"},
			{"service":"p","start":"2026-04-01T10:00:00Z","end":"2026-04-01T09:00:00Z","cause":"client"}]`, []string{
			"outages[0].end invalid_time", "outages[0].start invalid_time", "outages[1].end end_not_after_start"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseOutages([]byte(tt.in))
			if err == nil {
				t.Fatal("no error")
			}
			var got []string
			for _, e := range flattenErr(err) {
				fe := e.(*FieldError)
				got = append(got, fe.Field+" "+codeOf(fe.Err))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s\n%v", diff, err)
			}
		})
	}
}

func flattenErr(err error) []error {
	if l, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range l.Unwrap() {
			out = append(out, flattenErr(e)...)
		}
		return out
	}
	return []error{err}
}

func TestParseStatementConfig(t *testing.T) {
	cfg, err := ParseStatementConfig([]byte(`{"service":"platform","target_percent":"99.9","monthly_fee":12000.50,
		"penalty":{"brackets":[{"below_percent":"99.9","fee_percent":5},{"below_percent":"99.5","fee_percent":"10"}],"cap_percent":"20"}}`))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Service != "platform" || cfg.Target.String() != "99.9" || cfg.MonthlyFee.StringFixed(2) != "12000.50" ||
		len(cfg.Penalty.Brackets) != 2 || cfg.Penalty.Brackets[1].FeePercent.String() != "10" || cfg.Penalty.CapPercent.String() != "20" {
		t.Errorf("got %+v", cfg)
	}
	_, err = ParseStatementConfig([]byte(`{"service":"platform","target_percent":"0","penalty":{"brackets":[{"below_percent":"99","fee_percent":"5"}],"step_points":"0.1"}}`))
	if !errors.Is(err, ErrInvalidTarget) || !errors.Is(err, ErrInvalidPenalty) {
		t.Errorf("got %v", err)
	}
	if !json.Valid(StatementConfigSchema()) || !json.Valid(OutagesSchema()) {
		t.Error("schemas are not JSON")
	}
}

func TestCause(t *testing.T) {
	for _, c := range Causes() {
		b, _ := c.MarshalText()
		var back Cause
		if err := back.UnmarshalText(b); err != nil || back != c {
			t.Errorf("%v: round trip %v %v", c, back, err)
		}
		if c.Excluded() != (c != Unplanned) {
			t.Errorf("%v excluded = %v", c, c.Excluded())
		}
	}
	var c Cause
	if err := c.UnmarshalText([]byte("act_of_god")); !errors.Is(err, ErrInvalidCause) {
		t.Errorf("got %v", err)
	}
	if Cause(0).String() != "" || Cause(0).Excluded() {
		t.Error("zero cause")
	}
}

// TestConcurrentUse shares inputs and the lazily compiled schema across
// goroutines, for -race.
func TestConcurrentUse(t *testing.T) {
	p := month(t, "2026-03")
	os := randomOutages(3, 5000, p, time.Hour)
	doc, _ := json.Marshal(os[:50])
	want, err := Measure(os, p, Config{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			got, err := Measure(os, p, Config{})
			if err != nil || !cmp.Equal(figuresOf(want), figuresOf(got)) {
				t.Errorf("concurrent result differs: %v", err)
			}
			if _, err := ParseOutages(doc); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
}
