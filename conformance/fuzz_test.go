package conformance

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// maxFuzzInput skips inputs over 1 MiB, as the other fuzz targets of the
// project do.
const maxFuzzInput = 1 << 20

func addSeedFiles(f *testing.F, pattern string) {
	files, _ := filepath.Glob(pattern)
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err == nil {
			f.Add(data)
		}
	}
}

// csvNormal is what a value becomes through CSV: encoding/csv reads
// "\r\n" inside a quoted field as "\n".
func csvNormal(a Answers) map[string][]Leaf {
	out := map[string][]Leaf{}
	for id, ls := range a.byID {
		for _, l := range ls {
			out[id] = append(out[id], Leaf{strings.ReplaceAll(l.Path, "\r\n", "\n"), strings.ReplaceAll(l.Value, "\r\n", "\n")})
		}
	}
	return out
}

// FuzzParseAnswersJSON: no panic; accepted answers survive the CSV
// writer and reader.
func FuzzParseAnswersJSON(f *testing.F) {
	addSeedFiles(f, filepath.Join("testdata", "*.json"))
	for _, s := range []string{`{}`, `{"a.b.c":{"date":"2026-12-28"}}`, `{"a.b.c":{"v":1,"v":2}}`, `{"a.b.c":[]}`,
		`{"a.b.c":{"x":{"y":[[],{}]}},"a.b.d":null}`, `[`, `{"a.b.c":"\r\n"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			t.Skip()
		}
		a, err := ParseAnswersJSON(data)
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := WriteAnswersCSV(&buf, a); err != nil {
			t.Fatal(err)
		}
		b, err := ParseAnswersCSV(buf.Bytes())
		if err != nil {
			t.Fatalf("CSV of accepted JSON answers does not parse: %v\n%s", err, buf.Bytes())
		}
		if diff := cmp.Diff(csvNormal(a), csvNormal(b)); diff != "" {
			t.Fatalf("round trip (-json +csv):\n%s", diff)
		}
	})
}

// FuzzParseAnswersCSV: no panic; accepted answers are written and read
// back unchanged, and checking them against the shipped vectors never
// fails.
func FuzzParseAnswersCSV(f *testing.F) {
	addSeedFiles(f, filepath.Join("testdata", "*.csv"))
	for _, s := range []string{"id,path,value\n", "id,path,value\r\na.b.c,date,2026-12-28\r\n", "# c\nid,path,value\n\"a.b.c\",\"x,y\",\"\"\"\"\n",
		"id,path,value\na.b.c,d,1\na.b.c,d,2\n", "\xef\xbb\xbfid,path,value\ncalendar.days.francs.christmas-2026,date,2026-12-25\n"} {
		f.Add([]byte(s))
	}
	shipped, err := Shipped()
	if err != nil {
		f.Fatal(err)
	}
	days, err := shipped.Family("calendar-days") // a small family keeps the fuzzer fast
	if err != nil {
		f.Fatal(err)
	}
	set, err := NewSet(days)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			t.Skip()
		}
		a, err := ParseAnswersCSV(data)
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := WriteAnswersCSV(&buf, a); err != nil {
			t.Fatal(err)
		}
		b, err := ParseAnswersCSV(buf.Bytes())
		if err != nil {
			t.Fatalf("written answers do not parse: %v\n%s", err, buf.Bytes())
		}
		if diff := cmp.Diff(csvNormal(a), csvNormal(b)); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
		r, err := Verify(set, a, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := r.JUnit(); err != nil {
			t.Fatal(err)
		}
		_ = r.Text()
	})
}

// FuzzParseFamily: no panic; an accepted file re-encodes to a file that
// parses to the same bytes again.
func FuzzParseFamily(f *testing.F) {
	// A one-vector family: the shipped files (up to 100 KB) make the
	// schema validation too slow for the fuzzer to explore.
	one, err := Make("calendar-days", "extend", "calendar.days.seed", Text{"fr", "en"}, Basis{"r", "s"}, []byte(`{"territory":"FR","date":"2026-05-01"}`))
	if err != nil {
		f.Fatal(err)
	}
	seed, err := one.MarshalIndent()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"format":"marches-conformance/1"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			t.Skip()
		}
		fam, err := ParseFamily(data)
		if err != nil {
			return
		}
		first, err := fam.MarshalIndent()
		if err != nil {
			t.Fatal(err)
		}
		again, err := ParseFamily(first)
		if err != nil {
			t.Fatalf("re-encoded file does not parse: %v", err)
		}
		second, err := again.MarshalIndent()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, second) {
			t.Fatalf("encoding is not stable:\n%s\n%s", first, second)
		}
	})
}
