package conformance

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/openmarches/marches/sla"
)

var (
	basisSLAPolicy = Basis{
		Ref:    "Contract (maintenance and hosting), service levels: P1 acknowledge immediately (4 h wall-clock out of hours), workaround 2 business hours, resolve 1 business day; P2 immediately (12 h out of hours), 1 and 3 business days; P3 resolve at an agreed date, else the next intermediate release; P4 the next intermediate release; business hours Mo-Fr 09:00-19:00 except public holidays",
		Source: "sla/doc.go, section \"The contract's reading\"; sla.DefaultPolicy",
	}
	basisSLAClocks = Basis{
		Ref:    "marches SLA clocks: a pause stops the workaround and resolve clocks (never the acknowledgement's) and extends the due instant by the clock time paused; re-qualification from the opening by default (from the change as an option); a reopening continues the resolve clock; an acknowledgement one second late is late",
		Source: "sla/doc.go, sections \"Clocks and states\" and \"Pauses, re-qualification, reopening\"",
	}
)

type slaCommonIn struct {
	Calendar        calIn           `json:"calendar"`
	Releases        json.RawMessage `json:"releases"`
	Requalification string          `json:"requalification"`
}

func (in slaCommonIn) evaluator() (*sla.Evaluator, error) {
	c, err := in.Calendar.build()
	if err != nil {
		return nil, err
	}
	cfg := sla.Config{Calendar: c}
	if len(in.Releases) > 0 && !bytes.Equal(in.Releases, []byte("null")) {
		if cfg.Releases, err = sla.ParseReleaseCalendar(in.Releases, c); err != nil {
			return nil, err
		}
	}
	if in.Requalification != "" && in.Requalification != sla.FromOpening.String() {
		doc, err := sla.DefaultPolicy().MarshalJSON()
		if err != nil {
			return nil, err
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(doc, &m); err != nil {
			return nil, err
		}
		if m["requalification"], err = json.Marshal(in.Requalification); err != nil {
			return nil, err
		}
		if doc, err = json.Marshal(m); err != nil {
			return nil, err
		}
		if cfg.Policy, err = sla.ParsePolicy(doc); err != nil {
			return nil, err
		}
	}
	return sla.New(cfg)
}

type deadlinesIn struct {
	slaCommonIn
	Priority string `json:"priority"`
	Opened   string `json:"opened"`
}

type deadlineOut struct {
	Target string `json:"target"`
	Kind   string `json:"kind"`
	Due    string `json:"due"`
}

type deadlinesOut struct {
	InHours bool          `json:"in_hours"`
	Targets []deadlineOut `json:"targets"`
}

type evaluateIn struct {
	slaCommonIn
	Incident json.RawMessage `json:"incident"`
	Now      string          `json:"now"`
}

type targetOut struct {
	Target           string `json:"target"`
	Priority         string `json:"priority"`
	State            string `json:"state"`
	Start            string `json:"start"`
	Due              string `json:"due"`
	MetAt            string `json:"met_at"`
	BudgetSeconds    int64  `json:"budget_seconds"`
	ElapsedSeconds   int64  `json:"elapsed_seconds"`
	RemainingSeconds int64  `json:"remaining_seconds"`
	PausedSeconds    int64  `json:"paused_seconds"`
}

type evaluateOut struct {
	Priority string      `json:"priority"`
	Status   string      `json:"status"`
	Targets  []targetOut `json:"targets"`
}

func instantOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return formatInstant(t)
}

var slaCommonFields = []Field{
	{"calendar", "{territory, hours}: the support calendar (business hours, holidays, time zone of the results)"},
	{"releases", "release calendar {rules: {from, to, esr_month, day, time}, releases: [{kind, name, at}]} or null for none (targets waiting for a release are then undated)"},
	{"requalification", "from_opening (the contract's reading: targets dated from the opening with the priority in force) or from_change"},
}

