// Pre-flight validation of eForms notices against an SDK directory:
// SDK.Check. This comment is the "Check" section of the package
// documentation (to be merged into doc.go); it also holds, in one place,
// the workarounds for what is missing or contradictory in the SDK.
//
// # Check: explaining problems before the notice is sent
//
// LoadSDK reads an SDK directory the caller points to at run time
// (os.DirFS("shared/eforms-sdk/1.15.1")): fields/fields.json,
// notice-types/notice-types.json, codelists/codelists.json and the code
// lists the fields use. Nothing of the SDK is copied into the package; the
// *SDK keeps the parsed metadata (compiled XPaths and conditions, code
// sets) and is shared by any number of goroutines. Loading SDK 1.15.1
// takes about 0.2 s; checking a notice 1 to 4 ms.
//
// SDK.Check reads a notice, finds its subtype (OPP-070,
// efac:NoticeSubType/cbc:SubTypeCode) and reports every problem at once,
// each with its kind, the SDK field ("BT-21-Lot") and business term
// ("BT-21"), the field's English name from fields.json, its absolute XPath
// from fields.json, the business entity concerned ("LOT-0002", "ORG-0001",
// "RES-0001"), the offending value, the line, and a message in French and
// in English. The kinds:
//
//   - subtype: OPP-070 absent or unknown (then no subtype rule is
//     applied); the root element differs from the subtype's document type
//     in notice-types.json (ContractNotice for 16, ContractAwardNotice for
//     29...); BT-02 or BT-03 (cbc:NoticeTypeCode and its listName) differ
//     from the subtype's notice type and form type.
//   - missing, forbidden: the "mandatory" and "forbidden" constraints of
//     fields.json for the subtype, with their condition when Check can
//     evaluate it (see Conditions); the others are listed in
//     CheckReport.Skipped, never guessed.
//   - code: a field with a codeList holds a value outside it (the list
//     tailored to the subtype when fields.json names one, as for BT-01).
//   - pattern: a value does not match the field's pattern (technical
//     identifiers ORG-0001, LOT-0001..., the notice and procedure UUIDs,
//     dates and times with their offset, URLs, e-mails, telephones, the
//     SDK version), tested after whitespace normalisation like the
//     Schematron's matches(normalize-space(.), ...).
//   - reference: an identifier reference (the buyer, the review body, the
//     tenderers, a lot result's lot, tender and contract...) names an
//     identifier the notice does not define. Not checked: the four fields
//     that point into an earlier notice (BT-13716-notice,
//     BT-1501(c)-Contract, BT-1501(p)-Contract, BT-786-Review in 1.15.1),
//     and the section names PROCEDURE, BUYER, RESULT.
//   - duplicate_id: a technical identifier defined twice.
//   - attribute: a code without listName, an amount without currencyID, a
//     measure without unitCode, an identifier without the schemeName the
//     SDK presets for it.
//   - empty: an element with neither child elements nor text (the
//     Schematron's element-not-empty), whether or not a field describes it.
//   - too_long: a text longer than the field's maxLength, in characters.
//
// The French messages are written here, one per kind, and quote the
// English label: the SDK's translations/ folder (labels and rule texts in
// 24 languages) is not in the SDK copy this package was built against.
//
// Reading the notice is safe on hostile input: at most MaxNoticeBytes,
// MaxDepth levels and CheckMaxElements elements; a DOCTYPE is refused
// (ErrDTD), so no entity is declared, expanded or fetched; only UTF-8 and
// well-formed XML 1.0 are accepted (ErrXMLSyntax). These errors are the
// only ones Check returns; problems of the notice are in the report.
//
// # What is left to the official validation
//
// The official validation (XSD, then the static and dynamic Schematron of
// the SDK; shared/tools/eforms-validate here) remains the judge: a notice
// Check accepts may still be rejected. Check does not look at element
// order or XSD types (only the XSD does); the node-presence rules
// (Schematron stage 1b, "subtype 16 needs cac:AuctionTerms"), which
// fields.json does not state, although Check finds most of them through
// the mandatory fields underneath; the "assert" rules of fields.json and
// the Schematron's stage 5 (cross-field business rules: CPV consistent
// with the contract nature, deadline after the dispatch date, positive
// amounts, the t-large statistic of award notices...); repeatability;
// leading and trailing whitespace; the language rules of multilingual
// texts; and the dynamic rule on the dispatch date.
//
// Measured against the official validation (TestCheckMutations): the
// generator's golden notices and the shared validator's French contract
// notice, broken 407 ways (each element of the latter removed, each field
// removed once, a wrong code, an undefined reference and a badly formatted
// value put in each field): Check reports every copy the official
// validation rejects for a rule of a kind it covers (241 removals, 54
// codes, 54 formats, all 16 broken references with a reference problem on
// the field), and nothing on the copies it accepts. Of the 12 removals
// rejected only by a node-presence rule, Check reports 11; it misses the
// removal of a lot's only cac:CallForTendersDocumentReference (rule
// ND-LotProcurementDocument-16; see "Where a mandatory field is looked
// for"). On the SDK's 92 example notices Check agrees with the official
// validation except on the 18 examples that fail "assert" rules added in
// 1.15.0.
//
// # Conditions
//
// A constraint's condition is an EFX expression with a context, such as
// "{ND-LotTenderingProcess} ${BT-105-Procedure not in
// ('open','oth-single')}". Check evaluates it at each instance of the
// context, for the subset made of: FIELD is [not] present; FIELD == or !=
// a text, TRUE or FALSE; FIELD compared (<, <=, >, >=, ==, !=) with a
// number; FIELD [not] in ('a', 'b') or in (code-list); FIELD [not] in
// OTHER-FIELD; count(FIELD) compared with a number; /FIELD (absolute);
// FIELD[predicate] (the predicate evaluated at each instance of FIELD);
// not(), and, or, parentheses. Values are compared after normalize-space,
// with XPath's general comparison (true when any value matches, false when
// the field is absent). Date and duration arithmetic ("BT-537-Lot -
// BT-536-Lot > P4Y"), quantified expressions ("every ... satisfies"),
// variables and attribute contexts are not evaluated: the constraint goes
// to CheckReport.Skipped with the reason. With SDK 1.15.1 that leaves 2
// constraints of subtype 16 (BT-109-Lot) and 1 of subtype 29
// (BT-556-NoticeResult) to the official validation.
//
// # Where a mandatory field is looked for
//
// The context of a conditional constraint is given; an unconditional
// "mandatory" has none in fields.json, and the Schematron's choice differs
// from field to field (the parent node for BT-767-Lot, the grandparent for
// BT-97-Lot). Check's rule: the field must be present in every instance of
// its nearest ancestor node that is the root, a business entity with an
// identifier field (lot, organisation, buyer, touch point, tender, lot
// result, contract, tendering party...) or a repeatable group of at least
// two fields (an award criterion, a received-submissions statistic); a
// repeatable node that only wraps the field (cac:Language around BT-97)
// is passed through. The identifier of an entity is also required in the
// entity's own enclosing scope: a contract notice needs at least one
// buyer, one organisation and one lot (in SDK 1.15.1 only the identifiers
// of entities a subtype requires are unconditionally mandatory; those of
// touch points, groups of lots or tenders never are). Consequences: a lot
// without cac:AuctionTerms gets BT-767-Lot reported missing (the
// Schematron reports the node ND-AuctionTerms); a lot with no award
// criterion, or no procurement document reference at all, gets nothing
// reported about their fields.
//
// # Gaps and contradictions of the SDK, and the workarounds
//
// In one place, for SDK 1.15.1 as copied in shared/eforms-sdk/1.15.1:
//
//   - Missing code lists. codelists.json names cpv.gc and
//     nuts_nuts-lvl3.gc, which are not in the copy. The static Schematron
//     (schematrons/static/validation-stage-3b.sch) writes the same lists
//     inline in the rule whose context is the field's absolute XPath (the
//     six CPV rules, such as BR-BT-00262-0153, hold the same 9,454 codes;
//     the seven NUTS rules, such as BR-BT-05071-0154, the same 1,521
//     level-3 codes). LoadSDK reads a missing list from there, says so in
//     SDK.Notes, and leaves the fields unchecked when there is no such
//     rule.
//   - The VERSION file holds the unexpanded "${project.version}": the
//     version comes from fields.json's sdkVersion.
//   - Mandatory and forbidden at once. A field mandatory without condition
//     and forbidden (always, or under a condition that holds) in the same
//     subtype cannot be satisfied: BT-33-Procedure in single-lot notices of
//     subtype 16 until 1.15 (OP-TED/eForms-SDK issue #1359). Check then
//     does not demand the field and lists the contradiction in Skipped.
//     No field of 1.15.1 is in that case (TestCheckSDKContradictions).
//   - schemeName. fields.json declares schemeName on 68 identifier fields,
//     the Schematron requires it (…-Scheme_MA rules) on 62, and neither
//     says which; Check requires it only where fields.json presets its
//     value (41 fields), never more than the Schematron.
//   - notice-types/<subtype>.json lists the fields a form offers but no
//     mandatory flag; mandatory and forbidden come only from fields.json,
//     as the Schematron's stages 2a and 4 do.
//   - XPath predicates decide what a field is: a cbc:ProcurementTypeCode
//     without listName="contract-nature" is not BT-23-Lot, and BT-821-Lot
//     is not found in a cac:TendererQualificationRequest that also holds
//     BT-71-Lot (OP-TED/eForms-SDK issue #1123). Check uses fields.json's
//     XPaths verbatim, so it sees the same instances as the Schematron.
//   - The example notices are not all valid under their own release (19
//     regular examples fail rules added in 1.15.0); none of those rules is
//     of a kind Check covers, so Check accepts them, as the Schematron of
//     their own release did.

