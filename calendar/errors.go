package calendar

import "github.com/openmarches/marches/internal/fielderr"

// FieldError is a violation of one rule by one input field: Field names the
// input (JSON names: "territory", "hours", "closures[1].from"), Value is the
// value as given, and Err is one of the sentinels below, returned by Unwrap
// so that errors.Is works. Detail may add a position or context.
type FieldError = fielderr.Error

// Sentinels, one per rule. They are API: test them with errors.Is.
var (
	// ErrInvalidDate: a date is not a real calendar date in YYYY-MM-DD form
	// with a year in 1..9999.
	ErrInvalidDate = fielderr.NewRule("invalid_date", "calendar: date must be a real YYYY-MM-DD calendar date")
	// ErrUnknownTerritory: the territory is not a known INSEE code.
	ErrUnknownTerritory = fielderr.NewRule("unknown_territory", "calendar: unknown territory code (want an INSEE department or overseas code such as 75, 2A, 67, 971 or FR)")
	// ErrYearOutOfRange: holidays are only computed for the supported
	// years MinYear..MaxYear.
	ErrYearOutOfRange = fielderr.NewRule("year_out_of_range", "calendar: year outside the supported range 1990..2200")
	// ErrOutOfRange: an instant, or the result of an operation, falls
	// outside the supported years MinYear..MaxYear on the calendar's wall
	// clock.
	ErrOutOfRange = fielderr.NewRule("out_of_range", "calendar: instant outside the supported range 1990-01-01..2200-12-31")
	// ErrNegativeDuration: Add takes a working duration >= 0.
	ErrNegativeDuration = fielderr.NewRule("negative_duration", "calendar: working duration must be >= 0")
	// ErrNilLocation: a time.Time or Config carries a nil location where
	// one is needed.
	ErrNilLocation = fielderr.NewRule("nil_location", "calendar: location must not be nil")
	// ErrUnknownZone: the IANA time zone could not be loaded.
	ErrUnknownZone = fielderr.NewRule("unknown_zone", "calendar: unknown IANA time zone")
	// ErrNeverOpen: the schedule has no working time at or after the
	// instant within the supported range, so no opening or deadline exists.
	ErrNeverOpen = fielderr.NewRule("never_open", "calendar: no working time left in the supported range")
	// ErrNeverCloses: the schedule stays open until the end of the
	// supported range, so no closing instant exists.
	ErrNeverCloses = fielderr.NewRule("never_closes", "calendar: schedule stays open to the end of the supported range")
	// ErrInvalidSchedule: an opening_hours string or schedule JSON is
	// malformed; Detail gives the byte offset and fragment.
	ErrInvalidSchedule = fielderr.NewRule("invalid_schedule", "calendar: invalid opening hours")
	// ErrInvalidSpan: a working interval is empty, reversed, or outside
	// 00:00..48:00 (an end after 24:00 crosses midnight; a span lasts at
	// most 24 hours).
	ErrInvalidSpan = fielderr.NewRule("invalid_span", "calendar: working interval must satisfy 00:00 <= start < end <= start+24:00 and end <= 48:00")
	// ErrInvalidDateRange: a closure's end is before its start.
	ErrInvalidDateRange = fielderr.NewRule("invalid_date_range", "calendar: date range end must not be before its start")
	// ErrInvalidDayKind: an unknown kind of day count.
	ErrInvalidDayKind = fielderr.NewRule("invalid_day_kind", "calendar: day kind must be ouvres, ouvrables, calendaires or francs")
	// ErrDayCountOutOfRange: a day count would leave the supported years.
	ErrDayCountOutOfRange = fielderr.NewRule("day_count_out_of_range", "calendar: day count leaves the supported range 1990..2200")
)

// MinYear and MaxYear bound the years for which holidays are computed and
// business-time arithmetic is defined, on the calendar's wall clock.
const (
	MinYear = 1990
	MaxYear = 2200
)

func fieldErrorList(errs []*FieldError) error { return fielderr.Join(errs) }

// ErrNegativeDays: a count of working days must be >= 0.
var ErrNegativeDays = fielderr.NewRule("negative_days", "calendar: number of working days must be >= 0")
