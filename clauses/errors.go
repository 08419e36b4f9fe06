package clauses

import (
	"slices"
	"strconv"
	"strings"

	"github.com/openmarches/marches/internal/fielderr"
)

// FieldError is a violation of one rule by one input field outside the
// library's text: Field names the input in JSON terms ("values.duree.mois",
// "layer.changes[2].clause"), Value is the value as given, Err is one of the
// sentinels below (returned by Unwrap, so errors.Is works) and Detail may
// add context.
type FieldError = fielderr.Error

// Sentinels, one per rule. They are API: test them with errors.Is; their
// codes (fielderr.RuleCode, Problem.Rule) are stable.
var (
	// ErrManifest: the library manifest (manifest.json) or a layer manifest
	// (layer.json) is missing, not JSON, or does not match its JSON Schema
	// (schema/manifest.schema.json, schema/layer.schema.json).
	ErrManifest = fielderr.NewRule("manifest", "clauses: manifest is missing or does not match its JSON Schema")
	// ErrFileMissing: a file named by a manifest cannot be read from the
	// library's fs.FS.
	ErrFileMissing = fielderr.NewRule("file_missing", "clauses: file named by the manifest cannot be read")
	// ErrHeaderSyntax: a clause file does not start with a header between
	// two "---" lines made of "key: value" lines.
	ErrHeaderSyntax = fielderr.NewRule("header_syntax", "clauses: clause header must be key: value lines between two --- lines")
	// ErrHeaderSchema: a clause header does not match
	// schema/clause.schema.json (unknown key, missing id, version or
	// title, malformed id...).
	ErrHeaderSchema = fielderr.NewRule("header_schema", "clauses: clause header does not match its JSON Schema")
	// ErrDuplicateID: two clauses of one library have the same id, or a
	// layer inserts a clause whose id the vendor library already uses.
	ErrDuplicateID = fielderr.NewRule("duplicate_id", "clauses: clause id is used twice")
	// ErrDuplicateVariable: two variables share a name, or a variable has
	// the name of a consultation field.
	ErrDuplicateVariable = fielderr.NewRule("duplicate_variable", "clauses: variable name is declared twice or shadows a consultation field")
	// ErrUnknownDocument: a clause names a document the manifest does not
	// declare, or a document is requested that the library lacks.
	ErrUnknownDocument = fielderr.NewRule("unknown_document", "clauses: unknown document")
	// ErrNoDocument: a clause belongs to no document.
	ErrNoDocument = fielderr.NewRule("no_document", "clauses: clause must belong to at least one document")
	// ErrUnknownParent: a clause's parent is not a clause of the library.
	ErrUnknownParent = fielderr.NewRule("unknown_parent", "clauses: parent is not a clause of the library")
	// ErrParentDocument: a clause appears in a document its parent is not in,
	// or an annex has a parent.
	ErrParentDocument = fielderr.NewRule("parent_document", "clauses: parent must appear in every document of the clause, and annexes have no parent")
	// ErrCycle: following the parents of a clause comes back to it.
	ErrCycle = fielderr.NewRule("cycle", "clauses: parent chain forms a cycle")
	// ErrTooDeep: articles nest at most MaxDepth levels (Article 1, 1.1,
	// 1.1.1).
	ErrTooDeep = fielderr.NewRule("too_deep", "clauses: articles nest at most 3 levels")

	// ErrVariableType: a variable declaration has an unknown type, or
	// lacks what its type needs (values of an enum, fields or items of a
	// list).
	ErrVariableType = fielderr.NewRule("variable_type", "clauses: invalid variable declaration")
	// ErrInvalidValue: a value (a default, or a value given for assembly)
	// does not fit its variable's type.
	ErrInvalidValue = fielderr.NewRule("invalid_value", "clauses: value does not fit the variable's type")
	// ErrMissingValue: a required variable has neither a value nor a
	// default.
	ErrMissingValue = fielderr.NewRule("missing_value", "clauses: required variable has no value")
	// ErrUnknownVariable: a template, a condition or the values given name
	// a variable that is neither declared nor a consultation field.
	ErrUnknownVariable = fielderr.NewRule("unknown_variable", "clauses: unknown variable")
	// ErrVariableNotListed: a clause uses a library variable its header's
	// "variables" does not list.
	ErrVariableNotListed = fielderr.NewRule("variable_not_listed", "clauses: variable used but not listed in the clause header")
	// ErrUnusedVariable: a variable is listed by a clause header but not
	// used by its body or condition, or declared but used by no clause.
	ErrUnusedVariable = fielderr.NewRule("unused_variable", "clauses: variable is declared but never used")

	// ErrConditionSyntax: a condition does not parse; the error is a
	// *SyntaxError with the byte offset.
	ErrConditionSyntax = fielderr.NewRule("condition_syntax", "clauses: invalid condition")
	// ErrConditionType: a condition compares values of incompatible types,
	// orders values that have no order, or is not boolean.
	ErrConditionType = fielderr.NewRule("condition_type", "clauses: condition compares incompatible values")
	// ErrTemplateSyntax: a clause body has an unknown, unclosed or
	// misplaced {{...}} directive; the error is a *SyntaxError.
	ErrTemplateSyntax = fielderr.NewRule("template_syntax", "clauses: invalid template directive")
	// ErrNotAList: {{#each}} is given a value that is not a list.
	ErrNotAList = fielderr.NewRule("not_a_list", "clauses: #each needs a list")
	// ErrTooLarge: a text, a condition, a template's nesting or its output
	// exceeds the package's limits (MaxClauseBytes, MaxConditionBytes,
	// MaxNesting, MaxOutputBytes).
	ErrTooLarge = fielderr.NewRule("too_large", "clauses: input exceeds the package's limits")

	// ErrBrokenRef: {{ref id}} names no clause, or a clause that is not in
	// the assembled documents (excluded by its condition or disabled).
	ErrBrokenRef = fielderr.NewRule("broken_ref", "clauses: cross-reference names no clause of the assembled documents")
	// ErrMissingMention: a document lacks a mention the law requires for
	// the procedure (see Mentions).
	ErrMissingMention = fielderr.NewRule("missing_mention", "clauses: mandatory mention missing from the document")
	// ErrDerogationsNotListed: clauses derogate from the CCAG but no clause
	// of the document lists the derogations ({{#each derogations}}), as
	// CCP R2112-3 requires.
	ErrDerogationsNotListed = fielderr.NewRule("derogations_not_listed", "clauses: derogations to the CCAG must be listed in the document")

	// ErrUnknownClause: a layer change names a clause the library lacks.
	ErrUnknownClause = fielderr.NewRule("unknown_clause", "clauses: layer change names an unknown clause")
	// ErrLayerClauseID: a replacement's header id differs from the clause
	// it replaces.
	ErrLayerClauseID = fielderr.NewRule("layer_clause_id", "clauses: replacement must keep the id of the clause it replaces")
	// ErrVendorMismatch: a layer was written for another vendor library.
	ErrVendorMismatch = fielderr.NewRule("vendor_mismatch", "clauses: layer was written for another vendor library")

	// ErrInvalidInput: the assembly input (consultation and values) is not
	// well-formed JSON of the expected shape.
	ErrInvalidInput = fielderr.NewRule("invalid_input", "clauses: input must be {\"consultation\": {...}, \"values\": {...}}")
	// ErrInvalidFormat: the output format is not md, html or docx.
	ErrInvalidFormat = fielderr.NewRule("invalid_format", "clauses: format must be md, html or docx")
)

