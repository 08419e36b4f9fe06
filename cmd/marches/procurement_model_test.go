package main

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/openmarches/marches/internal/golden"
	"github.com/openmarches/marches/procurement"
)

const (
	sampleConsultationFile  = "../../procurement/testdata/sample_consultation.json"
	invalidConsultationFile = "../../procurement/testdata/consultation_invalid.json"
)

// TestGoldenProcurementCheck runs "marches procurement check" in process.
// The problems are those of procurement's own tests (see
// procurement/testdata/consultation_invalid.problems.golden).
func TestGoldenProcurementCheck(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
	}{
		{"procurement_check_sample", []string{"procurement", "check", "--input", sampleConsultationFile}, "", 0},
		{"procurement_check_invalid", []string{"procurement", "check", "--input", invalidConsultationFile}, "", 0},
		{"procurement_check_stdin", []string{"procurement", "check", "--input", "-"},
			`{"reference":"X","title":"Y","nature":"services","procedure":"ouvert","cpv":"72000000-5","estimatedValue":"250000.00","durationMonths":12,"awardCriteria":[{"name":"Prix","kind":"price","weight":100}]}`, 0},
		// --input is the consultation itself, not a JSON object of flags.
		{"procurement_check_flags_object", []string{"procurement", "check", "--input", "-"}, `{"input":"consultation.json"}`, 0},
		{"procurement_check_not_json", []string{"procurement", "check", "--input", "-"}, `{"reference": "X",`, 2},
		{"procurement_check_missing_input", []string{"procurement", "check"}, "", 2},
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
			golden.Check(t, tt.name, []byte(got))
		})
	}
}

func TestProcurementCheckUnreadable(t *testing.T) {
	_, errOut, code := runCLI(t, "", "procurement", "check", "--input", "testdata/no-such-consultation.json")
	var e struct{ Error struct{ Field, Rule string } }
	if code != 2 || json.Unmarshal([]byte(errOut), &e) != nil || e.Error.Rule != "input_unreadable" || e.Error.Field != "input" {
		t.Errorf("exit %d, stderr %s; want exit 2 with rule input_unreadable", code, errOut)
	}
	out, _, code := runCLI(t, "", "procurement", "check", "-h")
	if code != 0 || !strings.Contains(out, "consultation document") {
		t.Errorf("help: exit %d, %q", code, out)
	}
}

// TestSampleConsultationMatchesFile: the demo's Go sample and the
// package's JSON sample are the same consultation, byte for byte.
func TestSampleConsultationMatchesFile(t *testing.T) {
	want, err := os.ReadFile(sampleConsultationFile)
	if err != nil {
		t.Fatal(err)
	}
	got, err := procurement.Marshal(sampleConsultation())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("sampleConsultation() differs from %s (-file +Go):\n%s", sampleConsultationFile, diff)
	}
}

func TestDemoProcurementModel(t *testing.T) {
	v, err := demoProcurementModel()
	if err != nil {
		t.Fatal(err)
	}
	d := v.(*demoModel)
	// 90000 + 20000 + 90000 + 48000 + 48000 = 296000 (R2121-1).
	if d.TotalValue != "296000.00" || d.MaxMonths != 48 || !d.Check.Valid || len(d.Check.Problems) != 0 {
		t.Errorf("sample: total %s, months %d, check %+v", d.TotalValue, d.MaxMonths, d.Check)
	}
	var got []string
	for _, p := range d.BrokenCopy.Problems {
		got = append(got, p.Path+" "+p.Rule)
	}
	// The four edits of demoProcurementModel, one problem each, and two
	// for the criteria (a single quality criterion weighing 60).
	want := []string{
		"additionalCpv[0] cpv_checksum",
		"additionalCpv[1] cpv_duplicate",
		"awardCriteria criteria_no_price",
		"awardCriteria criteria_weight_sum",
		"buyer.siret siret_checksum",
		"estimatedValue lots_value_mismatch",
	}
	if d.BrokenCopy.Valid || !slices.Equal(got, want) {
		t.Errorf("broken copy problems = %q, want %q", got, want)
	}
}

// FuzzProcurementCheck: whatever the document, the command exits 0 with
// {"valid","problems"} (problems sorted by path) or 2 with a JSON error
// object, and never panics.
func FuzzProcurementCheck(f *testing.F) {
	for _, name := range []string{sampleConsultationFile, invalidConsultationFile} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add(`{"lots":[{"number":1.5}],"awards":[{"lot":2}]}`)
	f.Add(`null`)
	f.Fuzz(func(t *testing.T, doc string) {
		if len(doc) > 1<<16 {
			return
		}
		out, errOut, code := runCLI(t, doc, "procurement", "check", "--input", "-")
		switch code {
		case 0:
			var r checkResult
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatalf("exit 0 with bad output %q", out)
			}
			if r.Valid != (len(r.Problems) == 0) {
				t.Fatalf("valid=%v with %d problems", r.Valid, len(r.Problems))
			}
			for i := 1; i < len(r.Problems); i++ {
				if r.Problems[i-1].Path > r.Problems[i].Path {
					t.Fatalf("problems not sorted: %q then %q", r.Problems[i-1].Path, r.Problems[i].Path)
				}
			}
		case 2:
			var e struct {
				Error struct{ Field, Rule, Message string } `json:"error"`
			}
			if err := json.Unmarshal([]byte(errOut), &e); err != nil || e.Error.Rule != "json_syntax" {
				t.Fatalf("exit 2 with %q; only unreadable JSON may fail", errOut)
			}
		default:
			t.Fatalf("exit %d", code)
		}
	})
}
