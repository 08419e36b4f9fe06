package pricing

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// TestConcurrentUse shares the Syntec series, a formula and a contract
// across goroutines (run with -race) and checks every goroutine renders
// byte-identical JSON: the lazily parsed snapshot and the compiled
// schemas are the only shared state.
func TestConcurrentUse(t *testing.T) {
	c, err := ParseContract([]byte(demoContract))
	if err != nil {
		t.Fatal(err)
	}
	render := func() string {
		s, err := Plan(c)
		if err != nil {
			t.Error(err)
			return ""
		}
		b, _ := json.Marshal(s)
		r, err := ReviseWithSeries(MustEUR("9000"), Syntec(), MustMonth("2021-06"), MustMonth("2025-10"), RevisionConfig{Formula: MustParseFormula("P = P0 x (0,15 + 0,85 x S/S0)")})
		if err != nil {
			t.Error(err)
			return ""
		}
		b2, _ := json.Marshal(r)
		if _, err := ParseContract([]byte(demoContract)); err != nil {
			t.Error(err)
		}
		return string(b) + string(b2) + MustEUR("9232.09").Format(French)
	}
	first := render()
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := render(); got != first {
				t.Error("concurrent render differs")
			}
		}()
	}
	wg.Wait()
}

// TestInputsNotModified: callers' slices are neither kept nor modified.
func TestInputsNotModified(t *testing.T) {
	fees := []decimal.Decimal{dec("6300"), dec("9000")}
	snapshot := append([]decimal.Decimal(nil), fees...)
	c := Contract{Start: MustDate("2024-12-02"), Months: 24, Fees: fees}
	if _, err := Plan(c); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(snapshot, fees); diff != "" {
		t.Errorf("fees modified: %s", diff)
	}
	base := []Observation{{Value: dec("300.5")}}
	cur := []Observation{{Value: dec("310.2")}}
	links := []Link{SyntecLink}
	r, err := Revise(RevisionInput{Initial: MustEUR("9000"), Base: base, Current: cur, Links: links}, RevisionConfig{})
	if err != nil {
		t.Fatal(err)
	}
	if base[0].Index != "" || cur[0].Index != "" {
		t.Error("observations modified")
	}
	links[0].Coefficient = dec("2")
	if !r.links[0].Coefficient.Equal(dec("0.97975")) {
		t.Error("links aliased")
	}
	pts := Syntec().Points()
	pts[0].Value = dec("1")
	if p, _ := Syntec().Value(MustMonth("2019-01")); !p.Value.Equal(dec("270.7")) {
		t.Error("Points() leaks the series' slice")
	}
	ts := MustParseFormula("P = P0 x (0,15 + 0,85 x S/S0)")
	tt := ts.Terms()
	tt[0].Weight = dec("1")
	if !ts.Terms()[0].Weight.Equal(dec("0.85")) {
		t.Error("Terms() leaks the formula's slice")
	}
}
