// Package qos judges response-time objectives from synthetic probes, and
// builds the contract's "Disponibilité et QoS" table.
//
// # Concepts
//
//   - A Probe is one scripted measurement of a check ("home", "submission",
//     "auth", "search", "advanced"): when, how long, success.
//   - An Objective is the commitment for a check, as Thresholds: "home page
//     < 2 s for 80 % of probes, < 5 s for 100 %". ContractObjectives gives
//     the contract's five.
//   - Evaluate returns, per objective, the Stats of the whole period and of
//     each local day: probe and failure counts, the share under each
//     threshold with its OK/KO status, and the p50/p90/p95/p99 response
//     times.
//   - NewTable joins availability results (package availability) and a QoS
//     report into the monthly table: objective %, measured %, status.
//
// # Definitions
//
// A probe counts under a threshold when it succeeded in strictly less than
// the limit; a failed probe never counts, whatever its duration. Shares
// are ratios of counts: the status compares them exactly (within × 100 >=
// percent × probes) and the displayed share is rounded half-up to
// PercentPlaces (2) decimals.
//
// Percentiles use the nearest-rank definition: sort the N probes by
// duration with the failed ones last (as if infinitely slow); the P-th
// percentile is the probe of rank ceil(P × N / 100) (1-based). It is always
// an observed duration; when that rank is a failed probe the percentile is
// reported as failed (JSON null). Example: for 10 probes of 100..1000 ms,
// p50 is the 5th (500 ms), p90 the 9th (900 ms), p95 and p99 the 10th.
//
// Days and months are local to the Location of the Config
// (Europe/Paris for the contract): a day runs from local midnight to local
// midnight (23 or 25 hours on DST days). Probes outside the evaluated
// period are ignored; probes for a check without objective are counted as
// ignored.
//
// # Errors
//
// Every error is a *FieldError naming the input field ("probes[3].at",
// "objectives[0].thresholds[1].percent") and a sentinel for errors.Is;
// all violations are reported at once.
//
// # Concurrency
//
// Functions are pure: no clock, no I/O, no global state; inputs are never
// modified. The embedded JSON Schema is compiled once, lazily.
package qos
