package availability

import (
	"slices"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/shopspring/decimal"
)

// Contract targets, in percent of the period after exclusions.
var (
	// TargetPlatform is the platform's committed monthly availability,
	// 99.9 % 24/7.
	TargetPlatform = decimal.New(999, -1)
	// TargetRemote is the remote services' committed monthly availability,
	// 99.8 % 24/7.
	TargetRemote = decimal.New(998, -1)
)

// PercentPlaces is the number of decimals of every percentage in a Result
// (rounded half-up, i.e. half away from zero on these non-negative
// values): "99.9123".
const PercentPlaces = 4

// Config says what to measure. The zero Config measures every outage
// against TargetPlatform, 24/7.
type Config struct {
	// Service selects the outages of one service; "" takes every outage
	// whatever its service (their union).
	Service string
	// Target is the committed availability in percent, in ]0, 100]. Zero
	// means TargetPlatform (99.9).
	Target decimal.Decimal
	// Calendar, when not nil, restricts the measure to the calendar's open
	// time (business hours): the period, the exclusions and the
	// unavailability all count only while the calendar is open. Nil
	// measures 24/7.
	Calendar *calendar.Calendar
}

func (c Config) target() (decimal.Decimal, error) {
	if c.Target.IsZero() {
		return TargetPlatform, nil
	}
	if c.Target.Sign() <= 0 || c.Target.Cmp(hundred) > 0 {
		return decimal.Decimal{}, &FieldError{Field: "target", Value: plain(c.Target), Err: ErrInvalidTarget}
	}
	return c.Target, nil
}

var hundred = decimal.New(100, 0)

// CauseSeconds is the time attributed to one cause.
type CauseSeconds struct {
	Cause   Cause
	Seconds int64
}

// Result is the availability of one service (or of all) over one period,
// the contract's monthly rate:
//
//	availability = (NHT − NHI) / NHT × 100
//
// where NHT (BaseSeconds) is the period minus the excluded unavailability
// and NHI (UnavailableSeconds) the unplanned unavailability that no
// excluded cause covers. All durations are whole seconds. A Result is a
// plain value; its JSON shape is documented on MarshalJSON.
type Result struct {
	// Service is the measured service, "" for all.
	Service string
	// Period is the measured span [Start, End).
	Period Period
	// BusinessHours is true when the measure was restricted to a
	// calendar's open time.
	BusinessHours bool
	// TotalSeconds is the length of the period (its open time under a
	// calendar).
	TotalSeconds int64
	// ExcludedSeconds is the union of the excluded outages inside the
	// period: maintenance, force majeure, third party, client.
	ExcludedSeconds int64
	// ExcludedByCause splits ExcludedSeconds by cause, one entry per
	// excluded cause in Causes order (zeros included). Where excluded
	// causes overlap, the time goes to the first in Causes order, so the
	// entries add up to ExcludedSeconds.
	ExcludedByCause []CauseSeconds
	// UnavailableSeconds is NHI: unplanned outage time not covered by an
	// excluded cause.
	UnavailableSeconds int64
	// DowntimeSeconds is the raw downtime: the union of every outage,
	// whatever its cause.
	DowntimeSeconds int64
	// BaseSeconds is NHT = TotalSeconds − ExcludedSeconds.
	BaseSeconds int64
	// Availability is the contractual rate in percent, (NHT − NHI) / NHT ×
	// 100 rounded half-up to PercentPlaces decimals; 100 when NHT is 0.
	Availability decimal.Decimal
	// RawAvailability is (Total − Downtime) / Total × 100, every cause
	// counted, rounded the same way; 100 when Total is 0.
	RawAvailability decimal.Decimal
	// Target is the committed availability in percent.
	Target decimal.Decimal
	// Met reports whether the exact (unrounded) availability is >= Target,
	// which is the same as BudgetRemainingSeconds >= 0.
	Met bool
	// BudgetSeconds is the error budget, (100 − Target) % of NHT rounded
	// down to the second.
	BudgetSeconds int64
	// BudgetRemainingSeconds is BudgetSeconds − UnavailableSeconds,
	// negative when the budget is overspent.
	BudgetRemainingSeconds int64
	// BurnRate is UnavailableSeconds / BudgetSeconds rounded half-up to 4
	// decimals: 1 means the budget is exactly spent, above 1 overspent.
	// Measured over a period ending "now" it is the classic burn rate (the
	// rate at which the budget of that elapsed period is consumed). It is
	// 0 when nothing is unavailable and is undefined (BurnRateDefined
	// false) when the budget is 0 and something is unavailable.
	BurnRate decimal.Decimal
	// BurnRateDefined is false only when BudgetSeconds is 0 and
	// UnavailableSeconds is not.
	BurnRateDefined bool
}

