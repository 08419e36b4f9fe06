package qos

import (
	"cmp"
	"slices"
	"sort"
	"time"

	"github.com/openmarches/marches/sla/availability"
	"github.com/shopspring/decimal"
)

// PercentPlaces is the number of decimals of a measured share (rounded
// half-up): "93.75". Statuses are decided on exact counts, not on the
// rounded share.
const PercentPlaces = 2

// Ranks are the percentiles every Stats reports, in order.
var ranks = [...]int{50, 90, 95, 99}

// Status is the verdict of an objective over a period. The zero Status is
// unset.
type Status int

const (
	// OK: every threshold is met.
	OK Status = iota + 1
	// KO: at least one threshold is missed.
	KO
	// NoData: no probe in the period, nothing to judge.
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

// Percentile is one response-time percentile, by the nearest-rank
// definition: over the N probes of the period sorted by duration, with
// failed probes ranked after every successful one (as infinitely slow),
// the P-th percentile is the probe of rank ceil(P × N / 100). It is
// always an observed value. When that probe failed, Failed is true and
// Duration is 0: the percentile is "beyond every successful probe".
type Percentile struct {
	P        int
	Duration time.Duration
	Failed   bool
}

// ThresholdResult is one threshold of an objective over a period: Within
// successful probes out of Probes took strictly less than Under; Measured
// is Within / Probes × 100 rounded half-up to PercentPlaces decimals (zero
// when there is no probe); Status compares the exact ratio with Objective
// (Within × 100 >= Objective × Probes).
type ThresholdResult struct {
	Under     time.Duration
	Objective decimal.Decimal
	Within    int
	Probes    int
	Measured  decimal.Decimal
	Status    Status
}

// Stats is one objective over one period (a day or the month).
type Stats struct {
	Period      availability.Period
	Probes      int
	Failed      int
	Percentiles []Percentile // p50, p90, p95, p99; empty when Probes is 0
	Thresholds  []ThresholdResult
	// Status is KO when a threshold is KO, NoData when there is no probe,
	// else OK.
	Status Status
}

// ObjectiveResult is one objective over the evaluated period and each of
// its local days.
type ObjectiveResult struct {
	Objective Objective
	Period    Stats
	Days      []Stats
}

// Report is the QoS of a period: one result per objective, in the order of
// the objectives. Ignored counts the probes in the period whose check has
// no objective.
type Report struct {
	Period     availability.Period
	Objectives []ObjectiveResult
	Ignored    int
}

// Config says how to evaluate. Location is required: it decides the days
// (local midnight to midnight). Objectives defaults to
// ContractObjectives().
type Config struct {
	Location   *time.Location
	Objectives []Objective
}

// Evaluate judges the probes taken in p (At in [p.Start, p.End)) against
// the objectives, over p and over each local day of p. It is O(n log n)
// and fails with every violation at once: ErrNilLocation, the objectives'
// (ErrNoObjectives, ErrEmptyCheck, ErrDuplicateCheck, ErrNoThresholds,
// ErrInvalidThreshold, ErrInvalidPercent), the probes' (ErrEmptyCheck,
// ErrInvalidDuration, as "probes[i].field"), or ErrInvalidMonth when p is
// empty. Probes outside p are ignored; the argument is not modified.
func Evaluate(probes []Probe, p availability.Period, cfg Config) (Report, error) {
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
	for i, pr := range probes {
		errs = append(errs, pr.violations("probes["+itoa(i)+"].")...)
	}
	if len(errs) > 0 {
		return Report{}, joinErrs(errs)
	}
	days := p.Days(cfg.Location)
	dayStarts := make([]time.Time, len(days))
	for i, d := range days {
		dayStarts[i] = d.Start
	}
	index := make(map[string]int, len(objs))
	for i, o := range objs {
		index[o.Check] = i
	}
	// Group the probes by objective, keeping day indexes.
	type sample struct {
		day int
		d   time.Duration
		ok  bool
	}
	groups := make([][]sample, len(objs))
	rep := Report{Period: p}
	for _, pr := range probes {
		if !p.Contains(pr.At) {
			continue
		}
		i, ok := index[pr.Check]
		if !ok {
			rep.Ignored++
			continue
		}
		day := sort.Search(len(dayStarts), func(k int) bool { return dayStarts[k].After(pr.At) }) - 1
		groups[i] = append(groups[i], sample{day: day, d: pr.Duration, ok: pr.Success})
	}
	for i, o := range objs {
		g := groups[i]
		// Successful probes by duration, failed ones last; the per-day
		// slices, filled in this order, come out sorted too.
		slices.SortFunc(g, func(a, b sample) int {
			if a.ok != b.ok {
				if a.ok {
					return -1
				}
				return 1
			}
			return cmp.Compare(a.d, b.d)
		})
		perDay := make([][]sample, len(days))
		for _, s := range g {
			perDay[s.day] = append(perDay[s.day], s)
		}
		stats := func(per availability.Period, s []sample) Stats {
			ds := make([]time.Duration, len(s))
			oks := make([]bool, len(s))
			for k, x := range s {
				ds[k], oks[k] = x.d, x.ok
			}
			return computeStats(per, o, ds, oks)
		}
		or := ObjectiveResult{Objective: cloneObjective(o), Period: stats(p, g), Days: make([]Stats, len(days))}
		for d, per := range days {
			or.Days[d] = stats(per, perDay[d])
		}
		rep.Objectives = append(rep.Objectives, or)
	}
	return rep, nil
}

// computeStats works on durations sorted with failed probes last (oks
// false at the end).
func computeStats(p availability.Period, o Objective, ds []time.Duration, oks []bool) Stats {
	n := len(ds)
	st := Stats{Period: p, Probes: n, Status: OK}
	succ := 0
	for succ < n && oks[succ] {
		succ++
	}
	st.Failed = n - succ
	if n > 0 {
		st.Percentiles = make([]Percentile, 0, len(ranks))
		for _, r := range ranks {
			k := (r*n+99)/100 - 1 // rank ceil(r×n/100), 0-based
			pc := Percentile{P: r}
			if k < succ {
				pc.Duration = ds[k]
			} else {
				pc.Failed = true
			}
			st.Percentiles = append(st.Percentiles, pc)
		}
	} else {
		st.Status = NoData
	}
	for _, t := range o.Thresholds {
		// Successful probes strictly under the limit: a prefix of the
		// successful ones.
		within := sort.Search(succ, func(k int) bool { return ds[k] >= t.Under })
		tr := ThresholdResult{Under: t.Under, Objective: t.Percent, Within: within, Probes: n, Measured: decimal.Zero, Status: NoData}
		if n > 0 {
			tr.Measured = decimal.New(int64(within), 2).DivRound(decimal.New(int64(n), 0), PercentPlaces)
			tr.Status = OK
			if decimal.New(int64(within), 2).Cmp(t.Percent.Mul(decimal.New(int64(n), 0))) < 0 {
				tr.Status = KO
				st.Status = KO
			}
		}
		st.Thresholds = append(st.Thresholds, tr)
	}
	return st
}

func cloneObjective(o Objective) Objective {
	o.Thresholds = slices.Clone(o.Thresholds)
	return o
}

func (pr Probe) violations(prefix string) []*FieldError {
	var errs []*FieldError
	if pr.Check == "" || len(pr.Check) > 64 {
		errs = append(errs, &FieldError{Field: prefix + "check", Value: pr.Check, Err: ErrEmptyCheck})
	}
	if pr.Duration < 0 || pr.Duration > maxDuration {
		errs = append(errs, &FieldError{Field: prefix + "duration_ms", Value: itoa64(pr.Duration.Milliseconds()), Err: ErrInvalidDuration})
	}
	return errs
}
