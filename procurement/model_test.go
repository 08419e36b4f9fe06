package procurement

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
	"github.com/openmarches/marches/internal/golden"
	"github.com/shopspring/decimal"
)

func readModelTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSampleRoundTrip: the sample parses, its figures are the hand-checked
// ones, and Marshal gives the file back byte for byte (the file is the
// reviewed form of Marshal's output).
func TestSampleRoundTrip(t *testing.T) {
	data := readModelTestdata(t, "sample_consultation.json")
	orig := bytes.Clone(data)
	c, err := ParseConsultation(data)
	if err != nil {
		t.Fatalf("ParseConsultation(sample) = %v", err)
	}
	if !bytes.Equal(data, orig) {
		t.Error("ParseConsultation modified its input")
	}
	// R2121-1: lot 1 = 90000 + 20000 + 90000 = 200000; lot 2 = 48000 + 0 +
	// 48000 = 96000; total 296000.
	if got := c.TotalValue().StringFixed(2); got != "296000.00" {
		t.Errorf("TotalValue = %s, want 296000.00", got)
	}
	if got := c.TotalDurationMonths(); got != 48 { // 24 + 2 × 12
		t.Errorf("TotalDurationMonths = %d, want 48", got)
	}
	wantDeadline := time.Date(2026, time.June, 15, 10, 0, 0, 0, time.UTC) // 12:00 at +02:00
	if !c.TendersDeadline.Equal(wantDeadline) {
		t.Errorf("TendersDeadline = %v, want %v", c.TendersDeadline, wantDeadline)
	}
	if c.Buyer.Kind != BuyerLocalAuthority || c.Procedure != ProcedureOpen || c.Nature != Services {
		t.Errorf("kind, procedure, nature = %v, %v, %v", c.Buyer.Kind, c.Procedure, c.Nature)
	}
	if got := c.Lots[1].AwardCriteria[2].Weight; got != 10 {
		t.Errorf("lot 2 third criterion weight = %d, want 10", got)
	}
	if _, err := ParseConsultation(append([]byte("\xEF\xBB\xBF"), data...)); err != nil {
		t.Errorf("sample with a UTF-8 BOM: %v", err)
	}
	out, err := Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(data), string(out)); diff != "" {
		t.Errorf("Marshal(ParseConsultation(sample)) differs from the file (-file +marshal):\n%s", diff)
	}
}

func TestParseConsultationFiles(t *testing.T) {
	c, err := ParseConsultation(readModelTestdata(t, "consultation_restricted_no_lots.json"))
	if err != nil {
		t.Fatalf("restricted_no_lots: %v", err)
	}
	if got := c.TotalValue().StringFixed(2); got != "120000.00" { // no lots, options, renewals or premiums
		t.Errorf("TotalValue = %s, want 120000.00", got)
	}
	if c.Awards[0].Lot != 0 || c.Tenderers[0].SIRET != "" {
		t.Errorf("award lot %d, foreign tenderer SIRET %q", c.Awards[0].Lot, c.Tenderers[0].SIRET)
	}

	// One document breaking most rules at once: every problem, by path.
	_, err = ParseConsultation(readModelTestdata(t, "consultation_invalid.json"))
	if err == nil {
		t.Fatal("consultation_invalid.json parsed without error")
	}
	type row struct{ Path, Rule, Value, Detail string }
	var rows []row
	for _, e := range modelFlatten(err) {
		fe := e.(*FieldError)
		rows = append(rows, row{fe.Field, fielderr.RuleCode(fe), fe.Value, fe.Detail})
	}
	got, _ := json.MarshalIndent(rows, "", "  ")
	golden.Check(t, "consultation_invalid.problems", append(got, '\n'))
	for _, r := range []error{ErrSchema, ErrUnknownBuyerKind, ErrSIRETChecksum, calendar.ErrInvalidDate, ErrLotsValueMismatch, ErrAwardBeforeTenders} {
		if !errors.Is(err, r) {
			t.Errorf("errors.Is(err, %v) = false", r)
		}
	}
}

