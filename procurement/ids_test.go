package procurement

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
)

// luhnOracle is an independent Luhn check (string arithmetic over the
// reversed digits, summing the digits of each doubled value) used to
// cross-check luhnValid.
func luhnOracle(s string) bool {
	sum := 0
	for i := 0; i < len(s); i++ {
		d := int(s[len(s)-1-i] - '0')
		if i%2 == 1 {
			for _, c := range strconv.Itoa(2 * d) {
				sum += int(c - '0')
			}
		} else {
			sum += d
		}
	}
	return sum%10 == 0
}

func TestParseSIREN(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr error
	}{
		// Sources: 356000000 (La Poste) and 200011773 (the authority of the
		// issue's ACTES example) from ../shared/data/procurement-facts.md
		// §6.2; 211301106 and 211300561 from the real ACTES identifiers
		// quoted in §6.1; 404833048 from the VAT example FR83404833048.
		// Luhn of 356000000 by hand: digits 3 5 6 0 0 0 0 0 0; from the
		// right, every second digit is doubled: the 5 gives 10 → 1, the
		// others are 0; kept digits 6 and 3; total 1 + 6 + 3 = 10 ≡ 0.
		{"la poste", "356000000", "356000000", nil},
		{"grand annecy", "200011773", "200011773", nil},
		{"commune 13 (actes example)", "211301106", "211301106", nil},
		{"commune 13 (actes example 2)", "211300561", "211300561", nil},
		{"vat example", "404833048", "404833048", nil},
		{"spaces", "356 000 000", "356000000", nil},
		{"no-break spaces", "356\u00a0000\u00a0000", "356000000", nil},
		{"narrow no-break spaces", "356\u202f000\u202f000", "356000000", nil},
		{"leading and trailing spaces", " 200011773 ", "200011773", nil},
		// Invalid: one digit changed breaks Luhn (356000001: sum 11).
		{"checksum", "356000001", "", ErrSIRENChecksum},
		{"adjacent transposition", "536000000", "", ErrSIRENChecksum},
		{"short", "35600000", "", ErrSIRENLength},
		{"long", "3560000000", "", ErrSIRENLength},
		{"letter", "35600000A", "", ErrSIRENDigits},
		{"dash", "356-000-000", "", ErrSIRENDigits},
		{"tab", "356\t000000", "", ErrSIRENDigits},
		{"empty", "", "", ErrSIRENEmpty},
		{"only spaces", "   ", "", ErrSIRENEmpty},
		{"fullwidth digit", "３56000000", "", ErrSIRENDigits},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseSIREN(tt.in)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil) != (err == nil) {
				t.Fatalf("ParseSIREN(%q) error = %v, want %v", tt.in, err, tt.wantErr)
			}
			if err != nil {
				var fe *FieldError
				if !errors.As(err, &fe) || fe.Field != "siren" || fe.Value != strings.TrimSpace(tt.in) && fe.Value != tt.in {
					t.Errorf("error = %#v, want a *FieldError for siren with the input", err)
				}
				if !got.IsZero() {
					t.Errorf("value = %v on error, want zero", got)
				}
				return
			}
			if diff := cmp.Diff(tt.want, got.String()); diff != "" {
				t.Errorf("ParseSIREN(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParseSIRET(t *testing.T) {
	tests := []struct {
		name             string
		in               string
		want, siren, nic string
		wantErr          error
	}{
		// 35600000049837: a La Poste SIRET from the facts file §6.2: it fails
		// Luhn (checked in TestLuhnOracleAgrees) but its digit sum is
		// 3+5+6+4+9+8+3+7 = 45, a multiple of 5.
		{"la poste establishment", "35600000049837", "35600000049837", "356000000", "49837", nil},
		// 35600000000048: La Poste head office; digit sum 3+5+6+4+8 = 26 is
		// not a multiple of 5, so it is rejected although it passes Luhn:
		// the La Poste rule replaces Luhn, it does not add to it.
		{"la poste luhn only", "35600000000048", "", "", "", ErrSIRETChecksum},
		// 73282932000074 passes Luhn; by hand from the right: kept 4,0,0,2,9,8,3
		// = 26, doubled 7→14→5, 0, 0, 3→6, 2→4, 2→4, 7→14→5 = 24; total 50.
		{"luhn", "73282932000074", "73282932000074", "732829320", "00074", nil},
		{"spaces", "732 829 320 00074", "73282932000074", "732829320", "00074", nil},
		{"checksum", "73282932000075", "", "", "", ErrSIRETChecksum},
		{"la poste checksum", "35600000049838", "", "", "", ErrSIRETChecksum},
		// 35600000149837: first nine digits 356000001 fail Luhn.
		{"siren part", "35600000149837", "", "", "", ErrSIRETSIREN},
		{"short", "3560000004983", "", "", "", ErrSIRETLength},
		{"siren given", "356000000", "", "", "", ErrSIRETLength},
		{"letter", "3560000004983X", "", "", "", ErrSIRETDigits},
		{"empty", "", "", "", "", ErrSIRETEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseSIRET(tt.in)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil) != (err == nil) {
				t.Fatalf("ParseSIRET(%q) error = %v, want %v", tt.in, err, tt.wantErr)
			}
			if err != nil {
				return
			}
			gotParts := []string{got.String(), got.SIREN().String(), got.NIC()}
			if diff := cmp.Diff([]string{tt.want, tt.siren, tt.nic}, gotParts); diff != "" {
				t.Errorf("ParseSIRET(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestLuhnOracleAgrees checks luhnValid against the independent oracle on
// every 9-digit string of a deterministic sample and on the facts-file
// values (35600000049837 must fail Luhn, as the facts file says).
func TestLuhnOracleAgrees(t *testing.T) {
	if luhnOracle("35600000049837") || luhnValid("35600000049837") {
		t.Fatal("35600000049837 passes Luhn; the facts file says it does not")
	}
	for n := 0; n < 1_000_000_000; n += 9_973 {
		s := strconv.Itoa(n)
		s = strings.Repeat("0", 9-len(s)) + s
		if luhnValid(s) != luhnOracle(s) {
			t.Fatalf("luhnValid(%s) = %v, oracle says %v", s, luhnValid(s), luhnOracle(s))
		}
	}
}

// TestSIRENCheckDigitUnique: for any 8-digit prefix exactly one final digit
// makes a valid SIREN (Luhn detects every single-digit change).
func TestSIRENCheckDigitUnique(t *testing.T) {
	for p := 0; p < 100_000_000; p += 7_919 {
		prefix := strconv.Itoa(p)
		prefix = strings.Repeat("0", 8-len(prefix)) + prefix
		valid := 0
		for d := '0'; d <= '9'; d++ {
			if _, err := ParseSIREN(prefix + string(d)); err == nil {
				valid++
			}
		}
		if valid != 1 {
			t.Fatalf("prefix %s: %d valid check digits, want 1", prefix, valid)
		}
	}
}

// TestSIRETCheckDigitCount: a 13-digit prefix with a valid SIREN has exactly
// one valid last digit under Luhn, and exactly two under the La Poste rule
// (the digit sum must be ≡ 0 mod 5: d and d+5).
func TestSIRETCheckDigitCount(t *testing.T) {
	for _, siren := range []string{"200011773", "211301106", "732829320", "356000000"} {
		for nic := 0; nic < 10_000; nic += 37 {
			n := strconv.Itoa(nic)
			prefix := siren + strings.Repeat("0", 4-len(n)) + n
			valid := 0
			for d := '0'; d <= '9'; d++ {
				if _, err := ParseSIRET(prefix + string(d)); err == nil {
					valid++
				}
			}
			want := 1
			if siren == laPosteSIREN {
				want = 2
			}
			if valid != want {
				t.Fatalf("prefix %s: %d valid last digits, want %d", prefix, valid, want)
			}
		}
	}
}

// cpvSpotCodes are published CPV 2008 codes outside divisions 03 to 31,
// copied from public procurement tools (a Greek tender-matching app's
// default list and a Slovak bulletin scraper's IT list, which agree where
// they overlap) and from the issue (72000000-5 ... 48900000-7).
var cpvSpotCodes = strings.Fields(`
72000000-5 45000000-7 48000000-8 30200000-1 79000000-4 03000000-1 09000000-3
72200000-7 72260000-5 72261000-2 48900000-7
72212000-4 72212100-0 72262000-9 72263000-6 72250000-2 72253000-3 72268000-1
72420000-0 72421000-7 72413000-8 72415000-2 72416000-9 72316000-3 72320000-4
72212482-0 48311100-2 72212311-2 72267100-0 30210000-4 30213000-5 30213100-6
30213300-8 30230000-0 30231300-0 30232110-8 32400000-7 32420000-3 48800000-6
48820000-2 50312000-5 50312300-8 72700000-7 48730000-4 48732000-8 72212730-5
72810000-1 72500000-0 72510000-3 72590000-7 72910000-2 38221000-0 71354100-5
72314000-9 48400000-2 48440000-4 48450000-7 72212440-5 72212450-8 72212460-1
72212461-8 72212463-2 72212481-3 79999100-4 72311100-9 92512000-3 48190000-6
72212190-7 80533100-0 80420000-4 72220000-3 72221000-0 72222000-7 72224000-1
72246000-1 72227000-2 72253200-5 73110000-6 73220000-0 72222300-0 72267000-4
72265000-0 48100000-9 72310000-1 72600000-6 51610000-1 50312600-1 42962000-7
48600000-4 72300000-8 72400000-4 72266000-7 48821000-9 72240000-9 72230000-6
72254000-0 64210000-1 64212000-5 45210000-2 45211000-9 45211100-0 45233100-0
72210000-0 72211000-7 72315000-6
`)

// TestParseCPVPublished checks every published code we hold: the whole of
// divisions 03 to 31 (testdata/cpv2008_03-31.txt) and the spot codes.
func TestParseCPVPublished(t *testing.T) {
	codes := append([]string(nil), cpvSpotCodes...)
	f, err := os.Open("testdata/cpv2008_03-31.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			codes = append(codes, l)
			n++
		}
	}
	if n != 2224 {
		t.Fatalf("testdata holds %d codes, want 2224", n)
	}
	for _, c := range codes {
		got, err := ParseCPV(c)
		if err != nil {
			t.Errorf("ParseCPV(%s): %v", c, err)
			continue
		}
		if got.String() != c {
			t.Errorf("ParseCPV(%s).String() = %s", c, got)
		}
		if fromCode, err := ParseCPVCode(c[:8]); err != nil || fromCode != got {
			t.Errorf("ParseCPVCode(%s) = %v, %v; want %s", c[:8], fromCode, err, c)
		}
	}
}

// TestCPVWeightedSum checks the plain weighted sum on the codes
// by hand: 72000000-5: 3×7 + 7×2 = 35; 45000000-7: 3×4 + 7×5 = 47;
// 30200000-1: 3×3 + 1×2 = 11; 72261000-2: 35 + 1×2 + 3×6 + 7×1 = 62.
func TestCPVWeightedSum(t *testing.T) {
	for code, want := range map[string]int{"72000000": 5, "45000000": 7, "30200000": 1, "72261000": 2, "48900000": 7} {
		if got := cpvCheckDigit(code); got != want {
			t.Errorf("cpvCheckDigit(%s) = %d, want %d", code, got, want)
		}
	}
}

func TestParseCPVInvalid(t *testing.T) {
	tests := []struct {
		name, in string
		wantErr  error
	}{
		{"check digit", "72000000-6", ErrCPVChecksum},
		// 03300000-4 is what the weighted sum gives (3×0+7×3+1×3 = 24); the
		// published code is 03300000-2.
		{"weighted sum in a shifted subtree", "03300000-4", ErrCPVChecksum},
		{"seven digits", "7200000-5", ErrCPVFormat},
		{"no dash", "720000005", ErrCPVFormat},
		{"space", "72000000 5", ErrCPVFormat},
		{"two check digits", "72000000-55", ErrCPVFormat},
		{"letter", "7200000A-5", ErrCPVFormat},
		{"no check digit", "72000000", ErrCPVFormat},
		{"division 00", "00000000-0", ErrCPVDivision},
		{"division 01", "01000000-7", ErrCPVDivision},
		{"division 99", "99000000-0", ErrCPVDivision},
		{"empty", "", ErrCPVEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCPV(tt.in)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("ParseCPV(%q) error = %v, want %v", tt.in, err, tt.wantErr)
			}
		})
	}
	if _, err := ParseCPVCode("72000000-5"); !errors.Is(err, ErrCPVFormat) {
		t.Errorf("ParseCPVCode with check digit: %v, want ErrCPVFormat", err)
	}
}

// TestCPVCheckDigitUnique: for any 8 digits of a CPV division exactly one
// check digit is accepted.
func TestCPVCheckDigitUnique(t *testing.T) {
	for p := 3_000_000; p < 100_000_000; p += 1_237 {
		code := strconv.Itoa(p)
		code = strings.Repeat("0", 8-len(code)) + code
		if d, _ := strconv.Atoi(code[:2]); !cpvDivisions[d] {
			continue
		}
		valid := 0
		for d := '0'; d <= '9'; d++ {
			if _, err := ParseCPV(code + "-" + string(d)); err == nil {
				valid++
			}
		}
		if valid != 1 {
			t.Fatalf("%s: %d valid check digits, want 1", code, valid)
		}
	}
}

func TestCPVAccessors(t *testing.T) {
	c := MustParseCPV("72212482-0")
	got := []any{c.Code(), c.CheckDigit(), c.Division(), c.Group(), c.Class(), c.Category(), c.Level()}
	want := []any{"72212482", 0, "72", "722", "7221", "72212", 7}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("accessors (-want +got):\n%s", diff)
	}
	for code, level := range map[string]int{"72000000-5": 1, "72200000-7": 2, "72260000-5": 3, "72261000-2": 4, "72212100-0": 5, "03115110-4": 6} {
		if got := MustParseCPV(code).Level(); got != level {
			t.Errorf("%s.Level() = %d, want %d", code, got, level)
		}
	}
	var zero CPV
	if zero.String() != "" || zero.Code() != "" || zero.CheckDigit() != -1 || zero.Level() != 0 || zero.Division() != "" {
		t.Error("zero CPV accessors are not empty")
	}
}

func TestParseNUTS(t *testing.T) {
	tests := []struct {
		in      string
		level   int
		wantErr error
	}{
		{"FR", 0, nil},
		{"FR1", 1, nil},
		{"FR10", 2, nil},
		{"FR101", 3, nil}, // Paris
		{"FRK26", 3, nil}, // Rhône
		{"FRK28", 3, nil}, // Haute-Savoie
		{"FRF11", 3, nil}, // Bas-Rhin
		{"FRM02", 3, nil}, // Haute-Corse
		{"FRY10", 3, nil}, // Guadeloupe
		{"FRY50", 3, nil}, // Mayotte
		{"FRZZZ", 3, nil}, // Extra-Regio
		{"DE300", 3, nil}, // Berlin: other countries, format only
		{"EL303", 3, nil}, // Greece uses EL
		{"FR109", 0, ErrNUTSUnknown},
		{"FRK29", 0, ErrNUTSUnknown},
		{"FRX", 0, ErrNUTSUnknown},
		{"FR2", 0, ErrNUTSUnknown},  // NUTS 2013 Bassin parisien
		{"FR30", 0, ErrNUTSUnknown}, // NUTS 2013 Nord-Pas-de-Calais
		{"FRY6", 0, ErrNUTSUnknown},
		{"fr101", 0, ErrNUTSFormat},
		{"FR1011", 0, ErrNUTSFormat},
		{"F", 0, ErrNUTSFormat},
		{"FR 10", 0, ErrNUTSFormat},
		{"1R10", 0, ErrNUTSFormat},
		{"", 0, ErrNUTSEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseNUTS(tt.in)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil) != (err == nil) {
				t.Fatalf("ParseNUTS(%q) error = %v, want %v", tt.in, err, tt.wantErr)
			}
			if err == nil && (got.String() != tt.in || got.Level() != tt.level || got.Country() != tt.in[:2]) {
				t.Errorf("ParseNUTS(%q) = %s level %d country %s", tt.in, got, got.Level(), got.Country())
			}
		})
	}
}

