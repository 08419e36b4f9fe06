package main

import (
	"flag"
	"strings"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
)

// calendarFlags declares --territory and, when withHours, --hours.
type calendarFlags struct {
	territory *string
	hours     *string
}

func calendarCommands() []command {
	return []command{
		{"calendar holidays", "Public holidays of a territory in a closed date range", holidaysCmd},
		{"calendar add", "Instant at which a working duration has elapsed", addCmd},
		{"calendar between", "Working time between two instants", betweenCmd},
		{"calendar days", "Time limit in jours ouvrés, ouvrables, calendaires or francs", daysCmd},
	}
}

func declareCalendar(fs *flag.FlagSet, withHours bool) calendarFlags {
	f := calendarFlags{territory: fs.String("territory", "FR",
		"INSEE `CODE` of the territory whose holidays and time zone apply: 01..95, 2A, 2B, 971..978, 986..988, or FR (metropolitan, national holidays only)")}
	if withHours {
		f.hours = fs.String("hours", calendar.DefaultHours,
			"working `HOURS` in opening_hours syntax (PH = the territory's public holidays), or a schedule JSON object")
	}
	return f
}

func (f calendarFlags) build() (*calendar.Calendar, error) {
	cfg := calendar.Config{Territory: *f.territory}
	if f.hours != nil {
		s, err := parseHours(*f.hours)
		if err != nil {
			return nil, err
		}
		cfg.Schedule = s
	}
	c, err := calendar.New(cfg)
	if err != nil {
		return nil, err
	}
	return c, nil
}

func parseHours(s string) (calendar.Schedule, error) {
	var sched calendar.Schedule
	var err error
	if strings.HasPrefix(strings.TrimSpace(s), "{") {
		err = sched.UnmarshalJSON([]byte(s))
	} else {
		sched, err = calendar.ParseSchedule(s)
	}
	if err != nil {
		return calendar.Schedule{}, renameField(err, "hours")
	}
	if sched.IsZero() {
		return calendar.Schedule{}, &fielderr.Error{Field: "hours", Value: s, Err: calendar.ErrNeverOpen}
	}
	return sched, nil
}

// renameField prefixes the field of every violation in err with the flag
// name, so "week.Mo[0]" becomes "hours.week.Mo[0]".
func renameField(err error, flagName string) error {
	var out []*fielderr.Error
	for _, e := range flatten(err) {
		fe, ok := e.(*fielderr.Error)
		if !ok {
			return err
		}
		c := *fe
		switch {
		case c.Field == "" || c.Field == flagName:
			c.Field = flagName
		case !strings.HasPrefix(c.Field, flagName+"."):
			c.Field = flagName + "." + c.Field
		}
		out = append(out, &c)
	}
	return fielderr.Join(out)
}

func parseDate(field, s string) (calendar.Date, error) {
	if s == "" {
		return calendar.Date{}, &fielderr.Error{Field: field, Err: errRequired}
	}
	d, err := calendar.ParseDate(s)
	if err != nil {
		return calendar.Date{}, &fielderr.Error{Field: field, Value: s, Err: calendar.ErrInvalidDate}
	}
	return d, nil
}

type holidayJSON struct {
	Date string `json:"date"`
	Name string `json:"name"`
}

func holidaysCmd(fs *flag.FlagSet) func(*env) (any, error) {
	cf := declareCalendar(fs, false)
	from := fs.String("from", "", "first `YYYY-MM-DD` of the range (inclusive)")
	to := fs.String("to", "", "last `YYYY-MM-DD` of the range (inclusive)")
	return func(*env) (any, error) {
		terr, err := calendar.LookupTerritory(*cf.territory)
		if err != nil {
			return nil, err
		}
		f, err1 := parseDate("from", *from)
		t, err2 := parseDate("to", *to)
		if err := joinFieldErrors(err1, err2); err != nil {
			return nil, err
		}
		hs, err := terr.HolidaysBetween(f, t)
		if err != nil {
			return nil, err
		}
		out := make([]holidayJSON, 0, len(hs))
		for _, h := range hs {
			out = append(out, holidayJSON{Date: h.Date.String(), Name: h.Name})
		}
		return out, nil
	}
}

func addCmd(fs *flag.FlagSet) func(*env) (any, error) {
	cf := declareCalendar(fs, true)
	at := fs.String("at", "", "start `RFC3339` instant, e.g. 2026-11-27T18:00:00+01:00")
	dur := fs.String("duration", "", "working `DURATION` to add, Go syntax: 4h, 90m, 10h30m")
	return func(*env) (any, error) {
		c, err0 := cf.build()
		t, err1 := parseTime("at", *at)
		d, err2 := parseDuration("duration", *dur)
		if err := joinFieldErrors(err0, err1, err2); err != nil {
			return nil, err
		}
		r, err := c.Add(t, d)
		if err != nil {
			return nil, err
		}
		return map[string]string{"result": formatTime(r)}, nil
	}
}

func betweenCmd(fs *flag.FlagSet) func(*env) (any, error) {
	cf := declareCalendar(fs, true)
	from := fs.String("from", "", "start `RFC3339` instant (inclusive)")
	to := fs.String("to", "", "end `RFC3339` instant (exclusive); before --from gives a negative result")
	return func(*env) (any, error) {
		c, err0 := cf.build()
		a, err1 := parseTime("from", *from)
		b, err2 := parseTime("to", *to)
		if err := joinFieldErrors(err0, err1, err2); err != nil {
			return nil, err
		}
		d, err := c.Between(a, b)
		if err != nil {
			return nil, err
		}
		return struct {
			Seconds  int64  `json:"seconds"`
			Duration string `json:"duration"`
		}{int64(d / time.Second), d.String()}, nil
	}
}

func daysCmd(fs *flag.FlagSet) func(*env) (any, error) {
	cf := declareCalendar(fs, true)
	at := fs.String("at", "", "starting `YYYY-MM-DD` (the day of the event; it does not count)")
	days := fs.String("days", "", "number of days `N` (negative counts backwards)")
	kind := fs.String("kind", "", "`KIND` of days: ouvres (the schedule's working days), ouvrables (Mon-Sat except holidays), calendaires, francs")
	return func(*env) (any, error) {
		c, err0 := cf.build()
		d, err1 := parseDate("at", *at)
		n, err2 := parseInt("days", *days)
		var k calendar.DayKind
		var err3 error
		if *kind == "" {
			err3 = &fielderr.Error{Field: "kind", Err: errRequired}
		} else {
			k, err3 = calendar.ParseDayKind(*kind)
		}
		if err := joinFieldErrors(err0, err1, err2, err3); err != nil {
			return nil, err
		}
		r, err := c.AddDays(d, n, k)
		if err != nil {
			return nil, err
		}
		return map[string]string{"result": r.String()}, nil
	}
}

// joinFieldErrors joins the non-nil errors into one sorted list.
func joinFieldErrors(errs ...error) error {
	var out []*fielderr.Error
	for _, err := range errs {
		if err == nil {
			continue
		}
		for _, e := range flatten(err) {
			fe, ok := e.(*fielderr.Error)
			if !ok {
				fe = &fielderr.Error{Err: e}
			}
			out = append(out, fe)
		}
	}
	return fielderr.Join(out)
}
