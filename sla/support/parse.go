package support

import (
	"bytes"
	"encoding/json"
	"math"
	"time"

	"github.com/openmarches/marches/sla/availability"
	"github.com/shopspring/decimal"
)

// Document is a calls document as ParseDocument reads it.
type Document struct {
	// Month is the evaluated calendar month in the document's location.
	Month availability.Period
	// Objectives are the document's, or ContractObjectives() when it
	// gives none.
	Objectives []Objective
	Calls      []Call
	// Staffing is the Erlang C question, nil when the document asks none.
	Staffing *StaffingConfig
}

type documentJSON struct {
	Month      string          `json:"month"`
	Objectives []objectiveJSON `json:"objectives"`
	Calls      []callJSON      `json:"calls"`
	Staffing   *staffingJSON   `json:"staffing"`
}

type objectiveJSON struct {
	Kind         string      `json:"kind"`
	UnderSeconds int64       `json:"under_seconds"`
	Percent      json.Number `json:"percent"`
	Strict       bool        `json:"strict"`
}

type callJSON struct {
	ID          string `json:"id"`
	OfferedAt   string `json:"offered_at"`
	AnsweredAt  string `json:"answered_at"`
	AbandonedAt string `json:"abandoned_at"`
}

type staffingJSON struct {
	CallsPerHour        float64  `json:"calls_per_hour"`
	HandleSeconds       float64  `json:"handle_seconds"`
	AnswerSeconds       *float64 `json:"answer_seconds"`
	ServiceLevelPercent *float64 `json:"service_level_percent"`
}

// ParseDocument reads a calls document (see CallsSchema):
//
//	{"month":"2026-03",
//	 "objectives":[{"kind":"wait_under","under_seconds":15,"percent":80},
//	               {"kind":"answer_rate","percent":"90","strict":true}],
//	 "calls":[{"id":"c1","offered_at":"2026-03-02T09:00:00+01:00","answered_at":"2026-03-02T09:00:07+01:00"},
//	          {"id":"c2","offered_at":"2026-03-02T09:01:00+01:00","abandoned_at":"2026-03-02T09:01:40+01:00"}],
//	 "staffing":{"calls_per_hour":200,"handle_seconds":180,"answer_seconds":15,"service_level_percent":80}}
//
// objectives is optional (default ContractObjectives()), percent is a JSON
// number or string read exactly; staffing is optional, its answer_seconds
// defaults to 15 and service_level_percent to 80. The month is taken in
// loc. It returns every violation at once.
func ParseDocument(data []byte, loc *time.Location) (Document, error) {
	if loc == nil {
		return Document{}, &FieldError{Field: "location", Err: ErrNilLocation}
	}
	if err := validateSchema(callsSchema, "", data); err != nil {
		return Document{}, err
	}
	var raw documentJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		return Document{}, &FieldError{Err: ErrInvalidJSON, Detail: err.Error()}
	}
	var doc Document
	var errs []*FieldError
	m, err := availability.ParseMonth(raw.Month, loc)
	if err != nil {
		errs = append(errs, &FieldError{Field: "month", Value: raw.Month, Err: ErrInvalidMonth})
	}
	doc.Month = m
	if raw.Objectives == nil {
		doc.Objectives = ContractObjectives()
	} else {
		ok := true
		for i, o := range raw.Objectives {
			obj := Objective{Strict: o.Strict, Under: time.Duration(min(o.UnderSeconds, 1<<31)) * time.Second}
			obj.Kind, _ = ParseKind(o.Kind) // the schema's enum
			p, err := decimal.NewFromString(o.Percent.String())
			if err != nil {
				ok = false
				errs = append(errs, &FieldError{Field: "objectives[" + itoa(i) + "].percent", Value: o.Percent.String(), Err: ErrInvalidPercent})
			}
			obj.Percent = p
			doc.Objectives = append(doc.Objectives, obj)
		}
		if ok {
			errs = append(errs, validateObjectives(doc.Objectives)...)
		}
	}
	doc.Calls = make([]Call, len(raw.Calls))
	for i, c := range raw.Calls {
		p := "calls[" + itoa(i) + "]."
		call := Call{ID: c.ID}
		before := len(errs)
		call.Offered, err = time.Parse(time.RFC3339Nano, c.OfferedAt)
		if err != nil {
			errs = append(errs, &FieldError{Field: p + "offered_at", Value: c.OfferedAt, Err: ErrInvalidTime})
		}
		for _, f := range []struct {
			name string
			s    string
			dst  *time.Time
		}{{"answered_at", c.AnsweredAt, &call.Answered}, {"abandoned_at", c.AbandonedAt, &call.Abandoned}} {
			if f.s == "" {
				continue
			}
			t, err := time.Parse(time.RFC3339Nano, f.s)
			if err != nil || t.IsZero() {
				errs = append(errs, &FieldError{Field: p + f.name, Value: f.s, Err: ErrInvalidTime})
				continue
			}
			*f.dst = t
		}
		if len(errs) == before {
			errs = append(errs, call.violations(p)...)
		}
		doc.Calls[i] = call
	}
	if s := raw.Staffing; s != nil {
		cfg := StaffingConfig{CallsPerHour: s.CallsPerHour, HandleTime: seconds(s.HandleSeconds), AnswerWithin: 15 * time.Second, ServiceLevel: 80}
		if s.AnswerSeconds != nil {
			cfg.AnswerWithin = seconds(*s.AnswerSeconds)
		}
		if s.ServiceLevelPercent != nil {
			cfg.ServiceLevel = *s.ServiceLevelPercent
		}
		doc.Staffing = &cfg
	}
	if len(errs) > 0 {
		return Document{}, joinErrs(errs)
	}
	return doc, nil
}

// seconds converts a number of seconds to a Duration rounded to the
// millisecond, saturating at a year so huge values cannot overflow.
func seconds(s float64) time.Duration {
	const limit = 365 * 24 * 3600
	if s > limit {
		s = limit
	}
	return time.Duration(math.Round(s*1000)) * time.Millisecond
}
