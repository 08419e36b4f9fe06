package support

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/shopspring/decimal"
)

// FuzzParseDocument: no panic; a parsed document evaluates, its shares lie
// in [0, 100] with counts <= offered, days add up to the month, the
// staffing answer (when asked) is minimal and stable, and the JSON is
// deterministic.
func FuzzParseDocument(f *testing.F) {
	f.Add([]byte(`{"month":"2026-03","calls":[{"offered_at":"2026-03-02T09:00:00+01:00","answered_at":"2026-03-02T09:00:07+01:00"},
		{"offered_at":"2026-03-02T09:01:00+01:00","abandoned_at":"2026-03-02T09:01:40+01:00"}],
		"staffing":{"calls_per_hour":200,"handle_seconds":180,"answer_seconds":20}}`))
	f.Add([]byte(`{"month":"2026-10","objectives":[{"kind":"answer_rate","percent":0,"strict":true}],
		"calls":[{"offered_at":"2026-10-25T02:30:00+01:00","answered_at":"2026-10-25T02:30:00+01:00"}]}`))
	f.Add([]byte(`{"month":"2026-03","calls":[],"staffing":{"calls_per_hour":1e-9,"handle_seconds":1e9,"service_level_percent":99.999}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		doc, err := ParseDocument(data, paris)
		if err != nil {
			return
		}
		rep, err := Evaluate(doc.Calls, doc.Month, Config{Location: paris, Objectives: doc.Objectives})
		if err != nil {
			t.Fatalf("parsed document rejected: %v", err)
		}
		offered := 0
		for _, d := range rep.Days {
			offered += d.Offered
		}
		if offered != rep.Total.Offered || rep.Total.Answered+rep.Total.Abandoned != rep.Total.Offered {
			t.Fatalf("counts: %+v", rep.Total)
		}
		for _, o := range rep.Total.Objectives {
			if o.Count > o.Offered || o.Measured.Sign() < 0 || o.Measured.Cmp(decimal.New(100, 0)) > 0 {
				t.Fatalf("objective %+v", o)
			}
		}
		a, _ := json.Marshal(rep)
		rep2, _ := Evaluate(doc.Calls, doc.Month, Config{Location: paris, Objectives: doc.Objectives})
		if b, _ := json.Marshal(rep2); string(a) != string(b) {
			t.Fatal("non-deterministic JSON")
		}
		if doc.Staffing == nil || doc.Staffing.CallsPerHour*doc.Staffing.HandleTime.Seconds() > 3600*50_000 {
			return
		}
		s, err := Staff(*doc.Staffing)
		if err != nil {
			return
		}
		c := *doc.Staffing
		a2 := c.CallsPerHour * c.HandleTime.Seconds() / 3600
		if math.IsNaN(s.ServiceLevel) || ServiceLevel(s.Agents, a2, c.HandleTime, c.AnswerWithin)*100 < c.ServiceLevel {
			t.Fatalf("staffing %+v does not meet %v", s, c)
		}
		if s.Agents-1 > int(a2) && ServiceLevel(s.Agents-1, a2, c.HandleTime, c.AnswerWithin)*100 >= c.ServiceLevel {
			t.Fatalf("staffing %+v is not minimal", s)
		}
	})
}
