package qos

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

	"github.com/openmarches/marches/sla/availability"
)

var paris = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		panic(err)
	}
	return loc
}()

func march(t testing.TB) availability.Period {
	p, err := availability.ParseMonth("2026-03", paris)
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

func ms(n int) time.Duration { return time.Duration(n) * time.Millisecond }

// probes returns one probe of check per duration (ms), a minute apart
// from start; negative durations are failed probes.
func probes(check, start string, durations ...int) []Probe {
	out := make([]Probe, len(durations))
	for i, d := range durations {
		out[i] = Probe{Check: check, At: at(start).Add(time.Duration(i) * time.Minute), Duration: ms(max(d, 0)), Success: d >= 0}
	}
	return out
}

var homeOnly = []Objective{{Check: "home", Label: "Page d'accueil", Thresholds: []Threshold{
	{Under: 2 * time.Second, Percent: decimal.New(80, 0)},
	{Under: 5 * time.Second, Percent: decimal.New(100, 0)},
}}}

type summary struct {
	Probes, Failed int
	Pcts           []string // "p50=500" or "p90=failed"
	Shares         []string // "2000ms 8/10 80.00 OK"
	Status         Status
}

func summarize(s Stats) summary {
	out := summary{Probes: s.Probes, Failed: s.Failed, Status: s.Status}
	for _, p := range s.Percentiles {
		v := "failed"
		if !p.Failed {
			v = itoa64(p.Duration.Milliseconds())
		}
		out.Pcts = append(out.Pcts, "p"+itoa(p.P)+"="+v)
	}
	for _, t := range s.Thresholds {
		out.Shares = append(out.Shares, itoa64(t.Under.Milliseconds())+"ms "+itoa(t.Within)+"/"+itoa(t.Probes)+" "+t.Measured.StringFixed(2)+" "+t.Status.String())
	}
	return out
}

func TestEvaluate(t *testing.T) {
	tests := []struct {
		name   string
		probes []Probe
		want   summary
	}{
		{
			// 10 probes 100..1000 ms. Nearest rank: p50 → rank ceil(5) = 5
			// (500), p90 → 9 (900), p95 → ceil(9.5) = 10, p99 → ceil(9.9)
			// = 10. All under 2 s: 10/10.
			name:   "ten fast probes",
			probes: probes("home", "2026-03-02T10:00:00+01:00", 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000),
			want: summary{10, 0, []string{"p50=500", "p90=900", "p95=1000", "p99=1000"},
				[]string{"2000ms 10/10 100.00 OK", "5000ms 10/10 100.00 OK"}, OK},
		},
		{
			// 8 successes + 2 failures: failed rank last. p90 → rank 9 is a
			// failure. Under 2 s: 8/10 = 80 %, exactly the objective: OK.
			// Under 5 s for 100 %: 8/10 → KO.
			name:   "failed probes rank last and never count",
			probes: probes("home", "2026-03-02T10:00:00+01:00", 100, 200, 300, 400, 500, 600, 700, 800, -1, -1),
			want: summary{10, 2, []string{"p50=500", "p90=failed", "p95=failed", "p99=failed"},
				[]string{"2000ms 8/10 80.00 OK", "5000ms 8/10 80.00 KO"}, KO},
		},
		{
			// "< 2 s" is strict: 2 000 ms is not under. 2/3 under 2 s =
			// 66.666... → 66.67, under 80: KO. Under 5 s: 3/3.
			// p50 → rank ceil(1.5) = 2 (1999), p90..p99 → rank 3 (2000).
			name:   "limits are strict",
			probes: probes("home", "2026-03-02T10:00:00+01:00", 2000, 1999, 1),
			want: summary{3, 0, []string{"p50=1999", "p90=2000", "p95=2000", "p99=2000"},
				[]string{"2000ms 2/3 66.67 KO", "5000ms 3/3 100.00 OK"}, KO},
		},
		{
			// 20 probes 100..2000: p50 → rank 10 (1000), p90 → 18 (1800),
			// p95 → 19 (1900), p99 → ceil(19.8) = 20 (2000). Under 2 s:
			// 19/20 = 95 %. Unordered input.
			name: "twenty probes, unordered",
			probes: probes("home", "2026-03-02T10:00:00+01:00",
				2000, 100, 1900, 200, 1800, 300, 1700, 400, 1600, 500, 1500, 600, 1400, 700, 1300, 800, 1200, 900, 1100, 1000),
			want: summary{20, 0, []string{"p50=1000", "p90=1800", "p95=1900", "p99=2000"},
				[]string{"2000ms 19/20 95.00 OK", "5000ms 20/20 100.00 OK"}, OK},
		},
		{
			// No probe: N/A everywhere, no percentile.
			name: "no data",
			want: summary{0, 0, nil, []string{"2000ms 0/0 0.00 N/A", "5000ms 0/0 0.00 N/A"}, NoData},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snapshot := slices.Clone(tt.probes)
			rep, err := Evaluate(tt.probes, march(t), Config{Location: paris, Objectives: homeOnly})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, summarize(rep.Objectives[0].Period)); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
			// All the probes are on 2 March: that day equals the month.
			if diff := cmp.Diff(tt.want, summarize(rep.Objectives[0].Days[1])); tt.probes != nil && diff != "" {
				t.Errorf("day (-want +got)\n%s", diff)
			}
			if diff := cmp.Diff(snapshot, tt.probes); diff != "" {
				t.Errorf("input modified:\n%s", diff)
			}
		})
	}
}

