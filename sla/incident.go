package sla

import (
	"encoding/json"
	"strconv"
	"time"
)

// EventType is the type of an incident event. The zero EventType is unset
// and rejected.
type EventType int

const (
	// EventOpened: the incident is reported (ouverture). First event, once;
	// may carry the priority.
	EventOpened EventType = iota + 1
	// EventQualified: the incident is given a priority, or a new one
	// (re-qualification). Carries Priority.
	EventQualified
	// EventAcknowledged: the vendor takes the incident in hand.
	EventAcknowledged
	// EventWorkaround: a workaround restores the service.
	EventWorkaround
	// EventResolved: the fault is corrected.
	EventResolved
	// EventClosed: the client confirms the resolution; nothing may follow.
	EventClosed
	// EventReopened: a resolution did not hold; the incident is open again.
	EventReopened
	// EventPaused: the clocks of the workaround and resolve targets stop, for
	// Reason (e.g. waiting for the client).
	EventPaused
	// EventResumed: the clocks run again.
	EventResumed
	// EventAgreed: the client agrees a due date (Due) for Target (Resolve when
	// unset), used by an AgreedDate rule.
	EventAgreed
)

var eventNames = [...]string{"", "opened", "qualified", "acknowledged", "workaround", "resolved", "closed", "reopened", "paused", "resumed", "agreed"}

// String returns the event type's stable code ("opened", "qualified",
// "acknowledged", "workaround", "resolved", "closed", "reopened", "paused",
// "resumed", "agreed"), "" when unset.
func (t EventType) String() string {
	if t < EventOpened || t > EventAgreed {
		return ""
	}
	return eventNames[t]
}

// MarshalText encodes the event type's code.
func (t EventType) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// ParseEventType parses an event type code; "requalified" is read as
// "qualified". Anything else fails with ErrInvalidEventType.
func ParseEventType(s string) (EventType, error) {
	if s == "requalified" {
		return EventQualified, nil
	}
	for t := EventOpened; t <= EventAgreed; t++ {
		if eventNames[t] == s {
			return t, nil
		}
	}
	return 0, &FieldError{Field: "type", Value: s, Err: ErrInvalidEventType}
}

// Event is one timestamped step of an incident's history.
type Event struct {
	// Type is the event's type.
	Type EventType
	// At is the instant of the event.
	At time.Time
	// Priority is the priority code set by Opened (optional) or Qualified
	// (required); it must be defined by the policy.
	Priority string
	// Reason says why (required for Paused; a free note on other events).
	Reason string
	// Due is the agreed due instant of an Agreed event.
	Due time.Time
	// Target is the target an Agreed event dates; zero means Resolve.
	Target Target
}

// Incident is an identifier and an ordered history of events.
type Incident struct {
	// ID identifies the incident in outputs (free text, may be empty).
	ID string
	// Events are in chronological order; events at the same instant keep
	// their order.
	Events []Event
}

// eventJSON is the JSON form of an Event.
type eventJSON struct {
	Type     string `json:"type"`
	At       string `json:"at"`
	Priority string `json:"priority,omitempty"`
	Reason   string `json:"reason,omitempty"`
	Due      string `json:"due,omitempty"`
	Target   string `json:"target,omitempty"`
}

type incidentJSON struct {
	ID     string      `json:"id,omitempty"`
	Events []eventJSON `json:"events"`
}

// MarshalJSON encodes the incident in the form ParseIncidents reads:
// {"id": "INC-1", "events": [{"type": "opened", "at": RFC3339, "priority":
// "P1"}, {"type": "paused", "at": ..., "reason": "..."}, {"type":
// "agreed", "at": ..., "due": ..., "target": "resolve"}...]}. Instants keep
// their offsets.
func (inc Incident) MarshalJSON() ([]byte, error) {
	out := incidentJSON{ID: inc.ID, Events: make([]eventJSON, len(inc.Events))}
	for i, e := range inc.Events {
		j := eventJSON{Type: e.Type.String(), At: e.At.Format(time.RFC3339Nano), Priority: e.Priority, Reason: e.Reason,
			Target: e.Target.String()}
		if !e.Due.IsZero() {
			j.Due = e.Due.Format(time.RFC3339Nano)
		}
		out.Events[i] = j
	}
	return json.Marshal(out)
}

