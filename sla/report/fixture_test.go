package report

import (
	"strconv"
	"testing"
	"time"

	"github.com/openmarches/marches/sla/availability"
	"github.com/openmarches/marches/sla/backup"
	"github.com/openmarches/marches/sla/qos"
	"github.com/openmarches/marches/sla/support"
)

var paris = func() *time.Location {
	l, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		panic(err)
	}
	return l
}()

func ts(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

// rng is a tiny xorshift generator: fixed sample data on every machine.
type rng struct{ s uint64 }

func (r *rng) next() uint64 {
	r.s ^= r.s << 13
	r.s ^= r.s >> 7
	r.s ^= r.s << 17
	return r.s
}

// sampleDocument is March 2026 (the spring-forward month, 743 h in
// Paris) on a platform with a few incidents, probes every 3 hours for the
// five contract checks, 6 calls a working day, and nightly backups with a
// failed night re-run the same day (10 March), a night with no run (17
// March), a failed night not re-run (24 March) and the spring-forward
// night (29 March, run at 03:30 CEST).
func sampleDocument(t testing.TB) Document {
	t.Helper()
	month, err := availability.ParseMonth("2026-03", paris)
	if err != nil {
		t.Fatal(err)
	}
	o := func(service, start, end string, cause availability.Cause, id string) availability.Outage {
		return availability.Outage{Service: service, Start: ts(start), End: ts(end), Cause: cause, ID: id}
	}
	outages := []availability.Outage{
		o("platform", "2026-03-04T10:12:00+01:00", "2026-03-04T10:31:30+01:00", availability.Unplanned, "INC-101"),
		o("platform", "2026-03-11T22:00:00+01:00", "2026-03-12T01:00:00+01:00", availability.Maintenance, "MEP-4.2"),
		o("platform", "2026-03-18T14:10:00+01:00", "2026-03-18T15:10:00+01:00", availability.Unplanned, "INC-103"),
		o("remote", "2026-03-09T08:00:00+01:00", "2026-03-09T09:30:00+01:00", availability.ThirdParty, "OP-3"),
		o("remote", "2026-03-20T16:00:00+01:00", "2026-03-20T16:50:00+01:00", availability.Unplanned, "INC-110"),
	}
	var probes []qos.Probe
	checks := []struct {
		check      string
		base, span uint64
	}{{"home", 400, 1900}, {"submission", 900, 2300}, {"auth", 300, 1800}, {"search", 500, 1700}, {"advanced", 1500, 3800}}
	r := &rng{s: 0x5EED}
	for i, c := range checks {
		for at := month.Start.Add(time.Duration(i) * time.Minute); at.Before(month.End); at = at.Add(3 * time.Hour) {
			ms := c.base + r.next()%c.span
			ok := r.next()%97 != 0
			probes = append(probes, qos.Probe{Check: c.check, At: at, Duration: time.Duration(ms) * time.Millisecond, Success: ok})
		}
	}
	var calls []support.Call
	for d := month.Start; d.Before(month.End); d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		for k := range 6 {
			off := d.Add(9*time.Hour + time.Duration(k*97)*time.Minute)
			c := support.Call{ID: "C" + strconv.Itoa(len(calls)+1), Offered: off}
			switch x := r.next() % 20; {
			case x < 16:
				c.Answered = off.Add(time.Duration(3+r.next()%11) * time.Second)
			case x < 19:
				c.Answered = off.Add(time.Duration(16+r.next()%30) * time.Second)
			default:
				c.Abandoned = off.Add(40 * time.Second)
			}
			calls = append(calls, c)
		}
	}
	var runs []backup.Backup
	for d := ts("2026-01-01T00:00:00+01:00"); d.Before(month.End); d = d.AddDate(0, 0, 1) {
		y, m, dd := d.In(paris).Date()
		day := y*10000 + int(m)*100 + dd
		at := time.Date(y, m, dd, 2, 30, 0, 0, paris)
		switch day {
		case 20260310:
			runs = append(runs, backup.Backup{ID: "n-0310", At: at, Status: backup.Failed},
				backup.Backup{ID: "r-0310", At: time.Date(y, m, dd, 9, 15, 0, 0, paris), Status: backup.Complete})
		case 20260317:
		case 20260324:
			runs = append(runs, backup.Backup{ID: "n-0324", At: at, Status: backup.Failed})
		case 20260329:
			runs = append(runs, backup.Backup{ID: "n-0329", At: time.Date(y, m, dd, 3, 30, 0, 0, paris), Status: backup.Complete})
		default:
			runs = append(runs, backup.Backup{ID: "n-" + d.Format("0102"), At: at, Status: backup.Complete})
		}
	}
	return Document{
		Title: "", Subtitle: "Plateforme de dématérialisation des marchés — contrat de maintenance et d'hébergement",
		Kind: Monthly, Period: month, Trend: month, GeneratedAt: ts("2026-04-01T08:00:00+02:00"),
		Services: DefaultServices(), Outages: outages,
		QoS:     &qos.Document{Month: month, Objectives: qos.ContractObjectives(), Probes: probes},
		Support: &support.Document{Month: month, Objectives: support.ContractObjectives(), Calls: calls},
		Backups: runs,
	}
}

func sampleReport(t testing.TB) *Report {
	t.Helper()
	in, err := Build(sampleDocument(t))
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(in)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
