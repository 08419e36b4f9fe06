package eforms_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/openmarches/marches/procurement/eforms"
	"github.com/xeipuuv/gojsonschema"
)

// TestNoticeSchemaAcceptsScenarios: the shipped schema compiles and every
// scenario input matches it (checked with gojsonschema directly, as a
// platform without Go would).
func TestNoticeSchemaAcceptsScenarios(t *testing.T) {
	s, err := gojsonschema.NewSchema(gojsonschema.NewBytesLoader(eforms.NoticeSchema()))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range scenarioNames(t) {
		data, err := os.ReadFile(filepath.Join("testdata", "scenarios", name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.Validate(gojsonschema.NewBytesLoader(data))
		if err != nil || !res.Valid() {
			t.Errorf("%s: %v %v", name, err, res.Errors())
		}
	}
}

// TestDecodeNoticeErrors: each problem is reported on its JSON path.
func TestDecodeNoticeErrors(t *testing.T) {
	base, err := os.ReadFile(filepath.Join("testdata", "scenarios", "cn16_open_single_lot.json"))
	if err != nil {
		t.Fatal(err)
	}
	edit := func(f func(m map[string]any)) string {
		var m map[string]any
		if err := json.Unmarshal(base, &m); err != nil {
			t.Fatal(err)
		}
		f(m)
		out, _ := json.Marshal(m)
		return string(out)
	}
	obj := func(m map[string]any, k string) map[string]any { return m[k].(map[string]any) }
	tests := []struct {
		name  string
		doc   string
		field string
		rule  error
	}{
		{"not JSON", `{"notice": [`, "input", eforms.ErrJSONSyntax},
		{"unknown member", edit(func(m map[string]any) { obj(m, "terms")["documentURL"] = "x" }), "terms.documentURL", eforms.ErrSchema},
		{"unknown subtype", edit(func(m map[string]any) { obj(m, "notice")["subtype"] = "17" }), "notice.subtype", eforms.ErrSchema},
		{"dispatch without offset", edit(func(m map[string]any) { obj(m, "notice")["dispatch"] = "2026-03-02T10:00:00" }), "notice.dispatch", eforms.ErrSchema},
		{"no consultation", edit(func(m map[string]any) { delete(m, "consultation") }), "consultation", eforms.ErrSchema},
		{"bad NUTS in a lot override", edit(func(m map[string]any) { m["lots"] = []any{map[string]any{"number": 0, "nuts": "fr101"}} }), "lots[0].nuts", eforms.ErrSchema},
		{"procurement rule", edit(func(m map[string]any) { obj(obj(m, "consultation"), "buyer")["siret"] = "21690266000011" }), "consultation.buyer.siret", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := eforms.DecodeNotice([]byte(tt.doc))
			if err == nil {
				t.Fatal("accepted")
			}
			if tt.rule != nil && !errors.Is(err, tt.rule) {
				t.Fatalf("err = %v, want %v", err, tt.rule)
			}
			if !strings.Contains(strings.Join(problems(err), "\n"), tt.field+" ") {
				t.Errorf("no problem on %q: %v", tt.field, problems(err))
			}
		})
	}
	// Procurement's own rules keep their sentinel.
	_, err = eforms.DecodeNotice([]byte(tests[len(tests)-1].doc))
	var fe *eforms.FieldError
	if !errors.As(err, &fe) || fe.Err == nil || !strings.HasPrefix(fe.Err.Error(), "procurement:") {
		t.Errorf("SIRET problem = %v, want a procurement sentinel", err)
	}
}

// TestMarshalNoticeStable: MarshalNotice(DecodeNotice(x)) is a fixed point
// after one pass.
func TestMarshalNoticeStable(t *testing.T) {
	for _, name := range scenarioNames(t) {
		n := loadScenario(t, name)
		a, err := eforms.MarshalNotice(n)
		if err != nil {
			t.Fatal(err)
		}
		m, err := eforms.DecodeNotice(a)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, _ := eforms.MarshalNotice(m)
		if diff := cmp.Diff(string(a), string(b)); diff != "" {
			t.Errorf("%s (-first +second):\n%s", name, diff)
		}
	}
}

// TestSubtypeCodes: codes and enumeration order are API.
func TestSubtypeCodes(t *testing.T) {
	want := map[eforms.Subtype]string{
		eforms.ContractNotice: "16", eforms.AwardNotice: "29", eforms.SocialContractNotice: "20",
		eforms.SocialAwardNotice: "33", eforms.PINInformation: "4", eforms.PINShortening: "7",
	}
	for s, code := range want {
		if s.String() != code {
			t.Errorf("%d.String() = %s, want %s", int(s), s, code)
		}
		back, err := eforms.ParseSubtype(code)
		if err != nil || back != s {
			t.Errorf("ParseSubtype(%s) = %v, %v", code, back, err)
		}
	}
	if _, err := eforms.ParseSubtype("17"); !errors.Is(err, eforms.ErrUnknownSubtype) {
		t.Errorf("ParseSubtype(17): %v", err)
	}
	if _, err := eforms.Subtype(0).MarshalText(); !errors.Is(err, eforms.ErrUnknownSubtype) {
		t.Errorf("MarshalText of the zero subtype: %v", err)
	}
}
