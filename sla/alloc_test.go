package sla

import (
	"testing"
	"time"
)

// TestTargetClockDoesNotAllocate locks the claim that the clock stepping
// of the batch path (history check and per-target evaluation without
// proof) allocates nothing once its buffers have grown.
func TestTargetClockDoesNotAllocate(t *testing.T) {
	e, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	loc := e.Calendar().Location()
	at := func(d, h, m int) time.Time { return time.Date(2026, time.November, d, h, m, 0, 0, loc) }
	inc := Incident{ID: "x", Events: []Event{
		{Type: EventOpened, At: at(27, 19, 30), Priority: "P1"},
		{Type: EventAcknowledged, At: at(27, 21, 10)},
		{Type: EventWorkaround, At: at(30, 10, 15)},
		{Type: EventPaused, At: at(30, 14, 0), Reason: "waiting for the client"},
		{Type: EventResumed, At: time.Date(2026, time.December, 1, 10, 0, 0, 0, loc)},
		{Type: EventResolved, At: time.Date(2026, time.December, 1, 14, 30, 0, 0, loc)},
	}}
	now := time.Date(2026, time.December, 2, 12, 0, 0, 0, loc)
	var h history
	var scratch []gap
	var tr TargetResult
	run := func() {
		if errs := h.build(&inc, e.policy, now, 7, nil); len(errs) > 0 {
			t.Fatal(errs)
		}
		for _, tg := range targets {
			if _, err := e.evalTarget(&h, tg, now, false, &scratch, &tr); err != nil {
				t.Fatal(err)
			}
		}
	}
	run()
	if n := testing.AllocsPerRun(200, run); n != 0 {
		t.Errorf("%v allocations per incident, want 0", n)
	}
}
