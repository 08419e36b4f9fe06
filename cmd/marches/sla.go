package main

import (
	"bytes"
	"flag"
	"io"
	"os"
	"strings"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
	"github.com/openmarches/marches/priority"
	"github.com/openmarches/marches/sla"
)

func slaCommands() []command {
	return []command{
		{"sla deadlines", "Due instants of an incident's acknowledgement, workaround and resolution at its opening", slaDeadlinesCmd},
		{"sla evaluate", "Evaluate incident histories: target states, proofs, and compliance per priority", slaEvaluateCmd},
		{"sla policy", "The SLA policy (the contract's by default) as JSON, validated", slaPolicyCmd},
	}
}

// slaFlags are the flags shared by the sla commands.
type slaFlags struct {
	territory *string
	policy    *string
	releases  *string
}

func declareSLA(fs *flag.FlagSet, withReleases bool) slaFlags {
	f := slaFlags{
		territory: fs.String("territory", "FR", "INSEE `CODE` of the territory whose holidays and time zone make the support calendar (Mo-Fr 09:00-19:00 except holidays); outputs are in its zone"),
		policy:    fs.String("policy", "", "SLA policy: a JSON `FILE` (see sla/schema/policy.schema.json) or an inline JSON object; default: the contract's"),
	}
	if withReleases {
		f.releases = fs.String("releases", "", "release calendar: a JSON `FILE` (see sla/schema/releases.schema.json) or an inline JSON object; without it, \"next release\" targets are not dated")
	}
	return f
}

// slaReadArg returns the JSON of a flag that holds either inline JSON
// (starting with one of open) or a file name; "-" reads standard input.
func slaReadArg(field, arg, open string, stdin io.Reader) ([]byte, error) {
	if t := strings.TrimSpace(arg); t != "" && strings.ContainsRune(open, rune(t[0])) {
		return []byte(arg), nil
	}
	var data []byte
	var err error
	if arg == "-" {
		data, err = io.ReadAll(io.LimitReader(stdin, 256<<20))
	} else {
		data, err = os.ReadFile(arg)
	}
	if err != nil {
		return nil, &fielderr.Error{Field: field, Value: arg, Err: errInputReadFail, Detail: err.Error()}
	}
	return data, nil
}

// build returns the evaluator: calendar of the territory, policy and
// release calendar, every problem reported at once.
func (f slaFlags) build(stdin io.Reader) (*sla.Evaluator, error) {
	cal, errCal := calendar.New(calendar.Config{Territory: *f.territory})
	var cfg sla.Config
	var errPol, errRel error
	if *f.policy != "" {
		data, err := slaReadArg("policy", *f.policy, "{", stdin)
		if err == nil {
			cfg.Policy, err = sla.ParsePolicy(data)
			if err != nil {
				err = renameField(err, "policy")
			}
		}
		errPol = err
	}
	if errCal == nil && f.releases != nil && *f.releases != "" {
		data, err := slaReadArg("releases", *f.releases, "{", stdin)
		if err == nil {
			cfg.Releases, err = sla.ParseReleaseCalendar(data, cal)
			if err != nil {
				err = renameField(err, "releases")
			}
		}
		errRel = err
	}
	if err := joinFieldErrors(errCal, errPol, errRel); err != nil {
		return nil, err
	}
	cfg.Calendar = cal
	return sla.New(cfg)
}

func slaOptTime(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := formatTime(t)
	return &s
}

// slaDeadlinesJSON is the output of "sla deadlines".
type slaDeadlinesJSON struct {
	Priority      string  `json:"priority"`
	AcknowledgeBy *string `json:"acknowledge_by"`
	WorkaroundBy  *string `json:"workaround_by"`
	ResolveBy     *string `json:"resolve_by"`
	ResolveRule   string  `json:"resolve_rule"`
}

func slaDeadlinesOut(d sla.Deadlines) slaDeadlinesJSON {
	res := d.For(sla.Resolve)
	rule := res.Rule.String()
	if res.Note != "" {
		rule += " (" + res.Note + ")"
	}
	return slaDeadlinesJSON{
		Priority:      d.Priority,
		AcknowledgeBy: slaOptTime(d.For(sla.Acknowledge).Due),
		WorkaroundBy:  slaOptTime(d.For(sla.Workaround).Due),
		ResolveBy:     slaOptTime(res.Due),
		ResolveRule:   rule,
	}
}