package eforms

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/openmarches/marches/internal/fielderr"
	"github.com/shopspring/decimal"
)

// CheckMaxElements is the largest number of elements Check reads (about a
// million); beyond, the notice is refused with ErrTooLarge. Check also
// applies Parse's limits, MaxNoticeBytes and MaxDepth (the deepest field
// of SDK 1.15.1 sits 18 levels down).
const CheckMaxElements = 1 << 20

// ProblemKind says which kind of rule a Problem breaks. The zero value is
// not a kind.
type ProblemKind int

// Kinds of problems, in a fixed order (new kinds are added at the end).
const (
	// ProblemMissing: a mandatory field is absent.
	ProblemMissing ProblemKind = iota + 1
	// ProblemForbidden: a forbidden field is present.
	ProblemForbidden
	// ProblemCode: a code is not in the field's code list.
	ProblemCode
	// ProblemPattern: a value does not match the field's pattern.
	ProblemPattern
	// ProblemReference: a reference names an undefined identifier.
	ProblemReference
	// ProblemDuplicateID: an identifier is defined twice.
	ProblemDuplicateID
	// ProblemAttribute: a mandatory attribute is missing.
	ProblemAttribute
	// ProblemEmpty: an element is empty.
	ProblemEmpty
	// ProblemTooLong: a text is longer than allowed.
	ProblemTooLong
	// ProblemSubtype: the subtype is missing, unknown or inconsistent.
	ProblemSubtype
)

var chkKindCodes = [...]string{"", "missing", "forbidden", "code", "pattern", "reference", "duplicate_id", "attribute", "empty", "too_long", "subtype"}

var chkKindErrs = [...]error{nil, ErrCheckMissing, ErrCheckForbidden, ErrCheckCode, ErrCheckPattern, ErrCheckReference, ErrCheckDuplicateID, ErrCheckAttribute, ErrCheckEmpty, ErrCheckTooLong, ErrCheckSubtype}

