package support_test

import (
	"fmt"
	"time"

	"github.com/openmarches/marches/sla/availability"
	"github.com/openmarches/marches/sla/support"
)

// A morning of the support line against the contract's objectives.
func ExampleEvaluate() {
	paris, _ := time.LoadLocation("Europe/Paris")
	march, _ := availability.ParseMonth("2026-03", paris)
	t0 := time.Date(2026, time.March, 2, 9, 0, 0, 0, paris)
	var calls []support.Call
	for i, wait := range []int{4, 9, 12, 16, 7, 3, 31, 11, 8, -40} { // seconds; negative: abandoned
		c := support.Call{Offered: t0.Add(time.Duration(i) * 7 * time.Minute)}
		if wait >= 0 {
			c.Answered = c.Offered.Add(time.Duration(wait) * time.Second)
		} else {
			c.Abandoned = c.Offered.Add(time.Duration(-wait) * time.Second)
		}
		calls = append(calls, c)
	}
	rep, err := support.Evaluate(calls, march, support.Config{Location: paris})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range rep.Total.Objectives {
		fmt.Printf("%-11s %-4v %d/%d = %s %% (objective %s %%) %s\n", o.Objective.Kind, o.Objective.Under, o.Count, o.Offered,
			o.Measured.StringFixed(2), o.Objective.Percent, o.Status)
	}
	fmt.Println("average wait", rep.Total.AverageWait)
	// Output:
	// wait_under  15s  7/10 = 70.00 % (objective 80 %) KO
	// wait_under  30s  8/10 = 80.00 % (objective 90 %) KO
	// answer_rate 0s   9/10 = 90.00 % (objective 90 %) KO
	// average wait 11.222s
}

// How many operators answer 80 % of 200 calls an hour within 20 s when a
// call takes 3 minutes (Call Centre Helper's worked example)?
func ExampleStaff() {
	s, err := support.Staff(support.StaffingConfig{CallsPerHour: 200, HandleTime: 3 * time.Minute, AnswerWithin: 20 * time.Second, ServiceLevel: 80})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d agents: %.2f erlangs, P(wait) %.4f, %.2f %% within 20 s, occupancy %.2f %%\n",
		s.Agents, s.Traffic, s.ProbWait, s.ServiceLevel, s.Occupancy)
	// Output: 14 agents: 10.00 erlangs, P(wait) 0.1741, 88.84 % within 20 s, occupancy 71.43 %
}

func ExampleErlangC() {
	for n := 11; n <= 15; n++ {
		fmt.Printf("%d agents: %.4f\n", n, support.ErlangC(n, 10))
	}
	// Output:
	// 11 agents: 0.6821
	// 12 agents: 0.4494
	// 13 agents: 0.2853
	// 14 agents: 0.1741
	// 15 agents: 0.1020
}
