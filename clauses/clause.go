package clauses

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/xeipuuv/gojsonschema"
)

//go:embed schema/clause.schema.json
var clauseSchemaJSON []byte

// ClauseSchema returns a copy of the JSON Schema (draft-07) of a clause
// header, as shipped in schema/clause.schema.json.
func ClauseSchema() []byte { return bytes.Clone(clauseSchemaJSON) }

var clauseSchema = sync.OnceValues(func() (*gojsonschema.Schema, error) {
	return gojsonschema.NewSchema(gojsonschema.NewBytesLoader(clauseSchemaJSON))
})

// Clause is one clause of a library: a header and a Markdown body with
// directives (see Template). A clause file reads:
//
//	---
//	id: ccap.duree
//	version: 2
//	title: Durée du marché
//	documents: ccap
//	parent: ccap.execution
//	position: 20
//	condition: renewals.count > 0
//	variables: preavis.mois
//	provides: duration
//	derogates: 14.1
//	---
//	Le marché est conclu pour {{durationMonths}} mois...
//
// Keys: id, version and title are required; documents (comma-separated
// ids), parent, position (default 0), kind (article or annex), condition,
// variables, provides (comma-separated) and derogates (repeatable) are
// optional. Blank lines and lines starting with # are ignored in the
// header. A Clause is immutable and safe for concurrent use.
type Clause struct {
	id, title, parent, kind string
	version, position       int
	documents               []string
	cond                    Condition
	variables               []string
	provides                []string
	derogates               []string
	body                    Template
	bodyLine                int
	lines                   map[string]int // header key -> line
	file                    string
	text                    string // the whole file, normalized to \n
	origin                  string // "" for the vendor, else the layer's name
}

// ID returns the clause's id.
func (c *Clause) ID() string { return c.id }

// Version returns the clause's version (>= 1).
func (c *Clause) Version() int { return c.version }

// Title returns the article's or annex's title.
func (c *Clause) Title() string { return c.title }

// Documents returns the ids of the documents the clause appears in.
func (c *Clause) Documents() []string { return slices.Clone(c.documents) }

// Parent returns the id of the parent clause, or "".
func (c *Clause) Parent() string { return c.parent }

// Position returns the clause's order among its siblings.
func (c *Clause) Position() int { return c.position }

// IsAnnex reports whether the clause is an annex.
func (c *Clause) IsAnnex() bool { return c.kind == "annex" }

// Condition returns the clause's condition (zero: always included).
func (c *Clause) Condition() Condition { return c.cond }

// Variables returns the library variables the header lists.
func (c *Clause) Variables() []string { return slices.Clone(c.variables) }

// Provides returns the mandatory mentions the clause provides.
func (c *Clause) Provides() []string { return slices.Clone(c.provides) }

// Derogates returns the CCAG articles the clause derogates from.
func (c *Clause) Derogates() []string { return slices.Clone(c.derogates) }

// Body returns the body's source text.
func (c *Clause) Body() string { return c.body.String() }

// Text returns the whole clause file (header and body), with \n line ends.
func (c *Clause) Text() string { return c.text }

// File returns the path of the clause file in its fs.FS.
func (c *Clause) File() string { return c.file }

// Origin returns "" for a clause of the vendor library, or the name of
// the layer that inserted or replaced it.
func (c *Clause) Origin() string { return c.origin }

func (c *Clause) line(key string) int {
	if l, ok := c.lines[key]; ok {
		return l
	}
	return 1
}

// bodyPosLine converts a byte offset of the body into a line of the file.
func (c *Clause) bodyPosLine(off int) int {
	l, _ := position(c.body.src, off)
	return c.bodyLine + l - 1
}

// ParseClause reads a clause file named file (used in problems). Every
// problem of the header is reported at once, as Problems: ErrHeaderSyntax,
// ErrHeaderSchema (one per schema violation, on the line of the key),
// ErrConditionSyntax, ErrTemplateSyntax (with the line in the file),
// ErrTooLarge.
func ParseClause(file string, data []byte) (*Clause, error) {
	c, ps := parseClause(file, data)
	if len(ps) > 0 {
		return nil, problemsErr(ps)
	}
	return c, nil
}

