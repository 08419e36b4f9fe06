package pricing

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type termWant struct{ Index, Weight string }

func terms(f Formula) []termWant {
	var out []termWant
	for _, t := range f.Terms() {
		out = append(out, termWant{t.Index, decText(t.Weight, 0)})
	}
	return out
}

func TestParseFormula(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		fixed string
		terms []termWant
		canon string // French canonical form
	}{
		// The plain Syntec clause of the contract.
		{"plain", "P = P0 x S/S0", "0", []termWant{{"S", "1"}}, "P = P0 × S/S0"},
		{"no left side", "P0 × S/S0", "0", []termWant{{"S", "1"}}, "P = P0 × S/S0"},
		{"coefficient only", "S/S0", "0", []termWant{{"S", "1"}}, "P = P0 × S/S0"},
		// Typical forms (facts §4.1): 0.15 + 0.85 S/S0.
		{"fixed part, French", "P = P0 x (0,15 + 0,85 x S/S0)", "0.15", []termWant{{"S", "0.85"}}, "P = P0 × (0,15 + 0,85 × S/S0)"},
		{"times sign and Sn", "Pn = P0 × (0,15 + 0,85 × Sn/S0)", "0.15", []termWant{{"S", "0.85"}}, "P = P0 × (0,15 + 0,85 × S/S0)"},
		{"Po and In/Io", "Pn=Po(0,15+0,85 In/Io)", "0.15", []termWant{{"I", "0.85"}}, "P = P0 × (0,15 + 0,85 × I/I0)"},
		// Weights are normalised: 0.70 → 0.7.
		{"juxtaposition, points", "C = 0.30 + 0.70 Sy/Sy0", "0.3", []termWant{{"Sy", "0.7"}}, "P = P0 × (0,3 + 0,7 × Sy/Sy0)"},
		{"parenthesised marks", "P(n) = P(0) [0,15 + 0,85 (S(n)/S(0))]", "0.15", []termWant{{"S", "0.85"}}, "P = P0 × (0,15 + 0,85 × S/S0)"},
		{"subscripts", "P = P₀ × (0,2 + 0,8 × Sₙ/S₀)", "0.2", []termWant{{"S", "0.8"}}, "P = P0 × (0,2 + 0,8 × S/S0)"},
		{"star and dot", "P = P0 * (0.125 + 0.875 · ICHT-IME/ICHT-IME0)", "0.125", []termWant{{"ICHT-IME", "0.875"}}, "P = P0 × (0,125 + 0,875 × ICHT-IME/ICHT-IME0)"},
		// Nested weights: 0.875 × 0.6 = 0.525, 0.875 × 0.4 = 0.35; 0.125 + 0.525 + 0.35 = 1.
		{"nested weights", "P = P0 × (0,125 + 0,875 × (0,6 × ICHT-IMEn/ICHT-IME0 + 0,4 × FSD2n/FSD20))", "0.125",
			[]termWant{{"ICHT-IME", "0.525"}, {"FSD2", "0.35"}}, "P = P0 × (0,125 + 0,525 × ICHT-IME/ICHT-IME0 + 0,35 × FSD2/FSD2(0))"},
		{"canonical FSD2(0) reads back", "P = P0 × (0,125 + 0,525 × ICHT-IME/ICHT-IME0 + 0,35 × FSD2/FSD2(0))", "0.125",
			[]termWant{{"ICHT-IME", "0.525"}, {"FSD2", "0.35"}}, "P = P0 × (0,125 + 0,525 × ICHT-IME/ICHT-IME0 + 0,35 × FSD2/FSD2(0))"},
		{"weight after ratio", "P = P0 × (0,15 + S/S0 × 0,85)", "0.15", []termWant{{"S", "0.85"}}, "P = P0 × (0,15 + 0,85 × S/S0)"},
		{"nbsp and division sign", "P\u00a0=\u00a0P0 × (0,5 + 0,5 × S ÷ S0)", "0.5", []termWant{{"S", "0.5"}}, "P = P0 × (0,5 + 0,5 × S/S0)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseFormula(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if !f.Fixed().Equal(dec(tt.fixed)) {
				t.Errorf("fixed = %s, want %s", f.Fixed(), tt.fixed)
			}
			if diff := cmp.Diff(tt.terms, terms(f)); diff != "" {
				t.Errorf("terms (-want +got):\n%s", diff)
			}
			if f.String() != tt.canon {
				t.Errorf("String() = %q, want %q", f.String(), tt.canon)
			}
			if f.Source() != tt.text {
				t.Errorf("Source() = %q", f.Source())
			}
			// The canonical form parses to the same formula.
			g, err := ParseFormula(f.String())
			if err != nil || g.String() != f.String() {
				t.Errorf("canonical form does not round trip: %v %v", g, err)
			}
		})
	}
}

