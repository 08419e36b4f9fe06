package backup

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/openmarches/marches/calendar"
)

type nightSummary struct {
	Date          string
	Status        string
	Attempt, Copy int
}

func summarise(ns []Night) []nightSummary {
	out := make([]nightSummary, len(ns))
	for i, n := range ns {
		out[i] = nightSummary{n.Date.String(), n.Status.String(), n.Attempt, n.Copy}
	}
	return out
}

func TestNights(t *testing.T) {
	p := mustPolicy(t, Config{})
	d := calendar.MustDate
	tests := []struct {
		name     string
		bs       []Backup
		from, to calendar.Date
		at       string
		want     []nightSummary
	}{
		{
			// The contract's same-day re-run: the 02:10 run fails, the
			// 10:30 re-run completes → retried (honoured).
			name: "failed night then same-day retry",
			bs: []Backup{
				{At: ts("2026-03-10T02:10:00+01:00"), Status: Failed},
				{At: ts("2026-03-10T10:30:00+01:00"), Status: Complete},
			},
			from: d(2026, 3, 10), to: d(2026, 3, 10), at: "2026-03-10T12:00:00+01:00",
			want: []nightSummary{{"2026-03-10", "retried", 0, 1}},
		},
		{
			// Failure, no re-run: pending until midnight, failed from
			// midnight (the day is [00:00, 24:00) on the wall clock); the
			// 00:30 run of the 11th belongs to the 11th and is outside its
			// window.
			name: "failed night, retry the next day is too late",
			bs: []Backup{
				{At: ts("2026-03-10T02:10:00+01:00"), Status: Failed},
				{At: ts("2026-03-11T00:30:00+01:00"), Status: Complete},
			},
			from: d(2026, 3, 10), to: d(2026, 3, 11), at: "2026-03-11T12:00:00+01:00",
			want: []nightSummary{{"2026-03-10", "failed", 0, -1}, {"2026-03-11", "outside_window", -1, 1}},
		},
		{
			name: "failed night is pending until the end of the day",
			bs:   []Backup{{At: ts("2026-03-10T02:10:00+01:00"), Status: Failed}},
			from: d(2026, 3, 10), to: d(2026, 3, 10), at: "2026-03-10T23:59:59+01:00",
			want: []nightSummary{{"2026-03-10", "pending", 0, -1}},
		},
		{
			name: "failed night decided at midnight exactly",
			bs:   []Backup{{At: ts("2026-03-10T02:10:00+01:00"), Status: Failed}},
			from: d(2026, 3, 10), to: d(2026, 3, 10), at: "2026-03-11T00:00:00+01:00",
			want: []nightSummary{{"2026-03-10", "failed", 0, -1}},
		},
		{
			// A second attempt inside the window that completes: ok, and
			// the failed attempt is still reported.
			name: "retry inside the window",
			bs: []Backup{
				{At: ts("2026-03-10T02:00:00+01:00"), Status: Failed},
				{At: ts("2026-03-10T03:59:59+01:00"), Status: Complete},
			},
			from: d(2026, 3, 10), to: d(2026, 3, 10), at: "2026-03-10T12:00:00+01:00",
			want: []nightSummary{{"2026-03-10", "ok", 0, 1}},
		},
		{
			// 04:00:00 is outside [02:00, 04:00); a complete run before
			// the window does not count either. Window over, nothing in it:
			// missed as long as no complete run exists that day.
			name: "window bounds",
			bs: []Backup{
				{At: ts("2026-03-10T04:00:00+01:00"), Status: Complete},
				{At: ts("2026-03-11T01:59:59+01:00"), Status: Failed},
			},
			from: d(2026, 3, 10), to: d(2026, 3, 12), at: "2026-03-12T05:00:00+01:00",
			want: []nightSummary{{"2026-03-10", "outside_window", -1, 0}, {"2026-03-11", "missed", -1, -1}, {"2026-03-12", "missed", -1, -1}},
		},
		{
			// The evaluation instant is inside the window: pending; the
			// run after `at` does not exist yet.
			name: "pending during the window",
			bs:   []Backup{{At: ts("2026-03-10T03:00:00+01:00"), Status: Complete}},
			from: d(2026, 3, 10), to: d(2026, 3, 10), at: "2026-03-10T02:30:00+01:00",
			want: []nightSummary{{"2026-03-10", "pending", -1, -1}},
		},
		{
			// Spring forward, Sunday 29 March 2026: 02:00 CET jumps to
			// 03:00 CEST, the window is [03:00 CEST, 04:00 CEST) = 1 h.
			// 03:30 CEST is inside; 01:59 CET (before the jump) is not.
			name: "spring-forward night",
			bs: []Backup{
				{At: ts("2026-03-29T01:59:00+01:00"), Status: Failed},
				{At: ts("2026-03-29T03:30:00+02:00"), Status: Complete},
				{At: ts("2026-03-30T03:30:00+02:00"), Status: Complete},
			},
			from: d(2026, 3, 29), to: d(2026, 3, 30), at: "2026-03-31T00:00:00+02:00",
			want: []nightSummary{{"2026-03-29", "ok", -1, 1}, {"2026-03-30", "ok", -1, 2}},
		},
		{
			// Fall back, Sunday 25 October 2026: 03:00 CEST goes back to
			// 02:00 CET; the window runs from the first 02:00 (CEST,
			// 00:00Z) to 04:00 CET (03:00Z) = 3 h. The first 02:30 (CEST)
			// is inside; so is the second (CET).
			name: "fall-back night, first 02:30",
			bs:   []Backup{{At: ts("2026-10-25T02:30:00+02:00"), Status: Complete}},
			from: d(2026, 10, 25), to: d(2026, 10, 25), at: "2026-10-26T00:00:00+01:00",
			want: []nightSummary{{"2026-10-25", "ok", -1, 0}},
		},
		{
			name: "fall-back night, second 02:30 after a failure at the first",
			bs: []Backup{
				{At: ts("2026-10-25T02:05:00+02:00"), Status: Failed},
				{At: ts("2026-10-25T02:30:00+01:00"), Status: Complete},
				{At: ts("2026-10-25T04:00:00+01:00"), Status: Complete},
			},
			from: d(2026, 10, 25), to: d(2026, 10, 25), at: "2026-10-26T00:00:00+01:00",
			want: []nightSummary{{"2026-10-25", "ok", 0, 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ns, err := p.Nights(tt.bs, tt.from, tt.to, ts(tt.at))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, summarise(ns)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestWindowDST checks the window's real instants and lengths on the DST
// nights of 2026 (last Sundays of March and October) and on ordinary
// nights, and compares with a minute-stepping oracle: the first minute at
// which the Paris wall clock reads >= 02:00 (resp. 04:00) on that date.
func TestWindowDST(t *testing.T) {
	p := mustPolicy(t, Config{})
	tests := []struct {
		date       calendar.Date
		start, end string
		length     time.Duration
	}{
		{calendar.MustDate(2026, 3, 28), "2026-03-28T01:00:00Z", "2026-03-28T03:00:00Z", 2 * time.Hour},
		{calendar.MustDate(2026, 3, 29), "2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z", 1 * time.Hour},
		{calendar.MustDate(2026, 3, 30), "2026-03-30T00:00:00Z", "2026-03-30T02:00:00Z", 2 * time.Hour},
		{calendar.MustDate(2026, 10, 25), "2026-10-25T00:00:00Z", "2026-10-25T03:00:00Z", 3 * time.Hour},
		{calendar.MustDate(2026, 10, 26), "2026-10-26T01:00:00Z", "2026-10-26T03:00:00Z", 2 * time.Hour},
	}
	for _, tt := range tests {
		ns, err := p.Nights(nil, tt.date, tt.date, ts("2030-01-01T00:00:00Z"))
		if err != nil {
			t.Fatal(err)
		}
		n := ns[0]
		if !n.WindowStart.Equal(ts(tt.start)) || !n.WindowEnd.Equal(ts(tt.end)) || n.WindowEnd.Sub(n.WindowStart) != tt.length {
			t.Errorf("%v: window %v..%v, want %s..%s (%v)", tt.date, n.WindowStart, n.WindowEnd, tt.start, tt.end, tt.length)
		}
		if n.WindowStart.Location() != p.Location() {
			t.Errorf("%v: window not in the policy's location", tt.date)
		}
		if s, e := minuteOracle(tt.date, 2), minuteOracle(tt.date, 4); !s.Equal(n.WindowStart) || !e.Equal(n.WindowEnd) {
			t.Errorf("%v: oracle %v..%v", tt.date, s, e)
		}
	}
}

// minuteOracle steps minute by minute from 20:00 UTC the day before and
// returns the first instant whose Paris wall clock is on date d at or
// after hh:00.
func minuteOracle(d calendar.Date, hh int) time.Time {
	u := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC).Add(-4 * time.Hour)
	for {
		w := u.In(paris)
		if calendar.DateOf(w) == d && w.Hour() >= hh {
			return u
		}
		u = u.Add(time.Minute)
	}
}

func TestFirstWallAgainstOracle(t *testing.T) {
	// Every date of 2026 and 2027, windows starting on every hour: our
	// helper agrees with the minute stepper.
	for d := calendar.MustDate(2026, 1, 1); d.Before(calendar.MustDate(2028, 1, 1)); d = d.AddDays(1) {
		for _, h := range []int{0, 1, 2, 3, 4} {
			got := firstWall(d, time.Duration(h)*time.Hour, paris)
			if want := minuteOracle(d, h); !got.Equal(want) {
				t.Fatalf("%v %02d:00: got %v, want %v", d, h, got, want)
			}
		}
	}
}

func TestNightsErrors(t *testing.T) {
	p := mustPolicy(t, Config{})
	at := ts("2026-03-10T12:00:00+01:00")
	for _, tt := range []struct {
		from, to calendar.Date
		want     error
	}{
		{calendar.Date{}, calendar.MustDate(2026, 1, 1), ErrInvalidDateRange},
		{calendar.MustDate(2026, 1, 2), calendar.MustDate(2026, 1, 1), ErrInvalidDateRange},
		{calendar.MustDate(1900, 1, 1), calendar.MustDate(2026, 1, 1), ErrRangeTooLong},
		{calendar.MustDate(1980, 1, 1), calendar.MustDate(1980, 1, 1), ErrTimeOutOfRange},
	} {
		if _, err := p.Nights(nil, tt.from, tt.to, at); !errors.Is(err, tt.want) {
			t.Errorf("%v..%v: %v, want %v", tt.from, tt.to, err, tt.want)
		}
	}
}
