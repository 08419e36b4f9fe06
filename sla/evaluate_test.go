package sla_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/openmarches/marches/internal/fielderr"
	"github.com/openmarches/marches/sla"
)

// Event builders.
func opened(s, code string) sla.Event {
	return sla.Event{Type: sla.EventOpened, At: at(s), Priority: code}
}
func qualified(s, code string) sla.Event {
	return sla.Event{Type: sla.EventQualified, At: at(s), Priority: code}
}
func ev(t sla.EventType, s string) sla.Event { return sla.Event{Type: t, At: at(s)} }
func paused(s, reason string) sla.Event {
	return sla.Event{Type: sla.EventPaused, At: at(s), Reason: reason}
}
func agreed(s, due string) sla.Event {
	return sla.Event{Type: sla.EventAgreed, At: at(s), Due: at(due)}
}

// got is the comparable digest of a target result.
type got struct {
	Priority  string
	State     string
	Due       string
	MetAt     string
	Breached  string
	Budget    time.Duration
	Elapsed   time.Duration
	Remaining time.Duration
	Paused    time.Duration
}

func digest(tr sla.TargetResult) got {
	return got{Priority: tr.Priority, State: tr.State.String(), Due: rfc(tr.Due), MetAt: rfc(tr.MetAt),
		Breached: rfc(tr.BreachedAt), Budget: tr.Budget, Elapsed: tr.Elapsed, Remaining: tr.Remaining, Paused: tr.Paused}
}

func mustEvaluate(t *testing.T, e *sla.Evaluator, inc sla.Incident, now time.Time) sla.Result {
	t.Helper()
	r, err := e.Evaluate(inc, now)
	if err != nil {
		t.Fatal(err)
	}
	checkProof(t, r)
	return r
}

// checkProof verifies the invariants of every proof: contiguous intervals
// from the start, none straddling the due instant, counted clocks summing
// to Elapsed up to the instant reached (or now) and to Budget up to due.
func checkProof(t *testing.T, r sla.Result) {
	t.Helper()
	for _, tr := range r.Targets {
		if len(tr.Proof) == 0 {
			continue
		}
		if !tr.Proof[0].From.Equal(tr.Start) {
			t.Errorf("%v: proof starts at %v, target at %v", tr.Target, tr.Proof[0].From, tr.Start)
		}
		end := r.Now
		if !tr.MetAt.IsZero() {
			end = tr.MetAt
		}
		var toEnd, toDue time.Duration
		for i, iv := range tr.Proof {
			if i > 0 && !iv.From.Equal(tr.Proof[i-1].To) {
				t.Errorf("%v: gap in proof between %v and %v", tr.Target, tr.Proof[i-1].To, iv.From)
			}
			if !iv.To.After(iv.From) {
				t.Errorf("%v: empty interval %v", tr.Target, iv)
			}
			if !tr.Due.IsZero() && iv.From.Before(tr.Due) && iv.To.After(tr.Due) {
				t.Errorf("%v: interval %v-%v straddles due %v", tr.Target, iv.From, iv.To, tr.Due)
			}
			if iv.Kind != sla.IntervalCounted {
				continue
			}
			if !iv.To.After(end) {
				toEnd += iv.Clock
			}
			if !tr.Due.IsZero() && !iv.To.After(tr.Due) {
				toDue += iv.Clock
			}
		}
		last := tr.Proof[len(tr.Proof)-1].To
		if !last.Before(end) && toEnd != tr.Elapsed {
			t.Errorf("%v: counted up to %v = %v, Elapsed = %v", tr.Target, end, toEnd, tr.Elapsed)
		}
		if !tr.Due.IsZero() && !last.Before(tr.Due) && toDue != tr.Budget {
			t.Errorf("%v: counted up to due = %v, Budget = %v", tr.Target, toDue, tr.Budget)
		}
	}
}

func target(t *testing.T, r sla.Result, tg sla.Target) sla.TargetResult {
	t.Helper()
	tr, ok := r.Target(tg)
	if !ok {
		t.Fatalf("no %v target in %+v", tg, r)
	}
	return tr
}

