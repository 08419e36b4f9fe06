package main

import (
	"flag"
	"os"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
)

// The demo walks through the maintenance-and-hosting contract with fixed
// inputs, so its output is the same on every machine and every day. Each
// package adds its section as it lands.

type demoOutput struct {
	About    string       `json:"about"`
	Calendar demoCalendar `json:"calendar"`
	// One section per package, filled by demo<Area> in <area>.go; a
	// package that has nothing to show yet returns nil.
	Priority    any `json:"priority,omitempty"`
	SLA         any `json:"sla,omitempty"`
	KPI         any `json:"availability_qos_support,omitempty"`
	Operations  any `json:"operations,omitempty"`
	Pricing     any `json:"pricing,omitempty"`
	Procurement any `json:"procurement,omitempty"`
	EForms      any `json:"eforms,omitempty"`
	Clauses     any `json:"clauses,omitempty"`
}

type demoCalendar struct {
	Territory     string         `json:"territory"`
	TerritoryName string         `json:"territory_name"`
	Zone          string         `json:"zone"`
	Hours         string         `json:"hours"`
	Year          int            `json:"year"`
	Holidays      []holidayJSON  `json:"holidays"`
	WorkingHours  string         `json:"working_hours_in_year"`
	Deadlines     []demoDeadline `json:"deadlines"`
}

type demoDeadline struct {
	Case     string `json:"case"`
	Opened   string `json:"opened"`
	IsOpen   bool   `json:"inside_business_hours"`
	Plus2h   string `json:"plus_2_business_hours"`
	Plus10h  string `json:"plus_10_business_hours"`
	NextDay  string `json:"same_time_next_working_day"`
	Plus3Day string `json:"same_time_3_working_days_later"`
}

func demoCmd(fs *flag.FlagSet) func(*env) (any, error) {
	terr := fs.String("territory", "75", "INSEE `CODE` of the territory of the support calendar")
	year := fs.String("year", "2026", "`YEAR` whose holidays are listed")
	reportDir := fs.String("report-dir", defaultDemoDir, "write the demo's documents (HTML production report, eForms notices, tender documents) into `DIR`, created when it is the default; empty writes none")
	return func(*env) (any, error) {
		y, err := parseInt("year", *year)
		if err != nil {
			return nil, err
		}
		c, err := calendar.New(calendar.Config{Territory: *terr})
		if err != nil {
			return nil, err
		}
		if *reportDir == defaultDemoDir {
			if err := os.MkdirAll(defaultDemoDir, 0o755); err != nil {
				return nil, &fielderr.Error{Field: "report-dir", Value: defaultDemoDir, Err: errInputReadFail, Detail: err.Error()}
			}
		}
		return buildDemo(c, y, demoOptions{reportDir: *reportDir})
	}
}

// defaultDemoDir is where "marches demo" writes its documents unless told
// otherwise: a relative path, so the JSON output names the same files on
// every machine.
const defaultDemoDir = "marches-demo"

// demoOptions are the demo's flags that sections may use.
type demoOptions struct {
	// reportDir, when set, is where the demo writes its files (the HTML
	// production report, the eForms notices, the tender documents); empty
	// means write nothing.
	reportDir string
}

func buildDemo(c *calendar.Calendar, year int, opts demoOptions) (*demoOutput, error) {
	out := &demoOutput{About: "marches demo: a walk through the maintenance-and-hosting contract of an e-procurement platform, with fixed inputs: its support calendar and deadlines, incident priorities and SLA clocks, the month's availability, QoS and support figures, the revised invoices, the sample consultation's rules and deadlines, its eForms notices and its tender documents."}
	from, err1 := calendar.NewDate(year, time.January, 1)
	to, err2 := calendar.NewDate(year, time.December, 31)
	if err := joinFieldErrors(err1, err2); err != nil {
		return nil, err
	}
	hs, err := c.Holidays(from, to)
	if err != nil {
		return nil, err
	}
	loc := c.Location()
	work, err := c.Between(from.In(loc), to.AddDays(1).In(loc))
	if err != nil {
		return nil, err
	}
	dc := demoCalendar{
		Territory: c.Territory().Code(), TerritoryName: c.Territory().Name(), Zone: loc.String(),
		Hours: c.Schedule().String(), Year: year, WorkingHours: work.String(),
		Holidays: make([]holidayJSON, 0, len(hs)),
	}
	for _, h := range hs {
		dc.Holidays = append(dc.Holidays, holidayJSON{Date: h.Date.String(), Name: h.Name})
	}
	cases := []struct {
		name string
		at   time.Time
	}{
		{"Tuesday morning, inside business hours", time.Date(year, time.November, 17, 10, 0, 0, 0, loc)},
		{"Friday evening, after closing", time.Date(year, time.November, 27, 19, 30, 0, 0, loc)},
		{"Christmas Eve, late afternoon", time.Date(year, time.December, 24, 17, 0, 0, 0, loc)},
		{"Friday before the spring-forward weekend", time.Date(year, time.March, 27, 18, 0, 0, 0, loc)},
	}
	for _, cs := range cases {
		open, err := c.IsOpen(cs.at)
		if err != nil {
			return nil, err
		}
		p2, err1 := c.Add(cs.at, 2*time.Hour)
		p10, err2 := c.Add(cs.at, 10*time.Hour)
		nd, err3 := c.AddWorkingDays(cs.at, 1)
		n3, err4 := c.AddWorkingDays(cs.at, 3)
		if err := joinFieldErrors(err1, err2, err3, err4); err != nil {
			return nil, err
		}
		dc.Deadlines = append(dc.Deadlines, demoDeadline{
			Case: cs.name, Opened: formatTime(cs.at.In(loc)), IsOpen: open,
			Plus2h: formatTime(p2), Plus10h: formatTime(p10), NextDay: formatTime(nd), Plus3Day: formatTime(n3),
		})
	}
	out.Calendar = dc
	var errs [8]error
	out.Priority, errs[0] = demoPriority()
	out.SLA, errs[1] = demoSLA(c)
	out.Pricing, errs[2] = demoPricing()
	out.Procurement, errs[3] = demoProcurement(c)
	out.Operations, errs[4] = demoOperations(c, opts)
	out.EForms, errs[5] = demoEForms(opts)
	out.Clauses, errs[6] = demoClauses(opts)
	out.KPI, errs[7] = demoKPI(c)
	if err := joinFieldErrors(errs[:]...); err != nil {
		return nil, err
	}
	return out, nil
}
