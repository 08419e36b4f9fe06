package pricing

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func obs(v string) []Observation { return []Observation{{Value: dec(v)}} }

func null(s string) decimal.NullDecimal { return decimal.NewNullDecimal(dec(s)) }

func mustRounding(s string) CoefficientRounding {
	r, err := ParseCoefficientRounding(s)
	if err != nil {
		panic(err)
	}
	return r
}

func TestRevise(t *testing.T) {
	fixed15 := MustParseFormula("P = P0 x (0,15 + 0,85 x S/S0)")
	tests := []struct {
		name          string
		initial       string
		base, current string
		cfg           RevisionConfig
		wantRaw       string // raw coefficient to 10 places
		wantCoef      string
		wantRevised   string
	}{
		// Issue #5 CLI example: 310.2 / 300.5 = 1.03227953…, rounded to 4
		// places 1.0323; 9000 × 1.0323 = 9290.70.
		{"issue example, 4 places", "9000", "300.5", "310.2", RevisionConfig{Rounding: mustRounding("4")}, "1.0322795341", "1.0323", "9290.70"},
		// Unrounded: 9000 × 310.2 / 300.5 = 2791800 / 300.5 = 9290.5158… → 9290.52.
		{"issue example, exact ratio", "9000", "300.5", "310.2", RevisionConfig{}, "1.0322795341", "1.0322795341", "9290.52"},
		// Published worked example (forumterritorial.org t=40302):
		// 0.15 + 0.85 × 130.5 / 121.2 = 0.15 + 0.85 × 1.07673267… = 1.065222772 → "1.065223" at 6 places.
		{"forum example, 6 places", "1000", "121.2", "130.5", RevisionConfig{Formula: fixed15, Rounding: mustRounding("6")}, "1.0652227723", "1.065223", "1065.22"},
		// Same, "arrondi au millième supérieur": 1.0652… → 1.066, P = 1066.00.
		{"forum example, up-thousandth", "1000", "121.2", "130.5", RevisionConfig{Formula: fixed15, Rounding: mustRounding("up-thousandth")}, "1.0652227723", "1.066", "1066.00"},
		{"forum example, 3 places half-up", "1000", "121.2", "130.5", RevisionConfig{Formula: fixed15, Rounding: mustRounding("3")}, "1.0652227723", "1.065", "1065.00"},
		{"forum example, down-3", "1000", "121.2", "130.5", RevisionConfig{Formula: fixed15, Rounding: mustRounding("down-3")}, "1.0652227723", "1.065", "1065.00"},
		// Fixed part 0.15 with the indices: 0.15 + 0.85 × 1.032279534 = 1.027437604; × 9000 = 9246.9384 → 9246.94.
		{"fixed part", "9000", "300.5", "310.2", RevisionConfig{Formula: fixed15}, "1.0274376040", "1.0274376040", "9246.94"},
		// Tunnel ±3 %: |1.0274 − 1| = 2.74 % ≤ 3 % → no revision.
		{"inside the tunnel", "9000", "300.5", "310.2", RevisionConfig{Formula: fixed15, Tunnel: null("3")}, "1.0274376040", "1", "9000.00"},
		{"outside the tunnel", "9000", "300.5", "310.2", RevisionConfig{Formula: fixed15, Tunnel: null("2")}, "1.0274376040", "1.0274376040", "9246.94"},
		// Downward: 300.5 / 310.2 = 0.96873; 9000 × 300.5 / 310.2 = 8718.5687 → 8718.57.
		{"downward applies", "9000", "310.2", "300.5", RevisionConfig{}, "0.9687298517", "0.9687298517", "8718.57"},
		{"downward excluded", "9000", "310.2", "300.5", RevisionConfig{NoDownward: true}, "0.9687298517", "1", "9000.00"},
		// Clause butoir: cap 1.02 → 9000 × 1.02 = 9180; floor 1.05 → 9450.
		{"cap", "9000", "300.5", "310.2", RevisionConfig{Rounding: mustRounding("4"), Cap: null("1.02")}, "1.0322795341", "1.02", "9180.00"},
		{"floor", "9000", "300.5", "310.2", RevisionConfig{Floor: null("1.05")}, "1.0322795341", "1.05", "9450.00"},
		// P = 2.01 × 1/2 = 1.005: the amount rounding decides.
		{"amount half-up", "2.01", "2", "1", RevisionConfig{}, "0.5", "0.5", "1.01"},
		{"amount half-even", "2.01", "2", "1", RevisionConfig{AmountRounding: RoundHalfEven}, "0.5", "0.5", "1.00"},
		{"amount down", "2.01", "2", "1", RevisionConfig{AmountRounding: RoundDown}, "0.5", "0.5", "1.00"},
		// Exact ratio that is a short decimal: 9000 × 330 / 300 = 9900.
		{"exact short ratio", "9000", "300", "330", RevisionConfig{}, "1.1", "1.1", "9900.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Revise(RevisionInput{Initial: MustEUR(tt.initial), Base: obs(tt.base), Current: obs(tt.current)}, tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			if got := decText(r.RawCoefficient, 0); got != tt.wantRaw {
				t.Errorf("raw = %s, want %s", got, tt.wantRaw)
			}
			if !r.Coefficient.Equal(dec(tt.wantCoef)) {
				t.Errorf("coefficient = %s, want %s", decText(r.Coefficient, 0), tt.wantCoef)
			}
			if r.Revised.Text() != tt.wantRevised {
				t.Errorf("revised = %s, want %s", r.Revised.Text(), tt.wantRevised)
			}
		})
	}
}

