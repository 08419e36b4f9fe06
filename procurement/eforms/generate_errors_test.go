package eforms_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/procurement"
	"github.com/openmarches/marches/procurement/eforms"
	"github.com/shopspring/decimal"
)

func mustDate(t testing.TB, s string) calendar.Date {
	t.Helper()
	d, err := calendar.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// problems flattens a Generate error into "field rule" lines.
func problems(err error) []string {
	var out []string
	var walk func(error)
	walk = func(e error) {
		if m, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range m.Unwrap() {
				walk(x)
			}
			return
		}
		var fe *eforms.FieldError
		if errors.As(e, &fe) {
			out = append(out, fe.Field+" "+fe.Err.Error())
		} else {
			out = append(out, e.Error())
		}
	}
	walk(err)
	return out
}

// TestGenerateErrors mutates a valid notice one way at a time; each
// mutation is reported on the input field it concerns, with its rule.
func TestGenerateErrors(t *testing.T) {
	bad := "Titre\x01"
	tests := []struct {
		name   string
		base   string
		mutate func(n *eforms.Notice)
		field  string
		rule   error
	}{
		{"no subtype", "cn16_sample_two_lots", func(n *eforms.Notice) { n.Metadata.Subtype = 0 }, "notice.subtype", eforms.ErrRequired},
		{"unknown subtype", "cn16_sample_two_lots", func(n *eforms.Notice) { n.Metadata.Subtype = 99 }, "notice.subtype", eforms.ErrUnknownSubtype},
		{"notice id not a v4 UUID", "cn16_sample_two_lots", func(n *eforms.Notice) { n.Metadata.ID = "d29fd428-b3b2-5046-b025-6a3a51619c05" }, "notice.id", eforms.ErrUUID},
		{"procedure id", "cn16_sample_two_lots", func(n *eforms.Notice) { n.Metadata.ProcedureID = "2026-001" }, "notice.procedureId", eforms.ErrUUID},
		{"version 1", "cn16_sample_two_lots", func(n *eforms.Notice) { n.Metadata.Version = "1" }, "notice.version", eforms.ErrVersion},
		{"version 00", "cn16_sample_two_lots", func(n *eforms.Notice) { n.Metadata.Version = "00" }, "notice.version", eforms.ErrVersion},
		{"no dispatch", "cn16_sample_two_lots", func(n *eforms.Notice) { n.Metadata.Dispatch = time.Time{} }, "notice.dispatch", eforms.ErrRequired},
		{"dispatch offset with seconds", "cn16_sample_two_lots", func(n *eforms.Notice) {
			n.Metadata.Dispatch = n.Metadata.Dispatch.In(time.FixedZone("LMT", 561))
		}, "notice.dispatch", eforms.ErrDispatchOffset},
		{"language fr", "cn16_sample_two_lots", func(n *eforms.Notice) { n.Metadata.Language = "fr" }, "notice.language", eforms.ErrLanguage},
		{"control character in a lot title", "cn16_sample_two_lots", func(n *eforms.Notice) { n.Consultation.Lots[0].Title = bad }, "consultation.lots[0].title", eforms.ErrXMLChar},
		{"invalid UTF-8 in the description", "cn16_sample_two_lots", func(n *eforms.Notice) { n.Consultation.Description = "caf\xe9" }, "consultation.description", eforms.ErrXMLChar},
		{"U+FFFE in the guarantee", "cn16_sample_two_lots", func(n *eforms.Notice) { n.Terms.Guarantee = "5 %\uFFFE" }, "terms.guarantee", eforms.ErrXMLChar},
		{"control character in a lot override", "cn16_sample_two_lots", func(n *eforms.Notice) {
			n.Lots = []eforms.LotTerms{{Number: 2, Terms: eforms.Terms{Guarantee: bad}}}
		}, "lots[0].guarantee", eforms.ErrXMLChar},
		{"control character in the review body", "cn16_sample_two_lots", func(n *eforms.Notice) { n.ReviewBody.Address.City = bad }, "reviewBody.address.city", eforms.ErrXMLChar},
		{"control character in a criterion", "cn16_sample_two_lots", func(n *eforms.Notice) {
			n.Consultation.Lots[1].AwardCriteria[2].Name = bad
		}, "consultation.lots[1].awardCriteria[2].name", eforms.ErrXMLChar},
		{"no buyer e-mail", "cn16_sample_two_lots", func(n *eforms.Notice) { n.Buyer.Email = " " }, "buyer.email", eforms.ErrRequired},
		{"no review body", "cn16_sample_two_lots", func(n *eforms.Notice) { n.ReviewBody = eforms.Organization{} }, "reviewBody.name", eforms.ErrRequired},
		{"no documents URL", "cn16_sample_two_lots", func(n *eforms.Notice) { n.Terms.DocumentsURL = "" }, "terms.documentsUrl", eforms.ErrRequired},
		{"override of an unknown lot", "cn16_sample_two_lots", func(n *eforms.Notice) { n.Lots = []eforms.LotTerms{{Number: 3}} }, "lots[0].number", eforms.ErrUnknownLot},
		{"lot overridden twice", "cn16_sample_two_lots", func(n *eforms.Notice) {
			n.Lots = []eforms.LotTerms{{Number: 1, Terms: eforms.Terms{NUTS: "FR105"}}, {Number: 1, Terms: eforms.Terms{NUTS: "FR106"}}}
		}, "lots[1].number", eforms.ErrDuplicateLot},
		{"NUTS 1 as place of performance", "cn16_sample_two_lots", func(n *eforms.Notice) { n.Lots = []eforms.LotTerms{{Number: 1, Terms: eforms.Terms{NUTS: "FR1"}}} }, "lots[0].nuts", eforms.ErrNUTS},
		{"bad language code", "cn16_sample_two_lots", func(n *eforms.Notice) { n.Terms.Languages = []string{"FRA", "en"} }, "terms.languages[1]", eforms.ErrLanguage},
		{"code with spaces", "cn16_sample_two_lots", func(n *eforms.Notice) { n.Terms.EUFunds = "eu funds" }, "terms.euFunds", eforms.ErrCode},
		{"utilities buyer", "cn16_sample_two_lots", func(n *eforms.Notice) { n.Consultation.Buyer.Kind = procurement.BuyerUtility }, "consultation.buyer.kind", eforms.ErrUnsupportedBuyer},
		{"procedure without publicity", "cn16_sample_two_lots", func(n *eforms.Notice) { n.Consultation.Procedure = procurement.ProcedureNoPublicity }, "consultation.procedure", eforms.ErrUnsupportedProcedure},
		{"unknown territory", "cn16_sample_two_lots", func(n *eforms.Notice) { n.Consultation.Buyer.Territory = "20" }, "consultation.buyer.territory", eforms.ErrTerritory},
		{"open procedure without tender deadline", "cn16_sample_two_lots", func(n *eforms.Notice) { n.Consultation.TendersDeadline = time.Time{} }, "consultation.tendersDeadline", eforms.ErrDeadlineMissing},
		{"start after end", "cn16_sample_two_lots", func(n *eforms.Notice) {
			n.Terms.Start = mustDate(t, "2027-01-01")
			n.Terms.End = mustDate(t, "2026-12-31")
		}, "terms.start", eforms.ErrDateRange},
		{"changed notice without version", "cn16_change_corrigendum", func(n *eforms.Notice) { n.Metadata.Change.Notice = "618c6d5f-add7-48e7-b6d1-d610505e0362" }, "notice.change.notice", eforms.ErrChangedNotice},
		{"change without reason", "cn16_change_corrigendum", func(n *eforms.Notice) { n.Metadata.Change.Reason = "" }, "notice.change.reason", eforms.ErrRequired},
		{"social notice without BT-88", "cn20_social_services", func(n *eforms.Notice) { n.Procedure.Features = "" }, "procedure.features", eforms.ErrRequired},
		{"award without contract", "can29_sample_two_lots", func(n *eforms.Notice) { n.Results.Contracts = n.Results.Contracts[:1] }, "results.contracts", eforms.ErrRequired},
		{"contract without award", "can29_sample_two_lots", func(n *eforms.Notice) {
			n.Results.Contracts = append(n.Results.Contracts, eforms.Contract{Lot: 1, Tenderer: "pli-3", Signed: mustDate(t, "2026-07-21")})
		}, "results.contracts[2].tenderer", eforms.ErrContractWithoutAward},
		{"contract signed before the award", "can29_sample_two_lots", func(n *eforms.Notice) { n.Results.Contracts[0].Signed = mustDate(t, "2026-07-09") }, "results.contracts[0].signed", eforms.ErrDateRange},
		{"award to an unknown tenderer", "can29_sample_two_lots", func(n *eforms.Notice) { n.Consultation.Awards[0].Tenderer = "pli-9" }, "consultation.awards[0].tenderer", eforms.ErrUnknownTenderer},
		{"award and no-award on one lot", "can29_sample_two_lots", func(n *eforms.Notice) { n.Results.NoAward = []eforms.NoAward{{Lot: 2, Reason: "all-rej"}} }, "results.noAward[0].lot", eforms.ErrLotResult},
		{"lot without outcome", "can29_unsuccessful_lot", func(n *eforms.Notice) { n.Results.NoAward = nil }, "consultation.lots[2]", eforms.ErrLotResult},
		{"no tender received yet tenders listed", "can29_unsuccessful_lot", func(n *eforms.Notice) {
			n.Results.Tenders = append(n.Results.Tenders, eforms.Tender{Lot: 3, Tenderer: "pli-03"})
		}, "results.noAward[0].reason", eforms.ErrLotResult},
		{"winning tender with another amount", "can29_sample_two_lots", func(n *eforms.Notice) {
			n.Results.Tenders = append(n.Results.Tenders, eforms.Tender{Lot: 1, Tenderer: "pli-1", Amount: decimal.RequireFromString("184500.01")})
		}, "results.tenders[2].amount", eforms.ErrTenderAmount},
		{"tender listed twice", "can29_sample_two_lots", func(n *eforms.Notice) { n.Results.Tenders = append(n.Results.Tenders, n.Results.Tenders[0]) }, "results.tenders[2].tenderer", eforms.ErrDuplicateTender},
		{"tender amount in tenths of cents", "can29_sample_two_lots", func(n *eforms.Notice) { n.Results.Tenders[0].Amount = decimal.RequireFromString("191200.005") }, "results.tenders[0].amount", eforms.ErrAmount},
		{"tenderer without address", "can29_sample_two_lots", func(n *eforms.Notice) { n.Tenderers = n.Tenderers[1:] }, "tenderers", eforms.ErrRequired},
		{"details of an unknown tenderer", "can29_sample_two_lots", func(n *eforms.Notice) {
			n.Tenderers = append(n.Tenderers, eforms.TendererDetails{ID: "pli-9"})
		}, "tenderers[3].id", eforms.ErrUnknownTenderer},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := loadScenario(t, tt.base)
			tt.mutate(&n)
			_, err := eforms.Generate(n)
			if err == nil {
				t.Fatal("Generate accepted the notice")
			}
			if !errors.Is(err, tt.rule) {
				t.Fatalf("errors.Is(err, %v) = false; err: %v", tt.rule, err)
			}
			want := tt.field + " " + tt.rule.Error()
			got := problems(err)
			found := false
			for _, p := range got {
				if p == want {
					found = true
				}
			}
			if !found {
				t.Errorf("problem %q not reported; got:\n%s", want, strings.Join(got, "\n"))
			}
		})
	}
}

