package clauses

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/openmarches/marches/calendar"
)

// Condition is a parsed condition of the clause language: a small,
// side-effect-free boolean expression over the consultation's data and
// the library's variables. Grammar (keywords are lower case):
//
//	expr    = and { "or" and }
//	and     = not { "and" not }
//	not     = "not" not | compare
//	compare = operand [ ("==" | "!=" | "<" | "<=" | ">" | ">=" | "in") operand ]
//	operand = name | number | string | "true" | "false" | "null"
//	        | "[" [ operand { "," operand } ] "]" | "(" expr ")"
//
// Names are dotted words (procedure, buyer.kind, revision.index,
// lot.number); numbers are decimals with a point (-1, 0.5); strings are
// quoted with " or ' (backslash escapes the quote and itself).
//
// Semantics: numbers (integers, decimals, amounts, percentages) compare
// exactly; dates compare with dates or with a "YYYY-MM-DD" string; texts,
// enumerations, durations (ISO 8601 code) and booleans support == and !=
// only; a list compared with a number stands for its number of elements
// (lots > 1); x in [a, b] and x in list test membership. An unset optional
// value is null: it equals only null, and ordering it is an error. A bare
// name must be a boolean. There are no functions, no arithmetic, no
// assignment and no access to anything but the named data, so a condition
// cannot run code.
//
// Errors carry their position: *SyntaxError wrapping ErrConditionSyntax
// (parsing), ErrConditionType or ErrUnknownVariable (evaluation). The
// zero Condition is empty and always true. A Condition is immutable and
// safe for concurrent use.
type Condition struct {
	src  string
	root *node
}

type node struct {
	op    string // or and not == != < <= > >= in name lit list
	pos   int
	a, b  *node
	name  string
	lit   value
	items []*node
}

// ParseCondition parses src. An empty or blank src gives the zero
// Condition. Errors: *SyntaxError wrapping ErrConditionSyntax, or
// ErrTooLarge beyond MaxConditionBytes or MaxNesting.
func ParseCondition(src string) (Condition, error) {
	if len(src) > MaxConditionBytes {
		return Condition{}, newSyntaxError(src, MaxConditionBytes, ErrTooLarge, "condition longer than 1024 bytes")
	}
	if strings.TrimSpace(src) == "" {
		return Condition{}, nil
	}
	p := &condParser{src: src}
	if err := p.lex(); err != nil {
		return Condition{}, err
	}
	root, err := p.parseOr(0)
	if err != nil {
		return Condition{}, err
	}
	if t := p.peek(); t.kind != tEOF {
		return Condition{}, newSyntaxError(src, t.pos, ErrConditionSyntax, "unexpected "+t.describe())
	}
	return Condition{src: src, root: root}, nil
}

// MustParseCondition is ParseCondition for literals; it panics on error.
func MustParseCondition(src string) Condition {
	c, err := ParseCondition(src)
	if err != nil {
		panic(err)
	}
	return c
}

// String returns the source text.
func (c Condition) String() string { return c.src }

// IsZero reports whether c is empty (always true).
func (c Condition) IsZero() bool { return c.root == nil }

// Names returns the names the condition reads, sorted, each once.
func (c Condition) Names() []string {
	var out []string
	var walk func(n *node)
	walk = func(n *node) {
		if n == nil {
			return
		}
		if n.op == "name" {
			out = append(out, n.name)
		}
		walk(n.a)
		walk(n.b)
		for _, it := range n.items {
			walk(it)
		}
	}
	walk(c.root)
	slices.Sort(out)
	return slices.Compact(out)
}

// namePositions returns each name with its byte offset, in source order.
func (c Condition) namePositions() []nameAt {
	var out []nameAt
	var walk func(n *node)
	walk = func(n *node) {
		if n == nil {
			return
		}
		if n.op == "name" {
			out = append(out, nameAt{n.name, n.pos})
		}
		walk(n.a)
		walk(n.b)
		for _, it := range n.items {
			walk(it)
		}
	}
	walk(c.root)
	slices.SortFunc(out, func(a, b nameAt) int { return a.pos - b.pos })
	return out
}

