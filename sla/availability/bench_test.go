package availability

import (
	"testing"
	"time"

	"github.com/openmarches/marches/calendar"
)

// BenchmarkMeasure1M measures one month with 1 000 000 outages of up to
// 10 minutes (every cause, two services), against what a user would
// otherwise write: a comparison-sort merge of each class then a
// subtraction (O(n log n)), and per-second and per-minute bitmaps of the
// month (O(total outage length)).
func BenchmarkMeasure1M(b *testing.B) {
	p, err := ParseMonth("2026-03", paris)
	if err != nil {
		b.Fatal(err)
	}
	os := randomOutages(42, 1_000_000, p, 10*time.Minute)
	b.Run("marches", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Measure(os, p, Config{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("sort-merge", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			mergeMeasure(os, p, "")
		}
	})
	b.Run("bitmap-second", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			bitmapMeasure(os, p, "", 1)
		}
	})
	b.Run("bitmap-minute", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			bitmapMeasure(os, p, "", 60)
		}
	})
}

// BenchmarkMeasureMonth is a realistic month: 200 outages, 24/7 and over
// business hours, and the daily trend.
func BenchmarkMeasureMonth(b *testing.B) {
	p, err := ParseMonth("2026-03", paris)
	if err != nil {
		b.Fatal(err)
	}
	os := randomOutages(7, 200, p, 2*time.Hour)
	c := calendar.MustNew(calendar.Config{Territory: "75"})
	b.Run("24x7", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Measure(os, p, Config{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("business-hours", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Measure(os, p, Config{Calendar: c}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("days", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := MeasureDays(os, p, Config{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("statement", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := NewStatement(os, p, StatementConfig{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
