package calendar

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

// TestDateAgainstTime checks day numbers, weekdays and AddDays against
// the standard library's calendar for every day from 1900 to 2300.
func TestDateAgainstTime(t *testing.T) {
	for tt := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC); tt.Year() < 2300; tt = tt.AddDate(0, 0, 1) {
		d := DateOf(tt)
		if d.Year() != tt.Year() || d.Month() != tt.Month() || d.Day() != tt.Day() {
			t.Fatalf("DateOf(%s) = %s", tt, d)
		}
		if n := d.num(); n != tt.Unix()/86400 {
			t.Fatalf("%s: num = %d", d, n)
		}
		if d.Weekday() != tt.Weekday() {
			t.Fatalf("%s: Weekday = %s, want %s", d, d.Weekday(), tt.Weekday())
		}
		if got := dateFromNum(d.num()); got != d {
			t.Fatalf("dateFromNum(num(%s)) = %s", d, got)
		}
		if got := d.AddDays(1); got != DateOf(tt.AddDate(0, 0, 1)) {
			t.Fatalf("%s.AddDays(1) = %s", d, got)
		}
	}
}

func TestParseDate(t *testing.T) {
	good := map[string]Date{
		"2026-02-28": MustDate(2026, 2, 28),
		"2024-02-29": MustDate(2024, 2, 29), // leap year
		"2000-02-29": MustDate(2000, 2, 29), // divisible by 400
		"0001-01-01": MustDate(1, 1, 1),
	}
	for s, want := range good {
		got, err := ParseDate(s)
		if err != nil || got != want || got.String() != s {
			t.Errorf("ParseDate(%q) = %s, %v", s, got, err)
		}
	}
	for _, s := range []string{"", "2026-2-28", "2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10",
		"2026-04-31", "0000-01-01", "2026/01/01", "２026-01-01", "2026-01-01T00:00:00Z", "+026-01-01"} {
		if _, err := ParseDate(s); !errors.Is(err, ErrInvalidDate) {
			t.Errorf("ParseDate(%q) err = %v, want ErrInvalidDate", s, err)
		}
	}
}

func TestDateJSON(t *testing.T) {
	in := struct {
		D Date `json:"d"`
	}{MustDate(2026, 12, 25)}
	b, _ := json.Marshal(in)
	if string(b) != `{"d":"2026-12-25"}` {
		t.Errorf("Marshal = %s", b)
	}
	var out struct {
		D Date `json:"d"`
	}
	if err := json.Unmarshal(b, &out); err != nil || out.D != in.D {
		t.Errorf("Unmarshal = %v, %v", out.D, err)
	}
	if err := json.Unmarshal([]byte(`{"d":"2026-02-30"}`), &out); !errors.Is(err, ErrInvalidDate) {
		t.Errorf("Unmarshal bad date err = %v", err)
	}
}

func TestDateInSkippedMidnight(t *testing.T) {
	// America/Havana springs forward at midnight: 2026-03-08 00:00 does not
	// exist, the day starts at 01:00 CDT.
	havana, err := time.LoadLocation("America/Havana")
	if err != nil {
		t.Skip(err)
	}
	got := MustDate(2026, 3, 8).In(havana)
	if DateOf(got) != MustDate(2026, 3, 8) || got.Hour() != 1 {
		t.Errorf("In(Havana) = %s, want 2026-03-08 01:00", got)
	}
}