type nameAt struct {
	name string
	pos  int
}

// Eval evaluates c over the scope's data. The zero Condition is true.
// Errors: *SyntaxError wrapping ErrConditionType or ErrUnknownVariable,
// with the position of the offending operator or name.
func (c Condition) Eval(s *Scope) (bool, error) {
	if c.root == nil {
		return true, nil
	}
	var e env
	if s != nil {
		e.base = s.vars
	}
	return c.eval(&e)
}

func (c Condition) eval(e *env) (bool, error) {
	if c.root == nil {
		return true, nil
	}
	return evalBool(c.src, c.root, e)
}

func evalBool(src string, n *node, e *env) (bool, error) {
	switch n.op {
	case "or", "and":
		l, err := evalBool(src, n.a, e)
		if err != nil {
			return false, err
		}
		if (n.op == "or") == l {
			return l, nil
		}
		return evalBool(src, n.b, e)
	case "not":
		v, err := evalBool(src, n.a, e)
		return !v, err
	case "==", "!=", "<", "<=", ">", ">=", "in":
		a, err := evalValue(src, n.a, e)
		if err != nil {
			return false, err
		}
		b, err := evalValue(src, n.b, e)
		if err != nil {
			return false, err
		}
		return compare(src, n, a, b)
	}
	v, err := evalValue(src, n, e)
	if err != nil {
		return false, err
	}
	if v.k != kBool {
		return false, newSyntaxError(src, n.pos, ErrConditionType, "a condition must be a boolean, not a "+v.k.String())
	}
	return v.b, nil
}

func evalValue(src string, n *node, e *env) (value, error) {
	switch n.op {
	case "lit":
		return n.lit, nil
	case "name":
		v, ok := e.lookup(n.name)
		if !ok {
			return value{}, newSyntaxError(src, n.pos, ErrUnknownVariable, "unknown name "+n.name)
		}
		return v, nil
	case "list":
		items := make([]value, len(n.items))
		for i, it := range n.items {
			v, err := evalValue(src, it, e)
			if err != nil {
				return value{}, err
			}
			items[i] = v
		}
		return value{k: kList, list: items}, nil
	}
	b, err := evalBool(src, n, e)
	if err != nil {
		return value{}, err
	}
	return boolValue(b), nil
}

func compare(src string, n *node, a, b value) (bool, error) {
	typeErr := func(msg string) (bool, error) {
		return false, newSyntaxError(src, n.pos, ErrConditionType, msg)
	}
	if n.op == "in" {
		if b.k != kList {
			return typeErr("in needs a list on its right, not a " + b.k.String())
		}
		for _, it := range b.list {
			eq, err := equalValues(a, it)
			if err != nil {
				return typeErr("in: " + err.Error())
			}
			if eq {
				return true, nil
			}
		}
		return false, nil
	}
	if a.k == kNull || b.k == kNull {
		switch n.op {
		case "==":
			return a.k == b.k, nil
		case "!=":
			return a.k != b.k, nil
		}
		return typeErr("an unset value has no order")
	}
	// A list compared with a number stands for its length.
	if a.k == kList && b.k == kNumber {
		a = value{k: kNumber, n: decimal.New(int64(len(a.list)), 0)}
	}
	if b.k == kList && a.k == kNumber {
		b = value{k: kNumber, n: decimal.New(int64(len(b.list)), 0)}
	}
	// A date compared with a string reads the string as a date.
	if a.k == kDate && b.k == kString {
		d, err := calendar.ParseDate(b.s)
		if err != nil {
			return typeErr("a date compares with a date written YYYY-MM-DD, not " + quoteText(b.s))
		}
		b = value{k: kDate, d: d}
	}
	if b.k == kDate && a.k == kString {
		d, err := calendar.ParseDate(a.s)
		if err != nil {
			return typeErr("a date compares with a date written YYYY-MM-DD, not " + quoteText(a.s))
		}
		a = value{k: kDate, d: d}
	}
	if a.k != b.k {
		return typeErr("cannot compare a " + a.k.String() + " with a " + b.k.String())
	}
	var c int
	switch a.k {
	case kNumber:
		c = a.n.Cmp(b.n)
	case kDate:
		c = a.d.Compare(b.d)
	case kString, kBool:
		if n.op != "==" && n.op != "!=" {
			return typeErr("a " + a.k.String() + " supports only == and !=")
		}
		eq := a.s == b.s
		if a.k == kBool {
			eq = a.b == b.b
		}
		return eq == (n.op == "=="), nil
	default:
		return typeErr("a " + a.k.String() + " cannot be compared")
	}
	switch n.op {
	case "==":
		return c == 0, nil
	case "!=":
		return c != 0, nil
	case "<":
		return c < 0, nil
	case "<=":
		return c <= 0, nil
	case ">":
		return c > 0, nil
	}
	return c >= 0, nil
}

