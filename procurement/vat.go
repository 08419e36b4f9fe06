package procurement

import "strconv"

// VAT is a French intra-community VAT number (numéro de TVA
// intracommunautaire) of the form "FR" + 2-digit key + SIREN, such as
// FR83404833048, where key = (12 + 3 × (SIREN mod 97)) mod 97 (the rule the
// tax administration applies to numbers derived from a SIREN; Wikipedia
// "Numéro de TVA intracommunautaire" gives FR83404833048 as its example).
// Numbers with an alphabetic key, given to entities without a SIREN, are
// out of scope and fail with ErrVATFormat.
//
// VAT is a small comparable value; the zero VAT is unset and its String is "".
type VAT struct{ s string }

// VATFromSIREN returns the VAT number of the legal unit n, or the zero VAT
// for the zero SIREN.
func VATFromSIREN(n SIREN) VAT {
	if n.IsZero() {
		return VAT{}
	}
	k := vatKey(n.s)
	return VAT{"FR" + string(rune('0'+k/10)) + string(rune('0'+k%10)) + n.s}
}

// vatKey computes the key of 9 ASCII digits.
func vatKey(siren string) int {
	m := 0
	for i := 0; i < len(siren); i++ {
		m = (m*10 + int(siren[i]-'0')) % 97
	}
	return (12 + 3*m) % 97
}

// ParseVAT parses a French VAT number: "FR" (upper or lower case), 2 key
// digits and a 9-digit SIREN. Separator spaces (U+0020, U+00A0, U+202F)
// are ignored anywhere ("FR 83 404 833 048"); String gives the compact
// upper-case form.
//
// The error is a *FieldError with Field "vat", Value s and Err the first
// failing rule among ErrVATEmpty, ErrVATFormat, ErrVATSIREN and ErrVATKey.
func ParseVAT(s string) (VAT, error) {
	if s == "" {
		return VAT{}, &FieldError{Field: "vat", Err: ErrVATEmpty}
	}
	rest := s
	// skip leading separators, then the country prefix
	for len(rest) > 0 && spaceSepLen(rest) > 0 {
		rest = rest[spaceSepLen(rest):]
	}
	if len(rest) < 2 || (rest[0] != 'F' && rest[0] != 'f') || (rest[1] != 'R' && rest[1] != 'r') {
		return VAT{}, &FieldError{Field: "vat", Value: s, Err: ErrVATFormat, Detail: "must start with FR"}
	}
	d, n, bad := digitsOnly(rest[2:], 11)
	if bad >= 0 || n != 11 {
		return VAT{}, &FieldError{Field: "vat", Value: s, Err: ErrVATFormat,
			Detail: "want 11 digits after FR, got " + strconv.Itoa(n)}
	}
	siren := d[2:]
	if !luhnValid(siren) {
		return VAT{}, &FieldError{Field: "vat", Value: s, Err: ErrVATSIREN, Detail: "SIREN " + siren + " fails the Luhn check"}
	}
	if want := vatKey(siren); int(d[0]-'0')*10+int(d[1]-'0') != want {
		return VAT{}, &FieldError{Field: "vat", Value: s, Err: ErrVATKey,
			Detail: "want key " + string(rune('0'+want/10)) + string(rune('0'+want%10))}
	}
	if len(s) == 13 && s[0] == 'F' && s[1] == 'R' {
		return VAT{s}, nil // already canonical: no allocation
	}
	return VAT{"FR" + d}, nil
}

// MustParseVAT is like ParseVAT but panics on error. It is meant for
// literals in tests, examples and tables.
func MustParseVAT(s string) VAT {
	v, err := ParseVAT(s)
	if err != nil {
		panic(err)
	}
	return v
}

// String returns the number as "FR83404833048", or "" for the zero VAT.
func (v VAT) String() string { return v.s }

// IsZero reports whether v is the zero (unset) VAT.
func (v VAT) IsZero() bool { return v.s == "" }

// Key returns the 2-digit key ("83"), or "".
func (v VAT) Key() string {
	if v.s == "" {
		return ""
	}
	return v.s[2:4]
}

// SIREN returns the SIREN the number is built on, or the zero SIREN.
func (v VAT) SIREN() SIREN {
	if v.s == "" {
		return SIREN{}
	}
	return SIREN{v.s[4:]}
}

// MarshalText returns the compact form ("" for the zero VAT).
func (v VAT) MarshalText() ([]byte, error) { return []byte(v.s), nil }

// UnmarshalText parses b with ParseVAT; on error v is left unchanged.
func (v *VAT) UnmarshalText(b []byte) error {
	p, err := ParseVAT(string(b))
	if err != nil {
		return err
	}
	*v = p
	return nil
}
