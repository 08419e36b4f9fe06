package eforms

import (
	"testing"
	"time"
	_ "time/tzdata" // the zones below, on machines without zoneinfo

	"github.com/openmarches/marches/calendar"
	"github.com/shopspring/decimal"
)

// TestDeriveUUID: the expected values were computed independently with
// Python's hashlib and uuid modules: SHA-1 of the namespace bytes
// (uuid.UUID('df131bcb-50e5-5ee4-a28e-af5b9509dbee').bytes) followed by
// the UTF-8 name, first 16 bytes, version nibble set to 4 and variant to
// 10. The namespace itself is uuid.uuid5(uuid.NAMESPACE_URL,
// 'https://github.com/openmarches/marches/procurement/eforms').
func TestDeriveUUID(t *testing.T) {
	tests := []struct{ name, want string }{
		{"procedure|24750052300011|2026-SIPAN-AOO-003", "d29fd428-b3b2-4046-b025-6a3a51619c05"},
		{"x", "2a236852-9948-41d8-badd-85abb858a5ca"},
	}
	for _, tt := range tests {
		if got := DeriveUUID(tt.name); got != tt.want {
			t.Errorf("DeriveUUID(%q) = %s, want %s", tt.name, got, tt.want)
		}
		if !isUUID4(DeriveUUID(tt.name)) {
			t.Errorf("DeriveUUID(%q) does not match the eForms UUID pattern", tt.name)
		}
	}
}

// TestIsUUID4 follows the pattern of rule BR-BT-00004-0052 (SDK 1.15.1):
// ^[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}$.
func TestIsUUID4(t *testing.T) {
	for s, want := range map[string]bool{
		"d29fd428-b3b2-4046-b025-6a3a51619c05":  true,
		"D29FD428-B3B2-4046-B025-6A3A51619C05":  false, // upper case
		"d29fd428-b3b2-5046-b025-6a3a51619c05":  false, // version 5
		"d29fd428-b3b2-4046-c025-6a3a51619c05":  false, // variant c
		"d29fd428b3b24046b0256a3a51619c05":      false,
		"d29fd428-b3b2-4046-b025-6a3a51619c05-": false,
		"":                                      false,
	} {
		if got := isUUID4(s); got != want {
			t.Errorf("isUUID4(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestFormatDates: dates carry the offset their zone has at noon that day.
// Europe/Paris changes to summer time on 29 March 2026 at 02:00 and back
// on 25 October 2026 at 03:00 (last Sundays of March and October); the
// overseas zones keep one offset all year.
func TestFormatDates(t *testing.T) {
	load := func(name string) *time.Location {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		return loc
	}
	paris := load("Europe/Paris")
	tests := []struct {
		d    calendar.Date
		loc  *time.Location
		want string
	}{
		{calendar.MustDate(2026, time.March, 28), paris, "2026-03-28+01:00"},
		{calendar.MustDate(2026, time.March, 29), paris, "2026-03-29+02:00"},
		{calendar.MustDate(2026, time.October, 24), paris, "2026-10-24+02:00"},
		{calendar.MustDate(2026, time.October, 25), paris, "2026-10-25+01:00"},
		{calendar.MustDate(2026, time.July, 14), load("America/Guadeloupe"), "2026-07-14-04:00"},
		{calendar.MustDate(2026, time.July, 14), load("Indian/Reunion"), "2026-07-14+04:00"},
		{calendar.MustDate(2026, time.July, 14), time.UTC, "2026-07-14Z"},
	}
	for _, tt := range tests {
		if got := formatDateIn(tt.d, tt.loc); got != tt.want {
			t.Errorf("formatDateIn(%s, %s) = %s, want %s", tt.d, tt.loc, got, tt.want)
		}
	}
	at := time.Date(2026, time.June, 15, 12, 0, 0, 0, time.FixedZone("", 2*3600))
	if d, tm := formatDateAt(at), formatTimeAt(at); d != "2026-06-15+02:00" || tm != "12:00:00+02:00" {
		t.Errorf("formatDateAt/TimeAt = %s %s", d, tm)
	}
	// A half-hour offset (e.g. India) and a negative one keep their minutes.
	at = time.Date(2026, time.January, 2, 23, 5, 9, 0, time.FixedZone("", -(3*3600+30*60)))
	if d, tm := formatDateAt(at), formatTimeAt(at); d != "2026-01-02-03:30" || tm != "23:05:09-03:30" {
		t.Errorf("formatDateAt/TimeAt = %s %s", d, tm)
	}
}

// TestFormatAmount: always 2 decimal places, without exponent, whatever
// the scale of the input.
func TestFormatAmount(t *testing.T) {
	for in, want := range map[string]string{
		"296000": "296000.00", "89280.5": "89280.50", "0.1": "0.10", "1e3": "1000.00", "12345678901234.99": "12345678901234.99",
	} {
		if got := formatAmount(decimal.RequireFromString(in)); got != want {
			t.Errorf("formatAmount(%s) = %s, want %s", in, got, want)
		}
	}
}

// TestFirstBadXMLChar: XML 1.0 §2.2 Char.
func TestFirstBadXMLChar(t *testing.T) {
	tests := []struct {
		s    string
		at   int
		want bool
	}{
		{"Tab\tLF\nCR\r ok é €", 0, true},
		{"\U0001F600 emoji", 0, true},
		{"a\x00", 1, false},
		{"ab\x1f", 2, false},
		{"a\uFFFE", 1, false},
		{"a\uFFFF", 1, false},
		{"a\xff", 1, false},         // not UTF-8
		{"a\xed\xa0\x80", 1, false}, // a surrogate encoded in UTF-8
	}
	for _, tt := range tests {
		at, ok := firstBadXMLChar(tt.s)
		if ok != tt.want || (!ok && at != tt.at) {
			t.Errorf("firstBadXMLChar(%q) = %d, %v; want %d, %v", tt.s, at, ok, tt.at, tt.want)
		}
	}
}

// TestTerritoryOf: INSEE territory from a French postal code.
func TestTerritoryOf(t *testing.T) {
	for in, want := range map[string]string{
		"75004": "75", "69100": "69", "01000": "01", "20000": "2A", "20100": "2A", "20200": "2B", "20600": "2B",
		"97110": "971", "97400": "974", "98800": "988", "98000": "", "7500": "", "ABCDE": "", "": "",
	} {
		if got := territoryOf(in, ""); got != want {
			t.Errorf("territoryOf(%q) = %q, want %q", in, got, want)
		}
	}
	if got := territoryOf("75004", "BEL"); got != "" {
		t.Errorf("territoryOf of a Belgian address = %q, want none", got)
	}
}
