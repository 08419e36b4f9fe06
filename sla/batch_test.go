package sla_test

import (
	"encoding/json"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/openmarches/marches/sla"
)

type rowDigest struct {
	Key                                    string
	Count, Met, Breached, Running, Reached int
	Compliance                             string
	Mean, Median                           time.Duration
}

func rows(s []sla.SummaryRow) []rowDigest {
	var out []rowDigest
	for _, r := range s {
		c := ""
		if r.Met+r.Breached > 0 {
			c = r.Compliance.StringFixed(2)
		}
		out = append(out, rowDigest{r.Priority + " " + r.Target.String(), r.Count, r.Met, r.Breached, r.Running + r.Paused, r.Reached, c, r.MeanTimeToMeet, r.MedianTimeToMeet})
	}
	return out
}

// TestSummary checks the steering-committee summary on four incidents
// whose outcomes are computed by hand (now Fri 20 Nov 2026 12:00):
//
//	A P1 Tue 17 10:00: ack 10:00 met (0), workaround 11:00 met (1h),
//	  resolved Wed 09:00 met (Tue 10-19 = 9h).
//	B P1 Tue 17 10:00: ack 10:05 breached (5m), workaround 13:00 breached
//	  (3h), resolved Wed 12:00 breached (due Wed 10:00; 9h + 3h = 12h).
//	C P1 Thu 19 10:00: ack 10:00 met (0); workaround (due Thu 12:00) and
//	  resolve (due Fri 10:00) not reached: breached.
//	D P2 Fri 20 09:00: ack 09:00 met (0); workaround and resolve running.
func TestSummary(t *testing.T) {
	e := evaluator(t, sla.Config{})
	incs := []sla.Incident{
		{ID: "A", Events: []sla.Event{opened("2026-11-17 10:00", "P1"), ev(sla.EventAcknowledged, "2026-11-17 10:00"), ev(sla.EventWorkaround, "2026-11-17 11:00"), ev(sla.EventResolved, "2026-11-18 09:00")}},
		{ID: "B", Events: []sla.Event{opened("2026-11-17 10:00", "P1"), ev(sla.EventAcknowledged, "2026-11-17 10:05"), ev(sla.EventWorkaround, "2026-11-17 13:00"), ev(sla.EventResolved, "2026-11-18 12:00")}},
		{ID: "C", Events: []sla.Event{opened("2026-11-19 10:00", "P1"), ev(sla.EventAcknowledged, "2026-11-19 10:00")}},
		{ID: "D", Events: []sla.Event{opened("2026-11-20 09:00", "P2"), ev(sla.EventAcknowledged, "2026-11-20 09:00")}},
	}
	want := []rowDigest{
		// 2 met of 3 = 66.666.. -> 66.67; times [0, 5m, 0]: mean 100s,
		// median 0.
		{"P1 acknowledge", 3, 2, 1, 0, 3, "66.67", 100 * time.Second, 0},
		// 1 of 3 = 33.33; times [1h, 3h]: mean 2h, median (1h+3h)/2 = 2h.
		{"P1 workaround", 3, 1, 2, 0, 2, "33.33", 2 * time.Hour, 2 * time.Hour},
		// 1 of 3; times [9h, 12h]: mean and median 10h30.
		{"P1 resolve", 3, 1, 2, 0, 2, "33.33", 630 * time.Minute, 630 * time.Minute},
		{"P2 acknowledge", 1, 1, 0, 0, 1, "100.00", 0, 0},
		{"P2 workaround", 1, 0, 0, 1, 0, "", 0, 0},
		{"P2 resolve", 1, 0, 0, 1, 0, "", 0, 0},
		// Rows of the policy with no incident are kept (P3/P4 workaround
		// is None: left out).
		{"P3 acknowledge", 0, 0, 0, 0, 0, "", 0, 0},
		{"P3 resolve", 0, 0, 0, 0, 0, "", 0, 0},
		{"P4 acknowledge", 0, 0, 0, 0, 0, "", 0, 0},
		{"P4 resolve", 0, 0, 0, 0, 0, "", 0, 0},
	}
	now := at("2026-11-20 12:00")
	rep, err := e.EvaluateAll(incs, now)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, rows(rep.Summary)); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	sum, err := e.Summarize(incs, now)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, rows(sum)); diff != "" {
		t.Errorf("Summarize (-want +got):\n%s", diff)
	}
	b, _ := json.Marshal(rep.Summary[0])
	if got := string(b); got != `{"priority":"P1","target":"acknowledge","policy":"immediate in business hours; 4h wall-clock outside business hours","count":3,"met":2,"breached":1,"running":0,"paused":0,"undated":0,"compliance_percent":"66.67","reached":3,"mean_time_to_meet":"1m40s","median_time_to_meet":"0s"}` {
		t.Errorf("JSON = %s", got)
	}
	b, _ = json.Marshal(rep.Summary[4])
	if got := string(b); got != `{"priority":"P2","target":"workaround","policy":"1 business day (same time on the next working day)","count":1,"met":0,"breached":0,"running":1,"paused":0,"undated":0,"compliance_percent":null,"reached":0,"mean_time_to_meet":null,"median_time_to_meet":null}` {
		t.Errorf("JSON = %s", got)
	}
}