func TestEvaluateDays(t *testing.T) {
	in := []Probe{
		// 29 March, the 23-hour day: both belong to it.
		{Check: "home", At: at("2026-03-29T01:59:00+01:00"), Duration: ms(100), Success: true},
		{Check: "home", At: at("2026-03-29T03:00:00+02:00"), Duration: ms(3000), Success: true},
		// Last second of March, Paris time.
		{Check: "home", At: at("2026-03-31T23:59:59+02:00"), Duration: ms(300), Success: true},
		// Outside the month: ignored. Unknown check: ignored, counted.
		{Check: "home", At: at("2026-04-01T00:00:00+02:00"), Duration: ms(300), Success: true},
		{Check: "search", At: at("2026-03-10T10:00:00+01:00"), Duration: ms(300), Success: true},
	}
	rep, err := Evaluate(in, march(t), Config{Location: paris, Objectives: homeOnly})
	if err != nil {
		t.Fatal(err)
	}
	o := rep.Objectives[0]
	if len(o.Days) != 31 || rep.Ignored != 1 || o.Period.Probes != 3 {
		t.Fatalf("%d days, %d ignored, %d probes", len(o.Days), rep.Ignored, o.Period.Probes)
	}
	// 29 March: 1 of 2 under 2 s = 50.00 % KO; the day lasts 23 h.
	d := o.Days[28]
	if got := summarize(d).Shares[0]; got != "2000ms 1/2 50.00 KO" {
		t.Errorf("29 March: %s", got)
	}
	if d.Period.End.Sub(d.Period.Start) != 23*time.Hour {
		t.Errorf("29 March lasts %v", d.Period.End.Sub(d.Period.Start))
	}
	if o.Days[30].Probes != 1 || o.Days[0].Status != NoData {
		t.Errorf("31 March %d probes, 1 March %v", o.Days[30].Probes, o.Days[0].Status)
	}
	if rep.Status() != KO {
		t.Errorf("report status %v", rep.Status())
	}
}

// TestPercentilesAgainstDefinition checks the nearest-rank percentiles
// against the definition itself: the smallest observed value v such that
// at least P % of the probes are <= v (failed probes as +inf).
func TestPercentilesAgainstDefinition(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 1; n <= 150; n++ {
		var in []Probe
		for i := range n {
			in = append(in, Probe{Check: "home", At: at("2026-03-05T10:00:00+01:00").Add(time.Duration(i) * time.Second),
				Duration: ms(r.IntN(3000)), Success: r.IntN(10) != 0})
		}
		rep, err := Evaluate(in, march(t), Config{Location: paris, Objectives: homeOnly})
		if err != nil {
			t.Fatal(err)
		}
		const inf = time.Duration(1 << 62)
		vals := make([]time.Duration, n)
		for i, p := range in {
			vals[i] = p.Duration
			if !p.Success {
				vals[i] = inf
			}
		}
		for _, pc := range rep.Objectives[0].Period.Percentiles {
			want := inf
			for _, v := range vals {
				le := 0
				for _, w := range vals {
					if w <= v {
						le++
					}
				}
				if le*100 >= pc.P*n && v < want {
					want = v
				}
			}
			got := pc.Duration
			if pc.Failed {
				got = inf
			}
			if got != want {
				t.Fatalf("n=%d p%d: got %v, want %v", n, pc.P, got, want)
			}
		}
	}
}

