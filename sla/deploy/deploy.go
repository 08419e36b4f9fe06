package deploy

import (
	"errors"
	"slices"
	"strconv"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
)

// Deployment is a planned production deployment.
type Deployment struct {
	// Name is free text carried to the decision (a release number).
	Name string
	// Start is when the deployment is to begin.
	Start time.Time
	// Expected is how long it is expected to last, > 0.
	Expected time.Duration
	// IncidentPatch marks a patch after an incident, which goes in the
	// midday window whatever its duration.
	IncidentPatch bool
}

// Deadline is a tender-submission deadline of the platform (date limite de
// remise des plis, DLRO): a consultation whose bids are due at At.
type Deadline struct {
	// Ref identifies the consultation (free text, optional).
	Ref string
	// At is the deadline.
	At time.Time
}

// MaxHorizon bounds Config.Horizon.
const MaxHorizon = 10 * 366 * 24 * time.Hour

// Config describes the deployment rules. Zero fields mean the contract's
// values.
type Config struct {
	// Calendar gives the business hours outside which long deployments
	// must run, and the wall clock of the midday window. Nil means
	// calendar.New(calendar.Config{}): the contract's support hours,
	// Monday to Friday 09:00-19:00 except public holidays, Europe/Paris.
	Calendar *calendar.Calendar
	// WindowStart and WindowEnd are the midday window as wall-clock
	// offsets from midnight; when both are 0, 12:00-14:00.
	WindowStart, WindowEnd time.Duration
	// ShortLimit: a deployment expected to last strictly less is "short"
	// and goes in the midday window; 0 means 30 minutes.
	ShortLimit time.Duration
	// DeadlineMargin: a midday deployment is refused when a submission
	// deadline falls within this time after its start (both ends
	// included); 0 means 3 hours.
	DeadlineMargin time.Duration
	// Horizon bounds the search for the next allowed start, counted from
	// the planned start; 0 means 366 days, at most MaxHorizon.
	Horizon time.Duration
}

// Rules applies the contract's deployment windows. It is immutable and
// safe for concurrent use; build one with New.
type Rules struct {
	cal              *calendar.Calendar
	winStart, winEnd time.Duration
	short, margin    time.Duration
	horizon          time.Duration
}

// New returns the rules described by cfg. It reports every violation at
// once: ErrInvalidWindow, ErrInvalidLimit, and ErrCalendar when the
// default calendar cannot be built (its time zone cannot be loaded).
func New(cfg Config) (*Rules, error) {
	r := &Rules{cal: cfg.Calendar, winStart: cfg.WindowStart, winEnd: cfg.WindowEnd,
		short: cfg.ShortLimit, margin: cfg.DeadlineMargin, horizon: cfg.Horizon}
	var errs []*FieldError
	if r.cal == nil {
		c, err := calendar.New(calendar.Config{})
		if err != nil {
			errs = append(errs, &FieldError{Field: "calendar", Err: ErrCalendar, Detail: err.Error()})
		}
		r.cal = c
	}
	if r.winStart == 0 && r.winEnd == 0 {
		r.winStart, r.winEnd = 12*time.Hour, 14*time.Hour
	}
	if r.winStart < 0 || r.winStart >= r.winEnd || r.winEnd > 24*time.Hour {
		errs = append(errs, &FieldError{Field: "window", Value: r.winStart.String() + "-" + r.winEnd.String(), Err: ErrInvalidWindow})
	}
	for _, l := range []struct {
		field string
		v     *time.Duration
		def   time.Duration
	}{{"short_limit", &r.short, 30 * time.Minute}, {"deadline_margin", &r.margin, 3 * time.Hour}, {"horizon", &r.horizon, 366 * 24 * time.Hour}} {
		if *l.v < 0 || *l.v > MaxHorizon {
			errs = append(errs, &FieldError{Field: l.field, Value: l.v.String(), Err: ErrInvalidLimit})
		}
		if *l.v == 0 {
			*l.v = l.def
		}
	}
	if len(errs) > 0 {
		return nil, fielderr.Join(errs)
	}
	return r, nil
}

