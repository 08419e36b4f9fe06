package priority

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/openmarches/marches/internal/fielderr"
)

// TestDefault reproduces the contract's matrix cell by cell (issue 3,
// "Qualification": Fort → Haute P1, Moyenne P2, Faible P3; Moyen → P2,
// P3, P4; Réduit → P3, P4, P4).
func TestDefault(t *testing.T) {
	tests := []struct {
		crit, imp string
		want      string
		rank      int
	}{
		{"haute", "fort", "P1", 1}, {"moyenne", "fort", "P2", 2}, {"faible", "fort", "P3", 3},
		{"haute", "moyen", "P2", 2}, {"moyenne", "moyen", "P3", 3}, {"faible", "moyen", "P4", 4},
		{"haute", "reduit", "P3", 3}, {"moyenne", "reduit", "P4", 4}, {"faible", "reduit", "P4", 4},
	}
	for _, m := range []Matrix{Default(), {}, mustNew(t, Config{})} { // Default, zero Matrix, New(Config{})
		for _, tt := range tests {
			p, err := m.Priority(tt.crit, tt.imp)
			if err != nil {
				t.Fatalf("Priority(%s, %s): %v", tt.crit, tt.imp, err)
			}
			if p.Code() != tt.want || p.Rank() != tt.rank {
				t.Errorf("Priority(%s, %s) = %s rank %d, want %s rank %d", tt.crit, tt.imp, p.Code(), p.Rank(), tt.want, tt.rank)
			}
		}
	}
	if got := Default().Criticalities(); got[0].Code() != "haute" || got[0].Rank() != 1 || got[2].Code() != "faible" || got[2].Rank() != 3 {
		t.Errorf("criticalities %v: want haute (1) .. faible (3)", got)
	}
}

func mustNew(t testing.TB, cfg Config) Matrix {
	t.Helper()
	m, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return m
}

func TestPriorityUnknownCode(t *testing.T) {
	m := Default()
	tests := []struct {
		name, crit, imp string
		want            []string // fields of the violations, in order
	}{
		{"criticality", "critique", "fort", []string{"criticality"}},
		{"impact", "haute", "réduit", []string{"impact"}}, // codes are exact: "reduit" without accent
		{"case matters", "Haute", "fort", []string{"criticality"}},
		{"both", "", "", []string{"criticality", "impact"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := m.Priority(tt.crit, tt.imp)
			if !p.IsZero() || !errors.Is(err, ErrUnknownLevel) {
				t.Fatalf("got %v, %v; want zero level and ErrUnknownLevel", p, err)
			}
			if diff := cmp.Diff(tt.want, fields(err)); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
			if len(tt.want) == 1 {
				var fe *FieldError
				if !errors.As(err, &fe) || fe != err {
					t.Errorf("single violation should be a *FieldError itself, got %T", err)
				}
			}
		})
	}
}

func TestLookups(t *testing.T) {
	m := Default()
	c, err1 := m.LookupCriticality("moyenne")
	i, err2 := m.LookupImpact("reduit")
	p, err3 := m.LookupPriority("P4")
	if err := errors.Join(err1, err2, err3); err != nil {
		t.Fatal(err)
	}
	if c.Rank() != 2 || i.Rank() != 3 || p.Rank() != 4 {
		t.Errorf("ranks %d %d %d, want 2 3 4", c.Rank(), i.Rank(), p.Rank())
	}
	if got, _ := m.PriorityOf(c, i); got.Code() != "P4" { // contract: Réduit × Moyenne = P4
		t.Errorf("PriorityOf(moyenne, reduit) = %v, want P4", got)
	}
	for _, f := range []func(string) (Level, error){m.LookupCriticality, m.LookupImpact, m.LookupPriority} {
		if _, err := f("P9"); !errors.Is(err, ErrUnknownLevel) {
			t.Errorf("lookup of an unknown code: %v", err)
		}
	}
	// A level of another axis is looked up by code: "P1" is no criticality.
	if _, err := m.PriorityOf(p, i); !errors.Is(err, ErrUnknownLevel) || fields(err)[0] != "criticality" {
		t.Errorf("PriorityOf(priority level, ...) = %v", err)
	}
}

