package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openmarches/marches/internal/golden"
)

// pricingContract is the running example of issue #5 (see pricing's
// schedule_test.go for the hand computation: 6300.00 then 9232.09 HT).
const pricingContract = `{"signature":"2024-10-15","start":"2024-12-02","months":24,"fees":["6300","9000"],
 "frequency":"yearly","term":"advance","vat":"20","notice":3,
 "revision":{"formula":"P = P0 x S/S0","series":"syntec","base":{"rule":"last-published","at":"signature"},"current":{"rule":"last-published"}}}`

// TestPricingGolden runs the pricing commands in process; the values in the
// goldens are the hand-checked ones of the pricing package's tests.
func TestPricingGolden(t *testing.T) {
	dir := t.TempDir()
	csvFile := filepath.Join(dir, "syntec-newer.csv")
	if err := os.WriteFile(csvFile, []byte("month,value,base,published\n2024-08,314.1,revised,\n2025-11,322.5,revised,2025-12-31\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
	}{
		{"pricing_revise_issue", []string{"pricing", "revise", "--initial", "9000", "--base-index", "300.5", "--current-index", "310.2", "--rounding", "4"}, "", 0},
		{"pricing_revise_exact_en", []string{"pricing", "revise", "--initial", "9000", "--base-index", "300.5", "--current-index", "310.2", "--lang", "en"}, "", 0},
		{"pricing_revise_series_break", []string{"pricing", "revise", "--initial", "9000", "--series", "syntec", "--base-month", "2021-06", "--revision-month", "2025-10"}, "", 0},
		{"pricing_revise_clauses", []string{"pricing", "revise", "--initial", "9000", "--base-index", "300.5", "--current-index", "310.2",
			"--formula", "P = P0 x (0,15 + 0,85 x S/S0)", "--rounding", "up-thousandth", "--cap", "1.02", "--safeguard", "2,5"}, "", 0},
		{"pricing_revise_multi", []string{"pricing", "revise", "--input", "-"},
			`{"initial":"1000","formula":"P = P0 × (0,125 + 0,875 × (0,6 × A/A0 + 0,4 × B/B0))","base-index":{"A":"100","B":"200"},"current-index":{"A":110,"B":190},"lang":"en"}`, 0},
		{"pricing_revise_series_file", []string{"pricing", "revise", "--initial", "9000", "--series-file", csvFile, "--base-month", "2024-08", "--revision-month", "2025-11"}, "", 0},
		{"pricing_format_fr", []string{"pricing", "format", "--amount", "9290.7"}, "", 0},
		{"pricing_format_en", []string{"pricing", "format", "--amount", "9290.7", "--lang", "en"}, "", 0},
		{"pricing_format_xpf", []string{"pricing", "format", "--amount", "1234567", "--currency", "XPF"}, "", 0},
		{"pricing_schedule_contract", []string{"pricing", "schedule", "--input", "-"}, pricingContract, 0},
		{"pricing_schedule_flags_quarterly", []string{"pricing", "schedule", "--start", "2025-01-01", "--months", "31", "--fees", `["1200","1200","1200"]`,
			"--frequency", "quarterly", "--term", "arrears", "--vat", "10"}, "", 0},
		{"pricing_check_missing_link", []string{"pricing", "check", "--initial", "9000", "--base-month", "2021-06", "--revision-month", "2025-10",
			"--claimed-base-month", "2021-06", "--claimed-base-index", "275.7", "--claimed-current-month", "2025-10", "--claimed-current-index", "322.2",
			"--claimed-coefficient", "1.1687", "--claimed-revised", "10518.30"}, "", 0},
		{"pricing_formula_nested", []string{"pricing", "formula", "--formula", "Pn = P0 × (0,125 + 0,875 × (0,6 × ICHT-IMEn/ICHT-IME0 + 0,4 × FSD2n/FSD20))"}, "", 0},
		{"pricing_index_at", []string{"pricing", "index", "--at", "2025-12-02"}, "", 0},
		{"pricing_index_vintage", []string{"pricing", "index", "--month", "2020-06", "--at", "2020-12-01"}, "", 0},
		{"pricing_err_missing_month", []string{"pricing", "revise", "--initial", "9000", "--base-month", "2022-03", "--revision-month", "2025-10"}, "", 2},
		{"pricing_err_index_gap", []string{"pricing", "index", "--at", "2025-06-15"}, "", 2},
		{"pricing_err_formula", []string{"pricing", "revise", "--initial", "9000", "--base-index", "300.5", "--current-index", "310.2", "--formula", "P = P0 x (0,15 - 0,85 x S/S0)"}, "", 2},
		{"pricing_err_weights", []string{"pricing", "formula", "--formula", "P = P0 x (0,15 + 0,80 x S/S0)"}, "", 2},
		{"pricing_err_many", []string{"pricing", "revise", "--initial", "neuf mille", "--base-index", "0", "--current-index", "abc", "--rounding", "13", "--lang", "de"}, "", 2},
		{"pricing_err_both_modes", []string{"pricing", "revise", "--initial", "9000", "--base-index", "300.5", "--current-index", "310.2", "--base-month", "2024-08"}, "", 2},
		{"pricing_err_schedule_schema", []string{"pricing", "schedule", "--input", "-"}, `{"start":"2025-01-01","months":12,"fees":["1"],"frequency":"weekly"}`, 2},
		{"pricing_err_schedule_future", []string{"pricing", "schedule", "--input", "-"},
			strings.Replace(strings.Replace(pricingContract, `"months":24`, `"months":36`, 1), `["6300","9000"]`, `["6300","9000","9000"]`, 1), 2},
		{"pricing_err_format", []string{"pricing", "format", "--amount", "9 290,70 €"}, "", 2},
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
			} else if errOut != "" {
				t.Errorf("stderr not empty on success: %q", errOut)
			}
			if !json.Valid([]byte(got)) {
				t.Fatalf("output is not JSON: %s", got)
			}
			golden.Check(t, tt.name, []byte(strings.ReplaceAll(got, csvFile, "SERIES_FILE")))
		})
	}
}

