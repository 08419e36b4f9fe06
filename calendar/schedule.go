package calendar

import (
	"slices"
	"strconv"
	"time"
)

// Span is one working interval of a day, as offsets from the day's
// midnight on the wall clock: [Start, End). Start is in [0, 24h); End is
// after Start, at most 24 hours after it and at most 48h. An End after 24h
// crosses midnight: "22:00-06:00" is Span{22h, 30h}, and the part after
// midnight belongs to the day the span starts on (the OpenStreetMap
// opening_hours reading), so that day's status (holiday, closure) decides
// whether the whole span is worked. Spans are whole seconds.
type Span struct {
	Start time.Duration
	End   time.Duration
}

// String formats the span as "HH:MM-HH:MM" (with ":SS" when needed), the
// end written past 24:00 when it crosses midnight.
func (s Span) String() string { return clock(s.Start) + "-" + clock(s.End) }

func clock(d time.Duration) string {
	sec := int64(d / time.Second)
	h, m, s := sec/3600, sec/60%60, sec%60
	out := pad2(h) + ":" + pad2(m)
	if s != 0 {
		out += ":" + pad2(s)
	}
	return out
}

func pad2(v int64) string {
	if v < 10 {
		return "0" + strconv.FormatInt(v, 10)
	}
	return strconv.FormatInt(v, 10)
}

func (s Span) valid() bool {
	return s.Start >= 0 && s.Start < 24*time.Hour && s.End > s.Start &&
		s.End <= s.Start+24*time.Hour && s.End <= 48*time.Hour &&
		s.Start%time.Second == 0 && s.End%time.Second == 0
}

// HolidayRule says how public holidays (PH in opening_hours) are worked.
type HolidayRule int

const (
	// HolidaysAsUsual: public holidays are worked like any other day of
	// their weekday (no PH rule; e.g. a 24/7 on-call service).
	HolidaysAsUsual HolidayRule = iota
	// HolidaysOff: public holidays are not worked ("PH off").
	HolidaysOff
	// HolidaysSpecial: public holidays have their own hours
	// ("PH 10:00-12:00"), given by ScheduleConfig.HolidayHours.
	HolidaysSpecial
)

// Closure is a range of dates, both inclusive, on which nothing is worked
// (e.g. a yearly shutdown).
type Closure struct {
	From Date `json:"from"`
	To   Date `json:"to"`
}

// Exception gives one date its own hours, replacing every other rule for
// that date; no Spans means the date is closed.
type Exception struct {
	Date  Date   `json:"date"`
	Spans []Span `json:"hours"`
}

// ScheduleConfig describes a working schedule in Go code; NewSchedule
// validates it. ParseSchedule reads the same thing from opening_hours
// text. Zero fields mean: no working hours that weekday, holidays as usual,
// no closures, no exceptions.
type ScheduleConfig struct {
	// Week holds the working spans of each weekday, indexed by
	// time.Weekday (Sunday = 0). Spans of a day may not overlap.
	Week [7][]Span
	// Holidays says how the territory's public holidays are worked.
	Holidays HolidayRule
	// HolidayHours are the spans of a public holiday with HolidaysSpecial.
	HolidayHours []Span
	// Closures are date ranges with no work at all.
	Closures []Closure
	// Exceptions are dates with their own hours.
	Exceptions []Exception
}

// Schedule is an immutable working schedule: working spans per weekday
// (several per day, possibly crossing midnight), a rule for public
// holidays, closures and exceptional days. It knows no time zone and no
// holidays itself: a Calendar binds it to a territory and a location.
//
// For a given date the first matching rule applies, in this order:
// an Exception for the date, a Closure containing it, the holiday rule
// when the date is a public holiday (unless HolidaysAsUsual), and the
// weekday's spans. The zero Schedule has no working time at all; a
// Calendar built with a zero Schedule uses DefaultSchedule instead.
//
// A Schedule is a value: copies share nothing mutable, and it is safe for
// concurrent use.
type Schedule struct {
	week     [7][]Span
	holidays HolidayRule
	phSpans  []Span
	closures []Closure
	except   []Exception
}

// DefaultHours is the contract's support hours in opening_hours syntax:
// Monday to Friday 09:00-19:00, public holidays off.
const DefaultHours = "Mo-Fr 09:00-19:00; PH off"

// DefaultSchedule returns the contract's support hours (DefaultHours).
func DefaultSchedule() Schedule {
	nine, seven := 9*time.Hour, 19*time.Hour
	var s Schedule
	for wd := time.Monday; wd <= time.Friday; wd++ {
		s.week[wd] = []Span{{nine, seven}}
	}
	s.holidays = HolidaysOff
	return s
}