// Problem is a violation found in a library's text: the file, the line (1
// for the manifest or when unknown), the clause id when known, and the
// rule. Problem is an error; Unwrap returns the sentinel, so errors.Is
// works. Load, Compose and Lint report Problems sorted by file, line and
// rule.
type Problem struct {
	// File is the path of the file in its fs.FS ("ccap/duree.md",
	// "manifest.json"); for a layer, prefixed by the layer's name and
	// a colon ("ville:layer.json").
	File string `json:"file"`
	// Line is the 1-based line in File.
	Line int `json:"line"`
	// Clause is the clause's id, when known.
	Clause string `json:"clause,omitempty"`
	// Rule is the sentinel's stable code ("broken_ref").
	Rule string `json:"rule"`
	// Message explains the problem in English, naming the offending text.
	Message string `json:"message"`
	// Err is the sentinel.
	Err error `json:"-"`
}

func newProblem(file string, line int, clause string, rule *fielderr.Rule, msg string) Problem {
	if line < 1 {
		line = 1
	}
	return Problem{File: file, Line: line, Clause: clause, Rule: rule.Code(), Message: msg, Err: rule}
}

// Error formats the problem as "file:line: clause: message".
func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.File)
	b.WriteByte(':')
	b.WriteString(strconv.Itoa(p.Line))
	b.WriteString(": ")
	if p.Clause != "" {
		b.WriteString(p.Clause)
		b.WriteString(": ")
	}
	if p.Err != nil {
		b.WriteString(p.Err.Error())
	}
	if p.Message != "" {
		b.WriteString(" (")
		b.WriteString(p.Message)
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap returns the sentinel.
func (p Problem) Unwrap() error { return p.Err }

// Problems is a list of problems reported at once; it unwraps to its
// elements so that errors.Is and errors.As see each one.
type Problems []Problem

// Error joins the problems with "; ".
func (ps Problems) Error() string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.Error()
	}
	return strings.Join(parts, "; ")
}

