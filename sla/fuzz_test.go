package sla_test

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/openmarches/marches/sla"
)

// FuzzEvaluateHistory decodes bytes into an event history (each 3 bytes:
// event type, minutes since the previous event, priority) and evaluates
// it under both re-qualification modes: Evaluate must never panic; a
// history it accepts must give due instants not before their start and
// consistent proofs.
func FuzzEvaluateHistory(f *testing.F) {
	f.Add([]byte{1, 0, 0, 3, 100, 0, 4, 200, 0, 8, 60, 0, 9, 255, 0, 5, 30, 0})
	f.Add([]byte{1, 0, 3, 5, 10, 0, 7, 200, 0, 5, 30, 0, 6, 1, 0})
	f.Add([]byte{1, 0, 2, 2, 30, 0, 8, 40, 0, 8, 10, 0, 9, 1, 0})
	f.Add([]byte{3, 0, 0, 1, 0, 9})
	f.Add([]byte{1, 0, 0, 10, 5, 0, 11, 0, 0, 0, 0, 0})
	e := evaluator(f, sla.Config{Releases: contractReleases(f)})
	fc := sla.DefaultPolicy().Config()
	fc.Requalification = sla.FromChange
	e2 := evaluator(f, sla.Config{Policy: sla.MustNewPolicy(fc), Releases: contractReleases(f)})
	codes := []string{"P1", "P2", "P3", "P4", "", "P9"}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 3*64 {
			return
		}
		tm := time.Date(2026, 11, 27, 19, 30, 0, 0, paris)
		var inc sla.Incident
		for i := 0; i+2 < len(data); i += 3 {
			tm = tm.Add(time.Duration(data[i+1]) * 17 * time.Minute)
			ev := sla.Event{Type: sla.EventType(data[i] % 12), At: tm, Priority: codes[int(data[i+2])%len(codes)]}
			switch ev.Type {
			case sla.EventPaused:
				ev.Reason = "client"
				ev.Priority = ""
			case sla.EventAgreed:
				ev.Due = tm.Add(time.Duration(data[i+2]) * time.Hour)
				ev.Priority = ""
			case sla.EventOpened, sla.EventQualified:
			default:
				ev.Priority = ""
			}
			inc.Events = append(inc.Events, ev)
		}
		now := tm.Add(time.Hour)
		for _, ev := range []*sla.Evaluator{e, e2} {
			r, err := ev.Evaluate(inc, now)
			if err != nil {
				continue
			}
			checkProof(t, r)
			for _, tr := range r.Targets {
				if !tr.Due.IsZero() && tr.Due.Before(tr.Start) {
					t.Fatalf("%v due %v before start %v", tr.Target, tr.Due, tr.Start)
				}
			}
			if _, err := json.Marshal(r); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// FuzzParseIncidents: any document either fails with a FieldError or
// parses to incidents that marshal and parse back to the same JSON, and
// that Evaluate handles without panicking.
func FuzzParseIncidents(f *testing.F) {
	if b, err := os.ReadFile("testdata/incidents.json"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`[{"events":[{"type":"opened","at":"2026-11-30T10:00:00+01:00","priority":"P1"}]}]`))
	f.Add([]byte(`[{"events":[{"type":"opened","at":"2026-02-30T10:00:00+01:00"}]}]`))
	f.Add([]byte(`[{"events":[{"type":"agreed","at":"2026-11-30T10:00:00Z","due":"9999-12-31T23:59:59+14:00","target":"workaround"}]}]`))
	f.Add([]byte(`[]`))
	e := evaluator(f, sla.Config{})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		incs, err := sla.ParseIncidents(data)
		if err != nil {
			errDigest(t, err)
			return
		}
		b, err := json.Marshal(incs)
		if err != nil {
			t.Fatal(err)
		}
		back, err := sla.ParseIncidents(b)
		if err != nil {
			t.Fatalf("re-parse: %v\n%s", err, b)
		}
		if b2, _ := json.Marshal(back); string(b2) != string(b) {
			t.Fatalf("round trip differs:\n%s\n%s", b, b2)
		}
		now := time.Date(2026, 12, 31, 0, 0, 0, 0, paris)
		for _, inc := range incs {
			_, _ = e.Evaluate(inc, now)
		}
		_, _ = e.EvaluateAll(incs, now)
	})
}

// FuzzParsePolicy: any document either fails with FieldErrors or parses to
// a policy whose JSON reads back to the same policy.
func FuzzParsePolicy(f *testing.F) {
	f.Add(mustJSON(sla.DefaultPolicy()))
	f.Add([]byte(`{"priorities":[{"code":"P1","acknowledge":{"kind":"immediate","grace":"15m"},"workaround":{"kind":"none"},"resolve":{"kind":"agreed_date"}}]}`))
	f.Add([]byte(`{"requalification":"from_change","escalations":[50,75],"priorities":[{"code":"x","acknowledge":{"kind":"wall_clock","duration":"1.5h"},"workaround":{"kind":"business_days","days":2},"resolve":{"kind":"next_release","release":"esr"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		p, err := sla.ParsePolicy(data)
		if err != nil {
			errDigest(t, err)
			return
		}
		b := mustJSON(p)
		back, err := sla.ParsePolicy(b)
		if err != nil {
			t.Fatalf("re-parse: %v\n%s", err, b)
		}
		if b2 := mustJSON(back); string(b2) != string(b) {
			t.Fatalf("round trip differs:\n%s\n%s", b, b2)
		}
		e := evaluator(t, sla.Config{Policy: p})
		for _, code := range p.Codes() {
			if _, err := e.Deadlines(code, time.Date(2026, 11, 27, 19, 30, 0, 0, paris)); err != nil {
				errDigest(t, err)
			}
		}
	})
}

// FuzzParseReleaseCalendar: any document either fails with FieldErrors or
// parses to a calendar whose JSON reads back to the same releases.
func FuzzParseReleaseCalendar(f *testing.F) {
	f.Add([]byte(`{"rules":{"from":"2026-11-01","to":"2027-01-31","esr_month":6,"day":1,"time":"18:30"},"releases":[{"kind":"patch","at":"2026-11-20T12:00:00+01:00"}]}`))
	f.Add([]byte(`{"releases":[{"kind":"esr","at":"2026-06-01T09:00:00+02:00","freeze":"2026-06-02T09:00:00+02:00"}]}`))
	f.Add([]byte(`{"rules":{"from":"1990-01-01","to":"2089-12-31","esr_month":12,"day":28}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<14 {
			return
		}
		rc, err := sla.ParseReleaseCalendar(data, nil)
		if err != nil {
			errDigest(t, err)
			return
		}
		b := mustJSON(rc)
		back, err := sla.ParseReleaseCalendar(b, nil)
		if err != nil {
			t.Fatalf("re-parse: %v\n%s", err, b)
		}
		if b2 := mustJSON(back); string(b2) != string(b) {
			t.Fatalf("round trip differs:\n%s\n%s", b, b2)
		}
	})
}
