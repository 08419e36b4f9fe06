package pricing

import (
	"encoding/json"
	"strings"

	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// Currency is an ISO 4217 currency. The zero Currency is the euro, so that
// the zero Amount is 0 EUR; use [ParseCurrency] for any other. Currencies
// are comparable with ==.
type Currency struct {
	code string // "" means EUR
}

// EUR is the euro, the default currency (the zero Currency).
var EUR = Currency{}

// ParseCurrency returns the currency for an ISO 4217 code such as "EUR",
// "XPF" or "USD" (case-insensitive), as known to golang.org/x/text/currency,
// or ErrUnknownCurrency.
func ParseCurrency(code string) (Currency, error) {
	u, err := currency.ParseISO(code)
	if err != nil || len(code) != 3 {
		return Currency{}, &FieldError{Field: "currency", Value: code, Err: ErrUnknownCurrency}
	}
	if u == currency.EUR {
		return EUR, nil
	}
	return Currency{code: u.String()}, nil
}

// MustCurrency is ParseCurrency for literals; it panics on an unknown code.
func MustCurrency(code string) Currency {
	c, err := ParseCurrency(code)
	if err != nil {
		panic(err)
	}
	return c
}

// Code returns the ISO 4217 code, "EUR" for the zero Currency.
func (c Currency) Code() string {
	if c.code == "" {
		return "EUR"
	}
	return c.code
}

// String returns the ISO 4217 code.
func (c Currency) String() string { return c.Code() }

// Digits returns the number of decimal places of the currency's minor
// unit in CLDR (2 for EUR, 0 for XPF and JPY).
func (c Currency) Digits() int32 {
	if c.code == "" {
		return 2
	}
	scale, _ := currency.Standard.Rounding(c.unit())
	return int32(scale)
}

func (c Currency) unit() currency.Unit {
	if c.code == "" {
		return currency.EUR
	}
	return currency.MustParseISO(c.code)
}

// MarshalText returns the ISO code.
func (c Currency) MarshalText() ([]byte, error) { return []byte(c.Code()), nil }

// UnmarshalText reads an ISO code.
func (c *Currency) UnmarshalText(b []byte) error {
	v, err := ParseCurrency(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// RoundingMode says how a value is rounded to a number of decimal places.
// The zero value is unset; functions that take a RoundingMode read it as
// the default, RoundHalfUp, and say so.
type RoundingMode int

const (
	// RoundHalfUp rounds to the nearest, halves away from zero
	// (2.345 → 2.35, -2.345 → -2.35): "arrondi au plus proche", the
	// default for money.
	RoundHalfUp RoundingMode = iota + 1
	// RoundHalfEven rounds to the nearest, halves to the even neighbour
	// (2.345 → 2.34, 2.355 → 2.36): banker's rounding.
	RoundHalfEven
	// RoundUp rounds toward +∞ ("au supérieur": 1.0651 → 1.066 at three
	// places, the "millième supérieur" of many revision clauses).
	RoundUp
	// RoundDown rounds toward −∞ ("à l'inférieur", truncation for
	// positive values).
	RoundDown
)

var roundingNames = [...]string{"", "half-up", "half-even", "up", "down"}

// ParseRoundingMode reads half-up, half-even, up or down.
func ParseRoundingMode(s string) (RoundingMode, error) {
	for i, n := range roundingNames {
		if i > 0 && n == s {
			return RoundingMode(i), nil
		}
	}
	return 0, &FieldError{Field: "rounding", Value: s, Err: ErrInvalidRoundingMode}
}

// String returns half-up, half-even, up or down ("" when unset).
func (m RoundingMode) String() string {
	if m < 0 || int(m) >= len(roundingNames) {
		return "invalid"
	}
	return roundingNames[m]
}

// MarshalText returns the mode's code.
func (m RoundingMode) MarshalText() ([]byte, error) { return []byte(m.orDefault().String()), nil }

// UnmarshalText reads a mode's code.
func (m *RoundingMode) UnmarshalText(b []byte) error {
	v, err := ParseRoundingMode(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

func (m RoundingMode) orDefault() RoundingMode {
	if m < RoundHalfUp || m > RoundDown {
		return RoundHalfUp
	}
	return m
}

// roundDec rounds d to places decimal places with mode (unset = half-up).
func roundDec(d decimal.Decimal, places int32, mode RoundingMode) decimal.Decimal {
	switch mode.orDefault() {
	case RoundHalfEven:
		return d.RoundBank(places)
	case RoundUp:
		return d.RoundCeil(places)
	case RoundDown:
		return d.RoundFloor(places)
	default:
		return d.Round(places) // half away from zero
	}
}

// divRound returns num/den rounded to places with mode, exactly: the
// quotient is never rounded twice. den must not be zero.
func divRound(num, den decimal.Decimal, places int32, mode RoundingMode) decimal.Decimal {
	if den.Sign() < 0 {
		num, den = num.Neg(), den.Neg()
	}
	q, r := num.QuoRem(den, places)
	if r.IsZero() {
		return q
	}
	ulp := decimal.New(1, -places)
	positive := num.Sign() > 0
	away := func() decimal.Decimal {
		if positive {
			return q.Add(ulp)
		}
		return q.Sub(ulp)
	}
	switch mode.orDefault() {
	case RoundUp:
		if positive {
			return q.Add(ulp)
		}
		return q
	case RoundDown:
		if positive {
			return q
		}
		return q.Sub(ulp)
	case RoundHalfEven:
		c := r.Abs().Mul(two).Cmp(den.Mul(ulp))
		if c > 0 || (c == 0 && q.Shift(places).BigInt().Bit(0) == 1) {
			return away()
		}
		return q
	default:
		if r.Abs().Mul(two).Cmp(den.Mul(ulp)) >= 0 {
			return away()
		}
		return q
	}
}

var (
	two     = decimal.NewFromInt(2)
	hundred = decimal.NewFromInt(100)
	one     = decimal.NewFromInt(1)
)

// Amount is an exact sum of money: a decimal.Decimal and a Currency. It is
// an immutable value; operations return new Amounts and never round unless
// their name says so. The zero Amount is 0 EUR.
type Amount struct {
	v decimal.Decimal
	c Currency
}

// NewAmount parses a plain decimal number ("9290.70", "-12", "0.5") in
// currency c. It returns ErrInvalidAmount for exponents, grouping, a
// decimal comma or a currency sign: use [ParseAmount] for formatted text.
func NewAmount(s string, c Currency) (Amount, error) {
	d, err := parsePlainDecimal(s)
	if err != nil {
		return Amount{}, &FieldError{Field: "amount", Value: s, Err: ErrInvalidAmount}
	}
	return Amount{v: d, c: c}, nil
}

// MustEUR returns the amount s in euros; it panics when s is not a plain
// decimal number. For literals only.
func MustEUR(s string) Amount {
	a, err := NewAmount(s, EUR)
	if err != nil {
		panic(err)
	}
	return a
}

// AmountOf returns d in currency c.
func AmountOf(d decimal.Decimal, c Currency) Amount { return Amount{v: d, c: c} }

// parsePlainDecimal accepts [+-]digits[.digits] or [+-].digits, at most
// 40 digits, and nothing else.
func parsePlainDecimal(s string) (decimal.Decimal, error) {
	body := s
	if body != "" && (body[0] == '-' || body[0] == '+') {
		body = body[1:]
	}
	nd, dot := 0, false
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case c >= '0' && c <= '9':
			nd++
		case c == '.' && !dot:
			dot = true
		default:
			return decimal.Decimal{}, ErrInvalidAmount
		}
	}
	if nd == 0 || nd > 40 {
		return decimal.Decimal{}, ErrInvalidAmount
	}
	if s[0] == '+' {
		s = s[1:]
	}
	return decimal.NewFromString(s)
}

// ParseDecimal parses a plain decimal number as NewAmount does, for index
// values, weights, rates and coefficients. A decimal comma is accepted
// ("8,5") when there is no point.
func ParseDecimal(s string) (decimal.Decimal, error) {
	t := strings.TrimSpace(s)
	if strings.Count(t, ",") == 1 && !strings.Contains(t, ".") {
		t = strings.Replace(t, ",", ".", 1)
	}
	d, err := parsePlainDecimal(t)
	if err != nil {
		return decimal.Decimal{}, &FieldError{Field: "value", Value: s, Err: ErrInvalidAmount}
	}
	return d, nil
}

// Decimal returns the exact value.
func (a Amount) Decimal() decimal.Decimal { return a.v }

// Currency returns the currency (EUR for the zero Amount).
func (a Amount) Currency() Currency { return a.c }

// IsZero reports whether the value is 0, whatever its scale.
func (a Amount) IsZero() bool { return a.v.IsZero() }

// Sign returns -1, 0 or +1.
func (a Amount) Sign() int { return a.v.Sign() }

// Neg returns -a.
func (a Amount) Neg() Amount { return Amount{v: a.v.Neg(), c: a.c} }

// Add returns a + b exactly, or ErrCurrencyMismatch.
func (a Amount) Add(b Amount) (Amount, error) {
	if a.c != b.c {
		return Amount{}, mismatch(a, b)
	}
	return Amount{v: a.v.Add(b.v), c: a.c}, nil
}

// Sub returns a - b exactly, or ErrCurrencyMismatch.
func (a Amount) Sub(b Amount) (Amount, error) {
	if a.c != b.c {
		return Amount{}, mismatch(a, b)
	}
	return Amount{v: a.v.Sub(b.v), c: a.c}, nil
}

// Cmp compares a and b (-1, 0, +1), or returns ErrCurrencyMismatch.
func (a Amount) Cmp(b Amount) (int, error) {
	if a.c != b.c {
		return 0, mismatch(a, b)
	}
	return a.v.Cmp(b.v), nil
}

// Equal reports whether a and b have the same currency and value; the
// scale is ignored (9290.7 equals 9290.70).
func (a Amount) Equal(b Amount) bool { return a.c == b.c && a.v.Equal(b.v) }

func mismatch(a, b Amount) error {
	return &FieldError{Field: "currency", Value: a.c.Code() + "/" + b.c.Code(), Err: ErrCurrencyMismatch}
}

// Mul returns a × d exactly (no rounding).
func (a Amount) Mul(d decimal.Decimal) Amount { return Amount{v: a.v.Mul(d), c: a.c} }

// Round rounds a to the currency's minor unit (cents for EUR) with mode;
// the zero mode means RoundHalfUp. The result always carries exactly
// Digits() places.
func (a Amount) Round(mode RoundingMode) Amount {
	d := a.c.Digits()
	return Amount{v: roundDec(a.v, d, mode), c: a.c}
}

// RoundTo rounds a to places decimal places with mode (zero = half-up).
func (a Amount) RoundTo(places int32, mode RoundingMode) Amount {
	return Amount{v: roundDec(a.v, places, mode), c: a.c}
}

// IsRounded reports whether a is a whole number of minor units.
func (a Amount) IsRounded() bool {
	return a.v.Shift(a.c.Digits()).IsInteger()
}

// Text returns the exact value as a plain decimal string with at least the
// currency's number of places ("9290.70", "9290.7051"): never rounded,
// independent of shopspring/decimal's package settings.
func (a Amount) Text() string {
	places := a.c.Digits()
	if e := -a.v.Exponent(); e > places {
		places = e
	}
	return a.v.StringFixed(places)
}

// String returns Text followed by the ISO code: "9290.70 EUR".
func (a Amount) String() string { return a.Text() + " " + a.c.Code() }

// MarshalJSON writes the amount as a JSON string of Text ("9290.70"),
// never as a JSON number; the currency travels beside it.
func (a Amount) MarshalJSON() ([]byte, error) { return json.Marshal(a.Text()) }

// UnmarshalJSON reads a JSON string holding a plain decimal number. The
// currency is kept (EUR for a zero receiver).
func (a *Amount) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return &FieldError{Field: "amount", Value: string(b), Err: ErrInvalidAmount, Detail: "amounts are JSON strings"}
	}
	v, err := NewAmount(s, a.c)
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// decText returns d exactly as a plain decimal string, with at least min
// places.
func decText(d decimal.Decimal, min int32) string {
	places := min
	if e := -d.Exponent(); e > places {
		places = e
	}
	return d.StringFixed(places)
}

// trimZeros returns d with the fewest decimal places that keep its value
// (0.5250 → 0.525, 3.00 → 3).
func trimZeros(d decimal.Decimal) decimal.Decimal {
	if d.IsZero() {
		return decimal.Zero
	}
	for d.Exponent() < 0 {
		t := d.Truncate(-d.Exponent() - 1)
		if !t.Equal(d) {
			break
		}
		d = t
	}
	return d
}
