package pricing

import (
	"encoding/json"

	"github.com/shopspring/decimal"
)

// Breakdown is an amount split into HT (hors taxes, before VAT), TVA (the
// VAT) and TTC (toutes taxes comprises, VAT included) at one VAT rate.
// HT + TVA == TTC exactly, and all three are whole minor units.
type Breakdown struct {
	// Rate is the VAT rate in percent (20, 10, 8.5, 2.1).
	Rate decimal.Decimal
	// HT is the amount before VAT.
	HT Amount
	// TVA is the VAT.
	TVA Amount
	// TTC is HT + TVA.
	TTC Amount
}

// FromHT computes TVA and TTC from an amount before VAT: HT is first
// rounded to the minor unit, then TVA = HT × rate / 100 is rounded to the
// minor unit, then TTC = HT + TVA; each rounding uses mode (zero =
// RoundHalfUp, the usual reading of the French invoicing rules, which
// compute VAT on the invoice's total per rate). Errors: ErrInvalidVATRate.
func FromHT(ht Amount, rate decimal.Decimal, mode RoundingMode) (Breakdown, error) {
	if err := checkRate(rate); err != nil {
		return Breakdown{}, err
	}
	h := ht.Round(mode)
	tva := Amount{v: roundDec(h.v.Mul(rate).Div(hundred), h.c.Digits(), mode), c: h.c}
	return Breakdown{Rate: rate, HT: h, TVA: tva, TTC: Amount{v: h.v.Add(tva.v), c: h.c}}, nil
}

// FromTTC computes HT and TVA from an amount VAT included: TTC is first
// rounded to the minor unit, HT = TTC × 100 / (100 + rate) is rounded once
// with mode (zero = RoundHalfUp) from the exact quotient, and TVA = TTC −
// HT, so TTC is kept exactly. Errors: ErrInvalidVATRate.
func FromTTC(ttc Amount, rate decimal.Decimal, mode RoundingMode) (Breakdown, error) {
	if err := checkRate(rate); err != nil {
		return Breakdown{}, err
	}
	t := ttc.Round(mode)
	ht := Amount{v: divRound(t.v.Mul(hundred), hundred.Add(rate), t.c.Digits(), mode), c: t.c}
	return Breakdown{Rate: rate, HT: ht, TVA: Amount{v: t.v.Sub(ht.v), c: t.c}, TTC: t}, nil
}

// Add returns the sum of two breakdowns at the same rate and currency,
// line by line, or ErrInvalidVATRate / ErrCurrencyMismatch.
func (b Breakdown) Add(o Breakdown) (Breakdown, error) {
	if !b.Rate.Equal(o.Rate) {
		return Breakdown{}, &FieldError{Field: "rate", Value: decText(b.Rate, 0) + "/" + decText(o.Rate, 0), Err: ErrInvalidVATRate, Detail: "breakdowns at different rates"}
	}
	ht, err := b.HT.Add(o.HT)
	if err != nil {
		return Breakdown{}, err
	}
	tva, _ := b.TVA.Add(o.TVA)
	ttc, _ := b.TTC.Add(o.TTC)
	return Breakdown{Rate: b.Rate, HT: ht, TVA: tva, TTC: ttc}, nil
}

// MarshalJSON writes {"rate","ht","tva","ttc"} with decimal strings.
func (b Breakdown) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Rate string `json:"vat_rate"`
		HT   Amount `json:"ht"`
		TVA  Amount `json:"tva"`
		TTC  Amount `json:"ttc"`
	}{decText(b.Rate, 0), b.HT, b.TVA, b.TTC})
}

func checkRate(rate decimal.Decimal) error {
	if rate.Sign() < 0 || rate.Cmp(hundred) > 0 {
		return &FieldError{Field: "vat_rate", Value: decText(rate, 0), Err: ErrInvalidVATRate}
	}
	return nil
}

// ParseVATRate reads a VAT rate in percent: "20", "8.5", "8,5", "2.1",
// optionally followed by "%". Errors: ErrInvalidVATRate.
func ParseVATRate(s string) (decimal.Decimal, error) {
	t := s
	for len(t) > 0 && (t[len(t)-1] == '%' || t[len(t)-1] == ' ') {
		t = t[:len(t)-1]
	}
	d, err := ParseDecimal(t)
	if err != nil || checkRate(d) != nil {
		return decimal.Decimal{}, &FieldError{Field: "vat_rate", Value: s, Err: ErrInvalidVATRate}
	}
	return d, nil
}
