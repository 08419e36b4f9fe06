package calendar

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
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

// FuzzAddBetween checks, for arbitrary instants and durations on the
// default calendar and a night-shift calendar, that nothing panics, that
// Between(a, Add(a, d)) == d, that Add never returns an instant before its
// start, and that Between is antisymmetric.
func FuzzAddBetween(f *testing.F) {
	f.Add(int64(1795780800), int64(7200e9), int64(86400), false)          // 2026-11-27 18:00 +01, 2h
	f.Add(int64(1774746000), int64(5400e9), int64(3600), true)            // 2026-03-29, DST night
	f.Add(int64(1792717200), int64(1), int64(-1), true)                   // fall-back day
	f.Add(int64(631152000), int64(365*24*3600e9), int64(31536000), false) // 1990-01-01
	f.Add(int64(7289654400), int64(100*3600e9), int64(1), false)          // late 2200
	f.Add(int64(-62135596800), int64(0), int64(0), true)                  // year 1
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		f.Skip(err)
	}
	def := MustNew(Config{Location: paris})
	night := MustNew(Config{Location: paris, Schedule: MustParseSchedule("Mo-Su 22:00-06:00; Sa 01:30-04:00; PH off")})
	f.Fuzz(func(t *testing.T, sec, dur, span int64, useNight bool) {
		c := def
		if useNight {
			c = night
		}
		if dur < 0 {
			dur = -dur
		}
		dur %= 3 * 365 * 24 * int64(time.Hour)
		a := time.Unix(sec, 0)
		r, err := c.Add(a, time.Duration(dur))
		if err == nil {
			if r.Before(a) {
				t.Fatalf("Add(%s, %s) = %s is before the start", a, time.Duration(dur), r)
			}
			got, err := c.Between(a, r)
			if err != nil || got != time.Duration(dur) {
				t.Fatalf("Between(a, Add(a, %s)) = %s, %v", time.Duration(dur), got, err)
			}
		}
		b := a.Add(time.Duration(span%(400*24*3600)) * time.Second)
		d1, err1 := c.Between(a, b)
		d2, err2 := c.Between(b, a)
		if (err1 == nil) != (err2 == nil) || d1 != -d2 {
			t.Fatalf("Between not antisymmetric: %s/%v vs %s/%v", d1, err1, d2, err2)
		}
		if err1 == nil && (b.After(a) && d1 > b.Sub(a) || b.After(a) && d1 < 0) {
			t.Fatalf("Between(%s, %s) = %s is outside [0, b-a]", a, b, d1)
		}
	})
}
