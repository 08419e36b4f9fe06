package qos

import (
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/openmarches/marches/sla/availability"
)

// monthOfProbes returns a probe per check every minute of March 2026
// (5 × 44 580 probes), durations from a fixed xorshift stream.
func monthOfProbes(b *testing.B) ([]Probe, availability.Period) {
	p, err := availability.ParseMonth("2026-03", paris)
	if err != nil {
		b.Fatal(err)
	}
	x := uint64(88172645463325252)
	var out []Probe
	for _, o := range ContractObjectives() {
		for t := p.Start; t.Before(p.End); t = t.Add(time.Minute) {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			out = append(out, Probe{Check: o.Check, At: t, Duration: time.Duration(x%6000) * time.Millisecond, Success: x%97 != 0})
		}
	}
	return out, p
}

// BenchmarkEvaluateMonth evaluates a month of one-minute probes for the
// five objectives (month and 31 days each), against the naive approach a
// user would write: for each objective and each day, filter the probes,
// sort them, count with decimals.
func BenchmarkEvaluateMonth(b *testing.B) {
	probes, p := monthOfProbes(b)
	b.Run("marches", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Evaluate(probes, p, Config{Location: paris}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("naive-filter-per-day", func(b *testing.B) {
		b.ReportAllocs()
		days := p.Days(paris)
		for b.Loop() {
			for _, o := range ContractObjectives() {
				for _, d := range append(days, p) {
					var ds []time.Duration
					for _, pr := range probes {
						if pr.Check == o.Check && d.Contains(pr.At) && pr.Success {
							ds = append(ds, pr.Duration)
						}
					}
					slices.Sort(ds)
					for _, th := range o.Thresholds {
						n := decimal.Zero
						for _, v := range ds {
							if v < th.Under {
								n = n.Add(decimal.New(1, 0))
							}
						}
						_ = n
					}
				}
			}
		}
	})
}
