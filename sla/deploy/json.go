package deploy

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"strconv"
	"time"

	"github.com/openmarches/marches/internal/jsonschema"

	"github.com/openmarches/marches/internal/fielderr"
)

//go:embed schema/request.schema.json
var requestSchema []byte

// JSONSchema returns a copy of the JSON Schema (draft-07) of the request
// document read by ParseRequest, as shipped in
// schema/request.schema.json.
func JSONSchema() []byte { return bytes.Clone(requestSchema) }

var requestJSONSchema = jsonschema.New(requestSchema)

// Request is a deployment request document: the planned deployment and
// the submission deadlines it must respect.
type Request struct {
	// Deployment is the planned deployment.
	Deployment Deployment
	// Deadlines are the submission deadlines, as given.
	Deadlines []Deadline
}

// ParseRequest reads a request document:
//
//	{"deployment": {"name": "4.2.1", "start": "2026-03-10T12:45:00+01:00",
//	                "expected_duration": "20m", "incident_patch": false},
//	 "deadlines": [{"ref": "AO-2026-017", "at": "2026-03-10T15:30:00+01:00"}]}
//
// in three stages, each reporting all of its violations at once: JSON
// syntax (ErrInvalidJSON with the byte offset), conformance to JSONSchema
// (ErrSchema, Field a path such as "deadlines[1].at"), then values
// (ErrInvalidTime for an instant that does not exist, such as
// 2026-02-30, ErrInvalidDuration for a duration that overflows or is 0).
// Times keep the offset given.
func ParseRequest(data []byte) (Request, error) {
	if err := validate(data); err != nil {
		return Request{}, err
	}
	var raw struct {
		Deployment struct {
			Name          string `json:"name"`
			Start         string `json:"start"`
			Expected      string `json:"expected_duration"`
			IncidentPatch bool   `json:"incident_patch"`
		} `json:"deployment"`
		Deadlines []struct {
			Ref string `json:"ref"`
			At  string `json:"at"`
		} `json:"deadlines"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return Request{}, &FieldError{Err: ErrInvalidJSON, Detail: err.Error()} // unreachable after the schema
	}
	var errs []*FieldError
	parseTime := func(field, s string) time.Time {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			errs = append(errs, &FieldError{Field: field, Value: s, Err: ErrInvalidTime})
		}
		return t
	}
	req := Request{Deployment: Deployment{
		Name:          raw.Deployment.Name,
		Start:         parseTime("deployment.start", raw.Deployment.Start),
		IncidentPatch: raw.Deployment.IncidentPatch,
	}}
	if d, err := time.ParseDuration(raw.Deployment.Expected); err != nil || d <= 0 {
		errs = append(errs, &FieldError{Field: "deployment.expected_duration", Value: raw.Deployment.Expected, Err: ErrInvalidDuration})
	} else {
		req.Deployment.Expected = d
	}
	for i, dl := range raw.Deadlines {
		req.Deadlines = append(req.Deadlines, Deadline{Ref: dl.Ref, At: parseTime("deadlines["+strconv.Itoa(i)+"].at", dl.At)})
	}
	if len(errs) > 0 {
		return Request{}, fielderr.Join(errs)
	}
	return req, nil
}

// validate checks JSON syntax, then the schema.
func validate(data []byte) error {
	return requestJSONSchema.ValidatePlain("", data, jsonschema.Rules{Schema: ErrSchema, JSON: ErrInvalidJSON})
}
