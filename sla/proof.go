package sla

import (
	"errors"
	"strconv"
	"time"

	"github.com/openmarches/marches/calendar"
)

// IntervalKind classifies a stretch of a target's proof.
type IntervalKind int

const (
	// IntervalCounted: the clock ran (business hours on a business clock;
	// any time on the wall clock).
	IntervalCounted IntervalKind = iota + 1
	// IntervalPaused: the incident was paused (Reason gives why); the
	// clock stood still and the due instant moved by Clock.
	IntervalPaused
	// IntervalResolved: the incident stood resolved until a reopening;
	// the resolve clock stood still.
	IntervalResolved
	// IntervalClosedHours: outside the schedule's hours on a working day.
	IntervalClosedHours
	// IntervalNonWorkingDay: a day with no working hours (weekend,
	// closure).
	IntervalNonWorkingDay
	// IntervalHoliday: a public holiday that is not worked (Reason names
	// it).
	IntervalHoliday
)

var intervalNames = [...]string{"", "counted", "paused", "resolved", "closed_hours", "non_working_day", "holiday"}

// String returns the kind's code: "counted", "paused", "resolved",
// "closed_hours", "non_working_day" or "holiday".
func (k IntervalKind) String() string {
	if k < IntervalCounted || k > IntervalHoliday {
		return ""
	}
	return intervalNames[k]
}

