package backup

import "github.com/openmarches/marches/internal/fielderr"

// FieldError is a violation of one rule by one input field: Field is a path
// in the input's JSON names ("backups[3].at", "config.daily"), Value the
// value as given, and Err one of the sentinels below, returned by Unwrap so
// that errors.Is works.
type FieldError = fielderr.Error

// Sentinels, one per rule. They are API: test them with errors.Is; their
// codes (fielderr.RuleCode) are stable.
var (
	// ErrInvalidJSON: the document is not well-formed JSON; Detail gives
	// the byte offset.
	ErrInvalidJSON = fielderr.NewRule("invalid_json", "backup: document is not valid JSON")
	// ErrSchema: the document does not conform to its JSON Schema; Detail
	// gives the schema's message.
	ErrSchema = fielderr.NewRule("schema_violation", "backup: document does not conform to its JSON Schema")
	// ErrInvalidTime: a time is not an RFC 3339 instant with an offset.
	ErrInvalidTime = fielderr.NewRule("invalid_time", "backup: time must be RFC 3339 with an offset, e.g. 2026-03-29T02:30:00+02:00")
	// ErrMissingTime: a backup or an evaluation instant is the zero time.
	ErrMissingTime = fielderr.NewRule("missing_time", "backup: time is required")
	// ErrTimeOutOfRange: a time falls outside the years calendar.MinYear
	// to calendar.MaxYear (1990..2200) on the policy's wall clock.
	ErrTimeOutOfRange = fielderr.NewRule("time_out_of_range", "backup: time must fall in the years 1990..2200")
	// ErrInvalidStatus: a backup's status is unset or unknown.
	ErrInvalidStatus = fielderr.NewRule("invalid_status", "backup: status must be complete or failed")
	// ErrInvalidCount: a retention count is negative or above MaxCount.
	ErrInvalidCount = fielderr.NewRule("invalid_count", "backup: retention count must be between 0 and 1000")
	// ErrInvalidWindow: the nightly window must satisfy
	// 00:00 <= start < end <= 24:00 on the wall clock.
	ErrInvalidWindow = fielderr.NewRule("invalid_window", "backup: window must satisfy 00:00 <= start < end <= 24:00")
	// ErrInvalidMaxAge: the freshness limit must be > 0.
	ErrInvalidMaxAge = fielderr.NewRule("invalid_max_age", "backup: maximum age must be > 0")
	// ErrUnknownZone: the default time zone (Europe/Paris) could not be
	// loaded; import time/tzdata in the program or set Config.Location.
	ErrUnknownZone = fielderr.NewRule("unknown_zone", "backup: unknown IANA time zone")
	// ErrInvalidDateRange: a range of nights or instants ends before it
	// starts, or a date is unset.
	ErrInvalidDateRange = fielderr.NewRule("invalid_date_range", "backup: range end must not be before its start")
	// ErrRangeTooLong: a range of nights covers more than MaxNights days.
	ErrRangeTooLong = fielderr.NewRule("range_too_long", "backup: a range of nights covers at most 36600 days")
)

// MaxCount bounds each retention count of a [Config].
const MaxCount = 1000

// MaxNights bounds the number of nights [Policy.Nights] reports at once
// (about a century).
const MaxNights = 36600
