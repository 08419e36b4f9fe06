package qos

import (
	"time"

	"github.com/shopspring/decimal"
)

// Probe is one synthetic measurement of a check (a scripted page load):
// when it ran, how long the response took, and whether it succeeded. A
// failed probe never counts as fast, whatever its duration.
type Probe struct {
	// Check names what was probed, e.g. "home", "submission".
	Check string
	// At is when the probe ran; it decides the probe's day and month.
	At time.Time
	// Duration is the response time (the JSON input has millisecond
	// precision).
	Duration time.Duration
	// Success is false when the probe failed (error, timeout, wrong
	// content).
	Success bool
}

// Threshold is one line of an objective: at least Percent % of the probes
// must succeed in strictly less than Under.
type Threshold struct {
	Under   time.Duration
	Percent decimal.Decimal
}

// Objective is the response-time commitment for one check, e.g. "home
// page < 2 s for 80 % of probes, < 5 s for 100 %". Label is the line's
// caption in reports.
type Objective struct {
	Check      string
	Label      string
	Thresholds []Threshold
}

// ContractObjectives returns the objectives of the maintenance-and-hosting
// contract (a fresh copy each call), with French labels:
//
//	home         page d'accueil          < 2 s 80 %, < 5 s 100 %
//	submission   dépôt des plis          < 3 s 80 %, < 5 s 100 %
//	auth         authentification        < 2 s 80 %, < 4 s 100 %
//	search       recherche simple        < 2 s 80 %
//	advanced     recherche avancée       < 4 s 80 %, < 6 s 100 %
func ContractObjectives() []Objective {
	p80, p100 := decimal.New(80, 0), decimal.New(100, 0)
	th := func(s int, p decimal.Decimal) Threshold {
		return Threshold{Under: time.Duration(s) * time.Second, Percent: p}
	}
	return []Objective{
		{Check: "home", Label: "Page d'accueil", Thresholds: []Threshold{th(2, p80), th(5, p100)}},
		{Check: "submission", Label: "Dépôt des plis", Thresholds: []Threshold{th(3, p80), th(5, p100)}},
		{Check: "auth", Label: "Authentification", Thresholds: []Threshold{th(2, p80), th(4, p100)}},
		{Check: "search", Label: "Recherche simple", Thresholds: []Threshold{th(2, p80)}},
		{Check: "advanced", Label: "Recherche avancée", Thresholds: []Threshold{th(4, p80), th(6, p100)}},
	}
}

var hundred = decimal.New(100, 0)

func validateObjectives(objs []Objective) []*FieldError {
	if len(objs) == 0 {
		return []*FieldError{{Field: "objectives", Err: ErrNoObjectives}}
	}
	var errs []*FieldError
	seen := map[string]bool{}
	for i, o := range objs {
		p := "objectives[" + itoa(i) + "]."
		switch {
		case o.Check == "" || len(o.Check) > 64:
			errs = append(errs, &FieldError{Field: p + "check", Value: o.Check, Err: ErrEmptyCheck})
		case seen[o.Check]:
			errs = append(errs, &FieldError{Field: p + "check", Value: o.Check, Err: ErrDuplicateCheck})
		}
		seen[o.Check] = true
		if len(o.Thresholds) == 0 {
			errs = append(errs, &FieldError{Field: p + "thresholds", Err: ErrNoThresholds})
		}
		for j, t := range o.Thresholds {
			tp := p + "thresholds[" + itoa(j) + "]."
			if t.Under <= 0 || (j > 0 && t.Under <= o.Thresholds[j-1].Under) {
				errs = append(errs, &FieldError{Field: tp + "under_ms", Value: itoa64(t.Under.Milliseconds()), Err: ErrInvalidThreshold})
			}
			if t.Percent.Sign() <= 0 || t.Percent.Cmp(hundred) > 0 {
				errs = append(errs, &FieldError{Field: tp + "percent", Value: plain(t.Percent), Err: ErrInvalidPercent})
			}
		}
	}
	return errs
}

func itoa(i int) string { return itoa64(int64(i)) }

func itoa64(i int64) string {
	if i == 0 {
		return "0"
	}
	neg := i < 0
	var b [21]byte
	n := len(b)
	for i != 0 {
		d := i % 10
		if d < 0 {
			d = -d
		}
		n--
		b[n] = byte('0' + d)
		i /= 10
	}
	if neg {
		n--
		b[n] = '-'
	}
	return string(b[n:])
}
