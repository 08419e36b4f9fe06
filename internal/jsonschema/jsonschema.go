// Package jsonschema compiles the JSON Schemas the marches packages embed
// and turns gojsonschema's results into the project's error shape: one
// *fielderr.Error per violation, its Field a path in the document's JSON
// names ("probes[2].at"), all of them sorted.
//
// Schemas are compiled once, on first use, from bytes; they must hold no
// remote $ref and no "format" keyword, so validation never loads anything
// and never touches gojsonschema's global format checkers.
package jsonschema

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/openmarches/marches/internal/fielderr"
	"github.com/xeipuuv/gojsonschema"
)

// Schema is a JSON Schema compiled lazily, once, and safe for concurrent
// use.
type Schema struct {
	src     []byte
	compile func() (*gojsonschema.Schema, error)
}

// New returns the schema whose source is src (typically an embedded file).
// src is not copied: pass bytes nobody modifies.
func New(src []byte) *Schema {
	return &Schema{src: src, compile: sync.OnceValues(func() (*gojsonschema.Schema, error) {
		return gojsonschema.NewSchema(gojsonschema.NewBytesLoader(src))
	})}
}

// Source returns a copy of the schema's source.
func (s *Schema) Source() []byte { return slices.Clone(s.src) }

// Rules are the sentinels a package reports schema problems with.
type Rules struct {
	// Schema is the rule of a document that does not match the schema
	// (and of a schema that does not compile).
	Schema error
	// JSON is the rule of a document that is not JSON at all.
	JSON error
}

// Validate checks data against the schema. It returns nil when data is
// valid, a single error with rules.JSON when data is not JSON (its Detail
// gives the byte offset), and otherwise every violation as a
// *fielderr.Error with rules.Schema, Field the path after root, Value the
// offending JSON value and Detail gojsonschema's description, sorted by
// field then description, duplicates removed.
func (s *Schema) Validate(root string, data []byte, rules Rules) error {
	if !json.Valid(data) {
		return &fielderr.Error{Field: root, Err: rules.JSON, Detail: SyntaxDetail(data)}
	}
	sc, err := s.compile()
	if err != nil {
		return &fielderr.Error{Field: root, Err: rules.Schema, Detail: "schema does not compile: " + err.Error()}
	}
	res, err := sc.Validate(gojsonschema.NewBytesLoader(data))
	if err != nil {
		return &fielderr.Error{Field: root, Err: rules.JSON, Detail: err.Error()}
	}
	if res.Valid() {
		return nil
	}
	var errs []*fielderr.Error
	seen := map[string]bool{}
	for _, re := range res.Errors() {
		switch re.Type() {
		case "condition_then", "condition_else", "number_all_of":
			// Wrappers: the violations inside them are reported too.
			continue
		}
		field := JoinPath(root, Path(re.Context().String("\x00")))
		if p, ok := re.Details()["property"].(string); ok && (re.Type() == "required" || re.Type() == "additional_property_not_allowed") {
			field = JoinPath(field, p)
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
		errs = append(errs, &fielderr.Error{Field: field, Value: value, Err: rules.Schema, Detail: re.Description()})
	}
	slices.SortStableFunc(errs, func(a, b *fielderr.Error) int { return strings.Compare(a.Detail, b.Detail) })
	return fielderr.Join(errs)
}

// Path turns a gojsonschema context joined with NUL bytes
// ("(root)\x00probes\x002\x00at") into "probes[2].at".
func Path(ctx string) string {
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

// JoinPath appends a property name or an index ("[2]") to a path.
func JoinPath(path, name string) string {
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

// SyntaxDetail describes why data is not JSON, with the byte offset when
// encoding/json gives one.
func SyntaxDetail(data []byte) string {
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

// ValidatePlain is Validate for documents whose errors show values as a
// reader typed them (sla/backup, sla/deploy, sla/report): a string
// without quotes, a number or boolean as written, the name of a property
// that is not allowed; a description that starts with gojsonschema's field
// name ("deadlines.1.at") names it as a JSON path instead
// ("deadlines[1].at"); a document that is not JSON gets an "offset N"
// detail. Violations are sorted by field only (fielderr.Join), not
// deduplicated.
func (s *Schema) ValidatePlain(root string, data []byte, rules Rules) error {
	if !json.Valid(data) {
		var v any
		err := json.Unmarshal(data, &v)
		detail := "not JSON"
		var se *json.SyntaxError
		if errors.As(err, &se) {
			detail = "offset " + strconv.FormatInt(se.Offset, 10) + ": " + se.Error()
		} else if err != nil {
			detail = err.Error()
		}
		return &fielderr.Error{Field: root, Err: rules.JSON, Detail: detail}
	}
	sc, err := s.compile()
	if err != nil {
		return &fielderr.Error{Field: root, Err: rules.Schema, Detail: "schema does not compile: " + err.Error()}
	}
	res, err := sc.Validate(gojsonschema.NewBytesLoader(data))
	if err != nil {
		return &fielderr.Error{Field: root, Err: rules.JSON, Detail: err.Error()}
	}
	if res.Valid() {
		return nil
	}
	var errs []*fielderr.Error
	for _, e := range res.Errors() {
		errs = append(errs, plainError(e, root, rules.Schema))
	}
	return fielderr.Join(errs)
}

func plainError(e gojsonschema.ResultError, root string, rule error) *fielderr.Error {
	field := e.Field()
	if field == gojsonschema.STRING_ROOT_SCHEMA_PROPERTY {
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
	detail := e.Description()
	if f := e.Field(); strings.HasPrefix(detail, f) && (root != "" || f != gojsonschema.STRING_ROOT_SCHEMA_PROPERTY) {
		detail = dottedPath(root, strings.TrimPrefix(f, gojsonschema.STRING_ROOT_SCHEMA_PROPERTY)) + detail[len(f):]
	}
	return &fielderr.Error{Field: dottedPath(root, field), Value: value, Err: rule, Detail: detail}
}

// dottedPath turns gojsonschema's dotted field name ("deadlines.0.at", or
// "0.at" under root "backups") into a JSON path ("deadlines[0].at",
// "backups[0].at").
func dottedPath(root, p string) string {
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