// Calendar returns the business calendar of the rules.
func (r *Rules) Calendar() *calendar.Calendar { return r.cal }

// Class is which rule governs a deployment. The zero Class is unset.
type Class int

const (
	// Midday: a deployment expected to last less than ShortLimit (30 min),
	// or any incident patch: it runs inside the midday window (12:00-14:00)
	// and only if no submission deadline falls within DeadlineMargin (3 h)
	// after its start.
	Midday Class = iota + 1
	// OffHours: every other deployment runs wholly outside business hours.
	OffHours
)

// String returns the class's stable code, "midday" or "off_hours".
func (c Class) String() string {
	switch c {
	case Midday:
		return "midday"
	case OffHours:
		return "off_hours"
	}
	return "Class(" + strconv.Itoa(int(c)) + ")"
}

// MarshalText encodes the class's code.
func (c Class) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// Rule names one check of a decision. The zero Rule is unset.
type Rule int

const (
	// InMiddayWindow: the deployment starts at or after the window's start
	// and is expected to end at or before its end, on the same day.
	InMiddayWindow Rule = iota + 1
	// NoDeadlineWithin: no submission deadline in [start, start+margin].
	NoDeadlineWithin
	// OutsideBusinessHours: no business time in [start, start+expected).
	OutsideBusinessHours
)

// String returns the rule's stable code: "midday_window",
// "no_deadline_within" or "outside_business_hours".
func (r Rule) String() string {
	switch r {
	case InMiddayWindow:
		return "midday_window"
	case NoDeadlineWithin:
		return "no_deadline_within"
	case OutsideBusinessHours:
		return "outside_business_hours"
	}
	return "Rule(" + strconv.Itoa(int(r)) + ")"
}

// MarshalText encodes the rule's code.
func (r Rule) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// Check is the outcome of one rule for the planned start.
type Check struct {
	// Rule is the rule checked.
	Rule Rule
	// Passed is true when the planned start satisfies it.
	Passed bool
	// WindowStart and WindowEnd are the midday window of the start's day
	// (InMiddayWindow only).
	WindowStart, WindowEnd time.Time
	// Conflicts lists the deadlines in [start, start+margin], in time
	// order (NoDeadlineWithin only).
	Conflicts []Deadline
	// BusinessTime is the business time inside [start, start+expected)
	// (OutsideBusinessHours only).
	BusinessTime time.Duration
}

// Decision says whether a deployment may start as planned, why, and when
// it could.
type Decision struct {
	// Deployment is the input, its Start on the calendar's wall clock.
	Deployment Deployment
	// Class is the rule set that governs the deployment.
	Class Class
	// Allowed is true when every check passed.
	Allowed bool
	// Checks lists the rules of the class in order: InMiddayWindow then
	// NoDeadlineWithin, or OutsideBusinessHours.
	Checks []Check
	// End is the expected end, Start + Expected.
	End time.Time
	// Next is the earliest allowed start at or after Start: Start itself
	// when Allowed. A start that had to move lands on a whole minute.
	// It is the zero time when none exists within the horizon (NextFound
	// false), e.g. an incident patch longer than the midday window.
	Next time.Time
	// NextFound reports whether Next was found within the horizon.
	NextFound bool
}

// Classify returns the class of a deployment: Midday when it is an
// incident patch or expected to last strictly less than ShortLimit, else
// OffHours. A deployment of exactly 30 minutes is OffHours.
func (r *Rules) Classify(d Deployment) Class {
	if d.IncidentPatch || d.Expected < r.short {
		return Midday
	}
	return OffHours
}

