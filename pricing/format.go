package pricing

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Lang is the language of formatted amounts and explanations. The zero
// value is unset; functions read it as French and say so.
type Lang int

const (
	// French: "9 290,70 €" (U+202F between thousands, decimal comma,
	// U+00A0 before the symbol), explanations in French.
	French Lang = iota + 1
	// English: "€9,290.70", explanations in English.
	English
)

// ParseLang reads a BCP 47 tag whose language is French ("fr", "fr-FR",
// "fr-CA"...) or English ("en", "en-GB"...), using golang.org/x/text/language.
// Errors: ErrInvalidLang.
func ParseLang(s string) (Lang, error) {
	tag, err := language.Parse(s)
	if err == nil {
		base, _ := tag.Base()
		switch base.String() {
		case "fr":
			return French, nil
		case "en":
			return English, nil
		}
	}
	return 0, &FieldError{Field: "lang", Value: s, Err: ErrInvalidLang}
}

// String returns "fr" or "en" ("fr" when unset).
func (l Lang) String() string {
	if l == English {
		return "en"
	}
	return "fr"
}

func (l Lang) tag() language.Tag {
	if l == English {
		return language.English
	}
	return language.French
}

// Unicode spaces of French typography (CLDR "fr": grouping U+202F narrow
// no-break space, U+00A0 no-break space before the currency symbol).
const (
	nnbsp = "\u202f"
	nbsp  = "\u00a0"
)

// noCatalog is a private empty catalog, so that x/text/message never reads
// or writes the package-level DefaultCatalog.
var noCatalog = sync.OnceValue(func() catalog.Catalog { return catalog.NewBuilder() })

// symbol returns the CLDR currency symbol of c in lang, from
// golang.org/x/text/currency ("€" for EUR in both languages, "$US" for
// USD in French).
func symbol(c Currency, lang Lang) string {
	if c.code == "" {
		return "€"
	}
	p := message.NewPrinter(lang.tag(), message.Catalog(noCatalog()))
	return p.Sprint(currency.Symbol(c.unit()))
}

// Format writes a for people, in lang (zero = French):
//
//	French:  9 290,70 €   -1 234,50 €   (U+202F groups, U+00A0 before €)
//	English: €9,290.70    -€1,234.50    (CHF 1,234.00 for letter symbols)
//
// The number comes from a.Decimal().StringFixed(Digits()): an amount with
// more places than the currency has is shown rounded half away from zero;
// round it yourself first if another mode applies. Symbols come from CLDR
// through golang.org/x/text/currency; the separators follow CLDR 48 ("fr":
// U+202F grouping), which x/text's own number formatting predates.
func (a Amount) Format(lang Lang) string {
	fixed := a.v.StringFixed(a.c.Digits())
	neg := strings.HasPrefix(fixed, "-")
	fixed = strings.TrimPrefix(fixed, "-")
	if neg && strings.Trim(fixed, "0.") == "" {
		neg = false // -0.001 shows as 0,00 €
	}
	intPart, frac, _ := strings.Cut(fixed, ".")
	sym := symbol(a.c, lang)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	if lang == English {
		b.WriteString(sym)
		if r, _ := utf8.DecodeLastRuneInString(sym); isLetter(r) {
			b.WriteString(nbsp)
		}
		group(&b, intPart, ",")
		if frac != "" {
			b.WriteByte('.')
			b.WriteString(frac)
		}
		return b.String()
	}
	group(&b, intPart, nnbsp)
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	b.WriteString(nbsp)
	b.WriteString(sym)
	return b.String()
}

// FormatNumber writes d with lang's decimal separator and grouping, with
// at least places decimals and never fewer than d has (no rounding): used
// for index values and coefficients in explanations ("1,0322795341").
// Grouping applies from 5 integer digits in French (CLDR minimumGroupingDigits
// is 1; we keep 4-digit indices ungrouped for readability: "1234,5").
func FormatNumber(d decimal.Decimal, places int32, lang Lang) string {
	s := decText(d, places)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	sep, dec := nnbsp, ","
	if lang == English {
		sep, dec = ",", "."
	}
	if len(intPart) > 4 {
		group(&b, intPart, sep)
	} else {
		b.WriteString(intPart)
	}
	if frac != "" {
		b.WriteString(dec)
		b.WriteString(frac)
	}
	return b.String()
}

// formatGrouped writes d exactly with lang's separators, always grouping
// thousands (amount approximations in explanations).
func formatGrouped(d decimal.Decimal, lang Lang) string {
	s := decText(d, 0)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	sep, dec := nnbsp, ","
	if lang == English {
		sep, dec = ",", "."
	}
	group(&b, intPart, sep)
	if frac != "" {
		b.WriteString(dec)
		b.WriteString(frac)
	}
	return b.String()
}

func group(b *strings.Builder, digits, sep string) {
	first := len(digits) % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(digits[:first])
	for i := first; i < len(digits); i += 3 {
		b.WriteString(sep)
		b.WriteString(digits[i : i+3])
	}
}

func isLetter(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
}

