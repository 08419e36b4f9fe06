package deploy

import "github.com/openmarches/marches/internal/fielderr"

// FieldError is a violation of one rule by one input field: Field is a path
// in the input's JSON names ("deployment.start", "deadlines[2].at"), Value
// the value as given, and Err one of the sentinels below (or a calendar
// sentinel such as calendar.ErrOutOfRange), returned by Unwrap so that
// errors.Is works.
type FieldError = fielderr.Error

// Sentinels, one per rule. They are API: test them with errors.Is; their
// codes (fielderr.RuleCode) are stable.
var (
	// ErrInvalidJSON: the document is not well-formed JSON; Detail gives
	// the byte offset.
	ErrInvalidJSON = fielderr.NewRule("invalid_json", "deploy: document is not valid JSON")
	// ErrSchema: the document does not conform to its JSON Schema; Detail
	// gives the schema's message.
	ErrSchema = fielderr.NewRule("schema_violation", "deploy: document does not conform to its JSON Schema")
	// ErrInvalidTime: a time is not an RFC 3339 instant with an offset.
	ErrInvalidTime = fielderr.NewRule("invalid_time", "deploy: time must be RFC 3339 with an offset, e.g. 2026-03-10T12:45:00+01:00")
	// ErrMissingTime: a deployment's start or a deadline is the zero time.
	ErrMissingTime = fielderr.NewRule("missing_time", "deploy: time is required")
	// ErrTimeOutOfRange: a time falls outside the years calendar.MinYear
	// to calendar.MaxYear (1990..2200) on the calendar's wall clock.
	ErrTimeOutOfRange = fielderr.NewRule("time_out_of_range", "deploy: time must fall in the years 1990..2200")
	// ErrInvalidDuration: a deployment's expected duration must be > 0.
	ErrInvalidDuration = fielderr.NewRule("invalid_duration", "deploy: expected duration must be a Go duration > 0, e.g. 25m or 4h")
	// ErrInvalidWindow: the midday window must satisfy
	// 00:00 <= start < end <= 24:00 on the wall clock.
	ErrInvalidWindow = fielderr.NewRule("invalid_window", "deploy: window must satisfy 00:00 <= start < end <= 24:00")
	// ErrInvalidLimit: ShortLimit, DeadlineMargin and Horizon must be >= 0
	// (0 means the contract's value), and Horizon at most MaxHorizon.
	ErrInvalidLimit = fielderr.NewRule("invalid_limit", "deploy: limits must be >= 0 and the search horizon at most 10 years")
	// ErrCalendar: the default business calendar could not be built.
	ErrCalendar = fielderr.NewRule("calendar", "deploy: cannot build the business calendar")
)
