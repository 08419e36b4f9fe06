package support

import (
	"math"
	"strconv"
	"time"
)

// Erlang C uses float64. This is a queueing model, not a contract figure
// or money: its inputs are forecasts (calls per hour, a mean handling
// time), its outputs probabilities of a Poisson/exponential model and an
// integer number of agents. The probabilities are computed with the
// Erlang B recurrence
//
//	B(0) = 1,  B(k) = A·B(k−1) / (k + A·B(k−1))
//
// whose every term lies in ]0, 1]: no factorial or power of A is ever
// formed, so nothing overflows (A in the millions is fine) and each step
// adds at most a few ulps of relative error (about 1e-13 after 100 000
// steps). The Erlang C probability of waiting follows as
//
//	C(N, A) = N·B(N) / (N − A·(1 − B(N)))       for N > A (else 1)
//
// and the service level within t, for a mean handling time h, as
//
//	SL(t) = 1 − C(N, A) · exp(−(N − A) · t / h).
//
// The tests check the recurrence against exact rational arithmetic
// (math/big) and the staffing against published examples.

// maxAgents bounds the search for the number of agents.
const maxAgents = 100_000

// ErlangB returns the Erlang B blocking probability of agents servers
// under traffic erlangs (A = calls per hour × handling hours), by the
// recurrence above. It returns 1 for agents <= 0, and NaN for a negative
// or non-finite traffic.
func ErlangB(agents int, traffic float64) float64 {
	if traffic < 0 || math.IsNaN(traffic) || math.IsInf(traffic, 0) {
		return math.NaN()
	}
	b := 1.0
	for k := 1; k <= agents; k++ {
		ab := traffic * b
		b = ab / (float64(k) + ab)
	}
	return b
}

// ErlangC returns the probability that a call waits (all agents busy) with
// agents operators under traffic erlangs: 1 when agents <= traffic (the
// queue grows without bound), 0 for a zero traffic, NaN for a negative or
// non-finite traffic.
func ErlangC(agents int, traffic float64) float64 {
	b := ErlangB(agents, traffic)
	if math.IsNaN(b) {
		return b
	}
	return erlangCFromB(agents, traffic, b)
}

func erlangCFromB(agents int, traffic, b float64) float64 {
	n := float64(agents)
	if n <= traffic {
		return 1
	}
	if traffic == 0 {
		return 0
	}
	return n * b / (n - traffic*(1-b))
}

// StaffingConfig is a staffing question: how many operators answer
// ServiceLevel % of CallsPerHour calls within AnswerWithin, when a call
// takes HandleTime on average (talk plus wrap-up)?
type StaffingConfig struct {
	// CallsPerHour is the forecast arrival rate, > 0.
	CallsPerHour float64
	// HandleTime is the average handling time, > 0.
	HandleTime time.Duration
	// AnswerWithin is the answer-time target, >= 0 (15 s in the
	// contract). Zero asks for calls answered without waiting.
	AnswerWithin time.Duration
	// ServiceLevel is the target share in percent, in ]0, 100[ (80 in the
	// contract).
	ServiceLevel float64
}

// Staffing is the answer to a StaffingConfig.
type Staffing struct {
	// Agents is the smallest number of operators meeting the target.
	Agents int
	// Traffic is the offered load in erlangs, CallsPerHour × HandleTime /
	// 1 h.
	Traffic float64
	// ProbWait is the Erlang C probability that a call waits, with Agents.
	ProbWait float64
	// ServiceLevel is the share of calls answered within AnswerWithin
	// with Agents, in percent.
	ServiceLevel float64
	// AverageWait is the mean wait over all calls (average speed of
	// answer), C × HandleTime / (Agents − Traffic), rounded to the
	// millisecond.
	AverageWait time.Duration
	// Occupancy is Traffic / Agents, in percent.
	Occupancy float64
}

// Staff returns the smallest number of agents N > A whose service level
// SL(AnswerWithin) reaches cfg.ServiceLevel, with the figures at N. It is
// O(N). It fails with ErrInvalidStaffing (Detail names the input) or
// ErrTooManyAgents.
func Staff(cfg StaffingConfig) (Staffing, error) {
	var errs []*FieldError
	bad := func(field, value string) {
		errs = append(errs, &FieldError{Field: field, Value: value, Err: ErrInvalidStaffing})
	}
	if !(cfg.CallsPerHour > 0) || math.IsInf(cfg.CallsPerHour, 0) {
		bad("calls_per_hour", fmtFloat(cfg.CallsPerHour))
	}
	if cfg.HandleTime <= 0 {
		bad("handle_seconds", cfg.HandleTime.String())
	}
	if cfg.AnswerWithin < 0 {
		bad("answer_seconds", cfg.AnswerWithin.String())
	}
	if !(cfg.ServiceLevel > 0 && cfg.ServiceLevel < 100) {
		bad("service_level_percent", fmtFloat(cfg.ServiceLevel))
	}
	if len(errs) > 0 {
		return Staffing{}, joinErrs(errs)
	}
	h := cfg.HandleTime.Seconds()
	a := cfg.CallsPerHour * h / 3600
	target := cfg.ServiceLevel / 100
	t := cfg.AnswerWithin.Seconds()
	b := 1.0
	for n := 1; n <= maxAgents; n++ {
		ab := a * b
		b = ab / (float64(n) + ab)
		if float64(n) <= a {
			continue
		}
		c := erlangCFromB(n, a, b)
		sl := 1 - c*math.Exp(-(float64(n)-a)*t/h)
		if sl >= target {
			asa := c * h / (float64(n) - a)
			return Staffing{
				Agents: n, Traffic: a, ProbWait: c, ServiceLevel: sl * 100,
				AverageWait: time.Duration(math.Round(asa*1000)) * time.Millisecond, Occupancy: a / float64(n) * 100,
			}, nil
		}
	}
	return Staffing{}, &FieldError{Field: "calls_per_hour", Value: fmtFloat(cfg.CallsPerHour), Err: ErrTooManyAgents}
}

// ServiceLevel returns the share of calls answered within t (in ]0, 1],
// not percent) with agents operators, traffic erlangs and a mean handling
// time h: 0 when agents <= traffic.
func ServiceLevel(agents int, traffic float64, h, t time.Duration) float64 {
	c := ErlangC(agents, traffic)
	if math.IsNaN(c) || h <= 0 || float64(agents) <= traffic {
		return 0
	}
	return 1 - c*math.Exp(-(float64(agents)-traffic)*t.Seconds()/h.Seconds())
}

func fmtFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
