package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openmarches/marches/conformance"
	"github.com/openmarches/marches/internal/golden"
)

const kitTestdata = "../../conformance/testdata/"

// requireRawOutput skips the tests of commands that write their own
// output (text, XML) or exit with status 1 while run (cli.go) lacks the
// rawOutput hook described in conformance.go; under CI (CI=true, set by
// .ci/run) the missing hook is a failure.
func requireRawOutput(t *testing.T) {
	t.Helper()
	out, _, _ := runCLI(t, "", "vectors", "export", "--family", "calendar-days", "--format", "csv")
	if !strings.HasPrefix(out, "family,id,operation,part,path,value\n") {
		const msg = "cli.go: run does not write rawOutput yet (see the hook in conformance.go)"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
}

// TestConformanceGolden runs verify and vectors on the kit's sample
// files; the reports are reviewed goldens (the README shows the text one).
func TestConformanceGolden(t *testing.T) {
	requireRawOutput(t)
	sample := kitTestdata + "answers-sample.csv"
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
	}{
		{"verify_sample_text", []string{"verify", "--answers", sample, "--family", "calendar-days,sla-availability"}, "", 1},
		{"verify_sample_json", []string{"verify", "--answers", sample, "--family", "calendar-days,sla-availability", "--format", "json"}, "", 1},
		{"verify_sample_junit", []string{"verify", "--answers", kitTestdata + "answers-sample.json", "--family", "calendar-days,sla-availability", "--format", "junit"}, "", 1},
		{"verify_stdin_missing", []string{"verify", "--answers", "-", "--family", "calendar-days"}, "id,path,value\ncalendar.days.extend.1-may,date,2026-05-04\n", 1},
		{"verify_unknown_id", []string{"verify", "--answers", "-", "--family", "procurement-payment"}, `{"procurement.payment.nope":{"days":30}}`, 1},
		{"err_verify_no_answers", []string{"verify"}, "", 2},
		{"err_verify_format", []string{"verify", "--answers", sample, "--format", "xml"}, "", 2},
		{"err_verify_bad_csv", []string{"verify", "--answers", "-"}, "id,path,value\na.b.c,date\n", 2},
		{"err_verify_bad_json", []string{"verify", "--answers", "-"}, `{"a.b.c": {"date": }`, 2},
		{"err_verify_unknown_family", []string{"verify", "--answers", sample, "--family", "eforms-notices"}, "", 2},
		{"err_verify_no_file", []string{"verify", "--answers", kitTestdata + "nope.csv"}, "", 2},
		{"err_verify_vectors_dir", []string{"verify", "--answers", sample, "--vectors", kitTestdata + "nope"}, "", 2},
		{"err_verify_vectors_empty", []string{"verify", "--answers", sample, "--vectors", kitTestdata + "fuzz"}, "", 2},
		{"err_export_family", []string{"vectors", "export", "--family", "calendar-dayz"}, "", 2},
		{"err_export_no_family", []string{"vectors", "export"}, "", 2},
		{"err_export_format", []string{"vectors", "export", "--family", "calendar-days", "--format", "xml"}, "", 2},
		{"err_make_missing", []string{"vectors", "make"}, "", 2},
		{"err_make_bad_id", []string{"vectors", "make", "--family", "calendar-days", "--operation", "extend", "--id", "calendar.business.x", "--input", "-"},
			`{"territory":"FR","date":"2026-05-01"}`, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stdout: %s; stderr: %s", code, tt.code, out, errOut)
			}
			got := out
			if code == exitBadInput {
				if out != "" {
					t.Errorf("stdout not empty on bad input: %q", out)
				}
				if !json.Valid([]byte(errOut)) {
					t.Fatalf("stderr is not JSON: %s", errOut)
				}
				got = errOut
			} else if errOut != "" {
				t.Errorf("stderr not empty: %q", errOut)
			}
			golden.Check(t, "conformance_"+tt.name, []byte(got))
		})
	}
}

