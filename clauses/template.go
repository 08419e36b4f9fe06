package clauses

import (
	"strings"
)

// Template is a parsed clause body: Markdown text with directives between
// double braces.
//
//	{{name}}                     the value of a variable or consultation field, formatted by its type
//	{{ref clause.id}}            the final number of a clause: "4.2", "4.2 du CCAP" from another
//	                             document, "1" for an annex
//	{{#if condition}} ... {{else}} ... {{/if}}
//	{{#each list as item}} ... {{item.field}} ... {{/each}}
//
// A block directive alone on its line takes the whole line, newline
// included, so that lists and table rows can be repeated line by line.
// Values are escaped for the Markdown subset of clause bodies: a value
// never adds emphasis, a table cell or a new paragraph. A Template is
// immutable and safe for concurrent use.
type Template struct {
	src   string
	nodes []*tnode
}

type tkind uint8

const (
	tnText tkind = iota
	tnVar
	tnRef
	tnIf
	tnEach
)

type tnode struct {
	kind      tkind
	text      string // tnText
	name      string // tnVar, tnRef (the id), tnEach (the list)
	as        string // tnEach
	cond      Condition
	condAt    int // byte offset of the condition text in src
	then, els []*tnode
	pos       int
}

// ParseTemplate parses a clause body. Errors: *SyntaxError wrapping
// ErrTemplateSyntax or ErrConditionSyntax (offsets are in src), or
// ErrTooLarge beyond MaxClauseBytes or MaxNesting.
func ParseTemplate(src string) (Template, error) {
	if len(src) > MaxClauseBytes {
		return Template{}, newSyntaxError(src, MaxClauseBytes, ErrTooLarge, "clause body longer than 256 KiB")
	}
	p := &tparser{src: src}
	nodes, end, err := p.parse(0)
	if err != nil {
		return Template{}, err
	}
	if end != "" {
		return Template{}, newSyntaxError(src, p.endAt, ErrTemplateSyntax, "{{"+end+"}} without an opening block")
	}
	return Template{src: src, nodes: nodes}, nil
}

// String returns the source text.
func (t Template) String() string { return t.src }

type tparser struct {
	src   string
	i     int
	endAt int
}

// parse reads nodes until a closing directive ("else", "/if", "/each")
// or the end, and returns the directive that stopped it.
func (p *tparser) parse(depth int) ([]*tnode, string, error) {
	var nodes []*tnode
	for p.i < len(p.src) {
		j := strings.Index(p.src[p.i:], "{{")
		if j < 0 {
			nodes = appendText(nodes, p.src[p.i:], p.i)
			p.i = len(p.src)
			break
		}
		start := p.i + j
		k := strings.Index(p.src[start+2:], "}}")
		if k < 0 {
			return nil, "", newSyntaxError(p.src, start, ErrTemplateSyntax, "{{ without }}")
		}
		end := start + 2 + k + 2
		inner := p.src[start+2 : end-2]
		if strings.Contains(inner, "\n") {
			return nil, "", newSyntaxError(p.src, start, ErrTemplateSyntax, "a directive stays on one line")
		}
		dir := strings.TrimSpace(inner)
		word, rest, _ := strings.Cut(dir, " ")
		rest = strings.TrimSpace(rest)
		block := word == "#if" || word == "else" || word == "/if" || word == "#each" || word == "/each"
		textEnd, next := start, end
		if block {
			textEnd, next = p.standalone(start, end)
		}
		nodes = appendText(nodes, p.src[p.i:textEnd], p.i)
		p.i = next
		switch word {
		case "else", "/if", "/each":
			if rest != "" {
				return nil, "", newSyntaxError(p.src, start, ErrTemplateSyntax, "{{"+word+"}} takes nothing")
			}
			p.endAt = start
			return nodes, word, nil
		case "#if":
			if depth >= MaxNesting {
				return nil, "", newSyntaxError(p.src, start, ErrTooLarge, "blocks nested too deeply")
			}
			condAt := start + 2 + strings.Index(inner, rest)
			c, err := ParseCondition(rest)
			if err != nil {
				if se, ok := err.(*SyntaxError); ok {
					return nil, "", newSyntaxError(p.src, condAt+se.Offset, se.Err, se.Msg)
				}
				return nil, "", err
			}
			if c.IsZero() {
				return nil, "", newSyntaxError(p.src, start, ErrTemplateSyntax, "{{#if}} needs a condition")
			}
			n := &tnode{kind: tnIf, cond: c, condAt: condAt, pos: start}
			then, stop, err := p.parse(depth + 1)
			if err != nil {
				return nil, "", err
			}
			n.then = then
			if stop == "else" {
				els, stop2, err := p.parse(depth + 1)
				if err != nil {
					return nil, "", err
				}
				n.els = els
				stop = stop2
			}
			if stop != "/if" {
				return nil, "", p.unclosed(start, "#if", stop)
			}
			nodes = append(nodes, n)
		case "#each":
			if depth >= MaxNesting {
				return nil, "", newSyntaxError(p.src, start, ErrTooLarge, "blocks nested too deeply")
			}
			f := strings.Fields(rest)
			if len(f) != 3 || f[1] != "as" || !validName(f[0]) || !validWord(f[2]) || reserved[f[2]] {
				return nil, "", newSyntaxError(p.src, start, ErrTemplateSyntax, "want {{#each list as item}}")
			}
			body, stop, err := p.parse(depth + 1)
			if err != nil {
				return nil, "", err
			}
			if stop != "/each" {
				return nil, "", p.unclosed(start, "#each", stop)
			}
			nodes = append(nodes, &tnode{kind: tnEach, name: f[0], as: f[2], then: body, pos: start})
		case "ref":
			if !validRefID(rest) {
				return nil, "", newSyntaxError(p.src, start, ErrTemplateSyntax, "want {{ref clause.id}}")
			}
			nodes = append(nodes, &tnode{kind: tnRef, name: rest, pos: start})
		default:
			if rest != "" || !validName(word) || reserved[word] {
				return nil, "", newSyntaxError(p.src, start, ErrTemplateSyntax, "unknown directive "+quoteText(dir))
			}
			nodes = append(nodes, &tnode{kind: tnVar, name: word, pos: start})
		}
	}
	return nodes, "", nil
}

