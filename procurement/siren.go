package procurement

import (
	"strconv"

	"github.com/openmarches/marches/internal/fielderr"
)

// SIREN is the 9-digit identifier the INSEE register (répertoire SIRENE)
// gives every legal unit: a company, an association, a commune, a State
// service. The last digit is a Luhn check digit. SIREN is a small
// comparable value; the zero SIREN is unset and its String is "".
type SIREN struct{ s string }

// ParseSIREN parses a SIREN: 9 digits passing the Luhn check. Separator
// spaces (U+0020, U+00A0, U+202F) are ignored anywhere in s, so
// "552 100 554" and "552100554" give the same SIREN, whose String is the
// 9 digits without spaces.
//
// The error is a *FieldError with Field "siren", Value s and Err the first
// failing rule among ErrSIRENEmpty, ErrSIRENDigits, ErrSIRENLength and
// ErrSIRENChecksum.
func ParseSIREN(s string) (SIREN, error) {
	d, err := parseDigits("siren", s, 9, ErrSIRENEmpty, ErrSIRENDigits, ErrSIRENLength)
	if err != nil {
		return SIREN{}, err
	}
	if !luhnValid(d) {
		return SIREN{}, &FieldError{Field: "siren", Value: s, Err: ErrSIRENChecksum}
	}
	return SIREN{d}, nil
}

// MustParseSIREN is like ParseSIREN but panics on error. It is meant for
// literals in tests, examples and tables.
func MustParseSIREN(s string) SIREN {
	v, err := ParseSIREN(s)
	if err != nil {
		panic(err)
	}
	return v
}

// String returns the 9 digits, or "" for the zero SIREN.
func (n SIREN) String() string { return n.s }

// IsZero reports whether n is the zero (unset) SIREN.
func (n SIREN) IsZero() bool { return n.s == "" }

// MarshalText returns the 9 digits ("" for the zero SIREN).
func (n SIREN) MarshalText() ([]byte, error) { return []byte(n.s), nil }

// UnmarshalText parses b with ParseSIREN; on error n is left unchanged.
func (n *SIREN) UnmarshalText(b []byte) error {
	v, err := ParseSIREN(string(b))
	if err != nil {
		return err
	}
	*n = v
	return nil
}

// SIRET is the 14-digit identifier of an establishment (établissement): the
// SIREN of its legal unit followed by a 5-digit NIC (numéro interne de
// classement) whose last digit makes the 14 digits pass the Luhn check.
// For La Poste (SIREN 356000000), whose thousands of establishments
// outgrew the scheme, INSEE checks instead that the sum of the 14 digits is
// a multiple of 5. SIRET is a small comparable value; the zero SIRET is
// unset and its String is "".
type SIRET struct{ s string }

// laPosteSIREN is the SIREN of La Poste, whose SIRETs follow the digit-sum
// rule instead of Luhn.
const laPosteSIREN = "356000000"

// ParseSIRET parses a SIRET: 14 digits whose first 9 are a valid SIREN and
// which pass the Luhn check, or, for La Poste (first 9 digits 356000000),
// whose digit sum is a multiple of 5. Separator spaces (U+0020, U+00A0,
// U+202F) are ignored anywhere in s ("552 100 554 00013"); String gives the
// 14 digits without spaces.
//
// The error is a *FieldError with Field "siret", Value s and Err the first
// failing rule among ErrSIRETEmpty, ErrSIRETDigits, ErrSIRETLength,
// ErrSIRETSIREN and ErrSIRETChecksum.
//
// Source of the La Poste rule: INSEE practice as implemented in
// pass-culture/pass-culture-main api/src/pcapi/utils/siren.py (see
// ../shared/data/procurement-facts.md §6.2).
func ParseSIRET(s string) (SIRET, error) {
	d, err := parseDigits("siret", s, 14, ErrSIRETEmpty, ErrSIRETDigits, ErrSIRETLength)
	if err != nil {
		return SIRET{}, err
	}
	if !luhnValid(d[:9]) {
		return SIRET{}, &FieldError{Field: "siret", Value: s, Err: ErrSIRETSIREN,
			Detail: "SIREN " + d[:9] + " fails the Luhn check"}
	}
	if !siretCheck(d) {
		detail := ""
		if d[:9] == laPosteSIREN {
			detail = "La Poste SIRET: digit sum " + strconv.Itoa(digitSum(d)) + " is not a multiple of 5"
		}
		return SIRET{}, &FieldError{Field: "siret", Value: s, Err: ErrSIRETChecksum, Detail: detail}
	}
	return SIRET{d}, nil
}

// siretCheck applies the SIRET check to 14 ASCII digits.
func siretCheck(d string) bool {
	if d[:9] == laPosteSIREN {
		return digitSum(d)%5 == 0
	}
	return luhnValid(d)
}

// MustParseSIRET is like ParseSIRET but panics on error. It is meant for
// literals in tests, examples and tables.
func MustParseSIRET(s string) SIRET {
	v, err := ParseSIRET(s)
	if err != nil {
		panic(err)
	}
	return v
}

// String returns the 14 digits, or "" for the zero SIRET.
func (n SIRET) String() string { return n.s }

// IsZero reports whether n is the zero (unset) SIRET.
func (n SIRET) IsZero() bool { return n.s == "" }

// SIREN returns the SIREN of the establishment's legal unit (the first 9
// digits), or the zero SIREN for the zero SIRET.
func (n SIRET) SIREN() SIREN {
	if n.s == "" {
		return SIREN{}
	}
	return SIREN{n.s[:9]}
}

// NIC returns the 5-digit establishment number (numéro interne de
// classement), or "" for the zero SIRET.
func (n SIRET) NIC() string {
	if n.s == "" {
		return ""
	}
	return n.s[9:]
}

// MarshalText returns the 14 digits ("" for the zero SIRET).
func (n SIRET) MarshalText() ([]byte, error) { return []byte(n.s), nil }

// UnmarshalText parses b with ParseSIRET; on error n is left unchanged.
func (n *SIRET) UnmarshalText(b []byte) error {
	v, err := ParseSIRET(string(b))
	if err != nil {
		return err
	}
	*n = v
	return nil
}

// parseDigits is the shared front end of ParseSIREN and ParseSIRET: it
// strips separator spaces and checks that exactly want digits remain.
func parseDigits(field, s string, want int, errEmpty, errDigits, errLength *fielderr.Rule) (string, error) {
	if s == "" {
		return "", &FieldError{Field: field, Err: errEmpty}
	}
	d, n, bad := digitsOnly(s, want)
	if bad >= 0 {
		return "", &FieldError{Field: field, Value: s, Err: errDigits,
			Detail: "unexpected character at byte " + strconv.Itoa(bad)}
	}
	if n != want {
		if n == 0 {
			return "", &FieldError{Field: field, Value: s, Err: errEmpty}
		}
		return "", &FieldError{Field: field, Value: s, Err: errLength,
			Detail: "got " + strconv.Itoa(n) + " digits"}
	}
	return d, nil
}
