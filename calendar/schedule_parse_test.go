package calendar

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// ohCmp compares ScheduleConfig values: nil and empty slices are equal,
// Dates compare with ==.
var ohCmp = cmp.Options{cmpopts.EquateEmpty(), cmp.Comparer(func(a, b Date) bool { return a == b })}

// ohHM returns h hours and m minutes.
func ohHM(h, m int) time.Duration { return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute }

// ohSpan returns the span h1:m1-h2:m2 (h2 may exceed 24).
func ohSpan(h1, m1, h2, m2 int) Span { return Span{Start: ohHM(h1, m1), End: ohHM(h2, m2)} }

// ohDays returns a week with spans on the given weekdays.
func ohDays(spans []Span, days ...time.Weekday) [7][]Span {
	var w [7][]Span
	for _, d := range days {
		w[d] = spans
	}
	return w
}

var (
	ohMoFr  = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
	ohMoSu  = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}
	ohWhole = []Span{ohSpan(0, 0, 24, 0)}
)

// ohValidCases are opening_hours strings with the ScheduleConfig they mean
// (worked out by hand from the rules in ParseSchedule's doc and the
// OpenStreetMap opening_hours specification,
// https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification) and
// their canonical form (Schedule.String's doc). They also seed the fuzzers.
var ohValidCases = []struct {
	name string
	in   string
	want ScheduleConfig
	str  string // canonical text; "" means in
}{
	{name: "default hours", in: DefaultHours,
		want: ScheduleConfig{Week: ohDays([]Span{ohSpan(9, 0, 19, 0)}, ohMoFr...), Holidays: HolidaysOff}},
	{name: "two spans a day", in: "Mo-Fr 09:00-12:00,14:00-19:00; PH off",
		want: ScheduleConfig{Week: ohDays([]Span{ohSpan(9, 0, 12, 0), ohSpan(14, 0, 19, 0)}, ohMoFr...), Holidays: HolidaysOff}},
	{name: "24/7", in: "24/7", want: ScheduleConfig{Week: ohDays(ohWhole, ohMoSu...)}},
	{name: "24/7 with PH off", in: "24/7; PH off", str: "Mo-Su 00:00-24:00; PH off",
		want: ScheduleConfig{Week: ohDays(ohWhole, ohMoSu...), Holidays: HolidaysOff}},
	{name: "whole days written out", in: "Mo-Su 00:00-24:00", str: "24/7",
		want: ScheduleConfig{Week: ohDays(ohWhole, ohMoSu...)}},
	{name: "night crossing midnight", in: "Mo-Fr 22:00-06:00", str: "Mo-Fr 22:00-30:00",
		want: ScheduleConfig{Week: ohDays([]Span{ohSpan(22, 0, 30, 0)}, ohMoFr...)}},
	{name: "night in extended form", in: "Mo-Fr 22:00-30:00",
		want: ScheduleConfig{Week: ohDays([]Span{ohSpan(22, 0, 30, 0)}, ohMoFr...)}},
	{name: "19:00-09:00 crosses midnight", in: "Mo 19:00-09:00", str: "Mo 19:00-33:00",
		want: ScheduleConfig{Week: ohDays([]Span{ohSpan(19, 0, 33, 0)}, time.Monday)}},
	{name: "24 hours from 10:00", in: "Mo 10:00-34:00",
		want: ScheduleConfig{Week: ohDays([]Span{ohSpan(10, 0, 34, 0)}, time.Monday)}},
	{name: "end at 24:00", in: "Mo 23:00-24:00",
		want: ScheduleConfig{Week: ohDays([]Span{ohSpan(23, 0, 24, 0)}, time.Monday)}},
	{name: "wrapping range", in: "Fr-Mo 08:00-18:00", str: "Mo,Fr-Su 08:00-18:00",
		want: ScheduleConfig{Week: ohDays([]Span{ohSpan(8, 0, 18, 0)}, time.Friday, time.Saturday, time.Sunday, time.Monday)}},
	{name: "Su-Mo wraps", in: "Su-Mo 10:00-11:00", str: "Mo,Su 10:00-11:00",
		want: ScheduleConfig{Week: ohDays([]Span{ohSpan(10, 0, 11, 0)}, time.Sunday, time.Monday)}},
	{name: "later rule overrides", in: "Mo-Sa 09:00-19:00; Sa 09:00-12:00", str: "Mo-Fr 09:00-19:00; Sa 09:00-12:00",
		want: ScheduleConfig{Week: func() [7][]Span {
			w := ohDays([]Span{ohSpan(9, 0, 19, 0)}, ohMoFr...)
			w[time.Saturday] = []Span{ohSpan(9, 0, 12, 0)}
			return w
		}()}},
	{name: "off clears days", in: "Mo-Fr 09:00-19:00; We off", str: "Mo-Tu,Th-Fr 09:00-19:00",
		want: ScheduleConfig{Week: ohDays([]Span{ohSpan(9, 0, 19, 0)}, time.Monday, time.Tuesday, time.Thursday, time.Friday)}},
	{name: "everything off again", in: "Mo-Fr 09:00-19:00; Mo-Fr closed", str: "off", want: ScheduleConfig{}},
	{name: "day list", in: "Mo,We,Fr 09:00-12:00",
		want: ScheduleConfig{Week: ohDays([]Span{ohSpan(9, 0, 12, 0)}, time.Monday, time.Wednesday, time.Friday)}},
	{name: "mixed list", in: "Mo-We,Fr 10:00-11:00",
		want: ScheduleConfig{Week: ohDays([]Span{ohSpan(10, 0, 11, 0)}, time.Monday, time.Tuesday, time.Wednesday, time.Friday)}},
	{name: "no selector means every day", in: "09:00-18:00", str: "Mo-Su 09:00-18:00",
		want: ScheduleConfig{Week: ohDays([]Span{ohSpan(9, 0, 18, 0)}, ohMoSu...)}},
	{name: "off alone", in: "off", want: ScheduleConfig{}},
	{name: "closed alone", in: "closed", str: "off", want: ScheduleConfig{}},
	{name: "PH special hours", in: "Mo-Fr 09:00-19:00; PH 10:00-12:00",
		want: ScheduleConfig{Week: ohDays([]Span{ohSpan(9, 0, 19, 0)}, ohMoFr...), Holidays: HolidaysSpecial,
			HolidayHours: []Span{ohSpan(10, 0, 12, 0)}}},
	{name: "PH alone", in: "PH off", want: ScheduleConfig{Holidays: HolidaysOff}},
	{name: "PH in a day list", in: "Sa,PH 10:00-12:00", str: "Sa 10:00-12:00; PH 10:00-12:00",
		want: ScheduleConfig{Week: ohDays([]Span{ohSpan(10, 0, 12, 0)}, time.Saturday), Holidays: HolidaysSpecial,
			HolidayHours: []Span{ohSpan(10, 0, 12, 0)}}},
	{name: "last PH rule wins", in: "PH off; PH 10:00-12:00", str: "PH 10:00-12:00",
		want: ScheduleConfig{Holidays: HolidaysSpecial, HolidayHours: []Span{ohSpan(10, 0, 12, 0)}}},
	{name: "closure and exception", in: "Mo-Fr 09:00-19:00; PH off; 2026 Dec 24 09:00-12:00; 2026 Aug 01-15 off",
		str: "Mo-Fr 09:00-19:00; PH off; 2026 Aug 01-2026 Aug 15 off; 2026 Dec 24 09:00-12:00",
		want: ScheduleConfig{Week: ohDays([]Span{ohSpan(9, 0, 19, 0)}, ohMoFr...), Holidays: HolidaysOff,
			Closures:   []Closure{{From: MustDate(2026, time.August, 1), To: MustDate(2026, time.August, 15)}},
			Exceptions: []Exception{{Date: MustDate(2026, time.December, 24), Spans: []Span{ohSpan(9, 0, 12, 0)}}}}},
	{name: "single date off is an exceptional day", in: "2026 Dec 25 off",
		want: ScheduleConfig{Exceptions: []Exception{{Date: MustDate(2026, time.December, 25)}}}},
	{name: "one-digit day", in: "2026 Dec 5 closed", str: "2026 Dec 05 off",
		want: ScheduleConfig{Exceptions: []Exception{{Date: MustDate(2026, time.December, 5)}}}},
	{name: "full range", in: "2026 Aug 01-2026 Aug 15 off",
		want: ScheduleConfig{Closures: []Closure{{From: MustDate(2026, time.August, 1), To: MustDate(2026, time.August, 15)}}}},
	{name: "range across months", in: "2026 Jul 20-Aug 15 off", str: "2026 Jul 20-2026 Aug 15 off",
		want: ScheduleConfig{Closures: []Closure{{From: MustDate(2026, time.July, 20), To: MustDate(2026, time.August, 15)}}}},
	{name: "range across years", in: "2026 Dec 28-2027 Jan 02 closed", str: "2026 Dec 28-2027 Jan 02 off",
		want: ScheduleConfig{Closures: []Closure{{From: MustDate(2026, time.December, 28), To: MustDate(2027, time.January, 2)}}}},
	{name: "one-day range", in: "2026 Dec 25-25 off", str: "2026 Dec 25-2026 Dec 25 off",
		want: ScheduleConfig{Closures: []Closure{{From: MustDate(2026, time.December, 25), To: MustDate(2026, time.December, 25)}}}},
	{name: "same date twice keeps both in order", in: "2026 Dec 24 09:00-12:00; 2026 Dec 24 off",
		want: ScheduleConfig{Exceptions: []Exception{
			{Date: MustDate(2026, time.December, 24), Spans: []Span{ohSpan(9, 0, 12, 0)}},
			{Date: MustDate(2026, time.December, 24)}}}},
	{name: "leap day", in: "2028 Feb 29 10:00-11:00",
		want: ScheduleConfig{Exceptions: []Exception{{Date: MustDate(2028, time.February, 29), Spans: []Span{ohSpan(10, 0, 11, 0)}}}}},
	{name: "whitespace tolerant", in: "\t Mo - Fr  09:00 - 12:00 , 14:00-19:00 ;PH off ", str: "Mo-Fr 09:00-12:00,14:00-19:00; PH off",
		want: ScheduleConfig{Week: ohDays([]Span{ohSpan(9, 0, 12, 0), ohSpan(14, 0, 19, 0)}, ohMoFr...), Holidays: HolidaysOff}},
	{name: "spans are sorted", in: "Mo-Fr 14:00-19:00,09:00-12:00", str: "Mo-Fr 09:00-12:00,14:00-19:00",
		want: ScheduleConfig{Week: ohDays([]Span{ohSpan(9, 0, 12, 0), ohSpan(14, 0, 19, 0)}, ohMoFr...)}},
	{name: "touching spans", in: "Mo 09:00-12:00,12:00-14:00",
		want: ScheduleConfig{Week: ohDays([]Span{ohSpan(9, 0, 12, 0), ohSpan(12, 0, 14, 0)}, time.Monday)}},
	{name: "seconds extension", in: "Mo 09:00:30-10:00",
		want: ScheduleConfig{Week: ohDays([]Span{{Start: ohHM(9, 0) + 30*time.Second, End: ohHM(10, 0)}}, time.Monday)}},
	{name: "non-consecutive groups", in: "Mo-Fr 09:00-19:00; We 09:00-12:00; Su 10:00-12:00",
		str: "Mo-Tu,Th-Fr 09:00-19:00; We 09:00-12:00; Su 10:00-12:00",
		want: ScheduleConfig{Week: func() [7][]Span {
			w := ohDays([]Span{ohSpan(9, 0, 19, 0)}, ohMoFr...)
			w[time.Wednesday] = []Span{ohSpan(9, 0, 12, 0)}
			w[time.Sunday] = []Span{ohSpan(10, 0, 12, 0)}
			return w
		}()}},
}

