package conformance

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/xeipuuv/gojsonschema"

	"github.com/openmarches/marches/internal/fielderr"
)

// idPattern is the form of a vector id: dot-separated lower-case words
// with inner dashes, at least three of them (family package, family,
// case): "calendar.days.francs.christmas-2026".
var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*){2,}$`)

// Format is the value of the "format" field of every vectors file: the
// version of the file layout (not of the vectors). A reader that does not
// know the format must refuse the file.
const Format = "marches-conformance/1"

// Text is a text in French (FR) and English (EN).
type Text struct {
	FR string `json:"fr"`
	EN string `json:"en"`
}

// Basis is where a vector's answer comes from: an article of a code, a
// contract clause, or a rule definition, and the document it was read in.
type Basis struct {
	// Ref cites the rule: "Code de procédure civile art. 641-642",
	// "contract, support hours", "marches calendar: working time is real
	// elapsed time".
	Ref string `json:"ref"`
	// Source is a URL or a document path where the rule can be read.
	Source string `json:"source"`
}

// Vector is one test vector: inputs, the one right output, and why.
type Vector struct {
	// ID is stable and unique across the kit, e.g.
	// "calendar.days.francs.christmas-2026"; it starts with the family
	// name, dashes read as dots.
	ID string `json:"id"`
	// Operation names what to compute among the family's operations
	// ("add_days").
	Operation string `json:"operation"`
	// Description says what the vector checks, in French and English.
	Description Text `json:"description"`
	// Inputs is a JSON object with the operation's input fields.
	Inputs json.RawMessage `json:"inputs"`
	// Expected is a JSON object with the operation's output fields: the
	// answer an implementation must give, field for field.
	Expected json.RawMessage `json:"expected"`
	// Basis is the legal, contractual or definitional source of the
	// answer.
	Basis Basis `json:"basis"`
	// CheckedByHand, when set, is the hand computation that confirmed
	// Expected independently of the SDK; a test asserts those values
	// literally.
	CheckedByHand string `json:"checked_by_hand,omitempty"`
}

// Operation documents one operation of a family: what it computes and
// the meaning and format of its input and output fields.
type Operation struct {
	// Name is the operation's code ("add_days"), unique in its family.
	Name string `json:"name"`
	// Description says what the operation computes.
	Description Text `json:"description"`
	// Inputs and Outputs describe each field (English, terse), in the
	// order they appear in the vectors.
	Inputs  []Field `json:"inputs"`
	Outputs []Field `json:"outputs"`
}

// Field documents one input or output field of an operation.
type Field struct {
	// Name is the field's JSON name; Doc its meaning and format.
	Name string `json:"name"`
	Doc  string `json:"doc"`
}

// Family is one vectors file: the vectors of one rule family (holidays by
// territory, French day counts, price revision...) with the documentation
// of its operations. Its JSON form is described by [Schema].
type Family struct {
	// Format is the file layout version, Format.
	Format string `json:"format"`
	// Name is the family name ("calendar-days"), also the file's name.
	Name string `json:"family"`
	// Title says what the family covers.
	Title Text `json:"title"`
	// Package is the Go import path of the SDK package of its rules.
	Package string `json:"package"`
	// Operations document what the vectors compute.
	Operations []Operation `json:"operations"`
	// Vectors are the vectors, edge cases first.
	Vectors []Vector `json:"vectors"`
}

// Prefix returns the prefix every vector id of the family starts with:
// the family name with dashes read as dots, and a final dot
// ("calendar.days." for "calendar-days").
func (f *Family) Prefix() string { return idPrefix(f.Name) }

func idPrefix(family string) string { return strings.ReplaceAll(family, "-", ".") + "." }

// Operation returns the documentation of the named operation.
func (f *Family) Operation(name string) (Operation, bool) {
	for _, o := range f.Operations {
		if o.Name == name {
			return o, true
		}
	}
	return Operation{}, false
}

// MarshalIndent returns the family's file form: JSON indented by two
// spaces, keys in the order of the struct, inputs and outputs re-indented,
// no HTML escaping, and a final newline. The same family always gives
// the same bytes.
func (f *Family) MarshalIndent() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

//go:embed schema/vectors.schema.json
var schemaJSON []byte

// Schema returns a copy of the JSON Schema (draft-07) of a vectors file,
// as shipped in schema/vectors.schema.json.
func Schema() []byte { return bytes.Clone(schemaJSON) }

var compiledSchema = sync.OnceValues(func() (*gojsonschema.Schema, error) {
	return gojsonschema.NewSchema(gojsonschema.NewBytesLoader(schemaJSON))
})

// ParseFamily reads a vectors file: well-formed JSON (ErrInvalidJSON),
// conforming to [Schema] (ErrSchema, one per violation), vector ids
// unique (ErrDuplicateID) and starting with the family's prefix
// (ErrIDPrefix). Every violation is reported at once. It does not check
// that the family or its operations are registered: a reader may verify
// answers against vectors of a newer kit.
func ParseFamily(data []byte) (*Family, error) {
	if !json.Valid(data) {
		var v any
		err := json.Unmarshal(data, &v)
		return nil, &FieldError{Err: ErrInvalidJSON, Detail: jsonErrorDetail(err)}
	}
	schema, err := compiledSchema()
	if err != nil {
		return nil, err // unreachable: TestSchemaCompiles
	}
	res, err := schema.Validate(gojsonschema.NewBytesLoader(data))
	if err != nil {
		return nil, &FieldError{Err: ErrInvalidJSON, Detail: err.Error()}
	}
	if !res.Valid() {
		var errs []*FieldError
		for _, e := range res.Errors() {
			errs = append(errs, &FieldError{Field: schemaPath(e.Field()), Err: ErrSchema, Detail: e.Description()})
		}
		return nil, fielderr.Join(errs)
	}
	var f Family
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, &FieldError{Err: ErrInvalidJSON, Detail: err.Error()} // unreachable after the schema
	}
	var errs []*FieldError
	seen := make(map[string]bool, len(f.Vectors))
	prefix := f.Prefix()
	for i, v := range f.Vectors {
		field := "vectors[" + strconv.Itoa(i) + "].id"
		if seen[v.ID] {
			errs = append(errs, &FieldError{Field: field, Value: v.ID, Err: ErrDuplicateID})
		}
		seen[v.ID] = true
		if !strings.HasPrefix(v.ID, prefix) {
			errs = append(errs, &FieldError{Field: field, Value: v.ID, Err: ErrIDPrefix, Detail: "want prefix " + prefix})
		}
	}
	if len(errs) > 0 {
		return nil, fielderr.Join(errs)
	}
	return &f, nil
}

// Set is the vectors of several families, each family once, sorted by
// name.
type Set struct {
	families []*Family
}

// NewSet returns the set of the given families, sorted by name. It fails
// with ErrDuplicateFamily when a family appears twice and ErrDuplicateID
// when two families share a vector id. The families are not copied: do
// not modify them afterwards.
func NewSet(families ...*Family) (*Set, error) {
	fs := slices.Clone(families)
	slices.SortStableFunc(fs, func(a, b *Family) int { return strings.Compare(a.Name, b.Name) })
	var errs []*FieldError
	ids := map[string]string{}
	for i, f := range fs {
		if i > 0 && fs[i-1].Name == f.Name {
			errs = append(errs, &FieldError{Field: "family", Value: f.Name, Err: ErrDuplicateFamily})
			continue
		}
		for _, v := range f.Vectors {
			if other, ok := ids[v.ID]; ok {
				errs = append(errs, &FieldError{Field: "id", Value: v.ID, Err: ErrDuplicateID, Detail: "in " + other + " and " + f.Name})
				continue
			}
			ids[v.ID] = f.Name
		}
	}
	if len(errs) > 0 {
		return nil, fielderr.Join(errs)
	}
	return &Set{families: fs}, nil
}

// Families returns the set's families sorted by name (a new slice of the
// same families).
func (s *Set) Families() []*Family { return slices.Clone(s.families) }

// Family returns the family of that name, or ErrUnknownFamily.
func (s *Set) Family(name string) (*Family, error) {
	for _, f := range s.families {
		if f.Name == name {
			return f, nil
		}
	}
	return nil, &FieldError{Field: "family", Value: name, Err: ErrUnknownFamily, Detail: "known: " + strings.Join(s.Names(), ", ")}
}

// Names returns the family names, sorted.
func (s *Set) Names() []string {
	out := make([]string, len(s.families))
	for i, f := range s.families {
		out[i] = f.Name
	}
	return out
}

// Load reads every *.json file at the top of fsys as a vectors file (see
// ParseFamily) and returns them as a Set. Errors name the file ("calendar-
// days.json: vectors[3].id"); every file's violations are reported at
// once. It fails with ErrNoVectors when there is no *.json file.
func Load(fsys fs.FS) (*Set, error) {
	names, err := fs.Glob(fsys, "*.json")
	if err != nil {
		return nil, &FieldError{Field: "vectors", Err: ErrNoVectors, Detail: err.Error()}
	}
	if len(names) == 0 {
		return nil, &FieldError{Field: "vectors", Err: ErrNoVectors}
	}
	slices.Sort(names)
	var families []*Family
	var errs []*FieldError
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, &FieldError{Field: name, Err: ErrNoVectors, Detail: err.Error()})
			continue
		}
		f, err := ParseFamily(data)
		if err != nil {
			for _, e := range flatten(err) {
				errs = append(errs, prefixField(path.Base(name), e))
			}
			continue
		}
		families = append(families, f)
	}
	if len(errs) > 0 {
		return nil, fielderr.Join(errs)
	}
	return NewSet(families...)
}

// prefixField returns e with its field prefixed by file ("file.json:
// vectors[3].id").
func prefixField(file string, err error) *FieldError {
	fe, ok := err.(*FieldError)
	if !ok {
		return &FieldError{Field: file, Err: err}
	}
	c := *fe
	if c.Field == "" {
		c.Field = file
	} else {
		c.Field = file + ": " + c.Field
	}
	return &c
}

func flatten(err error) []error {
	if m, ok := err.(interface{ Unwrap() []error }); ok {
		return m.Unwrap()
	}
	return []error{err}
}

// schemaPath turns gojsonschema's "vectors.3.id" into "vectors[3].id".
func schemaPath(p string) string {
	if p == "(root)" || p == "" {
		return ""
	}
	parts := strings.Split(p, ".")
	var b strings.Builder
	for i, s := range parts {
		if _, err := strconv.Atoi(s); err == nil && i > 0 {
			b.WriteString("[" + s + "]")
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s)
	}
	return b.String()
}

// jsonErrorDetail describes a JSON syntax error with its byte offset.
func jsonErrorDetail(err error) string {
	var se *json.SyntaxError
	if e, ok := err.(*json.SyntaxError); ok {
		se = e
	}
	if se != nil {
		return fmt.Sprintf("at byte %d: %s", se.Offset, se.Error())
	}
	if err != nil {
		return err.Error()
	}
	return "invalid JSON"
}