// MarshalText encodes the kind's code.
func (k IntervalKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Interval is one stretch [From, To) of a target's proof. The intervals of
// a proof are contiguous, in order, and cover the target's clock from its
// start to its due instant or to the instant it was reached, whichever is
// later; to the evaluation instant while it runs or is paused; to the due
// instant when it is late and not yet reached. An interval never straddles
// the due instant or the instant the target was reached.
type Interval struct {
	// From and To bound the stretch (From inclusive, To exclusive), in the
	// calendar's location.
	From, To time.Time
	// Kind says whether the clock ran and, if not, why.
	Kind IntervalKind
	// Clock is the clock time of the stretch: what was counted for
	// IntervalCounted; what a pause or a reopened resolution held and so
	// added to the due instant for IntervalPaused and IntervalResolved; 0
	// otherwise. The counted Clocks sum to TargetResult.Elapsed up to the
	// instant the target was reached (or the evaluation instant), and to
	// TargetResult.Budget up to the due instant.
	Clock time.Duration
	// Reason is the pause reason, the reopening, or the holiday's name.
	Reason string
	// Note reports a change of UTC offset (DST) at or after From and
	// before To.
	Note string
}

// proof builds the partition of [start, w), split at the due instant and
// at the instant the target was reached (done, zero when not).
func (e *Evaluator) proof(c Clock, start, w, due time.Time, dated bool, done time.Time, gaps []gap) ([]Interval, error) {
	// Room for the gaps, the stretches between them and the two splits;
	// a business clock adds about two stretches a day.
	n := 2*len(gaps) + 3
	if c == ClockBusiness {
		n += 2 * int(w.Sub(start)/(24*time.Hour)+2)
	}
	out := make([]Interval, 0, min(n, 32))
	t := start
	var err error
	for _, g := range gaps {
		if !g.from.Before(w) {
			break
		}
		if t.Before(g.from) {
			if out, err = e.appendClock(out, c, t, g.from); err != nil {
				return nil, err
			}
		}
		to := g.to
		if to.After(w) {
			to = w
		}
		kind := IntervalPaused
		if g.kind == gapResolved {
			kind = IntervalResolved
		}
		out = append(out, Interval{From: g.from, To: to, Kind: kind, Reason: g.reason})
		t = to
	}
	if t.Before(w) {
		if out, err = e.appendClock(out, c, t, w); err != nil {
			return nil, err
		}
	}
	if dated {
		out = splitAt(out, due)
	}
	if !done.IsZero() {
		out = splitAt(out, done)
	}
	// The changes of UTC offset in the window, found once (usually none,
	// at most a few), each noted on the interval that contains it.
	var shifts []time.Time
	for t := start.In(e.loc); len(shifts) < 64; {
		_, end := t.ZoneBounds()
		if end.IsZero() || !end.Before(w) {
			break
		}
		shifts = append(shifts, end)
		t = end
	}
	for i := range out {
		iv := &out[i]
		iv.From, iv.To = iv.From.In(e.loc), iv.To.In(e.loc)
		if iv.Kind == IntervalCounted || iv.Kind == IntervalPaused || iv.Kind == IntervalResolved {
			if iv.Clock, err = e.span(c, iv.From, iv.To); err != nil {
				return nil, err
			}
		}
		for _, sh := range shifts {
			if !sh.Before(iv.From) && sh.Before(iv.To) {
				if iv.Note != "" {
					iv.Note += "; "
				}
				iv.Note += dstNote(sh)
			}
		}
	}
	return out, nil
}

// splitAt splits the interval that strictly contains t in two.
func splitAt(out []Interval, t time.Time) []Interval {
	for i, iv := range out {
		if iv.From.Before(t) && iv.To.After(t) {
			a, b := iv, iv
			a.To, b.From = t, t
			out = append(out[:i+1], out[i:]...)
			out[i], out[i+1] = a, b
			break
		}
	}
	return out
}

// appendClock appends the stretches of [a, b) outside gaps: one counted
// stretch on the wall clock; on the business clock, the working periods
// and the closed stretches between them, split by civil day and merged
// when consecutive days have the same kind.
func (e *Evaluator) appendClock(out []Interval, c Clock, a, b time.Time) ([]Interval, error) {
	if c == ClockWall {
		return append(out, Interval{From: a, To: b, Kind: IntervalCounted}), nil
	}
	t := a
	for t.Before(b) {
		open, err := e.cal.IsOpen(t)
		if err != nil {
			return nil, calendarErr("", t, err)
		}
		if open {
			cl, err := e.cal.NextClose(t)
			if err != nil {
				if !errors.Is(err, calendar.ErrNeverCloses) {
					return nil, calendarErr("", t, err)
				}
				cl = b
			}
			if cl.After(b) {
				cl = b
			}
			out = append(out, Interval{From: t, To: cl, Kind: IntervalCounted})
			t = cl
			continue
		}
		op, err := e.cal.NextOpen(t)
		if err != nil {
			if !errors.Is(err, calendar.ErrNeverOpen) {
				return nil, calendarErr("", t, err)
			}
			op = b
		}
		if op.After(b) {
			op = b
		}
		out = e.appendClosed(out, t, op)
		t = op
	}
	return out, nil
}

// appendClosed appends the closed stretch [a, b), split by civil day in the
// calendar's location and classified.
func (e *Evaluator) appendClosed(out []Interval, a, b time.Time) []Interval {
	t := a.In(e.loc)
	d := calendar.DateOf(t)
	for t.Before(b) {
		next := d.AddDays(1).In(e.loc)
		to := next
		if to.After(b) {
			to = b
		}
		iv := Interval{From: t, To: to, Kind: IntervalClosedHours}
		if !e.cal.IsWorkingDay(d) {
			if hol, ok := e.cal.IsHoliday(d); ok {
				iv.Kind, iv.Reason = IntervalHoliday, hol.Name
			} else {
				iv.Kind = IntervalNonWorkingDay
			}
		}
		if n := len(out); n > 0 && out[n-1].Kind == iv.Kind && out[n-1].Reason == iv.Reason && out[n-1].To.Equal(iv.From) {
			out[n-1].To = iv.To
		} else {
			out = append(out, iv)
		}
		t, d = to, d.AddDays(1)
	}
	return out
}

// dstNote describes the change of UTC offset at instant t.
func dstNote(t time.Time) string {
	_, before := t.Add(-time.Nanosecond).Zone()
	_, after := t.Zone()
	shift := time.Duration(after-before) * time.Second
	s := "UTC offset " + offset(before) + " -> " + offset(after) + " at " + t.Format(time.RFC3339)
	switch {
	case shift > 0:
		s += " (clocks go forward " + formatDuration(shift) + ")"
	case shift < 0:
		s += " (clocks go back " + formatDuration(-shift) + ")"
	}
	return s
}

func offset(sec int) string {
	sign := "+"
	if sec < 0 {
		sign, sec = "-", -sec
	}
	h, m := sec/3600, sec%3600/60
	return sign + pad2(h) + ":" + pad2(m)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
