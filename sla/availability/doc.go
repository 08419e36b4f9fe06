// Package availability measures the monthly availability of the services
// of a maintenance-and-hosting contract, exactly, and states what it costs
// the vendor.
//
// # Concepts
//
//   - An Outage is a span [Start, End) during which a service was down,
//     with a Cause: Unplanned (the vendor's fault) or an excluded cause —
//     Maintenance (planned maintenance), ForceMajeure (force majeure, cas
//     fortuit), ThirdParty, Client (the contracting authority).
//   - The contract's monthly rate is (NHT − NHI) / NHT × 100: NHT (nombre
//     d'heures total) is the period minus the excluded unavailability, NHI
//     (nombre d'heures d'indisponibilité) the unplanned unavailability.
//     Targets: TargetPlatform 99.9 %, TargetRemote 99.8 %, 24/7.
//   - Measure returns a Result: seconds (total, excluded by cause,
//     unavailable, raw downtime), the contractual and raw rates, the
//     target check, the error budget ((100 − target) % of NHT) and the
//     burn rate. MeasureDays gives the daily trend in one pass.
//   - NewStatement is the contractual monthly statement: the Result, the
//     month's events with what each counted for, and the penalty from the
//     contract's Penalty table (brackets, or a percentage of the fee per
//     step of shortfall, capped).
//   - Merge, Clip and SplitMonths are the interval operations the measure
//     uses, exported for reports.
//
// # Rules, exactly
//
// Durations are whole seconds: an outage's start is rounded down and its
// end rounded up (a second touched by an outage counts). Overlapping and
// adjacent outages are merged, and outages are split at the period's
// bounds (an outage spanning two months counts in each for its part). A
// second covered by an excluded cause and by an unplanned outage counts as
// excluded; between excluded causes, the first in Causes order takes it.
// With Config.Calendar, only the calendar's open time counts (availability
// over business hours).
//
// Months are calendar months in a location (Europe/Paris for the
// contract), measured in real elapsed seconds between the local midnights:
// March 2026 in Paris lasts 743 h and October 2026 745 h.
//
// Rates are decimal.Decimal percentages computed from the integer seconds
// with one exact division rounded half-up to PercentPlaces (4) decimals
// ("99.9123"). The target check, the budget and the penalty use the exact
// fraction, never the rounded figure: a month of 2 592 000 s with 2 593 s
// down shows "99.9000" but misses 99.9 % by one second (budget 2 592 s,
// remaining −1). The budget is rounded down to the second; penalty amounts
// are rounded half-up to the cent.
//
// # Speed
//
// Measure sorts the 2n interval ends once (an LSD radix sort on 16-bit
// digits, linear time) and sweeps them. Measured with go test -bench on the
// shared 2-core CI machine (AMD EPYC), 1 000 000 outages in one month
// (BenchmarkMeasure1M):
//
//	marches (radix + sweep)               ~0.10 s   15 allocs
//	comparison-sort merge per class       ~0.27 s
//	per-second bitmap of the month        ~2 to 8 s
//	per-minute bitmap                     ~0.06 s   (wrong: minute resolution)
//
// A realistic month (200 outages) takes about 50 µs, 130 µs over business
// hours.
//
// # Errors
//
// Every error is a *FieldError naming the input field ("outages[3].end"),
// the value and a sentinel rule (ErrInvalidCause, ErrEndNotAfterStart,
// ErrInvalidTarget...) for errors.Is; all violations are reported at once.
//
// # Concurrency
//
// Functions are pure: no clock, no I/O, no global state; inputs are never
// modified. The embedded JSON Schemas are compiled once, lazily, and are
// safe for concurrent use.
package availability