// Check decides whether d may start at d.Start given the platform's
// submission deadlines, checking every rule of its class, and searches the
// next allowed start (see Decision.Next). The midday window applies every
// day of the week: the contract names no days. Deadlines before the start
// play no part; deadlines are ignored for OffHours deployments, which the
// contract does not tie to them.
//
// The search jumps from window to window and deadline to deadline (midday),
// or from closing to closing of the calendar (NextClose, NextOpen), never
// minute by minute; it stops at the horizon. It fails, reporting every
// violation at once, with ErrMissingTime, ErrTimeOutOfRange or
// ErrInvalidDuration on the deployment ("deployment.start") or a deadline
// ("deadlines[2].at"), or with a calendar error. The inputs are not
// modified.
func (r *Rules) Check(d Deployment, deadlines []Deadline) (Decision, error) {
	loc := r.cal.Location()
	var errs []*FieldError
	errs = r.checkTime(errs, func() string { return "deployment.start" }, d.Start)
	if d.Expected <= 0 {
		errs = append(errs, &FieldError{Field: "deployment.expected_duration", Value: d.Expected.String(), Err: ErrInvalidDuration})
	}
	for i, dl := range deadlines {
		errs = r.checkTime(errs, func() string { return "deadlines[" + strconv.Itoa(i) + "].at" }, dl.At)
	}
	if len(errs) > 0 {
		return Decision{}, fielderr.Join(errs)
	}
	d.Start = d.Start.In(loc)
	dls := make([]Deadline, len(deadlines))
	for i, dl := range deadlines {
		dls[i] = Deadline{Ref: dl.Ref, At: dl.At.In(loc)}
	}
	byTime := func(a, b Deadline) int { return a.At.Compare(b.At) }
	if !slices.IsSortedFunc(dls, byTime) { // lists usually come sorted
		slices.SortStableFunc(dls, byTime)
	}

	dec := Decision{Deployment: d, Class: r.Classify(d), End: d.Start.Add(d.Expected)}
	var err error
	if dec.Class == Midday {
		ws, we := r.window(calendar.DateOf(d.Start))
		in := Check{Rule: InMiddayWindow, WindowStart: ws, WindowEnd: we,
			Passed: !d.Start.Before(ws) && !dec.End.After(we)}
		nd := Check{Rule: NoDeadlineWithin, Conflicts: r.conflicts(dls, d.Start)}
		nd.Passed = len(nd.Conflicts) == 0
		dec.Checks = []Check{in, nd}
		dec.Next, dec.NextFound = r.nextMidday(d, dls)
	} else {
		bt, e := r.cal.Between(d.Start, dec.End)
		if e != nil {
			return Decision{}, calErr("deployment.start", d.Start, e)
		}
		dec.Checks = []Check{{Rule: OutsideBusinessHours, BusinessTime: bt, Passed: bt == 0}}
		dec.Next, dec.NextFound, err = r.nextOffHours(d)
		if err != nil {
			return Decision{}, err
		}
	}
	dec.Allowed = true
	for _, c := range dec.Checks {
		dec.Allowed = dec.Allowed && c.Passed
	}
	return dec, nil
}

// checkTime appends t's violations; field names the input, built only on
// error.
func (r *Rules) checkTime(errs []*FieldError, field func() string, t time.Time) []*FieldError {
	if t.IsZero() {
		return append(errs, &FieldError{Field: field(), Err: ErrMissingTime})
	}
	if y := t.In(r.cal.Location()).Year(); y < calendar.MinYear || y > calendar.MaxYear {
		return append(errs, &FieldError{Field: field(), Value: t.Format(time.RFC3339Nano), Err: ErrTimeOutOfRange})
	}
	return errs
}

// conflicts returns the deadlines of the sorted dls in [s, s+margin].
func (r *Rules) conflicts(dls []Deadline, s time.Time) []Deadline {
	lo, hi := r.conflictRange(dls, s)
	if lo == hi {
		return nil
	}
	return slices.Clone(dls[lo:hi])
}

