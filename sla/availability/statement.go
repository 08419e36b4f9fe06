package availability

import (
	"cmp"
	"encoding/json"
	"slices"
	"time"

	"github.com/shopspring/decimal"
)

// Penalty is the contract's penalty table for a month under target, as a
// percentage of the monthly fee. It has one of two forms:
//
//   - Brackets: the penalty is the FeePercent of the most severe bracket
//     whose Below the exact availability is strictly under ("under 99.9 %:
//     5 %; under 99.5 %: 10 %; under 99 %: 20 %").
//   - Steps (when Brackets is empty): StepFeePercent per Step points under
//     target ("2 % of the monthly fee per 0.1 point under target"),
//     counting whole steps, or started steps when StartedSteps is set.
//
// CapPercent caps the result in both forms (zero means 100: at most the
// whole fee). The zero Penalty charges nothing.
type Penalty struct {
	// Brackets, in decreasing order of Below.
	Brackets []Bracket
	// Step is the size of a step in percentage points, e.g. 0.1.
	Step decimal.Decimal
	// StepFeePercent is the share of the monthly fee charged per step, in
	// percent.
	StepFeePercent decimal.Decimal
	// StartedSteps counts a started step as a whole one ("par tranche
	// entamée"); false counts complete steps only.
	StartedSteps bool
	// CapPercent caps the penalty in percent of the monthly fee, in 0..100;
	// zero means 100.
	CapPercent decimal.Decimal
}

// Bracket is one line of a penalty table: FeePercent of the monthly fee
// when the availability is strictly below Below percent.
type Bracket struct {
	Below      decimal.Decimal
	FeePercent decimal.Decimal
}

// violations checks the table's shape.
func (p Penalty) violations(prefix string) []*FieldError {
	var errs []*FieldError
	bad := func(field, value, detail string) {
		errs = append(errs, &FieldError{Field: prefix + field, Value: value, Err: ErrInvalidPenalty, Detail: detail})
	}
	for i, b := range p.Brackets {
		f := "brackets[" + itoa(i) + "]"
		if b.Below.Sign() <= 0 || b.Below.Cmp(hundred) > 0 {
			bad(f+".below_percent", plain(b.Below), "threshold must be in ]0, 100]")
		}
		if i > 0 && b.Below.Cmp(p.Brackets[i-1].Below) >= 0 {
			bad(f+".below_percent", plain(b.Below), "thresholds must decrease")
		}
		if b.FeePercent.Sign() < 0 || b.FeePercent.Cmp(hundred) > 0 {
			bad(f+".fee_percent", plain(b.FeePercent), "fee percentage must be in 0..100")
		}
	}
	if len(p.Brackets) > 0 && (!p.Step.IsZero() || !p.StepFeePercent.IsZero() || p.StartedSteps) {
		bad("step_points", plain(p.Step), "use brackets or steps, not both")
	}
	if len(p.Brackets) == 0 && !p.StepFeePercent.IsZero() && p.Step.Sign() <= 0 {
		bad("step_points", plain(p.Step), "step must be > 0")
	}
	if p.StepFeePercent.Sign() < 0 {
		bad("step_fee_percent", plain(p.StepFeePercent), "fee percentage must be >= 0")
	}
	if p.CapPercent.Sign() < 0 || p.CapPercent.Cmp(hundred) > 0 {
		bad("cap_percent", plain(p.CapPercent), "cap must be in 0..100")
	}
	return errs
}

// StatementConfig configures a monthly statement: what to measure, the
// monthly fee (euros excluding VAT, any number of decimals) and the
// penalty table.
type StatementConfig struct {
	Config
	MonthlyFee decimal.Decimal
	Penalty    Penalty
}

// Event is one merged outage of the month, clipped to it, with what it
// counted for. Seconds is its length (open time under a calendar).
//   - Unplanned event: UnavailableSeconds is the part counted in NHI;
//     ExcludedSeconds the part covered by an excluded cause (so counted as
//     excluded under that other event's cause); they add up to Seconds.
//   - Excluded event: ExcludedSeconds is the part deducted under this
//     event's cause (with overlapping excluded causes, the time goes to the
//     first in Causes order); UnavailableSeconds is 0.
//
// An excluded second inside an unplanned event thus shows on both events:
// sum the Result's fields, not the events', for totals.
type Event struct {
	Outage
	Seconds            int64
	UnavailableSeconds int64
	ExcludedSeconds    int64
}

