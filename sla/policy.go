package sla

import (
	"encoding/json"
	"slices"
	"strconv"
	"time"
)

// Requalification says what a change of priority does to the targets.
// The zero value is unset; in a PolicyConfig it means FromOpening.
type Requalification int

const (
	// FromOpening (the default): the last qualification is the incident's
	// true priority from the start. Every target is dated from the opening
	// with the rules of the priority in force at the evaluation instant,
	// as if the incident had been qualified so at once; earlier outcomes
	// under the old priority are not kept.
	FromOpening Requalification = iota + 1
	// FromChange: the new priority applies from the change. A target met
	// or breached before the change keeps that outcome under the old
	// priority; a target still running restarts at the change with the new
	// priority's rule (its in/out-of-hours choice made at the change).
	FromChange
)

// String returns "from_opening" or "from_change" ("" when unset).
func (r Requalification) String() string {
	switch r {
	case FromOpening:
		return "from_opening"
	case FromChange:
		return "from_change"
	}
	return ""
}

// MarshalText encodes the mode's code.
func (r Requalification) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// ParseRequalification parses "from_opening" or "from_change"; anything
// else fails with ErrInvalidRequalification.
func ParseRequalification(s string) (Requalification, error) {
	switch s {
	case "from_opening":
		return FromOpening, nil
	case "from_change":
		return FromChange, nil
	}
	return 0, &FieldError{Field: "requalification", Value: s, Err: ErrInvalidRequalification}
}

// PriorityTerms is a policy's row for one priority.
type PriorityTerms struct {
	// Code is the priority code, as priority.Level.Code gives it ("P1").
	Code string
	// Acknowledge, Workaround and Resolve date the three targets.
	Acknowledge, Workaround, Resolve Term
}

// Term returns the term for target t (the zero Term for an unset target).
func (p PriorityTerms) Term(t Target) Term {
	switch t {
	case Acknowledge:
		return p.Acknowledge
	case Workaround:
		return p.Workaround
	case Resolve:
		return p.Resolve
	}
	return Term{}
}

// term is Term without copying the row.
func (p *PriorityTerms) term(t Target) *Term {
	switch t {
	case Acknowledge:
		return &p.Acknowledge
	case Workaround:
		return &p.Workaround
	}
	return &p.Resolve
}

// PolicyConfig describes a Policy.
type PolicyConfig struct {
	// Name labels the policy in outputs.
	Name string
	// Priorities lists the rows, in the order reports use (P1 first).
	Priorities []PriorityTerms
	// Requalification is what a change of priority does; zero means
	// FromOpening.
	Requalification Requalification
	// Escalations are thresholds, in percent of a target's budget, whose
	// instants the evaluation reports (warn at 75 % elapsed). Each is in
	// 1..99, strictly increasing; nil means none.
	Escalations []int
}

// Policy is an immutable SLA policy: per priority code, the term of each
// target, the re-qualification mode and the escalation thresholds. It is
// safe for concurrent use.
type Policy struct {
	name     string
	codes    []string
	rows     []PriorityTerms
	requal   Requalification
	escalate []int
}

// NewPolicy validates cfg and returns the policy. Every violation is
// reported at once, with fields in the JSON names of ParsePolicy
// ("priorities[0].resolve.days"): ErrNoPriorities, ErrInvalidPriorityCode,
// ErrDuplicatePriority, ErrInvalidKind, ErrInvalidDuration, ErrInvalidDays,
// ErrInvalidReleaseKind, ErrIrrelevantField, ErrInvalidEscalation,
// ErrInvalidRequalification. cfg is copied, never retained.
func NewPolicy(cfg PolicyConfig) (*Policy, error) {
	var errs []*FieldError
	if len(cfg.Priorities) == 0 {
		errs = append(errs, &FieldError{Field: "priorities", Err: ErrNoPriorities})
	}
	seen := map[string]bool{}
	for i, row := range cfg.Priorities {
		p := "priorities[" + strconv.Itoa(i) + "]"
		switch {
		case row.Code == "" || len(row.Code) > 32:
			errs = append(errs, &FieldError{Field: p + ".code", Value: row.Code, Err: ErrInvalidPriorityCode})
		case seen[row.Code]:
			errs = append(errs, &FieldError{Field: p + ".code", Value: row.Code, Err: ErrDuplicatePriority})
		}
		seen[row.Code] = true
		for _, t := range targets {
			errs = row.Term(t).validate(p+"."+t.String(), errs)
		}
	}
	requal := cfg.Requalification
	switch requal {
	case 0:
		requal = FromOpening
	case FromOpening, FromChange:
	default:
		errs = append(errs, &FieldError{Field: "requalification", Value: strconv.Itoa(int(requal)), Err: ErrInvalidRequalification})
	}
	for i, e := range cfg.Escalations {
		if e < 1 || e > 99 || (i > 0 && e <= cfg.Escalations[i-1]) {
			errs = append(errs, &FieldError{Field: "escalations[" + strconv.Itoa(i) + "]", Value: strconv.Itoa(e), Err: ErrInvalidEscalation})
		}
	}
	if err := joinErrs(errs); err != nil {
		return nil, err
	}
	p := &Policy{name: cfg.Name, rows: slices.Clone(cfg.Priorities), requal: requal, escalate: slices.Clone(cfg.Escalations)}
	for _, r := range p.rows {
		p.codes = append(p.codes, r.Code)
	}
	return p, nil
}

