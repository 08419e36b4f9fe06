package deploy

import (
	"testing"
	"time"
)

// FuzzParseRequest: any document either parses, and then Check answers
// without error, or fails with FieldErrors.
func FuzzParseRequest(f *testing.F) {
	f.Add(`{"deployment": {"start": "2026-03-10T12:45:00+01:00", "expected_duration": "20m"}, "deadlines": [{"at": "2026-03-10T15:30:00+01:00"}]}`)
	f.Add(`{"deployment": {"start": "2026-07-14T20:00:00+02:00", "expected_duration": "45m", "incident_patch": true}}`)
	f.Add(`{"deployment": {"start": "2026-03-13T19:00:00+01:00", "expected_duration": "62h0m1s"}}`)
	f.Add(`{"deployment": {"start": "9999-12-31T23:59:59Z", "expected_duration": "1ns"}}`)
	f.Add(`{"deployment": {"start": "2200-12-31T23:59:59+01:00", "expected_duration": "2562047h"}}`)
	f.Add(`[]`)
	r := mustRules(f, Config{})
	f.Fuzz(func(t *testing.T, doc string) {
		if len(doc) > 1<<14 {
			return
		}
		req, err := ParseRequest([]byte(doc))
		if err != nil {
			if _, ok := err.(*FieldError); !ok {
				if _, ok := err.(interface{ Unwrap() []error }); !ok {
					t.Fatalf("unexpected error type %T", err)
				}
			}
			return
		}
		d, err := r.Check(req.Deployment, req.Deadlines)
		if err != nil {
			return // out of the calendar's years: a FieldError
		}
		if d.Allowed && (!d.NextFound || !d.Next.Equal(d.Deployment.Start)) {
			t.Fatalf("allowed but next %v", d.Next)
		}
		if d.NextFound && d.Next.Before(d.Deployment.Start) {
			t.Fatalf("next %v before start %v", d.Next, d.Deployment.Start)
		}
	})
}

// FuzzNext compares the search with the minute-stepping oracle on fuzzed
// starts, durations and deadlines (whole minutes, within two weeks).
func FuzzNext(f *testing.F) {
	f.Add(uint16(765), uint16(20), false, []byte{0x10, 0x20})
	f.Add(uint16(1200), uint16(45), true, []byte{})
	f.Add(uint16(4000), uint16(4000), false, []byte{1, 2, 3, 4})
	r := mustRules(f, Config{Horizon: 4 * 24 * time.Hour})
	base := ts("2026-03-26T00:00:00+01:00") // before the spring-forward weekend
	f.Fuzz(func(t *testing.T, startMin, expMin uint16, patch bool, raw []byte) {
		if len(raw) > 64 {
			return
		}
		d := Deployment{Start: base.Add(time.Duration(startMin%(7*24*60)) * time.Minute),
			Expected: time.Duration(1+int(expMin)%(80*60)) * time.Minute, IncidentPatch: patch}
		var dls []Deadline
		for i := 0; i+1 < len(raw); i += 2 {
			m := (int(raw[i])<<8 | int(raw[i+1])) % (12 * 24 * 60)
			dls = append(dls, Deadline{At: base.Add(time.Duration(m) * time.Minute)})
		}
		got, err := r.Check(d, dls)
		if err != nil {
			t.Fatal(err)
		}
		want, found := oracleNext(r, d, dls, 4*24*time.Hour)
		if found != got.NextFound || (found && !want.Equal(got.Next)) {
			t.Fatalf("%+v: next %v %v, oracle %v %v", d, got.Next, got.NextFound, want, found)
		}
	})
}