type compareError string

func (e compareError) Error() string { return string(e) }

func equalValues(a, b value) (bool, error) {
	if a.k == kDate && b.k == kString {
		if d, err := calendar.ParseDate(b.s); err == nil {
			return a.d == d, nil
		}
	}
	if a.k != b.k {
		if a.k == kNull || b.k == kNull {
			return false, nil
		}
		return false, compareError("cannot compare a " + a.k.String() + " with a " + b.k.String())
	}
	switch a.k {
	case kNull:
		return true, nil
	case kNumber:
		return a.n.Equal(b.n), nil
	case kDate:
		return a.d == b.d, nil
	case kString:
		return a.s == b.s, nil
	case kBool:
		return a.b == b.b, nil
	}
	return false, compareError("a " + a.k.String() + " cannot be compared")
}

func quoteText(s string) string {
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	return `"` + s + `"`
}

// Lexer and parser.

type tokKind uint8

const (
	tEOF tokKind = iota
	tName
	tNumber
	tString
	tOp
)

type token struct {
	kind tokKind
	text string // op text, name, number literal or unquoted string
	pos  int
}

func (t token) describe() string {
	switch t.kind {
	case tEOF:
		return "end of condition"
	case tString:
		return "string " + quoteText(t.text)
	}
	return quoteText(t.text)
}

type condParser struct {
	src  string
	toks []token
	i    int
}

func isNameStart(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' }
func isNameChar(c byte) bool  { return isNameStart(c) || c >= '0' && c <= '9' }

func (p *condParser) lex() error {
	s := p.src
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case isNameStart(c):
			j := i
			for j < len(s) && (isNameChar(s[j]) || s[j] == '.' && j+1 < len(s) && isNameStart(s[j+1])) {
				j++
			}
			p.toks = append(p.toks, token{tName, s[i:j], i})
			i = j
		case c >= '0' && c <= '9' || c == '-' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			j := i + 1
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j+1 < len(s) && s[j] == '.' && s[j+1] >= '0' && s[j+1] <= '9' {
				j++
				for j < len(s) && s[j] >= '0' && s[j] <= '9' {
					j++
				}
			}
			if j < len(s) && isNameChar(s[j]) {
				return newSyntaxError(s, j, ErrConditionSyntax, "malformed number")
			}
			p.toks = append(p.toks, token{tNumber, s[i:j], i})
			i = j
		case c == '"' || c == '\'':
			var b strings.Builder
			j := i + 1
			closed := false
			for j < len(s) {
				if s[j] == '\\' && j+1 < len(s) && (s[j+1] == c || s[j+1] == '\\') {
					b.WriteByte(s[j+1])
					j += 2
					continue
				}
				if s[j] == c {
					closed = true
					j++
					break
				}
				if s[j] == '\n' {
					break
				}
				b.WriteByte(s[j])
				j++
			}
			if !closed {
				return newSyntaxError(s, i, ErrConditionSyntax, "unterminated string")
			}
			p.toks = append(p.toks, token{tString, b.String(), i})
			i = j
		default:
			two := ""
			if i+1 < len(s) {
				two = s[i : i+2]
			}
			switch two {
			case "==", "!=", "<=", ">=":
				p.toks = append(p.toks, token{tOp, two, i})
				i += 2
				continue
			case "&&", "||":
				return newSyntaxError(s, i, ErrConditionSyntax, "write and / or instead of && / ||")
			}
			switch c {
			case '<', '>', '(', ')', '[', ']', ',':
				p.toks = append(p.toks, token{tOp, string(c), i})
				i++
			case '=':
				return newSyntaxError(s, i, ErrConditionSyntax, "write == to compare")
			case '!':
				return newSyntaxError(s, i, ErrConditionSyntax, "write not instead of !")
			default:
				return newSyntaxError(s, i, ErrConditionSyntax, "unexpected character")
			}
		}
		if len(p.toks) > MaxConditionBytes {
			return newSyntaxError(s, i, ErrTooLarge, "too many tokens")
		}
	}
	p.toks = append(p.toks, token{kind: tEOF, pos: len(s)})
	return nil
}

