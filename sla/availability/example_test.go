package availability_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/openmarches/marches/sla/availability"
)

// The issue's reference case: a 30-day month with 43 min 12 s of
// unplanned outage is exactly 99.9 %.
func ExampleMeasure() {
	paris, _ := time.LoadLocation("Europe/Paris")
	april, _ := availability.ParseMonth("2026-04", paris)
	start := time.Date(2026, time.April, 10, 10, 0, 0, 0, paris)
	outages := []availability.Outage{{
		Service: "platform", Start: start, End: start.Add(43*time.Minute + 12*time.Second), Cause: availability.Unplanned,
	}}
	r, err := availability.Measure(outages, april, availability.Config{Service: "platform", Target: availability.TargetPlatform})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.TotalSeconds, r.UnavailableSeconds, r.Availability.StringFixed(4), r.Met, r.BudgetSeconds, r.BudgetRemainingSeconds)
	// Output: 2592000 2592 99.9000 true 2592 0
}

// A client-caused outage inside an unplanned one: the overlap is
// excluded from the period rather than counted against the vendor.
func ExampleMeasure_clientInsideUnplanned() {
	paris, _ := time.LoadLocation("Europe/Paris")
	april, _ := availability.ParseMonth("2026-04", paris)
	t0 := time.Date(2026, time.April, 14, 14, 0, 0, 0, paris)
	outages := []availability.Outage{
		{Service: "platform", Start: t0, End: t0.Add(40 * time.Minute), Cause: availability.Unplanned},
		{Service: "platform", Start: t0.Add(10 * time.Minute), End: t0.Add(25 * time.Minute), Cause: availability.Client},
	}
	r, _ := availability.Measure(outages, april, availability.Config{})
	fmt.Println("excluded", r.ExcludedSeconds, "unavailable", r.UnavailableSeconds, "NHT", r.BaseSeconds)
	fmt.Println(r.Availability.StringFixed(4), "% contractual,", r.RawAvailability.StringFixed(4), "% raw")
	// Output:
	// excluded 900 unavailable 1500 NHT 2591100
	// 99.9421 % contractual, 99.9074 % raw
}

// Months are measured in real seconds between local midnights.
func ExampleParseMonth() {
	paris, _ := time.LoadLocation("Europe/Paris")
	for _, m := range []string{"2026-03", "2026-04", "2026-10"} {
		p, _ := availability.ParseMonth(m, paris)
		fmt.Println(m, p.Seconds()/3600, "h")
	}
	// Output:
	// 2026-03 743 h
	// 2026-04 720 h
	// 2026-10 745 h
}

// The contractual statement with a bracket penalty table.
func ExampleNewStatement() {
	data := []byte(`[
	 {"service":"platform","start":"2026-04-20T10:00:00+02:00","end":"2026-04-20T11:00:00+02:00","cause":"unplanned","id":"INC-7"},
	 {"service":"platform","start":"2026-04-20T10:30:00+02:00","end":"2026-04-20T10:45:00+02:00","cause":"maintenance","id":"MEP-3"}]`)
	outages, err := availability.ParseOutages(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	paris, _ := time.LoadLocation("Europe/Paris")
	april, _ := availability.ParseMonth("2026-04", paris)
	st, err := availability.NewStatement(outages, april, availability.StatementConfig{
		Config:     availability.Config{Service: "platform"},
		MonthlyFee: decimal.RequireFromString("10000"),
		Penalty: availability.Penalty{Brackets: []availability.Bracket{
			{Below: decimal.RequireFromString("99.9"), FeePercent: decimal.New(5, 0)},
			{Below: decimal.RequireFromString("99.5"), FeePercent: decimal.New(10, 0)},
		}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range st.Events {
		fmt.Println(e.ID, e.Cause, e.Seconds, "s, unavailable", e.UnavailableSeconds, "excluded", e.ExcludedSeconds)
	}
	fmt.Println(st.Result.Availability.StringFixed(4), "% → penalty", st.PenaltyPercent, "% =", st.PenaltyAmount.StringFixed(2), "€")
	// Output:
	// INC-7 unplanned 3600 s, unavailable 2700 excluded 900
	// MEP-3 maintenance 900 s, unavailable 0 excluded 900
	// 99.8958 % → penalty 5 % = 500.00 €
}

// Outages spanning several months are cut at the local month boundaries.
func ExampleSplitMonths() {
	paris, _ := time.LoadLocation("Europe/Paris")
	o := availability.Outage{Service: "platform", Cause: availability.Unplanned,
		Start: time.Date(2026, time.March, 31, 23, 30, 0, 0, paris), End: time.Date(2026, time.April, 1, 0, 45, 0, 0, paris)}
	parts, _ := availability.SplitMonths([]availability.Outage{o}, paris)
	for _, p := range parts {
		fmt.Println(p.Start.Format(time.RFC3339), p.End.Format(time.RFC3339), p.Seconds())
	}
	// Output:
	// 2026-03-31T23:30:00+02:00 2026-04-01T00:00:00+02:00 1800
	// 2026-04-01T00:00:00+02:00 2026-04-01T00:45:00+02:00 2700
}

// Results marshal to a documented JSON shape (see Result.MarshalJSON).
func ExampleResult_MarshalJSON() {
	paris, _ := time.LoadLocation("Europe/Paris")
	april, _ := availability.ParseMonth("2026-04", paris)
	r, _ := availability.Measure(nil, april, availability.Config{Service: "remote", Target: availability.TargetRemote})
	b, _ := json.Marshal(r)
	fmt.Println(string(b))
	// Output: {"service":"remote","period":{"start":"2026-04-01T00:00:00+02:00","end":"2026-05-01T00:00:00+02:00"},"business_hours":false,"total_seconds":2592000,"excluded_seconds":0,"excluded_by_cause":{"client":0,"force_majeure":0,"maintenance":0,"third_party":0},"unavailable_seconds":0,"downtime_seconds":0,"base_seconds":2592000,"availability_percent":"100.0000","raw_availability_percent":"100.0000","target_percent":"99.8","met":true,"budget_seconds":5184,"budget_remaining_seconds":5184,"burn_rate":"0.0000"}
}
