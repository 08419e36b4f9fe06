package backup_test

import (
	"fmt"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/sla/backup"
)

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// Three weeks of nightly backups at 02:30, evaluated on Wednesday
// 18 March 2026: six daily copies, the previous Sundays as weekly copies,
// the end of February as M-1; slots with no backup are reported missing.
func ExamplePolicy_Retain() {
	p, err := backup.New(backup.Config{}) // the contract: J-1..J-6, S-1..S-4, M-1..M-4
	if err != nil {
		panic(err)
	}
	var bs []backup.Backup
	for d := 0; d < 21; d++ {
		day := calendar.MustDate(2026, time.February, 26).AddDays(d)
		bs = append(bs, backup.Backup{ID: day.String(), At: day.In(p.Location()).Add(150 * time.Minute), Status: backup.Complete})
	}
	r, err := p.Retain(bs, at("2026-03-18T12:00:00+01:00"))
	if err != nil {
		panic(err)
	}
	for _, k := range r.Kept {
		fmt.Println(k.Backup.ID, k.Slots)
	}
	fmt.Println("pruned:", len(r.Pruned), "missing:", r.Missing())
	// Output:
	// 2026-02-28 [M-1]
	// 2026-03-01 [S-3]
	// 2026-03-08 [S-2]
	// 2026-03-13 [J-6]
	// 2026-03-14 [J-5]
	// 2026-03-15 [J-4 S-1]
	// 2026-03-16 [J-3]
	// 2026-03-17 [J-2]
	// 2026-03-18 [J-1 latest]
	// pruned: 12 missing: [S-4 M-2 M-3 M-4]
}

// The contract's same-day re-run: the night's run failed, the re-run at
// 10:30 completed, so the night is honoured. The next night had no run at
// all.
func ExamplePolicy_Nights() {
	p, _ := backup.New(backup.Config{})
	bs := []backup.Backup{
		{At: at("2026-03-10T02:10:00+01:00"), Status: backup.Failed},
		{At: at("2026-03-10T10:30:00+01:00"), Status: backup.Complete},
	}
	ns, err := p.Nights(bs, calendar.MustDate(2026, 3, 10), calendar.MustDate(2026, 3, 11), at("2026-03-11T12:00:00+01:00"))
	if err != nil {
		panic(err)
	}
	for _, n := range ns {
		fmt.Println(n.Date, n.Status, n.Status.Honoured())
	}
	// Output:
	// 2026-03-10 retried true
	// 2026-03-11 missed false
}

// On the spring-forward night the 02:00-04:00 window lasts one hour; on
// the fall-back night, three.
func ExamplePolicy_Nights_dst() {
	p, _ := backup.New(backup.Config{})
	for _, d := range []calendar.Date{calendar.MustDate(2026, 3, 29), calendar.MustDate(2026, 10, 25)} {
		ns, _ := p.Nights(nil, d, d, at("2027-01-01T00:00:00Z"))
		n := ns[0]
		fmt.Println(d, n.WindowStart.Format("15:04 MST"), n.WindowEnd.Format("15:04 MST"), n.WindowEnd.Sub(n.WindowStart))
	}
	// Output:
	// 2026-03-29 03:00 CEST 04:00 CEST 1h0m0s
	// 2026-10-25 02:00 CEST 04:00 CET 3h0m0s
}

// "A complete copy less than 24 hours old": strictly less.
func ExamplePolicy_Freshness() {
	p, _ := backup.New(backup.Config{})
	bs := []backup.Backup{{At: at("2026-03-10T02:30:00+01:00"), Status: backup.Complete}}
	for _, s := range []string{"2026-03-11T02:29:59+01:00", "2026-03-11T02:30:00+01:00"} {
		f, _ := p.Freshness(bs, at(s))
		fmt.Println(s, f.Age, f.Holds)
	}
	// Output:
	// 2026-03-11T02:29:59+01:00 23h59m59s true
	// 2026-03-11T02:30:00+01:00 24h0m0s false
}

func ExamplePolicy_Uncovered() {
	p, _ := backup.New(backup.Config{})
	bs := []backup.Backup{
		{At: at("2026-03-01T02:00:00+01:00"), Status: backup.Complete},
		{At: at("2026-03-02T03:15:00+01:00"), Status: backup.Complete},
	}
	gaps, _ := p.Uncovered(bs, at("2026-03-01T02:00:00+01:00"), at("2026-03-03T00:00:00+01:00"))
	for _, g := range gaps {
		fmt.Println(g.From.Format(time.RFC3339), g.Duration())
	}
	// Output:
	// 2026-03-02T02:00:00+01:00 1h15m0s
}

func ExampleParseBackups() {
	bs, err := backup.ParseBackups([]byte(`[
	  {"id": "n-0329", "at": "2026-03-29T03:10:00+02:00", "status": "complete"},
	  {"at": "2026-03-30T02:10:00+02:00", "status": "failure"}
	]`))
	fmt.Println(len(bs), err)
	// Output:
	// 0 backups[1].status "failure": backup: document does not conform to its JSON Schema (backups[1].status must be one of the following: "complete", "failed")
}
