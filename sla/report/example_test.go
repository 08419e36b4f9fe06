package report_test

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/openmarches/marches/sla/availability"
	"github.com/openmarches/marches/sla/qos"
	"github.com/openmarches/marches/sla/report"
)

// A monthly report from availability results: the platform lost 43
// minutes in a 30-day month, exactly its error budget.
func ExampleNew() {
	paris, _ := time.LoadLocation("Europe/Paris")
	june, _ := availability.Month(2026, time.June, paris)
	outages := []availability.Outage{{Service: "platform", Cause: availability.Unplanned,
		Start: time.Date(2026, 6, 10, 9, 0, 0, 0, paris), End: time.Date(2026, 6, 10, 9, 43, 0, 0, paris)}}
	res, err := availability.Measure(outages, june, availability.Config{Service: "platform"})
	if err != nil {
		panic(err)
	}
	r, err := report.New(report.Input{Kind: report.Monthly, Period: june,
		Availability: []qos.AvailabilityLine{{Label: report.PlatformLabel, Result: res}}})
	if err != nil {
		panic(err)
	}
	// French numbers: decimal comma, narrow no-break space (U+202F)
	// before "%".
	md := string(r.Markdown(language.French))
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "# ") || strings.HasPrefix(line, "| Disponibilité de la plateforme | —") {
			fmt.Println(line)
		}
	}
	en := string(r.Markdown(language.English))
	fmt.Println(strings.Contains(en, "| Platform availability | — | 99.9% | 99.9005% | OK |"))
	// Output:
	// # Rapport de production — juin 2026
	// | Disponibilité de la plateforme | — | 99,9 % | 99,9005 % | OK |
	// true
}

// The command line's path: a JSON document of raw data, parsed, computed
// and rendered as HTML.
func ExampleParseDocument() {
	paris, _ := time.LoadLocation("Europe/Paris")
	doc, err := report.ParseDocument([]byte(`{
	  "month": "2026-03", "day": "2026-03-10",
	  "outages": [],
	  "backups": [{"at": "2026-03-10T02:10:00+01:00", "status": "failed"},
	              {"at": "2026-03-10T10:30:00+01:00", "status": "complete"}]
	}`), paris)
	if err != nil {
		panic(err)
	}
	in, err := report.Build(doc)
	if err != nil {
		panic(err)
	}
	r, err := report.New(in)
	if err != nil {
		panic(err)
	}
	page := string(r.HTML(language.English))
	fmt.Println(in.Kind, in.Backups.Nights[0].Status)
	fmt.Println(strings.HasPrefix(page, "<!DOCTYPE html>"), strings.Contains(page, "<script"))
	// Output:
	// daily retried
	// true false
}
