package support

import (
	"errors"
	"math"
	"math/big"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// exactErlangC computes C(N, A) for a rational A with math/big rationals
// straight from the textbook formula
//
//	C = (A^N/N! · N/(N−A)) / (Σ_{k<N} A^k/k! + A^N/N! · N/(N−A))
//
// an oracle independent of the recurrence.
func exactErlangC(n int, a *big.Rat) *big.Rat {
	sum := new(big.Rat)
	term := big.NewRat(1, 1) // A^k / k!
	for k := 0; k < n; k++ {
		sum.Add(sum, term)
		term.Mul(term, a)
		term.Quo(term, big.NewRat(int64(k+1), 1))
	}
	nn := big.NewRat(int64(n), 1)
	last := new(big.Rat).Mul(term, new(big.Rat).Quo(nn, new(big.Rat).Sub(nn, a)))
	return new(big.Rat).Quo(last, new(big.Rat).Add(sum, last))
}

func TestErlangCAgainstExactRationals(t *testing.T) {
	for _, tc := range []struct {
		num, den int64 // A = num/den erlangs
		agents   []int
	}{
		{10, 1, []int{11, 12, 14, 15, 20, 40}},
		{48, 1, []int{49, 52, 55, 60, 80}},
		{37, 4, []int{10, 12, 16}}, // 9.25
		{1, 3, []int{1, 2, 5}},
		{250, 1, []int{251, 260, 275, 300}},
	} {
		a := big.NewRat(tc.num, tc.den)
		af, _ := strconv.ParseFloat(a.FloatString(30), 64)
		for _, n := range tc.agents {
			want, _ := strconv.ParseFloat(exactErlangC(n, a).FloatString(30), 64)
			got := ErlangC(n, af)
			if math.Abs(got-want) > 1e-12*want {
				t.Errorf("C(%d, %s) = %.17g, exact %.17g", n, a.RatString(), got, want)
			}
		}
	}
}

// TestStaffCallCentreHelper: the worked example of Call Centre Helper,
// "Erlang C Formula – Example" (callcentrehelper.com/erlang-c-formula-example-121281.htm),
// also the expected values of pyworkforce's test suite
// (rodrigo-arenas/pyworkforce, pyworkforce/queuing/tests/test_erlang.py,
// test_expected_erlangc_results): 100 calls in 30 minutes, 3-minute
// handling time, 80 % answered within 20 s. Traffic 200 × 180 / 3 600 =
// 10 erlangs; 14 agents ("raw positions", before shrinkage), with a
// waiting probability 0.174, a service level 0.888 and an occupancy
// 0.714. (pyworkforce uses 0.33 min = 19.8 s; at 20 s the figures round
// the same.)
func TestStaffCallCentreHelper(t *testing.T) {
	s, err := Staff(StaffingConfig{CallsPerHour: 200, HandleTime: 180 * time.Second, AnswerWithin: 20 * time.Second, ServiceLevel: 80})
	if err != nil {
		t.Fatal(err)
	}
	got := []string{strconv.Itoa(s.Agents), f3(s.Traffic), f3(s.ProbWait), f3(s.ServiceLevel / 100), f3(s.Occupancy / 100)}
	want := []string{"14", "10.000", "0.174", "0.888", "0.714"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	// Same source, max-occupancy variant: 15 agents give Pw 0.102, SL
	// 0.941, occupancy 0.667 (test_over_occupancy_erlangc).
	a := 10.0
	got = []string{f3(ErlangC(15, a)), f3(ServiceLevel(15, a, 180*time.Second, 20*time.Second)), f3(a / 15)}
	if diff := cmp.Diff([]string{"0.102", "0.941", "0.667"}, got); diff != "" {
		t.Errorf("15 agents (-want +got)\n%s", diff)
	}
	// 13 agents miss 80 %: the answer is minimal.
	if sl := ServiceLevel(13, a, 180*time.Second, 20*time.Second); sl >= 0.8 {
		t.Errorf("13 agents already give %v", sl)
	}
	// Average speed of answer at 14: C × h / (N − A) = 0.174132 × 180 / 4
	// = 7.8359 s → 7.836 s (C from exact fractions: 0.1741319335950498).
	if got := s.AverageWait; got != 7836*time.Millisecond {
		t.Errorf("ASA %v", got)
	}
}

func f3(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }

// TestStaffContract sizes the contract's line, "80 % within 15 s", and
// checks minimality against ServiceLevel.
func TestStaffContract(t *testing.T) {
	for _, tc := range []struct {
		perHour float64
		handle  time.Duration
	}{{30, 4 * time.Minute}, {12, 6 * time.Minute}, {200, 180 * time.Second}, {3600, 5 * time.Minute}, {0.5, time.Minute}, {1e6, 3 * time.Minute}} {
		s, err := Staff(StaffingConfig{CallsPerHour: tc.perHour, HandleTime: tc.handle, AnswerWithin: 15 * time.Second, ServiceLevel: 80})
		if err != nil {
			t.Fatal(err)
		}
		a := tc.perHour * tc.handle.Seconds() / 3600
		if ServiceLevel(s.Agents, a, tc.handle, 15*time.Second) < 0.8 {
			t.Errorf("%v/h: %d agents do not reach 80 %%", tc.perHour, s.Agents)
		}
		if s.Agents-1 > int(a) && ServiceLevel(s.Agents-1, a, tc.handle, 15*time.Second) >= 0.8 {
			t.Errorf("%v/h: %d agents is not minimal", tc.perHour, s.Agents)
		}
		if float64(s.Agents) <= a || math.IsNaN(s.ProbWait) || s.ProbWait < 0 || s.ProbWait > 1 {
			t.Errorf("%v/h: %+v", tc.perHour, s)
		}
	}
}

func TestErlangEdges(t *testing.T) {
	if ErlangB(0, 5) != 1 || ErlangC(5, 5) != 1 || ErlangC(3, 0) != 0 || !math.IsNaN(ErlangC(3, -1)) || !math.IsNaN(ErlangB(3, math.Inf(1))) {
		t.Error("edge values")
	}
	if ServiceLevel(5, 5, time.Minute, time.Second) != 0 || ServiceLevel(1, 0, time.Minute, 0) != 1 {
		t.Error("service level edges")
	}
	_, err := Staff(StaffingConfig{CallsPerHour: math.NaN(), HandleTime: 0, AnswerWithin: -1, ServiceLevel: 100})
	var fields []string
	for _, e := range flattenErr(err) {
		fields = append(fields, e.(*FieldError).Field)
		if !errors.Is(e, ErrInvalidStaffing) {
			t.Errorf("rule %v", e)
		}
	}
	if diff := cmp.Diff([]string{"answer_seconds", "calls_per_hour", "handle_seconds", "service_level_percent"}, fields); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if _, err := Staff(StaffingConfig{CallsPerHour: 1e9, HandleTime: time.Hour, ServiceLevel: 80}); !errors.Is(err, ErrTooManyAgents) {
		t.Errorf("got %v", err)
	}
}

// TestTextbookOverflows shows why the recurrence: the textbook formula
// agrees on a small line and fails (finds nothing) on a large one.
func TestTextbookOverflows(t *testing.T) {
	small := StaffingConfig{CallsPerHour: 200, HandleTime: 3 * time.Minute, AnswerWithin: 20 * time.Second, ServiceLevel: 80}
	if got := textbookStaff(small); got != 14 {
		t.Errorf("textbook small line: %d", got)
	}
	large := StaffingConfig{CallsPerHour: 2000, HandleTime: 5 * time.Minute, AnswerWithin: 15 * time.Second, ServiceLevel: 80}
	s, err := Staff(large)
	if err != nil {
		t.Fatal(err)
	}
	// Recurrence: 177 agents (checked with an independent Python loop of
	// the same recurrence: C = 0.32514, SL(15 s) >= 0.8 first at 177).
	if got := textbookStaff(large); got != 0 || s.Agents != 177 {
		t.Errorf("textbook large line: %d, recurrence %d", got, s.Agents)
	}
}
