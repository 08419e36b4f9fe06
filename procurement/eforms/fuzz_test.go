package eforms_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/openmarches/marches/procurement/eforms"
)

// Seeds: every golden notice and scenario input, plus the hostile
// documents of TestParseRefuses; testdata/fuzz/<Target>/ holds the
// committed corpus (crashers included).

func addGoldenSeeds(f *testing.F, pattern string) {
	files, err := filepath.Glob(pattern)
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// FuzzParse: Parse never panics, and whatever it accepts and Generate can
// write comes back identical after one more round:
// Generate(Parse(Generate(Parse(x)))) == Generate(Parse(x)).
func FuzzParse(f *testing.F) {
	addGoldenSeeds(f, filepath.Join("testdata", "*.xml"))
	f.Add([]byte(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><ContractNotice>&e;</ContractNotice>`))
	f.Add([]byte(`<ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2"><a><a></a></a></ContractNotice>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := eforms.Parse(data)
		if err != nil {
			var fe *eforms.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("error is not a FieldError: %v", err)
			}
			return
		}
		first, err := eforms.Generate(n)
		if err != nil {
			return // a foreign notice may lack what Generate needs
		}
		m, err := eforms.Parse(first)
		if err != nil {
			t.Fatalf("Parse of a generated notice: %v", err)
		}
		second, err := eforms.Generate(m)
		if err != nil {
			t.Fatalf("Generate(Parse(Generate(...))): %v", err)
		}
		if !bytes.Equal(first, second) {
			t.Fatalf("round trip not stable")
		}
	})
}

// FuzzDecodeNotice: the JSON input never makes DecodeNotice or Generate
// panic, and every notice Generate writes parses back to the same bytes.
func FuzzDecodeNotice(f *testing.F) {
	addGoldenSeeds(f, filepath.Join("testdata", "scenarios", "*.json"))
	f.Add([]byte(`{"notice":{"subtype":"16","dispatch":"2026-01-01T00:00:00Z"},"consultation":{}}`))
	f.Add([]byte(`{"notice":`))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := eforms.DecodeNotice(data)
		if err != nil {
			return
		}
		xml, err := eforms.Generate(n)
		if err != nil {
			return
		}
		m, err := eforms.Parse(xml)
		if err != nil {
			t.Fatalf("Parse of a generated notice: %v", err)
		}
		again, err := eforms.Generate(m)
		if err != nil {
			t.Fatalf("Generate(Parse(x)): %v", err)
		}
		if !bytes.Equal(xml, again) {
			t.Fatal("Generate(Parse(x)) != x")
		}
	})
}

// FuzzGenerateText puts arbitrary text in the title and a lot description:
// either Generate refuses it with ErrXMLChar (a character XML 1.0 forbids
// or invalid UTF-8), or the notice is well-formed and Parse gives the
// text back exactly (an oracle: the XML 1.0 Char production).
func FuzzGenerateText(f *testing.F) {
	for _, s := range []string{"Titre", `a <b> & "c" 'd' ]]>`, "ligne\r\nsuite\tfin", "\x00", "\uFFFE", "\xff", " x ", "🙂 été"} {
		f.Add(s)
	}
	base := loadScenario(f, "cn16_sample_two_lots")
	f.Fuzz(func(t *testing.T, s string) {
		if strings.TrimSpace(s) == "" {
			return // blank titles are "not given"
		}
		n := base
		c := n.Consultation
		c.Title = s
		c.Lots = append(c.Lots[:0:0], c.Lots...)
		c.Lots[1].Description = s
		n.Consultation = c
		xml, err := eforms.Generate(n)
		valid := utf8.ValidString(s) && xmlChars(s)
		if !valid {
			if !errors.Is(err, eforms.ErrXMLChar) {
				t.Fatalf("Generate(%q): err = %v, want ErrXMLChar", s, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("Generate(%q): %v", s, err)
		}
		back, err := eforms.Parse(xml)
		if err != nil {
			t.Fatalf("Parse: %v", err)
		}
		if back.Consultation.Title != s || back.Consultation.Lots[1].Description != s {
			t.Fatalf("text %q came back as %q / %q", s, back.Consultation.Title, back.Consultation.Lots[1].Description)
		}
	})
}

// xmlChars is the Char production of XML 1.0 §2.2, written independently
// of the package's check.
func xmlChars(s string) bool {
	for _, r := range s {
		switch {
		case r == 0x9, r == 0xA, r == 0xD:
		case r >= 0x20 && r <= 0xD7FF:
		case r >= 0xE000 && r <= 0xFFFD:
		case r >= 0x10000 && r <= 0x10FFFF:
		default:
			return false
		}
	}
	return true
}