func TestLevelMethods(t *testing.T) {
	m := Default()
	l, _ := m.LookupImpact("reduit")
	b, _ := l.MarshalText()
	got := []string{l.Code(), l.String(), string(b), l.Axis().String(),
		m.Label(l, langFR), m.Label(l, langFRCA), m.Label(l, langEN), m.Label(l, langDE)}
	want := []string{"reduit", "reduit", "reduit", "impact", "Réduit", "Réduit", "Minor", "Minor"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Labels are found by axis and code: a level of another matrix with
	// the same code gets this matrix's label; an unknown one shows its code.
	other := mustNew(t, Config{Criticality: levels("haute"), Impact: levels("fort", "moyen", "reduit"), Priorities: levels("P1"),
		Cells: map[string]map[string]string{"haute": {"fort": "P1", "moyen": "P1", "reduit": "P1"}}})
	ol, _ := other.LookupImpact("reduit")
	oc, _ := other.LookupCriticality("haute")
	if ol != l || m.Label(ol, langFR) != "Réduit" || other.Label(l, langFR) != "reduit" {
		t.Errorf("levels of two matrices: == %v, labels %q %q", ol == l, m.Label(ol, langFR), other.Label(l, langFR))
	}
	if oc == (Level{code: "haute", rank: 1, axis: AxisImpact}) || oc != (Level{code: "haute", rank: 1, axis: AxisCriticality}) {
		t.Error("level equality ignores the axis")
	}
	if first, _ := other.LookupImpact("fort"); first == ol {
		t.Error("levels of different ranks compare equal")
	}
	if got := m.Label(Level{code: "zz", rank: 1, axis: AxisPriority}, langFR); got != "zz" {
		t.Errorf("unknown level label %q", got)
	}
	if got := m.Label(Level{}, langFR); got != "" {
		t.Errorf("zero level label %q", got)
	}
	var zero Level
	if !zero.IsZero() || zero.Rank() != 0 || zero.Code() != "" || zero.Axis() != 0 || zero.Axis().String() != "" {
		t.Errorf("zero level: %+v", zero)
	}
}

// fields returns the Field of every violation in err, in order.
func fields(err error) []string {
	var out []string
	var walk func(error)
	walk = func(e error) {
		if fe, ok := e.(*FieldError); ok {
			out = append(out, fe.Field)
			return
		}
		if u, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range u.Unwrap() {
				walk(x)
			}
		}
	}
	walk(err)
	return out
}

// violations returns "field: rule_code" for every violation in err.
func violations(err error) []string {
	var out []string
	var walk func(error)
	walk = func(e error) {
		if fe, ok := e.(*FieldError); ok {
			out = append(out, fe.Field+": "+fielderr.RuleCode(fe))
			return
		}
		if u, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range u.Unwrap() {
				walk(x)
			}
		}
	}
	walk(err)
	return out
}

func levels(codes ...string) []LevelConfig {
	out := make([]LevelConfig, len(codes))
	for i, c := range codes {
		out[i] = LevelConfig{Code: c}
	}
	return out
}

// grid builds Cells from rows of priority codes, rows in criticality order.
func grid(crit, imp []string, rows ...[]string) map[string]map[string]string {
	cells := map[string]map[string]string{}
	for ci, c := range crit {
		cells[c] = map[string]string{}
		for ii, i := range imp {
			cells[c][i] = rows[ci][ii]
		}
	}
	return cells
}

func TestNewShapes(t *testing.T) {
	// 4 criticalities × 2 impacts, 3 priorities: any N × M works.
	crit := []string{"vitale", "haute", "moyenne", "faible"}
	imp := []string{"total", "partiel"}
	m := mustNew(t, Config{
		Criticality: levels(crit...), Impact: levels(imp...), Priorities: levels("U", "N", "L"),
		Cells: grid(crit, imp, []string{"U", "U"}, []string{"U", "N"}, []string{"N", "L"}, []string{"L", "L"}),
	})
	for _, tt := range []struct{ c, i, want string }{
		{"vitale", "partiel", "U"}, {"haute", "partiel", "N"}, {"moyenne", "total", "N"}, {"faible", "total", "L"},
	} {
		if p, err := m.Priority(tt.c, tt.i); err != nil || p.Code() != tt.want {
			t.Errorf("Priority(%s, %s) = %v, %v; want %s (the grid above)", tt.c, tt.i, p, err, tt.want)
		}
	}
	// 1 × 1.
	one := mustNew(t, Config{Criticality: levels("c"), Impact: levels("i"), Priorities: levels("P"),
		Cells: map[string]map[string]string{"c": {"i": "P"}}})
	if p, err := one.Priority("c", "i"); err != nil || p.Code() != "P" || p.Rank() != 1 {
		t.Errorf("1x1: %v %v", p, err)
	}
}

