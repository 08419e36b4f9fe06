package support

import (
	"time"

	"github.com/shopspring/decimal"
)

// Call is one call to the support line: when it was offered (entered the
// queue), and either when an operator answered it or when the caller hung
// up (abandoned). Exactly one of Answered and Abandoned is set (non-zero).
type Call struct {
	ID        string
	Offered   time.Time
	Answered  time.Time
	Abandoned time.Time
}

// IsAnswered reports whether an operator answered the call.
func (c Call) IsAnswered() bool { return !c.Answered.IsZero() }

// Wait returns how long the caller waited: until the answer, or until
// hanging up.
func (c Call) Wait() time.Duration {
	if c.IsAnswered() {
		return c.Answered.Sub(c.Offered)
	}
	return c.Abandoned.Sub(c.Offered)
}

func (c Call) violations(prefix string) []*FieldError {
	var errs []*FieldError
	if c.Answered.IsZero() == c.Abandoned.IsZero() {
		errs = append(errs, &FieldError{Field: prefix + "answered_at", Value: fmtTime(c.Answered), Err: ErrOutcome})
		return errs
	}
	if c.Wait() < 0 {
		f := "answered_at"
		v := c.Answered
		if !c.IsAnswered() {
			f, v = "abandoned_at", c.Abandoned
		}
		errs = append(errs, &FieldError{Field: prefix + f, Value: fmtTime(v), Err: ErrBeforeOffered, Detail: "offered_at " + fmtTime(c.Offered)})
	}
	return errs
}

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339Nano)
}

// Kind is what an Objective measures. The zero Kind is unset.
type Kind int

const (
	// WaitUnder: the share of offered calls answered after a wait strictly
	// shorter than Under ("waiting time < 15 s for 80 % of calls").
	WaitUnder Kind = iota + 1
	// AnswerRate: answered calls / offered calls ("answer rate > 90 %").
	AnswerRate
)

var kindNames = [...]string{"", "wait_under", "answer_rate"}

// String returns "wait_under" or "answer_rate" ("" when unset).
func (k Kind) String() string {
	if k < WaitUnder || k > AnswerRate {
		return ""
	}
	return kindNames[k]
}

// MarshalText encodes the kind's code.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// ParseKind parses a kind code; anything else fails with
// ErrInvalidObjective.
func ParseKind(s string) (Kind, error) {
	for k := WaitUnder; k <= AnswerRate; k++ {
		if kindNames[k] == s {
			return k, nil
		}
	}
	return 0, &FieldError{Field: "kind", Value: s, Err: ErrInvalidObjective}
}

// Objective is one support-line commitment. The measured share is
// compared exactly with Percent: at least Percent, or strictly more when
// Strict is set ("> 90 %").
type Objective struct {
	Kind    Kind
	Under   time.Duration
	Percent decimal.Decimal
	Strict  bool
}

// ContractObjectives returns the support-line objectives of the contract
// (a fresh copy each call): waiting time < 15 s for 80 % of calls, < 30 s
// for 90 %, and an answer rate > 90 %. Pick-up "immediate" is not
// measurable from call records and is left out.
func ContractObjectives() []Objective {
	return []Objective{
		{Kind: WaitUnder, Under: 15 * time.Second, Percent: decimal.New(80, 0)},
		{Kind: WaitUnder, Under: 30 * time.Second, Percent: decimal.New(90, 0)},
		{Kind: AnswerRate, Percent: decimal.New(90, 0), Strict: true},
	}
}

var hundred = decimal.New(100, 0)

func validateObjectives(objs []Objective) []*FieldError {
	if len(objs) == 0 {
		return []*FieldError{{Field: "objectives", Err: ErrNoObjectives}}
	}
	var errs []*FieldError
	for i, o := range objs {
		p := "objectives[" + itoa(i) + "]."
		switch {
		case o.Kind == WaitUnder && o.Under <= 0:
			errs = append(errs, &FieldError{Field: p + "under_seconds", Value: o.Under.String(), Err: ErrInvalidObjective})
		case o.Kind == AnswerRate && o.Under != 0:
			errs = append(errs, &FieldError{Field: p + "under_seconds", Value: o.Under.String(), Err: ErrInvalidObjective})
		case o.Kind.String() == "":
			errs = append(errs, &FieldError{Field: p + "kind", Value: o.Kind.String(), Err: ErrInvalidObjective})
		}
		if o.Percent.Sign() < 0 || o.Percent.Cmp(hundred) > 0 || (!o.Strict && o.Percent.Sign() == 0) {
			errs = append(errs, &FieldError{Field: p + "percent", Value: plain(o.Percent), Err: ErrInvalidPercent})
		}
	}
	return errs
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	n := len(b)
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	return string(b[n:])
}
