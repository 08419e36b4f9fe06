package sla

import (
	"encoding/json"
	"math/bits"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/shopspring/decimal"
)

// SummaryRow aggregates one target of one priority over a batch of
// incidents: what a steering committee compares with the policy.
type SummaryRow struct {
	// Priority is the priority code of the row.
	Priority string
	// Target is the target of the row.
	Target Target
	// Term is the policy's term for Target under Priority.
	Term Term
	// Count is the number of evaluated targets; Met, Breached, Running,
	// Paused and Undated split it by state.
	Count, Met, Breached, Running, Paused, Undated int
	// Compliance is Met / (Met + Breached) in percent, rounded half away
	// from zero to 2 decimal places; meaningful only when Met + Breached >
	// 0. Running, paused and undated targets are not counted.
	Compliance decimal.Decimal
	// Reached is the number of targets reached, on time or late: the sample
	// of the times to meet.
	Reached int
	// MeanTimeToMeet and MedianTimeToMeet are the mean and median business
	// time from start to reached (TargetResult.BusinessElapsed) over the
	// Reached targets, each rounded to the nearest second (halves up); the
	// median of an even sample is the mean of its two middle values.
	MeanTimeToMeet, MedianTimeToMeet time.Duration
}

// Report is the evaluation of a batch of incidents.
type Report struct {
	// Now is the evaluation instant, in the calendar's location.
	Now time.Time
	// Results are the incidents' results, in input order.
	Results []Result
	// Summary has a row per priority of the policy (in its order) and per
	// target (acknowledge, workaround, resolve) whose term is not None or
	// that has targets.
	Summary []SummaryRow
}

// parallelMin is the batch size from which evaluation is split across
// GOMAXPROCS goroutines.
const parallelMin = 512

// EvaluateAll evaluates every incident at now (as Evaluate does, proofs
// included) and summarizes them. Incidents are evaluated in parallel over
// GOMAXPROCS goroutines when there are at least 512 of them; the output
// does not depend on the number of goroutines. Invalid histories fail with
// every violation of every incident at once, fields prefixed by the
// incident's index ("incidents[12].events[3]").
func (e *Evaluator) EvaluateAll(incs []Incident, now time.Time) (Report, error) {
	results := make([]Result, len(incs))
	stats, err := e.batch(incs, now, results)
	if err != nil {
		return Report{}, err
	}
	return Report{Now: now.In(e.loc), Results: results, Summary: e.summarize(stats)}, nil
}

// Summarize is EvaluateAll without the per-incident results: it builds no
// proof and no escalation, and so costs a few calendar look-ups per target.
func (e *Evaluator) Summarize(incs []Incident, now time.Time) ([]SummaryRow, error) {
	stats, err := e.batch(incs, now, nil)
	if err != nil {
		return nil, err
	}
	return e.summarize(stats), nil
}

// stat is what the summary needs of one evaluated target.
type stat struct {
	row     int32
	state   State
	reached bool
	biz     time.Duration
}

// batch evaluates incs, filling results when not nil, and returns the
// per-target stats (len(targets) per incident, state 0 when left out).
func (e *Evaluator) batch(incs []Incident, now time.Time, results []Result) ([]stat, error) {
	stats := make([]stat, len(incs)*len(targets))
	workers := 1
	if len(incs) >= parallelMin {
		workers = min(runtime.GOMAXPROCS(0), len(incs)/(parallelMin/2))
	}
	errs := make([][]*FieldError, workers)
	var wg sync.WaitGroup
	chunk := (len(incs) + workers - 1) / max(workers, 1)
	for w := range workers {
		lo, hi := w*chunk, min((w+1)*chunk, len(incs))
		work := func() {
			var h history
			var scratch []gap
			var tr TargetResult
			for i := lo; i < hi; i++ {
				if es := h.build(&incs[i], e.policy, now, i, nil); len(es) > 0 {
					errs[w] = append(errs[w], es...)
					continue
				}
				if len(errs[w]) > 0 {
					continue // only validate once an error is found
				}
				if results != nil {
					r, err := e.evaluate(&h, incs[i].ID, now, &scratch, i)
					if err != nil {
						errs[w] = append(errs[w], err.(*FieldError))
						continue
					}
					results[i] = r
					for _, tr := range r.Targets {
						stats[i*len(targets)+int(tr.Target)-1] = statOf(e, &tr)
					}
					continue
				}
				for k, tg := range targets {
					ok, err := e.evalTarget(&h, tg, now, false, &scratch, &tr)
					if err != nil {
						errs[w] = append(errs[w], wrapIncident(i, err))
						break
					}
					if ok {
						stats[i*len(targets)+k] = statOf(e, &tr)
					}
				}
			}
		}
		if workers == 1 {
			work()
			break
		}
		wg.Add(1)
		go func() { defer wg.Done(); work() }()
	}
	wg.Wait()
	var all []*FieldError
	for _, es := range errs {
		all = append(all, es...)
	}
	if err := joinErrs(all); err != nil {
		return nil, err
	}
	return stats, nil
}