// String returns the kind's stable code: "missing", "forbidden", "code",
// "pattern", "reference", "duplicate_id", "attribute", "empty",
// "too_long", "subtype"; "" for the zero value.
func (k ProblemKind) String() string {
	if k < 0 || int(k) >= len(chkKindCodes) {
		return "ProblemKind(" + strconv.Itoa(int(k)) + ")"
	}
	return chkKindCodes[k]
}

// MarshalText returns the kind's code, as String does; it fails for a
// value that is not a kind.
func (k ProblemKind) MarshalText() ([]byte, error) {
	if k <= 0 || int(k) >= len(chkKindCodes) {
		return nil, fmt.Errorf("eforms: invalid problem kind %d", int(k))
	}
	return []byte(chkKindCodes[k]), nil
}

// Err returns the sentinel of the kind (ErrCheckMissing...), nil for the
// zero value.
func (k ProblemKind) Err() error {
	if k <= 0 || int(k) >= len(chkKindErrs) {
		return nil
	}
	return chkKindErrs[k]
}

// Problem is one thing wrong with a notice.
type Problem struct {
	// Kind is the kind of rule broken.
	Kind ProblemKind `json:"kind"`
	// Field is the SDK field id ("BT-21-Lot"); empty for an element no
	// field describes.
	Field string `json:"field,omitempty"`
	// BT is the business term of the field ("BT-21", "OPT-300").
	BT string `json:"bt,omitempty"`
	// Label is the field's English name from fields.json ("Title").
	Label string `json:"label,omitempty"`
	// XPath is the field's absolute XPath as fields.json gives it; for an
	// element no field describes, the element's own path.
	XPath string `json:"xpath"`
	// Instance is the identifier of the business entity concerned
	// ("LOT-0002", "ORG-0001", "RES-0001"); empty at notice level.
	Instance string `json:"instance,omitempty"`
	// Value is the offending value; empty for a missing field.
	Value string `json:"value,omitempty"`
	// Line is the line of the offending element, or of the element where
	// a missing field was looked for; 0 when unknown.
	Line int `json:"line,omitempty"`
	// Condition is the EFX condition under which the field is mandatory
	// or forbidden, as fields.json writes it; empty when unconditional.
	Condition string `json:"condition,omitempty"`
	// MessageFR and MessageEN explain the problem in French and English.
	MessageFR string `json:"message_fr"`
	MessageEN string `json:"message_en"`
}

// SkippedRule is a constraint of fields.json that applies to the notice's
// subtype but that Check did not apply: its condition uses EFX that Check
// does not evaluate, or (Rule "mandatory") the SDK also forbids the field
// where it would be demanded. The official validation still checks it.
type SkippedRule struct {
	// Field is the constrained field ("BT-131(d)-Lot").
	Field string `json:"field"`
	// Rule is "mandatory" or "forbidden".
	Rule string `json:"rule"`
	// Condition is the EFX condition as fields.json writes it.
	Condition string `json:"condition"`
	// Reason says why Check did not apply it.
	Reason string `json:"reason"`
}

// CheckReport is the result of SDK.Check. Problems are sorted by field,
// entity instance, kind, line and value; Skipped by field then rule.
type CheckReport struct {
	// SDKVersion is the version of the SDK used ("eforms-sdk-1.15.1").
	SDKVersion string `json:"sdkVersion"`
	// Subtype is the notice subtype found ("16"), empty when absent.
	Subtype string `json:"subtype"`
	// Problems lists every problem found.
	Problems []Problem `json:"problems"`
	// Skipped lists the constraints of the subtype Check left to the
	// official validation.
	Skipped []SkippedRule `json:"skipped"`
}

// Valid reports whether Check found no problem. The official validation
// may still find some: see the package documentation.
func (r *CheckReport) Valid() bool { return len(r.Problems) == 0 }

// Err returns the problems as one error (nil when there is none): a
// sorted list of *FieldError whose Field is the field id (with the entity
// instance, "BT-21-Lot[LOT-0002]"), Value the offending value, Err the
// kind's sentinel (ErrCheckMissing...) and Detail the English message.
func (r *CheckReport) Err() error {
	var errs []*fielderr.Error
	for _, p := range r.Problems {
		field := p.Field
		if field == "" {
			field = p.XPath
		}
		if p.Instance != "" {
			field += "[" + p.Instance + "]"
		}
		errs = append(errs, &fielderr.Error{Field: field, Value: p.Value, Err: p.Kind.Err(), Detail: p.MessageEN})
	}
	return fielderr.Join(errs)
}

