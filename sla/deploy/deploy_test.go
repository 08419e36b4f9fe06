package deploy

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/openmarches/marches/calendar"
)

func ts(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

func mustRules(t testing.TB, cfg Config) *Rules {
	t.Helper()
	r, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func dl(s string) Deadline { return Deadline{Ref: "AO-" + s[11:16], At: ts(s)} }

type result struct {
	Class   string
	Allowed bool
	Failed  []string
	Next    string
}

func summary(d Decision) result {
	r := result{Class: d.Class.String(), Allowed: d.Allowed}
	for _, c := range d.Checks {
		if !c.Passed {
			r.Failed = append(r.Failed, c.Rule.String())
		}
	}
	if d.NextFound {
		r.Next = d.Next.Format(time.RFC3339)
	}
	return r
}

func TestCheck(t *testing.T) {
	r := mustRules(t, Config{})
	tests := []struct {
		name      string
		d         Deployment
		deadlines []Deadline
		want      result
	}{
		{
			// 12:45 + 3 h = 15:45; a deadline at 15:30 is 2 h 45 after the
			// start: refused. Moving past it gives 15:31, after the
			// window's last start for 20 min (13:40): next day at 12:00.
			name:      "12:45 with a deadline at 15:30",
			d:         Deployment{Start: ts("2026-03-10T12:45:00+01:00"), Expected: 20 * time.Minute},
			deadlines: []Deadline{dl("2026-03-10T15:30:00+01:00")},
			want:      result{"midday", false, []string{"no_deadline_within"}, "2026-03-11T12:00:00+01:00"},
		},
		{
			name:      "12:45 with a deadline at 15:46 (3 h 01 later)",
			d:         Deployment{Start: ts("2026-03-10T12:45:00+01:00"), Expected: 20 * time.Minute},
			deadlines: []Deadline{dl("2026-03-10T15:46:00+01:00")},
			want:      result{"midday", true, nil, "2026-03-10T12:45:00+01:00"},
		},
		{
			// "Within the 3 hours after its start" includes the bound.
			name:      "deadline exactly 3 h after the start",
			d:         Deployment{Start: ts("2026-03-10T12:45:00+01:00"), Expected: 20 * time.Minute},
			deadlines: []Deadline{dl("2026-03-10T15:45:00+01:00")},
			want:      result{"midday", false, []string{"no_deadline_within"}, "2026-03-11T12:00:00+01:00"},
		},
		{
			name:      "deadline at the start itself",
			d:         Deployment{Start: ts("2026-03-10T12:45:00+01:00"), Expected: 20 * time.Minute},
			deadlines: []Deadline{dl("2026-03-10T12:45:00+01:00")},
			want:      result{"midday", false, []string{"no_deadline_within"}, "2026-03-10T12:46:00+01:00"},
		},
		{
			name:      "deadline before the start plays no part",
			d:         Deployment{Start: ts("2026-03-10T12:45:00+01:00"), Expected: 20 * time.Minute},
			deadlines: []Deadline{dl("2026-03-10T12:44:59+01:00")},
			want:      result{"midday", true, nil, "2026-03-10T12:45:00+01:00"},
		},
		{
			// A deadline at 12:10:30 blocks 12:00; the next whole minute
			// after it, 12:11, is clear (its 3 h run to 15:11).
			name:      "move past a deadline inside the window",
			d:         Deployment{Start: ts("2026-03-10T12:00:00+01:00"), Expected: 10 * time.Minute},
			deadlines: []Deadline{dl("2026-03-10T12:10:30+01:00")},
			want:      result{"midday", false, []string{"no_deadline_within"}, "2026-03-10T12:11:00+01:00"},
		},
		{
			// Deadlines every day at 16:00 block 13:00 onwards (16:00 − 3 h);
			// a 20-minute deployment at 13:30 must start by 12:59... no: a
			// start s conflicts when 16:00 ∈ [s, s+3h], i.e. s >= 13:00.
			// 13:30 is refused; the next start clear of the 16:00 deadline
			// is 16:01, past the window: the next day's 12:00 is clear
			// (12:00 + 3 h = 15:00 < 16:00).
			name: "daily deadlines at 16:00",
			d:    Deployment{Start: ts("2026-03-10T13:30:00+01:00"), Expected: 20 * time.Minute},
			deadlines: []Deadline{dl("2026-03-10T16:00:00+01:00"), dl("2026-03-11T16:00:00+01:00"),
				dl("2026-03-12T16:00:00+01:00")},
			want: result{"midday", false, []string{"no_deadline_within"}, "2026-03-11T12:00:00+01:00"},
		},
		{
			// The window is 12:00-14:00: 13:50 + 20 min ends at 14:10.
			name: "overruns the window",
			d:    Deployment{Start: ts("2026-03-10T13:50:00+01:00"), Expected: 20 * time.Minute},
			want: result{"midday", false, []string{"midday_window"}, "2026-03-11T12:00:00+01:00"},
		},
		{
			name: "ends exactly at 14:00",
			d:    Deployment{Start: ts("2026-03-10T13:40:00+01:00"), Expected: 20 * time.Minute},
			want: result{"midday", true, nil, "2026-03-10T13:40:00+01:00"},
		},
		{
			name: "before the window: next is 12:00 the same day",
			d:    Deployment{Start: ts("2026-03-10T09:15:00+01:00"), Expected: 5 * time.Minute},
			want: result{"midday", false, []string{"midday_window"}, "2026-03-10T12:00:00+01:00"},
		},
		{
			// The midday window applies every day: the contract names no
			// days. A patch at 12:15 on 14 July (Fête nationale, a
			// Tuesday) is allowed...
			name: "incident patch on a public holiday at midday",
			d:    Deployment{Start: ts("2026-07-14T12:15:00+02:00"), Expected: 45 * time.Minute, IncidentPatch: true},
			want: result{"midday", true, nil, "2026-07-14T12:15:00+02:00"},
		},
		{
			// ...but not at 20:00, although the platform is outside
			// business hours: a patch goes in the midday window only.
			name: "incident patch on a public holiday in the evening",
			d:    Deployment{Start: ts("2026-07-14T20:00:00+02:00"), Expected: 45 * time.Minute, IncidentPatch: true},
			want: result{"midday", false, []string{"midday_window"}, "2026-07-15T12:00:00+02:00"},
		},
		{
			name: "incident patch longer than the window can never run",
			d:    Deployment{Start: ts("2026-07-15T12:00:00+02:00"), Expected: 2*time.Hour + time.Second, IncidentPatch: true},
			want: result{"midday", false, []string{"midday_window"}, ""},
		},
		{
			name: "short deployment on a Saturday at midday",
			d:    Deployment{Start: ts("2026-03-14T12:30:00+01:00"), Expected: 15 * time.Minute},
			want: result{"midday", true, nil, "2026-03-14T12:30:00+01:00"},
		},
		{
			// "Under 30 minutes": exactly 30 is a long deployment, which
			// at 12:30 on a Tuesday is inside business hours.
			name: "exactly 30 minutes is not short",
			d:    Deployment{Start: ts("2026-03-10T12:30:00+01:00"), Expected: 30 * time.Minute},
			want: result{"off_hours", false, []string{"outside_business_hours"}, "2026-03-10T19:00:00+01:00"},
		},
		{
			name: "29 min 59 s is short",
			d:    Deployment{Start: ts("2026-03-10T12:30:00+01:00"), Expected: 30*time.Minute - time.Second},
			want: result{"midday", true, nil, "2026-03-10T12:30:00+01:00"},
		},
		{
			name: "long deployment on a Saturday",
			d:    Deployment{Start: ts("2026-03-14T10:00:00+01:00"), Expected: 4 * time.Hour},
			want: result{"off_hours", true, nil, "2026-03-14T10:00:00+01:00"},
		},
		{
			// Friday 17:00 + 4 h overlaps 17:00-19:00 of business time;
			// from 19:00 the platform is closed until Monday 09:00.
			name: "long deployment on a Friday afternoon",
			d:    Deployment{Start: ts("2026-03-13T17:00:00+01:00"), Expected: 4 * time.Hour},
			want: result{"off_hours", false, []string{"outside_business_hours"}, "2026-03-13T19:00:00+01:00"},
		},
		{
			name: "long deployment on a public holiday morning",
			d:    Deployment{Start: ts("2026-07-14T10:00:00+02:00"), Expected: 3 * time.Hour},
			want: result{"off_hours", true, nil, "2026-07-14T10:00:00+02:00"},
		},
		{
			name: "a weekend is 62 h: a 62 h deployment fits exactly",
			d:    Deployment{Start: ts("2026-03-13T19:00:00+01:00"), Expected: 62 * time.Hour},
			want: result{"off_hours", true, nil, "2026-03-13T19:00:00+01:00"},
		},
		{
			// 62 h + 1 s fits no ordinary weekend; the spring-forward
			// weekend (27-30 March) is only 61 h; Easter (Friday 3 April
			// 19:00 to Tuesday 7 April 09:00, Easter Monday off) is 86 h.
			name: "62 h 1 s waits for the Easter weekend",
			d:    Deployment{Start: ts("2026-03-13T19:00:00+01:00"), Expected: 62*time.Hour + time.Second},
			want: result{"off_hours", false, []string{"outside_business_hours"}, "2026-04-03T19:00:00+02:00"},
		},
		{
			// 8 May 2026 (Victoire 1945) is a Friday: Thursday 7 May 19:00
			// to Monday 11 May 09:00 is 3 days 14 h = 86 h.
			name: "80 h waits for the 8 May long weekend",
			d:    Deployment{Start: ts("2026-05-06T19:00:00+02:00"), Expected: 80 * time.Hour},
			want: result{"off_hours", false, []string{"outside_business_hours"}, "2026-05-07T19:00:00+02:00"},
		},
		{
			name: "no stretch long enough within the horizon",
			d:    Deployment{Start: ts("2026-05-06T19:00:00+02:00"), Expected: 30 * 24 * time.Hour},
			want: result{"off_hours", false, []string{"outside_business_hours"}, ""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap := slices.Clone(tt.deadlines)
			got, err := r.Check(tt.d, tt.deadlines)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, summary(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(snap, tt.deadlines); diff != "" {
				t.Errorf("deadlines mutated:\n%s", diff)
			}
			if got.Deployment.Start.Location() != r.Calendar().Location() {
				t.Error("start not in the calendar's location")
			}
			if got.NextFound && got.Next.Location() != r.Calendar().Location() {
				t.Error("next not in the calendar's location")
			}
		})
	}
}

func TestCheckDetails(t *testing.T) {
	r := mustRules(t, Config{})
	d, err := r.Check(Deployment{Start: ts("2026-03-10T12:45:00+01:00"), Expected: 20 * time.Minute},
		[]Deadline{dl("2026-03-10T16:00:00+01:00"), dl("2026-03-10T15:30:00+01:00"), dl("2026-03-10T13:00:00+01:00"), dl("2026-03-10T12:00:00+01:00")})
	if err != nil {
		t.Fatal(err)
	}
	// 13:00 and 15:30 are in [12:45, 15:45], in time order; 12:00 is
	// before, 16:00 after.
	want := []Deadline{dl("2026-03-10T13:00:00+01:00"), dl("2026-03-10T15:30:00+01:00")}
	if diff := cmp.Diff(want, d.Checks[1].Conflicts); diff != "" {
		t.Errorf("conflicts (-want +got):\n%s", diff)
	}
	if !d.Checks[0].WindowStart.Equal(ts("2026-03-10T12:00:00+01:00")) || !d.Checks[0].WindowEnd.Equal(ts("2026-03-10T14:00:00+01:00")) {
		t.Errorf("window %v..%v", d.Checks[0].WindowStart, d.Checks[0].WindowEnd)
	}
	if !d.End.Equal(ts("2026-03-10T13:05:00+01:00")) {
		t.Errorf("end %v", d.End)
	}
	o, _ := r.Check(Deployment{Start: ts("2026-03-13T17:00:00+01:00"), Expected: 4 * time.Hour}, nil)
	if o.Checks[0].BusinessTime != 2*time.Hour {
		t.Errorf("business time %v, want 2h (17:00-19:00)", o.Checks[0].BusinessTime)
	}
}

func TestCheckErrors(t *testing.T) {
	r := mustRules(t, Config{})
	_, err := r.Check(Deployment{Expected: -time.Minute}, []Deadline{{}, {At: ts("1985-01-01T00:00:00Z")}})
	var got []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		fe := e.(*FieldError)
		got = append(got, fe.Field+" "+fe.Err.(interface{ Code() string }).Code())
	}
	want := []string{"deadlines[0].at missing_time", "deadlines[1].at time_out_of_range",
		"deployment.expected_duration invalid_duration", "deployment.start missing_time"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestNewErrors(t *testing.T) {
	_, err := New(Config{WindowStart: 14 * time.Hour, WindowEnd: 12 * time.Hour, ShortLimit: -1, Horizon: MaxHorizon + 1})
	if !errors.Is(err, ErrInvalidWindow) || !errors.Is(err, ErrInvalidLimit) {
		t.Errorf("got %v", err)
	}
	r := mustRules(t, Config{})
	if r.short != 30*time.Minute || r.margin != 3*time.Hour || r.winStart != 12*time.Hour || r.winEnd != 14*time.Hour {
		t.Errorf("defaults %+v", r)
	}
}

// oracleNext steps minute by minute from the start (a whole minute) and
// returns the first start that Check allows as planned: independent of
// the jumping search, O(minutes).
func oracleNext(r *Rules, d Deployment, dls []Deadline, limit time.Duration) (time.Time, bool) {
	end := d.Start.Add(limit)
	for s := d.Start; !s.After(end); s = s.Add(time.Minute) {
		d.Start = s
		if allowedAsPlanned(r, d, dls) {
			return s, true
		}
	}
	return time.Time{}, false
}

// allowedAsPlanned applies the rules to the planned start only, the way a
// reader of the contract would: window bounds on the wall clock, deadlines
// in [s, s+3h], business time by Between.
func allowedAsPlanned(r *Rules, d Deployment, dls []Deadline) bool {
	loc := r.Calendar().Location()
	s := d.Start.In(loc)
	if r.Classify(d) == Midday {
		y, m, dd := s.Date()
		ws := time.Date(y, m, dd, 12, 0, 0, 0, loc)
		we := time.Date(y, m, dd, 14, 0, 0, 0, loc)
		if s.Before(ws) || s.Add(d.Expected).After(we) {
			return false
		}
		for _, x := range dls {
			if !x.At.Before(s) && !x.At.After(s.Add(3*time.Hour)) {
				return false
			}
		}
		return true
	}
	bt, err := r.Calendar().Between(s, s.Add(d.Expected))
	return err == nil && bt == 0
}

// TestNextAgainstOracle compares the search with the minute stepper on
// random deployments and deadlines over a few weeks around the 2026 DST
// changes and holidays.
func TestNextAgainstOracle(t *testing.T) {
	r := mustRules(t, Config{Horizon: 8 * 24 * time.Hour})
	rng := rand.New(rand.NewPCG(3, 2026))
	paris := r.Calendar().Location()
	bases := []time.Time{
		time.Date(2026, 3, 25, 0, 0, 0, 0, paris), time.Date(2026, 10, 22, 0, 0, 0, 0, paris),
		time.Date(2026, 4, 30, 0, 0, 0, 0, paris), time.Date(2026, 12, 22, 0, 0, 0, 0, paris),
	}
	kinds := map[string]int{}
	for round := range 150 {
		base := bases[round%len(bases)]
		d := Deployment{
			Start:         base.Add(time.Duration(rng.IntN(6*24*60)) * time.Minute),
			Expected:      time.Duration(1+rng.IntN(90)) * time.Minute,
			IncidentPatch: rng.IntN(4) == 0,
		}
		if rng.IntN(3) == 0 {
			d.Expected = time.Duration(1+rng.IntN(70)) * time.Hour
		}
		var dls []Deadline
		for range rng.IntN(12) {
			dls = append(dls, Deadline{At: base.Add(time.Duration(rng.IntN(10*24*3600)) * time.Second)})
		}
		got, err := r.Check(d, dls)
		if err != nil {
			t.Fatal(err)
		}
		want, found := oracleNext(r, d, dls, 8*24*time.Hour)
		if found != got.NextFound || (found && !want.Equal(got.Next)) {
			t.Fatalf("round %d %+v: next %v %v, oracle %v %v", round, d, got.Next, got.NextFound, want, found)
		}
		if got.Allowed != allowedAsPlanned(r, d, dls) {
			t.Fatalf("round %d %+v: allowed %v", round, d, got.Allowed)
		}
		switch {
		case !found:
			kinds["none"]++
		case got.Allowed:
			kinds["allowed"]++
		case got.Class == Midday:
			kinds["moved-midday"]++
		default:
			kinds["moved-off-hours"]++
		}
	}
	// The random cases must exercise every outcome, or the test proves
	// little.
	for _, k := range []string{"none", "allowed", "moved-midday", "moved-off-hours"} {
		if kinds[k] < 5 {
			t.Errorf("only %d %s cases: %v", kinds[k], k, kinds)
		}
	}
}

// A custom calendar: a platform whose business hours include Saturday
// mornings.
func TestCustomCalendar(t *testing.T) {
	c := calendar.MustNew(calendar.Config{Schedule: calendar.MustParseSchedule("Mo-Fr 09:00-19:00; Sa 09:00-12:00; PH off")})
	r := mustRules(t, Config{Calendar: c})
	got, err := r.Check(Deployment{Start: ts("2026-03-14T10:00:00+01:00"), Expected: 4 * time.Hour}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := result{"off_hours", false, []string{"outside_business_hours"}, "2026-03-14T12:00:00+01:00"}
	if diff := cmp.Diff(want, summary(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestStrings(t *testing.T) {
	for got, want := range map[string]string{
		Class(0).String(): "Class(0)", Rule(0).String(): "Rule(0)", Midday.String(): "midday",
		InMiddayWindow.String() + NoDeadlineWithin.String() + OutsideBusinessHours.String(): "midday_windowno_deadline_withinoutside_business_hours",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
	b, _ := OffHours.MarshalText()
	b2, _ := NoDeadlineWithin.MarshalText()
	if string(b) != "off_hours" || string(b2) != "no_deadline_within" {
		t.Errorf("%s %s", b, b2)
	}
}