// ohInvalidCases are inputs ParseSchedule refuses, with the sentinel and
// the byte offset its Detail must name (-1: Detail is "empty").
var ohInvalidCases = []struct {
	name    string
	in      string
	wantErr error
	at      int
}{
	{"empty", "", ErrInvalidSchedule, -1},
	{"blank", " \t ", ErrInvalidSchedule, -1},
	{"final semicolon", "Mo-Fr 09:00-19:00;", ErrInvalidSchedule, 18},
	{"empty rule", "Mo-Fr 09:00-19:00;; PH off", ErrInvalidSchedule, 18},
	{"missing semicolon", "Mo-Fr 09:00-19:00 PH off", ErrInvalidSchedule, 18},
	{"comma between rules", "Mo-Fr 09:00-19:00, Sa 10:00-12:00", ErrInvalidSchedule, 19},
	{"school holidays", "SH off", ErrInvalidSchedule, 0},
	{"week numbers", "week 01-10 Mo 09:00-12:00", ErrInvalidSchedule, 0},
	{"sunrise", "Mo-Fr sunrise-sunset", ErrInvalidSchedule, 6},
	{"comment", `Mo-Fr 09:00-19:00 "on appointment"`, ErrInvalidSchedule, 18},
	{"open end", "Mo-Fr 10:00+", ErrInvalidSchedule, 11},
	{"fallback", `Mo-Fr 09:00-19:00 || "by appointment"`, ErrInvalidSchedule, 18},
	{"month selector", "Jan-Mar Mo-Fr 09:00-12:00", ErrInvalidSchedule, 0},
	{"date without year", "Dec 25 off", ErrInvalidSchedule, 0},
	{"year alone", "2026 off", ErrInvalidSchedule, 5},
	{"year at end", "2026", ErrInvalidSchedule, 4},
	{"month without day", "2026 Dec off", ErrInvalidSchedule, 9},
	{"nth weekday", "Mo[1] 09:00-12:00", ErrInvalidSchedule, 2},
	{"open state", "Mo-Fr 09:00-19:00 open", ErrInvalidSchedule, 18},
	{"days with no state", "Mo-Fr", ErrInvalidSchedule, 5},
	{"lower case", "mo-fr 09:00-19:00", ErrInvalidSchedule, 0},
	{"one-digit hour", "Mo-Fr 9:00-19:00", ErrInvalidSchedule, 6},
	{"missing end", "Mo 09:00", ErrInvalidSchedule, 8},
	{"range to PH", "Mo-PH 09:00-12:00", ErrInvalidSchedule, 3},
	{"24/7 with a state", "24/7 off", ErrInvalidSchedule, 5},
	{"en dash", "Mo\u2013Fr 09:00-19:00", ErrInvalidSchedule, 2},
	{"equal start and end", "Mo-Fr 09:00-09:00", ErrInvalidSpan, 6},
	{"minutes over 59", "Mo-Fr 09:60-10:00", ErrInvalidSpan, 6},
	{"seconds over 59", "Mo 09:00:60-10:00", ErrInvalidSpan, 3},
	{"start at 24:00", "Mo-Fr 24:00-26:00", ErrInvalidSpan, 6},
	{"end after 48:00", "Mo-Fr 09:00-49:00", ErrInvalidSpan, 12},
	{"end 48:30", "Mo-Fr 23:00-48:30", ErrInvalidSpan, 12},
	{"span over 24 hours", "Mo-Fr 02:00-30:00", ErrInvalidSpan, 6},
	{"overlapping spans", "Mo-Fr 09:00-12:00,11:00-13:00", ErrInvalidSpan, 18},
	{"overlapping spans out of order", "Mo 11:00-13:00,09:00-12:00", ErrInvalidSpan, 15},
	{"no such date", "2026 Feb 30 off", ErrInvalidDate, 0},
	{"year zero", "0000 Jan 01 off", ErrInvalidDate, 0},
	{"reversed range", "2026 Aug 15-2026 Aug 01 off", ErrInvalidDateRange, 0},
	{"reversed short range", "Mo-Fr 09:00-19:00; 2026 Aug 15-01 off", ErrInvalidDateRange, 19},
	{"hours on a range", "2026 Aug 01-15 09:00-12:00", ErrInvalidSchedule, 15},
	{"bad range end", "2026 Aug 01-Foo 15 off", ErrInvalidSchedule, 12},
}

