package conformance

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/openmarches/marches/sla/availability"
	"github.com/openmarches/marches/sla/qos"
	"github.com/openmarches/marches/sla/support"
)

var (
	basisAvailability = Basis{
		Ref:    "Contract, monthly availability: (NHT − NHI) / NHT × 100, NHT the period minus the excluded unavailability (planned maintenance, force majeure, third party, client), NHI the unplanned unavailability; targets 99.9 % (platform) and 99.8 % (remote services), 24/7; marches reading: whole seconds (start rounded down, end up), overlapping outages merged, a second covered by an excluded cause counts as excluded, percentages half-up to 4 decimals, target checked on the exact fraction",
		Source: "sla/availability/doc.go, section \"Rules, exactly\"",
	}
	basisMonthLength = Basis{
		Ref:    "Calendar months in Europe/Paris measured in real elapsed seconds between local midnights: March 2026 lasts 743 h (spring forward), October 2026 745 h (fall back)",
		Source: "sla/availability/doc.go; availability.Month",
	}
	basisPenalty = Basis{
		Ref:    "Contract penalty table for a month under target, as a percentage of the monthly fee: brackets (the most severe bracket whose bound the exact availability is strictly under) or steps (a percentage per step of shortfall, whole or started steps), capped; amount = fee × percent / 100 rounded half-up to the cent",
		Source: "sla/availability/doc.go; availability.Penalty, availability.NewStatement",
	}
	basisQoS = Basis{
		Ref:    "Contract \"Disponibilité et QoS\": response-time objectives (home page < 2 s for 80 % of probes and < 5 s for 100 %; submission < 3 s 80 %, < 5 s 100 %; authentication < 2 s 80 %, < 4 s 100 %; search < 2 s 80 %; advanced search < 4 s 80 %, < 6 s 100 %); a probe counts when it succeeded in strictly less than the limit; shares compared exactly, shown half-up to 2 decimals",
		Source: "sla/qos/doc.go, section \"Definitions\"",
	}
	basisPercentile = Basis{
		Ref:    "Nearest-rank percentile: sort the N probes by duration with failed probes last; the P-th percentile is the probe of rank ceil(P × N / 100); a failed probe at that rank gives no duration (null)",
		Source: "sla/qos/doc.go; https://en.wikipedia.org/wiki/Percentile#The_nearest-rank_method",
	}
	basisSupport = Basis{
		Ref:    "Contract support line: waiting time < 15 s for 80 % of calls and < 30 s for 90 %, answer rate > 90 %; every share has the offered calls as denominator (an abandoned call is never answered within a limit), waits compared strictly, shares shown half-up to 2 decimals, average wait rounded down to the millisecond",
		Source: "sla/support/doc.go, section \"Definitions\"",
	}
	basisErlang = Basis{
		Ref:    "Erlang C staffing: the smallest number of agents N > A (traffic in erlangs) whose service level 1 − C(N, A) × e^(−(N − A) × t / h) reaches the target; published example: 100 calls per 30 minutes, 3-minute handling, 80 % within 20 s: 14 agents",
		Source: "https://www.callcentrehelper.com/erlang-c-formula-example-121281.htm ; sla/support/doc.go",
	}
)

// ---- sla-availability ----

type outageIn struct {
	Service string `json:"service"`
	Start   string `json:"start"`
	End     string `json:"end"`
	Cause   string `json:"cause"`
}

type penaltyBracketIn struct {
	BelowPercent string `json:"below_percent"`
	FeePercent   string `json:"fee_percent"`
}

type penaltyIn struct {
	Brackets       []penaltyBracketIn `json:"brackets,omitempty"`
	StepPoints     string             `json:"step_points,omitempty"`
	StepFeePercent string             `json:"step_fee_percent,omitempty"`
	StartedSteps   bool               `json:"started_steps,omitempty"`
	CapPercent     string             `json:"cap_percent,omitempty"`
}

type statementConfigIn struct {
	Service       string     `json:"service"`
	TargetPercent string     `json:"target_percent"`
	MonthlyFee    string     `json:"monthly_fee,omitempty"`
	Penalty       *penaltyIn `json:"penalty,omitempty"`
}

type availabilityIn struct {
	Zone  string `json:"zone"`
	Month string `json:"month"`
	// Calendar, when set, restricts the measure to business hours.
	Calendar *calIn            `json:"calendar"`
	Config   statementConfigIn `json:"config"`
	Outages  []outageIn        `json:"outages"`
}

type measureOut struct {
	TotalSeconds           int64            `json:"total_seconds"`
	ExcludedSeconds        int64            `json:"excluded_seconds"`
	ExcludedByCause        map[string]int64 `json:"excluded_by_cause"`
	UnavailableSeconds     int64            `json:"unavailable_seconds"`
	DowntimeSeconds        int64            `json:"downtime_seconds"`
	BaseSeconds            int64            `json:"base_seconds"`
	AvailabilityPercent    string           `json:"availability_percent"`
	RawAvailabilityPercent string           `json:"raw_availability_percent"`
	Met                    bool             `json:"met"`
	BudgetSeconds          int64            `json:"budget_seconds"`
	BudgetRemainingSeconds int64            `json:"budget_remaining_seconds"`
	BurnRate               string           `json:"burn_rate"`
}

type statementOut struct {
	AvailabilityPercent string `json:"availability_percent"`
	Met                 bool   `json:"met"`
	ShortfallPoints     string `json:"shortfall_points"`
	Steps               int64  `json:"steps"`
	PenaltyPercent      string `json:"penalty_percent"`
	Capped              bool   `json:"capped"`
	PenaltyAmount       string `json:"penalty_amount"`
}

