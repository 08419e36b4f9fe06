package sla

import (
	"testing"
	"time"
)

// BenchmarkIncidentNoProof measures the batch's per-incident work: check
// the history (6 events, one pause) and evaluate its three targets without
// proof, as Summarize does. Compare with one calendar.Add (~40 ns).
func BenchmarkIncidentNoProof(b *testing.B) {
	e, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	loc := e.Calendar().Location()
	at := func(m time.Month, d, h, mi int) time.Time { return time.Date(2026, m, d, h, mi, 0, 0, loc) }
	inc := Incident{ID: "x", Events: []Event{
		{Type: EventOpened, At: at(11, 27, 19, 30), Priority: "P1"},
		{Type: EventAcknowledged, At: at(11, 27, 21, 10)},
		{Type: EventWorkaround, At: at(11, 30, 10, 15)},
		{Type: EventPaused, At: at(11, 30, 14, 0), Reason: "waiting for the client"},
		{Type: EventResumed, At: at(12, 1, 10, 0)},
		{Type: EventResolved, At: at(12, 1, 14, 30)},
	}}
	now := at(12, 2, 12, 0)
	var h history
	var scratch []gap
	var tr TargetResult
	b.ReportAllocs()
	for b.Loop() {
		if errs := h.build(&inc, e.policy, now, 0, nil); len(errs) > 0 {
			b.Fatal(errs)
		}
		for _, tg := range targets {
			if _, err := e.evalTarget(&h, tg, now, false, &scratch, &tr); err != nil {
				b.Fatal(err)
			}
		}
	}
}
