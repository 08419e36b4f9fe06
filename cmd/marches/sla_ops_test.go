package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/golden"
)

// TestSLAOpsGolden runs "sla backups", "sla deploy" and "sla report" in
// process. The expected values are those hand-checked in sla/backup,
// sla/deploy and sla/report; the comments say which.
func TestSLAOpsGolden(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
	}{
		// At 12:00 on Tuesday 31 March 2026: J-1 is the 31st's run; the
		// 24th failed at 02:10 and was re-run at 10:40 (retried); the 25th
		// failed without re-run; the 26th has no run (missed); the 27th ran
		// at 05:15 (outside the window); the 29th is the spring-forward
		// night (window 03:00-04:00 CEST, run at 03:30: ok).
		{"sla_ops_backups", []string{"sla", "backups", "--input", "testdata/sla_ops_backups.json", "--at", "2026-03-31T12:00:00+02:00"}, "", 0},
		// The same runs at 01:00 on the 31st, nights from the 28th: the 31st
		// is pending (its window is not over) and its run does not exist
		// yet (later); the 24-hour rule still holds (the 30th's copy is
		// 22 h 30 min old).
		{"sla_ops_backups_before_night", []string{"sla", "backups", "--input", "-", "--at", "2026-03-31T01:00:00+02:00", "--from", "2026-03-28"},
			readFile(t, "testdata/sla_ops_backups.json"), 0},
		// Exactly 24 h after the 30th's 02:30 copy, with the 31st's run not
		// counted: "less than 24 hours" is strict, so the rule is broken.
		{"sla_ops_backups_24h_boundary", []string{"sla", "backups", "--input", "-", "--at", "2026-03-31T02:30:00+02:00", "--from", "2026-03-31"},
			`[{"at": "2026-03-30T02:30:00+02:00", "status": "complete"}, {"at": "2026-03-31T02:30:00.000000001+02:00", "status": "complete"}]`, 0},
		{"sla_ops_backups_err", []string{"sla", "backups", "--input", "-", "--at", "2026-03-31T01:00:00+02:00"},
			`[{"at": "2026-03-30T02:30:00", "status": "ok"}]`, 2},
		{"sla_ops_backups_err_flags", []string{"sla", "backups", "--at", "yesterday"}, "", 2},
		// 12:45 + 3 h = 15:45: a deadline at 15:30 refuses the release; the
		// next start clear of it (15:31) is past the window: 12:00 the next
		// day. The 12:00 deadline, before the start, plays no part.
		{"sla_ops_deploy_refused", []string{"sla", "deploy", "--input", "testdata/sla_ops_deploy_refused.json"}, "", 0},
		{"sla_ops_deploy_allowed", []string{"sla", "deploy", "--input", "testdata/sla_ops_deploy_allowed.json"}, "", 0},
		// 14 July 2026 (a Tuesday, public holiday) at 20:00: a patch goes
		// in the midday window only: next is Wednesday 15 July 12:00.
		{"sla_ops_deploy_holiday_patch", []string{"sla", "deploy", "--input", "testdata/sla_ops_deploy_holiday_patch.json"}, "", 0},
		// 62 h 1 s fits no ordinary weekend (62 h), nor the spring-forward
		// weekend (61 h): Easter, Friday 3 April 19:00 to Tuesday 7 April
		// 09:00 (86 h).
		{"sla_ops_deploy_long", []string{"sla", "deploy", "--input", "testdata/sla_ops_deploy_long.json"}, "", 0},
		// With Saturday mornings worked, a 4-hour job at 10:00 on Saturday
		// overlaps 2 h of business time and waits for 12:00.
		{"sla_ops_deploy_saturday_hours", []string{"sla", "deploy", "--input", "-", "--hours", "Mo-Fr 09:00-19:00; Sa 09:00-12:00; PH off"},
			`{"deployment": {"start": "2026-03-14T10:00:00+01:00", "expected_duration": "4h"}}`, 0},
		{"sla_ops_deploy_err", []string{"sla", "deploy", "--input", "-"},
			`{"deployment": {"start": "2026-02-30T12:45:00+01:00", "expected_duration": "0s"}, "deadlines": [{"at": "2026-03-10T24:30:00+01:00"}]}`, 2},
		{"sla_ops_deploy_err_schema", []string{"sla", "deploy", "--input", "-"},
			`{"deployment": {"start": "2026-03-10T12:45:00+01:00", "expected_duration": "20 minutes"}, "deadlines": [{"at": "soon"}], "hours": "24/7"}`, 2},
		{"sla_ops_deploy_err_missing", []string{"sla", "deploy"}, "", 2},
		{"sla_ops_report_err_flags", []string{"sla", "report", "--format", "pdf", "--lang", "de"}, "", 2},
		{"sla_ops_report_err_document", []string{"sla", "report", "--input", "-", "--format", "md", "-o", "unused.md"},
			`{"month": "2026-03", "day": "2026-04-02", "qos": {"probes": [{"check": "home", "at": "now", "duration_ms": 1, "success": true}]}}`, 2},
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
				if out != "" {
					t.Errorf("stdout not empty on error: %q", out)
				}
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

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSLAOpsReport writes the daily report of testdata (the document
// whose figures sla/report's TestDailyDocument checks by hand) in each
// format and language, with -o and --output, and compares the files with
// goldens; stdout names the file and its size.
func TestSLAOpsReport(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name, format, lang, flag string
	}{
		{"sla_ops_report_daily_fr.md", "md", "fr", "-o"},
		{"sla_ops_report_daily_en.html", "html", "en", "--output"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			out, errOut, code := runCLI(t, "", "sla", "report", "--input", "testdata/sla_ops_report_daily.json",
				"--format", tt.format, "--lang", tt.lang, tt.flag, path)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			content, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var w struct {
				Written string `json:"written"`
				Bytes   int    `json:"bytes"`
			}
			if err := json.Unmarshal([]byte(out), &w); err != nil || w.Written != path || w.Bytes != len(content) {
				t.Errorf("stdout %q for %d bytes at %s", out, len(content), path)
			}
			golden.Check(t, tt.name, content)
		})
	}
	// The default language is French; the same input gives the same file.
	p1 := filepath.Join(dir, "a.md")
	runCLI(t, readFile(t, "testdata/sla_ops_report_daily.json"), "sla", "report", "--input", "-", "--format", "md", "-o", p1)
	a, _ := os.ReadFile(p1)
	b, _ := os.ReadFile(filepath.Join(dir, "sla_ops_report_daily_fr.md"))
	if string(a) != string(b) || len(a) == 0 {
		t.Error("default language is not French, or the output is not deterministic")
	}
	// An unwritable path is reported as the output field.
	_, errOut, code := runCLI(t, "", "sla", "report", "--input", "testdata/sla_ops_report_daily.json", "--format", "md",
		"-o", filepath.Join(dir, "missing", "x.md"))
	if code != 2 || !strings.Contains(errOut, `"field": "output"`) || !strings.Contains(errOut, "output_unwritable") {
		t.Errorf("unwritable output: %d %s", code, errOut)
	}
}

