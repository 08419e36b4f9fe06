package backup

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"strconv"
	"time"

	"github.com/openmarches/marches/internal/jsonschema"
)

//go:embed schema/backups.schema.json
var backupsSchema []byte

// JSONSchema returns a copy of the JSON Schema (draft-07) of the backups
// document read by ParseBackups, as shipped in
// schema/backups.schema.json.
func JSONSchema() []byte { return bytes.Clone(backupsSchema) }

var backupsJSONSchema = jsonschema.New(backupsSchema)

// ParseBackups reads a JSON array of backup runs:
//
//	[{"id": "nightly-0329", "at": "2026-03-29T03:10:00+02:00", "status": "complete"}, …]
//
// in three stages, each reporting all of its violations at once: JSON
// syntax (ErrInvalidJSON with the byte offset), conformance to JSONSchema
// (ErrSchema, one per violation, Field a path such as "backups[2].status"),
// then the instants (ErrInvalidTime for a string that is not a real
// RFC 3339 instant, such as 2026-02-30). Times keep the offset given.
func ParseBackups(data []byte) ([]Backup, error) {
	if err := validate(data, "backups"); err != nil {
		return nil, err
	}
	var raw []struct {
		ID     string `json:"id"`
		At     string `json:"at"`
		Status string `json:"status"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, &FieldError{Err: ErrInvalidJSON, Detail: err.Error()} // unreachable after the schema
	}
	out := make([]Backup, len(raw))
	var errs []*FieldError
	for i, r := range raw {
		t, err := time.Parse(time.RFC3339Nano, r.At)
		if err != nil {
			errs = append(errs, &FieldError{Field: "backups[" + strconv.Itoa(i) + "].at", Value: r.At, Err: ErrInvalidTime})
		}
		st, _ := ParseStatus(r.Status) // the schema allows only valid codes
		out[i] = Backup{ID: r.ID, At: t, Status: st}
	}
	if err := joinErrs(errs); err != nil {
		return nil, err
	}
	return out, nil
}

// validate checks JSON syntax, then the schema, naming fields after root.
func validate(data []byte, root string) error {
	return backupsJSONSchema.ValidatePlain(root, data, jsonschema.Rules{Schema: ErrSchema, JSON: ErrInvalidJSON})
}
