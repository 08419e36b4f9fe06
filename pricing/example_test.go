package pricing_test

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/openmarches/marches/pricing"
)

func ExampleAmount_Format() {
	a := pricing.MustEUR("9290.7")
	// %q shows the narrow no-break space (U+202F) between thousands and the
	// no-break space (U+00A0) before the euro sign.
	fmt.Printf("%q\n", a.Format(pricing.French))
	fmt.Println(a.Format(pricing.English))
	// Output:
	// "9\u202f290,70\u00a0€"
	// €9,290.70
}

func ExampleParseAmount() {
	a, err := pricing.ParseAmount("9 290,70 €", pricing.French, pricing.EUR)
	fmt.Println(a.Text(), err)
	_, err = pricing.ParseAmount("92 90,70 €", pricing.French, pricing.EUR)
	fmt.Println(err)
	// Output:
	// 9290.70 <nil>
	// amount "92 90,70 €": pricing: amount is not well formed for the language (byte 3: the last digit group must have exactly 3 digits)
}

func ExampleFromHT() {
	b, _ := pricing.FromHT(pricing.MustEUR("9232.09"), decimal.NewFromInt(20), pricing.RoundHalfUp)
	fmt.Println("HT", b.HT.Text(), "TVA", b.TVA.Text(), "TTC", b.TTC.Text())
	// Output: HT 9232.09 TVA 1846.42 TTC 11078.51
}

func ExampleAllocate() {
	parts, _ := pricing.Split(pricing.MustEUR("100"), 3)
	fmt.Println(parts[0].Text(), parts[1].Text(), parts[2].Text())
	// Output: 33.34 33.33 33.33
}

func ExampleParseFormula() {
	f, err := pricing.ParseFormula("Pn = P0 × (0,125 + 0,875 × (0,6 × ICHT-IMEn/ICHT-IME0 + 0,4 × FSD2n/FSD20))")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f)
	for _, t := range f.Terms() {
		fmt.Println(t.Index, t.Weight)
	}
	_, err = pricing.ParseFormula("P = P0 x (0,15 - 0,85 x S/S0)")
	fmt.Println(err)
	// Output:
	// P = P0 × (0,125 + 0,525 × ICHT-IME/ICHT-IME0 + 0,35 × FSD2/FSD2(0))
	// ICHT-IME 0.525
	// FSD2 0.35
	// formula "P = P0 x (0,15 - 0,85 x S/S0)": pricing: invalid revision formula at column 16 (byte 15) near "-": subtraction is not supported (a revision formula adds positive terms)
}

func ExampleRevise() {
	rounding, _ := pricing.ParseCoefficientRounding("4")
	r, err := pricing.Revise(pricing.RevisionInput{
		Initial: pricing.MustEUR("9000"),
		Base:    []pricing.Observation{{Value: decimal.RequireFromString("300.5")}},
		Current: []pricing.Observation{{Value: decimal.RequireFromString("310.2")}},
	}, pricing.RevisionConfig{Rounding: rounding})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Coefficient, r.Revised.Text())
	fmt.Println(strings.Join(r.Explain(pricing.English), "\n"))
	// Output:
	// 1.0323 9290.70
	// Formula: P = P0 × S/S0
	// S0 = 300.5
	// S = 310.2
	// Raw coefficient: C = 310.2 / 300.5 = 1.0322795341 (shown to 10 decimals)
	// Coefficient rounded to 4 decimals, half-up: C = 1.0323
	// P = P0 × C = €9,000.00 × 1.0323 = €9,290.70 (exact)
}

// A contract signed in 2021 has its base index in the old Syntec series;
// the revised series replaced it in August 2022. The link coefficient
// expresses S0 in the revised series.
func ExampleReviseWithSeries_seriesBreak() {
	r, err := pricing.ReviseWithSeries(pricing.MustEUR("9000"), pricing.Syntec(),
		pricing.MustMonth("2021-06"), pricing.MustMonth("2025-10"), pricing.RevisionConfig{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range r.Explain(pricing.English)[1:] {
		fmt.Println(line)
	}
	// Output:
	// S0 = 275.7 (syntec, June 2021, old series, deemed published 2021-07-31)
	// S = 322.2 (syntec, October 2025, revised series, published 2025-11-28)
	// S0 expressed in the revised series with the link coefficient (coefficient de raccord): 275.7 × 0.97975 (old series → revised series, August 2022) = 270.117075
	// Raw coefficient: C = 322.2 / 270.117075 = 1.1928161150 (shown to 10 decimals)
	// Coefficient not rounded: the price uses the exact ratio.
	// P = P0 × C = €9,000.00 × 322.2 / 270.117075 ≈ 10,735.345035 → €10,735.35 (rounded to the cent, half-up)
}

func ExampleSeries_LatestAsOf() {
	s := pricing.Syntec()
	p, _ := s.LatestAsOf(pricing.MustDate("2025-12-02"))
	fmt.Println(p.Month, p.Value, s.PublishedOn(p))
	// April 2025 was due by 2025-05-31 and is not in the snapshot: an
	// error, never January 2025.
	_, err := s.LatestAsOf(pricing.MustDate("2025-06-15"))
	fmt.Println(err != nil)
	// Output:
	// 2025-10 322.2 2025-11-28
	// true
}

func ExampleParseSeriesCSV() {
	// Newer values than the shipped snapshot, with the Syntec configuration
	// (bases, link, publication lag).
	csv := "month,value,base,published\n2025-11,322.5,revised,2025-12-31\n"
	s, err := pricing.ParseSeriesCSV(pricing.SyntecConfig(), []byte(csv))
	if err != nil {
		fmt.Println(err)
		return
	}
	p, _ := s.Value(pricing.MustMonth("2025-11"))
	fmt.Println(s.Name(), p.Month, p.Value, p.Base)
	// Output: syntec 2025-11 322.5 revised
}

func ExamplePlan() {
	c, err := pricing.ParseContract([]byte(`{
	  "signature": "2024-10-15", "start": "2024-12-02", "months": 24,
	  "fees": ["6300", "9000"], "vat": "20", "notice": 3,
	  "revision": {"series": "syntec",
	    "base": {"rule": "last-published", "at": "signature"},
	    "current": {"rule": "last-published"}}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := pricing.Plan(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, inv := range s.Invoices {
		fmt.Println(inv.Date, inv.Amounts.HT.Text(), inv.Amounts.TVA.Text(), inv.Amounts.TTC.Text())
	}
	fmt.Println("notice by", s.Anniversaries[0].NoticeDeadline)
	fmt.Println("total TTC", s.Totals.TTC.Text())
	// Output:
	// 2024-12-02 6300.00 1260.00 7560.00
	// 2025-12-02 9232.09 1846.42 11078.51
	// notice by 2025-09-02
	// total TTC 18638.51
}

func ExampleCheckInvoice() {
	s := pricing.Syntec()
	expected, _ := pricing.ReviseWithSeries(pricing.MustEUR("9000"), s,
		pricing.MustMonth("2021-06"), pricing.MustMonth("2025-10"), pricing.RevisionConfig{})
	// The supplier divided the revised October 2025 value by the old-series S0.
	rep := pricing.CheckInvoice(expected, pricing.Claim{
		Coefficient: decimal.NewNullDecimal(decimal.RequireFromString("1.1687")),
		Revised:     pricing.MustEUR("10518.30"),
	}, s)
	for _, f := range rep.Findings {
		fmt.Println(f.Field, f.Cause)
	}
	fmt.Println(rep.Difference.Text())
	// Output:
	// coefficient missing_link_coefficient
	// revised missing_link_coefficient
	// -217.05
}
