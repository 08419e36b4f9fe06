package calendar

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"
)

// Fuzz targets of the package's parsers and decoders. Seeds: the table
// tests plus testdata/fuzz/FuzzXxx/ (crashers found are committed there).

// fuzzMaxInput skips inputs over 64 KiB: the parsers are linear, longer
// inputs only slow the fuzzer down.
const fuzzMaxInput = 64 << 10

// FuzzParseSchedule: ParseSchedule never panics; an error is one
// *FieldError for "hours" with the input as value and a byte offset inside
// it; a schedule survives String/ParseSchedule (String being a fixed
// point) and MarshalJSON/UnmarshalJSON.
func FuzzParseSchedule(f *testing.F) {
	for _, tt := range ohValidCases {
		f.Add(tt.in)
	}
	for _, tt := range ohInvalidCases {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) > fuzzMaxInput {
			t.Skip("input over 64 KiB")
		}
		s, err := ParseSchedule(in)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != "hours" || fe.Value != in {
				t.Fatalf("ParseSchedule(%q) = %#v, want a *FieldError for hours with the input as value", in, err)
			}
			if fe.Detail != "empty" {
				rest, ok := strings.CutPrefix(fe.Detail, "at byte ")
				n, err2 := strconv.Atoi(rest[:max(strings.IndexByte(rest, ':'), 0)])
				if !ok || err2 != nil || n < 0 || n > len(in) {
					t.Fatalf("ParseSchedule(%q): Detail %q does not name a byte offset in the input", in, fe.Detail)
				}
			}
			if !s.IsZero() {
				t.Fatalf("ParseSchedule(%q) returned %q with an error", in, s)
			}
			return
		}
		ohCheckRoundTrips(t, s)
	})
}

// FuzzScheduleJSON: Schedule.UnmarshalJSON never panics, reports only
// *FieldError values and leaves the schedule alone on an error; a decoded
// schedule survives MarshalJSON/UnmarshalJSON (byte-identical output) and
// String/ParseSchedule.
func FuzzScheduleJSON(f *testing.F) {
	for _, tt := range ohValidCases {
		b, err := MustParseSchedule(tt.in).MarshalJSON()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
		q, _ := json.Marshal(tt.in) // the string form
		f.Add(string(q))
	}
	f.Add(`{"week":{"Mo":["09:00-12:00","9h"]},"x":1,"closures":[{"from":"2026-02-30"}],"exceptions":[{}]}`)
	f.Add(`{"holidays":"special"}`)
	f.Add(`null`)
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) > fuzzMaxInput {
			t.Skip("input over 64 KiB")
		}
		var s Schedule
		if err := s.UnmarshalJSON([]byte(in)); err != nil {
			var list interface{ Unwrap() []error }
			errs := []error{err}
			if errors.As(err, &list) {
				errs = list.Unwrap()
			}
			for _, e := range errs {
				if _, ok := e.(*FieldError); !ok {
					t.Fatalf("UnmarshalJSON(%q): %T %v, want *FieldError", in, e, e)
				}
			}
			if !s.IsZero() {
				t.Fatalf("UnmarshalJSON(%q) changed the schedule on error: %q", in, s)
			}
			return
		}
		ohCheckRoundTrips(t, s)
	})
}
