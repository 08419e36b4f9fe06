package priority

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xeipuuv/gojsonschema"

	"github.com/openmarches/marches/internal/golden"
)

func TestSchemaCompiles(t *testing.T) {
	if _, err := compiledSchema(); err != nil {
		t.Fatal(err)
	}
	// JSONSchema returns a copy.
	s := JSONSchema()
	s[0] = 'x'
	if JSONSchema()[0] != '{' {
		t.Error("JSONSchema returned the embedded slice")
	}
}

func TestParseJSONDefault(t *testing.T) {
	m, err := ParseJSON(defaultJSON)
	if err != nil {
		t.Fatal(err)
	}
	if !m.Equal(Default()) {
		t.Errorf("testdata/default.json differs from Default():\n%s", cmp.Diff(Default().Config(), m.Config()))
	}
}

func TestParseJSONFiveLevels(t *testing.T) {
	m, err := ParseJSON(mustRead("testdata/five_levels.json"))
	if err != nil {
		t.Fatal(err)
	}
	// Cells as written in testdata/five_levels.json.
	for _, tt := range []struct{ c, i, want string }{
		{"vitale", "genant", "urgent"}, {"haute", "genant", "normal"}, {"faible", "bloquant", "normal"}, {"cosmetique", "bloquant", "bas"},
	} {
		if p, err := m.Priority(tt.c, tt.i); err != nil || p.Code() != tt.want {
			t.Errorf("Priority(%s, %s) = %v %v, want %s", tt.c, tt.i, p, err, tt.want)
		}
	}
	golden.Check(t, "five_levels_fr.md", []byte(m.Markdown(langFR)))
}

// TestMarshalJSON: matrix order, labels equal to the code left out,
// byte-stable; the output conforms to the schema and loads back equal.
func TestMarshalJSON(t *testing.T) {
	for _, name := range []string{"default.json", "five_levels.json"} {
		m, err := ParseJSON(mustRead("testdata/" + name))
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.MarshalIndent(m, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, "marshal_"+name, append(b, '\n'))
		back, err := ParseJSON(b)
		if err != nil || !back.Equal(m) {
			t.Errorf("%s: round trip: %v", name, err)
		}
	}
}

// TestUnmarshalJSONField: a Matrix can be a field of a larger document;
// field paths stay those of the matrix.
func TestUnmarshalJSONField(t *testing.T) {
	var doc struct {
		Matrix Matrix `json:"matrix"`
	}
	if err := json.Unmarshal([]byte(`{"matrix":`+string(defaultJSON)+`}`), &doc); err != nil {
		t.Fatal(err)
	}
	if p, _ := doc.Matrix.Priority("moyenne", "moyen"); p.Code() != "P3" {
		t.Errorf("got %v, want P3 (contract: Moyen × Moyenne)", p)
	}
	keep := doc.Matrix
	err := json.Unmarshal([]byte(`{"matrix":{"criticality":[]}}`), &doc)
	if !errors.Is(err, ErrSchema) || !doc.Matrix.Equal(keep) {
		t.Errorf("bad matrix: err %v; matrix changed: %v", err, !doc.Matrix.Equal(keep))
	}
}

func TestParseJSONErrors(t *testing.T) {
	valid := string(defaultJSON)
	tests := []struct {
		name   string
		doc    string
		want   []string
		detail string // substring of the first violation's Detail
	}{
		{"empty", ``, []string{": invalid_json"}, "unexpected end of input at byte offset 0"},
		{"truncated", `{"criticality": [`, []string{": invalid_json"}, "byte offset 17"},
		{"syntax", `{"criticality": [}`, []string{": invalid_json"}, "byte offset 17"},
		{"trailing", valid + `{}`, []string{": invalid_json"}, "trailing data"},
		{"too deep", strings.Repeat("[", 100) + strings.Repeat("]", 100), []string{": invalid_json"}, "nesting"},
		{"duplicate keys", strings.Replace(valid, `"haute":   {"fort": "P1",`, `"haute":   {"fort": "P1", "fort": "P4",`, 1),
			[]string{"cells.haute.fort: duplicate_key"}, ""},
		{"not an object", `[1]`, []string{": schema_violation"}, "Expected: object"},
		{"unknown field and missing", `{"criticality":[{"code":"a"}],"colour":"red"}`,
			[]string{"cells: schema_violation", "colour: schema_violation", "impact: schema_violation", "priorities: schema_violation"}, ""},
		{"level shape", `{"criticality":[{"code":"a b","fr":""},{"code":"b","de":"x"}],"impact":[],"priorities":[{"code":"P1"}],"cells":{"a":{"x":1}}}`,
			[]string{"cells.a.x: schema_violation", "criticality[0].code: schema_violation", "criticality[0].fr: schema_violation",
				"criticality[1].de: schema_violation", "impact: schema_violation"}, ""},
		{"bad cell key", `{"criticality":[{"code":"a"}],"impact":[{"code":"x"}],"priorities":[{"code":"P1"}],"cells":{"a":{"x.y":"P1"}}}`,
			[]string{"cells.a: schema_violation", "cells.a: schema_violation"}, "Property name"}, // propertyNames reports the name, then the pattern
		{"semantic after schema", `{"criticality":[{"code":"a"},{"code":"a"}],"impact":[{"code":"x"}],"priorities":[{"code":"P1"}],"cells":{"a":{"x":"P1"}}}`,
			[]string{"criticality[1].code: duplicate_level"}, ""},
		{"not monotone", strings.Replace(valid, `"faible":  {"fort": "P3"`, `"faible":  {"fort": "P1"`, 1),
			// faible×fort becomes P1, more urgent than the more critical
			// moyenne×fort (P2): the more severe cell is the one reported.
			[]string{"cells.moyenne.fort: not_monotone"}, "less urgent than P1 at cells.faible.fort, whose criticality is lower"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ParseJSON([]byte(tt.doc))
			if err == nil || m.m != nil {
				t.Fatalf("ParseJSON succeeded")
			}
			if diff := cmp.Diff(tt.want, violations(err)); diff != "" {
				t.Fatalf("violations (-want +got):\n%s\nerror: %v", diff, err)
			}
			if tt.detail != "" {
				var fe *FieldError
				errors.As(err, &fe)
				if !strings.Contains(fe.Detail, tt.detail) {
					t.Errorf("detail %q does not contain %q", fe.Detail, tt.detail)
				}
			}
		})
	}
}

// TestSchemaAgreesWithNew: a document the schema accepts, turned into a
// Config, is rejected by New only for the semantic rules; and the schema
// accepts MarshalJSON's output (checked with a fresh validator, not
// ParseJSON's compiled one).
func TestSchemaAgreesWithMarshal(t *testing.T) {
	b, _ := json.Marshal(mustNew(t, bigConfig(12)))
	res, err := gojsonschema.Validate(gojsonschema.NewBytesLoader(JSONSchema()), gojsonschema.NewBytesLoader(b))
	if err != nil || !res.Valid() {
		t.Fatalf("schema rejects MarshalJSON output: %v %v", err, res.Errors())
	}
}