// TestNUTSCodesFR: 1 country + 15 NUTS 1 (14 + FRZ) + 28 NUTS 2 (27 + FRZZ)
// + 102 NUTS 3 (101 + FRZZZ) = 146 codes, each accepted by ParseNUTS.
func TestNUTSCodesFR(t *testing.T) {
	codes := NUTSCodesFR()
	count := map[int]int{}
	seen := map[string]bool{}
	for _, c := range codes {
		n, err := ParseNUTS(c)
		if err != nil {
			t.Errorf("ParseNUTS(%s): %v", c, err)
		}
		if seen[c] {
			t.Errorf("duplicate %s", c)
		}
		seen[c] = true
		count[n.Level()]++
	}
	if diff := cmp.Diff(map[int]int{0: 1, 1: 15, 2: 28, 3: 102}, count); diff != "" {
		t.Errorf("codes per level (-want +got):\n%s", diff)
	}
	// Every 3-level code whose NUTS 2 parent is known but which is not in
	// the list must be rejected.
	for _, c := range codes {
		if len(c) != 4 {
			continue
		}
		for _, last := range "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" {
			code := c + string(last)
			if _, err := ParseNUTS(code); (err == nil) != seen[code] {
				t.Errorf("ParseNUTS(%s) error = %v, in list = %v", code, err, seen[code])
			}
		}
	}
}