// Check validates a notice against the SDK's metadata and returns every
// problem found (see the package documentation for what is and is not
// checked). The error is non-nil only when the bytes cannot be read as a
// notice at all: larger than MaxNoticeBytes or CheckMaxElements
// (ErrTooLarge), nested deeper than MaxDepth (ErrTooDeep), with a
// DOCTYPE (ErrDTD; no DTD or entity is ever processed, nothing is fetched),
// or not well-formed XML 1.0 in UTF-8 (ErrXMLSyntax). Check does not
// modify or keep notice. It is safe for concurrent use.
func (s *SDK) Check(notice []byte) (*CheckReport, error) {
	if s == nil || s.fields == nil {
		return nil, &fielderr.Error{Field: "sdk", Err: ErrSDKUnreadable, Detail: "no SDK loaded (use LoadSDK)"}
	}
	root, err := chkParseXML(notice, CheckMaxElements)
	if err != nil {
		return nil, err
	}
	r := &chkRun{
		s:        s,
		root:     root,
		absCache: map[*chkPath][]chkItem{},
		entityOf: map[*chkNode]string{},
		fieldOf:  map[*chkNode]*sdkField{},
		seen:     map[string]bool{},
	}
	r.run()
	rep := &CheckReport{SDKVersion: s.version, Subtype: r.subtype, Problems: r.problems, Skipped: r.skipped}
	if rep.Problems == nil {
		rep.Problems = []Problem{}
	}
	if rep.Skipped == nil {
		rep.Skipped = []SkippedRule{}
	}
	slices.SortStableFunc(rep.Problems, func(a, b Problem) int {
		if c := strings.Compare(a.Field, b.Field); c != 0 {
			return c
		}
		if c := strings.Compare(a.Instance, b.Instance); c != 0 {
			return c
		}
		if a.Kind != b.Kind {
			return int(a.Kind) - int(b.Kind)
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		if c := strings.Compare(a.Value, b.Value); c != 0 {
			return c
		}
		return strings.Compare(a.XPath, b.XPath)
	})
	slices.SortStableFunc(rep.Skipped, func(a, b SkippedRule) int {
		if c := strings.Compare(a.Field, b.Field); c != 0 {
			return c
		}
		if c := strings.Compare(a.Rule, b.Rule); c != 0 {
			return c
		}
		return strings.Compare(a.Condition, b.Condition)
	})
	return rep, nil
}

// ---------------------------------------------------------------- XML tree

// chkNode is an element of the notice.
type chkNode struct {
	space, local string
	attrs        []xml.Attr // without namespace declarations
	text         string     // character data directly inside
	kids         []*chkNode
	parent       *chkNode
	line         int
}

func (n *chkNode) attr(local string) (string, bool) {
	for _, a := range n.attrs {
		if a.Name.Space == "" && a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// stringValue is the XPath string value: the text of the element and of
// all its descendants.
func (n *chkNode) stringValue() string {
	if len(n.kids) == 0 {
		return n.text
	}
	var b strings.Builder
	var walk func(*chkNode)
	walk = func(m *chkNode) {
		b.WriteString(m.text)
		for _, k := range m.kids {
			walk(k)
		}
	}
	walk(n)
	return b.String()
}

// chkParseXML reads a notice into a tree, refusing DTDs, entities other
// than XML's five, oversized and overdeep documents, and documents of more
// than maxElements elements.
func chkParseXML(data []byte, maxElements int) (*chkNode, error) {
	if len(data) > MaxNoticeBytes {
		return nil, &fielderr.Error{Field: "notice", Err: ErrTooLarge,
			Detail: fmt.Sprintf("%d bytes, limit %d", len(data), MaxNoticeBytes)}
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	// No Entity map and no CharsetReader: only &lt; &gt; &amp; &apos;
	// &quot; and character references are accepted, and only UTF-8.
	var root, cur *chkNode
	depth, count := 0, 0
	syntax := func(detail string) error {
		line, _ := dec.InputPos()
		return &fielderr.Error{Field: "notice", Err: ErrXMLSyntax, Detail: fmt.Sprintf("line %d: %s", line, detail)}
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, &fielderr.Error{Field: "notice", Err: ErrXMLSyntax, Detail: fmt.Sprintf("line %d: %s", se.Line, se.Msg)}
			}
			return nil, syntax(err.Error())
		}
		switch t := tok.(type) {
		case xml.Directive:
			line, _ := dec.InputPos()
			return nil, &fielderr.Error{Field: "notice", Err: ErrDTD, Detail: fmt.Sprintf("line %d", line)}
		case xml.StartElement:
			if cur == nil && root != nil {
				return nil, syntax("more than one root element")
			}
			depth++
			if depth > MaxDepth {
				line, _ := dec.InputPos()
				return nil, &fielderr.Error{Field: "notice", Err: ErrTooDeep, Detail: fmt.Sprintf("line %d: deeper than %d levels", line, MaxDepth)}
			}
			count++
			if count > maxElements {
				return nil, &fielderr.Error{Field: "notice", Err: ErrTooLarge, Detail: fmt.Sprintf("more than %d elements", maxElements)}
			}
			line, _ := dec.InputPos()
			n := &chkNode{space: t.Name.Space, local: t.Name.Local, parent: cur, line: line}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns") {
					continue
				}
				n.attrs = append(n.attrs, a)
			}
			if cur == nil {
				root = n
			} else {
				cur.kids = append(cur.kids, n)
			}
			cur = n
		case xml.EndElement:
			depth--
			if cur != nil {
				cur = cur.parent
			}
		case xml.CharData:
			if cur != nil {
				cur.text += string(t)
			} else if len(bytes.TrimSpace(t)) > 0 {
				return nil, syntax("text outside the root element")
			}
		}
	}
	if root == nil {
		return nil, &fielderr.Error{Field: "notice", Err: ErrXMLSyntax, Detail: "no root element"}
	}
	return root, nil
}

// ---------------------------------------------------------------- evaluation

// chkItem is one result of an XPath: an element, an attribute value or a
// text node.
type chkItem struct {
	n    *chkNode
	kind uint8 // 0 element, 1 attribute, 2 text
	val  string
}

func (it chkItem) value() string {
	switch it.kind {
	case 1, 2:
		return it.val
	}
	return it.n.stringValue()
}

type chkRun struct {
	s        *SDK
	root     *chkNode
	subtype  string
	st       *sdkSubtype
	absCache map[*chkPath][]chkItem
	entityOf map[*chkNode]string
	fieldOf  map[*chkNode]*sdkField
	problems []Problem
	skipped  []SkippedRule
	seen     map[string]bool
}

func (r *chkRun) evalAbs(p *chkPath) []chkItem {
	if items, ok := r.absCache[p]; ok {
		return items
	}
	items := r.eval(nil, p)
	r.absCache[p] = items
	return items
}