func TestParseSchedule(t *testing.T) {
	for _, tt := range ohValidCases {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSchedule(tt.in)
			if err != nil {
				t.Fatalf("ParseSchedule(%q): %v", tt.in, err)
			}
			if diff := cmp.Diff(tt.want, s.Config(), ohCmp); diff != "" {
				t.Errorf("ParseSchedule(%q) config (-want +got):\n%s", tt.in, diff)
			}
			wantStr := tt.str
			if wantStr == "" {
				wantStr = tt.in
			}
			if got := s.String(); got != wantStr {
				t.Errorf("String() = %q, want %q", got, wantStr)
			}
			ohCheckRoundTrips(t, s)
		})
	}
}

// ohCheckRoundTrips checks that s survives String/ParseSchedule,
// MarshalText/UnmarshalText and MarshalJSON/UnmarshalJSON, that String is
// a fixed point and that MarshalJSON is deterministic.
func ohCheckRoundTrips(t testing.TB, s Schedule) {
	t.Helper()
	text := s.String()
	back, err := ParseSchedule(text)
	if err != nil {
		t.Fatalf("ParseSchedule(String() = %q): %v", text, err)
	}
	want := s.Config()
	if _, ph := s.Holidays(); s.holidays == HolidaysSpecial && len(ph) == 0 {
		want.Holidays = HolidaysOff // the one documented normalisation of String
	}
	if diff := cmp.Diff(want, back.Config(), ohCmp); diff != "" {
		t.Errorf("ParseSchedule(%q) (-want +got):\n%s", text, diff)
	}
	if again := back.String(); again != text {
		t.Errorf("String is not a fixed point: %q then %q", text, again)
	}
	var fromText Schedule
	if b, _ := s.MarshalText(); string(b) != text {
		t.Errorf("MarshalText = %q, want %q", b, text)
	} else if err := fromText.UnmarshalText(b); err != nil {
		t.Errorf("UnmarshalText(%q): %v", b, err)
	}
	js, err := s.MarshalJSON()
	if err != nil {
		t.Fatalf("MarshalJSON: %v", err)
	}
	if js2, _ := s.MarshalJSON(); string(js2) != string(js) {
		t.Errorf("MarshalJSON is not deterministic: %s then %s", js, js2)
	}
	var fromJSON Schedule
	if err := fromJSON.UnmarshalJSON(js); err != nil {
		t.Fatalf("UnmarshalJSON(%s): %v", js, err)
	}
	if diff := cmp.Diff(s.Config(), fromJSON.Config(), ohCmp); diff != "" {
		t.Errorf("JSON round trip of %s (-want +got):\n%s", js, diff)
	}
	if js2, _ := fromJSON.MarshalJSON(); string(js2) != string(js) {
		t.Errorf("JSON is not a fixed point: %s then %s", js, js2)
	}
}

