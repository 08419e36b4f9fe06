package backup

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/xeipuuv/gojsonschema"

	"github.com/openmarches/marches/internal/fielderr"
)

//go:embed schema/backups.schema.json
var backupsSchema []byte

// JSONSchema returns a copy of the JSON Schema (draft-07) of the backups
// document read by ParseBackups, as shipped in
// schema/backups.schema.json.
func JSONSchema() []byte { return bytes.Clone(backupsSchema) }

var compiledSchema = sync.OnceValues(func() (*gojsonschema.Schema, error) {
	return gojsonschema.NewSchema(gojsonschema.NewBytesLoader(backupsSchema))
})

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
	if !json.Valid(data) {
		var v any
		err := json.Unmarshal(data, &v)
		detail := "not JSON"
		if se, ok := err.(*json.SyntaxError); ok {
			detail = "offset " + strconv.FormatInt(se.Offset, 10) + ": " + se.Error()
		} else if err != nil {
			detail = err.Error()
		}
		return &FieldError{Field: root, Err: ErrInvalidJSON, Detail: detail}
	}
	schema, err := compiledSchema()
	if err != nil {
		return &FieldError{Field: root, Err: ErrSchema, Detail: "schema does not compile: " + err.Error()} // unreachable: TestSchemaCompiles
	}
	res, err := schema.Validate(gojsonschema.NewBytesLoader(data))
	if err != nil {
		return &FieldError{Field: root, Err: ErrInvalidJSON, Detail: err.Error()}
	}
	if res.Valid() {
		return nil
	}
	var errs []*FieldError
	for _, e := range res.Errors() {
		errs = append(errs, schemaError(e, root))
	}
	return fielderr.Join(errs)
}

// schemaError turns a gojsonschema result error into a FieldError whose
// field is a path in the document ("backups[0].status").
func schemaError(e gojsonschema.ResultError, root string) *FieldError {
	field := e.Field()
	if field == "(root)" {
		field = ""
	}
	var value string
	switch e.Type() {
	case "required", "additional_property_not_allowed":
		if p, ok := e.Details()["property"].(string); ok {
			if field == "" {
				field = p
			} else {
				field += "." + p
			}
			if e.Type() == "additional_property_not_allowed" {
				value = p
			}
		}
	default:
		switch v := e.Value().(type) {
		case string:
			value = v
		case json.Number:
			value = v.String()
		case bool:
			value = strconv.FormatBool(v)
		}
	}
	path := jsonPath(root, field)
	detail := e.Description()
	if f := e.Field(); strings.HasPrefix(detail, f) {
		// gojsonschema names the field its own way ("1.status", "(root)").
		detail = jsonPath(root, strings.TrimPrefix(e.Field(), "(root)")) + detail[len(f):]
	}
	return &FieldError{Field: path, Value: value, Err: ErrSchema, Detail: detail}
}

// jsonPath turns gojsonschema's "0.at" into "backups[0].at".
func jsonPath(root, p string) string {
	if p == "" {
		return root
	}
	var b strings.Builder
	b.WriteString(root)
	for _, s := range strings.Split(p, ".") {
		if _, err := strconv.Atoi(s); err == nil {
			b.WriteString("[" + s + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s)
	}
	return b.String()
}
