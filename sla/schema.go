package sla

import (
	"embed"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/xeipuuv/gojsonschema"
)

//go:embed schema/*.schema.json
var schemaFS embed.FS

// The schemas are compiled once, on first use, from the embedded files.
// They hold no remote $ref and use no "format" keyword, so validation never
// touches gojsonschema's global format checkers or loads anything.
var (
	policySchema    = compiledSchema("schema/policy.schema.json")
	incidentsSchema = compiledSchema("schema/incidents.schema.json")
	releasesSchema  = compiledSchema("schema/releases.schema.json")
)

func compiledSchema(name string) func() (*gojsonschema.Schema, error) {
	return sync.OnceValues(func() (*gojsonschema.Schema, error) {
		b, err := schemaFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		return gojsonschema.NewSchema(gojsonschema.NewBytesLoader(b))
	})
}

func schemaBytes(name string) []byte {
	b, err := schemaFS.ReadFile(name)
	if err != nil {
		panic(err) // embedded at build time: cannot happen
	}
	return b
}

// PolicySchema returns a copy of the JSON Schema (draft-07) of a policy
// document, as ParsePolicy reads it.
func PolicySchema() []byte { return schemaBytes("schema/policy.schema.json") }

// IncidentsSchema returns a copy of the JSON Schema (draft-07) of an
// incidents document (a JSON array of incidents), as ParseIncidents reads
// it.
func IncidentsSchema() []byte { return schemaBytes("schema/incidents.schema.json") }

// ReleaseCalendarSchema returns a copy of the JSON Schema (draft-07) of a
// release calendar document, as ParseReleaseCalendar reads it.
func ReleaseCalendarSchema() []byte { return schemaBytes("schema/releases.schema.json") }

// validateSchema checks data against a schema and returns every violation
// as a *FieldError with rule ErrSchema (or ErrInvalidJSON when data is not
// JSON), its Field a path in the document's JSON names ("events[2].at"),
// after root (the name given to a top-level array: "incidents").
func validateSchema(schema func() (*gojsonschema.Schema, error), root string, data []byte) error {
	if !json.Valid(data) {
		return &FieldError{Err: ErrInvalidJSON, Detail: jsonSyntaxDetail(data)}
	}
	s, err := schema()
	if err != nil {
		return &FieldError{Err: ErrSchema, Detail: "schema does not compile: " + err.Error()}
	}
	res, err := s.Validate(gojsonschema.NewBytesLoader(data))
	if err != nil {
		return &FieldError{Err: ErrInvalidJSON, Detail: err.Error()}
	}
	if res.Valid() {
		return nil
	}
	var errs []*FieldError
	seen := map[string]bool{}
	for _, re := range res.Errors() {
		switch re.Type() {
		case "condition_then", "condition_else", "number_all_of":
			// Wrappers: the violations inside them are reported too.
			continue
		}
		field := root + schemaPath(re.Context().String("\x00"))
		if p, ok := re.Details()["property"].(string); ok && (re.Type() == "required" || re.Type() == "additional_property_not_allowed") {
			field = joinPath(field, p)
		}
		value := ""
		if re.Type() != "required" {
			if s, ok := re.Value().(string); ok {
				value = s
			} else if b, err := json.Marshal(re.Value()); err == nil {
				value = string(b)
			}
		}
		key := field + "\x00" + re.Description()
		if seen[key] {
			continue
		}
		seen[key] = true
		errs = append(errs, &FieldError{Field: field, Value: value, Err: ErrSchema, Detail: re.Description()})
	}
	slices.SortStableFunc(errs, func(a, b *FieldError) int { return strings.Compare(a.Detail, b.Detail) })
	return joinErrs(errs)
}

// schemaPath turns gojsonschema's context ("(root)\x00events\x002\x00at")
// into "events[2].at".
func schemaPath(ctx string) string {
	parts := strings.Split(ctx, "\x00")
	var b strings.Builder
	for i, p := range parts {
		if i == 0 && p == gojsonschema.STRING_ROOT_SCHEMA_PROPERTY {
			continue
		}
		if _, err := strconv.Atoi(p); err == nil {
			b.WriteString("[" + p + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	return b.String()
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func jsonSyntaxDetail(data []byte) string {
	var v any
	err := json.Unmarshal(data, &v)
	if err == nil {
		return "not JSON"
	}
	var se *json.SyntaxError
	if ok := asSyntax(err, &se); ok {
		return "at byte " + strconv.FormatInt(se.Offset, 10) + ": " + se.Error()
	}
	return err.Error()
}

func asSyntax(err error, se **json.SyntaxError) bool {
	s, ok := err.(*json.SyntaxError)
	if ok {
		*se = s
	}
	return ok
}