func slaRequired(field, v string) error {
	if v == "" {
		return &fielderr.Error{Field: field, Err: errRequired}
	}
	return nil
}

func slaDeadlinesCmd(fs *flag.FlagSet) func(*env) (any, error) {
	crit := fs.String("criticality", "", "criticality `CODE` of the affected function: haute, moyenne, faible")
	imp := fs.String("impact", "", "impact `CODE`: fort, moyen, reduit")
	opened := fs.String("opened", "", "`RFC3339` instant the incident was reported, e.g. 2026-11-27T19:30:00+01:00")
	sf := declareSLA(fs, true)
	return func(e *env) (any, error) {
		ev, err0 := sf.build(e.stdin)
		t, err1 := parseTime("opened", *opened)
		err2 := joinFieldErrors(slaRequired("criticality", *crit), slaRequired("impact", *imp))
		var level priority.Level
		if err2 == nil {
			level, err2 = priority.Default().Priority(*crit, *imp)
		}
		if err := joinFieldErrors(err0, err1, err2); err != nil {
			return nil, err
		}
		d, err := ev.Deadlines(level.Code(), t)
		if err != nil {
			return nil, err
		}
		return slaDeadlinesOut(d), nil
	}
}

func slaEvaluateCmd(fs *flag.FlagSet) func(*env) (any, error) {
	incidents := fs.String("incidents", "", "the incidents: a JSON array (see sla/schema/incidents.schema.json), inline, in a `FILE`, or - for standard input")
	now := fs.String("now", "", "evaluation instant, `RFC3339`; default: the current time in Europe/Paris")
	sf := declareSLA(fs, true)
	// --input is the contract: a JSON array of incidents; a JSON
	// object of these flags is also read, as for every command.
	input := fs.String("input", "", "read a JSON array of incidents, or a JSON object of these flags, from `FILE` (- for standard input); explicit flags win")
	return func(e *env) (any, error) {
		if *input != "" {
			data, err := readInput(*input, e.stdin)
			if err != nil {
				return nil, err
			}
			if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '[' {
				if *incidents == "" {
					*incidents = string(data)
				}
			} else if err := applyInput(fs, "-", bytes.NewReader(data)); err != nil {
				return nil, err
			}
		}
		ev, err0 := sf.build(e.stdin)
		var incs []sla.Incident
		err1 := slaRequired("incidents", *incidents)
		if err1 == nil {
			var data []byte
			if data, err1 = slaReadArg("incidents", *incidents, "[", e.stdin); err1 == nil {
				incs, err1 = sla.ParseIncidents(data)
			}
		}
		at, err2 := slaNow(*now)
		if err := joinFieldErrors(err0, err1, err2); err != nil {
			return nil, err
		}
		return ev.EvaluateAll(incs, at)
	}
}

// slaNow parses --now, or reads the clock: the CLI is the only place that
// does.
func slaNow(s string) (time.Time, error) {
	if s != "" {
		return parseTime("now", s)
	}
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return time.Time{}, &fielderr.Error{Field: "now", Value: "Europe/Paris", Err: calendar.ErrUnknownZone}
	}
	return time.Now().In(paris), nil
}

func slaPolicyCmd(fs *flag.FlagSet) func(*env) (any, error) {
	sf := declareSLA(fs, false)
	return func(e *env) (any, error) {
		ev, err := sf.build(e.stdin)
		if err != nil {
			return nil, err
		}
		return ev.Policy(), nil
	}
}

// The demo: the contract's sample incident, qualified, dated and
// evaluated at a fixed instant.

type slaDemoEvent struct {
	Type     string `json:"type"`
	At       string `json:"at"`
	Priority string `json:"priority,omitempty"`
	Reason   string `json:"reason,omitempty"`
}

