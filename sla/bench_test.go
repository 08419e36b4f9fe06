package sla_test

import (
	"testing"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/sla"
)

// demoIncident is the package documentation's history: six events over
// four days, one pause.
func demoIncident() sla.Incident {
	return sla.Incident{ID: "INC-1", Events: []sla.Event{
		opened("2026-11-27 19:30", "P1"),
		ev(sla.EventAcknowledged, "2026-11-27 21:10"),
		ev(sla.EventWorkaround, "2026-11-30 10:15"),
		paused("2026-11-30 14:00", "waiting for the client's logs"),
		ev(sla.EventResumed, "2026-12-01 10:00"),
		ev(sla.EventResolved, "2026-12-01 14:30"),
	}}
}

// BenchmarkEvaluate: one incident with proofs and escalations (Evaluate),
// the same as a one-incident Summarize (dominated by building the summary;
// BenchmarkIncidentNoProof measures the batch's per-incident path), and
// one calendar.Add for scale.
func BenchmarkEvaluate(b *testing.B) {
	e := evaluator(b, sla.Config{})
	inc := demoIncident()
	now := at("2026-12-02 12:00")
	b.Run("with_proof", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := e.Evaluate(inc, now); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Summarize_1_incident", func(b *testing.B) {
		incs := []sla.Incident{inc}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := e.Summarize(incs, now); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("calendar.Add", func(b *testing.B) {
		c := e.Calendar()
		t := at("2026-11-27 19:30")
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.Add(t, 2*time.Hour); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkDeadlines dates the three targets of a P1 opened on a Friday
// evening, beside what a user without the package might write: stepping
// minute by minute through the calendar until 2 business hours (and 1
// business day) are counted.
func BenchmarkDeadlines(b *testing.B) {
	e := evaluator(b, sla.Config{})
	opened := at("2026-11-27 19:30")
	b.Run("Deadlines", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := e.Deadlines("P1", opened); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("naive_minute_loop", func(b *testing.B) {
		c := calendar.MustNew(calendar.Config{})
		b.ReportAllocs()
		for b.Loop() {
			for _, need := range []int{120, 600} {
				counted, m := 0, opened
				for counted < need {
					if open, _ := c.IsOpen(m); open {
						counted++
					}
					m = m.Add(time.Minute)
				}
			}
		}
	})
}

// BenchmarkBatch: 100 000 random incidents (up to 9 events each, spread
// over 2026), summarized only, and fully evaluated with proofs.
func BenchmarkBatch(b *testing.B) {
	e := evaluator(b, sla.Config{Releases: contractReleases(b)})
	incs, now := randomBatch(100_000, 42)
	b.Run("Summarize_100000", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := e.Summarize(incs, now); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("EvaluateAll_100000", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := e.EvaluateAll(incs, now); err != nil {
				b.Fatal(err)
			}
		}
	})
}
