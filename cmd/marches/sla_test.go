package main

import (
	"encoding/json"
	"testing"

	"github.com/openmarches/marches/internal/golden"
)

// TestSLAGolden runs the sla commands in process against reviewed goldens.
// The due instants are the hand-computed ones of sla/deadline_test.go and
// sla/evaluate_test.go (e.g. P1 opened Friday 27 Nov 2026 19:30: on-call
// acknowledgement 23:30, workaround Monday 11:00, resolution Tuesday
// 09:00).
func TestSLAGolden(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
	}{
		{"sla_deadlines_friday_evening", []string{"sla", "deadlines", "--criticality", "haute", "--impact", "fort", "--opened", "2026-11-27T19:30:00+01:00", "--territory", "75"}, "", 0},
		// P2 inside hours: immediate; 1 and 3 business days.
		{"sla_deadlines_p2_inside", []string{"sla", "deadlines", "--criticality", "moyenne", "--impact", "fort", "--opened", "2026-11-17T10:00:00+01:00"}, "", 0},
		// P3 without a release calendar: no workaround, resolution not datable.
		{"sla_deadlines_p3_no_releases", []string{"sla", "deadlines", "--criticality", "faible", "--impact", "fort", "--opened", "2026-11-17T22:00:00+01:00"}, "", 0},
		// P4 on Christmas Eve with the release rules: next quarterly release
		// 2027-03-01 09:00.
		{"sla_deadlines_p4_releases", []string{"sla", "deadlines", "--criticality", "moyenne", "--impact", "reduit", "--opened", "2026-12-24T17:00:00+01:00", "--releases", "testdata/sla_releases.json"}, "", 0},
		// La Réunion (+04:00): 19:30Z is 23:30 local on Friday; outputs in
		// the territory's zone.
		{"sla_deadlines_reunion", []string{"sla", "deadlines", "--criticality", "haute", "--impact", "fort", "--opened", "2026-11-27T19:30:00Z", "--territory", "974"}, "", 0},
		{"sla_deadlines_policy_file", []string{"sla", "deadlines", "--criticality", "haute", "--impact", "fort", "--opened", "2026-11-27T18:30:00+01:00", "--policy", "testdata/sla_policy_strict.json"}, "", 0},
		{"sla_evaluate", []string{"sla", "evaluate", "--incidents", "testdata/sla_incidents.json", "--releases", "testdata/sla_releases.json", "--now", "2026-12-02T12:00:00+01:00"}, "", 0},
		{"sla_evaluate_input", []string{"sla", "evaluate", "--input", "-"}, `{"now":"2026-11-17T12:30:00+01:00","territory":"75","incidents":[{"id":"A","events":[{"type":"opened","at":"2026-11-17T10:00:00+01:00","priority":"P3"},{"type":"acknowledged","at":"2026-11-17T10:00:00+01:00"},{"type":"qualified","at":"2026-11-17T11:00:00+01:00","priority":"P1"}]}]}`, 0},
		// The form: --input FILE holding a bare JSON array.
		{"sla_evaluate_array_input", []string{"sla", "evaluate", "--input", "testdata/sla_incidents.json", "--now", "2026-12-02T12:00:00+01:00"}, "", 0},
		{"sla_evaluate_array_stdin", []string{"sla", "evaluate", "--input", "-", "--now", "2026-11-17T12:30:00+01:00"}, `[{"id":"A","events":[{"type":"opened","at":"2026-11-17T10:00:00+01:00","priority":"P2"}]}]`, 0},
		{"sla_err_input_unknown_flag", []string{"sla", "evaluate", "--input", "-"}, `{"incidents":[],"colour":"red"}`, 2},
		{"sla_policy_default", []string{"sla", "policy"}, "", 0},
		{"sla_err_history", []string{"sla", "evaluate", "--now", "2026-12-02T12:00:00+01:00", "--incidents", `[{"events":[{"type":"opened","at":"2026-11-17T10:00:00+01:00","priority":"P7"},{"type":"resolved","at":"2026-11-17T11:00:00+01:00"},{"type":"resolved","at":"2026-11-17T12:00:00+01:00"}]},{"events":[{"type":"paused","at":"2026-11-17T10:00:00+01:00","reason":"x"}]}]`}, "", 2},
		{"sla_err_schema", []string{"sla", "evaluate", "--now", "2026-12-02T12:00:00+01:00", "--incidents", `[{"events":[{"type":"opened","at":"yesterday"}]}]`}, "", 2},
		{"sla_err_policy", []string{"sla", "deadlines", "--criticality", "haute", "--impact", "fort", "--opened", "2026-11-27T19:30:00+01:00", "--policy", `{"priorities":[{"code":"P1","acknowledge":{"kind":"immediate","days":3},"workaround":{"kind":"wall_clock","duration":"0s"},"resolve":{"kind":"none"}}]}`}, "", 2},
		{"sla_err_missing", []string{"sla", "deadlines"}, "", 2},
		{"sla_err_now", []string{"sla", "evaluate", "--incidents", "[]", "--now", "tomorrow"}, "", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, errOut)
			}
			got := out
			if code != 0 {
				got = errOut
			}
			if !json.Valid([]byte(got)) {
				t.Fatalf("output is not JSON: %s", got)
			}
			golden.Check(t, tt.name, []byte(got))
		})
	}
}

