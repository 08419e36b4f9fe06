package procurement

import (
	_ "embed"
	"encoding/json"
	"strconv"
	"strings"
	"sync"

	"github.com/xeipuuv/gojsonschema"
)

// consultationSchema is the JSON Schema (draft-07) of a consultation
// document, shipped in the repository as schema/consultation.schema.json
// for platforms that validate documents without Go.
//
//go:embed schema/consultation.schema.json
var consultationSchema []byte

// ConsultationSchema returns a copy of the JSON Schema (draft-07) of the
// consultation document that ParseConsultation checks and Marshal writes:
// field names, types, enumerations and syntax. Value rules (check digits,
// sums, weights, date order) are Validate's, not the schema's.
func ConsultationSchema() []byte {
	return append([]byte(nil), consultationSchema...)
}

// compiledSchema compiles the embedded schema once. It reads none of
// gojsonschema's global settings that could differ between programs: the
// schema uses no "format" keyword and no remote $ref.
var compiledSchema = sync.OnceValues(func() (*gojsonschema.Schema, error) {
	return gojsonschema.NewSchema(gojsonschema.NewBytesLoader(consultationSchema))
})

// schemaProblems checks data, well-formed JSON, against the schema and
// returns one *FieldError per violation, addressed by JSON path, with rule
// ErrSchema and the validator's description as Detail, and the paths of
// the required properties that are missing.
func schemaProblems(data []byte) (problems []*FieldError, missing []string) {
	s, err := compiledSchema()
	if err != nil {
		// The embedded schema is tested; this cannot happen in a build
		// that passed its tests.
		return []*FieldError{{Err: ErrSchema, Detail: "schema does not compile: " + err.Error()}}, nil
	}
	res, err := s.Validate(gojsonschema.NewBytesLoader(data))
	if err != nil {
		return []*FieldError{{Err: ErrSchema, Detail: err.Error()}}, nil
	}
	if res.Valid() {
		return nil, nil
	}
	problems = make([]*FieldError, 0, len(res.Errors()))
	for _, re := range res.Errors() {
		path := contextPath(re.Context())
		value := scalarText(re.Value())
		switch re.Type() {
		case "required", "additional_property_not_allowed":
			// The context is the object; name the property itself.
			if p, ok := re.Details()["property"].(string); ok {
				path = joinPath(path, p)
				if re.Type() == "required" {
					value = ""
					missing = append(missing, path)
				}
			}
		}
		problems = append(problems, &FieldError{Field: path, Value: value, Err: ErrSchema, Detail: re.Description()})
	}
	return problems, missing
}

// underMissing drops the problems found inside a missing property (the
// fields of an absent "buyer"): the missing property says it all.
func underMissing(ps []*FieldError, missing []string) []*FieldError {
	if len(missing) == 0 {
		return ps
	}
	out := ps[:0:0]
	for _, p := range ps {
		inside := false
		for _, m := range missing {
			if strings.HasPrefix(p.Field, m+".") || strings.HasPrefix(p.Field, m+"[") {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, p)
		}
	}
	return out
}

// contextPath turns a gojsonschema context ("(root)", "lots", "1",
// "estimatedValue") into our JSON path "lots[1].estimatedValue". Numeric
// parts are array indexes: no property of the schema is a number, and
// unknown properties are reported on their object, never entered.
func contextPath(c *gojsonschema.JsonContext) string {
	if c == nil {
		return ""
	}
	const sep = "\x00"
	parts := strings.Split(c.String(sep), sep)
	var b strings.Builder
	for i, p := range parts {
		if i == 0 && p == gojsonschema.STRING_CONTEXT_ROOT {
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

func joinPath(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}

// scalarText returns a JSON scalar as text (strings unquoted), or "" for
// objects, arrays and null: a FieldError's Value is the offending value
// as given, not a dump of a whole subtree.
func scalarText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	}
	return ""
}
