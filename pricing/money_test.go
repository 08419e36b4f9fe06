package pricing

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

var dec = decimal.RequireFromString

func TestNewAmount(t *testing.T) {
	tests := []struct {
		in      string
		want    string // Text()
		wantErr error
	}{
		{"9290.70", "9290.70", nil},
		{"9290.7", "9290.70", nil}, // Text shows at least the currency's 2 places
		{"-12", "-12.00", nil},
		{"+0.5", "0.50", nil},
		{".5", "0.50", nil},
		{"1.23456", "1.23456", nil}, // never rounded
		{"1e3", "", ErrInvalidAmount},
		{"9 290,70", "", ErrInvalidAmount},
		{"9290,70", "", ErrInvalidAmount},
		{"12 €", "", ErrInvalidAmount},
		{"", "", ErrInvalidAmount},
		{"-", "", ErrInvalidAmount},
		{"1.2.3", "", ErrInvalidAmount},
		{"NaN", "", ErrInvalidAmount},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			a, err := NewAmount(tt.in, EUR)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err == nil && a.Text() != tt.want {
				t.Errorf("Text() = %q, want %q", a.Text(), tt.want)
			}
		})
	}
}

func TestCurrency(t *testing.T) {
	if c, err := ParseCurrency("eur"); err != nil || c != EUR || c.Code() != "EUR" || c.Digits() != 2 {
		t.Errorf("ParseCurrency(eur) = %v, %v", c, err)
	}
	// XPF (franc CFP, Polynésie, Nouvelle-Calédonie) has no minor unit in
	// CLDR/ISO 4217; JPY neither.
	for _, code := range []string{"XPF", "JPY"} {
		if c := MustCurrency(code); c.Digits() != 0 {
			t.Errorf("%s digits = %d, want 0", code, c.Digits())
		}
	}
	for _, bad := range []string{"", "EU", "EURO", "ZZZ", "€"} {
		if _, err := ParseCurrency(bad); !errors.Is(err, ErrUnknownCurrency) {
			t.Errorf("ParseCurrency(%q) err = %v", bad, err)
		}
	}
	if _, err := MustEUR("1").Add(AmountOf(one, MustCurrency("USD"))); !errors.Is(err, ErrCurrencyMismatch) {
		t.Errorf("EUR + USD err = %v", err)
	}
}

func TestRoundingModes(t *testing.T) {
	// Hand-rounded to 2 places.
	tests := []struct {
		in                       string
		halfUp, halfEven, up, dn string
	}{
		{"2.345", "2.35", "2.34", "2.35", "2.34"},
		{"2.355", "2.36", "2.36", "2.36", "2.35"},
		{"-2.345", "-2.35", "-2.34", "-2.34", "-2.35"},
		{"2.3449", "2.34", "2.34", "2.35", "2.34"},
		{"2.3", "2.30", "2.30", "2.30", "2.30"},
	}
	for _, tt := range tests {
		a := MustEUR(tt.in)
		got := []string{a.Round(RoundHalfUp).Text(), a.Round(RoundHalfEven).Text(), a.Round(RoundUp).Text(), a.Round(RoundDown).Text(), a.Round(0).Text()}
		want := []string{tt.halfUp, tt.halfEven, tt.up, tt.dn, tt.halfUp}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.in, diff)
		}
	}
	for _, s := range []string{"half-up", "half-even", "up", "down"} {
		m, err := ParseRoundingMode(s)
		if err != nil || m.String() != s {
			t.Errorf("ParseRoundingMode(%q) = %v, %v", s, m, err)
		}
	}
	if _, err := ParseRoundingMode("nearest"); !errors.Is(err, ErrInvalidRoundingMode) {
		t.Errorf("err = %v", err)
	}
}

