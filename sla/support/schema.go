package support

import (
	"embed"

	"github.com/openmarches/marches/internal/jsonschema"
)

//go:embed schema/*.schema.json
var schemaFS embed.FS

// The schemas are compiled once, on first use, from the embedded files
// (internal/jsonschema: no remote $ref, no "format" keyword, no global
// state of gojsonschema touched).
var (
	callsSchema = jsonschema.New(mustRead("schema/calls.schema.json"))
)

func mustRead(name string) []byte {
	b, err := schemaFS.ReadFile(name)
	if err != nil {
		panic(err) // embedded at build time: cannot happen
	}
	return b
}

// CallsSchema returns a copy of the JSON Schema (draft-07) of a calls
// document (month, objectives, calls, staffing), as ParseDocument reads it.
func CallsSchema() []byte { return callsSchema.Source() }

// validateSchema checks data against a schema and returns every violation
// as a *FieldError with rule ErrSchema (or ErrInvalidJSON when data is not
// JSON), its Field a path in the document's JSON names after root.
func validateSchema(s *jsonschema.Schema, root string, data []byte) error {
	return s.Validate(root, data, jsonschema.Rules{Schema: ErrSchema, JSON: ErrInvalidJSON})
}
