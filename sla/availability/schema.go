package availability

import (
	"embed"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/xeipuuv/gojsonschema"
)

//go:embed schema/*.schema.json
var schemaFS embed.FS

// The schemas are compiled once, on first use, from the embedded files.
// They hold no remote $ref and use no "format" keyword, so validation
// never touches gojsonschema's global format checkers or loads anything.
var (
	outagesSchema   = compiledSchema("schema/outages.schema.json")
	statementSchema = compiledSchema("schema/statement.schema.json")
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

// OutagesSchema returns a copy of the JSON Schema (draft-07) of an outages
// document, as ParseOutages reads it.
func OutagesSchema() []byte { return schemaBytes("schema/outages.schema.json") }

// StatementConfigSchema returns a copy of the JSON Schema (draft-07) of a
// statement configuration (service, target, fee, penalty table), as
// ParseStatementConfig reads it.
func StatementConfigSchema() []byte { return schemaBytes("schema/statement.schema.json") }

// validateSchema checks data against a schema and returns every violation
// as a *FieldError with rule ErrSchema (or ErrInvalidJSON when data is not
// JSON), its Field a path in the document's JSON names after root
// ("outages[2].end").
func validateSchema(schema func() (*gojsonschema.Schema, error), root string, data []byte) error {
	if !json.Valid(data) {
		return &FieldError{Field: root, Err: ErrInvalidJSON, Detail: jsonSyntaxDetail(data)}
	}
	s, err := schema()
	if err != nil {
		return &FieldError{Field: root, Err: ErrSchema, Detail: "schema does not compile: " + err.Error()}
	}
	res, err := s.Validate(gojsonschema.NewBytesLoader(data))
	if err != nil {
		return &FieldError{Field: root, Err: ErrInvalidJSON, Detail: err.Error()}
	}
	if res.Valid() {
		return nil
	}
	var errs []*FieldError
	seen := map[string]bool{}
	for _, re := range res.Errors() {
		field := joinPath(root, schemaPath(re.Context().String("\x00")))
		if p, ok := re.Details()["property"].(string); ok && (re.Type() == "required" || re.Type() == "additional_property_not_allowed") {
			field = joinPath(field, p)
		}
		value := ""
		if re.Type() != "required" {
			if b, err := json.Marshal(re.Value()); err == nil {
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

// schemaPath turns gojsonschema's context ("(root)\x002\x00end") into
// "[2].end".
func schemaPath(ctx string) string {
	var b strings.Builder
	for i, p := range strings.Split(ctx, "\x00") {
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
	switch {
	case path == "":
		return name
	case name == "":
		return path
	case strings.HasPrefix(name, "["):
		return path + name
	}
	return path + "." + name
}

func jsonSyntaxDetail(data []byte) string {
	var v any
	err := json.Unmarshal(data, &v)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return "at byte " + strconv.FormatInt(se.Offset, 10) + ": " + se.Error()
	}
	if err != nil {
		return err.Error()
	}
	return "not JSON"
}
