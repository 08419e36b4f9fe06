package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/golden"
)

// TestSLAKPIGolden runs the KPI commands in process against reviewed
// goldens; the figures in them are the hand-computed ones of the package
// tests (sla/availability, sla/qos, sla/support).
func TestSLAKPIGolden(t *testing.T) {
	const april4312 = `[{"service":"platform","start":"2026-04-10T10:00:00+02:00","end":"2026-04-10T10:43:12+02:00","cause":"unplanned"}]`
	const clientInside = `[
	 {"service":"platform","start":"2026-04-14T14:00:00+02:00","end":"2026-04-14T14:40:00+02:00","cause":"unplanned"},
	 {"service":"platform","start":"2026-04-14T14:10:00+02:00","end":"2026-04-14T14:25:00+02:00","cause":"client"},
	 {"service":"remote","start":"2026-04-14T14:00:00+02:00","end":"2026-04-14T16:00:00+02:00","cause":"unplanned"}]`
	const probes = `{"month":"2026-03",
	 "objectives":[{"check":"home","label":"Page d'accueil","thresholds":[{"under_ms":2000,"percent":80},{"under_ms":5000,"percent":100}]}],
	 "probes":[
	  {"check":"home","at":"2026-03-02T10:00:00+01:00","duration_ms":100,"success":true},
	  {"check":"home","at":"2026-03-02T10:10:00+01:00","duration_ms":2000,"success":true},
	  {"check":"home","at":"2026-03-29T01:59:00+01:00","duration_ms":1999,"success":true},
	  {"check":"home","at":"2026-03-29T03:00:00+02:00","duration_ms":900,"success":false},
	  {"check":"home","at":"2026-04-01T00:00:00+02:00","duration_ms":900,"success":true}]}`
	const calls = `{"month":"2026-03","calls":[
	  {"id":"1","offered_at":"2026-03-02T09:00:00+01:00","answered_at":"2026-03-02T09:00:05+01:00"},
	  {"id":"2","offered_at":"2026-03-02T09:01:00+01:00","answered_at":"2026-03-02T09:01:20+01:00"},
	  {"id":"3","offered_at":"2026-03-02T09:02:00+01:00","abandoned_at":"2026-03-02T09:02:03+01:00"},
	  {"id":"4","offered_at":"2026-03-03T09:00:00+01:00","answered_at":"2026-03-03T09:00:14.999+01:00"}],
	 "staffing":{"calls_per_hour":200,"handle_seconds":180,"answer_seconds":20,"service_level_percent":80}}`
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
	}{
		// 30 days, 43 min 12 s: exactly 99.9 %, budget 2 592 s, 0 left.
		{"sla_kpi_availability_april_4312", []string{"sla", "availability", "--input", "-", "--month", "2026-04"}, april4312, 0},
		// One second more: shown 99.9000, not met, −1 s.
		{"sla_kpi_availability_april_4313", []string{"sla", "availability", "--input", "-", "--month", "2026-04", "--target", "99.90"},
			strings.Replace(april4312, "10:43:12", "10:43:13", 1), 0},
		// Client outage inside an unplanned one: 900 s excluded, 1 500 s
		// unavailable, 99.9421 %; the remote outage is another service.
		{"sla_kpi_availability_client_inside", []string{"sla", "availability", "--input", "-", "--month", "2026-04", "--service", "platform"}, clientInside, 0},
		// Remote at 99.8: 7 200 s of 2 592 000 → 99.7222 %, budget 5 184.
		{"sla_kpi_availability_remote", []string{"sla", "availability", "--input", "-", "--month", "2026-04", "--service", "remote", "--target", "99.8"}, clientInside, 0},
		// March: 743 h, nothing down.
		{"sla_kpi_availability_march_empty", []string{"sla", "availability", "--input", "-", "--month", "2026-03"}, `[]`, 0},
		{"sla_kpi_availability_err_flags", []string{"sla", "availability", "--input", "-", "--month", "2026-3", "--target", "100.5"}, `[]`, 2},
		{"sla_kpi_availability_err_missing", []string{"sla", "availability"}, ``, 2},
		{"sla_kpi_availability_err_document", []string{"sla", "availability", "--input", "-", "--month", "2026-04"},
			`[{"service":"platform","start":"2026-04-10T10:00:00+02:00","end":"2026-04-10T09:00:00+02:00","cause":"unplanned"},{"service":"p","start":"x","end":"y","cause":"act_of_god"}]`, 2},
		{"sla_kpi_qos", []string{"sla", "qos", "--input", "-"}, probes, 0},
		{"sla_kpi_qos_err", []string{"sla", "qos", "--input", "-"}, `{"month":"2026-03","probes":[{"check":"home"}]}`, 2},
		{"sla_kpi_support", []string{"sla", "support", "--input", "-"}, calls, 0},
		{"sla_kpi_support_err", []string{"sla", "support", "--input", "-"},
			`{"month":"2026-03","calls":[{"offered_at":"2026-03-02T09:00:00+01:00"}],"staffing":{"calls_per_hour":1e12,"handle_seconds":3600}}`, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, errOut)
			}
			got := out
			if code != 0 {
				got = errOut
				if out != "" {
					t.Errorf("stdout not empty on error: %q", out)
				}
			}
			if !json.Valid([]byte(got)) {
				t.Fatalf("not JSON: %s", got)
			}
			golden.Check(t, tt.name, []byte(got))
		})
	}
}

