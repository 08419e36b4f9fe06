package main

import (
	"encoding/json"
	"testing"

	"github.com/openmarches/marches/internal/golden"
)

// TestGoldenProcurementID runs "procurement id" in process. The expected
// values are those of the procurement package's identifier tests (facts
// file §6 and the hand computations there).
func TestGoldenProcurementID(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
	}{
		{"siret_la_poste", []string{"--siret", "356 000 000 49837"}, "", 0},
		{"siret_checksum", []string{"--siret", "73282932000075"}, "", 0},
		{"siren", []string{"--siren", "200011773"}, "", 0},
		{"siren_letter", []string{"--siren", "20001177A"}, "", 0},
		{"cpv", []string{"--cpv", "72261000-2"}, "", 0},
		{"cpv_division", []string{"--cpv", "72000000-5"}, "", 0},
		{"cpv_checksum", []string{"--cpv", "03300000-4"}, "", 0},
		{"actes", []string{"--actes", "074-200011773-20260421-D_2026_0083-AU"}, "", 0},
		{"actes_all_problems", []string{"--actes", "099-200011774-20260230-d.1-ZZ"}, "", 0},
		{"vat", []string{"--vat", "FR 83 404 833 048"}, "", 0},
		{"vat_key", []string{"--vat", "FR84404833048"}, "", 0},
		{"nuts", []string{"--nuts", "FRK28"}, "", 0},
		{"nuts_country", []string{"--nuts", "FR"}, "", 0},
		{"nuts_unknown", []string{"--nuts", "FR30"}, "", 0},
		{"input_json", []string{"--input", "-"}, `{"cpv":"48000000-8"}`, 0},
		{"empty_value", []string{"--siren", ""}, "", 0},
		{"err_no_flag", nil, "", 2},
		{"err_two_flags", []string{"--siren", "200011773", "--cpv", "72000000-5"}, "", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"procurement", "id"}, tt.args...)
			out, errOut, code := runCLI(t, tt.stdin, args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, errOut)
			}
			got := out
			if code != 0 {
				got = errOut
			}
			if !json.Valid([]byte(got)) {
				t.Fatalf("output is not JSON: %s", got)
			}
			golden.Check(t, "procurement_id_"+tt.name, []byte(got))
		})
	}
}

// FuzzProcurementID: any value of any flag gives exit 0 and a JSON result
// whose "valid" matches the absence of problems.
func FuzzProcurementID(f *testing.F) {
	f.Add("siret", "35600000049837")
	f.Add("cpv", "72000000-5")
	f.Add("actes", "074-200011773-20260421-D_2026_0083-AU")
	f.Add("nuts", "FRK28")
	f.Add("vat", "FR83404833048")
	f.Add("siren", "200 011 773")
	f.Fuzz(func(t *testing.T, kind, value string) {
		switch kind {
		case "siret", "siren", "cpv", "actes", "vat", "nuts":
		default:
			return
		}
		if len(value) > 1<<12 || len(value) > 0 && value[0] == '-' {
			return // a value starting with '-' is read as a flag
		}
		out, errOut, code := runCLI(t, "", "procurement", "id", "--"+kind, value)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var r idResult
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("bad JSON %q: %v", out, err)
		}
		if r.Valid != (len(r.Problems) == 0) || r.Kind != kind {
			t.Fatalf("inconsistent result %+v", r)
		}
	})
}