// TestEvaluatePauseWaitingForClient is the demo's history: P1 opened on a
// Friday evening, acknowledged on call, workaround on Monday, paused
// waiting for the client, resolved on Tuesday.
func TestEvaluatePauseWaitingForClient(t *testing.T) {
	e := evaluator(t, sla.Config{})
	inc := sla.Incident{ID: "INC-1", Events: []sla.Event{
		opened("2026-11-27 19:30", "P1"),
		ev(sla.EventAcknowledged, "2026-11-27 21:10"),
		ev(sla.EventWorkaround, "2026-11-30 10:15"),
		paused("2026-11-30 14:00", "waiting for the client's logs"),
		ev(sla.EventResumed, "2026-12-01 10:00"),
		ev(sla.EventResolved, "2026-12-01 14:30"),
	}}
	r := mustEvaluate(t, e, inc, at("2026-12-02 12:00"))
	want := map[sla.Target]got{
		// Outside hours: on-call 4h wall clock, 19:30 -> 23:30; acknowledged
		// at 21:10: 1h40 elapsed, 2h20 to spare.
		sla.Acknowledge: {"P1", "met", "2026-11-27T23:30:00+01:00", "2026-11-27T21:10:00+01:00", "", 4 * time.Hour, 100 * time.Minute, 140 * time.Minute, 0},
		// Mon 09:00 + 2h = 11:00; reached at 10:15 (1h15); the pause starts
		// after, so it does not count.
		sla.Workaround: {"P1", "met", "2026-11-30T11:00:00+01:00", "2026-11-30T10:15:00+01:00", "", 2 * time.Hour, 75 * time.Minute, 45 * time.Minute, 0},
		// Mon 09:00 + 1 working day = Tue 09:00; paused Mon 14:00-19:00
		// (5h) + Tue 09:00-10:00 (1h) = 6h of business time -> Tue 15:00.
		// Budget Mon 09:00 -> Tue 09:00 = 10h; elapsed Mon 09-14 (5h) + Tue
		// 10:00-14:30 (4h30) = 9h30; 30m to spare.
		sla.Resolve: {"P1", "met", "2026-12-01T15:00:00+01:00", "2026-12-01T14:30:00+01:00", "", 10 * time.Hour, 570 * time.Minute, 30 * time.Minute, 6 * time.Hour},
	}
	for tg, w := range want {
		if diff := cmp.Diff(w, digest(target(t, r, tg))); diff != "" {
			t.Errorf("%v (-want +got):\n%s", tg, diff)
		}
	}
	if r.Status != sla.StatusResolved || r.Priority != "P1" {
		t.Errorf("status %v priority %s, want resolved P1", r.Status, r.Priority)
	}
	res := target(t, r, sla.Resolve)
	// 75 % of 10h = 7h30 counted: 5h on Monday, then (after the pause)
	// 2h30 from Tue 10:00 -> 12:30, before the resolution: reached.
	if diff := cmp.Diff([]string{"75 2026-12-01T12:30:00+01:00 true"}, escalations(res)); diff != "" {
		t.Errorf("escalations (-want +got):\n%s", diff)
	}
	wantProof := []string{
		"2026-11-27T19:30:00+01:00 2026-11-28T00:00:00+01:00 closed_hours 0s ",
		"2026-11-28T00:00:00+01:00 2026-11-30T00:00:00+01:00 non_working_day 0s ",
		"2026-11-30T00:00:00+01:00 2026-11-30T09:00:00+01:00 closed_hours 0s ",
		"2026-11-30T09:00:00+01:00 2026-11-30T14:00:00+01:00 counted 5h0m0s ",
		"2026-11-30T14:00:00+01:00 2026-12-01T10:00:00+01:00 paused 6h0m0s waiting for the client's logs",
		"2026-12-01T10:00:00+01:00 2026-12-01T14:30:00+01:00 counted 4h30m0s ",
		"2026-12-01T14:30:00+01:00 2026-12-01T15:00:00+01:00 counted 30m0s ",
	}
	if diff := cmp.Diff(wantProof, proof(res)); diff != "" {
		t.Errorf("resolve proof (-want +got):\n%s", diff)
	}
	// The acknowledgement's wall clock counts the whole evening, split at
	// the acknowledgement.
	if diff := cmp.Diff([]string{"2026-11-27T19:30:00+01:00 2026-11-27T21:10:00+01:00 counted 1h40m0s ",
		"2026-11-27T21:10:00+01:00 2026-11-27T23:30:00+01:00 counted 2h20m0s "}, proof(target(t, r, sla.Acknowledge))); diff != "" {
		t.Errorf("acknowledge proof (-want +got):\n%s", diff)
	}
}

func escalations(tr sla.TargetResult) []string {
	var out []string
	for _, e := range tr.Escalations {
		s := "false"
		if e.Reached {
			s = "true"
		}
		out = append(out, itoa(e.Percent)+" "+rfc(e.At)+" "+s)
	}
	return out
}

func itoa(n int) string { return time.Duration(n).String()[:len(time.Duration(n).String())-2] }

func proof(tr sla.TargetResult) []string {
	var out []string
	for _, iv := range tr.Proof {
		s := rfc(iv.From) + " " + rfc(iv.To) + " " + iv.Kind.String() + " " + iv.Clock.String() + " " + iv.Reason
		if iv.Note != "" {
			s += " | " + iv.Note
		}
		out = append(out, s)
	}
	return out
}

