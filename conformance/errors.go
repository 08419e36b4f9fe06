package conformance

import "github.com/openmarches/marches/internal/fielderr"

// FieldError is a violation of one rule by one input: Field names it (a
// JSON path in a vectors file such as "vectors[3].id", "answers" or a CSV
// position such as "line 12"), Value is the offending value as given,
// Err is one of the sentinels below (returned by Unwrap, so errors.Is
// works) and Detail may add context (a byte offset, the schema's
// message).
type FieldError = fielderr.Error

// Sentinels, one per rule. They are API: test them with errors.Is; their
// codes (fielderr.RuleCode) are stable.
var (
	// ErrInvalidJSON: a vectors file or an answers file is not well-formed
	// JSON (Detail gives the byte offset).
	ErrInvalidJSON = fielderr.NewRule("invalid_json", "conformance: document is not valid JSON")
	// ErrSchema: a vectors file does not conform to
	// schema/vectors.schema.json (Detail gives the schema's message).
	ErrSchema = fielderr.NewRule("schema_violation", "conformance: vectors file does not conform to its JSON Schema")
	// ErrDuplicateID: two vectors share an id, or an answers file answers
	// one id (or one id and path, in CSV) twice.
	ErrDuplicateID = fielderr.NewRule("duplicate_id", "conformance: vector id appears twice")
	// ErrDuplicateFamily: two vectors files declare the same family.
	ErrDuplicateFamily = fielderr.NewRule("duplicate_family", "conformance: family appears in two vectors files")
	// ErrIDPrefix: a vector's id does not start with its family's prefix
	// ("calendar.days." for the family calendar-days).
	ErrIDPrefix = fielderr.NewRule("id_prefix", "conformance: vector id must start with its family name, dashes read as dots")
	// ErrUnknownFamily: no family of that name is registered or loaded.
	ErrUnknownFamily = fielderr.NewRule("unknown_family", "conformance: unknown family")
	// ErrUnknownOperation: a vector names an operation its family does not
	// have.
	ErrUnknownOperation = fielderr.NewRule("unknown_operation", "conformance: unknown operation for this family")
	// ErrInputs: a vector's inputs do not decode into its operation's
	// input fields (an unknown or mistyped field).
	ErrInputs = fielderr.NewRule("invalid_inputs", "conformance: inputs do not match the operation's fields")
	// ErrInvalidCSV: an answers CSV file is malformed: not RFC 4180, no
	// "id,path,value" header, or a row of the wrong width (Detail gives
	// the line).
	ErrInvalidCSV = fielderr.NewRule("invalid_csv", "conformance: answers CSV must have the header id,path,value and three fields per row")
	// ErrInvalidAnswers: a JSON answers file is not an object mapping
	// vector ids to outputs, or an id is empty or starts with '#' (the
	// CSV comment mark, which no vector id does).
	ErrInvalidAnswers = fielderr.NewRule("invalid_answers", "conformance: answers map vector ids (not empty, not starting with #) to outputs")
	// ErrNoVectors: a vectors directory holds no vectors file.
	ErrNoVectors = fielderr.NewRule("no_vectors", "conformance: no vectors file (*.json) found")
)