// TestSLAOpsDemo checks the operations section: deterministic, and with
// --report-dir the page written is the one whose size and SHA-256 the
// section gives.
func TestSLAOpsDemo(t *testing.T) {
	c := calendar.MustNew(calendar.Config{Territory: "75"})
	first, err := demoOperations(c, demoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	again, _ := demoOperations(c, demoOptions{})
	j1, _ := json.Marshal(first)
	j2, _ := json.Marshal(again)
	if string(j1) != string(j2) {
		t.Fatal("operations section differs between runs")
	}
	dir := t.TempDir()
	v, err := demoOperations(c, demoOptions{reportDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	sec := v.(demoOpsSection)
	page, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(page)
	if sec.Report.Written != filepath.Join(dir, "report.html") || sec.Report.Bytes != len(page) ||
		sec.Report.SHA256 != hex.EncodeToString(sum[:]) || sec.Report.SHA256 != first.(demoOpsSection).Report.SHA256 {
		t.Errorf("report %+v", sec.Report)
	}
	if !strings.HasPrefix(string(page), "<!DOCTYPE html>\n<html lang=\"fr\">") || strings.Contains(string(page), "<script") {
		t.Error("not the French self-contained page")
	}
	indented, _ := json.MarshalIndent(first, "", "  ")
	golden.Check(t, "sla_ops_demo", append(indented, '\n'))
	// Through the CLI: the demo writes the page and names it.
	out, errOut, code := runCLI(t, "", "demo", "--report-dir", dir)
	if code != 0 || !strings.Contains(out, `"written": "`+filepath.Join(dir, "report.html")+`"`) {
		t.Errorf("demo --report-dir: %d %s", code, errOut)
	}
	if _, _, code := runCLI(t, "", "demo", "--report-dir", filepath.Join(dir, "missing")); code != 2 {
		t.Errorf("demo into a missing directory: exit %d", code)
	}
}

// FuzzSLAOpsInput feeds arbitrary documents to the three commands: the
// tool never panics and answers JSON on stdout (exit 0) or a JSON error
// on stderr (exit 2).
func FuzzSLAOpsInput(f *testing.F) {
	f.Add("backups", readFileF(f, "testdata/sla_ops_backups.json"))
	f.Add("deploy", readFileF(f, "testdata/sla_ops_deploy_refused.json"))
	f.Add("deploy", `{"deployment": {"start": "2200-12-31T23:00:00+01:00", "expected_duration": "2562047h"}}`)
	f.Add("report", readFileF(f, "testdata/sla_ops_report_daily.json"))
	f.Add("report", `{"month": "2026-10", "backups": [], "outages": []}`)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, cmd, doc string) {
		if len(doc) > 1<<15 {
			return
		}
		var args []string
		switch cmd {
		case "backups":
			args = []string{"sla", "backups", "--input", "-", "--at", "2026-04-01T00:00:00+02:00", "--from", "2026-03-01"}
		case "deploy":
			args = []string{"sla", "deploy", "--input", "-"}
		case "report":
			args = []string{"sla", "report", "--input", "-", "--format", "html", "-o", filepath.Join(dir, "r.html")}
		default:
			return
		}
		out, errOut, code := runCLI(t, doc, args...)
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
			t.Fatalf("exit %d: %s", code, errOut)
		}
	})
}

func readFileF(f *testing.F, path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	return string(b)
}