// bigConfig is an n × n matrix (for n > linearMax lookups use the map)
// with 2n-1 priorities; cell (ci, ii) has priority rank ci+ii+1, which grows
// with both indexes, so the matrix is monotone.
func bigConfig(n int) Config {
	var crit, imp, prio []string
	for i := range n {
		crit = append(crit, fmt.Sprintf("c%02d", i))
		imp = append(imp, fmt.Sprintf("i%02d", i))
	}
	for p := range 2*n - 1 {
		prio = append(prio, fmt.Sprintf("P%d", p+1))
	}
	rows := make([][]string, n)
	for ci := range n {
		rows[ci] = make([]string, n)
		for ii := range n {
			rows[ci][ii] = prio[ci+ii] // rank ci+ii+1: rises with both indexes
		}
	}
	return Config{Criticality: levels(crit...), Impact: levels(imp...), Priorities: levels(prio...), Cells: grid(crit, imp, rows...)}
}

func TestNewLargeUsesMapIndex(t *testing.T) {
	m := mustNew(t, bigConfig(12))
	if m.impl().crit.pos == nil {
		t.Fatal("12 levels should use the map index")
	}
	// c03 × i05: rank 3+5+1 = 9.
	if p, err := m.Priority("c03", "i05"); err != nil || p.Code() != "P9" || p.Rank() != 9 {
		t.Errorf("Priority(c03, i05) = %v %v, want P9", p, err)
	}
	if _, err := m.Priority("c12", "i00"); !errors.Is(err, ErrUnknownLevel) {
		t.Errorf("unknown code on a map axis: %v", err)
	}
}

func TestNewErrors(t *testing.T) {
	crit := []string{"haute", "faible"}
	imp := []string{"fort", "reduit"}
	ok := func() Config {
		return Config{Criticality: levels(crit...), Impact: levels(imp...), Priorities: levels("P1", "P2", "P3"),
			Cells: grid(crit, imp, []string{"P1", "P2"}, []string{"P2", "P3"})}
	}
	tests := []struct {
		name   string
		edit   func(*Config)
		want   []string
		detail string // Detail of the first violation, when checked
	}{
		{"empty axes", func(c *Config) { c.Criticality, c.Impact, c.Priorities = nil, []LevelConfig{}, nil },
			[]string{"criticality: empty_axis", "impact: empty_axis", "priorities: empty_axis"}, ""},
		{"too many levels", func(c *Config) { c.Priorities = bigConfig(40).Priorities }, // 2*40-1 = 79 > 64
			[]string{"priorities: too_many_levels"}, ""},
		{"bad and duplicate codes", func(c *Config) {
			c.Impact = levels("fort", "reduit", "fort", "", "a.b", "-x", "é")
			c.Cells = grid(crit, []string{"fort", "reduit"}, []string{"P1", "P2"}, []string{"P2", "P3"})
		}, []string{"impact[2].code: duplicate_level", "impact[3].code: invalid_code", "impact[4].code: invalid_code",
			"impact[5].code: invalid_code", "impact[6].code: invalid_code"}, ""},
		{"bad labels", func(c *Config) {
			c.Criticality[0].FR = "Haute\nurgence"
			c.Criticality[1].EN = strings.Repeat("é", 101) // 101 characters > 100
			c.Source = "\x00"
		}, []string{"criticality[0].fr: invalid_label", "criticality[1].en: invalid_label", "source: invalid_source"}, ""},
		{"missing and unknown cells", func(c *Config) {
			delete(c.Cells["faible"], "reduit")
			c.Cells["haute"]["fort"] = "P9"
			c.Cells["moyenne"] = map[string]string{"fort": "P1"}
			c.Cells["faible"]["moyen"] = "P3"
		}, []string{"cells.faible.moyen: unknown_level", "cells.faible.reduit: missing_cell",
			"cells.haute.fort: unknown_level", "cells.moyenne: unknown_level"}, ""},
		{"missing row", func(c *Config) { delete(c.Cells, "haute") },
			[]string{"cells.haute.fort: missing_cell", "cells.haute.reduit: missing_cell"}, ""},
		{"equal neighbours are allowed", func(c *Config) { c.Cells["haute"]["reduit"] = "P3" }, // = faible×reduit P3
			nil, ""},
		{"not monotone, one pair", func(c *Config) { c.Cells["haute"]["reduit"] = "P3"; c.Cells["faible"]["reduit"] = "P2" },
			// haute×reduit P3 is less urgent than faible×reduit P2 (criticality
			// lower); faible×fort P2 = faible×reduit P2 is fine; haute×fort P1
			// vs haute×reduit P3 fine.
			[]string{"cells.haute.reduit: not_monotone"},
			"less urgent than P2 at cells.faible.reduit, whose criticality is lower"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := ok()
			tt.edit(&cfg)
			_, err := New(cfg)
			if diff := cmp.Diff(tt.want, violations(err)); diff != "" {
				t.Fatalf("violations (-want +got):\n%s\nerror: %v", diff, err)
			}
			if tt.detail != "" {
				var fe *FieldError
				errors.As(err, &fe)
				if fe.Detail != tt.detail {
					t.Errorf("detail %q, want %q", fe.Detail, tt.detail)
				}
			}
		})
	}
}