// ParseIncidents reads a JSON array of incidents (see Incident.MarshalJSON
// for one element), checked against the embedded schema (IncidentsSchema).
// It reports every violation at once, fields named like
// "incidents[2].events[0].at":
// ErrInvalidJSON, ErrSchema, ErrInvalidEventType, ErrInvalidTime,
// ErrInvalidTarget. The history itself (order, priorities, pauses) is
// checked by Evaluator.Evaluate, which knows the policy and "now".
func ParseIncidents(data []byte) ([]Incident, error) {
	if err := validateSchema(incidentsSchema, "incidents", data); err != nil {
		return nil, err
	}
	var doc []incidentJSON
	if err := decodeStrict(data, &doc); err != nil {
		return nil, err
	}
	out := make([]Incident, len(doc))
	var errs []*FieldError
	for i, ij := range doc {
		out[i].ID = ij.ID
		out[i].Events = make([]Event, len(ij.Events))
		for k, ej := range ij.Events {
			p := "incidents[" + strconv.Itoa(i) + "].events[" + strconv.Itoa(k) + "]."
			e := &out[i].Events[k]
			var err error
			if e.Type, err = ParseEventType(ej.Type); err != nil {
				errs = append(errs, &FieldError{Field: p + "type", Value: ej.Type, Err: ErrInvalidEventType})
			}
			if e.At, err = parseInstant(p+"at", ej.At); err != nil {
				errs = append(errs, err.(*FieldError))
			}
			e.Priority, e.Reason = ej.Priority, ej.Reason
			if ej.Due != "" {
				if e.Due, err = parseInstant(p+"due", ej.Due); err != nil {
					errs = append(errs, err.(*FieldError))
				}
			}
			if ej.Target != "" {
				if e.Target, err = ParseTarget(ej.Target); err != nil {
					errs = append(errs, &FieldError{Field: p + "target", Value: ej.Target, Err: ErrInvalidTarget})
				}
			}
		}
	}
	if err := joinErrs(errs); err != nil {
		return nil, err
	}
	return out, nil
}

// Status is an incident's state at the evaluation instant.
type Status int

const (
	// StatusOpen: reported, not resolved, not paused.
	StatusOpen Status = iota + 1
	// StatusPaused: paused.
	StatusPaused
	// StatusResolved: resolved (and not reopened since).
	StatusResolved
	// StatusClosed: closed.
	StatusClosed
)

// String returns "open", "paused", "resolved" or "closed".
func (s Status) String() string {
	switch s {
	case StatusOpen:
		return "open"
	case StatusPaused:
		return "paused"
	case StatusResolved:
		return "resolved"
	case StatusClosed:
		return "closed"
	}
	return ""
}

// MarshalText encodes the status's code.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// gapKind says why a gap is not counted.
type gapKind uint8

const (
	gapPaused   gapKind = iota + 1 // paused .. resumed (or now)
	gapResolved                    // resolved .. reopened (resolve target only)
)

// gap is an interval [from, to) during which a target's clock is stopped.
type gap struct {
	from, to time.Time
	kind     gapKind
	reason   string
}

// qual is a qualification: priority row index from instant at.
type qual struct {
	at  time.Time
	row int
}

type agreement struct {
	at, due time.Time
}

// history is an incident's validated history, in the form the clocks need.
// Its slices are reused between incidents by batch workers.
type history struct {
	opened time.Time
	quals  []qual
	// done[t] is the first instant target t was reached (zero: not yet);
	// done[Resolve] is the current resolution (zero when reopened since).
	done    [Resolve + 1]time.Time
	pauses  []gap
	rgaps   []gap
	agreed  [Resolve + 1]agreement
	status  Status
	pausedN int
}

func (h *history) reset() {
	*h = history{quals: h.quals[:0], pauses: h.pauses[:0], rgaps: h.rgaps[:0]}
}

// incidentPrefix returns the field prefix of incident idx in a batch
// ("incidents[3]."), or "" for a lone incident (idx < 0).
func incidentPrefix(idx int) string {
	if idx < 0 {
		return ""
	}
	return "incidents[" + strconv.Itoa(idx) + "]."
}

