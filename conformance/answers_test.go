package conformance

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestLeaves(t *testing.T) {
	tests := []struct {
		in   string
		want []Leaf
		err  error
	}{
		{`{"date":"2026-12-28"}`, []Leaf{{"date", "2026-12-28"}}, nil},
		{`{"a":{"b":[1,true,null,"x"]}}`, []Leaf{{"a.b[0]", "1"}, {"a.b[1]", "true"}, {"a.b[2]", "null"}, {"a.b[3]", "x"}}, nil},
		{`{"dates":[],"o":{}}`, []Leaf{{"dates", "[]"}, {"o", "{}"}}, nil},
		{`{}`, []Leaf{{"", "{}"}}, nil},
		{`12.50`, []Leaf{{"", "12.50"}}, nil},
		{`[{"ht":"1"},{"ht":"2"}]`, []Leaf{{"[0].ht", "1"}, {"[1].ht", "2"}}, nil},
		// Key order is the document's, not sorted.
		{`{"z":1,"a":2}`, []Leaf{{"z", "1"}, {"a", "2"}}, nil},
		{`{"a":1,"a":2}`, nil, ErrInvalidJSON},
		{`{"a":1} {}`, nil, ErrInvalidJSON},
		{`{"a":`, nil, ErrInvalidJSON},
		{``, nil, ErrInvalidJSON},
	}
	for _, tt := range tests {
		got, err := Leaves([]byte(tt.in))
		if !errors.Is(err, tt.err) {
			t.Errorf("%s: error %v, want %v", tt.in, err, tt.err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestParseAnswersJSON(t *testing.T) {
	a, err := ParseAnswersJSON([]byte("\xef\xbb\xbf" + `{"x.y.z": {"date": "2026-12-28"}, "x.y.w": {"n": 5}}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := a.IDs(); !cmp.Equal(got, []string{"x.y.w", "x.y.z"}) || a.Len() != 2 {
		t.Errorf("ids %v", got)
	}
	if l, ok := a.Get("x.y.w"); !ok || !cmp.Equal(l, []Leaf{{"n", "5"}}) {
		t.Errorf("x.y.w = %v", l)
	}
	for _, tt := range []struct {
		in    string
		err   error
		field string
	}{
		{`[]`, ErrInvalidAnswers, "answers"},
		{`"x"`, ErrInvalidAnswers, "answers"},
		{``, ErrInvalidJSON, "answers"},
		{`{"a.b.c":{"v":1},"a.b.c":{"v":2}}`, ErrDuplicateID, "answers"},
		{`{"a.b.c":{"v":1,"v":2}}`, ErrInvalidJSON, "answers.a.b.c"},
		{`{"a.b.c":{"v":}}`, ErrInvalidJSON, "answers.a.b.c"},
		{`{"a.b.c":{}} []`, ErrInvalidJSON, "answers"},
		{`{"a.b.c":{}`, ErrInvalidJSON, "answers"},
		{`{"":{}}`, ErrInvalidAnswers, "answers"},
		{`{"#a.b.c":{}}`, ErrInvalidAnswers, "answers"},
	} {
		_, err := ParseAnswersJSON([]byte(tt.in))
		var fe *FieldError
		if !errors.Is(err, tt.err) || !errors.As(err, &fe) || fe.Field != tt.field {
			t.Errorf("%q: %v, want %v on %s", tt.in, err, tt.err, tt.field)
		}
	}
}

func TestParseAnswersCSV(t *testing.T) {
	in := "\xef\xbb\xbf# a comment\r\nid,path,value\r\n" +
		"x.y.z,date,2026-12-28\r\n" +
		"x.y.w,text,\"9\u202f290,70\u00a0€\"\r\n" +
		"x.y.w,note,\"two\nlines, \"\"quoted\"\"\"\r\n" +
		"# another\r\n" +
		"x.y.v,dates,[]\r\n"
	a, err := ParseAnswersCSV([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]Leaf{
		"x.y.z": {{"date", "2026-12-28"}},
		"x.y.w": {{"text", "9\u202f290,70\u00a0€"}, {"note", "two\nlines, \"quoted\""}},
		"x.y.v": {{"dates", "[]"}},
	}
	if diff := cmp.Diff(want, a.byID); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Round trip through the writer.
	var buf bytes.Buffer
	if err := WriteAnswersCSV(&buf, a); err != nil {
		t.Fatal(err)
	}
	b, err := ParseAnswersCSV(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a.byID, b.byID); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	for _, tt := range []struct {
		in    string
		err   error
		field string
	}{
		{"", ErrInvalidCSV, "line 1"},
		{"id,value,path\n", ErrInvalidCSV, "line 1"},
		{"id,path\n", ErrInvalidCSV, "line 1"},
		{"id,path,value\nx.y.z,date\n", ErrInvalidCSV, "line 2"},
		{"id,path,value\nx.y.z,date,1\n\"unterminated\n", ErrInvalidCSV, "line 3"},
		{"id,path,value\n,date,1\n", ErrInvalidCSV, "line 2"},
		{"id,path,value\n\"#x.y.z\",date,1\n", ErrInvalidCSV, "line 2"},
		{"id,path,value\nx.y.z,date,1\nx.y.z,date,2\n", ErrDuplicateID, "line 3"},
	} {
		_, err := ParseAnswersCSV([]byte(tt.in))
		var fe *FieldError
		if !errors.Is(err, tt.err) || !errors.As(err, &fe) || fe.Field != tt.field {
			t.Errorf("%q: %v, want %v on %s", tt.in, err, tt.err, tt.field)
		}
	}
}

func TestParseAnswersSniffs(t *testing.T) {
	for in, id := range map[string]string{
		"  \n{\"a.b.c\":{\"v\":1}}":     "a.b.c",
		"\xef\xbb\xbf{\"a.b.d\":{}}":    "a.b.d",
		"id,path,value\na.b.e,v,1\n":    "a.b.e",
		"# {not json}\nid,path,value\n": "",
	} {
		a, err := ParseAnswers([]byte(in))
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		if _, ok := a.Get(id); id != "" && !ok {
			t.Errorf("%q: %s not answered", in, id)
		}
	}
}

func TestParseFamily(t *testing.T) {
	good, err := shippedFS.ReadFile("vectors/calendar-days.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseFamily(good); err != nil {
		t.Fatal(err)
	}
	replace := func(old, new string) []byte { return bytes.Replace(good, []byte(old), []byte(new), 1) }
	for _, tt := range []struct {
		name string
		in   []byte
		err  error
	}{
		{"not JSON", []byte(`{"format":`), ErrInvalidJSON},
		{"other format", replace(`"marches-conformance/1"`, `"marches-conformance/2"`), ErrSchema},
		{"unknown key", replace(`"family": "calendar-days",`, `"family": "calendar-days", "colour": 1,`), ErrSchema},
		{"bad id", replace(`"id": "calendar.days.francs.christmas-2026"`, `"id": "Calendar Days"`), ErrSchema},
		{"id of another family", replace(`"id": "calendar.days.francs.christmas-2026"`, `"id": "calendar.business.x"`), ErrIDPrefix},
		{"duplicate id", replace(`"id": "calendar.days.calendaires.ending-on-1-may"`, `"id": "calendar.days.francs.christmas-2026"`), ErrDuplicateID},
		{"no basis source", replace(`"source": "calendar/doc.go (DayKind JoursFrancs); Code de procédure civile art. 641-642"`, `"source": ""`), ErrSchema},
	} {
		if _, err := ParseFamily(tt.in); !errors.Is(err, tt.err) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.err)
		}
	}
}

func TestLoadAndSet(t *testing.T) {
	days, _ := shippedFS.ReadFile("vectors/calendar-days.json")
	money, _ := shippedFS.ReadFile("vectors/pricing-money.json")
	s, err := Load(fstest.MapFS{"b.json": {Data: money}, "a.json": {Data: days}, "notes.txt": {Data: []byte("x")}})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Names(); !cmp.Equal(got, []string{"calendar-days", "pricing-money"}) {
		t.Errorf("names %v", got)
	}
	if _, err := s.Family("sla-qos"); !errors.Is(err, ErrUnknownFamily) {
		t.Errorf("unknown family: %v", err)
	}
	if _, err := Load(fstest.MapFS{"notes.txt": {Data: []byte("x")}}); !errors.Is(err, ErrNoVectors) {
		t.Errorf("empty dir: %v", err)
	}
	_, err = Load(fstest.MapFS{"a.json": {Data: days}, "bad.json": {Data: []byte(`{}`)}})
	var fe *FieldError
	if !errors.Is(err, ErrSchema) || !errors.As(err, &fe) || !strings.HasPrefix(fe.Field, "bad.json") {
		t.Errorf("bad file: %v", err)
	}
	if _, err := Load(fstest.MapFS{"a.json": {Data: days}, "b.json": {Data: days}}); !errors.Is(err, ErrDuplicateFamily) {
		t.Errorf("same family twice: %v", err)
	}
	f1, _ := ParseFamily(days)
	f2, _ := ParseFamily(days)
	f2.Name = "calendar-other"
	if _, err := NewSet(f1, f2); !errors.Is(err, ErrDuplicateID) {
		t.Errorf("same id in two families: %v", err)
	}
}

func TestComputeErrors(t *testing.T) {
	for _, tt := range []struct {
		family, op, in string
		err            error
	}{
		{"nope", "add", `{}`, ErrUnknownFamily},
		{"calendar-days", "nope", `{}`, ErrUnknownOperation},
		{"calendar-days", "add_days", `{"territory":"FR","hours":"24/7","date":"2026-01-01","days":1,"kind":"francs","x":1}`, ErrInputs},
		{"calendar-days", "add_days", `{"territory":"FR","hours":"24/7","date":"2026-02-30","days":1,"kind":"francs"}`, ErrInputs},
	} {
		if _, err := Compute(tt.family, tt.op, []byte(tt.in)); !errors.Is(err, tt.err) {
			t.Errorf("%s %s: %v, want %v", tt.family, tt.op, err, tt.err)
		}
	}
}
