package procurement

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/big"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/golden"
	"github.com/shopspring/decimal"
)

// Tests of thresholds.go, procedures.go, timelimits.go, standstill.go and
// payment.go. Every expected date or amount is worked out by hand in the
// case's comment, from the article cited; weekdays and holidays of 2026:
// 1 May is a Friday, 3 Apr Good Friday, 5-6 Apr Easter Sunday and Monday,
// 8 May a Friday, 14 May Ascension, 25 May Whit Monday, 15 Aug a Saturday.

func rday(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func rdec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// rulesCmp compares dates by value and decimals by their exact text (so
// that 1.0 and 1.00 differ, as STYLE asks).
var rulesCmp = cmp.Options{
	cmp.Comparer(func(a, b calendar.Date) bool { return a == b }),
	cmp.Comparer(func(a, b decimal.Decimal) bool { return a.String() == b.String() }),
}

func testRulebook(t testing.TB, territory string) *Rulebook {
	t.Helper()
	cfg := RulebookConfig{}
	if territory != "" {
		c, err := calendar.New(calendar.Config{Territory: territory, Location: time.UTC})
		if err != nil {
			t.Fatal(err)
		}
		cfg.Calendar = c
	}
	rb, err := NewRulebook(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return rb
}

// ruleCodes returns the stable codes of the rules in err, in order.
func rulesCodes(err error) []string {
	var out []string
	for _, e := range rulesLeaves(err) {
		var r interface{ Code() string }
		if errors.As(e, &r) {
			out = append(out, e.Field+":"+r.Code())
		}
	}
	return out
}

func TestDefaultTablesAreValidAndGolden(t *testing.T) {
	th, tl := DefaultThresholds(), DefaultTimeLimits()
	if th.Version() != ThresholdDataVersion || tl.Version() != TimeLimitDataVersion {
		t.Fatalf("versions %q %q", th.Version(), tl.Version())
	}
	// The data files are reviewed like code: any change shows in the
	// golden diff (refresh with -update).
	for _, g := range []struct {
		name string
		v    json.Marshaler
	}{{"rules_thresholds", th}, {"rules_timelimits", tl}} {
		b, err := g.v.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := json.Indent(&out, b, "", "  "); err != nil {
			t.Fatal(err)
		}
		out.WriteByte('\n')
		golden.Check(t, g.name, out.Bytes())
	}
	// Round trip through the user-facing parsers.
	b, _ := th.MarshalJSON()
	th2, err := ParseThresholdTable(b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(slices.Collect(th.All()), slices.Collect(th2.All()), rulesCmp); diff != "" {
		t.Errorf("threshold round trip (-want +got):\n%s", diff)
	}
	b, _ = tl.MarshalJSON()
	tl2, err := ParseTimeLimitTable(b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(slices.Collect(tl.All()), slices.Collect(tl2.All()), rulesCmp); diff != "" {
		t.Errorf("time-limit round trip (-want +got):\n%s", diff)
	}
}

func TestThresholdLookup(t *testing.T) {
	tab := DefaultThresholds()
	tests := []struct {
		name    string
		kind    ThresholdKind
		on      string
		want    string
		wantErr error
	}{
		// facts 1.1: 2024-2025 then 2026-2027 (Del. Reg. 2025/2152).
		{"sub-central 2025", ThresholdEUSuppliesServicesSubCentral, "2025-12-31", "221000", nil},
		{"sub-central 2026", ThresholdEUSuppliesServicesSubCentral, "2026-01-01", "216000", nil},
		{"central 2025", ThresholdEUSuppliesServicesCentral, "2025-12-31", "143000", nil},
		{"central 2026", ThresholdEUSuppliesServicesCentral, "2026-01-01", "140000", nil},
		{"works 2027", ThresholdEUWorks, "2027-12-31", "5404000", nil},
		{"utilities 2026", ThresholdEUUtilitiesSuppliesServices, "2026-06-01", "432000", nil},
		{"defence works 2026", ThresholdEUDefenceWorks, "2026-06-01", "5404000", nil},
		{"social services unchanged", ThresholdEUSocialServices, "2026-06-01", "750000", nil},
		// Décret 2025-1386 art. 3: 60 000 from 1 April 2026, 100 000
		// works from 1 January 2026; décret 2024-1217: works 100 000 in
		// 2025.
		{"dispense S&S 31 March", ThresholdNoPublicitySuppliesServices, "2026-03-31", "40000", nil},
		{"dispense S&S 1 April", ThresholdNoPublicitySuppliesServices, "2026-04-01", "60000", nil},
		{"dispense works 2025", ThresholdNoPublicityWorks, "2025-06-30", "100000", nil},
		{"dispense works 2026", ThresholdNoPublicityWorks, "2026-01-01", "100000", nil},
		{"free documents 1 April", ThresholdFreeDocuments, "2026-04-01", "60000", nil},
		{"MAPA notice", ThresholdMAPANotice, "2026-04-01", "90000", nil},
		// Never extrapolate: the 2028-2029 EU thresholds are not data yet.
		{"EU 2028 not covered", ThresholdEUWorks, "2028-01-01", "", ErrNoThreshold},
		{"EU 2023 not covered", ThresholdEUWorks, "2023-12-31", "", ErrNoThreshold},
		{"unset kind", 0, "2026-01-01", "", ErrUnknownThresholdKind},
		{"zero date", ThresholdEUWorks, "", "", ErrDateRequired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var on calendar.Date
			if tt.on != "" {
				on = rday(tt.on)
			}
			got, err := tab.Lookup(tt.kind, on)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Amount.StringFixed(0) != tt.want || got.Act == "" || got.Source == "" {
				t.Errorf("Lookup = %s (%q, %q), want %s with act and source", got.Amount, got.Act, got.Source, tt.want)
			}
		})
	}
}

// TestRulesRegime: the hand-checked boundaries of the brief.
func TestRulesRegime(t *testing.T) {
	rb := testRulebook(t, "")
	tests := []struct {
		name   string
		buyer  BuyerKind
		nature Nature
		value  string
		launch string
		want   Regime
	}{
		// A value exactly at the threshold reaches it (L2124-1: "égale ou
		// supérieure"): 216 000 >= 216 000.
		{"local 216000 at EU threshold", BuyerLocalAuthority, Services, "216000", "2026-05-11", RegimeFormalised},
		{"local 215999.99 below", BuyerLocalAuthority, Services, "215999.99", "2026-05-11", RegimeAdapted},
		// State vs local authority: 150 000 >= 140 000 (central) but <
		// 216 000 (sub-central).
		{"state 150000", BuyerState, Services, "150000", "2026-05-11", RegimeFormalised},
		{"local 150000", BuyerLocalAuthority, Services, "150000", "2026-05-11", RegimeAdapted},
		{"state 140000 at threshold", BuyerState, Supplies, "140000", "2026-05-11", RegimeFormalised},
		{"health 150000 is sub-central", BuyerHealth, Supplies, "150000", "2026-05-11", RegimeAdapted},
		// Launch 31 March vs 1 April 2026, supplies: dispense below 40 000
		// then below 60 000. 50 000 >= 40 000 -> adapted; < 60 000 ->
		// dispense.
		{"50000 launched 31 March", BuyerLocalAuthority, Supplies, "50000", "2026-03-31", RegimeAdapted},
		{"50000 launched 1 April", BuyerLocalAuthority, Supplies, "50000", "2026-04-01", RegimeDispense},
		{"40000 on 31 March is not below 40000", BuyerLocalAuthority, Services, "40000", "2026-03-31", RegimeAdapted},
		{"39999.99 on 31 March", BuyerLocalAuthority, Services, "39999.99", "2026-03-31", RegimeDispense},
		{"59999.99 on 1 April", BuyerLocalAuthority, Services, "59999.99", "2026-04-01", RegimeDispense},
		{"60000 on 1 April", BuyerLocalAuthority, Services, "60000", "2026-04-01", RegimeAdapted},
		// Works vs supplies on the same day: 80 000 < 100 000 (works
		// dispense) but >= 60 000.
		{"works 80000", BuyerLocalAuthority, Works, "80000", "2026-04-01", RegimeDispense},
		{"supplies 80000", BuyerLocalAuthority, Supplies, "80000", "2026-04-01", RegimeAdapted},
		{"works 100000", BuyerLocalAuthority, Works, "100000", "2026-04-01", RegimeAdapted},
		{"works 5404000 at EU threshold", BuyerState, Works, "5404000", "2026-04-01", RegimeFormalised},
		{"works 5403999.99", BuyerState, Works, "5403999.99", "2026-04-01", RegimeAdapted},
		// 2024-2025 vs 2026-2027 tables by launch date.
		{"local 218000 in 2025 (221000)", BuyerLocalAuthority, Services, "218000", "2025-12-31", RegimeAdapted},
		{"local 218000 in 2026 (216000)", BuyerLocalAuthority, Services, "218000", "2026-01-01", RegimeFormalised},
		{"state 141000 in 2025 (143000)", BuyerState, Services, "141000", "2025-12-31", RegimeAdapted},
		{"state 141000 in 2026 (140000)", BuyerState, Services, "141000", "2026-01-01", RegimeFormalised},
		{"works 5500000 in 2025 (5538000)", BuyerLocalAuthority, Works, "5500000", "2025-12-31", RegimeAdapted},
		{"works 5500000 in 2026 (5404000)", BuyerLocalAuthority, Works, "5500000", "2026-01-01", RegimeFormalised},
		// Works dispense was 100 000 in 2025 too (décret 2024-1217).
		{"works 90000 in 2025", BuyerLocalAuthority, Works, "90000", "2025-06-30", RegimeDispense},
		// Utilities: 432 000 for supplies and services in 2026.
		{"utility 432000", BuyerUtility, Supplies, "432000", "2026-05-11", RegimeFormalised},
		{"utility 431999", BuyerUtility, Supplies, "431999", "2026-05-11", RegimeAdapted},
		{"public undertaking works 5404000", BuyerPublicUndertaking, Works, "5404000", "2026-05-11", RegimeFormalised},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := rb.Rules(RulesInput{BuyerKind: tt.buyer, Nature: tt.nature, EstimatedValue: rdec(tt.value), LaunchDate: rday(tt.launch)})
			if err != nil {
				t.Fatal(err)
			}
			if r.Regime != tt.want {
				t.Errorf("regime = %v, want %v", r.Regime, tt.want)
			}
			if r.DataVersion != ThresholdDataVersion || len(r.Thresholds) != 4 {
				t.Errorf("data version %q, %d thresholds", r.DataVersion, len(r.Thresholds))
			}
		})
	}
}

func TestRulesAnswers(t *testing.T) {
	rb := testRulebook(t, "")
	type answer struct {
		Procedures map[string]string
		Publicity  map[string]bool
	}
	summarize := func(r Rules) answer {
		a := answer{Procedures: map[string]string{}, Publicity: map[string]bool{}}
		for _, p := range r.Procedures {
			a.Procedures[p.Procedure.String()] = p.Allowed.String()
			if p.Reason == "" || p.Basis == "" {
				t.Errorf("%v: empty reason or basis", p.Procedure)
			}
		}
		for _, p := range r.Publicity {
			a.Publicity[p.Medium.String()] = p.Required
			if p.Reason == "" || p.Basis == "" {
				t.Errorf("%v: empty reason or basis", p.Medium)
			}
		}
		return a
	}
	tests := []struct {
		name  string
		in    RulesInput
		want  answer
		basis string // the basis of the first publicity answer
	}{
		{"dispense: no publicity (R2122-8)",
			RulesInput{BuyerKind: BuyerLocalAuthority, Nature: Services, EstimatedValue: rdec("30000"), LaunchDate: rday("2026-05-11")},
			answer{map[string]string{"sans_publicite": "always", "adapte": "always"}, map[string]bool{"none": false}},
			"CCP R2122-8 (décret n° 2025-1386 of 29 Dec 2025, art. 1 1° b and art. 3)"},
		{"MAPA 89999.99: free form (R2131-12 1°); documents free from 60000",
			RulesInput{BuyerKind: BuyerLocalAuthority, Nature: Services, EstimatedValue: rdec("89999.99"), LaunchDate: rday("2026-05-11")},
			answer{map[string]string{"sans_publicite": "conditional", "adapte": "always"}, map[string]bool{"free_form": true, "buyer_profile_documents": true}},
			"CCP R2131-12 1°"},
		{"MAPA 90000: BOAMP or JAL (R2131-12 2°)",
			RulesInput{BuyerKind: BuyerState, Nature: Supplies, EstimatedValue: rdec("90000"), LaunchDate: rday("2026-05-11")},
			answer{map[string]string{"sans_publicite": "conditional", "adapte": "always"}, map[string]bool{"boamp_or_jal": true, "buyer_profile_documents": true}},
			"CCP R2131-12 2° (CCP R2131-12 (décret n° 2018-1075 of 3 Dec 2018))"},
		{"MAPA of another contracting authority: free form",
			RulesInput{BuyerKind: BuyerOtherContractingAuthority, Nature: Services, EstimatedValue: rdec("150000"), LaunchDate: rday("2026-05-11")},
			answer{map[string]string{"sans_publicite": "conditional", "adapte": "always"}, map[string]bool{"free_form": true, "buyer_profile_documents": true}},
			"CCP R2131-12 a contrario; R2131-13 (article number unconfirmed)"},
		{"formalised local authority: BOAMP + JOUE, negotiation only in R2124-3 cases",
			RulesInput{BuyerKind: BuyerLocalAuthority, Nature: Services, EstimatedValue: rdec("296000"), LaunchDate: rday("2026-05-11")},
			answer{map[string]string{"sans_publicite": "conditional", "ouvert": "always", "restreint": "always", "negocie": "conditional", "dialogue": "conditional", "partenariat_innovation": "conditional"},
				map[string]bool{"boamp_and_joue": true, "buyer_profile_documents": true}},
			"CCP R2131-16 (article number unconfirmed)"},
		{"formalised utility: JOUE, negotiation free",
			RulesInput{BuyerKind: BuyerUtility, Nature: Works, EstimatedValue: rdec("6000000"), LaunchDate: rday("2026-05-11")},
			answer{map[string]string{"sans_publicite": "conditional", "ouvert": "always", "restreint": "always", "negocie": "always", "dialogue": "always", "partenariat_innovation": "conditional"},
				map[string]bool{"joue": true, "buyer_profile_documents": true}},
			"CCP R2131-17 (article number unconfirmed)"},
		{"dispense works 80000: documents free if a call is published (not required)",
			RulesInput{BuyerKind: BuyerLocalAuthority, Nature: Works, EstimatedValue: rdec("80000"), LaunchDate: rday("2026-05-11")},
			answer{map[string]string{"sans_publicite": "always", "adapte": "always"}, map[string]bool{"none": false, "buyer_profile_documents": false}},
			"CCP R2122-8 (décret n° 2025-1386 of 29 Dec 2025, art. 1 1° a and art. 3)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := rb.Rules(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, summarize(r)); diff != "" {
				t.Errorf("answers (-want +got):\n%s", diff)
			}
			if r.Publicity[0].Basis != tt.basis {
				t.Errorf("basis = %q, want %q", r.Publicity[0].Basis, tt.basis)
			}
			for _, p := range append(slices.Clone(r.Procedures), ProcedureAnswer{}) {
				if p.Unconfirmed && !strings.Contains(p.Basis, "unconfirmed") {
					t.Errorf("%v: Unconfirmed but the basis does not say so: %q", p.Procedure, p.Basis)
				}
			}
		})
	}
}

