package qos

import "github.com/openmarches/marches/internal/fielderr"

// FieldError is a violation of one rule by one input field: Field is a path
// in the input's JSON names ("probes[3].duration_ms",
// "objectives[1].thresholds[0].percent"), Value the value as given, and Err
// one of the sentinels below, returned by Unwrap so that errors.Is works.
type FieldError = fielderr.Error

// Sentinels, one per rule. They are API: test them with errors.Is; their
// codes (fielderr.RuleCode) are stable.
var (
	// ErrInvalidJSON: the document is not well-formed JSON.
	ErrInvalidJSON = fielderr.NewRule("invalid_json", "qos: document is not valid JSON")
	// ErrSchema: the document does not match its JSON Schema (Detail says
	// how).
	ErrSchema = fielderr.NewRule("schema", "qos: document does not match its JSON Schema")
	// ErrInvalidTime: a time is not an RFC 3339 instant with an offset.
	ErrInvalidTime = fielderr.NewRule("invalid_time", "qos: time must be RFC 3339 with an offset, e.g. 2026-11-27T19:30:00+01:00")
	// ErrInvalidMonth: a month is not YYYY-MM with a year in 1990..2200.
	ErrInvalidMonth = fielderr.NewRule("invalid_month", "qos: month must be YYYY-MM with a year in 1990..2200")
	// ErrNilLocation: no location was given for days and months.
	ErrNilLocation = fielderr.NewRule("nil_location", "qos: location must not be nil")
	// ErrEmptyCheck: a probe or an objective names no check.
	ErrEmptyCheck = fielderr.NewRule("empty_check", "qos: check must be 1 to 64 bytes, e.g. home")
	// ErrInvalidDuration: a probe's duration is negative or longer than a
	// day.
	ErrInvalidDuration = fielderr.NewRule("invalid_duration", "qos: probe duration must be 0 ms to 24 h")
	// ErrNoObjectives: no objective to evaluate.
	ErrNoObjectives = fielderr.NewRule("no_objectives", "qos: at least one objective is required")
	// ErrDuplicateCheck: two objectives for the same check.
	ErrDuplicateCheck = fielderr.NewRule("duplicate_check", "qos: one objective per check")
	// ErrNoThresholds: an objective has no threshold.
	ErrNoThresholds = fielderr.NewRule("no_thresholds", "qos: an objective needs at least one threshold")
	// ErrInvalidThreshold: a threshold's limit is not > 0, or thresholds
	// are not in strictly increasing order of limit.
	ErrInvalidThreshold = fielderr.NewRule("invalid_threshold", "qos: threshold limits must be > 0 and strictly increasing")
	// ErrInvalidPercent: a required share is not a percentage in ]0, 100].
	ErrInvalidPercent = fielderr.NewRule("invalid_percent", "qos: percentage must be > 0 and <= 100, e.g. 80")
)

// joinErrs returns the violations as one sorted error, or nil.
func joinErrs(errs []*FieldError) error { return fielderr.Join(errs) }
