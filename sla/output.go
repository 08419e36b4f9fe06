package sla

import (
	"encoding/json"
	"time"
)

// JSON forms of the results. Instants are RFC 3339 (nanoseconds only when
// present) in the calendar's location; durations are Go durations without
// zero units ("2h", "1h30m", "-45m", "0s"), readable by
// time.ParseDuration.

func formatInstant(t time.Time) string { return t.Format(time.RFC3339Nano) }

func optInstant(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := formatInstant(t)
	return &s
}

func fmtDur(d time.Duration) string {
	if d < 0 {
		return "-" + formatDuration(-d)
	}
	if d == 0 {
		return "0s"
	}
	return formatDuration(d)
}

type intervalJSON struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Kind   string `json:"kind"`
	Clock  string `json:"clock"`
	Reason string `json:"reason,omitempty"`
	Note   string `json:"note,omitempty"`
}

// MarshalJSON encodes the interval as {"from", "to", "kind", "clock",
// "reason", "note"}, the last two only when set.
func (iv Interval) MarshalJSON() ([]byte, error) {
	return json.Marshal(intervalJSON{From: formatInstant(iv.From), To: formatInstant(iv.To), Kind: iv.Kind.String(),
		Clock: fmtDur(iv.Clock), Reason: iv.Reason, Note: iv.Note})
}

type escalationJSON struct {
	Percent int    `json:"percent"`
	At      string `json:"at"`
	Reached bool   `json:"reached"`
}

type targetJSON struct {
	Target          string           `json:"target"`
	Priority        string           `json:"priority"`
	Policy          string           `json:"policy"`
	Rule            string           `json:"rule"`
	InHours         bool             `json:"in_business_hours"`
	Clock           string           `json:"clock"`
	Start           string           `json:"start"`
	Due             *string          `json:"due"`
	State           string           `json:"state"`
	MetAt           *string          `json:"met_at,omitempty"`
	BreachedAt      *string          `json:"breached_at,omitempty"`
	Budget          *string          `json:"budget"`
	Elapsed         string           `json:"elapsed"`
	ElapsedBusiness string           `json:"elapsed_business"`
	Remaining       *string          `json:"remaining"`
	Paused          string           `json:"paused"`
	Note            string           `json:"note,omitempty"`
	Escalations     []escalationJSON `json:"escalations"`
	Proof           []Interval       `json:"proof"`
}

// MarshalJSON encodes the target result as an object with the keys target,
// priority, policy (the term's text), rule (the applied rule's text),
// in_business_hours, clock ("business" or "wall"), start, due (null when
// undated), state, met_at and breached_at (when set), budget and remaining
// (null when undated), elapsed, elapsed_business, paused, note (when set),
// escalations and proof.
func (r TargetResult) MarshalJSON() ([]byte, error) {
	j := targetJSON{Target: r.Target.String(), Priority: r.Priority, Policy: r.Term.String(), Rule: r.Rule.String(),
		InHours: r.InHours, Clock: r.Clock.String(), Start: formatInstant(r.Start), Due: optInstant(r.Due),
		State: r.State.String(), MetAt: optInstant(r.MetAt), BreachedAt: optInstant(r.BreachedAt),
		Elapsed: fmtDur(r.Elapsed), ElapsedBusiness: fmtDur(r.BusinessElapsed), Paused: fmtDur(r.Paused), Note: r.Note,
		Escalations: make([]escalationJSON, len(r.Escalations)), Proof: r.Proof}
	if !r.Due.IsZero() {
		b, rem := fmtDur(r.Budget), fmtDur(r.Remaining)
		j.Budget, j.Remaining = &b, &rem
	}
	for i, e := range r.Escalations {
		j.Escalations[i] = escalationJSON{Percent: e.Percent, At: formatInstant(e.At), Reached: e.Reached}
	}
	if j.Proof == nil {
		j.Proof = []Interval{}
	}
	return json.Marshal(j)
}

type resultJSON struct {
	ID       string         `json:"id"`
	Priority string         `json:"priority"`
	Status   string         `json:"status"`
	Opened   string         `json:"opened"`
	Now      string         `json:"now"`
	Targets  []TargetResult `json:"targets"`
}

// MarshalJSON encodes the result as {"id", "priority", "status", "opened",
// "now", "targets": [...]}.
func (r Result) MarshalJSON() ([]byte, error) {
	j := resultJSON{ID: r.ID, Priority: r.Priority, Status: r.Status.String(), Opened: formatInstant(r.Opened),
		Now: formatInstant(r.Now), Targets: r.Targets}
	if j.Targets == nil {
		j.Targets = []TargetResult{}
	}
	return json.Marshal(j)
}

type deadlineJSON struct {
	Target string  `json:"target"`
	Policy string  `json:"policy"`
	Rule   string  `json:"rule"`
	Due    *string `json:"due"`
	Note   string  `json:"note,omitempty"`
}

type deadlinesJSON struct {
	Priority string         `json:"priority"`
	Opened   string         `json:"opened"`
	InHours  bool           `json:"in_business_hours"`
	Targets  []deadlineJSON `json:"targets"`
}

// MarshalJSON encodes the deadlines as {"priority", "opened",
// "in_business_hours", "targets": [{"target", "policy", "rule", "due"
// (null when none or undated), "note"}]}.
func (d Deadlines) MarshalJSON() ([]byte, error) {
	j := deadlinesJSON{Priority: d.Priority, Opened: formatInstant(d.Opened), InHours: d.InHours,
		Targets: make([]deadlineJSON, len(d.Targets))}
	for i, t := range d.Targets {
		j.Targets[i] = deadlineJSON{Target: t.Target.String(), Policy: t.Term.String(), Rule: t.Rule.String(),
			Due: optInstant(t.Due), Note: t.Note}
	}
	return json.Marshal(j)
}
