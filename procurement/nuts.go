package procurement

// NUTS is a code of the Nomenclature of Territorial Units for Statistics
// (Regulation (EC) No 1059/2003): a 2-letter country code followed by up to
// three level characters, one per level: "FR" (country), "FR1" (NUTS 1,
// Île-de-France), "FR10" (NUTS 2), "FR101" (NUTS 3, Paris). eForms and the
// buyer's address use it for the place of performance.
//
// NUTS is a small comparable value; the zero NUTS is unset and its String
// is "".
type NUTS struct{ s string }

// ParseNUTS parses a NUTS code: 2 upper-case ASCII letters then 0 to 3
// upper-case ASCII letters or digits, no spaces. A code of France (starting
// with "FR") must also exist in the NUTS 2024 classification (see
// nutsFR); codes of other countries are checked for their format only.
//
// The error is a *FieldError with Field "nuts", Value s and Err one of
// ErrNUTSEmpty, ErrNUTSFormat or ErrNUTSUnknown.
func ParseNUTS(s string) (NUTS, error) {
	if s == "" {
		return NUTS{}, &FieldError{Field: "nuts", Err: ErrNUTSEmpty}
	}
	if len(s) < 2 || len(s) > 5 || !isUpper(s[0]) || !isUpper(s[1]) {
		return NUTS{}, &FieldError{Field: "nuts", Value: s, Err: ErrNUTSFormat}
	}
	for i := 2; i < len(s); i++ {
		if !isUpper(s[i]) && (s[i] < '0' || s[i] > '9') {
			return NUTS{}, &FieldError{Field: "nuts", Value: s, Err: ErrNUTSFormat}
		}
	}
	if s[0] == 'F' && s[1] == 'R' && !knownNUTSFR(s) {
		return NUTS{}, &FieldError{Field: "nuts", Value: s, Err: ErrNUTSUnknown}
	}
	return NUTS{s}, nil
}

// MustParseNUTS is like ParseNUTS but panics on error. It is meant for
// literals in tests, examples and tables.
func MustParseNUTS(s string) NUTS {
	v, err := ParseNUTS(s)
	if err != nil {
		panic(err)
	}
	return v
}

// String returns the code ("FR101"), or "" for the zero NUTS.
func (n NUTS) String() string { return n.s }

// IsZero reports whether n is the zero (unset) NUTS.
func (n NUTS) IsZero() bool { return n.s == "" }

// Country returns the 2-letter country code ("FR"), or "".
func (n NUTS) Country() string {
	if n.s == "" {
		return ""
	}
	return n.s[:2]
}

// Level returns the NUTS level: 0 for a country code, 1 to 3 for the
// regional levels. It returns -1 for the zero NUTS.
func (n NUTS) Level() int {
	if n.s == "" {
		return -1
	}
	return len(n.s) - 2
}

// MarshalText returns the code ("" for the zero NUTS).
func (n NUTS) MarshalText() ([]byte, error) { return []byte(n.s), nil }

// UnmarshalText parses b with ParseNUTS; on error n is left unchanged.
func (n *NUTS) UnmarshalText(b []byte) error {
	v, err := ParseNUTS(string(b))
	if err != nil {
		return err
	}
	*n = v
	return nil
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// NUTSVersionFR names the NUTS version whose French codes ParseNUTS
// accepts.
const NUTSVersionFR = "NUTS 2024"

// nutsFR lists the French NUTS 2024 codes (Commission Delegated Regulation
// (EU) 2023/674 amending the annexes of Regulation (EC) No 1059/2003,
// applicable from 1 January 2024), as NUTS 1 code followed by its NUTS 2
// regions, each with the last character of its NUTS 3 regions. France has
// 14 NUTS 1 regions (13 metropolitan regions and the overseas FRY), 27
// NUTS 2 regions (the 22 pre-2016 regions and the 5 overseas
// departments) and 101 NUTS 3 regions (the départements, Corsica and
// Alsace each in two), plus the Extra-Regio codes FRZ, FRZZ, FRZZZ.
// The structure is unchanged from NUTS 2016 and NUTS 2021 for France; the
// counts were checked against Wikipedia (de) "NUTS:FR".
var nutsFR = [...]struct {
	nuts1 string
	nuts2 []string // "FR10:12345678": NUTS 2 code, then the NUTS 3 suffixes
}{
	{"FR1", []string{"FR10:12345678"}},                                  // Île-de-France
	{"FRB", []string{"FRB0:123456"}},                                    // Centre-Val de Loire
	{"FRC", []string{"FRC1:1234", "FRC2:1234"}},                         // Bourgogne-Franche-Comté
	{"FRD", []string{"FRD1:123", "FRD2:12"}},                            // Normandie
	{"FRE", []string{"FRE1:12", "FRE2:123"}},                            // Hauts-de-France
	{"FRF", []string{"FRF1:12", "FRF2:1234", "FRF3:1234"}},              // Grand Est
	{"FRG", []string{"FRG0:12345"}},                                     // Pays de la Loire
	{"FRH", []string{"FRH0:1234"}},                                      // Bretagne
	{"FRI", []string{"FRI1:12345", "FRI2:123", "FRI3:1234"}},            // Nouvelle-Aquitaine
	{"FRJ", []string{"FRJ1:12345", "FRJ2:12345678"}},                    // Occitanie
	{"FRK", []string{"FRK1:1234", "FRK2:12345678"}},                     // Auvergne-Rhône-Alpes
	{"FRL", []string{"FRL0:123456"}},                                    // Provence-Alpes-Côte d'Azur
	{"FRM", []string{"FRM0:12"}},                                        // Corse
	{"FRY", []string{"FRY1:0", "FRY2:0", "FRY3:0", "FRY4:0", "FRY5:0"}}, // RUP FR: Guadeloupe, Martinique, Guyane, La Réunion, Mayotte
	{"FRZ", []string{"FRZZ:Z"}},                                         // Extra-Regio
}

// knownNUTSFR reports whether s (2 to 5 upper-case characters starting
// with FR) is a French NUTS 2024 code.
func knownNUTSFR(s string) bool {
	if len(s) == 2 {
		return true
	}
	for _, r := range nutsFR {
		if s[:3] != r.nuts1 {
			continue
		}
		if len(s) == 3 {
			return true
		}
		for _, n2 := range r.nuts2 {
			if s[:4] != n2[:4] {
				continue
			}
			if len(s) == 4 {
				return true
			}
			for i := 5; i < len(n2); i++ {
				if s[4] == n2[i] {
					return true
				}
			}
			return false
		}
		return false
	}
	return false
}

// NUTSCodesFR returns every French NUTS 2024 code accepted by ParseNUTS, in
// classification order (FR, FR1, FR10, FR101, ...). The slice is new at
// each call.
func NUTSCodesFR() []string {
	out := []string{"FR"}
	for _, r := range nutsFR {
		out = append(out, r.nuts1)
		for _, n2 := range r.nuts2 {
			out = append(out, n2[:4])
			for i := 5; i < len(n2); i++ {
				out = append(out, n2[:4]+string(n2[i]))
			}
		}
	}
	return out
}
