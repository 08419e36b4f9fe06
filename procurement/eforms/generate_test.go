package eforms_test

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	_ "github.com/openmarches/marches/internal/golden" // registers -update
	"github.com/openmarches/marches/procurement/eforms"
)

// The scenarios: testdata/scenarios/<name>.json is a notice input (the
// JSON of "marches eforms generate"), testdata/<name>.xml the notice it
// gives. The golden notices are also the inputs of the pre-flight
// validator's mutation tests (check_*_test.go): keep their names stable.
// Refresh with: go test ./procurement/eforms -run TestGolden -update
// and review the XML diff like code.

// scenarioNames lists the scenarios, sorted.
func scenarioNames(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "scenarios", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, strings.TrimSuffix(filepath.Base(f), ".json"))
	}
	slices.Sort(names)
	if len(names) == 0 {
		t.Fatal("no scenario under testdata/scenarios")
	}
	return names
}

// loadScenario decodes testdata/scenarios/<name>.json.
func loadScenario(t testing.TB, name string) eforms.Notice {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "scenarios", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	n, err := eforms.DecodeNotice(data)
	if err != nil {
		t.Fatalf("%s: DecodeNotice: %v", name, err)
	}
	return n
}

// generateScenario decodes and generates one scenario.
func generateScenario(t testing.TB, name string) []byte {
	t.Helper()
	out, err := eforms.Generate(loadScenario(t, name))
	if err != nil {
		t.Fatalf("%s: Generate: %v", name, err)
	}
	return out
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestGolden compares every scenario's notice with testdata/<name>.xml.
func TestGolden(t *testing.T) {
	for _, name := range scenarioNames(t) {
		t.Run(name, func(t *testing.T) {
			got := generateScenario(t, name)
			file := filepath.Join("testdata", name+".xml")
			if updating() {
				if err := os.WriteFile(file, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", file, diff)
			}
		})
	}
}

// TestGenerateDeterministic renders every scenario twice and from several
// goroutines at once: the bytes never change.
func TestGenerateDeterministic(t *testing.T) {
	for _, name := range scenarioNames(t) {
		n := loadScenario(t, name)
		first, err := eforms.Generate(n)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		outs := make([][]byte, 8)
		for i := range outs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				outs[i], _ = eforms.Generate(n)
			}()
		}
		wg.Wait()
		for i, o := range outs {
			if !bytes.Equal(o, first) {
				t.Errorf("%s: goroutine %d gave different bytes", name, i)
			}
		}
	}
}

// sharedDir returns the shared/ folder (MARCHES_SHARED), or skips the test
// when it is not set, except under CI=true where a missing folder fails.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("MARCHES_SHARED")
	if dir == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("MARCHES_SHARED is not set (CI=true): the eForms SDK and validator are required")
		}
		t.Skip("MARCHES_SHARED is not set: skipping the test that needs the eForms SDK and validator (set MARCHES_SHARED=/path/to/shared)")
	}
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("MARCHES_SHARED=%s: %v", dir, err)
		}
		t.Skipf("MARCHES_SHARED=%s: %v", dir, err)
	}
	return dir
}

// TestOfficialValidation writes every scenario's notice to a temporary
// directory and runs the official validation once over all of them:
// shared/tools/eforms-validate --phase static --tsv (the SDK 1.15.1 XSD
// and static Schematron, phase eforms-<subtype>). Every notice must pass;
// warnings are allowed.
func TestOfficialValidation(t *testing.T) {
	shared := sharedDir(t)
	tool := filepath.Join(shared, "tools", "eforms-validate")
	if _, err := os.Stat(tool); err != nil {
		t.Fatalf("validator: %v", err)
	}
	dir := t.TempDir()
	var files []string
	for _, name := range scenarioNames(t) {
		f := filepath.Join(dir, name+".xml")
		if err := os.WriteFile(f, generateScenario(t, name), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	args := append([]string{"--sdk", filepath.Join(shared, "eforms-sdk", "1.15.1"), "--phase", "static", "--tsv"}, files...)
	cmd := exec.Command(tool, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() == 2) {
		t.Fatalf("validator failed to run: %v\n%s", err, stderr.String())
	}
	results := map[string]string{}
	findings := map[string][]string{}
	for _, line := range strings.Split(stdout.String(), "\n") {
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(cols[0]), ".xml")
		if cols[1] == "RESULT" {
			results[name] = cols[2]
			continue
		}
		if len(cols) >= 4 && cols[2] != "WARN" {
			findings[name] = append(findings[name], strings.Join(cols[1:], " | "))
		}
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".xml")
		t.Run(name, func(t *testing.T) {
			switch results[name] {
			case "OK":
			case "":
				t.Errorf("no result from the validator\nstderr:\n%s", stderr.String())
			default:
				t.Errorf("official validation %s:\n%s", results[name], strings.Join(findings[name], "\n"))
			}
		})
	}
}
