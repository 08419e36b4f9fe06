package sla

import (
	"errors"
	"time"

	"github.com/openmarches/marches/calendar"
)

// Config describes an Evaluator. Zero fields mean the documented defaults.
type Config struct {
	// Policy is the SLA policy; nil means DefaultPolicy().
	Policy *Policy
	// Calendar is the support calendar: business hours, holidays and the
	// time zone of every returned instant. Nil means calendar.New with the
	// zero calendar.Config: Mo-Fr 09:00-19:00 except national holidays,
	// Europe/Paris.
	Calendar *calendar.Calendar
	// Releases is the release calendar; nil means none, so that targets
	// waiting for a release are undated (StateUndated).
	Releases *ReleaseCalendar
}

// Evaluator dates and evaluates targets under one policy, calendar and
// release calendar. It is immutable and safe for concurrent use.
type Evaluator struct {
	policy *Policy
	cal    *calendar.Calendar
	rel    *ReleaseCalendar
	loc    *time.Location
}

// New returns an evaluator for cfg. It fails only when the default
// calendar cannot be built (calendar.ErrUnknownZone).
func New(cfg Config) (*Evaluator, error) {
	e := &Evaluator{policy: cfg.Policy, cal: cfg.Calendar, rel: cfg.Releases}
	if e.policy == nil {
		e.policy = DefaultPolicy()
	}
	if e.cal == nil {
		c, err := calendar.New(calendar.Config{})
		if err != nil {
			return nil, err
		}
		e.cal = c
	}
	e.loc = e.cal.Location()
	return e, nil
}

// Policy returns the evaluator's policy.
func (e *Evaluator) Policy() *Policy { return e.policy }

// Calendar returns the evaluator's support calendar.
func (e *Evaluator) Calendar() *calendar.Calendar { return e.cal }

// Releases returns the evaluator's release calendar, or nil.
func (e *Evaluator) Releases() *ReleaseCalendar { return e.rel }

// State is the state of a target at the evaluation instant.
type State int

const (
	// StateRunning: not reached, due instant not passed, clock running.
	StateRunning State = iota + 1
	// StatePaused: not reached, due instant not passed, clock stopped by
	// a pause that is still open. The due instant shown is the one that
	// would hold if the pause ended at the evaluation instant.
	StatePaused
	// StateMet: reached at or before the due instant.
	StateMet
	// StateBreached: reached after the due instant, or not reached and the
	// due instant has passed. BreachedAt is the due instant.
	StateBreached
	// StateUndated: the target has no due instant (next release without a
	// release calendar, or none after the start; agreed date not agreed and
	// no fallback): it can be neither met nor breached. MetAt still says
	// when it was reached.
	StateUndated
)

var stateNames = [...]string{"", "running", "paused", "met", "breached", "undated"}

// String returns the state's code: "running", "paused", "met", "breached"
// or "undated".
func (s State) String() string {
	if s < StateRunning || s > StateUndated {
		return ""
	}
	return stateNames[s]
}

// MarshalText encodes the state's code.
func (s State) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Escalation is the instant at which a share of a target's budget has been
// counted.
type Escalation struct {
	// Percent is the threshold, in percent of the budget.
	Percent int
	// At is the instant Percent % of the budget is counted, pauses taken
	// into account (budget × Percent / 100, rounded down to the
	// nanosecond, counted from the start on the target's clock).
	At time.Time
	// Reached reports whether At is at or before the instant the target was
	// reached, or the evaluation instant when it was not.
	Reached bool
}

