package procurement

import (
	"regexp"
	"strconv"
	"testing"
)

// Each benchmark sets our parser beside what a user would otherwise write:
// a regexp for the shape plus, where it applies, a strconv-based check.

var (
	naiveSIREN = regexp.MustCompile(`^\d{9}$`)
	naiveSIRET = regexp.MustCompile(`^\d{14}$`)
	naiveCPV   = regexp.MustCompile(`^\d{8}-\d$`)
	naiveNUTS  = regexp.MustCompile(`^[A-Z]{2}[A-Z0-9]{0,3}$`)
	naiveACTES = regexp.MustCompile(`^(\d{3}|02[AB])-(\d{9})-(\d{8})-([A-Z0-9_]{1,15})-(DE|AR|AI|CC|BF|AU)$`)
	naiveVAT   = regexp.MustCompile(`^FR(\d{2})(\d{9})$`)
	sink       bool
)

// naiveLuhn is the loop a user writes: strconv.Atoi per digit.
func naiveLuhn(s string) bool {
	sum := 0
	for i := len(s) - 1; i >= 0; i-- {
		d, _ := strconv.Atoi(s[i : i+1])
		if (len(s)-1-i)%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

func BenchmarkParseSIREN(b *testing.B) {
	b.Run("ParseSIREN", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, err := ParseSIREN("200011773")
			sink = err == nil
		}
	})
	b.Run("ParseSIREN/spaces", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, err := ParseSIREN("200 011 773")
			sink = err == nil
		}
	})
	b.Run("regexp+luhn", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink = naiveSIREN.MatchString("200011773") && naiveLuhn("200011773")
		}
	})
}

func BenchmarkParseSIRET(b *testing.B) {
	b.Run("ParseSIRET", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, err := ParseSIRET("73282932000074")
			sink = err == nil
		}
	})
	b.Run("regexp+luhn", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink = naiveSIRET.MatchString("73282932000074") && naiveLuhn("73282932000074")
		}
	})
}

func BenchmarkParseCPV(b *testing.B) {
	b.Run("ParseCPV", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, err := ParseCPV("72212482-0")
			sink = err == nil
		}
	})
	b.Run("regexp", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink = naiveCPV.MatchString("72212482-0")
		}
	})
}

func BenchmarkParseNUTS(b *testing.B) {
	b.Run("ParseNUTS", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, err := ParseNUTS("FRK28")
			sink = err == nil
		}
	})
	b.Run("regexp", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink = naiveNUTS.MatchString("FRK28")
		}
	})
}

func BenchmarkParseACTES(b *testing.B) {
	const id = "074-200011773-20260421-D_2026_0083-AU"
	b.Run("ParseACTES", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, err := ParseACTES(id)
			sink = err == nil
		}
	})
	b.Run("regexp", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			m := naiveACTES.FindStringSubmatch(id)
			sink = m != nil && naiveLuhn(m[2])
		}
	})
}

func BenchmarkParseVAT(b *testing.B) {
	b.Run("ParseVAT", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, err := ParseVAT("FR24200011773")
			sink = err == nil
		}
	})
	b.Run("regexp+strconv", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			m := naiveVAT.FindStringSubmatch("FR24200011773")
			if m == nil {
				continue
			}
			key, _ := strconv.Atoi(m[1])
			n, _ := strconv.Atoi(m[2])
			sink = naiveLuhn(m[2]) && key == (12+3*(n%97))%97
		}
	})
}

// TestParseAllocs locks the no-allocation claim for canonical input.
func TestParseAllocs(t *testing.T) {
	for name, f := range map[string]func(){
		"SIREN": func() { _, _ = ParseSIREN("200011773") },
		"SIRET": func() { _, _ = ParseSIRET("73282932000074") },
		"CPV":   func() { _, _ = ParseCPV("72212482-0") },
		"NUTS":  func() { _, _ = ParseNUTS("FRK28") },
		"VAT":   func() { _, _ = ParseVAT("FR24200011773") },
	} {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("Parse%s allocates %v times, want 0", name, n)
		}
	}
}
