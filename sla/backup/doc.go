// Package backup checks the backup clauses of the maintenance-and-hosting
// contract: a full backup every night between 02:00 and 04:00 Paris time,
// re-run the same day if it failed; copies kept on a rolling basis (daily
// J-1..J-6, weekly S-1..S-4, monthly M-1..M-4); and a complete copy less
// than 24 hours old at every instant.
//
// # Concepts
//
// A [Backup] is one run: the instant it started (the point in time its copy
// holds) and whether it produced a complete copy ([Complete]) or not
// ([Failed]). A [Policy], built once by [New] from a [Config] whose zero
// value is the contract's, answers four questions about a list of runs:
//
//   - [Policy.Retain]: at an instant, which runs the rolling policy keeps
//     (and in which slots: J-1, S-2, M-4...) and which it prunes (failed,
//     superseded, expired), and which slots are missing.
//   - [Policy.Freshness]: does a complete copy strictly less than 24 hours
//     old exist at an instant? A copy exactly 24 hours old does not count.
//   - [Policy.Uncovered]: the periods of a range during which it did not.
//   - [Policy.Nights]: for each date, was its window honoured: ok, retried
//     (failed in the window, complete re-run later that day), failed,
//     outside the window, missed, or still pending.
//
// # Which backup represents a day, a week, a month
//
// Periods are read on the policy's wall clock (Europe/Paris by default)
// from the date each run started. With T the date of the evaluation
// instant, J-k is the last complete backup taken on T−k+1 (J-1 is last
// night's, which holds the data of day T−1), S-k the last complete backup
// of the k-th ISO week (Monday to Sunday) before T's week, and M-k the last
// of the k-th calendar month before T's month. "Last" is the latest start;
// on a tie, the run listed last. The latest complete copy is always kept.
// Runs taken after the evaluation instant did not exist yet: they are set
// aside, neither kept nor pruned.
//
// # DST
//
// The window is wall-clock time. On the spring-forward night (last Sunday
// of March) 02:00-03:00 does not exist and the window lasts 1 hour, from
// 03:00 CEST; on the fall-back night (last Sunday of October) 02:00-03:00
// happens twice and the window lasts 3 hours, from the first 02:00 (CEST)
// to 04:00 CET. The 24-hour rule is real elapsed time.
//
// # Errors
//
// Every error is a *[FieldError] naming the input field ("backups[3].at"),
// the value given and a sentinel rule ([ErrInvalidStatus],
// [ErrMissingTime], [ErrInvalidTime], [ErrSchema]...) for errors.Is; all
// violations are reported at once. [ParseBackups] reads the JSON document
// described by [JSONSchema].
//
// # Concurrency
//
// A Policy is immutable and safe for concurrent use. The package reads no
// clock and does no I/O except time.LoadLocation when a Config names no
// Location. Results are in the policy's location.
package backup
