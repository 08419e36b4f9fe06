// Package pricing computes the money of French public contracts exactly:
// amounts and VAT, index-based price revision (Syntec and others) with an
// explanation both parties can check, and the invoice schedule of a
// contract. It uses decimal.Decimal (shopspring/decimal), never binary floating point.
//
// # Concepts
//
//   - [Amount] is a decimal sum of money in a [Currency] (EUR by default).
//     Nothing rounds unless its name says so: [Amount.Round] rounds to the
//     minor unit with an explicit [RoundingMode] (half-up, "au plus
//     proche", by default; half-even, up, down on request). [FromHT] and
//     [FromTTC] split an amount into HT (hors taxes), TVA (VAT) and TTC
//     (toutes taxes comprises) at any rate (20, 10, 8.5, 2.1 %).
//     [Allocate] splits a total into parts that sum exactly (largest
//     remainder, ties to the earlier part). [Amount.Format] writes
//     "9 290,70 €" (U+202F between thousands, U+00A0 before €, CLDR "fr")
//     or "€9,290.70"; [ParseAmount] reads them back.
//   - A [Series] holds the monthly values of an index: several bases
//     (segments) joined by [Link]s, the coefficient de raccord of a series
//     break; provisional and definitive values and their publication
//     dates, several vintages of a month. [Series.Value] looks a month up,
//     [Series.LatestAsOf] finds the last value published on a date (the
//     "dernier indice connu" of clauses) from the recorded publication
//     dates or the series' [PublicationLag]. A month the series lacks is
//     ErrMissingMonth: never replaced by a neighbour, never extrapolated.
//   - [Syntec] is the shipped snapshot of the Syntec index (data/syntec.csv,
//     version [SyntecVersion], retrieved [SyntecRetrieved]): the old series
//     to December 2021 and the revised series from August 2022, joined by
//     [SyntecLink], revised = old × 0.97975 (= 280.6 / 286.4). An S0 of the
//     old series is multiplied by 0.97975 to be compared with a revised S.
//     Load newer values with [ParseSeriesCSV] ([SyntecConfig]) or
//     [ParseSeriesJSON].
//   - A [Formula] is P = P0 × (a + Σ bᵢ × Iᵢ/Iᵢ₀) with a + Σ bᵢ = 1,
//     built with [NewFormula] or parsed from the text of a CCAP with
//     [ParseFormula] ("P = P0 x (0,15 + 0,85 x S/S0)", ×, decimal
//     commas, S0/Sn/S(0), ICHT-IME, nested weights), syntax errors carrying
//     their byte offset ([SyntaxError]).
//   - [Revise] applies a formula under a [RevisionConfig]: coefficient
//     rounding (none by default, N decimals, "millième supérieur"), clause
//     butoir (floor, cap), tunnel, no downward revision, clause de
//     sauvegarde (flag only). The [Revision] keeps every step;
//     [Revision.Explain] prints them in French or English. A [MonthRule]
//     chooses the base month (mois zéro) and the revision month: a fixed
//     month, month M−n of a date, or the last value published on a date.
//   - [Plan] turns a [Contract] (start, duration, yearly fees, frequency,
//     advance or arrears, VAT, notice, revision clause) into a [Schedule]:
//     contract years with their revision, anniversaries with the last day
//     to give notice, invoices with HT/TVA/TTC, pro-rata of a short last
//     year ([ProrataRule]), totals. [ParseContract] reads the JSON form
//     (schema/contract.schema.json, [ContractSchema]).
//   - [CheckInvoice] recomputes a supplier's invoice and names the likely
//     cause of each difference: wrong index month, missing or inverted
//     link coefficient, missing fixed part, other rounding.
//
// # Rounding
//
// Every rounding is explicit and documented where it happens:
//
//   - money to the minor unit: half-up (away from zero) by default;
//   - VAT: HT rounded, then TVA = round(HT × rate / 100), TTC = HT + TVA;
//   - revision: with no coefficient rounding (the default) the price is
//     P0 × the exact fraction, rounded once to the cent; with a rule, the
//     coefficient is rounded first, then P0 × C is rounded to the cent;
//     RawCoefficient is shown to 10 decimals for display only;
//   - schedules: each year's billed amount is rounded once, then split
//     with Allocate.
//
// # Dates
//
// [Date] is a civil date and [Month] a calendar month, both without time
// zone: contracts and indices are written in dates and months. [Date.In]
// turns a date into an instant in an explicit location. Months are added
// "de quantième à quantième", clamped to the end of short months.
//
// # Speed
//
// Exactness costs little at invoice scale. Measured with go test -bench
// (AMD EPYC, 2 shared cores, bench_test.go): a revision with the exact
// ratio ~1.5 µs (binary floating point: ~0.12 µs but it gets cents wrong, see
// TestNaiveFloatIsWrong; big.Float: ~1.3 µs), across the Syntec series
// break ~3.3 µs, its French explanation ~4.4 µs; parsing "P = P0 x (0,15
// + 0,85 x S/S0)" ~3.4 µs; formatting "9 290,70 €" ~0.24 µs; a
// Series.Value lookup ~60 ns and LatestAsOf ~260 ns without allocating;
// the two-year schedule of the running example ~12 µs.
//
// # Errors
//
// Every error is a *[FieldError] naming the input field (JSON names,
// "fees[1]", "revision.base"), the value given and a sentinel rule
// (ErrMissingMonth, ErrWeightsSum, ErrFormulaSyntax...) for errors.Is;
// validation reports all violations at once, sorted by field.
//
// # Concurrency
//
// Amounts, formulas, series, revisions and schedules are immutable values
// safe for concurrent use. The package reads no clock, files or
// environment; the Syntec snapshot is embedded and parsed once; JSON
// Schemas are embedded and compiled once.
package pricing