// TestNotMonotoneReportsEveryCell inverts the contract's matrix (P4 where
// P1 was...). Every neighbouring pair then breaks the rule: 3 rows × 2
// horizontal pairs + 2 vertical pairs × 3 columns = 12 pairs, except the
// pairs that were equal in the original (Réduit: Moyenne P4 = Faible P4;
// Faible: Moyen P4 = Réduit P4), which stay equal: 10 violations.
func TestNotMonotoneReportsEveryCell(t *testing.T) {
	cfg := Default().Config()
	inv := map[string]string{"P1": "P4", "P2": "P3", "P3": "P2", "P4": "P1"}
	for _, row := range cfg.Cells {
		for k, v := range row {
			row[k] = inv[v]
		}
	}
	_, err := New(cfg)
	got := violations(err)
	if len(got) != 10 {
		t.Fatalf("%d violations, want 10: %v", len(got), got)
	}
	for _, v := range got {
		if v[len(v)-len("not_monotone"):] != "not_monotone" {
			t.Errorf("unexpected violation %s", v)
		}
	}
	if !errors.Is(err, ErrNotMonotone) {
		t.Error("errors.Is(err, ErrNotMonotone) = false")
	}
	if !sort.StringsAreSorted(fields(err)) {
		t.Error("violations not sorted by field")
	}
}

// TestMonotoneAgainstBruteForce checks New's neighbour test against the
// definition on every pair of cells, over all 3 × 2 matrices with 3
// priorities (3^6 = 729 matrices).
func TestMonotoneAgainstBruteForce(t *testing.T) {
	crit, imp, prio := []string{"a", "b", "c"}, []string{"x", "y"}, []string{"P1", "P2", "P3"}
	for n := range 729 {
		var r [3][2]int
		k := n
		for ci := range 3 {
			for ii := range 2 {
				r[ci][ii] = k % 3
				k /= 3
			}
		}
		monotone := true
		for ci := range 3 {
			for ii := range 2 {
				for cj := ci; cj < 3; cj++ {
					for ij := ii; ij < 2; ij++ {
						// (ci, ii) is at least as severe on both axes.
						if r[ci][ii] > r[cj][ij] {
							monotone = false
						}
					}
				}
			}
		}
		rows := [][]string{{prio[r[0][0]], prio[r[0][1]]}, {prio[r[1][0]], prio[r[1][1]]}, {prio[r[2][0]], prio[r[2][1]]}}
		_, err := New(Config{Criticality: levels(crit...), Impact: levels(imp...), Priorities: levels(prio...), Cells: grid(crit, imp, rows...)})
		if (err == nil) != monotone {
			t.Fatalf("matrix %v: New error %v, brute force monotone=%v", r, err, monotone)
		}
	}
}