// minPlaces prints d exactly with at least min decimals and no trailing
// zero beyond them: "5.00", "2.125" (min 2).
func minPlaces(d decimal.Decimal, min int32) string {
	places := -d.Exponent()
	coef := new(big.Int).Set(d.Coefficient())
	ten := big.NewInt(10)
	r := new(big.Int)
	for places > min {
		if _, r = coef.QuoRem(coef, ten, r); r.Sign() != 0 {
			break
		}
		places--
	}
	if places < min {
		places = min
	}
	return d.StringFixed(places)
}

func (in availabilityIn) prepare() ([]availability.Outage, availability.Period, availability.StatementConfig, error) {
	loc, err := time.LoadLocation(in.Zone)
	if err != nil {
		return nil, availability.Period{}, availability.StatementConfig{}, &FieldError{Field: "zone", Value: in.Zone, Err: ErrInputs, Detail: err.Error()}
	}
	p, err := availability.ParseMonth(in.Month, loc)
	if err != nil {
		return nil, availability.Period{}, availability.StatementConfig{}, err
	}
	cfgJSON, err := json.Marshal(in.Config)
	if err != nil {
		return nil, availability.Period{}, availability.StatementConfig{}, err
	}
	cfg, err := availability.ParseStatementConfig(cfgJSON)
	if err != nil {
		return nil, availability.Period{}, availability.StatementConfig{}, err
	}
	if in.Calendar != nil {
		if cfg.Calendar, err = in.Calendar.build(); err != nil {
			return nil, availability.Period{}, availability.StatementConfig{}, err
		}
	}
	outJSON, err := json.Marshal(in.Outages)
	if err != nil {
		return nil, availability.Period{}, availability.StatementConfig{}, err
	}
	outages, err := availability.ParseOutages(outJSON)
	if err != nil {
		return nil, availability.Period{}, availability.StatementConfig{}, err
	}
	return outages, p, cfg, nil
}

func slaAvailability() family {
	inputs := []Field{
		{"zone", "IANA time zone of the months (Europe/Paris for the contract)"},
		{"month", "the calendar month measured, YYYY-MM, from local midnight on the 1st to local midnight on the 1st of the next month"},
		{"calendar", "null for 24/7; {territory, hours} to count only business hours"},
		{"config", "{service, target_percent, monthly_fee, penalty}: service measured; target in percent; statement only: fee in euros excluding VAT and penalty {brackets [{below_percent, fee_percent}] | step_points, step_fee_percent, started_steps; cap_percent}"},
		{"outages", "list of {service, start, end, cause}: [start, end) in RFC 3339 with an offset; cause unplanned, maintenance, force_majeure, third_party or client"},
	}
	return family{
		name:  "sla-availability",
		title: Text{FR: "Disponibilité mensuelle contractuelle", EN: "Contractual monthly availability"},
		pkg:   "github.com/openmarches/marches/sla/availability",
		ops: []op{
			newOp("measure",
				Text{
					FR: "Disponibilité contractuelle du mois (NHT − NHI) / NHT × 100 en secondes entières, exclusions déduites, budget d'erreur et taux de consommation.",
					EN: "Contractual availability of the month (NHT − NHI) / NHT × 100 in whole seconds, exclusions deducted, error budget and burn rate.",
				},
				inputs,
				[]Field{
					{"total_seconds", "length of the month (its business hours under a calendar)"},
					{"excluded_seconds", "union of the excluded outages"},
					{"excluded_by_cause", "{client, force_majeure, maintenance, third_party}: seconds per excluded cause, overlaps to the first in the order maintenance, force_majeure, third_party, client"},
					{"unavailable_seconds", "NHI: unplanned time no excluded cause covers"},
					{"downtime_seconds", "union of every outage whatever its cause"},
					{"base_seconds", "NHT = total − excluded"},
					{"availability_percent", "(NHT − NHI) / NHT × 100, 4 decimals half-up; 100.0000 when NHT is 0"},
					{"raw_availability_percent", "(total − downtime) / total × 100, 4 decimals half-up"},
					{"met", "exact availability >= target"},
					{"budget_seconds", "(100 − target) % of NHT, rounded down"},
					{"budget_remaining_seconds", "budget − NHI, negative when overspent"},
					{"burn_rate", "NHI / budget, 4 decimals half-up; \"\" when the budget is 0 and NHI is not"},
				},
				func(in availabilityIn) (any, error) {
					outages, p, cfg, err := in.prepare()
					if err != nil {
						return nil, err
					}
					r, err := availability.Measure(outages, p, cfg.Config)
					if err != nil {
						return nil, err
					}
					out := measureOut{
						TotalSeconds: r.TotalSeconds, ExcludedSeconds: r.ExcludedSeconds, ExcludedByCause: map[string]int64{},
						UnavailableSeconds: r.UnavailableSeconds, DowntimeSeconds: r.DowntimeSeconds, BaseSeconds: r.BaseSeconds,
						AvailabilityPercent:    r.Availability.StringFixed(availability.PercentPlaces),
						RawAvailabilityPercent: r.RawAvailability.StringFixed(availability.PercentPlaces),
						Met:                    r.Met, BudgetSeconds: r.BudgetSeconds, BudgetRemainingSeconds: r.BudgetRemainingSeconds,
					}
					for _, c := range r.ExcludedByCause {
						out.ExcludedByCause[c.Cause.String()] = c.Seconds
					}
					if r.BurnRateDefined {
						out.BurnRate = r.BurnRate.StringFixed(4)
					}
					return out, nil
				}),
			newOp("statement",
				Text{
					FR: "Relevé mensuel contractuel : disponibilité, écart à l'objectif en points, paliers, pourcentage de pénalité (plafonné) et montant de la pénalité, comparés sur la valeur exacte et non arrondie.",
					EN: "Contractual monthly statement: availability, shortfall in points, steps, penalty percentage (capped) and penalty amount, compared on the exact, unrounded value.",
				},
				inputs,
				[]Field{
					{"availability_percent", "4 decimals half-up"},
					{"met", "exact availability >= target"},
					{"shortfall_points", "target − exact availability, 4 decimals half-up, 0.0000 when met"},
					{"steps", "penalty steps (step tables only), integer"},
					{"penalty_percent", "share of the monthly fee due after the cap, exact, at least 2 decimals"},
					{"capped", "true when the cap lowered the penalty"},
					{"penalty_amount", "fee × penalty_percent / 100, 2 decimals half-up"},
				},
				func(in availabilityIn) (any, error) {
					outages, p, cfg, err := in.prepare()
					if err != nil {
						return nil, err
					}
					s, err := availability.NewStatement(outages, p, cfg)
					if err != nil {
						return nil, err
					}
					return statementOut{
						AvailabilityPercent: s.Result.Availability.StringFixed(availability.PercentPlaces), Met: s.Result.Met,
						ShortfallPoints: s.ShortfallPoints.StringFixed(4), Steps: s.Steps,
						PenaltyPercent: minPlaces(s.PenaltyPercent, 2), Capped: s.Capped, PenaltyAmount: s.PenaltyAmount.StringFixed(2),
					}, nil
				}),
		},
		cases: availabilityCases,
	}
}

