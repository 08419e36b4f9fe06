package fielderr

import (
	"errors"
	"testing"
)

var (
	errA = NewRule("rule_a", "pkg: a must hold")
	errB = NewRule("rule_b", "pkg: b must hold")
)

func TestJoinSortsAndUnwraps(t *testing.T) {
	in := []*Error{New("z", "1", errA), New("a", "2", errB), New("a", "3", errA)}
	err := Join(in)
	if in[0].Field != "z" {
		t.Fatal("Join mutated its argument")
	}
	l, ok := err.(List)
	if !ok || len(l) != 3 {
		t.Fatalf("Join = %#v, want a List of 3", err)
	}
	if l[0].Value != "3" || l[1].Value != "2" || l[2].Value != "1" {
		t.Errorf("order = %s, %s, %s; want 3, 2, 1", l[0].Value, l[1].Value, l[2].Value)
	}
	if !errors.Is(err, errA) || !errors.Is(err, errB) {
		t.Error("errors.Is does not see the rules inside the list")
	}
	if got, want := err.Error(), `a "3": pkg: a must hold; a "2": pkg: b must hold; z "1": pkg: a must hold`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if Join(nil) != nil {
		t.Error("Join(nil) != nil")
	}
}

func TestRuleCode(t *testing.T) {
	e := &Error{Field: "f", Value: "v", Err: errB, Detail: "at byte 3"}
	if got := RuleCode(e); got != "rule_b" {
		t.Errorf("RuleCode = %q, want rule_b", got)
	}
	if got := RuleCode(errors.New("x")); got != "invalid" {
		t.Errorf("RuleCode(plain) = %q, want invalid", got)
	}
	if got, want := e.Error(), `f "v": pkg: b must hold (at byte 3)`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestErrorWithoutValue(t *testing.T) {
	if got, want := New("at", "", errA).Error(), "at: pkg: a must hold"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
