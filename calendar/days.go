package calendar

import (
	"math/bits"
	"strconv"
	"time"
)

// DayKind is a French way of counting days in a time limit (délai).
// The zero DayKind is unset and rejected.
type DayKind int

const (
	// JoursOuvres counts jours ouvrés (working days): the days on which
	// the calendar's schedule has working hours (Monday to Friday except
	// public holidays for the default schedule).
	JoursOuvres DayKind = iota + 1
	// JoursOuvrables counts jours ouvrables: Monday to Saturday except
	// public holidays, whatever the schedule.
	JoursOuvrables
	// JoursCalendaires counts calendar days: every day.
	JoursCalendaires
	// JoursFrancs counts jours francs (clear days): neither the day of the
	// starting event (dies a quo) nor the day the count reaches (dies ad
	// quem) counts, so N jours francs after D end on D+N+1.
	JoursFrancs
)

var dayKindNames = [...]string{"", "ouvres", "ouvrables", "calendaires", "francs"}

// String returns the kind's stable code: "ouvres", "ouvrables",
// "calendaires" or "francs".
func (k DayKind) String() string {
	if k < JoursOuvres || k > JoursFrancs {
		return "DayKind(" + strconv.Itoa(int(k)) + ")"
	}
	return dayKindNames[k]
}

// ParseDayKind parses a kind code: "ouvres" (or "ouvrés"), "ouvrables",
// "calendaires" or "francs". Anything else fails with ErrInvalidDayKind.
func ParseDayKind(s string) (DayKind, error) {
	switch s {
	case "ouvres", "ouvrés":
		return JoursOuvres, nil
	case "ouvrables":
		return JoursOuvrables, nil
	case "calendaires":
		return JoursCalendaires, nil
	case "francs":
		return JoursFrancs, nil
	}
	return 0, &FieldError{Field: "kind", Value: s, Err: ErrInvalidDayKind}
}

// MarshalText encodes the kind's code.
func (k DayKind) MarshalText() ([]byte, error) {
	if k < JoursOuvres || k > JoursFrancs {
		return nil, &FieldError{Field: "kind", Value: strconv.Itoa(int(k)), Err: ErrInvalidDayKind}
	}
	return []byte(k.String()), nil
}

// UnmarshalText decodes a kind code; see ParseDayKind.
func (k *DayKind) UnmarshalText(b []byte) error {
	v, err := ParseDayKind(string(b))
	if err == nil {
		*k = v
	}
	return err
}

// IsHoliday reports whether d is a public holiday of the calendar's
// territory and returns it (the first one when two fall on the same date).
// It reports false outside the supported years.
func (c *Calendar) IsHoliday(d Date) (Holiday, bool) {
	yi, n, ok := dayIndex(d)
	if !ok {
		return Holiday{}, false
	}
	t := c.dayInfo(yi)
	if !t.bit(&t.hol, n) {
		return Holiday{}, false
	}
	for _, h := range t.holidays {
		if h.Date == d {
			return h, true
		}
	}
	return Holiday{}, false
}

// IsWorkingDay reports whether d is a jour ouvré of the calendar: a day on
// which its schedule has working hours, after holidays, closures and
// exceptions. It reports false outside the supported years.
func (c *Calendar) IsWorkingDay(d Date) bool {
	yi, n, ok := dayIndex(d)
	if !ok {
		return false
	}
	t := c.dayInfo(yi)
	return t.bit(&t.work, n)
}

// IsJourOuvrable reports whether d is a jour ouvrable: Monday to Saturday
// and not a public holiday of the territory. It reports false outside the
// supported years.
func (c *Calendar) IsJourOuvrable(d Date) bool {
	yi, n, ok := dayIndex(d)
	if !ok {
		return false
	}
	t := c.dayInfo(yi)
	return t.bit(&t.ouvr, n)
}