func availabilityCases() []vcase {
	platform := func(target string) statementConfigIn {
		return statementConfigIn{Service: "platform", TargetPercent: target}
	}
	o := func(start, end, cause string) outageIn { return outageIn{"platform", start, end, cause} }
	m := func(month string, outages ...outageIn) availabilityIn {
		if outages == nil {
			outages = []outageIn{}
		}
		return availabilityIn{Zone: "Europe/Paris", Month: month, Config: platform("99.9"), Outages: outages}
	}
	business := m("2026-04", o("2026-04-04T10:00:00+02:00", "2026-04-04T12:00:00+02:00", "unplanned"),
		o("2026-04-07T18:30:00+02:00", "2026-04-07T20:00:00+02:00", "unplanned"))
	business.Calendar = &calIn{Territory: "75", Hours: defaultHours}
	remote := m("2026-04", o("2026-04-10T10:00:00+02:00", "2026-04-10T11:00:00+02:00", "unplanned"),
		outageIn{"remote", "2026-04-10T10:30:00+02:00", "2026-04-10T12:00:00+02:00", "unplanned"})
	remote.Config = statementConfigIn{Service: "remote", TargetPercent: "99.8"}
	brackets := &penaltyIn{Brackets: []penaltyBracketIn{{"99.9", "5"}, {"99.5", "10"}, {"99", "20"}}}
	stmt := func(p *penaltyIn, outages ...outageIn) availabilityIn {
		in := m("2026-04", outages...)
		in.Config.MonthlyFee = "12000.00"
		in.Config.Penalty = p
		return in
	}
	down := func(seconds int) outageIn {
		end := time.Date(2026, 4, 15, 9, 0, 0, 0, time.FixedZone("", 2*3600)).Add(time.Duration(seconds) * time.Second)
		return o("2026-04-15T09:00:00+02:00", end.Format(time.RFC3339), "unplanned")
	}
	steps := &penaltyIn{StepPoints: "0.1", StepFeePercent: "2", StartedSteps: true, CapPercent: "10"}
	stepsWhole := &penaltyIn{StepPoints: "0.1", StepFeePercent: "2"}
	return []vcase{
		{id: "month.march-743-hours", op: "measure",
			fr:    "Mars 2026 à Paris sans incident : 743 heures (passage à l'heure d'été le 29), disponibilité 100 %.",
			en:    "March 2026 in Paris with no outage: 743 hours (spring forward on the 29th), availability 100 %.",
			basis: basisMonthLength, in: m("2026-03"),
			hand: "31 × 24 − 1 = 743 h = 2674800 s; budget 0.1 % of 2674800 = 2674.8 → 2674 s; burn rate 0/2674 = 0.0000."},
		{id: "month.october-745-hours", op: "measure",
			fr:    "Octobre 2026 : 745 heures (retour à l'heure d'hiver le 25) ; 1 h d'incident donne 99,8658 %.",
			en:    "October 2026: 745 hours (fall back on the 25th); a 1 h outage gives 99.8658 %.",
			basis: basisMonthLength, in: m("2026-10", o("2026-10-12T10:00:00+02:00", "2026-10-12T11:00:00+02:00", "unplanned")),
			hand: "31 × 24 + 1 = 745 h = 2682000 s; (2682000 − 3600) / 2682000 = 744/745 = 0.998657718... → 99.8658; budget floor(2682) = 2682 s, remaining 2682 − 3600 = −918, not met."},
		{id: "target.exactly-met", op: "measure",
			fr:    "Avril 2026 (30 jours, 2 592 000 s) avec exactement 2 592 s d'indisponibilité : 99,9000 %, objectif atteint, budget épuisé à zéro.",
			en:    "April 2026 (30 days, 2,592,000 s) with exactly 2,592 s unavailable: 99.9000 %, target met, budget exactly spent.",
			basis: basisAvailability, in: m("2026-04", down(2592)),
			hand: "(2592000 − 2592) / 2592000 = 0.999 exactly: 99.9000, met (>=); budget 0.1 % × 2592000 = 2592, remaining 0, burn rate 1.0000."},
		{id: "target.missed-by-one-second", op: "measure",
			fr:    "Avril 2026 avec 2 593 s : l'affichage arrondi reste 99,9000 % mais l'objectif est manqué d'une seconde.",
			en:    "April 2026 with 2,593 s: the rounded figure still shows 99.9000 % but the target is missed by one second.",
			basis: basisAvailability, in: m("2026-04", down(2593)),
			hand: "(2592000 − 2593) / 2592000 = 0.99899961... → 99.8999614 → 4 decimals 99.9000 (half-up); exact < 99.9: not met; remaining 2592 − 2593 = −1; burn 2593/2592 = 1.000385... → 1.0004."},
		{id: "outages.overlapping-merged", op: "measure",
			fr:    "Deux incidents qui se chevauchent (09:00-09:30 et 09:20-10:00) comptent une fois : 60 minutes.",
			en:    "Two overlapping outages (09:00-09:30 and 09:20-10:00) count once: 60 minutes.",
			basis: basisAvailability, in: m("2026-04",
				o("2026-04-08T09:00:00+02:00", "2026-04-08T09:30:00+02:00", "unplanned"),
				o("2026-04-08T09:20:00+02:00", "2026-04-08T10:00:00+02:00", "unplanned")),
			hand: "Union 09:00-10:00 = 3600 s; (2592000 − 3600) / 2592000 = 0.998611... → 99.8611; not met (budget 2592)."},
		{id: "outages.unplanned-inside-maintenance", op: "measure",
			fr:    "Incident non programmé de 30 min pendant une maintenance programmée de 2 h : le chevauchement compte comme exclu, pas comme indisponible.",
			en:    "A 30 min unplanned outage during a 2 h planned maintenance: the overlap counts as excluded, not as unavailable.",
			basis: basisAvailability, in: m("2026-04",
				o("2026-04-09T01:00:00+02:00", "2026-04-09T03:00:00+02:00", "maintenance"),
				o("2026-04-09T02:30:00+02:00", "2026-04-09T03:30:00+02:00", "unplanned")),
			hand: "Excluded 01:00-03:00 = 7200 s; unavailable 03:00-03:30 = 1800 s; NHT = 2592000 − 7200 = 2584800; (2584800 − 1800)/2584800 = 0.99930362... → 99.9304; met; budget floor(2584.8) = 2584."},
		{id: "outages.overlapping-excluded-causes", op: "measure",
			fr:    "Force majeure et tiers qui se chevauchent : le temps commun va à la première cause dans l'ordre maintenance, force majeure, tiers, client.",
			en:    "Overlapping force majeure and third party: the common time goes to the first cause in the order maintenance, force majeure, third party, client.",
			basis: basisAvailability, in: m("2026-04",
				o("2026-04-20T10:00:00+02:00", "2026-04-20T11:00:00+02:00", "third_party"),
				o("2026-04-20T10:30:00+02:00", "2026-04-20T11:30:00+02:00", "force_majeure")),
			hand: "force_majeure 10:30-11:30 = 3600 s; third_party keeps 10:00-10:30 = 1800 s; excluded 5400 s; availability 100.0000."},
		{id: "outages.spanning-two-months", op: "measure",
			fr:    "Incident du 31 mars 23:00 au 1er avril 01:00 : seule l'heure d'avril compte en avril.",
			en:    "An outage from 31 March 23:00 to 1 April 01:00: only the April hour counts in April.",
			basis: basisAvailability, in: m("2026-04", o("2026-03-31T23:00:00+02:00", "2026-04-01T01:00:00+02:00", "unplanned")),
			hand: "Clipped to April: 00:00-01:00 = 3600 s."},
		{id: "outages.sub-second-bounds", op: "measure",
			fr:    "Incident de 09:00:00,5 à 09:00:01,2 : début arrondi à la seconde inférieure, fin à la seconde supérieure, 2 s.",
			en:    "An outage from 09:00:00.5 to 09:00:01.2: start rounded down, end rounded up to the second, 2 s.",
			basis: basisAvailability, in: m("2026-04", o("2026-04-15T09:00:00.5+02:00", "2026-04-15T09:00:01.2+02:00", "unplanned")),
			hand: "09:00:00 to 09:00:02 = 2 s."},
		{id: "outages.other-service-ignored", op: "measure",
			fr:    "Service distant (objectif 99,8 %) : l'incident de la plateforme est ignoré, seule 1 h 30 du service distant compte.",
			en:    "Remote service (target 99.8 %): the platform's outage is ignored, only the remote service's 1 h 30 counts.",
			basis: basisAvailability, in: remote},
		{id: "business-hours.april-2026", op: "measure",
			fr:    "Disponibilité sur les heures ouvrées (Paris, lun-ven 09:00-19:00) : un incident un samedi ne compte pas, un incident 18:30-20:00 compte 30 min.",
			en:    "Availability over business hours (Paris, Mon-Fri 09:00-19:00): an outage on a Saturday does not count, an outage 18:30-20:00 counts 30 min.",
			basis: basisAvailability, in: business,
			hand: "April 2026: 22 weekdays − Easter Monday = 21 days × 10 h = 756000 s; Saturday 4 April outside; 7 April 18:30-19:00 = 1800 s; (756000 − 1800)/756000 = 0.997619... → 99.7619."},
		{id: "statement.bracket-5-percent", op: "statement",
			fr:    "Relevé d'avril 2026, 1 h d'indisponibilité (99,8611 %) : tranche « sous 99,9 % » : 5 % de 12 000 € = 600 €.",
			en:    "April 2026 statement, 1 h unavailable (99.8611 %): bracket \"under 99.9 %\": 5 % of €12,000 = €600.",
			basis: basisPenalty, in: stmt(brackets, down(3600)),
			hand: "3600/2592000 = 0.1389 % down: 99.8611 < 99.9 but >= 99.5: 5 %; 12000 × 5 / 100 = 600.00; shortfall 99.9 − 99.86111 = 0.03889 → 0.0389."},
		{id: "statement.exactly-at-target-no-penalty", op: "statement",
			fr:    "Relevé à exactement 99,9 % : objectif atteint, aucune pénalité.",
			en:    "Statement at exactly 99.9 %: target met, no penalty.",
			basis: basisPenalty, in: stmt(brackets, down(2592))},
		{id: "statement.started-steps-capped", op: "statement",
			fr:    "2 % par tranche entamée de 0,1 point, plafond 10 % : 6 h d'indisponibilité (99,1667 %) font 8 tranches entamées, 16 % plafonnés à 10 %.",
			en:    "2 % per started step of 0.1 point, capped at 10 %: 6 h unavailable (99.1667 %) makes 8 started steps, 16 % capped at 10 %.",
			basis: basisPenalty, in: stmt(steps, down(6*3600)),
			hand: "21600/2592000 = 0.8333 % down: availability 99.16667; shortfall 0.73333 points; started steps ceil(7.333) = 8; 8 × 2 = 16 % > cap 10 %: 10 %, 1200.00, capped."},
		{id: "statement.whole-steps", op: "statement",
			fr:    "Même relevé en tranches complètes seulement : 7 tranches, 14 %, 1 680 €.",
			en:    "The same statement counting whole steps only: 7 steps, 14 %, €1,680.",
			basis: basisPenalty, in: stmt(stepsWhole, down(6*3600))},
	}
}

