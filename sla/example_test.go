package sla_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/sla"
)

// A P1 incident reported on Friday evening, after business hours: the
// on-call rule gives 4 hours to acknowledge it; the workaround and the
// resolution count from Monday's opening.
func ExampleEvaluator_Deadlines() {
	e, err := sla.New(sla.Config{}) // the contract's policy and support calendar
	if err != nil {
		panic(err)
	}
	paris, _ := time.LoadLocation("Europe/Paris")
	d, err := e.Deadlines("P1", time.Date(2026, 11, 27, 19, 30, 0, 0, paris))
	if err != nil {
		panic(err)
	}
	for _, t := range d.Targets {
		fmt.Printf("%-11s %s  (%s)\n", t.Target, t.Due.Format(time.RFC3339), t.Rule)
	}
	// Output:
	// acknowledge 2026-11-27T23:30:00+01:00  (4h wall-clock)
	// workaround  2026-11-30T11:00:00+01:00  (2h of business time)
	// resolve     2026-12-01T09:00:00+01:00  (1 business day (same time on the next working day))
}

// The same incident's history: acknowledged on call, workaround on Monday
// morning, paused while waiting for the client's logs, resolved on
// Tuesday. The pause holds 6 business hours, which move the resolution's
// due instant from Tuesday 09:00 to 15:00; the proof shows why.
func ExampleEvaluator_Evaluate() {
	e, _ := sla.New(sla.Config{})
	paris, _ := time.LoadLocation("Europe/Paris")
	at := func(mo time.Month, d, h, m int) time.Time { return time.Date(2026, mo, d, h, m, 0, 0, paris) }
	inc := sla.Incident{ID: "INC-1", Events: []sla.Event{
		{Type: sla.EventOpened, At: at(11, 27, 19, 30), Priority: "P1"},
		{Type: sla.EventAcknowledged, At: at(11, 27, 21, 10)},
		{Type: sla.EventWorkaround, At: at(11, 30, 10, 15)},
		{Type: sla.EventPaused, At: at(11, 30, 14, 0), Reason: "waiting for the client's logs"},
		{Type: sla.EventResumed, At: at(12, 1, 10, 0)},
		{Type: sla.EventResolved, At: at(12, 1, 14, 30)},
	}}
	r, err := e.Evaluate(inc, at(12, 2, 12, 0))
	if err != nil {
		panic(err)
	}
	for _, t := range r.Targets {
		fmt.Printf("%-11s %-4s due %s, elapsed %v of %v\n", t.Target, t.State, t.Due.Format("Mon 02 15:04"), t.Elapsed, t.Budget)
	}
	res, _ := r.Target(sla.Resolve)
	for _, iv := range res.Proof {
		line := fmt.Sprintf("  %s - %s  %-15s %-6v %s", iv.From.Format("Mon 02 15:04"), iv.To.Format("Mon 02 15:04"), iv.Kind, iv.Clock, iv.Reason)
		fmt.Println(strings.TrimRight(line, " "))
	}
	// Output:
	// acknowledge met  due Fri 27 23:30, elapsed 1h40m0s of 4h0m0s
	// workaround  met  due Mon 30 11:00, elapsed 1h15m0s of 2h0m0s
	// resolve     met  due Tue 01 15:00, elapsed 9h30m0s of 10h0m0s
	//   Fri 27 19:30 - Sat 28 00:00  closed_hours    0s
	//   Sat 28 00:00 - Mon 30 00:00  non_working_day 0s
	//   Mon 30 00:00 - Mon 30 09:00  closed_hours    0s
	//   Mon 30 09:00 - Mon 30 14:00  counted         5h0m0s
	//   Mon 30 14:00 - Tue 01 10:00  paused          6h0m0s waiting for the client's logs
	//   Tue 01 10:00 - Tue 01 14:30  counted         4h30m0s
	//   Tue 01 14:30 - Tue 01 15:00  counted         30m0s
}

