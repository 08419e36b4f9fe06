package calendar

import (
	"slices"
	"sync/atomic"
	"time"
)

// Config describes a Calendar. Zero fields mean the documented defaults.
type Config struct {
	// Territory is the INSEE code of the territory whose public holidays
	// apply ("75", "67", "971"...). Empty means "FR": metropolitan France,
	// national holidays only.
	Territory string
	// Location is the time zone of the working schedule. Nil means the
	// territory's IANA zone (Europe/Paris for metropolitan France), loaded
	// with time.LoadLocation: a program that may run without the system's
	// zoneinfo should import time/tzdata, as cmd/marches does.
	Location *time.Location
	// Schedule is the working schedule. The zero Schedule means
	// DefaultSchedule(): the contract's support hours, Monday to Friday
	// 09:00-19:00, public holidays off.
	Schedule Schedule
}

// Calendar is a business calendar: a territory's public holidays, a time
// zone and a working schedule, compiled for fast business-time arithmetic.
//
// Working time is the real elapsed time during which the local wall clock
// is inside the schedule on a working day. A Calendar is immutable and safe
// for concurrent use; it builds per-year tables lazily (once per year,
// without locks) and shares them between goroutines.
type Calendar struct {
	territory Territory
	loc       *time.Location
	sched     Schedule
	// yearStart[i] is the Unix second of the first instant of year
	// MinYear+i on the calendar's wall clock; the last entry is the first
	// instant of MaxYear+1.
	yearStart [numYears + 1]int64
	years     [numYears]atomic.Pointer[yearTable]
	days      [numYears]atomic.Pointer[dayTable]
}

const numYears = MaxYear - MinYear + 1

// yearTable holds the working intervals of one year of the calendar's
// wall clock, as real instants: sorted, disjoint, non-adjacent [start,
// end) Unix seconds, and the cumulated working seconds before each.
type yearTable struct {
	start []int64
	end   []int64
	cum   []int64 // len(start)+1; cum[i] = working seconds before interval i
}

func (y *yearTable) total() int64 { return y.cum[len(y.cum)-1] }

// New returns the calendar described by cfg. It fails with
// ErrUnknownTerritory for an unknown territory code and ErrUnknownZone when
// the territory's zone cannot be loaded.
func New(cfg Config) (*Calendar, error) {
	code := cfg.Territory
	if code == "" {
		code = "FR"
	}
	terr, err := LookupTerritory(code)
	if err != nil {
		return nil, err
	}
	loc := cfg.Location
	if loc == nil {
		loc, err = time.LoadLocation(terr.Zone())
		if err != nil {
			return nil, &FieldError{Field: "location", Value: terr.Zone(), Err: ErrUnknownZone, Detail: err.Error()}
		}
	}
	sched := cfg.Schedule
	if sched.IsZero() {
		sched = DefaultSchedule()
	}
	c := &Calendar{territory: terr, loc: loc, sched: sched}
	for i := range c.yearStart {
		c.yearStart[i] = MustDate(MinYear+i, time.January, 1).In(loc).Unix()
	}
	return c, nil
}

// MustNew is like New but panics on error; for literals in tests and
// examples only.
func MustNew(cfg Config) *Calendar {
	c, err := New(cfg)
	if err != nil {
		panic(err)
	}
	return c
}

// Territory returns the calendar's territory.
func (c *Calendar) Territory() Territory { return c.territory }

// Location returns the calendar's time zone; every instant the calendar
// returns is in it.
func (c *Calendar) Location() *time.Location { return c.loc }

// Schedule returns the calendar's working schedule.
func (c *Calendar) Schedule() Schedule { return c.sched }

// yearIndex returns the index (year - MinYear) of the wall-clock year
// containing Unix second s, or -1 when s is outside the supported range.
func (c *Calendar) yearIndex(s int64) int {
	if s < c.yearStart[0] || s >= c.yearStart[numYears] {
		return -1
	}
	i, found := slices.BinarySearch(c.yearStart[:], s)
	if !found {
		i--
	}
	return i
}

func (c *Calendar) year(i int) *yearTable {
	if y := c.years[i].Load(); y != nil {
		return y
	}
	y := c.buildYear(i)
	if c.years[i].CompareAndSwap(nil, y) {
		return y
	}
	return c.years[i].Load()
}

// cumAt returns the working time, in nanoseconds, from the start of year
// table y to the instant (s, ns).
func (y *yearTable) cumAt(s int64, ns int64) int64 {
	i, found := slices.BinarySearch(y.start, s)
	if found {
		return y.cum[i]*1e9 + ns
	}
	if i == 0 {
		return 0
	}
	k := i - 1
	if s < y.end[k] {
		return y.cum[k]*1e9 + (s-y.start[k])*1e9 + ns
	}
	return y.cum[k+1] * 1e9
}

// at returns the instant at which the working time from the start of the
// year reaches target nanoseconds (0 < target <= total): the earliest such
// instant, so a target reached exactly at a closing is that closing.
func (y *yearTable) at(target int64) (s, ns int64) {
	q := (target + 1e9 - 1) / 1e9
	k, _ := slices.BinarySearch(y.cum[1:], q)
	rem := target - y.cum[k]*1e9
	return y.start[k] + rem/1e9, rem % 1e9
}

func (c *Calendar) outOfRange(field string, t time.Time) error {
	return &FieldError{Field: field, Value: t.Format(time.RFC3339Nano), Err: ErrOutOfRange}
}

