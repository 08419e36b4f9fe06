package procurement

import "github.com/openmarches/marches/internal/fielderr"

// Sentinels of the rules area (thresholds.go, procedures.go, timelimits.go,
// standstill.go, payment.go). Each names one rule; functions return them
// wrapped in a *FieldError whose Field is the input's JSON name
// ("estimatedValue", "lots[2].value", "thresholds[4].from") and whose Value
// is the value as given. Sentinels are API: never renamed, never reused for
// another rule.
var (
	// ErrTableJSON: a rules table is not the expected JSON object.
	ErrTableJSON = fielderr.NewRule("table_json", "procurement: rules table must be a JSON object with a version and its rows")
	// ErrTableVersion: a rules table has no version.
	ErrTableVersion = fielderr.NewRule("table_version", "procurement: rules table needs a non-empty version")
	// ErrTableEmpty: a rules table has no rows.
	ErrTableEmpty = fielderr.NewRule("table_empty", "procurement: rules table needs at least one row")
	// ErrRowFrom: a table row has no first day of effect.
	ErrRowFrom = fielderr.NewRule("row_from", "procurement: table row needs a first day of effect (from)")
	// ErrRowRange: a table row ends before it starts.
	ErrRowRange = fielderr.NewRule("row_range", "procurement: table row must not end (to) before it starts (from)")
	// ErrRowOverlap: two rows for the same key are in force on a same day.
	ErrRowOverlap = fielderr.NewRule("row_overlap", "procurement: two table rows for the same key are in force on the same day")
	// ErrRowBasis: a table row does not name its legal basis.
	ErrRowBasis = fielderr.NewRule("row_basis", "procurement: table row must name its legal basis")

	// ErrUnknownThresholdKind: the threshold kind code is not one of ThresholdKind's.
	ErrUnknownThresholdKind = fielderr.NewRule("unknown_threshold_kind", "procurement: unknown threshold kind")
	// ErrThresholdAmount: a threshold amount is not a decimal > 0.
	ErrThresholdAmount = fielderr.NewRule("threshold_amount", "procurement: threshold amount must be a decimal number of euros > 0")
	// ErrNoThreshold: no row of the threshold table is in force on the date.
	ErrNoThreshold = fielderr.NewRule("no_threshold", "procurement: no threshold of that kind is in force on that date in the table")

	// ErrUnknownStep: the step is not applications or tenders.
	ErrUnknownStep = fielderr.NewRule("unknown_step", "procurement: unknown step (want applications or tenders)")
	// ErrUnknownLimitCase: the time-limit case is not one of LimitCase's.
	ErrUnknownLimitCase = fielderr.NewRule("unknown_limit_case", "procurement: unknown time-limit case (want base, pin, electronic, urgency or no_agreement)")
	// ErrUnknownLimitScope: the time-limit scope is not one of LimitScope's.
	ErrUnknownLimitScope = fielderr.NewRule("unknown_limit_scope", "procurement: unknown time-limit scope (want all, contracting_authorities, sub_central or utilities)")
	// ErrLimitDays: a minimum time limit is not a number of days >= 1.
	ErrLimitDays = fielderr.NewRule("limit_days", "procurement: minimum time limit must be >= 1 day")
	// ErrNoTimeLimit: no minimum time limit in the table for the
	// procedure, step and buyer on the dispatch date.
	ErrNoTimeLimit = fielderr.NewRule("no_time_limit", "procurement: no minimum time limit in the table for that procedure, step and buyer on that date")
	// ErrUnknownCounting: the counting convention is not eu or fr.
	ErrUnknownCounting = fielderr.NewRule("unknown_counting", "procurement: unknown counting convention (want eu or fr)")
	// ErrPeriodDays: a period in days is negative.
	ErrPeriodDays = fielderr.NewRule("period_days", "procurement: a period must be >= 0 days")

	// ErrDateRequired: a date the rule needs is missing.
	ErrDateRequired = fielderr.NewRule("date_required", "procurement: date is required")
	// ErrDateOrder: a date is before the date it must follow.
	ErrDateOrder = fielderr.NewRule("date_order", "procurement: date must not be before the date it follows")
	// ErrEstimatedValue: the estimated value is missing or negative.
	ErrEstimatedValue = fielderr.NewRule("estimated_value", "procurement: estimated value must be a decimal number of euros excluding VAT, >= 0")
	// ErrLotValue: a lot's estimated value is missing or negative.
	ErrLotValue = fielderr.NewRule("lot_value", "procurement: lot value must be a decimal number of euros excluding VAT, >= 0")
	// ErrLotsExceedValue: the lots add up to more than the operation's
	// estimated value, which includes every lot.
	ErrLotsExceedValue = fielderr.NewRule("lots_exceed_value", "procurement: the lots add up to more than the estimated value of the operation")
	// ErrRulesCalendar: a nil calendar was given where one is needed.
	ErrRulesCalendar = fielderr.NewRule("rules_calendar", "procurement: a calendar is required")

	// ErrUnknownStandstillException: the standstill exception is not one
	// of StandstillException's.
	ErrUnknownStandstillException = fielderr.NewRule("unknown_standstill_exception", "procurement: unknown standstill exception (want sole_tenderer, framework_call_off or dps_specific)")

	// ErrPrincipal: the principal of late-payment interest is not > 0.
	ErrPrincipal = fielderr.NewRule("principal", "procurement: principal must be a decimal number of euros > 0")
	// ErrECBRate: the ECB rate is missing or not a decimal percentage.
	ErrECBRate = fielderr.NewRule("ecb_rate", "procurement: ECB main refinancing rate must be a decimal percentage, e.g. 2.15")
)
