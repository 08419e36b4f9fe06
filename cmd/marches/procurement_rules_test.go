package main

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/openmarches/marches/internal/golden"
)

// TestProcurementRulesGolden runs "marches procurement rules|deadline|
// standstill|interest" in process. The dates and amounts in the goldens
// are the hand-checked ones of procurement/rules_test.go (the comments
// here repeat the arithmetic).
func TestProcurementRulesGolden(t *testing.T) {
	sample, err := os.ReadFile("../../procurement/testdata/sample_consultation.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
	}{
		// 296000 >= 216000: formalised; 11 May + 30 = 10 June, earliest
		// 11 June, the deadline of 15 June is lawful.
		{"sample", []string{"procurement", "rules", "--input", "-"}, string(sample), 0},
		{"sample_not_electronic", []string{"procurement", "rules", "--input", "-", "--electronic=false"}, string(sample), 0},
		{"flags_state", []string{"procurement", "rules", "--buyer", "state", "--nature", "services", "--value", "150000", "--launch", "2026-05-11"}, "", 0},
		{"flags_dispense_1_april", []string{"procurement", "rules", "--buyer", "local_authority", "--nature", "supplies", "--value", "50000", "--launch", "2026-04-01"}, "", 0},
		{"err_rules_missing", []string{"procurement", "rules"}, "", 2},
		{"err_rules_bad_flags", []string{"procurement", "rules", "--buyer", "mairie", "--nature", "services", "--value", "1,5", "--launch", "2026-02-30"}, "", 2},
		{"err_rules_invalid_consultation", []string{"procurement", "rules", "--input", "-"}, `{"reference":"x"}`, 2},
		// 1 Apr + 30 = 1 May (holiday) -> 4 May; earliest 5 May.
		{"deadline_1_may", []string{"procurement", "deadline", "--procedure", "open", "--step", "tenders", "--dispatched", "2026-04-01", "--electronic"}, "", 0},
		// 15 May + 30 = 14 June (Sunday) -> 15 June.
		{"deadline_sunday", []string{"procurement", "deadline", "--procedure", "open", "--step", "tenders", "--dispatched", "2026-05-15", "--electronic"}, "", 0},
		// 30 Jan 2028 + 30 = 29 Feb 2028.
		{"deadline_leap_day", []string{"procurement", "deadline", "--procedure", "open", "--step", "tenders", "--dispatched", "2028-01-30", "--electronic"}, "", 0},
		// 4 Mar + 30 = Good Friday 3 Apr, a holiday in 67 -> 7 Apr.
		{"deadline_67", []string{"procurement", "deadline", "--procedure", "open", "--step", "tenders", "--dispatched", "2026-03-04", "--electronic", "--territory", "67"}, "", 0},
		// R2161-9: 21 Apr + 10 = 1 May -> 4 May.
		{"deadline_restricted_local", []string{"procurement", "deadline", "--procedure", "restricted", "--step", "tenders", "--dispatched", "2026-04-21", "--electronic", "--buyer", "local_authority"}, "", 0},
		// Booleans from a JSON object: 21 Apr + 30 = 21 May, or + 35 = 26 May.
		{"deadline_input_true", []string{"procurement", "deadline", "--input", "-"}, `{"procedure":"open","step":"tenders","dispatched":"2026-04-21","electronic":true}`, 0},
		{"deadline_input_false", []string{"procurement", "deadline", "--input", "-"}, `{"procedure":"ouvert","step":"tenders","dispatched":"2026-04-21","electronic":false,"pin":false}`, 0},
		{"err_deadline", []string{"procurement", "deadline", "--procedure", "dialogue-ish", "--dispatched", "2026-04-31"}, "", 2},
		{"err_deadline_no_row", []string{"procurement", "deadline", "--procedure", "restricted", "--step", "tenders", "--dispatched", "2026-04-21", "--buyer", "utility"}, "", 2},
		{"err_deadline_bool", []string{"procurement", "deadline", "--input", "-"}, `{"procedure":"open","step":"tenders","dispatched":"2026-04-21","electronic":"yes"}`, 2},
		// 21 Apr + 10 = 1 May (holiday) -> 4 May: sign from 5 May.
		{"standstill_1_may", []string{"procurement", "standstill", "--sent", "2026-04-21"}, "", 0},
		// CE 2 Aug 2011, n° 347526: sent 28 Dec 2010, sign 13 Jan 2011.
		{"standstill_ce_2011", []string{"procurement", "standstill", "--sent", "2010-12-28", "--not-electronic"}, "", 0},
		{"standstill_input", []string{"procurement", "standstill", "--input", "-"}, `{"sent":"2026-04-21","not-electronic":true}`, 0},
		{"err_standstill", []string{"procurement", "standstill"}, "", 2},
		// 10000 × 10.15 × 30 / 36500 = 83.42; + 40 = 123.42.
		{"interest", []string{"procurement", "interest", "--principal", "10000.00", "--due", "2026-03-10", "--paid", "2026-04-09", "--ecb-rate", "2.15"}, "", 0},
		{"interest_on_time", []string{"procurement", "interest", "--principal", "10000.00", "--due", "2026-03-10", "--paid", "2026-03-10", "--ecb-rate", "2.15"}, "", 0},
		{"interest_input_numbers", []string{"procurement", "interest", "--input", "-"}, `{"principal":28800,"due":"2026-10-01","paid":"2026-11-15","ecb-rate":2.15}`, 0},
		{"err_interest", []string{"procurement", "interest", "--principal", "1e4", "--due", "2026-03-10", "--ecb-rate", "two"}, "", 2},
		{"err_interest_zero", []string{"procurement", "interest", "--principal", "0", "--due", "2026-03-10", "--paid", "2026-03-11", "--ecb-rate", "2"}, "", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, errOut)
			}
			got := out
			if code != 0 {
				if out != "" {
					t.Errorf("stdout not empty on error: %q", out)
				}
				got = errOut
			} else if errOut != "" {
				t.Errorf("stderr not empty on success: %q", errOut)
			}
			if !json.Valid([]byte(got)) {
				t.Fatalf("output is not JSON: %s", got)
			}
			golden.Check(t, "procurement_rules_"+tt.name, []byte(got))
		})
	}
}

