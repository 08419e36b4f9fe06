package pricing

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
)

// The naive alternatives below (float64, big.Float) are what a user might
// write instead; they exist only here, for comparison. They are not exact:
// TestNaiveFloatIsWrong shows a cent they get wrong.

func naiveFloatRevise(p0, s0, s string) string {
	a, _ := strconv.ParseFloat(p0, 64)
	b, _ := strconv.ParseFloat(s0, 64)
	c, _ := strconv.ParseFloat(s, 64)
	return strconv.FormatFloat(math.Round(a*c/b*100)/100, 'f', 2, 64)
}

func naiveBigFloatRevise(p0, s0, s string) string {
	a, _, _ := big.ParseFloat(p0, 10, 64, big.ToNearestEven)
	b, _, _ := big.ParseFloat(s0, 10, 64, big.ToNearestEven)
	c, _, _ := big.ParseFloat(s, 10, 64, big.ToNearestEven)
	r := new(big.Float).Mul(a, c)
	r.Quo(r, b)
	return r.Text('f', 2)
}

// TestNaiveFloatIsWrong: P = 2.01 × 1 / 2 = 1.005 exactly, 1.01 rounded
// half-up. In float64, 2.01 is 2.00999999999999978…, so the naive result
// is 1.00; big.Float's Text rounds half-to-even on a binary value and
// also gives 1.00. Revise gives 1.01.
func TestNaiveFloatIsWrong(t *testing.T) {
	if got := naiveFloatRevise("2.01", "2", "1"); got != "1.00" {
		t.Errorf("float64 = %s (expected the naive computation to be wrong)", got)
	}
	if got := naiveBigFloatRevise("2.01", "2", "1"); got != "1.00" {
		t.Errorf("big.Float = %s", got)
	}
	r, _ := Revise(RevisionInput{Initial: MustEUR("2.01"), Base: obs("2"), Current: obs("1")}, RevisionConfig{})
	if r.Revised.Text() != "1.01" {
		t.Errorf("Revise = %s", r.Revised.Text())
	}
}

func BenchmarkRevise(b *testing.B) {
	in := RevisionInput{Initial: MustEUR("9000"), Base: obs("300.5"), Current: obs("310.2")}
	b.Run("marches/exact", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Revise(in, RevisionConfig{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	r4 := mustRounding("4")
	b.Run("marches/rounded-4", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Revise(in, RevisionConfig{Rounding: r4}); err != nil {
				b.Fatal(err)
			}
		}
	})
	s := Syntec()
	b.Run("marches/series-break", func(b *testing.B) {
		b.ReportAllocs()
		bm, rm := MustMonth("2021-06"), MustMonth("2025-10")
		for b.Loop() {
			if _, err := ReviseWithSeries(MustEUR("9000"), s, bm, rm, RevisionConfig{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("marches/explain-fr", func(b *testing.B) {
		r, _ := Revise(in, RevisionConfig{})
		b.ReportAllocs()
		for b.Loop() {
			_ = r.Explain(French)
		}
	})
	b.Run("naive/float64", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = naiveFloatRevise("9000", "300.5", "310.2")
		}
	})
	b.Run("naive/big.Float", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = naiveBigFloatRevise("9000", "300.5", "310.2")
		}
	})
	b.Run("naive/decimal.Div", func(b *testing.B) {
		// shopspring's Div uses the package-level DivisionPrecision (16).
		p0, s0, s1 := dec("9000"), dec("300.5"), dec("310.2")
		b.ReportAllocs()
		for b.Loop() {
			_ = p0.Mul(s1.Div(s0)).Round(2)
		}
	})
}

func BenchmarkParseFormula(b *testing.B) {
	for _, tt := range []struct{ name, text string }{
		{"plain", "P = P0 x S/S0"},
		{"fixed-part", "P = P0 x (0,15 + 0,85 x S/S0)"},
		{"nested", "Pn = P0 × (0,125 + 0,875 × (0,6 × ICHT-IMEn/ICHT-IME0 + 0,4 × FSD2n/FSD20))"},
	} {
		b.Run(tt.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseFormula(tt.text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkFormat(b *testing.B) {
	a := MustEUR("1234567.89")
	b.Run("marches/fr", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = a.Format(French)
		}
	})
	b.Run("marches/fr-xpf", func(b *testing.B) {
		x := AmountOf(dec("1234567"), MustCurrency("XPF"))
		b.ReportAllocs()
		for b.Loop() {
			_ = x.Format(French)
		}
	})
	b.Run("naive/sprintf-float64", func(b *testing.B) {
		f, _ := strconv.ParseFloat("1234567.89", 64)
		b.ReportAllocs()
		for b.Loop() {
			_ = fmt.Sprintf("%.2f €", f)
		}
	})
	b.Run("marches/parse-fr", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ParseAmount("1 234 567,89 €", French, EUR); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkAllocate(b *testing.B) {
	total := MustEUR("9232.09")
	w := []decimal.Decimal{one, one, one, one, one, one, one, one, one, one, one, one}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Allocate(total, w); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSeries(b *testing.B) {
	s := Syntec()
	b.Run("Value", func(b *testing.B) {
		m := MustMonth("2023-06")
		b.ReportAllocs()
		for b.Loop() {
			if _, err := s.Value(m); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("LatestAsOf", func(b *testing.B) {
		d := MustDate("2025-12-02")
		b.ReportAllocs()
		for b.Loop() {
			if _, err := s.LatestAsOf(d); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ParseSyntecCSV", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ParseSeriesCSV(SyntecConfig(), syntecCSV); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkPlan(b *testing.B) {
	c, err := ParseContract([]byte(demoContract))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("running-example", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Plan(c); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("parse-contract", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ParseContract([]byte(demoContract)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
