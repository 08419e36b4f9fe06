package pricing

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

// TestTextRoundTrips covers the MarshalText/UnmarshalText pairs and the
// small accessors, so that every exported identifier is exercised.
func TestTextRoundTrips(t *testing.T) {
	type doc struct {
		D  Date
		M  Month
		C  Currency
		R  RoundingMode
		F  Formula
		CR CoefficientRounding
		MR MonthRule
	}
	in := doc{MustDate("2024-02-29"), MustMonth("2022-08"), MustCurrency("XPF"), RoundHalfEven,
		MustParseFormula("P = P0 x (0,15 + 0,85 x S/S0)"), mustRounding("up-thousandth"), MonthRule{Kind: RuleMonthOf, MonthsBefore: 3}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"D":"2024-02-29","M":"2022-08","C":"XPF","R":"half-even","F":"P = P0 × (0,15 + 0,85 × S/S0)","CR":"up-3","MR":{"rule":"month-of","months_before":3}}`
	if string(b) != want {
		t.Errorf("marshal = %s", b)
	}
	var out doc
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if out.D != in.D || out.M != in.M || out.C != in.C || out.R != in.R || out.F.String() != in.F.String() || out.CR != in.CR || out.MR != in.MR {
		t.Errorf("round trip = %+v", out)
	}
	for _, bad := range []string{`{"D":"2024-02-30"}`, `{"M":"2022-13"}`, `{"C":"ZZZ"}`, `{"R":"nearest"}`, `{"F":"S/T0"}`, `{"CR":"x"}`, `{"MR":{"rule":"x"}}`, `{"MR":{"rule":"month"}}`, `{"MR":{"rule":"month","month":"x"}}`} {
		if err := json.Unmarshal([]byte(bad), &out); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}

func TestAccessors(t *testing.T) {
	d := MustDate("2025-12-02")
	if d.Year() != 2025 || d.Month() != time.December || d.Day() != 2 || d.Period() != MustMonth("2025-12") || d.IsZero() {
		t.Error("Date accessors")
	}
	if !d.Before(MustDate("2025-12-03")) || !d.After(MustDate("2025-12-01")) || d.Compare(d) != 0 {
		t.Error("Date comparisons")
	}
	if dt, err := NewDate(2025, time.February, 29); !errors.Is(err, ErrInvalidDate) || !dt.IsZero() {
		t.Error("NewDate accepts 2025-02-29")
	}
	m := MustMonth("2025-12")
	if m.Year() != 2025 || m.Month() != time.December || m.FirstDay() != MustDate("2025-12-01") || !m.Before(m.AddMonths(1)) || !m.After(m.AddMonths(-1)) || m.Compare(m) != 0 {
		t.Error("Month accessors")
	}
	if _, err := NewMonth(0, time.January); !errors.Is(err, ErrInvalidMonth) {
		t.Error("NewMonth(0)")
	}
	a, b := MustEUR("10.005"), MustEUR("0.005")
	if d, _ := a.Sub(b); d.Text() != "10.000" || a.Neg().Sign() != -1 || !MustEUR("0.00").IsZero() {
		t.Error("Amount arithmetic")
	}
	if c, err := a.Cmp(b); err != nil || c != 1 {
		t.Error("Cmp")
	}
	if _, err := a.Cmp(AmountOf(one, MustCurrency("USD"))); !errors.Is(err, ErrCurrencyMismatch) {
		t.Error("Cmp currencies")
	}
	if a.RoundTo(1, RoundDown).Text() != "10.00" || a.Mul(dec("2")).Text() != "20.010" || a.Currency() != EUR || !a.Decimal().Equal(dec("10.005")) {
		t.Error("RoundTo/Mul")
	}
	if f := MustFormula("0.15", Term{"S", dec("0.85")}); f.String() != "P = P0 × (0,15 + 0,85 × S/S0)" {
		t.Errorf("MustFormula = %s", f)
	}
	for _, s := range []string{"yearly", "half-yearly", "quarterly", "monthly"} {
		if f, err := ParseFrequency(s); err != nil || f.String() != s {
			t.Errorf("frequency %s", s)
		}
	}
	if _, err := ParseFrequency("weekly"); !errors.Is(err, ErrInvalidFrequency) {
		t.Error("weekly accepted")
	}
	if bt, err := ParseBillingTerm("arrears"); err != nil || bt.String() != "arrears" || BillingTerm(0).String() != "advance" {
		t.Error("billing term")
	}
	if _, err := ParseBillingTerm("later"); !errors.Is(err, ErrInvalidTerm) {
		t.Error("term accepted")
	}
	if st, err := ParseStatus("provisional"); err != nil || st.String() != "provisional" {
		t.Error("status")
	}
	if _, err := ParseStatus("final"); !errors.Is(err, ErrInvalidStatus) {
		t.Error("status accepted")
	}
	s := Syntec()
	if s.Name() != "syntec" || s.Len() != 69 || s.Config().Version != SyntecVersion || len(s.Links()) != 1 {
		t.Errorf("series: %s %d %s", s.Name(), s.Len(), s.Config().Version)
	}
	if o, err := s.Observe("S", MustMonth("2022-08")); err != nil || o.Base != "revised" || !o.PublishedKnown || o.Published != MustDate("2022-09-30") {
		t.Errorf("Observe = %+v, %v", o, err)
	}
	if _, err := LookupSeries("bt01"); !errors.Is(err, ErrUnknownSeries) {
		t.Error("unknown series")
	}
	if !json.Valid(SeriesSchema()) || !json.Valid(ContractSchema()) {
		t.Error("schemas are not JSON")
	}
	if _, err := RoundCoefficient(13, RoundUp); !errors.Is(err, ErrInvalidRounding) {
		t.Error("RoundCoefficient(13)")
	}
	if r, err := RoundCoefficient(3, RoundUp); err != nil || r.String() != "up-3" || r.Places() != 3 || r.Mode() != RoundUp || r.IsNone() {
		t.Error("RoundCoefficient(3, up)")
	}
	if (MonthRule{}).Validate() == nil || !(MonthRule{}).IsZero() || MonthRuleKind(9).String() != "invalid" {
		t.Error("zero MonthRule")
	}
	if Lang(0).String() != "fr" || English.String() != "en" {
		t.Error("Lang.String")
	}
	if RoundingMode(9).String() != "invalid" || Frequency(0).String() != "yearly" {
		t.Error("enum strings")
	}
	b1, _ := FromHT(MustEUR("1"), dec("20"), 0)
	b2, _ := FromHT(MustEUR("1"), dec("10"), 0)
	if _, err := b1.Add(b2); !errors.Is(err, ErrInvalidVATRate) {
		t.Error("adding breakdowns at different rates")
	}
	if bj, _ := json.Marshal(b1); string(bj) != `{"vat_rate":"20","ht":"1.00","tva":"0.20","ttc":"1.20"}` {
		t.Errorf("Breakdown JSON = %s", bj)
	}
}

// TestMonthRuleResolve covers the three rules on the Syntec snapshot.
func TestMonthRuleResolve(t *testing.T) {
	s := Syntec()
	at := MustDate("2025-12-02")
	for _, tt := range []struct {
		rule MonthRule
		want string
	}{
		{MonthRule{Kind: RuleMonth, Month: MustMonth("2024-08")}, "2024-08"},
		// Month M−2 of 2025-12-02 = 2025-10.
		{MonthRule{Kind: RuleMonthOf, MonthsBefore: 2}, "2025-10"},
		{MonthRule{Kind: RuleLastPublished}, "2025-10"},
	} {
		o, err := tt.rule.Resolve(s, "S", at)
		if err != nil || o.Month.String() != tt.want || o.Rule != tt.rule || o.At != at {
			t.Errorf("%v: %+v, %v", tt.rule, o, err)
		}
	}
	// Month M−1 of 2025-12-02 = 2025-11: not in the snapshot.
	if _, err := (MonthRule{Kind: RuleMonthOf, MonthsBefore: 1}).Resolve(s, "S", at); !errors.Is(err, ErrMissingMonth) {
		t.Errorf("err = %v", err)
	}
	if _, err := (MonthRule{Kind: RuleMonthOf, MonthsBefore: 25}).Resolve(s, "S", at); !errors.Is(err, ErrInvalidMonthRule) {
		t.Errorf("err = %v", err)
	}
}
