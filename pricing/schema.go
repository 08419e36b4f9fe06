package pricing

import (
	"embed"
	"slices"
	"strings"
	"sync"

	"github.com/xeipuuv/gojsonschema"
)

//go:embed schema/*.json
var schemaFS embed.FS

func loadSchema(name string) func() (*gojsonschema.Schema, error) {
	return sync.OnceValues(func() (*gojsonschema.Schema, error) {
		b, err := schemaFS.ReadFile("schema/" + name)
		if err != nil {
			return nil, err
		}
		return gojsonschema.NewSchema(gojsonschema.NewBytesLoader(b))
	})
}

var (
	seriesSchema   = loadSchema("series.schema.json")
	contractSchema = loadSchema("contract.schema.json")
)

// SeriesSchema returns the JSON Schema (draft-07) of the series JSON form.
func SeriesSchema() []byte { b, _ := schemaFS.ReadFile("schema/series.schema.json"); return b }

// ContractSchema returns the JSON Schema (draft-07) of the contract JSON
// form read by ParseContract.
func ContractSchema() []byte { b, _ := schemaFS.ReadFile("schema/contract.schema.json"); return b }

// validateSchema checks data against a schema and returns one violation
// per schema error, with the JSON path in Field ("values[3].month").
func validateSchema(schema func() (*gojsonschema.Schema, error), data []byte, rule error) []*FieldError {
	sc, err := schema()
	if err != nil {
		return []*FieldError{{Field: "schema", Err: rule, Detail: "schema does not compile: " + err.Error()}}
	}
	res, err := sc.Validate(gojsonschema.NewBytesLoader(data))
	if err != nil {
		return []*FieldError{{Field: "", Err: rule, Detail: "not JSON: " + err.Error()}}
	}
	var errs []*FieldError
	for _, e := range res.Errors() {
		if e.Type() == "number_one_of" || e.Type() == "number_any_of" {
			continue // the branch errors say more
		}
		errs = append(errs, &FieldError{Field: jsonPath(e.Field()), Err: rule, Detail: e.Description()})
	}
	slices.SortStableFunc(errs, func(a, b *FieldError) int {
		return strings.Compare(a.Field+"\x00"+a.Detail, b.Field+"\x00"+b.Detail)
	})
	return slices.CompactFunc(errs, func(a, b *FieldError) bool { return a.Field == b.Field && a.Detail == b.Detail })
}

// jsonPath turns gojsonschema's "values.3.month" into "values[3].month".
func jsonPath(f string) string {
	if f == "(root)" {
		return ""
	}
	parts := strings.Split(f, ".")
	var b strings.Builder
	for i, p := range parts {
		if _, ok := digits(p); ok && i > 0 {
			b.WriteString("[" + p + "]")
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	return b.String()
}
