package qos

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/openmarches/marches/sla/availability"
	"github.com/shopspring/decimal"
)

// Document is a probes document as ParseDocument reads it.
type Document struct {
	// Month is the evaluated calendar month in the document's location.
	Month availability.Period
	// Objectives are the document's objectives, or ContractObjectives()
	// when it gives none.
	Objectives []Objective
	Probes     []Probe
}

type documentJSON struct {
	Month      string          `json:"month"`
	Objectives []objectiveJSON `json:"objectives"`
	Probes     []probeJSON     `json:"probes"`
}

type objectiveJSON struct {
	Check      string          `json:"check"`
	Label      string          `json:"label"`
	Thresholds []thresholdJSON `json:"thresholds"`
}

type thresholdJSON struct {
	UnderMS int64       `json:"under_ms"`
	Percent json.Number `json:"percent"`
}

type probeJSON struct {
	Check      string `json:"check"`
	At         string `json:"at"`
	DurationMS int64  `json:"duration_ms"`
	Success    bool   `json:"success"`
}

// ParseDocument reads a probes document (see ProbesSchema):
//
//	{"month":"2026-03",
//	 "objectives":[{"check":"home","label":"Page d'accueil",
//	                "thresholds":[{"under_ms":2000,"percent":80},{"under_ms":5000,"percent":"100"}]}],
//	 "probes":[{"check":"home","at":"2026-03-02T08:00:00+01:00","duration_ms":1234,"success":true}]}
//
// objectives is optional (default ContractObjectives()); percent is a JSON
// number or string read exactly as a decimal. The month is taken in loc.
// It returns every violation at once: ErrInvalidJSON, ErrSchema,
// ErrInvalidMonth, ErrInvalidTime, ErrInvalidPercent, ErrNilLocation, and
// the objectives' rules.
func ParseDocument(data []byte, loc *time.Location) (Document, error) {
	if loc == nil {
		return Document{}, &FieldError{Field: "location", Err: ErrNilLocation}
	}
	if err := validateSchema(probesSchema, "", data); err != nil {
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
		for i, o := range raw.Objectives {
			obj := Objective{Check: o.Check, Label: o.Label}
			for j, t := range o.Thresholds {
				p, err := decimal.NewFromString(t.Percent.String())
				if err != nil {
					errs = append(errs, &FieldError{Field: "objectives[" + itoa(i) + "].thresholds[" + itoa(j) + "].percent",
						Value: t.Percent.String(), Err: ErrInvalidPercent})
				}
				obj.Thresholds = append(obj.Thresholds, Threshold{Under: time.Duration(t.UnderMS) * time.Millisecond, Percent: p})
			}
			doc.Objectives = append(doc.Objectives, obj)
		}
		if len(errs) == 0 {
			errs = append(errs, validateObjectives(doc.Objectives)...)
		}
	}
	doc.Probes = make([]Probe, len(raw.Probes))
	for i, p := range raw.Probes {
		at, err := time.Parse(time.RFC3339Nano, p.At)
		if err != nil {
			errs = append(errs, &FieldError{Field: "probes[" + itoa(i) + "].at", Value: p.At, Err: ErrInvalidTime})
		}
		if p.DurationMS > int64(maxDuration/time.Millisecond) {
			errs = append(errs, &FieldError{Field: "probes[" + itoa(i) + "].duration_ms", Value: itoa64(p.DurationMS), Err: ErrInvalidDuration})
			continue
		}
		doc.Probes[i] = Probe{Check: p.Check, At: at, Duration: time.Duration(p.DurationMS) * time.Millisecond, Success: p.Success}
	}
	if len(errs) > 0 {
		return Document{}, joinErrs(errs)
	}
	return doc, nil
}

// maxDuration bounds a probe's duration so milliseconds convert without
// overflow: a day.
const maxDuration = 24 * time.Hour
