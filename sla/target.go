package sla

import (
	"strconv"
	"strings"
	"time"
)

// Target is one of the three commitments a policy dates for each priority.
// The zero Target is unset.
type Target int

const (
	// Acknowledge: the vendor takes the incident in hand (prise en compte).
	Acknowledge Target = iota + 1
	// Workaround: a workaround restores the service (contournement).
	Workaround
	// Resolve: the fault is corrected (résolution).
	Resolve
)

// targets lists the targets in their fixed output order.
var targets = [...]Target{Acknowledge, Workaround, Resolve}

var targetNames = [...]string{"", "acknowledge", "workaround", "resolve"}

// String returns the target's stable code: "acknowledge", "workaround" or
// "resolve" ("" when unset).
func (t Target) String() string {
	if t < Acknowledge || t > Resolve {
		return ""
	}
	return targetNames[t]
}

// MarshalText encodes the target's code.
func (t Target) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// ParseTarget parses a target code; anything else fails with
// ErrInvalidTarget.
func ParseTarget(s string) (Target, error) {
	for i := Acknowledge; i <= Resolve; i++ {
		if targetNames[i] == s {
			return i, nil
		}
	}
	return 0, &FieldError{Field: "target", Value: s, Err: ErrInvalidTarget}
}

// pausable reports whether a pause stops the target's clock: the
// acknowledgement clock is never paused.
func (t Target) pausable() bool { return t == Workaround || t == Resolve }

// Kind is how a Rule dates a target. The zero Kind is unset and rejected.
type Kind int

const (
	// None: no target (e.g. no workaround commitment for P3).
	None Kind = iota + 1
	// Immediate: due at the start when it is inside business hours, else
	// at the calendar's next opening; with a Grace, that much business time
	// later. Counted on the business clock.
	Immediate
	// BusinessDuration: Duration of working time on the calendar
	// (calendar.Calendar.Add): "2 business hours".
	BusinessDuration
	// BusinessDays: the same wall-clock time on the Days-th next working day
	// (calendar.Calendar.AddWorkingDays), counting from the next opening
	// when the start is outside business hours: "1 jour ouvré". Counted on
	// the business clock.
	BusinessDays
	// WallClock: Duration of real elapsed time, nights, weekends and
	// holidays included (on-call, astreinte). Across a DST change 4h is
	// four real hours, so the local reading moves by 3 or 5.
	WallClock
	// NextRelease: the instant of the first release of kind Release (or of
	// a larger kind) strictly after the start. Counted on the wall clock.
	NextRelease
	// AgreedDate: the date agreed with the client (an "agreed" event);
	// until one is agreed, the next release of kind Release when Release is
	// set, else undated. Counted on the wall clock.
	AgreedDate
)

var kindNames = [...]string{"", "none", "immediate", "business_duration", "business_days", "wall_clock", "next_release", "agreed_date"}

// String returns the kind's stable code ("business_days"...), "" when unset.
func (k Kind) String() string {
	if k < None || k > AgreedDate {
		return ""
	}
	return kindNames[k]
}

// MarshalText encodes the kind's code.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// ParseKind parses a kind code; anything else fails with ErrInvalidKind.
func ParseKind(s string) (Kind, error) {
	for i := None; i <= AgreedDate; i++ {
		if kindNames[i] == s {
			return i, nil
		}
	}
	return 0, &FieldError{Field: "kind", Value: s, Err: ErrInvalidKind}
}

// Clock is the time a target's clock counts.
type Clock int

const (
	// ClockBusiness counts the working time of the calendar.
	ClockBusiness Clock = iota + 1
	// ClockWall counts all real elapsed time.
	ClockWall
)

// String returns "business" or "wall".
func (c Clock) String() string {
	switch c {
	case ClockBusiness:
		return "business"
	case ClockWall:
		return "wall"
	}
	return ""
}

// MarshalText encodes the clock's code.
func (c Clock) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// Rule dates one target. Which fields are used depends on Kind; setting a
// field the kind does not use is an error (ErrIrrelevantField), so that a
// typo cannot silently change a contract.
type Rule struct {
	// Kind is how the target is dated.
	Kind Kind
	// Duration is the business time of a BusinessDuration rule or the real
	// time of a WallClock rule; > 0.
	Duration time.Duration
	// Days is the number of working days of a BusinessDays rule; >= 1.
	Days int
	// Release is the kind of release of a NextRelease rule, and the
	// fallback of an AgreedDate rule while no date is agreed (zero: none).
	Release ReleaseKind
	// Grace is the business time allowed after the due instant of an
	// Immediate rule; >= 0. The contract gives none.
	Grace time.Duration
}

// Clock returns the clock the rule counts on: the wall clock for
// WallClock, NextRelease and AgreedDate, the business clock otherwise.
func (r Rule) Clock() Clock {
	switch r.Kind {
	case WallClock, NextRelease, AgreedDate:
		return ClockWall
	}
	return ClockBusiness
}

