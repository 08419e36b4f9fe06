package qos

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
)

// FuzzParseDocument: no panic on any input; a parsed document evaluates
// without error, its shares lie in [0, 100], its percentiles are observed
// values in increasing order, and the JSON is stable.
func FuzzParseDocument(f *testing.F) {
	f.Add([]byte(`{"month":"2026-03","probes":[{"check":"home","at":"2026-03-02T10:00:00+01:00","duration_ms":1234,"success":true}]}`))
	f.Add([]byte(`{"month":"2026-10","objectives":[{"check":"x","thresholds":[{"under_ms":1,"percent":"0.5"}]}],
		"probes":[{"check":"x","at":"2026-10-25T02:30:00+01:00","duration_ms":0,"success":false},{"check":"x","at":"2026-10-25T02:30:00+02:00","duration_ms":0,"success":true}]}`))
	f.Add([]byte(`{"month":"1989-01","probes":[]}`))
	f.Add([]byte(`{"month":"2026-03","objectives":[],"probes":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		doc, err := ParseDocument(data, paris)
		if err != nil {
			return
		}
		rep, err := Evaluate(doc.Probes, doc.Month, Config{Location: paris, Objectives: doc.Objectives})
		if err != nil {
			t.Fatalf("parsed document rejected: %v", err)
		}
		for _, o := range rep.Objectives {
			for _, s := range append(o.Days, o.Period) {
				for _, th := range s.Thresholds {
					if th.Measured.Sign() < 0 || th.Measured.Cmp(decimal.New(100, 0)) > 0 || th.Within > th.Probes {
						t.Fatalf("share %s", th.Measured)
					}
				}
				for i := 1; i < len(s.Percentiles); i++ {
					a, b := s.Percentiles[i-1], s.Percentiles[i]
					if (a.Failed && !b.Failed) || (!a.Failed && !b.Failed && a.Duration > b.Duration) {
						t.Fatalf("percentiles out of order: %+v", s.Percentiles)
					}
				}
			}
		}
		a, err := json.Marshal(rep)
		if err != nil {
			t.Fatal(err)
		}
		rep2, _ := Evaluate(doc.Probes, doc.Month, Config{Location: paris, Objectives: doc.Objectives})
		if b, _ := json.Marshal(rep2); string(a) != string(b) {
			t.Fatal("non-deterministic JSON")
		}
	})
}