// patchSampleConsultation returns the sample document with edit applied to its
// generic JSON form.
func patchSampleConsultation(t *testing.T, edit func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(readModelTestdata(t, "sample_consultation.json"), &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func lotOf(m map[string]any, i int) map[string]any { return m["lots"].([]any)[i].(map[string]any) }
func buyerOf(m map[string]any) map[string]any      { return m["buyer"].(map[string]any) }

// TestParseConsultationSteps checks which step reports what, and that the
// most specific report wins at each path.
func TestParseConsultationSteps(t *testing.T) {
	tests := []struct {
		name   string
		doc    func(t *testing.T) []byte
		want   []modelProblem
		reason string
	}{
		{"missing title", func(t *testing.T) []byte {
			return patchSampleConsultation(t, func(m map[string]any) { delete(m, "title") })
		},
			[]modelProblem{{"title", "required"}}, "Validate's rule replaces the schema's at the same path"},
		{"missing buyer", func(t *testing.T) []byte {
			return patchSampleConsultation(t, func(m map[string]any) { delete(m, "buyer") })
		},
			[]modelProblem{{"buyer", "schema"}}, "one problem for the missing object, not one per field it would hold"},
		{"null title", func(t *testing.T) []byte {
			return patchSampleConsultation(t, func(m map[string]any) { m["title"] = nil })
		},
			[]modelProblem{{"title", "required"}}, "null decodes as not given"},
		{"unknown buyer kind", func(t *testing.T) []byte {
			return patchSampleConsultation(t, func(m map[string]any) { buyerOf(m)["kind"] = "commune" })
		}, []modelProblem{{"buyer.kind", "unknown_buyer_kind"}}, "decoding's rule replaces the schema's enum"},
		{"unknown properties do not hide other problems", func(t *testing.T) []byte {
			return patchSampleConsultation(t, func(m map[string]any) {
				m["colour"] = "red"
				lotOf(m, 1)["x"] = 1
				buyerOf(m)["siret"] = "24750052300012"
			})
		}, []modelProblem{{"buyer.siret", "siret_checksum"}, {"colour", "schema"}, {"lots[1].x", "schema"}},
			"the schema names the unknown properties; decoding again without them lets Validate run"},
		{"wrong type stops at the schema", func(t *testing.T) []byte {
			return patchSampleConsultation(t, func(m map[string]any) {
				m["title"] = 5
				buyerOf(m)["siret"] = "24750052300012"
			})
		}, []modelProblem{{"title", "schema"}}, "a number cannot be decoded into the title: only the schema speaks"},
		{"lot number written 1.0", func(t *testing.T) []byte {
			return bytes.Replace(readModelTestdata(t, "sample_consultation.json"), []byte(`"number": 1,`), []byte(`"number": 1.0,`), 1)
		}, []modelProblem{{"awards[0].lot", "award_unknown_lot"}, {"lots[0].number", "json_decode"}},
			"JSON Schema calls 1.0 an integer, the model wants it written 1; the unreadable number counts as not given, so lot 1 is gone"},
		{"amount with an exponent", func(t *testing.T) []byte {
			return patchSampleConsultation(t, func(m map[string]any) { m["premiumsValue"] = "1e3" })
		}, []modelProblem{{"premiumsValue", "invalid_amount"}}, ""},
		{"amount with a decimal comma", func(t *testing.T) []byte {
			return patchSampleConsultation(t, func(m map[string]any) { lotOf(m, 0)["optionsValue"] = "20000,00" })
		}, []modelProblem{{"lots[0].optionsValue", "invalid_amount"}, {"optionsValue", "lots_value_mismatch"}},
			"an unreadable value counts as not given for the rules that use it: the lots' options then sum to 0"},
		{"amount as a JSON number", func(t *testing.T) []byte {
			return patchSampleConsultation(t, func(m map[string]any) { m["premiumsValue"] = 100 })
		}, []modelProblem{{"premiumsValue", "schema"}}, "amounts are strings, so that no float is involved"},
		{"30 February", func(t *testing.T) []byte {
			return patchSampleConsultation(t, func(m map[string]any) { m["noticeDispatch"] = "2026-02-30" })
		}, []modelProblem{{"noticeDispatch", "invalid_date"}}, ""},
		{"deadline without offset", func(t *testing.T) []byte {
			return patchSampleConsultation(t, func(m map[string]any) { m["tendersDeadline"] = "2026-06-15T12:00:00" })
		}, []modelProblem{{"tendersDeadline", "invalid_instant"}}, "a local time without offset is ambiguous"},
		{"array instead of object", func(*testing.T) []byte { return []byte(`[]`) },
			[]modelProblem{{"", "schema"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseConsultation(tt.doc(t))
			if diff := cmp.Diff(tt.want, modelProblems(t, err)); diff != "" {
				t.Errorf("problems mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
			if err != nil && !reflect.ValueOf(c).IsZero() {
				t.Error("ParseConsultation returned a non-zero Consultation with an error")
			}
		})
	}
}

func TestParseConsultationSyntax(t *testing.T) {
	for _, doc := range []string{``, `{"a":`, `{} {}`, `{"title": "x",}`, "\x00"} {
		_, err := ParseConsultation([]byte(doc))
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Err != ErrJSONSyntax {
			t.Errorf("ParseConsultation(%q) = %v, want a single ErrJSONSyntax", doc, err)
		}
		if _, isList := err.(fielderr.List); isList {
			t.Errorf("ParseConsultation(%q): syntax error returned as a list", doc)
		}
	}
}

// TestInstantLocation: parsed deadlines carry their own offset in a fixed
// zone, never time.Local, so results do not depend on the machine.
func TestInstantLocation(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    time.Time
		wantOff int
	}{
		{"2026-06-15T12:00:00+02:00", time.Date(2026, 6, 15, 10, 0, 0, 0, time.UTC), 7200},
		{"2026-12-15T12:00:00+01:00", time.Date(2026, 12, 15, 11, 0, 0, 0, time.UTC), 3600},
		{"2026-06-15T10:00:00Z", time.Date(2026, 6, 15, 10, 0, 0, 0, time.UTC), 0},
		{"2026-06-15T10:00:00+00:00", time.Date(2026, 6, 15, 10, 0, 0, 0, time.UTC), 0},
		{"2026-06-15T08:00:00-02:00", time.Date(2026, 6, 15, 10, 0, 0, 0, time.UTC), -7200},
		{"2026-06-15T10:00:00.5Z", time.Date(2026, 6, 15, 10, 0, 0, 5e8, time.UTC), 0},
	} {
		var d decoder
		got := d.instant("t", tc.in)
		if len(d.ps) > 0 {
			t.Fatalf("instant(%q): %v", tc.in, d.ps[0])
		}
		if !got.Equal(tc.want) {
			t.Errorf("instant(%q) = %v, want %v", tc.in, got, tc.want)
		}
		if _, off := got.Zone(); off != tc.wantOff {
			t.Errorf("instant(%q) offset = %d, want %d", tc.in, off, tc.wantOff)
		}
		if got.Location() == time.Local {
			t.Errorf("instant(%q) is in time.Local", tc.in)
		}
		if got := instantText(got); got != strings.Replace(tc.in, "+00:00", "Z", 1) {
			t.Errorf("instantText(instant(%q)) = %q", tc.in, got)
		}
	}
}

func TestMarshal(t *testing.T) {
	c := validConsultationNoLots()
	c.Title = "Achat <urgent> & rapide"
	c.EstimatedValue = modelEUR("250000.5")
	c.PremiumsValue = decimal.New(3, 3) // 3e3
	out, err := Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"estimatedValue": "250000.50"`, // always 2 decimals
		`"premiumsValue": "3000.00"`,    // no exponent
		`"title": "Achat <urgent> & rapide"`,
		`"tendersDeadline": "2026-06-15T12:00:00+02:00"`,
		`"noticeDispatch": "2026-05-11"`,
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("Marshal output lacks %s:\n%s", want, out)
		}
	}
	for _, absent := range []string{`"optionsValue"`, `"renewals"`, `"lots"`, `"applicationsDeadline"`, `"sme": false`} {
		if strings.Contains(string(out), absent) {
			t.Errorf("Marshal output has zero field %s", absent)
		}
	}
	if !bytes.HasSuffix(out, []byte("}\n")) {
		t.Error("Marshal output does not end with a newline")
	}
	compact, err := json.Marshal(c) // through MarshalJSON
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := json.Compact(&want, out); err != nil {
		t.Fatal(err)
	}
	// encoding/json escapes HTML in what MarshalJSON returns; compare
	// after the same escaping.
	var esc bytes.Buffer
	json.HTMLEscape(&esc, want.Bytes())
	if string(compact) != esc.String() {
		t.Errorf("json.Marshal(c) = %s\nwant compact Marshal %s", compact, esc.String())
	}

	zero, err := Marshal(Consultation{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(zero), "{\n  \"buyer\": {\n    \"address\": {}\n  }\n}\n"; got != want {
		t.Errorf("Marshal(zero) = %q, want %q", got, want)
	}
}

func TestMarshalErrors(t *testing.T) {
	c := validConsultation()
	c.Buyer.Kind = 77
	c.Lots[0].OptionsValue = modelEUR("0.001")
	c.Lots[1].AwardCriteria[0].Kind = 9
	c.Awards[1].Amount = modelEUR("1.999")
	c.ApplicationsDeadline = time.Date(1900, time.January, 1, 12, 0, 0, 0, mustLoadLocation(t, "Europe/Paris")) // LMT +00:09:21
	out, err := Marshal(c)
	if out != nil {
		t.Errorf("Marshal returned output with an error")
	}
	want := []modelProblem{
		{"applicationsDeadline", "invalid_instant"},
		{"awards[1].amount", "amount_cents"},
		{"buyer.kind", "unknown_buyer_kind"},
		{"lots[0].optionsValue", "amount_cents"},
		{"lots[1].awardCriteria[0].kind", "unknown_criterion_kind"},
	}
	if diff := cmp.Diff(want, modelProblems(t, err)); diff != "" {
		t.Errorf("Marshal problems (-want +got):\n%s", diff)
	}
	if _, err := json.Marshal(c); !errors.Is(err, ErrUnknownBuyerKind) {
		t.Errorf("json.Marshal err = %v, want ErrUnknownBuyerKind inside", err)
	}
}

func mustLoadLocation(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("no time zone data: %v", err)
	}
	return loc
}

func TestUnmarshalJSON(t *testing.T) {
	sample := readModelTestdata(t, "sample_consultation.json")
	var doc struct {
		C    Consultation `json:"consultation"`
		Note string       `json:"note"`
	}
	if err := json.Unmarshal([]byte(`{"note":"embedded","consultation":`+string(sample)+`}`), &doc); err != nil {
		t.Fatalf("embedded Unmarshal: %v", err)
	}
	parsed, err := ParseConsultation(sample)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(parsed, doc.C, exactModel); diff != "" {
		t.Errorf("UnmarshalJSON differs from ParseConsultation (-parse +unmarshal):\n%s", diff)
	}

	// Errors: every unreadable value at once, by path; the receiver is
	// left unchanged; no schema, no validation.
	keep := validConsultationNoLots()
	c := keep
	err = json.Unmarshal([]byte(`{"estimatedValue":"12,5","lots":[{"number":1,"optionsValue":"x"}],"noticeDispatch":"2026-13-01","nature":"travaux","title":""}`), &c)
	want := []modelProblem{{"estimatedValue", "invalid_amount"}, {"lots[0].optionsValue", "invalid_amount"}, {"nature", "unknown_nature"}, {"noticeDispatch", "invalid_date"}}
	if diff := cmp.Diff(want, modelProblems(t, err)); diff != "" {
		t.Errorf("UnmarshalJSON problems (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(keep, c, exactModel); diff != "" {
		t.Errorf("UnmarshalJSON changed the receiver on error:\n%s", diff)
	}
	for _, bad := range []string{`{"colour":"red"}`, `{"title":5}`, `{"lots":[{"number":"1"}]}`} {
		if err := json.Unmarshal([]byte(bad), &c); !errors.Is(err, ErrJSONDecode) {
			t.Errorf("Unmarshal(%s) = %v, want ErrJSONDecode", bad, err)
		}
	}
	if err := c.UnmarshalJSON([]byte(`{} {}`)); !errors.Is(err, ErrJSONDecode) {
		t.Errorf("UnmarshalJSON with trailing data = %v, want ErrJSONDecode", err)
	}
}

func TestLotAndAwardJSON(t *testing.T) {
	l := validConsultation().Lots[1]
	b, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"number":2,"title":"Hébergement","cpv":"72415000-2","estimatedValue":"48000.00","renewalsValue":"48000.00","awardCriteria":[{"name":"Prix","kind":"price","weight":40},{"name":"Valeur technique","kind":"quality","weight":50},{"name":"Environnement","kind":"quality","weight":10}]}`
	if string(b) != want {
		t.Errorf("Lot JSON = %s\nwant %s", b, want)
	}
	var back Lot
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(l, back, exactModel); diff != "" {
		t.Errorf("Lot round trip (-want +got):\n%s", diff)
	}
	if err := json.Unmarshal([]byte(`{"estimatedValue":"1.2.3","awardCriteria":[{"kind":"prix"}]}`), &back); err == nil {
		t.Error("bad lot decoded")
	} else if diff := cmp.Diff([]modelProblem{{"awardCriteria[0].kind", "unknown_criterion_kind"}, {"estimatedValue", "invalid_amount"}}, modelProblems(t, err)); diff != "" {
		t.Errorf("Lot problems (-want +got):\n%s", diff)
	}

	a := validConsultation().Awards[0]
	b, err = json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"lot":1,"tenderer":"pli-1","amount":"184500.00","date":"2026-07-10"}`; string(b) != want {
		t.Errorf("Award JSON = %s, want %s", b, want)
	}
	var aback Award
	if err := json.Unmarshal(b, &aback); err != nil || !cmp.Equal(a, aback, exactModel) {
		t.Errorf("Award round trip = %+v, %v", aback, err)
	}
	if err := json.Unmarshal([]byte(`{"date":"10/07/2026"}`), &aback); !errors.Is(err, calendar.ErrInvalidDate) {
		t.Errorf("bad award date err = %v", err)
	}
	if _, err := json.Marshal(Award{Amount: modelEUR("0.001")}); !errors.Is(err, ErrAmountCents) {
		t.Errorf("sub-cent award marshal err = %v", err)
	}
	if _, err := json.Marshal(Lot{EstimatedValue: modelEUR("0.001")}); !errors.Is(err, ErrAmountCents) {
		t.Errorf("sub-cent lot marshal err = %v", err)
	}
}

// TestPlainTypesMatchWire: Buyer, Tenderer and AwardCriterion marshal
// alone (struct tags) exactly as inside a consultation (wire structs).
func TestPlainTypesMatchWire(t *testing.T) {
	c := validConsultation()
	var doc struct {
		Buyer         json.RawMessage `json:"buyer"`
		Tenderers     json.RawMessage `json:"tenderers"`
		AwardCriteria json.RawMessage `json:"awardCriteria"`
	}
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		v    any
		wire json.RawMessage
	}{
		{"buyer", c.Buyer, doc.Buyer},
		{"tenderers", c.Tenderers, doc.Tenderers},
		{"awardCriteria", c.AwardCriteria, doc.AwardCriteria},
		{"zero buyer", Buyer{}, json.RawMessage(`{"address":{}}`)},
	} {
		got, err := json.Marshal(tc.v)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(tc.wire) {
			t.Errorf("%s: alone %s\ninside a consultation %s", tc.name, got, tc.wire)
		}
	}
}

// TestSchemaMatchesWire: every property of the schema is a field of the
// wire structs and the reverse, level by level, so that the schema cannot
// let through a property the decoder ignores (ParseConsultation relies on
// it when it decodes again without DisallowUnknownFields).
func TestSchemaMatchesWire(t *testing.T) {
	var s map[string]any
	if err := json.Unmarshal(ConsultationSchema(), &s); err != nil {
		t.Fatal(err)
	}
	defs := s["definitions"].(map[string]any)
	resolve := func(node map[string]any) map[string]any {
		if ref, ok := node["$ref"].(string); ok {
			return defs[strings.TrimPrefix(ref, "#/definitions/")].(map[string]any)
		}
		return node
	}
	props := func(node map[string]any) []string {
		var names []string
		for k := range resolve(node)["properties"].(map[string]any) {
			names = append(names, k)
		}
		slices.Sort(names)
		return names
	}
	prop := func(node map[string]any, name string) map[string]any {
		return resolve(resolve(node)["properties"].(map[string]any)[name].(map[string]any))
	}
	items := func(node map[string]any) map[string]any { return resolve(resolve(node)["items"].(map[string]any)) }
	lotNode := items(prop(s, "lots"))
	for _, tc := range []struct {
		name string
		node map[string]any
		typ  reflect.Type
	}{
		{"consultation", s, reflect.TypeFor[consultationJSON]()},
		{"buyer", prop(s, "buyer"), reflect.TypeFor[buyerJSON]()},
		{"address", prop(prop(s, "buyer"), "address"), reflect.TypeFor[Address]()},
		{"renewals", prop(s, "renewals"), reflect.TypeFor[renewalsJSON]()},
		{"lot", lotNode, reflect.TypeFor[lotJSON]()},
		{"criterion", items(prop(s, "awardCriteria")), reflect.TypeFor[criterionJSON]()},
		{"lot criterion", items(prop(lotNode, "awardCriteria")), reflect.TypeFor[criterionJSON]()},
		{"tenderer", items(prop(s, "tenderers")), reflect.TypeFor[Tenderer]()},
		{"award", items(prop(s, "awards")), reflect.TypeFor[awardJSON]()},
	} {
		var fields []string
		for f := range tc.typ.Fields() {
			fields = append(fields, strings.Split(f.Tag.Get("json"), ",")[0])
		}
		slices.Sort(fields)
		if diff := cmp.Diff(props(tc.node), fields); diff != "" {
			t.Errorf("%s: schema properties vs wire fields (-schema +wire):\n%s", tc.name, diff)
		}
		if ap, ok := resolve(tc.node)["additionalProperties"].(bool); !ok || ap {
			t.Errorf("%s: additionalProperties must be false", tc.name)
		}
	}
}

func TestConsultationSchemaIsACopy(t *testing.T) {
	a := ConsultationSchema()
	a[0] = 'X'
	if b := ConsultationSchema(); b[0] != '{' {
		t.Error("ConsultationSchema returned the embedded bytes, not a copy")
	}
	if _, err := compiledSchema(); err != nil {
		t.Fatalf("schema does not compile: %v", err)
	}
}

func TestAccessors(t *testing.T) {
	c := validConsultation()
	c.PremiumsValue = modelEUR("5000.00")
	// 296000 (see TestSampleRoundTrip) + 5000 premiums.
	if got := c.TotalValue().StringFixed(2); got != "301000.00" {
		t.Errorf("TotalValue with lots = %s, want 301000.00", got)
	}
	// With lots the consultation's own figures are not read.
	c.EstimatedValue = modelEUR("1.00")
	if got := c.TotalValue().StringFixed(2); got != "301000.00" {
		t.Errorf("TotalValue read the consultation's EstimatedValue: %s", got)
	}
	n := validConsultationNoLots()
	n.OptionsValue, n.Renewals, n.RenewalsValue, n.PremiumsValue = modelEUR("10000.00"), Renewals{1, 12}, modelEUR("120000.00"), modelEUR("0.50")
	// 120000 + 10000 + 120000 + 0.50.
	if got := n.TotalValue().StringFixed(2); got != "250000.50" {
		t.Errorf("TotalValue without lots = %s, want 250000.50", got)
	}
	if got := (Lot{EstimatedValue: modelEUR("1.10"), OptionsValue: modelEUR("2.20"), RenewalsValue: modelEUR("3.30")}).TotalValue().StringFixed(2); got != "6.60" {
		t.Errorf("Lot.TotalValue = %s, want 6.60", got)
	}

	l, ok := c.Lot(2)
	if !ok || l.Title != "Hébergement" {
		t.Fatalf("Lot(2) = %+v, %v", l, ok)
	}
	l.AwardCriteria[0].Weight = 99
	if c.Lots[1].AwardCriteria[0].Weight != 40 {
		t.Error("Lot returned the consultation's criteria slice")
	}
	if _, ok := c.Lot(3); ok {
		t.Error("Lot(3) found")
	}
	if got := c.CriteriaFor(2); len(got) != 3 {
		t.Errorf("CriteriaFor(2) = %v, want the lot's 3", got)
	}
	got := c.CriteriaFor(1)
	if len(got) != 2 || got[1].Weight != 60 {
		t.Errorf("CriteriaFor(1) = %v, want the consultation's 2", got)
	}
	got[0].Weight = 1
	if c.AwardCriteria[0].Weight != 40 {
		t.Error("CriteriaFor returned the consultation's slice")
	}
	if got := c.CriteriaFor(0); len(got) != 2 {
		t.Errorf("CriteriaFor(0) = %v", got)
	}
}

func TestCriterionKind(t *testing.T) {
	for k := CriterionPrice; k <= CriterionQuality; k++ {
		got, err := ParseCriterionKind(k.String())
		if err != nil || got != k {
			t.Errorf("ParseCriterionKind(%q) = %v, %v", k, got, err)
		}
	}
	if _, err := ParseCriterionKind("Price"); !errors.Is(err, ErrUnknownCriterionKind) {
		t.Errorf("ParseCriterionKind(Price) err = %v", err)
	}
	if _, err := json.Marshal(struct{ K CriterionKind }{}); !errors.Is(err, ErrUnknownCriterionKind) {
		t.Errorf("marshal unset kind err = %v", err)
	}
	var k CriterionKind
	if err := k.UnmarshalText([]byte("cost")); err != nil || k != CriterionCost {
		t.Errorf("UnmarshalText(cost) = %v, %v", k, err)
	}
	if got := CriterionKind(9).String(); got != "CriterionKind(9)" {
		t.Errorf("String = %q", got)
	}
}

// TestConcurrentUse shares one document and one Consultation across
// goroutines (run with -race): parsing, validating and marshalling keep
// no hidden state, and give the same bytes every time.
func TestConcurrentUse(t *testing.T) {
	data := readModelTestdata(t, "sample_consultation.json")
	shared := validConsultation()
	shared.Buyer.SIRET = "24750052300012" // one problem, so Validate builds a list
	want, err := Marshal(shared)
	if err != nil {
		t.Fatal(err)
	}
	wantErr := shared.Validate().Error()
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				c, err := ParseConsultation(data)
				if err != nil {
					t.Error(err)
					return
				}
				out, err := Marshal(c)
				if err != nil || !bytes.Equal(out, data) {
					t.Error("Marshal(ParseConsultation(sample)) differs")
				}
				if got, _ := Marshal(shared); !bytes.Equal(got, want) {
					t.Error("Marshal(shared) differs")
				}
				if got := shared.Validate().Error(); got != wantErr {
					t.Errorf("Validate(shared) = %s", got)
				}
				_ = shared.TotalValue()
			}
		}()
	}
	wg.Wait()
}

func TestMostSpecific(t *testing.T) {
	a := &FieldError{Field: "x", Err: ErrInvalidAmount}
	b := &FieldError{Field: "x", Err: ErrFieldRequired}
	c := &FieldError{Field: "y", Err: ErrFieldRequired}
	d := &FieldError{Field: "x", Err: ErrSchema}
	e := &FieldError{Field: "z", Err: ErrSchema}
	got := mostSpecific([]*FieldError{a}, []*FieldError{b, c}, []*FieldError{d, e})
	// x: decoding (a) beats Validate (b) and the schema (d); y and z have
	// one report each.
	if want := []*FieldError{a, c, e}; !slices.Equal(got, want) {
		t.Errorf("mostSpecific = %v, want %v", got, want)
	}
}
