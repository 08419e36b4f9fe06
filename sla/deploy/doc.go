// Package deploy applies the deployment windows of the
// maintenance-and-hosting contract to a planned production deployment.
//
// # The contract's rules
//
//   - A deployment expected to last under 30 minutes, and any patch after an
//     incident, happens between 12:00 and 14:00 (Paris time), and only if no
//     tender-submission deadline (date limite de remise des plis) falls
//     within the 3 hours after it starts: class [Midday].
//   - Every other deployment happens outside business hours: class
//     [OffHours].
//
// # Readings
//
// "Under 30 minutes" is strict: a 30-minute deployment is OffHours. A
// midday deployment must start at or after 12:00 and be expected to end by
// 14:00 on the same day; the window applies every day of the week,
// weekends and public holidays included, since the contract names no days
// (an incident patch at 20:00 on a holiday is therefore refused and
// proposed for 12:00 the next day). "Within the 3 hours after its start"
// includes both bounds: with a start at 12:45, deadlines from 12:45 to
// 15:45 inclusive conflict, 15:46 does not; earlier deadlines play no part.
// "Outside business hours" means no business time in [start, start +
// expected duration) on a [calendar.Calendar], by default the contract's
// support hours (Monday to Friday 09:00-19:00, public holidays off,
// Europe/Paris): a deployment may end exactly at 09:00.
//
// # Use
//
// [New] builds the [Rules] from a [Config] whose zero value is the
// contract's. [Rules.Check] returns a [Decision]: the class, every rule
// checked with its evidence (the day's window, the conflicting deadlines,
// the business time overlapped), whether the deployment is allowed, and the
// next allowed start at or after the planned one. The search jumps from
// window to window and past conflicting deadlines, or from closing to
// closing of the calendar ([calendar.Calendar.NextClose],
// [calendar.Calendar.NextOpen]); it stops at Config.Horizon (366 days by
// default). [ParseRequest] reads the JSON document described by
// [JSONSchema].
//
// # Errors
//
// Every error is a *[FieldError] naming the input field ("deployment.start",
// "deadlines[2].at"), the value given and a sentinel rule ([ErrMissingTime],
// [ErrInvalidDuration], [ErrSchema]...) for errors.Is; all violations are
// reported at once.
//
// # Concurrency
//
// Rules are immutable and safe for concurrent use. The package reads no
// clock and does no I/O except time.LoadLocation when the default calendar
// is built. Times in results are in the calendar's location.
package deploy