func TestParseScheduleErrors(t *testing.T) {
	for _, tt := range ohInvalidCases {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSchedule(tt.in)
			if err == nil {
				t.Fatalf("ParseSchedule(%q) = %q, want an error", tt.in, s)
			}
			t.Log(err)
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("ParseSchedule(%q) = %v, want %v", tt.in, err, tt.wantErr)
			}
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("ParseSchedule(%q) = %T, want *FieldError", tt.in, err)
			}
			if fe.Field != "hours" || fe.Value != tt.in {
				t.Errorf("Field, Value = %q, %q; want \"hours\", %q", fe.Field, fe.Value, tt.in)
			}
			wantDetail := "at byte " + strconv.Itoa(tt.at) + ": "
			if tt.at < 0 {
				wantDetail = "empty"
			}
			if !strings.HasPrefix(fe.Detail, wantDetail) {
				t.Errorf("Detail = %q, want prefix %q", fe.Detail, wantDetail)
			}
			if !s.IsZero() {
				t.Errorf("ParseSchedule returned a non-zero schedule with an error: %q", s)
			}
		})
	}
}

// TestParseScheduleUnsupportedDetail checks that the unsupported
// opening_hours features are named, not just refused.
func TestParseScheduleUnsupportedDetail(t *testing.T) {
	tests := []struct{ in, want string }{
		{"SH off", "school holidays (SH) are not supported"},
		{"Mo-Fr sunrise-sunset", "variable times"},
		{"Mo-Fr 10:00+", "open ends (+)"},
		{`Mo 09:00-12:00 || "on call"`, "fallback rules (||)"},
		{`Mo 09:00-12:00 "on call"`, "comments"},
		{"week 01-10 Mo 09:00-12:00", "week number"},
		{"Jan-Mar Mo-Fr 09:00-12:00", "month selectors"},
		{"2026 off", "year selectors"},
		{"Mo[1] 09:00-12:00", "nth weekday"},
		{"Mo-Fr 09:00-19:00, Sa 10:00-12:00", `rules are separated by ";"`},
		{"2026 Aug 01-15 09:00-12:00", "only single dates may carry hours"},
		{"Mo-Fr 09:00-12:00,11:00-13:00", "spans overlap (09:00-12:00 and 11:00-13:00)"},
		{"Mo 09:00", `end of input: expected "-"`},
	}
	for _, tt := range tests {
		_, err := ParseSchedule(tt.in)
		var fe *FieldError
		if !errors.As(err, &fe) || !strings.Contains(fe.Detail, tt.want) {
			t.Errorf("ParseSchedule(%q) = %v, want Detail containing %q", tt.in, err, tt.want)
		}
	}
}