// TestSLAEvaluateDefaultNow: without --now the command reads the clock
// (in Europe/Paris) and still succeeds.
func TestSLAEvaluateDefaultNow(t *testing.T) {
	out, errOut, code := runCLI(t, "", "sla", "evaluate", "--incidents", `[{"events":[{"type":"opened","at":"2026-01-05T10:00:00+01:00","priority":"P1"}]}]`)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep struct {
		Now string `json:"now"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Now == "" {
		t.Fatalf("output %s: %v", out, err)
	}
}

// FuzzSLAInput feeds arbitrary JSON documents to the sla commands: exit 0
// with JSON on stdout, or 2 with a JSON error object on stderr; never a
// panic.
func FuzzSLAInput(f *testing.F) {
	f.Add("deadlines", `{"criticality":"haute","impact":"fort","opened":"2026-11-27T19:30:00+01:00","territory":"75"}`)
	f.Add("deadlines", `{"criticality":"faible","impact":"reduit","opened":"2026-12-24T17:00:00+01:00","releases":{"rules":{"from":"2026-01-01","to":"2027-12-31","esr_month":6}}}`)
	f.Add("evaluate", `{"now":"2026-12-02T12:00:00+01:00","incidents":[{"events":[{"type":"opened","at":"2026-11-27T19:30:00+01:00","priority":"P1"},{"type":"paused","at":"2026-11-28T10:00:00+01:00","reason":"client"}]}]}`)
	f.Add("evaluate", `{"now":"2026-12-02T12:00:00+01:00","incidents":[],"policy":{"priorities":[{"code":"P1","acknowledge":{"kind":"none"},"workaround":{"kind":"none"},"resolve":{"kind":"none"}}]}}`)
	f.Add("policy", `{"policy":{"priorities":[]}}`)
	f.Fuzz(func(t *testing.T, cmd, doc string) {
		if len(doc) > 1<<16 {
			return
		}
		switch cmd {
		case "deadlines", "evaluate", "policy":
		default:
			return
		}
		var m map[string]json.RawMessage
		if json.Unmarshal([]byte(doc), &m) == nil {
			for k, v := range m {
				// No file names from the fuzzer: only inline JSON.
				if (k == "policy" || k == "releases" || k == "incidents") && len(v) > 0 && v[0] == '"' {
					return
				}
			}
		}
		out, errOut, code := runCLI(t, doc, "sla", cmd, "--input", "-", "--now", "2026-12-02T12:00:00+01:00")
		if cmd != "evaluate" {
			out, errOut, code = runCLI(t, doc, "sla", cmd, "--input", "-")
		}
		switch code {
		case 0:
			if !json.Valid([]byte(out)) {
				t.Fatalf("exit 0 with non-JSON stdout %q", out)
			}
		case 2:
			var e struct {
				Error struct{ Field, Rule, Message string } `json:"error"`
			}
			if err := json.Unmarshal([]byte(errOut), &e); err != nil || e.Error.Rule == "" || e.Error.Message == "" {
				t.Fatalf("exit 2 with bad error object %q", errOut)
			}
		default:
			t.Fatalf("exit %d", code)
		}
	})
}
