package main

import (
	"flag"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
	"github.com/openmarches/marches/sla/availability"
	"github.com/openmarches/marches/sla/qos"
	"github.com/openmarches/marches/sla/support"
)

// The KPI commands of the SLA: availability, QoS and support line. Their
// --input is a document of their own (outages, probes, calls), not a JSON
// object of flags. Days and months are Europe/Paris.

func slaKPICommands() []command {
	return []command{
		{"sla availability", "Monthly availability of a service from its outages: rate, target, error budget", slaAvailabilityCmd},
		{"sla qos", "Response-time objectives from synthetic probes: shares, percentiles, OK/KO per day and month", slaQoSCmd},
		{"sla support", "Support-line KPIs from call records per day and month, and Erlang C staffing", slaSupportCmd},
	}
}

// kpiZone is the contract's time zone: months and days are Paris ones.
const kpiZone = "Europe/Paris"

func kpiLocation() (*time.Location, error) {
	loc, err := time.LoadLocation(kpiZone)
	if err != nil {
		return nil, &fielderr.Error{Field: "zone", Value: kpiZone, Err: availability.ErrNilLocation, Detail: err.Error()}
	}
	return loc, nil
}

// availabilityJSON is the CLI contract of "sla availability", field for
// field.
type availabilityJSON struct {
	TotalSeconds           int64  `json:"total_seconds"`
	ExcludedSeconds        int64  `json:"excluded_seconds"`
	UnavailableSeconds     int64  `json:"unavailable_seconds"`
	AvailabilityPercent    string `json:"availability_percent"`
	TargetPercent          string `json:"target_percent"`
	Met                    bool   `json:"met"`
	BudgetSeconds          int64  `json:"budget_seconds"`
	BudgetRemainingSeconds int64  `json:"budget_remaining_seconds"`
}

func slaAvailabilityCmd(fs *flag.FlagSet) func(*env) (any, error) {
	in := fs.String("input", "", "read the outages, a JSON array of {service,start,end,cause} (see sla/availability/schema/outages.schema.json), from `FILE` (- for standard input)")
	month := fs.String("month", "", "calendar `YYYY-MM` measured, Europe/Paris")
	service := fs.String("service", "", "measure the outages of service `NAME` only (default: every outage, their union)")
	target := fs.String("target", "99.9", "committed availability in `PERCENT`, e.g. 99.9 (platform) or 99.8 (remote services)")
	return func(e *env) (any, error) {
		var errs []*fielderr.Error
		add := func(err error) {
			for _, x := range flatten(err) {
				errs = append(errs, asFieldError("input", "", x))
			}
		}
		loc, err := kpiLocation()
		if err != nil {
			return nil, err
		}
		var p availability.Period
		if *month == "" {
			errs = append(errs, &fielderr.Error{Field: "month", Err: errRequired})
		} else if p, err = availability.ParseMonth(*month, loc); err != nil {
			add(err)
		}
		t, err := decimal.NewFromString(*target)
		if err != nil || t.Sign() <= 0 || t.Cmp(decimal.New(100, 0)) > 0 {
			errs = append(errs, &fielderr.Error{Field: "target", Value: *target, Err: availability.ErrInvalidTarget})
		}
		var outages []availability.Outage
		if *in == "" {
			errs = append(errs, &fielderr.Error{Field: "input", Err: errRequired})
		} else if data, err := readInput(*in, e.stdin); err != nil {
			add(err)
		} else if outages, err = availability.ParseOutages(data); err != nil {
			add(err)
		}
		if len(errs) > 0 {
			return nil, fielderr.Join(errs)
		}
		r, err := availability.Measure(outages, p, availability.Config{Service: *service, Target: t})
		if err != nil {
			return nil, err
		}
		return availabilityJSON{
			TotalSeconds: r.TotalSeconds, ExcludedSeconds: r.ExcludedSeconds, UnavailableSeconds: r.UnavailableSeconds,
			AvailabilityPercent: r.Availability.StringFixed(availability.PercentPlaces), TargetPercent: kpiPlain(t),
			Met: r.Met, BudgetSeconds: r.BudgetSeconds, BudgetRemainingSeconds: r.BudgetRemainingSeconds,
		}, nil
	}
}