func TestEvaluateErrors(t *testing.T) {
	objs := []Objective{
		{Check: "", Thresholds: []Threshold{{Under: 0, Percent: decimal.New(101, 0)}}},
		{Check: "a", Thresholds: []Threshold{{Under: 2 * time.Second, Percent: decimal.New(80, 0)}, {Under: time.Second, Percent: decimal.Zero}}},
		{Check: "a"},
	}
	in := []Probe{{Check: "", Duration: -1}}
	_, err := Evaluate(in, availability.Period{}, Config{Objectives: objs})
	var got []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		fe := e.(*FieldError)
		got = append(got, fe.Field+" "+fe.Err.(interface{ Code() string }).Code())
	}
	want := []string{
		"location nil_location", "month invalid_month",
		"objectives[0].check empty_check", "objectives[0].thresholds[0].percent invalid_percent", "objectives[0].thresholds[0].under_ms invalid_threshold",
		"objectives[1].thresholds[1].percent invalid_percent", "objectives[1].thresholds[1].under_ms invalid_threshold",
		"objectives[2].check duplicate_check", "objectives[2].thresholds no_thresholds",
		"probes[0].check empty_check", "probes[0].duration_ms invalid_duration",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if _, err := Evaluate(nil, march(t), Config{Location: paris, Objectives: []Objective{}}); !errors.Is(err, ErrNoObjectives) {
		t.Errorf("no objectives: %v", err)
	}
}

func TestParseDocument(t *testing.T) {
	doc, err := ParseDocument([]byte(`{"month":"2026-03",
		"objectives":[{"check":"home","label":"Accueil","thresholds":[{"under_ms":2000,"percent":80},{"under_ms":5000,"percent":"100"}]}],
		"probes":[{"check":"home","at":"2026-03-02T10:00:00+01:00","duration_ms":1234,"success":true}]}`), paris)
	if err != nil {
		t.Fatal(err)
	}
	want := Document{Month: march(t), Objectives: homeOnly, Probes: []Probe{{Check: "home", At: at("2026-03-02T10:00:00+01:00"), Duration: ms(1234), Success: true}}}
	want.Objectives = slices.Clone(homeOnly)
	want.Objectives[0].Label = "Accueil"
	if diff := cmp.Diff(want, doc); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	// Default objectives.
	doc, err = ParseDocument([]byte(`{"month":"2026-03","probes":[]}`), paris)
	if err != nil || len(doc.Objectives) != 5 {
		t.Fatalf("%v %d", err, len(doc.Objectives))
	}
	tests := []struct {
		in   string
		want []string
	}{
		{`{`, []string{" invalid_json"}},
		{`{"month":"2026-13","probes":[{"check":"home","at":"yesterday","duration_ms":99999999999,"success":true}]}`,
			[]string{"month invalid_month", "probes[0].at invalid_time", "probes[0].duration_ms invalid_duration"}},
		{`{"month":"2026-03","probes":[{"check":"home"}],"x":1}`,
			[]string{"probes[0].at schema", "probes[0].duration_ms schema", "probes[0].success schema", "x schema"}},
		{`{"month":"2026-03","objectives":[{"check":"a","thresholds":[{"under_ms":2000,"percent":"1e2"},{"under_ms":1000,"percent":101}]}],"probes":[]}`,
			[]string{"objectives[0].thresholds[0].percent schema", "objectives[0].thresholds[1].percent schema"}},
	}
	for _, tt := range tests {
		_, err := ParseDocument([]byte(tt.in), paris)
		var got []string
		for _, e := range flattenErr(err) {
			fe := e.(*FieldError)
			got = append(got, fe.Field+" "+fe.Err.(interface{ Code() string }).Code())
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got)\n%s\n%v", tt.in, diff, err)
		}
	}
	if _, err := ParseDocument(nil, nil); !errors.Is(err, ErrNilLocation) {
		t.Errorf("nil location: %v", err)
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
	if err == nil {
		return nil
	}
	return []error{err}
}