// TargetResult is the evaluation of one target of one incident.
type TargetResult struct {
	// Target is the evaluated target.
	Target Target
	// Priority is the priority code whose rule dates the target.
	Priority string
	// Term is the policy's term for Target under Priority.
	Term Term
	// Rule is the rule applied: Term.InHours or, when the start is outside
	// business hours, Term.OutOfHours.
	Rule Rule
	// InHours reports whether Start is inside business hours.
	InHours bool
	// Clock is the clock the target counts on (Rule.Clock).
	Clock Clock
	// Start is the instant the target's clock starts: the opening, or
	// under FromChange the re-qualification that set Priority.
	Start time.Time
	// Due is the due instant, pauses taken into account; zero when
	// undated.
	Due time.Time
	// State is the target's state at the evaluation instant.
	State State
	// MetAt is the instant the target was reached (on time or late); zero
	// when not reached. An acknowledgement is reached by the first
	// acknowledged, workaround or resolved event; a workaround by the first
	// workaround or resolved event; a resolution by the last resolved event
	// not followed by a reopening.
	MetAt time.Time
	// BreachedAt is the due instant when State is StateBreached, else zero.
	BreachedAt time.Time
	// Budget is the clock time the target allows: the time counted from
	// Start to Due, pauses excluded (0 for Immediate without grace). Zero
	// when undated.
	Budget time.Duration
	// Elapsed is the clock time counted from Start to MetAt, or to the
	// evaluation instant when not reached, pauses excluded.
	Elapsed time.Duration
	// BusinessElapsed is Elapsed measured on the business clock whatever
	// the target's clock (the time-to-meet of the batch summary).
	BusinessElapsed time.Duration
	// Remaining is Budget - Elapsed: the margin left (or, once reached, the
	// margin kept); negative when late. Zero when undated.
	Remaining time.Duration
	// Paused is the clock time not counted between Start and MetAt (or the
	// evaluation instant) because of pauses and, for Resolve, of
	// resolutions later reopened.
	Paused time.Duration
	// Note explains an undated target.
	Note string
	// Escalations are the instants of the policy's thresholds (none when
	// undated or the budget is zero).
	Escalations []Escalation
	// Proof is the ordered partition of the target's clock, see Interval.
	Proof []Interval
}

// Result is the evaluation of one incident at one instant.
type Result struct {
	// ID is the incident's identifier.
	ID string
	// Priority is the priority in force at the evaluation instant.
	Priority string
	// Status is the incident's status at the evaluation instant.
	Status Status
	// Opened is the opening instant.
	Opened time.Time
	// Now is the evaluation instant.
	Now time.Time
	// Targets are the evaluated targets, in the order acknowledge,
	// workaround, resolve; a target whose rule is None is left out.
	Targets []TargetResult
}

// Target returns the result for target t, and false when it was left out.
func (r Result) Target(t Target) (TargetResult, bool) {
	for _, tr := range r.Targets {
		if tr.Target == t {
			return tr, true
		}
	}
	return TargetResult{}, false
}

// Evaluate checks the incident's history against the policy and evaluates
// each target at instant now: due instant, state, elapsed and remaining
// clock time, escalations and proof (see the package documentation for
// the semantics). Every instant returned is in the calendar's location.
//
// An invalid history fails with every violation at once, each naming the
// event ("events[3]", "events[3].priority") and the rule: ErrNoEvents,
// ErrFirstNotOpened, ErrOpenedTwice, ErrTimeBackwards, ErrEventAfterNow,
// ErrMissingPriority, ErrUnknownPriority, ErrNotQualified,
// ErrAcknowledgedTwice, ErrWorkaroundTwice, ErrResolvedTwice,
// ErrReopenedNotResolved, ErrClosedNotResolved, ErrAfterClosed,
// ErrPausedTwice, ErrPausedResolved, ErrResumedNotPaused,
// ErrMissingReason, ErrAgreedBeforeEvent, ErrInvalidTarget,
// ErrInvalidEventType, ErrInvalidTime, ErrIrrelevantEventField. Instants
// outside the calendar's years fail with calendar.ErrOutOfRange.
func (e *Evaluator) Evaluate(inc Incident, now time.Time) (Result, error) {
	var h history
	if err := joinErrs(h.build(&inc, e.policy, now, -1, nil)); err != nil {
		return Result{}, err
	}
	var scratch []gap
	return e.evaluate(&h, inc.ID, now, &scratch, -1)
}

