// Package procurement is the domain model of French public procurement and
// its rules: who buys what, how (procedure and publicity), by when (legal
// time limits), and the identifiers that tie it to the rest of the State's
// systems. Other packages build on it: clauses writes the tender documents
// of a Consultation, procurement/eforms writes its EU notices.
//
// # The model
//
// A [Consultation] is one call for competition: its [Buyer] (name, SIRET,
// [BuyerKind], address with NUTS code, calendar territory), nature
// ([Works], [Supplies], [Services]), main and additional CPV codes,
// [Procedure] (codes are the French terms of art: "ouvert", "adapte"...),
// [Lot]s, award criteria, duration and renewals, dates, tenderers and
// awards. Amounts are euros excluding VAT (HT) as decimal.Decimal, exact to
// the cent, written in JSON as strings ("250000.00"). The structs have
// exported fields, like encoding/json users expect; the zero value of a
// field means "not given".
//
// [ParseConsultation] reads JSON in three steps and reports every problem
// at once, each with its JSON path and rule: the JSON Schema shipped in the
// package ([ConsultationSchema]), strict decoding, then
// [Consultation.Validate]. [Marshal] writes deterministic JSON.
// [Consultation.TotalValue] is the value the thresholds are compared with:
// all lots, options, renewals and premiums (CCP R2121-1).
//
// # Identifiers
//
// [ParseSIREN], [ParseSIRET] (Luhn; La Poste's SIRETs by digit sum),
// [ParseCPV] (CPV 2008 check digits, including the subtrees the 2008
// revision published with shifted check digits), [ParseNUTS] (French codes
// checked against NUTS 2024), [ParseACTES] and [NewACTES] (contrôle de
// légalité act identifiers such as 074-200011773-20260421-D_2026_0083-AU),
// [ParseVAT] and [VATFromSIREN]. Each is a small comparable value with a
// canonical String, and parsing allocates nothing on canonical input.
//
// # Rules
//
// A [Rulebook] holds versioned tables with dates of effect: thresholds
// ([DefaultThresholds], data version [ThresholdDataVersion]) and time
// limits ([DefaultTimeLimits]); a user may inject newer tables (a 2028
// threshold update is a data change, not a code change). Lookups take the
// consultation's launch date; a date no row covers is an error, never a
// fallback to the latest row.
//
//   - [Rulebook.Rules]: the regime, the procedures allowed and the
//     publicity required (none, free form, BOAMP or a JAL, BOAMP + OJEU),
//     each with its reason and article; a value equal to a threshold reaches
//     it (CCP L2124-1).
//   - [Rulebook.TimeLimit]: the minimum time for receipt of applications and
//     tenders with the reductions (prior information notice, electronic
//     submission, urgency), counted with Regulation 1182/71 for OJEU
//     procedures (the day of the event not counted; extended past
//     Saturdays, Sundays and holidays; a period of two days or more
//     includes two working days) or with the Code de procédure civile
//     (art. 641-642).
//   - [Rulebook.Standstill] (11 days, 16 when the rejection notices were
//     not sent electronically, and the exceptions), [Rulebook.Remedies],
//     [Rulebook.AdditionalInformation], [Rulebook.AwardNoticeDeadline],
//     [PaymentTimeLimit] (30, 50 or 60 days by buyer kind) and
//     [ComputeLateInterest] (the ECB rate, an input, + 8 points, and the
//     40 € flat compensation).
//
// Every answer carries its legal basis; an article number that could not
// be confirmed against the text is flagged Unconfirmed in the output rather
// than asserted. Dates use the calendar package and the buyer's territory.
//
// # Errors and concurrency
//
// Errors are *[FieldError] values naming the JSON path, the value and a
// sentinel rule for errors.Is (errors.go, errors_ids.go, errors_model.go,
// errors_rules.go); validations report all problems at once, sorted by path.
// Values and tables are immutable once built and safe for concurrent use;
// the package does no I/O and reads no clock.
package procurement
