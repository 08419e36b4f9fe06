package conformance

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	_ "time/tzdata" // the vectors' zones, whatever the machine
)

var update = flag.Bool("update", false, "rewrite vectors/*.json with the vectors the SDK computes now (go generate ./conformance)")

// TestVectorsUpToDate regenerates every family from its cases with the
// SDK and compares the bytes with the committed files: any difference in
// an expected output, an input, a description or the documentation
// fails. With -update it rewrites vectors/ instead (that is what "go
// generate ./conformance" runs) and removes files of unregistered
// families.
func TestVectorsUpToDate(t *testing.T) {
	set, err := GenerateAll()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{}
	for _, f := range set.Families() {
		data, err := f.MarshalIndent()
		if err != nil {
			t.Fatal(err)
		}
		want[f.Name+".json"] = data
	}
	if *update {
		for name, data := range want {
			if err := os.WriteFile(filepath.Join("vectors", name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		old, _ := filepath.Glob(filepath.Join("vectors", "*.json"))
		for _, p := range old {
			if _, ok := want[filepath.Base(p)]; !ok {
				if err := os.Remove(p); err != nil {
					t.Fatal(err)
				}
			}
		}
		return
	}
	files, _ := filepath.Glob(filepath.Join("vectors", "*.json"))
	var names []string
	for _, p := range files {
		names = append(names, filepath.Base(p))
	}
	var wantNames []string
	for n := range want {
		wantNames = append(wantNames, n)
	}
	slices.Sort(wantNames)
	if !slices.Equal(names, wantNames) {
		t.Fatalf("vectors/ holds %v, the registry generates %v; run go generate ./conformance", names, wantNames)
	}
	for _, name := range wantNames {
		got, err := os.ReadFile(filepath.Join("vectors", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want[name]) {
			t.Errorf("vectors/%s differs from what the SDK computes now; run go generate ./conformance and review the diff:\n%s",
				name, firstDifference(got, want[name]))
		}
	}
}

// firstDifference shows the first differing line of two files.
func firstDifference(got, want []byte) string {
	g := strings.Split(string(got), "\n")
	w := strings.Split(string(want), "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + itoa(i+1) + ":\n  file: " + gl + "\n  now:  " + wl
		}
	}
	return "(same lines, different bytes)"
}

func itoa(i int) string { return strconv.Itoa(i) }
