package calendar

import (
	"time"
)

// Date is a civil date (year, month, day) with no time of day and no
// location: the unit of French day counts (jours ouvrés, jours francs...)
// and of holidays. Dates are small comparable values; the zero Date is
// "unset" and reports IsZero. Years 1 to 9999 are representable.
//
// Use NewDate, ParseDate or DateOf to build one; Date.In turns it back
// into an instant in a named location.
type Date struct {
	y int32
	m uint8
	d uint8
}

// NewDate returns the date year-month-day. It fails with
// ErrInvalidDate when the month or day is out of range (30 February) or the
// year is outside 1..9999.
func NewDate(year int, month time.Month, day int) (Date, error) {
	if year < 1 || year > 9999 || month < time.January || month > time.December ||
		day < 1 || day > daysIn(year, month) {
		return Date{}, &FieldError{Field: "date", Value: formatYMD(year, int(month), day), Err: ErrInvalidDate}
	}
	return Date{int32(year), uint8(month), uint8(day)}, nil
}

// MustDate is like NewDate but panics on an invalid date. It is meant for
// literals in tests, examples and tables.
func MustDate(year int, month time.Month, day int) Date {
	d, err := NewDate(year, month, day)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the civil date of t on t's own wall clock (in t.Location()).
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{int32(y), uint8(m), uint8(d)}
}

// ParseDate parses an ISO 8601 calendar date "YYYY-MM-DD". Anything else,
// including a valid-looking but non-existent date, fails with ErrInvalidDate.
func ParseDate(s string) (Date, error) {
	bad := &FieldError{Field: "date", Value: s, Err: ErrInvalidDate}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, bad
	}
	y, ok1 := atoi(s[0:4])
	m, ok2 := atoi(s[5:7])
	d, ok3 := atoi(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, bad
	}
	dt, err := NewDate(y, time.Month(m), d)
	if err != nil {
		return Date{}, bad
	}
	return dt, nil
}

func atoi(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// Year returns the date's year.
func (d Date) Year() int { return int(d.y) }

// Month returns the date's month.
func (d Date) Month() time.Month { return time.Month(d.m) }

// Day returns the date's day of the month.
func (d Date) Day() int { return int(d.d) }

// IsZero reports whether d is the zero (unset) Date.
func (d Date) IsZero() bool { return d == Date{} }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// Day number 0 is 1970-01-01, a Thursday.
	n := d.num()
	w := (n + 4) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// AddDays returns the date n days after d (before it when n < 0).
func (d Date) AddDays(n int) Date { return dateFromNum(d.num() + int64(n)) }

// Sub returns the number of days from u to d (d - u).
func (d Date) Sub(u Date) int { return int(d.num() - u.num()) }

// Compare returns -1, 0 or +1 as d is before, equal to or after u.
func (d Date) Compare(u Date) int {
	a, b := d.num(), u.num()
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is before u.
func (d Date) Before(u Date) bool { return d.Compare(u) < 0 }

// After reports whether d is after u.
func (d Date) After(u Date) bool { return d.Compare(u) > 0 }

// In returns the first instant of d on loc's wall clock: midnight, or the
// first instant after midnight when a time-zone transition skips it. It
// panics on a nil location, like time.Date.
func (d Date) In(loc *time.Location) time.Time {
	t := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
	if DateOf(t) != d {
		// Midnight did not exist (a transition at 00:00): time.Date
		// normalised it to the previous day; the day starts at the
		// transition.
		_, end := t.ZoneBounds()
		if !end.IsZero() {
			t = end
		}
	}
	return t
}

// String returns the date as "YYYY-MM-DD"; the zero Date gives
// "0000-00-00".
func (d Date) String() string { return formatYMD(int(d.y), int(d.m), int(d.d)) }

// MarshalText encodes d as "YYYY-MM-DD".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText decodes a "YYYY-MM-DD" date; see ParseDate.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func formatYMD(y, m, d int) string {
	var b [10]byte
	put := func(i, v, width int) {
		for j := width - 1; j >= 0; j-- {
			b[i+j] = byte('0' + v%10)
			v /= 10
		}
	}
	if y < 0 || y > 9999 {
		y = 0
	}
	if m < 0 || m > 99 {
		m = 0
	}
	if d < 0 || d > 99 {
		d = 0
	}
	put(0, y, 4)
	b[4] = '-'
	put(5, m, 2)
	b[7] = '-'
	put(8, d, 2)
	return string(b[:])
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// num returns the number of days from 1970-01-01 to d (proleptic
// Gregorian calendar), using the era-based days-from-civil method.
func (d Date) num() int64 {
	y := int64(d.y)
	m := int64(d.m)
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12 // March = 0
	doy := (153*mp+2)/5 + int64(d.d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func dateFromNum(n int64) Date {
	z := n + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return Date{int32(y), uint8(m), uint8(d)}
}