// TestEvaluateScenarios covers pauses, re-qualification, reopening, agreed
// dates and acknowledgement edge cases; expected values by hand in each
// case's comment.
func TestEvaluateScenarios(t *testing.T) {
	fromChange := sla.DefaultPolicy().Config()
	fromChange.Requalification = sla.FromChange
	graceCfg := sla.DefaultPolicy().Config()
	graceCfg.Priorities[0].Acknowledge.InHours.Grace = 15 * time.Minute
	tests := []struct {
		name   string
		policy *sla.Policy
		events []sla.Event
		now    string
		want   map[sla.Target]got // nil entry: target left out
		status sla.Status
	}{
		{
			// Thursday 19 Nov 10:00 P2: workaround 1 day = Fri 20 10:00,
			// resolve 3 days = Tue 24 10:00. The pause Fri 19:00 -> Mon
			// 09:00 holds no business time: nothing moves. The workaround
			// was never delivered: breached at Fri 10:00 (the pause starts
			// after); at Mon 12:00 it has counted Thu 9h + Fri 10h + Mon 3h
			// = 22h of its 10h budget (Thu 9h + Fri 1h): 12h late. Resolve:
			// the same 22h of a 30h budget (Thu 9 + Fri 10 + Mon 10 + Tue 1).
			name: "pause over a weekend adds nothing",
			events: []sla.Event{opened("2026-11-19 10:00", "P2"), ev(sla.EventAcknowledged, "2026-11-19 10:00"),
				paused("2026-11-20 19:00", "waiting for the client"), ev(sla.EventResumed, "2026-11-23 09:00")},
			now: "2026-11-23 12:00",
			want: map[sla.Target]got{
				sla.Acknowledge: {"P2", "met", "2026-11-19T10:00:00+01:00", "2026-11-19T10:00:00+01:00", "", 0, 0, 0, 0},
				sla.Workaround:  {"P2", "breached", "2026-11-20T10:00:00+01:00", "", "2026-11-20T10:00:00+01:00", 10 * time.Hour, 22 * time.Hour, -12 * time.Hour, 0},
				sla.Resolve:     {"P2", "running", "2026-11-24T10:00:00+01:00", "", "", 30 * time.Hour, 22 * time.Hour, 8 * time.Hour, 0},
			},
			status: sla.StatusOpen,
		},
		{
			// Tue 17 Nov 10:00 P1, paused at 11:00 and still paused at
			// 15:00. Workaround 12:00 had 1h left at 11:00; the open pause
			// holds 4h so far -> provisional due 16:00, 1h remaining.
			// Resolve Wed 10:00 + 4h = Wed 14:00.
			name: "open pause",
			events: []sla.Event{opened("2026-11-17 10:00", "P1"), ev(sla.EventAcknowledged, "2026-11-17 10:00"),
				paused("2026-11-17 11:00", "waiting for the client")},
			now: "2026-11-17 15:00",
			want: map[sla.Target]got{
				sla.Acknowledge: {"P1", "met", "2026-11-17T10:00:00+01:00", "2026-11-17T10:00:00+01:00", "", 0, 0, 0, 0},
				sla.Workaround:  {"P1", "paused", "2026-11-17T16:00:00+01:00", "", "", 2 * time.Hour, time.Hour, time.Hour, 4 * time.Hour},
				sla.Resolve:     {"P1", "paused", "2026-11-18T14:00:00+01:00", "", "", 10 * time.Hour, time.Hour, 9 * time.Hour, 4 * time.Hour},
			},
			status: sla.StatusPaused,
		},
		{
			// Pause 13:00-14:00 after the workaround's due 12:00: no effect
			// on it (breached at 12:00, delivered 14:30: 4h30 - 1h paused =
			// 3h30 elapsed, 1h30 late). Resolve Wed 10:00 + 1h = 11:00,
			// resolved at 11:00 exactly: met (at or before due). Elapsed
			// Tue 10-19 (9h) + Wed 9-11 (2h) - 1h = 10h = budget.
			name: "pause after the due instant",
			events: []sla.Event{opened("2026-11-17 10:00", "P1"), ev(sla.EventAcknowledged, "2026-11-17 10:00"),
				paused("2026-11-17 13:00", "waiting for the client"), ev(sla.EventResumed, "2026-11-17 14:00"),
				ev(sla.EventWorkaround, "2026-11-17 14:30"), ev(sla.EventResolved, "2026-11-18 11:00")},
			now: "2026-11-18 12:00",
			want: map[sla.Target]got{
				sla.Acknowledge: {"P1", "met", "2026-11-17T10:00:00+01:00", "2026-11-17T10:00:00+01:00", "", 0, 0, 0, 0},
				sla.Workaround:  {"P1", "breached", "2026-11-17T12:00:00+01:00", "2026-11-17T14:30:00+01:00", "2026-11-17T12:00:00+01:00", 2 * time.Hour, 210 * time.Minute, -90 * time.Minute, time.Hour},
				sla.Resolve:     {"P1", "met", "2026-11-18T11:00:00+01:00", "2026-11-18T11:00:00+01:00", "", 10 * time.Hour, 10 * time.Hour, 0, time.Hour},
			},
			status: sla.StatusResolved,
		},
		{
			// P3 at 10:00, re-qualified P1 at 11:00; default FromOpening:
			// P1's targets from the opening. Workaround 12:00 passed at
			// 12:30: breached. Acknowledged 10:00 under P1: immediate, met.
			name: "requalification from the opening",
			events: []sla.Event{opened("2026-11-17 10:00", "P3"), ev(sla.EventAcknowledged, "2026-11-17 10:00"),
				qualified("2026-11-17 11:00", "P1")},
			now: "2026-11-17 12:30",
			want: map[sla.Target]got{
				sla.Acknowledge: {"P1", "met", "2026-11-17T10:00:00+01:00", "2026-11-17T10:00:00+01:00", "", 0, 0, 0, 0},
				sla.Workaround:  {"P1", "breached", "2026-11-17T12:00:00+01:00", "", "2026-11-17T12:00:00+01:00", 2 * time.Hour, 150 * time.Minute, -30 * time.Minute, 0},
				sla.Resolve:     {"P1", "running", "2026-11-18T10:00:00+01:00", "", "", 10 * time.Hour, 150 * time.Minute, 450 * time.Minute, 0},
			},
			status: sla.StatusOpen,
		},
		{
			// Same history, FromChange: the acknowledgement was met under P3
			// before the change and keeps that outcome; workaround and
			// resolve restart at 11:00 under P1: 13:00 and Wed 11:00.
			name:   "requalification from the change",
			policy: sla.MustNewPolicy(fromChange),
			events: []sla.Event{opened("2026-11-17 10:00", "P3"), ev(sla.EventAcknowledged, "2026-11-17 10:00"),
				qualified("2026-11-17 11:00", "P1")},
			now: "2026-11-17 12:30",
			want: map[sla.Target]got{
				sla.Acknowledge: {"P3", "met", "2026-11-17T10:00:00+01:00", "2026-11-17T10:00:00+01:00", "", 0, 0, 0, 0},
				sla.Workaround:  {"P1", "running", "2026-11-17T13:00:00+01:00", "", "", 2 * time.Hour, 90 * time.Minute, 30 * time.Minute, 0},
				sla.Resolve:     {"P1", "running", "2026-11-18T11:00:00+01:00", "", "", 10 * time.Hour, 90 * time.Minute, 510 * time.Minute, 0},
			},
			status: sla.StatusOpen,
		},
		{
			// P1 downgraded to P3 at 12:30, FromChange: the workaround was
			// breached under P1 at 12:00, before the change: kept. Resolve
			// restarts at 12:30 under P3 (agreed date, else next release):
			// no release calendar, undated.
			name:   "downgrade from the change keeps a breach",
			policy: sla.MustNewPolicy(fromChange),
			events: []sla.Event{opened("2026-11-17 10:00", "P1"), ev(sla.EventAcknowledged, "2026-11-17 10:00"),
				qualified("2026-11-17 12:30", "P3")},
			now: "2026-11-17 13:00",
			want: map[sla.Target]got{
				sla.Acknowledge: {"P1", "met", "2026-11-17T10:00:00+01:00", "2026-11-17T10:00:00+01:00", "", 0, 0, 0, 0},
				sla.Workaround:  {"P1", "breached", "2026-11-17T12:00:00+01:00", "", "2026-11-17T12:00:00+01:00", 2 * time.Hour, 3 * time.Hour, -time.Hour, 0},
				sla.Resolve:     {"P3", "undated", "", "", "", 0, 30 * time.Minute, 0, 0},
			},
			status: sla.StatusOpen,
		},
		{
			// The same downgrade FromOpening: P3 from the start, so no
			// workaround target at all (left out) and the P1 breach is gone.
			name: "downgrade from the opening",
			events: []sla.Event{opened("2026-11-17 10:00", "P1"), ev(sla.EventAcknowledged, "2026-11-17 10:00"),
				qualified("2026-11-17 12:30", "P3")},
			now: "2026-11-17 13:00",
			want: map[sla.Target]got{
				sla.Acknowledge: {"P3", "met", "2026-11-17T10:00:00+01:00", "2026-11-17T10:00:00+01:00", "", 0, 0, 0, 0},
				sla.Workaround:  {},
				sla.Resolve:     {"P3", "undated", "", "", "", 0, 3 * time.Hour, 0, 0},
			},
			status: sla.StatusOpen,
		},
		{
			// Regression (fuzz): FromChange, a date agreed under P2 on Tue
			// 11:00 for Wed 12:00, then re-qualified P3 on Thu 10:00. The
			// resolve target restarts under P3 at Thu 10:00; the earlier
			// agreement does not bind it (it would be due before its
			// start), so it falls back to the next release: undated here.
			// Acknowledgement (immediate, Tue 10:00) and workaround (Wed
			// 10:00) were breached under P2 before the change; never reached,
			// they have counted Tue 9h + Wed 10h + Thu 3h = 22h at now.
			name:   "agreement before a re-qualification from the change",
			policy: sla.MustNewPolicy(fromChange),
			events: []sla.Event{opened("2026-11-17 10:00", "P2"), agreed("2026-11-17 11:00", "2026-11-18 12:00"),
				qualified("2026-11-19 10:00", "P3")},
			now: "2026-11-19 12:00",
			want: map[sla.Target]got{
				sla.Acknowledge: {"P2", "breached", "2026-11-17T10:00:00+01:00", "", "2026-11-17T10:00:00+01:00", 0, 22 * time.Hour, -22 * time.Hour, 0},
				sla.Workaround:  {"P2", "breached", "2026-11-18T10:00:00+01:00", "", "2026-11-18T10:00:00+01:00", 10 * time.Hour, 22 * time.Hour, -12 * time.Hour, 0},
				sla.Resolve:     {"P3", "undated", "", "", "", 0, 2 * time.Hour, 0, 0},
			},
			status: sla.StatusOpen,
		},
		{
			// Resolved Tue 15:00, reopened Wed 09:30, resolved again Wed
			// 12:00. The resolve clock continues: [Tue 15:00, Wed 09:30)
			// holds 4h + 30m = 4h30 of business time, so the due Wed 10:00
			// moves to Wed 14:30; met by the final resolution. Elapsed Tue
			// 10-15 (5h) + Wed 09:30-12:00 (2h30) = 7h30. The workaround was
			// reached by the first resolution, 3h after its 12:00 due.
			name: "reopened then resolved",
			events: []sla.Event{opened("2026-11-17 10:00", "P1"), ev(sla.EventAcknowledged, "2026-11-17 10:00"),
				ev(sla.EventResolved, "2026-11-17 15:00"), ev(sla.EventReopened, "2026-11-18 09:30"),
				ev(sla.EventResolved, "2026-11-18 12:00")},
			now: "2026-11-18 13:00",
			want: map[sla.Target]got{
				sla.Acknowledge: {"P1", "met", "2026-11-17T10:00:00+01:00", "2026-11-17T10:00:00+01:00", "", 0, 0, 0, 0},
				sla.Workaround:  {"P1", "breached", "2026-11-17T12:00:00+01:00", "2026-11-17T15:00:00+01:00", "2026-11-17T12:00:00+01:00", 2 * time.Hour, 5 * time.Hour, -3 * time.Hour, 0},
				sla.Resolve:     {"P1", "met", "2026-11-18T14:30:00+01:00", "2026-11-18T12:00:00+01:00", "", 10 * time.Hour, 450 * time.Minute, 150 * time.Minute, 270 * time.Minute},
			},
			status: sla.StatusResolved,
		},
		{
			// Reopened and still open at Wed 16:00: breached at Wed 14:30.
			// Elapsed Tue 5h + Wed 09:30-16:00 6h30 = 11h30.
			name: "reopened and not resolved again",
			events: []sla.Event{opened("2026-11-17 10:00", "P1"), ev(sla.EventAcknowledged, "2026-11-17 10:00"),
				ev(sla.EventResolved, "2026-11-17 15:00"), ev(sla.EventReopened, "2026-11-18 09:30")},
			now: "2026-11-18 16:00",
			want: map[sla.Target]got{
				sla.Acknowledge: {"P1", "met", "2026-11-17T10:00:00+01:00", "2026-11-17T10:00:00+01:00", "", 0, 0, 0, 0},
				sla.Workaround:  {"P1", "breached", "2026-11-17T12:00:00+01:00", "2026-11-17T15:00:00+01:00", "2026-11-17T12:00:00+01:00", 2 * time.Hour, 5 * time.Hour, -3 * time.Hour, 0},
				sla.Resolve:     {"P1", "breached", "2026-11-18T14:30:00+01:00", "", "2026-11-18T14:30:00+01:00", 10 * time.Hour, 690 * time.Minute, -90 * time.Minute, 270 * time.Minute},
			},
			status: sla.StatusOpen,
		},
		{
			// P3 with a date agreed on Tue 11:00 for Fri 27 Nov 18:00; a
			// pause of 24h after the agreement (Wed 10:00 -> Thu 10:00)
			// moves it to Sat 28 18:00 (wall clock). Resolved Sat 12:00:
			// met. Wall-clock elapsed Tue 17 10:00 -> Sat 28 12:00 = 11 days
			// 2h = 266h, minus 24h paused = 242h; budget to Sat 28 18:00 =
			// 272h - 24h = 248h; 6h to spare.
			name: "agreed date with a pause",
			events: []sla.Event{opened("2026-11-17 10:00", "P3"), ev(sla.EventAcknowledged, "2026-11-17 10:00"),
				agreed("2026-11-17 11:00", "2026-11-27 18:00"), paused("2026-11-18 10:00", "waiting for the client"),
				ev(sla.EventResumed, "2026-11-19 10:00"), ev(sla.EventResolved, "2026-11-28 12:00")},
			now: "2026-11-30 12:00",
			want: map[sla.Target]got{
				sla.Acknowledge: {"P3", "met", "2026-11-17T10:00:00+01:00", "2026-11-17T10:00:00+01:00", "", 0, 0, 0, 0},
				sla.Workaround:  {},
				sla.Resolve:     {"P3", "met", "2026-11-28T18:00:00+01:00", "2026-11-28T12:00:00+01:00", "", 248 * time.Hour, 242 * time.Hour, 6 * time.Hour, 24 * time.Hour},
			},
			status: sla.StatusResolved,
		},
		{
			// Acknowledged 5 minutes after an opening inside business
			// hours: "immediate" allows nothing, so it is breached by 5m.
			name:   "late immediate acknowledgement",
			events: []sla.Event{opened("2026-11-17 10:00", "P1"), ev(sla.EventAcknowledged, "2026-11-17 10:05")},
			now:    "2026-11-17 10:30",
			want: map[sla.Target]got{
				sla.Acknowledge: {"P1", "breached", "2026-11-17T10:00:00+01:00", "2026-11-17T10:05:00+01:00", "2026-11-17T10:00:00+01:00", 0, 5 * time.Minute, -5 * time.Minute, 0},
				sla.Workaround:  {"P1", "running", "2026-11-17T12:00:00+01:00", "", "", 2 * time.Hour, 30 * time.Minute, 90 * time.Minute, 0},
				sla.Resolve:     {"P1", "running", "2026-11-18T10:00:00+01:00", "", "", 10 * time.Hour, 30 * time.Minute, 570 * time.Minute, 0},
			},
			status: sla.StatusOpen,
		},
		{
			// The same with a 15-minute grace: due 10:15, met.
			name:   "immediate with a grace",
			policy: sla.MustNewPolicy(graceCfg),
			events: []sla.Event{opened("2026-11-17 10:00", "P1"), ev(sla.EventAcknowledged, "2026-11-17 10:05")},
			now:    "2026-11-17 10:30",
			want: map[sla.Target]got{
				sla.Acknowledge: {"P1", "met", "2026-11-17T10:15:00+01:00", "2026-11-17T10:05:00+01:00", "", 15 * time.Minute, 5 * time.Minute, 10 * time.Minute, 0},
				sla.Workaround:  {"P1", "running", "2026-11-17T12:00:00+01:00", "", "", 2 * time.Hour, 30 * time.Minute, 90 * time.Minute, 0},
				sla.Resolve:     {"P1", "running", "2026-11-18T10:00:00+01:00", "", "", 10 * time.Hour, 30 * time.Minute, 570 * time.Minute, 0},
			},
			status: sla.StatusOpen,
		},
		{
			// P4 reported at night: acknowledgement due at the next opening
			// (Wed 09:00), reached by the resolution itself at 09:00 -> met.
			// Resolve undated (no release calendar) but reached and closed.
			name: "resolution implies acknowledgement",
			events: []sla.Event{opened("2026-11-17 22:00", "P4"), ev(sla.EventResolved, "2026-11-18 09:00"),
				ev(sla.EventClosed, "2026-11-18 10:00")},
			now: "2026-11-18 11:00",
			want: map[sla.Target]got{
				sla.Acknowledge: {"P4", "met", "2026-11-18T09:00:00+01:00", "2026-11-18T09:00:00+01:00", "", 0, 0, 0, 0},
				sla.Workaround:  {},
				sla.Resolve:     {"P4", "undated", "", "2026-11-18T09:00:00+01:00", "", 0, 11 * time.Hour, 0, 0},
			},
			status: sla.StatusClosed,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := evaluator(t, sla.Config{Policy: tt.policy})
			r := mustEvaluate(t, e, sla.Incident{ID: "x", Events: tt.events}, at(tt.now))
			if r.Status != tt.status {
				t.Errorf("status %v, want %v", r.Status, tt.status)
			}
			for tg, w := range tt.want {
				tr, ok := r.Target(tg)
				if w == (got{}) {
					if ok {
						t.Errorf("%v present, want left out: %+v", tg, digest(tr))
					}
					continue
				}
				if !ok {
					t.Errorf("%v left out", tg)
					continue
				}
				if diff := cmp.Diff(w, digest(tr)); diff != "" {
					t.Errorf("%v (-want +got):\n%s", tg, diff)
				}
			}
		})
	}
}

