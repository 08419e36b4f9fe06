package procurement

import (
	"os"
	"testing"

	"github.com/openmarches/marches/calendar"
)

// Benchmarks of the rules, each beside what a user would otherwise write.
// Run: go test ./procurement -run '^$' -bench 'Rules|TimeLimit|LateInterest|CountPeriod' -benchmem

func sampleForBench(b *testing.B) Consultation {
	b.Helper()
	data, err := os.ReadFile("testdata/sample_consultation.json")
	if err != nil {
		b.Fatal(err)
	}
	c, err := ParseConsultation(data)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkConsultationRules is the full rule evaluation of the sample
// consultation: thresholds, procedures, publicity, small lots, the time
// limit from its notice dispatch, its deadline check and the payment
// period.
func BenchmarkConsultationRules(b *testing.B) {
	c := sampleForBench(b)
	rb := testRulebook(b, "75")
	b.Run("rulebook", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := rb.ConsultationRules(c, true); err != nil {
				b.Fatal(err)
			}
		}
	})
	// What a service does when it reloads its data per request: parse the
	// JSON tables, then evaluate.
	thJSON, _ := DefaultThresholds().MarshalJSON()
	tlJSON, _ := DefaultTimeLimits().MarshalJSON()
	b.Run("reparse_tables_each_time", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			th, err1 := ParseThresholdTable(thJSON)
			tl, err2 := ParseTimeLimitTable(tlJSON)
			if err1 != nil || err2 != nil {
				b.Fatal(err1, err2)
			}
			r, _ := NewRulebook(RulebookConfig{Thresholds: th, TimeLimits: tl, Calendar: rb.cal})
			if _, err := r.ConsultationRules(c, true); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkTimeLimit compares the rulebook with the day-by-day loop a user
// would write over a holiday list fetched for the period.
func BenchmarkTimeLimit(b *testing.B) {
	rb := testRulebook(b, "75")
	in := TimeLimitInput{Procedure: ProcedureOpen, Step: StepTenders, Dispatched: rday("2026-04-01"), Electronic: true}
	b.Run("rulebook", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := rb.TimeLimit(in); err != nil {
				b.Fatal(err)
			}
		}
	})
	terr, _ := calendar.LookupTerritory("75")
	b.Run("naive_day_loop", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if got := euOracle(b, terr, in.Dispatched, 30, true); got != rday("2026-05-04") {
				b.Fatal(got)
			}
		}
	})
}

// BenchmarkCountPeriod: a 35-day EU period ending on Easter Sunday.
func BenchmarkCountPeriod(b *testing.B) {
	c := testRulebook(b, "").cal
	ev := rday("2026-03-01")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := CountPeriod(c, ev, 35, CountingEU); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLateInterest(b *testing.B) {
	in := LateInterestInput{Principal: rdec("10000.00"), Due: rday("2026-03-10"), Paid: rday("2026-04-09"), ECBRate: rdec("2.15")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ComputeLateInterest(in); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCountPeriodDoesNotAllocate locks the claim of CountPeriod's doc.
func TestCountPeriodDoesNotAllocate(t *testing.T) {
	c := testRulebook(t, "").cal
	ev := rday("2026-04-30")
	_, _ = CountPeriod(c, ev, 2, CountingEU) // build the year's tables
	if n := testing.AllocsPerRun(100, func() {
		if _, err := CountPeriod(c, ev, 2, CountingEU); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("CountPeriod allocates %v times", n)
	}
}