func TestRulesErrors(t *testing.T) {
	rb := testRulebook(t, "")
	tests := []struct {
		name string
		in   RulesInput
		want []string
	}{
		{"everything missing, reported at once, sorted by field",
			RulesInput{},
			[]string{"buyerKind:unknown_buyer_kind", "estimatedValue:estimated_value", "launchDate:date_required", "nature:unknown_nature"}},
		{"negative value",
			RulesInput{BuyerKind: BuyerState, Nature: Works, EstimatedValue: rdec("-1"), LaunchDate: rday("2026-01-01")},
			[]string{"estimatedValue:estimated_value"}},
		{"lots add up to more than the operation: 150000 + 80000 > 200000",
			RulesInput{BuyerKind: BuyerState, Nature: Works, EstimatedValue: rdec("200000"), LaunchDate: rday("2026-01-01"),
				Lots: []RulesLot{{"1", rdec("150000")}, {"2", rdec("80000")}}},
			[]string{"lots:lots_exceed_value"}},
		{"lot without value",
			RulesInput{BuyerKind: BuyerState, Nature: Works, EstimatedValue: rdec("200000"), LaunchDate: rday("2026-01-01"),
				Lots: []RulesLot{{"1", rdec("150000")}, {"2", decimal.Zero}}},
			[]string{"lots[1].estimatedValue:lot_value"}},
		{"launch in 2028: no EU threshold yet",
			RulesInput{BuyerKind: BuyerState, Nature: Works, EstimatedValue: rdec("200000"), LaunchDate: rday("2028-01-03")},
			[]string{"launchDate:no_threshold"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rb.Rules(tt.in)
			if diff := cmp.Diff(tt.want, rulesCodes(err)); diff != "" {
				t.Errorf("errors (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

func TestSmallLots(t *testing.T) {
	rb := testRulebook(t, "")
	tests := []struct {
		name                      string
		nature                    Nature
		lots                      []RulesLot
		eligible                  []string
		total, cap, eligibleTotal string
		fit                       bool
	}{
		// 300000+120000+50000+30000 = 500000; cap 20 % = 100000; lots
		// below 80 000: C (50000) and D (30000) = 80000 <= 100000.
		{"services, eligible lots fit", Services,
			[]RulesLot{{"A", rdec("300000")}, {"B", rdec("120000")}, {"C", rdec("50000")}, {"D", rdec("30000")}},
			[]string{"C", "D"}, "500000", "100000", "80000", true},
		// 200000+70000+70000 = 340000; cap 68000; B+C = 140000 > 68000.
		{"services, eligible lots exceed the cap", Services,
			[]RulesLot{{"A", rdec("200000")}, {"B", rdec("70000")}, {"C", rdec("70000")}},
			[]string{"B", "C"}, "340000", "68000", "140000", false},
		// Works: lots below 1 000 000. 5000000+999999.99+80000.01 =
		// 6080000; cap 1216000; eligible 999999.99+80000.01 = 1080000.
		{"works, 1000000 threshold", Works,
			[]RulesLot{{"1", rdec("5000000")}, {"2", rdec("999999.99")}, {"3", rdec("80000.01")}},
			[]string{"2", "3"}, "6080000", "1216000", "1080000", true},
		// 80 000 exactly is not below 80 000.
		{"lot at the threshold is not small", Supplies,
			[]RulesLot{{"1", rdec("400000")}, {"2", rdec("80000")}},
			nil, "480000", "96000", "0", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			total := decimal.Zero
			for _, l := range tt.lots {
				total = total.Add(l.EstimatedValue)
			}
			in := RulesInput{BuyerKind: BuyerLocalAuthority, Nature: tt.nature, EstimatedValue: total, LaunchDate: rday("2026-05-11"), Lots: tt.lots}
			snapshot := slices.Clone(in.Lots)
			r, err := rb.Rules(in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(snapshot, in.Lots, rulesCmp); diff != "" {
				t.Errorf("input lots modified:\n%s", diff)
			}
			sl := r.SmallLots
			if sl == nil {
				t.Fatal("no small lots answer for a formalised operation with lots")
			}
			got := []string{euroAmountString(sl.LotsTotal), euroAmountString(sl.Cap), euroAmountString(sl.EligibleTotal)}
			if diff := cmp.Diff([]string{tt.total, tt.cap, tt.eligibleTotal}, got); diff != "" {
				t.Errorf("amounts (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.eligible, sl.Eligible); diff != "" || sl.AllEligibleFit != tt.fit {
				t.Errorf("eligible (-want +got):\n%s fit=%v", diff, sl.AllEligibleFit)
			}
		})
	}
}

// TestRulesMonotonic is a property test: raising the value never makes a
// lighter regime, never adds a procedure allowed without publicity, and
// never removes a publicity requirement's strength (none < free form <
// notice).
func TestRulesMonotonic(t *testing.T) {
	rb := testRulebook(t, "")
	rng := rand.New(rand.NewPCG(1, 2))
	launches := []string{"2024-06-01", "2025-12-31", "2026-01-01", "2026-03-31", "2026-04-01", "2027-12-31"}
	noPublicity := func(r Rules) bool { return r.Allows(ProcedureNoPublicity, AllowedAlways) }
	strength := func(r Rules) int {
		s := 0
		for _, p := range r.Publicity {
			if p.Required && p.Medium != MediumBuyerProfileDocuments {
				s = max(s, int(p.Medium))
			}
		}
		return s
	}
	for i := 0; i < 3000; i++ {
		k := BuyerKind(1 + rng.IntN(6))
		n := Nature(1 + rng.IntN(3))
		on := rday(launches[rng.IntN(len(launches))])
		// Cents up to 10 M€, often near the thresholds.
		a := decimal.New(rng.Int64N(1_000_000_000)+1, -2)
		b := a.Add(decimal.New(rng.Int64N(50_000_000), -2))
		ra, err1 := rb.Rules(RulesInput{BuyerKind: k, Nature: n, EstimatedValue: a, LaunchDate: on})
		rb2, err2 := rb.Rules(RulesInput{BuyerKind: k, Nature: n, EstimatedValue: b, LaunchDate: on})
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if rb2.Regime < ra.Regime {
			t.Fatalf("%v %v %v: regime %v at %s but %v at %s", k, n, on, ra.Regime, a, rb2.Regime, b)
		}
		if noPublicity(rb2) && !noPublicity(ra) {
			t.Fatalf("%v %v %v: more value (%s > %s) allows a procedure without publicity", k, n, on, b, a)
		}
		if ra.Regime != RegimeFormalised && rb2.Regime != RegimeFormalised && strength(rb2) < strength(ra) {
			t.Fatalf("%v %v %v: publicity weaker at %s than at %s", k, n, on, b, a)
		}
	}
}

func TestTimeLimit(t *testing.T) {
	rb := testRulebook(t, "")
	rb67 := testRulebook(t, "67")
	tests := []struct {
		name       string
		rb         *Rulebook
		in         TimeLimitInput
		days       int
		ends       string
		earliest   string
		wantCase   LimitCase
		basisStart string
	}{
		// R2161-3: 30 days electronic. 21 Apr + 30 = 21 May (Thu).
		{"open, electronic", rb, TimeLimitInput{Procedure: ProcedureOpen, Step: StepTenders, Dispatched: rday("2026-04-21"), Electronic: true},
			30, "2026-05-21", "2026-05-22", CaseElectronic, "CCP R2161-3"},
		// R2161-2: 35 days. 21 Apr + 35 = 26 May (Tue; 25 May is Whit
		// Monday, not the last day).
		{"open, not electronic", rb, TimeLimitInput{Procedure: ProcedureOpen, Step: StepApplications, Dispatched: rday("2026-04-21")},
			35, "2026-05-26", "2026-05-27", CaseBase, "CCP R2161-2"},
		// 1 Apr + 30 = 1 May (Fri, holiday) -> Sat 2, Sun 3 -> Mon 4 May.
		{"ends on 1 May", rb, TimeLimitInput{Procedure: ProcedureOpen, Step: StepTenders, Dispatched: rday("2026-04-01"), Electronic: true},
			30, "2026-05-04", "2026-05-05", CaseElectronic, "CCP R2161-3"},
		// 15 May + 30 = 14 June (Sun) -> Mon 15 June.
		{"ends on a Sunday", rb, TimeLimitInput{Procedure: ProcedureOpen, Step: StepTenders, Dispatched: rday("2026-05-15"), Electronic: true},
			30, "2026-06-15", "2026-06-16", CaseElectronic, "CCP R2161-3"},
		// 1 Mar + 35 = 5 Apr (Easter Sunday) -> Easter Monday 6 Apr ->
		// Tue 7 Apr.
		{"ends on Easter Sunday", rb, TimeLimitInput{Procedure: ProcedureOpen, Step: StepTenders, Dispatched: rday("2026-03-01")},
			35, "2026-04-07", "2026-04-08", CaseBase, "CCP R2161-2"},
		// Leap day: 30 Jan 2028 + 30 = 29 Feb 2028 (Tue).
		{"leap day 2028", rb, TimeLimitInput{Procedure: ProcedureOpen, Step: StepTenders, Dispatched: rday("2028-01-30"), Electronic: true},
			30, "2028-02-29", "2028-03-01", CaseElectronic, "CCP R2161-3"},
		// Same dispatch a year earlier: 30 Jan 2027 + 30 = 1 Mar 2027 (Mon).
		{"no leap day 2027", rb, TimeLimitInput{Procedure: ProcedureOpen, Step: StepTenders, Dispatched: rday("2027-01-30"), Electronic: true},
			30, "2027-03-01", "2027-03-02", CaseElectronic, "CCP R2161-3"},
		// Alsace-Moselle: 4 Mar + 30 = 3 Apr, Good Friday, a holiday in 67
		// only -> Sat, Sun, Easter Monday -> Tue 7 Apr; in "FR" 3 Apr is
		// a working day.
		{"Good Friday in 67", rb67, TimeLimitInput{Procedure: ProcedureOpen, Step: StepTenders, Dispatched: rday("2026-03-04"), Electronic: true},
			30, "2026-04-07", "2026-04-08", CaseElectronic, "CCP R2161-3"},
		{"Good Friday is worked in FR", rb, TimeLimitInput{Procedure: ProcedureOpen, Step: StepTenders, Dispatched: rday("2026-03-04"), Electronic: true},
			30, "2026-04-03", "2026-04-04", CaseElectronic, "CCP R2161-3"},
		// PIN: min(35, 15, 30) = 15: 21 Apr + 15 = 6 May (Wed).
		{"open, PIN and electronic", rb, TimeLimitInput{Procedure: ProcedureOpen, Step: StepTenders, Dispatched: rday("2026-04-21"), Electronic: true, PIN: true},
			15, "2026-05-06", "2026-05-07", CasePIN, "CCP R2161-3"},
		// R2161-6 1°: urgency 15 days.
		{"restricted applications, urgency", rb, TimeLimitInput{Procedure: ProcedureRestricted, Step: StepApplications, Dispatched: rday("2026-04-21"), Urgency: true},
			15, "2026-05-06", "2026-05-07", CaseUrgency, "CCP R2161-6 1°"},
		// R2161-8 2°: 25 days. 21 Apr + 25 = 16 May (Sat) -> Mon 18 May.
		{"restricted tenders, general rules, electronic", rb, TimeLimitInput{Procedure: ProcedureRestricted, Step: StepTenders, Dispatched: rday("2026-04-21"), Electronic: true},
			25, "2026-05-18", "2026-05-19", CaseElectronic, "CCP R2161-8 2°"},
		{"restricted tenders, State, electronic: no sub-central allowance", rb, TimeLimitInput{Procedure: ProcedureRestricted, Step: StepTenders, Dispatched: rday("2026-04-21"), Electronic: true, BuyerKind: BuyerState},
			25, "2026-05-18", "2026-05-19", CaseElectronic, "CCP R2161-8 2°"},
		// R2161-9: a local authority without an agreed date, 10 days.
		// 21 Apr + 10 = 1 May -> Mon 4 May.
		{"restricted tenders, local authority", rb, TimeLimitInput{Procedure: ProcedureRestricted, Step: StepTenders, Dispatched: rday("2026-04-21"), Electronic: true, BuyerKind: BuyerLocalAuthority},
			10, "2026-05-04", "2026-05-05", CaseNoAgreement, "CCP R2161-9"},
		// R2161-15 3°: negotiated tenders, urgency 10 days.
		{"negotiated tenders, urgency", rb, TimeLimitInput{Procedure: ProcedureNegotiated, Step: StepTenders, Dispatched: rday("2026-04-21"), Urgency: true, BuyerKind: BuyerState},
			10, "2026-05-04", "2026-05-05", CaseUrgency, "CCP R2161-15 3°"},
		// R2161-21: utilities, applications 15 days.
		{"negotiated applications, utility", rb, TimeLimitInput{Procedure: ProcedureNegotiated, Step: StepApplications, Dispatched: rday("2026-04-21"), BuyerKind: BuyerUtility},
			15, "2026-05-06", "2026-05-07", CaseBase, "CCP R2161-21"},
		// R2161-22: utilities, tenders 10 days failing agreement.
		{"negotiated tenders, utility", rb, TimeLimitInput{Procedure: ProcedureNegotiated, Step: StepTenders, Dispatched: rday("2026-04-21"), BuyerKind: BuyerPublicUndertaking},
			10, "2026-05-04", "2026-05-05", CaseNoAgreement, "CCP R2161-22"},
		// The French counting gives the same result on long periods.
		{"open, French counting", rb, TimeLimitInput{Procedure: ProcedureOpen, Step: StepTenders, Dispatched: rday("2026-04-01"), Electronic: true, Counting: CountingFrench},
			30, "2026-05-04", "2026-05-05", CaseElectronic, "CCP R2161-3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.rb.TimeLimit(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			want := []string{tt.ends, tt.earliest, tt.wantCase.String()}
			if diff := cmp.Diff(want, []string{got.Period.Ends.String(), got.Earliest.String(), got.Case.String()}); diff != "" || got.Period.Days != tt.days {
				t.Errorf("(-want +got):\n%s days=%d want %d", diff, got.Period.Days, tt.days)
			}
			if !strings.HasPrefix(got.Basis, tt.basisStart) || got.Source == "" {
				t.Errorf("basis = %q, want prefix %q and a source", got.Basis, tt.basisStart)
			}
		})
	}
}

func TestTimeLimitErrors(t *testing.T) {
	rb := testRulebook(t, "")
	tests := []struct {
		name string
		in   TimeLimitInput
		want []string
	}{
		{"nothing given", TimeLimitInput{}, []string{"dispatched:date_required", "procedure:unknown_procedure", "step:unknown_step"}},
		{"restricted tenders of a utility: article not confirmed, no row",
			TimeLimitInput{Procedure: ProcedureRestricted, Step: StepTenders, Dispatched: rday("2026-04-21"), BuyerKind: BuyerUtility},
			[]string{"procedure:no_time_limit"}},
		{"competitive dialogue: not in the table",
			TimeLimitInput{Procedure: ProcedureCompetitiveDialogue, Step: StepApplications, Dispatched: rday("2026-04-21")},
			[]string{"procedure:no_time_limit"}},
		{"before the CCP",
			TimeLimitInput{Procedure: ProcedureOpen, Step: StepTenders, Dispatched: rday("2019-03-31")},
			[]string{"procedure:no_time_limit"}},
		{"bad counting", TimeLimitInput{Procedure: ProcedureOpen, Step: StepTenders, Dispatched: rday("2026-04-21"), Counting: 9},
			[]string{"counting:unknown_counting"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rb.TimeLimit(tt.in)
			if diff := cmp.Diff(tt.want, rulesCodes(err)); diff != "" {
				t.Errorf("(-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

// TestTimeLimitProperties: more reductions never lengthen the minimum;
// the earliest day follows the period's last day, which is a working day
// at least Days after the dispatch.
func TestTimeLimitProperties(t *testing.T) {
	rb := testRulebook(t, "974")
	rng := rand.New(rand.NewPCG(3, 4))
	procs := []Procedure{ProcedureOpen, ProcedureRestricted, ProcedureNegotiated}
	kinds := []BuyerKind{0, BuyerState, BuyerLocalAuthority, BuyerHealth, BuyerOtherContractingAuthority}
	for i := 0; i < 2000; i++ {
		in := TimeLimitInput{Procedure: procs[rng.IntN(3)], Step: Step(1 + rng.IntN(2)),
			Dispatched: rday("2024-01-01").AddDays(rng.IntN(1500)), BuyerKind: kinds[rng.IntN(len(kinds))]}
		base, err := rb.TimeLimit(in)
		if err != nil {
			t.Fatal(in, err)
		}
		more := in
		more.Electronic, more.PIN, more.Urgency = rng.IntN(2) == 0, rng.IntN(2) == 0, rng.IntN(2) == 0
		red, err := rb.TimeLimit(more)
		if err != nil {
			t.Fatal(err)
		}
		if red.Period.Days > base.Period.Days {
			t.Fatalf("%+v: reductions lengthen %d -> %d", more, base.Period.Days, red.Period.Days)
		}
		for _, tl := range []TimeLimit{base, red} {
			p := tl.Period
			if tl.Earliest != p.Ends.AddDays(1) || p.Ends.Before(in.Dispatched.AddDays(p.Days)) || !isEUWorkingDay(rb.cal, p.Ends) {
				t.Fatalf("%+v: bad period %+v earliest %v", in, p, tl.Earliest)
			}
		}
	}
}

// euOracle counts a period day by day: the naive reading of 1182/71 art.
// 3, with holidays from the territory's own list.
func euOracle(t testing.TB, terr calendar.Territory, event calendar.Date, days int, eu bool) calendar.Date {
	t.Helper()
	hol := map[calendar.Date]bool{}
	hs, err := terr.HolidaysBetween(event.AddDays(-1), event.AddDays(days+30))
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hs {
		hol[h.Date] = true
	}
	working := func(d calendar.Date) bool {
		w := d.Weekday()
		return w != time.Saturday && w != time.Sunday && !hol[d]
	}
	end := event.AddDays(days)
	for !working(end) {
		end = end.AddDays(1)
	}
	if eu && days >= 2 {
		for {
			n := 0
			for d := event.AddDays(1); !d.After(end); d = d.AddDays(1) {
				if working(d) {
					n++
				}
			}
			if n >= 2 {
				break
			}
			end = end.AddDays(1)
			for !working(end) {
				end = end.AddDays(1)
			}
		}
	}
	return end
}

func TestCountPeriod(t *testing.T) {
	fr := testRulebook(t, "").cal
	tests := []struct {
		name     string
		event    string
		days     int
		counting Counting
		want     string
	}{
		// 1182/71 art. 3(5): 2 days from Thu 30 Apr 2026: Fri 1 May
		// (holiday), Sat 2 -> extended to Mon 4 May, which holds one
		// working day only -> Tue 5 May. CPC 641-642: Mon 4 May.
		{"two working days, EU", "2026-04-30", 2, CountingEU, "2026-05-05"},
		{"two working days, French", "2026-04-30", 2, CountingFrench, "2026-05-04"},
		// From Fri 8 May (holiday): Sat 9, Sun 10 -> Mon 11, one working
		// day -> EU Tue 12; French Mon 11.
		{"from a holiday Friday, EU", "2026-05-08", 2, CountingEU, "2026-05-12"},
		{"from a holiday Friday, French", "2026-05-08", 2, CountingFrench, "2026-05-11"},
		// Mon 11 May + 2 = Wed 13: Tue and Wed are working days: same.
		{"two working days already", "2026-05-11", 2, CountingEU, "2026-05-13"},
		// One day: art. 3(5) does not apply. Fri 29 May + 1 = Sat ->
		// Mon 1 June.
		{"one day", "2026-05-29", 1, CountingEU, "2026-06-01"},
		// Zero days from a Saturday: extended to Monday.
		{"zero days", "2026-05-30", 0, CountingEU, "2026-06-01"},
		// Zero Counting means EU.
		{"default counting", "2026-04-30", 2, 0, "2026-05-05"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := CountPeriod(fr, rday(tt.event), tt.days, tt.counting)
			if err != nil {
				t.Fatal(err)
			}
			if p.Ends.String() != tt.want {
				t.Errorf("Ends = %v, want %s", p.Ends, tt.want)
			}
			if p.Extended() != (p.Ends != rday(tt.event).AddDays(tt.days)) {
				t.Errorf("Extended = %v", p.Extended())
			}
		})
	}
	for _, bad := range []struct {
		c    *calendar.Calendar
		e    calendar.Date
		n    int
		k    Counting
		want error
	}{
		{nil, rday("2026-01-01"), 1, CountingEU, ErrRulesCalendar},
		{fr, calendar.Date{}, 1, CountingEU, ErrDateRequired},
		{fr, rday("2026-01-01"), -1, CountingEU, ErrPeriodDays},
		{fr, rday("2026-01-01"), 1, 7, ErrUnknownCounting},
		{fr, rday("2200-12-20"), 30, CountingEU, calendar.ErrDayCountOutOfRange},
	} {
		if _, err := CountPeriod(bad.c, bad.e, bad.n, bad.k); !errors.Is(err, bad.want) {
			t.Errorf("CountPeriod(%v, %d, %v) err = %v, want %v", bad.e, bad.n, bad.k, err, bad.want)
		}
	}
}

// TestCountPeriodOracle compares CountPeriod with the day-by-day oracle
// over every territory's holidays.
func TestCountPeriodOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, code := range []string{"FR", "67", "971", "974", "976", "987"} {
		terr, err := calendar.LookupTerritory(code)
		if err != nil {
			t.Fatal(err)
		}
		rb := testRulebook(t, code)
		for i := 0; i < 1500; i++ {
			ev := rday("2024-01-01").AddDays(rng.IntN(365 * 5))
			n := rng.IntN(40)
			if i%3 == 0 {
				n = rng.IntN(4)
			}
			for _, k := range []Counting{CountingEU, CountingFrench} {
				p, err := CountPeriod(rb.cal, ev, n, k)
				if err != nil {
					t.Fatal(err)
				}
				if want := euOracle(t, terr, ev, n, k == CountingEU); p.Ends != want {
					t.Fatalf("%s %v + %d (%v) = %v, oracle %v", code, ev, n, k, p.Ends, want)
				}
			}
		}
	}
}

func TestAdditionalInformationAndAwardNotice(t *testing.T) {
	rb := testRulebook(t, "")
	tests := []struct {
		name     string
		deadline string
		urgency  bool
		days     int
		want     string
	}{
		// R2132-6: Mon 15 June - 6 = Tue 9 June.
		{"six days", "2026-06-15", false, 6, "2026-06-09"},
		// Urgency: 15 June - 4 = Thu 11 June.
		{"four days in urgency", "2026-06-15", true, 4, "2026-06-11"},
		// Fri 12 June - 6 = Sat 6 June: moved back to Fri 5 June, never
		// later than the text allows.
		{"Saturday moves earlier", "2026-06-12", false, 6, "2026-06-05"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := rb.AdditionalInformation(rday(tt.deadline), tt.urgency)
			if err != nil {
				t.Fatal(err)
			}
			if got.LatestDay.String() != tt.want || got.Days != tt.days || got.Basis == "" {
				t.Errorf("got %+v, want %s (%d days)", got, tt.want, tt.days)
			}
		})
	}
	if _, err := rb.AdditionalInformation(calendar.Date{}, false); !errors.Is(err, ErrDateRequired) {
		t.Errorf("zero deadline err = %v", err)
	}
	// R2183-1: Tue 21 July + 30 = Thu 20 Aug; Thu 16 July + 30 = Sat
	// 15 Aug (Assumption) -> Mon 17 Aug.
	for signed, want := range map[string]string{"2026-07-21": "2026-08-20", "2026-07-16": "2026-08-17"} {
		got, err := rb.AwardNoticeDeadline(rday(signed))
		if err != nil || got.Period.Ends.String() != want {
			t.Errorf("AwardNoticeDeadline(%s) = %v, %v; want %s", signed, got.Period.Ends, err, want)
		}
	}
	if _, err := rb.AwardNoticeDeadline(calendar.Date{}); !errors.Is(err, ErrDateRequired) {
		t.Errorf("zero signature err = %v", err)
	}
}

func TestStandstill(t *testing.T) {
	rb := testRulebook(t, "")
	tests := []struct {
		name     string
		in       StandstillInput
		required bool
		ends     string
		signFrom string
	}{
		// R2182-1, date à date with the day of sending (CE 2 Aug 2011, n°
		// 347526): sent 28 Dec 2010, 16 days, expired 12 Jan 2011, signed
		// lawfully on 13 Jan: the decision's own example.
		{"the Conseil d'État's example", StandstillInput{Sent: rday("2010-12-28"), NotElectronic: true}, true, "2011-01-12", "2011-01-13"},
		// 11 days: Tue 21 Apr + 10 = Fri 1 May (holiday) -> Mon 4 May;
		// sign from Tue 5 May.
		{"11 days ending on 1 May", StandstillInput{Sent: rday("2026-04-21")}, true, "2026-05-04", "2026-05-05"},
		// Without the extension: sign from Sat 2 May.
		{"11 days, no extension", StandstillInput{Sent: rday("2026-04-21"), NoExtension: true}, true, "2026-05-01", "2026-05-02"},
		// 16 days: 21 Apr + 15 = Wed 6 May; sign Thu 7 May.
		{"16 days, not electronic", StandstillInput{Sent: rday("2026-04-21"), NotElectronic: true}, true, "2026-05-06", "2026-05-07"},
		// Fri 10 July + 10 = Mon 20 July; sign Tue 21 July.
		{"sample award", StandstillInput{Sent: rday("2026-07-10")}, true, "2026-07-20", "2026-07-21"},
		// Leap year: 22 Feb 2028 + 10 = 3 Mar (Fri); 2027: 4 Mar (Thu).
		{"across 29 Feb 2028", StandstillInput{Sent: rday("2028-02-22")}, true, "2028-03-03", "2028-03-04"},
		{"across February 2027", StandstillInput{Sent: rday("2027-02-22")}, true, "2027-03-04", "2027-03-05"},
		// R2182-2: no standstill.
		{"sole tenderer", StandstillInput{Sent: rday("2026-04-21"), Exception: ExceptionSoleTenderer}, false, "2026-04-21", "2026-04-21"},
		{"framework call-off", StandstillInput{Sent: rday("2026-04-21"), Exception: ExceptionFrameworkCallOff}, false, "2026-04-21", "2026-04-21"},
		{"DPS specific contract", StandstillInput{Sent: rday("2026-04-21"), Exception: ExceptionDPSSpecific}, false, "2026-04-21", "2026-04-21"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := rb.Standstill(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]string{tt.ends, tt.signFrom}, []string{got.PeriodEnds.String(), got.SignFrom.String()}); diff != "" || got.Required != tt.required || got.Basis == "" {
				t.Errorf("(-want +got):\n%s required=%v basis=%q", diff, got.Required, got.Basis)
			}
		})
	}
	if _, err := rb.Standstill(StandstillInput{}); !errors.Is(err, ErrDateRequired) {
		t.Errorf("zero sent err = %v", err)
	}
	if _, err := rb.Standstill(StandstillInput{Sent: rday("2026-01-05"), Exception: 9}); !errors.Is(err, ErrUnknownStandstillException) {
		t.Errorf("bad exception err = %v", err)
	}
}

func TestRemedies(t *testing.T) {
	rb := testRulebook(t, "")
	tests := []struct {
		name string
		in   RemediesInput
		want map[string]string
	}{
		// R551-7: 20 Aug + 31 = 20 Sep (Sun) -> Mon 21 Sep. Tarn-et-
		// Garonne: 2 months franc from 20 Aug: 21 Aug + 2 months = Wed 21
		// Oct.
		{"award notice published", RemediesInput{Concluded: rday("2026-07-21"), AwardPublished: rday("2026-08-20")},
			map[string]string{"refere_precontractuel": "0000-00-00", "refere_contractuel": "2026-09-21", "tarn_et_garonne": "2026-10-21"}},
		// No notice: 6 months from the day after 21 July 2026: 21 Jan
		// 2027 (Thu).
		{"no award notice", RemediesInput{Concluded: rday("2026-07-21")},
			map[string]string{"refere_precontractuel": "0000-00-00", "refere_contractuel": "2027-01-21"}},
		// Month ends: concluded 31 Aug + 6 months = 28 Feb 2027 (Sun) ->
		// Mon 1 Mar. Published 30 Dec 2026: 31 Dec + 2 months = 31 Feb ->
		// 28 Feb (Sun) -> 1 Mar; 30 Dec + 31 = 30 Jan 2027 (Sat) -> Mon 1
		// Feb.
		{"month ends", RemediesInput{Concluded: rday("2026-12-29"), AwardPublished: rday("2026-12-30")},
			map[string]string{"refere_precontractuel": "0000-00-00", "refere_contractuel": "2027-02-01", "tarn_et_garonne": "2027-03-01"}},
		{"six months to a short February", RemediesInput{Concluded: rday("2026-08-31")},
			map[string]string{"refere_precontractuel": "0000-00-00", "refere_contractuel": "2027-03-01"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := rb.Remedies(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, r := range rs {
				got[r.Remedy] = r.LastDay.String()
				if r.Basis == "" || r.Reason == "" {
					t.Errorf("%s: empty basis or reason", r.Remedy)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if _, err := rb.Remedies(RemediesInput{}); !errors.Is(err, ErrDateRequired) {
		t.Errorf("zero concluded err = %v", err)
	}
	if _, err := rb.Remedies(RemediesInput{Concluded: rday("2026-07-21"), AwardPublished: rday("2026-07-20")}); !errors.Is(err, ErrDateOrder) {
		t.Errorf("published before conclusion err = %v", err)
	}
}

func TestPaymentTimeLimit(t *testing.T) {
	tests := []struct {
		kind BuyerKind
		days int
		due  string
	}{
		// R2192-10 / R2192-11: 10 Mar + 30 = 9 Apr; + 50 = 29 Apr; + 60 =
		// 9 May (a Saturday: not moved).
		{BuyerState, 30, "2026-04-09"},
		{BuyerLocalAuthority, 30, "2026-04-09"},
		{BuyerOtherContractingAuthority, 30, "2026-04-09"},
		{BuyerUtility, 30, "2026-04-09"},
		{BuyerHealth, 50, "2026-04-29"},
		{BuyerPublicUndertaking, 60, "2026-05-09"},
	}
	for _, tt := range tests {
		got, err := PaymentTimeLimit(tt.kind, rday("2026-03-10"))
		if err != nil || got.Days != tt.days || got.Due.String() != tt.due || got.Basis == "" {
			t.Errorf("%v: %+v, %v; want %d days, due %s", tt.kind, got, err, tt.days, tt.due)
		}
	}
	if got, err := PaymentTimeLimit(BuyerHealth, calendar.Date{}); err != nil || !got.Due.IsZero() {
		t.Errorf("no receipt date: %+v, %v", got, err)
	}
	if _, err := PaymentTimeLimit(0, calendar.Date{}); !errors.Is(err, ErrUnknownBuyerKind) {
		t.Errorf("unset kind err = %v", err)
	}
}

func TestLateInterest(t *testing.T) {
	tests := []struct {
		name                                  string
		principal, due, paid, ecb             string
		days                                  int
		rateDate, rate, interest, comp, total string
	}{
		// 10 000 × 10.15 % × 30 / 365 = 3 045 000 / 36 500 = 83.4246... ->
		// 83.42; + 40 = 123.42. Interest from 11 Mar: H1 rate.
		{"30 days", "10000.00", "2026-03-10", "2026-04-09", "2.15", 30, "2026-01-01", "10.15", "83.42", "40.00", "123.42"},
		// Interest from 1 July: the rate of 1 July applies.
		{"starts 1 July", "10000.00", "2026-06-30", "2026-07-15", "2.15", 15, "2026-07-01", "10.15", "41.71", "40.00", "81.71"},
		// Interest from 30 June: the rate of 1 January applies even after
		// 1 July. 10 000 × 10.15 × 16 / 36 500 = 44.49315... -> 44.49.
		{"starts 30 June", "10000.00", "2026-06-29", "2026-07-15", "2.15", 16, "2026-01-01", "10.15", "44.49", "40.00", "84.49"},
		// Half a cent rounds away from zero: 18.25 × 10 × 1 / 36 500 =
		// 0.005 -> 0.01.
		{"half a cent", "18.25", "2026-03-10", "2026-03-11", "2", 1, "2026-01-01", "10.00", "0.01", "40.00", "40.01"},
		// Leap year: 28 Feb -> 1 Mar 2028 is 2 days (29 Feb counts), still
		// over 365: 36 500 × 10 × 2 / 36 500 = 20.00.
		{"leap year", "36500", "2028-02-28", "2028-03-01", "2.00", 2, "2028-01-01", "10.00", "20.00", "40.00", "60.00"},
		// A negative ECB rate is still + 8 points: 7.50.
		{"negative ECB rate", "36500", "2026-03-10", "2026-03-11", "-0.5", 1, "2026-01-01", "7.50", "7.50", "40.00", "47.50"},
		// Paid on the last day: nothing owed.
		{"on time", "10000.00", "2026-03-10", "2026-03-10", "2.15", 0, "0000-00-00", "10.15", "0.00", "0.00", "0.00"},
		{"early", "10000.00", "2026-03-10", "2026-03-01", "2.15", 0, "0000-00-00", "10.15", "0.00", "0.00", "0.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ComputeLateInterest(LateInterestInput{Principal: rdec(tt.principal), Due: rday(tt.due), Paid: rday(tt.paid), ECBRate: rdec(tt.ecb)})
			if err != nil {
				t.Fatal(err)
			}
			want := []string{tt.rateDate, tt.rate, tt.interest, tt.comp, tt.total}
			gotS := []string{got.RateDate.String(), latePercentString(got.Rate), got.Interest.StringFixed(2), got.Compensation.StringFixed(2), got.Total.StringFixed(2)}
			if diff := cmp.Diff(want, gotS); diff != "" || got.DaysLate != tt.days {
				t.Errorf("(-want +got):\n%s days=%d want %d", diff, got.DaysLate, tt.days)
			}
		})
	}
	_, err := ComputeLateInterest(LateInterestInput{ECBRate: rdec("-9")})
	if diff := cmp.Diff([]string{"due:date_required", "ecbRate:ecb_rate", "paid:date_required", "principal:principal"}, rulesCodes(err)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

// TestLateInterestOracle checks the rounding against exact rational
// arithmetic.
func TestLateInterestOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for i := 0; i < 5000; i++ {
		cents := rng.Int64N(100_000_000) + 1
		ecbBP := rng.Int64N(800) - 100 // -1.00 % .. 6.99 %
		days := rng.IntN(400)
		in := LateInterestInput{Principal: decimal.New(cents, -2), Due: rday("2026-01-15"), Paid: rday("2026-01-15").AddDays(days), ECBRate: decimal.New(ecbBP, -2)}
		got, err := ComputeLateInterest(in)
		if err != nil {
			t.Fatal(err)
		}
		if want := oracleInterest(cents, ecbBP+800, int64(days)); got.Interest.StringFixed(2) != want {
			t.Fatalf("%+v: interest %s, oracle %s", in, got.Interest.StringFixed(2), want)
		}
	}
}

// oracleInterest computes cents/100 × bp/100 % × days / 365 exactly and
// rounds half away from zero to cents.
func oracleInterest(cents, bp, days int64) string {
	// interest in cents = cents × bp × days / (10000 × 365)
	num := new(big.Int).Mul(big.NewInt(cents), big.NewInt(bp))
	num.Mul(num, big.NewInt(days))
	den := big.NewInt(10000 * 365)
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	if new(big.Int).Mul(r, big.NewInt(2)).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	return decimal.NewFromBigInt(q, -2).StringFixed(2)
}

func TestConsultationRulesSample(t *testing.T) {
	data, err := os.ReadFile("testdata/sample_consultation.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := ParseConsultation(data)
	if err != nil {
		t.Fatal(err)
	}
	rb := testRulebook(t, c.Buyer.Territory)
	got, err := rb.ConsultationRules(c, true)
	if err != nil {
		t.Fatal(err)
	}
	// Total (R2121-1): 90000+20000+90000 + 48000+48000 = 296000 >=
	// 216000 (local authority, 2026): formalised; open procedure
	// allowed. Notice sent Mon 11 May + 30 (electronic) = Wed 10 June;
	// earliest 11 June; the sample's deadline of 15 June is lawful. The
	// lots (200000, 96000) are all >= 80000: none small.
	if got.Rules.Regime != RegimeFormalised || got.Procedure.Allowed != "always" || euroAmountString(got.Rules.EstimatedValue) != "296000" {
		t.Errorf("rules: %v %v %v", got.Rules.Regime, got.Procedure.Allowed, got.Rules.EstimatedValue)
	}
	if got.TimeLimit == nil || got.TimeLimit.Period.Ends.String() != "2026-06-10" || got.Deadline == nil || !got.Deadline.Lawful ||
		got.Deadline.Earliest.String() != "2026-06-11" || got.Payment.Days != 30 {
		t.Errorf("time limit %+v deadline %+v payment %+v", got.TimeLimit, got.Deadline, got.Payment)
	}
	if sl := got.Rules.SmallLots; sl == nil || len(sl.Eligible) != 0 || euroAmountString(sl.Cap) != "59200" {
		t.Errorf("small lots %+v", sl) // 20 % of 296000 = 59200
	}
	// Not electronic: 35 days -> Mon 15 June; earliest 16 June: the
	// sample's deadline of 15 June becomes unlawful.
	got, err = rb.ConsultationRules(c, false)
	if err != nil || got.Deadline.Lawful || got.Deadline.Earliest.String() != "2026-06-16" {
		t.Errorf("not electronic: %+v, %v", got.Deadline, err)
	}
	// A restricted procedure checks the applications deadline.
	r := c
	r.Procedure = ProcedureRestricted
	r.ApplicationsDeadline = time.Date(2026, time.June, 10, 12, 0, 0, 0, time.FixedZone("", 7200))
	got, err = rb.ConsultationRules(r, true)
	// R2161-6 1°: 30 days (no electronic reduction for applications):
	// 11 May + 30 = 10 June, earliest 11 June: 10 June is too early.
	if err != nil || got.Deadline == nil || got.Deadline.Field != "applicationsDeadline" || got.Deadline.Lawful {
		t.Errorf("restricted: %+v, %v", got.Deadline, err)
	}
	c.NoticeDispatch = calendar.Date{}
	if _, err := rb.ConsultationRules(c, true); !errors.Is(err, ErrDateRequired) || rulesCodes(err)[0] != "noticeDispatch:date_required" {
		t.Errorf("no dispatch date err = %v", err)
	}
}

func TestParseTables(t *testing.T) {
	// A user's own 2028 table replaces the built-in data.
	user := []byte(`{"version":"user-2028","thresholds":[
		{"kind":"eu_supplies_services_sub_central","amount":"230000","from":"2028-01-01","to":"2029-12-31","act":"hypothetical 2028 regulation"},
		{"kind":"no_publicity_supplies_services","amount":"60000","from":"2026-04-01","act":"CCP R2122-8"},
		{"kind":"mapa_notice","amount":"90000","from":"2019-04-01","act":"CCP R2131-12"},
		{"kind":"free_documents","amount":"60000","from":"2026-04-01","act":"CCP R2132-2"}]}`)
	tab, err := ParseThresholdTable(user)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := NewRulebook(RulebookConfig{Thresholds: tab})
	if err != nil {
		t.Fatal(err)
	}
	r, err := rb.Rules(RulesInput{BuyerKind: BuyerLocalAuthority, Nature: Services, EstimatedValue: rdec("225000"), LaunchDate: rday("2028-03-01")})
	if err != nil || r.Regime != RegimeAdapted || r.DataVersion != "user-2028" {
		t.Errorf("user table: %v %q, %v", r.Regime, r.DataVersion, err)
	}
	tests := []struct {
		name  string
		parse func([]byte) error
		doc   string
		want  []string
	}{
		{"thresholds: every row problem at once", func(b []byte) error { _, err := ParseThresholdTable(b); return err },
			`{"version":"","thresholds":[{"kind":"nope","amount":"1","from":"2026-01-01","act":"x"},
			{"kind":"eu_works","amount":"-5","from":"2026-13-01","act":""},
			{"kind":"eu_works","amount":"7","from":"2026-01-01","to":"2025-01-01","act":"x"}]}`,
			[]string{"thresholds[0].kind:unknown_threshold_kind", "thresholds[1].amount:threshold_amount", "thresholds[1].from:invalid_date",
				"thresholds[1].act:row_basis", "thresholds[2].to:row_range", "version:table_version"}},
		{"thresholds: overlap", func(b []byte) error { _, err := ParseThresholdTable(b); return err },
			`{"version":"v","thresholds":[{"kind":"eu_works","amount":"1","from":"2026-01-01","act":"a"},{"kind":"eu_works","amount":"2","from":"2027-01-01","act":"b"}]}`,
			[]string{"thresholds:row_overlap"}},
		{"thresholds: unknown field", func(b []byte) error { _, err := ParseThresholdTable(b); return err },
			`{"version":"v","rows":[]}`, []string{"table:table_json"}},
		{"thresholds: empty", func(b []byte) error { _, err := ParseThresholdTable(b); return err },
			`{"version":"v","thresholds":[]}`, []string{"thresholds:table_empty"}},
		{"limits: every row problem at once", func(b []byte) error { _, err := ParseTimeLimitTable(b); return err },
			`{"version":"v","limits":[{"procedure":"open","step":"offers","scope":"everyone","case":"fast","days":0,"basis":"b","from":"2019-04-01"},
			{"procedure":"ouvert","step":"tenders","scope":"all","case":"base","days":1.5,"basis":"x","from":""}]}`,
			[]string{"limits[0].case:unknown_limit_case", "limits[0].days:limit_days", "limits[0].procedure:unknown_procedure", "limits[0].scope:unknown_limit_scope",
				"limits[0].step:unknown_step", "limits[1].days:limit_days", "limits[1].from:row_from"}},
		{"limits: overlap", func(b []byte) error { _, err := ParseTimeLimitTable(b); return err },
			`{"version":"v","limits":[{"procedure":"ouvert","step":"tenders","scope":"all","case":"base","days":35,"basis":"a","from":"2019-04-01"},
			{"procedure":"ouvert","step":"tenders","scope":"all","case":"base","days":30,"basis":"b","from":"2020-01-01","to":"2020-12-31"}]}`,
			[]string{"limits:row_overlap"}},
		{"limits: not JSON", func(b []byte) error { _, err := ParseTimeLimitTable(b); return err }, `[1]`, []string{"table:table_json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.parse([]byte(tt.doc))
			got := rulesCodes(err)
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

func TestEnumCodes(t *testing.T) {
	for k := ThresholdEUWorks; k <= ThresholdSmallLotWorks; k++ {
		if got, err := ParseThresholdKind(k.String()); err != nil || got != k {
			t.Errorf("ParseThresholdKind(%q) = %v, %v", k, got, err)
		}
	}
	for _, s := range []Step{StepApplications, StepTenders} {
		var got Step
		if err := got.UnmarshalText([]byte(s.String())); err != nil || got != s {
			t.Errorf("Step %q: %v, %v", s, got, err)
		}
	}
	for _, c := range []Counting{CountingEU, CountingFrench} {
		if got, err := ParseCounting(c.String()); err != nil || got != c {
			t.Errorf("Counting %q: %v, %v", c, got, err)
		}
	}
	if _, err := (Step(0)).MarshalText(); !errors.Is(err, ErrUnknownStep) {
		t.Errorf("unset step marshal err = %v", err)
	}
	if _, err := ParseLimitScope("x"); !errors.Is(err, ErrUnknownLimitScope) {
		t.Errorf("ParseLimitScope err = %v", err)
	}
}

// TestRulebookConcurrent shares one Rulebook between goroutines (run with
// -race): it has no mutable state.
func TestRulebookConcurrent(t *testing.T) {
	rb := testRulebook(t, "75")
	in := RulesInput{BuyerKind: BuyerLocalAuthority, Nature: Services, EstimatedValue: rdec("296000"), LaunchDate: rday("2026-05-11"),
		Lots: []RulesLot{{"1", rdec("200000")}, {"2", rdec("96000")}}}
	want, err := rb.Rules(in)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, _ := json.Marshal(want)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				r, err := rb.Rules(in)
				b, _ := json.Marshal(r)
				if err != nil || string(b) != string(wantJSON) {
					t.Error("different answer from another goroutine")
					return
				}
				if _, err := rb.TimeLimit(TimeLimitInput{Procedure: ProcedureOpen, Step: StepTenders, Dispatched: rday("2026-04-01").AddDays(i), Electronic: true}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
}