// TestEvaluateReleaseTargets: a P4 waiting for the quarterly release of
// Tue 1 Dec 2026 09:00; a pause that ends before it changes nothing, one
// that straddles it moves the target to the next quarterly release after
// the pause, Mon 1 Mar 2027 09:00.
func TestEvaluateReleaseTargets(t *testing.T) {
	e := evaluator(t, sla.Config{Releases: contractReleases(t)})
	base := []sla.Event{opened("2026-11-02 10:00", "P4"), ev(sla.EventAcknowledged, "2026-11-02 10:00")}
	tests := []struct {
		name  string
		extra []sla.Event
		now   string
		want  string
		state string
	}{
		{"no pause", nil, "2026-11-30 12:00", "2026-12-01T09:00:00+01:00", "running"},
		{"no pause, after the release", nil, "2026-12-03 12:00", "2026-12-01T09:00:00+01:00", "breached"},
		{"pause before the release", []sla.Event{paused("2026-11-23 10:00", "waiting for the client"), ev(sla.EventResumed, "2026-11-25 10:00")}, "2026-11-30 12:00", "2026-12-01T09:00:00+01:00", "running"},
		{"pause over the release", []sla.Event{paused("2026-11-23 10:00", "waiting for the client"), ev(sla.EventResumed, "2026-12-02 10:00")}, "2026-12-03 12:00", "2027-03-01T09:00:00+01:00", "running"},
		{"open pause over the release", []sla.Event{paused("2026-11-23 10:00", "waiting for the client")}, "2026-12-03 12:00", "2027-03-01T09:00:00+01:00", "paused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inc := sla.Incident{Events: append(append([]sla.Event{}, base...), tt.extra...)}
			r := mustEvaluate(t, e, inc, at(tt.now))
			res := target(t, r, sla.Resolve)
			if rfc(res.Due) != tt.want || res.State.String() != tt.state {
				t.Errorf("resolve due %s state %v, want %s %s", rfc(res.Due), res.State, tt.want, tt.state)
			}
		})
	}
	// Without a release calendar, the target is undated and says why.
	r := mustEvaluate(t, evaluator(t, sla.Config{}), sla.Incident{Events: base}, at("2026-12-03 12:00"))
	if res := target(t, r, sla.Resolve); res.State != sla.StateUndated || res.Note == "" || !res.Due.IsZero() {
		t.Errorf("undated resolve = %+v", digest(res))
	}
}