// TestDivRound checks the exact rational rounding against hand results.
func TestDivRound(t *testing.T) {
	tests := []struct {
		num, den string
		places   int32
		mode     RoundingMode
		want     string
	}{
		{"2", "3", 2, RoundHalfUp, "0.67"},   // 0.6666…
		{"1", "8", 2, RoundHalfUp, "0.13"},   // 0.125, half away from zero
		{"1", "8", 2, RoundHalfEven, "0.12"}, // 0.125 → even 2
		{"3", "8", 2, RoundHalfEven, "0.38"}, // 0.375 → even 8
		{"-1", "8", 2, RoundHalfUp, "-0.13"}, // -0.125
		{"-1", "8", 2, RoundUp, "-0.12"},     // toward +∞
		{"-1", "8", 2, RoundDown, "-0.13"},   // toward −∞
		{"1", "-8", 2, RoundHalfUp, "-0.13"}, // negative denominator
		{"1065222772", "1000000000", 3, RoundUp, "1.066"},
		{"2791800", "300.5", 2, RoundHalfUp, "9290.52"}, // 9000 × 310.2 / 300.5 = 9290.5158…
		{"1", "3", 0, RoundUp, "1"},
		{"6", "3", 2, RoundUp, "2"}, // exact: no ulp added
	}
	for _, tt := range tests {
		got := divRound(dec(tt.num), dec(tt.den), tt.places, tt.mode)
		if !got.Equal(dec(tt.want)) {
			t.Errorf("%s/%s at %d %v = %s, want %s", tt.num, tt.den, tt.places, tt.mode, got, tt.want)
		}
	}
}

func TestVAT(t *testing.T) {
	tests := []struct {
		name           string
		ht, rate       string
		mode           RoundingMode
		wantTVA, wantT string
	}{
		// 6300 × 20 % = 1260 exactly.
		{"year 1 of the contract", "6300", "20", 0, "1260.00", "7560.00"},
		// 9232.09 × 0.2 = 1846.418 → 1846.42.
		{"year 2 of the contract", "9232.09", "20", 0, "1846.42", "11078.51"},
		// 123.45 × 0.021 = 2.59245 → 2.59 (2,1 % press rate).
		{"2.1 %", "123.45", "2.1", 0, "2.59", "126.04"},
		// 100 × 0.085 = 8.5 (DOM rate).
		{"8.5 %", "100", "8.5", 0, "8.50", "108.50"},
		// 0.25 × 0.1 = 0.025 → half-up 0.03, half-even 0.02.
		{"half-up", "0.25", "10", RoundHalfUp, "0.03", "0.28"},
		{"half-even", "0.25", "10", RoundHalfEven, "0.02", "0.27"},
		// HT itself rounded first: 10.005 → 10.01, × 0.2 = 2.002 → 2.00.
		{"HT rounded first", "10.005", "20", 0, "2.00", "12.01"},
		{"zero rate", "50", "0", 0, "0.00", "50.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := FromHT(MustEUR(tt.ht), dec(tt.rate), tt.mode)
			if err != nil {
				t.Fatal(err)
			}
			if b.TVA.Text() != tt.wantTVA || b.TTC.Text() != tt.wantT {
				t.Errorf("TVA %s TTC %s, want %s %s", b.TVA.Text(), b.TTC.Text(), tt.wantTVA, tt.wantT)
			}
			if sum, _ := b.HT.Add(b.TVA); !sum.Equal(b.TTC) {
				t.Errorf("HT + TVA = %s != TTC %s", sum.Text(), b.TTC.Text())
			}
		})
	}
	// FromTTC: 120 at 20 % → HT 100; 100 at 5.5 % → 100/1.055 = 94.7867… → 94.79, TVA 5.21.
	for _, tt := range []struct{ ttc, rate, ht, tva string }{{"120", "20", "100.00", "20.00"}, {"100", "5.5", "94.79", "5.21"}} {
		b, err := FromTTC(MustEUR(tt.ttc), dec(tt.rate), 0)
		if err != nil || b.HT.Text() != tt.ht || b.TVA.Text() != tt.tva || b.TTC.Text() != MustEUR(tt.ttc).Round(0).Text() {
			t.Errorf("FromTTC(%s, %s) = %+v, %v", tt.ttc, tt.rate, b, err)
		}
	}
	for _, bad := range []string{"-1", "100.01"} {
		if _, err := FromHT(MustEUR("1"), dec(bad), 0); !errors.Is(err, ErrInvalidVATRate) {
			t.Errorf("rate %s err = %v", bad, err)
		}
	}
	if r, err := ParseVATRate("8,5 %"); err != nil || !r.Equal(dec("8.5")) {
		t.Errorf("ParseVATRate = %v, %v", r, err)
	}
}

