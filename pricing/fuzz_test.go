package pricing

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// FuzzParseAmount: never panics; what parses formats back to text that
// parses to the same value (amounts with at most 2 decimals).
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"9\u202f290,70\u00a0€", "9 290,70 €", "-1 234,50 €", "12 €", "9290,70", "€9,290.70", "-€1,234.50",
		"92 90,70", "1234 567", "9 290,", "", "€", "\u22121,5", "+0,01 EUR", "1 000 000 000 000 000,99 €"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, french bool) {
		lang := English
		if french {
			lang = French
		}
		a, err := ParseAmount(s, lang, EUR)
		if err != nil {
			if !strings.Contains(err.Error(), "byte ") {
				t.Fatalf("error without offset: %v", err)
			}
			return
		}
		if -a.Decimal().Exponent() > 2 {
			return
		}
		out := a.Format(lang)
		b, err := ParseAmount(out, lang, EUR)
		if err != nil || !b.Decimal().Equal(a.Decimal()) {
			t.Fatalf("%q → %s → %q → %v, %v", s, a.Text(), out, b.Decimal(), err)
		}
	})
}

// FuzzParseFormula: never panics; a parsed formula has weights summing to
// 1, and its canonical text parses to the same terms; syntax errors point
// inside the text.
func FuzzParseFormula(f *testing.F) {
	for _, s := range []string{"P = P0 x S/S0", "P = P0 x (0,15 + 0,85 x S/S0)", "Pn=Po(0,15+0,85 In/Io)", "C = 0.30 + 0.70 Sy/Sy0",
		"P(n) = P(0) [0,15 + 0,85 (S(n)/S(0))]", "P = P₀ × (0,2 + 0,8 × Sₙ/S₀)",
		"Pn = P0 × (0,125 + 0,875 × (0,6 × ICHT-IMEn/ICHT-IME0 + 0,4 × FSD2n/FSD20))",
		"P = P0 x (0,15 - 0,85 x S/S0)", "P = P0 x S/S0 x T/T0", "P = P0 x (15/100 + 0,85 x S/S0)", "((((", "x x x", "S/S0/S0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		done := make(chan struct{})
		defer close(done)
		go func() {
			select {
			case <-done:
			case <-time.After(2 * time.Second):
				panic(fmt.Sprintf("ParseFormula too slow on %q", s))
			}
		}()
		fm, err := ParseFormula(s)
		if err != nil {
			var se *SyntaxError
			if asSyntax(err, &se) && (se.Offset < 0 || se.Offset > len(s)) {
				t.Fatalf("offset %d outside %q", se.Offset, s)
			}
			return
		}
		sum := fm.Fixed()
		for _, tm := range fm.Terms() {
			sum = sum.Add(tm.Weight)
		}
		if !sum.Equal(one) {
			t.Fatalf("%q: weights sum to %s", s, sum)
		}
		g, err := ParseFormula(fm.String())
		if err != nil || g.String() != fm.String() {
			t.Fatalf("%q: canonical %q does not round trip: %v", s, fm.String(), err)
		}
		if !utf8.ValidString(fm.Format(English)) {
			t.Fatal("invalid UTF-8 output")
		}
	})
}

func asSyntax(err error, se **SyntaxError) bool {
	fe, ok := err.(*FieldError)
	if !ok {
		return false
	}
	s, ok := fe.Err.(*SyntaxError)
	*se = s
	return ok
}