// kpiPlain prints d as given but without trailing zeros: "99.9".
func kpiPlain(d decimal.Decimal) string {
	s := d.StringFixed(max(0, -d.Exponent()))
	if strings.Contains(s, ".") {
		s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	}
	return s
}

func slaQoSCmd(fs *flag.FlagSet) func(*env) (any, error) {
	in := fs.String("input", "", "read the probes document {month, objectives?, probes} (see sla/qos/schema/probes.schema.json) from `FILE` (- for standard input)")
	return func(e *env) (any, error) {
		if *in == "" {
			return nil, &fielderr.Error{Field: "input", Err: errRequired}
		}
		loc, err := kpiLocation()
		if err != nil {
			return nil, err
		}
		data, err := readInput(*in, e.stdin)
		if err != nil {
			return nil, err
		}
		doc, err := qos.ParseDocument(data, loc)
		if err != nil {
			return nil, err
		}
		return qos.Evaluate(doc.Probes, doc.Month, qos.Config{Location: loc, Objectives: doc.Objectives})
	}
}

// supportJSON is the output of "sla support": the report's fields and the
// staffing answer when the document asked for one.
type supportJSON struct {
	Period   availability.Period `json:"period"`
	Month    support.Stats       `json:"month"`
	Days     []support.Stats     `json:"days"`
	Staffing *support.Staffing   `json:"staffing,omitempty"`
}

func slaSupportCmd(fs *flag.FlagSet) func(*env) (any, error) {
	in := fs.String("input", "", "read the calls document {month, objectives?, calls, staffing?} (see sla/support/schema/calls.schema.json) from `FILE` (- for standard input)")
	return func(e *env) (any, error) {
		if *in == "" {
			return nil, &fielderr.Error{Field: "input", Err: errRequired}
		}
		loc, err := kpiLocation()
		if err != nil {
			return nil, err
		}
		data, err := readInput(*in, e.stdin)
		if err != nil {
			return nil, err
		}
		doc, err := support.ParseDocument(data, loc)
		if err != nil {
			return nil, err
		}
		rep, err := support.Evaluate(doc.Calls, doc.Month, support.Config{Location: loc, Objectives: doc.Objectives})
		if err != nil {
			return nil, err
		}
		out := supportJSON{Period: rep.Period, Month: rep.Total, Days: rep.Days}
		if doc.Staffing != nil {
			s, err := support.Staff(*doc.Staffing)
			if err != nil {
				return nil, renameField(err, "staffing")
			}
			out.Staffing = &s
		}
		return out, nil
	}
}

// ---- Demo ----------------------------------------------------------------

// demoKPIMonth is the month of the demo's KPI section: March 2026, the
// spring-forward month (743 hours in Paris).
const demoKPIMonth = "2026-03"

