package availability

import "github.com/openmarches/marches/internal/fielderr"

// FieldError is a violation of one rule by one input field: Field is a path
// in the input's JSON names ("outages[3].end", "penalty.brackets[1]"),
// Value the value as given, and Err one of the sentinels below, returned by
// Unwrap so that errors.Is works.
type FieldError = fielderr.Error

// Sentinels, one per rule. They are API: test them with errors.Is; their
// codes (fielderr.RuleCode) are stable.
var (
	// ErrInvalidJSON: the document is not well-formed JSON.
	ErrInvalidJSON = fielderr.NewRule("invalid_json", "availability: document is not valid JSON")
	// ErrSchema: the document does not match its JSON Schema (Detail says
	// how).
	ErrSchema = fielderr.NewRule("schema", "availability: document does not match its JSON Schema")
	// ErrInvalidTime: a time is not an RFC 3339 instant with an offset.
	ErrInvalidTime = fielderr.NewRule("invalid_time", "availability: time must be RFC 3339 with an offset, e.g. 2026-11-27T19:30:00+01:00")
	// ErrInvalidCause: an outage's cause is unset or unknown.
	ErrInvalidCause = fielderr.NewRule("invalid_cause", "availability: cause must be unplanned, maintenance, force_majeure, third_party or client")
	// ErrEmptyService: an outage names no service.
	ErrEmptyService = fielderr.NewRule("empty_service", "availability: service must be 1 to 64 bytes")
	// ErrEndNotAfterStart: an outage or a period ends at or before its
	// start.
	ErrEndNotAfterStart = fielderr.NewRule("end_not_after_start", "availability: end must be after start")
	// ErrInvalidMonth: a month is not YYYY-MM with a year in 1990..2200.
	ErrInvalidMonth = fielderr.NewRule("invalid_month", "availability: month must be YYYY-MM with a year in 1990..2200")
	// ErrNilLocation: a period or month was asked for without a location.
	ErrNilLocation = fielderr.NewRule("nil_location", "availability: location must not be nil")
	// ErrInvalidTarget: a target is not a percentage in ]0, 100].
	ErrInvalidTarget = fielderr.NewRule("invalid_target", "availability: target must be a percentage > 0 and <= 100, e.g. 99.9")
	// ErrInvalidPenalty: a penalty table is malformed (Detail says how).
	ErrInvalidPenalty = fielderr.NewRule("invalid_penalty", "availability: penalty table must have brackets with decreasing thresholds and non-negative fee percentages, or a step > 0, and a cap in 0..100")
	// ErrNegativeFee: the monthly fee is negative.
	ErrNegativeFee = fielderr.NewRule("negative_fee", "availability: monthly fee must be >= 0")
	// ErrCalendar: the calendar could not measure a span (Detail holds the
	// calendar's error, e.g. a period outside its years).
	ErrCalendar = fielderr.NewRule("calendar", "availability: the calendar cannot measure this period")
)

// ErrPeriodTooLong: a measured period is longer than 400 years.
var ErrPeriodTooLong = fielderr.NewRule("period_too_long", "availability: period must not be longer than 400 years")

// joinErrs returns the violations as one sorted error, or nil.
func joinErrs(errs []*FieldError) error { return fielderr.Join(errs) }

// appendErrs appends the violations in err (a *FieldError or a list of
// them) to errs.
func appendErrs(errs []*FieldError, err error) []*FieldError {
	if err == nil {
		return errs
	}
	if l, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range l.Unwrap() {
			errs = appendErrs(errs, e)
		}
		return errs
	}
	if fe, ok := err.(*FieldError); ok {
		return append(errs, fe)
	}
	return append(errs, &FieldError{Err: err})
}
