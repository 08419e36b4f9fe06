package backup

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// keptSummary maps each kept backup's ID to its slot labels.
func keptSummary(r Retention) map[string][]string {
	out := map[string][]string{}
	for _, k := range r.Kept {
		for _, s := range k.Slots {
			out[k.Backup.ID] = append(out[k.Backup.ID], s.String())
		}
	}
	return out
}

// A year of nightly backups at 02:30, evaluated on Wednesday 31 December
// 2025 at noon. Hand computation: T = 2025-12-31 (a Wednesday: 2025-01-01
// is a Wednesday and 364 = 52×7 days later), its ISO week starts Monday
// 29 December.
//   - J-1..J-6: the backups taken on 31, 30, 29, 28, 27, 26 December.
//   - S-1: week 22-28 Dec, last backup the 28th (also J-4); S-2: 15-21 Dec
//     → the 21st; S-3: 8-14 → the 14th; S-4: 1-7 → the 7th.
//   - M-1..M-4: the last days of November, October, September, August.
//   - latest: the 31st (also J-1).
//
// 13 kept. Pruned: superseded = days of the kept months Aug..Nov other
// than their last (30+29+30+29 = 118) plus 1-6, 8-13, 15-20, 22-25 Dec
// (6+6+6+4 = 22) = 140; expired = 1 Jan..31 Jul = 212; 140+212+13 = 365.
func TestRetainYearOfNightlies(t *testing.T) {
	p := mustPolicy(t, Config{})
	bs := nightly("2025-01-01", "2025-12-31", 2, 30)
	snapshot := slices.Clone(bs)
	r, err := p.Retain(bs, ts("2025-12-31T12:00:00+01:00"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"2025-12-31": {"J-1", "latest"},
		"2025-12-30": {"J-2"},
		"2025-12-29": {"J-3"},
		"2025-12-28": {"J-4", "S-1"},
		"2025-12-27": {"J-5"},
		"2025-12-26": {"J-6"},
		"2025-12-21": {"S-2"},
		"2025-12-14": {"S-3"},
		"2025-12-07": {"S-4"},
		"2025-11-30": {"M-1"},
		"2025-10-31": {"M-2"},
		"2025-09-30": {"M-3"},
		"2025-08-31": {"M-4"},
	}
	if diff := cmp.Diff(want, keptSummary(r)); diff != "" {
		t.Errorf("kept (-want +got):\n%s", diff)
	}
	count := map[PruneReason]int{}
	for _, pr := range r.Pruned {
		count[pr.Reason]++
	}
	if diff := cmp.Diff(map[PruneReason]int{Superseded: 140, Expired: 212}, count); diff != "" {
		t.Errorf("pruned (-want +got):\n%s", diff)
	}
	if len(r.Missing()) != 0 || len(r.Later) != 0 {
		t.Errorf("missing %v, later %v", r.Missing(), r.Later)
	}
	// Kept in time order, in the policy's location.
	for i := 1; i < len(r.Kept); i++ {
		if !r.Kept[i-1].Backup.At.Before(r.Kept[i].Backup.At) {
			t.Errorf("kept not sorted at %d", i)
		}
	}
	if r.Kept[0].Backup.At.Location() != p.Location() || r.At.Location() != p.Location() {
		t.Error("results not in the policy's location")
	}
	// Slot periods: S-1 is 22-28 Dec, M-4 is August.
	for _, s := range r.Slots {
		switch s.Slot.String() {
		case "S-1":
			if s.First.String() != "2025-12-22" || s.Last.String() != "2025-12-28" {
				t.Errorf("S-1 period %v..%v", s.First, s.Last)
			}
		case "M-4":
			if s.First.String() != "2025-08-01" || s.Last.String() != "2025-08-31" {
				t.Errorf("M-4 period %v..%v", s.First, s.Last)
			}
		case "J-6":
			if s.First.String() != "2025-12-26" {
				t.Errorf("J-6 period %v", s.First)
			}
		}
	}
	if diff := cmp.Diff(snapshot, bs); diff != "" {
		t.Errorf("input mutated (-before +after):\n%s", diff)
	}
	if got := oracleRetain(p, bs, ts("2025-12-31T12:00:00+01:00")); !cmp.Equal(got, keptSummary(r)) {
		t.Errorf("oracle disagrees:\n%s", cmp.Diff(got, keptSummary(r)))
	}
}

func TestRetainCases(t *testing.T) {
	p := mustPolicy(t, Config{})
	tests := []struct {
		name       string
		bs         []Backup
		at         string
		wantKept   map[string][]string
		wantPruned map[string]PruneReason
		wantLater  []int
		missing    int
	}{
		{
			// Before 02:00 on T, tonight's backup (J-1) does not exist yet.
			name: "J-1 pending before the night",
			bs:   nightly("2026-03-01", "2026-03-09", 2, 30),
			at:   "2026-03-10T01:00:00+01:00",
			// T = 10 March (Tuesday): J-1 = the 10th (missing), J-2..J-6 =
			// 9..5 March; S-1 = 2-8 March → 8th (J-3); S-2 = 23 Feb-1 Mar →
			// 1st; S-3, S-4 and M-1..M-4 have no backup.
			wantKept: map[string][]string{
				"2026-03-09": {"J-2", "latest"}, "2026-03-08": {"J-3", "S-1"}, "2026-03-07": {"J-4"},
				"2026-03-06": {"J-5"}, "2026-03-05": {"J-6"}, "2026-03-01": {"S-2"},
			},
			wantPruned: map[string]PruneReason{"2026-03-02": Superseded, "2026-03-03": Superseded, "2026-03-04": Superseded},
			missing:    1 + 2 + 4, // J-1, S-3, S-4, M-1..M-4
		},
		{
			name: "failed run and superseded same-day retry order",
			bs: []Backup{
				{ID: "fail", At: ts("2026-03-10T02:10:00+01:00"), Status: Failed},
				{ID: "retry", At: ts("2026-03-10T09:00:00+01:00"), Status: Complete},
				{ID: "early", At: ts("2026-03-10T01:00:00+01:00"), Status: Complete},
				{ID: "future", At: ts("2026-03-10T13:00:00+01:00"), Status: Complete},
			},
			at: "2026-03-10T12:00:00+01:00",
			// All on T: the last complete one at or before noon is "retry".
			wantKept:   map[string][]string{"retry": {"J-1", "latest"}},
			wantPruned: map[string]PruneReason{"fail": FailedRun, "early": Superseded},
			wantLater:  []int{3},
			missing:    5 + 4 + 4,
		},
		{
			// Tie on the instant: the one listed last wins.
			name: "tie",
			bs: []Backup{
				{ID: "a", At: ts("2026-03-10T02:30:00+01:00"), Status: Complete},
				{ID: "b", At: ts("2026-03-10T01:30:00Z"), Status: Complete},
			},
			at:         "2026-03-10T12:00:00+01:00",
			wantKept:   map[string][]string{"b": {"J-1", "latest"}},
			wantPruned: map[string]PruneReason{"a": Superseded},
			missing:    13,
		},
		{
			// Backups stopped 7 months ago: every period is empty, but the
			// last copy is never deleted.
			name:       "latest kept whatever its age",
			bs:         nightly("2025-05-01", "2025-05-03", 2, 30),
			at:         "2025-12-31T12:00:00+01:00",
			wantKept:   map[string][]string{"2025-05-03": {"latest"}},
			wantPruned: map[string]PruneReason{"2025-05-01": Expired, "2025-05-02": Expired},
			missing:    14,
		},
		{
			name:       "no backups",
			at:         "2025-12-31T12:00:00+01:00",
			wantKept:   map[string][]string{},
			wantPruned: map[string]PruneReason{},
			missing:    14,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := p.Retain(tt.bs, ts(tt.at))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.wantKept, keptSummary(r)); diff != "" {
				t.Errorf("kept (-want +got):\n%s", diff)
			}
			gotPruned := map[string]PruneReason{}
			for _, pr := range r.Pruned {
				gotPruned[pr.Backup.ID] = pr.Reason
			}
			if diff := cmp.Diff(tt.wantPruned, gotPruned); diff != "" {
				t.Errorf("pruned (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantLater, r.Later); diff != "" {
				t.Errorf("later (-want +got):\n%s", diff)
			}
			if got := len(r.Missing()); got != tt.missing {
				t.Errorf("missing %d slots %v, want %d", got, r.Missing(), tt.missing)
			}
		})
	}
}