func TestDefaultScheduleString(t *testing.T) {
	if got := DefaultSchedule().String(); got != DefaultHours {
		t.Errorf("DefaultSchedule().String() = %q, want DefaultHours %q", got, DefaultHours)
	}
	if diff := cmp.Diff(DefaultSchedule().Config(), MustParseSchedule(DefaultHours).Config(), ohCmp); diff != "" {
		t.Errorf("ParseSchedule(DefaultHours) (-want +got):\n%s", diff)
	}
	if got := (Schedule{}).String(); got != "off" {
		t.Errorf("zero Schedule String() = %q, want \"off\"", got)
	}
}

// TestScheduleStringFromConfig prints schedules that ParseSchedule never
// builds itself (hand-written expectations from String's doc).
func TestScheduleStringFromConfig(t *testing.T) {
	d := MustDate(2026, time.December, 25)
	tests := []struct {
		name string
		cfg  ScheduleConfig
		want string
	}{
		{"one-day closure", ScheduleConfig{Closures: []Closure{{From: d, To: d}}}, "2026 Dec 25-2026 Dec 25 off"},
		{"exception with no hours", ScheduleConfig{Exceptions: []Exception{{Date: d}}}, "2026 Dec 25 off"},
		{"closures before exceptions, each in order",
			ScheduleConfig{
				Exceptions: []Exception{{Date: d, Spans: []Span{ohSpan(10, 0, 12, 0)}}, {Date: d.AddDays(-1)}},
				Closures:   []Closure{{From: d.AddDays(5), To: d.AddDays(6)}, {From: d.AddDays(-30), To: d.AddDays(-20)}},
			},
			"2026 Dec 30-2026 Dec 31 off; 2026 Nov 25-2026 Dec 05 off; 2026 Dec 25 10:00-12:00; 2026 Dec 24 off"},
		{"seconds", ScheduleConfig{Week: ohDays([]Span{{Start: 1, End: 2}}, time.Sunday)}, ""}, // invalid: sub-second
		{"seconds on both ends", ScheduleConfig{Week: ohDays([]Span{{Start: ohHM(8, 0) + time.Second, End: ohHM(26, 0) + 59*time.Second}}, time.Sunday)},
			"Su 08:00:01-26:00:59"},
		{"48:00 end", ScheduleConfig{Week: ohDays([]Span{ohSpan(24, 0, 48, 0)}, time.Sunday)}, ""}, // invalid: start 24:00
		{"23:30-47:30", ScheduleConfig{Week: ohDays([]Span{ohSpan(23, 30, 47, 30)}, time.Sunday)}, "Su 23:30-47:30"},
		{"24/7 but one span differs", ScheduleConfig{Week: func() [7][]Span {
			w := ohDays(ohWhole, ohMoSu...)
			w[time.Sunday] = []Span{ohSpan(0, 0, 12, 0)}
			return w
		}()}, "Mo-Sa 00:00-24:00; Su 00:00-12:00"},
		{"24/7 with a closure", ScheduleConfig{Week: ohDays(ohWhole, ohMoSu...), Closures: []Closure{{From: d, To: d}}},
			"Mo-Su 00:00-24:00; 2026 Dec 25-2026 Dec 25 off"},
		{"special holidays without hours are rejected", ScheduleConfig{Holidays: HolidaysSpecial}, ""},
		{"year 1", ScheduleConfig{Exceptions: []Exception{{Date: MustDate(1, time.January, 1)}}}, "0001 Jan 01 off"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := NewSchedule(tt.cfg)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("NewSchedule accepted %+v", tt.cfg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := s.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
			ohCheckRoundTrips(t, s)
		})
	}
}

