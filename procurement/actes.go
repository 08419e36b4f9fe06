package procurement

import (
	"strings"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
)

// ACTESNature is the nature of an act sent to the prefecture through ACTES
// (Aide au contrôle de légalité dématérialisé), the last part of its
// identifier. The zero ACTESNature is unset. Codes are stable; values are
// only ever added at the end.
//
// Source: the numeric codes 1 to 6 and their labels appear in public
// Pastell code (see ../shared/data/procurement-facts.md §6.1); AI and AR
// are seen in real identifiers (013-211301106-20210201-1212-AI,
// 013-211300561-20211025-RA21_23060-AR). The pairing of DE, CC, BF and AU
// with 1, 4, 5 and 6 follows the order and the initials of the labels but
// was not found in an official text.
type ACTESNature int

// The six natures of acts, in the order of their numeric codes.
const (
	// ACTESDeliberation: délibération (DE, code 1).
	ACTESDeliberation ACTESNature = iota + 1
	// ACTESRegulatory: acte réglementaire (AR, code 2).
	ACTESRegulatory
	// ACTESIndividual: acte individuel (AI, code 3).
	ACTESIndividual
	// ACTESContract: contrat, convention ou avenant (CC, code 4); public
	// contracts sent to the prefect are of this nature.
	ACTESContract
	// ACTESBudget: document budgétaire et financier (BF, code 5).
	ACTESBudget
	// ACTESOther: autre (AU, code 6).
	ACTESOther
)

var actesNatures = [...]struct{ code, label string }{
	ACTESDeliberation: {"DE", "Délibérations"},
	ACTESRegulatory:   {"AR", "Actes réglementaires"},
	ACTESIndividual:   {"AI", "Actes individuels"},
	ACTESContract:     {"CC", "Contrats, conventions et avenants"},
	ACTESBudget:       {"BF", "Documents budgétaires et financiers"},
	ACTESOther:        {"AU", "Autres"},
}

func (n ACTESNature) valid() bool { return n >= ACTESDeliberation && n <= ACTESOther }

// String returns the two-letter code ("DE"), or "" when n is not one of
// the six natures.
func (n ACTESNature) String() string {
	if !n.valid() {
		return ""
	}
	return actesNatures[n].code
}

// Code returns the numeric code of the nature in the ACTES protocol (1 to
// 6), or 0 when n is not one of the six natures.
func (n ACTESNature) Code() int {
	if !n.valid() {
		return 0
	}
	return int(n)
}

// Label returns the French label ("Délibérations"), or "".
func (n ACTESNature) Label() string {
	if !n.valid() {
		return ""
	}
	return actesNatures[n].label
}

// ParseACTESNature parses a two-letter nature code (DE, AR, AI, CC, BF,
// AU; upper case). It fails with a *FieldError {Field: "actes.nature",
// Err: ErrACTESNature}.
func ParseACTESNature(s string) (ACTESNature, error) {
	for n := ACTESDeliberation; n <= ACTESOther; n++ {
		if actesNatures[n].code == s {
			return n, nil
		}
	}
	return 0, &FieldError{Field: "actes.nature", Value: s, Err: ErrACTESNature}
}

// MarshalText returns the two-letter code; an invalid nature is an error.
func (n ACTESNature) MarshalText() ([]byte, error) {
	if !n.valid() {
		return nil, &FieldError{Field: "actes.nature", Err: ErrACTESNature}
	}
	return []byte(n.String()), nil
}

// UnmarshalText parses b with ParseACTESNature.
func (n *ACTESNature) UnmarshalText(b []byte) error {
	v, err := ParseACTESNature(string(b))
	if err != nil {
		return err
	}
	*n = v
	return nil
}

// ACTES is the identifier an act receives when a local authority sends it
// to the prefecture through ACTES, as printed on the acknowledgement and
// on the act ("ID : 074-200011773-20260421-D_2026_0083-AU"): the
// département of the prefecture, the SIREN of the authority, the date of
// the act, the authority's internal number and the nature.
//
// ACTES is a small comparable value; the zero ACTES is unset and its
// String is "".
type ACTES struct {
	department string
	siren      SIREN
	date       calendar.Date
	number     string
	nature     ACTESNature
}