// Statement is the contractual monthly statement of one service: raw and
// contractual availability, the events of the month with their causes,
// and the penalty due.
type Statement struct {
	// Month is "YYYY-MM".
	Month string
	// Result is the month's measure (raw and contractual availability,
	// exclusions, budget).
	Result Result
	// Events are the month's outages, merged per cause and clipped to the
	// month, in start order (then cause).
	Events []Event
	// ShortfallPoints is Target − exact availability in percentage points,
	// rounded half-up to 4 decimals, 0 when the target is met.
	ShortfallPoints decimal.Decimal
	// Steps is the number of penalty steps (step tables only).
	Steps int64
	// PenaltyPercent is the share of the monthly fee due, in percent, after
	// the cap (exact).
	PenaltyPercent decimal.Decimal
	// Capped is true when the cap lowered the penalty.
	Capped bool
	// MonthlyFee is the fee the penalty applies to.
	MonthlyFee decimal.Decimal
	// PenaltyAmount is MonthlyFee × PenaltyPercent / 100, rounded half-up
	// to the cent.
	PenaltyAmount decimal.Decimal
}

// NewStatement measures the month m (see Month, ParseMonth) for
// cfg.Service and computes the penalty. Penalty thresholds and steps are
// compared with the exact availability, not the rounded one, so that a
// penalty can always be recomputed from the seconds in the statement.
// Besides Measure's errors it returns ErrInvalidPenalty and
// ErrNegativeFee, all violations at once.
func NewStatement(outages []Outage, m Period, cfg StatementConfig) (Statement, error) {
	var errs []*FieldError
	errs = append(errs, cfg.Penalty.violations("penalty.")...)
	if cfg.MonthlyFee.Sign() < 0 {
		errs = append(errs, &FieldError{Field: "monthly_fee", Value: plain(cfg.MonthlyFee), Err: ErrNegativeFee})
	}
	r, err := Measure(outages, m, cfg.Config)
	errs = appendErrs(errs, err)
	if len(errs) > 0 {
		return Statement{}, joinErrs(errs)
	}
	st := Statement{Month: m.Start.Format("2006-01"), Result: r, MonthlyFee: cfg.MonthlyFee}

	// Events, and what each counted for.
	var mine []Outage
	for _, o := range outages {
		if cfg.Service == "" || o.Service == cfg.Service {
			mine = append(mine, o)
		}
	}
	merged := Merge(Clip(mine, m))
	slices.SortStableFunc(merged, func(a, b Outage) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return compareOutages(a, b)
	})
	if st.Events, err = attribute(merged, m, cfg.Config); err != nil {
		return Statement{}, err
	}

	// Shortfall = target − (NHT − NHI) × 100 / NHT, exact as a fraction
	// num / NHT.
	nht := decimal.New(r.BaseSeconds, 0)
	var num decimal.Decimal // shortfall × NHT
	if r.BaseSeconds > 0 {
		num = r.Target.Mul(nht).Sub(decimal.New(r.BaseSeconds-r.UnavailableSeconds, 2))
	}
	if num.Sign() > 0 {
		st.ShortfallPoints = num.DivRound(nht, PercentPlaces)
	} else {
		st.ShortfallPoints = decimal.Zero
	}
	pct := decimal.Zero
	p := cfg.Penalty
	switch {
	case len(p.Brackets) > 0:
		for _, b := range p.Brackets {
			// availability < below ⇔ (NHT − NHI) × 100 < below × NHT
			if r.BaseSeconds > 0 && decimal.New(r.BaseSeconds-r.UnavailableSeconds, 2).Cmp(b.Below.Mul(nht)) < 0 {
				pct = b.FeePercent
			}
		}
	case p.Step.Sign() > 0 && num.Sign() > 0:
		q, rem := num.QuoRem(p.Step.Mul(nht), 0)
		steps := q.IntPart()
		if p.StartedSteps && !rem.IsZero() {
			steps++
		}
		st.Steps = steps
		pct = p.StepFeePercent.Mul(decimal.New(steps, 0))
	}
	limit := p.CapPercent
	if limit.IsZero() {
		limit = hundred
	}
	if pct.Cmp(limit) > 0 {
		pct, st.Capped = limit, true
	}
	st.PenaltyPercent = pct
	st.PenaltyAmount = cfg.MonthlyFee.Mul(pct).DivRound(hundred, 2)
	return st, nil
}

