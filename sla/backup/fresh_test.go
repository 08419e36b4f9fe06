package backup

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// The rule is "less than 24 hours": strictly. A copy started at 02:30 on
// 10 March is 24 h old at 02:30 on the 11th and no longer counts then.
func TestFreshnessBoundary(t *testing.T) {
	p := mustPolicy(t, Config{})
	bs := []Backup{
		{ID: "old", At: ts("2026-03-09T02:30:00+01:00"), Status: Complete},
		{ID: "copy", At: ts("2026-03-10T02:30:00+01:00"), Status: Complete},
		{ID: "failed", At: ts("2026-03-11T02:30:00+01:00"), Status: Failed},
	}
	tests := []struct {
		name   string
		at     string
		holds  bool
		latest int
		age    time.Duration
	}{
		{"just taken", "2026-03-10T02:30:00+01:00", true, 1, 0},
		{"one nanosecond short of 24 h", "2026-03-11T02:29:59.999999999+01:00", true, 1, 24*time.Hour - 1},
		{"exactly 24 h: broken (strictly less)", "2026-03-11T02:30:00+01:00", false, 1, 24 * time.Hour},
		{"a failed run is no copy", "2026-03-11T03:00:00+01:00", false, 1, 24*time.Hour + 30*time.Minute},
		{"before the first copy", "2026-03-09T01:00:00+01:00", false, -1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := p.Freshness(bs, ts(tt.at))
			if err != nil {
				t.Fatal(err)
			}
			if f.Holds != tt.holds || f.Latest != tt.latest || f.Age != tt.age {
				t.Errorf("got holds=%v latest=%d age=%v, want %v %d %v", f.Holds, f.Latest, f.Age, tt.holds, tt.latest, tt.age)
			}
			if tt.latest >= 0 && !f.Expires.Equal(bs[tt.latest].At.Add(24*time.Hour)) {
				t.Errorf("expires %v", f.Expires)
			}
		})
	}
}

// 24 hours are real time: 02:30 CET on Saturday 28 March 2026 (01:30Z)
// is exactly 24 h before 03:30 CEST on Sunday 29 (01:30Z), although the
// wall clocks read 25 h apart.
func TestFreshnessDST(t *testing.T) {
	p := mustPolicy(t, Config{})
	bs := []Backup{{At: ts("2026-03-28T02:30:00+01:00"), Status: Complete}}
	f, _ := p.Freshness(bs, ts("2026-03-29T03:29:59+02:00"))
	if !f.Holds {
		t.Error("23:59:59 old: should hold")
	}
	f, _ = p.Freshness(bs, ts("2026-03-29T03:30:00+02:00"))
	if f.Holds || f.Age != 24*time.Hour {
		t.Errorf("24 h old: holds=%v age=%v", f.Holds, f.Age)
	}
}

func TestUncovered(t *testing.T) {
	p := mustPolicy(t, Config{})
	bs := []Backup{
		{At: ts("2026-03-01T02:00:00+01:00"), Status: Complete},
		{At: ts("2026-03-02T02:00:00+01:00"), Status: Complete}, // 24 h later: no gap
		{At: ts("2026-03-03T03:00:00+01:00"), Status: Complete}, // 25 h later: gap 02:00-03:00
		{At: ts("2026-03-03T12:00:00+01:00"), Status: Failed},
		{At: ts("2026-03-04T02:30:00+01:00"), Status: Complete}, // 23.5 h later: no gap
	}
	gaps, err := p.Uncovered(bs, ts("2026-02-28T00:00:00+01:00"), ts("2026-03-06T00:00:00+01:00"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Gap{
		// Nothing before the first copy.
		{ts("2026-02-28T00:00:00+01:00"), ts("2026-03-01T02:00:00+01:00")},
		// 2 March 02:00 + 24 h = 3 March 02:00, next copy at 03:00.
		{ts("2026-03-03T02:00:00+01:00"), ts("2026-03-03T03:00:00+01:00")},
		// Last copy 4 March 02:30 covers up to 5 March 02:30.
		{ts("2026-03-05T02:30:00+01:00"), ts("2026-03-06T00:00:00+01:00")},
	}
	if diff := cmp.Diff(want, gaps); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if gaps[1].Duration() != time.Hour {
		t.Errorf("gap %v", gaps[1].Duration())
	}
	// A range entirely covered has no gap; a range clipped inside a gap
	// is one gap.
	if g, _ := p.Uncovered(bs, ts("2026-03-01T02:00:00+01:00"), ts("2026-03-03T02:00:00+01:00")); len(g) != 0 {
		t.Errorf("covered range: %v", g)
	}
	g, _ := p.Uncovered(bs, ts("2026-03-03T02:10:00+01:00"), ts("2026-03-03T02:20:00+01:00"))
	if diff := cmp.Diff([]Gap{{ts("2026-03-03T02:10:00+01:00"), ts("2026-03-03T02:20:00+01:00")}}, g); diff != "" {
		t.Errorf("clipped (-want +got):\n%s", diff)
	}
	// Agreement with Freshness, minute by minute over the range.
	for u := ts("2026-02-28T00:00:00+01:00"); u.Before(ts("2026-03-06T00:00:00+01:00")); u = u.Add(7 * time.Minute) {
		f, _ := p.Freshness(bs, u)
		inGap := false
		for _, g := range gaps {
			if !u.Before(g.From) && u.Before(g.To) {
				inGap = true
			}
		}
		if f.Holds == inGap {
			t.Fatalf("%v: freshness %v, in gap %v", u, f.Holds, inGap)
		}
	}
}