// TestProcurementDeadlineContract checks the exact keys of the CLI
// contract and the hand-checked values, independently of the goldens.
func TestProcurementDeadlineContract(t *testing.T) {
	out, errOut, code := runCLI(t, "", "procurement", "deadline", "--procedure", "open", "--step", "tenders", "--dispatched", "2026-04-01", "--electronic")
	if code != 0 {
		t.Fatal(errOut)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 || got["period_ends"] != "2026-05-04" || got["earliest"] != "2026-05-05" || got["days"] != float64(30) || got["basis"] == "" {
		t.Errorf("deadline output %v", got)
	}
	out, _, _ = runCLI(t, "", "procurement", "standstill", "--sent", "2026-04-21")
	var st map[string]any
	if err := json.Unmarshal([]byte(out), &st); err != nil || len(st) != 2 || st["sign_from"] != "2026-05-05" {
		t.Errorf("standstill output %s", out)
	}
	help, _, _ := runCLI(t, "", "help")
	for _, c := range []string{"procurement rules", "procurement deadline", "procurement standstill", "procurement interest"} {
		if !strings.Contains(help, c) {
			t.Errorf("help does not list %q", c)
		}
	}
}

var plainDecimalRE = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// FuzzParseAmount checks the CLI's amount parser against a regular
// expression, and that accepted amounts print back to the same number.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"10000.00", "2.15", "-0.5", "1e4", "1,5", "", ".5", "5.", "--1", "00012.3400", " 1", "1 000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseAmount("x", s)
		ok := len(s) <= 40 && plainDecimalRE.MatchString(s)
		if (err == nil) != ok {
			t.Fatalf("parseAmount(%q) err = %v, regexp says %v", s, err, ok)
		}
		if err == nil {
			if back, err2 := parseAmount("x", d.String()); err2 != nil || !back.Equal(d) {
				t.Fatalf("%q -> %s does not parse back: %v", s, d.String(), err2)
			}
		}
	})
}

// FuzzProcurementRulesInput feeds arbitrary JSON documents to the rules
// commands: never a panic; exit 0 with JSON on stdout, or 2 with a JSON
// error object on stderr.
func FuzzProcurementRulesInput(f *testing.F) {
	f.Add("deadline", `{"procedure":"open","step":"tenders","dispatched":"2026-04-21","electronic":true}`)
	f.Add("deadline", `{"procedure":"restricted","step":"tenders","dispatched":"2026-04-21","buyer":"local_authority","territory":"974"}`)
	f.Add("deadline", `{"procedure":"open","step":"tenders","dispatched":"2200-12-31","electronic":1}`)
	f.Add("standstill", `{"sent":"2026-04-21","not-electronic":true,"territory":"67"}`)
	f.Add("interest", `{"principal":"10000.00","due":"2026-03-10","paid":"2026-04-09","ecb-rate":"2.15"}`)
	f.Add("interest", `{"principal":1e400,"due":"2026-03-10","paid":"9999-12-31","ecb-rate":-99}`)
	if sample, err := os.ReadFile("../../procurement/testdata/sample_consultation.json"); err == nil {
		f.Add("rules", string(sample))
	}
	f.Add("rules", `{"buyer":{"kind":"state"},"nature":"works","estimatedValue":"1"}`)
	f.Fuzz(func(t *testing.T, cmd, doc string) {
		if len(doc) > 1<<16 {
			return
		}
		switch cmd {
		case "deadline", "standstill", "interest", "rules":
		default:
			return
		}
		out, errOut, code := runCLI(t, doc, "procurement", cmd, "--input", "-")
		switch code {
		case 0:
			if !json.Valid([]byte(out)) {
				t.Fatalf("exit 0 with non-JSON stdout %q", out)
			}
		case 2:
			var e struct {
				Error struct{ Field, Rule, Message string } `json:"error"`
			}
			if err := json.Unmarshal([]byte(errOut), &e); err != nil || e.Error.Rule == "" || e.Error.Message == "" {
				t.Fatalf("exit 2 with bad error object %q", errOut)
			}
		default:
			t.Fatalf("exit %d", code)
		}
	})
}
