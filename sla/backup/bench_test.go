package backup

import (
	"slices"
	"testing"
	"time"
)

var (
	sinkRetention Retention
	sinkNights    []Night
	sinkGaps      []Gap
	sinkInt       int
)

// tenYears is ten years of nightly runs at 02:30, with a failed run and
// its same-day re-run every 17th night: 3 652 + 215 backups.
func tenYears() []Backup {
	bs := nightly("2016-01-01", "2025-12-31", 2, 30)
	n := len(bs)
	for i := 0; i < n; i += 17 {
		f := bs[i]
		f.Status = Failed
		bs = append(bs, f)
		bs[i].At = bs[i].At.Add(8 * time.Hour)
	}
	return bs
}

// naiveRetain is what a user would otherwise write: sort, then for each
// of the 14 slots scan the whole history for the last complete backup of
// its day, week or month, converting every instant to Paris time.
func naiveRetain(bs []Backup, at time.Time, loc *time.Location) map[int]bool {
	s := slices.Clone(bs)
	slices.SortStableFunc(s, func(a, b Backup) int { return a.At.Compare(b.At) })
	at = at.In(loc)
	y, m, d := at.Date()
	keep := map[int]bool{}
	last := func(match func(t time.Time) bool) {
		best := -1
		for i, b := range s {
			if b.Status == Complete && !b.At.After(at) && match(b.At.In(loc)) {
				best = i
			}
		}
		if best >= 0 {
			keep[best] = true
		}
	}
	for k := 0; k < 6; k++ {
		dy, dm, dd := time.Date(y, m, d-k, 12, 0, 0, 0, loc).Date()
		last(func(t time.Time) bool { ty, tm, td := t.Date(); return ty == dy && tm == dm && td == dd })
	}
	for k := 1; k <= 4; k++ {
		wy, ww := time.Date(y, m, d-7*k, 12, 0, 0, 0, loc).ISOWeek()
		last(func(t time.Time) bool { ty, tw := t.ISOWeek(); return ty == wy && tw == ww })
	}
	for k := 1; k <= 4; k++ {
		my, mm, _ := time.Date(y, m-time.Month(k), 1, 12, 0, 0, 0, loc).Date()
		last(func(t time.Time) bool { ty, tm, _ := t.Date(); return ty == my && tm == mm })
	}
	return keep
}

// BenchmarkRetain: the rolling policy over ten years of nightly backups.
func BenchmarkRetain(b *testing.B) {
	p := mustPolicy(b, Config{})
	bs := tenYears()
	at := ts("2025-12-31T12:00:00+01:00")
	b.Run("marches", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r, err := p.Retain(bs, at)
			if err != nil {
				b.Fatal(err)
			}
			sinkRetention = r
		}
	})
	b.Run("naive-scan-per-slot", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkInt = len(naiveRetain(bs, at, p.Location()))
		}
	})
}

// BenchmarkNights judges ten years of nights (3 652) at once.
func BenchmarkNights(b *testing.B) {
	p := mustPolicy(b, Config{})
	bs := tenYears()
	at := ts("2026-01-01T12:00:00+01:00")
	from, to := dateOf(bs[0].At.In(p.Location())), dateOf(at)
	b.ReportAllocs()
	for b.Loop() {
		ns, err := p.Nights(bs, from, to, at)
		if err != nil {
			b.Fatal(err)
		}
		sinkNights = ns
	}
}

// BenchmarkUncovered finds the 24-hour gaps over ten years.
func BenchmarkUncovered(b *testing.B) {
	p := mustPolicy(b, Config{})
	bs := tenYears()
	b.ReportAllocs()
	for b.Loop() {
		g, err := p.Uncovered(bs, ts("2016-01-01T00:00:00+01:00"), ts("2026-01-01T00:00:00+01:00"))
		if err != nil {
			b.Fatal(err)
		}
		sinkGaps = g
	}
}
