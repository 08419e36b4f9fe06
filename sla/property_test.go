package sla_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/sla"
)

// randomIncident builds a valid history by walking the event state
// machine with random minute-aligned steps (0 to 3 days), starting in 2026.
// It returns the incident and an evaluation instant after its last event.
func randomIncident(r *rand.Rand, codes []string) (sla.Incident, time.Time) {
	t := time.Date(2026, 1, 5, 0, 0, 0, 0, paris).Add(time.Duration(r.IntN(340*24*60)) * time.Minute)
	step := func() {
		switch r.IntN(3) {
		case 0:
			t = t.Add(time.Duration(r.IntN(90)) * time.Minute)
		case 1:
			t = t.Add(time.Duration(r.IntN(12*60)) * time.Minute)
		default:
			t = t.Add(time.Duration(r.IntN(3*24*60)) * time.Minute)
		}
	}
	evs := []sla.Event{{Type: sla.EventOpened, At: t, Priority: codes[r.IntN(len(codes))]}}
	var acked, worked, resolved, isPaused bool
	n := r.IntN(9)
	for i := 0; i < n; i++ {
		step()
		var cands []sla.Event
		add := func(e sla.Event) { e.At = t; cands = append(cands, e) }
		add(sla.Event{Type: sla.EventQualified, Priority: codes[r.IntN(len(codes))]})
		if !acked {
			add(sla.Event{Type: sla.EventAcknowledged})
		}
		if !worked && !resolved {
			add(sla.Event{Type: sla.EventWorkaround})
		}
		if !resolved {
			add(sla.Event{Type: sla.EventResolved})
			if isPaused {
				add(sla.Event{Type: sla.EventResumed})
			} else {
				add(sla.Event{Type: sla.EventPaused, Reason: "waiting for the client"})
				add(sla.Event{Type: sla.EventPaused, Reason: "waiting for the client"})
			}
		} else {
			add(sla.Event{Type: sla.EventReopened})
		}
		e := cands[r.IntN(len(cands))]
		switch e.Type {
		case sla.EventAcknowledged:
			acked = true
		case sla.EventWorkaround:
			worked = true
		case sla.EventResolved:
			resolved, isPaused = true, false
		case sla.EventReopened:
			resolved, worked = false, false
		case sla.EventPaused:
			isPaused = true
		case sla.EventResumed:
			isPaused = false
		}
		evs = append(evs, e)
	}
	step()
	return sla.Incident{ID: "r", Events: evs}, t
}

func withoutPauses(inc sla.Incident) sla.Incident {
	out := sla.Incident{ID: inc.ID}
	for _, e := range inc.Events {
		if e.Type != sla.EventPaused && e.Type != sla.EventResumed {
			out.Events = append(out.Events, e)
		}
	}
	return out
}

// TestProperties checks, over random valid histories and both
// re-qualification modes: a due instant is never before its target's
// start; removing the pauses never makes a due instant later (pausing
// never makes it earlier); states agree with the instants; proofs are
// consistent partitions (checkProof).
func TestProperties(t *testing.T) {
	rel := contractReleases(t)
	fc := sla.DefaultPolicy().Config()
	fc.Requalification = sla.FromChange
	moved := 0
	for _, p := range []*sla.Policy{sla.DefaultPolicy(), sla.MustNewPolicy(fc)} {
		e := evaluator(t, sla.Config{Policy: p, Releases: rel})
		r := rand.New(rand.NewPCG(1, uint64(p.Requalification())))
		for i := 0; i < 400; i++ {
			inc, now := randomIncident(r, p.Codes())
			res, err := e.Evaluate(inc, now)
			if err != nil {
				t.Fatalf("valid history rejected: %v\n%+v", err, inc)
			}
			checkProof(t, res)
			plain, err := e.Evaluate(withoutPauses(inc), now)
			if err != nil {
				t.Fatal(err)
			}
			for _, tr := range res.Targets {
				if !tr.Due.IsZero() && tr.Due.Before(tr.Start) {
					t.Errorf("%v due %v before start %v", tr.Target, tr.Due, tr.Start)
				}
				if tr.Elapsed < 0 || tr.Paused < 0 || tr.Budget < 0 {
					t.Errorf("%v negative durations %+v", tr.Target, digest(tr))
				}
				switch tr.State {
				case sla.StateMet:
					if tr.MetAt.IsZero() || tr.MetAt.After(tr.Due) {
						t.Errorf("%v met at %v, due %v", tr.Target, tr.MetAt, tr.Due)
					}
				case sla.StateBreached:
					if !tr.BreachedAt.Equal(tr.Due) || (!tr.MetAt.IsZero() && !tr.MetAt.After(tr.Due)) || (tr.MetAt.IsZero() && !now.After(tr.Due)) {
						t.Errorf("%v breached inconsistently: %+v", tr.Target, digest(tr))
					}
				case sla.StateRunning, sla.StatePaused:
					if !tr.MetAt.IsZero() || now.After(tr.Due) {
						t.Errorf("%v %v inconsistently: %+v", tr.Target, tr.State, digest(tr))
					}
				}
				if p.Requalification() != sla.FromOpening {
					continue
				}
				pt, ok := plain.Target(tr.Target)
				if ok && !pt.Due.IsZero() && !tr.Due.IsZero() && tr.Due.Before(pt.Due) {
					t.Errorf("%v: pausing made the due instant earlier: %v < %v\n%+v", tr.Target, tr.Due, pt.Due, inc)
				}
				if ok && !pt.Due.Equal(tr.Due) {
					moved++
				}
			}
		}
	}
	if moved < 50 {
		t.Fatalf("pauses moved a due instant in only %d targets", moved)
	}
}