// attribute computes, for each merged event, the seconds it counted for:
// the seconds inside it that the sweep attributes to its cause. The
// sweep's runs are kept per cause, in time order, with prefix sums, so each
// event costs two binary searches. Under a calendar, lengths are open time.
func attribute(events []Outage, m Period, cfg Config) ([]Event, error) {
	type run struct{ a, b, cum int64 } // cum: total length of runs before this one
	var runs [numCauses][]run
	ps := floorSec(m.Start)
	span := func(a, b int64) (int64, error) { return b - a, nil }
	if c := cfg.Calendar; c != nil {
		loc := c.Location()
		span = func(a, b int64) (int64, error) {
			d, err := c.Between(time.Unix(ps+a, 0).In(loc), time.Unix(ps+b, 0).In(loc))
			if err != nil {
				return 0, &FieldError{Field: "period", Value: time.Unix(ps+a, 0).In(loc).Format(time.RFC3339), Err: ErrCalendar, Detail: err.Error()}
			}
			return int64(d / time.Second), nil
		}
	}
	total := [numCauses]int64{}
	err := sweep(events, "", m.Start, m.End, func(c Cause, a, b int64) error {
		d, err := span(a, b)
		if err != nil {
			return err
		}
		runs[c] = append(runs[c], run{a: a, b: b, cum: total[c]})
		total[c] += d
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]Event, len(events))
	for i, e := range events {
		ev := Event{Outage: e}
		a, b := max(floorSec(e.Start)-ps, 0), min(ceilSec(e.End)-ps, floorSec(m.End)-ps)
		if ev.Seconds, err = span(a, b); err != nil {
			return nil, err
		}
		rs := runs[e.Cause]
		lo, _ := slices.BinarySearchFunc(rs, a, func(r run, t int64) int { return cmp.Compare(r.b, t+1) }) // first run with b > a
		hi, _ := slices.BinarySearchFunc(rs, b, func(r run, t int64) int { return cmp.Compare(r.a, t) })   // first run with a >= b
		var got int64
		if lo < hi {
			end := total[e.Cause]
			if hi < len(rs) {
				end = rs[hi].cum
			}
			got = end - rs[lo].cum
			// Trim the parts of the first and last runs outside [a, b).
			if rs[lo].a < a {
				d, err := span(rs[lo].a, a)
				if err != nil {
					return nil, err
				}
				got -= d
			}
			if rs[hi-1].b > b {
				d, err := span(b, rs[hi-1].b)
				if err != nil {
					return nil, err
				}
				got -= d
			}
		}
		if e.Cause == Unplanned {
			ev.UnavailableSeconds = got
			ev.ExcludedSeconds = ev.Seconds - got
		} else {
			ev.ExcludedSeconds = got
		}
		out[i] = ev
	}
	return out, nil
}

// statementJSON is the JSON shape of a Statement.
type statementJSON struct {
	Month   string      `json:"month"`
	Result  Result      `json:"availability"`
	Events  []eventJSON `json:"events"`
	Penalty penaltyJSON `json:"penalty"`
}

type eventJSON struct {
	Service            string `json:"service"`
	Cause              string `json:"cause"`
	Start              string `json:"start"`
	End                string `json:"end"`
	ID                 string `json:"id,omitempty"`
	Note               string `json:"note,omitempty"`
	Seconds            int64  `json:"seconds"`
	UnavailableSeconds int64  `json:"unavailable_seconds"`
	ExcludedSeconds    int64  `json:"excluded_seconds"`
}

type penaltyJSON struct {
	ShortfallPoints string `json:"shortfall_points"`
	Steps           int64  `json:"steps"`
	FeePercent      string `json:"fee_percent"`
	Capped          bool   `json:"capped"`
	MonthlyFee      string `json:"monthly_fee"`
	Amount          string `json:"amount"`
}

// MarshalJSON encodes the statement as
//
//	{"month":"2026-03","availability":{...Result...},
//	 "events":[{"service","cause","start","end","id","note","seconds","unavailable_seconds","excluded_seconds"}],
//	 "penalty":{"shortfall_points":"0.0450","steps":0,"fee_percent":"5","capped":false,
//	            "monthly_fee":"12000.00","amount":"600.00"}}
//
// with amounts as decimal strings with 2 decimals, percentages without
// trailing zeros, shortfall_points with 4 decimals.
func (s Statement) MarshalJSON() ([]byte, error) {
	j := statementJSON{Month: s.Month, Result: s.Result, Events: make([]eventJSON, 0, len(s.Events)),
		Penalty: penaltyJSON{
			ShortfallPoints: s.ShortfallPoints.StringFixed(PercentPlaces), Steps: s.Steps,
			FeePercent: plain(s.PenaltyPercent), Capped: s.Capped,
			MonthlyFee: s.MonthlyFee.StringFixed(2), Amount: s.PenaltyAmount.StringFixed(2),
		}}
	for _, e := range s.Events {
		j.Events = append(j.Events, eventJSON{
			Service: e.Service, Cause: e.Cause.String(), Start: e.Start.Format(time.RFC3339Nano), End: e.End.Format(time.RFC3339Nano),
			ID: e.ID, Note: e.Note, Seconds: e.Seconds, UnavailableSeconds: e.UnavailableSeconds, ExcludedSeconds: e.ExcludedSeconds,
		})
	}
	return json.Marshal(j)
}
