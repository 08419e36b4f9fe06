package deploy

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xeipuuv/gojsonschema"
)

func TestSchemaCompiles(t *testing.T) {
	if _, err := gojsonschema.NewSchema(gojsonschema.NewBytesLoader(JSONSchema())); err != nil {
		t.Fatal(err)
	}
}

func TestParseRequest(t *testing.T) {
	req, err := ParseRequest([]byte(`{
	  "deployment": {"name": "4.2", "start": "2026-03-10T12:45:00+01:00", "expected_duration": "1h30m"},
	  "deadlines": [{"ref": "A", "at": "2026-03-10T15:30:00+01:00"}, {"at": "2026-03-11T12:00:00Z"}]
	}`))
	if err != nil {
		t.Fatal(err)
	}
	want := Request{
		Deployment: Deployment{Name: "4.2", Start: ts("2026-03-10T12:45:00+01:00"), Expected: 90 * time.Minute},
		Deadlines:  []Deadline{{Ref: "A", At: ts("2026-03-10T15:30:00+01:00")}, {At: ts("2026-03-11T12:00:00Z")}},
	}
	if diff := cmp.Diff(want, req); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestParseRequestErrors(t *testing.T) {
	tests := []struct {
		name   string
		doc    string
		fields []string
		rule   error
	}{
		{"not JSON", `{"deployment":`, []string{""}, ErrInvalidJSON},
		{"missing deployment", `{"deadlines": []}`, []string{"deployment"}, ErrSchema},
		{"bad fields", `{"deployment": {"start": "2026-03-10 12:45", "expected_duration": "20 minutes", "patch": true}, "deadlines": [{"at": 3}]}`,
			[]string{"deadlines[0].at", "deployment.expected_duration", "deployment.patch", "deployment.start"}, ErrSchema},
		{"impossible values", `{"deployment": {"start": "2026-02-30T12:45:00+01:00", "expected_duration": "99999999999h"}, "deadlines": [{"at": "2026-03-10T24:30:00+01:00"}]}`,
			[]string{"deadlines[0].at", "deployment.expected_duration", "deployment.start"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseRequest([]byte(tt.doc))
			if err == nil || (tt.rule != nil && !errors.Is(err, tt.rule)) {
				t.Fatalf("got %v, want %v", err, tt.rule)
			}
			var fields []string
			if m, ok := err.(interface{ Unwrap() []error }); ok {
				for _, e := range m.Unwrap() {
					fields = append(fields, e.(*FieldError).Field)
				}
			} else {
				fields = append(fields, err.(*FieldError).Field)
			}
			if diff := cmp.Diff(tt.fields, fields); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
		})
	}
}
