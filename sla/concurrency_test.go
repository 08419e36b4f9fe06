package sla_test

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/openmarches/marches/sla"
)

// TestConcurrentUse shares one evaluator, policy and release calendar
// between goroutines (run with -race) and checks that results do not
// depend on who computes them; the caller's incidents are not modified.
func TestConcurrentUse(t *testing.T) {
	e := evaluator(t, sla.Config{Releases: contractReleases(t)})
	incs, now := randomBatch(200, 3)
	snapshot, _ := json.Marshal(incs)
	want, err := e.EvaluateAll(incs, now)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, _ := json.Marshal(want)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; i < len(incs); i += 4 {
				if _, err := e.Evaluate(incs[i], now); err != nil {
					t.Error(err)
				}
				if _, err := e.Deadlines("P2", incs[i].Events[0].At); err != nil {
					t.Error(err)
				}
			}
			rep, err := e.EvaluateAll(incs, now)
			if err != nil {
				t.Error(err)
				return
			}
			if b, _ := json.Marshal(rep); string(b) != string(wantJSON) {
				t.Error("EvaluateAll differs between goroutines")
			}
			if _, err := sla.ParsePolicy(mustJSON(sla.DefaultPolicy())); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if after, _ := json.Marshal(incs); string(after) != string(snapshot) {
		t.Error("evaluation modified the caller's incidents")
	}
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}
