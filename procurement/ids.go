package procurement

// Identifiers (summarised in doc.go; this comment is detached from the
// package clause on purpose).
//
// The package parses and validates the identifiers French public
// procurement data carries, each as a small immutable comparable value with
// String (canonical form), MarshalText and UnmarshalText, a Parse function,
// a MustParse for literals, and IsZero (the zero value means "unset"):
//
//   - SIREN (9 digits) and SIRET (SIREN + 5-digit NIC, 14 digits), checked
//     with the Luhn algorithm; SIRETs of La Poste (SIREN 356000000) are
//     checked by the sum of their 14 digits being a multiple of 5 instead.
//     Input may contain separator spaces anywhere ("552 100 554", also
//     U+00A0 and U+202F); String gives the digits only.
//   - CPV codes (Common Procurement Vocabulary 2008): "72000000-5". The
//     published check digits are a weighted sum (3,7,1,3,7,1,3,7 mod 10)
//     except in a few subtrees shifted by a constant, an error of the 2008
//     revision acknowledged by the Commission; the package reproduces them
//     (verified on all 2 224 codes of divisions 03-31 and on 105 sampled
//     codes elsewhere). ParseCPVCode completes an 8-digit code.
//   - NUTS codes: country code + up to 3 level characters; French codes
//     must exist in NUTS 2024 (NUTSCodesFR lists them), other countries'
//     are checked for their format only.
//   - ACTES act identifiers (contrôle de légalité):
//     "074-200011773-20260421-D_2026_0083-AU" = département, SIREN, date,
//     internal number, nature (DE 1, AR 2, AI 3, CC 4, BF 5, AU 6);
//     ParseACTES and NewACTES report every faulty part at once.
//   - French VAT numbers derived from a SIREN: "FR" + key + SIREN, key =
//     (12 + 3 × (SIREN mod 97)) mod 97 (VATFromSIREN, ParseVAT).
//
// Errors: a *FieldError whose Field is the identifier kind ("siren",
// "siret", "cpv", "nuts", "vat", "actes" or "actes.<part>"), Value the
// input, Err one sentinel per rule (errors_ids.go). Simple identifiers
// report the first failing rule in the order empty, characters, length,
// checksum; ACTES reports all faulty parts as a fielderr.List.
// Parsers never panic and do not allocate on canonical input (ACTES: one
// allocation).

// digitsOnly extracts the digits of s, skipping separator spaces. It
// returns the digits (s itself when s holds digits only), the number of
// digits found, and the byte offset of the first character that is neither
// a digit nor a separator (-1 when none). When there is a bad character or
// more than max digits, the digits string is empty (n still counts them).
func digitsOnly(s string, max int) (digits string, n int, bad int) {
	bad = -1
	clean := true
	for i := 0; i < len(s); {
		c := s[i]
		if c >= '0' && c <= '9' {
			n++
			i++
			continue
		}
		clean = false
		w := spaceSepLen(s[i:])
		if w == 0 {
			if bad < 0 {
				bad = i
			}
			w = 1
		}
		i += w
	}
	if bad >= 0 || n > max {
		return "", n, bad
	}
	if clean {
		return s, n, -1
	}
	buf := make([]byte, 0, n)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			buf = append(buf, c)
		}
	}
	return string(buf), n, -1
}

// spaceSepLen returns the byte length of the separator s starts with, or 0:
// ' ' (1), U+00A0 NO-BREAK SPACE (C2 A0) or U+202F NARROW NO-BREAK SPACE
// (E2 80 AF), the separators French typography uses to group digits.
func spaceSepLen(s string) int {
	switch {
	case s[0] == ' ':
		return 1
	case len(s) >= 2 && s[0] == 0xC2 && s[1] == 0xA0:
		return 2
	case len(s) >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xAF:
		return 3
	}
	return 0
}

// luhnValid reports whether the decimal digits of s (ASCII '0'..'9' only)
// pass the Luhn (mod 10) check: from the rightmost digit, every second
// digit is doubled (minus 9 when over 9) and the total is a multiple of 10.
func luhnValid(s string) bool { return luhnSum(s)%10 == 0 }

// luhnSum returns the Luhn sum of the digits of s, the rightmost digit
// counted as is.
func luhnSum(s string) int {
	sum := 0
	double := false
	for i := len(s) - 1; i >= 0; i-- {
		d := int(s[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum
}

// digitSum returns the plain sum of the digits of s.
func digitSum(s string) int {
	sum := 0
	for i := 0; i < len(s); i++ {
		sum += int(s[i] - '0')
	}
	return sum
}
