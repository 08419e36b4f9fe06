package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/openmarches/marches/clauses"
	"github.com/openmarches/marches/internal/golden"
)

const (
	clausesData   = "testdata/clauses_data.json"
	clausesMiniV1 = "../../clauses/testdata/mini-v1"
	clausesMiniV2 = "../../clauses/testdata/mini-v2"
	clausesLayer  = "../../clauses/testdata/layer-client"
)

// TestClausesGolden runs the clauses commands in process.
// clauses_data.json is the sample consultation with the starter's two
// required values, SecNumCloud hosting and a 20-day payment time limit.
func TestClausesGolden(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
	}{
		{"clauses_assemble_ccap_md", []string{"clauses", "assemble", "--data", clausesData, "--document", "ccap"}, "", 0},
		{"clauses_assemble_rc_html", []string{"clauses", "assemble", "--data", clausesData, "--document", "rc", "--format", "html"}, "", 0},
		{"clauses_assemble_overlay", []string{"clauses", "assemble", "--library", clausesMiniV1, "--overlay", clausesLayer,
			"--data", sampleConsultationFile, "--document", "ccap"}, "", 0},
		{"clauses_assemble_input", []string{"clauses", "assemble", "--input", "-"},
			`{"library": "` + clausesMiniV2 + `", "overlay": ["` + clausesLayer + `"], "data": "` + sampleConsultationFile + `", "document": "ccap", "format": "md"}`, 0},
		{"clauses_lint_starter", []string{"clauses", "lint"}, "", 0},
		{"clauses_lint_starter_data", []string{"clauses", "lint", "--data", clausesData}, "", 0},
		{"clauses_upgrade_mini", []string{"clauses", "upgrade", "--from", clausesMiniV1, "--to", clausesMiniV2, "--overlay", clausesLayer}, "", 0},
		{"clauses_err_format", []string{"clauses", "assemble", "--data", clausesData, "--document", "ccap", "--format", "pdf"}, "", 2},
		{"clauses_err_missing", []string{"clauses", "assemble"}, "", 2},
		{"clauses_err_docx_stdout", []string{"clauses", "assemble", "--data", clausesData, "--document", "ae", "--format", "docx"}, "", 2},
		{"clauses_err_document", []string{"clauses", "assemble", "--data", clausesData, "--document", "cctp"}, "", 2},
		{"clauses_err_values", []string{"clauses", "assemble", "--data", "-", "--document", "ccap"},
			`{"consultation": ` + clausesReadFile(t, sampleConsultationFile) + `, "values": {"tribunal": 3, "nosuch": "x"}}`, 2},
		{"clauses_err_library", []string{"clauses", "assemble", "--library", "testdata/clauses_nope", "--data", clausesData, "--document", "ccap"}, "", 2},
		{"clauses_err_upgrade", []string{"clauses", "upgrade", "--from", clausesMiniV1}, "", 2},
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

func clausesReadFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestClausesLintProblems: a library with problems lists them on standard
// output (the contract's JSON list) and exits 2.
func TestClausesLintProblems(t *testing.T) {
	out, errOut, code := runCLI(t, "", "clauses", "lint", "--library", "testdata/clauses_broken")
	if code != 2 || !strings.Contains(errOut, "lint_problems") {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	var ps []clauses.Problem
	if err := json.Unmarshal([]byte(out), &ps); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.File+":"+itoaT(p.Line)+":"+p.Rule)
	}
	// a.md line 7: {{ref z}}; b.md line 6: the condition names "procedur".
	want := []string{"a.md:7:broken_ref", "a.md:7:variable_not_listed", "b.md:6:unknown_variable"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	golden.Check(t, "clauses_lint_broken", []byte(out))
}

func itoaT(n int) string { b, _ := json.Marshal(n); return string(b) }

// TestClausesAssembleDOCX writes a DOCX and checks that the file is the one
// the output describes.
func TestClausesAssembleDOCX(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ccap.docx")
	out, errOut, code := runCLI(t, "", "clauses", "assemble", "--data", clausesData, "--document", "ccap", "--format", "docx", "-o", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res clausesAssembleOut
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	b := []byte(clausesReadFile(t, path))
	sum := sha256.Sum256(b)
	if res.SHA256 != hex.EncodeToString(sum[:]) || res.Bytes != len(b) || res.Output != path || res.Articles != 27 {
		t.Errorf("output %+v does not describe the file (%d bytes)", res, len(b))
	}
}

// TestClausesContractValuesMatchStarter: the starter clausier's default SLA
// tables are exactly what priority.Default and sla.DefaultPolicy give, so
// a CCAP assembled without the demo's values states the same rules as the
// SDK computes.
func TestClausesContractValuesMatchStarter(t *testing.T) {
	vals, err := contractValues()
	if err != nil {
		t.Fatal(err)
	}
	lib, err := clauses.Starter()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"sla.matrice", "sla.delais"} {
		v, ok := lib.Variable(name)
		if !ok {
			t.Fatalf("starter lacks %s", name)
		}
		want, _ := json.Marshal(v.Default)
		got, _ := json.Marshal(vals[name])
		if string(want) != string(got) {
			t.Errorf("%s:\nstarter %s\nSDK     %s", name, want, got)
		}
	}
}

// TestDemoClausesWritesFiles: with a report directory the demo writes the
// nine renderings, whose hashes are those of the summary.
func TestDemoClausesWritesFiles(t *testing.T) {
	dir := t.TempDir()
	v, err := demoClauses(demoOptions{reportDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	out := v.(demoClausesOut)
	n := 0
	for _, d := range out.Documents {
		for _, f := range []string{"md", "html", "docx"} {
			b := []byte(clausesReadFile(t, filepath.Join(dir, d.ID+"."+f)))
			sum := sha256.Sum256(b)
			if d.SHA256[f] != hex.EncodeToString(sum[:]) {
				t.Errorf("%s.%s: hash differs from the summary", d.ID, f)
			}
			n++
		}
	}
	if n != 9 || out.Lint != 0 {
		t.Errorf("%d files, %d lint problems", n, out.Lint)
	}
}