func (p *tparser) unclosed(start int, open, stop string) error {
	if stop == "" {
		return newSyntaxError(p.src, start, ErrTemplateSyntax, "{{"+open+"}} is not closed")
	}
	return newSyntaxError(p.src, p.endAt, ErrTemplateSyntax, "{{"+stop+"}} does not close {{"+open+"}}")
}

// standalone widens a block directive at [start, end) to its whole line
// when nothing else is on it: it returns where the preceding text ends
// and where parsing resumes.
func (p *tparser) standalone(start, end int) (int, int) {
	ls := strings.LastIndexByte(p.src[:start], '\n') + 1
	if strings.TrimLeft(p.src[ls:start], " \t") != "" {
		return start, end
	}
	le := strings.IndexByte(p.src[end:], '\n')
	lineEnd := len(p.src)
	if le >= 0 {
		lineEnd = end + le
	}
	if strings.TrimRight(p.src[end:lineEnd], " \t\r") != "" {
		return start, end
	}
	if le >= 0 {
		return ls, lineEnd + 1
	}
	return ls, lineEnd
}

func appendText(nodes []*tnode, s string, pos int) []*tnode {
	if s == "" {
		return nodes
	}
	return append(nodes, &tnode{kind: tnText, text: s, pos: pos})
}

// validRefID reports whether s is a clause id.
func validRefID(s string) bool {
	if s == "" || len(s) > 128 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		ok := c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || (i > 0 && (c == '.' || c == '-' || c == '_'))
		if !ok {
			return false
		}
	}
	return true
}

// refFunc returns the text of {{ref id}}.
type refFunc func(id string) (string, bool)

// execute writes the template's text with e's values. Errors carry the
// directive's position in t.src.
func (t Template) execute(e *env, ref refFunc, out *strings.Builder) error {
	return t.run(t.nodes, e, ref, out)
}

func (t Template) run(nodes []*tnode, e *env, ref refFunc, out *strings.Builder) error {
	for _, n := range nodes {
		if out.Len() > MaxOutputBytes {
			return newSyntaxError(t.src, n.pos, ErrTooLarge, "clause text longer than 1 MiB")
		}
		switch n.kind {
		case tnText:
			out.WriteString(n.text)
		case tnVar:
			v, ok := e.lookup(n.name)
			if !ok {
				return newSyntaxError(t.src, n.pos, ErrUnknownVariable, "unknown name "+n.name)
			}
			out.WriteString(escapeInline(v.text))
		case tnRef:
			s, ok := ref(n.name)
			if !ok {
				return newSyntaxError(t.src, n.pos, ErrBrokenRef, "{{ref "+n.name+"}} names no clause of the assembled documents")
			}
			out.WriteString(escapeInline(s))
		case tnIf:
			ok, err := n.cond.eval(e)
			if err != nil {
				if se, isSE := err.(*SyntaxError); isSE {
					return newSyntaxError(t.src, n.condAt+se.Offset, se.Err, se.Msg)
				}
				return err
			}
			branch := n.els
			if ok {
				branch = n.then
			}
			if err := t.run(branch, e, ref, out); err != nil {
				return err
			}
		case tnEach:
			v, ok := e.lookup(n.name)
			if !ok {
				return newSyntaxError(t.src, n.pos, ErrUnknownVariable, "unknown name "+n.name)
			}
			if v.k == kNull {
				continue
			}
			if v.k != kList {
				return newSyntaxError(t.src, n.pos, ErrNotAList, n.name+" is a "+v.k.String())
			}
			for _, it := range v.list {
				e.push(n.as, it)
				err := t.run(n.then, e, ref, out)
				e.pop()
				if err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// use is one name a template reads, with the loop variables in force.
type use struct {
	name  string
	pos   int
	ref   bool
	loops []loopVar
}

type loopVar struct{ as, list string }

// uses lists every name and reference of the template in source order.
func (t Template) uses() []use {
	var out []use
	var walk func(nodes []*tnode, loops []loopVar)
	walk = func(nodes []*tnode, loops []loopVar) {
		for _, n := range nodes {
			switch n.kind {
			case tnVar:
				out = append(out, use{name: n.name, pos: n.pos, loops: loops})
			case tnRef:
				out = append(out, use{name: n.name, pos: n.pos, ref: true})
			case tnIf:
				for _, na := range n.cond.namePositions() {
					out = append(out, use{name: na.name, pos: n.condAt + na.pos, loops: loops})
				}
				walk(n.then, loops)
				walk(n.els, loops)
			case tnEach:
				out = append(out, use{name: n.name, pos: n.pos, loops: loops})
				inner := append(append([]loopVar(nil), loops...), loopVar{n.as, n.name})
				walk(n.then, inner)
			}
		}
	}
	walk(t.nodes, nil)
	return out
}

// escapeInline escapes a value for the Markdown subset: backslash, the
// emphasis star, the table bar, a leading list dash; line breaks become
// spaces.
func escapeInline(s string) string {
	if !strings.ContainsAny(s, "\\*|\n\r-") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '*', '|':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '-':
			if i == 0 {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		case '\n', '\r':
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