// ACTESParts are the parts of an ACTES identifier, for NewACTES.
type ACTESParts struct {
	// Department is the 3-character code of the département of the
	// prefecture: "001" to "095", "02A", "02B", or an overseas code
	// ("971" to "976", and 975, 977, 978, 986, 987, 988 for the overseas
	// collectivities, not observed in real identifiers).
	Department string
	// SIREN is the transmitting authority's SIREN.
	SIREN SIREN
	// Date is the date of the act (the decision date).
	Date calendar.Date
	// Number is the authority's internal number (NumeroInterne): 1 to 15
	// characters A-Z, 0-9 or '_'. ACTES forbids '-'; tools such as
	// Pastell replace it by '_' and upper-case the number before sending,
	// which NewACTES does not do for the caller. The length and character
	// set come from the facts file and are unconfirmed by an official text.
	Number string
	// Nature is the nature of the act.
	Nature ACTESNature
}

// NewACTES builds an identifier from its parts, checking each one. All the
// faulty parts are reported at once, as a fielderr.List of *FieldError
// sorted by field, with the fields "actes.department", "actes.siren",
// "actes.date", "actes.number" and "actes.nature" and the sentinels
// ErrACTESDepartment, ErrSIRENEmpty (zero SIREN), ErrACTESDate (zero
// date), ErrACTESNumber and ErrACTESNature.
func NewACTES(p ACTESParts) (ACTES, error) {
	var errs []*FieldError
	if !validDepartment(p.Department) {
		errs = append(errs, &FieldError{Field: "actes.department", Value: p.Department, Err: ErrACTESDepartment})
	}
	if p.SIREN.IsZero() {
		errs = append(errs, &FieldError{Field: "actes.siren", Err: ErrSIRENEmpty})
	}
	if p.Date.IsZero() {
		errs = append(errs, &FieldError{Field: "actes.date", Err: ErrACTESDate})
	}
	if !validACTESNumber(p.Number) {
		errs = append(errs, &FieldError{Field: "actes.number", Value: p.Number, Err: ErrACTESNumber})
	}
	if !p.Nature.valid() {
		errs = append(errs, &FieldError{Field: "actes.nature", Err: ErrACTESNature})
	}
	if err := fielderr.Join(errs); err != nil {
		return ACTES{}, err
	}
	return ACTES{p.Department, p.SIREN, p.Date, p.Number, p.Nature}, nil
}

// ParseACTES parses an ACTES identifier "DDD-SSSSSSSSS-YYYYMMDD-NUMBER-NN",
// for example "074-200011773-20260421-D_2026_0083-AU": a département code,
// a SIREN (9 digits, Luhn), a date (a real calendar date), an internal
// number and a nature, separated by dashes, upper case, no spaces.
//
// When s is empty or not five dash-separated parts, the error is one
// *FieldError {Field: "actes", Err: ErrACTESEmpty or ErrACTESFormat}.
// Otherwise every faulty part is reported at once, as in NewACTES, the
// SIREN part with the SIREN sentinels (ErrSIRENLength, ErrSIRENChecksum...)
// under the field "actes.siren".
func ParseACTES(s string) (ACTES, error) {
	if s == "" {
		return ACTES{}, &FieldError{Field: "actes", Err: ErrACTESEmpty}
	}
	parts := strings.SplitN(s, "-", 6)
	if len(parts) != 5 {
		return ACTES{}, &FieldError{Field: "actes", Value: s, Err: ErrACTESFormat,
			Detail: "want 5 parts separated by '-'"}
	}
	var errs []*FieldError
	a := ACTES{department: parts[0], number: parts[3]}
	if !validDepartment(parts[0]) {
		errs = append(errs, &FieldError{Field: "actes.department", Value: parts[0], Err: ErrACTESDepartment})
	}
	if len(parts[1]) != 9 || !allDigits(parts[1]) {
		errs = append(errs, &FieldError{Field: "actes.siren", Value: parts[1], Err: ErrSIRENLength,
			Detail: "want 9 digits without spaces"})
	} else if n, err := ParseSIREN(parts[1]); err != nil {
		fe := *err.(*FieldError)
		fe.Field = "actes.siren"
		errs = append(errs, &fe)
	} else {
		a.siren = n
	}
	if d, ok := parseYYYYMMDD(parts[2]); ok {
		a.date = d
	} else {
		errs = append(errs, &FieldError{Field: "actes.date", Value: parts[2], Err: ErrACTESDate})
	}
	if !validACTESNumber(parts[3]) {
		errs = append(errs, &FieldError{Field: "actes.number", Value: parts[3], Err: ErrACTESNumber})
	}
	if n, err := ParseACTESNature(parts[4]); err != nil {
		errs = append(errs, err.(*FieldError))
	} else {
		a.nature = n
	}
	if err := fielderr.Join(errs); err != nil {
		return ACTES{}, err
	}
	return a, nil
}

