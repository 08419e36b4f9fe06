package main

import (
	"encoding/json"
	"testing"

	"github.com/openmarches/marches/internal/golden"
)

// TestPriorityGolden runs the priority commands in process. Expected
// priorities are the contract's matrix (issue 3, "Qualification"): Fort →
// Haute P1, Moyenne P2, Faible P3; Moyen → P2, P3, P4; Réduit → P3, P4, P4.
func TestPriorityGolden(t *testing.T) {
	const fiveLevels = "../../priority/testdata/five_levels.json"
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
		want  string // exact stdout when set (beside the golden)
	}{
		{"priority_haute_fort", []string{"priority", "--criticality", "haute", "--impact", "fort"}, "", 0, "{\n  \"priority\": \"P1\"\n}\n"},
		{"priority_faible_moyen", []string{"priority", "--criticality", "faible", "--impact", "moyen"}, "", 0, "{\n  \"priority\": \"P4\"\n}\n"},
		{"priority_moyenne_reduit", []string{"priority", "--criticality", "moyenne", "--impact", "reduit"}, "", 0, "{\n  \"priority\": \"P4\"\n}\n"},
		// five_levels.json: haute × genant = normal.
		{"priority_matrix_file", []string{"priority", "--criticality", "haute", "--impact", "genant", "--matrix", fiveLevels}, "", 0, "{\n  \"priority\": \"normal\"\n}\n"},
		{"priority_input_inline_matrix", []string{"priority", "--input", "-"},
			`{"criticality":"b","impact":"x","matrix":{"criticality":[{"code":"a"},{"code":"b"}],"impact":[{"code":"x"}],"priorities":[{"code":"U"},{"code":"N"}],"cells":{"a":{"x":"U"},"b":{"x":"N"}}}}`,
			0, "{\n  \"priority\": \"N\"\n}\n"},
		{"priority_err_unknown", []string{"priority", "--criticality", "Haute", "--impact", "réduit"}, "", 2, ""},
		{"priority_err_missing", []string{"priority"}, "", 2, ""},
		{"priority_err_matrix", []string{"priority", "--criticality", "a", "--impact", "x", "--matrix",
			`{"criticality":[{"code":"a"},{"code":"b"}],"impact":[{"code":"x"}],"priorities":[{"code":"P1"},{"code":"P2"}],"cells":{"a":{"x":"P2"}}}`}, "", 2, ""},
		{"priority_err_matrix_not_monotone", []string{"priority", "--criticality", "a", "--impact", "x", "--matrix",
			`{"criticality":[{"code":"a"},{"code":"b"}],"impact":[{"code":"x"}],"priorities":[{"code":"P1"},{"code":"P2"}],"cells":{"a":{"x":"P2"},"b":{"x":"P1"}}}`}, "", 2, ""},
		{"priority_err_matrix_file", []string{"priority", "--criticality", "haute", "--impact", "fort", "--matrix", "testdata/no-such-matrix.json"}, "", 2, ""},
		{"priority_matrix_fr", []string{"priority", "matrix"}, "", 0, ""},
		{"priority_matrix_en_five", []string{"priority", "matrix", "--lang", "en", "--matrix", fiveLevels}, "", 0, ""},
		{"priority_matrix_err_lang", []string{"priority", "matrix", "--lang", "de"}, "", 2, ""},
		{"priority_classify_class_blocked", []string{"priority", "classify", "--function", "dépôt électronique des offres", "--users", "class", "--effect", "blocked"}, "", 0, ""},
		{"priority_classify_objects_en", []string{"priority", "classify", "--function", "Statistiques", "--objects", "all", "--lang", "en"}, "", 0, ""},
		{"priority_classify_catalogue", []string{"priority", "classify", "--input", "-"},
			`{"function":"signature electronique","users":"user","effect":"blocked","functions":[{"name":"Signature électronique","criticality":"haute"}]}`, 0, ""},
		{"priority_classify_err", []string{"priority", "classify", "--function", "messagerie", "--users", "everyone", "--objects", "all"}, "", 2, ""},
		{"priority_classify_err_scope", []string{"priority", "classify", "--function", "statistiques", "--users", "group"}, "", 2, ""},
		{"priority_classify_err_catalogue", []string{"priority", "classify", "--function", "x", "--objects", "few", "--functions", `[{"name":"x","criticality":"vitale","owner":"me"}]`}, "", 2, ""},
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
			if tt.want != "" && got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			golden.Check(t, tt.name, []byte(got))
		})
	}
}

// TestPriorityAllCells: the CLI gives the contract's priority for all nine
// cells (same table as priority.TestDefault).
func TestPriorityAllCells(t *testing.T) {
	want := map[[2]string]string{
		{"haute", "fort"}: "P1", {"moyenne", "fort"}: "P2", {"faible", "fort"}: "P3",
		{"haute", "moyen"}: "P2", {"moyenne", "moyen"}: "P3", {"faible", "moyen"}: "P4",
		{"haute", "reduit"}: "P3", {"moyenne", "reduit"}: "P4", {"faible", "reduit"}: "P4",
	}
	for k, p := range want {
		out, errOut, code := runCLI(t, "", "priority", "--criticality", k[0], "--impact", k[1])
		var got map[string]string
		if code != 0 || json.Unmarshal([]byte(out), &got) != nil || len(got) != 1 || got["priority"] != p {
			t.Errorf("%s × %s: exit %d, %s%s; want {\"priority\":%q}", k[0], k[1], code, out, errOut, p)
		}
	}
}

// FuzzPriorityInput feeds arbitrary JSON to the priority commands: exit 0
// with JSON, or 2 with a JSON error object; never a panic.
func FuzzPriorityInput(f *testing.F) {
	f.Add("", `{"criticality":"haute","impact":"fort"}`)
	f.Add("matrix", `{"lang":"en"}`)
	f.Add("classify", `{"function":"statistiques","users":"group","effect":"minor","objects":"all"}`)
	f.Add("", `{"criticality":"a","impact":"x","matrix":{"criticality":[{"code":"a"}],"impact":[{"code":"x"}],"priorities":[{"code":"P"}],"cells":{"a":{"x":"P"}}}}`)
	f.Add("classify", `{"function":"x","objects":"few","functions":[{"name":"x","criticality":"haute"}]}`)
	f.Add("classify", `{"function":"x","objects":"few","functions":null}`)
	f.Fuzz(func(t *testing.T, sub, doc string) {
		if len(doc) > 1<<16 {
			return
		}
		args := []string{"priority"}
		switch sub {
		case "":
		case "matrix", "classify":
			args = append(args, sub)
		default:
			return
		}
		out, errOut, code := runCLI(t, doc, append(args, "--input", "-")...)
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
