package support

import (
	"math"
	"testing"
	"time"
)

// BenchmarkStaff sizes a large line (2 000 calls an hour, 5 minutes each:
// 166.7 erlangs) with the recurrence, against the textbook formula a user
// would type: A^k / k! with math.Pow and math.Gamma, recomputed for each
// candidate N (O(N²)). Past N = 170, k! overflows float64 and the
// textbook C(N, A) is NaN, so it never finds the answer here (177
// agents); the loop is capped at 400. TestTextbookOverflows checks that.
func BenchmarkStaff(b *testing.B) {
	cfg := StaffingConfig{CallsPerHour: 2000, HandleTime: 5 * time.Minute, AnswerWithin: 15 * time.Second, ServiceLevel: 80}
	b.Run("marches", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Staff(cfg); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("textbook-pow-gamma", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			textbookStaff(cfg)
		}
	})
}

// textbookStaff is the naive staffing loop; 0 when it finds no answer.
func textbookStaff(cfg StaffingConfig) int {
	a := cfg.CallsPerHour * cfg.HandleTime.Seconds() / 3600
	for n := int(a) + 1; n < 400; n++ {
		sum := 0.0
		for k := 0; k < n; k++ {
			sum += math.Pow(a, float64(k)) / math.Gamma(float64(k+1))
		}
		last := math.Pow(a, float64(n)) / math.Gamma(float64(n+1)) * float64(n) / (float64(n) - a)
		c := last / (sum + last)
		if 1-c*math.Exp(-(float64(n)-a)*cfg.AnswerWithin.Seconds()/cfg.HandleTime.Seconds()) >= cfg.ServiceLevel/100 {
			return n
		}
	}
	return 0
}

// BenchmarkEvaluateMonth: 10 000 calls over March.
func BenchmarkEvaluateMonth(b *testing.B) {
	p := march(b)
	var calls []Call
	for i := range 10_000 {
		c := Call{Offered: p.Start.Add(time.Duration(i) * 4 * time.Minute)}
		if i%20 == 0 {
			c.Abandoned = c.Offered.Add(time.Minute)
		} else {
			c.Answered = c.Offered.Add(time.Duration(i%37) * time.Second)
		}
		calls = append(calls, c)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Evaluate(calls, p, Config{Location: paris}); err != nil {
			b.Fatal(err)
		}
	}
}