// conflictRange returns the bounds [lo, hi) of the deadlines of the
// sorted dls in [s, s+margin].
func (r *Rules) conflictRange(dls []Deadline, s time.Time) (lo, hi int) {
	lo, _ = slices.BinarySearchFunc(dls, s, func(d Deadline, t time.Time) int { return d.At.Compare(t) })
	end := s.Add(r.margin)
	hi = lo
	for hi < len(dls) && !dls[hi].At.After(end) {
		hi++
	}
	return lo, hi
}

// window returns the midday window of date d on the calendar's wall clock.
func (r *Rules) window(d calendar.Date) (time.Time, time.Time) {
	loc := r.cal.Location()
	return wallTime(d, r.winStart, loc), wallTime(d, r.winEnd, loc)
}

// wallTime returns date d at wall-clock offset off in loc, resolved as
// time.Date does (a midday window never meets a DST change in France).
func wallTime(d calendar.Date, off time.Duration, loc *time.Location) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, int(off), loc)
}

// nextMidday searches the earliest start s >= d.Start inside a day's
// window with the whole deployment before the window's end and no
// deadline in [s, s+margin]. Each step either succeeds, moves past the
// last conflicting deadline (to the next whole minute), or moves to the
// next day's window: O(days + deadlines) steps, bounded by the horizon.
func (r *Rules) nextMidday(d Deployment, dls []Deadline) (time.Time, bool) {
	if d.Expected > r.winEnd-r.winStart {
		return time.Time{}, false // can never fit the window
	}
	limit := d.Start.Add(r.horizon)
	s := d.Start
	for !s.After(limit) {
		day := calendar.DateOf(s)
		ws, we := r.window(day)
		latest := we.Add(-d.Expected)
		if s.Before(ws) {
			s = ws
		}
		if s.After(latest) {
			s, _ = r.window(day.AddDays(1))
			continue
		}
		lo, hi := r.conflictRange(dls, s)
		if lo == hi {
			if s.After(limit) {
				break
			}
			return s, true
		}
		s = dls[hi-1].At.Truncate(time.Minute).Add(time.Minute)
	}
	return time.Time{}, false
}

// nextOffHours searches the earliest start s >= d.Start such that
// [s, s+expected) holds no business time: from a closed instant, the
// deployment fits when the next opening is at least Expected away;
// otherwise it jumps to the end of that opening's working period.
func (r *Rules) nextOffHours(d Deployment) (time.Time, bool, error) {
	limit := d.Start.Add(r.horizon)
	s := d.Start
	for !s.After(limit) {
		open, err := r.cal.IsOpen(s)
		if err != nil {
			return outOfRange(err)
		}
		if open {
			if s, err = r.cal.NextClose(s); err != nil {
				return outOfRange(err)
			}
			continue
		}
		o, err := r.cal.NextOpen(s)
		if errors.Is(err, calendar.ErrNeverOpen) {
			return s, true, nil // closed for good
		}
		if err != nil {
			return outOfRange(err)
		}
		if o.Sub(s) >= d.Expected {
			return s, true, nil
		}
		if s, err = r.cal.NextClose(o); err != nil {
			return outOfRange(err)
		}
	}
	return time.Time{}, false, nil
}

// outOfRange turns the calendar running out of years (or never closing)
// during the search into "no allowed start found"; other errors pass.
func outOfRange(err error) (time.Time, bool, error) {
	if errors.Is(err, calendar.ErrOutOfRange) || errors.Is(err, calendar.ErrNeverCloses) {
		return time.Time{}, false, nil
	}
	return time.Time{}, false, err
}

// calErr renames a calendar error to the input field.
func calErr(field string, t time.Time, err error) error {
	var fe *FieldError
	if errors.As(err, &fe) {
		return &FieldError{Field: field, Value: t.Format(time.RFC3339Nano), Err: fe.Err, Detail: fe.Detail}
	}
	return &FieldError{Field: field, Value: t.Format(time.RFC3339Nano), Err: ErrCalendar, Detail: err.Error()}
}
