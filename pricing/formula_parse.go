package pricing

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// SyntaxError locates a syntax error in a revision formula. It unwraps to
// ErrFormulaSyntax; ParseFormula returns it inside a *FieldError (Field
// "formula"), so use errors.As to read the position.
type SyntaxError struct {
	// Offset is the byte offset of the offending fragment in the text.
	Offset int
	// Column is the 1-based position of the fragment in characters.
	Column int
	// Fragment is the offending token ("" at the end of the text).
	Fragment string
	// Msg says what was expected.
	Msg string
}

// Error returns "pricing: invalid revision formula at column C (byte B)
// near "F": msg".
func (e *SyntaxError) Error() string {
	near := "at the end"
	if e.Fragment != "" {
		near = "near \"" + e.Fragment + "\""
	}
	return ErrFormulaSyntax.Error() + " at column " + itoa(e.Column) + " (byte " + itoa(e.Offset) + ") " + near + ": " + e.Msg
}

// Unwrap returns ErrFormulaSyntax.
func (e *SyntaxError) Unwrap() error { return ErrFormulaSyntax }

// MaxFormulaLen bounds the text ParseFormula reads, in bytes.
const MaxFormulaLen = 1000

// ParseFormula reads a revision formula as a CCAP writes it, in French or
// English notation, and returns it normalised to a + Σ bᵢ × Iᵢ/Iᵢ₀. It
// accepts:
//
//   - an optional left side ("P =", "Pn =", "P(n) =", "C ="), then an
//     optional initial price symbol ("P0", "Po", "P₀", "P(0)") followed by
//     a product sign or a parenthesis;
//   - numbers with a decimal comma or point ("0,15", "0.875", "1");
//   - products written ×, x, X, *, · or ⋅, or by juxtaposition
//     ("0,85 S/S0"); sums with +; parentheses ( ) or brackets [ ];
//   - index ratios current/base where the base value is the index name
//     followed by 0, o, ₀, (0) or _0, and the current value is the name
//     alone or followed by n, ₙ, (n) or _n: S/S0, Sn/S0, S(n)/S(0),
//     ICHT-IME/ICHT-IME0, FSD2n/FSD20, In/Io; "÷" divides too;
//   - nested weights: 0,125 + 0,875 × (0,6 × A/A0 + 0,4 × B/B0) gives
//     weights 0,525 and 0,35.
//
// Index names start with a letter and may contain digits, '_' and an
// inner '-' (a '-' between spaces is a subtraction, which revision
// formulas do not use and is rejected). The formula is then validated as
// NewFormula does (a + Σbᵢ = 1, weights > 0, one term per index).
//
// Errors: a *FieldError (Field "formula") wrapping a *SyntaxError with the
// byte offset and column for syntax errors, or the NewFormula sentinels
// with "byte N" in Detail.
func ParseFormula(text string) (Formula, error) {
	if len(text) > MaxFormulaLen {
		return Formula{}, syntaxErr(text, MaxFormulaLen, "", "formula longer than 1000 bytes")
	}
	if !utf8.ValidString(text) {
		return Formula{}, syntaxErr(text, invalidUTF8At(text), "", "invalid UTF-8")
	}
	toks, err := lexFormula(text)
	if err != nil {
		return Formula{}, err
	}
	p := &formulaParser{text: text, toks: toks}
	lf, err := p.parse()
	if err != nil {
		return Formula{}, err
	}
	f := Formula{fixed: trimZeros(lf.c), source: text}
	pos := make([]int, len(lf.terms))
	for i, t := range lf.terms {
		f.terms = append(f.terms, Term{Index: t.name, Weight: trimZeros(t.w)})
		pos[i] = t.pos
	}
	if errs := f.validate(pos); len(errs) > 0 {
		return Formula{}, joinErrors(errs)
	}
	return f, nil
}

// MustParseFormula is ParseFormula for literals; it panics on error.
func MustParseFormula(text string) Formula {
	f, err := ParseFormula(text)
	if err != nil {
		panic(err)
	}
	return f
}

func invalidUTF8At(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n <= 1 {
				return i
			}
		}
	}
	return 0
}

func syntaxErr(text string, off int, frag, msg string) error {
	if off > len(text) {
		off = len(text)
	}
	col := utf8.RuneCountInString(text[:off]) + 1
	return &FieldError{Field: "formula", Value: text, Err: &SyntaxError{Offset: off, Column: col, Fragment: frag, Msg: msg}}
}

type tokKind int

const (
	tEOF tokKind = iota
	tNum
	tIdent
	tMul
	tDiv
	tPlus
	tMinus
	tOpen
	tClose
	tEq
)

