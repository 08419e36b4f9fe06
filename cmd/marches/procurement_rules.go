package main

import (
	"flag"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
	"github.com/openmarches/marches/procurement"
	"github.com/shopspring/decimal"
)

// "marches procurement rules|deadline|standstill|interest": thresholds,
// procedures and publicity, legal time limits, payment.

func procurementRulesCommands() []command {
	return []command{
		{"procurement rules", "Allowed procedures and required publicity of a consultation, each with its reason and article", procurementRulesCmd},
		{"procurement deadline", "Earliest lawful deadline for receipt of applications or tenders", procurementDeadlineCmd},
		{"procurement standstill", "First day a contract awarded by formalised procedure may be signed", procurementStandstillCmd},
		{"procurement interest", "Late-payment interest (ECB rate + 8 points) and the 40 EUR compensation", procurementInterestCmd},
	}
}

var errInvalidAmount = fielderr.NewRule("invalid_amount", "marches: amount must be a plain decimal number, e.g. 1234.56")

// rulebookFor returns the rulebook whose holidays are those of the
// territory (INSEE code, FR for national holidays only).
func rulebookFor(territory string) (*procurement.Rulebook, error) {
	c, err := calendar.New(calendar.Config{Territory: territory})
	if err != nil {
		return nil, renameField(err, "territory")
	}
	return procurement.NewRulebook(procurement.RulebookConfig{Calendar: c})
}

// parseAmount reads a plain decimal ("1234.56", "-3"): an optional minus,
// digits, an optional fraction, at most 40 characters. Exponents, spaces,
// commas and signs other than a leading minus are refused.
func parseAmount(field, s string) (decimal.Decimal, error) {
	if s == "" {
		return decimal.Decimal{}, &fielderr.Error{Field: field, Err: errRequired}
	}
	if !plainDecimal(s) {
		return decimal.Decimal{}, &fielderr.Error{Field: field, Value: s, Err: errInvalidAmount}
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, &fielderr.Error{Field: field, Value: s, Err: errInvalidAmount}
	}
	return d, nil
}

func plainDecimal(s string) bool {
	if len(s) == 0 || len(s) > 40 {
		return false
	}
	i := 0
	if s[0] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if digits() == 0 {
		return false
	}
	if i == len(s) {
		return true
	}
	if s[i] != '.' {
		return false
	}
	i++
	return digits() > 0 && i == len(s)
}

// parseProcedureFlag accepts the English names of the CLI contract (open,
// restricted, negotiated) and the package's codes (ouvert, restreint,
// negocie).
func parseProcedureFlag(s string) (procurement.Procedure, error) {
	switch s {
	case "":
		return 0, &fielderr.Error{Field: "procedure", Err: errRequired}
	case "open":
		return procurement.ProcedureOpen, nil
	case "restricted":
		return procurement.ProcedureRestricted, nil
	case "negotiated":
		return procurement.ProcedureNegotiated, nil
	}
	p, err := procurement.ParseProcedure(s)
	if err != nil {
		return 0, &fielderr.Error{Field: "procedure", Value: s, Err: procurement.ErrUnknownProcedure,
			Detail: "the CLI also accepts open, restricted and negotiated"}
	}
	return p, nil
}

func parseStepFlag(s string) (procurement.Step, error) {
	if s == "" {
		return 0, &fielderr.Error{Field: "step", Err: errRequired}
	}
	return procurement.ParseStep(s)
}

// parseBuyerFlag reads an optional buyer kind code.
func parseBuyerFlag(s string) (procurement.BuyerKind, error) {
	if s == "" {
		return 0, nil
	}
	k, err := procurement.ParseBuyerKind(s)
	if err != nil {
		return 0, &fielderr.Error{Field: "buyer", Value: s, Err: procurement.ErrUnknownBuyerKind}
	}
	return k, nil
}