func slaIncidents() family {
	return family{
		name:  "sla-incidents",
		title: Text{FR: "Échéances SLA et évaluation des incidents", EN: "SLA deadlines and incident evaluation"},
		pkg:   "github.com/openmarches/marches/sla",
		ops: []op{
			newOp("deadlines",
				Text{
					FR: "Échéances de prise en compte, de contournement et de résolution d'un incident ouvert à un instant, sans autre événement, selon la politique du contrat.",
					EN: "Due instants of the acknowledgement, workaround and resolution of an incident opened at an instant, with no later event, under the contract's policy.",
				},
				append(slaCommonFields[:3:3],
					Field{"priority", "P1, P2, P3 or P4"},
					Field{"opened", "opening instant, RFC 3339 with an offset"}),
				[]Field{
					{"in_hours", "the opening is inside business hours"},
					{"targets", "list of {target (acknowledge, workaround, resolve), kind (rule applied: immediate, business_duration, business_days, wall_clock, next_release, agreed_date, none), due (RFC 3339 in the calendar's zone, \"\" when none or undated)}"},
				},
				func(in deadlinesIn) (any, error) {
					ev, err := in.evaluator()
					if err != nil {
						return nil, err
					}
					t, err := parseInstant("opened", in.Opened)
					if err != nil {
						return nil, err
					}
					d, err := ev.Deadlines(in.Priority, t)
					if err != nil {
						return nil, err
					}
					out := deadlinesOut{InHours: d.InHours, Targets: []deadlineOut{}}
					for _, x := range d.Targets {
						out.Targets = append(out.Targets, deadlineOut{x.Target.String(), x.Rule.Kind.String(), instantOrEmpty(x.Due)})
					}
					return out, nil
				}),
			newOp("evaluate",
				Text{
					FR: "État de chaque objectif d'un incident à l'instant now : échéance (pauses comprises), atteinte, budget, temps écoulé, marge et temps en pause, en secondes de l'horloge de l'objectif (ouvrée ou réelle).",
					EN: "State of each target of an incident at the instant now: due instant (pauses included), when reached, budget, elapsed, margin and paused time, in seconds of the target's clock (business or wall).",
				},
				append(slaCommonFields[:3:3],
					Field{"incident", "{id, events: [{type, at, priority, reason, due, target}]}: types opened, qualified, acknowledged, workaround, resolved, closed, reopened, paused, resumed, agreed"},
					Field{"now", "evaluation instant, RFC 3339"}),
				[]Field{
					{"priority", "priority in force at now"},
					{"status", "open, paused, resolved or closed"},
					{"targets", "list, acknowledge, workaround, resolve (a target whose rule is none is left out), of {target, priority, state (running, met, breached, paused, undated), start, due, met_at (\"\" when not reached), budget_seconds, elapsed_seconds, remaining_seconds (negative when late), paused_seconds}"},
				},
				func(in evaluateIn) (any, error) {
					ev, err := in.evaluator()
					if err != nil {
						return nil, err
					}
					now, err := parseInstant("now", in.Now)
					if err != nil {
						return nil, err
					}
					incs, err := sla.ParseIncidents(append(append([]byte("["), in.Incident...), ']'))
					if err != nil {
						return nil, err
					}
					r, err := ev.Evaluate(incs[0], now)
					if err != nil {
						return nil, err
					}
					out := evaluateOut{Priority: r.Priority, Status: r.Status.String(), Targets: []targetOut{}}
					for _, t := range r.Targets {
						var secs [4]int64
						for i, d := range []time.Duration{t.Budget, t.Elapsed, t.Remaining, t.Paused} {
							if secs[i], err = wholeSeconds(d); err != nil {
								return nil, err
							}
						}
						out.Targets = append(out.Targets, targetOut{t.Target.String(), t.Priority, t.State.String(),
							instantOrEmpty(t.Start), instantOrEmpty(t.Due), instantOrEmpty(t.MetAt), secs[0], secs[1], secs[2], secs[3]})
					}
					return out, nil
				}),
		},
		cases: slaIncidentCases,
	}
}

type eventIn struct {
	Type     string `json:"type"`
	At       string `json:"at"`
	Priority string `json:"priority,omitempty"`
	Reason   string `json:"reason,omitempty"`
	Due      string `json:"due,omitempty"`
	Target   string `json:"target,omitempty"`
}

