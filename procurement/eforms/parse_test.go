package eforms_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/openmarches/marches/procurement"
	"github.com/openmarches/marches/procurement/eforms"
)

// TestRoundTrip: for every scenario, generate → parse → generate gives the
// same bytes, and parsing is stable (parse → marshal → decode → generate).
func TestRoundTrip(t *testing.T) {
	for _, name := range scenarioNames(t) {
		t.Run(name, func(t *testing.T) {
			first := generateScenario(t, name)
			n, err := eforms.Parse(first)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			second, err := eforms.Generate(n)
			if err != nil {
				t.Fatalf("Generate(Parse): %v", err)
			}
			if diff := cmp.Diff(string(first), string(second)); diff != "" {
				t.Fatalf("round trip changed the notice (-first +second):\n%s", diff)
			}
			// The parsed notice survives its JSON form (the output of
			// "marches eforms parse").
			doc, err := eforms.MarshalNotice(n)
			if err != nil {
				t.Fatalf("MarshalNotice: %v", err)
			}
			var back eforms.Notice
			if err := json.Unmarshal(doc, &back); err != nil {
				t.Fatalf("json.Unmarshal(MarshalNotice(Parse)): %v\n%s", err, doc)
			}
			// DecodeNotice also validates the consultation. A subtype-4
			// notice has no procedure type (BT-105 is not in that form) and
			// no award criteria, which the model requires: its parsed form
			// needs them added before it is a valid input again.
			if _, err := eforms.DecodeNotice(doc); name != "pin4_information_only" && err != nil {
				t.Errorf("DecodeNotice(MarshalNotice(Parse)): %v", err)
			} else if name == "pin4_information_only" && !errors.Is(err, procurement.ErrFieldRequired) {
				t.Errorf("DecodeNotice of a parsed subtype 4: err = %v, want procurement.ErrFieldRequired (procedure)", err)
			}
			third, err := eforms.Generate(back)
			if err != nil {
				t.Fatalf("Generate(DecodeNotice): %v", err)
			}
			if !bytes.Equal(first, third) {
				t.Fatalf("JSON round trip changed the notice:\n%s", cmp.Diff(string(first), string(third)))
			}
		})
	}
}

// TestParseRecoversModel checks what Parse gives back for the sample's
// contract notice against the scenario's input, field by field where the
// notice carries the value (see Parse's documentation for what it cannot
// carry: lot totals instead of firm part + options + renewals, the renewal
// length).
func TestParseRecoversModel(t *testing.T) {
	in := loadScenario(t, "cn16_sample_two_lots")
	out, err := eforms.Parse(generateScenario(t, "cn16_sample_two_lots"))
	if err != nil {
		t.Fatal(err)
	}
	c, g := in.Consultation, out.Consultation
	checks := []struct{ name, want, got string }{
		{"reference", c.Reference, g.Reference},
		{"title", c.Title, g.Title},
		{"description", c.Description, g.Description},
		{"buyer.name", c.Buyer.Name, g.Buyer.Name},
		{"buyer.siret", c.Buyer.SIRET, g.Buyer.SIRET},
		{"buyer.kind", c.Buyer.Kind.String(), g.Buyer.Kind.String()},
		{"buyer.address.nuts", c.Buyer.Address.NUTS, g.Buyer.Address.NUTS},
		// 75004 → territory 75, the input's.
		{"buyer.territory", c.Buyer.Territory, g.Buyer.Territory},
		{"nature", c.Nature.String(), g.Nature.String()},
		{"procedure", c.Procedure.String(), g.Procedure.String()},
		// The notice writes 72000000; Parse adds the check digit back.
		{"cpv", c.CPV, g.CPV},
		{"additionalCpv", strings.Join(c.AdditionalCPV, ","), strings.Join(g.AdditionalCPV, ",")},
		{"durationMonths", "24", itoa(g.DurationMonths)},
		// The notice has the maximum number of renewals (BT-58), not their
		// length: Parse puts it in the terms, leaving the model's renewals
		// (which need a length and a value) empty.
		{"terms.maxRenewals", "2", itoa(out.Terms.MaxRenewals)},
		{"tendersDeadline", "2026-06-15T12:00:00+02:00", g.TendersDeadline.Format("2006-01-02T15:04:05Z07:00")},
		{"tenderValidityDays", "120", itoa(g.TenderValidityDays)},
		{"lots", "2", itoa(len(g.Lots))},
		// Lot 1: 90000 + 20000 options + 90000 renewals = 200000.00.
		{"lots[0].estimatedValue", "200000.00", g.Lots[0].EstimatedValue.StringFixed(2)},
		// Lot 2: 48000 + 48000 renewals = 96000.00.
		{"lots[1].estimatedValue", "96000.00", g.Lots[1].EstimatedValue.StringFixed(2)},
		{"lots[1].awardCriteria", "3", itoa(len(g.Lots[1].AwardCriteria))},
		{"awardCriteria[1].weight", "60", itoa(g.AwardCriteria[1].Weight)},
		{"buyer.email", in.Buyer.Email, out.Buyer.Email},
		{"reviewBody.name", in.ReviewBody.Name, out.ReviewBody.Name},
		{"terms.documentsUrl", in.Terms.DocumentsURL, out.Terms.DocumentsURL},
		{"notice.dispatch", "2026-05-11T10:00:00+02:00", out.Metadata.Dispatch.Format("2006-01-02T15:04:05Z07:00")},
	}
	for _, ck := range checks {
		if ck.want != ck.got {
			t.Errorf("%s = %q, want %q", ck.name, ck.got, ck.want)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// supportedExample matches the SDK example notices of the supported
// subtypes, by their subtype code.
var subtypeRE = regexp.MustCompile(`<cbc:SubTypeCode listName="notice-subtype">([^<]+)</cbc:SubTypeCode>`)

// TestParseSDKExamples parses every example notice of SDK 1.15.1 whose
// subtype is supported (4, 7, 16, 20, 29, 33), the INVALID_ ones
// included (they are well-formed), and checks that the others are
// refused with ErrUnknownSubtype.
func TestParseSDKExamples(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "eforms-sdk", "1.15.1", "examples", "notices")
	files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no SDK example under %s: %v", dir, err)
	}
	supported := map[string]bool{"4": true, "7": true, "16": true, "20": true, "29": true, "33": true}
	parsed := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m := subtypeRE.FindSubmatch(data)
		name := filepath.Base(f)
		if m == nil {
			continue // the empty INVALID_ examples have no subtype
		}
		n, err := eforms.Parse(data)
		if !supported[string(m[1])] {
			if !errors.Is(err, eforms.ErrUnknownSubtype) && !errors.Is(err, eforms.ErrNotNotice) {
				t.Errorf("%s (subtype %s): err = %v, want ErrUnknownSubtype or ErrNotNotice", name, m[1], err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		parsed++
		if n.Metadata.Subtype.String() != string(m[1]) || n.Consultation.Title == "" {
			t.Errorf("%s: subtype %v, title %q", name, n.Metadata.Subtype, n.Consultation.Title)
		}
		if _, err := eforms.MarshalNotice(n); err != nil {
			t.Errorf("%s: MarshalNotice: %v", name, err)
		}
	}
	t.Logf("%d SDK examples of supported subtypes parsed", parsed)
	if parsed < 25 {
		t.Errorf("only %d examples parsed; the SDK 1.15.1 copy has more of the supported subtypes", parsed)
	}
}