func TestRetainCustomCounts(t *testing.T) {
	p := mustPolicy(t, Config{Daily: 2, NoRetentionDefaults: true})
	bs := nightly("2026-03-01", "2026-03-10", 2, 30)
	r, err := p.Retain(bs, ts("2026-03-10T12:00:00+01:00"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"2026-03-10": {"J-1", "latest"}, "2026-03-09": {"J-2"}}
	if diff := cmp.Diff(want, keptSummary(r)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if len(r.Slots) != 2 {
		t.Errorf("slots %v", r.Slots)
	}
	p0 := mustPolicy(t, Config{NoRetentionDefaults: true})
	r, _ = p0.Retain(bs, ts("2026-03-10T12:00:00+01:00"))
	if diff := cmp.Diff(map[string][]string{"2026-03-10": {"latest"}}, keptSummary(r)); diff != "" {
		t.Errorf("zero counts (-want +got):\n%s", diff)
	}
}

// oracleRetain is a brute-force reading of the policy, independent of
// Retain: for each complete backup it scans every other one to decide
// whether it is the last of its day / ISO week / month, and derives the
// slot periods with time.Time arithmetic (AddDate, ISOWeek) rather than
// calendar.Date. O(n²).
func oracleRetain(p *Policy, bs []Backup, at time.Time) map[string][]string {
	loc := p.Location()
	at = at.In(loc)
	ty, tm, td := at.Date()
	noon := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }
	tNoon := noon(ty, tm, td)
	exists := func(i int) bool { return bs[i].Status == Complete && !bs[i].At.After(at) }
	later := func(j, i int) bool { // is j after i in the policy's order?
		return bs[j].At.After(bs[i].At) || (bs[j].At.Equal(bs[i].At) && j > i)
	}
	sameDay := func(a, b time.Time) bool {
		ay, am, ad := a.In(loc).Date()
		by, bm, bd := b.In(loc).Date()
		return ay == by && am == bm && ad == bd
	}
	sameWeek := func(a, b time.Time) bool {
		ay, aw := a.In(loc).ISOWeek()
		by, bw := b.In(loc).ISOWeek()
		return ay == by && aw == bw
	}
	sameMonth := func(a, b time.Time) bool {
		ay, am, _ := a.In(loc).Date()
		by, bm, _ := b.In(loc).Date()
		return ay == by && am == bm
	}
	isLast := func(i int, same func(a, b time.Time) bool) bool {
		for j := range bs {
			if j != i && exists(j) && same(bs[i].At, bs[j].At) && later(j, i) {
				return false
			}
		}
		return true
	}
	out := map[string][]string{}
	nd, nw, nm := p.Counts()
	for i, b := range bs {
		if !exists(i) {
			continue
		}
		bt := b.At.In(loc)
		by, bm, bd := bt.Date()
		bNoon := noon(by, bm, bd)
		var labels []string
		if isLast(i, sameDay) {
			for k := 1; k <= nd; k++ {
				if tNoon.AddDate(0, 0, -(k - 1)).Equal(bNoon) {
					labels = append(labels, "J-"+itoa(k))
				}
			}
		}
		if isLast(i, sameWeek) {
			wy, ww := bNoon.ISOWeek()
			for k := 1; k <= nw; k++ {
				ky, kw := tNoon.AddDate(0, 0, -7*k).ISOWeek()
				if ky == wy && kw == ww {
					labels = append(labels, "S-"+itoa(k))
				}
			}
		}
		if isLast(i, sameMonth) {
			for k := 1; k <= nm; k++ {
				ky, km, _ := noon(ty, tm-time.Month(k), 1).Date()
				if ky == by && km == bm {
					labels = append(labels, "M-"+itoa(k))
				}
			}
		}
		if isLast(i, func(a, b time.Time) bool { return true }) {
			labels = append(labels, "latest")
		}
		if labels != nil {
			out[b.ID] = labels
		}
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestRetainAgainstOracle compares Retain with the brute-force oracle on
// random histories: a year of nights with failures, retries, extra runs,
// gaps of several days, ties, and evaluation instants around the period
// boundaries.
func TestRetainAgainstOracle(t *testing.T) {
	p := mustPolicy(t, Config{})
	small := mustPolicy(t, Config{Daily: 3, Weekly: 2, Monthly: 13})
	rng := rand.New(rand.NewPCG(9, 2026))
	for round := range 60 {
		var bs []Backup
		start := time.Date(2025, time.January, 1+rng.IntN(60), 0, 0, 0, 0, paris)
		days := 30 + rng.IntN(400)
		for d := range days {
			if rng.IntN(10) == 0 {
				continue // a night without any run
			}
			day := start.AddDate(0, 0, d)
			for range 1 + rng.IntN(3) {
				st := Complete
				if rng.IntN(4) == 0 {
					st = Failed
				}
				at := day.Add(time.Duration(rng.IntN(24*60)) * time.Minute)
				if rng.IntN(20) == 0 && len(bs) > 0 {
					at = bs[len(bs)-1].At // a tie
				}
				bs = append(bs, Backup{ID: "b" + itoa(len(bs)), At: at, Status: st})
			}
		}
		rng.Shuffle(len(bs), func(i, j int) { bs[i], bs[j] = bs[j], bs[i] })
		at := start.AddDate(0, 0, rng.IntN(days+40)).Add(time.Duration(rng.IntN(24*3600)) * time.Second)
		for _, pol := range []*Policy{p, small} {
			r, err := pol.Retain(bs, at)
			if err != nil {
				t.Fatal(err)
			}
			want := oracleRetain(pol, bs, at)
			if diff := cmp.Diff(want, keptSummary(r)); diff != "" {
				t.Fatalf("round %d at %v (-oracle +Retain):\n%s", round, at, diff)
			}
			// Kept, pruned and later partition the input.
			seen := map[int]bool{}
			for _, k := range r.Kept {
				seen[k.Index] = true
			}
			for _, pr := range r.Pruned {
				if seen[pr.Index] {
					t.Fatalf("backup %d both kept and pruned", pr.Index)
				}
				seen[pr.Index] = true
				if (pr.Reason == FailedRun) != (bs[pr.Index].Status == Failed) {
					t.Fatalf("backup %d pruned as %v", pr.Index, pr.Reason)
				}
			}
			for _, i := range r.Later {
				if seen[i] || !bs[i].At.After(at) {
					t.Fatalf("backup %d wrongly later", i)
				}
				seen[i] = true
			}
			if len(seen) != len(bs) {
				t.Fatalf("%d of %d backups accounted for", len(seen), len(bs))
			}
		}
	}
}

func TestRetainErrors(t *testing.T) {
	p := mustPolicy(t, Config{})
	_, err := p.Retain([]Backup{
		{At: ts("2026-03-10T02:30:00+01:00")},
		{Status: Complete},
		{At: ts("1980-03-10T02:30:00+01:00"), Status: Failed},
	}, time.Time{})
	var fes []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		fe := e.(*FieldError)
		fes = append(fes, fe.Field+" "+fe.Err.(interface{ Code() string }).Code())
	}
	want := []string{"at missing_time", "backups[0].status invalid_status", "backups[1].at missing_time", "backups[2].at time_out_of_range"}
	if diff := cmp.Diff(want, fes); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if !errors.Is(err, ErrInvalidStatus) || !errors.Is(err, ErrMissingTime) || !errors.Is(err, ErrTimeOutOfRange) {
		t.Error("errors.Is does not see every rule")
	}
}

func TestNewErrors(t *testing.T) {
	_, err := New(Config{Daily: -1, Weekly: 1001, WindowStart: 5 * time.Hour, WindowEnd: 4 * time.Hour, MaxAge: -time.Hour})
	for _, rule := range []error{ErrInvalidCount, ErrInvalidWindow, ErrInvalidMaxAge} {
		if !errors.Is(err, rule) {
			t.Errorf("missing %v in %v", rule, err)
		}
	}
	if _, err := New(Config{WindowStart: 0, WindowEnd: 25 * time.Hour}); !errors.Is(err, ErrInvalidWindow) {
		t.Errorf("window past 24:00: %v", err)
	}
	p := mustPolicy(t, Config{})
	d, w, m := p.Counts()
	s, e := p.Window()
	if d != 6 || w != 4 || m != 4 || s != 2*time.Hour || e != 4*time.Hour || p.MaxAge() != 24*time.Hour || p.Location().String() != "Europe/Paris" {
		t.Errorf("defaults: %d %d %d %v %v %v %v", d, w, m, s, e, p.MaxAge(), p.Location())
	}
}
