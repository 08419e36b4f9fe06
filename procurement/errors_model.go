package procurement

import "github.com/openmarches/marches/internal/fielderr"

// Sentinels of the consultation model (ParseConsultation, Validate,
// Marshal and the JSON methods). Each names one rule; a violation is a
// *FieldError whose Field is the JSON path of the offending value
// ("lots[1].estimatedValue", array indexes counted from 0) and whose Value
// is the value as given. Validate also returns the sentinels of the
// identifier parsers (ErrSIRET..., ErrCPV..., ErrNUTS...), of the shared
// enumerations (ErrUnknownBuyerKind, ErrUnknownNature, ErrUnknownProcedure)
// and calendar.ErrInvalidDate and calendar.ErrUnknownTerritory, each
// re-addressed to its path. Sentinels are API: never renamed, never reused
// for another rule.
var (
	// ErrJSONSyntax: the document is not well-formed JSON (one value, no
	// trailing data); Detail gives the byte offset. The only error of
	// ParseConsultation that means "unreadable" rather than "invalid".
	ErrJSONSyntax = fielderr.NewRule("json_syntax", "procurement: document is not well-formed JSON")
	// ErrSchema: the document does not match the consultation JSON Schema
	// (schema/consultation.schema.json); Detail gives the schema
	// validator's description (wrong type, unknown property...).
	ErrSchema = fielderr.NewRule("schema", "procurement: document does not match the consultation JSON Schema")
	// ErrJSONDecode: the document cannot be decoded into the model: an
	// integer written with a fraction or an exponent ("1.0", "1e2") or out
	// of range, and, from UnmarshalJSON, which does not run the schema, a
	// wrong JSON type or an unknown property (ParseConsultation reports
	// those as ErrSchema).
	ErrJSONDecode = fielderr.NewRule("json_decode", "procurement: document does not fit the consultation model")

	// ErrFieldRequired: a required value is missing or empty.
	ErrFieldRequired = fielderr.NewRule("required", "procurement: value is required")
	// ErrInvalidAmount: an amount is not a plain decimal number such as
	// "250000.00" (digits, an optional leading minus and fraction; no
	// exponent, no spaces, no comma).
	ErrInvalidAmount = fielderr.NewRule("invalid_amount", "procurement: amount must be a decimal number such as 250000.00")
	// ErrAmountNotPositive: a required amount (estimated value of the
	// consultation or of a lot, award amount) is zero or negative.
	ErrAmountNotPositive = fielderr.NewRule("amount_not_positive", "procurement: amount must be > 0")
	// ErrAmountNegative: an optional amount (options, renewals, premiums) is
	// negative.
	ErrAmountNegative = fielderr.NewRule("amount_negative", "procurement: amount must be >= 0")
	// ErrAmountCents: an amount has more than 2 decimal places (euro cents).
	ErrAmountCents = fielderr.NewRule("amount_cents", "procurement: amount must have at most 2 decimal places (euro cents)")
	// ErrInvalidInstant: a deadline is not an RFC 3339 date and time with
	// an offset, such as "2026-06-15T12:00:00+02:00".
	ErrInvalidInstant = fielderr.NewRule("invalid_instant", "procurement: time must be RFC 3339 with an offset, e.g. 2026-06-15T12:00:00+02:00")

	// ErrPostalCode: a postal code is not 5 digits.
	ErrPostalCode = fielderr.NewRule("postal_code", "procurement: postal code must be 5 digits")
	// ErrNUTSNotFrench: the buyer's NUTS code is not a French one (FR...).
	ErrNUTSNotFrench = fielderr.NewRule("nuts_not_french", "procurement: buyer NUTS code must be French (FR...)")
	// ErrCPVDuplicate: an additional CPV code repeats the main code or
	// another additional code.
	ErrCPVDuplicate = fielderr.NewRule("cpv_duplicate", "procurement: CPV code is listed twice")

	// ErrDurationNotPositive: the duration in months is zero or negative.
	ErrDurationNotPositive = fielderr.NewRule("duration_not_positive", "procurement: duration in months must be > 0")
	// ErrRenewalCount: the number of renewals is negative.
	ErrRenewalCount = fielderr.NewRule("renewal_count", "procurement: number of renewals must be >= 0")
	// ErrRenewalMonths: renewals have no positive length in months, or a
	// length is given for zero renewals.
	ErrRenewalMonths = fielderr.NewRule("renewal_months", "procurement: renewal length in months must be > 0 when there are renewals, and 0 when there are none")
	// ErrRenewalsValue: renewals are provided for but not valued, or valued
	// while none is provided for (the value of renewals counts in the
	// estimated value, R2121-1).
	ErrRenewalsValue = fielderr.NewRule("renewals_value", "procurement: renewals value must be > 0 exactly when renewals are provided for")

	// ErrLotNumber: a lot number is not >= 1.
	ErrLotNumber = fielderr.NewRule("lot_number", "procurement: lot number must be >= 1")
	// ErrLotNumberDuplicate: two lots have the same number.
	ErrLotNumberDuplicate = fielderr.NewRule("lot_number_duplicate", "procurement: lot number is used twice")
	// ErrLotsValueMismatch: a value of the consultation (estimated,
	// options, renewals) differs from the sum of the same value over its
	// lots.
	ErrLotsValueMismatch = fielderr.NewRule("lots_value_mismatch", "procurement: consultation value must equal the sum of its lots' values")

	// ErrUnknownCriterionKind: an award criterion kind is not price, cost or
	// quality.
	ErrUnknownCriterionKind = fielderr.NewRule("unknown_criterion_kind", "procurement: unknown award criterion kind (want price, cost or quality)")
	// ErrCriteriaMissing: neither the consultation nor the lot has award
	// criteria.
	ErrCriteriaMissing = fielderr.NewRule("criteria_missing", "procurement: award criteria are required for the consultation or for each lot")
	// ErrCriterionWeight: a criterion weight is not between 1 and 100.
	ErrCriterionWeight = fielderr.NewRule("criterion_weight", "procurement: criterion weight must be between 1 and 100")
	// ErrCriteriaWeightSum: the weights of a list of criteria do not sum to
	// 100.
	ErrCriteriaWeightSum = fielderr.NewRule("criteria_weight_sum", "procurement: award criteria weights must sum to 100")
	// ErrCriteriaNoPrice: a list of criteria has no price or cost criterion
	// (R2152-7).
	ErrCriteriaNoPrice = fielderr.NewRule("criteria_no_price", "procurement: award criteria must include a price or cost criterion (R2152-7)")

	// ErrApplicationsNotAfterDispatch: the deadline for applications is not
	// on a day after the dispatch of the notice.
	ErrApplicationsNotAfterDispatch = fielderr.NewRule("applications_not_after_dispatch", "procurement: deadline for applications must fall after the notice dispatch date")
	// ErrTendersNotAfterDispatch: the deadline for tenders is not on a day
	// after the dispatch of the notice.
	ErrTendersNotAfterDispatch = fielderr.NewRule("tenders_not_after_dispatch", "procurement: deadline for tenders must fall after the notice dispatch date")
	// ErrTendersBeforeApplications: the deadline for tenders is before the
	// deadline for applications.
	ErrTendersBeforeApplications = fielderr.NewRule("tenders_before_applications", "procurement: deadline for tenders must not be before the deadline for applications")
	// ErrTenderValidity: the tender validity period is negative or zero
	// when given.
	ErrTenderValidity = fielderr.NewRule("tender_validity", "procurement: tender validity in days must be > 0")

	// ErrTendererIDDuplicate: two tenderers have the same id.
	ErrTendererIDDuplicate = fielderr.NewRule("tenderer_id_duplicate", "procurement: tenderer id is used twice")
	// ErrAwardUnknownLot: an award names a lot that is not in the
	// consultation, or a lot although the consultation has none.
	ErrAwardUnknownLot = fielderr.NewRule("award_unknown_lot", "procurement: award lot is not a lot of the consultation")
	// ErrAwardUnknownTenderer: an award names a tenderer id that is not in
	// the tenderers.
	ErrAwardUnknownTenderer = fielderr.NewRule("award_unknown_tenderer", "procurement: award tenderer is not one of the tenderers")
	// ErrAwardBeforeTenders: an award is dated before the deadline for
	// tenders.
	ErrAwardBeforeTenders = fielderr.NewRule("award_before_tenders", "procurement: award date must not be before the deadline for tenders")
)
