// Package conformance is the conformance kit of marches: published test
// vectors for every rule the SDK implements, and the checker that compares
// another system's answers with them. It is for vendors whose platform
// (Java, PHP, .NET...) must compute the same deadlines, revisions and
// availability figures, and for buyers who check a vendor's figures.
//
// # Vectors
//
// A [Vector] states, for one rule, inputs, the one right output and its
// basis (an article, a contract clause or a rule definition, with where to
// read it), with a description in French and English and a stable id
// ("calendar.days.francs.christmas-2026"). Vectors are grouped in families
// ([Family], one JSON file per family in vectors/, e.g.
// calendar-holidays.json), each documenting its operations: the input and
// output fields and their formats. Outputs use exact, language-neutral
// forms: dates YYYY-MM-DD, instants RFC 3339 with their offset, decimals
// as strings with a fixed number of places, integer seconds. The file
// format is described by a JSON Schema ([Schema],
// schema/vectors.schema.json) and versioned by [Format].
//
// Edge cases come first: DST nights, holidays on weekends, a period ending
// on 1 May, Alsace-Moselle and overseas territories, a value exactly at a
// threshold, series breaks in an index, overlapping outages.
//
// # Generated, and checked by hand
//
// The vectors are generated from the SDK: each family is a function in
// gen_<area>.go listing its cases (inputs, descriptions, basis) and
// computing outputs with the SDK ([Generate], [Compute]). "go generate
// ./conformance" writes vectors/; the test TestVectorsUpToDate fails on
// any difference between the files and what the SDK computes now, so the
// vectors cannot drift from the code silently. A sample of vectors is
// also computed by hand: their CheckedByHand field gives the arithmetic,
// and TestHandChecked asserts those values literally, independently of the
// SDK. The shipped vectors are embedded ([Shipped]).
//
// # Verifying answers
//
// Another implementation answers with its output for each vector id, as
// JSON ({"id": output}) or CSV (id,path,value), read by [ParseAnswers].
// [Verify] compares outputs leaf by leaf, as text (see [Leaves]), and
// returns a [Report]: per family passed, failed or skipped, per vector the
// differences ([Diff]). [Report.Text] renders it for people and
// [Report.JUnit] as JUnit XML for CI systems. [ExportJSON] and
// [ExportCSV] give the vectors in forms a non-Go test suite loads
// directly. The marches command line wraps all of it: marches verify and
// marches vectors export. [Make] builds a one-vector family from a buyer's
// own data (a month of outages), to check a vendor's statement the same way.
//
// # Errors and concurrency
//
// Errors are *[FieldError] values naming the field (a JSON path in a
// vectors file, a CSV line) with a sentinel rule for errors.Is
// (ErrInvalidJSON, ErrSchema, ErrInvalidCSV, ErrDuplicateID...). Families,
// sets, answers and reports are plain values, safe for concurrent reads;
// the package reads no clock, no environment and no files (only
// time.LoadLocation, for the zones the vectors name): [Load] takes an
// fs.FS, and the JSON Schema and the shipped vectors are embedded and
// parsed once.
package conformance
