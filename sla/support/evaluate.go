package support

import (
	"sort"
	"time"

	"github.com/openmarches/marches/sla/availability"
	"github.com/shopspring/decimal"
)

// PercentPlaces is the number of decimals of a measured share (rounded
// half-up): "85.71". Statuses are decided on exact counts.
const PercentPlaces = 2

// Status is the verdict of an objective over a period. The zero Status is
// unset.
type Status int

const (
	// OK: the objective is met.
	OK Status = iota + 1
	// KO: the objective is missed.
	KO
	// NoData: no call offered in the period, nothing to judge.
	NoData
)

var statusNames = [...]string{"", "OK", "KO", "N/A"}

// String returns "OK", "KO" or "N/A" ("" when unset).
func (s Status) String() string {
	if s < OK || s > NoData {
		return ""
	}
	return statusNames[s]
}

// MarshalText encodes the status's code.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ObjectiveResult is one objective over a period: Count calls out of
// Offered (answered within the limit, or answered at all), Measured =
// Count / Offered × 100 rounded half-up to PercentPlaces decimals (zero
// when nothing was offered), Status decided exactly on the counts.
type ObjectiveResult struct {
	Objective Objective
	Count     int
	Offered   int
	Measured  decimal.Decimal
	Status    Status
}

// Stats is the support line over one period (a day or the month). Calls
// belong to the period in which they were offered.
type Stats struct {
	Period    availability.Period
	Offered   int
	Answered  int
	Abandoned int
	// AverageWait is the mean wait of answered calls (average speed of
	// answer), rounded down to the millisecond; 0 when none was answered.
	AverageWait time.Duration
	// MaxWait is the longest wait of an answered call.
	MaxWait    time.Duration
	Objectives []ObjectiveResult
	// Status is KO when an objective is KO, NoData when no call was
	// offered, else OK.
	Status Status
}

// Report is the support line over a period and each of its local days.
type Report struct {
	Period availability.Period
	Total  Stats
	Days   []Stats
}

// Config says how to evaluate. Location is required: it decides the days.
// Objectives defaults to ContractObjectives().
type Config struct {
	Location   *time.Location
	Objectives []Objective
}

// Evaluate computes the support KPIs of the calls offered in p (Offered in
// [p.Start, p.End)), over p and each local day of p. The denominator of
// every share is the number of offered calls: an abandoned call counts as
// not answered within any limit, however short its wait (the strictest
// reading, the one that needs no convention on short abandons). Waits are
// compared strictly ("< 15 s"): a call answered after exactly 15 s is
// late. It fails with every violation at once: ErrNilLocation,
// ErrInvalidMonth (empty period), the objectives' rules, and the calls'
// (ErrOutcome, ErrBeforeOffered, as "calls[i].field"). Calls outside p are
// ignored; the argument is not modified.
func Evaluate(calls []Call, p availability.Period, cfg Config) (Report, error) {
	objs := cfg.Objectives
	if objs == nil {
		objs = ContractObjectives()
	}
	var errs []*FieldError
	if cfg.Location == nil {
		errs = append(errs, &FieldError{Field: "location", Err: ErrNilLocation})
	}
	if !p.End.After(p.Start) {
		errs = append(errs, &FieldError{Field: "month", Value: p.Start.Format(time.RFC3339), Err: ErrInvalidMonth, Detail: "empty period"})
	}
	errs = append(errs, validateObjectives(objs)...)
	for i, c := range calls {
		errs = append(errs, c.violations("calls["+itoa(i)+"].")...)
	}
	if len(errs) > 0 {
		return Report{}, joinErrs(errs)
	}
	days := p.Days(cfg.Location)
	acc := make([]accum, len(days))
	var total accum
	for _, c := range calls {
		if !p.Contains(c.Offered) {
			continue
		}
		d := sort.Search(len(days), func(k int) bool { return days[k].Start.After(c.Offered) }) - 1
		acc[d].add(c, objs)
		total.add(c, objs)
	}
	rep := Report{Period: p, Total: total.stats(p, objs), Days: make([]Stats, len(days))}
	for i, d := range days {
		rep.Days[i] = acc[i].stats(d, objs)
	}
	return rep, nil
}

// accum counts one period's calls; within[i] is the count for objective
// i (wait objectives; answer-rate objectives use answered).
type accum struct {
	offered, answered, abandoned int
	totalWait, maxWait           time.Duration
	within                       []int
}

func (a *accum) add(c Call, objs []Objective) {
	if a.within == nil {
		a.within = make([]int, len(objs))
	}
	a.offered++
	if !c.IsAnswered() {
		a.abandoned++
		return
	}
	a.answered++
	w := c.Wait()
	a.totalWait += w
	a.maxWait = max(a.maxWait, w)
	for i, o := range objs {
		if o.Kind == WaitUnder && w < o.Under {
			a.within[i]++
		}
	}
}

func (a *accum) stats(p availability.Period, objs []Objective) Stats {
	st := Stats{Period: p, Offered: a.offered, Answered: a.answered, Abandoned: a.abandoned, MaxWait: a.maxWait, Status: OK}
	if a.answered > 0 {
		st.AverageWait = (a.totalWait / time.Duration(a.answered)).Truncate(time.Millisecond)
	}
	if a.offered == 0 {
		st.Status = NoData
	}
	for i, o := range objs {
		r := ObjectiveResult{Objective: o, Offered: a.offered, Measured: decimal.Zero, Status: NoData}
		if o.Kind == AnswerRate {
			r.Count = a.answered
		} else if a.within != nil {
			r.Count = a.within[i]
		}
		if a.offered > 0 {
			num := decimal.New(int64(r.Count), 2)
			den := decimal.New(int64(a.offered), 0)
			r.Measured = num.DivRound(den, PercentPlaces)
			// count × 100 vs percent × offered, exactly.
			c := num.Cmp(o.Percent.Mul(den))
			r.Status = OK
			if c < 0 || (o.Strict && c == 0) {
				r.Status = KO
				st.Status = KO
			}
		}
		st.Objectives = append(st.Objectives, r)
	}
	return st
}
