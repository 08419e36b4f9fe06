package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openmarches/marches/internal/golden"
	"github.com/openmarches/marches/procurement/eforms"
)

const eformsTestdata = "../../procurement/eforms/testdata"

// TestGoldenEForms runs "marches eforms generate|parse" in process. The
// notices themselves are the package's goldens (procurement/eforms/testdata),
// validated there with the official validator; here the JSON outputs and
// errors are.
func TestGoldenEForms(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "cn16.xml")
	dtd := `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><ContractNotice>&e;</ContractNotice>`
	bad, err := os.ReadFile(filepath.Join(eformsTestdata, "scenarios", "cn16_open_single_lot.json"))
	if err != nil {
		t.Fatal(err)
	}
	// A title with a control character (U+0001), which XML 1.0 cannot carry.
	bad = bytes.Replace(bad, []byte(`"Rénovation énergétique de l'école Jules Ferry"`), []byte(`"Rénovation\u0001 énergétique"`), 1)
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
	}{
		{"eforms_generate_file", []string{"eforms", "generate", "--input", filepath.Join(eformsTestdata, "scenarios", "cn16_open_single_lot.json"), "-o", out}, "", 0},
		{"eforms_generate_subtype_conflict", []string{"eforms", "generate", "--subtype", "29", "--input", filepath.Join(eformsTestdata, "scenarios", "cn16_open_single_lot.json")}, "", 2},
		{"eforms_generate_unknown_subtype", []string{"eforms", "generate", "--subtype", "17", "--input", filepath.Join(eformsTestdata, "scenarios", "cn16_open_single_lot.json")}, "", 2},
		{"eforms_generate_xml_char", []string{"eforms", "generate", "--input", "-"}, string(bad), 2},
		{"eforms_generate_missing_input", []string{"eforms", "generate"}, "", 2},
		{"eforms_generate_not_json", []string{"eforms", "generate", "--input", "-"}, `{"notice":`, 2},
		{"eforms_parse_can29", []string{"eforms", "parse", "--input", filepath.Join(eformsTestdata, "can29_sample_two_lots.xml")}, "", 0},
		{"eforms_parse_dtd", []string{"eforms", "parse", "--input", "-"}, dtd, 2},
		{"eforms_parse_not_notice", []string{"eforms", "parse", "--input", "-"}, `<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>`, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, stderr)
			}
			got := stdout
			if code != 0 {
				got = stderr
			}
			if !json.Valid([]byte(got)) {
				t.Fatalf("output is not JSON: %s", got)
			}
			got = strings.ReplaceAll(got, dir, "TMPDIR")
			golden.Check(t, tt.name, []byte(got))
		})
	}
	// The file written with -o is the package's golden notice.
	written, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(eformsTestdata, "cn16_open_single_lot.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(written, want) {
		t.Error("eforms generate -o wrote other bytes than procurement/eforms/testdata/cn16_open_single_lot.xml")
	}
}

// TestEFormsGenerateStdout: without -o the XML goes to standard output as
// is, through the rawOutput hook of run (cli.go).
func TestEFormsGenerateStdout(t *testing.T) {
	stdout, stderr, code := runCLI(t, "", "eforms", "generate", "--input", filepath.Join(eformsTestdata, "scenarios", "cn16_open_single_lot.json"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want, err := os.ReadFile(filepath.Join(eformsTestdata, "cn16_open_single_lot.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if stdout != string(want) {
		t.Errorf("stdout is not the notice XML (%d bytes: %.60q); run (cli.go) must write a rawOutput result as is", len(stdout), stdout)
	}
}

// TestDemoEFormsNotices: the demo's notices are the package's golden
// scenarios cn16_sample_two_lots and can29_sample_two_lots, which the
// package validates with the official validator; with a report directory
// the demo writes them there.
func TestDemoEFormsNotices(t *testing.T) {
	cn, can := demoEFormsNotices()
	for _, c := range []struct {
		n    eforms.Notice
		file string
	}{{cn, "cn16_sample_two_lots.xml"}, {can, "can29_sample_two_lots.xml"}} {
		got, err := eforms.Generate(c.n)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(eformsTestdata, c.file))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("demo notice differs from %s", c.file)
		}
	}
	dir := t.TempDir()
	v, err := demoEForms(demoOptions{reportDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range []string{"cn16.xml", "can29.xml"} {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if n := v.(*demoEFormsOut).Notices[i]; n.Bytes != len(data) || n.File != filepath.Join(dir, f) {
			t.Errorf("%s: summary says %d bytes in %q, file has %d", f, n.Bytes, n.File, len(data))
		}
	}
}
