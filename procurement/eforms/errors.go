package eforms

import "github.com/openmarches/marches/internal/fielderr"

// FieldError is the one error shape of marches: the input field (a JSON
// path of the notice input, such as "consultation.lots[1].title", or an
// XPath-like location for Parse), the offending value, the rule sentinel
// (returned by Unwrap, for errors.Is) and an optional detail.
type FieldError = fielderr.Error

// Sentinels of generation, of the JSON input and of parsing. Each names one
// rule; violations are *FieldError values wrapping them, reported all at
// once (the error unwraps to []error, sorted by field then rule).
// Sentinels are API: never renamed, never reused for another rule. The
// pre-flight validation against an SDK directory (Check) declares its own
// in errors_check.go.
var (
	// ErrJSONSyntax: the notice input is not well-formed JSON; Detail gives
	// the byte offset.
	ErrJSONSyntax = fielderr.NewRule("eforms_json_syntax", "eforms: notice input is not well-formed JSON")
	// ErrSchema: the notice input does not match its JSON Schema
	// (schema/notice.schema.json); Detail gives the schema validator's
	// description.
	ErrSchema = fielderr.NewRule("eforms_schema", "eforms: notice input does not match the notice JSON Schema")
	// ErrRequired: a value the notice needs is missing or blank.
	ErrRequired = fielderr.NewRule("eforms_required", "eforms: value is required")
	// ErrXMLChar: a text contains a character that XML 1.0 does not allow
	// (control characters other than tab, line feed and carriage return,
	// U+FFFE, U+FFFF, unpaired surrogates) or is not valid UTF-8.
	ErrXMLChar = fielderr.NewRule("eforms_xml_char", "eforms: text contains a character not allowed in XML 1.0")
	// ErrUnknownSubtype: the notice subtype is not one this package writes
	// (4, 7, 16, 20, 29, 33).
	ErrUnknownSubtype = fielderr.NewRule("eforms_unknown_subtype", "eforms: unsupported notice subtype (supported: 4, 7, 16, 20, 29, 33)")
	// ErrUUID: a notice or procedure identifier is not a lower-case UUID of
	// version 4 (the form BT-701 and BT-04 require).
	ErrUUID = fielderr.NewRule("eforms_uuid", "eforms: identifier must be a lower-case version 4 UUID")
	// ErrVersion: the notice version (BT-757) is not two digits 01 to 99.
	ErrVersion = fielderr.NewRule("eforms_version", "eforms: notice version must be two digits, 01 to 99")
	// ErrDispatchOffset: the dispatch time has no usable offset (it must be
	// a whole number of minutes, and the time within years 1000-9999).
	ErrDispatchOffset = fielderr.NewRule("eforms_dispatch_offset", "eforms: dispatch time must carry a whole-minute offset, years 1000 to 9999")
	// ErrLanguage: a language code is not three upper-case letters (FRA,
	// ENG...).
	ErrLanguage = fielderr.NewRule("eforms_language", "eforms: language must be a 3-letter upper-case code such as FRA")
	// ErrCode: a code is not a plausible eForms code (lower-case letters,
	// digits and dashes) or is not one the field accepts.
	ErrCode = fielderr.NewRule("eforms_code", "eforms: code is not valid for this field")
	// ErrCountry: a country code is not three upper-case letters (FRA).
	ErrCountry = fielderr.NewRule("eforms_country", "eforms: country must be an ISO 3166-1 alpha-3 code such as FRA")
	// ErrUnsupportedBuyer: the buyer kind has no notice among the supported
	// subtypes (utilities buy under directive 2014/25/EU: subtypes 17, 30).
	ErrUnsupportedBuyer = fielderr.NewRule("eforms_unsupported_buyer", "eforms: buyer kind not supported by the directive 2014/24/EU subtypes")
	// ErrUnsupportedProcedure: the procedure has no eForms procedure code
	// for this subtype (a procedure without publicity is never announced).
	ErrUnsupportedProcedure = fielderr.NewRule("eforms_unsupported_procedure", "eforms: procedure cannot be published with this notice subtype")
	// ErrUnknownLot: an entry names a lot number the consultation does not
	// have (or a number other than 0 when it has no lots).
	ErrUnknownLot = fielderr.NewRule("eforms_unknown_lot", "eforms: no such lot in the consultation")
	// ErrDuplicateLot: two entries of the same list name the same lot.
	ErrDuplicateLot = fielderr.NewRule("eforms_duplicate_lot", "eforms: lot listed twice")
	// ErrUnknownTenderer: an entry names a tenderer id the consultation
	// does not list.
	ErrUnknownTenderer = fielderr.NewRule("eforms_unknown_tenderer", "eforms: no such tenderer in the consultation")
	// ErrDuplicateTender: the same tenderer is listed twice for one lot.
	ErrDuplicateTender = fielderr.NewRule("eforms_duplicate_tender", "eforms: tender listed twice for the lot")
	// ErrTenderAmount: a winning tender is listed with an amount other than
	// the award's.
	ErrTenderAmount = fielderr.NewRule("eforms_tender_amount", "eforms: winning tender amount differs from the award amount")
	// ErrContractWithoutAward: a contract names a lot and tenderer pair
	// that no award has.
	ErrContractWithoutAward = fielderr.NewRule("eforms_contract_without_award", "eforms: contract does not match any award (lot and tenderer)")
	// ErrAmount: an amount is negative, zero where it must be positive, or
	// has more than 2 decimal places.
	ErrAmount = fielderr.NewRule("eforms_amount", "eforms: amount must be > 0 with at most 2 decimal places")
	// ErrLotResult: in an award notice, a lot has neither an award nor a
	// no-award entry, or has both.
	ErrLotResult = fielderr.NewRule("eforms_lot_result", "eforms: each lot of an award notice needs exactly one outcome: awards or a no-award entry")
	// ErrNoAwards: an award notice has no award at all and no no-award
	// entry.
	ErrNoAwards = fielderr.NewRule("eforms_no_awards", "eforms: award notice without any result")
	// ErrChangedNotice: the changed notice identifier (BT-758) is not
	// "<UUID v4>-<version>".
	ErrChangedNotice = fielderr.NewRule("eforms_changed_notice", "eforms: changed notice must be written <notice UUID>-<version>, e.g. 1c8f...-01")
	// ErrDeadlineMissing: a contract notice lacks the deadline its
	// procedure needs (tenders for an open procedure, applications for the
	// others).
	ErrDeadlineMissing = fielderr.NewRule("eforms_deadline_missing", "eforms: the procedure needs a deadline for tenders (open) or applications (other procedures)")
	// ErrDateRange: a start date is after its end date.
	ErrDateRange = fielderr.NewRule("eforms_date_range", "eforms: start date is after end date")
	// ErrNUTS: a place-of-performance NUTS code is not a NUTS 3 code (two
	// letters and three characters, such as FR101).
	ErrNUTS = fielderr.NewRule("eforms_nuts", "eforms: NUTS code must be a level-3 code such as FR101")
	// ErrTerritory: the buyer's territory is unknown, so the time zone of
	// the notice's dates cannot be chosen.
	ErrTerritory = fielderr.NewRule("eforms_territory", "eforms: buyer territory unknown, cannot choose the time zone of dates")

	// ErrTooLarge: the XML document is larger than MaxNoticeBytes.
	ErrTooLarge = fielderr.NewRule("eforms_too_large", "eforms: notice is larger than the size limit")
	// ErrTooDeep: the XML document nests elements deeper than MaxDepth.
	ErrTooDeep = fielderr.NewRule("eforms_too_deep", "eforms: notice nests elements deeper than the limit")
	// ErrDTD: the XML document has a document type declaration (DTD),
	// which could declare entities; notices never have one.
	ErrDTD = fielderr.NewRule("eforms_dtd", "eforms: DTDs and entity declarations are refused")
	// ErrXMLSyntax: the XML document is not well-formed (or uses an
	// undeclared entity); Detail gives the line and the parser's message.
	ErrXMLSyntax = fielderr.NewRule("eforms_xml_syntax", "eforms: notice is not well-formed XML")
	// ErrNotNotice: the root element is not an eForms contract notice,
	// contract award notice or prior information notice.
	ErrNotNotice = fielderr.NewRule("eforms_not_notice", "eforms: root element is not an eForms notice")
	// ErrValue: a value in the notice cannot be read (a date, an amount,
	// a number or an identifier in the wrong form); Field gives the
	// element's path.
	ErrValue = fielderr.NewRule("eforms_value", "eforms: value in the notice cannot be read")
)
