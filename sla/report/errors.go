package report

import "github.com/openmarches/marches/internal/fielderr"

// FieldError is a violation of one rule by one input field: Field is a path
// in the input's names ("availability[1].label", "qos.probes[3].at" in a
// report document), Value the value as given, and Err one of the sentinels
// below, or a sentinel of the package that read the part (availability,
// qos, support, backup), returned by Unwrap so that errors.Is works.
type FieldError = fielderr.Error

// Sentinels, one per rule. They are API: test them with errors.Is; their
// codes (fielderr.RuleCode) are stable.
var (
	// ErrInvalidJSON: the document is not well-formed JSON; Detail gives
	// the byte offset.
	ErrInvalidJSON = fielderr.NewRule("invalid_json", "report: document is not valid JSON")
	// ErrSchema: the document does not conform to its JSON Schema; Detail
	// gives the schema's message.
	ErrSchema = fielderr.NewRule("schema_violation", "report: document does not conform to its JSON Schema")
	// ErrInvalidKind: the report kind is unset or unknown.
	ErrInvalidKind = fielderr.NewRule("invalid_kind", "report: kind must be monthly or daily")
	// ErrInvalidPeriod: the period is empty or reversed, the month of a
	// document is not YYYY-MM in 1990..2200, or no location was given.
	ErrInvalidPeriod = fielderr.NewRule("invalid_period", "report: period must be a non-empty span [start, end)")
	// ErrDayOutsideMonth: a daily report's day is not in the document's
	// month.
	ErrDayOutsideMonth = fielderr.NewRule("day_outside_month", "report: day must be a day of the month")
	// ErrInvalidText: a title or label is more than 200 characters, not
	// UTF-8, or holds control characters.
	ErrInvalidText = fielderr.NewRule("invalid_text", "report: text must be at most 200 characters of UTF-8 without control characters")
	// ErrTrendMismatch: the daily availability series do not match the
	// availability lines one for one, or a series has more days than
	// MaxTrendDays.
	ErrTrendMismatch = fielderr.NewRule("trend_mismatch", "report: one daily series per availability line, at most 400 days each")
	// ErrInvalidTime: a time is not an RFC 3339 instant with an offset.
	ErrInvalidTime = fielderr.NewRule("invalid_time", "report: time must be RFC 3339 with an offset, e.g. 2026-04-01T08:00:00+02:00")
	// ErrInvalidDate: a day is not a real YYYY-MM-DD date.
	ErrInvalidDate = fielderr.NewRule("invalid_date", "report: day must be a real YYYY-MM-DD date")
	// ErrInvalidTarget: a service's target is not a percentage in ]0, 100].
	ErrInvalidTarget = fielderr.NewRule("invalid_target", "report: target must be a percentage > 0 and <= 100, e.g. 99.9")
	// ErrDuplicateService: two services of a report document share a key.
	ErrDuplicateService = fielderr.NewRule("duplicate_service", "report: service is listed twice")
	// ErrInvalidFormat: an output format other than md or html.
	ErrInvalidFormat = fielderr.NewRule("invalid_format", "report: format must be md or html")
)

// MaxTrendDays bounds the days of a trend series.
const MaxTrendDays = 400
