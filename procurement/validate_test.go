package procurement

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
	"github.com/shopspring/decimal"
)

var modelCEST = time.FixedZone("", 2*60*60) // Paris summer time, UTC+2

func modelEUR(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// validConsultation returns a fresh valid consultation with 2 lots, the Go twin of
// testdata/sample_consultation.json without tenderers' SME flags. Values:
// lot 1 = 90000 + 20000 options + 90000 renewals; lot 2 = 48000 + 48000
// renewals; consultation = 138000 + 20000 + 138000 (the lot sums).
func validConsultation() Consultation {
	return Consultation{
		Reference: "2026-SIPAN-AOO-003",
		Title:     "Maintenance et hébergement de la plateforme de dématérialisation",
		Buyer: Buyer{
			Name:      "Syndicat intercommunal Paris Achats Numériques",
			SIRET:     "24750052300011", // Luhn, doubling every second digit from the right: 4+4+5+5+0+0+1+2+6+0+0+0+2+1 = 30
			Kind:      BuyerLocalAuthority,
			Address:   Address{Street: "12 rue de l'Hôtel de Ville", PostalCode: "75004", City: "Paris", NUTS: "FR101"},
			Territory: "75",
		},
		Nature:         Services,
		Procedure:      ProcedureOpen,
		CPV:            "72000000-5",
		AdditionalCPV:  []string{"72260000-5", "48000000-8"},
		EstimatedValue: modelEUR("138000.00"),
		OptionsValue:   modelEUR("20000.00"),
		RenewalsValue:  modelEUR("138000.00"),
		DurationMonths: 24,
		Renewals:       Renewals{Count: 2, Months: 12},
		Lots: []Lot{
			{Number: 1, Title: "Maintenance", CPV: "72267000-4", EstimatedValue: modelEUR("90000.00"), OptionsValue: modelEUR("20000.00"), RenewalsValue: modelEUR("90000.00")},
			{Number: 2, Title: "Hébergement", CPV: "72415000-2", EstimatedValue: modelEUR("48000.00"), RenewalsValue: modelEUR("48000.00"),
				AwardCriteria: []AwardCriterion{{"Prix", CriterionPrice, 40}, {"Valeur technique", CriterionQuality, 50}, {"Environnement", CriterionQuality, 10}}},
		},
		AwardCriteria:      []AwardCriterion{{"Prix", CriterionPrice, 40}, {"Valeur technique", CriterionQuality, 60}},
		NoticeDispatch:     calendar.MustDate(2026, time.May, 11),
		TendersDeadline:    time.Date(2026, time.June, 15, 12, 0, 0, 0, modelCEST),
		TenderValidityDays: 120,
		Tenderers: []Tenderer{
			{ID: "pli-1", Name: "Dematis Solutions SAS", SIRET: "84312345600017"},
			{ID: "pli-2", Name: "HébergeSûr SARL", SIRET: "79845612500011", SME: true},
		},
		Awards: []Award{
			{Lot: 1, Tenderer: "pli-1", Amount: modelEUR("184500.00"), Date: calendar.MustDate(2026, time.July, 10)},
			{Lot: 2, Tenderer: "pli-2", Amount: modelEUR("89280.00"), Date: calendar.MustDate(2026, time.July, 10)},
		},
	}
}

// validConsultationNoLots returns a fresh valid consultation without lots: 120000 HT
// firm, no options, no renewals, a single price criterion.
func validConsultationNoLots() Consultation {
	c := validConsultation()
	c.Nature = Supplies
	c.Procedure = ProcedureAdapted
	c.EstimatedValue, c.OptionsValue, c.RenewalsValue = modelEUR("120000.00"), decimal.Decimal{}, decimal.Decimal{}
	c.Renewals = Renewals{}
	c.Lots = nil
	c.AwardCriteria = []AwardCriterion{{"Prix", CriterionPrice, 100}}
	c.Awards = []Award{{Tenderer: "pli-1", Amount: modelEUR("112345.60"), Date: calendar.MustDate(2026, time.July, 1)}}
	return c
}

type modelProblem struct{ Path, Rule string }

func modelProblems(t *testing.T, err error) []modelProblem {
	t.Helper()
	if err == nil {
		return nil
	}
	var out []modelProblem
	for _, e := range modelFlatten(err) {
		var fe *FieldError
		if !errors.As(e, &fe) {
			t.Fatalf("problem %v is not a *FieldError", e)
		}
		out = append(out, modelProblem{fe.Field, fielderr.RuleCode(fe)})
	}
	return out
}

func modelFlatten(err error) []error {
	if m, ok := err.(interface{ Unwrap() []error }); ok {
		return m.Unwrap()
	}
	return []error{err}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		base   func() Consultation
		mutate func(c *Consultation)
		want   []modelProblem
		rules  []error // each must be found with errors.Is
		reason string
	}{
		{name: "valid with lots", base: validConsultation, mutate: func(*Consultation) {},
			reason: "sums: 90000+48000 = 138000, 20000+0 = 20000, 90000+48000 = 138000; weights 40+60 and 40+50+10 = 100"},
		{name: "valid without lots", base: validConsultationNoLots, mutate: func(*Consultation) {}},
		{name: "required strings", base: validConsultation, mutate: func(c *Consultation) { c.Reference, c.Title = "", "" },
			want: []modelProblem{{"reference", "required"}, {"title", "required"}}},
		{name: "zero buyer", base: validConsultation, mutate: func(c *Consultation) { c.Buyer = Buyer{} },
			want: []modelProblem{{"buyer.address.city", "required"}, {"buyer.address.nuts", "required"}, {"buyer.address.postalCode", "required"},
				{"buyer.kind", "required"}, {"buyer.name", "required"}, {"buyer.siret", "required"}, {"buyer.territory", "required"}},
			reason: "every buyer field but the street is required"},
		{name: "SIRET with separator spaces", base: validConsultation, mutate: func(c *Consultation) { c.Buyer.SIRET = "247 500 523 00011" },
			reason: "ParseSIRET ignores separator spaces"},
		{name: "SIRET last digit changed", base: validConsultation, mutate: func(c *Consultation) { c.Buyer.SIRET = "24750052300012" },
			want: []modelProblem{{"buyer.siret", "siret_checksum"}}, rules: []error{ErrSIRETChecksum},
			reason: "the last digit counts as is: the Luhn sum becomes 31, not a multiple of 10"},
		{name: "La Poste SIRET", base: validConsultation, mutate: func(c *Consultation) { c.Buyer.SIRET = "35600000049837" },
			reason: "fails Luhn but digit sum 3+5+6+4+9+8+3+7 = 45 is a multiple of 5 (procurement-facts §6.2)"},
		{name: "unknown buyer kind", base: validConsultation, mutate: func(c *Consultation) { c.Buyer.Kind = 99 },
			want: []modelProblem{{"buyer.kind", "unknown_buyer_kind"}}, rules: []error{ErrUnknownBuyerKind}},
		{name: "postal code of 4 digits", base: validConsultation, mutate: func(c *Consultation) { c.Buyer.Address.PostalCode = "7504" },
			want: []modelProblem{{"buyer.address.postalCode", "postal_code"}}, rules: []error{ErrPostalCode}},
		{name: "postal code with a letter O", base: validConsultation, mutate: func(c *Consultation) { c.Buyer.Address.PostalCode = "75O04" },
			want: []modelProblem{{"buyer.address.postalCode", "postal_code"}}},
		{name: "Belgian NUTS", base: validConsultation, mutate: func(c *Consultation) { c.Buyer.Address.NUTS = "BE100" },
			want: []modelProblem{{"buyer.address.nuts", "nuts_not_french"}}, rules: []error{ErrNUTSNotFrench}},
		{name: "NUTS too long", base: validConsultation, mutate: func(c *Consultation) { c.Buyer.Address.NUTS = "FR1011" },
			want: []modelProblem{{"buyer.address.nuts", "nuts_format"}}, rules: []error{ErrNUTSFormat}},
		{name: "territory 20 does not exist", base: validConsultation, mutate: func(c *Consultation) { c.Buyer.Territory = "20" },
			want: []modelProblem{{"buyer.territory", "unknown_territory"}}, rules: []error{calendar.ErrUnknownTerritory},
			reason: "Corsica is 2A and 2B since 1976"},
		{name: "nature and procedure unset", base: validConsultation, mutate: func(c *Consultation) { c.Nature, c.Procedure = 0, 0 },
			want: []modelProblem{{"nature", "required"}, {"procedure", "required"}}},
		{name: "nature and procedure unknown", base: validConsultation, mutate: func(c *Consultation) { c.Nature, c.Procedure = 9, 42 },
			want: []modelProblem{{"nature", "unknown_nature"}, {"procedure", "unknown_procedure"}}},
		{name: "main CPV missing", base: validConsultation, mutate: func(c *Consultation) { c.CPV = "" },
			want: []modelProblem{{"cpv", "required"}}},
		{name: "main CPV check digit", base: validConsultation, mutate: func(c *Consultation) { c.CPV = "72000000-4" },
			want: []modelProblem{{"cpv", "cpv_checksum"}}, rules: []error{ErrCPVChecksum}},
		{name: "additional CPV repeats the main one", base: validConsultation, mutate: func(c *Consultation) { c.AdditionalCPV = []string{"72000000-5", "48000000-8"} },
			want: []modelProblem{{"additionalCpv[0]", "cpv_duplicate"}}, rules: []error{ErrCPVDuplicate}},
		{name: "additional CPV twice, later one flagged", base: validConsultation, mutate: func(c *Consultation) {
			c.AdditionalCPV = []string{"48000000-8", "72260000-5", "48000000-8"}
		}, want: []modelProblem{{"additionalCpv[2]", "cpv_duplicate"}}},
		{name: "additional CPV malformed", base: validConsultation, mutate: func(c *Consultation) { c.AdditionalCPV = []string{"7226000-5", ""} },
			want: []modelProblem{{"additionalCpv[0]", "cpv_format"}, {"additionalCpv[1]", "required"}}},
		{name: "estimated value negative", base: validConsultationNoLots, mutate: func(c *Consultation) { c.EstimatedValue = modelEUR("-1") },
			want: []modelProblem{{"estimatedValue", "amount_not_positive"}}, rules: []error{ErrAmountNotPositive}},
		{name: "estimated value zero is not given", base: validConsultationNoLots, mutate: func(c *Consultation) { c.EstimatedValue = modelEUR("0.00") },
			want: []modelProblem{{"estimatedValue", "required"}}},
		{name: "a tenth of a cent", base: validConsultationNoLots, mutate: func(c *Consultation) { c.EstimatedValue = modelEUR("100.005") },
			want: []modelProblem{{"estimatedValue", "amount_cents"}}, rules: []error{ErrAmountCents}},
		{name: "trailing zeros are exactModel cents", base: validConsultationNoLots, mutate: func(c *Consultation) { c.EstimatedValue = modelEUR("100.000") },
			reason: "100.000 = 10000 cents"},
		{name: "one cent", base: validConsultationNoLots, mutate: func(c *Consultation) { c.EstimatedValue = modelEUR("0.01") }},
		{name: "negative options and premiums", base: validConsultationNoLots, mutate: func(c *Consultation) {
			c.OptionsValue, c.PremiumsValue = modelEUR("-0.01"), modelEUR("-5")
		}, want: []modelProblem{{"optionsValue", "amount_negative"}, {"premiumsValue", "amount_negative"}}, rules: []error{ErrAmountNegative}},
		{name: "lots do not sum to the estimated value", base: validConsultation, mutate: func(c *Consultation) { c.EstimatedValue = modelEUR("138000.01") },
			want: []modelProblem{{"estimatedValue", "lots_value_mismatch"}}, rules: []error{ErrLotsValueMismatch},
			reason: "90000.00 + 48000.00 = 138000.00 ≠ 138000.01: equality to the cent"},
		{name: "options stated on a lot only", base: validConsultation, mutate: func(c *Consultation) { c.OptionsValue = decimal.Decimal{} },
			want: []modelProblem{{"optionsValue", "lots_value_mismatch"}}, reason: "lot 1 has 20000.00 of options"},
		{name: "a lot without estimated value", base: validConsultation, mutate: func(c *Consultation) {
			c.Lots[0].EstimatedValue = decimal.Decimal{}
			c.EstimatedValue = modelEUR("48000.00")
		}, want: []modelProblem{{"lots[0].estimatedValue", "required"}}, reason: "0 + 48000 = 48000 so the sum holds"},
		{name: "duration not given", base: validConsultationNoLots, mutate: func(c *Consultation) { c.DurationMonths = 0 },
			want: []modelProblem{{"durationMonths", "required"}}},
		{name: "duration negative", base: validConsultationNoLots, mutate: func(c *Consultation) { c.DurationMonths = -1 },
			want: []modelProblem{{"durationMonths", "duration_not_positive"}}, rules: []error{ErrDurationNotPositive}},
		{name: "negative renewal count", base: validConsultationNoLots, mutate: func(c *Consultation) { c.Renewals = Renewals{Count: -1} },
			want: []modelProblem{{"renewals.count", "renewal_count"}}, rules: []error{ErrRenewalCount}},
		{name: "renewals without length", base: validConsultationNoLots, mutate: func(c *Consultation) {
			c.Renewals = Renewals{Count: 2}
			c.RenewalsValue = modelEUR("240000.00")
		}, want: []modelProblem{{"renewals.months", "renewal_months"}}, rules: []error{ErrRenewalMonths}},
		{name: "length without renewals", base: validConsultationNoLots, mutate: func(c *Consultation) { c.Renewals = Renewals{Months: 12} },
			want: []modelProblem{{"renewals.months", "renewal_months"}}},
		{name: "renewals not valued", base: validConsultationNoLots, mutate: func(c *Consultation) { c.Renewals = Renewals{Count: 2, Months: 12} },
			want: []modelProblem{{"renewalsValue", "renewals_value"}}, rules: []error{ErrRenewalsValue},
			reason: "R2121-1: renewals count in the estimated value"},
		{name: "renewals valued but none provided for", base: validConsultationNoLots, mutate: func(c *Consultation) { c.RenewalsValue = modelEUR("1000.00") },
			want: []modelProblem{{"renewalsValue", "renewals_value"}}},
		{name: "lots valuing renewals that do not exist", base: validConsultation, mutate: func(c *Consultation) { c.Renewals = Renewals{} },
			want: []modelProblem{{"lots[0].renewalsValue", "renewals_value"}, {"lots[1].renewalsValue", "renewals_value"}, {"renewalsValue", "renewals_value"}}},
		{name: "lot numbers", base: validConsultation, mutate: func(c *Consultation) {
			c.Lots = append(c.Lots, Lot{Number: 2, Title: "Doublon", EstimatedValue: modelEUR("1.00")}, Lot{Number: -1, Title: "Négatif", EstimatedValue: modelEUR("1.00")}, Lot{Title: "Sans numéro", EstimatedValue: modelEUR("1.00")})
			c.EstimatedValue = modelEUR("138003.00")
		}, want: []modelProblem{{"lots[2].number", "lot_number_duplicate"}, {"lots[3].number", "lot_number"}, {"lots[4].number", "required"}},
			rules: []error{ErrLotNumberDuplicate, ErrLotNumber}, reason: "138000 + 3 × 1.00 = 138003.00 keeps the sum"},
		{name: "lot title and CPV", base: validConsultation, mutate: func(c *Consultation) { c.Lots[0].Title, c.Lots[0].CPV = "", "72267000-5" },
			want: []modelProblem{{"lots[0].cpv", "cpv_checksum"}, {"lots[0].title", "required"}}},
		{name: "weights 40 + 59", base: validConsultation, mutate: func(c *Consultation) { c.AwardCriteria[1].Weight = 59 },
			want: []modelProblem{{"awardCriteria", "criteria_weight_sum"}}, rules: []error{ErrCriteriaWeightSum}},
		{name: "no price criterion", base: validConsultation, mutate: func(c *Consultation) { c.AwardCriteria[0].Kind = CriterionQuality },
			want: []modelProblem{{"awardCriteria", "criteria_no_price"}}, rules: []error{ErrCriteriaNoPrice}, reason: "R2152-7 2°"},
		{name: "cost instead of price", base: validConsultation, mutate: func(c *Consultation) { c.AwardCriteria[0].Kind = CriterionCost },
			reason: "R2152-7: price or cost"},
		{name: "criterion fields", base: validConsultation, mutate: func(c *Consultation) {
			c.AwardCriteria = []AwardCriterion{{"", CriterionPrice, 0}, {"Qualité", 0, 101}, {"Délai", 7, 50}}
		}, want: []modelProblem{
			{"awardCriteria", "criteria_weight_sum"},
			{"awardCriteria[0].name", "required"}, {"awardCriteria[0].weight", "required"},
			{"awardCriteria[1].kind", "required"}, {"awardCriteria[1].weight", "criterion_weight"},
			{"awardCriteria[2].kind", "unknown_criterion_kind"},
		}, rules: []error{ErrCriterionWeight, ErrUnknownCriterionKind}, reason: "0 + 101 + 50 = 151"},
		{name: "no criteria without lots", base: validConsultationNoLots, mutate: func(c *Consultation) { c.AwardCriteria = nil },
			want: []modelProblem{{"awardCriteria", "criteria_missing"}}, rules: []error{ErrCriteriaMissing}},
		{name: "no consultation criteria, lot 2 has its own", base: validConsultation, mutate: func(c *Consultation) { c.AwardCriteria = nil },
			want: []modelProblem{{"lots[0].awardCriteria", "criteria_missing"}}},
		{name: "lot criteria checked too", base: validConsultation, mutate: func(c *Consultation) { c.Lots[1].AwardCriteria[2].Weight = 5 },
			want: []modelProblem{{"lots[1].awardCriteria", "criteria_weight_sum"}}, reason: "40 + 50 + 5 = 95"},
		{name: "applications due on the dispatch day", base: validConsultation, mutate: func(c *Consultation) {
			c.ApplicationsDeadline = time.Date(2026, time.May, 11, 23, 59, 0, 0, modelCEST)
		}, want: []modelProblem{{"applicationsDeadline", "applications_not_after_dispatch"}}, rules: []error{ErrApplicationsNotAfterDispatch}},
		{name: "applications due the next day at midnight", base: validConsultation, mutate: func(c *Consultation) {
			c.ApplicationsDeadline = time.Date(2026, time.May, 12, 0, 0, 0, 0, modelCEST)
		}},
		{name: "tenders due on the dispatch day", base: validConsultation, mutate: func(c *Consultation) {
			c.TendersDeadline = time.Date(2026, time.May, 11, 12, 0, 0, 0, modelCEST)
			c.Awards = nil
		}, want: []modelProblem{{"tendersDeadline", "tenders_not_after_dispatch"}}, rules: []error{ErrTendersNotAfterDispatch}},
		{name: "deadline date read on its own offset", base: validConsultation, mutate: func(c *Consultation) {
			c.TendersDeadline = time.Date(2026, time.May, 12, 0, 30, 0, 0, modelCEST) // 2026-05-11T22:30Z
		}, reason: "12 May on the +02:00 wall clock, although 11 May in UTC"},
		{name: "tenders one minute before applications", base: validConsultation, mutate: func(c *Consultation) {
			c.ApplicationsDeadline = c.TendersDeadline.Add(time.Minute)
		}, want: []modelProblem{{"tendersDeadline", "tenders_before_applications"}}, rules: []error{ErrTendersBeforeApplications}},
		{name: "tenders at the same instant as applications", base: validConsultation, mutate: func(c *Consultation) {
			c.ApplicationsDeadline = c.TendersDeadline.UTC()
		}, reason: "applications <= tenders; same instant in another zone"},
		{name: "both deadlines wrong", base: validConsultation, mutate: func(c *Consultation) {
			c.ApplicationsDeadline = time.Date(2026, time.May, 11, 18, 0, 0, 0, modelCEST)
			c.TendersDeadline = time.Date(2026, time.May, 10, 12, 0, 0, 0, modelCEST)
		}, want: []modelProblem{{"applicationsDeadline", "applications_not_after_dispatch"},
			{"tendersDeadline", "tenders_not_after_dispatch"}, {"tendersDeadline", "tenders_before_applications"}},
			reason: "sorted by path, then by rule message: \"...must fall after...\" < \"...must not be before...\""},
		{name: "tender validity", base: validConsultation, mutate: func(c *Consultation) { c.TenderValidityDays = -1 },
			want: []modelProblem{{"tenderValidityDays", "tender_validity"}}, rules: []error{ErrTenderValidity}},
		{name: "tender validity not given", base: validConsultation, mutate: func(c *Consultation) { c.TenderValidityDays = 0 }},
		{name: "tenderers", base: validConsultation, mutate: func(c *Consultation) {
			c.Tenderers = append(c.Tenderers, Tenderer{ID: "pli-1", Name: ""}, Tenderer{Name: "Sans id", SIRET: "123"}, Tenderer{ID: "pli-4", Name: "Étranger"})
		}, want: []modelProblem{{"tenderers[2].id", "tenderer_id_duplicate"}, {"tenderers[2].name", "required"},
			{"tenderers[3].id", "required"}, {"tenderers[3].siret", "siret_length"}},
			rules: []error{ErrTendererIDDuplicate, ErrSIRETLength}, reason: "a tenderer without SIRET (foreign) is valid"},
		{name: "awards with lots", base: validConsultation, mutate: func(c *Consultation) {
			c.Awards = []Award{
				{Tenderer: "pli-1", Amount: modelEUR("1.00"), Date: calendar.MustDate(2026, time.June, 15)},
				{Lot: 3, Tenderer: "pli-9", Amount: modelEUR("-1.00"), Date: calendar.MustDate(2026, time.June, 14)},
				{Lot: 1},
			}
		}, want: []modelProblem{
			{"awards[0].lot", "required"},
			{"awards[1].amount", "amount_not_positive"}, {"awards[1].date", "award_before_tenders"},
			{"awards[1].lot", "award_unknown_lot"}, {"awards[1].tenderer", "award_unknown_tenderer"},
			{"awards[2].amount", "required"}, {"awards[2].date", "required"}, {"awards[2].tenderer", "required"},
		}, rules: []error{ErrAwardUnknownLot, ErrAwardUnknownTenderer, ErrAwardBeforeTenders},
			reason: "an award on the deadline's day (15 June) is allowed, the day before is not"},
		{name: "award of a lot when there are none", base: validConsultationNoLots, mutate: func(c *Consultation) { c.Awards[0].Lot = 1 },
			want: []modelProblem{{"awards[0].lot", "award_unknown_lot"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.base()
			tt.mutate(&c)
			before := snapshotConsultation(t, c)
			err := c.Validate()
			if diff := cmp.Diff(tt.want, modelProblems(t, err)); diff != "" {
				t.Errorf("Validate problems mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
			for _, r := range tt.rules {
				if !errors.Is(err, r) {
					t.Errorf("errors.Is(err, %v) = false", r)
				}
			}
			if diff := cmp.Diff(before, c, exactModel); diff != "" {
				t.Errorf("Validate modified its receiver (-before +after):\n%s", diff)
			}
		})
	}
}

// snapshotConsultation returns a deep copy of c, to compare with c after a call.
func snapshotConsultation(t *testing.T, c Consultation) Consultation {
	t.Helper()
	c.AdditionalCPV = slices.Clone(c.AdditionalCPV)
	c.Lots = slices.Clone(c.Lots)
	for i := range c.Lots {
		c.Lots[i].AwardCriteria = slices.Clone(c.Lots[i].AwardCriteria)
	}
	c.AwardCriteria = slices.Clone(c.AwardCriteria)
	c.Tenderers = slices.Clone(c.Tenderers)
	c.Awards = slices.Clone(c.Awards)
	return c
}

// exactModel compares consultations field by field, decimals with their scale
// ("1.0" differs from "1.00") and times with their offset.
var exactModel = cmp.Options{
	cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) && a.Exponent() == b.Exponent() }),
	cmp.Comparer(func(a, b calendar.Date) bool { return a == b }),
	cmp.Comparer(func(a, b time.Time) bool {
		_, oa := a.Zone()
		_, ob := b.Zone()
		return a.Equal(b) && oa == ob
	}),
}

func TestValidateFieldErrorShape(t *testing.T) {
	c := validConsultationNoLots()
	c.Buyer.SIRET = "24750052300012"
	c.EstimatedValue = modelEUR("48000.001")
	err := c.Validate()
	var l fielderr.List
	if !errors.As(err, &l) || len(l) != 2 {
		t.Fatalf("Validate = %#v, want a fielderr.List of 2", err)
	}
	want := []FieldError{
		{Field: "buyer.siret", Value: "24750052300012", Err: ErrSIRETChecksum},
		{Field: "estimatedValue", Value: "48000.001", Err: ErrAmountCents},
	}
	for i, w := range want {
		if l[i].Field != w.Field || l[i].Value != w.Value || l[i].Err != w.Err {
			t.Errorf("problem %d = %+v, want %+v", i, *l[i], w)
		}
	}
	// The message names the path, the value and the rule.
	if got, want := l[1].Error(), `estimatedValue "48000.001": procurement: amount must have at most 2 decimal places (euro cents)`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
