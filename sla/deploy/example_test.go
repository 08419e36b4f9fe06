package deploy_test

import (
	"fmt"
	"time"

	"github.com/openmarches/marches/sla/deploy"
)

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// A 20-minute release at 12:45 while a consultation closes at 15:30: the
// deadline is 2 h 45 after the start, inside the 3 hours, so the release
// waits for the next day's window.
func ExampleRules_Check() {
	r, err := deploy.New(deploy.Config{}) // the contract's rules and support hours
	if err != nil {
		panic(err)
	}
	d, err := r.Check(
		deploy.Deployment{Name: "4.2.1", Start: at("2026-03-10T12:45:00+01:00"), Expected: 20 * time.Minute},
		[]deploy.Deadline{{Ref: "AO-2026-017", At: at("2026-03-10T15:30:00+01:00")}},
	)
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Class, d.Allowed)
	for _, c := range d.Checks {
		fmt.Println(c.Rule, c.Passed, len(c.Conflicts))
	}
	fmt.Println(d.Next.Format(time.RFC3339))
	// Output:
	// midday false
	// midday_window true 0
	// no_deadline_within false 1
	// 2026-03-11T12:00:00+01:00
}

// A four-hour migration planned on a Friday afternoon overlaps two hours
// of support time; it can start at closing time.
func ExampleRules_Check_offHours() {
	r, _ := deploy.New(deploy.Config{})
	d, _ := r.Check(deploy.Deployment{Start: at("2026-03-13T17:00:00+01:00"), Expected: 4 * time.Hour}, nil)
	fmt.Println(d.Class, d.Allowed, d.Checks[0].BusinessTime)
	fmt.Println(d.Next.Format(time.RFC3339))
	// Output:
	// off_hours false 2h0m0s
	// 2026-03-13T19:00:00+01:00
}

// An incident patch on a public holiday evening: outside business hours,
// but patches go in the midday window.
func ExampleRules_Check_holidayPatch() {
	r, _ := deploy.New(deploy.Config{})
	d, _ := r.Check(deploy.Deployment{Start: at("2026-07-14T20:00:00+02:00"), Expected: 45 * time.Minute, IncidentPatch: true}, nil)
	fmt.Println(d.Class, d.Allowed, d.Next.Format(time.RFC3339))
	// Output:
	// midday false 2026-07-15T12:00:00+02:00
}

func ExampleParseRequest() {
	req, err := deploy.ParseRequest([]byte(`{
	  "deployment": {"name": "hotfix INC-42", "start": "2026-03-10T12:10:00+01:00",
	                 "expected_duration": "45m", "incident_patch": true},
	  "deadlines": [{"ref": "AO-2026-017", "at": "2026-03-10T15:46:00+01:00"}]
	}`))
	if err != nil {
		panic(err)
	}
	fmt.Println(req.Deployment.Name, req.Deployment.Expected, req.Deployment.IncidentPatch, len(req.Deadlines))
	_, err = deploy.ParseRequest([]byte(`{"deployment": {"start": "2026-03-10T12:10:00+01:00", "expected_duration": "0s"}}`))
	fmt.Println(err)
	// Output:
	// hotfix INC-42 45m0s true 1
	// deployment.expected_duration "0s": deploy: expected duration must be a Go duration > 0, e.g. 25m or 4h
}