// evaluate evaluates a validated history, proofs included.
func (e *Evaluator) evaluate(h *history, id string, now time.Time, scratch *[]gap, idx int) (Result, error) {
	r := Result{ID: id, Priority: e.policy.codes[h.quals[len(h.quals)-1].row], Status: h.status,
		Opened: h.opened.In(e.loc), Now: now.In(e.loc)}
	r.Targets = make([]TargetResult, 0, len(targets))
	for _, tg := range targets {
		r.Targets = append(r.Targets, TargetResult{})
		ok, err := e.evalTarget(h, tg, now, true, scratch, &r.Targets[len(r.Targets)-1])
		if err != nil {
			return Result{}, wrapIncident(idx, err)
		}
		if !ok {
			r.Targets = r.Targets[:len(r.Targets)-1]
		}
	}
	return r, nil
}

// wrapIncident names the incident's events as the field of a calendar
// error met while evaluating it (an instant out of the calendar's years).
func wrapIncident(idx int, err error) *FieldError {
	var fe *FieldError
	if errors.As(err, &fe) {
		c := *fe
		c.Field = incidentPrefix(idx) + "events"
		return &c
	}
	return &FieldError{Field: incidentPrefix(idx) + "events", Err: err}
}

// segment is the span during which one priority dates a target.
type segment struct {
	start, end time.Time // end zero: open-ended
	row        int
	last       bool
}

func (e *Evaluator) segment(h *history, k int) segment {
	if e.policy.requal != FromChange {
		return segment{start: h.opened, row: h.quals[len(h.quals)-1].row, last: true}
	}
	s := segment{start: h.opened, row: h.quals[k].row, last: k == len(h.quals)-1}
	if k > 0 {
		s.start = h.quals[k].at
	}
	if !s.last {
		s.end = h.quals[k+1].at
	}
	return s
}

// evalTarget evaluates target tg into *r (overwritten); ok is false when
// no rule applies.
func (e *Evaluator) evalTarget(h *history, tg Target, now time.Time, full bool, scratch *[]gap, r *TargetResult) (bool, error) {
	done := h.done[tg]
	nseg := 1
	if e.policy.requal == FromChange {
		nseg = len(h.quals)
	}
	for k := 0; k < nseg; k++ {
		seg := e.segment(h, k)
		doneHere := !done.IsZero() && (seg.last || done.Before(seg.end))
		term := e.policy.rows[seg.row].term(tg)
		inHours := true
		if full || term.Split() {
			var err error
			if inHours, err = e.cal.IsOpen(seg.start); err != nil {
				return false, calendarErr("", seg.start, err)
			}
		}
		rule := &term.InHours
		if !inHours && term.OutOfHours.Kind != 0 {
			rule = &term.OutOfHours
		}
		if rule.Kind == None {
			if doneHere || seg.last {
				return false, nil
			}
			continue
		}
		gaps := e.gapsFor(tg, h, seg.start, done, scratch)
		due, dated, note, err := e.due(*rule, tg, seg.start, gaps, h)
		if err != nil {
			return false, err
		}
		if !doneHere && !seg.last && (!dated || !due.Before(seg.end)) {
			continue // still running when the priority changed: restart
		}
		*r = TargetResult{Target: tg, Priority: e.policy.codes[seg.row], Term: *term, Rule: *rule, InHours: inHours,
			Clock: rule.Clock(), Start: seg.start.In(e.loc), Note: note}
		err = e.finish(r, h, seg.start, due, dated, done, gaps, now, full)
		return err == nil, err
	}
	return false, nil
}