// TestPricingContract checks the CLI contract of issue #5 literally,
// independently of the goldens.
func TestPricingContract(t *testing.T) {
	out, _, code := runCLI(t, "", "pricing", "revise", "--initial", "9000", "--base-index", "300.5", "--current-index", "310.2", "--rounding", "4")
	var r struct{ Coefficient, Revised, Explanation string }
	if err := json.Unmarshal([]byte(out), &r); err != nil || code != 0 {
		t.Fatalf("%s %v", out, err)
	}
	// 310.2 / 300.5 = 1.03227… → 1.0323; 9000 × 1.0323 = 9290.70.
	if r.Coefficient != "1.0323" || r.Revised != "9290.70" || !strings.Contains(r.Explanation, "1,0323") {
		t.Errorf("revise = %+v", r)
	}
	if !strings.Contains(out, `"revised": "9290.70"`) {
		t.Errorf("amounts must be JSON strings: %s", out)
	}
	out, _, _ = runCLI(t, "", "pricing", "format", "--amount", "9290.7")
	if out != "{\n  \"text\": \"9\u202f290,70\u00a0€\"\n}\n" {
		t.Errorf("format = %q", out)
	}
	out, _, _ = runCLI(t, "", "pricing", "format", "--amount", "9290.7", "--lang", "en")
	if !strings.Contains(out, `"€9,290.70"`) {
		t.Errorf("format en = %q", out)
	}
	// Unrounded by default: the exact ratio, 9000 × 310.2 / 300.5 = 9290.5158… → 9290.52.
	out, _, _ = runCLI(t, "", "pricing", "revise", "--initial", "9000", "--base-index", "300.5", "--current-index", "310.2")
	if !strings.Contains(out, `"revised": "9290.52"`) || !strings.Contains(out, `"coefficient": "1.0322795341"`) {
		t.Errorf("default rounding = %s", out)
	}
	// The demo contract through a file, as "schedule --input FILE".
	file := filepath.Join(t.TempDir(), "contract.json")
	if err := os.WriteFile(file, []byte(pricingContract), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, "", "pricing", "schedule", "--input", file)
	if code != 0 || !strings.Contains(out, `"ttc": "18638.51"`) {
		t.Errorf("schedule --input FILE: %d %s %s", code, errOut, out[:min(len(out), 200)])
	}
}

// FuzzPricingInput feeds arbitrary JSON documents to the pricing commands:
// the tool never panics and answers with JSON on stdout (exit 0) or a JSON
// error object on stderr (exit 2).
func FuzzPricingInput(f *testing.F) {
	f.Add("revise", `{"initial":"9000","base-index":"300.5","current-index":"310.2","rounding":"4"}`)
	f.Add("revise", `{"initial":"9000","series":"syntec","base-month":"2021-06","revision-month":"2025-10","formula":"P = P0 x (0,15 + 0,85 x S/S0)","cap":"1.1","tunnel":"2","no-downward":true}`)
	f.Add("format", `{"amount":"9290.7","lang":"en","currency":"XPF"}`)
	f.Add("schedule", pricingContract)
	f.Add("schedule", `{"start":"2025-01-01","months":31,"fees":[1200,1200,1200],"frequency":"quarterly","term":"arrears"}`)
	f.Add("check", `{"initial":"9000","base-index":"300.5","current-index":"310.2","rounding":"4","claimed-coefficient":"1.033","claimed-revised":"9297"}`)
	f.Add("formula", `{"formula":"P = P0 x (0,15 + 0,85 x S/S0)"}`)
	f.Add("index", `{"month":"2020-06","at":"2020-12-01"}`)
	f.Fuzz(func(t *testing.T, cmd, doc string) {
		if len(doc) > 1<<14 || strings.Contains(doc, "series-file") {
			return
		}
		switch cmd {
		case "revise", "format", "schedule", "check", "formula", "index":
		default:
			return
		}
		out, errOut, code := runCLI(t, doc, "pricing", cmd, "--input", "-")
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
