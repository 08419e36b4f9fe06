package priority

import "github.com/openmarches/marches/internal/fielderr"

// FieldError is a violation of one rule by one input field: Field names the
// input in the matrix JSON's names ("criticality[1].code",
// "cells.haute.fort", or "criticality" / "impact" for a lookup), Value is
// the value as given, Err is one of the sentinels below (returned by Unwrap,
// so errors.Is works) and Detail may add context such as a byte offset or
// the neighbouring cell of a monotonicity violation.
type FieldError = fielderr.Error

// Sentinels, one per rule. They are API: test them with errors.Is; their
// codes (fielderr.RuleCode) are stable.
var (
	// ErrUnknownLevel: a code is not a level of the axis it is used on
	// (a lookup, a cell's row, column or priority, a classifier mapping).
	ErrUnknownLevel = fielderr.NewRule("unknown_level", "priority: code is not a level of this axis of the matrix")
	// ErrEmptyAxis: criticality, impact and priorities each list at least
	// one level.
	ErrEmptyAxis = fielderr.NewRule("empty_axis", "priority: an axis must list at least one level")
	// ErrTooManyLevels: an axis lists more than MaxLevels levels.
	ErrTooManyLevels = fielderr.NewRule("too_many_levels", "priority: an axis lists at most 64 levels")
	// ErrInvalidCode: a level code is 1 to 32 ASCII letters, digits, '_' or
	// '-', starting with a letter or digit.
	ErrInvalidCode = fielderr.NewRule("invalid_code", "priority: level code must match ^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")
	// ErrDuplicateLevel: two levels of one axis share a code.
	ErrDuplicateLevel = fielderr.NewRule("duplicate_level", "priority: level code is already used on this axis")
	// ErrInvalidLabel: a label is at most 100 characters of valid UTF-8
	// without control characters, and does not start or end with white
	// space.
	ErrInvalidLabel = fielderr.NewRule("invalid_label", "priority: label must be at most 100 characters of UTF-8 without control characters or leading or trailing spaces")
	// ErrInvalidSource: a matrix source is at most 500 characters of valid
	// UTF-8 without control characters.
	ErrInvalidSource = fielderr.NewRule("invalid_source", "priority: source must be at most 500 characters of UTF-8 without control characters")
	// ErrMissingCell: the matrix is incomplete; a criticality × impact
	// cell has no priority.
	ErrMissingCell = fielderr.NewRule("missing_cell", "priority: every criticality x impact cell must have a priority")
	// ErrNotMonotone: raising the criticality or the impact by one level
	// lowers the priority. Field is the more severe cell; Detail names the
	// neighbouring, less severe cell whose priority is more urgent.
	ErrNotMonotone = fielderr.NewRule("not_monotone", "priority: raising criticality or impact must never lower the priority")
	// ErrInvalidJSON: the matrix document is not well-formed JSON; Detail
	// gives the byte offset.
	ErrInvalidJSON = fielderr.NewRule("invalid_json", "priority: matrix is not valid JSON")
	// ErrDuplicateKey: a JSON object repeats a key; JSON decoders
	// disagree on which value wins, so the document is rejected.
	ErrDuplicateKey = fielderr.NewRule("duplicate_key", "priority: JSON object key appears twice")
	// ErrSchema: the document does not conform to schema/matrix.schema.json;
	// Detail gives the schema's message.
	ErrSchema = fielderr.NewRule("schema_violation", "priority: matrix does not conform to its JSON Schema")

	// ErrUnknownFunction: the function is not in the classifier's catalogue.
	ErrUnknownFunction = fielderr.NewRule("unknown_function", "priority: function is not in the catalogue")
	// ErrDuplicateFunction: two catalogue entries have the same name once
	// case, accents and spacing are ignored.
	ErrDuplicateFunction = fielderr.NewRule("duplicate_function", "priority: function is listed twice in the catalogue")
	// ErrEmptyFunctionName: a catalogue entry or a request names no function.
	ErrEmptyFunctionName = fielderr.NewRule("empty_function_name", "priority: function name must not be empty")
	// ErrEmptyScope: a scope names neither affected users nor affected objects.
	ErrEmptyScope = fielderr.NewRule("empty_scope", "priority: scope must describe the affected users or the affected objects")
	// ErrUsersWithoutEffect: affected users are given without how they are
	// affected, or an effect without the users.
	ErrUsersWithoutEffect = fielderr.NewRule("users_without_effect", "priority: affected users and their effect go together")
	// ErrInvalidScope: a scope code (users, effect, objects) is unknown.
	ErrInvalidScope = fielderr.NewRule("invalid_scope", "priority: unknown scope code")
)

// MaxLevels is the largest number of levels on one axis.
const MaxLevels = 64

// ErrImpactOrder: a classifier's impact mapping must follow the matrix's
// order (Strong at least as strong as Medium, Medium as Reduced), or a
// wider scope could get a weaker impact.
var ErrImpactOrder = fielderr.NewRule("impact_order", "priority: classifier impacts must follow the matrix order strong, medium, reduced")