// gapsFor returns the intervals during which tg's clock is stopped, from
// start on (clipped), before done when done is set, in order. The result
// aliases *scratch.
func (e *Evaluator) gapsFor(tg Target, h *history, start, done time.Time, scratch *[]gap) []gap {
	out := (*scratch)[:0]
	if !tg.pausable() {
		return out
	}
	var rg []gap
	if tg == Resolve {
		rg = h.rgaps
	}
	ps := h.pauses
	for len(ps) > 0 || len(rg) > 0 {
		var g gap
		if len(rg) == 0 || (len(ps) > 0 && ps[0].from.Before(rg[0].from)) {
			g, ps = ps[0], ps[1:]
		} else {
			g, rg = rg[0], rg[1:]
		}
		if !g.to.After(start) || !g.to.After(g.from) {
			continue
		}
		if !done.IsZero() && !g.from.Before(done) {
			break
		}
		if g.from.Before(start) {
			g.from = start
		}
		out = append(out, g)
	}
	*scratch = out
	return out
}

// due returns the due instant of rule for a target starting at start,
// extended by the gaps (see the package documentation), or dated == false
// with a note saying why it cannot be dated.
func (e *Evaluator) due(rule Rule, tg Target, start time.Time, gaps []gap, h *history) (due time.Time, dated bool, note string, err error) {
	c := e.cal
	switch rule.Kind {
	case Immediate:
		if rule.Grace == 0 {
			due, err = c.NextOpen(start)
		} else {
			due, err = c.Add(start, rule.Grace)
		}
	case BusinessDuration:
		due, err = c.Add(start, rule.Duration)
	case BusinessDays:
		due, err = c.AddWorkingDays(start, rule.Days)
	case WallClock:
		due = start.Add(rule.Duration)
		for _, g := range gaps {
			if !g.from.Before(due) {
				break
			}
			due = due.Add(g.to.Sub(g.from))
		}
		return due.In(e.loc), true, "", nil
	case AgreedDate:
		// A date agreed before the target's start (under FromChange, before
		// the re-qualification that restarted it) does not bind it.
		if ag := h.agreed[tg]; !ag.due.IsZero() && !ag.at.Before(start) {
			due = ag.due
			for _, g := range gaps {
				if !g.from.Before(due) {
					break
				}
				if !g.from.Before(ag.at) {
					due = due.Add(g.to.Sub(g.from))
				}
			}
			return due.In(e.loc), true, "", nil
		}
		if rule.Release == 0 {
			return time.Time{}, false, "no date agreed yet", nil
		}
		fallthrough
	case NextRelease:
		if e.rel == nil {
			return time.Time{}, false, "no release calendar: the next " + rule.Release.String() + " release cannot be dated", nil
		}
		rel, ok := e.rel.Next(rule.Release, start)
		for _, g := range gaps {
			if !ok || !g.from.Before(rel.At) {
				break
			}
			// A pause that begins before the due release moves the target
			// to the first release after the pause ends.
			rel, ok = e.rel.Next(rule.Release, g.to)
		}
		if !ok {
			return time.Time{}, false, "no " + rule.Release.String() + " release after " + start.In(e.loc).Format(time.RFC3339) + " in the release calendar", nil
		}
		return rel.At.In(e.loc), true, "", nil
	default:
		return time.Time{}, false, "", nil
	}
	if err != nil {
		return time.Time{}, false, "", calendarErr("", start, err)
	}
	for _, g := range gaps {
		if !g.from.Before(due) {
			break
		}
		if due, err = e.shiftBusiness(due, g); err != nil {
			return time.Time{}, false, "", err
		}
	}
	return due, true, "", nil
}