// build validates inc against the policy and now and fills h. Every
// violation is returned, fields prefixed by incidentPrefix(idx). It does
// not allocate for a valid history once h's slices have grown.
func (h *history) build(inc *Incident, p *Policy, now time.Time, idx int, errs []*FieldError) []*FieldError {
	h.reset()
	if len(inc.Events) == 0 {
		return append(errs, &FieldError{Field: incidentPrefix(idx) + "events", Err: ErrNoEvents})
	}
	n0 := len(errs)
	field := func(i int, sub string) string {
		f := incidentPrefix(idx) + "events[" + strconv.Itoa(i) + "]"
		if sub != "" {
			f += "." + sub
		}
		return f
	}
	bad := func(i int, sub, value string, rule error) {
		errs = append(errs, &FieldError{Field: field(i, sub), Value: value, Err: rule})
	}
	var (
		prev                  time.Time
		paused, resolved      bool
		closed, acked, worked bool
		pauseFrom, resolvedAt time.Time
		pauseReason           string
	)
	h.status = StatusOpen
	for i := range inc.Events {
		e := &inc.Events[i]
		typ := e.Type.String()
		if e.At.IsZero() {
			bad(i, "at", "", ErrInvalidTime)
			continue
		}
		if i > 0 && e.At.Before(prev) {
			bad(i, "at", e.At.Format(time.RFC3339Nano), ErrTimeBackwards)
		}
		if e.At.After(now) {
			bad(i, "at", e.At.Format(time.RFC3339Nano), ErrEventAfterNow)
		}
		if e.At.After(prev) || i == 0 {
			prev = e.At
		}
		if e.Type != EventOpened && e.Type != EventQualified && e.Priority != "" {
			bad(i, "priority", e.Priority, ErrIrrelevantEventField)
		}
		if e.Type != EventAgreed && !e.Due.IsZero() {
			bad(i, "due", e.Due.Format(time.RFC3339Nano), ErrIrrelevantEventField)
		}
		if e.Type != EventAgreed && e.Target != 0 {
			bad(i, "target", e.Target.String(), ErrIrrelevantEventField)
		}
		if i == 0 {
			if e.Type != EventOpened {
				bad(i, "", typ, ErrFirstNotOpened)
			}
			h.opened = e.At
		} else if closed {
			bad(i, "", typ, ErrAfterClosed)
			continue
		}
		switch e.Type {
		case EventOpened, EventQualified:
			if i > 0 && e.Type == EventOpened {
				bad(i, "", typ, ErrOpenedTwice)
				continue
			}
			if e.Priority == "" {
				if e.Type == EventQualified {
					bad(i, "priority", "", ErrMissingPriority)
				}
				continue
			}
			row := p.index(e.Priority)
			if row < 0 {
				bad(i, "priority", e.Priority, ErrUnknownPriority)
				continue
			}
			if n := len(h.quals); n == 0 || h.quals[n-1].row != row {
				h.quals = append(h.quals, qual{at: e.At, row: row})
			}
		case EventAcknowledged:
			if acked {
				bad(i, "", typ, ErrAcknowledgedTwice)
				continue
			}
			acked = true
			h.reach(Acknowledge, e.At)
		case EventWorkaround:
			if worked {
				bad(i, "", typ, ErrWorkaroundTwice)
				continue
			}
			worked = true
			h.reach(Acknowledge, e.At)
			h.reach(Workaround, e.At)
		case EventResolved:
			if resolved {
				bad(i, "", typ, ErrResolvedTwice)
				continue
			}
			if paused {
				h.pauses = append(h.pauses, gap{from: pauseFrom, to: e.At, kind: gapPaused, reason: pauseReason})
				paused = false
			}
			resolved, resolvedAt = true, e.At
			h.reach(Acknowledge, e.At)
			h.reach(Workaround, e.At)
			h.done[Resolve] = e.At
		case EventReopened:
			if !resolved {
				bad(i, "", typ, ErrReopenedNotResolved)
				continue
			}
			h.rgaps = append(h.rgaps, gap{from: resolvedAt, to: e.At, kind: gapResolved, reason: e.Reason})
			resolved, worked = false, false
			h.done[Resolve] = time.Time{}
		case EventClosed:
			if !resolved {
				bad(i, "", typ, ErrClosedNotResolved)
				continue
			}
			closed = true
		case EventPaused:
			switch {
			case e.Reason == "":
				bad(i, "reason", "", ErrMissingReason)
			case paused:
				bad(i, "", typ, ErrPausedTwice)
			case resolved:
				bad(i, "", typ, ErrPausedResolved)
			default:
				paused, pauseFrom, pauseReason = true, e.At, e.Reason
			}
		case EventResumed:
			if !paused {
				bad(i, "", typ, ErrResumedNotPaused)
				continue
			}
			h.pauses = append(h.pauses, gap{from: pauseFrom, to: e.At, kind: gapPaused, reason: pauseReason})
			paused = false
		case EventAgreed:
			t := e.Target
			if t == 0 {
				t = Resolve
			}
			switch {
			case t < Acknowledge || t > Resolve:
				bad(i, "target", strconv.Itoa(int(e.Target)), ErrInvalidTarget)
			case e.Due.IsZero():
				bad(i, "due", "", ErrInvalidTime)
			case e.Due.Before(e.At):
				bad(i, "due", e.Due.Format(time.RFC3339Nano), ErrAgreedBeforeEvent)
			default:
				h.agreed[t] = agreement{at: e.At, due: e.Due}
			}
		default:
			bad(i, "type", strconv.Itoa(int(e.Type)), ErrInvalidEventType)
		}
	}
	if paused {
		h.pauses = append(h.pauses, gap{from: pauseFrom, to: now, kind: gapPaused, reason: pauseReason})
		h.pausedN = 1
		h.status = StatusPaused
	}
	switch {
	case closed:
		h.status = StatusClosed
	case resolved:
		h.status = StatusResolved
	}
	if len(h.quals) == 0 && len(errs) == n0 {
		errs = append(errs, &FieldError{Field: incidentPrefix(idx) + "events", Err: ErrNotQualified})
	}
	return errs
}

// reach records the first instant target t was reached.
func (h *history) reach(t Target, at time.Time) {
	if h.done[t].IsZero() {
		h.done[t] = at
	}
}
