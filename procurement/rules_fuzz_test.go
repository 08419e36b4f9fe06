package procurement

import (
	"bytes"
	"testing"

	"github.com/openmarches/marches/calendar"
	"github.com/shopspring/decimal"
)

// Fuzz targets of the rules area: the two table parsers (round trip), the
// period counting (against the day-by-day oracle), late interest (against
// exact rational arithmetic) and the procedure rules (against the
// thresholds they report). Run each for 20-30 s, e.g.
// go test ./procurement -run '^$' -fuzz '^FuzzRulesThresholdTable$' -fuzztime 20s

func FuzzRulesThresholdTable(f *testing.F) {
	def, _ := DefaultThresholds().MarshalJSON()
	f.Add(string(def))
	f.Add(`{"version":"v","thresholds":[{"kind":"eu_works","amount":"1","from":"2026-01-01","act":"a"}]}`)
	f.Add(`{"version":"v","thresholds":[{"kind":"eu_works","amount":"1e3","from":"2026-01-01","to":"2025-01-01","act":""}]}`)
	f.Add(`{"version":"","thresholds":[{"kind":"nope","amount":"-1","from":"2026-02-30"}]}`)
	// Found by review: a fraction of a cent must survive the round trip.
	f.Add(`{"version":"v","thresholds":[{"kind":"eu_works","amount":"0.001","from":"2026-01-01","act":"a"}]}`)
	f.Add(`null`)
	f.Fuzz(func(t *testing.T, doc string) {
		if len(doc) > 1<<16 {
			return
		}
		tab, err := ParseThresholdTable([]byte(doc))
		if err != nil {
			if len(rulesLeaves(err)) == 0 {
				t.Fatalf("error without violations: %v", err)
			}
			return
		}
		b1, err := tab.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		tab2, err := ParseThresholdTable(b1)
		if err != nil {
			t.Fatalf("re-parse of %s: %v", b1, err)
		}
		b2, _ := tab2.MarshalJSON()
		if !bytes.Equal(b1, b2) {
			t.Fatalf("round trip differs:\n%s\n%s", b1, b2)
		}
	})
}

func FuzzRulesTimeLimitTable(f *testing.F) {
	def, _ := DefaultTimeLimits().MarshalJSON()
	f.Add(string(def))
	f.Add(`{"version":"v","limits":[{"procedure":"ouvert","step":"tenders","scope":"all","case":"base","days":35,"basis":"b","from":"2019-04-01"}]}`)
	f.Add(`{"version":"v","limits":[{"procedure":"open","step":"x","scope":"y","case":"z","days":-1,"basis":"","from":"x"}]}`)
	f.Add(`{"version":"v","limits":[{"days":1e99}]}`)
	f.Fuzz(func(t *testing.T, doc string) {
		if len(doc) > 1<<16 {
			return
		}
		tab, err := ParseTimeLimitTable([]byte(doc))
		if err != nil {
			if len(rulesLeaves(err)) == 0 {
				t.Fatalf("error without violations: %v", err)
			}
			return
		}
		b1, err := tab.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		tab2, err := ParseTimeLimitTable(b1)
		if err != nil {
			t.Fatalf("re-parse of %s: %v", b1, err)
		}
		b2, _ := tab2.MarshalJSON()
		if !bytes.Equal(b1, b2) {
			t.Fatalf("round trip differs:\n%s\n%s", b1, b2)
		}
	})
}

var fuzzTerritories = []string{"FR", "67", "971", "972", "973", "974", "976", "987", "988"}