// FuzzRevise compares the exact revision with an independent big.Rat
// oracle: P = round_half_up(P0 × S / S0, 2).
func FuzzRevise(f *testing.F) {
	f.Add("9000", "300.5", "310.2")
	f.Add("2.01", "2", "1")
	f.Add("0", "1", "1")
	f.Add("123456789.99", "0.001", "99999.9")
	f.Fuzz(func(t *testing.T, p0, s0, s1 string) {
		a, err1 := parsePlainDecimal(p0)
		b, err2 := parsePlainDecimal(s0)
		c, err3 := parsePlainDecimal(s1)
		if err1 != nil || err2 != nil || err3 != nil || len(p0)+len(s0)+len(s1) > 60 {
			return
		}
		r, err := Revise(RevisionInput{Initial: AmountOf(a, EUR), Base: []Observation{{Value: b}}, Current: []Observation{{Value: c}}}, RevisionConfig{})
		if a.Sign() < 0 || b.Sign() <= 0 || c.Sign() <= 0 {
			if err == nil {
				t.Fatal("invalid input accepted")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if got, want := r.Revised.Text(), ratHalfUp(p0, s0, s1); got != want {
			t.Fatalf("P0=%s S0=%s S=%s: %s, oracle %s", p0, s0, s1, got, want)
		}
	})
}

// ratHalfUp computes p0 × s1 / s0 with big.Rat, rounded half away from zero
// to 2 places (all inputs are >= 0 here).
func ratHalfUp(p0, s0, s1 string) string {
	r := func(s string) *big.Rat { x, _ := new(big.Rat).SetString(s); return x }
	q := new(big.Rat).Mul(r(p0), r(s1))
	q.Quo(q, r(s0))
	q.Mul(q, big.NewRat(100, 1))
	q.Add(q, big.NewRat(1, 2))
	n := new(big.Int).Quo(q.Num(), q.Denom()) // floor for q >= 0
	return decimal.NewFromBigInt(n, -2).StringFixed(2)
}

// FuzzParseSeriesCSV: never panics; what parses survives a JSON round
// trip unchanged.
func FuzzParseSeriesCSV(f *testing.F) {
	f.Add("month,value\n2025-01,100.5\n")
	f.Add("# c\nmonth,value,base,status,published,source\n2022-07,286.4,old,,,x\n2022-08,280.6,revised,definitive,2022-09-30,y\n")
	f.Add("month,value,status,published\n2025-01,100.5,provisional,2025-02-20\n2025-01,100.7,,2025-03-20\n")
	f.Add("month,value\n2025-13,abc\n\"unterminated\n")
	f.Add(string(syntecCSV))
	f.Fuzz(func(t *testing.T, data string) {
		if len(data) > 1<<16 {
			return
		}
		s, err := ParseSeriesCSV(SyntecConfig(), []byte(data))
		if err != nil {
			return
		}
		checkSeriesRoundTrip(t, s)
	})
}

// FuzzParseSeriesJSON: never panics; parse → marshal → parse → marshal is
// stable.
func FuzzParseSeriesJSON(f *testing.F) {
	b, _ := json.Marshal(Syntec())
	f.Add(string(b))
	f.Add(`{"name":"x","values":[{"month":"2025-01","value":1.5}]}`)
	f.Add(`{"name":"x","bases":["a","b"],"links":[{"from":"a","to":"b","month":"2020-01","coefficient":"2"}],"values":[{"month":"2020-01","value":"3","base":"b"}]}`)
	f.Add(`{"name":"x","lag":{"months":1,"day":40},"values":[]}`)
	f.Fuzz(func(t *testing.T, data string) {
		if len(data) > 1<<16 {
			return
		}
		s, err := ParseSeriesJSON([]byte(data))
		if err != nil {
			return
		}
		checkSeriesRoundTrip(t, s)
	})
}

func checkSeriesRoundTrip(t *testing.T, s *Series) {
	t.Helper()
	b1, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	s2, err := ParseSeriesJSON(b1)
	if err != nil {
		t.Fatalf("own JSON rejected: %v\n%s", err, b1)
	}
	b2, _ := json.Marshal(s2)
	if string(b1) != string(b2) {
		t.Fatalf("round trip differs:\n%s\n%s", b1, b2)
	}
}

// FuzzParseContract: never panics; a contract that parses plans without
// panicking, and its invoices sum to the totals.
func FuzzParseContract(f *testing.F) {
	f.Add(demoContract)
	f.Add(`{"start":"2025-01-01","months":31,"fees":["1200","1200","1200"],"frequency":"quarterly","term":"arrears","vat":"10"}`)
	f.Add(`{"start":"2024-02-29","months":600,"fees":["1"],"frequency":"monthly"}`)
	f.Add(`{"start":"2025-01-01","months":12,"fees":[1e400]}`)
	f.Fuzz(func(t *testing.T, data string) {
		if len(data) > 1<<14 {
			return
		}
		c, err := ParseContract([]byte(data))
		if err != nil {
			return
		}
		for _, fee := range c.Fees {
			if fee.Abs().Cmp(decimal.New(1, 15)) > 0 || fee.Exponent() < -10 {
				return // keep runs fast
			}
		}
		s, err := Plan(c)
		if err != nil {
			return
		}
		sum := decimal.Zero
		for _, inv := range s.Invoices {
			sum = sum.Add(inv.Amounts.HT.Decimal())
			if !inv.Amounts.HT.Decimal().Add(inv.Amounts.TVA.Decimal()).Equal(inv.Amounts.TTC.Decimal()) {
				t.Fatalf("invoice %d: HT + TVA != TTC", inv.Number)
			}
		}
		if !sum.Equal(s.Totals.HT.Decimal()) {
			t.Fatalf("invoices sum to %s, totals say %s", sum, s.Totals.HT.Decimal())
		}
		if _, err := json.Marshal(s); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzAllocate: the parts always sum to the total and differ from the
// exact shares by less than one cent.
func FuzzAllocate(f *testing.F) {
	f.Add(int64(10000), []byte{1, 1, 1})
	f.Add(int64(-5), []byte{1, 2})
	f.Add(int64(923209), []byte{92, 92, 31})
	f.Fuzz(func(t *testing.T, cents int64, ws []byte) {
		if len(ws) == 0 || len(ws) > 64 {
			return
		}
		weights := make([]decimal.Decimal, len(ws))
		sumW := int64(0)
		for i, w := range ws {
			weights[i] = decimal.NewFromInt(int64(w))
			sumW += int64(w)
		}
		total := AmountOf(decimal.New(cents, -2), EUR)
		parts, err := Allocate(total, weights)
		if sumW == 0 {
			if err == nil {
				t.Fatal("zero weights accepted")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		sum := decimal.Zero
		for i, p := range parts {
			sum = sum.Add(p.Decimal())
			exact := total.Decimal().Mul(weights[i]).Div(decimal.NewFromInt(sumW))
			if p.Decimal().Sub(exact).Abs().Cmp(dec("0.01")) >= 0 {
				t.Fatalf("part %d = %s, exact share %s", i, p.Decimal(), exact)
			}
		}
		if !sum.Equal(total.Decimal()) {
			t.Fatalf("sum %s != %s", sum, total.Decimal())
		}
	})
}
