// Package priority qualifies incidents as a maintenance contract does: the
// criticality of the affected function crossed with the impact of the
// incident gives its priority (P1 to P4 in the default contract).
//
// # Concepts
//
//   - A [Matrix] has three ordered axes of named [Level] values:
//     criticality (criticité, how essential the affected function is),
//     impact (how many users or objects are affected and how badly) and
//     priority. Each axis lists its levels most severe (or most urgent)
//     first; [Level.Rank] is the 1-based position, so rank 1 is "haute",
//     "fort", "P1". Any N × M matrix is allowed, up to [MaxLevels] per axis.
//   - [New] checks that the matrix is complete (a priority in every cell)
//     and monotone: raising the criticality or the impact never lowers the
//     priority. Every violation is reported at once, with the cell's
//     coordinates ("cells.haute.fort").
//   - [Default] is the contract's matrix, also the zero Matrix (below),
//     with codes "haute", "moyenne", "faible"; "fort", "moyen", "reduit"
//     (no accent); "P1".."P4". Codes are exact: case and accents matter.
//   - A [Classifier] turns a catalogue of functions ([Function]: name →
//     criticality code) and a [Scope] (who is affected and how badly,
//     which objects are affected) into a [Qualification]: the levels, the
//     priority, the contract clause ([ImpactRule]) that set the impact, and a
//     [Qualification.Reason] in French or English. The contract's impact
//     clauses: Fort — a whole class of users, or a critical user such as a
//     business administrator, fully blocked, or all files; Moyen — a group
//     seriously disrupted, a standard user fully blocked, or an important
//     subcategory of files; Réduit — a minor inconvenience with a
//     workaround, one consultation or a few contracts. One user seriously
//     disrupted but not blocked is named by no clause; it is classified
//     Réduit ([RuleSingleUserDisrupted]) and the reason says so.
//
// The default matrix, as [Matrix.Markdown] renders it in French:
//
//	| Impact \ Criticité | Haute | Moyenne | Faible |
//	| --- | --- | --- | --- |
//	| Fort | P1 | P2 | P3 |
//	| Moyen | P2 | P3 | P4 |
//	| Réduit | P3 | P4 | P4 |
//
// # JSON and rendering
//
// [ParseJSON] reads a matrix document validated by an embedded JSON Schema
// ([JSONSchema], schema/matrix.schema.json, draft-07) and then by the rules
// of New; [Matrix.MarshalJSON] writes it back in matrix order, byte-stable.
// Each level may carry labels {"code": "haute", "fr": "Haute", "en":
// "High"}; [Matrix.Markdown] renders the table with them, and
// [Qualification.Reason] uses them. French is chosen when the language
// tag's base is French, English otherwise; the fixed texts come from a
// private golang.org/x/text catalog, never the global one.
//
// # Errors
//
// Every error is a *[FieldError] (or a sorted list of them) naming the
// input field in the JSON's terms ("criticality", "impact",
// "criticality[1].code", "cells.haute.fort", "functions[2].name"), the
// value given, and a rule sentinel for errors.Is: ErrUnknownLevel,
// ErrMissingCell, ErrNotMonotone, ErrSchema, ErrUnknownFunction...
//
// # Speed
//
// [Matrix.Priority] does not allocate: codes are found by scanning a short
// slice (axes of up to 8 levels) or through a map built once, and the cell
// is an array index. Measured with go test -bench on an AMD EPYC (2 cores,
// shared), beside a map[string]map[string]string holding the same cells:
//
//	                   marches      nested maps
//	Priority, 3 × 3     ~9 ns         ~18 ns
//	Priority, 12 × 12   ~23 ns        ~24 ns
//
// both at 0 allocs/op (TestPriorityDoesNotAllocate locks the claim; the
// machine was shared, so figures varied by about ±30 %). On 12 × 12 both do
// two hash lookups; below 9 levels a scan of the codes is about twice as
// fast as a map. [Classifier.Classify] takes ~60 ns without allocating for
// a function named as in the catalogue, ~5 µs when the name must first be
// normalized (case, accents, spaces). ParseJSON costs ~75-120 µs for the
// default matrix, mostly in the schema validator: load a matrix once and
// share it.
//
// # Concurrency
//
// Matrices and classifiers are immutable values, safe for concurrent use.
// The package does no I/O, reads no clock and has no mutable global state.
package priority
