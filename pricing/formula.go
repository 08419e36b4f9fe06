package pricing

import (
	"slices"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
)

// Formula is a price revision formula of the form
//
//	P = P0 × (a + b₁ × I₁/I₁₀ + b₂ × I₂/I₂₀ + ...)
//
// where a is the fixed part (partie fixe, often 0, 0.125 or 0.15), each bᵢ
// the weight of index Iᵢ, Iᵢ₀ its value in the base month (mois zéro) and
// Iᵢ its value in the revision month; a + Σbᵢ = 1 exactly, a >= 0, bᵢ > 0.
// The plain Syntec clause P = P0 × S/S0 is a = 0, b = 1 on index "S".
//
// A Formula is immutable; the zero Formula stands for P = P0 × S/S0
// wherever a formula is optional (RevisionConfig). Build one with
// NewFormula or parse the text of a CCAP with ParseFormula.
type Formula struct {
	fixed  decimal.Decimal
	terms  []Term
	source string
}

// Term is one index of a formula with its weight.
type Term struct {
	// Index is the index name as written in the formula, without the
	// base-month or revision-month mark: "S" for S/S0, "ICHT-IME" for
	// ICHT-IMEn/ICHT-IME0.
	Index string
	// Weight is bᵢ (> 0).
	Weight decimal.Decimal
}

// DefaultIndex is the index name of the zero Formula (P = P0 × S/S0).
const DefaultIndex = "S"

var defaultFormula = Formula{fixed: decimal.Zero, terms: []Term{{Index: DefaultIndex, Weight: one}}}

// NewFormula returns the formula a + Σ terms. Every violation is reported
// at once: ErrNoIndex, ErrNegativeWeight, ErrWeightsSum, ErrDuplicateIndex,
// ErrInvalidIndexName. The terms slice is not retained.
func NewFormula(fixed decimal.Decimal, terms ...Term) (Formula, error) {
	f := Formula{fixed: fixed, terms: slices.Clone(terms)}
	if errs := f.validate(nil); len(errs) > 0 {
		return Formula{}, joinErrors(errs)
	}
	return f, nil
}

// MustFormula is NewFormula for literals; it panics on an invalid formula.
func MustFormula(fixed string, terms ...Term) Formula {
	f, err := NewFormula(decimal.RequireFromString(fixed), terms...)
	if err != nil {
		panic(err)
	}
	return f
}

// validate checks the formula; positions, when given, are the byte
// offsets of each term in the source text (for Detail).
func (f Formula) validate(pos []int) []*FieldError {
	var errs []*FieldError
	at := func(i int) string {
		if i < len(pos) {
			return "byte " + itoa(pos[i])
		}
		return ""
	}
	if len(f.terms) == 0 {
		errs = append(errs, &FieldError{Field: "formula", Value: f.source, Err: ErrNoIndex})
	}
	if f.fixed.Sign() < 0 {
		errs = append(errs, &FieldError{Field: "formula.fixed", Value: decText(f.fixed, 0), Err: ErrNegativeWeight})
	}
	sum := f.fixed
	seen := map[string]bool{}
	for i, t := range f.terms {
		field := "formula.terms[" + itoa(i) + "]"
		if !validIndexName(t.Index) {
			errs = append(errs, &FieldError{Field: field + ".index", Value: t.Index, Err: ErrInvalidIndexName, Detail: at(i)})
		}
		if seen[t.Index] {
			errs = append(errs, &FieldError{Field: field + ".index", Value: t.Index, Err: ErrDuplicateIndex, Detail: at(i)})
		}
		seen[t.Index] = true
		if t.Weight.Sign() <= 0 {
			errs = append(errs, &FieldError{Field: field + ".weight", Value: decText(t.Weight, 0), Err: ErrNegativeWeight, Detail: at(i)})
		}
		sum = sum.Add(t.Weight)
	}
	if len(f.terms) > 0 && !sum.Equal(one) {
		errs = append(errs, &FieldError{Field: "formula", Value: f.source, Err: ErrWeightsSum,
			Detail: "fixed part and weights sum to " + decText(sum, 0)})
	}
	return errs
}

func validIndexName(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	prev := '-'
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
		case i > 0 && (unicode.IsDigit(r) || r == '_' || isSubscript(r)):
		case i > 0 && r == '-' && prev != '-':
		default:
			return false
		}
		prev = r
	}
	return prev != '-'
}

func isSubscript(r rune) bool { return (r >= '₀' && r <= '₉') || r == 'ₙ' }

// IsZero reports whether f is the zero Formula (which stands for
// P = P0 × S/S0).
func (f Formula) IsZero() bool { return len(f.terms) == 0 }

func (f Formula) orDefault() Formula {
	if f.IsZero() {
		return defaultFormula
	}
	return f
}

// Fixed returns the fixed part a (0 for the zero Formula).
func (f Formula) Fixed() decimal.Decimal { return f.orDefault().fixed }

// Terms returns a copy of the index terms.
func (f Formula) Terms() []Term { return slices.Clone(f.orDefault().terms) }

// Source returns the text the formula was parsed from ("" when built).
func (f Formula) Source() string { return f.source }

// String returns the formula in French notation, e.g.
// "P = P0 × (0,15 + 0,85 × S/S0)".
func (f Formula) String() string { return f.Format(French) }

// Format returns the formula in lang's notation (decimal comma in French,
// point in English). Base values are written name+"0", or name+"(0)" when
// the name ends with a digit (FSD2/FSD2(0)).
func (f Formula) Format(lang Lang) string {
	g := f.orDefault()
	var b strings.Builder
	b.WriteString("P = P0 × ")
	simple := g.fixed.IsZero() && len(g.terms) == 1
	if !simple {
		b.WriteString("(")
	}
	first := true
	if !g.fixed.IsZero() {
		b.WriteString(FormatNumber(g.fixed, 0, lang))
		first = false
	}
	for _, t := range g.terms {
		if !first {
			b.WriteString(" + ")
		}
		first = false
		if !simple {
			b.WriteString(FormatNumber(t.Weight, 0, lang))
			b.WriteString(" × ")
		}
		b.WriteString(t.Index)
		b.WriteString("/")
		b.WriteString(baseName(t.Index))
	}
	if !simple {
		b.WriteString(")")
	}
	return b.String()
}

func baseName(index string) string {
	last := index[len(index)-1]
	if last >= '0' && last <= '9' {
		return index + "(0)"
	}
	return index + "0"
}

// MarshalText returns the French notation.
func (f Formula) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText parses a formula with ParseFormula.
func (f *Formula) UnmarshalText(b []byte) error {
	v, err := ParseFormula(string(b))
	if err != nil {
		return err
	}
	*f = v
	return nil
}
