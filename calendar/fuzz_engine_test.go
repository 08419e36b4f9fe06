package calendar

import (
	"testing"
	"time"
)

// FuzzAddBetween checks, for arbitrary instants and durations on the
// default calendar and a night-shift calendar, that nothing panics, that
// Between(a, Add(a, d)) == d, that Add never returns an instant before its
// start, and that Between is antisymmetric.
func FuzzAddBetween(f *testing.F) {
	f.Add(int64(1795780800), int64(7200e9), int64(86400), false)          // 2026-11-27 18:00 +01, 2h
	f.Add(int64(1774746000), int64(5400e9), int64(3600), true)            // 2026-03-29, DST night
	f.Add(int64(1792717200), int64(1), int64(-1), true)                   // fall-back day
	f.Add(int64(631152000), int64(365*24*3600e9), int64(31536000), false) // 1990-01-01
	f.Add(int64(7289654400), int64(100*3600e9), int64(1), false)          // late 2200
	f.Add(int64(-62135596800), int64(0), int64(0), true)                  // year 1
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		f.Skip(err)
	}
	def := MustNew(Config{Location: paris})
	night := MustNew(Config{Location: paris, Schedule: MustParseSchedule("Mo-Su 22:00-06:00; Sa 01:30-04:00; PH off")})
	f.Fuzz(func(t *testing.T, sec, dur, span int64, useNight bool) {
		c := def
		if useNight {
			c = night
		}
		if dur < 0 {
			dur = -dur
		}
		dur %= 3 * 365 * 24 * int64(time.Hour)
		a := time.Unix(sec, 0)
		r, err := c.Add(a, time.Duration(dur))
		if err == nil {
			if r.Before(a) {
				t.Fatalf("Add(%s, %s) = %s is before the start", a, time.Duration(dur), r)
			}
			got, err := c.Between(a, r)
			if err != nil || got != time.Duration(dur) {
				t.Fatalf("Between(a, Add(a, %s)) = %s, %v", time.Duration(dur), got, err)
			}
		}
		b := a.Add(time.Duration(span%(400*24*3600)) * time.Second)
		d1, err1 := c.Between(a, b)
		d2, err2 := c.Between(b, a)
		if (err1 == nil) != (err2 == nil) || d1 != -d2 {
			t.Fatalf("Between not antisymmetric: %s/%v vs %s/%v", d1, err1, d2, err2)
		}
		if err1 == nil && (b.After(a) && d1 > b.Sub(a) || b.After(a) && d1 < 0) {
			t.Fatalf("Between(%s, %s) = %s is outside [0, b-a]", a, b, d1)
		}
	})
}
