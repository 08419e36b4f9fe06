package priority

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/xeipuuv/gojsonschema"

	"github.com/openmarches/marches/internal/fielderr"
)

//go:embed schema/matrix.schema.json
var schemaJSON []byte

// JSONSchema returns a copy of the JSON Schema (draft-07) of the matrix
// document read by [ParseJSON] and written by [Matrix.MarshalJSON], as
// shipped in schema/matrix.schema.json.
func JSONSchema() []byte { return bytes.Clone(schemaJSON) }

var compiledSchema = sync.OnceValues(func() (*gojsonschema.Schema, error) {
	return gojsonschema.NewSchema(gojsonschema.NewBytesLoader(schemaJSON))
})

// ParseJSON reads a matrix document:
//
//	{
//	  "source": "…",
//	  "criticality": [{"code": "haute", "fr": "Haute", "en": "High"}, …],
//	  "impact":      [{"code": "fort", "fr": "Fort", "en": "Major"}, …],
//	  "priorities":  [{"code": "P1"}, …],
//	  "cells": {"haute": {"fort": "P1", …}, …}
//	}
//
// in three stages, each reporting all of its violations at once: JSON
// syntax (ErrInvalidJSON with the byte offset) and repeated object keys
// (ErrDuplicateKey); conformance to [JSONSchema] (ErrSchema, one per
// violation, with the schema's message in Detail); then the rules of
// [New]. Field paths use the document's names: "criticality[1].code",
// "cells.haute.fort".
func ParseJSON(data []byte) (Matrix, error) {
	if err := checkSyntax(data); err != nil {
		return Matrix{}, err
	}
	schema, err := compiledSchema()
	if err != nil {
		return Matrix{}, err // unreachable: TestSchemaCompiles
	}
	res, err := schema.Validate(gojsonschema.NewBytesLoader(data))
	if err != nil {
		// gojsonschema could not decode a document encoding/json accepted
		// (it should not happen); report it as a syntax error.
		return Matrix{}, &FieldError{Err: ErrInvalidJSON, Detail: err.Error()}
	}
	if !res.Valid() {
		var errs []*FieldError
		for _, e := range res.Errors() {
			errs = append(errs, schemaError(e))
		}
		return Matrix{}, fielderr.Join(errs)
	}
	var cfg Config
	if err := json.Unmarshal(data, &cfg); err != nil {
		return Matrix{}, &FieldError{Err: ErrInvalidJSON, Detail: err.Error()} // unreachable after the schema
	}
	m, err := build(cfg)
	if err != nil {
		return Matrix{}, err
	}
	return Matrix{m}, nil
}

// schemaError turns a gojsonschema result error into a FieldError whose
// field is a path in the document ("criticality[0].code").
func schemaError(e gojsonschema.ResultError) *FieldError {
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
		return &FieldError{Field: jsonPath(field), Value: value, Err: ErrSchema, Detail: e.Description()}
	}
	switch v := e.Value().(type) {
	case string:
		value = v
	case json.Number:
		value = v.String()
	case bool:
		value = strconv.FormatBool(v)
	}
	return &FieldError{Field: jsonPath(field), Value: value, Err: ErrSchema, Detail: e.Description()}
}

// jsonPath turns gojsonschema's "criticality.0.code" into
// "criticality[0].code".
func jsonPath(p string) string {
	if p == "" {
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

// checkSyntax reports malformed JSON, trailing data and repeated object
// keys, with paths and byte offsets.
func checkSyntax(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var errs []*FieldError
	if err := walk(dec, "", &errs); err != nil {
		return syntaxError(err, dec)
	}
	if _, err := dec.Token(); err != io.EOF {
		return &FieldError{Err: ErrInvalidJSON, Detail: "trailing data at byte offset " + strconv.FormatInt(dec.InputOffset(), 10)}
	}
	if len(errs) > 0 {
		return fielderr.Join(errs)
	}
	return nil
}

func syntaxError(err error, dec *json.Decoder) error {
	var se *json.SyntaxError
	off := dec.InputOffset()
	if errors.As(err, &se) {
		off = se.Offset
	}
	detail := err.Error()
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		detail = "unexpected end of input"
	}
	return &FieldError{Err: ErrInvalidJSON, Detail: detail + " at byte offset " + strconv.FormatInt(off, 10)}
}

// walk consumes one JSON value from dec, recording repeated keys. Nesting
// deeper than maxDepth is rejected (the matrix format nests 3 levels).
func walk(dec *json.Decoder, path string, errs *[]*FieldError) error {
	return walkDepth(dec, path, errs, 0)
}

const maxDepth = 64

func walkDepth(dec *json.Decoder, path string, errs *[]*FieldError, depth int) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return nil
	}
	if depth >= maxDepth {
		return errors.New("nesting deeper than 64 levels")
	}
	switch d {
	case '{':
		seen := map[string]bool{}
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				return err
			}
			k, _ := tok.(string)
			child := k
			if path != "" {
				child = path + "." + k
			}
			if seen[k] {
				*errs = append(*errs, &FieldError{Field: child, Value: k, Err: ErrDuplicateKey})
			}
			seen[k] = true
			if err := walkDepth(dec, child, errs, depth+1); err != nil {
				return err
			}
		}
	case '[':
		for i := 0; dec.More(); i++ {
			if err := walkDepth(dec, path+"["+strconv.Itoa(i)+"]", errs, depth+1); err != nil {
				return err
			}
		}
	}
	_, err = dec.Token() // the closing delimiter
	return err
}