// Extend applies the French rule that a time limit expiring on a Saturday,
// a Sunday or a public holiday is extended to the next day that is none of
// these (Code de procédure civile art. 642; Regulation (EEC, Euratom) No
// 1182/71 art. 3(4) for EU time limits). It returns d itself when d is
// such a day. It fails with ErrDayCountOutOfRange outside the supported
// years.
func (c *Calendar) Extend(d Date) (Date, error) {
	return c.moveTo(d, 1, func(t *dayTable) *[6]uint64 { return &t.free })
}

// moveTo returns d when it is in the selected set, else the nearest such
// date in direction dir (+1 later, -1 earlier).
func (c *Calendar) moveTo(d Date, dir int, sel func(*dayTable) *[6]uint64) (Date, error) {
	yi, n, ok := dayIndex(d)
	if !ok {
		return Date{}, &FieldError{Field: "date", Value: d.String(), Err: ErrDayCountOutOfRange}
	}
	if t := c.dayInfo(yi); t.bit(sel(t), n) {
		return d, nil
	}
	return c.nth(d, dir, sel)
}

// AddDays returns the date at which a time limit of n days of the given
// kind, starting on d, expires, with the French extension rule applied:
//
//   - JoursOuvres, JoursOuvrables: the n-th such day after d (d itself does
//     not count);
//   - JoursCalendaires: d + n (the day of the starting event does not
//     count, Code de procédure civile art. 641);
//   - JoursFrancs: d + n + 1 (neither the first nor the last day counts).
//
// The result is then extended past Saturdays, Sundays and public holidays
// (see Extend). A negative n counts backwards (a limit "at the latest n days
// before d"): jours francs give d + n - 1, and a result on a Saturday,
// Sunday or holiday moves to the previous day that is none of these, so the
// limit is never shortened. n == 0 gives d, extended. It fails with
// ErrInvalidDayKind for an unknown kind and ErrDayCountOutOfRange when the
// count leaves the supported years. It does not step day by day: whole
// years are skipped with precomputed counts.
func (c *Calendar) AddDays(d Date, n int, kind DayKind) (Date, error) {
	if d.IsZero() {
		return Date{}, &FieldError{Field: "date", Value: d.String(), Err: ErrInvalidDate}
	}
	if _, _, ok := dayIndex(d); !ok {
		return Date{}, &FieldError{Field: "date", Value: d.String(), Err: ErrDayCountOutOfRange}
	}
	dir := 1
	if n < 0 {
		dir = -1
	}
	var r Date
	var err error
	switch kind {
	case JoursOuvres:
		r, err = c.nth(d, n, func(t *dayTable) *[6]uint64 { return &t.work })
	case JoursOuvrables:
		r, err = c.nth(d, n, func(t *dayTable) *[6]uint64 { return &t.ouvr })
	case JoursCalendaires, JoursFrancs:
		k := int64(n)
		if kind == JoursFrancs {
			k += int64(dir)
		}
		if k > numYears*366 || k < -numYears*366 {
			return Date{}, &FieldError{Field: "days", Value: strconv.Itoa(n), Err: ErrDayCountOutOfRange}
		}
		r = d.AddDays(int(k))
		if _, _, ok := dayIndex(r); !ok {
			return Date{}, &FieldError{Field: "days", Value: strconv.Itoa(n), Err: ErrDayCountOutOfRange}
		}
	default:
		return Date{}, &FieldError{Field: "kind", Value: kind.String(), Err: ErrInvalidDayKind}
	}
	if err != nil {
		return Date{}, &FieldError{Field: "days", Value: strconv.Itoa(n), Err: ErrDayCountOutOfRange}
	}
	r, err = c.moveTo(r, dir, func(t *dayTable) *[6]uint64 { return &t.free })
	if err != nil {
		return Date{}, &FieldError{Field: "days", Value: strconv.Itoa(n), Err: ErrDayCountOutOfRange}
	}
	return r, nil
}

