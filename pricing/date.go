package pricing

import (
	"time"
)

// Date is a civil date (year, month, day) without a time of day or a zone:
// the date written on a contract or an invoice. It is a small comparable
// value; the zero Date means "unset" (IsZero). Years run from 1 to 9999.
//
// Date arithmetic never depends on a time zone. Turning a Date into an
// instant names a location explicitly ([Date.In]).
type Date struct {
	year  int32
	month uint8
	day   uint8
}

// NewDate returns the date y-m-d, or ErrInvalidDate when it does not
// exist (2025-02-29) or the year is outside 1..9999.
func NewDate(y int, m time.Month, d int) (Date, error) {
	if y < 1 || y > 9999 || m < time.January || m > time.December || d < 1 || d > daysIn(y, m) {
		return Date{}, &FieldError{Field: "date", Value: itoa4(y) + "-" + itoa2(int(m)) + "-" + itoa2(d), Err: ErrInvalidDate}
	}
	return Date{year: int32(y), month: uint8(m), day: uint8(d)}, nil
}

// ParseDate reads a YYYY-MM-DD date. It returns ErrInvalidDate for any
// other form or a date that does not exist.
func ParseDate(s string) (Date, error) {
	bad := &FieldError{Field: "date", Value: s, Err: ErrInvalidDate}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, bad
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, bad
	}
	dt, err := NewDate(y, time.Month(m), d)
	if err != nil {
		return Date{}, bad
	}
	return dt, nil
}

// MustDate is ParseDate for literals in tests, examples and tables; it
// panics on an invalid date.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the civil date of t on its own wall clock (in t's
// location).
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{year: int32(y), month: uint8(m), day: uint8(d)}
}

// In returns midnight at the start of d in loc, or ErrNilLocation.
func (d Date) In(loc *time.Location) (time.Time, error) {
	if loc == nil {
		return time.Time{}, &FieldError{Field: "location", Err: ErrNilLocation}
	}
	return time.Date(int(d.year), time.Month(d.month), int(d.day), 0, 0, 0, 0, loc), nil
}

// IsZero reports whether d is the zero (unset) Date.
func (d Date) IsZero() bool { return d == Date{} }

// Year returns the year of d.
func (d Date) Year() int { return int(d.year) }

// Month returns the month of the year of d.
func (d Date) Month() time.Month { return time.Month(d.month) }

// Day returns the day of the month of d.
func (d Date) Day() int { return int(d.day) }

// Period returns the calendar month containing d (the month of an index).
func (d Date) Period() Month { return Month{year: d.year, month: d.month} }

// String returns d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return itoa4(int(d.year)) + "-" + itoa2(int(d.month)) + "-" + itoa2(int(d.day))
}

// MarshalText returns d as YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads a YYYY-MM-DD date.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.year != e.year:
		return cmp3(int(d.year), int(e.year))
	case d.month != e.month:
		return cmp3(int(d.month), int(e.month))
	default:
		return cmp3(int(d.day), int(e.day))
	}
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// AddDays returns d plus n days (n may be negative). The result is
// clamped to the years 1..9999.
func (d Date) AddDays(n int) Date {
	t := time.Date(int(d.year), time.Month(d.month), int(d.day)+n, 0, 0, 0, 0, time.UTC)
	return clampDate(t)
}

// AddMonths returns the same day n months later (or earlier when n < 0),
// "de quantième à quantième"; when that month is too short the result is
// its last day (2024-01-31 + 1 month = 2024-02-29, 2025-05-31 - 3 months =
// 2025-02-28), the reading of CPC art. 641 and CCAG 2021 art. 3.2 for
// months.
func (d Date) AddMonths(n int) Date {
	total := int(d.year)*12 + int(d.month) - 1 + n
	y, m := total/12, time.Month(total%12+1)
	if total < 0 {
		return Date{year: 1, month: 1, day: 1}
	}
	if y < 1 {
		return Date{year: 1, month: 1, day: 1}
	}
	if y > 9999 {
		return Date{year: 9999, month: 12, day: 31}
	}
	day := min(int(d.day), daysIn(y, m))
	return Date{year: int32(y), month: uint8(m), day: uint8(day)}
}

// AddYears returns d.AddMonths(12*n): an anniversary. 29 February gives
// 28 February in a common year.
func (d Date) AddYears(n int) Date { return d.AddMonths(12 * n) }

// DaysUntil returns the number of days from d to e (e - d), negative when
// e is before d.
func (d Date) DaysUntil(e Date) int { return e.dayNumber() - d.dayNumber() }