// Unwrap returns the problems as errors.
func (ps Problems) Unwrap() []error {
	out := make([]error, len(ps))
	for i, p := range ps {
		out[i] = p
	}
	return out
}

// sortProblems sorts by file, line, rule, clause and message, and removes
// exact duplicates.
func sortProblems(ps []Problem) []Problem {
	out := make([]Problem, len(ps))
	copy(out, ps)
	slices.SortFunc(out, func(a, b Problem) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		if a.Line != b.Line {
			if a.Line < b.Line {
				return -1
			}
			return 1
		}
		if c := strings.Compare(a.Rule, b.Rule); c != 0 {
			return c
		}
		if c := strings.Compare(a.Clause, b.Clause); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
	dedup := out[:0]
	for i, p := range out {
		if i > 0 {
			q := out[i-1]
			if p.File == q.File && p.Line == q.Line && p.Rule == q.Rule && p.Clause == q.Clause && p.Message == q.Message {
				continue
			}
		}
		dedup = append(dedup, p)
	}
	return dedup
}

// problemsErr returns ps sorted as one error, or nil.
func problemsErr(ps []Problem) error {
	if len(ps) == 0 {
		return nil
	}
	return Problems(sortProblems(ps))
}

// SyntaxError is a syntax error in a condition or a template: the byte
// offset in the text, the 1-based line and column (in runes), the
// offending fragment and what was expected. It wraps ErrConditionSyntax or
// ErrTemplateSyntax.
type SyntaxError struct {
	Offset   int
	Line     int
	Column   int
	Fragment string
	Msg      string
	Err      error
}

// Error formats the error with its position.
func (e *SyntaxError) Error() string {
	var b strings.Builder
	if e.Err != nil {
		b.WriteString(e.Err.Error())
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	b.WriteString(" at line ")
	b.WriteString(strconv.Itoa(e.Line))
	b.WriteString(", column ")
	b.WriteString(strconv.Itoa(e.Column))
	if e.Fragment != "" {
		b.WriteString(" near ")
		b.WriteString(strconv.Quote(e.Fragment))
	}
	return b.String()
}

// Unwrap returns the sentinel.
func (e *SyntaxError) Unwrap() error { return e.Err }

// position returns the 1-based line and rune column of byte offset off in s.
func position(s string, off int) (line, col int) {
	if off > len(s) {
		off = len(s)
	}
	line, col = 1, 1
	for _, r := range s[:off] {
		if r == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

func fragment(s string, off int) string {
	if off >= len(s) {
		return ""
	}
	end := off + 20
	if end > len(s) {
		end = len(s)
	}
	for end < len(s) && end > off && !isRuneStart(s[end]) {
		end--
	}
	return s[off:end]
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

func newSyntaxError(src string, off int, rule error, msg string) *SyntaxError {
	if off < 0 {
		off = 0
	}
	if off > len(src) {
		off = len(src)
	}
	l, c := position(src, off)
	return &SyntaxError{Offset: off, Line: l, Column: c, Fragment: fragment(src, off), Msg: msg, Err: rule}
}
