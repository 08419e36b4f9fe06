package pricing

import "github.com/openmarches/marches/internal/fielderr"

// FieldError is a violation of one rule by one input field: Field names the
// input with its JSON name ("initial", "fees[1]", "revision.formula",
// "values[12].month"), Value is the value as given, and Err is one of the
// sentinels below (or a *SyntaxError wrapping one), so that errors.Is and
// errors.As work. Detail may add a position or the context of the rule.
type FieldError = fielderr.Error

// Sentinels, one per rule. They are API: test them with errors.Is, never
// compare their text.
var (
	// ErrInvalidAmount: an amount is not a plain decimal number such as
	// "9290.70" or "-12" (no exponent, no grouping, no currency sign).
	ErrInvalidAmount = fielderr.NewRule("invalid_amount", "pricing: amount must be a plain decimal number such as 9290.70")
	// ErrInvalidFormattedAmount: a French or English formatted amount is
	// malformed; Detail gives the byte offset.
	ErrInvalidFormattedAmount = fielderr.NewRule("invalid_formatted_amount", "pricing: amount is not well formed for the language")
	// ErrUnknownCurrency: not an ISO 4217 currency code known to
	// golang.org/x/text/currency.
	ErrUnknownCurrency = fielderr.NewRule("unknown_currency", "pricing: unknown ISO 4217 currency code")
	// ErrCurrencyMismatch: two amounts combined in one operation have
	// different currencies.
	ErrCurrencyMismatch = fielderr.NewRule("currency_mismatch", "pricing: amounts must share one currency")
	// ErrNegativeAmount: the amount must be >= 0 (an initial price, a fee).
	ErrNegativeAmount = fielderr.NewRule("negative_amount", "pricing: amount must be >= 0")
	// ErrInvalidVATRate: a VAT rate is a percentage in 0..100 such as 20,
	// 10, 8.5 or 2.1.
	ErrInvalidVATRate = fielderr.NewRule("invalid_vat_rate", "pricing: VAT rate must be a percentage in 0..100")
	// ErrNotWholeMinorUnits: Allocate splits whole cents only; round the
	// total first.
	ErrNotWholeMinorUnits = fielderr.NewRule("not_whole_minor_units", "pricing: amount must be a whole number of minor units (cents)")
	// ErrInvalidWeights: allocation weights must be >= 0 with a sum > 0.
	ErrInvalidWeights = fielderr.NewRule("invalid_weights", "pricing: allocation weights must be >= 0 with a positive sum")
	// ErrInvalidRoundingMode: rounding mode must be half-up, half-even,
	// up or down.
	ErrInvalidRoundingMode = fielderr.NewRule("invalid_rounding_mode", "pricing: rounding mode must be half-up, half-even, up or down")
	// ErrInvalidLang: the language of a formatted amount or explanation
	// must be French or English.
	ErrInvalidLang = fielderr.NewRule("invalid_lang", "pricing: language must be fr or en")

	// ErrInvalidDate: a date is not a real YYYY-MM-DD date in years 1..9999.
	ErrInvalidDate = fielderr.NewRule("invalid_date", "pricing: date must be a real YYYY-MM-DD calendar date")
	// ErrInvalidMonth: a month is not YYYY-MM with a year in 1..9999.
	ErrInvalidMonth = fielderr.NewRule("invalid_month", "pricing: month must be YYYY-MM")
	// ErrNilLocation: converting a Date into an instant needs a location.
	ErrNilLocation = fielderr.NewRule("nil_location", "pricing: location must not be nil")

	// ErrInvalidSeries: an index series file (CSV or JSON) is malformed;
	// Detail gives the line or the JSON error.
	ErrInvalidSeries = fielderr.NewRule("invalid_series", "pricing: malformed index series")
	// ErrIndexNotPositive: index values (and base indices) must be > 0.
	ErrIndexNotPositive = fielderr.NewRule("index_not_positive", "pricing: index value must be > 0")
	// ErrDuplicateValue: two values of a series share month, base and
	// publication date.
	ErrDuplicateValue = fielderr.NewRule("duplicate_value", "pricing: two values for the same month, base and publication date")
	// ErrUnknownBase: a value names a base (a segment of the series, such as
	// "old" or "revised" for Syntec) that the series does not declare.
	ErrUnknownBase = fielderr.NewRule("unknown_base", "pricing: value names a base the series does not declare")
	// ErrInvalidLink: a link (coefficient de raccord) must join two
	// consecutive declared bases with a coefficient > 0.
	ErrInvalidLink = fielderr.NewRule("invalid_link", "pricing: link must join consecutive bases with a coefficient > 0")
	// ErrNoLink: two index values from different bases cannot be compared
	// without the link coefficients between them.
	ErrNoLink = fielderr.NewRule("no_link", "pricing: values from different bases need the link coefficients between them")
	// ErrInvalidStatus: a value status must be definitive or provisional.
	ErrInvalidStatus = fielderr.NewRule("invalid_status", "pricing: status must be definitive or provisional")
	// ErrInvalidLag: a publication lag is 0..24 months and day 0..31.
	ErrInvalidLag = fielderr.NewRule("invalid_lag", "pricing: publication lag must be 0..24 months and day 0..31 (0 = last day)")
	// ErrMissingMonth: the series has no value for the month. Never
	// replaced by a neighbouring month: load newer values instead.
	ErrMissingMonth = fielderr.NewRule("missing_month", "pricing: the series has no value for the month")
	// ErrNotYetPublished: the value of the month was not published yet at
	// the date asked.
	ErrNotYetPublished = fielderr.NewRule("not_yet_published", "pricing: the index value was not yet published at the date")
	// ErrProvisionalValue: the rule asks for a definitive value and the
	// series only has a provisional one.
	ErrProvisionalValue = fielderr.NewRule("provisional_value", "pricing: only a provisional value is available for the month")
	// ErrUnknownSeries: the series name is neither shipped nor given.
	ErrUnknownSeries = fielderr.NewRule("unknown_series", "pricing: unknown index series (shipped: syntec)")

	// ErrFormulaSyntax: a revision formula does not parse; the error is a
	// *SyntaxError with the byte offset.
	ErrFormulaSyntax = fielderr.NewRule("formula_syntax", "pricing: invalid revision formula")
	// ErrWeightsSum: the fixed part and the weights must sum to exactly 1.
	ErrWeightsSum = fielderr.NewRule("weights_sum", "pricing: fixed part and index weights must sum to 1")
	// ErrNegativeWeight: the fixed part must be >= 0 and every weight > 0.
	ErrNegativeWeight = fielderr.NewRule("negative_weight", "pricing: fixed part must be >= 0 and every index weight > 0")
	// ErrNoIndex: a revision formula uses at least one index.
	ErrNoIndex = fielderr.NewRule("no_index", "pricing: formula must use at least one index")
	// ErrDuplicateIndex: an index appears in two terms of one formula.
	ErrDuplicateIndex = fielderr.NewRule("duplicate_index", "pricing: an index may appear in one term only")
	// ErrInvalidIndexName: index names start with a letter and use
	// letters, digits, '_' and inner '-'.
	ErrInvalidIndexName = fielderr.NewRule("invalid_index_name", "pricing: index name must start with a letter and use letters, digits, _ or inner -")
	// ErrMissingIndex: no value was given for an index of the formula.
	ErrMissingIndex = fielderr.NewRule("missing_index", "pricing: no value given for an index of the formula")
	// ErrInvalidRounding: coefficient rounding is none, N (0..12 places,
	// half-up), half-even-N, up-N, down-N or up-thousandth.
	ErrInvalidRounding = fielderr.NewRule("invalid_rounding", "pricing: coefficient rounding must be none, N, half-even-N, up-N, down-N or up-thousandth (N in 0..12)")
	// ErrInvalidCoefficientBound: floor and cap of the clause butoir are
	// > 0 and floor <= cap.
	ErrInvalidCoefficientBound = fielderr.NewRule("invalid_coefficient_bound", "pricing: coefficient floor and cap must be > 0 with floor <= cap")
	// ErrInvalidPercent: tunnel and safeguard thresholds are percentages >= 0.
	ErrInvalidPercent = fielderr.NewRule("invalid_percent", "pricing: percentage must be >= 0")
	// ErrMonthOrder: the revision month must not precede the base month.
	ErrMonthOrder = fielderr.NewRule("month_order", "pricing: revision month must not be before the base month")
	// ErrInvalidMonthRule: a month rule is month, month-of or
	// last-published.
	ErrInvalidMonthRule = fielderr.NewRule("invalid_month_rule", "pricing: month rule must be month, month-of or last-published")

	// ErrInvalidContract: a contract does not match its JSON schema;
	// Detail gives the schema message.
	ErrInvalidContract = fielderr.NewRule("invalid_contract", "pricing: contract does not match its JSON schema")
	// ErrInvalidDuration: a contract lasts 1..600 months.
	ErrInvalidDuration = fielderr.NewRule("invalid_duration", "pricing: duration must be 1..600 months")
	// ErrFeesPerYear: one yearly fee is needed for each contract year.
	ErrFeesPerYear = fielderr.NewRule("fees_per_year", "pricing: one yearly fee is needed for each contract year")
	// ErrInvalidFrequency: billing frequency is yearly, half-yearly,
	// quarterly or monthly.
	ErrInvalidFrequency = fielderr.NewRule("invalid_frequency", "pricing: frequency must be yearly, half-yearly, quarterly or monthly")
	// ErrInvalidTerm: billing term is advance (terme à échoir) or arrears
	// (terme échu).
	ErrInvalidTerm = fielderr.NewRule("invalid_term", "pricing: term must be advance or arrears")
	// ErrInvalidAlignment: billing periods align on the contract start or
	// the calendar.
	ErrInvalidAlignment = fielderr.NewRule("invalid_alignment", "pricing: align must be start or calendar")
	// ErrInvalidNotice: the termination notice is 0..11 months.
	ErrInvalidNotice = fielderr.NewRule("invalid_notice", "pricing: notice must be 0..11 months")
	// ErrRequired: a required field is missing.
	ErrRequired = fielderr.NewRule("required", "pricing: value is required")
)

func joinErrors(errs []*FieldError) error { return fielderr.Join(errs) }