// dayNumber counts days since 0001-01-01 (proleptic Gregorian).
func (d Date) dayNumber() int {
	t := time.Date(int(d.year), time.Month(d.month), int(d.day), 0, 0, 0, 0, time.UTC)
	return int(t.Unix()/86400) + 719162
}

func clampDate(t time.Time) Date {
	y := t.Year()
	if y < 1 {
		return Date{year: 1, month: 1, day: 1}
	}
	if y > 9999 {
		return Date{year: 9999, month: 12, day: 31}
	}
	return DateOf(t)
}

// Month is a calendar month (year and month), the period an index value
// refers to. It is comparable; the zero Month means "unset".
type Month struct {
	year  int32
	month uint8
}

// NewMonth returns the month y-m, or ErrInvalidMonth.
func NewMonth(y int, m time.Month) (Month, error) {
	if y < 1 || y > 9999 || m < time.January || m > time.December {
		return Month{}, &FieldError{Field: "month", Value: itoa4(y) + "-" + itoa2(int(m)), Err: ErrInvalidMonth}
	}
	return Month{year: int32(y), month: uint8(m)}, nil
}

// ParseMonth reads a YYYY-MM month, or returns ErrInvalidMonth.
func ParseMonth(s string) (Month, error) {
	bad := &FieldError{Field: "month", Value: s, Err: ErrInvalidMonth}
	if len(s) != 7 || s[4] != '-' {
		return Month{}, bad
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	if !ok1 || !ok2 {
		return Month{}, bad
	}
	mo, err := NewMonth(y, time.Month(m))
	if err != nil {
		return Month{}, bad
	}
	return mo, nil
}

// MustMonth is ParseMonth for literals; it panics on an invalid month.
func MustMonth(s string) Month {
	m, err := ParseMonth(s)
	if err != nil {
		panic(err)
	}
	return m
}

// IsZero reports whether m is the zero (unset) Month.
func (m Month) IsZero() bool { return m == Month{} }

// Year returns the year of m.
func (m Month) Year() int { return int(m.year) }

// Month returns the month of the year of m.
func (m Month) Month() time.Month { return time.Month(m.month) }

// String returns m as YYYY-MM, or "" for the zero Month.
func (m Month) String() string {
	if m.IsZero() {
		return ""
	}
	return itoa4(int(m.year)) + "-" + itoa2(int(m.month))
}

// MarshalText returns m as YYYY-MM.
func (m Month) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText reads a YYYY-MM month.
func (m *Month) UnmarshalText(b []byte) error {
	v, err := ParseMonth(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// AddMonths returns m plus n months (n may be negative), clamped to the
// years 1..9999.
func (m Month) AddMonths(n int) Month {
	total := m.index() + n
	if total < 12 {
		return Month{year: 1, month: 1}
	}
	if total > 9999*12+11 {
		return Month{year: 9999, month: 12}
	}
	return Month{year: int32(total / 12), month: uint8(total%12 + 1)}
}

// MonthsUntil returns the number of months from m to n (n - m).
func (m Month) MonthsUntil(n Month) int { return n.index() - m.index() }

func (m Month) index() int { return int(m.year)*12 + int(m.month) - 1 }

// Compare returns -1, 0 or +1 as m is before, equal to or after n.
func (m Month) Compare(n Month) int { return cmp3(m.index(), n.index()) }

// Before reports whether m is strictly before n.
func (m Month) Before(n Month) bool { return m.index() < n.index() }

// After reports whether m is strictly after n.
func (m Month) After(n Month) bool { return m.index() > n.index() }

// FirstDay returns the first day of m.
func (m Month) FirstDay() Date { return Date{year: m.year, month: m.month, day: 1} }

// LastDay returns the last day of m.
func (m Month) LastDay() Date {
	return Date{year: m.year, month: m.month, day: uint8(daysIn(int(m.year), time.Month(m.month)))}
}

// Day returns day d of m, or its last day when d is 0 or beyond the end
// of the month.
func (m Month) Day(d int) Date {
	last := daysIn(int(m.year), time.Month(m.month))
	if d <= 0 || d > last {
		d = last
	}
	return Date{year: m.year, month: m.month, day: uint8(d)}
}

func daysIn(y int, m time.Month) int {
	switch m {
	case time.April, time.June, time.September, time.November:
		return 30
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	default:
		return 31
	}
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, len(s) > 0
}

func itoa2(n int) string {
	if n >= 0 && n < 10 {
		return "0" + string(rune('0'+n))
	}
	return itoa(n)
}

func itoa4(n int) string {
	s := itoa(n)
	for len(s) < 4 && n >= 0 {
		s = "0" + s
	}
	return s
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

func cmp3(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