// demoKPIInputs returns the demo's sample month: outages of the platform
// and the remote services, synthetic probes every 10 minutes for the five
// contract checks, and the support line's calls on the working days of c.
// Everything is derived from fixed seeds: the same on every run.
func demoKPIInputs(c *calendar.Calendar) (availability.Period, []availability.Outage, []qos.Probe, []support.Call, error) {
	loc, err := kpiLocation()
	if err != nil {
		return availability.Period{}, nil, nil, nil, err
	}
	month, err := availability.ParseMonth(demoKPIMonth, loc)
	if err != nil {
		return availability.Period{}, nil, nil, nil, err
	}
	at := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			panic(err) // literal
		}
		return t
	}
	o := func(service, start, end string, cause availability.Cause, id, note string) availability.Outage {
		return availability.Outage{Service: service, Start: at(start), End: at(end), Cause: cause, ID: id, Note: note}
	}
	outages := []availability.Outage{
		o("platform", "2026-03-04T10:12:00+01:00", "2026-03-04T10:31:30+01:00", availability.Unplanned, "INC-101", "Saturation du pool de connexions"),
		o("platform", "2026-03-11T22:00:00+01:00", "2026-03-12T01:00:00+01:00", availability.Maintenance, "MEP-4.2", "Mise en production 4.2 annoncée"),
		o("platform", "2026-03-11T23:30:00+01:00", "2026-03-12T00:10:00+01:00", availability.Unplanned, "INC-102", "Incident pendant la maintenance (exclu)"),
		o("platform", "2026-03-18T14:00:00+01:00", "2026-03-18T14:25:00+01:00", availability.Client, "CLI-7", "Certificat expiré côté acheteur"),
		o("platform", "2026-03-18T14:10:00+01:00", "2026-03-18T14:40:00+01:00", availability.Unplanned, "INC-103", "Chevauche l'indisponibilité client"),
		o("platform", "2026-03-29T01:50:00+01:00", "2026-03-29T03:20:00+02:00", availability.Unplanned, "INC-104", "Nuit du passage à l'heure d'été: 30 min réelles"),
		o("platform", "2026-03-31T23:50:00+02:00", "2026-04-01T00:20:00+02:00", availability.Unplanned, "INC-105", "À cheval sur deux mois"),
		o("remote", "2026-03-09T08:00:00+01:00", "2026-03-09T09:30:00+01:00", availability.ThirdParty, "OP-3", "Opérateur réseau"),
		o("remote", "2026-03-20T16:00:00+01:00", "2026-03-20T16:50:00+01:00", availability.Unplanned, "INC-110", "Service de signature indisponible"),
	}

	// Probes: every 10 minutes, durations from a fixed xorshift stream
	// per check; a probe fails while the platform is down (unplanned).
	type profile struct {
		check          string
		base, spread   int64 // ms
		slowEvery      int   // one probe in slowEvery is slow
		slowBase, slow int64 // ms
	}
	profiles := []profile{
		{"home", 350, 1300, 9, 2100, 2000},
		{"submission", 900, 1700, 12, 3100, 1500},
		{"auth", 300, 1200, 25, 2000, 1500},
		{"search", 500, 1300, 8, 2000, 1800},
		{"advanced", 1200, 2500, 7, 4000, 2600},
	}
	down := func(t time.Time) bool {
		for _, x := range outages {
			if x.Service == "platform" && x.Cause == availability.Unplanned && !t.Before(x.Start) && t.Before(x.End) {
				return true
			}
		}
		return false
	}
	var probes []qos.Probe
	for i, pr := range profiles {
		r := kpiRand(uint64(i+1) * 0x9E3779B97F4A7C15)
		k := 0
		for t := month.Start.Add(time.Duration(i) * time.Minute); t.Before(month.End); t = t.Add(10 * time.Minute) {
			k++
			ms := pr.base + int64(r.next()%uint64(pr.spread))
			if k%pr.slowEvery == 0 {
				ms = pr.slowBase + int64(r.next()%uint64(pr.slow))
			}
			probes = append(probes, qos.Probe{Check: pr.check, At: t.In(loc), Duration: time.Duration(ms) * time.Millisecond, Success: !down(t)})
		}
	}

	// Calls: on working days of c, 24 calls between 09:00 and 19:00; the
	// wait pattern gives about 85 % within 15 s and 5 % abandoned.
	var calls []support.Call
	r := kpiRand(0xC0FFEE)
	n := 0
	for d := calendar.DateOf(month.Start.In(loc)); d.In(loc).Before(month.End); d = d.AddDays(1) {
		if !c.IsWorkingDay(d) {
			continue
		}
		day := d.In(loc)
		for k := range 24 {
			n++
			offered := day.Add(9*time.Hour + time.Duration(k*25)*time.Minute + time.Duration(r.next()%600)*time.Second)
			var wait time.Duration
			switch x := r.next() % 100; {
			case x < 84:
				wait = time.Duration(2+r.next()%12) * time.Second
			case x < 92:
				wait = time.Duration(15+r.next()%14) * time.Second
			case x < 95:
				wait = time.Duration(30+r.next()%40) * time.Second
			default:
				wait = -time.Duration(20+r.next()%60) * time.Second // abandoned after |wait|
			}
			call := support.Call{ID: "APP-" + kpiSeq(n), Offered: offered}
			if wait >= 0 {
				call.Answered = offered.Add(wait)
			} else {
				call.Abandoned = offered.Add(-wait)
			}
			calls = append(calls, call)
		}
	}
	return month, outages, probes, calls, nil
}

// kpiRand is a tiny xorshift deterministic generator for the demo's sample data.
type kpiRandState struct{ s uint64 }

func kpiRand(seed uint64) *kpiRandState { return &kpiRandState{s: seed | 1} }

func (x *kpiRandState) next() uint64 {
	x.s ^= x.s << 13
	x.s ^= x.s >> 7
	x.s ^= x.s << 17
	return x.s
}

