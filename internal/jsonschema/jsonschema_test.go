package jsonschema

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/openmarches/marches/internal/fielderr"
)

var (
	errSchema = fielderr.NewRule("schema", "test: document does not match its schema")
	errJSON   = fielderr.NewRule("invalid_json", "test: document is not JSON")
	rules     = Rules{Schema: errSchema, JSON: errJSON}
)

const src = `{"type":"object","additionalProperties":false,"required":["items"],
"properties":{"items":{"type":"array","items":{"type":"object","required":["at"],
"properties":{"at":{"type":"string"},"n":{"type":"integer","minimum":0}}}}}}`

func TestValidate(t *testing.T) {
	s := New([]byte(src))
	if err := s.Validate("", []byte(`{"items":[{"at":"x","n":1}]}`), rules); err != nil {
		t.Fatalf("valid document: %v", err)
	}
	err := s.Validate("doc", []byte(`{"items":[{"n":-1},{"at":"y"}],"extra":true}`), rules)
	if !errors.Is(err, errSchema) {
		t.Fatalf("err = %v, want the schema rule", err)
	}
	var got []string
	for _, e := range err.(fielderr.List) {
		got = append(got, e.Field+"="+e.Value)
	}
	// Sorted by field: doc.extra (additional property), doc.items[0].at
	// (required, no value), doc.items[0].n (minimum, value -1).
	want := []string{"doc.extra=true", "doc.items[0].at=", "doc.items[0].n=-1"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("violations (-want +got):\n%s", diff)
	}
	err = s.Validate("doc", []byte(`{"items": [}`), rules)
	var fe *fielderr.Error
	if !errors.As(err, &fe) || !errors.Is(err, errJSON) || fe.Detail != "at byte 12: invalid character '}' looking for beginning of value" {
		t.Errorf("not JSON: %#v", err)
	}
}

func TestPath(t *testing.T) {
	for ctx, want := range map[string]string{
		"(root)":                      "",
		"(root)\x00probes\x002\x00at": "probes[2].at",
		"(root)\x002\x00end":          "[2].end",
	} {
		if got := Path(ctx); got != want {
			t.Errorf("Path(%q) = %q, want %q", ctx, got, want)
		}
	}
	if got := JoinPath("a", "[1]"); got != "a[1]" {
		t.Errorf("JoinPath = %q", got)
	}
}

func TestValidatePlain(t *testing.T) {
	s := New([]byte(`{"type":"array","items":{"type":"object","additionalProperties":false,
"required":["at"],"properties":{"at":{"type":"string","minLength":3},"ok":{"type":"boolean"}}}}`))
	err := s.ValidatePlain("backups", []byte(`[{"at":"x"},{"at":"2026","colour":"red"},{"ok":true}]`), rules)
	var got []string
	for _, e := range err.(fielderr.List) {
		got = append(got, e.Field+"="+e.Value)
	}
	// Plain values: the string as typed (x, unquoted), the name of the
	// property not allowed (colour), nothing for a missing property.
	want := []string{"backups[0].at=x", "backups[1].colour=colour", "backups[2].at="}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("violations (-want +got):\n%s", diff)
	}
	var fe *fielderr.Error
	if err := s.ValidatePlain("", []byte(`[`), rules); !errors.As(err, &fe) || !errors.Is(err, errJSON) || fe.Detail != "offset 1: unexpected end of JSON input" {
		t.Errorf("not JSON: %#v", err)
	}
	if got := dottedPath("", "deadlines.0.at"); got != "deadlines[0].at" {
		t.Errorf("dottedPath = %q", got)
	}
}