// ---- sla-qos ----

type qosIn struct {
	Zone       string          `json:"zone"`
	Month      string          `json:"month"`
	Objectives json.RawMessage `json:"objectives"`
	Probes     json.RawMessage `json:"probes"`
}

type percentileOut struct {
	P  int    `json:"p"`
	MS *int64 `json:"ms"`
}

type qosThresholdOut struct {
	UnderMS         int64  `json:"under_ms"`
	Within          int    `json:"within"`
	Probes          int    `json:"probes"`
	MeasuredPercent string `json:"measured_percent"`
	Status          string `json:"status"`
}

type qosObjectiveOut struct {
	Check       string            `json:"check"`
	Probes      int               `json:"probes"`
	Failed      int               `json:"failed"`
	Percentiles []percentileOut   `json:"percentiles"`
	Thresholds  []qosThresholdOut `json:"thresholds"`
	Status      string            `json:"status"`
}

type qosOut struct {
	Status        string            `json:"status"`
	IgnoredProbes int               `json:"ignored_probes"`
	Objectives    []qosObjectiveOut `json:"objectives"`
}

func slaQoS() family {
	return family{
		name:  "sla-qos",
		title: Text{FR: "Qualité de service : temps de réponse et percentiles", EN: "Quality of service: response times and percentiles"},
		pkg:   "github.com/openmarches/marches/sla/qos",
		ops: []op{newOp("evaluate",
			Text{
				FR: "Objectifs de temps de réponse du mois : part des sondes réussies en strictement moins de la limite, statut OK/KO sur les comptes exacts, percentiles p50/p90/p95/p99 au rang le plus proche (sondes en échec classées en dernier).",
				EN: "Response-time objectives of the month: share of probes that succeeded in strictly less than the limit, OK/KO on exact counts, nearest-rank p50/p90/p95/p99 (failed probes ranked last).",
			},
			[]Field{
				{"zone", "IANA zone of the month"},
				{"month", "YYYY-MM; probes outside it are ignored"},
				{"objectives", "list of {check, thresholds: [{under_ms, percent}]}"},
				{"probes", "list of {check, at (RFC 3339), duration_ms (integer), success}"},
			},
			[]Field{
				{"status", "KO when an objective is KO, N/A when no objective has probes, else OK"},
				{"ignored_probes", "probes of the month whose check has no objective"},
				{"objectives", "list of {check, probes, failed, percentiles [{p, ms (integer, rounded down; null when the rank is a failed probe)}] ([] without probes), thresholds [{under_ms, within, probes, measured_percent (2 decimals half-up, \"\" without probes), status}], status}"},
			},
			func(in qosIn) (any, error) {
				loc, err := time.LoadLocation(in.Zone)
				if err != nil {
					return nil, &FieldError{Field: "zone", Value: in.Zone, Err: ErrInputs, Detail: err.Error()}
				}
				doc, err := json.Marshal(struct {
					Month      string          `json:"month"`
					Objectives json.RawMessage `json:"objectives"`
					Probes     json.RawMessage `json:"probes"`
				}{in.Month, in.Objectives, in.Probes})
				if err != nil {
					return nil, err
				}
				d, err := qos.ParseDocument(doc, loc)
				if err != nil {
					return nil, err
				}
				r, err := qos.Evaluate(d.Probes, d.Month, qos.Config{Location: loc, Objectives: d.Objectives})
				if err != nil {
					return nil, err
				}
				out := qosOut{Status: r.Status().String(), IgnoredProbes: r.Ignored, Objectives: []qosObjectiveOut{}}
				for _, o := range r.Objectives {
					s := o.Period
					oo := qosObjectiveOut{Check: o.Objective.Check, Probes: s.Probes, Failed: s.Failed, Status: s.Status.String(),
						Percentiles: []percentileOut{}, Thresholds: []qosThresholdOut{}}
					for _, p := range s.Percentiles {
						po := percentileOut{P: p.P}
						if !p.Failed {
							ms := p.Duration.Milliseconds()
							po.MS = &ms
						}
						oo.Percentiles = append(oo.Percentiles, po)
					}
					for _, t := range s.Thresholds {
						to := qosThresholdOut{UnderMS: t.Under.Milliseconds(), Within: t.Within, Probes: t.Probes, Status: t.Status.String()}
						if t.Probes > 0 {
							to.MeasuredPercent = t.Measured.StringFixed(qos.PercentPlaces)
						}
						oo.Thresholds = append(oo.Thresholds, to)
					}
					out.Objectives = append(out.Objectives, oo)
				}
				return out, nil
			})},
		cases: qosCases,
	}
}