func TestParseACTES(t *testing.T) {
	tests := []struct {
		in                     string
		dept, siren, date, num string
		nature                 ACTESNature
	}{
		// The example and the two real identifiers quoted in the
		// facts file §6.1.
		{"074-200011773-20260421-D_2026_0083-AU", "074", "200011773", "2026-04-21", "D_2026_0083", ACTESOther},
		{"013-211301106-20210201-1212-AI", "013", "211301106", "2021-02-01", "1212", ACTESIndividual},
		{"013-211300561-20211025-RA21_23060-AR", "013", "211300561", "2021-10-25", "RA21_23060", ACTESRegulatory},
		{"02A-200011773-20240229-X-CC", "02A", "200011773", "2024-02-29", "X", ACTESContract},
		{"974-200011773-20261231-ABCDEFGHIJKLMNO-BF", "974", "200011773", "2026-12-31", "ABCDEFGHIJKLMNO", ACTESBudget},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			a, err := ParseACTES(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			got := []any{a.Department(), a.SIREN().String(), a.Date().String(), a.Number(), a.Nature(), a.String()}
			want := []any{tt.dept, tt.siren, tt.date, tt.num, tt.nature, tt.in}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			b, err := NewACTES(a.Parts())
			if err != nil || b != a {
				t.Errorf("NewACTES(Parts()) = %v, %v; want %v", b, err, a)
			}
		})
	}
}

