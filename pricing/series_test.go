package pricing

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sharedDir returns the shared data directory (MARCHES_SHARED, set by
// .ci/run), skipping locally when it is missing and failing under CI.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("MARCHES_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "syntec.csv")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared data not found at %s (set MARCHES_SHARED): %v", dir, err)
		}
		t.Skipf("shared data not found at %s; set MARCHES_SHARED to run this test", dir)
	}
	return dir
}

// TestSyntecSnapshotMatchesSharedData checks every value of the shipped
// snapshot against shared/data/syntec.csv (the figures gathered with their
// sources), and that the series label of each (OLD/REVISED) is the base.
func TestSyntecSnapshotMatchesSharedData(t *testing.T) {
	f, err := os.Open(filepath.Join(sharedDir(t), "data", "syntec.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	s := Syntec()
	for _, r := range rows[1:] {
		p, err := s.Value(MustMonth(r[0]))
		if err != nil {
			t.Errorf("%s: %v", r[0], err)
			continue
		}
		wantBase := "old"
		if strings.HasPrefix(r[2], "REVISED") {
			wantBase = "revised"
		}
		if !p.Value.Equal(dec(r[1])) || p.Base != wantBase {
			t.Errorf("%s = %s (%s), shared data says %s (%s)", r[0], p.Value, p.Base, r[1], wantBase)
		}
	}
	// Every month of the snapshot is in the shared data (no invented month).
	months := map[string]bool{}
	for _, r := range rows[1:] {
		months[r[0]] = true
	}
	for _, p := range s.Points() {
		if !months[p.Month.String()] {
			t.Errorf("snapshot month %s is not in the shared data", p.Month)
		}
	}
}

func TestSyntecHeader(t *testing.T) {
	head := string(syntecCSV[:strings.Index(string(syntecCSV), "\nmonth,")])
	for _, want := range []string{"# Version: " + SyntecVersion, "# Retrieved: " + SyntecRetrieved, "0.97975 = 280.6 / 286.4", "Fédération Syntec"} {
		if !strings.Contains(head, want) {
			t.Errorf("data/syntec.csv header lacks %q", want)
		}
	}
	if SyntecConfig().Retrieved.String() != SyntecRetrieved {
		t.Error("SyntecConfig().Retrieved != SyntecRetrieved")
	}
	// The coefficient de raccord is 280.6 / 286.4 rounded to 5 decimals
	// (0.979748…), in the direction revised = old × k.
	if k := divRound(dec("280.6"), dec("286.4"), 5, RoundHalfUp); !k.Equal(SyntecLink.Coefficient) {
		t.Errorf("280.6/286.4 = %s, link says %s", k, SyntecLink.Coefficient)
	}
	// 286.4 × 0.97975 = 280.6004 → 280.6 at the published precision.
	if v := dec("286.4").Mul(SyntecLink.Coefficient).Round(1); !v.Equal(dec("280.6")) {
		t.Errorf("old Aug 2022 × k = %s", v)
	}
	// Each value names its source.
	for _, p := range Syntec().Points() {
		if !strings.Contains(p.Source, "https://") {
			t.Errorf("%s has no source URL", p.Month)
		}
	}
}

func TestSeriesLookups(t *testing.T) {
	s := Syntec()
	type want struct {
		Month, Value, Base, Status string
		err                        error
	}
	tests := []struct {
		name string
		call func() (Point, error)
		want want
	}{
		{"first revised value", func() (Point, error) { return s.Value(MustMonth("2022-08")) }, want{"2022-08", "280.6", "revised", "definitive", nil}},
		{"last old value", func() (Point, error) { return s.Value(MustMonth("2021-12")) }, want{"2021-12", "277.3", "old", "definitive", nil}},
		{"gap never filled", func() (Point, error) { return s.Value(MustMonth("2022-03")) }, want{err: ErrMissingMonth}},
		{"after the snapshot", func() (Point, error) { return s.Value(MustMonth("2026-01")) }, want{err: ErrMissingMonth}},
		// June 2020: frozen 274.7 (published 2020-10-31), corrected 274.9 (2021-02-08).
		{"latest vintage", func() (Point, error) { return s.Value(MustMonth("2020-06")) }, want{"2020-06", "274.9", "old", "definitive", nil}},
		{"vintage known in Dec 2020", func() (Point, error) { return s.ValueAsOf(MustMonth("2020-06"), MustDate("2020-12-01")) }, want{"2020-06", "274.7", "old", "provisional", nil}},
		{"vintage known after the correction", func() (Point, error) { return s.ValueAsOf(MustMonth("2020-06"), MustDate("2021-02-08")) }, want{"2020-06", "274.9", "old", "definitive", nil}},
		// Due on 2020-07-31, but the snapshot lacks the first vintage.
		{"first vintage missing", func() (Point, error) { return s.ValueAsOf(MustMonth("2020-06"), MustDate("2020-08-15")) }, want{err: ErrMissingMonth}},
		// October 2025 was published on 2025-11-28.
		{"not yet published", func() (Point, error) { return s.ValueAsOf(MustMonth("2025-10"), MustDate("2025-11-27")) }, want{err: ErrNotYetPublished}},
		{"published that day", func() (Point, error) { return s.ValueAsOf(MustMonth("2025-10"), MustDate("2025-11-28")) }, want{"2025-10", "322.2", "revised", "definitive", nil}},
		// Last published at a date (dernier indice connu).
		// 2024-10-15: Sep 2024 came out 2024-10-31; Aug 2024 deemed 2024-09-30.
		{"signature of the demo contract", func() (Point, error) { return s.LatestAsOf(MustDate("2024-10-15")) }, want{"2024-08", "314.1", "revised", "definitive", nil}},
		{"anniversary of the demo contract", func() (Point, error) { return s.LatestAsOf(MustDate("2025-12-02")) }, want{"2025-10", "322.2", "revised", "definitive", nil}},
		// March 2023 was published on Friday 2023-04-28, before the month's end.
		{"recorded date beats the lag", func() (Point, error) { return s.LatestAsOf(MustDate("2023-04-28")) }, want{"2023-03", "300.7", "revised", "definitive", nil}},
		{"day before", func() (Point, error) { return s.LatestAsOf(MustDate("2023-04-27")) }, want{"2023-02", "298.5", "revised", "definitive", nil}},
		// April 2025 was due by 2025-05-31 and is not in the snapshot: error, not January 2025.
		{"no fallback to an older month", func() (Point, error) { return s.LatestAsOf(MustDate("2025-06-15")) }, want{err: ErrMissingMonth}},
		{"frozen value known in Dec 2020", func() (Point, error) { return s.LatestAsOf(MustDate("2020-12-01")) }, want{"2020-10", "274.7", "old", "provisional", nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := tt.call()
			if !errors.Is(err, tt.want.err) {
				t.Fatalf("err = %v, want %v", err, tt.want.err)
			}
			if err != nil {
				return
			}
			got := want{p.Month.String(), decText(p.Value, 0), p.Base, p.Status.String(), nil}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(want{})); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	_, err := s.LatestAsOf(MustDate("2025-06-15"))
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Value != "2025-04" || !strings.Contains(fe.Detail, "previous 2025-01") {
		t.Errorf("missing-month error should name 2025-04 and its neighbours: %v", err)
	}
}

func TestNewSeriesValidation(t *testing.T) {
	cfg := SeriesConfig{Name: "x", Bases: []string{"a", "b"}, Links: []Link{{From: "a", To: "b", Month: MustMonth("2020-01"), Coefficient: dec("0")}}}
	_, err := NewSeries(cfg, []Point{
		{Month: MustMonth("2020-01"), Value: dec("-1"), Base: "a"},
		{Month: MustMonth("2020-02"), Value: dec("100"), Base: "c"},
		{Value: dec("100"), Base: "a"},
	})
	for _, want := range []error{ErrInvalidLink, ErrIndexNotPositive, ErrUnknownBase, ErrRequired} {
		if !errors.Is(err, want) {
			t.Errorf("missing %v in %v", want, err)
		}
	}
	_, err = NewSeries(SeriesConfig{Name: "x"}, []Point{{Month: MustMonth("2020-01"), Value: dec("1")}, {Month: MustMonth("2020-01"), Value: dec("2")}})
	if !errors.Is(err, ErrDuplicateValue) {
		t.Errorf("duplicate err = %v", err)
	}
	_, err = NewSeries(SeriesConfig{Name: "x", Lag: PublicationLag{Months: 30}}, nil)
	if !errors.Is(err, ErrInvalidLag) {
		t.Errorf("lag err = %v", err)
	}
}

func TestParseSeriesCSV(t *testing.T) {
	data := "# comment\nmonth,value,status,published\n2025-01,100.5,provisional,2025-02-20\n2025-01,100.7,,2025-03-20\n2025-02,101,definitive,\n"
	s, err := ParseSeriesCSV(SeriesConfig{Name: "idx", Lag: PublicationLag{Months: 2, Day: 15}}, []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	// Feb 2025 has no date: deemed published on 2025-04-15 (M+2, day 15).
	if p, _ := s.Value(MustMonth("2025-02")); s.PublishedOn(p) != MustDate("2025-04-15") {
		t.Errorf("deemed publication = %v", s.PublishedOn(p))
	}
	if p, err := s.ValueAsOf(MustMonth("2025-01"), MustDate("2025-03-01")); err != nil || p.Status != StatusProvisional || !p.Value.Equal(dec("100.5")) {
		t.Errorf("provisional vintage = %+v, %v", p, err)
	}
	bad := "month,value,colour\n2025-13,abc,red\n2025-01,-2,blue\n"
	_, err = ParseSeriesCSV(SeriesConfig{Name: "idx"}, []byte(bad))
	if !errors.Is(err, ErrInvalidSeries) {
		t.Errorf("unknown column err = %v", err)
	}
	bad = "month,value\n2025-13,abc\n2025-01,-2\n2025-02\n"
	_, err = ParseSeriesCSV(SeriesConfig{Name: "idx"}, []byte(bad))
	for _, want := range []string{`values[0].month "2025-13"`, "line 2", `values[0].value "abc"`, "values[1].value", "line 3", "values[2]", "line 4"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("CSV errors should mention %q: %v", want, err)
		}
	}
	if _, err := ParseSeriesCSV(SeriesConfig{Name: "idx"}, nil); !errors.Is(err, ErrInvalidSeries) {
		t.Errorf("empty CSV err = %v", err)
	}
}

func TestSeriesJSONRoundTrip(t *testing.T) {
	b, err := json.Marshal(Syntec())
	if err != nil {
		t.Fatal(err)
	}
	s2, err := ParseSeriesJSON(b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(Syntec().Points(), s2.Points(), cmp.Comparer(func(a, b Month) bool { return a == b }), cmp.Comparer(func(a, b Date) bool { return a == b })); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(Syntec().Links(), s2.Links(), cmp.Comparer(func(a, b Month) bool { return a == b })); diff != "" {
		t.Errorf("links (-want +got):\n%s", diff)
	}
	b2, _ := json.Marshal(s2)
	if string(b) != string(b2) {
		t.Error("second marshal differs")
	}
	for _, tt := range []struct {
		doc   string
		field string
	}{
		{`{"name":"x","values":[{"month":"2025-1","value":"1"}]}`, "values[0].month"},
		{`{"name":"x","values":[{"month":"2025-01","value":"1","extra":1}]}`, "values[0]"},
		{`{"values":[]}`, ""},
		{`{"name":"x","values":[{"month":"2025-01","value":1.5}],"lag":{"months":1,"day":40}}`, "lag.day"},
		{`[1]`, ""},
		{`not json`, ""},
	} {
		_, err := ParseSeriesJSON([]byte(tt.doc))
		var fe *FieldError
		if !errors.Is(err, ErrInvalidSeries) || !errors.As(err, &fe) || fe.Field != tt.field {
			t.Errorf("%s: err = %v, want field %q", tt.doc, err, tt.field)
		}
	}
	// JSON numbers are read exactly from their text.
	s3, err := ParseSeriesJSON([]byte(`{"name":"x","values":[{"month":"2025-01","value":100.10}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := s3.Value(MustMonth("2025-01")); decText(p.Value, 0) != "100.10" {
		t.Errorf("value = %s", decText(p.Value, 0))
	}
}

func TestSeriesExtend(t *testing.T) {
	s := Syntec()
	newer := []Point{
		{Month: MustMonth("2025-10"), Value: dec("322.2"), Base: "revised", Published: MustDate("2025-11-28")}, // identical: skipped
		{Month: MustMonth("2025-11"), Value: dec("322.5"), Base: "revised", Published: MustDate("2025-12-31")},
	}
	x, err := s.Extend(newer, "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	if x.Len() != s.Len()+1 || x.Config().Version != "2025-12-31" || s.Len() != 69 {
		t.Errorf("extended %d values, version %s", x.Len(), x.Config().Version)
	}
	if p, err := x.LatestAsOf(MustDate("2026-01-05")); err != nil || p.Month != MustMonth("2025-11") {
		t.Errorf("latest = %+v, %v", p, err)
	}
	_, err = s.Extend([]Point{{Month: MustMonth("2025-10"), Value: dec("322.3"), Base: "revised", Published: MustDate("2025-11-28")}}, "")
	if !errors.Is(err, ErrDuplicateValue) {
		t.Errorf("conflicting value err = %v", err)
	}
	_, err = s.Extend([]Point{{Month: MustMonth("2025-12"), Value: dec("-1"), Base: "new"}}, "")
	var fe *FieldError
	if !errors.Is(err, ErrIndexNotPositive) || !errors.Is(err, ErrUnknownBase) || !errors.As(err, &fe) || fe.Field[:9] != "values[0]" {
		t.Errorf("invalid point err = %v", err)
	}
}