// shiftBusiness extends a business-clock due instant d by the business
// time P of gap g = [a, b), which begins before d. When business time R
// was left at a, it is counted again from b: d' = Add(b, R), which reaches
// the working-time position of d plus P; when P is 0 that position is also
// reached at the closing before d when d is an opening, so d' is never
// taken before d. When nothing was left (R = 0: d is an opening, or a
// closed instant, with no working time since a), d stays if the gap held
// no business time, else the due instant is the first opening after b, as
// for an Immediate target restarted at b.
func (e *Evaluator) shiftBusiness(d time.Time, g gap) (time.Time, error) {
	left, err := e.cal.Between(g.from, d)
	if err != nil {
		return time.Time{}, calendarErr("", g.from, err)
	}
	if left > 0 {
		nd, err := e.cal.Add(g.to, left)
		if err != nil {
			return time.Time{}, calendarErr("", g.to, err)
		}
		if nd.Before(d) {
			nd = d
		}
		return nd, nil
	}
	p, err := e.cal.Between(g.from, g.to)
	if err != nil {
		return time.Time{}, calendarErr("", g.from, err)
	}
	if p == 0 {
		return d, nil
	}
	o, err := e.cal.NextOpen(g.to)
	if err != nil {
		return time.Time{}, calendarErr("", g.to, err)
	}
	if o.Before(d) {
		o = d
	}
	return o, nil
}

// span returns the time on clock c in [a, b) (negative when b < a).
func (e *Evaluator) span(c Clock, a, b time.Time) (time.Duration, error) {
	if c == ClockWall {
		return b.Sub(a), nil
	}
	d, err := e.cal.Between(a, b)
	if err != nil {
		return 0, calendarErr("", a, err)
	}
	return d, nil
}

// counted returns the time on clock c in [a, b) outside the gaps.
func (e *Evaluator) counted(c Clock, a, b time.Time, gaps []gap) (total, paused time.Duration, err error) {
	if !b.After(a) {
		return 0, 0, nil
	}
	if total, err = e.span(c, a, b); err != nil {
		return 0, 0, err
	}
	for _, g := range gaps {
		if !g.from.Before(b) {
			break
		}
		to := g.to
		if to.After(b) {
			to = b
		}
		if !to.After(g.from) || to.Before(a) {
			continue
		}
		from := g.from
		if from.Before(a) {
			from = a
		}
		p, err := e.span(c, from, to)
		if err != nil {
			return 0, 0, err
		}
		paused += p
	}
	return total - paused, paused, nil
}

// finish fills the state, durations, escalations and proof of r.
func (e *Evaluator) finish(r *TargetResult, h *history, start, due time.Time, dated bool, done time.Time, gaps []gap, now time.Time, full bool) error {
	end := now
	if !done.IsZero() {
		end = done
		r.MetAt = done.In(e.loc)
	}
	if dated {
		r.Due = due
	}
	switch {
	case !done.IsZero() && dated && !done.After(due):
		r.State = StateMet
	case dated && end.After(due):
		r.State = StateBreached
		r.BreachedAt = due
	case done.IsZero() && r.Target.pausable() && h.status == StatusPaused:
		r.State = StatePaused
	case !dated:
		r.State = StateUndated
	default:
		r.State = StateRunning
	}
	var err error
	if !full {
		// The batch summary needs the state and, once reached, the business
		// time to reach it: nothing else.
		if !done.IsZero() {
			r.BusinessElapsed, _, err = e.counted(ClockBusiness, start, end, gaps)
		}
		return err
	}
	if r.Elapsed, r.Paused, err = e.counted(r.Clock, start, end, gaps); err != nil {
		return err
	}
	if r.Clock == ClockBusiness {
		r.BusinessElapsed = r.Elapsed
	} else if r.BusinessElapsed, _, err = e.counted(ClockBusiness, start, end, gaps); err != nil {
		return err
	}
	if dated {
		if r.Budget, _, err = e.counted(r.Clock, start, due, gaps); err != nil {
			return err
		}
		r.Remaining = r.Budget - r.Elapsed
	}
	if dated && r.Budget > 0 {
		for _, pct := range e.policy.escalate {
			at, err := e.advance(r.Clock, start, time.Duration(int64(r.Budget)/100*int64(pct)+int64(r.Budget)%100*int64(pct)/100), gaps)
			if err != nil {
				return err
			}
			r.Escalations = append(r.Escalations, Escalation{Percent: pct, At: at.In(e.loc), Reached: !at.After(end)})
		}
	}
	w := end
	switch {
	case !done.IsZero() && dated && due.After(done):
		w = due
	case done.IsZero() && r.State == StateBreached:
		w = due
	}
	r.Proof, err = e.proof(r.Clock, start, w, due, dated, done, gaps)
	return err
}