// TestProofDST: a P1 opened before the spring-forward night shows the
// offset change in the stretch that contains it.
func TestProofDST(t *testing.T) {
	e := evaluator(t, sla.Config{})
	r := mustEvaluate(t, e, sla.Incident{Events: []sla.Event{opened("2026-03-27 18:00", "P1")}}, at("2026-03-30 12:00"))
	want := []string{
		"2026-03-27T18:00:00+01:00 2026-03-27T19:00:00+01:00 counted 1h0m0s ",
		"2026-03-27T19:00:00+01:00 2026-03-28T00:00:00+01:00 closed_hours 0s ",
		"2026-03-28T00:00:00+01:00 2026-03-30T00:00:00+02:00 non_working_day 0s  | UTC offset +01:00 -> +02:00 at 2026-03-29T03:00:00+02:00 (clocks go forward 1h)",
		"2026-03-30T00:00:00+02:00 2026-03-30T09:00:00+02:00 closed_hours 0s ",
		"2026-03-30T09:00:00+02:00 2026-03-30T10:00:00+02:00 counted 1h0m0s ",
	}
	// The workaround (2h) was due Mon 10:00 and is breached at 12:00; its
	// proof stops at the due instant.
	if diff := cmp.Diff(want, proof(target(t, r, sla.Workaround))); diff != "" {
		t.Errorf("workaround proof (-want +got):\n%s", diff)
	}
	// The on-call acknowledgement of Saturday 23:30 counts 4 real hours.
	r = mustEvaluate(t, e, sla.Incident{Events: []sla.Event{opened("2026-03-28 23:30", "P1"), ev(sla.EventAcknowledged, "2026-03-29 04:00")}}, at("2026-03-29 05:00"))
	want = []string{"2026-03-28T23:30:00+01:00 2026-03-29T04:00:00+02:00 counted 3h30m0s  | UTC offset +01:00 -> +02:00 at 2026-03-29T03:00:00+02:00 (clocks go forward 1h)",
		"2026-03-29T04:00:00+02:00 2026-03-29T04:30:00+02:00 counted 30m0s "}
	if diff := cmp.Diff(want, proof(target(t, r, sla.Acknowledge))); diff != "" {
		t.Errorf("acknowledge proof (-want +got):\n%s", diff)
	}
}

