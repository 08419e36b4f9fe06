package calendar

import (
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/fr"
)

// The benchmarks run the same work through this package (".../marches")
// and through rickar/cal/v2's BusinessCalendar (".../rickar"), the
// alternative a Go user would otherwise pick, with the same hours
// (Mo-Fr 09:00-19:00) and the same national holidays, in Europe/Paris.

func rickarCalendar() *cal.BusinessCalendar {
	bc := cal.NewBusinessCalendar()
	bc.SetWorkHours(9*time.Hour, 19*time.Hour)
	bc.AddHoliday(fr.Holidays...)
	return bc
}

type benchSpan struct {
	name string
	to   time.Time
	work time.Duration // the working time in the span, for Add
}

func benchSpans(b *testing.B, c *Calendar, from time.Time) []benchSpan {
	spans := []benchSpan{
		{name: "day", to: from.AddDate(0, 0, 1)},
		{name: "month", to: from.AddDate(0, 1, 0)},
		{name: "year", to: from.AddDate(1, 0, 0)},
	}
	for i := range spans {
		w, err := c.Between(from, spans[i].to)
		if err != nil {
			b.Fatal(err)
		}
		spans[i].work = w
	}
	return spans
}

func BenchmarkBetween(b *testing.B) {
	c := MustNew(Config{Territory: "FR"})
	rc := rickarCalendar()
	from := time.Date(2026, 3, 2, 10, 30, 0, 0, c.Location())
	for _, sp := range benchSpans(b, c, from) {
		if got := rc.WorkHoursInRange(from, sp.to); got != sp.work {
			b.Logf("%s: rickar gives %s, marches %s", sp.name, got, sp.work)
		}
		b.Run(sp.name+"/marches", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.Between(from, sp.to); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(sp.name+"/rickar", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rc.WorkHoursInRange(from, sp.to)
			}
		})
	}
}

func BenchmarkAdd(b *testing.B) {
	c := MustNew(Config{Territory: "FR"})
	rc := rickarCalendar()
	from := time.Date(2026, 3, 2, 10, 30, 0, 0, c.Location())
	for _, sp := range benchSpans(b, c, from) {
		b.Run(sp.name+"/marches", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.Add(from, sp.work); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(sp.name+"/rickar", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rc.AddWorkHours(from, sp.work)
			}
		})
	}
}

// BenchmarkAddDays counts jours ouvrés; rickar's WorkdaysFrom is the
// counterpart.
func BenchmarkAddDays(b *testing.B) {
	c := MustNew(Config{Territory: "FR"})
	rc := rickarCalendar()
	from := MustDate(2026, 3, 2)
	fromT := from.In(c.Location())
	for _, n := range []struct {
		name string
		days int
	}{{"10", 10}, {"250", 250}} {
		b.Run(n.name+"/marches", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.AddDays(from, n.days, JoursOuvres); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(n.name+"/rickar", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rc.WorkdaysFrom(fromT, n.days)
			}
		})
	}
}

// TestHotPathsDoNotAllocate locks the zero-allocation claim.
func TestHotPathsDoNotAllocate(t *testing.T) {
	c := MustNew(Config{Territory: "FR"})
	from := time.Date(2026, 3, 2, 10, 30, 0, 0, c.Location())
	to := from.AddDate(1, 0, 0)
	_, _ = c.Between(from, to) // build the tables
	allocs := testing.AllocsPerRun(100, func() {
		w, _ := c.Between(from, to)
		_, _ = c.Add(from, w)
		_, _ = c.IsOpen(to)
		_, _ = c.NextOpen(to)
		_ = c.IsWorkingDay(MustDate(2026, 5, 1))
		_, _ = c.AddDays(MustDate(2026, 3, 2), 250, JoursOuvres)
	})
	if allocs != 0 {
		t.Errorf("hot paths allocate %.1f times per run, want 0", allocs)
	}
}
