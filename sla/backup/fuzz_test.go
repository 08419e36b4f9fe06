package backup

import (
	"encoding/binary"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// FuzzParseBackups: any document either parses, and then every question
// can be asked of the result without error, or fails with FieldErrors.
func FuzzParseBackups(f *testing.F) {
	f.Add(`[{"id": "n1", "at": "2026-03-29T03:10:00+02:00", "status": "complete"}]`)
	f.Add(`[{"at": "2026-10-25T02:30:00+01:00", "status": "failed"}, {"at": "2026-10-25T02:30:00+02:00", "status": "complete"}]`)
	f.Add(`[{"at": "2026-02-30T03:10:00Z", "status": "failed"}]`)
	f.Add(`[{"at": "0001-01-01T00:00:00Z", "status": "complete"}]`)
	f.Add(`{"at": 1}`)
	f.Add(`[]`)
	p := mustPolicy(f, Config{})
	f.Fuzz(func(t *testing.T, doc string) {
		if len(doc) > 1<<16 {
			return
		}
		bs, err := ParseBackups([]byte(doc))
		if err != nil {
			for _, e := range flattenErr(err) {
				if _, ok := e.(*FieldError); !ok {
					t.Fatalf("not a FieldError: %T %v", e, e)
				}
			}
			return
		}
		inRangeAll := true
		for _, b := range bs {
			if !inRange(b.At.In(p.Location())) {
				inRangeAll = false
			}
		}
		at := ts("2026-06-01T12:00:00+02:00")
		_, err1 := p.Retain(bs, at)
		_, err2 := p.Freshness(bs, at)
		_, err3 := p.Nights(bs, dateOf(at).AddDays(-40), dateOf(at), at)
		if inRangeAll && (err1 != nil || err2 != nil || err3 != nil) {
			t.Fatalf("valid document rejected: %v %v %v", err1, err2, err3)
		}
	})
}

// FuzzRetainOracle decodes bytes into a history (8 bytes per run: minutes
// since 2025-01-01 and a status bit) and an evaluation instant, and
// compares Retain with the brute-force oracle; it also checks Nights and
// Uncovered invariants on the same history.
func FuzzRetainOracle(f *testing.F) {
	f.Add([]byte{0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0}, uint32(200000))
	f.Add([]byte{0x10, 0x20, 0x03, 0, 1, 0, 0, 0, 0x10, 0x20, 0x03, 0, 0, 0, 0, 0}, uint32(400000))
	p := mustPolicy(f, Config{})
	small := mustPolicy(f, Config{Daily: 2, Weekly: 1, Monthly: 3})
	base := ts("2025-01-01T00:00:00+01:00")
	f.Fuzz(func(t *testing.T, data []byte, atMin uint32) {
		if len(data) > 8*300 {
			return
		}
		var bs []Backup
		for len(data) >= 8 {
			m := binary.LittleEndian.Uint32(data) % (2 * 366 * 24 * 60)
			st := Complete
			if data[4]&1 == 1 {
				st = Failed
			}
			bs = append(bs, Backup{ID: itoa(len(bs)), At: base.Add(time.Duration(m) * time.Minute), Status: st})
			data = data[8:]
		}
		at := base.Add(time.Duration(atMin%(2*366*24*60)) * time.Minute)
		for _, pol := range []*Policy{p, small} {
			r, err := pol.Retain(bs, at)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(oracleRetain(pol, bs, at), keptSummary(r)); diff != "" {
				t.Fatalf("(-oracle +Retain):\n%s", diff)
			}
		}
		ns, err := p.Nights(bs, dateOf(at.In(p.Location())).AddDays(-30), dateOf(at.In(p.Location())), at)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range ns {
			if n.Status.Honoured() && n.Copy < 0 {
				t.Fatalf("honoured night without a copy: %+v", n)
			}
			if n.Copy >= 0 && (bs[n.Copy].Status != Complete || bs[n.Copy].At.After(at)) {
				t.Fatalf("night rests on a bad copy: %+v", n)
			}
		}
		gaps, err := p.Uncovered(bs, base, at)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range gaps {
			for _, u := range []time.Time{g.From, g.To.Add(-1)} {
				if fr, _ := p.Freshness(bs, u); fr.Holds {
					t.Fatalf("gap %v..%v but fresh at %v", g.From, g.To, u)
				}
			}
		}
	})
}