func TestAllocate(t *testing.T) {
	w := func(ws ...string) []decimal.Decimal {
		var out []decimal.Decimal
		for _, s := range ws {
			out = append(out, dec(s))
		}
		return out
	}
	tests := []struct {
		name    string
		total   string
		weights []decimal.Decimal
		want    []string
		wantErr error
	}{
		// 10000 cents / 3 = 3333 r1 each; the one cent left goes to the first (tie).
		{"thirds", "100.00", w("1", "1", "1"), []string{"33.34", "33.33", "33.33"}, nil},
		// 5 cents × 1/3 = 1 r2, × 2/3 = 3 r1: the left cent goes to the larger remainder (part 0).
		{"largest remainder", "0.05", w("1", "2"), []string{"0.02", "0.03"}, nil},
		// 9232.09 over 4 quarters: 923209 / 4 = 230802 r1 ×4, 1 cent left → first.
		{"quarters", "9232.09", w("1", "1", "1", "1"), []string{"2308.03", "2308.02", "2308.02", "2308.02"}, nil},
		// Negative totals are split as their absolute value.
		{"negative", "-100.00", w("1", "1", "1"), []string{"-33.34", "-33.33", "-33.33"}, nil},
		// 181 and 365 days: 10000 × 181/546 = 3315.018 → 3315 r; × 365/546 = 6684.98 → 6684 r, left 1 → part 1 (.98 > .018).
		{"by days", "100.00", w("181", "365"), []string{"33.15", "66.85"}, nil},
		{"zero weight", "1.00", w("0", "1"), []string{"0.00", "1.00"}, nil},
		{"all zero", "1.00", w("0", "0"), nil, ErrInvalidWeights},
		{"negative weight", "1.00", w("-1", "2"), nil, ErrInvalidWeights},
		{"empty", "1.00", nil, nil, ErrInvalidWeights},
		{"not cents", "1.005", w("1"), nil, ErrNotWholeMinorUnits},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snapshot := append([]decimal.Decimal(nil), tt.weights...)
			parts, err := Allocate(MustEUR(tt.total), tt.weights)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(snapshot, tt.weights); diff != "" {
				t.Errorf("weights modified: %s", diff)
			}
			if err != nil {
				return
			}
			var got []string
			sum := MustEUR("0")
			for _, p := range parts {
				got = append(got, p.Text())
				sum, _ = sum.Add(p)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if !sum.Equal(MustEUR(tt.total)) {
				t.Errorf("parts sum to %s, want %s", sum.Text(), tt.total)
			}
		})
	}
	if parts, err := Split(AmountOf(dec("1000"), MustCurrency("XPF")), 3); err != nil || parts[0].Text() != "334" || parts[2].Text() != "333" {
		t.Errorf("Split XPF = %v, %v", parts, err)
	}
}

func TestAmountJSON(t *testing.T) {
	b, err := json.Marshal(struct{ A Amount }{MustEUR("9290.7")})
	if err != nil || string(b) != `{"A":"9290.70"}` {
		t.Errorf("marshal = %s, %v", b, err)
	}
	var a Amount
	if err := json.Unmarshal([]byte(`"12.5"`), &a); err != nil || a.Text() != "12.50" {
		t.Errorf("unmarshal = %v, %v", a, err)
	}
	if err := json.Unmarshal([]byte(`12.5`), &a); !errors.Is(err, ErrInvalidAmount) {
		t.Errorf("JSON number err = %v", err)
	}
	if s := MustEUR("1").String(); s != "1.00 EUR" {
		t.Errorf("String = %q", s)
	}
}
