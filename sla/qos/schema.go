package qos

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
	probesSchema = jsonschema.New(mustRead("schema/probes.schema.json"))
)

func mustRead(name string) []byte {
	b, err := schemaFS.ReadFile(name)
	if err != nil {
		panic(err) // embedded at build time: cannot happen
	}
	return b
}

// ProbesSchema returns a copy of the JSON Schema (draft-07) of a probes
// document (month, objectives, probes), as ParseDocument reads it.
func ProbesSchema() []byte { return probesSchema.Source() }

// validateSchema checks data against a schema and returns every violation
// as a *FieldError with rule ErrSchema (or ErrInvalidJSON when data is not
// JSON), its Field a path in the document's JSON names after root.
func validateSchema(s *jsonschema.Schema, root string, data []byte) error {
	return s.Validate(root, data, jsonschema.Rules{Schema: ErrSchema, JSON: ErrInvalidJSON})
}