// advance returns the instant at which x of clock time has been counted
// from start, the gaps not counting.
func (e *Evaluator) advance(c Clock, start time.Time, x time.Duration, gaps []gap) (time.Time, error) {
	if c == ClockWall {
		t := start.Add(x)
		for _, g := range gaps {
			if !g.from.Before(t) {
				break
			}
			t = t.Add(g.to.Sub(g.from))
		}
		return t, nil
	}
	t, err := e.cal.Add(start, x)
	if err != nil {
		return time.Time{}, calendarErr("", start, err)
	}
	for _, g := range gaps {
		if !g.from.Before(t) {
			break
		}
		if t, err = e.shiftBusiness(t, g); err != nil {
			return time.Time{}, err
		}
	}
	return t, nil
}

// Deadline is the due instant of one target for an incident opened at a
// given instant, with no later event.
type Deadline struct {
	// Target is the dated target.
	Target Target
	// Term is the policy's term for Target.
	Term Term
	// Rule is the rule applied to this opening (in or out of hours).
	Rule Rule
	// Due is the due instant in the calendar's location; zero when Rule is
	// None or the target cannot be dated (Note says why).
	Due time.Time
	// Note explains a zero Due.
	Note string
}

// Deadlines is the answer to "opened now at priority P: when is each
// target due?".
type Deadlines struct {
	// Priority is the priority code.
	Priority string
	// Opened is the opening instant, in the calendar's location.
	Opened time.Time
	// InHours reports whether Opened is inside business hours.
	InHours bool
	// Targets are acknowledge, workaround and resolve, in that order,
	// including those whose rule is None.
	Targets []Deadline
}

// For returns the deadline of target t.
func (d Deadlines) For(t Target) Deadline {
	for _, x := range d.Targets {
		if x.Target == t {
			return x
		}
	}
	return Deadline{Target: t}
}

// Deadlines dates every target of an incident of priority code opened at
// opened, before any other event: what a ticketing tool shows at creation.
// It fails with ErrUnknownPriority (Field "priority") for a code the policy
// does not define and with the calendar's errors (calendar.ErrOutOfRange)
// for an instant outside its years.
func (e *Evaluator) Deadlines(code string, opened time.Time) (Deadlines, error) {
	row := e.policy.index(code)
	if row < 0 {
		return Deadlines{}, &FieldError{Field: "priority", Value: code, Err: ErrUnknownPriority}
	}
	inHours, err := e.cal.IsOpen(opened)
	if err != nil {
		return Deadlines{}, calendarErr("opened", opened, err)
	}
	out := Deadlines{Priority: code, Opened: opened.In(e.loc), InHours: inHours, Targets: make([]Deadline, 0, len(targets))}
	var h history
	for _, tg := range targets {
		term := e.policy.rows[row].Term(tg)
		d := Deadline{Target: tg, Term: term, Rule: term.Rule(inHours)}
		if d.Rule.Kind != None {
			due, dated, note, err := e.due(d.Rule, tg, opened, nil, &h)
			if err != nil {
				var fe *FieldError
				if errors.As(err, &fe) {
					c := *fe
					c.Field = "opened"
					return Deadlines{}, &c
				}
				return Deadlines{}, err
			}
			if dated {
				d.Due = due
			}
			d.Note = note
		}
		out.Targets = append(out.Targets, d)
	}
	return out, nil
}
