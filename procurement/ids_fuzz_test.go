package procurement

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

// The fuzz targets check, for any input: no panic; an error is a
// *FieldError (or a list of them) whose Value is never longer than the
// input; and a success round-trips: Parse(String(x)) == x.

func fuzzSeeds(f *testing.F, seeds ...string) {
	for _, s := range seeds {
		f.Add(s)
	}
}

func checkFieldError(t *testing.T, in string, err error) {
	t.Helper()
	var fe *FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T) is not a *FieldError", err, err)
	}
	if len(fe.Value) > len(in) {
		t.Fatalf("error value %q longer than input %q", fe.Value, in)
	}
}

var sirenOracle = regexp.MustCompile(`^[0-9]{9}$`)

func FuzzParseSIREN(f *testing.F) {
	fuzzSeeds(f, "356000000", "200011773", "356 000 000", "356\u00a0000\u00a0000", "35600000A", "", "   ", "3560000000")
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseSIREN(s)
		// Oracle: strip the accepted separators, then a regexp and the
		// independent Luhn.
		stripped := strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(s)
		want := sirenOracle.MatchString(stripped) && luhnOracle(stripped)
		if (err == nil) != want {
			t.Fatalf("ParseSIREN(%q) error = %v, oracle valid = %v", s, err, want)
		}
		if err != nil {
			checkFieldError(t, s, err)
			return
		}
		if back, err := ParseSIREN(n.String()); err != nil || back != n || n.String() != stripped {
			t.Fatalf("round trip %q -> %q -> %v, %v", s, n, back, err)
		}
	})
}

func FuzzParseSIRET(f *testing.F) {
	fuzzSeeds(f, "35600000049837", "73282932000074", "732 829 320 00074", "35600000000048", "", "3560000004983X")
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseSIRET(s)
		if err != nil {
			checkFieldError(t, s, err)
			return
		}
		if back, err := ParseSIRET(n.String()); err != nil || back != n {
			t.Fatalf("round trip %q -> %q -> %v, %v", s, n, back, err)
		}
		if _, err := ParseSIREN(n.SIREN().String()); err != nil {
			t.Fatalf("SIRET %s has an invalid SIREN: %v", n, err)
		}
	})
}

func FuzzParseCPV(f *testing.F) {
	fuzzSeeds(f, "72000000-5", "03300000-2", "72212482-0", "72000000-6", "7200000-5", "00000000-0", "")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCPV(s)
		if err != nil {
			checkFieldError(t, s, err)
			return
		}
		if back, err := ParseCPV(c.String()); err != nil || back != c || c.String() != s {
			t.Fatalf("round trip %q -> %q -> %v, %v", s, c, back, err)
		}
		if fromCode, err := ParseCPVCode(c.Code()); err != nil || fromCode != c {
			t.Fatalf("ParseCPVCode(%s) = %v, %v", c.Code(), fromCode, err)
		}
	})
}

func FuzzParseNUTS(f *testing.F) {
	fuzzSeeds(f, "FR", "FR1", "FR10", "FR101", "FRK26", "FRZZZ", "DE300", "FR109", "fr101", "")
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNUTS(s)
		if err != nil {
			checkFieldError(t, s, err)
			return
		}
		if back, err := ParseNUTS(n.String()); err != nil || back != n || n.String() != s {
			t.Fatalf("round trip %q -> %q -> %v, %v", s, n, back, err)
		}
	})
}

func FuzzParseACTES(f *testing.F) {
	fuzzSeeds(f, "074-200011773-20260421-D_2026_0083-AU", "013-211301106-20210201-1212-AI",
		"013-211300561-20211025-RA21_23060-AR", "099-200011774-20260230-d.1-ZZ", "----", "", "02A-200011773-20240229-X-CC")
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseACTES(s)
		if err != nil {
			checkFieldError(t, s, err)
			return
		}
		if back, err := ParseACTES(a.String()); err != nil || back != a || a.String() != s {
			t.Fatalf("round trip %q -> %q -> %v, %v", s, a, back, err)
		}
		if b, err := NewACTES(a.Parts()); err != nil || b != a {
			t.Fatalf("NewACTES(Parts()) = %v, %v", b, err)
		}
	})
}

func FuzzParseVAT(f *testing.F) {
	fuzzSeeds(f, "FR83404833048", "FR 83 404 833 048", "fr24200011773", "FR84404833048", "FR", "")
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseVAT(s)
		if err != nil {
			checkFieldError(t, s, err)
			return
		}
		if back, err := ParseVAT(v.String()); err != nil || back != v {
			t.Fatalf("round trip %q -> %q -> %v, %v", s, v, back, err)
		}
		if VATFromSIREN(v.SIREN()) != v {
			t.Fatalf("VATFromSIREN(%s) != %s", v.SIREN(), v)
		}
	})
}
