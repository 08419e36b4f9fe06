package procurement

import "github.com/openmarches/marches/internal/fielderr"

// Sentinels of the identifier parsers (ids.go, siren.go, cpv.go, nuts.go,
// actes.go, vat.go). Each names one rule; a parser returns them wrapped in a
// *FieldError whose Field is the identifier kind ("siren", "siret", "cpv",
// "nuts", "vat", "actes" or "actes.<part>") and whose Value is the input as
// given. Sentinels are API: never renamed, never reused for another rule.
var (
	// ErrSIRENEmpty: the SIREN is empty.
	ErrSIRENEmpty = fielderr.NewRule("siren_empty", "procurement: SIREN is required")
	// ErrSIRENDigits: the SIREN holds a character other than a digit or a separator space.
	ErrSIRENDigits = fielderr.NewRule("siren_digits", "procurement: SIREN must contain only digits")
	// ErrSIRENLength: the SIREN does not have exactly 9 digits.
	ErrSIRENLength = fielderr.NewRule("siren_length", "procurement: SIREN must have 9 digits")
	// ErrSIRENChecksum: the SIREN fails the Luhn check.
	ErrSIRENChecksum = fielderr.NewRule("siren_checksum", "procurement: SIREN fails the Luhn check")

	// ErrSIRETEmpty: the SIRET is empty.
	ErrSIRETEmpty = fielderr.NewRule("siret_empty", "procurement: SIRET is required")
	// ErrSIRETDigits: the SIRET holds a character other than a digit or a separator space.
	ErrSIRETDigits = fielderr.NewRule("siret_digits", "procurement: SIRET must contain only digits")
	// ErrSIRETLength: the SIRET does not have exactly 14 digits.
	ErrSIRETLength = fielderr.NewRule("siret_length", "procurement: SIRET must have 14 digits")
	// ErrSIRETChecksum: the SIRET fails the Luhn check (or, for La Poste,
	// the digit-sum check).
	ErrSIRETChecksum = fielderr.NewRule("siret_checksum", "procurement: SIRET fails the Luhn check")
	// ErrSIRETSIREN: the first nine digits of the SIRET are not a valid SIREN.
	ErrSIRETSIREN = fielderr.NewRule("siret_siren", "procurement: SIRET must start with a valid SIREN")

	// ErrCPVEmpty: the CPV code is empty.
	ErrCPVEmpty = fielderr.NewRule("cpv_empty", "procurement: CPV code is required")
	// ErrCPVFormat: the CPV code is not 8 digits, a dash and a check digit.
	ErrCPVFormat = fielderr.NewRule("cpv_format", "procurement: CPV code must be 8 digits, a dash and a check digit (72000000-5)")
	// ErrCPVChecksum: the CPV check digit does not match the 8 digits.
	ErrCPVChecksum = fielderr.NewRule("cpv_checksum", "procurement: CPV check digit does not match the code")
	// ErrCPVDivision: the first two digits are not one of the 45 CPV 2008 divisions.
	ErrCPVDivision = fielderr.NewRule("cpv_division", "procurement: CPV division must be one of the 45 CPV 2008 divisions")

	// ErrNUTSEmpty: the NUTS code is empty.
	ErrNUTSEmpty = fielderr.NewRule("nuts_empty", "procurement: NUTS code is required")
	// ErrNUTSFormat: the NUTS code is not a country code followed by up to three level characters.
	ErrNUTSFormat = fielderr.NewRule("nuts_format", "procurement: NUTS code must be a 2-letter country code and up to 3 level characters (FR101)")
	// ErrNUTSUnknown: a French NUTS code is not in the NUTS 2024 classification.
	ErrNUTSUnknown = fielderr.NewRule("nuts_unknown", "procurement: NUTS code is not in the NUTS 2024 classification for France")
)

// Sentinels of ACTES identifiers, VAT numbers (see actes.go, vat.go).
var (
	// ErrACTESEmpty: the ACTES identifier is empty.
	ErrACTESEmpty = fielderr.NewRule("actes_empty", "procurement: ACTES identifier is required")
	// ErrACTESFormat: the identifier is not five parts separated by dashes.
	ErrACTESFormat = fielderr.NewRule("actes_format", "procurement: ACTES identifier must be DDD-SIREN-YYYYMMDD-NUMBER-NATURE (074-200011773-20260421-D_2026_0083-AU)")
	// ErrACTESDepartment: the first part is not a French département code.
	ErrACTESDepartment = fielderr.NewRule("actes_department", "procurement: ACTES département must be a 3-character département code (001 to 095, 02A, 02B, 971 to 976...)")
	// ErrACTESDate: the date part is not a valid YYYYMMDD calendar date.
	ErrACTESDate = fielderr.NewRule("actes_date", "procurement: ACTES date must be a valid YYYYMMDD date")
	// ErrACTESNumber: the internal number is empty, too long or holds a
	// character other than A-Z, 0-9 and '_'.
	ErrACTESNumber = fielderr.NewRule("actes_number", "procurement: ACTES internal number must be 1 to 15 characters A-Z, 0-9 or _")
	// ErrACTESNature: the nature is not DE, AR, AI, CC, BF or AU.
	ErrACTESNature = fielderr.NewRule("actes_nature", "procurement: ACTES nature must be DE, AR, AI, CC, BF or AU")

	// ErrVATEmpty: the VAT number is empty.
	ErrVATEmpty = fielderr.NewRule("vat_empty", "procurement: VAT number is required")
	// ErrVATFormat: the VAT number is not FR, 2 key digits and 9 SIREN digits.
	ErrVATFormat = fielderr.NewRule("vat_format", "procurement: French VAT number must be FR, a 2-digit key and a 9-digit SIREN (FR83404833048)")
	// ErrVATSIREN: the last nine digits are not a valid SIREN.
	ErrVATSIREN = fielderr.NewRule("vat_siren", "procurement: VAT number must end with a valid SIREN")
	// ErrVATKey: the key does not match the SIREN.
	ErrVATKey = fielderr.NewRule("vat_key", "procurement: VAT key must be (12 + 3 × (SIREN mod 97)) mod 97")
)