// MustParseACTES is like ParseACTES but panics on error. It is meant for
// literals in tests, examples and tables.
func MustParseACTES(s string) ACTES {
	v, err := ParseACTES(s)
	if err != nil {
		panic(err)
	}
	return v
}

// String formats the identifier as "074-200011773-20260421-D_2026_0083-AU",
// or "" for the zero ACTES.
func (a ACTES) String() string {
	if a.IsZero() {
		return ""
	}
	var b strings.Builder
	b.Grow(3 + 1 + 9 + 1 + 8 + 1 + len(a.number) + 1 + 2)
	b.WriteString(a.department)
	b.WriteByte('-')
	b.WriteString(a.siren.s)
	b.WriteByte('-')
	y, m, d := a.date.Year(), int(a.date.Month()), a.date.Day()
	var buf [8]byte
	putDigits(buf[0:4], y)
	putDigits(buf[4:6], m)
	putDigits(buf[6:8], d)
	b.Write(buf[:])
	b.WriteByte('-')
	b.WriteString(a.number)
	b.WriteByte('-')
	b.WriteString(a.nature.String())
	return b.String()
}

// IsZero reports whether a is the zero (unset) ACTES.
func (a ACTES) IsZero() bool { return a.nature == 0 }

// Department returns the 3-character département code ("074").
func (a ACTES) Department() string { return a.department }

// SIREN returns the SIREN of the transmitting authority.
func (a ACTES) SIREN() SIREN { return a.siren }

// Date returns the date of the act.
func (a ACTES) Date() calendar.Date { return a.date }

// Number returns the authority's internal number ("D_2026_0083").
func (a ACTES) Number() string { return a.number }

// Nature returns the nature of the act.
func (a ACTES) Nature() ACTESNature { return a.nature }

// Parts returns the parts of a, for changing one and calling NewACTES.
func (a ACTES) Parts() ACTESParts {
	return ACTESParts{Department: a.department, SIREN: a.siren, Date: a.date, Number: a.number, Nature: a.nature}
}

// MarshalText returns String ("" for the zero ACTES).
func (a ACTES) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText parses b with ParseACTES; on error a is left unchanged.
func (a *ACTES) UnmarshalText(b []byte) error {
	v, err := ParseACTES(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// validDepartment reports whether s is a 3-character département code of
// the INSEE Code officiel géographique written as ACTES writes it: "001"
// to "095" (there is no "020"), "02A", "02B" (Corsica), "971" to "976",
// and the overseas collectivities 975, 977, 978, 986, 987, 988.
func validDepartment(s string) bool {
	if len(s) != 3 {
		return false
	}
	switch s {
	case "02A", "02B", "971", "972", "973", "974", "975", "976", "977", "978", "986", "987", "988":
		return true
	}
	if s[0] != '0' || !allDigits(s) {
		return false
	}
	n := int(s[1]-'0')*10 + int(s[2]-'0')
	return n >= 1 && n <= 95 && n != 20
}

// validACTESNumber reports whether s is 1 to 15 characters A-Z, 0-9, '_'.
func validACTESNumber(s string) bool {
	if len(s) < 1 || len(s) > 15 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != '_' {
			return false
		}
	}
	return true
}

// parseYYYYMMDD parses 8 ASCII digits as a calendar date.
func parseYYYYMMDD(s string) (calendar.Date, bool) {
	if len(s) != 8 || !allDigits(s) {
		return calendar.Date{}, false
	}
	num := func(t string) int {
		n := 0
		for i := 0; i < len(t); i++ {
			n = n*10 + int(t[i]-'0')
		}
		return n
	}
	d, err := calendar.NewDate(num(s[:4]), time.Month(num(s[4:6])), num(s[6:]))
	if err != nil {
		return calendar.Date{}, false
	}
	return d, true
}

// putDigits writes v in decimal, zero-padded to len(dst).
func putDigits(dst []byte, v int) {
	for i := len(dst) - 1; i >= 0; i-- {
		dst[i] = byte('0' + v%10)
		v /= 10
	}
}