type token struct {
	kind tokKind
	pos  int
	text string // as written
	name string // identifiers: name without an adjacent (0)/(n) mark
	sub  string // identifiers: "0" or "n" from an adjacent parenthesised mark
	num  decimal.Decimal
	open rune // tOpen/tClose: '(' or '['
}

func lexFormula(text string) ([]token, error) {
	var toks []token
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f':
			i += n
		case r >= '0' && r <= '9':
			j := i
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			if j+1 < len(text) && (text[j] == ',' || text[j] == '.') && text[j+1] >= '0' && text[j+1] <= '9' {
				j++
				for j < len(text) && text[j] >= '0' && text[j] <= '9' {
					j++
				}
			}
			lit := text[i:j]
			if j-i > 30 {
				return nil, syntaxErr(text, i, lit, "number too long")
			}
			d, err := decimal.NewFromString(strings.Replace(lit, ",", ".", 1))
			if err != nil {
				return nil, syntaxErr(text, i, lit, "not a number")
			}
			toks = append(toks, token{kind: tNum, pos: i, text: lit, num: d})
			i = j
		case unicode.IsLetter(r):
			j := i + n
			for j < len(text) {
				q, m := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(q) || unicode.IsDigit(q) || q == '_' || isSubscript(q) {
					j += m
					continue
				}
				if q == '-' && j+1 < len(text) {
					q2, _ := utf8.DecodeRuneInString(text[j+1:])
					if unicode.IsLetter(q2) || unicode.IsDigit(q2) {
						j++
						continue
					}
				}
				break
			}
			name := text[i:j]
			sub := ""
			if j+2 < len(text) && text[j] == '(' && text[j+2] == ')' && strings.ContainsRune("0nNoO", rune(text[j+1])) {
				sub = strings.ToLower(text[j+1 : j+2])
				if sub == "o" {
					sub = "0"
				}
				j += 3
			}
			if sub == "" && (name == "x" || name == "X") {
				toks = append(toks, token{kind: tMul, pos: i, text: name})
			} else {
				toks = append(toks, token{kind: tIdent, pos: i, text: text[i:j], name: name, sub: sub})
			}
			i = j
		default:
			k := tEOF
			switch r {
			case '×', '*', '·', '⋅', '∙':
				k = tMul
			case '/', '÷':
				k = tDiv
			case '+':
				k = tPlus
			case '-', '−', '–':
				k = tMinus
			case '(', '[':
				k = tOpen
			case ')', ']':
				k = tClose
			case '=':
				k = tEq
			default:
				return nil, syntaxErr(text, i, string(r), "unexpected character")
			}
			toks = append(toks, token{kind: k, pos: i, text: text[i : i+n], open: r})
			i += n
		}
	}
	toks = append(toks, token{kind: tEOF, pos: len(text)})
	return toks, nil
}

type linTerm struct {
	name string
	w    decimal.Decimal
	pos  int
}

// linear is a + Σ wᵢ × ratioᵢ.
type linear struct {
	c     decimal.Decimal
	terms []linTerm
}

func (l linear) scale(k decimal.Decimal) linear {
	out := linear{c: trimZeros(l.c.Mul(k))}
	for _, t := range l.terms {
		out.terms = append(out.terms, linTerm{t.name, trimZeros(t.w.Mul(k)), t.pos})
	}
	return out
}

type formulaParser struct {
	text string
	toks []token
	i    int
}

func (p *formulaParser) peek() token { return p.toks[p.i] }
func (p *formulaParser) next() token { t := p.toks[p.i]; p.i++; return t }

func (p *formulaParser) errAt(t token, msg string) error {
	return syntaxErr(p.text, t.pos, t.text, msg)
}

func (p *formulaParser) parse() (linear, error) {
	// Left side: an identifier and '='.
	if p.toks[0].kind == tIdent && len(p.toks) > 1 && p.toks[1].kind == tEq {
		p.i = 2
	}
	if t := p.peek(); t.kind == tEOF {
		return linear{}, p.errAt(t, "empty formula")
	}
	// Initial price symbol: an identifier not followed by '/'.
	if t := p.peek(); t.kind == tIdent && p.toks[p.i+1].kind != tDiv {
		p.next()
		if p.peek().kind == tMul {
			p.next()
		} else if k := p.peek().kind; k != tOpen {
			return linear{}, p.errAt(p.peek(), "expected × or ( after the initial price "+t.text)
		}
	}
	l, err := p.sum()
	if err != nil {
		return linear{}, err
	}
	if t := p.peek(); t.kind != tEOF {
		if t.kind == tClose {
			return linear{}, p.errAt(t, "unbalanced closing parenthesis")
		}
		if t.kind == tEq {
			return linear{}, p.errAt(t, "unexpected = (one left side only)")
		}
		return linear{}, p.errAt(t, "expected + or the end of the formula")
	}
	return l, nil
}

