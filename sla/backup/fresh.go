package backup

import "time"

// Freshness is the verdict of the rule "a complete copy less than
// MaxAge (24 hours) old must always exist" at one instant.
type Freshness struct {
	// At is the instant judged, on the policy's wall clock.
	At time.Time
	// Holds is true when the latest complete copy taken at or before At
	// is strictly less than MaxAge old: a copy exactly 24 hours old no
	// longer counts.
	Holds bool
	// Latest is the input position of the latest complete backup taken at
	// or before At (on a tie, the one listed last), or -1 when there is
	// none.
	Latest int
	// LatestAt is that backup's instant, on the policy's wall clock;
	// zero when there is none.
	LatestAt time.Time
	// Age is At − LatestAt, real elapsed time; zero when there is none.
	Age time.Duration
	// Expires is LatestAt + MaxAge: the first instant at which the rule
	// breaks unless a newer complete copy exists; zero when there is none.
	Expires time.Time
}

// Freshness judges the 24-hour copy rule at instant at. Backups taken
// after at are ignored. It fails as Retain does.
func (p *Policy) Freshness(bs []Backup, at time.Time) (Freshness, error) {
	at, err := p.checkInstant("at", at)
	es, err2 := p.prepare(bs)
	if err := joinErrors(err, err2); err != nil {
		return Freshness{}, err
	}
	f := Freshness{At: at, Latest: -1}
	for k := upTo(es, at.UnixNano()) - 1; k >= 0; k-- {
		e := es[k]
		if !e.ok {
			continue
		}
		f.Latest, f.LatestAt = e.i, p.instant(e.ns)
		f.Age = at.Sub(f.LatestAt)
		f.Expires = f.LatestAt.Add(p.maxAge)
		f.Holds = f.Age < p.maxAge
		break
	}
	return f, nil
}

// Gap is a period [From, To) during which no complete copy younger than
// the policy's MaxAge existed.
type Gap struct {
	// From (inclusive) and To (exclusive) bound the gap, on the policy's
	// wall clock.
	From, To time.Time
}

// Duration returns To − From.
func (g Gap) Duration() time.Duration { return g.To.Sub(g.From) }

// Uncovered returns the periods inside [from, to) during which the
// 24-hour copy rule did not hold, in order, on the policy's wall clock: a
// complete copy taken at c covers [c, c+MaxAge). Two copies exactly 24
// hours apart leave no gap (the newer one is 0 old when the older one
// reaches 24 hours). It fails with ErrInvalidDateRange when to is before
// from, and as Retain does. It runs in O(n log n).
func (p *Policy) Uncovered(bs []Backup, from, to time.Time) ([]Gap, error) {
	from, err1 := p.checkInstant("from", from)
	to, err2 := p.checkInstant("to", to)
	es, err3 := p.prepare(bs)
	var err4 error
	if err1 == nil && err2 == nil && to.Before(from) {
		err4 = &FieldError{Field: "to", Value: to.Format(time.RFC3339Nano), Err: ErrInvalidDateRange, Detail: "before " + from.Format(time.RFC3339Nano)}
	}
	if err := joinErrors(err1, err2, err3, err4); err != nil {
		return nil, err
	}
	var gaps []Gap
	// Everything before pos is covered or already reported. from and to
	// are within 1990..2200, so their nanoseconds fit in an int64; pos
	// may exceed to by at most MaxAge, which bounds it too.
	fromNs, toNs, age := from.UnixNano(), to.UnixNano(), int64(p.maxAge)
	pos := fromNs
	inst := func(ns int64) time.Time {
		switch ns {
		case fromNs:
			return from
		case toNs:
			return to
		}
		return p.instant(ns)
	}
	for _, e := range es {
		if pos >= toNs || e.ns >= toNs {
			break
		}
		if !e.ok || e.ns+age <= pos {
			continue
		}
		if e.ns > pos {
			gaps = append(gaps, Gap{From: inst(pos), To: inst(e.ns)})
		}
		pos = e.ns + age
	}
	if pos < toNs {
		gaps = append(gaps, Gap{From: inst(pos), To: to})
	}
	return gaps, nil
}