// eval evaluates p from ctx (ignored when p is absolute).
func (r *chkRun) eval(ctx *chkNode, p *chkPath) []chkItem {
	steps := p.steps
	var cur []*chkNode
	if p.abs {
		if len(steps) == 0 || !r.matchStep(r.root, &steps[0]) {
			return nil
		}
		cur, steps = []*chkNode{r.root}, steps[1:]
	} else {
		if ctx == nil {
			return nil
		}
		cur = []*chkNode{ctx}
	}
	for i := range steps {
		st := &steps[i]
		last := i == len(steps)-1
		var next []*chkNode
		switch st.kind {
		case chkStepElem, chkStepAny:
			for _, n := range cur {
				for _, k := range n.kids {
					if r.matchStep(k, st) {
						next = append(next, k)
					}
				}
			}
		case chkStepParent:
			for _, n := range cur {
				if n.parent != nil && !slices.Contains(next, n.parent) {
					next = append(next, n.parent)
				}
			}
		case chkStepAttr, chkStepText:
			if !last {
				return nil
			}
			var out []chkItem
			for _, n := range cur {
				if st.kind == chkStepAttr {
					if v, ok := n.attr(st.local); ok {
						out = append(out, chkItem{n: n, kind: 1, val: v})
					}
				} else if n.text != "" {
					out = append(out, chkItem{n: n, kind: 2, val: n.text})
				}
			}
			return out
		}
		cur = next
		if len(cur) == 0 {
			return nil
		}
	}
	out := make([]chkItem, len(cur))
	for i, n := range cur {
		out[i] = chkItem{n: n}
	}
	return out
}

func (r *chkRun) matchStep(n *chkNode, st *chkStep) bool {
	if st.kind == chkStepElem && (n.local != st.local || n.space != st.ns) {
		return false
	}
	for _, p := range st.preds {
		if !r.pred(n, p) {
			return false
		}
	}
	return true
}

func (r *chkRun) pred(n *chkNode, p *chkPred) bool {
	switch p.op {
	case chkPredOr:
		return r.pred(n, p.a) || r.pred(n, p.b)
	case chkPredAnd:
		return r.pred(n, p.a) && r.pred(n, p.b)
	case chkPredNot:
		return !r.pred(n, p.a)
	case chkPredExists:
		return len(r.eval(n, p.path)) > 0
	case chkPredEq, chkPredNe:
		for _, it := range r.eval(n, p.path) {
			v := it.value()
			for _, l := range p.lits {
				if (v == l) == (p.op == chkPredEq) {
					return true
				}
			}
		}
	}
	return false
}

// follow returns the items reached from inst by rel.
func (r *chkRun) follow(inst *chkNode, rel *chkRel) []chkItem {
	if rel.ups < 0 {
		return r.evalAbs(rel.path)
	}
	n := inst
	for i := 0; i < rel.ups && n != nil; i++ {
		n = n.parent
	}
	if n == nil {
		return nil
	}
	if len(rel.path.steps) == 0 {
		return []chkItem{{n: n}}
	}
	return r.eval(n, rel.path)
}

// chkNormalizeSpace is XPath's normalize-space.
func chkNormalizeSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// refItems returns the instances of a field reference from inst, keeping
// only those where its predicate, if any, holds.
func (r *chkRun) refItems(inst *chkNode, ref *efxRef) []chkItem {
	items := r.follow(inst, ref.rel)
	if ref.pred == nil {
		return items
	}
	var out []chkItem
	for _, it := range items {
		if r.efx(ref.pred, it.n) {
			out = append(out, it)
		}
	}
	return out
}

func (r *chkRun) values(inst *chkNode, ref *efxRef) []string {
	items := r.refItems(inst, ref)
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = chkNormalizeSpace(it.value())
	}
	return out
}

// efx evaluates a compiled condition at a context instance.
func (r *chkRun) efx(e *efxExpr, inst *chkNode) bool {
	switch e.op {
	case efxOr:
		return r.efx(e.a, inst) || r.efx(e.b, inst)
	case efxAnd:
		return r.efx(e.a, inst) && r.efx(e.b, inst)
	case efxNot:
		return !r.efx(e.a, inst)
	case efxConst:
		return e.val
	case efxPresent:
		return len(r.refItems(inst, e.ref)) > 0
	case efxIn:
		for _, v := range r.values(inst, e.ref) {
			if slices.Contains(e.lits, v) {
				return true
			}
			for _, id := range e.lists {
				if _, ok := r.s.codelists[id].codes[v]; ok {
					return true
				}
			}
		}
	case efxInField:
		others := r.values(inst, e.ref2)
		for _, v := range r.values(inst, e.ref) {
			if slices.Contains(others, v) {
				return true
			}
		}
	case efxCount:
		n := decimal.NewFromInt(int64(len(r.refItems(inst, e.ref))))
		lit, err := decimal.NewFromString(e.lits[0])
		return err == nil && chkCompare(n.Cmp(lit), e.cmp)
	case efxCmp:
		for _, v := range r.values(inst, e.ref) {
			if e.numeric {
				a, err1 := decimal.NewFromString(v)
				b, err2 := decimal.NewFromString(e.lits[0])
				if err1 == nil && err2 == nil && chkCompare(a.Cmp(b), e.cmp) {
					return true
				}
				continue
			}
			if e.ref.field.typ == "indicator" {
				switch v { // xs:boolean also allows 1 and 0
				case "1":
					v = "true"
				case "0":
					v = "false"
				}
			}
			if (v == e.lits[0]) == (e.cmp == "==") {
				return true
			}
		}
	}
	return false
}

func chkCompare(c int, op string) bool {
	switch op {
	case "==":
		return c == 0
	case "!=":
		return c != 0
	case "<":
		return c < 0
	case "<=":
		return c <= 0
	case ">":
		return c > 0
	case ">=":
		return c >= 0
	}
	return false
}

// ---------------------------------------------------------------- checks

// chkForeignRef reports whether a reference field points into an earlier
// notice rather than this one (SDK 1.15.1: "Change Previous Section
// Identifier", "Modified Contract Reference", "Modified Notice Part
// Reference", "Review Notice Section Identifier"), so that its values need
// not be defined here.
func chkForeignRef(fieldID string) bool {
	switch fieldID {
	case "BT-13716-notice", "BT-1501(c)-Contract", "BT-1501(p)-Contract", "BT-786-Review":
		return true
	}
	return false
}

// chkSectionRef reports whether a reference value names a notice section
// rather than an identifier (BT-13716, BT-786, BT-1501(p) allow them).
func chkSectionRef(v string) bool { return v == "PROCEDURE" || v == "BUYER" || v == "RESULT" }