// TestProofDSTAtBoundary: a change of offset exactly at an interval's
// start is noted on that interval. P4 (wall clock, waiting for the ESR of
// 1 Jun) paused Sat 28 Mar 22:00+01:00 (21:00Z) until the instant clocks go
// forward, 03:00+02:00 (01:00Z): 4 real hours paused.
func TestProofDSTAtBoundary(t *testing.T) {
	e := evaluator(t, sla.Config{Releases: contractReleases(t)})
	resumed := time.Date(2026, 3, 29, 1, 0, 0, 0, time.UTC)
	r := mustEvaluate(t, e, sla.Incident{Events: []sla.Event{opened("2026-03-27 10:00", "P4"),
		ev(sla.EventAcknowledged, "2026-03-27 10:00"), paused("2026-03-28 22:00", "client away"),
		{Type: sla.EventResumed, At: resumed}}}, at("2026-03-29 05:00"))
	want := []string{
		"2026-03-27T10:00:00+01:00 2026-03-28T22:00:00+01:00 counted 36h0m0s ",
		"2026-03-28T22:00:00+01:00 2026-03-29T03:00:00+02:00 paused 4h0m0s client away",
		"2026-03-29T03:00:00+02:00 2026-03-29T05:00:00+02:00 counted 2h0m0s  | UTC offset +01:00 -> +02:00 at 2026-03-29T03:00:00+02:00 (clocks go forward 1h)",
	}
	if diff := cmp.Diff(want, proof(target(t, r, sla.Resolve))); diff != "" {
		t.Errorf("resolve proof (-want +got):\n%s", diff)
	}
}