// nth returns the |n|-th date after d (before d when n < 0) whose bit is set
// in the selected set; n == 0 returns d. Whole years are skipped with
// popcounts, so the cost is O(years + 366).
func (c *Calendar) nth(d Date, n int, sel func(*dayTable) *[6]uint64) (Date, error) {
	if n == 0 {
		return d, nil
	}
	orig := n
	fail := func() error { return &FieldError{Field: "days", Value: strconv.Itoa(orig), Err: ErrDayCountOutOfRange} }
	yi, pos, ok := dayIndex(d)
	if !ok {
		return Date{}, fail()
	}
	if n > 0 {
		pos++ // d itself does not count
		for {
			t := c.dayInfo(yi)
			set := sel(t)
			if cnt := countBits(set, pos, t.days); cnt < n {
				n -= cnt
				yi, pos = yi+1, 0
				if yi >= numYears {
					return Date{}, fail()
				}
				continue
			}
			for p := pos; ; p++ {
				if t.bit(set, p) {
					if n--; n == 0 {
						return MustDate(MinYear+yi, time.January, 1).AddDays(p), nil
					}
				}
			}
		}
	}
	n = -n
	for {
		t := c.dayInfo(yi)
		set := sel(t)
		if cnt := countBits(set, 0, pos); cnt < n {
			n -= cnt
			yi--
			if yi < 0 {
				return Date{}, fail()
			}
			pos = c.dayInfo(yi).days
			continue
		}
		for p := pos - 1; ; p-- {
			if t.bit(set, p) {
				if n--; n == 0 {
					return MustDate(MinYear+yi, time.January, 1).AddDays(p), nil
				}
			}
		}
	}
}

// countBits counts the set bits of positions [from, to).
func countBits(set *[6]uint64, from, to int) int {
	cnt := 0
	for p := from; p < to; {
		w := p >> 6
		word := set[w] >> (p & 63)
		bitsLeft := 64 - p&63
		if rest := to - p; rest < bitsLeft {
			word &= (1 << rest) - 1
			bitsLeft = rest
		}
		cnt += bits.OnesCount64(word)
		p += bitsLeft
	}
	return cnt
}

// AddWorkingDays returns the same wall-clock time on the n-th jour ouvré
// after t: how a contract's "resolution within 1 jour ouvré" is usually
// read, as distinct from Add(t, n × the day's working hours). When t is
// outside working time, the count starts from the next opening (an
// incident reported on Friday at 20:00 with the default schedule starts on
// Monday at 09:00 and is due on Tuesday at 09:00). A wall-clock time that
// does not exist on the target day (a DST gap) moves forward by the gap, as
// time.Date does. n == 0 returns the start. The result is in the
// calendar's location. It fails with ErrNegativeDays for n < 0,
// ErrOutOfRange and ErrNeverOpen as NextOpen does, and
// ErrDayCountOutOfRange when the count leaves the supported years.
func (c *Calendar) AddWorkingDays(t time.Time, n int) (time.Time, error) {
	if n < 0 {
		return time.Time{}, &FieldError{Field: "days", Value: strconv.Itoa(n), Err: ErrNegativeDays}
	}
	start, err := c.NextOpen(t)
	if err != nil {
		return time.Time{}, err
	}
	d, err := c.nth(DateOf(start), n, func(t *dayTable) *[6]uint64 { return &t.work })
	if err != nil {
		return time.Time{}, err
	}
	h, m, s := start.Clock()
	return time.Date(d.Year(), d.Month(), d.Day(), h, m, s, start.Nanosecond(), c.loc), nil
}

// Holidays returns the public holidays of the calendar's territory in the
// closed range [from, to], sorted by date. It fails with ErrInvalidDate for
// unset dates, ErrInvalidDateRange when to is before from and
// ErrYearOutOfRange outside the supported years.
func (c *Calendar) Holidays(from, to Date) ([]Holiday, error) {
	return c.territory.HolidaysBetween(from, to)
}