// chkRequiredAttr reports whether an attribute field must be present on
// every instance of its element (see the file comment on schemeName).
func chkRequiredAttr(a *sdkField) bool {
	switch a.attrName {
	case "listName", "currencyID", "unitCode":
		return true
	case "schemeName":
		return a.preset != ""
	}
	return false
}

func (r *chkRun) run() {
	r.index()
	r.checkSubtype()
	r.checkValues()
	r.checkIdentifiers()
	r.checkEmpty(r.root)
	if r.st != nil {
		r.checkConstraints()
	}
}

// index maps elements to the fields they are instances of, and business
// entity instances (lots, organisations...) to their identifiers.
func (r *chkRun) index() {
	for _, f := range r.s.fieldList {
		if f.attrOf != nil {
			continue
		}
		for _, it := range r.evalAbs(f.abs) {
			if it.kind == 0 {
				if _, ok := r.fieldOf[it.n]; !ok {
					r.fieldOf[it.n] = f
				}
			}
		}
	}
	for _, n := range r.s.entities {
		for _, it := range r.evalAbs(n.abs) {
			for _, v := range r.follow(it.n, n.idRel) {
				if id := chkNormalizeSpace(v.value()); id != "" {
					r.entityOf[it.n] = id
					break
				}
			}
		}
	}
}

// entity returns the identifier of the nearest business entity instance
// enclosing n (n included), or "".
func (r *chkRun) entity(n *chkNode) string {
	for m := n; m != nil; m = m.parent {
		if id, ok := r.entityOf[m]; ok {
			return id
		}
	}
	return ""
}

func (r *chkRun) add(p Problem) {
	key := fmt.Sprintf("%d\x00%s\x00%s\x00%d\x00%s\x00%s", p.Kind, p.Field, p.Instance, p.Line, p.Value, p.XPath)
	if r.seen[key] {
		return
	}
	r.seen[key] = true
	r.problems = append(r.problems, p)
}

// problem returns a Problem about field f (nil: the element at itself)
// located at element at, with its messages built from en and fr (English
// and French sentences without the entity prefix).
func (r *chkRun) problem(kind ProblemKind, f *sdkField, at *chkNode, value, cond, en, fr string) Problem {
	p := Problem{Kind: kind, Value: value, Condition: cond}
	if f != nil {
		p.Field, p.BT, p.Label, p.XPath = f.id, f.bt, f.name, f.absSrc
	} else if at != nil {
		p.XPath = r.elementPath(at)
	}
	if at != nil {
		p.Line, p.Instance = at.line, r.entity(at)
	}
	if p.Instance != "" {
		p.MessageEN, p.MessageFR = p.Instance+": "+en+".", p.Instance+" : "+fr+"."
	} else {
		p.MessageEN, p.MessageFR = chkUpperFirst(en)+".", chkUpperFirst(fr)+"."
	}
	return p
}

func chkUpperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r >= 'a' && r <= 'z' {
		return string(r-'a'+'A') + s[n:]
	}
	return s
}

// elementPath writes the path of an element with the SDK's prefixes and
// positions among same-named siblings: /*/cac:ProcurementProjectLot[2]/...
func (r *chkRun) elementPath(n *chkNode) string {
	var parts []string
	for m := n; m.parent != nil; m = m.parent {
		name := m.local
		if p, ok := r.s.nsPrefix[m.space]; ok {
			name = p + ":" + m.local
		}
		same, pos := 0, 0
		for _, k := range m.parent.kids {
			if k.local == m.local && k.space == m.space {
				same++
				if k == m {
					pos = same
				}
			}
		}
		if same > 1 {
			name += "[" + strconv.Itoa(pos) + "]"
		}
		parts = append(parts, name)
	}
	parts = append(parts, "*")
	slices.Reverse(parts)
	return "/" + strings.Join(parts, "/")
}

func chkFieldEN(f *sdkField) string { return f.name + " (" + f.id + ")" }
func chkFieldFR(f *sdkField) string { return "« " + f.name + " » (" + f.id + ")" }

// efxBody returns the expression of a condition without its context.
func efxBody(cond string) string {
	if m := efxCondRe.FindStringSubmatch(strings.TrimSpace(cond)); m != nil {
		return m[2]
	}
	return cond
}

func (r *chkRun) checkSubtype() {
	s := r.s
	items := r.evalAbs(s.subtypeFld.abs)
	if len(items) == 0 {
		f := s.subtypeFld
		r.add(r.problem(ProblemSubtype, f, r.root, "", "",
			"the notice subtype "+chkFieldEN(f)+" is missing, so mandatory and forbidden fields cannot be checked",
			"le sous-type d'avis "+chkFieldFR(f)+" est absent : les champs obligatoires et interdits ne peuvent pas être vérifiés"))
		return
	}
	v := chkNormalizeSpace(items[0].value())
	r.subtype = v
	st := s.subtypes[v]
	if st == nil {
		r.add(r.problem(ProblemSubtype, s.subtypeFld, items[0].n, v, "",
			fmt.Sprintf("notice subtype %q is not defined by %s, so mandatory and forbidden fields cannot be checked", v, s.version),
			fmt.Sprintf("le sous-type d'avis « %s » n'existe pas dans %s : les champs obligatoires et interdits ne peuvent pas être vérifiés", v, s.version)))
		return
	}
	r.st = st
	if r.root.local != st.rootLocal || r.root.space != st.rootNS {
		r.add(r.problem(ProblemSubtype, s.subtypeFld, r.root, r.root.local, "",
			fmt.Sprintf("notice subtype %s is a %s notice: its root element must be %s in namespace %s, not %s in %s", v, st.docType, st.rootLocal, st.rootNS, r.root.local, r.root.space),
			fmt.Sprintf("le sous-type d'avis %s est un avis %s : son élément racine doit être %s de l'espace de noms %s, et non %s de %s", v, st.docType, st.rootLocal, st.rootNS, r.root.local, r.root.space)))
	}
	for _, c := range []struct {
		f    *sdkField
		want string
	}{{s.noticeType, st.noticeType}, {s.formType, st.formType}} {
		if c.f == nil || c.want == "" {
			continue
		}
		for _, it := range r.evalAbs(c.f.abs) {
			if got := chkNormalizeSpace(it.value()); got != c.want {
				r.add(r.problem(ProblemSubtype, c.f, it.n, got, "",
					fmt.Sprintf("%s is %q but notice subtype %s needs %q", chkFieldEN(c.f), got, v, c.want),
					fmt.Sprintf("le champ %s vaut « %s » mais le sous-type d'avis %s exige « %s »", chkFieldFR(c.f), got, v, c.want)))
			}
		}
	}
}