// A release calendar from the contract's rules: the ESR every June,
// intermediate (quarterly) releases three, six and nine months later,
// correctives the other months, on the first working day at 09:00.
func ExampleNewReleaseCalendar() {
	rc, err := sla.NewReleaseCalendar(sla.ReleaseConfig{Rules: &sla.ReleaseRules{
		From: calendar.MustDate(2026, 1, 1), To: calendar.MustDate(2027, 12, 31),
		ESRMonth: time.June, Day: 1, Time: 9 * time.Hour,
	}})
	if err != nil {
		panic(err)
	}
	paris, _ := time.LoadLocation("Europe/Paris")
	t := time.Date(2026, 12, 24, 17, 0, 0, 0, paris)
	for _, k := range []sla.ReleaseKind{sla.Corrective, sla.Intermediate, sla.ESR} {
		r, _ := rc.Next(k, t)
		fmt.Printf("next %-12s %s (%s, code frozen from %s)\n", k, r.At.Format("2006-01-02 15:04"), r.Kind, r.Freeze.Format("2006-01-02"))
	}
	// Output:
	// next corrective   2027-01-04 09:00 (corrective, code frozen from 2026-12-28)
	// next intermediate 2027-03-01 09:00 (intermediate, code frozen from 2027-02-22)
	// next esr          2027-06-01 09:00 (esr, code frozen from 2027-05-01)
}

// A policy of one's own, read from JSON: resolution within 10 hours of
// business time rather than "1 business day", and a 15-minute grace on the
// acknowledgement.
func ExampleParsePolicy() {
	p, err := sla.ParsePolicy([]byte(`{"name": "strict", "priorities": [{"code": "P1",
	  "acknowledge": {"kind": "immediate", "grace": "15m", "out_of_hours": {"kind": "wall_clock", "duration": "1h"}},
	  "workaround":  {"kind": "business_duration", "duration": "2h"},
	  "resolve":     {"kind": "business_duration", "duration": "10h"}}]}`))
	if err != nil {
		panic(err)
	}
	e, _ := sla.New(sla.Config{Policy: p})
	paris, _ := time.LoadLocation("Europe/Paris")
	d, _ := e.Deadlines("P1", time.Date(2026, 11, 27, 18, 30, 0, 0, paris))
	for _, t := range d.Targets {
		fmt.Printf("%-11s %s\n", t.Target, t.Due.Format("Mon 02 15:04"))
	}
	// Output:
	// acknowledge Fri 27 18:45
	// workaround  Mon 30 10:30
	// resolve     Mon 30 18:30
}

// The steering committee's view of a batch: compliance per priority and
// target, and the time to meet in business time.
func ExampleEvaluator_Summarize() {
	e, _ := sla.New(sla.Config{})
	paris, _ := time.LoadLocation("Europe/Paris")
	at := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, paris) }
	incs := []sla.Incident{
		{ID: "A", Events: []sla.Event{{Type: sla.EventOpened, At: at(17, 10, 0), Priority: "P1"},
			{Type: sla.EventAcknowledged, At: at(17, 10, 0)}, {Type: sla.EventWorkaround, At: at(17, 11, 0)}}},
		{ID: "B", Events: []sla.Event{{Type: sla.EventOpened, At: at(17, 10, 0), Priority: "P1"},
			{Type: sla.EventAcknowledged, At: at(17, 10, 0)}, {Type: sla.EventWorkaround, At: at(17, 13, 0)}}},
	}
	rows, err := e.Summarize(incs, at(17, 15, 0))
	if err != nil {
		panic(err)
	}
	for _, r := range rows[:3] {
		fmt.Printf("%s %-11s met %d/%d, %s %%, median %v\n", r.Priority, r.Target, r.Met, r.Count, r.Compliance.StringFixed(2), r.MedianTimeToMeet)
	}
	// Output:
	// P1 acknowledge met 2/2, 100.00 %, median 0s
	// P1 workaround  met 1/2, 50.00 %, median 2h0m0s
	// P1 resolve     met 0/2, 0.00 %, median 0s
}