func TestParseFormulaErrors(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		rule   error
		offset int // byte offset of a syntax error, -1 when not a syntax error
	}{
		{"empty", "", ErrFormulaSyntax, 0},
		{"only a left side", "P = ", ErrFormulaSyntax, 4},
		{"subtraction", "P = P0 x (0,15 - 0,85 x S/S0)", ErrFormulaSyntax, 15},
		{"wrong base name", "P = P0 x (0,15 + 0,85 x S/T0)", ErrFormulaSyntax, 26},
		{"base over current", "P = P0 x S0/S", ErrFormulaSyntax, 12},
		{"index without ratio", "P = P0 x (0,15 + 0,85 x S)", ErrFormulaSyntax, 24},
		{"unclosed parenthesis", "P = P0 x (0,15 + 0,85 x S/S0", ErrFormulaSyntax, 28},
		{"extra closing", "P = P0 x S/S0)", ErrFormulaSyntax, 13},
		{"mismatched bracket", "P = P0 x (0,15 + 0,85 x S/S0]", ErrFormulaSyntax, 28},
		{"product of ratios", "P = P0 x S/S0 x T/T0", ErrFormulaSyntax, 14},
		{"number division", "P = P0 x (15/100 + 0,85 x S/S0)", ErrFormulaSyntax, 12},
		{"unknown character", "P = P0 x (0,15 + 0,85 x S/S0) %", ErrFormulaSyntax, 30},
		// "é" is 2 bytes: the column (characters) differs from the byte offset.
		{"column after accents", "Prix_révisé = P0 x S/S0 ?", ErrFormulaSyntax, 26},
		{"two equals", "P = C = S/S0", ErrFormulaSyntax, 6},
		{"P0 without operator", "P = P0 0,15", ErrFormulaSyntax, 7},
		// Semantic errors: not syntax errors, no offset.
		{"weights sum to 0.95", "P = P0 x (0,15 + 0,80 x S/S0)", ErrWeightsSum, -1},
		{"weights sum to 1.05", "P = P0 x (0,2 + 0,85 x S/S0)", ErrWeightsSum, -1},
		{"same index twice", "P = P0 x (0,5 x S/S0 + 0,5 x Sn/S0)", ErrDuplicateIndex, -1},
		{"zero weight", "P = P0 x (1 + 0 x S/S0)", ErrNegativeWeight, -1},
		{"no index", "P = P0 x (1)", ErrNoIndex, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseFormula(tt.text)
			if !errors.Is(err, tt.rule) {
				t.Fatalf("err = %v, want %v", err, tt.rule)
			}
			var se *SyntaxError
			if tt.offset < 0 {
				if errors.As(err, &se) {
					t.Errorf("unexpected syntax error %v", se)
				}
				return
			}
			if !errors.As(err, &se) {
				t.Fatalf("no *SyntaxError in %v", err)
			}
			if se.Offset != tt.offset {
				t.Errorf("offset = %d, want %d (%v)", se.Offset, tt.offset, se)
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != "formula" || fe.Value != tt.text {
				t.Errorf("field error = %+v", fe)
			}
		})
	}
	// Column counts characters: "Prix_révisé" is 11 characters in 13
	// bytes (two 2-byte "é"), so "?" at byte 26 is at column 26 - 2 + 1 = 25.
	_, err := ParseFormula("Prix_révisé = P0 x S/S0 ?")
	var se *SyntaxError
	if !errors.As(err, &se) || se.Column != 25 {
		t.Errorf("column = %v, want 25", se)
	}
}

func TestNewFormula(t *testing.T) {
	f, err := NewFormula(dec("0.125"), Term{"ICHT-IME", dec("0.5")}, Term{"FSD2", dec("0.375")})
	if err != nil || f.String() != "P = P0 × (0,125 + 0,5 × ICHT-IME/ICHT-IME0 + 0,375 × FSD2/FSD2(0))" {
		t.Errorf("NewFormula = %v, %v", f, err)
	}
	if f.Format(English) != "P = P0 × (0.125 + 0.5 × ICHT-IME/ICHT-IME0 + 0.375 × FSD2/FSD2(0))" {
		t.Errorf("English = %s", f.Format(English))
	}
	_, err = NewFormula(dec("-0.1"), Term{"S", dec("1")}, Term{"1X", dec("0.1")}, Term{"S", dec("0")})
	for _, want := range []error{ErrNegativeWeight, ErrInvalidIndexName, ErrDuplicateIndex} {
		if !errors.Is(err, want) {
			t.Errorf("missing %v in %v", want, err)
		}
	}
	var z Formula
	if !z.IsZero() || z.String() != "P = P0 × S/S0" || len(z.Terms()) != 1 {
		t.Errorf("zero formula = %v", z)
	}
}