func (p *formulaParser) sum() (linear, error) {
	l, err := p.product()
	if err != nil {
		return linear{}, err
	}
	for {
		switch p.peek().kind {
		case tPlus:
		case tMinus:
			return linear{}, p.errAt(p.peek(), "subtraction is not supported (a revision formula adds positive terms)")
		default:
			return l, nil
		}
		p.next()
		r, err := p.product()
		if err != nil {
			return linear{}, err
		}
		l.c = l.c.Add(r.c)
		l.terms = append(l.terms, r.terms...)
	}
}

func (p *formulaParser) product() (linear, error) {
	l, err := p.factor()
	if err != nil {
		return linear{}, err
	}
	for {
		t := p.peek()
		switch t.kind {
		case tMul:
			p.next()
		case tNum, tIdent, tOpen:
			// juxtaposition: "0,85 S/S0", "0,85 (S/S0)"
		default:
			return l, nil
		}
		r, err := p.factor()
		if err != nil {
			return linear{}, err
		}
		switch {
		case len(l.terms) == 0:
			l = r.scale(l.c)
		case len(r.terms) == 0:
			l = l.scale(r.c)
		default:
			return linear{}, p.errAt(t, "cannot multiply two index ratios (the formula must be linear in the indices)")
		}
	}
}

func (p *formulaParser) factor() (linear, error) {
	t := p.next()
	switch t.kind {
	case tNum:
		if p.peek().kind == tDiv {
			return linear{}, p.errAt(p.peek(), "only an index can be divided, by its base value (S/S0); write 0,85 rather than 85/100")
		}
		return linear{c: t.num}, nil
	case tIdent:
		if p.peek().kind != tDiv {
			return linear{}, p.errAt(t, "index "+t.text+" must be divided by its base value ("+t.name+"/"+t.name+"0)")
		}
		p.next()
		d := p.next()
		if d.kind != tIdent {
			return linear{}, p.errAt(d, "expected the base value of "+t.text+" after /")
		}
		base, ok := pairIndex(t, d)
		if !ok {
			return linear{}, p.errAt(d, d.text+" is not the base value of "+t.text+" (write S/S0, Sn/S0 or S(n)/S(0))")
		}
		if p.peek().kind == tDiv {
			return linear{}, p.errAt(p.peek(), "a ratio cannot be divided again")
		}
		return linear{c: decimal.Zero, terms: []linTerm{{name: base, w: one, pos: t.pos}}}, nil
	case tOpen:
		l, err := p.sum()
		if err != nil {
			return linear{}, err
		}
		c := p.next()
		if c.kind != tClose {
			return linear{}, p.errAt(c, "expected a closing parenthesis for the one at byte "+itoa(t.pos))
		}
		if (t.open == '(') != (c.open == ')') {
			return linear{}, p.errAt(c, "mismatched bracket")
		}
		if p.peek().kind == tDiv {
			return linear{}, p.errAt(p.peek(), "only an index can be divided, by its base value (S/S0)")
		}
		return l, nil
	case tEOF:
		return linear{}, p.errAt(t, "expected a number, an index ratio or (")
	case tMinus:
		return linear{}, p.errAt(t, "subtraction and negative numbers are not supported (weights are positive)")
	default:
		return linear{}, p.errAt(t, "expected a number, an index ratio or (")
	}
}

// pairIndex checks that den is the base value of num and returns the
// index name: S/S0, Sn/S0, S_n/S_0, Sₙ/S₀, S(n)/S(0), In/Io.
func pairIndex(num, den token) (string, bool) {
	var bases []string
	switch den.sub {
	case "0":
		bases = []string{den.name}
	case "":
		for _, suf := range []string{"_0", "₀", "0", "o"} {
			if b, ok := strings.CutSuffix(den.name, suf); ok && b != "" {
				bases = append(bases, b)
			}
		}
	default:
		return "", false
	}
	var cands []string
	switch num.sub {
	case "n":
		cands = []string{num.name}
	case "":
		cands = []string{num.name}
		for _, suf := range []string{"_n", "ₙ", "n"} {
			if b, ok := strings.CutSuffix(num.name, suf); ok && b != "" {
				cands = append(cands, b)
			}
		}
	default:
		return "", false
	}
	for _, b := range bases {
		for _, c := range cands {
			if b == c && validIndexName(b) {
				return b, true
			}
		}
	}
	return "", false
}
