package pricing

import (
	"errors"
	"strings"
	"testing"
)

func TestFormat(t *testing.T) {
	// French per CLDR 48 "fr" (U+202F grouping, U+00A0 before the symbol,
	// as bojanz/currency data.go has it); English per CLDR "en".
	tests := []struct {
		amount string
		cur    string
		fr, en string
	}{
		{"9290.7", "EUR", "9\u202f290,70\u00a0€", "€9,290.70"},
		{"0", "EUR", "0,00\u00a0€", "€0.00"},
		{"-1234.5", "EUR", "-1\u202f234,50\u00a0€", "-€1,234.50"},
		{"1234567.891", "EUR", "1\u202f234\u202f567,89\u00a0€", "€1,234,567.89"}, // StringFixed(2): .891 → .89
		{"999.995", "EUR", "1\u202f000,00\u00a0€", "€1,000.00"},                  // half away from zero
		{"-0.001", "EUR", "0,00\u00a0€", "€0.00"},                                // no "-0,00"
		{"1234", "XPF", "1\u202f234\u00a0FCFP", "CFPF\u00a01,234"},               // no minor unit
		{"5", "USD", "5,00\u00a0$US", "$5.00"},
		{"5", "CHF", "5,00\u00a0CHF", "CHF\u00a05.00"},
	}
	for _, tt := range tests {
		a := AmountOf(dec(tt.amount), MustCurrency(tt.cur))
		if got := a.Format(French); got != tt.fr {
			t.Errorf("%s %s French = %q, want %q", tt.amount, tt.cur, got, tt.fr)
		}
		if got := a.Format(English); got != tt.en {
			t.Errorf("%s %s English = %q, want %q", tt.amount, tt.cur, got, tt.en)
		}
		if got := a.Format(0); got != tt.fr {
			t.Errorf("zero Lang should format in French: %q", got)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	for _, tt := range []struct{ in, fr, en string }{
		{"1.0322795341", "1,0322795341", "1.0322795341"},
		{"300.5", "300,5", "300.5"},
		{"1234.5", "1234,5", "1234.5"}, // 4 integer digits stay together
		{"12345.5", "12\u202f345,5", "12,345.5"},
		{"-0.97975", "-0,97975", "-0.97975"},
	} {
		if got := FormatNumber(dec(tt.in), 0, French); got != tt.fr {
			t.Errorf("fr %s = %q", tt.in, got)
		}
		if got := FormatNumber(dec(tt.in), 0, English); got != tt.en {
			t.Errorf("en %s = %q", tt.in, got)
		}
	}
}

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in         string
		lang       Lang
		want       string
		wantOffset string // "byte N" in Detail
	}{
		{"9\u202f290,70\u00a0€", French, "9290.70", ""},
		{"9 290,70 €", French, "9290.70", ""},
		{"9\u00a0290,7 EUR", French, "9290.7", ""},
		{"9290,70", French, "9290.70", ""},
		{"12 €", French, "12", ""},
		{"-1 234,50 €", French, "-1234.50", ""},
		{"\u22121\u202f234,50\u00a0€", French, "-1234.50", ""},
		{"+3,5", French, "3.5", ""},
		{"1 234 567,891", French, "1234567.891", ""},
		{"€9,290.70", English, "9290.70", ""},
		{"EUR 9,290.70", English, "9290.70", ""},
		{"-€1,234.50", English, "-1234.50", ""},
		{"9290.70", English, "9290.70", ""},
		// Errors with their byte offset.
		{"9290.70", French, "", "byte 4"},        // point instead of comma
		{"92 90,70", French, "", "byte 3"},       // group of 2 after the separator
		{"1234 567", French, "", "byte 0"},       // first group of 4
		{"9 290,", French, "", "byte 6"},         // no digit after the comma
		{"9 290,70 $", French, "", "byte 9"},     // not the euro
		{"", French, "", "byte 0"},               // empty
		{"€", French, "", "byte 0"},              // no digit
		{"1,234.5", French, "", "byte 5"},        // English text read as French: "1,234" then "."
		{"9,290,70", English, "", "byte 6"},      // last group of 2
		{"9 290,70 € HT", French, "", "byte 13"}, // trailing text
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			a, err := ParseAmount(tt.in, tt.lang, EUR)
			if tt.wantOffset != "" {
				var fe *FieldError
				if !errors.As(err, &fe) || !errors.Is(err, ErrInvalidFormattedAmount) || !strings.HasPrefix(fe.Detail, tt.wantOffset+":") {
					t.Fatalf("err = %v, want %s", err, tt.wantOffset)
				}
				return
			}
			if err != nil || a.Decimal().String() != dec(tt.want).String() {
				t.Errorf("= %v, %v; want %s", a.Decimal(), err, tt.want)
			}
		})
	}
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]Lang{"fr": French, "fr-FR": French, "fr-CA": French, "en": English, "en-GB": English} {
		if got, err := ParseLang(in); err != nil || got != want {
			t.Errorf("ParseLang(%q) = %v, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "de", "xx-YY-ZZ-1234567890"} {
		if _, err := ParseLang(bad); !errors.Is(err, ErrInvalidLang) {
			t.Errorf("ParseLang(%q) err = %v", bad, err)
		}
	}
}
