package report

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xeipuuv/gojsonschema"
	"golang.org/x/text/language"

	"github.com/openmarches/marches/internal/golden"
	"github.com/openmarches/marches/sla/backup"
)

func TestSchemaCompiles(t *testing.T) {
	if _, err := gojsonschema.NewSchema(gojsonschema.NewBytesLoader(JSONSchema())); err != nil {
		t.Fatal(err)
	}
}

func readDaily(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/daily.json")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The daily report of Sunday 29 March 2026, the spring-forward day (23
// hours). Hand-checked figures:
//   - platform: INC-104 is 00:00-00:20 on the 29th for its part inside the
//     day (20 min), INC-105 runs 01:50 CET to 03:20 CEST, which is 30 real
//     minutes (02:00-03:00 does not exist): 50 min = 3000 s of 82 800 s,
//     (82800 − 3000) / 82800 = 96.3768 %, under 99.9 %: KO; budget
//     0.1 % × 82 800 = 82.8 → 82 s, remaining 82 − 3000 = −2918 s.
//   - remote: 30 min of maintenance excluded, NHT 81 000 s, 100 %.
//   - home: 4 probes of the day, 3 under 2 s = 75 % < 80 %: KO; all under
//     5 s: 100 % OK. search: 1999 ms counts, 2000 ms does not (strictly
//     under), the failed probe does not: 1 / 3 = 33.33 %.
//   - support: 4 offered; within 15 s: c1 (14 s) only, c2 at exactly 15 s
//     is late: 25 %; within 30 s: c1, c2, c3 = 75 %; answered 3 / 4 = 75 %.
//   - backups: the 03:30 CEST run (inside the 1-hour window) failed, the
//     11:00 re-run completed: retried, honoured. At the end of the day
//     (23:59:59 CEST) the latest copy is 12 h 59 min 59 s old.
func TestDailyDocument(t *testing.T) {
	doc, err := ParseDocument(readDaily(t), paris)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Kind != Daily || !doc.Period.Start.Equal(ts("2026-03-29T00:00:00+01:00")) || !doc.Period.End.Equal(ts("2026-03-30T00:00:00+02:00")) {
		t.Fatalf("period %v %v", doc.Kind, doc.Period)
	}
	if !doc.Trend.Start.Equal(ts("2026-03-01T00:00:00+01:00")) || !doc.Trend.End.Equal(doc.Period.End) {
		t.Fatalf("trend %v", doc.Trend)
	}
	in, err := Build(doc)
	if err != nil {
		t.Fatal(err)
	}
	p := in.Availability[0].Result
	if p.TotalSeconds != 82800 || p.UnavailableSeconds != 3000 || p.Availability.String() != "96.3768" || p.Met ||
		p.BudgetSeconds != 82 || p.BudgetRemainingSeconds != -2918 {
		t.Errorf("platform %+v", p)
	}
	if r := in.Availability[1].Result; r.BaseSeconds != 81000 || r.Availability.StringFixed(4) != "100.0000" {
		t.Errorf("remote %+v", r)
	}
	if len(in.AvailabilityDays[0]) != 29 {
		t.Errorf("trend days %d, want 29", len(in.AvailabilityDays[0]))
	}
	home := in.QoS.Objectives[0].Period.Thresholds
	if home[0].Measured.StringFixed(2) != "75.00" || home[1].Measured.StringFixed(2) != "100.00" {
		t.Errorf("home %+v", home)
	}
	if s := in.QoS.Objectives[1].Period.Thresholds[0]; s.Within != 1 || s.Probes != 3 {
		t.Errorf("search %+v", s)
	}
	var got []string
	for _, o := range in.Support.Total.Objectives {
		got = append(got, o.Measured.StringFixed(2))
	}
	if diff := cmp.Diff([]string{"25.00", "75.00", "75.00"}, got); diff != "" {
		t.Errorf("support (-want +got):\n%s", diff)
	}
	b := in.Backups
	if len(b.Nights) != 1 || b.Nights[0].Status != backup.NightRetried || !b.Freshness.Holds ||
		b.Freshness.Age != 12*time.Hour+59*time.Minute+59*time.Second+999999999 {
		t.Errorf("backups %+v %+v", b.Nights, b.Freshness)
	}
	r, err := New(in)
	if err != nil {
		t.Fatal(err)
	}
	md := r.Markdown(language.French)
	golden.Check(t, "daily_fr.md", md)
	golden.Check(t, "daily_en.html", r.HTML(language.English))
	for _, want := range []string{
		"# Rapport d'exploitation — 29/03/2026",
		"Plateforme \\<démo> \\& co",
		"| Disponibilité de la plateforme | — | 99,9\u202f% | 96,3768\u202f% | KO |",
		"| Temps d'attente < 15\u00a0s | ≥ 80\u202f% | 25,00\u202f% | KO |",
		"| Recherche simple | < 2\u00a0s | 80\u202f% | 33,33\u202f% | KO |",
		"Les tendances couvrent la période du 01/03/2026 au 29/03/2026.",
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
}

func TestParseDocumentErrors(t *testing.T) {
	tests := []struct {
		name   string
		doc    string
		fields []string
		rule   error
	}{
		{"not JSON", `{"month":`, []string{""}, ErrInvalidJSON},
		{"no month, unknown key", `{"colour": "red"}`, []string{"colour", "month"}, ErrSchema},
		{"month inside a part", `{"month": "2026-03", "qos": {"month": "2026-04", "probes": []}}`, []string{"qos"}, ErrSchema},
		{"bad month and day", `{"month": "2026-13", "day": "2026-02-30"}`, []string{"day", "month"}, nil},
		{"day outside the month", `{"month": "2026-03", "day": "2026-04-01"}`, []string{"day"}, ErrDayOutsideMonth},
		{"services", `{"month": "2026-03", "services": [{"service": "a", "target": "0"}, {"service": "a", "target": 100.5}]}`,
			[]string{"services[0].target", "services[1].service", "services[1].target"}, nil},
		{"parts' own errors, named in this document", `{"month": "2026-03",
			"outages": [{"service": "platform", "start": "2026-03-02T10:00:00+01:00", "end": "2026-03-02T09:00:00+01:00", "cause": "unplanned"}],
			"qos": {"probes": [{"check": "home", "at": "2026-03-02T25:00:00+01:00", "duration_ms": 5, "success": true}]},
			"backups": [{"at": "2026-03-02T02:30:00+01:00", "status": "ok"}]}`,
			[]string{"backups[0].status", "outages[0].end", "qos.probes[0].at"}, nil},
		{"bad instants", `{"month": "2026-03", "generated_at": "2026-02-30T00:00:00Z", "backups_at": "2026-03-01T00:00:00Z"}`,
			[]string{"generated_at"}, ErrInvalidTime},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseDocument([]byte(tt.doc), paris)
			if err == nil || (tt.rule != nil && !errors.Is(err, tt.rule)) {
				t.Fatalf("got %v, want %v", err, tt.rule)
			}
			var fields []string
			for _, e := range leaves(err) {
				fields = append(fields, e.(*FieldError).Field)
			}
			if diff := cmp.Diff(tt.fields, fields); diff != "" {
				t.Errorf("fields (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
	if _, err := ParseDocument([]byte(`{"month":"2026-03"}`), nil); !errors.Is(err, ErrInvalidPeriod) {
		t.Errorf("nil location: %v", err)
	}
}

func leaves(err error) []error {
	if m, ok := err.(interface{ Unwrap() []error }); ok {
		return m.Unwrap()
	}
	return []error{err}
}

// A document with only a month: every section is left out but the title.
func TestMinimalDocument(t *testing.T) {
	doc, err := ParseDocument([]byte(`{"month": "2026-02"}`), paris)
	if err != nil {
		t.Fatal(err)
	}
	in, err := Build(doc)
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(in)
	if err != nil {
		t.Fatal(err)
	}
	want := "# Rapport de production — février 2026\n\nPériode\u00a0: du 01/02/2026 au 28/02/2026 (Europe/Paris).\n"
	if got := string(r.Markdown(language.Und)); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
