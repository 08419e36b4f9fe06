package backup

import (
	"strconv"
	"time"

	"github.com/openmarches/marches/calendar"
)

// NightStatus is the verdict on one night's backup. The zero value is
// unset.
type NightStatus int

const (
	// NightOK: a complete backup started inside the window.
	NightOK NightStatus = iota + 1
	// NightRetried: the run in the window failed and a complete backup
	// started later the same day (the contract's same-day re-run).
	NightRetried
	// NightFailed: the run in the window failed and no complete backup
	// followed that day.
	NightFailed
	// NightOutsideWindow: no run started inside the window, but a complete
	// backup was taken that day outside it.
	NightOutsideWindow
	// NightMissed: no run started inside the window and no complete
	// backup was taken that day.
	NightMissed
	// NightPending: not decided at the evaluation instant: the window is
	// not over yet, or its run failed and the day (and so the same-day
	// re-run) is not over.
	NightPending
)

// String returns the status's stable code: "ok", "retried", "failed",
// "outside_window", "missed" or "pending".
func (s NightStatus) String() string {
	switch s {
	case NightOK:
		return "ok"
	case NightRetried:
		return "retried"
	case NightFailed:
		return "failed"
	case NightOutsideWindow:
		return "outside_window"
	case NightMissed:
		return "missed"
	case NightPending:
		return "pending"
	}
	return "NightStatus(" + strconv.Itoa(int(s)) + ")"
}

// MarshalText encodes the status's code.
func (s NightStatus) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Honoured reports whether the night met the contract: NightOK or
// NightRetried.
func (s NightStatus) Honoured() bool { return s == NightOK || s == NightRetried }

// Night is the verdict on the backup window of one date.
type Night struct {
	// Date is the day whose early-morning window is judged (the window
	// of 2026-03-29 is the night from Saturday 28 to Sunday 29 March).
	Date calendar.Date
	// WindowStart and WindowEnd are the window's real instants, start
	// inclusive, end exclusive, on the policy's wall clock. With the
	// default 02:00-04:00 in Europe/Paris the window lasts 1 hour on the
	// spring-forward night (02:00-03:00 does not exist: it opens at 03:00
	// CEST) and 3 hours on the fall-back night (02:00 CEST to 04:00 CET).
	WindowStart, WindowEnd time.Time
	// Status is the verdict.
	Status NightStatus
	// Attempt is the input position of the first failed run that started
	// inside the window, or -1.
	Attempt int
	// Copy is the input position of the complete backup the verdict rests
	// on: the first one inside the window (NightOK), the first one after
	// the failed attempt that day (NightRetried), the first one of the day
	// (NightOutsideWindow); -1 otherwise.
	Copy int
}

// Nights judges the nightly window of every date from from to to
// (inclusive), as known at instant at: backups taken after at are
// ignored, and a night still undecided at at is NightPending.
//
// A night is NightOK when a complete backup started in
// [WindowStart, WindowEnd); otherwise, when the first run in the window
// failed, NightRetried if a complete backup started after it on the same
// date (wall clock), NightFailed if none did by the end of that date;
// without any run in the window, NightOutsideWindow if a complete backup
// was taken that date anyway, NightMissed if not. Missed is decided as
// soon as the window is over (a later backup that day turns it into
// NightOutsideWindow); Failed only once the date is over.
//
// It fails with ErrInvalidDateRange when a date is unset or to is before
// from, ErrRangeTooLong beyond MaxNights dates, ErrTimeOutOfRange when a
// date or instant is outside 1990..2200, and with the backups' violations
// as Retain does. The input is not modified; it runs in
// O((n + days) log n).
func (p *Policy) Nights(bs []Backup, from, to calendar.Date, at time.Time) ([]Night, error) {
	at, err := p.checkInstant("at", at)
	es, err2 := p.prepare(bs)
	var errs []*FieldError
	switch {
	case from.IsZero() || to.IsZero():
		errs = append(errs, &FieldError{Field: "from", Value: from.String() + ".." + to.String(), Err: ErrInvalidDateRange, Detail: "dates are required"})
	case to.Before(from):
		errs = append(errs, &FieldError{Field: "to", Value: to.String(), Err: ErrInvalidDateRange, Detail: "before " + from.String()})
	case to.Sub(from) >= MaxNights:
		errs = append(errs, &FieldError{Field: "to", Value: to.String(), Err: ErrRangeTooLong})
	case from.Year() < calendar.MinYear || to.Year() > calendar.MaxYear:
		errs = append(errs, &FieldError{Field: "from", Value: from.String() + ".." + to.String(), Err: ErrTimeOutOfRange})
	}
	if err := joinErrors(err, err2, joinErrs(errs)); err != nil {
		return nil, err
	}
	// Only what exists at the evaluation instant counts.
	es = es[:upTo(es, at.UnixNano())]
	out := make([]Night, 0, to.Sub(from)+1)
	for d := from; !d.After(to); d = d.AddDays(1) {
		out = append(out, p.night(es, d, at))
	}
	return out, nil
}

