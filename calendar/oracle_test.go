package calendar

import (
	"errors"
	"math/rand/v2"
	"testing"
	"time"
)

// The oracle steps minute by minute through real time and asks, for each
// minute, whether the local wall clock is inside the schedule, using
// time.Time.In for the wall clock and Territory.IsHoliday for holidays: it
// shares nothing with the calendar's year tables, zone-segment mapping or
// binary searches. Schedules and DST transitions in these tests fall on
// whole minutes, so minute steps are exact.

func oracleOpen(c *Calendar, t time.Time) bool {
	lt := t.In(c.loc)
	d := DateOf(lt)
	secs := time.Duration(lt.Hour())*time.Hour + time.Duration(lt.Minute())*time.Minute + time.Duration(lt.Second())*time.Second
	hol := func(d Date) bool { _, ok := c.territory.IsHoliday(d); return ok }
	for _, sp := range c.sched.spansOn(d, hol(d)) {
		if sp.Start <= secs && secs < sp.End {
			return true
		}
	}
	for _, sp := range c.sched.spansOn(d.AddDays(-1), hol(d.AddDays(-1))) {
		if sp.Start <= secs+24*time.Hour && secs+24*time.Hour < sp.End {
			return true
		}
	}
	return false
}

func oracleBetween(c *Calendar, a, b time.Time) time.Duration {
	var n time.Duration
	for t := a; t.Before(b); t = t.Add(time.Minute) {
		if oracleOpen(c, t) {
			n += time.Minute
		}
	}
	return n
}

// oracleAdd steps minute by minute until d of working time has elapsed.
func oracleAdd(c *Calendar, a time.Time, d time.Duration) time.Time {
	t := a
	for d > 0 {
		if oracleOpen(c, t) {
			d -= time.Minute
		}
		t = t.Add(time.Minute)
	}
	return t
}

func span(h1, m1, h2, m2 int) Span {
	return Span{time.Duration(h1)*time.Hour + time.Duration(m1)*time.Minute, time.Duration(h2)*time.Hour + time.Duration(m2)*time.Minute}
}

func weekdays(spans ...Span) [7][]Span {
	var w [7][]Span
	for d := time.Monday; d <= time.Friday; d++ {
		w[d] = spans
	}
	return w
}

func allDays(spans ...Span) [7][]Span {
	var w [7][]Span
	for d := range w {
		w[d] = spans
	}
	return w
}

