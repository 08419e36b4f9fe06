package pricing

import (
	"errors"
	"testing"
	"time"
)

func TestDateArithmetic(t *testing.T) {
	tests := []struct {
		name string
		got  Date
		want string
	}{
		// de quantième à quantième, clamped to the end of the month
		{"31 Jan + 1 month in a leap year", MustDate("2024-01-31").AddMonths(1), "2024-02-29"},
		{"31 May - 3 months", MustDate("2025-05-31").AddMonths(-3), "2025-02-28"},
		{"29 Feb + 1 year", MustDate("2024-02-29").AddYears(1), "2025-02-28"},
		{"anniversary", MustDate("2024-12-02").AddYears(1), "2025-12-02"},
		{"notice 3 months before", MustDate("2025-12-02").AddMonths(-3), "2025-09-02"},
		{"days across a year", MustDate("2024-12-31").AddDays(1), "2025-01-01"},
		{"clamp low", MustDate("0001-01-01").AddDays(-1), "0001-01-01"},
	}
	for _, tt := range tests {
		if tt.got.String() != tt.want {
			t.Errorf("%s = %s, want %s", tt.name, tt.got, tt.want)
		}
	}
	// 2024-12-02 → 2025-12-02: 365 days (no 29 February in between);
	// 2023-12-02 → 2024-12-02: 366 days (29 February 2024).
	if n := MustDate("2024-12-02").DaysUntil(MustDate("2025-12-02")); n != 365 {
		t.Errorf("days = %d", n)
	}
	if n := MustDate("2023-12-02").DaysUntil(MustDate("2024-12-02")); n != 366 {
		t.Errorf("days = %d", n)
	}
	if MustDate("2024-01-01").DaysUntil(MustDate("2023-12-31")) != -1 {
		t.Error("negative DaysUntil")
	}
}

func TestParseDateMonth(t *testing.T) {
	for _, bad := range []string{"", "2025-02-29", "2025-13-01", "2025-1-01", "20250101", "0000-01-01", "2025-01-01T00:00"} {
		if _, err := ParseDate(bad); !errors.Is(err, ErrInvalidDate) {
			t.Errorf("ParseDate(%q) err = %v", bad, err)
		}
	}
	for _, bad := range []string{"", "2025-13", "2025-00", "2025-1", "25-01", "2025/01"} {
		if _, err := ParseMonth(bad); !errors.Is(err, ErrInvalidMonth) {
			t.Errorf("ParseMonth(%q) err = %v", bad, err)
		}
	}
	m := MustMonth("2022-08")
	if m.AddMonths(-8).String() != "2021-12" || m.MonthsUntil(MustMonth("2023-01")) != 5 || m.LastDay().String() != "2022-08-31" {
		t.Errorf("month arithmetic wrong")
	}
	if MustMonth("2024-02").Day(0).String() != "2024-02-29" || MustMonth("2024-02").Day(31).String() != "2024-02-29" {
		t.Error("Day clamps to the last day")
	}
	if _, err := MustDate("2025-01-01").In(nil); !errors.Is(err, ErrNilLocation) {
		t.Errorf("In(nil) err = %v", err)
	}
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no tzdata")
	}
	tt, _ := MustDate("2025-07-01").In(paris)
	if tt.Format(time.RFC3339) != "2025-07-01T00:00:00+02:00" || DateOf(tt) != MustDate("2025-07-01") {
		t.Errorf("In = %v", tt)
	}
}