// Measure returns the availability of cfg.Service over p.
//
// Semantics, all exact:
//   - Instants are measured to the second: an outage starts at its start
//     rounded down and ends at its end rounded up to the whole second (a
//     second touched by an outage counts), the period's bounds are rounded
//     down.
//   - Outages are clipped to p (an outage spanning two months counts in
//     each for its part).
//   - Overlapping and adjacent outages are merged: a second counts once,
//     however many outages cover it.
//   - A second covered by an excluded cause (maintenance, force majeure,
//     third party, client) is excluded, even when an unplanned outage
//     covers it too: the overlap counts as excluded, not as unavailable.
//   - With cfg.Calendar, only the calendar's open time counts.
//
// It runs in O(n log n) for n outages and fails with a *FieldError list:
// the outages' own violations (ErrEmptyService, ErrInvalidCause,
// ErrEndNotAfterStart, as "outages[i].field"), ErrEndNotAfterStart for
// the period, ErrInvalidTarget, or ErrCalendar.
func Measure(outages []Outage, p Period, cfg Config) (Result, error) {
	rs, err := measure(outages, []Period{p}, cfg)
	if err != nil {
		return Result{}, err
	}
	return rs[0], nil
}

// MeasureDays is Measure for each local day of p in p.Start's location
// (see Period.Days), in one pass over the outages: the daily trend of a
// month. The budget and target check apply to each day on its own.
func MeasureDays(outages []Outage, p Period, cfg Config) ([]Result, error) {
	if !p.End.After(p.Start) {
		return nil, &FieldError{Field: "period", Value: p.End.Format(time.RFC3339), Err: ErrEndNotAfterStart}
	}
	return measure(outages, p.Days(p.Start.Location()), cfg)
}

// maxPeriodSeconds bounds a measured period: 400 years.
const maxPeriodSeconds = 400 * 366 * 86400

// tally is what the sweep accumulates for one bucket.
type tally struct {
	total, unavailable, downtime int64
	excluded                     [numCauses]int64
}

// measure sweeps the outages once over consecutive buckets (contiguous
// periods, in order).
func measure(outages []Outage, buckets []Period, cfg Config) ([]Result, error) {
	target, terr := cfg.target()
	var errs []*FieldError
	if terr != nil {
		errs = append(errs, terr.(*FieldError))
	}
	for i, o := range outages {
		if v := o.violations(""); v != nil {
			for _, e := range v {
				e.Field = "outages[" + itoa(i) + "]." + e.Field
			}
			errs = append(errs, v...)
		}
	}
	first, last := buckets[0], buckets[len(buckets)-1]
	ps, pe := floorSec(first.Start), floorSec(last.End)
	switch {
	case pe <= ps:
		errs = append(errs, &FieldError{Field: "period", Value: last.End.Format(time.RFC3339Nano), Err: ErrEndNotAfterStart,
			Detail: "start " + first.Start.Format(time.RFC3339Nano)})
	case pe-ps > maxPeriodSeconds:
		errs = append(errs, &FieldError{Field: "period", Value: last.End.Format(time.RFC3339Nano), Err: ErrPeriodTooLong,
			Detail: "start " + first.Start.Format(time.RFC3339Nano)})
	}
	if len(errs) > 0 {
		return nil, joinErrs(errs)
	}

	// Bucket ends, relative to ps.
	ends := make([]int64, len(buckets))
	for i, b := range buckets {
		ends[i] = floorSec(b.End) - ps
	}
	tallies := make([]tally, len(buckets))
	var span func(a, b int64) (int64, error)
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
	start := int64(0)
	for i := range tallies {
		if span != nil {
			n, err := span(start, ends[i])
			if err != nil {
				return nil, err
			}
			tallies[i].total = n
		} else {
			tallies[i].total = ends[i] - start
		}
		start = ends[i]
	}

	bi := 0
	err := sweep(outages, cfg.Service, first.Start, last.End, func(cause Cause, a, t int64) error {
		// Add [a, t) to the buckets it crosses.
		for a < t {
			for ends[bi] <= a {
				bi++
			}
			b := min(t, ends[bi])
			d := b - a
			if span != nil {
				var err error
				if d, err = span(a, b); err != nil {
					return err
				}
			}
			tl := &tallies[bi]
			tl.downtime += d
			if cause == Unplanned {
				tl.unavailable += d
			} else {
				tl.excluded[cause] += d
			}
			a = b
		}
		return nil
	})
	if err != nil {
		return nil, err
	}

	out := make([]Result, len(buckets))
	for i, b := range buckets {
		out[i] = result(cfg.Service, b, cfg.Calendar != nil, target, tallies[i])
	}
	return out, nil
}

