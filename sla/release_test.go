package sla_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/sla"
)

func releaseDigest(rs []sla.Release) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Kind.String()+" "+rfc(r.At)+" freeze "+rfc(r.Freeze))
	}
	return out
}

// TestReleaseRules generates 2026 with the ESR in June, releases on the
// 1st at 09:00, moved to the next working day: 1 Jan (holiday, Thu) -> Fri
// 2 Jan; 1 Feb (Sun) -> Mon 2; 1 Mar (Sun) -> Mon 2; 1 Apr Wed; 1 May
// (holiday, Fri) -> Mon 4; 1 Jun Mon; 1 Jul Wed; 1 Aug (Sat) -> Mon 3;
// 1 Sep Tue; 1 Oct Thu; 1 Nov (Sun, holiday) -> Mon 2; 1 Dec Tue.
// Intermediate releases 3, 6, 9 months from June: Sep, Dec, Mar. Freeze:
// one calendar month before the ESR, 7 days before the others.
func TestReleaseRules(t *testing.T) {
	rc, err := sla.NewReleaseCalendar(sla.ReleaseConfig{Rules: &sla.ReleaseRules{
		From: calendar.MustDate(2026, 1, 1), To: calendar.MustDate(2026, 12, 31), ESRMonth: time.June, Time: 9 * time.Hour}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"corrective 2026-01-02T09:00:00+01:00 freeze 2025-12-26T09:00:00+01:00",
		"corrective 2026-02-02T09:00:00+01:00 freeze 2026-01-26T09:00:00+01:00",
		"intermediate 2026-03-02T09:00:00+01:00 freeze 2026-02-23T09:00:00+01:00",
		"corrective 2026-04-01T09:00:00+02:00 freeze 2026-03-25T09:00:00+01:00",
		"corrective 2026-05-04T09:00:00+02:00 freeze 2026-04-27T09:00:00+02:00",
		"esr 2026-06-01T09:00:00+02:00 freeze 2026-05-01T09:00:00+02:00",
		"corrective 2026-07-01T09:00:00+02:00 freeze 2026-06-24T09:00:00+02:00",
		"corrective 2026-08-03T09:00:00+02:00 freeze 2026-07-27T09:00:00+02:00",
		"intermediate 2026-09-01T09:00:00+02:00 freeze 2026-08-25T09:00:00+02:00",
		"corrective 2026-10-01T09:00:00+02:00 freeze 2026-09-24T09:00:00+02:00",
		"corrective 2026-11-02T09:00:00+01:00 freeze 2026-10-26T09:00:00+01:00",
		"intermediate 2026-12-01T09:00:00+01:00 freeze 2026-11-24T09:00:00+01:00",
	}
	if diff := cmp.Diff(want, releaseDigest(rc.Releases())); diff != "" {
		t.Errorf("releases (-want +got):\n%s", diff)
	}
	// "Next release of kind K" is strictly after t and counts larger kinds.
	next := []struct {
		kind sla.ReleaseKind
		t    time.Time
		want string
	}{
		{sla.Intermediate, at("2026-03-27 18:00"), "2026-06-01T09:00:00+02:00"}, // the ESR counts as quarterly
		{sla.Intermediate, at("2026-09-01 09:00"), "2026-12-01T09:00:00+01:00"}, // strictly after: not the release at t
		{sla.Intermediate, at("2026-09-01 08:59"), "2026-09-01T09:00:00+02:00"},
		{sla.Corrective, at("2026-09-01 09:00"), "2026-10-01T09:00:00+02:00"},
		{sla.ESR, at("2026-01-01 00:00"), "2026-06-01T09:00:00+02:00"},
		{sla.Patch, at("2026-05-01 00:00"), "2026-05-04T09:00:00+02:00"},
		{sla.Intermediate, at("2026-12-01 09:00"), ""}, // none left
		{sla.ESR, at("2026-06-01 09:00"), ""},
	}
	for _, n := range next {
		r, ok := rc.Next(n.kind, n.t)
		if got := rfc(r.At); got != n.want || ok != (n.want != "") {
			t.Errorf("Next(%v, %v) = %s, %v; want %s", n.kind, n.t, got, ok, n.want)
		}
	}
	if _, ok := rc.Next(0, at("2026-01-01 00:00")); ok {
		t.Error("Next with an unset kind found a release")
	}
	var nilRC *sla.ReleaseCalendar
	if _, ok := nilRC.Next(sla.ESR, at("2026-01-01 00:00")); ok {
		t.Error("Next on a nil calendar found a release")
	}
}

// TestReleaseCalendarJSON reads rules plus an explicit patch, writes the
// expanded calendar and reads it back to the same releases.
func TestReleaseCalendarJSON(t *testing.T) {
	doc := `{"rules":{"from":"2026-11-01","to":"2027-01-31","esr_month":6,"day":1,"time":"18:30"},
	         "releases":[{"kind":"patch","name":"hotfix 4.2.1","at":"2026-11-20T12:00:00+01:00"},
	                     {"kind":"quarterly","at":"2026-11-25T18:00:00+01:00","freeze":"2026-11-20T09:00:00+01:00"}]}`
	rc, err := sla.ParseReleaseCalendar([]byte(doc), nil)
	if err != nil {
		t.Fatal(err)
	}
	// Rules: Mon 2 Nov (1 Nov is a Sunday), Tue 1 Dec (intermediate), Mon
	// 4 Jan 2027 (1 Jan holiday, then the weekend), at 18:30.
	want := []string{
		"corrective 2026-11-02T18:30:00+01:00 freeze 2026-10-26T18:30:00+01:00",
		"patch 2026-11-20T12:00:00+01:00 freeze 2026-11-20T12:00:00+01:00",
		"intermediate 2026-11-25T18:00:00+01:00 freeze 2026-11-20T09:00:00+01:00",
		"intermediate 2026-12-01T18:30:00+01:00 freeze 2026-11-24T18:30:00+01:00",
		"corrective 2027-01-04T18:30:00+01:00 freeze 2026-12-28T18:30:00+01:00",
	}
	if diff := cmp.Diff(want, releaseDigest(rc.Releases())); diff != "" {
		t.Errorf("releases (-want +got):\n%s", diff)
	}
	b, err := json.Marshal(rc)
	if err != nil {
		t.Fatal(err)
	}
	back, err := sla.ParseReleaseCalendar(b, nil)
	if err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if diff := cmp.Diff(releaseDigest(rc.Releases()), releaseDigest(back.Releases())); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	b2, _ := json.Marshal(back)
	if string(b) != string(b2) {
		t.Errorf("JSON not stable:\n%s\n%s", b, b2)
	}
}

func TestReleaseCalendarErrors(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string // "field rule"
	}{
		{"not JSON", `{"rules":`, []string{" invalid_json"}},
		{"schema", `{"rules":{"from":"2026-01-01","to":"2026-12-31","esr_month":13},"releases":[{"kind":"beta","at":"x"}],"extra":1}`,
			// The schema is checked first; "at": "x" would be reported by the
			// semantic pass, which does not run on a document off its schema.
			[]string{"extra schema", "releases[0].kind schema", "rules.esr_month schema"}},
		{"bad dates", `{"rules":{"from":"2026-02-30","to":"2026-12-31","esr_month":6}}`, []string{"rules.from invalid_date"}},
		{"reversed", `{"rules":{"from":"2026-12-31","to":"2026-01-01","esr_month":6}}`, []string{"rules.to invalid_release_rules"}},
		{"bad instant", `{"releases":[{"kind":"esr","at":"2026-13-01T09:00:00+01:00"}]}`, []string{"releases[0].at invalid_time"}},
		{"freeze after", `{"releases":[{"kind":"esr","at":"2026-06-01T09:00:00+02:00","freeze":"2026-06-02T09:00:00+02:00"}]}`, []string{"releases[0].freeze freeze_after_release"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sla.ParseReleaseCalendar([]byte(tt.doc), nil)
			if diff := cmp.Diff(tt.want, errDigest(t, err)); diff != "" {
				t.Errorf("errors (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
	_, err := sla.NewReleaseCalendar(sla.ReleaseConfig{Releases: []sla.Release{{Name: "x"}}})
	if !errors.Is(err, sla.ErrInvalidReleaseKind) || !errors.Is(err, sla.ErrInvalidTime) {
		t.Errorf("NewReleaseCalendar(unset) = %v", err)
	}
}

// errDigest lists "field rule_code" for every violation.
func errDigest(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var out []string
	for _, x := range flattenErr(err) {
		var fe *sla.FieldError
		if !errors.As(x, &fe) {
			t.Fatalf("not a FieldError: %#v", x)
		}
		out = append(out, fe.Field+" "+ruleCode(fe))
	}
	return out
}
