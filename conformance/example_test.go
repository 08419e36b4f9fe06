package conformance_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/openmarches/marches/conformance"
)

// The SDK's answer to one operation, as a vector's "expected" holds it.
func ExampleCompute() {
	out, err := conformance.Compute("calendar-days", "add_days", []byte(
		`{"territory":"FR","hours":"Mo-Fr 09:00-19:00; PH off","date":"2026-12-15","days":9,"kind":"francs"}`))
	if err != nil {
		panic(err)
	}
	fmt.Println(string(out))
	// Output:
	// {"date":"2026-12-28"}
}

// A vendor's answers checked against the shipped vectors of one family.
func ExampleVerify() {
	set, err := conformance.Shipped()
	if err != nil {
		panic(err)
	}
	answers, err := conformance.ParseAnswersCSV([]byte("id,path,value\n" +
		"procurement.payment.limit.local-authority,days,30\n" +
		"procurement.payment.limit.local-authority,due,2026-02-14\n" +
		"procurement.payment.limit.hospital,days,50\n" +
		"procurement.payment.limit.hospital,due,2026-03-07\n"))
	if err != nil {
		panic(err)
	}
	r, err := conformance.Verify(set, answers, conformance.Options{})
	if err != nil {
		panic(err)
	}
	for _, f := range r.Families {
		if f.Status == conformance.StatusSkipped {
			continue
		}
		fmt.Println(f.Family, f.Status, f.Passed, "passed,", f.Failed, "wrong,", f.Missing, "not answered")
		for _, c := range f.Cases {
			for _, d := range c.Diffs {
				fmt.Println(" ", c.ID, d)
			}
		}
	}
	fmt.Println("ok:", r.OK)
	// Output:
	// procurement-payment failed 1 passed, 1 wrong, 6 not answered
	//   procurement.payment.limit.hospital due: want "2026-03-06", got "2026-03-07"
	// ok: false
}

// A buyer's month made into a vector, then the vendor's figure checked.
func ExampleMake() {
	f, err := conformance.Make("sla-availability", "measure", "sla.availability.buyer-2026-04",
		conformance.Text{FR: "Avril 2026", EN: "April 2026"},
		conformance.Basis{Ref: "contract, availability clause", Source: "CCTP"},
		[]byte(`{"zone":"Europe/Paris","month":"2026-04","calendar":null,
			"config":{"service":"platform","target_percent":"99.9"},
			"outages":[{"service":"platform","start":"2026-04-15T09:00:00+02:00","end":"2026-04-15T10:00:00+02:00","cause":"unplanned"}]}`))
	if err != nil {
		panic(err)
	}
	set, err := conformance.NewSet(f)
	if err != nil {
		panic(err)
	}
	answers, err := conformance.ParseAnswersJSON([]byte(`{"sla.availability.buyer-2026-04": {
		"total_seconds": 2592000, "excluded_seconds": 0,
		"excluded_by_cause": {"client": 0, "force_majeure": 0, "maintenance": 0, "third_party": 0},
		"unavailable_seconds": 3600, "downtime_seconds": 3600, "base_seconds": 2592000,
		"availability_percent": "99.8611", "raw_availability_percent": "99.8611", "met": true,
		"budget_seconds": 2592, "budget_remaining_seconds": -1008, "burn_rate": "1.3889"}}`))
	if err != nil {
		panic(err)
	}
	r, err := conformance.Verify(set, answers, conformance.Options{})
	if err != nil {
		panic(err)
	}
	fmt.Print(r.Text())
	// Output:
	// marches conformance (marches-conformance/1): 1 family, 1 vector
	// FAIL  sla-availability  0/1  (1 wrong)
	//       sla.availability.buyer-2026-04 [measure]
	//         fr: Avril 2026
	//         en: April 2026
	//         met: want "false", got "true"
	// FAIL: 1 of 1 checked vector wrong or not answered in 1 of 1 family
}

// The vectors of a family as one CSV table, for a test suite in any
// language: descriptions, basis, then one row per input and expected
// field.
func ExampleExportCSV() {
	set, err := conformance.Shipped()
	if err != nil {
		panic(err)
	}
	f, err := set.Family("calendar-days")
	if err != nil {
		panic(err)
	}
	one := *f
	one.Vectors = f.Vectors[:1]
	var b strings.Builder
	if err := conformance.ExportCSV(&b, &one); err != nil {
		panic(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		if strings.Contains(line, ",input,") || strings.Contains(line, ",expected,") || strings.HasPrefix(line, "family,") {
			fmt.Println(line)
		}
	}
	// Output:
	// family,id,operation,part,path,value
	// calendar-days,calendar.days.francs.christmas-2026,add_days,input,territory,FR
	// calendar-days,calendar.days.francs.christmas-2026,add_days,input,hours,Mo-Fr 09:00-19:00; PH off
	// calendar-days,calendar.days.francs.christmas-2026,add_days,input,date,2026-12-15
	// calendar-days,calendar.days.francs.christmas-2026,add_days,input,days,9
	// calendar-days,calendar.days.francs.christmas-2026,add_days,input,kind,francs
	// calendar-days,calendar.days.francs.christmas-2026,add_days,expected,date,2026-12-28
}

// Outputs are compared leaf by leaf: this is how a JSON output reads as
// CSV rows.
func ExampleLeaves() {
	leaves, err := conformance.Leaves([]byte(`{"dates":["2026-12-25","2026-12-26"],"none":[],"n":5}`))
	if err != nil {
		panic(err)
	}
	for _, l := range leaves {
		fmt.Printf("%s=%s\n", l.Path, l.Value)
	}
	// Output:
	// dates[0]=2026-12-25
	// dates[1]=2026-12-26
	// none=[]
	// n=5
}

// The JUnit report of a check, for a CI system.
func ExampleReport_JUnit() {
	f, err := conformance.Make("calendar-days", "extend", "calendar.days.my-case", conformance.Text{FR: "1er mai", EN: "1 May"},
		conformance.Basis{Ref: "CPC art. 642", Source: "Code de procédure civile"},
		[]byte(`{"territory":"FR","date":"2026-05-01"}`))
	if err != nil {
		panic(err)
	}
	set, _ := conformance.NewSet(f)
	answers, _ := conformance.ParseAnswersJSON([]byte(`{"calendar.days.my-case":{"date":"2026-05-02"}}`))
	r, _ := conformance.Verify(set, answers, conformance.Options{})
	xml, err := r.JUnit()
	if err != nil {
		panic(err)
	}
	os.Stdout.Write(xml)
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <testsuites name="marches conformance" tests="1" failures="1" errors="0" time="0">
	//   <testsuite name="calendar-days" tests="1" failures="1" errors="0" skipped="0" time="0">
	//     <testcase name="calendar.days.my-case" classname="calendar-days.extend" time="0">
	//       <failure message="1 difference" type="wrong_answer">fr: 1er mai&#xA;en: 1 May&#xA;date: want &#34;2026-05-04&#34;, got &#34;2026-05-02&#34;</failure>
	//     </testcase>
	//   </testsuite>
	// </testsuites>
}