func procurementRulesCmd(fs *flag.FlagSet) func(*env) (any, error) {
	path := fs.String("input", "", "the consultation document, JSON, in `FILE` (- for standard input); or give the flags below instead")
	electronic := fs.Bool("electronic", true, "applications and tenders are (or can be) submitted electronically; --electronic=false counts without that reduction")
	buyer := fs.String("buyer", "", "without --input: buyer `KIND`: state, local_authority, health, other_contracting_authority, utility, public_undertaking")
	nature := fs.String("nature", "", "without --input: contract `NATURE`: works, supplies or services")
	value := fs.String("value", "", "without --input: estimated `EUROS` excluding VAT of the whole operation (all lots, options, renewals)")
	launch := fs.String("launch", "", "without --input: launch `YYYY-MM-DD` (notice sent for publication)")
	territory := fs.String("territory", "FR", "without --input: INSEE `CODE` of the territory whose holidays extend periods (with --input: the buyer's territory)")
	return func(e *env) (any, error) {
		if *path != "" {
			data, err := readInput(*path, e.stdin)
			if err != nil {
				return nil, err
			}
			c, err := procurement.ParseConsultation(data)
			if err != nil {
				return nil, err
			}
			rb, err := rulebookFor(c.Buyer.Territory)
			if err != nil {
				return nil, err
			}
			return rb.ConsultationRules(c, *electronic)
		}
		k, err1 := procurement.ParseBuyerKind(*buyer)
		if *buyer == "" {
			err1 = &fielderr.Error{Field: "buyer", Err: errRequired, Detail: "give --input CONSULTATION.json or --buyer, --nature, --value and --launch"}
		} else if err1 != nil {
			err1 = &fielderr.Error{Field: "buyer", Value: *buyer, Err: procurement.ErrUnknownBuyerKind}
		}
		n, err2 := procurement.ParseNature(*nature)
		if *nature == "" {
			err2 = &fielderr.Error{Field: "nature", Err: errRequired}
		}
		v, err3 := parseAmount("value", *value)
		d, err4 := parseDate("launch", *launch)
		rb, err5 := rulebookFor(*territory)
		if err := joinFieldErrors(err1, err2, err3, err4, err5); err != nil {
			return nil, err
		}
		r, err := rb.Rules(procurement.RulesInput{BuyerKind: k, Nature: n, EstimatedValue: v, LaunchDate: d})
		if err != nil {
			return nil, renameFields(err, map[string]string{"buyerKind": "buyer", "estimatedValue": "value", "launchDate": "launch"})
		}
		return struct {
			Rules procurement.Rules `json:"rules"`
		}{r}, nil
	}
}

// renameFields maps the library's field names to the flags' names.
func renameFields(err error, names map[string]string) error {
	var out []*fielderr.Error
	for _, e := range flatten(err) {
		fe, ok := e.(*fielderr.Error)
		if !ok {
			return err
		}
		c := *fe
		if n, ok := names[c.Field]; ok {
			c.Field = n
		}
		out = append(out, &c)
	}
	return fielderr.Join(out)
}

// deadlineJSON is the output of "marches procurement deadline".
type deadlineJSON struct {
	PeriodEnds string `json:"period_ends"`
	Earliest   string `json:"earliest"`
	Days       int    `json:"days"`
	Basis      string `json:"basis"`
}

func procurementDeadlineCmd(fs *flag.FlagSet) func(*env) (any, error) {
	proc := fs.String("procedure", "", "`PROCEDURE`: open, restricted or negotiated")
	step := fs.String("step", "", "`STEP`: applications or tenders")
	dispatched := fs.String("dispatched", "", "`YYYY-MM-DD` the notice (or the invitation to tender) was sent; that day does not count")
	electronic := fs.Bool("electronic", false, "applications or tenders are (or can be) submitted electronically")
	pin := fs.Bool("pin", false, "a prior information notice sent 35 days to 12 months before carried the same information")
	urgency := fs.Bool("urgency", false, "a duly justified urgency applies")
	territory := fs.String("territory", "FR", "INSEE `CODE` of the territory whose holidays extend the period: 01..95, 2A, 2B, 971..978, 986..988, or FR")
	buyer := fs.String("buyer", "", "optional buyer `KIND` (local_authority, utility...): selects the sub-central and utility rules; default the general rules")
	counting := fs.String("counting", "eu", "day-count `CONVENTION`: eu (Regulation 1182/71, two working days at least) or fr (CPC art. 641-642)")
	return func(*env) (any, error) {
		p, err1 := parseProcedureFlag(*proc)
		s, err2 := parseStepFlag(*step)
		d, err3 := parseDate("dispatched", *dispatched)
		k, err4 := parseBuyerFlag(*buyer)
		c, err5 := procurement.ParseCounting(*counting)
		rb, err6 := rulebookFor(*territory)
		if err := joinFieldErrors(err1, err2, err3, err4, err5, err6); err != nil {
			return nil, err
		}
		tl, err := rb.TimeLimit(procurement.TimeLimitInput{Procedure: p, Step: s, Dispatched: d, BuyerKind: k,
			Electronic: *electronic, PIN: *pin, Urgency: *urgency, Counting: c})
		if err != nil {
			return nil, err
		}
		return deadlineJSON{PeriodEnds: tl.Period.Ends.String(), Earliest: tl.Earliest.String(), Days: tl.Period.Days, Basis: tl.Basis}, nil
	}
}

