package deploy

import (
	"testing"
	"time"
)

var sinkDecision Decision

// BenchmarkCheck: the search for the next allowed start, ours (jumping
// window to window, closing to closing) beside the minute-by-minute loop a
// user would otherwise write.
func BenchmarkCheck(b *testing.B) {
	r := mustRules(b, Config{})
	var dls []Deadline
	// A busy platform: a deadline every working day at 12:00 and 16:00
	// for a year.
	for d := ts("2026-01-05T12:00:00+01:00"); d.Before(ts("2027-01-01T00:00:00+01:00")); d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			dls = append(dls, Deadline{At: d}, Deadline{At: d.Add(3 * time.Hour)})
		}
	}
	cases := []struct {
		name string
		d    Deployment
	}{
		{"midday-blocked-until-weekend", Deployment{Start: ts("2026-03-10T12:45:00+01:00"), Expected: 20 * time.Minute}},
		{"off-hours-62h1s-until-easter", Deployment{Start: ts("2026-03-13T19:00:00+01:00"), Expected: 62*time.Hour + time.Second}},
	}
	for _, c := range cases {
		b.Run(c.name+"/marches", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d, err := r.Check(c.d, dls)
				if err != nil || !d.NextFound {
					b.Fatal(err)
				}
				sinkDecision = d
			}
		})
		b.Run(c.name+"/minute-by-minute", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, ok := oracleNext(r, c.d, dls, 60*24*time.Hour); !ok {
					b.Fatal("not found")
				}
			}
		})
	}
}