type probeIn struct {
	Check      string `json:"check"`
	At         string `json:"at"`
	DurationMS int64  `json:"duration_ms"`
	Success    bool   `json:"success"`
}

type qosThresholdIn struct {
	UnderMS int64  `json:"under_ms"`
	Percent string `json:"percent"`
}

type qosObjectiveIn struct {
	Check      string           `json:"check"`
	Thresholds []qosThresholdIn `json:"thresholds"`
}

func mustRaw(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // unreachable: plain structs
	}
	return b
}

// probesEvery returns n probes of check on 2026-04-14 from 08:00, one a
// minute, with the given durations (cycled) and all successful.
func probesEvery(check string, durations ...int64) []probeIn {
	var out []probeIn
	t := time.Date(2026, 4, 14, 8, 0, 0, 0, time.FixedZone("", 2*3600))
	for i, d := range durations {
		out = append(out, probeIn{check, t.Add(time.Duration(i) * time.Minute).Format(time.RFC3339), d, true})
	}
	return out
}

func qosCases() []vcase {
	home := []qosObjectiveIn{{"home", []qosThresholdIn{{2000, "80"}, {5000, "100"}}}}
	in := func(month string, objectives []qosObjectiveIn, probes []probeIn) qosIn {
		if probes == nil {
			probes = []probeIn{}
		}
		return qosIn{Zone: "Europe/Paris", Month: month, Objectives: mustRaw(objectives), Probes: mustRaw(probes)}
	}
	tenProbes := probesEvery("home", 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000)
	atLimit := probesEvery("home", 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 2000, 2000)
	eightOfTen := probesEvery("home", 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 2500, 4999)
	withFailure := probesEvery("home", 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000)
	withFailure[9].Success = false
	withFailure[9].DurationMS = 50
	boundary := []probeIn{
		{"home", "2026-02-28T23:30:00Z", 100, true},      // 1 March 00:30 in Paris: in March
		{"home", "2026-03-31T22:30:00Z", 100, true},      // 1 April 00:30 in Paris: not in March
		{"home", "2026-03-29T02:30:00+02:00", 100, true}, // the spring-forward night
		{"search", "2026-03-10T10:00:00+01:00", 100, true},
	}
	return []vcase{
		{id: "percentiles.ten-probes", op: "evaluate",
			fr:    "10 sondes de 100 à 1 000 ms : p50 = 5e (500 ms), p90 = 9e (900 ms), p95 et p99 = 10e (1 000 ms).",
			en:    "10 probes of 100 to 1,000 ms: p50 = 5th (500 ms), p90 = 9th (900 ms), p95 and p99 = 10th (1,000 ms).",
			basis: basisPercentile, in: in("2026-04", home, tenProbes),
			hand: "Ranks ceil(50 × 10 / 100) = 5, ceil(9) = 9, ceil(9.5) = 10, ceil(9.9) = 10: 500, 900, 1000, 1000 ms; all 10 under 2000 and 5000: 100.00 % each, OK."},
		{id: "threshold.at-limit-not-within", op: "evaluate",
			fr:    "Deux sondes à exactement 2 000 ms ne sont pas « sous 2 s » : 8 sur 10, soit 80,00 %, objectif de 80 % atteint.",
			en:    "Two probes at exactly 2,000 ms are not \"under 2 s\": 8 of 10, 80.00 %, the 80 % objective is met.",
			basis: basisQoS, in: in("2026-04", home, atLimit),
			hand: "Strictly less than 2000 ms: 8 probes; 8 × 100 >= 80 × 10: OK at exactly the bound; under 5000: 10/10."},
		{id: "threshold.hundred-percent-missed", op: "evaluate",
			fr:    "Une sonde à 5 000 ms exclue : 100 % exigé sous 5 s, mesuré 90 %, KO.",
			en:    "One probe at 5,000 ms: 100 % required under 5 s, measured 90 %, KO.",
			basis: basisQoS, in: in("2026-04", home, probesEvery("home", 100, 100, 100, 100, 100, 100, 100, 100, 100, 5000))},
		{id: "threshold.failed-probe", op: "evaluate",
			fr:    "Une sonde en échec à 50 ms ne compte jamais comme rapide et se classe en dernier : p99 sans durée (null).",
			en:    "A failed probe at 50 ms never counts as fast and ranks last: p99 has no duration (null).",
			basis: basisPercentile, in: in("2026-04", home, withFailure),
			hand: "9 successes, 1 failure: within 2000 = 9/10 = 90.00 % OK, within 5000 = 9/10 = 90.00 % KO (100 required); p95 and p99 rank 10 = the failed probe: null; p90 rank 9 = 900 ms."},
		{id: "threshold.eighty-percent-exact", op: "evaluate",
			fr:    "8 sondes sur 10 sous 2 s et toutes sous 5 s (la dernière à 4 999 ms) : OK.",
			en:    "8 probes of 10 under 2 s and all under 5 s (the last at 4,999 ms): OK.",
			basis: basisQoS, in: in("2026-04", home, eightOfTen)},
		{id: "month.local-boundaries-and-ignored", op: "evaluate",
			fr:    "Mars 2026 à Paris : une sonde du 28 février 23:30 UTC est en mars (00:30 locale), une du 31 mars 22:30 UTC est en avril ; une sonde « search » sans objectif est ignorée.",
			en:    "March 2026 in Paris: a probe at 28 February 23:30 UTC is in March (00:30 local), one at 31 March 22:30 UTC is in April; a \"search\" probe without objective is ignored.",
			basis: basisQoS, in: in("2026-03", home, boundary),
			hand: "In March (local): the 1 March 00:30 probe and the 29 March probe: 2 home probes, both 100 ms; 1 ignored (search); 100.00 % OK."},
		{id: "month.no-probe", op: "evaluate",
			fr:    "Aucune sonde dans le mois : statut N/A, pas de percentile.",
			en:    "No probe in the month: status N/A, no percentile.",
			basis: basisQoS, in: in("2026-04", home, nil)},
	}
}