// standstillJSON is the output of "marches procurement standstill".
type standstillJSON struct {
	SignFrom string `json:"sign_from"`
	Basis    string `json:"basis"`
}

func procurementStandstillCmd(fs *flag.FlagSet) func(*env) (any, error) {
	sent := fs.String("sent", "", "`YYYY-MM-DD` the rejection notices were sent (day 1 of the period)")
	notElectronic := fs.Bool("not-electronic", false, "the notices were not all sent electronically (16 days instead of 11)")
	territory := fs.String("territory", "FR", "INSEE `CODE` of the territory whose holidays extend the period")
	return func(*env) (any, error) {
		d, err1 := parseDate("sent", *sent)
		rb, err2 := rulebookFor(*territory)
		if err := joinFieldErrors(err1, err2); err != nil {
			return nil, err
		}
		st, err := rb.Standstill(procurement.StandstillInput{Sent: d, NotElectronic: *notElectronic})
		if err != nil {
			return nil, err
		}
		return standstillJSON{SignFrom: st.SignFrom.String(), Basis: st.Basis}, nil
	}
}

func procurementInterestCmd(fs *flag.FlagSet) func(*env) (any, error) {
	principal := fs.String("principal", "", "`EUROS` paid late, VAT included, e.g. 10000.00")
	due := fs.String("due", "", "last `YYYY-MM-DD` of the payment period")
	paid := fs.String("paid", "", "`YYYY-MM-DD` of payment")
	ecb := fs.String("ecb-rate", "", "ECB main refinancing `PERCENT` in force on the first day of the half-year in which interest started, e.g. 2.15")
	return func(*env) (any, error) {
		p, err1 := parseAmount("principal", *principal)
		if err1 == nil && p.Sign() <= 0 {
			err1 = &fielderr.Error{Field: "principal", Value: *principal, Err: procurement.ErrPrincipal}
		}
		du, err2 := parseDate("due", *due)
		pa, err3 := parseDate("paid", *paid)
		r, err4 := parseAmount("ecb-rate", *ecb)
		if err4 != nil && *ecb != "" {
			err4 = &fielderr.Error{Field: "ecb-rate", Value: *ecb, Err: procurement.ErrECBRate}
		}
		if err := joinFieldErrors(err1, err2, err3, err4); err != nil {
			return nil, err
		}
		li, err := procurement.ComputeLateInterest(procurement.LateInterestInput{Principal: p, Due: du, Paid: pa, ECBRate: r})
		if err != nil {
			return nil, renameFields(err, map[string]string{"ecbRate": "ecb-rate"})
		}
		return li, nil
	}
}

// demoRules is the rules part of the demo's procurement section.
type demoRules struct {
	Assumptions  []string                      `json:"assumptions"`
	Consultation procurement.ConsultationRules `json:"consultation"`
	Standstill   procurement.Standstill        `json:"standstill"`
	AwardNotice  procurement.AwardNotice       `json:"award_notice"`
	Remedies     []procurement.Remedy          `json:"remedies"`
	Payment      procurement.PaymentTerms      `json:"payment_example"`
	LateInterest procurement.LateInterest      `json:"late_interest_example"`
	Deadlines    []demoRuleDeadline            `json:"deadlines_2026"`
}

type demoRuleDeadline struct {
	Case string       `json:"case"`
	Out  deadlineJSON `json:"result"`
}

type demoProcurementOutput struct {
	Model any        `json:"model"`
	Rules *demoRules `json:"rules"`
}