type slaDemo struct {
	About         string           `json:"about"`
	Function      string           `json:"function"`
	Criticality   string           `json:"criticality"`
	Impact        string           `json:"impact"`
	Opened        string           `json:"opened"`
	Deadlines     slaDeadlinesJSON `json:"deadlines"`
	P4Deadlines   slaDeadlinesJSON `json:"p4_deadlines_with_release_calendar"`
	ReleaseRules  string           `json:"release_rules"`
	History       []slaDemoEvent   `json:"history"`
	Now           string           `json:"now"`
	Evaluation    sla.Result       `json:"evaluation"`
	PolicyMeaning []string         `json:"policy_reading"`
}

// demoSLA returns the demo's SLA section. c is the contract's support
// calendar.
func demoSLA(c *calendar.Calendar) (any, error) {
	loc := c.Location()
	const crit, imp = "haute", "fort"
	level, err := priority.Default().Priority(crit, imp)
	if err != nil {
		return nil, err
	}
	rel, err := sla.NewReleaseCalendar(sla.ReleaseConfig{Calendar: c, Rules: &sla.ReleaseRules{
		From: calendar.MustDate(2026, 1, 1), To: calendar.MustDate(2027, 12, 31),
		ESRMonth: time.June, Day: 1, Time: 9 * time.Hour}})
	if err != nil {
		return nil, err
	}
	ev, err := sla.New(sla.Config{Calendar: c, Releases: rel})
	if err != nil {
		return nil, err
	}
	at := func(mo time.Month, d, h, m int) time.Time { return time.Date(2026, mo, d, h, m, 0, 0, loc) }
	opened := at(time.November, 27, 19, 30) // a Friday, after closing
	d, err := ev.Deadlines(level.Code(), opened)
	if err != nil {
		return nil, err
	}
	d4, err := ev.Deadlines("P4", opened)
	if err != nil {
		return nil, err
	}
	inc := sla.Incident{ID: "INC-2026-0412", Events: []sla.Event{
		{Type: sla.EventOpened, At: opened, Priority: level.Code(), Reason: "electronic bid submission unavailable for all bidders"},
		{Type: sla.EventAcknowledged, At: at(time.November, 27, 21, 10)},
		{Type: sla.EventWorkaround, At: at(time.November, 30, 10, 15)},
		{Type: sla.EventPaused, At: at(time.November, 30, 14, 0), Reason: "waiting for the client's server logs"},
		{Type: sla.EventResumed, At: at(time.December, 1, 10, 0)},
		{Type: sla.EventResolved, At: at(time.December, 1, 14, 30)},
		{Type: sla.EventClosed, At: at(time.December, 2, 9, 0)},
	}}
	now := at(time.December, 2, 12, 0)
	r, err := ev.Evaluate(inc, now)
	if err != nil {
		return nil, err
	}
	out := slaDemo{
		About:        "An incident on electronic bid submission (criticality haute) blocking every bidder (impact fort) is P1. Reported on Friday 27 November 2026 at 19:30, after business hours: on-call acknowledgement within 4 hours, workaround within 2 business hours and resolution within 1 business day counted from Monday's opening. Its history is then evaluated at a fixed instant, with the proof of every clock.",
		Function:     "dépôt électronique des offres",
		Criticality:  crit,
		Impact:       imp,
		Opened:       formatTime(opened),
		Deadlines:    slaDeadlinesOut(d),
		P4Deadlines:  slaDeadlinesOut(d4),
		ReleaseRules: "ESR on the first working day of June at 09:00; intermediate (quarterly) releases in September, December and March; correctives the other months",
		Now:          formatTime(now),
		Evaluation:   r,
		PolicyMeaning: []string{
			"immediate: due at the opening inside business hours, else at the next opening; no tolerance",
			"1 business day: the same time on the next working day, from the next opening when reported outside business hours",
			"a pause stops the workaround and resolve clocks and moves their due instants by the business time paused",
			"re-qualification: the new priority's targets, counted from the opening",
			"reopening: the resolve clock continues, without counting the time the incident stood resolved",
		},
	}
	for _, e := range inc.Events {
		out.History = append(out.History, slaDemoEvent{Type: e.Type.String(), At: formatTime(e.At), Priority: e.Priority, Reason: e.Reason})
	}
	return out, nil
}
