package calendar_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/openmarches/marches/calendar"
)

// The contract's support calendar: Mo-Fr 09:00-19:00, holidays off, Paris.
func ExampleCalendar_Add() {
	c := calendar.MustNew(calendar.Config{Territory: "75"})
	opened := time.Date(2026, 11, 27, 18, 0, 0, 0, c.Location()) // a Friday
	due, err := c.Add(opened, 2*time.Hour)
	if err != nil {
		panic(err)
	}
	fmt.Println(due)
	// Output: 2026-11-30 10:00:00 +0100 CET
}

func ExampleCalendar_Between() {
	c := calendar.MustNew(calendar.Config{Territory: "75"})
	loc := c.Location()
	d, _ := c.Between(time.Date(2026, 5, 1, 0, 0, 0, 0, loc), time.Date(2026, 6, 1, 0, 0, 0, 0, loc))
	fmt.Println(d) // 17 working days: 1, 8, 14 and 25 May are holidays
	// Output: 170h0m0s
}

// In Alsace-Moselle, Good Friday and 26 December are holidays too.
func ExampleCalendar_AddDays_alsaceMoselle() {
	paris := calendar.MustNew(calendar.Config{Territory: "75"})
	strasbourg := calendar.MustNew(calendar.Config{Territory: "67"})
	thursday := calendar.MustDate(2026, 4, 2)
	p, _ := paris.AddDays(thursday, 1, calendar.JoursOuvres)
	s, _ := strasbourg.AddDays(thursday, 1, calendar.JoursOuvres)
	fmt.Println(p, s)
	// Output: 2026-04-03 2026-04-07
}

// Jours francs: neither the day of the event nor the last day counts, and a
// limit ending on a Saturday, Sunday or holiday runs to the next working day.
func ExampleCalendar_AddDays_joursFrancs() {
	c := calendar.MustNew(calendar.Config{})
	due, _ := c.AddDays(calendar.MustDate(2026, 12, 15), 9, calendar.JoursFrancs)
	fmt.Println(due, due.Weekday())
	// Output: 2026-12-28 Monday
}

// "Resolution within 1 jour ouvré" read as the same time on the next
// working day, compared with 10 working hours.
func ExampleCalendar_AddWorkingDays() {
	c := calendar.MustNew(calendar.Config{})
	opened := time.Date(2026, 11, 27, 20, 0, 0, 0, c.Location()) // Friday, after closing
	sameTime, _ := c.AddWorkingDays(opened, 1)                   // counted from Monday 09:00
	tenHours, _ := c.Add(opened, 10*time.Hour)
	fmt.Println(sameTime)
	fmt.Println(tenHours)
	// Output:
	// 2026-12-01 09:00:00 +0100 CET
	// 2026-11-30 19:00:00 +0100 CET
}

// A night window crossing the spring-forward hour lasts one hour less.
func ExampleCalendar_Between_dst() {
	sched := calendar.MustParseSchedule("Mo-Su 01:30-04:00")
	c := calendar.MustNew(calendar.Config{Schedule: sched})
	loc := c.Location()
	for _, day := range []int{28, 29} {
		d, _ := c.Between(time.Date(2026, 3, day, 0, 0, 0, 0, loc), time.Date(2026, 3, day+1, 0, 0, 0, 0, loc))
		fmt.Printf("March %d: %s\n", day, d)
	}
	// Output:
	// March 28: 2h30m0s
	// March 29: 1h30m0s
}

func ExampleParseSchedule() {
	s, err := calendar.ParseSchedule("Mo-Fr 09:00-12:00,14:00-19:00; Sa 09:00-12:00; PH off")
	if err != nil {
		panic(err)
	}
	fmt.Println(s)
	fmt.Println(s.Week(time.Monday))
	// Output:
	// Mo-Fr 09:00-12:00,14:00-19:00; Sa 09:00-12:00; PH off
	// [09:00-12:00 14:00-19:00]
}

