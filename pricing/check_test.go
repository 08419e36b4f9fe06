package pricing

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func TestCheckInvoice(t *testing.T) {
	s := Syntec()
	// Contract signed in 2021: S0 = June 2021 (old series) 275.7, revised
	// with October 2025 (revised series) 322.2: expected 10735.35 (see
	// TestReviseSeriesBreak).
	broken, err := ReviseWithSeries(MustEUR("9000"), s, MustMonth("2021-06"), MustMonth("2025-10"), RevisionConfig{})
	if err != nil {
		t.Fatal(err)
	}
	issue, _ := Revise(RevisionInput{Initial: MustEUR("9000"), Base: obs("300.5"), Current: obs("310.2")}, RevisionConfig{Rounding: mustRounding("4")})
	fixed, _ := Revise(RevisionInput{Initial: MustEUR("9000"), Base: obs("300.5"), Current: obs("310.2")},
		RevisionConfig{Formula: MustParseFormula("P = P0 x (0,15 + 0,85 x S/S0)"), Rounding: mustRounding("4")})
	month := func(m, v string) Observation { return Observation{Month: MustMonth(m), Value: dec(v)} }
	coef := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(dec(s)) }
	type finding struct{ Field, Cause string }
	tests := []struct {
		name     string
		expected Revision
		claim    Claim
		want     []finding
		diff     string
	}{
		{"correct invoice", broken, Claim{Base: month("2021-06", "275.7"), Current: month("2025-10", "322.2"), Revised: MustEUR("10735.35")}, nil, "0.00"},
		// 322.2 / 275.7 = 1.16866… → 1.1687; 9000 × 1.1687 = 10518.30.
		{"old S0 without the link", broken, Claim{Base: month("2021-06", "275.7"), Current: month("2025-10", "322.2"), Coefficient: coef("1.1687"), Revised: MustEUR("10518.30")},
			[]finding{{"coefficient", CauseMissingLink}, {"revised", CauseMissingLink}}, "-217.05"},
		// juristique.org's "value for old contracts": 322.2 × 0.97975 = 315.68 → 315.7;
		// 9000 × 315.7 / 275.7 = 10305.767 → 10305.77.
		{"link applied the wrong way", broken, Claim{Base: month("2021-06", "275.7"), Current: month("2025-10", "315.7"), Revised: MustEUR("10305.77")},
			[]finding{{"current.value", CauseInvertedLink}, {"revised", CauseInvertedLink}}, "-429.58"},
		// 321.7 is September 2025: 9000 × 321.7 / 270.117075 = 10718.69.
		{"previous month", broken, Claim{Current: Observation{Value: dec("321.7")}, Revised: MustEUR("10718.69")},
			[]finding{{"current.month", CauseWrongIndexMonth}, {"revised", CauseWrongIndexMonth}}, "-16.66"},
		{"month stated", broken, Claim{Current: month("2025-09", "321.7"), Revised: MustEUR("10718.69")},
			[]finding{{"current.month", CauseWrongIndexMonth}, {"revised", CauseWrongIndexMonth}}, "-16.66"},
		// Rounded up to the thousandth: 1.0322… → 1.033; 9000 × 1.033 = 9297.00.
		{"rounded up instead of half-up", issue, Claim{Coefficient: coef("1.033"), Revised: MustEUR("9297.00")},
			[]finding{{"coefficient", CauseCoefficientRounding}, {"revised", CauseCoefficientRounding}}, "6.30"},
		// Fixed part 0.15 left out: C = 1.0323 instead of 1.0274; 9000 × 1.0274 = 9246.60.
		{"missing fixed part", fixed, Claim{Coefficient: coef("1.0323"), Revised: MustEUR("9290.70")},
			[]finding{{"coefficient", CauseMissingFixedPart}, {"revised", CauseMissingFixedPart}}, "44.10"},
		// Right coefficient, 9000 × 1.0323 = 9290.70 typed as 9209.70.
		{"arithmetic", issue, Claim{Coefficient: coef("1.0323"), Revised: MustEUR("9209.70")},
			[]finding{{"revised", CauseAmountArithmetic}}, "-81.00"},
		{"other P0", issue, Claim{Initial: MustEUR("9100"), Coefficient: coef("1.0323"), Revised: MustEUR("9393.93")},
			[]finding{{"initial", CauseInitialPrice}, {"revised", CauseInitialPrice}}, "103.23"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := CheckInvoice(tt.expected, tt.claim, s)
			var got []finding
			for _, f := range rep.Findings {
				got = append(got, finding{f.Field, f.Cause})
				if f.MessageFR == "" || f.MessageEN == "" {
					t.Errorf("%s: empty message", f.Field)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if rep.Difference.Text() != tt.diff || rep.OK != (len(tt.want) == 0) {
				t.Errorf("difference %s ok %v", rep.Difference.Text(), rep.OK)
			}
			if _, err := json.Marshal(rep); err != nil {
				t.Error(err)
			}
		})
	}
}
