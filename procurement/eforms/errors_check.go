package eforms

import "github.com/openmarches/marches/internal/fielderr"

// Sentinels of LoadSDK and Check.
//
// LoadSDK fails with ErrSDKUnreadable or ErrSDKInvalid. Check fails (returns
// an error, no report) only when the notice cannot be read as XML at all:
// ErrTooLarge, ErrTooDeep, ErrDTD, ErrXMLSyntax (declared in errors.go, shared
// with Parse). Everything else wrong with a notice is a Problem of the
// report; CheckReport.Err turns the problems into *FieldError values wrapping
// the ErrCheck* sentinel of their Kind.
var (
	// ErrSDKUnreadable: a file LoadSDK needs is missing or cannot be read
	// (Value names it: fields/fields.json, notice-types/notice-types.json,
	// codelists/codelists.json or a code list file).
	ErrSDKUnreadable = fielderr.NewRule("eforms_sdk_unreadable", "eforms: SDK file cannot be read")
	// ErrSDKInvalid: an SDK file is not what an eForms SDK 1.x release
	// holds (bad JSON, a node or field without parent, an XPath or a
	// pattern this package cannot compile); Detail says what.
	ErrSDKInvalid = fielderr.NewRule("eforms_sdk_invalid", "eforms: SDK file is not a valid eForms SDK file")

	// ErrCheckMissing: a field mandatory for the notice subtype (and, when
	// the SDK states one, under a condition that holds) is absent.
	ErrCheckMissing = fielderr.NewRule("eforms_check_missing", "eforms: mandatory field is missing")
	// ErrCheckForbidden: a field forbidden for the notice subtype (under a
	// condition that holds, when the SDK states one) is present.
	ErrCheckForbidden = fielderr.NewRule("eforms_check_forbidden", "eforms: field is forbidden here")
	// ErrCheckCode: a code is not in the field's code list.
	ErrCheckCode = fielderr.NewRule("eforms_check_code", "eforms: code is not in the field's code list")
	// ErrCheckPattern: a value does not match the field's pattern
	// (identifier, date, time, URL, e-mail, telephone formats).
	ErrCheckPattern = fielderr.NewRule("eforms_check_pattern", "eforms: value does not match the field's format")
	// ErrCheckReference: an identifier reference (ORG-, TPO-, LOT-, GLO-,
	// TEN-, TPA-, RES-, CON-, UBO-) names no identifier defined in the notice.
	ErrCheckReference = fielderr.NewRule("eforms_check_reference", "eforms: reference to an identifier the notice does not define")
	// ErrCheckDuplicateID: the same technical identifier is defined twice.
	ErrCheckDuplicateID = fielderr.NewRule("eforms_check_duplicate_id", "eforms: identifier defined more than once")
	// ErrCheckAttribute: a code, amount, measure or identifier lacks its
	// mandatory attribute (listName, currencyID, unitCode, schemeName).
	ErrCheckAttribute = fielderr.NewRule("eforms_check_attribute", "eforms: mandatory attribute is missing")
	// ErrCheckEmpty: an element has neither child elements nor text.
	ErrCheckEmpty = fielderr.NewRule("eforms_check_empty", "eforms: element is empty")
	// ErrCheckTooLong: a text is longer than the field's maximum length.
	ErrCheckTooLong = fielderr.NewRule("eforms_check_too_long", "eforms: text is longer than the field allows")
	// ErrCheckSubtype: the notice subtype is absent or unknown, or does not
	// match the root element, the notice type (BT-02) or the form type
	// (BT-03).
	ErrCheckSubtype = fielderr.NewRule("eforms_check_subtype", "eforms: notice subtype missing, unknown or inconsistent")
)