// ---- sla-support ----

type supportIn struct {
	Zone       string          `json:"zone"`
	Month      string          `json:"month"`
	Objectives json.RawMessage `json:"objectives"`
	Calls      json.RawMessage `json:"calls"`
}

type supportObjectiveOut struct {
	Kind            string `json:"kind"`
	UnderSeconds    int64  `json:"under_seconds"`
	Count           int    `json:"count"`
	Offered         int    `json:"offered"`
	MeasuredPercent string `json:"measured_percent"`
	Status          string `json:"status"`
}

type supportOut struct {
	Offered       int                   `json:"offered"`
	Answered      int                   `json:"answered"`
	Abandoned     int                   `json:"abandoned"`
	AverageWaitMS int64                 `json:"average_wait_ms"`
	MaxWaitMS     int64                 `json:"max_wait_ms"`
	Objectives    []supportObjectiveOut `json:"objectives"`
	Status        string                `json:"status"`
}

type staffIn struct {
	CallsPerHour        json.Number `json:"calls_per_hour"`
	HandleSeconds       json.Number `json:"handle_seconds"`
	AnswerSeconds       json.Number `json:"answer_seconds"`
	ServiceLevelPercent json.Number `json:"service_level_percent"`
}

type staffOut struct {
	Agents int `json:"agents"`
}