type incidentIn struct {
	ID     string    `json:"id"`
	Events []eventIn `json:"events"`
}

func slaIncidentCases() []vcase {
	paris := calIn{Territory: "75", Hours: defaultHours}
	common := slaCommonIn{Calendar: paris, Releases: json.RawMessage("null"), Requalification: "from_opening"}
	releases := slaCommonIn{Calendar: paris, Requalification: "from_opening",
		Releases: json.RawMessage(`{"rules":{"from":"2026-01-01","to":"2027-12-31","esr_month":6,"day":1,"time":"09:00"}}`)}
	dl := func(c slaCommonIn, p, at string) deadlinesIn {
		return deadlinesIn{slaCommonIn: c, Priority: p, Opened: at}
	}
	ev := func(c slaCommonIn, now string, events ...eventIn) evaluateIn {
		return evaluateIn{slaCommonIn: c, Incident: mustRaw(incidentIn{ID: "INC-1", Events: events}), Now: now}
	}
	fromChange := common
	fromChange.Requalification = "from_change"
	reunion := common
	reunion.Calendar = calIn{Territory: "974", Hours: defaultHours}
	requalified := []eventIn{
		{Type: "opened", At: "2026-11-24T10:00:00+01:00", Priority: "P3"},
		{Type: "acknowledged", At: "2026-11-24T10:00:00+01:00"},
		{Type: "qualified", At: "2026-11-24T14:00:00+01:00", Priority: "P1"},
	}
	return []vcase{
		{id: "deadlines.p1-friday-1830", op: "deadlines",
			fr:    "P1 ouvert le vendredi 27 novembre 2026 à 18:30 (dans les horaires) : prise en compte immédiate, contournement 2 h ouvrées (lundi 10:30), résolution 1 jour ouvré (lundi 18:30).",
			en:    "P1 opened on Friday 27 November 2026 at 18:30 (in hours): immediate acknowledgement, workaround 2 business hours (Monday 10:30), resolution 1 business day (Monday 18:30).",
			basis: basisSLAPolicy, in: dl(common, "P1", "2026-11-27T18:30:00+01:00"),
			hand: "Acknowledge immediate, in hours: 18:30 itself. Workaround: 18:30-19:00 = 30 min, Monday 09:00 + 1 h 30 = 10:30. Resolve: same wall time on the next working day, Monday 30 November 18:30."},
		{id: "deadlines.p1-friday-2000-out-of-hours", op: "deadlines",
			fr:    "P1 ouvert le vendredi 27 novembre 2026 à 20:00 (hors horaires) : prise en compte sous 4 h d'horloge (samedi 00:00), contournement lundi 11:00, résolution mardi 09:00.",
			en:    "P1 opened on Friday 27 November 2026 at 20:00 (out of hours): acknowledgement within 4 wall-clock hours (Saturday 00:00), workaround Monday 11:00, resolution Tuesday 09:00.",
			basis: basisSLAPolicy, in: dl(common, "P1", "2026-11-27T20:00:00+01:00"),
			hand: "Out of hours: 20:00 + 4 h = Saturday 28 November 00:00; workaround 2 business hours from the next opening Monday 09:00 = 11:00; resolve: count from Monday 09:00, one working day later Tuesday 1 December 09:00."},
		{id: "deadlines.p2-saturday", op: "deadlines",
			fr:    "P2 ouvert le samedi 28 novembre 2026 à 10:00 : prise en compte sous 12 h d'horloge (22:00), contournement mardi 09:00, résolution jeudi 09:00.",
			en:    "P2 opened on Saturday 28 November 2026 at 10:00: acknowledgement within 12 wall-clock hours (22:00), workaround Tuesday 09:00, resolution Thursday 09:00.",
			basis: basisSLAPolicy, in: dl(common, "P2", "2026-11-28T10:00:00+01:00"),
			hand: "10:00 + 12 h = 22:00 Saturday; from the next opening Monday 30 November 09:00: 1 working day = Tuesday 1 December 09:00, 3 working days = Thursday 3 December 09:00."},
		{id: "deadlines.p1-spring-forward-night", op: "deadlines",
			fr:    "P1 ouvert le samedi 28 mars 2026 à 23:00 : 4 h d'horloge réelle franchissent le passage à l'heure d'été, échéance dimanche 04:00 en +02:00.",
			en:    "P1 opened on Saturday 28 March 2026 at 23:00: 4 real hours cross the spring-forward change, due Sunday 04:00 at +02:00.",
			basis: basisSLAPolicy, in: dl(common, "P1", "2026-03-28T23:00:00+01:00"),
			hand: "23:00+01:00 = 22:00Z; + 4 h = 02:00Z = 2026-03-29T04:00:00+02:00."},
		{id: "deadlines.p3-next-intermediate-release", op: "deadlines",
			fr:    "P3 ouvert le 10 juillet 2026 sans date convenue : résolution à la prochaine version intermédiaire (1er septembre 2026 09:00, l'ESR étant en juin).",
			en:    "P3 opened on 10 July 2026 with no agreed date: resolution at the next intermediate release (1 September 2026 09:00, the ESR being in June).",
			basis: basisSLAPolicy, in: dl(releases, "P3", "2026-07-10T10:00:00+02:00")},
		{id: "deadlines.p4-no-release-calendar", op: "deadlines",
			fr:    "P4 sans calendrier de versions : la résolution ne peut pas être datée.",
			en:    "P4 without a release calendar: the resolution cannot be dated.",
			basis: basisSLAPolicy, in: dl(common, "P4", "2026-07-10T10:00:00+02:00")},
		{id: "deadlines.p1-reunion", op: "deadlines",
			fr:    "La Réunion, P1 ouvert le vendredi 18 décembre 2026 à 18:00 locale : le dimanche 20 décembre est férié mais déjà chômé ; résolution lundi 21 à 18:00.",
			en:    "La Réunion, P1 opened on Friday 18 December 2026 at 18:00 local: Sunday 20 December is a holiday but not a working day anyway; resolution Monday 21 at 18:00.",
			basis: basisAbolition, in: dl(reunion, "P1", "2026-12-18T18:00:00+04:00")},
		{id: "evaluate.acknowledged-one-second-late", op: "evaluate",
			fr:    "P2 ouvert mardi 10:00 et pris en compte à 10:00:01 : la prise en compte immédiate est manquée d'une seconde.",
			en:    "P2 opened on Tuesday at 10:00 and acknowledged at 10:00:01: the immediate acknowledgement is missed by one second.",
			basis: basisSLAClocks, in: ev(common, "2026-11-24T12:00:00+01:00",
				eventIn{Type: "opened", At: "2026-11-24T10:00:00+01:00", Priority: "P2"},
				eventIn{Type: "acknowledged", At: "2026-11-24T10:00:01+01:00"}),
			hand: "Due 10:00:00 (immediate, in hours); reached 10:00:01: breached, elapsed 1 s, remaining −1 s."},
		{id: "evaluate.paused-over-weekend", op: "evaluate",
			fr:    "P1 ouvert vendredi 17:00, mis en attente du client de vendredi 18:00 à lundi 10:00 : la pause ajoute 2 h ouvrées (vendredi 18-19, lundi 9-10) à l'échéance de contournement, rien pour le week-end.",
			en:    "P1 opened Friday 17:00, paused waiting for the client from Friday 18:00 to Monday 10:00: the pause adds 2 business hours (Friday 18-19, Monday 9-10) to the workaround due, nothing for the weekend.",
			basis: basisSLAClocks, in: ev(common, "2026-11-30T12:00:00+01:00",
				eventIn{Type: "opened", At: "2026-11-27T17:00:00+01:00", Priority: "P1"},
				eventIn{Type: "acknowledged", At: "2026-11-27T17:00:00+01:00"},
				eventIn{Type: "paused", At: "2026-11-27T18:00:00+01:00", Reason: "waiting for the client's logs"},
				eventIn{Type: "resumed", At: "2026-11-30T10:00:00+01:00"}),
			hand: "Workaround: 2 business hours from Friday 17:00 would be due Friday 19:00; the pause from 18:00 covers 2 business hours (Friday 18:00-19:00, Monday 09:00-10:00), so due Monday 30 November 11:00; at Monday 12:00 elapsed 17:00-18:00 + 10:00-12:00 = 3 h = 10800 s, remaining 7200 − 10800 = −3600, paused 7200: breached. Resolve: 1 business day, Monday 17:00, + 2 h paused = Monday 19:00."},
		{id: "evaluate.requalified-from-opening", op: "evaluate",
			fr:    "Ouvert en P3 à 10:00, requalifié P1 à 14:00 : par défaut les objectifs P1 sont datés depuis l'ouverture (contournement dû à 12:00, donc déjà manqué).",
			en:    "Opened as P3 at 10:00, re-qualified P1 at 14:00: by default the P1 targets are dated from the opening (workaround due at 12:00, already missed).",
			basis: basisSLAClocks, in: ev(common, "2026-11-24T15:00:00+01:00", requalified...)},
		{id: "evaluate.requalified-from-change", op: "evaluate",
			fr:    "Même incident avec requalification « depuis le changement » : les objectifs P1 non atteints repartent à 14:00 (contournement dû à 16:00).",
			en:    "The same incident with re-qualification \"from the change\": the P1 targets not yet reached restart at 14:00 (workaround due at 16:00).",
			basis: basisSLAClocks, in: ev(fromChange, "2026-11-24T15:00:00+01:00", requalified...)},
		{id: "evaluate.reopened", op: "evaluate",
			fr:    "P2 résolu le mardi puis rouvert le mercredi : le temps entre résolution et réouverture n'est pas compté, l'incident est jugé sur la résolution finale.",
			en:    "P2 resolved on Tuesday then reopened on Wednesday: the time between resolution and reopening is not counted, the incident is judged on the final resolution.",
			basis: basisSLAClocks, in: ev(common, "2026-11-30T12:00:00+01:00",
				eventIn{Type: "opened", At: "2026-11-23T10:00:00+01:00", Priority: "P2"},
				eventIn{Type: "acknowledged", At: "2026-11-23T10:00:00+01:00"},
				eventIn{Type: "workaround", At: "2026-11-23T16:00:00+01:00"},
				eventIn{Type: "resolved", At: "2026-11-24T11:00:00+01:00"},
				eventIn{Type: "reopened", At: "2026-11-25T11:00:00+01:00"},
				eventIn{Type: "resolved", At: "2026-11-26T17:00:00+01:00"}),
			hand: "Resolve: 3 business days from Monday 23 10:00, Thursday 26 10:00; resolved Tuesday 11:00, reopened Wednesday 11:00: 8 h + 2 h = 10 business hours not counted, so due Friday 27 10:00; elapsed Mon 10-19 (9 h) + Tue 9-11 (2 h) + Wed 11-19 (8 h) + Thu 9-17 (8 h) = 27 h = 97200 s; remaining 108000 − 97200 = 10800: met."},
		{id: "evaluate.open-pause-at-now", op: "evaluate",
			fr:    "P1 en pause à l'instant de l'évaluation : l'échéance est celle d'une reprise à cet instant.",
			en:    "P1 paused at the evaluation instant: the due instant is where it would be if resumed now.",
			basis: basisSLAClocks, in: ev(common, "2026-11-24T15:00:00+01:00",
				eventIn{Type: "opened", At: "2026-11-24T10:00:00+01:00", Priority: "P1"},
				eventIn{Type: "acknowledged", At: "2026-11-24T10:05:00+01:00"},
				eventIn{Type: "paused", At: "2026-11-24T11:00:00+01:00", Reason: "waiting for the client"}),
			hand: "Acknowledged at 10:05 for an immediate target due 10:00: breached by 300 s. Workaround: 1 h counted (10:00-11:00), paused 11:00-15:00 (now) = 14400 s, due 12:00 + 4 h = 16:00, remaining 3600."},
	}
}
