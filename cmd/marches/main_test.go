package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"

	"github.com/openmarches/marches/internal/golden"
)

func runCLI(t testing.TB, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), code
}

// TestGolden runs each command in process; outputs are reviewed goldens,
// and the values in them are the hand-checked ones of the calendar tests.
func TestGolden(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
	}{
		{"demo", []string{"demo", "--report-dir="}, "", 0},
		{"holidays_67_2026", []string{"calendar", "holidays", "--territory", "67", "--from", "2026-01-01", "--to", "2026-12-31"}, "", 0},
		{"holidays_972_may", []string{"calendar", "holidays", "--territory", "972", "--from", "2026-05-01", "--to", "2026-05-31"}, "", 0},
		{"add_friday_evening", []string{"calendar", "add", "--territory", "75", "--at", "2026-11-27T18:00:00+01:00", "--duration", "2h"}, "", 0},
		{"add_utc_input", []string{"calendar", "add", "--territory", "974", "--at", "2026-12-18T12:00:00Z", "--duration", "10h"}, "", 0},
		{"add_input_json", []string{"calendar", "add", "--input", "-"}, `{"territory":"75","at":"2026-12-24T17:00:00+01:00","duration":"10h","hours":"Mo-Fr 09:00-19:00; PH off"}`, 0},
		{"add_input_flag_wins", []string{"calendar", "add", "--input", "-", "--duration", "1h"}, `{"at":"2026-12-24T17:00:00+01:00","duration":"10h"}`, 0},
		{"between_may", []string{"calendar", "between", "--territory", "75", "--from", "2026-05-01T00:00:00+02:00", "--to", "2026-06-01T00:00:00+02:00"}, "", 0},
		{"between_negative", []string{"calendar", "between", "--from", "2026-11-30T11:00:00+01:00", "--to", "2026-11-30T10:00:00+01:00"}, "", 0},
		{"between_dst_night", []string{"calendar", "between", "--hours", "Mo-Su 01:30-04:00", "--from", "2026-10-25T00:00:00+02:00", "--to", "2026-10-26T00:00:00+01:00"}, "", 0},
		{"days_francs", []string{"calendar", "days", "--at", "2026-12-15", "--days", "9", "--kind", "francs"}, "", 0},
		{"days_ouvres_67", []string{"calendar", "days", "--territory", "67", "--at", "2026-04-02", "--days", "1", "--kind", "ouvres"}, "", 0},
		{"days_input_number", []string{"calendar", "days", "--input", "-"}, `{"at":"2026-04-21","days":10,"kind":"calendaires"}`, 0},
		{"err_unknown_command", []string{"calendar", "frobnicate"}, "", 2},
		{"err_many", []string{"calendar", "add", "--territory", "20", "--at", "nope", "--duration", "-1"}, "", 2},
		{"err_bad_hours", []string{"calendar", "between", "--hours", "Mo-Fr 09:00-19:00; SH off", "--from", "2026-01-01T00:00:00Z", "--to", "2026-01-02T00:00:00Z"}, "", 2},
		{"err_negative_duration", []string{"calendar", "add", "--at", "2026-01-05T10:00:00+01:00", "--duration", "-2h"}, "", 2},
		{"err_out_of_range", []string{"calendar", "add", "--at", "1985-01-05T10:00:00+01:00", "--duration", "2h"}, "", 2},
		{"err_bad_json", []string{"calendar", "days", "--input", "-"}, `{"at":"2026-04-21","days":10,"kind":"calendaires","colour":"red"}`, 2},
		{"err_not_json", []string{"calendar", "days", "--input", "-"}, `[1,2]`, 2},
		{"err_missing", []string{"calendar", "days"}, "", 2},
		{"err_range_reversed", []string{"calendar", "holidays", "--from", "2026-12-31", "--to", "2026-01-01"}, "", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, errOut)
			}
			got := out
			if code != 0 {
				if out != "" {
					t.Errorf("stdout not empty on error: %q", out)
				}
				got = errOut
			} else if errOut != "" {
				t.Errorf("stderr not empty on success: %q", errOut)
			}
			if !json.Valid([]byte(got)) {
				t.Fatalf("output is not JSON: %s", got)
			}
			golden.Check(t, tt.name, []byte(got))
		})
	}
}

func TestHelp(t *testing.T) {
	out, _, code := runCLI(t, "", "help")
	if code != 0 || !strings.Contains(out, "calendar between") || !strings.Contains(out, "demo") {
		t.Errorf("help: exit %d, output %q", code, out)
	}
	out, _, code = runCLI(t, "", "calendar", "add", "-h")
	if code != 0 || !strings.Contains(out, "-duration") || !strings.Contains(out, "-input") {
		t.Errorf("calendar add -h: exit %d, output %q", code, out)
	}
	out2, _, _ := runCLI(t, "", "help", "calendar", "add")
	if out2 != out {
		t.Errorf("help calendar add differs from calendar add -h")
	}
}

// TestDemoDeterministic runs the demo several times, concurrently, and
// compares the bytes.
func TestDemoDeterministic(t *testing.T) {
	first, _, _ := runCLI(t, "", "demo", "--report-dir=")
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if out, _, _ := runCLI(t, "", "demo", "--report-dir="); out != first {
				t.Error("demo output differs between runs")
			}
		}()
	}
	wg.Wait()
}

// FuzzRunInput feeds arbitrary JSON documents to every calendar command:
// the tool must never panic, must exit 0 with JSON on stdout or 2 with a
// JSON error object on stderr.
func FuzzRunInput(f *testing.F) {
	f.Add("add", `{"territory":"75","at":"2026-12-24T17:00:00+01:00","duration":"10h"}`)
	f.Add("between", `{"from":"2026-10-25T00:00:00+02:00","to":"2026-10-26T00:00:00+01:00","hours":"Mo-Su 01:30-04:00"}`)
	f.Add("days", `{"at":"2026-04-21","days":10,"kind":"calendaires"}`)
	f.Add("holidays", `{"territory":"971","from":"2026-01-01","to":"2026-12-31"}`)
	f.Add("add", `{"hours":{"week":{"Mo":["09:00-12:00"]},"holidays":"off"},"at":"2026-01-05T10:00:00Z","duration":"3h"}`)
	f.Add("days", `{"at":"2026-04-21","days":1e99,"kind":"francs"}`)
	f.Add("add", `null`)
	f.Fuzz(func(t *testing.T, cmd, doc string) {
		if len(doc) > 1<<16 {
			return
		}
		switch cmd {
		case "add", "between", "days", "holidays":
		default:
			return
		}
		out, errOut, code := runCLI(t, doc, "calendar", cmd, "--input", "-")
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
