package support

import "github.com/openmarches/marches/internal/fielderr"

// FieldError is a violation of one rule by one input field: Field is a path
// in the input's JSON names ("calls[3].answered_at", "staffing.calls_per_hour"),
// Value the value as given, and Err one of the sentinels below, returned by
// Unwrap so that errors.Is works.
type FieldError = fielderr.Error

// Sentinels, one per rule. They are API: test them with errors.Is; their
// codes (fielderr.RuleCode) are stable.
var (
	// ErrInvalidJSON: the document is not well-formed JSON.
	ErrInvalidJSON = fielderr.NewRule("invalid_json", "support: document is not valid JSON")
	// ErrSchema: the document does not match its JSON Schema (Detail says
	// how).
	ErrSchema = fielderr.NewRule("schema", "support: document does not match its JSON Schema")
	// ErrInvalidTime: a time is not an RFC 3339 instant with an offset.
	ErrInvalidTime = fielderr.NewRule("invalid_time", "support: time must be RFC 3339 with an offset, e.g. 2026-11-27T19:30:00+01:00")
	// ErrInvalidMonth: a month is not YYYY-MM with a year in 1990..2200.
	ErrInvalidMonth = fielderr.NewRule("invalid_month", "support: month must be YYYY-MM with a year in 1990..2200")
	// ErrNilLocation: no location was given for days and months.
	ErrNilLocation = fielderr.NewRule("nil_location", "support: location must not be nil")
	// ErrOutcome: a call is neither answered nor abandoned, or both.
	ErrOutcome = fielderr.NewRule("call_outcome", "support: a call is either answered or abandoned, exactly one of answered_at and abandoned_at")
	// ErrBeforeOffered: a call is answered or abandoned before it was
	// offered.
	ErrBeforeOffered = fielderr.NewRule("before_offered", "support: answered_at or abandoned_at must not be before offered_at")
	// ErrNoObjectives: no objective to evaluate.
	ErrNoObjectives = fielderr.NewRule("no_objectives", "support: at least one objective is required")
	// ErrInvalidObjective: an objective's kind is unset or unknown, or a
	// wait objective has no limit > 0 (or an answer-rate objective has
	// one).
	ErrInvalidObjective = fielderr.NewRule("invalid_objective", "support: objective kind must be wait_under (with under_seconds > 0) or answer_rate")
	// ErrInvalidPercent: a required share is not a percentage in 0..100.
	ErrInvalidPercent = fielderr.NewRule("invalid_percent", "support: percentage must be >= 0 and <= 100 (> 0 when at least), e.g. 80")
	// ErrInvalidStaffing: an Erlang C input is out of range (Detail says
	// which).
	ErrInvalidStaffing = fielderr.NewRule("invalid_staffing", "support: staffing needs calls per hour > 0, handle time > 0, answer time >= 0 and a service level in ]0, 100[")
	// ErrTooManyAgents: no number of agents up to the limit meets the
	// service level.
	ErrTooManyAgents = fielderr.NewRule("too_many_agents", "support: the service level needs more agents than the limit (100 000)")
)

// joinErrs returns the violations as one sorted error, or nil.
func joinErrs(errs []*FieldError) error { return fielderr.Join(errs) }