func randomBatch(n int, seed uint64) ([]sla.Incident, time.Time) {
	r := rand.New(rand.NewPCG(seed, seed))
	incs := make([]sla.Incident, n)
	var last time.Time
	for i := range incs {
		var now time.Time
		incs[i], now = randomIncident(r, []string{"P1", "P2", "P3", "P4"})
		if now.After(last) {
			last = now
		}
	}
	return incs, last
}

// TestBatchDeterministic: the batch gives the same bytes as evaluating each
// incident alone, whatever GOMAXPROCS, and Summarize agrees with
// EvaluateAll.
func TestBatchDeterministic(t *testing.T) {
	e := evaluator(t, sla.Config{Releases: contractReleases(t)})
	incs, now := randomBatch(3000, 11)
	one := func() []byte {
		rep, err := e.EvaluateAll(incs, now)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(rep)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	prev := runtime.GOMAXPROCS(1)
	seq := one()
	runtime.GOMAXPROCS(max(prev, 2))
	par := one()
	runtime.GOMAXPROCS(prev)
	if string(seq) != string(par) {
		t.Fatal("EvaluateAll output depends on GOMAXPROCS")
	}
	rep, _ := e.EvaluateAll(incs, now)
	for _, i := range []int{0, 1, 1499, 2999} {
		r, err := e.Evaluate(incs[i], now)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(r)
		b, _ := json.Marshal(rep.Results[i])
		if string(a) != string(b) {
			t.Errorf("incident %d differs in the batch", i)
		}
	}
	sum, err := e.Summarize(incs, now)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(rows(rep.Summary), rows(sum)); diff != "" {
		t.Errorf("Summarize != EvaluateAll (-all +summarize):\n%s", diff)
	}
	// Independent aggregation of the per-incident results.
	count := map[string]int{}
	for _, r := range rep.Results {
		for _, tr := range r.Targets {
			if tr.State == sla.StateMet {
				count[tr.Priority+" "+tr.Target.String()]++
			}
		}
	}
	for _, row := range rep.Summary {
		if k := row.Priority + " " + row.Target.String(); count[k] != row.Met {
			t.Errorf("%s: met %d, counted %d", k, row.Met, count[k])
		}
	}
}

// TestBatchErrors: every invalid incident is reported, named by index,
// including from the parallel path.
func TestBatchErrors(t *testing.T) {
	e := evaluator(t, sla.Config{})
	incs, now := randomBatch(1200, 5)
	incs[2].Events = append([]sla.Event{}, incs[2].Events...)
	incs[2].Events[0].Priority = "P7"
	incs[1100].Events = nil
	_, err := e.EvaluateAll(incs, now)
	want := []string{"incidents[1100].events no_events", "incidents[2].events[0].priority unknown_priority"}
	if diff := cmp.Diff(want, errDigest(t, err)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, err := e.Summarize(incs, now); err == nil {
		t.Error("Summarize accepted invalid incidents")
	}
}