func TestReviseSafeguard(t *testing.T) {
	for _, tt := range []struct {
		threshold string
		triggered bool
	}{{"3", true}, {"3.23", false}, {"5", false}} {
		// C = 1.0323: variation +3.23 %.
		r, err := Revise(RevisionInput{Initial: MustEUR("9000"), Base: obs("300.5"), Current: obs("310.2")},
			RevisionConfig{Rounding: mustRounding("4"), Safeguard: null(tt.threshold)})
		if err != nil {
			t.Fatal(err)
		}
		if r.Safeguard == nil || r.Safeguard.Triggered != tt.triggered || !r.Safeguard.Variation.Equal(dec("3.23")) {
			t.Errorf("threshold %s: %+v", tt.threshold, r.Safeguard)
		}
		if r.Revised.Text() != "9290.70" {
			t.Errorf("the safeguard must not change the price: %s", r.Revised.Text())
		}
	}
}

// TestReviseSeriesBreak: a contract whose S0 is in the old Syntec series
// (June 2021, 275.7) revised with October 2025 (revised series, 322.2).
func TestReviseSeriesBreak(t *testing.T) {
	r, err := ReviseWithSeries(MustEUR("9000"), Syntec(), MustMonth("2021-06"), MustMonth("2025-10"), RevisionConfig{})
	if err != nil {
		t.Fatal(err)
	}
	term := r.Terms[0]
	// 275.7 × 0.97975 = 270.117075 (exact product).
	if term.Link == nil || term.Link.Side != "base" || !term.BaseAdjusted.Equal(dec("270.117075")) {
		t.Fatalf("link = %+v, base adjusted %s", term.Link, term.BaseAdjusted)
	}
	// 9000 × 322.2 / 270.117075 = 10735.34503… → 10735.35.
	if r.Revised.Text() != "10735.35" || decText(r.RawCoefficient, 0) != "1.1928161150" {
		t.Errorf("revised %s, raw %s", r.Revised.Text(), decText(r.RawCoefficient, 0))
	}
	fr := strings.Join(r.Explain(French), "\n")
	for _, want := range []string{"S0 = 275,7 (syntec, juin 2021, ancienne série", "275,7 × 0,97975", "= 270,117075", "322,2 / 270,117075", "10\u202f735,35\u00a0€"} {
		if !strings.Contains(fr, want) {
			t.Errorf("French explanation lacks %q:\n%s", want, fr)
		}
	}
	en := strings.Join(r.Explain(English), "\n")
	for _, want := range []string{"S0 = 275.7 (syntec, June 2021, old series", "link coefficient", "€10,735.35"} {
		if !strings.Contains(en, want) {
			t.Errorf("English explanation lacks %q:\n%s", want, en)
		}
	}
	// Both values in the revised series: no link.
	r2, err := ReviseWithSeries(MustEUR("9000"), Syntec(), MustMonth("2022-08"), MustMonth("2025-10"), RevisionConfig{})
	if err != nil || r2.Terms[0].Link != nil {
		t.Fatalf("same base: %v %+v", err, r2.Terms)
	}
	// 9000 × 322.2 / 280.6 = 10334.2836… → 10334.28.
	if r2.Revised.Text() != "10334.28" {
		t.Errorf("revised = %s", r2.Revised.Text())
	}
}