// TestGenerateReportsAll: independent problems are all reported, sorted
// by field.
func TestGenerateReportsAll(t *testing.T) {
	n := loadScenario(t, "cn16_sample_two_lots")
	n.Metadata.Version = "100"
	n.Buyer.Telephone = ""
	n.Consultation.Lots[1].Title = "\x00"
	_, err := eforms.Generate(n)
	got := problems(err)
	want := []string{
		"buyer.telephone " + eforms.ErrRequired.Error(),
		"consultation.lots[1].title " + eforms.ErrXMLChar.Error(),
		"notice.version " + eforms.ErrVersion.Error(),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// TestGenerateDoesNotModifyInput: the notice given to Generate is the same
// afterwards (compared through its JSON form).
func TestGenerateDoesNotModifyInput(t *testing.T) {
	for _, name := range []string{"cn16_five_lots", "can29_unsuccessful_lot"} {
		n := loadScenario(t, name)
		before, err := eforms.MarshalNotice(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := eforms.Generate(n); err != nil {
			t.Fatal(err)
		}
		after, _ := eforms.MarshalNotice(n)
		if diff := cmp.Diff(string(before), string(after)); diff != "" {
			t.Errorf("%s: input changed (-before +after):\n%s", name, diff)
		}
	}
}

// TestEscaping: markup characters in texts are escaped and come back
// unchanged through Parse; carriage returns survive as &#xD;.
func TestEscaping(t *testing.T) {
	n := loadScenario(t, "cn16_open_single_lot")
	title := `Travaux <urgents> & "rapides" d'été ]]> fin`
	desc := "ligne 1\r\nligne 2\ttabulée"
	n.Consultation.Title = title
	n.Consultation.Description = desc
	out, err := eforms.Generate(n)
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{`Travaux &lt;urgents&gt; &amp; "rapides" d'été ]]&gt; fin`, "ligne 1&#xD;\nligne 2\ttabulée"} {
		if !strings.Contains(s, want) {
			t.Errorf("notice lacks %q", want)
		}
	}
	if strings.Contains(s, "<urgents>") {
		t.Error("markup of a text reached the notice unescaped")
	}
	back, err := eforms.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if back.Consultation.Title != title || back.Consultation.Description != desc {
		t.Errorf("Parse gave %q / %q", back.Consultation.Title, back.Consultation.Description)
	}
}