// checkValues checks codes, patterns, lengths and attributes of every
// field instance.
func (r *chkRun) checkValues() {
	for _, f := range r.s.fieldList {
		items := r.evalAbs(f.abs)
		if len(items) == 0 {
			continue
		}
		listID := f.codelist
		if id, ok := f.codelistBy[r.subtype]; ok {
			listID = id
		}
		var cl *sdkCodelist
		if listID != "" {
			cl = r.s.codelists[listID]
		}
		for _, it := range items {
			if f.attrOf == nil && it.kind == 0 {
				for _, a := range f.attrs {
					if !chkRequiredAttr(a) {
						continue
					}
					if _, ok := it.n.attr(a.attrName); ok {
						continue
					}
					en := fmt.Sprintf("%s has no %s attribute", chkFieldEN(f), a.attrName)
					fr := fmt.Sprintf("le champ %s n'a pas d'attribut %s", chkFieldFR(f), a.attrName)
					if a.preset != "" {
						en += fmt.Sprintf(" (it must be %s=%q)", a.attrName, a.preset)
						fr += fmt.Sprintf(" (il faut %s=\"%s\")", a.attrName, a.preset)
					}
					r.add(r.problem(ProblemAttribute, a, it.n, "", "", en, fr))
				}
			}
			v := chkNormalizeSpace(it.value())
			if v == "" {
				continue // an empty element is reported once, by checkEmpty
			}
			if cl != nil {
				if _, ok := cl.codes[v]; !ok {
					r.add(r.problem(ProblemCode, f, it.n, v, "",
						fmt.Sprintf("%s: %q is not a code of the list %s", chkFieldEN(f), v, listID),
						fmt.Sprintf("le champ %s contient « %s », qui n'est pas un code de la liste %s", chkFieldFR(f), v, listID)))
				}
			}
			if f.pattern != nil && !f.pattern.MatchString(v) {
				r.add(r.problem(ProblemPattern, f, it.n, v, "",
					fmt.Sprintf("%s: %q does not have the required format %s", chkFieldEN(f), v, f.patternSrc),
					fmt.Sprintf("le champ %s contient « %s », qui n'a pas le format exigé %s", chkFieldFR(f), v, f.patternSrc)))
			}
			if f.maxLength > 0 {
				if n := utf8.RuneCountInString(v); n > f.maxLength {
					r.add(r.problem(ProblemTooLong, f, it.n, chkShorten(v), "",
						fmt.Sprintf("%s is %d characters long, more than the %d allowed", chkFieldEN(f), n, f.maxLength),
						fmt.Sprintf("le champ %s compte %d caractères, plus que les %d autorisés", chkFieldFR(f), n, f.maxLength)))
				}
			}
		}
	}
}

func chkShorten(s string) string {
	const max = 80
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max]) + "…"
}

// checkIdentifiers checks that technical identifiers are defined once and
// that every reference names one of them.
func (r *chkRun) checkIdentifiers() {
	s := r.s
	defined := map[string]map[string]bool{}
	schemes := make([]string, 0, len(s.idFields))
	for sch := range s.idFields {
		schemes = append(schemes, sch)
	}
	slices.Sort(schemes)
	for _, sch := range schemes {
		defined[sch] = map[string]bool{}
		for _, f := range s.idFields[sch] {
			for _, it := range r.evalAbs(f.abs) {
				v := chkNormalizeSpace(it.value())
				if v == "" {
					continue
				}
				if defined[sch][v] {
					r.add(r.problem(ProblemDuplicateID, f, it.n, v, "",
						fmt.Sprintf("%s: identifier %s is defined more than once", chkFieldEN(f), v),
						fmt.Sprintf("le champ %s : l'identifiant %s est défini plusieurs fois", chkFieldFR(f), v)))
				}
				defined[sch][v] = true
			}
		}
	}
	for _, f := range s.fieldList {
		if f.typ != "id-ref" || len(f.idSchemes) == 0 || chkForeignRef(f.id) {
			continue
		}
		for _, it := range r.evalAbs(f.abs) {
			v := chkNormalizeSpace(it.value())
			if v == "" || chkSectionRef(v) {
				continue
			}
			found := false
			for _, sch := range f.idSchemes {
				if defined[sch][v] {
					found = true
					break
				}
			}
			if !found {
				kinds := strings.Join(f.idSchemes, ", ")
				r.add(r.problem(ProblemReference, f, it.n, v, "",
					fmt.Sprintf("%s refers to %s, which the notice does not define (expected an identifier of kind %s)", chkFieldEN(f), v, kinds),
					fmt.Sprintf("le champ %s renvoie à %s, qui n'est défini nulle part dans l'avis (identifiant attendu : %s)", chkFieldFR(f), v, kinds)))
			}
		}
	}
}