func statOf(e *Evaluator, tr *TargetResult) stat {
	return stat{row: int32(e.policy.index(tr.Priority)), state: tr.State, reached: !tr.MetAt.IsZero(), biz: tr.BusinessElapsed}
}

// summarize aggregates the stats in input order, so the result is the same
// whatever the number of goroutines that produced them.
func (e *Evaluator) summarize(stats []stat) []SummaryRow {
	n := len(e.policy.rows) * len(targets)
	rows := make([]SummaryRow, n)
	samples := make([][]time.Duration, n)
	for i, s := range stats {
		if s.state == 0 {
			continue
		}
		g := int(s.row)*len(targets) + i%len(targets)
		r := &rows[g]
		r.Count++
		switch s.state {
		case StateMet:
			r.Met++
		case StateBreached:
			r.Breached++
		case StateRunning:
			r.Running++
		case StatePaused:
			r.Paused++
		case StateUndated:
			r.Undated++
		}
		if s.reached {
			samples[g] = append(samples[g], s.biz)
		}
	}
	out := make([]SummaryRow, 0, n)
	for row, pt := range e.policy.rows {
		for k, tg := range targets {
			g := row*len(targets) + k
			r := rows[g]
			r.Priority, r.Target, r.Term = pt.Code, tg, pt.Term(tg)
			if r.Count == 0 && r.Term.InHours.Kind == None && (!r.Term.Split() || r.Term.OutOfHours.Kind == None) {
				continue
			}
			if d := r.Met + r.Breached; d > 0 {
				r.Compliance = decimal.NewFromInt(int64(r.Met)*100).DivRound(decimal.NewFromInt(int64(d)), 2)
			}
			if xs := samples[g]; len(xs) > 0 {
				r.Reached = len(xs)
				r.MeanTimeToMeet = roundSecond(mean(xs))
				slices.Sort(xs)
				m := xs[len(xs)/2]
				if len(xs)%2 == 0 {
					a := xs[len(xs)/2-1]
					m = a + (m-a)/2
				}
				r.MedianTimeToMeet = roundSecond(m)
			}
			out = append(out, r)
		}
	}
	return out
}

// mean returns the floor of the mean of non-negative durations, summed on
// 128 bits so that 100 000 targets of months each cannot overflow.
func mean(xs []time.Duration) time.Duration {
	var hi, lo uint64
	for _, x := range xs {
		var c uint64
		lo, c = bits.Add64(lo, uint64(x), 0)
		hi += c
	}
	q, _ := bits.Div64(hi, lo, uint64(len(xs)))
	return time.Duration(q)
}

// roundSecond rounds a non-negative duration to the nearest second, halves
// up.
func roundSecond(d time.Duration) time.Duration {
	return (d + time.Second/2) / time.Second * time.Second
}

type summaryJSON struct {
	Priority   string  `json:"priority"`
	Target     string  `json:"target"`
	Policy     string  `json:"policy"`
	Count      int     `json:"count"`
	Met        int     `json:"met"`
	Breached   int     `json:"breached"`
	Running    int     `json:"running"`
	Paused     int     `json:"paused"`
	Undated    int     `json:"undated"`
	Compliance *string `json:"compliance_percent"`
	Reached    int     `json:"reached"`
	Mean       *string `json:"mean_time_to_meet"`
	Median     *string `json:"median_time_to_meet"`
}

// MarshalJSON encodes the row as {"priority", "target", "policy", "count",
// "met", "breached", "running", "paused", "undated", "compliance_percent"
// ("88.89", null when nothing was met or breached), "reached",
// "mean_time_to_meet" and "median_time_to_meet" (business time, null when
// nothing was reached)}.
func (r SummaryRow) MarshalJSON() ([]byte, error) {
	j := summaryJSON{Priority: r.Priority, Target: r.Target.String(), Policy: r.Term.String(), Count: r.Count,
		Met: r.Met, Breached: r.Breached, Running: r.Running, Paused: r.Paused, Undated: r.Undated, Reached: r.Reached}
	if r.Met+r.Breached > 0 {
		s := r.Compliance.StringFixed(2)
		j.Compliance = &s
	}
	if r.Reached > 0 {
		m, md := fmtDur(r.MeanTimeToMeet), fmtDur(r.MedianTimeToMeet)
		j.Mean, j.Median = &m, &md
	}
	return json.Marshal(j)
}

type reportJSON struct {
	Now       string       `json:"now"`
	Incidents []Result     `json:"incidents"`
	Summary   []SummaryRow `json:"summary"`
}

// MarshalJSON encodes the report as {"now", "incidents": [...],
// "summary": [...]}.
func (r Report) MarshalJSON() ([]byte, error) {
	j := reportJSON{Now: formatInstant(r.Now), Incidents: r.Results, Summary: r.Summary}
	if j.Incidents == nil {
		j.Incidents = []Result{}
	}
	if j.Summary == nil {
		j.Summary = []SummaryRow{}
	}
	return json.Marshal(j)
}