// String describes the rule in English, e.g. "immediate", "2h of business
// time", "1 business day (same time on the next working day)", "4h
// wall-clock", "next intermediate release", "agreed date, else next
// intermediate release".
func (r Rule) String() string {
	switch r.Kind {
	case None:
		return "no target"
	case Immediate:
		if r.Grace > 0 {
			return "immediate, " + formatDuration(r.Grace) + " of business time grace"
		}
		return "immediate"
	case BusinessDuration:
		return formatDuration(r.Duration) + " of business time"
	case BusinessDays:
		if r.Days == 1 {
			return "1 business day (same time on the next working day)"
		}
		return strconv.Itoa(r.Days) + " business days (same time on the " + ordinal(r.Days) + " working day)"
	case WallClock:
		return formatDuration(r.Duration) + " wall-clock"
	case NextRelease:
		return "next " + r.Release.String() + " release"
	case AgreedDate:
		if r.Release != 0 {
			return "agreed date, else next " + r.Release.String() + " release"
		}
		return "agreed date"
	}
	return "unset"
}

func ordinal(n int) string {
	s := strconv.Itoa(n)
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return s + "th"
	case n%10 == 1:
		return s + "st"
	case n%10 == 2:
		return s + "nd"
	case n%10 == 3:
		return s + "rd"
	}
	return s + "th"
}

// formatDuration writes d without zero units: "2h", "1h30m", "45m", "90s",
// "1h0m0.5s" stays exact through time.Duration.String when it has
// fractions of a second.
func formatDuration(d time.Duration) string {
	if d <= 0 || d%time.Second != 0 {
		return d.String()
	}
	var b strings.Builder
	h, m, s := d/time.Hour, (d%time.Hour)/time.Minute, (d%time.Minute)/time.Second
	if h > 0 {
		b.WriteString(strconv.FormatInt(int64(h), 10) + "h")
	}
	if m > 0 {
		b.WriteString(strconv.FormatInt(int64(m), 10) + "m")
	}
	if s > 0 {
		b.WriteString(strconv.FormatInt(int64(s), 10) + "s")
	}
	return b.String()
}

// validate appends the rule's violations, fields prefixed by path.
func (r Rule) validate(path string, errs []*FieldError) []*FieldError {
	bad := func(field, value string, rule error) {
		errs = append(errs, &FieldError{Field: path + field, Value: value, Err: rule})
	}
	if r.Kind < None || r.Kind > AgreedDate {
		bad("kind", strconv.Itoa(int(r.Kind)), ErrInvalidKind)
		return errs
	}
	usesDuration := r.Kind == BusinessDuration || r.Kind == WallClock
	switch {
	case usesDuration && r.Duration <= 0:
		bad("duration", r.Duration.String(), ErrInvalidDuration)
	case !usesDuration && r.Duration != 0:
		bad("duration", r.Duration.String(), ErrIrrelevantField)
	}
	switch {
	case r.Kind == BusinessDays && r.Days < 1:
		bad("days", strconv.Itoa(r.Days), ErrInvalidDays)
	case r.Kind != BusinessDays && r.Days != 0:
		bad("days", strconv.Itoa(r.Days), ErrIrrelevantField)
	}
	switch {
	case r.Kind == NextRelease && !r.Release.valid():
		bad("release", strconv.Itoa(int(r.Release)), ErrInvalidReleaseKind)
	case r.Kind == AgreedDate && r.Release != 0 && !r.Release.valid():
		bad("release", strconv.Itoa(int(r.Release)), ErrInvalidReleaseKind)
	case r.Kind != NextRelease && r.Kind != AgreedDate && r.Release != 0:
		bad("release", r.Release.String(), ErrIrrelevantField)
	}
	switch {
	case r.Kind == Immediate && r.Grace < 0:
		bad("grace", r.Grace.String(), ErrInvalidDuration)
	case r.Kind != Immediate && r.Grace != 0:
		bad("grace", r.Grace.String(), ErrIrrelevantField)
	}
	return errs
}

// Term is a policy's commitment for one target of one priority: the rule
// that applies when the target's clock starts inside business hours, and
// the one that applies when it starts outside them (the on-call rule).
type Term struct {
	// InHours applies when the target starts inside business hours, and
	// always when OutOfHours is unset.
	InHours Rule
	// OutOfHours applies when the target starts outside business hours
	// (the calendar is closed at the start). Its zero value (Kind unset)
	// means "same as InHours".
	OutOfHours Rule
}

// Split reports whether the term has a distinct out-of-hours rule.
func (t Term) Split() bool { return t.OutOfHours.Kind != 0 }

// Rule returns the rule that applies to a target starting inside
// (inHours) or outside business hours.
func (t Term) Rule(inHours bool) Rule {
	if !inHours && t.Split() {
		return t.OutOfHours
	}
	return t.InHours
}

// String describes the term: the rule alone, or "<rule> in business hours;
// <rule> outside business hours".
func (t Term) String() string {
	if !t.Split() {
		return t.InHours.String()
	}
	return t.InHours.String() + " in business hours; " + t.OutOfHours.String() + " outside business hours"
}

func (t Term) validate(path string, errs []*FieldError) []*FieldError {
	errs = t.InHours.validate(path+".", errs)
	if t.Split() {
		errs = t.OutOfHours.validate(path+".out_of_hours.", errs)
	}
	return errs
}