func TestParseACTESAllProblems(t *testing.T) {
	// Every part is wrong: département 099 does not exist, SIREN 200011774
	// fails Luhn, 30 February, lower case and '.', nature ZZ.
	_, err := ParseACTES("099-200011774-20260230-d.1-ZZ")
	var got []string
	for _, e := range err.(fielderr.List) {
		got = append(got, e.Field+" "+fielderr.RuleCode(e))
	}
	want := []string{
		"actes.date actes_date",
		"actes.department actes_department",
		"actes.nature actes_nature",
		"actes.number actes_number",
		"actes.siren siren_checksum",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	for _, tt := range []struct {
		in      string
		wantErr error
	}{
		{"", ErrACTESEmpty},
		{"074-200011773-20260421-D-2026-0083-AU", ErrACTESFormat}, // '-' in the number
		{"074-200011773-20260421-AU", ErrACTESFormat},
		{"074-200 011 773-20260421-X-AU", ErrSIRENLength},
		{"074-200011773-2026042-X-AU", ErrACTESDate},
		{"074-200011773-20261301-X-AU", ErrACTESDate},
		{"074-200011773-00000101-X-AU", ErrACTESDate},
		{"020-200011773-20260421-X-AU", ErrACTESDepartment},
		{"096-200011773-20260421-X-AU", ErrACTESDepartment},
		{"74-200011773-20260421-X-AU", ErrACTESDepartment},
		{"074-200011773-20260421--AU", ErrACTESNumber},
		{"074-200011773-20260421-ABCDEFGHIJKLMNOP-AU", ErrACTESNumber},
		{"074-200011773-20260421-X-au", ErrACTESNature},
	} {
		if _, err := ParseACTES(tt.in); !errors.Is(err, tt.wantErr) {
			t.Errorf("ParseACTES(%q) = %v, want %v", tt.in, err, tt.wantErr)
		}
	}
}

func TestNewACTES(t *testing.T) {
	a, err := NewACTES(ACTESParts{
		Department: "074",
		SIREN:      MustParseSIREN("200011773"),
		Date:       calendar.MustDate(2026, time.April, 21),
		Number:     "D_2026_0083",
		Nature:     ACTESOther,
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := a.String(), "074-200011773-20260421-D_2026_0083-AU"; got != want {
		t.Errorf("String() = %s, want %s", got, want)
	}
	_, err = NewACTES(ACTESParts{Department: "74", Number: "D-1"})
	var got []string
	for _, e := range err.(fielderr.List) {
		got = append(got, e.Field)
	}
	if diff := cmp.Diff([]string{"actes.date", "actes.department", "actes.nature", "actes.number", "actes.siren"}, got); diff != "" {
		t.Errorf("fields (-want +got):\n%s", diff)
	}
}

func TestACTESNature(t *testing.T) {
	var got [][3]string
	for n := ACTESNature(0); n <= 7; n++ {
		got = append(got, [3]string{n.String(), strconv.Itoa(n.Code()), n.Label()})
	}
	want := [][3]string{
		{"", "0", ""},
		{"DE", "1", "Délibérations"},
		{"AR", "2", "Actes réglementaires"},
		{"AI", "3", "Actes individuels"},
		{"CC", "4", "Contrats, conventions et avenants"},
		{"BF", "5", "Documents budgétaires et financiers"},
		{"AU", "6", "Autres"},
		{"", "0", ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("natures (-want +got):\n%s", diff)
	}
	if _, err := ACTESNature(0).MarshalText(); !errors.Is(err, ErrACTESNature) {
		t.Errorf("MarshalText of the zero nature: %v", err)
	}
}

func TestVAT(t *testing.T) {
	// FR83404833048: 404833048 mod 97 = 56 (97 × 4173536 = 404833 ... 404832992,
	// remainder 56); key = (12 + 3 × 56) mod 97 = 180 mod 97 = 83.
	// FR24200011773: 200011773 mod 97 = 4; key = 12 + 12 = 24.
	tests := []struct {
		in, want string
		wantErr  error
	}{
		{"FR83404833048", "FR83404833048", nil},
		{"FR 83 404 833 048", "FR83404833048", nil},
		{"fr83404833048", "FR83404833048", nil},
		{"FR24200011773", "FR24200011773", nil},
		{"FR84404833048", "", ErrVATKey},
		{"FR83404833049", "", ErrVATSIREN},
		{"FR8340483304", "", ErrVATFormat},
		{"DE83404833048", "", ErrVATFormat},
		{"FRXX404833048", "", ErrVATFormat},
		{"83404833048", "", ErrVATFormat},
		{"", "", ErrVATEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseVAT(tt.in)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil) != (err == nil) {
				t.Fatalf("ParseVAT(%q) error = %v, want %v", tt.in, err, tt.wantErr)
			}
			if got.String() != tt.want {
				t.Errorf("ParseVAT(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
	v := VATFromSIREN(MustParseSIREN("200011773"))
	if diff := cmp.Diff([]string{"FR24200011773", "24", "200011773"}, []string{v.String(), v.Key(), v.SIREN().String()}); diff != "" {
		t.Errorf("VATFromSIREN (-want +got):\n%s", diff)
	}
	if !VATFromSIREN(SIREN{}).IsZero() {
		t.Error("VATFromSIREN(zero) is not zero")
	}
	// Every valid SIREN of a sample gives a VAT number that ParseVAT accepts
	// and maps back to the SIREN; any other key is rejected.
	for p := 0; p < 100_000_000; p += 104_729 {
		s := strconv.Itoa(p)
		s = strings.Repeat("0", 8-len(s)) + s
		for d := '0'; d <= '9'; d++ {
			n, err := ParseSIREN(s + string(d))
			if err != nil {
				continue
			}
			v := VATFromSIREN(n)
			if back, err := ParseVAT(v.String()); err != nil || back.SIREN() != n {
				t.Fatalf("ParseVAT(%s) = %v, %v", v, back, err)
			}
			for k := 0; k < 100; k++ {
				key := strconv.Itoa(k)
				if len(key) == 1 {
					key = "0" + key
				}
				if _, err := ParseVAT("FR" + key + n.String()); (err == nil) != (key == v.Key()) {
					t.Fatalf("ParseVAT(FR%s%s) = %v", key, n, err)
				}
			}
		}
	}
}

// TestTextRoundTrip: every identifier survives JSON (MarshalText then
// UnmarshalText), and a bad value in JSON reports the sentinel.
func TestTextRoundTrip(t *testing.T) {
	type all struct {
		SIREN SIREN `json:"siren"`
		SIRET SIRET `json:"siret"`
		CPV   CPV   `json:"cpv"`
		NUTS  NUTS  `json:"nuts"`
		ACTES ACTES `json:"actes"`
		VAT   VAT   `json:"vat"`
	}
	in := all{
		SIREN: MustParseSIREN("200011773"),
		SIRET: MustParseSIRET("35600000049837"),
		CPV:   MustParseCPV("72261000-2"),
		NUTS:  MustParseNUTS("FRK28"),
		ACTES: MustParseACTES("074-200011773-20260421-D_2026_0083-AU"),
		VAT:   MustParseVAT("FR24200011773"),
	}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"siren":"200011773","siret":"35600000049837","cpv":"72261000-2","nuts":"FRK28","actes":"074-200011773-20260421-D_2026_0083-AU","vat":"FR24200011773"}`
	if string(b) != want {
		t.Errorf("JSON = %s\nwant   %s", b, want)
	}
	var out all
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if out != in {
		t.Errorf("round trip = %+v, want %+v", out, in)
	}
	var bad all
	if err := json.Unmarshal([]byte(`{"cpv":"72000000-6"}`), &bad); !errors.Is(err, ErrCPVChecksum) {
		t.Errorf("bad CPV in JSON: %v", err)
	}
	zero, _ := json.Marshal(all{})
	if string(zero) != `{"siren":"","siret":"","cpv":"","nuts":"","actes":"","vat":""}` {
		t.Errorf("zero JSON = %s", zero)
	}
}

func TestMustParsePanics(t *testing.T) {
	for name, f := range map[string]func(){
		"SIREN": func() { MustParseSIREN("1") },
		"SIRET": func() { MustParseSIRET("1") },
		"CPV":   func() { MustParseCPV("1") },
		"NUTS":  func() { MustParseNUTS("1") },
		"ACTES": func() { MustParseACTES("1") },
		"VAT":   func() { MustParseVAT("1") },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("MustParse%s did not panic", name)
				}
			}()
			f()
		}()
	}
}

// TestIdentifiersConcurrent shares parsed values across goroutines so that
// -race would see any hidden mutable state.
func TestIdentifiersConcurrent(t *testing.T) {
	a := MustParseACTES("074-200011773-20260421-D_2026_0083-AU")
	c := MustParseCPV("72261000-2")
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				if a.String() == "" || c.Level() != 4 || VATFromSIREN(a.SIREN()).Key() != "24" {
					t.Error("unexpected value")
					return
				}
				if _, err := ParseCPV("72261000-2"); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
}