func floatIn(field string, n json.Number) (float64, error) {
	f, err := strconv.ParseFloat(n.String(), 64)
	if err != nil {
		return 0, &FieldError{Field: field, Value: n.String(), Err: ErrInputs, Detail: "want a number"}
	}
	return f, nil
}

func slaSupport() family {
	return family{
		name:  "sla-support",
		title: Text{FR: "Indicateurs du support téléphonique", EN: "Support-line KPIs"},
		pkg:   "github.com/openmarches/marches/sla/support",
		ops: []op{
			newOp("evaluate",
				Text{
					FR: "Indicateurs du mois : appels présentés, répondus, abandonnés, attente moyenne et maximale des appels répondus, et chaque objectif (part des appels présentés répondus en strictement moins de la limite, taux de réponse), statut sur les comptes exacts.",
					EN: "KPIs of the month: calls offered, answered, abandoned, average and longest wait of answered calls, and each objective (share of offered calls answered in strictly less than the limit, answer rate), status on exact counts.",
				},
				[]Field{
					{"zone", "IANA zone of the month"},
					{"month", "YYYY-MM; calls offered outside it are ignored"},
					{"objectives", "list of {kind: wait_under|answer_rate, under_seconds (wait_under), percent, strict (true: must exceed percent)}"},
					{"calls", "list of {id, offered_at, answered_at | abandoned_at} in RFC 3339"},
				},
				[]Field{
					{"offered", "calls offered in the month"},
					{"answered", "calls answered"},
					{"abandoned", "calls abandoned"},
					{"average_wait_ms", "mean wait of answered calls, milliseconds rounded down, 0 when none"},
					{"max_wait_ms", "longest wait of an answered call, milliseconds"},
					{"objectives", "list of {kind, under_seconds (0 for answer_rate), count, offered, measured_percent (2 decimals half-up, \"\" when nothing offered), status}"},
					{"status", "KO when an objective is KO, N/A when no call was offered, else OK"},
				},
				func(in supportIn) (any, error) {
					loc, err := time.LoadLocation(in.Zone)
					if err != nil {
						return nil, &FieldError{Field: "zone", Value: in.Zone, Err: ErrInputs, Detail: err.Error()}
					}
					doc, err := json.Marshal(struct {
						Month      string          `json:"month"`
						Objectives json.RawMessage `json:"objectives"`
						Calls      json.RawMessage `json:"calls"`
					}{in.Month, in.Objectives, in.Calls})
					if err != nil {
						return nil, err
					}
					d, err := support.ParseDocument(doc, loc)
					if err != nil {
						return nil, err
					}
					r, err := support.Evaluate(d.Calls, d.Month, support.Config{Location: loc, Objectives: d.Objectives})
					if err != nil {
						return nil, err
					}
					s := r.Total
					out := supportOut{Offered: s.Offered, Answered: s.Answered, Abandoned: s.Abandoned,
						AverageWaitMS: s.AverageWait.Milliseconds(), MaxWaitMS: s.MaxWait.Milliseconds(),
						Objectives: []supportObjectiveOut{}, Status: s.Status.String()}
					for _, o := range s.Objectives {
						oo := supportObjectiveOut{Kind: o.Objective.Kind.String(), UnderSeconds: int64(o.Objective.Under / time.Second),
							Count: o.Count, Offered: o.Offered, Status: o.Status.String()}
						if o.Offered > 0 {
							oo.MeasuredPercent = o.Measured.StringFixed(support.PercentPlaces)
						}
						out.Objectives = append(out.Objectives, oo)
					}
					return out, nil
				}),
			newOp("staff",
				Text{
					FR: "Dimensionnement Erlang C : plus petit nombre d'opérateurs pour qu'au moins service_level_percent % des appels soient répondus en answer_seconds.",
					EN: "Erlang C staffing: the smallest number of agents for at least service_level_percent % of calls answered within answer_seconds.",
				},
				[]Field{
					{"calls_per_hour", "forecast arrivals per hour, number > 0"},
					{"handle_seconds", "average handling time, seconds > 0"},
					{"answer_seconds", "answer-time target, seconds >= 0"},
					{"service_level_percent", "target share in percent, in ]0, 100["},
				},
				[]Field{{"agents", "integer number of agents"}},
				func(in staffIn) (any, error) {
					cph, err1 := floatIn("calls_per_hour", in.CallsPerHour)
					h, err2 := floatIn("handle_seconds", in.HandleSeconds)
					a, err3 := floatIn("answer_seconds", in.AnswerSeconds)
					sl, err4 := floatIn("service_level_percent", in.ServiceLevelPercent)
					if err := firstErr(err1, err2, err3, err4); err != nil {
						return nil, err
					}
					s, err := support.Staff(support.StaffingConfig{CallsPerHour: cph,
						HandleTime: time.Duration(h * float64(time.Second)), AnswerWithin: time.Duration(a * float64(time.Second)), ServiceLevel: sl})
					if err != nil {
						return nil, err
					}
					return staffOut{s.Agents}, nil
				}),
		},
		cases: supportCases,
	}
}