// MustNewPolicy is like NewPolicy but panics on error; for literals in
// tests and examples only.
func MustNewPolicy(cfg PolicyConfig) *Policy {
	p, err := NewPolicy(cfg)
	if err != nil {
		panic(err)
	}
	return p
}

// DefaultPolicyName is the name of DefaultPolicy.
const DefaultPolicyName = "maintenance-and-hosting contract"

// DefaultPolicy returns the contract's policy (see the package
// documentation for its reading), with FromOpening re-qualification and
// an escalation at 75 %:
//
//	     acknowledge                         workaround         resolve
//	P1   immediate; 4h wall-clock off hours  2h business time   1 business day
//	P2   immediate; 12h wall-clock off hours 1 business day     3 business days
//	P3   immediate                           none               agreed date, else next intermediate release
//	P4   immediate                           none               next intermediate release
func DefaultPolicy() *Policy {
	immediate := Rule{Kind: Immediate}
	none := Term{InHours: Rule{Kind: None}}
	return MustNewPolicy(PolicyConfig{
		Name: DefaultPolicyName,
		Priorities: []PriorityTerms{
			{Code: "P1",
				Acknowledge: Term{InHours: immediate, OutOfHours: Rule{Kind: WallClock, Duration: 4 * time.Hour}},
				Workaround:  Term{InHours: Rule{Kind: BusinessDuration, Duration: 2 * time.Hour}},
				Resolve:     Term{InHours: Rule{Kind: BusinessDays, Days: 1}}},
			{Code: "P2",
				Acknowledge: Term{InHours: immediate, OutOfHours: Rule{Kind: WallClock, Duration: 12 * time.Hour}},
				Workaround:  Term{InHours: Rule{Kind: BusinessDays, Days: 1}},
				Resolve:     Term{InHours: Rule{Kind: BusinessDays, Days: 3}}},
			{Code: "P3",
				Acknowledge: Term{InHours: immediate},
				Workaround:  none,
				Resolve:     Term{InHours: Rule{Kind: AgreedDate, Release: Intermediate}}},
			{Code: "P4",
				Acknowledge: Term{InHours: immediate},
				Workaround:  none,
				Resolve:     Term{InHours: Rule{Kind: NextRelease, Release: Intermediate}}},
		},
		Requalification: FromOpening,
		Escalations:     []int{75},
	})
}

// Name returns the policy's name.
func (p *Policy) Name() string { return p.name }

// Codes returns the priority codes in the policy's order.
func (p *Policy) Codes() []string { return slices.Clone(p.codes) }

// Requalification returns the re-qualification mode.
func (p *Policy) Requalification() Requalification { return p.requal }

// Escalations returns a copy of the escalation thresholds, in percent.
func (p *Policy) Escalations() []int { return slices.Clone(p.escalate) }

// index returns the row of code, or -1.
func (p *Policy) index(code string) int {
	for i, c := range p.codes {
		if c == code {
			return i
		}
	}
	return -1
}

// Has reports whether the policy defines priority code.
func (p *Policy) Has(code string) bool { return p.index(code) >= 0 }

// Terms returns the row of priority code, and false when the policy does
// not define it.
func (p *Policy) Terms(code string) (PriorityTerms, bool) {
	i := p.index(code)
	if i < 0 {
		return PriorityTerms{}, false
	}
	return p.rows[i], true
}

// Config returns the policy as a PolicyConfig (a deep copy).
func (p *Policy) Config() PolicyConfig {
	return PolicyConfig{Name: p.name, Priorities: slices.Clone(p.rows), Requalification: p.requal, Escalations: slices.Clone(p.escalate)}
}

// ruleJSON is the JSON form of a Rule and, with OutOfHours, of a Term.
type ruleJSON struct {
	Kind       string    `json:"kind"`
	Duration   string    `json:"duration,omitempty"`
	Days       int       `json:"days,omitempty"`
	Release    string    `json:"release,omitempty"`
	Grace      string    `json:"grace,omitempty"`
	OutOfHours *ruleJSON `json:"out_of_hours,omitempty"`
}

type priorityJSON struct {
	Code        string   `json:"code"`
	Acknowledge ruleJSON `json:"acknowledge"`
	Workaround  ruleJSON `json:"workaround"`
	Resolve     ruleJSON `json:"resolve"`
}