// sweep calls emit, in time order, for each maximal run of seconds [a, b)
// (relative to from, rounded down to the second) during which some outage
// of service ("" for all) is active within [from, to), with the cause the
// run is attributed to: the first excluded cause in Causes order that is
// active, else Unplanned. Consecutive runs may have the same cause.
func sweep(outages []Outage, service string, from, to time.Time, emit func(c Cause, a, b int64) error) error {
	// Events: relative second << 4 | cause << 1 | 1 for a start, 0 for an
	// end. Sorted, they give the sweep its order; at equal seconds the
	// order does not matter since the segment between them is empty.
	ps := floorSec(from)
	n := floorSec(to) - ps
	events := make([]uint64, 0, 2*len(outages))
	for _, o := range outages {
		if service != "" && o.Service != service {
			continue
		}
		if !o.End.After(from) || !o.Start.Before(to) || o.Cause.String() == "" {
			continue
		}
		a, b := floorSec(o.Start)-ps, ceilSec(o.End)-ps
		a, b = max(a, 0), min(b, n)
		if a >= b {
			continue
		}
		c := uint64(o.Cause) << 1
		events = append(events, uint64(a)<<4|c|1, uint64(b)<<4|c)
	}
	sortEvents(events, uint64(n)<<4|0xf)

	var count [numCauses]int32
	active, excludedActive := int32(0), int32(0)
	prev := int64(0)
	for _, ev := range events {
		t := int64(ev >> 4)
		if t > prev && active > 0 {
			cause := Unplanned
			if excludedActive > 0 {
				for _, c := range causes[1:] {
					if count[c] > 0 {
						cause = c
						break
					}
				}
			}
			if err := emit(cause, prev, t); err != nil {
				return err
			}
		}
		prev = t
		c := Cause(ev>>1) & 7
		delta := int32(-1)
		if ev&1 == 1 {
			delta = 1
		}
		count[c] += delta
		active += delta
		if c != Unplanned {
			excludedActive += delta
		}
	}
	return nil
}

// result derives the rates, budget and burn rate from a tally.
func result(service string, p Period, business bool, target decimal.Decimal, tl tally) Result {
	r := Result{
		Service: service, Period: p, BusinessHours: business,
		TotalSeconds: tl.total, UnavailableSeconds: tl.unavailable, DowntimeSeconds: tl.downtime,
		Target: target, ExcludedByCause: make([]CauseSeconds, 0, numCauses-2),
	}
	for _, c := range causes[1:] {
		r.ExcludedSeconds += tl.excluded[c]
		r.ExcludedByCause = append(r.ExcludedByCause, CauseSeconds{Cause: c, Seconds: tl.excluded[c]})
	}
	r.BaseSeconds = r.TotalSeconds - r.ExcludedSeconds
	r.Availability = ratePercent(r.BaseSeconds-r.UnavailableSeconds, r.BaseSeconds)
	r.RawAvailability = ratePercent(r.TotalSeconds-r.DowntimeSeconds, r.TotalSeconds)
	// Budget: floor((100 − target) × NHT / 100). Exact: the product is a
	// decimal with as many places as the target, so the quotient by 100
	// truncated toward zero (it is >= 0) is the floor.
	allowed := hundred.Sub(target).Mul(decimal.New(r.BaseSeconds, 0))
	budget, _ := allowed.QuoRem(hundred, 0)
	r.BudgetSeconds = budget.IntPart()
	r.BudgetRemainingSeconds = r.BudgetSeconds - r.UnavailableSeconds
	// Met: (NHT − NHI) × 100 >= target × NHT, compared exactly. Since NHI
	// is whole seconds this is NHI <= budget.
	r.Met = r.BudgetRemainingSeconds >= 0
	switch {
	case r.UnavailableSeconds == 0:
		r.BurnRate, r.BurnRateDefined = decimal.Zero, true
	case r.BudgetSeconds > 0:
		r.BurnRate = decimal.New(r.UnavailableSeconds, 0).DivRound(decimal.New(r.BudgetSeconds, 0), 4)
		r.BurnRateDefined = true
	}
	return r
}

// ratePercent returns num / den × 100 rounded half-up to PercentPlaces
// decimals, or 100 when den is 0. DivRound is exact: it rounds the true
// quotient, with no intermediate precision.
func ratePercent(num, den int64) decimal.Decimal {
	if den == 0 {
		return hundred
	}
	return decimal.New(num, 2).DivRound(decimal.New(den, 0), PercentPlaces)
}

// sortEvents sorts keys in [0, max]: an LSD radix sort on 16-bit digits
// for large inputs (O(n), a few passes), slices.Sort otherwise.
func sortEvents(keys []uint64, max uint64) {
	if len(keys) < 4096 {
		slices.Sort(keys)
		return
	}
	tmp := make([]uint64, len(keys))
	counts := make([]int, 1<<16)
	src, dst := keys, tmp
	for shift := uint(0); shift < 64 && max>>shift != 0; shift += 16 {
		clear(counts)
		for _, k := range src {
			counts[(k>>shift)&0xffff]++
		}
		sum := 0
		for i, c := range counts {
			counts[i] = sum
			sum += c
		}
		for _, k := range src {
			d := (k >> shift) & 0xffff
			dst[counts[d]] = k
			counts[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	n := len(b)
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	return string(b[n:])
}
