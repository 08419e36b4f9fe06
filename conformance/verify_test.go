package conformance

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// checkGolden compares got with testdata/<name>.golden, or rewrites it
// with -update (the flag of recompute_test.go).
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// TestRecompute is the check CI relies on: every shipped vector,
// recomputed by the SDK from the inputs written in its file, gives
// exactly its expected output, and every file is well formed.
func TestRecompute(t *testing.T) {
	s, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s.Names(), sortedFamilies(); !cmp.Equal(got, want) {
		t.Fatalf("shipped families %v, registered %v", got, want)
	}
	a, err := ComputeAnswers(s)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Verify(s, a, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK || r.Passed != r.Vectors || r.Vectors == 0 {
		t.Fatalf("the SDK does not reproduce its own vectors:\n%s", r.Text())
	}
	for _, f := range s.Families() {
		if len(f.Vectors) < 5 {
			t.Errorf("%s: only %d vectors", f.Name, len(f.Vectors))
		}
		for _, v := range f.Vectors {
			if _, ok := f.Operation(v.Operation); !ok {
				t.Errorf("%s: operation %q is not documented in the family", v.ID, v.Operation)
			}
			if !idPattern.MatchString(v.ID) {
				t.Errorf("%s: id does not match %s", v.ID, idPattern)
			}
			if v.Description.FR == v.Description.EN {
				t.Errorf("%s: the French and English descriptions are the same text", v.ID)
			}
		}
	}
}

func sortedFamilies() []string {
	s, _ := GenerateAll()
	return s.Names()
}

func TestSchemaCompiles(t *testing.T) {
	if _, err := compiledSchema(); err != nil {
		t.Fatal(err)
	}
	if !json.Valid(Schema()) {
		t.Fatal("schema is not JSON")
	}
}

// leavesOf is Leaves for literals.
func leavesOf(t *testing.T, s string) []Leaf {
	t.Helper()
	l, err := Leaves([]byte(s))
	if err != nil {
		t.Fatalf("%s: %v", s, err)
	}
	return l
}

func TestCompareLeaves(t *testing.T) {
	tests := []struct {
		name      string
		want, got string
		diffs     []Diff
	}{
		{"equal", `{"date":"2026-12-28"}`, `{"date":"2026-12-28"}`, nil},
		{"value differs", `{"date":"2026-12-28"}`, `{"date":"2026-12-25"}`,
			[]Diff{{Path: "date", Kind: DiffValue, Want: "2026-12-28", Got: "2026-12-25"}}},
		{"leaf missing", `{"a":"1","b":"2"}`, `{"a":"1"}`, []Diff{{Path: "b", Kind: DiffMissing, Want: "2"}}},
		{"leaf unexpected", `{"a":"1"}`, `{"a":"1","z":"9","b":"2"}`,
			[]Diff{{Path: "b", Kind: DiffUnexpected, Got: "2"}, {Path: "z", Kind: DiffUnexpected, Got: "9"}}},
		{"number and string compare as text", `{"n":5}`, `{"n":"5"}`, nil},
		{"number literals are exact", `{"n":5}`, `{"n":5.0}`, []Diff{{Path: "n", Kind: DiffValue, Want: "5", Got: "5.0"}}},
		{"null", `{"ms":null}`, `{"ms":null}`, nil},
		// A missing holiday is one diff, not a shift of every later index.
		{"list element missing", `{"dates":["a","b","c","d"]}`, `{"dates":["a","c","d"]}`,
			[]Diff{{Path: "dates", Kind: DiffMissing, Want: "b"}}},
		{"list element replaced", `{"dates":["a","b","c"]}`, `{"dates":["a","x","c"]}`,
			[]Diff{{Path: "dates[1]", Kind: DiffValue, Want: "b", Got: "x"}}},
		{"list element extra", `{"dates":["a"]}`, `{"dates":["a","b"]}`,
			[]Diff{{Path: "dates", Kind: DiffUnexpected, Got: "b"}}},
		{"empty list expected", `{"dates":[]}`, `{"dates":["a"]}`, []Diff{{Path: "dates", Kind: DiffUnexpected, Got: "a"}}},
		{"empty list answered", `{"dates":["a"]}`, `{"dates":[]}`, []Diff{{Path: "dates", Kind: DiffMissing, Want: "a"}}},
		{"empty lists", `{"dates":[]}`, `{"dates":[]}`, nil},
		{"list answered as a scalar", `{"dates":["a"]}`, `{"dates":"a"}`,
			[]Diff{{Path: "dates", Kind: DiffMissing, Want: "a"}, {Path: "dates", Kind: DiffUnexpected, Got: "a"}}},
		{"list not answered", `{"dates":["a","b"],"n":1}`, `{"n":1}`,
			[]Diff{{Path: "dates", Kind: DiffMissing, Want: "a"}, {Path: "dates", Kind: DiffMissing, Want: "b"}}},
		{"objects in lists by index", `{"inv":[{"ht":"1.00"},{"ht":"2.00"}]}`, `{"inv":[{"ht":"1.00"},{"ht":"2.01"}]}`,
			[]Diff{{Path: "inv[1].ht", Kind: DiffValue, Want: "2.00", Got: "2.01"}}},
		{"diffs in expected order", `{"b":"1","a":"1","c":["x"]}`, `{"a":"2","b":"2","c":["y"]}`,
			[]Diff{{Path: "b", Kind: DiffValue, Want: "1", Got: "2"}, {Path: "a", Kind: DiffValue, Want: "1", Got: "2"},
				{Path: "c[0]", Kind: DiffValue, Want: "x", Got: "y"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := compareLeaves(leavesOf(t, tt.want), leavesOf(t, tt.got))
			if diff := cmp.Diff(tt.diffs, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestDiffString(t *testing.T) {
	for _, tt := range []struct {
		d    Diff
		want string
	}{
		{Diff{Path: "date", Kind: DiffValue, Want: "2026-12-28", Got: "2026-12-25"}, `date: want "2026-12-28", got "2026-12-25"`},
		{Diff{Path: "dates", Kind: DiffMissing, Want: "2026-04-03"}, `dates: missing "2026-04-03"`},
		{Diff{Path: "dates", Kind: DiffUnexpected, Got: "2026-04-04"}, `dates: unexpected "2026-04-04"`},
		{Diff{Path: "", Kind: DiffValue, Want: "1", Got: "2"}, `(value): want "1", got "2"`},
		// Invisible characters are escaped, so "9 290,70 €" with a
		// narrow no-break space is told apart from a plain space.
		{Diff{Path: "text", Kind: DiffValue, Want: "9\u202f290,70\u00a0€", Got: "9 290,70 €"}, `text: want "9\u202f290,70\u00a0€", got "9 290,70 €"`},
	} {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("got %s, want %s", got, tt.want)
		}
	}
}

// miniSet is two small families written by hand.
func miniSet(t *testing.T) *Set {
	t.Helper()
	doc := func(name, op string, ids ...string) *Family {
		f := &Family{Format: Format, Name: name, Title: Text{"t", "t"}, Package: "p",
			Operations: []Operation{{Name: op, Description: Text{"d", "d"}, Outputs: []Field{{"v", "v"}}}}}
		for _, id := range ids {
			f.Vectors = append(f.Vectors, Vector{ID: idPrefix(name) + id, Operation: op, Description: Text{"fr " + id, "en " + id},
				Inputs: json.RawMessage(`{}`), Expected: json.RawMessage(`{"v":"` + id + `"}`), Basis: Basis{"r", "s"}})
		}
		return f
	}
	s, err := NewSet(doc("b-fam", "op", "x", "y"), doc("a-fam", "op", "one", "two", "three"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func answersOf(t *testing.T, s string) Answers {
	t.Helper()
	a, err := ParseAnswersJSON([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestVerifyStatuses(t *testing.T) {
	s := miniSet(t)
	type famWant struct {
		status                                  string
		passed, failed, missing, skipped, cases int
	}
	tests := []struct {
		name    string
		answers string
		opts    Options
		ok      bool
		fams    map[string]famWant
		unknown []string
		ignored int
	}{
		{"all right", `{"a.fam.one":{"v":"one"},"a.fam.two":{"v":"two"},"a.fam.three":{"v":"three"},"b.fam.x":{"v":"x"},"b.fam.y":{"v":"y"}}`,
			Options{}, true, map[string]famWant{"a-fam": {StatusPassed, 3, 0, 0, 0, 3}, "b-fam": {StatusPassed, 2, 0, 0, 0, 2}}, nil, 0},
		{"family not answered is skipped", `{"a.fam.one":{"v":"one"},"a.fam.two":{"v":"two"},"a.fam.three":{"v":"three"}}`,
			Options{}, true, map[string]famWant{"a-fam": {StatusPassed, 3, 0, 0, 0, 3}, "b-fam": {StatusSkipped, 0, 0, 0, 2, 2}}, nil, 0},
		{"missing answer in an answered family fails", `{"a.fam.one":{"v":"one"},"a.fam.three":{"v":"3"}}`,
			Options{}, false, map[string]famWant{"a-fam": {StatusFailed, 1, 1, 1, 0, 3}, "b-fam": {StatusSkipped, 0, 0, 0, 2, 2}}, nil, 0},
		{"unknown id fails", `{"a.fam.one":{"v":"one"},"a.fam.two":{"v":"two"},"a.fam.three":{"v":"three"},"a.fam.four":{"v":"4"}}`,
			Options{}, false, map[string]famWant{"a-fam": {StatusPassed, 3, 0, 0, 0, 3}, "b-fam": {StatusSkipped, 0, 0, 0, 2, 2}}, []string{"a.fam.four"}, 0},
		{"selected family must be answered", `{"a.fam.one":{"v":"one"}}`,
			Options{Families: []string{"b-fam"}}, false, map[string]famWant{"b-fam": {StatusFailed, 0, 0, 2, 0, 2}}, nil, 1},
		{"nothing answered", `{}`, Options{}, true,
			map[string]famWant{"a-fam": {StatusSkipped, 0, 0, 0, 3, 3}, "b-fam": {StatusSkipped, 0, 0, 0, 2, 2}}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Verify(s, answersOf(t, tt.answers), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if r.OK != tt.ok {
				t.Errorf("OK = %v, want %v\n%s", r.OK, tt.ok, r.Text())
			}
			got := map[string]famWant{}
			for _, f := range r.Families {
				got[f.Family] = famWant{f.Status, f.Passed, f.Failed, f.Missing, f.Skipped, len(f.Cases)}
			}
			if diff := cmp.Diff(tt.fams, got, cmp.AllowUnexported(famWant{})); diff != "" {
				t.Errorf("families (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.unknown, r.Unknown); diff != "" {
				t.Errorf("unknown (-want +got):\n%s", diff)
			}
			if r.Ignored != tt.ignored {
				t.Errorf("ignored = %d, want %d", r.Ignored, tt.ignored)
			}
		})
	}
	if _, err := Verify(s, Answers{}, Options{Families: []string{"c-fam"}}); !errors.Is(err, ErrUnknownFamily) {
		t.Errorf("unknown family: %v", err)
	}
}

func readSample(t *testing.T, name string) Answers {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseAnswers(data)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestSampleAnswers is the README's example: the sample answers (CSV and
// the same in JSON) have exactly one deliberate error, and the README
// shows the exact report.
func TestSampleAnswers(t *testing.T) {
	s, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, name := range []string{"answers-sample.csv", "answers-sample.json"} {
		r, err := Verify(s, readSample(t, name), Options{})
		if err != nil {
			t.Fatal(err)
		}
		var failed []CaseResult
		for _, f := range r.Families {
			for _, c := range f.Cases {
				if c.Status == StatusFailed || c.Status == StatusMissing {
					failed = append(failed, c)
				}
			}
		}
		want := []Diff{{Path: "date", Kind: DiffValue, Want: "2026-12-28", Got: "2026-12-25"}}
		if len(failed) != 1 || failed[0].ID != "calendar.days.francs.christmas-2026" || !cmp.Equal(failed[0].Diffs, want) || r.OK {
			t.Fatalf("%s: want exactly the deliberate error, got %+v", name, failed)
		}
		texts = append(texts, r.Text())
	}
	if texts[0] != texts[1] {
		t.Errorf("CSV and JSON answers give different reports:\n%s\n%s", texts[0], texts[1])
	}
	// The README runs verify with --family calendar-days,sla-availability.
	r, err := Verify(s, readSample(t, "answers-sample.csv"), Options{Families: []string{"calendar-days", "sla-availability"}})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "answers-sample.report", []byte(r.Text()))
	readmeShows(t, r.Text(), "the report of verify on testdata/answers-sample.csv")
}

// readmeShows fails unless README.md shows text verbatim.
func readmeShows(t *testing.T, text, what string) {
	t.Helper()
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), text) {
		t.Errorf("README.md does not show %s; it is now:\n%s", what, text)
	}
}

// TestBuyerStatement is the README's buyer example: the buyer's month
// made into a vector, the vendor's statement as answers.
func TestBuyerStatement(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "buyer-2026-04.json"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Make("sla-availability", "statement", "sla.availability.buyer-2026-04",
		Text{FR: "Relevé d'avril 2026 de la plateforme", EN: "April 2026 statement of the platform"},
		Basis{Ref: "the rules of marches for sla-availability statement", Source: "marches vectors export --family sla-availability"}, in)
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewSet(f)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Verify(s, readSample(t, "vendor-statement-2026-04.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// By hand: unplanned 02:30-03:30 minus the maintenance up to 03:00 =
	// 1800 s, plus 14:00-14:25 (the 14:10-14:20 alert inside it) = 1500 s:
	// NHI 3300; NHT 2592000 − 7200 = 2584800; 2581500 / 2584800 =
	// 99.8723 %, under 99.9: bracket 5 % of 12000 = 600.00.
	want := []Diff{
		{Path: "availability_percent", Kind: DiffValue, Want: "99.8723", Got: "99.9420"},
		{Path: "met", Kind: DiffValue, Want: "false", Got: "true"},
		{Path: "shortfall_points", Kind: DiffValue, Want: "0.0277", Got: "0.0000"},
		{Path: "penalty_percent", Kind: DiffValue, Want: "5.00", Got: "0.00"},
		{Path: "penalty_amount", Kind: DiffValue, Want: "600.00", Got: "0.00"},
	}
	if r.OK || len(r.Families) != 1 || !cmp.Equal(r.Families[0].Cases[0].Diffs, want) {
		t.Fatalf("buyer check:\n%s", r.Text())
	}
	readmeShows(t, r.Text(), "the report of the buyer's check")
}

// junitDoc is what a JUnit viewer reads.
type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Skipped *struct{} `xml:"skipped"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
	skipped int // summed over the suites
}

// parseJUnit checks that data is well-formed XML (every token decodes)
// and returns its JUnit structure, with the counts checked against the
// elements.
func parseJUnit(t *testing.T, data []byte) junitDoc {
	t.Helper()
	if !bytes.HasPrefix(data, []byte(xml.Header)) {
		t.Errorf("no XML declaration")
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
	}
	var doc junitDoc
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	tests, failures, skipped := 0, 0, 0
	for _, s := range doc.Suites {
		f, sk := 0, 0
		for _, c := range s.Cases {
			if c.Name == "" || c.Classname == "" {
				t.Errorf("%s: testcase without name or classname", s.Name)
			}
			if c.Failure != nil {
				f++
			}
			if c.Skipped != nil {
				sk++
			}
		}
		if s.Tests != len(s.Cases) || s.Failures != f || s.Skipped != sk {
			t.Errorf("suite %s: counts %d/%d/%d, elements %d/%d/%d", s.Name, s.Tests, s.Failures, s.Skipped, len(s.Cases), f, sk)
		}
		tests, failures, skipped = tests+s.Tests, failures+s.Failures, skipped+s.Skipped
	}
	if doc.Tests != tests || doc.Failures != failures {
		t.Errorf("testsuites counts %d/%d, suites %d/%d", doc.Tests, doc.Failures, tests, failures)
	}
	if bytes.Contains(data[:bytes.IndexByte(data[len(xml.Header):], '>')+len(xml.Header)], []byte("skipped=")) {
		t.Errorf("testsuites carries a skipped attribute, which junit-10.xsd (Jenkins xUnit) rejects")
	}
	doc.skipped = skipped
	return doc
}

func TestJUnit(t *testing.T) {
	s, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	r, err := Verify(s, readSample(t, "answers-sample.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := r.JUnit()
	if err != nil {
		t.Fatal(err)
	}
	doc := parseJUnit(t, data)
	if doc.Tests != r.Vectors || doc.Failures != 1 || doc.skipped != r.Skipped {
		t.Errorf("tests %d failures %d skipped %d; report %d vectors, 1 failure, %d skipped", doc.Tests, doc.Failures, doc.skipped, r.Vectors, r.Skipped)
	}
	found := false
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			if c.Failure != nil {
				found = c.Name == "calendar.days.francs.christmas-2026" && c.Classname == "calendar-days.add_days" &&
					strings.Contains(c.Failure.Text, `date: want "2026-12-28", got "2026-12-25"`)
			}
		}
	}
	if !found {
		t.Errorf("the failure is not the deliberate error with its diff")
	}

	// Unknown ids and answers carrying control characters still give
	// well-formed XML.
	r, err = Verify(s, answersOf(t, `{"calendar.days.francs.christmas-2026":{"date":"\u0001<&>\"'"},"no.such.vector":{}}`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	data, err = r.JUnit()
	if err != nil {
		t.Fatal(err)
	}
	doc = parseJUnit(t, data)
	last := doc.Suites[len(doc.Suites)-1]
	if last.Name != "unknown-ids" || len(last.Cases) != 1 || last.Cases[0].Name != "no.such.vector" {
		t.Errorf("unknown ids suite: %+v", last)
	}
}

// TestReportDeterministic renders the same report from several
// goroutines (run with -race) and compares the bytes.
func TestReportDeterministic(t *testing.T) {
	s, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	a := readSample(t, "answers-sample.csv")
	render := func() string {
		r, err := Verify(s, a, Options{})
		if err != nil {
			t.Error(err)
			return ""
		}
		j, err := r.JUnit()
		if err != nil {
			t.Error(err)
		}
		js, err := json.Marshal(r)
		if err != nil {
			t.Error(err)
		}
		return r.Text() + string(j) + string(js)
	}
	snapshot := func() string {
		data, err := ExportJSON(s.Families()...)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if err := WriteAnswersCSV(&b, a); err != nil {
			t.Fatal(err)
		}
		return string(data) + b.String()
	}
	before := snapshot()
	generated := func() string {
		g, err := GenerateAll()
		if err != nil {
			t.Error(err)
			return ""
		}
		data, err := ExportJSON(g.Families()...)
		if err != nil {
			t.Error(err)
		}
		return string(data)
	}
	want, wantGen := render(), generated()
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := render(); got != want {
				t.Error("report differs between runs")
			}
			if got := generated(); got != wantGen {
				t.Error("generated vectors differ between runs")
			}
			if _, err := ComputeAnswers(s); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if diff := cmp.Diff(before, snapshot()); diff != "" {
		t.Errorf("the vectors or the answers were modified (-before +after):\n%s", diff)
	}
}

func TestMake(t *testing.T) {
	in := []byte(`{"zone":"Europe/Paris","month":"2026-04","calendar":null,"config":{"service":"platform","target_percent":"99.9"},
		"outages":[{"service":"platform","start":"2026-04-15T09:00:00+02:00","end":"2026-04-15T10:00:00+02:00","cause":"unplanned"}]}`)
	f, err := Make("sla-availability", "measure", "sla.availability.buyer-2026-04", Text{"fr", "en"}, Basis{"r", "s"}, in)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Leaves(f.Vectors[0].Expected)
	if err != nil {
		t.Fatal(err)
	}
	// 3600 s of 2592000: (2592000 − 3600) / 2592000 = 99.8611 %.
	if !slices.Contains(got, Leaf{"availability_percent", "99.8611"}) || len(f.Operations) != 1 {
		t.Errorf("made %+v", got)
	}
	for _, tt := range []struct {
		family, op, id string
		in             []byte
		want           error
	}{
		{"sla-availability", "measure", "sla.qos.x", in, ErrIDPrefix},
		{"sla-availability", "measure", "sla.availability.Bad_ID", in, ErrIDPrefix},
		{"sla-availability", "nope", "sla.availability.x", in, ErrUnknownOperation},
		{"nope", "measure", "sla.availability.x", in, ErrUnknownFamily},
		{"sla-availability", "measure", "sla.availability.x", []byte(`{"zone":`), ErrInvalidJSON},
		{"sla-availability", "measure", "sla.availability.x", []byte(`{"zone":"Europe/Paris","colour":1}`), ErrInputs},
	} {
		if _, err := Make(tt.family, tt.op, tt.id, Text{"fr", "en"}, Basis{"r", "s"}, tt.in); !errors.Is(err, tt.want) {
			t.Errorf("Make(%s, %s, %s): %v, want %v", tt.family, tt.op, tt.id, err, tt.want)
		}
	}
}