// checkEmpty reports elements with neither child elements nor text.
func (r *chkRun) checkEmpty(n *chkNode) {
	if len(n.kids) == 0 {
		if strings.TrimSpace(n.text) == "" {
			f := r.fieldOf[n]
			name := r.elementPath(n)
			if i := strings.LastIndexByte(name, '/'); i >= 0 {
				name = name[i+1:]
			}
			en := fmt.Sprintf("element %s is empty: leave it out or give it a value", name)
			fr := fmt.Sprintf("l'élément %s est vide : il faut l'omettre ou lui donner une valeur", name)
			if f != nil {
				en = fmt.Sprintf("element %s of %s is empty: leave it out or give it a value", name, chkFieldEN(f))
				fr = fmt.Sprintf("l'élément %s du champ %s est vide : il faut l'omettre ou lui donner une valeur", name, chkFieldFR(f))
			}
			r.add(r.problem(ProblemEmpty, f, n, "", "", en, fr))
		}
		return
	}
	for _, k := range n.kids {
		r.checkEmpty(k)
	}
}

// checkConstraints applies the mandatory and forbidden constraints of the
// notice's subtype.
func (r *chkRun) checkConstraints() {
	for _, f := range r.s.fieldList {
		for _, c := range f.mandatory {
			if c.subtypes[r.subtype] {
				r.mandatory(f, c)
			}
		}
		for _, c := range f.forbidden {
			if c.subtypes[r.subtype] {
				r.forbidden(f, c)
			}
		}
	}
}

func (r *chkRun) skip(f *sdkField, rule string, c *sdkConstraint) {
	r.skipped = append(r.skipped, SkippedRule{Field: f.id, Rule: rule, Condition: c.condSrc, Reason: c.unsupported})
}

// contexts returns the instances of a condition's context.
func (r *chkRun) contexts(c *sdkConstraint) []*chkNode {
	var items []chkItem
	if c.ctxNode != nil {
		items = r.evalAbs(c.ctxNode.abs)
	} else {
		items = r.evalAbs(c.ctxField.abs)
	}
	out := make([]*chkNode, 0, len(items))
	for _, it := range items {
		if it.kind == 0 {
			out = append(out, it.n)
		}
	}
	return out
}

func (r *chkRun) missing(f *sdkField, at *chkNode, cond string) {
	en := fmt.Sprintf("%s is mandatory in notice subtype %s but is missing", chkFieldEN(f), r.subtype)
	fr := fmt.Sprintf("le champ %s est obligatoire pour le sous-type d'avis %s mais il est absent", chkFieldFR(f), r.subtype)
	if cond != "" {
		en += " (condition: " + efxBody(cond) + ")"
		fr += " (condition : " + efxBody(cond) + ")"
	}
	r.add(r.problem(ProblemMissing, f, at, "", cond, en, fr))
}

func (r *chkRun) present(f *sdkField, it chkItem, cond string) {
	v := chkShorten(chkNormalizeSpace(it.value()))
	en := fmt.Sprintf("%s must not be used in notice subtype %s", chkFieldEN(f), r.subtype)
	fr := fmt.Sprintf("le champ %s est interdit pour le sous-type d'avis %s", chkFieldFR(f), r.subtype)
	if cond != "" {
		en += " (condition: " + efxBody(cond) + ")"
		fr += " (condition : " + efxBody(cond) + ")"
	}
	r.add(r.problem(ProblemForbidden, f, it.n, v, cond, en, fr))
}

func (r *chkRun) mandatory(f *sdkField, c *sdkConstraint) {
	if c.condSrc == "" {
		for _, inst := range r.evalAbs(f.scope.abs) {
			if inst.kind == 0 && len(r.follow(inst.n, f.scopeRel)) == 0 {
				r.missingUnlessForbidden(f, inst.n)
			}
		}
		if f.existScope != nil {
			for _, inst := range r.evalAbs(f.existScope.abs) {
				if inst.kind == 0 && len(r.follow(inst.n, f.existRel)) == 0 {
					r.missingUnlessForbidden(f, inst.n)
				}
			}
		}
		return
	}
	if c.cond == nil {
		r.skip(f, "mandatory", c)
		return
	}
	for _, inst := range r.contexts(c) {
		if r.efx(c.cond, inst) && len(r.follow(inst, c.target)) == 0 {
			r.missing(f, inst, c.condSrc)
		}
	}
}

// missingUnlessForbidden reports an unconditionally mandatory field
// missing at inst, unless a forbidden constraint of the same subtype holds
// there too: the SDK would then demand the impossible (it did for
// BT-33-Procedure in single-lot notices of subtype 16 until 1.15,
// OP-TED/eForms-SDK issue #1359), and Check lists the contradiction in
// Skipped instead of demanding the field.
func (r *chkRun) missingUnlessForbidden(f *sdkField, inst *chkNode) {
	for _, c := range f.forbidden {
		if !c.subtypes[r.subtype] {
			continue
		}
		holds := c.condSrc == ""
		if !holds && c.cond != nil {
			for _, ci := range r.contexts(c) {
				if chkRelated(ci, inst) && r.efx(c.cond, ci) {
					holds = true
					break
				}
			}
		}
		if holds {
			sk := SkippedRule{Field: f.id, Rule: "mandatory", Condition: c.condSrc,
				Reason: "the SDK also forbids the field here (forbidden under the condition given, or always): contradictory metadata, left to the official validation"}
			if !slices.Contains(r.skipped, sk) {
				r.skipped = append(r.skipped, sk)
			}
			return
		}
	}
	r.missing(f, inst, "")
}

// chkRelated reports whether a is an ancestor-or-self of b or b of a.
func chkRelated(a, b *chkNode) bool {
	for n := b; n != nil; n = n.parent {
		if n == a {
			return true
		}
	}
	for n := a; n != nil; n = n.parent {
		if n == b {
			return true
		}
	}
	return false
}

func (r *chkRun) forbidden(f *sdkField, c *sdkConstraint) {
	if c.condSrc == "" {
		for _, it := range r.evalAbs(f.abs) {
			r.present(f, it, "")
		}
		return
	}
	if c.cond == nil {
		r.skip(f, "forbidden", c)
		return
	}
	for _, inst := range r.contexts(c) {
		if r.efx(c.cond, inst) {
			for _, it := range r.follow(inst, c.target) {
				r.present(f, it, c.condSrc)
			}
		}
	}
}
