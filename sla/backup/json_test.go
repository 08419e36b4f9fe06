package backup

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xeipuuv/gojsonschema"
)

func TestSchemaCompiles(t *testing.T) {
	if _, err := gojsonschema.NewSchema(gojsonschema.NewBytesLoader(JSONSchema())); err != nil {
		t.Fatal(err)
	}
}

func TestParseBackups(t *testing.T) {
	bs, err := ParseBackups([]byte(`[
	  {"id": "n1", "at": "2026-03-29T03:10:00+02:00", "status": "complete"},
	  {"at": "2026-03-30T02:10:00.5Z", "status": "failed"}
	]`))
	if err != nil {
		t.Fatal(err)
	}
	want := []Backup{
		{ID: "n1", At: ts("2026-03-29T03:10:00+02:00"), Status: Complete},
		{At: ts("2026-03-30T02:10:00.5Z"), Status: Failed},
	}
	if diff := cmp.Diff(want, bs); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, off := bs[0].At.Zone(); off != 7200 {
		t.Errorf("offset not kept: %d", off)
	}
}

func TestParseBackupsErrors(t *testing.T) {
	tests := []struct {
		name   string
		doc    string
		fields []string
		rule   error
	}{
		{"not JSON", `[{"at":`, []string{"backups"}, ErrInvalidJSON},
		{"not an array", `{"at": "2026-03-29T03:10:00+02:00"}`, []string{"backups"}, ErrSchema},
		{"bad status and unknown key", `[{"at": "2026-03-29T03:10:00+02:00", "status": "ok", "size": 3}]`,
			[]string{"backups[0].size", "backups[0].status"}, ErrSchema},
		{"missing fields", `[{}]`, []string{"backups[0].at", "backups[0].status"}, ErrSchema},
		{"no offset", `[{"at": "2026-03-29T03:10:00", "status": "failed"}]`, []string{"backups[0].at"}, ErrSchema},
		{"not a real date", `[{"at": "2026-02-30T03:10:00Z", "status": "failed"}, {"at": "2026-02-28T25:10:00Z", "status": "failed"}]`,
			[]string{"backups[0].at", "backups[1].at"}, ErrInvalidTime},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseBackups([]byte(tt.doc))
			if !errors.Is(err, tt.rule) {
				t.Fatalf("got %v, want %v", err, tt.rule)
			}
			var fields []string
			for _, e := range flattenErr(err) {
				fields = append(fields, e.(*FieldError).Field)
			}
			if diff := cmp.Diff(tt.fields, fields); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
		})
	}
}

func flattenErr(err error) []error {
	if m, ok := err.(interface{ Unwrap() []error }); ok {
		return m.Unwrap()
	}
	return []error{err}
}

func TestStatusText(t *testing.T) {
	for _, s := range []Status{Complete, Failed} {
		b, err := s.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Status
		if err := back.UnmarshalText(b); err != nil || back != s {
			t.Errorf("%v: round trip %v %v", s, back, err)
		}
	}
	if _, err := Status(0).MarshalText(); !errors.Is(err, ErrInvalidStatus) {
		t.Errorf("zero status: %v", err)
	}
	var s Status
	if err := s.UnmarshalText([]byte("ok")); !errors.Is(err, ErrInvalidStatus) {
		t.Errorf("unknown status: %v", err)
	}
	for v, want := range map[string]string{
		Status(9).String(): "Status(9)", Tier(9).String(): "Tier(9)", PruneReason(9).String(): "PruneReason(9)",
		NightStatus(9).String(): "NightStatus(9)", Slot{Tier: Latest}.String(): "latest", Slot{Tier: 7, N: 2}.String(): "Tier(7)-2",
		Daily.String() + Weekly.String() + Monthly.String(): "dailyweeklymonthly",
	} {
		if v != want {
			t.Errorf("got %q, want %q", v, want)
		}
	}
}