type callIn struct {
	ID          string `json:"id"`
	OfferedAt   string `json:"offered_at"`
	AnsweredAt  string `json:"answered_at,omitempty"`
	AbandonedAt string `json:"abandoned_at,omitempty"`
}

type supportObjectiveIn struct {
	Kind         string `json:"kind"`
	UnderSeconds int64  `json:"under_seconds,omitempty"`
	Percent      string `json:"percent"`
	Strict       bool   `json:"strict"`
}

// calls returns calls offered on 2026-04-14 from 09:00, one every 10
// minutes, each answered after the given wait in seconds, or abandoned
// after -wait seconds when wait is negative.
func calls(waits ...int) []callIn {
	var out []callIn
	t0 := time.Date(2026, 4, 14, 9, 0, 0, 0, time.FixedZone("", 2*3600))
	for i, w := range waits {
		t := t0.Add(time.Duration(i) * 10 * time.Minute)
		c := callIn{ID: fmt.Sprintf("c%d", i+1), OfferedAt: t.Format(time.RFC3339)}
		if w >= 0 {
			c.AnsweredAt = t.Add(time.Duration(w) * time.Second).Format(time.RFC3339)
		} else {
			c.AbandonedAt = t.Add(time.Duration(-w) * time.Second).Format(time.RFC3339)
		}
		out = append(out, c)
	}
	return out
}

func supportCases() []vcase {
	contract := []supportObjectiveIn{{"wait_under", 15, "80", false}, {"wait_under", 30, "90", false}, {"answer_rate", 0, "90", true}}
	in := func(cs []callIn) supportIn {
		if cs == nil {
			cs = []callIn{}
		}
		return supportIn{Zone: "Europe/Paris", Month: "2026-04", Objectives: mustRaw(contract), Calls: mustRaw(cs)}
	}
	outside := calls(5, 5)
	outside[1].OfferedAt, outside[1].AnsweredAt = "2026-03-31T23:59:59+02:00", "2026-04-01T00:00:04+02:00"
	return []vcase{
		{id: "wait.exactly-15-seconds-is-late", op: "evaluate",
			fr:    "Dix appels dont deux répondus après exactement 15 s : ils ne sont pas « sous 15 s », 8/10 = 80 %, objectif atteint de justesse.",
			en:    "Ten calls, two answered after exactly 15 s: they are not \"under 15 s\", 8/10 = 80 %, objective just met.",
			basis: basisSupport, in: in(calls(5, 5, 5, 5, 5, 5, 5, 5, 15, 15)),
			hand: "Under 15 s: 8 of 10 offered = 80.00 % >= 80: OK; under 30 s: 10/10 = 100.00 % OK; answer rate 10/10 = 100.00 % > 90 OK; mean wait (8 × 5 + 2 × 15) / 10 = 7 s = 7000 ms; max 15000 ms."},
		{id: "abandon.counts-as-not-answered", op: "evaluate",
			fr:    "Un appel abandonné après 3 s compte dans les appels présentés mais jamais comme répondu à temps.",
			en:    "A call abandoned after 3 s counts among the offered calls but never as answered in time.",
			basis: basisSupport, in: in(calls(5, 5, 5, 5, 5, 5, 5, 5, 5, -3)),
			hand: "Offered 10, answered 9, abandoned 1; under 15 s 9/10 = 90.00 % OK; under 30 s 9/10 = 90.00 % OK (>= 90); answer rate 9/10 = 90.00 %, strict > 90: KO; status KO."},
		{id: "answer-rate.strictly-above", op: "evaluate",
			fr:    "Taux de réponse > 90 % : 19 répondus sur 20 (95 %) est OK.",
			en:    "Answer rate > 90 %: 19 answered of 20 (95 %) is OK.",
			basis: basisSupport, in: in(calls(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 20, 25, 28, 29, 40, -60))},
		{id: "month.offered-before-month", op: "evaluate",
			fr:    "Un appel présenté le 31 mars à 23:59:59 (heure de Paris) et répondu en avril appartient à mars : ignoré en avril.",
			en:    "A call offered on 31 March at 23:59:59 (Paris time) and answered in April belongs to March: ignored in April.",
			basis: basisSupport, in: in(outside)},
		{id: "month.no-call", op: "evaluate",
			fr:    "Aucun appel dans le mois : statut N/A.",
			en:    "No call in the month: status N/A.",
			basis: basisSupport, in: in(nil)},
		{id: "staff.call-centre-helper", op: "staff",
			fr:    "Exemple publié : 200 appels par heure, 180 s de traitement, 80 % en 20 s : 14 opérateurs.",
			en:    "Published example: 200 calls per hour, 180 s handling, 80 % within 20 s: 14 agents.",
			basis: basisErlang, in: staffIn{"200", "180", "20", "80"},
			hand: "Call Centre Helper worked example (100 calls per 30 minutes, 3 minutes, 80 % in 20 s): traffic 200 × 180 / 3600 = 10 erlangs; Erlang C recomputed independently (Python, factorial form): 13 agents give 79.56 % (< 80 %), 14 agents 88.84 %: 14."},
		{id: "staff.contract-target", op: "staff",
			fr:    "Cible du contrat, 80 % en 15 s, 60 appels par heure de 4 minutes.",
			en:    "The contract's target, 80 % within 15 s, 60 calls per hour of 4 minutes.",
			basis: basisErlang, in: staffIn{"60", "240", "15", "80"},
			hand: "Traffic 60 × 240 / 3600 = 4 erlangs; Erlang C recomputed independently (Python, factorial form): SL = 1 − C(N, 4) × e^(−(N − 4) × 15 / 240): 6 agents 74.87 % (< 80 %), 7 agents 88.80 %: 7."},
	}
}
