package pricing

import "encoding/json"

// MonthRuleKind names how an index month is chosen.
type MonthRuleKind int

const (
	// RuleMonth: a fixed month written in the contract (mois zéro "août
	// 2024").
	RuleMonth MonthRuleKind = iota + 1
	// RuleMonthOf: the month of a date, minus MonthsBefore months ("l'indice
	// du mois M−1 de la date de révision").
	RuleMonthOf
	// RuleLastPublished: the last value published on the date (dernier
	// indice connu / publié), as Series.LatestAsOf finds it with the
	// series' publication dates and lag.
	RuleLastPublished
)

var ruleNames = [...]string{"", "month", "month-of", "last-published"}

// String returns month, month-of or last-published.
func (k MonthRuleKind) String() string {
	if k < 0 || int(k) >= len(ruleNames) {
		return "invalid"
	}
	return ruleNames[k]
}

// MonthRule chooses the month of an index value: the base month (mois
// zéro, from the date of signature or of price establishment) or the
// revision month (from the revision date). The zero MonthRule is unset.
type MonthRule struct {
	Kind MonthRuleKind
	// Month is the fixed month of RuleMonth.
	Month Month
	// MonthsBefore is n in "month M−n" for RuleMonthOf (0..24).
	MonthsBefore int
}

// IsZero reports whether r is unset.
func (r MonthRule) IsZero() bool { return r == MonthRule{} }

// Validate reports ErrInvalidMonthRule or ErrRequired.
func (r MonthRule) Validate() error {
	switch r.Kind {
	case RuleMonth:
		if r.Month.IsZero() {
			return &FieldError{Field: "month", Err: ErrRequired}
		}
		return nil
	case RuleMonthOf:
		if r.MonthsBefore < 0 || r.MonthsBefore > 24 {
			return &FieldError{Field: "months_before", Value: itoa(r.MonthsBefore), Err: ErrInvalidMonthRule, Detail: "0..24"}
		}
		return nil
	case RuleLastPublished:
		return nil
	}
	return &FieldError{Field: "rule", Value: r.Kind.String(), Err: ErrInvalidMonthRule}
}

// Resolve returns the month the rule chooses for the date at, and the
// observation of s for it (the vintage known at `at` for
// RuleLastPublished, the latest vintage otherwise). Errors: those of
// Validate, ErrMissingMonth, ErrNotYetPublished.
func (r MonthRule) Resolve(s *Series, index string, at Date) (Observation, error) {
	if err := r.Validate(); err != nil {
		return Observation{}, err
	}
	var p Point
	var err error
	switch r.Kind {
	case RuleMonth:
		p, err = s.Value(r.Month)
	case RuleMonthOf:
		p, err = s.Value(at.Period().AddMonths(-r.MonthsBefore))
	case RuleLastPublished:
		p, err = s.LatestAsOf(at)
	}
	if err != nil {
		return Observation{}, err
	}
	o := s.observation(index, p)
	o.Rule, o.At = r, at
	return o, nil
}

type monthRuleJSON struct {
	Rule         string `json:"rule"`
	Month        string `json:"month,omitempty"`
	MonthsBefore int    `json:"months_before,omitempty"`
}

// MarshalJSON writes {"rule":"month","month":"2024-08"},
// {"rule":"month-of","months_before":1} or {"rule":"last-published"}.
func (r MonthRule) MarshalJSON() ([]byte, error) {
	return json.Marshal(monthRuleJSON{Rule: r.Kind.String(), Month: r.Month.String(), MonthsBefore: r.MonthsBefore})
}

// UnmarshalJSON reads the form MarshalJSON writes.
func (r *MonthRule) UnmarshalJSON(b []byte) error {
	var j monthRuleJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return &FieldError{Field: "rule", Value: string(b), Err: ErrInvalidMonthRule, Detail: err.Error()}
	}
	var v MonthRule
	for i, n := range ruleNames {
		if i > 0 && n == j.Rule {
			v.Kind = MonthRuleKind(i)
		}
	}
	if v.Kind == 0 {
		return &FieldError{Field: "rule", Value: j.Rule, Err: ErrInvalidMonthRule}
	}
	if j.Month != "" {
		m, err := ParseMonth(j.Month)
		if err != nil {
			return &FieldError{Field: "month", Value: j.Month, Err: ErrInvalidMonth}
		}
		v.Month = m
	}
	v.MonthsBefore = j.MonthsBefore
	if err := v.Validate(); err != nil {
		return err
	}
	*r = v
	return nil
}
