// Package support measures the support line's KPIs from call records and
// sizes its staff with the Erlang C model.
//
// # Concepts
//
//   - A Call is offered (enters the queue) and then either answered by an
//     operator or abandoned by the caller.
//   - The contract's objectives (ContractObjectives): waiting time < 15 s
//     for 80 % of calls and < 30 s for 90 %; answer rate (answered /
//     offered) > 90 %. Pick-up "immediate" is not measurable from records.
//   - Evaluate returns the Stats of the month and of each local day:
//     offered, answered, abandoned, average and longest wait, and each
//     objective's count, share and OK/KO status.
//   - Staff answers the staffing question with Erlang C: the smallest
//     number of operators for which ServiceLevel % of the calls are
//     answered within AnswerWithin, given the calls per hour and the
//     average handling time. ErlangB, ErlangC and ServiceLevel expose the
//     model.
//
// # Definitions
//
// Every share has the offered calls as denominator: an abandoned call is
// never "answered within 15 s", however soon it was abandoned. Waits are
// compared strictly (a call answered after exactly 15 s is late). Shares
// are ratios of counts, compared exactly with the objective and displayed
// rounded half-up to PercentPlaces (2) decimals. Calls belong to the local
// day (Config.Location, Europe/Paris for the contract) in which they were
// offered.
//
// # Erlang C and float64
//
// The staffing model is the one place the package uses float64: its
// inputs are forecasts and its outputs probabilities of a queueing model
// and a whole number of agents, none of them money or a contract figure.
// The Erlang B recurrence keeps every intermediate in ]0, 1], so it is
// stable for any load (no factorials, no powers); the tests check it
// against exact rational arithmetic and against the published Call
// Centre Helper example (100 calls per 30 minutes, 3 min handling, 80 %
// within 20 s: 14 agents).
//
// # Errors
//
// Every error is a *FieldError naming the input field ("calls[2].answered_at",
// "calls_per_hour") and a sentinel for errors.Is; all violations are
// reported at once.
//
// # Concurrency
//
// Functions are pure: no clock, no I/O, no global state; inputs are never
// modified. The embedded JSON Schema is compiled once, lazily.
package support