func TestScheduleMarshalJSON(t *testing.T) {
	tests := []struct {
		name string
		in   string // opening_hours text
		want string
	}{
		{"zero", "off", `{}`},
		{"default", DefaultHours,
			`{"week":{"Mo":["09:00-19:00"],"Tu":["09:00-19:00"],"We":["09:00-19:00"],"Th":["09:00-19:00"],"Fr":["09:00-19:00"]},"holidays":"off"}`},
		{"everything", "Su 10:00-12:00; Mo 09:00-12:00,14:00-19:00; Sa 22:00-06:00; PH 10:00-12:00; " +
			"2026 Aug 01-15 off; 2026 Dec 24 09:00-12:00; 2026 Dec 31 off",
			`{"week":{"Mo":["09:00-12:00","14:00-19:00"],"Sa":["22:00-30:00"],"Su":["10:00-12:00"]},` +
				`"holidays":"special","holidayHours":["10:00-12:00"],` +
				`"closures":[{"from":"2026-08-01","to":"2026-08-15"}],` +
				`"exceptions":[{"date":"2026-12-24","hours":["09:00-12:00"]},{"date":"2026-12-31"}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := MustParseSchedule(tt.in)
			got, err := json.Marshal(s)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("json.Marshal = %s\nwant           %s", got, tt.want)
			}
			var back Schedule
			if err := json.Unmarshal(got, &back); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(s.Config(), back.Config(), ohCmp); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScheduleUnmarshalJSON(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // expected schedule in opening_hours text
	}{
		{"string form", `"Mo-Fr 09:00-19:00; PH off"`, DefaultHours},
		{"string form with escapes", `"Mo-Fr 09:00-19:00;\tPH off"`, DefaultHours},
		{"empty object", `{}`, "off"},
		{"nulls everywhere", `{"week":{"Mo":null},"holidays":null,"holidayHours":null,"closures":null,"exceptions":[{"date":"2026-12-25","hours":null}]}`,
			"2026 Dec 25 off"},
		{"explicit asUsual", `{"week":{"Su":["22:00-06:00"]},"holidays":"asUsual"}`, "Su 22:00-30:00"},
		{"seconds", `{"week":{"Mo":["09:00:30-10:00"]}}`, "Mo 09:00:30-10:00"},
		{"keys in any order", `{"holidays":"off","week":{"Fr":["09:00-19:00"],"Mo":["09:00-19:00"],"We":["09:00-19:00"],"Tu":["09:00-19:00"],"Th":["09:00-19:00"]}}`,
			DefaultHours},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Schedule
			if err := json.Unmarshal([]byte(tt.in), &s); err != nil {
				t.Fatalf("json.Unmarshal(%s): %v", tt.in, err)
			}
			if got := s.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}

	t.Run("null leaves the value alone", func(t *testing.T) {
		s := DefaultSchedule()
		if err := s.UnmarshalJSON([]byte(" null ")); err != nil {
			t.Fatal(err)
		}
		if s.String() != DefaultHours {
			t.Errorf("null changed the schedule to %q", s)
		}
	})

	t.Run("special holidays without hours are rejected", func(t *testing.T) {
		var back Schedule
		if err := json.Unmarshal([]byte(`{"holidays":"special"}`), &back); !errors.Is(err, ErrInvalidSpan) {
			t.Fatalf("err = %v, want ErrInvalidSpan", err)
		}
	})

	t.Run("inside a struct, both forms", func(t *testing.T) {
		var v struct {
			A Schedule `json:"a"`
			B Schedule `json:"b"`
		}
		in := `{"a":"Mo-Fr 09:00-19:00; PH off","b":{"week":{"Sa":["09:00-12:00"]}}}`
		if err := json.Unmarshal([]byte(in), &v); err != nil {
			t.Fatal(err)
		}
		if v.A.String() != DefaultHours || v.B.String() != "Sa 09:00-12:00" {
			t.Errorf("got %q and %q", v.A, v.B)
		}
	})
}

func TestScheduleUnmarshalJSONErrors(t *testing.T) {
	type want struct {
		field string
		err   error
	}
	tests := []struct {
		name string
		in   string
		want []want // every violation, sorted by field
	}{
		{"unknown top key", `{"wek":{}}`, []want{{"wek", ErrInvalidSchedule}}},
		{"unknown weekday", `{"week":{"Mx":["09:00-12:00"],"mo":[]}}`,
			[]want{{"week.Mx", ErrInvalidSchedule}, {"week.mo", ErrInvalidSchedule}}},
		{"bad span", `{"week":{"Mo":["09:00-12:00","9h-12h"]}}`, []want{{"week.Mo[1]", ErrInvalidSchedule}}},
		{"empty span", `{"week":{"Tu":["09:00-09:00"]}}`, []want{{"week.Tu[0]", ErrInvalidSpan}}},
		{"span with trailing text", `{"holidayHours":["09:00-12:00 x"],"holidays":"special"}`, []want{{"holidayHours[0]", ErrInvalidSchedule}}},
		{"span not a string", `{"week":{"Mo":[900]}}`, []want{{"week.Mo[0]", ErrInvalidSchedule}}},
		{"null span", `{"week":{"Mo":[null]}}`, []want{{"week.Mo[0]", ErrInvalidSchedule}}},
		{"overlap found by NewSchedule", `{"week":{"Mo":["09:00-12:00","11:00-13:00"]}}`, []want{{"week.Mo", ErrInvalidSpan}}},
		{"bad holiday rule", `{"holidays":"Off"}`, []want{{"holidays", ErrInvalidSchedule}}},
		{"holiday rule not a string", `{"holidays":1}`, []want{{"holidays", ErrInvalidSchedule}}},
		{"holiday hours without special", `{"holidayHours":["10:00-12:00"]}`, []want{{"holidayHours", ErrInvalidSpan}}},
		{"bad closure date", `{"closures":[{"from":"2026-13-01","to":"2026-08-15"}]}`, []want{{"closures[0].from", ErrInvalidDate}}},
		{"reversed closure", `{"closures":[{"from":"2026-08-15","to":"2026-08-01"}]}`, []want{{"closures[0]", ErrInvalidDateRange}}},
		{"missing closure end", `{"closures":[{"from":"2026-08-15"}]}`, []want{{"closures[0].to", ErrInvalidDate}}},
		{"unknown closure key", `{"closures":[{"from":"2026-08-01","to":"2026-08-15","reason":"summer"}]}`,
			[]want{{"closures[0].reason", ErrInvalidSchedule}}},
		{"closures not an array", `{"closures":{"from":"2026-08-01"}}`, []want{{"closures", ErrInvalidSchedule}}},
		{"closure not an object", `{"closures":["2026-08-01"]}`, []want{{"closures[0]", ErrInvalidSchedule}}},
		{"exception errors", `{"exceptions":[{"date":"2026-02-30","hours":["25:00-26:00"]},{"hours":[]}]}`,
			[]want{{"exceptions[0].date", ErrInvalidDate}, {"exceptions[0].hours[0]", ErrInvalidSpan}}},
		{"missing exception date", `{"exceptions":[{"hours":["10:00-11:00"]}]}`, []want{{"exceptions[0].date", ErrInvalidDate}}},
		{"all reported at once", `{"x":1,"week":{"Mo":["bad"]},"closures":[{"from":"x"}]}`,
			[]want{{"closures[0].from", ErrInvalidDate}, {"week.Mo[0]", ErrInvalidSchedule}, {"x", ErrInvalidSchedule}}},
		{"not an object", `[1,2]`, []want{{"hours", ErrInvalidSchedule}}},
		{"number", `42`, []want{{"hours", ErrInvalidSchedule}}},
		{"bad string form", `"Mo-Fr"`, []want{{"hours", ErrInvalidSchedule}}},
		{"broken JSON", `{"week":`, []want{{"hours", ErrInvalidSchedule}}},
		{"empty", ``, []want{{"hours", ErrInvalidSchedule}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := DefaultSchedule()
			err := s.UnmarshalJSON([]byte(tt.in))
			if err == nil {
				t.Fatalf("UnmarshalJSON(%s) = nil, want an error", tt.in)
			}
			if s.String() != DefaultHours {
				t.Errorf("UnmarshalJSON changed the schedule on error: %q", s)
			}
			var got []want
			var list interface{ Unwrap() []error }
			var one *FieldError
			switch {
			case errors.As(err, &list):
				for _, e := range list.Unwrap() {
					fe := e.(*FieldError)
					got = append(got, want{fe.Field, fe.Err})
				}
			case errors.As(err, &one):
				got = []want{{one.Field, one.Err}}
			default:
				t.Fatalf("UnmarshalJSON(%s) = %T %v, want *FieldError values", tt.in, err, err)
			}
			cmpErr := cmp.Comparer(func(a, b error) bool { return a == b })
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(want{}), cmpErr); diff != "" {
				t.Errorf("UnmarshalJSON(%s) = %v\n(-want +got):\n%s", tt.in, err, diff)
			}
		})
	}
}

// TestScheduleConcurrentUse shares parsed schedules between goroutines
// that print them, so that -race sees any hidden mutable state.
func TestScheduleConcurrentUse(t *testing.T) {
	in := "Mo-Fr 09:00-12:00,14:00-19:00; Sa 22:00-06:00; PH 10:00-12:00; 2026 Aug 01-15 off; 2026 Dec 24 09:00-12:00"
	s := MustParseSchedule(in)
	wantText := s.String()
	wantJSON, _ := s.MarshalJSON()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				if got := s.String(); got != wantText {
					t.Errorf("String() = %q, want %q", got, wantText)
				}
				if got, _ := s.MarshalJSON(); string(got) != string(wantJSON) {
					t.Errorf("MarshalJSON() = %s, want %s", got, wantJSON)
				}
				if _, err := ParseSchedule(in); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
}

func TestScheduleUnmarshalTextError(t *testing.T) {
	s := DefaultSchedule()
	err := s.UnmarshalText([]byte("Mo-Fr 09:00-19:00; easter off"))
	if !errors.Is(err, ErrInvalidSchedule) {
		t.Errorf("UnmarshalText = %v, want ErrInvalidSchedule", err)
	}
	if s.String() != DefaultHours {
		t.Errorf("UnmarshalText changed the schedule on error: %q", s)
	}
}

func TestMustParseSchedulePanics(t *testing.T) {
	defer func() {
		if r := recover(); r == nil {
			t.Error("MustParseSchedule did not panic")
		} else if err, ok := r.(error); !ok || !errors.Is(err, ErrInvalidSchedule) {
			t.Errorf("panic value %v, want an ErrInvalidSchedule error", r)
		}
	}()
	MustParseSchedule("Mo-Fr sunrise-sunset")
}
