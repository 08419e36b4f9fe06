package qos_test

import (
	"fmt"
	"time"

	"github.com/openmarches/marches/sla/availability"
	"github.com/openmarches/marches/sla/qos"
)

// Ten home-page probes judged against "< 2 s for 80 %, < 5 s for 100 %".
func ExampleEvaluate() {
	paris, _ := time.LoadLocation("Europe/Paris")
	march, _ := availability.ParseMonth("2026-03", paris)
	t0 := time.Date(2026, time.March, 2, 10, 0, 0, 0, paris)
	var probes []qos.Probe
	for i, ms := range []int{900, 1200, 1500, 800, 2300, 1100, 4100, 950, 1800, 700} {
		probes = append(probes, qos.Probe{Check: "home", At: t0.Add(time.Duration(i) * 10 * time.Minute),
			Duration: time.Duration(ms) * time.Millisecond, Success: true})
	}
	rep, err := qos.Evaluate(probes, march, qos.Config{Location: paris})
	if err != nil {
		fmt.Println(err)
		return
	}
	home := rep.Objectives[0].Period
	for _, th := range home.Thresholds {
		fmt.Printf("< %v: %s %% (objective %s %%) %s\n", th.Under, th.Measured.StringFixed(2), th.Objective, th.Status)
	}
	for _, p := range home.Percentiles {
		fmt.Printf("p%d=%v ", p.P, p.Duration)
	}
	fmt.Println()
	// Output:
	// < 2s: 80.00 % (objective 80 %) OK
	// < 5s: 100.00 % (objective 100 %) OK
	// p50=1.1s p90=2.3s p95=4.1s p99=4.1s
}

// The documented input shape, with the contract's default objectives.
func ExampleParseDocument() {
	paris, _ := time.LoadLocation("Europe/Paris")
	doc, err := qos.ParseDocument([]byte(`{"month":"2026-03","probes":[
		{"check":"search","at":"2026-03-03T09:00:00+01:00","duration_ms":2100,"success":true},
		{"check":"search","at":"2026-03-03T09:10:00+01:00","duration_ms":600,"success":true}]}`), paris)
	if err != nil {
		fmt.Println(err)
		return
	}
	rep, _ := qos.Evaluate(doc.Probes, doc.Month, qos.Config{Location: paris, Objectives: doc.Objectives})
	for _, o := range rep.Objectives {
		fmt.Println(o.Objective.Check, o.Period.Status)
	}
	// Output:
	// home N/A
	// submission N/A
	// auth N/A
	// search KO
	// advanced N/A
}

// The "Disponibilité et QoS" table of a month.
func ExampleNewTable() {
	paris, _ := time.LoadLocation("Europe/Paris")
	march, _ := availability.ParseMonth("2026-03", paris)
	t0 := time.Date(2026, time.March, 10, 10, 0, 0, 0, paris)
	plat, _ := availability.Measure([]availability.Outage{{Service: "platform", Start: t0, End: t0.Add(20 * time.Minute), Cause: availability.Unplanned}},
		march, availability.Config{Service: "platform"})
	rep, _ := qos.Evaluate([]qos.Probe{{Check: "auth", At: t0, Duration: 1500 * time.Millisecond, Success: true}}, march,
		qos.Config{Location: paris, Objectives: qos.ContractObjectives()[2:3]})
	for _, r := range qos.NewTable([]qos.AvailabilityLine{{Label: "Plateforme", Result: plat}}, rep).Rows {
		fmt.Printf("%-16s %-6v objective %5s %%  measured %8s %%  %s\n", r.Label, r.Under, r.Objective, r.Measured.StringFixed(r.Places), r.Status)
	}
	// Output:
	// Plateforme       0s     objective  99.9 %  measured  99.9551 %  OK
	// Authentification 2s     objective    80 %  measured   100.00 %  OK
	// Authentification 4s     objective   100 %  measured   100.00 %  OK
}