// night judges date d over the sorted entries es, all at or before at.
func (p *Policy) night(es []entry, d calendar.Date, at time.Time) Night {
	n := Night{Date: d, WindowStart: p.wall(d, p.winStart), WindowEnd: p.wall(d, p.winEnd), Attempt: -1, Copy: -1}
	dayStart, dayEnd := p.wall(d, 0).UnixNano(), p.wall(d.AddDays(1), 0).UnixNano()
	ws, we := n.WindowStart.UnixNano(), n.WindowEnd.UnixNano()
	lo := upTo(es, dayStart-1)
	day := es[lo : lo+upTo(es[lo:], dayEnd-1)]
	in := func(e entry) bool { return e.ns >= ws && e.ns < we }
	failed := -1 // position in day of the first failed run in the window
	for k, e := range day {
		if !in(e) {
			continue
		}
		if e.ok {
			n.Status, n.Copy = NightOK, e.i
			if failed >= 0 {
				n.Attempt = day[failed].i
			}
			return n
		}
		if failed < 0 {
			failed = k
		}
	}
	if failed >= 0 {
		n.Attempt = day[failed].i
		for _, e := range day[failed+1:] {
			if e.ok {
				n.Status, n.Copy = NightRetried, e.i
				return n
			}
		}
		if at.UnixNano() < dayEnd {
			n.Status = NightPending
		} else {
			n.Status = NightFailed
		}
		return n
	}
	if at.Before(n.WindowEnd) {
		n.Status = NightPending
		return n
	}
	for _, e := range day {
		if e.ok {
			n.Status, n.Copy = NightOutsideWindow, e.i
			return n
		}
	}
	n.Status = NightMissed
	return n
}

// wall returns the first instant at which the wall clock of the policy's
// location reads at least date d plus off (0 <= off <= 24h). Inside a
// spring-forward gap that is the transition instant (02:00 on the last
// Sunday of March in Paris gives 03:00 CEST); on a repeated hour it is the
// first occurrence (02:00 on the last Sunday of October gives 02:00 CEST),
// where time.Date would pick the second.
func (p *Policy) wall(d calendar.Date, off time.Duration) time.Time {
	return firstWall(d, off, p.loc)
}

func firstWall(d calendar.Date, off time.Duration, loc *time.Location) time.Time {
	t := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, int(off), loc)
	target := wallNanos(d, off)
	start, _ := t.ZoneBounds()
	if got := wallNanosOf(t); got != target {
		// In a gap: the wall clock jumps over target at the transition.
		if !start.IsZero() {
			return start
		}
		return t
	}
	if start.IsZero() {
		return t
	}
	// A repeated hour: is there an earlier instant, before the
	// transition, showing the same wall clock?
	_, offNow := t.Zone()
	_, offBefore := start.Add(-1).Zone()
	if offBefore > offNow {
		c := t.Add(-time.Duration(offBefore-offNow) * time.Second)
		if c.Before(start) && wallNanosOf(c) == target {
			return c
		}
	}
	return t
}

// wallNanos numbers wall-clock readings: days since 0001-01-01 (proleptic)
// in nanoseconds plus off. Only differences and equality matter.
func wallNanos(d calendar.Date, off time.Duration) int64 {
	u := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC).Unix()
	return u*int64(time.Second) + int64(off)
}

// wallNanosOf returns t's wall-clock reading in t's location, numbered as
// by wallNanos.
func wallNanosOf(t time.Time) int64 {
	y, m, dd := t.Date()
	h, mi, s := t.Clock()
	u := time.Date(y, m, dd, h, mi, s, t.Nanosecond(), time.UTC)
	return u.Unix()*int64(time.Second) + int64(u.Nanosecond())
}