// TestProofHoliday: Christmas is named in the proof.
func TestProofHoliday(t *testing.T) {
	e := evaluator(t, sla.Config{})
	r := mustEvaluate(t, e, sla.Incident{Events: []sla.Event{opened("2026-12-24 18:00", "P1")}}, at("2026-12-28 09:30"))
	want := []string{
		"2026-12-24T18:00:00+01:00 2026-12-24T19:00:00+01:00 counted 1h0m0s ",
		"2026-12-24T19:00:00+01:00 2026-12-25T00:00:00+01:00 closed_hours 0s ",
		"2026-12-25T00:00:00+01:00 2026-12-26T00:00:00+01:00 holiday 0s Noël",
		"2026-12-26T00:00:00+01:00 2026-12-28T00:00:00+01:00 non_working_day 0s ",
		"2026-12-28T00:00:00+01:00 2026-12-28T09:00:00+01:00 closed_hours 0s ",
		"2026-12-28T09:00:00+01:00 2026-12-28T09:30:00+01:00 counted 30m0s ",
	}
	if diff := cmp.Diff(want, proof(target(t, r, sla.Workaround))); diff != "" {
		t.Errorf("workaround proof (-want +got):\n%s", diff)
	}
}

// TestInvalidHistories: each rule is reported with the event's index.
func TestInvalidHistories(t *testing.T) {
	e := evaluator(t, sla.Config{})
	now := at("2026-11-20 12:00")
	o := opened("2026-11-17 10:00", "P1")
	tests := []struct {
		name   string
		events []sla.Event
		want   []string // "field rule_code"
	}{
		{"no events", nil, []string{"events no_events"}},
		{"first not opened", []sla.Event{ev(sla.EventAcknowledged, "2026-11-17 10:00"), qualified("2026-11-17 10:00", "P1")}, []string{"events[0] first_not_opened"}},
		{"opened twice", []sla.Event{o, opened("2026-11-17 11:00", "P1")}, []string{"events[1] opened_twice"}},
		{"time backwards", []sla.Event{o, ev(sla.EventAcknowledged, "2026-11-17 11:00"), ev(sla.EventResolved, "2026-11-17 10:30")}, []string{"events[2].at time_backwards"}},
		{"event after now", []sla.Event{o, ev(sla.EventResolved, "2026-11-21 10:30")}, []string{"events[1].at event_after_now"}},
		{"unknown priority", []sla.Event{opened("2026-11-17 10:00", "P9")}, []string{"events[0].priority unknown_priority"}},
		{"qualified without priority", []sla.Event{o, {Type: sla.EventQualified, At: at("2026-11-17 11:00")}}, []string{"events[1].priority missing_priority"}},
		{"not qualified", []sla.Event{opened("2026-11-17 10:00", ""), ev(sla.EventAcknowledged, "2026-11-17 10:00")}, []string{"events not_qualified"}},
		{"acknowledged twice", []sla.Event{o, ev(sla.EventAcknowledged, "2026-11-17 10:00"), ev(sla.EventAcknowledged, "2026-11-17 11:00")}, []string{"events[2] acknowledged_twice"}},
		{"workaround twice", []sla.Event{o, ev(sla.EventWorkaround, "2026-11-17 10:00"), ev(sla.EventWorkaround, "2026-11-17 11:00")}, []string{"events[2] workaround_twice"}},
		{"resolved twice", []sla.Event{o, ev(sla.EventResolved, "2026-11-17 11:00"), ev(sla.EventResolved, "2026-11-17 12:00")}, []string{"events[2] resolved_twice"}},
		{"reopened not resolved", []sla.Event{o, ev(sla.EventReopened, "2026-11-17 11:00")}, []string{"events[1] reopened_not_resolved"}},
		{"closed not resolved", []sla.Event{o, ev(sla.EventClosed, "2026-11-17 11:00")}, []string{"events[1] closed_not_resolved"}},
		{"after closed", []sla.Event{o, ev(sla.EventResolved, "2026-11-17 11:00"), ev(sla.EventClosed, "2026-11-17 12:00"), ev(sla.EventReopened, "2026-11-17 13:00")}, []string{"events[3] after_closed"}},
		{"paused twice", []sla.Event{o, paused("2026-11-17 11:00", "client"), paused("2026-11-17 12:00", "client")}, []string{"events[2] paused_twice"}},
		{"paused resolved", []sla.Event{o, ev(sla.EventResolved, "2026-11-17 11:00"), paused("2026-11-17 12:00", "client")}, []string{"events[2] paused_resolved"}},
		{"resumed not paused", []sla.Event{o, ev(sla.EventResumed, "2026-11-17 11:00")}, []string{"events[1] resumed_not_paused"}},
		{"missing reason", []sla.Event{o, paused("2026-11-17 11:00", "")}, []string{"events[1].reason missing_reason"}},
		{"agreed before the agreement", []sla.Event{o, agreed("2026-11-17 11:00", "2026-11-17 10:30")}, []string{"events[1].due agreed_before_event"}},
		{"priority on a pause", []sla.Event{o, {Type: sla.EventPaused, At: at("2026-11-17 11:00"), Reason: "client", Priority: "P2"}}, []string{"events[1].priority irrelevant_event_field"}},
		{"unset type", []sla.Event{o, {At: at("2026-11-17 11:00")}}, []string{"events[1].type invalid_event_type"}},
		{"unset time", []sla.Event{o, {Type: sla.EventAcknowledged}}, []string{"events[1].at invalid_time"}},
		{"out of the calendar's years", []sla.Event{{Type: sla.EventOpened, At: time.Date(2201, 1, 5, 10, 0, 0, 0, paris), Priority: "P1"}}, []string{"events out_of_range"}},
		{
			// All violations at once, sorted by field.
			"several",
			[]sla.Event{o, ev(sla.EventResumed, "2026-11-17 11:00"), ev(sla.EventReopened, "2026-11-17 10:30"), opened("2026-11-17 12:00", "P1")},
			[]string{"events[1] resumed_not_paused", "events[2] reopened_not_resolved", "events[2].at time_backwards", "events[3] opened_twice"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := now
			if tt.name == "out of the calendar's years" {
				n = time.Date(2201, 1, 6, 10, 0, 0, 0, paris)
			}
			_, err := e.Evaluate(sla.Incident{Events: tt.events}, n)
			if err == nil {
				t.Fatal("no error")
			}
			var gotErrs []string
			for _, x := range flattenErr(err) {
				var fe *sla.FieldError
				if !errors.As(x, &fe) {
					t.Fatalf("not a FieldError: %v", x)
				}
				gotErrs = append(gotErrs, fe.Field+" "+fielderr.RuleCode(fe))
			}
			if diff := cmp.Diff(tt.want, gotErrs); diff != "" {
				t.Errorf("errors (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

func flattenErr(err error) []error {
	if m, ok := err.(interface{ Unwrap() []error }); ok {
		return m.Unwrap()
	}
	return []error{err}
}