// TestConformanceVerifyExit: 0 when every checked answer is right, 1
// otherwise; the SDK's own answers to every shipped vector pass.
func TestConformanceVerifyExit(t *testing.T) {
	requireRawOutput(t)
	set, err := conformance.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	a, err := conformance.ComputeAnswers(set)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := conformance.WriteAnswersCSV(&buf, a); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, buf.String(), "verify", "--answers", "-")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitOK || errOut != "" || !strings.HasPrefix(lines[len(lines)-1], "OK: ") || strings.Contains(out, "SKIP") {
		t.Errorf("exit %d, stderr %q, report:\n%s", code, errOut, out)
	}
	// JUnit of a full pass loads in a JUnit reader: no failure, no skip.
	out, _, code = runCLI(t, buf.String(), "verify", "--answers", "-", "--format", "junit")
	var doc struct {
		XMLName  xml.Name `xml:"testsuites"`
		Tests    int      `xml:"tests,attr"`
		Failures int      `xml:"failures,attr"`
		Suites   []struct {
			Skipped int `xml:"skipped,attr"`
			Cases   []struct {
				Name string `xml:"name,attr"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(out), &doc); err != nil || code != exitOK {
		t.Fatalf("junit: exit %d, %v", code, err)
	}
	n, skipped := 0, 0
	for _, s := range doc.Suites {
		n += len(s.Cases)
		skipped += s.Skipped
	}
	if doc.Failures != 0 || skipped != 0 || doc.Tests != n || n != a.Len() {
		t.Errorf("junit: tests %d failures %d skipped %d, %d testcases, %d answers", doc.Tests, doc.Failures, skipped, n, a.Len())
	}
}

// TestConformanceJUnitWellFormed reads every token of the JUnit golden:
// what a JUnit viewer parses.
func TestConformanceJUnitWellFormed(t *testing.T) {
	requireRawOutput(t)
	data, err := os.ReadFile(filepath.Join("testdata", "conformance_verify_sample_junit.golden"))
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	elements := map[string]int{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			elements[se.Name.Local]++
		}
	}
	if elements["testsuites"] != 1 || elements["testsuite"] != 2 || elements["testcase"] != 31 || elements["failure"] != 1 || elements["skipped"] != 0 {
		t.Errorf("elements %v", elements)
	}
}

// TestConformanceBadVectors: a vectors folder with an invalid file is bad
// input (exit 2), each problem named with its file.
func TestConformanceBadVectors(t *testing.T) {
	requireRawOutput(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "mine.json"), []byte(`{"format":"marches-conformance/1"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runCLI(t, "", "verify", "--vectors", dir, "--answers", kitTestdata+"answers-sample.csv")
	if code != exitBadInput || !strings.Contains(errOut, `"rule": "schema_violation"`) || !strings.Contains(errOut, `"field": "vectors mine.json`) {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

func TestConformanceExport(t *testing.T) {
	requireRawOutput(t)
	set, err := conformance.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	f, err := set.Family("calendar-days")
	if err != nil {
		t.Fatal(err)
	}
	// JSON of one family is its file; the shipped vectors work from any
	// directory (embedded).
	out, _, code := runCLI(t, "", "vectors", "export", "--family", "calendar-days")
	want, _ := f.MarshalIndent()
	if code != exitOK || out != string(want) {
		t.Errorf("export json: exit %d, %d bytes, want %d", code, len(out), len(want))
	}
	out, _, code = runCLI(t, "", "vectors", "export", "--family", "calendar-days,pricing-money", "--format", "csv")
	var b strings.Builder
	money, _ := set.Family("pricing-money")
	if err := conformance.ExportCSV(&b, f, money); err != nil {
		t.Fatal(err)
	}
	if code != exitOK || out != b.String() {
		t.Errorf("export csv: exit %d", code)
	}
	out, _, code = runCLI(t, "", "vectors", "export", "--family", "all")
	var all struct {
		Format   string               `json:"format"`
		Families []conformance.Family `json:"families"`
	}
	if err := json.Unmarshal([]byte(out), &all); err != nil || code != exitOK || len(all.Families) != len(set.Names()) {
		t.Errorf("export all: exit %d, %v, %d families", code, err, len(all.Families))
	}
	// --vectors reads a directory: here the repository's folder.
	out, _, code = runCLI(t, "", "vectors", "export", "--family", "calendar-days", "--vectors", "../../conformance/vectors")
	if code != exitOK || out != string(want) {
		t.Errorf("export from the folder: exit %d", code)
	}
}

// TestConformanceBuyer is the README's buyer flow: make the month into a
// vector, then verify the vendor's statement against it.
func TestConformanceBuyer(t *testing.T) {
	requireRawOutput(t)
	out, errOut, code := runCLI(t, "", "vectors", "make", "--family", "sla-availability", "--operation", "statement",
		"--id", "sla.availability.buyer-2026-04", "--input", kitTestdata+"buyer-2026-04.json",
		"--description-fr", "Relevé d'avril 2026 de la plateforme", "--description-en", "April 2026 statement of the platform")
	if code != exitOK {
		t.Fatalf("make: exit %d: %s", code, errOut)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "sla-availability.json"), []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = runCLI(t, "", "verify", "--vectors", dir, "--answers", kitTestdata+"vendor-statement-2026-04.csv")
	if code != exitAnswersWrong {
		t.Fatalf("verify: exit %d: %s", code, errOut)
	}
	golden.Check(t, "conformance_buyer_statement", []byte(out))
	readme, err := os.ReadFile("../../conformance/README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), out) {
		t.Errorf("the README does not show this output:\n%s", out)
	}
}

func TestConformanceHelp(t *testing.T) {
	out, _, code := runCLI(t, "", "verify", "-h")
	if code != exitOK || !strings.Contains(out, "exit 0 all right, 1 an answer wrong or missing, 2 bad input") {
		t.Errorf("help: exit %d:\n%s", code, out)
	}
	out, _, _ = runCLI(t, "", "help")
	for _, c := range []string{"verify", "vectors export", "vectors make"} {
		if !strings.Contains(out, c) {
			t.Errorf("help lacks %s", c)
		}
	}
}