func FuzzRulesCountPeriod(f *testing.F) {
	// Seeds: the table cases of TestCountPeriod (offsets from 2026-01-01).
	f.Add(uint16(119), uint16(2), true, uint8(0))  // 30 Apr 2026
	f.Add(uint16(127), uint16(2), false, uint8(0)) // 8 May 2026
	f.Add(uint16(62), uint16(30), true, uint8(1))  // 4 Mar 2026, Alsace
	f.Add(uint16(0), uint16(0), true, uint8(5))
	cals := map[string]*calendar.Calendar{}
	for _, code := range fuzzTerritories {
		cals[code] = testRulebook(f, code).cal
	}
	f.Fuzz(func(t *testing.T, offset, days uint16, eu bool, terr uint8) {
		code := fuzzTerritories[int(terr)%len(fuzzTerritories)]
		ev := rday("2020-01-01").AddDays(int(offset) % (365 * 20))
		n := int(days) % 400
		k := CountingFrench
		if eu {
			k = CountingEU
		}
		p, err := CountPeriod(cals[code], ev, n, k)
		if err != nil {
			t.Fatal(err)
		}
		tr, _ := calendar.LookupTerritory(code)
		if want := euOracle(t, tr, ev, n, eu); p.Ends != want {
			t.Fatalf("%s %v + %d (%v) = %v, oracle %v", code, ev, n, k, p.Ends, want)
		}
	})
}

func FuzzRulesLateInterest(f *testing.F) {
	f.Add(int64(1_000_000), int64(215), uint16(30)) // the 83.42 case
	f.Add(int64(1825), int64(200), uint16(1))       // half a cent
	f.Add(int64(1), int64(-800), uint16(365))
	f.Fuzz(func(t *testing.T, cents, ecbBP int64, days uint16) {
		if cents <= 0 || cents > 1e15 || ecbBP < -800 || ecbBP > 100_000 {
			return
		}
		in := LateInterestInput{Principal: decimal.New(cents, -2), Due: rday("2026-06-15"), Paid: rday("2026-06-15").AddDays(int(days)), ECBRate: decimal.New(ecbBP, -2)}
		got, err := ComputeLateInterest(in)
		if err != nil {
			t.Fatal(err)
		}
		if want := oracleInterest(cents, ecbBP+800, int64(days)); got.Interest.StringFixed(2) != want {
			t.Fatalf("%+v: %s, oracle %s", in, got.Interest.StringFixed(2), want)
		}
		if (days > 0) != got.Compensation.Equal(flatFee) || !got.Total.Equal(got.Interest.Add(got.Compensation)) {
			t.Fatalf("compensation %s total %s", got.Compensation, got.Total)
		}
	})
}

// FuzzRulesValue checks Rules against its own reported thresholds: the
// regime follows from comparing the value with them.
func FuzzRulesValue(f *testing.F) {
	f.Add("216000", uint16(130), uint8(2), uint8(3))
	f.Add("59999.99", uint16(90), uint8(2), uint8(2))
	f.Add("1e6", uint16(800), uint8(1), uint8(1))
	f.Add("-3", uint16(0), uint8(0), uint8(0))
	rb := testRulebook(f, "")
	f.Fuzz(func(t *testing.T, value string, offset uint16, kind, nature uint8) {
		v, err := decimal.NewFromString(value)
		if err != nil || len(value) > 40 {
			return
		}
		in := RulesInput{BuyerKind: BuyerKind(kind % 8), Nature: Nature(nature % 5), EstimatedValue: v,
			LaunchDate: rday("2024-01-01").AddDays(int(offset) % 1600)}
		r, err := rb.Rules(in)
		if err != nil {
			if len(rulesLeaves(err)) == 0 {
				t.Fatalf("error without violations: %v", err)
			}
			return
		}
		disp, eu := r.Thresholds[0], r.Thresholds[1]
		want := RegimeAdapted
		switch {
		case v.Cmp(eu.Threshold.Amount) >= 0:
			want = RegimeFormalised
		case v.Cmp(disp.Threshold.Amount) < 0:
			want = RegimeDispense
		}
		if r.Regime != want || len(r.Procedures) == 0 || len(r.Publicity) == 0 {
			t.Fatalf("%+v: regime %v, want %v", in, r.Regime, want)
		}
	})
}