// TestPauseOracle compares the due instant of the P1 workaround (2 hours
// of business time) under random pauses with a brute-force oracle that
// steps minute by minute from the opening, counting the minutes when the
// calendar is open and the incident is not paused, until 120 are counted.
func TestPauseOracle(t *testing.T) {
	cal := calendar.MustNew(calendar.Config{})
	e := evaluator(t, sla.Config{Calendar: cal})
	r := rand.New(rand.NewPCG(7, 7))
	moved := 0
	for i := 0; i < 300; i++ {
		start := time.Date(2026, 1, 5, 0, 0, 0, 0, paris).Add(time.Duration(r.IntN(340*24*60)) * time.Minute)
		evs := []sla.Event{{Type: sla.EventOpened, At: start, Priority: "P1"}}
		type span struct{ a, b time.Time }
		var pauses []span
		t0 := start
		for k := r.IntN(4); k > 0; k-- {
			a := t0.Add(time.Duration(r.IntN(8*60)) * time.Minute)
			b := a.Add(time.Duration(1+r.IntN(30*60)) * time.Minute)
			pauses = append(pauses, span{a, b})
			evs = append(evs, sla.Event{Type: sla.EventPaused, At: a, Reason: "client"}, sla.Event{Type: sla.EventResumed, At: b})
			t0 = b
		}
		now := t0.Add(30 * 24 * time.Hour)
		res, err := e.Evaluate(sla.Incident{Events: evs}, now)
		if err != nil {
			t.Fatal(err)
		}
		got := target(t, res, sla.Workaround).Due
		// Oracle.
		counted, m := 0, start
		for counted < 120 {
			open, err := cal.IsOpen(m)
			if err != nil {
				t.Fatal(err)
			}
			in := false
			for _, p := range pauses {
				if !m.Before(p.a) && m.Before(p.b) {
					in = true
				}
			}
			if open && !in {
				counted++
			}
			m = m.Add(time.Minute)
		}
		if !got.Equal(m) {
			t.Errorf("case %d: due %v, oracle %v; events %+v", i, got, m, evs)
		}
		if plain, _ := cal.Add(start, 2*time.Hour); !plain.Equal(got) {
			moved++
		}
	}
	// The pauses must have moved the due instant in a good share of the
	// cases, or the test proves nothing.
	if moved < 100 {
		t.Fatalf("pauses moved the due instant in only %d of 300 cases", moved)
	}
}

// TestDeadlinesNeverBeforeOpening: at random instants of 2026-2027, no
// due instant of any priority precedes the opening.
func TestDeadlinesNeverBeforeOpening(t *testing.T) {
	e := evaluator(t, sla.Config{Releases: contractReleases(t)})
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 2000; i++ {
		o := time.Date(2026, 1, 1, 0, 0, 0, 0, paris).Add(time.Duration(r.Int64N(int64(700 * 24 * time.Hour))))
		for _, code := range []string{"P1", "P2", "P3", "P4"} {
			d, err := e.Deadlines(code, o)
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range d.Targets {
				if !x.Due.IsZero() && x.Due.Before(o) {
					t.Fatalf("%s %v opened %v due %v", code, x.Target, o, x.Due)
				}
			}
		}
	}
}