// demoProcurement returns the demo's procurement section: the model part
// (demoProcurementModel) and the rules of the sample consultation: its
// procedures, publicity, time limit and deadline check, then the
// standstill, award notice and remedies for the award dates of the sample,
// a late payment, and the deadlines of the CLI examples. c is the
// contract's support calendar; the rules use the buyer's territory.
func demoProcurement(*calendar.Calendar) (any, error) {
	model, err := demoProcurementModel()
	if err != nil {
		return nil, err
	}
	sample := sampleConsultation()
	rb, err := rulebookFor(sample.Buyer.Territory)
	if err != nil {
		return nil, err
	}
	cr, err := rb.ConsultationRules(sample, true)
	if err != nil {
		return nil, err
	}
	// The sample's awards are dated 10 July 2026: rejection notices sent
	// that day, electronically.
	awarded := sample.Awards[0].Date
	st, err := rb.Standstill(procurement.StandstillInput{Sent: awarded})
	if err != nil {
		return nil, err
	}
	an, err := rb.AwardNoticeDeadline(st.SignFrom)
	if err != nil {
		return nil, err
	}
	published := an.Period.Ends
	rem, err := rb.Remedies(procurement.RemediesInput{Concluded: st.SignFrom, AwardPublished: published})
	if err != nil {
		return nil, err
	}
	// A late payment of the lot 2 first-year invoice: ECB rate 2.15 % is
	// an example input, not data of the package.
	terms, err := procurement.PaymentTimeLimit(sample.Buyer.Kind, calendar.MustDate(2026, time.September, 1))
	if err != nil {
		return nil, err
	}
	li, err := procurement.ComputeLateInterest(procurement.LateInterestInput{
		Principal: decimal.RequireFromString("28800.00"), Due: terms.Due,
		Paid: terms.Due.AddDays(45), ECBRate: decimal.RequireFromString("2.15"),
	})
	if err != nil {
		return nil, err
	}
	out := &demoRules{
		Assumptions: []string{
			"applications and tenders submitted electronically",
			"rejection notices sent electronically on the award date of the sample, " + awarded.String(),
			"contract signed on the first lawful day, " + st.SignFrom.String(),
			"award notice assumed published in the OJEU on " + published.String() + " (the last day to send it)",
			"late payment: a first-year invoice of lot 2 (24000.00 HT, 28800.00 incl. VAT) received " + terms.Received.String() +
				", paid 45 days after the due date; the ECB rate of 2.15 % is an example input, not data of the package",
		},
		Consultation: cr, Standstill: st, AwardNotice: an, Remedies: rem, Payment: terms, LateInterest: li,
	}
	cases := []struct {
		name string
		in   procurement.TimeLimitInput
	}{
		{"open procedure, notice sent Tuesday 21 April 2026, electronic: 30 days",
			procurement.TimeLimitInput{Procedure: procurement.ProcedureOpen, Step: procurement.StepTenders, Dispatched: calendar.MustDate(2026, time.April, 21), Electronic: true}},
		{"open procedure, notice sent 1 April 2026, electronic: day 30 is Friday 1 May (holiday), then a weekend",
			procurement.TimeLimitInput{Procedure: procurement.ProcedureOpen, Step: procurement.StepTenders, Dispatched: calendar.MustDate(2026, time.April, 1), Electronic: true}},
		{"restricted procedure, tenders, local authority, invitation sent 21 April 2026: no agreed date, 10 days",
			procurement.TimeLimitInput{Procedure: procurement.ProcedureRestricted, Step: procurement.StepTenders, Dispatched: calendar.MustDate(2026, time.April, 21), BuyerKind: procurement.BuyerLocalAuthority, Electronic: true}},
	}
	for _, cs := range cases {
		tl, err := rb.TimeLimit(cs.in)
		if err != nil {
			return nil, err
		}
		out.Deadlines = append(out.Deadlines, demoRuleDeadline{Case: cs.name, Out: deadlineJSON{
			PeriodEnds: tl.Period.Ends.String(), Earliest: tl.Earliest.String(), Days: tl.Period.Days, Basis: tl.Basis}})
	}
	return &demoProcurementOutput{Model: model, Rules: out}, nil
}