func mustSchedule(t testing.TB, cfg ScheduleConfig) Schedule {
	t.Helper()
	s, err := NewSchedule(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// oracleSchedules are the schedules the property tests run against.
func oracleSchedules(t testing.TB) map[string]ScheduleConfig {
	return map[string]ScheduleConfig{
		"support":  {Week: weekdays(span(9, 0, 19, 0)), Holidays: HolidaysOff},
		"split":    {Week: weekdays(span(9, 0, 12, 0), span(14, 0, 19, 0)), Holidays: HolidaysOff},
		"24/7":     {Week: allDays(span(0, 0, 24, 0))},
		"night":    {Week: allDays(span(22, 0, 30, 0)), Holidays: HolidaysOff},
		"dstnight": {Week: allDays(span(1, 30, 4, 0))},
		"mixed": {Week: func() [7][]Span {
			w := weekdays(span(8, 30, 12, 15), span(13, 45, 18, 0))
			w[time.Saturday] = []Span{span(9, 0, 12, 0)}
			w[time.Friday] = []Span{span(8, 30, 12, 15), span(20, 0, 26, 0)}
			return w
		}(), Holidays: HolidaysSpecial, HolidayHours: []Span{span(10, 0, 12, 0)},
			Closures:   []Closure{{MustDate(2026, 8, 3), MustDate(2026, 8, 14)}},
			Exceptions: []Exception{{MustDate(2026, 12, 24), []Span{span(9, 0, 12, 0)}}, {MustDate(2026, 3, 29), []Span{span(0, 0, 24, 0)}}}},
	}
}

func TestBetweenAndAddAgainstOracle(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no tz data:", err)
	}
	// Windows that contain the 2026 DST changes, holidays, a closure, a
	// year boundary and ordinary weeks.
	windows := []struct{ from, to time.Time }{
		{time.Date(2026, 3, 25, 0, 0, 0, 0, paris), time.Date(2026, 4, 8, 0, 0, 0, 0, paris)},
		{time.Date(2026, 10, 20, 0, 0, 0, 0, paris), time.Date(2026, 11, 3, 0, 0, 0, 0, paris)},
		{time.Date(2026, 12, 20, 0, 0, 0, 0, paris), time.Date(2027, 1, 6, 0, 0, 0, 0, paris)},
		{time.Date(2026, 7, 28, 0, 0, 0, 0, paris), time.Date(2026, 8, 18, 0, 0, 0, 0, paris)},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for name, cfg := range oracleSchedules(t) {
		c := MustNew(Config{Territory: "75", Location: paris, Schedule: mustSchedule(t, cfg)})
		t.Run(name, func(t *testing.T) {
			for _, w := range windows {
				mins := int(w.to.Sub(w.from) / time.Minute)
				for range 25 {
					a := w.from.Add(time.Duration(rng.IntN(mins)) * time.Minute)
					b := a.Add(time.Duration(rng.IntN(mins/3)) * time.Minute)
					if b.After(w.to) {
						b = w.to
					}
					got, err := c.Between(a, b)
					if err != nil {
						t.Fatal(err)
					}
					want := oracleBetween(c, a, b)
					if got != want {
						t.Fatalf("Between(%s, %s) = %s, oracle %s", a, b, got, want)
					}
					back, err := c.Between(b, a)
					if err != nil || back != -want {
						t.Fatalf("Between(%s, %s) = %s, %v; want %s", b, a, back, err, -want)
					}
					if want == 0 {
						continue
					}
					d := time.Duration(1+rng.IntN(int(want/time.Minute))) * time.Minute
					gotAdd, err := c.Add(a, d)
					if err != nil {
						t.Fatal(err)
					}
					if wantAdd := oracleAdd(c, a, d); !gotAdd.Equal(wantAdd) {
						t.Fatalf("Add(%s, %s) = %s, oracle %s", a, d, gotAdd, wantAdd)
					}
					if gotAdd.Location() != paris {
						t.Fatalf("Add result in %v, want Europe/Paris", gotAdd.Location())
					}
					if back, _ := c.Between(a, gotAdd); back != d {
						t.Fatalf("Between(a, Add(a, %s)) = %s", d, back)
					}
				}
			}
		})
	}
}

func TestIsOpenAgainstOracle(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no tz data:", err)
	}
	for name, cfg := range oracleSchedules(t) {
		c := MustNew(Config{Territory: "75", Location: paris, Schedule: mustSchedule(t, cfg)})
		for _, day := range []Date{MustDate(2026, 3, 29), MustDate(2026, 10, 25), MustDate(2026, 12, 31), MustDate(2027, 1, 1)} {
			start := day.AddDays(-1).In(paris)
			for t0 := start; t0.Before(start.Add(72 * time.Hour)); t0 = t0.Add(time.Minute) {
				got, err := c.IsOpen(t0)
				if err != nil {
					t.Fatal(err)
				}
				if want := oracleOpen(c, t0); got != want {
					t.Fatalf("%s: IsOpen(%s) = %v, oracle %v", name, t0, got, want)
				}
			}
		}
	}
}

// TestDSTWindow checks the two figures by hand: a 01:30-04:00
// window lasts 1h30 on the spring-forward night (02:00 CET becomes 03:00
// CEST) and 3h30 on the fall-back night (03:00 CEST becomes 02:00 CET).
func TestDSTWindow(t *testing.T) {
	paris, _ := time.LoadLocation("Europe/Paris")
	c := MustNew(Config{Territory: "FR", Location: paris, Schedule: mustSchedule(t, ScheduleConfig{Week: allDays(span(1, 30, 4, 0))})})
	tests := []struct {
		name string
		day  Date
		want time.Duration
	}{
		{"ordinary night", MustDate(2026, 3, 28), 150 * time.Minute},
		{"spring forward 2026-03-29", MustDate(2026, 3, 29), 90 * time.Minute},
		{"fall back 2026-10-25", MustDate(2026, 10, 25), 210 * time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.Between(tt.day.In(paris), tt.day.AddDays(1).In(paris))
			if err != nil || got != tt.want {
				t.Fatalf("Between = %s, %v; want %s", got, err, tt.want)
			}
		})
	}
	// Add lands on the closing (04:00), not the next opening.
	start := time.Date(2026, 3, 29, 0, 0, 0, 0, paris)
	got, err := c.Add(start, 90*time.Minute)
	if want := time.Date(2026, 3, 29, 4, 0, 0, 0, paris); err != nil || !got.Equal(want) {
		t.Fatalf("Add(%s, 1h30) = %s, %v; want %s", start, got, err, want)
	}
	// 24/7 on the fall-back day: the day lasts 25 hours.
	c247 := MustNew(Config{Location: paris, Schedule: mustSchedule(t, ScheduleConfig{Week: allDays(span(0, 0, 24, 0))})})
	d, _ := c247.Between(MustDate(2026, 10, 25).In(paris), MustDate(2026, 10, 26).In(paris))
	if d != 25*time.Hour {
		t.Errorf("24/7 fall-back day = %s, want 25h", d)
	}
}

func TestAddErrors(t *testing.T) {
	c := MustNew(Config{})
	paris := c.Location()
	if _, err := c.Add(time.Date(2026, 1, 5, 10, 0, 0, 0, paris), -time.Second); !errors.Is(err, ErrNegativeDuration) {
		t.Errorf("negative: err = %v, want ErrNegativeDuration", err)
	}
	if _, err := c.Add(time.Date(1989, 12, 31, 10, 0, 0, 0, paris), time.Hour); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("1989: err = %v, want ErrOutOfRange", err)
	}
	if _, err := c.Add(time.Date(2200, 12, 31, 10, 0, 0, 0, paris), 100*time.Hour); !errors.Is(err, ErrNeverOpen) {
		t.Errorf("past 2200: err = %v, want ErrNeverOpen", err)
	}
	if _, err := c.Between(time.Date(2026, 1, 5, 10, 0, 0, 0, paris), time.Date(2201, 1, 1, 0, 0, 0, 0, paris)); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("Between to 2201: err = %v, want ErrOutOfRange", err)
	}
}
