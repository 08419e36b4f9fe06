// Package fielderr defines the one error shape shared by every marches
// package: a rule sentinel, a field violation that wraps it, and a sorted list
// of violations. Packages alias these types (type FieldError = fielderr.Error)
// so that callers only ever see one shape.
package fielderr

import (
	"errors"
	"slices"
	"strings"
)

// Rule is a sentinel error naming one rule. Its Code is a stable, machine
// readable identifier (snake_case) and its message starts with the package
// name. Rules are compared by identity with errors.Is.
type Rule struct {
	code string
	msg  string
}

// NewRule returns a new rule sentinel. It is meant for package-level
// variable declarations only.
func NewRule(code, msg string) *Rule { return &Rule{code: code, msg: msg} }

// Error returns the rule's message, e.g. "calendar: unknown territory code".
func (r *Rule) Error() string { return r.msg }

// Code returns the rule's stable identifier, e.g. "unknown_territory".
func (r *Rule) Code() string { return r.code }

// Error is one violation: the input field (a path in the input's JSON
// names, such as "hours" or "closures[2].from"), the offending value as
// given, and the rule it breaks. Detail, when set, adds context such as a
// byte offset.
type Error struct {
	Field  string
	Value  string
	Err    error
	Detail string
}

// New returns a violation of rule by field with the given value.
func New(field, value string, rule error) *Error {
	return &Error{Field: field, Value: value, Err: rule}
}

// Error formats the violation as `field "value": rule (detail)`, leaving
// out the value when it is empty.
func (e *Error) Error() string {
	var b strings.Builder
	if e.Field != "" {
		b.WriteString(e.Field)
		if e.Value != "" {
			b.WriteString(" ")
			b.WriteString(quote(e.Value))
		}
		b.WriteString(": ")
	} else if e.Value != "" {
		b.WriteString(quote(e.Value))
		b.WriteString(": ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	if e.Detail != "" {
		b.WriteString(" (")
		b.WriteString(e.Detail)
		b.WriteString(")")
	}
	return b.String()
}

func quote(s string) string {
	const max = 80
	if len(s) > max {
		s = s[:max] + "..."
	}
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}

// Unwrap returns the rule sentinel.
func (e *Error) Unwrap() error { return e.Err }

// RuleCode returns the code of the first Rule found in err's tree, or
// "invalid" when there is none.
func RuleCode(err error) string {
	var r *Rule
	if errors.As(err, &r) {
		return r.code
	}
	return "invalid"
}

// List is a set of violations reported at once. It unwraps to its elements
// so errors.Is and errors.As see every one of them.
type List []*Error

// Error joins the messages of every violation with "; ".
func (l List) Error() string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// Unwrap returns the violations as errors.
func (l List) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Join sorts the violations by field, then rule message, and returns them
// as one error, or nil when there are none. The argument is not modified.
func Join(errs []*Error) error {
	if len(errs) == 0 {
		return nil
	}
	l := slices.Clone(errs)
	slices.SortStableFunc(l, func(a, b *Error) int {
		if c := strings.Compare(a.Field, b.Field); c != 0 {
			return c
		}
		return strings.Compare(msg(a.Err), msg(b.Err))
	})
	return List(l)
}

func msg(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