// TestSLAKPIAvailabilityContract pins the exact field list and order of
// the CLI contract of "sla availability".
func TestSLAKPIAvailabilityContract(t *testing.T) {
	out, errOut, code := runCLI(t, `[]`, "sla", "availability", "--input", "-", "--month", "2026-10", "--target", "99.8")
	if code != 0 {
		t.Fatal(errOut)
	}
	want := `{
  "total_seconds": 2682000,
  "excluded_seconds": 0,
  "unavailable_seconds": 0,
  "availability_percent": "100.0000",
  "target_percent": "99.8",
  "met": true,
  "budget_seconds": 5364,
  "budget_remaining_seconds": 5364
}
`
	// October 2026: 745 h = 2 682 000 s; 0.2 % = 5 364 s.
	if out != want {
		t.Errorf("got\n%s", out)
	}
}

// TestSLAKPIDemo pins the demo section (deterministic, reviewed golden).
func TestSLAKPIDemo(t *testing.T) {
	c := calendar.MustNew(calendar.Config{Territory: "75"})
	var outs [2]bytes.Buffer
	for i := range outs {
		v, err := demoKPI(c)
		if err != nil {
			t.Fatal(err)
		}
		if err := writeJSON(&outs[i], v); err != nil {
			t.Fatal(err)
		}
	}
	if outs[0].String() != outs[1].String() {
		t.Fatal("demo section not deterministic")
	}
	golden.Check(t, "sla_kpi_demo", outs[0].Bytes())
}

// FuzzSLAKPIInput runs the KPI commands on arbitrary documents: exit 0
// with JSON, or exit 2 with an error object; never a panic.
func FuzzSLAKPIInput(f *testing.F) {
	f.Add("availability", `[{"service":"platform","start":"2026-04-10T10:00:00+02:00","end":"2026-04-10T10:43:12+02:00","cause":"unplanned"}]`)
	f.Add("qos", `{"month":"2026-03","probes":[{"check":"home","at":"2026-03-02T10:00:00+01:00","duration_ms":100,"success":true}]}`)
	f.Add("support", `{"month":"2026-03","calls":[],"staffing":{"calls_per_hour":200,"handle_seconds":180}}`)
	f.Add("availability", `null`)
	f.Fuzz(func(t *testing.T, cmd, doc string) {
		if len(doc) > 1<<16 {
			return
		}
		args := []string{"sla", cmd, "--input", "-"}
		switch cmd {
		case "availability":
			args = append(args, "--month", "2026-04")
		case "qos", "support":
		default:
			return
		}
		out, errOut, code := runCLI(t, doc, args...)
		switch code {
		case 0:
			if !json.Valid([]byte(out)) {
				t.Fatalf("exit 0 with non-JSON stdout %q", out)
			}
		case 2:
			var e struct {
				Error struct{ Rule, Message string } `json:"error"`
			}
			if err := json.Unmarshal([]byte(errOut), &e); err != nil || e.Error.Rule == "" {
				t.Fatalf("exit 2 with bad error object %q", errOut)
			}
		default:
			t.Fatalf("exit %d: %s", code, errOut)
		}
	})
}