func parseClause(file string, data []byte) (*Clause, []Problem) {
	prob := func(line int, rule error, msg string) []Problem {
		r := rule.(interface{ Code() string })
		return []Problem{{File: file, Line: max(line, 1), Rule: r.Code(), Message: msg, Err: rule}}
	}
	if len(data) > MaxClauseBytes {
		return nil, prob(1, ErrTooLarge, "clause file longer than 256 KiB")
	}
	if !utf8.Valid(data) {
		return nil, prob(1, ErrHeaderSyntax, "file is not UTF-8")
	}
	text := strings.ReplaceAll(string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))), "\r\n", "\n")
	lines := strings.Split(text, "\n")
	if len(lines) == 0 || strings.TrimRight(lines[0], " \t") != "---" {
		return nil, prob(1, ErrHeaderSyntax, "first line must be ---")
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], " \t") == "---" {
			end = i
			break
		}
	}
	if end < 0 {
		return nil, prob(1, ErrHeaderSyntax, "header is not closed by a --- line")
	}
	c := &Clause{file: file, text: text, lines: map[string]int{}, kind: "article"}
	obj := map[string]any{}
	var ps []Problem
	for i := 1; i < end; i++ {
		ln := i + 1
		line := strings.TrimSpace(lines[i])
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, val, ok := strings.Cut(line, ":")
		key = strings.TrimSpace(key)
		val = strings.TrimSpace(val)
		if !ok || key == "" || strings.ContainsAny(key, " \t") {
			ps = append(ps, prob(ln, ErrHeaderSyntax, fmt.Sprintf("line %q is not key: value", clip(line)))...)
			continue
		}
		if key == "document" {
			key = "documents"
		}
		if _, dup := c.lines[key]; dup && key != "derogates" {
			ps = append(ps, prob(ln, ErrHeaderSyntax, "key "+key+" is given twice")...)
			continue
		}
		if _, seen := c.lines[key]; !seen {
			c.lines[key] = ln
		}
		switch key {
		case "version", "position":
			if n, err := strconv.Atoi(val); err == nil && len(val) < 10 {
				obj[key] = n
			} else {
				obj[key] = val
			}
		case "documents", "variables", "provides":
			obj[key] = splitList(val)
		case "derogates":
			prev, _ := obj[key].([]any)
			obj[key] = append(prev, splitList(val)...)
		default:
			obj[key] = val
		}
	}
	if len(ps) > 0 {
		return nil, ps
	}
	schema, err := clauseSchema()
	if err != nil {
		return nil, prob(1, ErrHeaderSchema, err.Error()) // unreachable: TestSchemasCompile
	}
	res, err := schema.Validate(gojsonschema.NewGoLoader(obj))
	if err != nil {
		return nil, prob(1, ErrHeaderSchema, err.Error())
	}
	if !res.Valid() {
		for _, e := range res.Errors() {
			f := e.Field()
			if f == "(root)" {
				if p, ok := e.Details()["property"].(string); ok {
					f = p
				}
			}
			f, _, _ = strings.Cut(f, ".")
			ln, ok := c.lines[f]
			if !ok {
				ln = 1
			}
			ps = append(ps, prob(ln, ErrHeaderSchema, e.Field()+": "+e.Description())...)
		}
		return nil, ps
	}
	c.id, _ = obj["id"].(string)
	c.title, _ = obj["title"].(string)
	c.version, _ = obj["version"].(int)
	c.position, _ = obj["position"].(int)
	c.parent, _ = obj["parent"].(string)
	if k, ok := obj["kind"].(string); ok {
		c.kind = k
	}
	c.documents = strs(obj["documents"])
	c.variables = strs(obj["variables"])
	c.provides = strs(obj["provides"])
	c.derogates = strs(obj["derogates"])
	if src, ok := obj["condition"].(string); ok {
		cond, err := ParseCondition(src)
		if err != nil {
			return nil, synProblems(file, c.id, c.lines["condition"], err, nil)
		}
		c.cond = cond
	}
	c.bodyLine = end + 2
	body := strings.Join(lines[end+1:], "\n")
	t, err := ParseTemplate(body)
	if err != nil {
		return nil, synProblems(file, c.id, 0, err, c)
	}
	c.body = t
	for i := range ps {
		ps[i].Clause = c.id
	}
	return c, nil
}

// synProblems turns a *SyntaxError into a problem on the right line: the
// header line given, or the body line when c is set.
func synProblems(file, id string, line int, err error, c *Clause) []Problem {
	se, ok := err.(*SyntaxError)
	if !ok {
		return []Problem{{File: file, Line: max(line, 1), Clause: id, Rule: ruleCode(err), Message: err.Error(), Err: err}}
	}
	if c != nil {
		line = c.bodyLine + se.Line - 1
	}
	return []Problem{{File: file, Line: max(line, 1), Clause: id, Rule: ruleCode(se.Err), Message: se.Msg + " at column " + strconv.Itoa(se.Column) + nearText(se.Fragment), Err: se.Err}}
}

func nearText(f string) string {
	if f == "" {
		return ""
	}
	return " near " + strconv.Quote(f)
}

func ruleCode(err error) string {
	var r interface{ Code() string }
	for e := err; e != nil; {
		if x, ok := e.(interface{ Code() string }); ok {
			r = x
			break
		}
		u, ok := e.(interface{ Unwrap() error })
		if !ok {
			break
		}
		e = u.Unwrap()
	}
	if r == nil {
		return "invalid"
	}
	return r.Code()
}

func splitList(s string) []any {
	out := []any{}
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func strs(v any) []string {
	a, _ := v.([]any)
	if len(a) == 0 {
		return nil
	}
	out := make([]string, len(a))
	for i, x := range a {
		out[i], _ = x.(string)
	}
	return out
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "..."
	}
	return s
}