// IsOpen reports whether t is inside working time. It fails with
// ErrOutOfRange outside the supported years.
func (c *Calendar) IsOpen(t time.Time) (bool, error) {
	s := t.Unix()
	yi := c.yearIndex(s)
	if yi < 0 {
		return false, c.outOfRange("at", t)
	}
	y := c.year(yi)
	i, found := slices.BinarySearch(y.start, s)
	if found {
		return true, nil
	}
	return i > 0 && s < y.end[i-1], nil
}

// NextOpen returns the first instant at or after t that is inside working
// time: t itself when the calendar is open at t. The result is in the
// calendar's location. It fails with ErrOutOfRange when t is outside the
// supported years, and ErrNeverOpen when no working time follows.
func (c *Calendar) NextOpen(t time.Time) (time.Time, error) {
	s := t.Unix()
	yi := c.yearIndex(s)
	if yi < 0 {
		return time.Time{}, c.outOfRange("at", t)
	}
	y := c.year(yi)
	i, found := slices.BinarySearch(y.start, s)
	if found || (i > 0 && s < y.end[i-1]) {
		return t.In(c.loc), nil
	}
	for {
		if i < len(y.start) {
			return time.Unix(y.start[i], 0).In(c.loc), nil
		}
		yi++
		if yi >= numYears {
			return time.Time{}, &FieldError{Field: "at", Value: t.Format(time.RFC3339Nano), Err: ErrNeverOpen}
		}
		y, i = c.year(yi), 0
	}
}

// NextClose returns the first instant at or after t at which working time
// ends: the end of the current working period when the calendar is open at
// t, else the end of the next one. Periods that run on across a year
// boundary are followed. The result is in the calendar's location. It fails
// with ErrOutOfRange outside the supported years, ErrNeverOpen when no
// working time follows, and ErrNeverCloses when the calendar stays open to
// the end of the supported range.
func (c *Calendar) NextClose(t time.Time) (time.Time, error) {
	s := t.Unix()
	yi := c.yearIndex(s)
	if yi < 0 {
		return time.Time{}, c.outOfRange("at", t)
	}
	y := c.year(yi)
	i, found := slices.BinarySearch(y.start, s)
	var k int
	switch {
	case found:
		k = i
	case i > 0 && s < y.end[i-1]:
		k = i - 1
	default:
		open, err := c.NextOpen(t)
		if err != nil {
			return time.Time{}, err
		}
		return c.NextClose(open)
	}
	for {
		end := y.end[k]
		if k+1 < len(y.start) || end != c.yearStart[yi+1] {
			return time.Unix(end, 0).In(c.loc), nil
		}
		// The period reaches the end of the year: it goes on if the next
		// year opens at once.
		yi++
		if yi >= numYears {
			return time.Time{}, &FieldError{Field: "at", Value: t.Format(time.RFC3339Nano), Err: ErrNeverCloses}
		}
		y, k = c.year(yi), 0
		if len(y.start) == 0 || y.start[0] != end {
			return time.Unix(end, 0).In(c.loc), nil
		}
	}
}

// Add returns the earliest instant at which d of working time has elapsed
// after t. When d is 0 it returns t; when the duration is reached exactly at
// a closing, it returns that closing, not the next opening. The result is in
// the calendar's location and is exact to the nanosecond across DST
// changes. Between(t, Add(t, d)) == d for every d >= 0.
//
// It fails with ErrNegativeDuration for d < 0, ErrOutOfRange when t is
// outside the supported years, and ErrNeverOpen when the supported range
// holds less than d of working time after t. It does not allocate.
func (c *Calendar) Add(t time.Time, d time.Duration) (time.Time, error) {
	if d < 0 {
		return time.Time{}, &FieldError{Field: "duration", Value: d.String(), Err: ErrNegativeDuration}
	}
	s, ns := t.Unix(), int64(t.Nanosecond())
	yi := c.yearIndex(s)
	if yi < 0 {
		return time.Time{}, c.outOfRange("at", t)
	}
	if d == 0 {
		return t.In(c.loc), nil
	}
	y := c.year(yi)
	target := y.cumAt(s, ns) + int64(d)
	for {
		if total := y.total() * 1e9; target <= total {
			rs, rns := y.at(target)
			return time.Unix(rs, rns).In(c.loc), nil
		} else {
			target -= total
		}
		yi++
		if yi >= numYears {
			return time.Time{}, &FieldError{Field: "duration", Value: d.String(), Err: ErrNeverOpen,
				Detail: "after " + t.Format(time.RFC3339)}
		}
		y = c.year(yi)
	}
}

// Between returns the working time in [a, b): negative (-Between(b, a))
// when b is before a. It is exact to the nanosecond across DST changes. It
// fails with ErrOutOfRange when a or b is outside the supported years. It
// does not allocate.
func (c *Calendar) Between(a, b time.Time) (time.Duration, error) {
	if b.Before(a) {
		d, err := c.Between(b, a)
		return -d, err
	}
	as, bs := a.Unix(), b.Unix()
	ai, bi := c.yearIndex(as), c.yearIndex(bs)
	if ai < 0 {
		return 0, c.outOfRange("from", a)
	}
	if bi < 0 {
		return 0, c.outOfRange("to", b)
	}
	ya := c.year(ai)
	ca := ya.cumAt(as, int64(a.Nanosecond()))
	if ai == bi {
		return time.Duration(ya.cumAt(bs, int64(b.Nanosecond())) - ca), nil
	}
	sum := ya.total()*1e9 - ca
	for i := ai + 1; i < bi; i++ {
		sum += c.year(i).total() * 1e9
	}
	sum += c.year(bi).cumAt(bs, int64(b.Nanosecond()))
	return time.Duration(sum), nil
}
