package availability

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/shopspring/decimal"
)

// outageJSON is one element of an outages document.
type outageJSON struct {
	Service string `json:"service"`
	Start   string `json:"start"`
	End     string `json:"end"`
	Cause   string `json:"cause"`
	ID      string `json:"id,omitempty"`
	Note    string `json:"note,omitempty"`
}

// ParseOutages reads an outages document: a JSON array of
//
//	{"service":"platform","start":"2026-03-10T09:00:00+01:00","end":"2026-03-10T09:20:00+01:00",
//	 "cause":"unplanned|maintenance|force_majeure|third_party|client","id":"INC-42","note":"..."}
//
// (id and note optional; see OutagesSchema). Instants keep the offset they
// were written with. It returns every violation at once, fields named
// "outages[i].start": ErrInvalidJSON, ErrSchema, ErrInvalidTime,
// ErrEndNotAfterStart.
func ParseOutages(data []byte) ([]Outage, error) {
	if err := validateSchema(outagesSchema, "outages", data); err != nil {
		return nil, err
	}
	var raw []outageJSON
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, &FieldError{Field: "outages", Err: ErrInvalidJSON, Detail: err.Error()}
	}
	out := make([]Outage, len(raw))
	var errs []*FieldError
	for i, r := range raw {
		p := "outages[" + itoa(i) + "]."
		o := Outage{Service: r.Service, ID: r.ID, Note: r.Note}
		var err error
		o.Cause, err = ParseCause(r.Cause)
		if err != nil {
			errs = append(errs, &FieldError{Field: p + "cause", Value: r.Cause, Err: ErrInvalidCause})
		}
		var e1, e2 *FieldError
		o.Start, e1 = parseTime(p+"start", r.Start)
		o.End, e2 = parseTime(p+"end", r.End)
		if e1 != nil || e2 != nil {
			for _, e := range []*FieldError{e1, e2} {
				if e != nil {
					errs = append(errs, e)
				}
			}
			continue
		}
		if err == nil {
			errs = append(errs, o.violations(p)...)
		}
		out[i] = o
	}
	if len(errs) > 0 {
		return nil, joinErrs(errs)
	}
	return out, nil
}

// parseTime reads an RFC 3339 instant; the offset is required (no "local"
// time in a contract document).
func parseTime(field, s string) (time.Time, *FieldError) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, &FieldError{Field: field, Value: s, Err: ErrInvalidTime}
	}
	return t, nil
}

// MarshalJSON encodes the outage in the outages document shape (see
// ParseOutages).
func (o Outage) MarshalJSON() ([]byte, error) {
	return json.Marshal(outageJSON{
		Service: o.Service, Start: o.Start.Format(time.RFC3339Nano), End: o.End.Format(time.RFC3339Nano),
		Cause: o.Cause.String(), ID: o.ID, Note: o.Note,
	})
}

type statementConfigJSON struct {
	Service string      `json:"service"`
	Target  json.Number `json:"target_percent"`
	Fee     json.Number `json:"monthly_fee"`
	Penalty struct {
		Brackets []struct {
			Below json.Number `json:"below_percent"`
			Fee   json.Number `json:"fee_percent"`
		} `json:"brackets"`
		Step        json.Number `json:"step_points"`
		StepFee     json.Number `json:"step_fee_percent"`
		StartedStep bool        `json:"started_steps"`
		Cap         json.Number `json:"cap_percent"`
	} `json:"penalty"`
}

// ParseStatementConfig reads a statement configuration (see
// StatementConfigSchema):
//
//	{"service":"platform","target_percent":"99.9","monthly_fee":"12000.00",
//	 "penalty":{"brackets":[{"below_percent":"99.9","fee_percent":"5"},{"below_percent":"99.5","fee_percent":"10"}],
//	            "cap_percent":"20"}}
//
// or with "step_points":"0.1","step_fee_percent":"2" instead of brackets.
// Decimals are strings or JSON numbers, read exactly. The result has no
// Calendar (24/7); set one on the returned value for business hours. It
// returns every violation at once: ErrInvalidJSON, ErrSchema,
// ErrInvalidTarget, ErrInvalidPenalty, ErrNegativeFee.
func ParseStatementConfig(data []byte) (StatementConfig, error) {
	if err := validateSchema(statementSchema, "", data); err != nil {
		return StatementConfig{}, err
	}
	var raw statementConfigJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		return StatementConfig{}, &FieldError{Err: ErrInvalidJSON, Detail: err.Error()}
	}
	var errs []*FieldError
	num := func(field string, n json.Number, rule error) decimal.Decimal {
		if n == "" {
			return decimal.Decimal{}
		}
		d, err := decimal.NewFromString(n.String())
		if err != nil {
			errs = append(errs, &FieldError{Field: field, Value: n.String(), Err: rule})
		}
		return d
	}
	cfg := StatementConfig{Config: Config{Service: raw.Service}}
	cfg.Target = num("target_percent", raw.Target, ErrInvalidTarget)
	cfg.MonthlyFee = num("monthly_fee", raw.Fee, ErrNegativeFee)
	p := &cfg.Penalty
	for i, b := range raw.Penalty.Brackets {
		f := "penalty.brackets[" + itoa(i) + "]."
		p.Brackets = append(p.Brackets, Bracket{Below: num(f+"below_percent", b.Below, ErrInvalidPenalty), FeePercent: num(f+"fee_percent", b.Fee, ErrInvalidPenalty)})
	}
	p.Step = num("penalty.step_points", raw.Penalty.Step, ErrInvalidPenalty)
	p.StepFeePercent = num("penalty.step_fee_percent", raw.Penalty.StepFee, ErrInvalidPenalty)
	p.StartedSteps = raw.Penalty.StartedStep
	p.CapPercent = num("penalty.cap_percent", raw.Penalty.Cap, ErrInvalidPenalty)
	if len(errs) == 0 {
		if raw.Target != "" && cfg.Target.IsZero() {
			errs = append(errs, &FieldError{Field: "target_percent", Value: raw.Target.String(), Err: ErrInvalidTarget})
		} else if _, err := cfg.target(); err != nil {
			errs = append(errs, err.(*FieldError))
		}
		errs = append(errs, p.violations("penalty.")...)
	}
	if len(errs) > 0 {
		return StatementConfig{}, joinErrs(errs)
	}
	return cfg, nil
}