func (p *condParser) peek() token { return p.toks[p.i] }
func (p *condParser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func (p *condParser) isWord(w string) bool {
	t := p.peek()
	return t.kind == tName && t.text == w
}

func (p *condParser) isOp(op string) bool {
	t := p.peek()
	return t.kind == tOp && t.text == op
}

func (p *condParser) parseOr(depth int) (*node, error) {
	if depth > MaxNesting {
		return nil, newSyntaxError(p.src, p.peek().pos, ErrTooLarge, "condition nested too deeply")
	}
	a, err := p.parseAnd(depth)
	if err != nil {
		return nil, err
	}
	for p.isWord("or") {
		t := p.next()
		b, err := p.parseAnd(depth)
		if err != nil {
			return nil, err
		}
		a = &node{op: "or", pos: t.pos, a: a, b: b}
	}
	return a, nil
}

func (p *condParser) parseAnd(depth int) (*node, error) {
	a, err := p.parseNot(depth)
	if err != nil {
		return nil, err
	}
	for p.isWord("and") {
		t := p.next()
		b, err := p.parseNot(depth)
		if err != nil {
			return nil, err
		}
		a = &node{op: "and", pos: t.pos, a: a, b: b}
	}
	return a, nil
}

func (p *condParser) parseNot(depth int) (*node, error) {
	if p.isWord("not") {
		if depth > MaxNesting {
			return nil, newSyntaxError(p.src, p.peek().pos, ErrTooLarge, "condition nested too deeply")
		}
		t := p.next()
		a, err := p.parseNot(depth + 1)
		if err != nil {
			return nil, err
		}
		return &node{op: "not", pos: t.pos, a: a}, nil
	}
	return p.parseCompare(depth)
}

func (p *condParser) parseCompare(depth int) (*node, error) {
	a, err := p.parseOperand(depth)
	if err != nil {
		return nil, err
	}
	t := p.peek()
	if t.kind == tOp && (t.text == "==" || t.text == "!=" || t.text == "<" || t.text == "<=" || t.text == ">" || t.text == ">=") || t.kind == tName && t.text == "in" {
		p.next()
		b, err := p.parseOperand(depth)
		if err != nil {
			return nil, err
		}
		if n := p.peek(); n.kind == tOp && (n.text == "==" || n.text == "!=" || n.text == "<" || n.text == "<=" || n.text == ">" || n.text == ">=") || n.kind == tName && n.text == "in" {
			return nil, newSyntaxError(p.src, n.pos, ErrConditionSyntax, "comparisons do not chain; use and")
		}
		return &node{op: t.text, pos: t.pos, a: a, b: b}, nil
	}
	return a, nil
}

var reserved = map[string]bool{"and": true, "or": true, "not": true, "in": true, "true": true, "false": true, "null": true}

func (p *condParser) parseOperand(depth int) (*node, error) {
	t := p.next()
	switch t.kind {
	case tEOF:
		return nil, newSyntaxError(p.src, t.pos, ErrConditionSyntax, "expected a value")
	case tNumber:
		d, err := decimal.NewFromString(t.text)
		if err != nil {
			return nil, newSyntaxError(p.src, t.pos, ErrConditionSyntax, "malformed number")
		}
		return &node{op: "lit", pos: t.pos, lit: value{k: kNumber, n: d, text: t.text}}, nil
	case tString:
		return &node{op: "lit", pos: t.pos, lit: strValue(t.text)}, nil
	case tName:
		switch t.text {
		case "true", "false":
			return &node{op: "lit", pos: t.pos, lit: boolValue(t.text == "true")}, nil
		case "null":
			return &node{op: "lit", pos: t.pos, lit: value{}}, nil
		}
		if reserved[t.text] || strings.Contains(t.text, "..") {
			return nil, newSyntaxError(p.src, t.pos, ErrConditionSyntax, "expected a value, found "+t.describe())
		}
		return &node{op: "name", pos: t.pos, name: t.text}, nil
	}
	switch t.text {
	case "(":
		if depth >= MaxNesting {
			return nil, newSyntaxError(p.src, t.pos, ErrTooLarge, "condition nested too deeply")
		}
		n, err := p.parseOr(depth + 1)
		if err != nil {
			return nil, err
		}
		if !p.isOp(")") {
			return nil, newSyntaxError(p.src, p.peek().pos, ErrConditionSyntax, "expected ), found "+p.peek().describe())
		}
		p.next()
		return n, nil
	case "[":
		n := &node{op: "list", pos: t.pos}
		if p.isOp("]") {
			p.next()
			return n, nil
		}
		for {
			it, err := p.parseOperand(depth + 1)
			if err != nil {
				return nil, err
			}
			if it.op == "list" {
				return nil, newSyntaxError(p.src, it.pos, ErrConditionSyntax, "lists do not nest")
			}
			n.items = append(n.items, it)
			if p.isOp(",") {
				p.next()
				continue
			}
			if p.isOp("]") {
				p.next()
				return n, nil
			}
			return nil, newSyntaxError(p.src, p.peek().pos, ErrConditionSyntax, "expected , or ], found "+p.peek().describe())
		}
	}
	return nil, newSyntaxError(p.src, t.pos, ErrConditionSyntax, "expected a value, found "+t.describe())
}

// env resolves names: loop variables (innermost first), then the scope.
type env struct {
	base   map[string]value
	locals []local
}

type local struct {
	name string
	v    value
}

func (e *env) push(name string, v value) { e.locals = append(e.locals, local{name, v}) }
func (e *env) pop()                      { e.locals = e.locals[:len(e.locals)-1] }

func (e *env) lookup(name string) (value, bool) {
	for i := len(e.locals) - 1; i >= 0; i-- {
		l := e.locals[i]
		if name == l.name {
			return l.v, true
		}
		if rest, ok := strings.CutPrefix(name, l.name+"."); ok {
			return fieldPath(l.v, rest)
		}
	}
	if v, ok := e.base[name]; ok {
		return v, true
	}
	// A prefix naming a record: buyer.address.city when only "buyer" is
	// stored as a record (not used by the consultation's fields, which are
	// flattened, but by records given as values).
	for i := len(name) - 1; i > 0; i-- {
		if name[i] != '.' {
			continue
		}
		if v, ok := e.base[name[:i]]; ok && v.k == kRecord {
			return fieldPath(v, name[i+1:])
		}
	}
	return value{}, false
}

func fieldPath(v value, path string) (value, bool) {
	for _, f := range strings.Split(path, ".") {
		if v.k != kRecord {
			return value{}, false
		}
		var ok bool
		if v, ok = v.rec.get(f); !ok {
			return value{}, false
		}
	}
	return v, true
}