// NewSchedule validates cfg and returns the schedule. Every violation is
// reported at once (errors.Is sees each sentinel): ErrInvalidSpan for a bad
// or overlapping span, ErrInvalidDateRange for a reversed closure,
// ErrInvalidDate for an unset date. cfg is copied, never retained.
func NewSchedule(cfg ScheduleConfig) (Schedule, error) {
	var errs []*FieldError
	var s Schedule
	for wd := range cfg.Week {
		field := "week." + weekdayCodes[wd]
		s.week[wd] = checkSpans(field, cfg.Week[wd], &errs)
	}
	switch cfg.Holidays {
	case HolidaysAsUsual, HolidaysOff:
		if len(cfg.HolidayHours) > 0 {
			errs = append(errs, &FieldError{Field: "holidayHours", Value: spansString(cfg.HolidayHours), Err: ErrInvalidSpan,
				Detail: "holiday hours are only allowed with HolidaysSpecial"})
		}
	case HolidaysSpecial:
		if len(cfg.HolidayHours) == 0 {
			errs = append(errs, &FieldError{Field: "holidayHours", Err: ErrInvalidSpan,
				Detail: "HolidaysSpecial needs holiday hours; use HolidaysOff for closed holidays"})
		}
		s.phSpans = checkSpans("holidayHours", cfg.HolidayHours, &errs)
	default:
		errs = append(errs, &FieldError{Field: "holidays", Value: strconv.Itoa(int(cfg.Holidays)), Err: ErrInvalidSchedule,
			Detail: "unknown holiday rule"})
	}
	s.holidays = cfg.Holidays
	for i, c := range cfg.Closures {
		f := "closures[" + strconv.Itoa(i) + "]"
		switch {
		case c.From.IsZero():
			errs = append(errs, &FieldError{Field: f + ".from", Value: c.From.String(), Err: ErrInvalidDate})
		case c.To.IsZero():
			errs = append(errs, &FieldError{Field: f + ".to", Value: c.To.String(), Err: ErrInvalidDate})
		case c.To.Before(c.From):
			errs = append(errs, &FieldError{Field: f, Value: c.From.String() + ".." + c.To.String(), Err: ErrInvalidDateRange})
		}
	}
	s.closures = slices.Clone(cfg.Closures)
	for i, e := range cfg.Exceptions {
		f := "exceptions[" + strconv.Itoa(i) + "]"
		if e.Date.IsZero() {
			errs = append(errs, &FieldError{Field: f + ".date", Value: e.Date.String(), Err: ErrInvalidDate})
		}
		s.except = append(s.except, Exception{Date: e.Date, Spans: checkSpans(f+".hours", e.Spans, &errs)})
	}
	if err := joinErrors(errs); err != nil {
		return Schedule{}, err
	}
	return s, nil
}

func joinErrors(errs []*FieldError) error {
	if len(errs) == 0 {
		return nil
	}
	return fieldErrorList(errs)
}

// checkSpans validates spans, returns a sorted copy and records problems.
func checkSpans(field string, in []Span, errs *[]*FieldError) []Span {
	if len(in) == 0 {
		return nil
	}
	out := slices.Clone(in)
	slices.SortFunc(out, func(a, b Span) int { return cmpDur(a.Start, b.Start) })
	for i, sp := range out {
		if !sp.valid() {
			*errs = append(*errs, &FieldError{Field: field, Value: sp.String(), Err: ErrInvalidSpan})
			continue
		}
		if i > 0 && out[i-1].End > sp.Start {
			*errs = append(*errs, &FieldError{Field: field, Value: out[i-1].String() + "," + sp.String(), Err: ErrInvalidSpan,
				Detail: "spans overlap"})
		}
	}
	// A span crossing midnight may not overlap the day's first span of the
	// next day's own hours; that is checked per date when the calendar is
	// built, where overlapping parts are simply merged.
	return out
}

func cmpDur(a, b time.Duration) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func spansString(sp []Span) string {
	out := ""
	for i, s := range sp {
		if i > 0 {
			out += ","
		}
		out += s.String()
	}
	return out
}

// weekdayCodes are the opening_hours two-letter day codes, by time.Weekday.
var weekdayCodes = [7]string{"Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"}

// Week returns a copy of the working spans of weekday wd.
func (s Schedule) Week(wd time.Weekday) []Span {
	if wd < time.Sunday || wd > time.Saturday {
		return nil
	}
	return slices.Clone(s.week[wd])
}

// Holidays returns the holiday rule and, for HolidaysSpecial, a copy of
// the holiday spans.
func (s Schedule) Holidays() (HolidayRule, []Span) { return s.holidays, slices.Clone(s.phSpans) }

// Closures returns a copy of the schedule's closures.
func (s Schedule) Closures() []Closure { return slices.Clone(s.closures) }

// Exceptions returns a copy of the schedule's exceptional days.
func (s Schedule) Exceptions() []Exception {
	out := make([]Exception, len(s.except))
	for i, e := range s.except {
		out[i] = Exception{Date: e.Date, Spans: slices.Clone(e.Spans)}
	}
	return out
}

// Config returns the schedule as a ScheduleConfig (a deep copy), so that a
// schedule can be changed and rebuilt with NewSchedule.
func (s Schedule) Config() ScheduleConfig {
	var c ScheduleConfig
	for wd := range s.week {
		c.Week[wd] = slices.Clone(s.week[wd])
	}
	c.Holidays = s.holidays
	c.HolidayHours = slices.Clone(s.phSpans)
	c.Closures = s.Closures()
	c.Exceptions = s.Exceptions()
	return c
}

// IsZero reports whether s has no working time on any weekday, no holiday
// hours and no exceptions with hours: the zero Schedule.
func (s Schedule) IsZero() bool {
	for _, w := range s.week {
		if len(w) > 0 {
			return false
		}
	}
	return s.holidays == HolidaysAsUsual && len(s.phSpans) == 0 && len(s.closures) == 0 && len(s.except) == 0
}

// spansOn returns the spans that start on date d (shared, not to be
// modified), given whether d is a public holiday.
func (s Schedule) spansOn(d Date, holiday bool) []Span {
	for i := len(s.except) - 1; i >= 0; i-- {
		if s.except[i].Date == d {
			return s.except[i].Spans
		}
	}
	for _, c := range s.closures {
		if !d.Before(c.From) && !d.After(c.To) {
			return nil
		}
	}
	if holiday {
		switch s.holidays {
		case HolidaysOff:
			return nil
		case HolidaysSpecial:
			return s.phSpans
		}
	}
	return s.week[d.Weekday()]
}
