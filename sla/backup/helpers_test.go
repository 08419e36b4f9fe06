package backup

import (
	"testing"
	"time"
)

var paris = mustLoc("Europe/Paris")

func mustLoc(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return l
}

// ts parses an RFC 3339 literal.
func ts(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

func mustPolicy(t testing.TB, cfg Config) *Policy {
	t.Helper()
	p, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// nightly returns one complete backup a day at hh:mm Paris time from
// first to last (inclusive), IDs "YYYY-MM-DD".
func nightly(first, last string, hh, mm int) []Backup {
	f, l := ts(first+"T12:00:00Z"), ts(last+"T12:00:00Z")
	var out []Backup
	for d := f; !d.After(l); d = d.AddDate(0, 0, 1) {
		y, m, dd := d.Date()
		out = append(out, Backup{ID: d.Format("2006-01-02"), At: time.Date(y, m, dd, hh, mm, 0, 0, paris), Status: Complete})
	}
	return out
}
