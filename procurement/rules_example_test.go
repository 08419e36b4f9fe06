package procurement_test

import (
	"fmt"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/procurement"
	"github.com/shopspring/decimal"
)

// A commune buys services for exactly the 2026 EU threshold for
// sub-central buyers: a value equal to the threshold reaches it.
func ExampleRulebook_Rules() {
	rb, err := procurement.NewRulebook(procurement.RulebookConfig{})
	if err != nil {
		panic(err)
	}
	r, err := rb.Rules(procurement.RulesInput{
		BuyerKind:      procurement.BuyerLocalAuthority,
		Nature:         procurement.Services,
		EstimatedValue: decimal.RequireFromString("216000"),
		LaunchDate:     calendar.MustDate(2026, time.May, 11),
	})
	if err != nil {
		panic(err)
	}
	fmt.Println("regime:", r.Regime)
	for _, p := range r.Procedures {
		fmt.Printf("%s %s (%s)\n", p.Procedure, p.Allowed, p.Basis)
	}
	for _, p := range r.Publicity {
		fmt.Printf("publicity %s required=%v\n", p.Medium, p.Required)
	}
	// Output:
	// regime: formalised
	// sans_publicite conditional (CCP L2122-1 and R2122-1 to R2122-11)
	// ouvert always (CCP L2124-2, R2124-2)
	// restreint always (CCP L2124-2, R2124-2)
	// negocie conditional (CCP L2124-3, R2124-3)
	// dialogue conditional (CCP L2124-4; R2124-5 (article number unconfirmed))
	// partenariat_innovation conditional (CCP L2172-3 (article number unconfirmed))
	// publicity boamp_and_joue required=true
	// publicity buyer_profile_documents required=true
}

// The dispense threshold for supplies and services moves from 40 000 € to
// 60 000 € for consultations launched from 1 April 2026.
func ExampleRulebook_Rules_launchDate() {
	rb, _ := procurement.NewRulebook(procurement.RulebookConfig{})
	for _, launch := range []calendar.Date{calendar.MustDate(2026, time.March, 31), calendar.MustDate(2026, time.April, 1)} {
		r, err := rb.Rules(procurement.RulesInput{
			BuyerKind: procurement.BuyerLocalAuthority, Nature: procurement.Supplies,
			EstimatedValue: decimal.RequireFromString("50000"), LaunchDate: launch,
		})
		if err != nil {
			panic(err)
		}
		fmt.Println(launch, r.Regime, r.Thresholds[0].Threshold.Amount)
	}
	// Output:
	// 2026-03-31 adapted 40000
	// 2026-04-01 dispense 60000
}

// The earliest deadline for tenders of an open procedure whose notice was
// sent on 1 April 2026, electronic submission: day 30 is Friday 1 May, a
// holiday, followed by a weekend.
func ExampleRulebook_TimeLimit() {
	rb, _ := procurement.NewRulebook(procurement.RulebookConfig{})
	tl, err := rb.TimeLimit(procurement.TimeLimitInput{
		Procedure:  procurement.ProcedureOpen,
		Step:       procurement.StepTenders,
		Dispatched: calendar.MustDate(2026, time.April, 1),
		Electronic: true,
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(tl.Period.Days, "days, nominal end", tl.Period.NominalEnd, "period ends", tl.Period.Ends, "earliest", tl.Earliest)
	fmt.Println(tl.Basis)
	// Output:
	// 30 days, nominal end 2026-05-01 period ends 2026-05-04 earliest 2026-05-05
	// CCP R2161-3 (electronic submission), 30 days from dispatch, counted under Regulation (EEC, Euratom) No 1182/71 art. 3
}

// Regulation 1182/71 requires at least two working days in a period of two
// days or more; the French rule of the Code de procédure civile does not.
func ExampleCountPeriod() {
	c := calendar.MustNew(calendar.Config{Territory: "FR", Location: time.UTC})
	thursday := calendar.MustDate(2026, time.April, 30) // Friday 1 May is a holiday
	for _, k := range []procurement.Counting{procurement.CountingEU, procurement.CountingFrench} {
		p, err := procurement.CountPeriod(c, thursday, 2, k)
		if err != nil {
			panic(err)
		}
		fmt.Println(k, p.Ends, p.Ends.Weekday())
	}
	// Output:
	// eu 2026-05-05 Tuesday
	// fr 2026-05-04 Monday
}

// Rejection notices sent electronically on Tuesday 21 April 2026: the
// 11-day period counted with the day of sending ends on Friday 1 May, a
// holiday, and is extended to Monday 4 May.
func ExampleRulebook_Standstill() {
	rb, _ := procurement.NewRulebook(procurement.RulebookConfig{})
	st, err := rb.Standstill(procurement.StandstillInput{Sent: calendar.MustDate(2026, time.April, 21)})
	if err != nil {
		panic(err)
	}
	fmt.Println("sign from", st.SignFrom)
	// Output:
	// sign from 2026-05-05
}

// 10 000 € paid 30 days late, with an ECB rate of 2.15 % on the first day
// of the half-year (an input: the package holds no rate data).
func ExampleComputeLateInterest() {
	li, err := procurement.ComputeLateInterest(procurement.LateInterestInput{
		Principal: decimal.RequireFromString("10000.00"),
		Due:       calendar.MustDate(2026, time.March, 10),
		Paid:      calendar.MustDate(2026, time.April, 9),
		ECBRate:   decimal.RequireFromString("2.15"),
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(li.DaysLate, "days at", li.Rate.StringFixed(2), "%:", li.Interest.StringFixed(2), "+", li.Compensation.StringFixed(2), "=", li.Total.StringFixed(2))
	// Output:
	// 30 days at 10.15 %: 83.42 + 40.00 = 123.42
}

// A user replaces the built-in thresholds with their own table, e.g. the
// 2028-2029 EU amounts before the package ships them.
func ExampleParseThresholdTable() {
	tab, err := procurement.ParseThresholdTable([]byte(`{"version": "my-2028", "thresholds": [
		{"kind": "eu_works", "amount": "5500000", "from": "2028-01-01", "to": "2029-12-31", "act": "Delegated Regulation (EU) 2027/xxx"}]}`))
	if err != nil {
		panic(err)
	}
	th, err := tab.Lookup(procurement.ThresholdEUWorks, calendar.MustDate(2028, time.June, 1))
	fmt.Println(th.Amount, th.Act, err)
	_, err = tab.Lookup(procurement.ThresholdEUWorks, calendar.MustDate(2030, time.January, 1))
	fmt.Println(err)
	// Output:
	// 5500000 Delegated Regulation (EU) 2027/xxx <nil>
	// launchDate "2030-01-01": procurement: no threshold of that kind is in force on that date in the table (eu_works in table my-2028)
}

// The maximum payment period of a public health establishment.
func ExamplePaymentTimeLimit() {
	pt, err := procurement.PaymentTimeLimit(procurement.BuyerHealth, calendar.MustDate(2026, time.March, 10))
	if err != nil {
		panic(err)
	}
	fmt.Println(pt.Days, pt.Due, pt.Basis)
	// Output:
	// 50 2026-04-29 CCP R2192-11 1° (50 days for public health establishments)
}