func ExampleTerritory_Holidays() {
	t, _ := calendar.LookupTerritory("972") // Martinique
	hs, _ := t.Holidays(2026)
	for _, h := range hs {
		if h.Local {
			fmt.Println(h.Date, h.Name)
		}
	}
	// Output: 2026-05-22 Abolition de l'esclavage
}

func ExampleSchedule_String() {
	s := calendar.MustParseSchedule("Mo-Sa 09:00-19:00; We 09:00-12:00; Sa 09:00-12:00; 2026 Dec 24 09:00-12:00; PH off; 2026 Aug 01-15 off")
	fmt.Println(s)
	// Output:
	// Mo-Tu,Th-Fr 09:00-19:00; We,Sa 09:00-12:00; PH off; 2026 Aug 01-2026 Aug 15 off; 2026 Dec 24 09:00-12:00
}

func ExampleSchedule_MarshalJSON() {
	b, _ := json.Marshal(calendar.MustParseSchedule("Mo-Fr 09:00-12:00,14:00-19:00; Sa 22:00-06:00; PH off; 2026 Aug 01-15 off"))
	fmt.Println(string(b))
	// Output:
	// {"week":{"Mo":["09:00-12:00","14:00-19:00"],"Tu":["09:00-12:00","14:00-19:00"],"We":["09:00-12:00","14:00-19:00"],"Th":["09:00-12:00","14:00-19:00"],"Fr":["09:00-12:00","14:00-19:00"],"Sa":["22:00-30:00"]},"holidays":"off","closures":[{"from":"2026-08-01","to":"2026-08-15"}]}
}

func ExampleSchedule_UnmarshalJSON() {
	var v struct{ Hours calendar.Schedule }
	err := json.Unmarshal([]byte(`{"Hours": {"week": {"Mo": ["09:00-12:00", "9:00-12:00"]}, "holidays": "none"}}`), &v)
	fmt.Println(err)
	// Output:
	// holidays "none": calendar: invalid opening hours (expected "asUsual", "off" or "special"); week.Mo[1] "9:00-12:00": calendar: invalid opening hours (at byte 0: "9:00-12:00": expected a time HH:MM (two-digit hours and minutes))
}

// Support opens again after the Christmas weekend.
func ExampleCalendar_NextOpen() {
	c := calendar.MustNew(calendar.Config{Territory: "75"})
	t := time.Date(2026, 12, 24, 19, 30, 0, 0, c.Location())
	open, _ := c.IsOpen(t)
	next, _ := c.NextOpen(t)
	closes, _ := c.NextClose(t)
	fmt.Println(open, next, closes)
	// Output: false 2026-12-28 09:00:00 +0100 CET 2026-12-28 19:00:00 +0100 CET
}

// A time limit ending on a Saturday runs to the next working day.
func ExampleCalendar_Extend() {
	c := calendar.MustNew(calendar.Config{Territory: "67"})
	d, _ := c.Extend(calendar.MustDate(2026, 12, 26)) // Saturday, and Saint-Étienne in Alsace
	fmt.Println(d)
	// Output: 2026-12-28
}

func ExampleLookupTerritory() {
	t, err := calendar.LookupTerritory("2A")
	if err != nil {
		panic(err)
	}
	fmt.Println(t.Code(), t.Name(), t.Zone())
	_, err = calendar.LookupTerritory("20") // Corsica split into 2A and 2B in 1976
	fmt.Println(errors.Is(err, calendar.ErrUnknownTerritory))
	// Output:
	// 2A Corse-du-Sud Europe/Paris
	// true
}

// A night shift crossing midnight, with its own hours on public holidays.
func ExampleNewSchedule() {
	s, err := calendar.NewSchedule(calendar.ScheduleConfig{
		Week: [7][]calendar.Span{
			time.Monday: {{Start: 22 * time.Hour, End: 30 * time.Hour}}, // 22:00-06:00
			time.Friday: {{Start: 22 * time.Hour, End: 30 * time.Hour}},
		},
		Holidays:     calendar.HolidaysSpecial,
		HolidayHours: []calendar.Span{{Start: 10 * time.Hour, End: 12 * time.Hour}},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(s)
	// Output: Mo,Fr 22:00-30:00; PH 10:00-12:00
}