type policyJSON struct {
	Name            string         `json:"name,omitempty"`
	Requalification string         `json:"requalification,omitempty"`
	Escalations     []int          `json:"escalations,omitempty"`
	Priorities      []priorityJSON `json:"priorities"`
}

func ruleToJSON(r Rule) ruleJSON {
	j := ruleJSON{Kind: r.Kind.String(), Days: r.Days, Release: r.Release.String()}
	if r.Duration != 0 {
		j.Duration = formatDuration(r.Duration)
	}
	if r.Grace != 0 {
		j.Grace = formatDuration(r.Grace)
	}
	return j
}

func termToJSON(t Term) ruleJSON {
	j := ruleToJSON(t.InHours)
	if t.Split() {
		o := ruleToJSON(t.OutOfHours)
		j.OutOfHours = &o
	}
	return j
}

// MarshalJSON encodes the policy in the form ParsePolicy reads:
//
//	{"name": "...", "requalification": "from_opening", "escalations": [75],
//	 "priorities": [{"code": "P1",
//	   "acknowledge": {"kind": "immediate", "out_of_hours": {"kind": "wall_clock", "duration": "4h"}},
//	   "workaround": {"kind": "business_duration", "duration": "2h"},
//	   "resolve": {"kind": "business_days", "days": 1}}, ...]}
//
// Durations are Go durations without zero units ("4h", "1h30m").
func (p *Policy) MarshalJSON() ([]byte, error) {
	out := policyJSON{Name: p.name, Requalification: p.requal.String(), Escalations: p.escalate,
		Priorities: make([]priorityJSON, len(p.rows))}
	for i, r := range p.rows {
		out.Priorities[i] = priorityJSON{Code: r.Code, Acknowledge: termToJSON(r.Acknowledge),
			Workaround: termToJSON(r.Workaround), Resolve: termToJSON(r.Resolve)}
	}
	return json.Marshal(out)
}

// ParsePolicy reads a policy from JSON (see Policy.MarshalJSON for the
// form), checks it against the embedded schema (PolicySchema), then builds
// it with NewPolicy. Every violation is reported at once: ErrInvalidJSON,
// ErrSchema, ErrInvalidDuration and the rules of NewPolicy, fields in
// JSON names ("priorities[1].acknowledge.out_of_hours.duration").
func ParsePolicy(data []byte) (*Policy, error) {
	if err := validateSchema(policySchema, "", data); err != nil {
		return nil, err
	}
	var doc policyJSON
	if err := decodeStrict(data, &doc); err != nil {
		return nil, err
	}
	cfg := PolicyConfig{Name: doc.Name, Escalations: doc.Escalations}
	var errs []*FieldError
	if doc.Requalification != "" {
		r, err := ParseRequalification(doc.Requalification)
		if err != nil {
			errs = append(errs, err.(*FieldError))
		}
		cfg.Requalification = r
	}
	for i, pj := range doc.Priorities {
		path := "priorities[" + strconv.Itoa(i) + "]."
		row := PriorityTerms{Code: pj.Code}
		row.Acknowledge, errs = termFromJSON(path+"acknowledge", pj.Acknowledge, errs)
		row.Workaround, errs = termFromJSON(path+"workaround", pj.Workaround, errs)
		row.Resolve, errs = termFromJSON(path+"resolve", pj.Resolve, errs)
		cfg.Priorities = append(cfg.Priorities, row)
	}
	if err := joinErrs(errs); err != nil {
		return nil, err
	}
	return NewPolicy(cfg)
}

func termFromJSON(path string, j ruleJSON, errs []*FieldError) (Term, []*FieldError) {
	var t Term
	t.InHours, errs = ruleFromJSON(path+".", j, errs)
	if j.OutOfHours != nil {
		t.OutOfHours, errs = ruleFromJSON(path+".out_of_hours.", *j.OutOfHours, errs)
	}
	return t, errs
}

func ruleFromJSON(path string, j ruleJSON, errs []*FieldError) (Rule, []*FieldError) {
	var r Rule
	var err error
	if r.Kind, err = ParseKind(j.Kind); err != nil {
		errs = append(errs, &FieldError{Field: path + "kind", Value: j.Kind, Err: ErrInvalidKind})
	}
	dur := func(field, s string) time.Duration {
		if s == "" {
			return 0
		}
		d, err := time.ParseDuration(s)
		if err != nil || d < 0 {
			errs = append(errs, &FieldError{Field: path + field, Value: s, Err: ErrInvalidDuration})
			return 0
		}
		return d
	}
	r.Duration = dur("duration", j.Duration)
	r.Grace = dur("grace", j.Grace)
	r.Days = j.Days
	if j.Release != "" {
		if r.Release, err = ParseReleaseKind(j.Release); err != nil {
			errs = append(errs, &FieldError{Field: path + "release", Value: j.Release, Err: ErrInvalidReleaseKind})
		}
	}
	return r, errs
}