func TestTable(t *testing.T) {
	p := march(t)
	t0 := at("2026-03-10T10:00:00+01:00")
	os := []availability.Outage{{Service: "platform", Start: t0, End: t0.Add(time.Hour), Cause: availability.Unplanned}}
	plat, err := availability.Measure(os, p, availability.Config{Service: "platform"})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Evaluate(probes("home", "2026-03-02T10:00:00+01:00", 100, 2500, -1, 900), p, Config{Location: paris, Objectives: homeOnly})
	if err != nil {
		t.Fatal(err)
	}
	tab := NewTable([]AvailabilityLine{{Label: "Plateforme", Result: plat}}, rep)
	b, err := json.Marshal(tab)
	if err != nil {
		t.Fatal(err)
	}
	// Platform: 3 600 s down of 2 674 800: 100 − 360000/2674800 =
	// 99.865410... → 99.8654, over the 2 674 s budget: KO. Home: 2 of 4
	// under 2 s = 50.00 KO; 3 of 4 under 5 s (one failed) = 75.00 KO.
	want := `{"period":{"start":"2026-03-01T00:00:00+01:00","end":"2026-04-01T00:00:00+02:00"},"rows":[` +
		`{"kind":"availability","key":"platform","label":"Plateforme","objective_percent":"99.9","measured_percent":"99.8654","status":"KO"},` +
		`{"kind":"response_time","key":"home","label":"Page d'accueil","under_ms":2000,"objective_percent":"80","measured_percent":"50.00","status":"KO"},` +
		`{"kind":"response_time","key":"home","label":"Page d'accueil","under_ms":5000,"objective_percent":"100","measured_percent":"75.00","status":"KO"}]}`
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestStatsJSON(t *testing.T) {
	rep, err := Evaluate(probes("home", "2026-03-02T10:00:00+01:00", 100, -1), march(t), Config{Location: paris, Objectives: homeOnly})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(rep.Objectives[0].Days[1])
	if err != nil {
		t.Fatal(err)
	}
	// p50 → rank 1 (100 ms), p90.. → rank 2, the failed probe.
	want := `{"period":{"start":"2026-03-02T00:00:00+01:00","end":"2026-03-03T00:00:00+01:00"},"probes":2,"failed":1,` +
		`"percentiles":[{"p":50,"ms":100,"failed":false},{"p":90,"ms":null,"failed":true},{"p":95,"ms":null,"failed":true},{"p":99,"ms":null,"failed":true}],` +
		`"thresholds":[{"under_ms":2000,"objective_percent":"80","within":1,"probes":2,"measured_percent":"50.00","status":"KO"},` +
		`{"under_ms":5000,"objective_percent":"100","within":1,"probes":2,"measured_percent":"50.00","status":"KO"}],"status":"KO"}`
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	// A day without probes.
	b, _ = json.Marshal(rep.Objectives[0].Days[0])
	if !json.Valid(b) || !contains(string(b), `"measured_percent":null,"status":"N/A"`) {
		t.Errorf("no data: %s", b)
	}
}

func contains(s, sub string) bool {
	return len(sub) <= len(s) && (s[:len(sub)] == sub || contains(s[1:], sub))
}

func TestContractObjectives(t *testing.T) {
	objs := ContractObjectives()
	if err := joinErrs(validateObjectives(objs)); err != nil {
		t.Fatal(err)
	}
	objs[0].Thresholds[0].Under = time.Hour // a fresh copy each call
	if ContractObjectives()[0].Thresholds[0].Under != 2*time.Second {
		t.Error("ContractObjectives shares its slices")
	}
	var got []string
	for _, o := range ContractObjectives() {
		for _, th := range o.Thresholds {
			got = append(got, o.Check+" <"+th.Under.String()+" "+th.Percent.String())
		}
	}
	// The list.
	want := []string{"home <2s 80", "home <5s 100", "submission <3s 80", "submission <5s 100", "auth <2s 80", "auth <4s 100",
		"search <2s 80", "advanced <4s 80", "advanced <6s 100"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestConcurrentUse(t *testing.T) {
	in := probes("home", "2026-03-02T10:00:00+01:00", 100, 2500, -1, 900)
	doc := []byte(`{"month":"2026-03","probes":[{"check":"home","at":"2026-03-02T10:00:00+01:00","duration_ms":1,"success":true}]}`)
	want, _ := Evaluate(in, march(t), Config{Location: paris})
	wb, _ := json.Marshal(want)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			got, err := Evaluate(in, march(t), Config{Location: paris})
			gb, _ := json.Marshal(got)
			if err != nil || string(gb) != string(wb) {
				t.Error("concurrent result differs")
			}
			if _, err := ParseDocument(doc, paris); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
}
