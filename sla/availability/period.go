package availability

import (
	"strconv"
	"time"
)

// MinYear and MaxYear bound the months ParseMonth and Month accept, like
// the calendar package's years.
const (
	MinYear = 1990
	MaxYear = 2200
)

// Period is the half-open span of time [Start, End) over which availability
// is measured. Its length is real elapsed time, so a Paris calendar month
// lasts 743 hours in March and 745 hours in October.
type Period struct {
	Start time.Time
	End   time.Time
}

// Seconds returns the period's length in whole seconds (rounded down).
func (p Period) Seconds() int64 { return int64(p.End.Sub(p.Start) / time.Second) }

// Contains reports whether t is in [Start, End).
func (p Period) Contains(t time.Time) bool { return !t.Before(p.Start) && t.Before(p.End) }

// Month returns the calendar month as a Period from local midnight on the
// 1st to local midnight on the 1st of the next month, in loc. It fails
// with ErrNilLocation or ErrInvalidMonth (month outside 1..12 or year
// outside MinYear..MaxYear).
func Month(year int, month time.Month, loc *time.Location) (Period, error) {
	if loc == nil {
		return Period{}, &FieldError{Field: "location", Err: ErrNilLocation}
	}
	if year < MinYear || year > MaxYear || month < time.January || month > time.December {
		return Period{}, &FieldError{Field: "month", Value: strconv.Itoa(year) + "-" + strconv.Itoa(int(month)), Err: ErrInvalidMonth}
	}
	start := time.Date(year, month, 1, 0, 0, 0, 0, loc)
	return Period{Start: start, End: time.Date(year, month+1, 1, 0, 0, 0, 0, loc)}, nil
}

// ParseMonth parses "YYYY-MM" and returns that month in loc (see Month).
// It fails with a *FieldError (field "month") wrapping ErrInvalidMonth,
// or ErrNilLocation.
func ParseMonth(s string, loc *time.Location) (Period, error) {
	bad := &FieldError{Field: "month", Value: s, Err: ErrInvalidMonth}
	if len(s) != 7 || s[4] != '-' {
		return Period{}, bad
	}
	for i, c := range []byte(s) {
		if i != 4 && (c < '0' || c > '9') {
			return Period{}, bad
		}
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:])
	if y < MinYear || y > MaxYear || m < 1 || m > 12 {
		return Period{}, bad
	}
	return Month(y, time.Month(m), loc)
}

// Days returns the local days of p in loc, each from local midnight to the
// next (23, 24 or 25 hours long), the first starting at p.Start and the
// last ending at p.End (they may be partial days when p does not start or
// end at midnight). It returns nil for an empty period or a nil location.
func (p Period) Days(loc *time.Location) []Period {
	if loc == nil || !p.End.After(p.Start) {
		return nil
	}
	var out []Period
	s := p.Start.In(loc)
	for s.Before(p.End) {
		y, m, d := s.Date()
		next := time.Date(y, m, d+1, 0, 0, 0, 0, loc)
		if next.After(p.End) {
			next = p.End.In(loc)
		}
		out = append(out, Period{Start: s, End: next})
		s = next
	}
	return out
}