func TestReviseMultiIndex(t *testing.T) {
	f := MustParseFormula("P = P0 × (0,125 + 0,525 × A/A0 + 0,35 × B/B0)")
	// C = 0.125 + 0.525 × 110/100 + 0.35 × 190/200 = 0.125 + 0.5775 + 0.3325 = 1.035.
	r, err := Revise(RevisionInput{Initial: MustEUR("1000"),
		Base:    []Observation{{Index: "A", Value: dec("100")}, {Index: "B", Value: dec("200")}},
		Current: []Observation{{Index: "B", Value: dec("190")}, {Index: "A", Value: dec("110")}}}, RevisionConfig{Formula: f})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Coefficient.Equal(dec("1.035")) || r.Revised.Text() != "1035.00" {
		t.Errorf("C = %s, P = %s", r.Coefficient, r.Revised.Text())
	}
	if !strings.Contains(strings.Join(r.Explain(French), "\n"), "0,125 + 0,525 × 110 / 100 + 0,35 × 190 / 200") {
		t.Errorf("explanation: %q", r.Explain(French))
	}
}

func TestReviseErrors(t *testing.T) {
	f2 := MustParseFormula("P = P0 × (0,5 × A/A0 + 0,5 × B/B0)")
	tests := []struct {
		name string
		in   RevisionInput
		cfg  RevisionConfig
		want []error
	}{
		{"missing index", RevisionInput{Initial: MustEUR("1"), Base: []Observation{{Index: "A", Value: dec("1")}}, Current: []Observation{{Index: "A", Value: dec("1")}}},
			RevisionConfig{Formula: f2}, []error{ErrMissingIndex}},
		{"negative initial and zero base", RevisionInput{Initial: MustEUR("-1"), Base: obs("0"), Current: obs("1")}, RevisionConfig{},
			[]error{ErrNegativeAmount, ErrIndexNotPositive}},
		{"months reversed", RevisionInput{Initial: MustEUR("1"), Base: []Observation{{Value: dec("1"), Month: MustMonth("2025-01")}}, Current: []Observation{{Value: dec("1"), Month: MustMonth("2024-01")}}},
			RevisionConfig{}, []error{ErrMonthOrder}},
		{"bases without link", RevisionInput{Initial: MustEUR("1"), Base: []Observation{{Value: dec("1"), Base: "old"}}, Current: []Observation{{Value: dec("1"), Base: "revised"}}},
			RevisionConfig{}, []error{ErrNoLink}},
		{"bad clauses", RevisionInput{Initial: MustEUR("1"), Base: obs("1"), Current: obs("1")},
			RevisionConfig{Floor: null("1.1"), Cap: null("1"), Tunnel: null("-1"), Safeguard: null("-2")}, []error{ErrInvalidCoefficientBound, ErrInvalidPercent}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Revise(tt.in, tt.cfg)
			for _, w := range tt.want {
				if !errors.Is(err, w) {
					t.Errorf("err = %v, want %v", err, w)
				}
			}
		})
	}
	_, err := ReviseWithSeries(MustEUR("1"), Syntec(), MustMonth("2022-03"), MustMonth("2026-01"), RevisionConfig{})
	var fe *FieldError
	if !errors.Is(err, ErrMissingMonth) || !errors.As(err, &fe) || fe.Field != "base_month" {
		t.Errorf("missing months err = %v", err)
	}
	if len(flattenErr(err)) != 2 {
		t.Errorf("both missing months should be reported: %v", err)
	}
}

func flattenErr(err error) []error {
	if m, ok := err.(interface{ Unwrap() []error }); ok {
		return m.Unwrap()
	}
	return []error{err}
}

func TestCoefficientRoundingText(t *testing.T) {
	for in, want := range map[string]string{"": "none", "none": "none", "4": "4", "half-up-4": "4", "half-even-2": "half-even-2", "up-thousandth": "up-3", "down-3": "down-3", "0": "0", "12": "12"} {
		r, err := ParseCoefficientRounding(in)
		if err != nil || r.String() != want {
			t.Errorf("%q → %v, %v; want %s", in, r, err, want)
		}
	}
	for _, bad := range []string{"13", "-1", "up", "4.5", "up-", "thousandth", "001"} {
		if _, err := ParseCoefficientRounding(bad); !errors.Is(err, ErrInvalidRounding) {
			t.Errorf("%q err = %v", bad, err)
		}
	}
}
