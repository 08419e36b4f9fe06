package conformance

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
)

// Leaf is one scalar of an output, named by its path: "date",
// "dates[3]", "invoices[0].ttc". Outputs are compared leaf by leaf, as
// text, so that a JSON answer and a CSV answer compare the same way.
type Leaf struct {
	// Path names the scalar; Value is its text.
	Path  string `json:"path"`
	Value string `json:"value"`
}

// Leaves flattens a JSON value into its leaves, in document order:
//
//   - an object's members are named parent.key (key alone at the top), an
//     array's elements parent[i];
//   - a string is its text, unquoted; a number its literal text as written
//     (5 and 5.0 differ); true, false and null their JSON text;
//   - an empty object is one leaf "{}" and an empty array one leaf "[]", so
//     that "no holiday" is still an answer.
//
// A scalar at the top is one leaf with the path "". It fails with
// ErrInvalidJSON for malformed JSON or an object repeating a key.
func Leaves(data []byte) ([]Leaf, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var out []Leaf
	if err := walk(dec, "", &out); err != nil {
		return nil, &FieldError{Err: ErrInvalidJSON, Detail: err.Error()}
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &FieldError{Err: ErrInvalidJSON, Detail: "trailing data after the value"}
	}
	return out, nil
}

var errDuplicateKey = errors.New("object key appears twice")

func walk(dec *json.Decoder, path string, out *[]Leaf) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := 0
			seen := map[string]bool{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return err
				}
				key, ok := kt.(string)
				if !ok {
					return errors.New("object key is not a string")
				}
				if seen[key] {
					return errors.New(strconv.Quote(key) + ": " + errDuplicateKey.Error())
				}
				seen[key] = true
				child := key
				if path != "" {
					child = path + "." + key
				}
				if err := walk(dec, child, out); err != nil {
					return err
				}
				n++
			}
			if _, err := dec.Token(); err != nil { // '}'
				return err
			}
			if n == 0 {
				*out = append(*out, Leaf{Path: path, Value: "{}"})
			}
		case '[':
			n := 0
			for dec.More() {
				if err := walk(dec, path+"["+strconv.Itoa(n)+"]", out); err != nil {
					return err
				}
				n++
			}
			if _, err := dec.Token(); err != nil { // ']'
				return err
			}
			if n == 0 {
				*out = append(*out, Leaf{Path: path, Value: "[]"})
			}
		default:
			return errors.New("unexpected " + t.String())
		}
	case string:
		*out = append(*out, Leaf{Path: path, Value: t})
	case json.Number:
		*out = append(*out, Leaf{Path: path, Value: t.String()})
	case bool:
		*out = append(*out, Leaf{Path: path, Value: strconv.FormatBool(t)})
	case nil:
		*out = append(*out, Leaf{Path: path, Value: "null"})
	}
	return nil
}