// ParseAmount reads an amount formatted in lang (zero = French) for
// currency c, the inverse of Format and what people type:
//
//	French:  "9 290,70 €", "9290,70", "9 290,7 EUR", "-1 234,50 €", "12 €"
//	English: "€9,290.70", "9290.70", "EUR 9,290.70", "-€1,234.50"
//
// French groups are separated by a space, U+00A0, U+202F or U+2009 and the
// decimal separator is a comma; English groups use commas and a decimal
// point. Groups after the first have exactly 3 digits. The currency may be
// given by its symbol in lang or its ISO code, and must then be c's. A
// leading '-' or U+2212 makes the amount negative; '+' is accepted. The
// value is kept exactly (no rounding, even beyond the currency's places).
//
// Errors: ErrInvalidFormattedAmount with the byte offset in Detail.
func ParseAmount(s string, lang Lang, c Currency) (Amount, error) {
	p := amountParser{s: s, lang: lang, c: c}
	v, err := p.parse()
	if err != nil {
		return Amount{}, err
	}
	return Amount{v: v, c: c}, nil
}

type amountParser struct {
	s    string
	i    int
	lang Lang
	c    Currency
}

func (p *amountParser) fail(msg string) error {
	return &FieldError{Field: "amount", Value: p.s, Err: ErrInvalidFormattedAmount,
		Detail: "byte " + itoa(p.i) + ": " + msg}
}

func (p *amountParser) peek() (rune, int) {
	if p.i >= len(p.s) {
		return -1, 0
	}
	return utf8.DecodeRuneInString(p.s[p.i:])
}

func isSpace(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' }

func (p *amountParser) skipSpaces() {
	for {
		r, n := p.peek()
		if !isSpace(r) {
			return
		}
		p.i += n
	}
}

// currencyMark consumes the symbol or ISO code of p.c if present.
func (p *amountParser) currencyMark() bool {
	rest := p.s[p.i:]
	for _, m := range []string{symbol(p.c, p.lang), p.c.Code()} {
		if m != "" && strings.HasPrefix(rest, m) {
			p.i += len(m)
			return true
		}
	}
	return false
}

func (p *amountParser) parse() (decimal.Decimal, error) {
	if len(p.s) > 200 {
		return decimal.Decimal{}, p.fail("longer than 200 bytes")
	}
	p.skipSpaces()
	neg := false
	if r, n := p.peek(); r == '-' || r == '\u2212' || r == '+' {
		neg = r != '+'
		p.i += n
	}
	groupSep, decSep := ',', '.'
	if p.lang != English {
		groupSep, decSep = ' ', ','
	}
	if p.lang == English && p.currencyMark() {
		p.skipSpaces()
	}
	var digits strings.Builder
	groupLen, groups, groupStart := 0, 0, p.i
	for {
		r, n := p.peek()
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
			groupLen++
			p.i += n
			continue
		case (groupSep == ' ' && isSpace(r)) || (groupSep == ',' && r == ','):
			// A group separator only if digits follow it directly.
			next := p.i + n
			if next < len(p.s) && p.s[next] >= '0' && p.s[next] <= '9' && groupLen > 0 {
				if (groups == 0 && groupLen > 3) || (groups > 0 && groupLen != 3) {
					p.i = groupStart
					return decimal.Decimal{}, p.fail("a digit group before a separator must have 1 to 3 digits, then exactly 3")
				}
				groups++
				groupLen = 0
				p.i = next
				groupStart = next
				continue
			}
		}
		break
	}
	if digits.Len() == 0 {
		return decimal.Decimal{}, p.fail("expected a digit")
	}
	if groups > 0 && groupLen != 3 {
		p.i = groupStart
		return decimal.Decimal{}, p.fail("the last digit group must have exactly 3 digits")
	}
	if r, n := p.peek(); r == decSep {
		p.i += n
		digits.WriteByte('.')
		nf := 0
		for {
			r, n := p.peek()
			if r < '0' || r > '9' {
				break
			}
			digits.WriteRune(r)
			nf++
			p.i += n
		}
		if nf == 0 {
			return decimal.Decimal{}, p.fail("expected a digit after the decimal separator")
		}
	} else if r == '.' || r == ',' {
		return decimal.Decimal{}, p.fail("unexpected " + string(r) + " (decimal separator is " + string(decSep) + ")")
	}
	p.skipSpaces()
	if p.lang != English && p.currencyMark() {
		p.skipSpaces()
	}
	if p.i != len(p.s) {
		r, _ := p.peek()
		return decimal.Decimal{}, p.fail("unexpected " + quoteRune(r))
	}
	txt := digits.String()
	if ip, fp, _ := strings.Cut(txt, "."); len(ip) > 30 || len(fp) > 30 {
		p.i = 0
		return decimal.Decimal{}, p.fail("more than 30 digits before or after the decimal separator")
	}
	d, err := decimal.NewFromString(txt)
	if err != nil {
		return decimal.Decimal{}, p.fail("not a number")
	}
	if neg {
		d = d.Neg()
	}
	return d, nil
}

func quoteRune(r rune) string {
	if r == utf8.RuneError {
		return "invalid UTF-8"
	}
	return "\"" + string(r) + "\""
}