// kpiSeq formats n with at least 3 digits.
func kpiSeq(n int) string {
	b := []byte{'0' + byte(n/100%10), '0' + byte(n/10%10), '0' + byte(n%10)}
	if n >= 1000 {
		return kpiSeq(n/1000) + string(b)
	}
	return string(b)
}

// demoKPISection is the demo's KPI section.
type demoKPISection struct {
	About        string                 `json:"about"`
	Month        string                 `json:"month"`
	Zone         string                 `json:"zone"`
	HoursInMonth int64                  `json:"hours_in_month"`
	Table        qos.Table              `json:"table"`
	Availability []availability.Result  `json:"availability"`
	Statement    availability.Statement `json:"statement"`
	QoS          []demoQoSLine          `json:"qos"`
	Support      support.Stats          `json:"support"`
	Staffing     demoStaffing           `json:"staffing"`
}

type demoQoSLine struct {
	Check string    `json:"check"`
	Label string    `json:"label"`
	Month qos.Stats `json:"month"`
}

type demoStaffing struct {
	Question string           `json:"question"`
	Answer   support.Staffing `json:"answer"`
}

// demoKPI returns the demo's section on availability, QoS and the support
// line for the sample month of demoKPIInputs: the "Disponibilité et QoS"
// table, each service's measure, the platform's contractual statement with
// its penalty (brackets 5/10/20 % of a 12 000 € fee under 99.9/99.5/99 %),
// the QoS month per objective, the support KPIs and an Erlang C staffing.
func demoKPI(c *calendar.Calendar) (any, error) {
	month, outages, probes, calls, err := demoKPIInputs(c)
	if err != nil {
		return nil, err
	}
	loc := month.Start.Location()
	platform, err1 := availability.Measure(outages, month, availability.Config{Service: "platform", Target: availability.TargetPlatform})
	remote, err2 := availability.Measure(outages, month, availability.Config{Service: "remote", Target: availability.TargetRemote})
	st, err3 := availability.NewStatement(outages, month, availability.StatementConfig{
		Config:     availability.Config{Service: "platform", Target: availability.TargetPlatform},
		MonthlyFee: decimal.RequireFromString("12000.00"),
		Penalty: availability.Penalty{Brackets: []availability.Bracket{
			{Below: decimal.RequireFromString("99.9"), FeePercent: decimal.New(5, 0)},
			{Below: decimal.RequireFromString("99.5"), FeePercent: decimal.New(10, 0)},
			{Below: decimal.New(99, 0), FeePercent: decimal.New(20, 0)},
		}, CapPercent: decimal.New(20, 0)},
	})
	q, err4 := qos.Evaluate(probes, month, qos.Config{Location: loc})
	sup, err5 := support.Evaluate(calls, month, support.Config{Location: loc})
	staff, err6 := support.Staff(support.StaffingConfig{CallsPerHour: 30, HandleTime: 4 * time.Minute, AnswerWithin: 15 * time.Second, ServiceLevel: 80})
	if err := joinFieldErrors(err1, err2, err3, err4, err5, err6); err != nil {
		return nil, err
	}
	out := demoKPISection{
		About: "Availability, QoS and support line of a sample month (March 2026, 743 h in Paris): contractual rate (NHT − NHI) / NHT, exclusions, error budget, penalty; probes against the response-time objectives; calls against the support-line objectives; Erlang C staffing.",
		Month: demoKPIMonth, Zone: loc.String(), HoursInMonth: month.Seconds() / 3600,
		Table: qos.NewTable([]qos.AvailabilityLine{
			{Label: "Disponibilité de la plateforme (24/7)", Result: platform},
			{Label: "Disponibilité des services distants (24/7)", Result: remote},
		}, q),
		Availability: []availability.Result{platform, remote},
		Statement:    st,
		Support:      sup.Total,
		Staffing:     demoStaffing{Question: "Operators for 80 % of calls answered within 15 s, 30 calls per hour, 4 min average handling time (Erlang C)", Answer: staff},
	}
	for _, o := range q.Objectives {
		out.QoS = append(out.QoS, demoQoSLine{Check: o.Objective.Check, Label: o.Objective.Label, Month: o.Period})
	}
	return out, nil
}
