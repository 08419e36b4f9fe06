package priority

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/openmarches/marches/internal/golden"
)

// TestMarkdownDefault: the contract's matrix, written out by hand from the
// issue's table (rows = impact, columns = criticality).
func TestMarkdownDefault(t *testing.T) {
	wantFR := "| Impact \\ Criticité | Haute | Moyenne | Faible |\n" +
		"| --- | --- | --- | --- |\n" +
		"| Fort | P1 | P2 | P3 |\n" +
		"| Moyen | P2 | P3 | P4 |\n" +
		"| Réduit | P3 | P4 | P4 |\n"
	wantEN := "| Impact \\ Criticality | High | Medium | Low |\n" +
		"| --- | --- | --- | --- |\n" +
		"| Major | P1 | P2 | P3 |\n" +
		"| Moderate | P2 | P3 | P4 |\n" +
		"| Minor | P3 | P4 | P4 |\n"
	for _, tt := range []struct {
		name string
		got  string
		want string
	}{
		{"fr", Default().Markdown(langFR), wantFR},
		{"fr-CA", Default().Markdown(langFRCA), wantFR},
		{"en", Default().Markdown(langEN), wantEN},
		{"de falls back to English", Default().Markdown(langDE), wantEN},
	} {
		if diff := cmp.Diff(tt.want, tt.got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
	golden.Check(t, "default_fr.md", []byte(wantFR))
	golden.Check(t, "default_en.md", []byte(wantEN))
}

func TestMarkdownEscapes(t *testing.T) {
	m := mustNew(t, Config{
		Criticality: []LevelConfig{{Code: "a", FR: `x|y`, EN: `back\slash`}},
		Impact:      []LevelConfig{{Code: "b", FR: `ends with \`, EN: `\|`}},
		Priorities:  []LevelConfig{{Code: "P", FR: "| P |"}},
		Cells:       map[string]map[string]string{"a": {"b": "P"}},
	})
	got := m.Markdown(langFR)
	want := "| Impact \\ Criticité | x\\|y |\n| --- | --- |\n| ends with \\\\ | \\| P \\| |\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("fr (-want +got):\n%s", diff)
	}
	for _, lang := range []string{"fr", "en"} {
		tag := langEN
		if lang == "fr" {
			tag = langFR
		}
		checkTable(t, m.Markdown(tag), m)
	}
}

// checkTable parses md as a GFM table (cells split on unescaped '|') and
// checks its shape and cell texts against the matrix.
func checkTable(t testing.TB, md string, m Matrix) {
	t.Helper()
	crit, imp := m.Criticalities(), m.Impacts()
	lines := strings.Split(md, "\n")
	if lines[len(lines)-1] != "" {
		t.Fatalf("no final newline: %q", md)
	}
	lines = lines[:len(lines)-1]
	if len(lines) != len(imp)+2 {
		t.Fatalf("%d lines, want %d", len(lines), len(imp)+2)
	}
	for li, line := range lines {
		cells := splitRow(line)
		if len(cells) != len(crit)+1 {
			t.Fatalf("line %d %q: %d cells, want %d", li, line, len(cells), len(crit)+1)
		}
		if li >= 2 {
			ii := li - 2
			if got := unescape(cells[0]); got != m.Label(imp[ii], langFR) && got != m.Label(imp[ii], langEN) {
				t.Errorf("row %d header %q, want the label of %s", ii, got, imp[ii].Code())
			}
			for ci := range crit {
				p, _ := m.PriorityOf(crit[ci], imp[ii])
				if got := unescape(cells[ci+1]); got != m.Label(p, langFR) && got != m.Label(p, langEN) {
					t.Errorf("cell %s×%s %q, want the label of %s", crit[ci].Code(), imp[ii].Code(), got, p.Code())
				}
			}
		}
	}
}

// splitRow splits "| a | b |" into trimmed cell texts, as GFM does: a '|'
// preceded by a backslash escape does not split.
func splitRow(line string) []string {
	if !strings.HasPrefix(line, "| ") || !strings.HasSuffix(line, " |") {
		return nil
	}
	var cells []string
	var cur strings.Builder
	for i := 1; i < len(line); i++ {
		switch c := line[i]; {
		case c == '\\' && i+1 < len(line):
			cur.WriteByte(c)
			cur.WriteByte(line[i+1])
			i++
		case c == '|':
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	return cells
}

// unescape removes the backslash escapes of '\' and '|'.
func unescape(s string) string {
	return strings.NewReplacer(`\\`, `\`, `\|`, `|`).Replace(s)
}