func TestConfigRoundTripAndNoAliasing(t *testing.T) {
	cfg := bigConfig(3)
	cfg.Source = "test"
	cfg.Criticality[0].FR = "Zéro"
	snapshot := bigConfig(3)
	snapshot.Source = "test"
	snapshot.Criticality[0].FR = "Zéro"
	m := mustNew(t, cfg)
	if diff := cmp.Diff(snapshot, cfg); diff != "" {
		t.Errorf("New mutated its Config (-before +after):\n%s", diff)
	}
	cfg.Cells["c00"]["i00"] = "P5" // later changes to cfg do not reach m
	cfg.Criticality[1].Code = "zz"
	if p, _ := m.Priority("c00", "i00"); p.Code() != "P1" {
		t.Errorf("matrix aliased its Config: %v", p)
	}
	if diff := cmp.Diff(snapshot, m.Config()); diff != "" {
		t.Errorf("Config() (-want +got):\n%s", diff)
	}
	if !mustNew(t, m.Config()).Equal(m) {
		t.Error("New(m.Config()) is not Equal to m")
	}
	ls := m.Criticalities()
	ls[0] = Level{}
	if m.Criticalities()[0].IsZero() {
		t.Error("Criticalities returned the internal slice")
	}
	if m.Equal(Default()) || !Default().Equal(Matrix{}) {
		t.Error("Equal")
	}
}

// TestConcurrentUse shares one matrix and one classifier across goroutines
// (run with -race).
func TestConcurrentUse(t *testing.T) {
	m := mustNew(t, bigConfig(10))
	c := Classifier{}
	want := m.Markdown(langFR)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				p, err := m.Priority(fmt.Sprintf("c%02d", i%10), fmt.Sprintf("i%02d", g))
				if err != nil || p.Rank() != i%10+g+1 {
					t.Errorf("Priority: %v %v", p, err)
				}
				if m.Markdown(langFR) != want {
					t.Error("Markdown differs between goroutines")
				}
				q, err := c.Classify("statistiques", Scope{Objects: AllObjects})
				if err != nil || q.Priority.Code() != "P3" || q.Reason(langEN) == "" {
					t.Errorf("Classify: %v %v", q, err)
				}
				if _, err := ParseJSON(defaultJSON); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
}

// TestPriorityDoesNotAllocate locks the hot-path claim for both index
// kinds (a scan for short axes, a map for long ones).
func TestPriorityDoesNotAllocate(t *testing.T) {
	small, big := Default(), mustNew(t, bigConfig(12))
	var sink Level
	if n := testing.AllocsPerRun(1000, func() { sink, _ = small.Priority("faible", "moyen") }); n != 0 {
		t.Errorf("Priority on 3x3: %v allocs, want 0", n)
	}
	if n := testing.AllocsPerRun(1000, func() { sink, _ = big.Priority("c07", "i11") }); n != 0 {
		t.Errorf("Priority on 12x12: %v allocs, want 0", n)
	}
	if n := testing.AllocsPerRun(1000, func() { sink, _ = Matrix{}.Priority("haute", "fort") }); n != 0 {
		t.Errorf("Priority on the zero Matrix: %v allocs, want 0", n)
	}
	_ = sink
}

// TestCmpOnLevels: go-cmp compares structs holding levels through
// Level.Equal (the fields are unexported).
func TestCmpOnLevels(t *testing.T) {
	type row struct {
		P Level
	}
	a, _ := Default().LookupPriority("P1")
	b, _ := Default().LookupPriority("P2")
	if cmp.Diff(row{a}, row{a}) != "" || cmp.Equal(row{a}, row{b}) {
		t.Error("cmp on levels")
	}
	var m Matrix
	if err := json.Unmarshal([]byte("null"), &m); err != nil || !m.Equal(Default()) {
		t.Errorf("null: %v", err)
	}
}
