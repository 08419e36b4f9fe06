package priority

import (
	"bytes"
	"errors"
	"testing"

	"github.com/openmarches/marches/internal/fielderr"
)

// FuzzParseJSON: the loader never panics; an error is a list of
// *FieldError each carrying a rule; an accepted matrix round-trips through
// MarshalJSON byte for byte, agrees cell by cell with its Config, is
// monotone by a brute-force check over every pair of cells, and renders a
// well-formed Markdown table.
func FuzzParseJSON(f *testing.F) {
	f.Add(defaultJSON)
	f.Add(mustRead("testdata/five_levels.json"))
	f.Add([]byte(`{"criticality":[{"code":"a"}],"impact":[{"code":"x"}],"priorities":[{"code":"P1"}],"cells":{"a":{"x":"P1"}}}`))
	f.Add([]byte(`{"criticality":[{"code":"a"},{"code":"b"}],"impact":[{"code":"x"},{"code":"y"}],"priorities":[{"code":"P1"},{"code":"P2"}],"cells":{"a":{"x":"P2","y":"P1"},"b":{"x":"P1","y":"P1"}}}`))
	f.Add([]byte(`{"criticality":[{"code":"a","fr":"x|y\\"}],"impact":[{"code":"x","en":"\u00e9"}],"priorities":[{"code":"P1"}],"cells":{"a":{"x":"P1","x":"P1"}}}`))
	f.Add([]byte(`{"criticality": [`))
	f.Add([]byte(`[[[[[[[[[[]]]]]]]]]]`))
	f.Add([]byte(`{"source":1e999,"criticality":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		m, err := ParseJSON(data)
		if err != nil {
			checkErrorShape(t, err)
			if m.m != nil {
				t.Fatal("non-zero matrix with an error")
			}
			return
		}
		b, err := m.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		m2, err := ParseJSON(b)
		if err != nil {
			t.Fatalf("MarshalJSON output rejected: %v\n%s", err, b)
		}
		if !m2.Equal(m) {
			t.Fatal("round trip changed the matrix")
		}
		if b2, _ := m2.MarshalJSON(); !bytes.Equal(b, b2) {
			t.Fatalf("MarshalJSON not stable:\n%s\n%s", b, b2)
		}
		cfg := m.Config()
		if m3, err := New(cfg); err != nil || !m3.Equal(m) {
			t.Fatalf("New(Config()): %v", err)
		}
		crit, imp := m.Criticalities(), m.Impacts()
		rank := make([][]int, len(crit))
		for ci, c := range crit {
			rank[ci] = make([]int, len(imp))
			for ii, i := range imp {
				p, err := m.Priority(c.Code(), i.Code())
				if err != nil || p.Code() != cfg.Cells[c.Code()][i.Code()] || p.Axis() != AxisPriority {
					t.Fatalf("Priority(%s, %s) = %v %v, config says %s", c, i, p, err, cfg.Cells[c.Code()][i.Code()])
				}
				rank[ci][ii] = p.Rank()
			}
		}
		if len(crit)*len(imp) <= 256 {
			for ci := range crit {
				for ii := range imp {
					for cj := ci; cj < len(crit); cj++ {
						for ij := ii; ij < len(imp); ij++ {
							if rank[ci][ii] > rank[cj][ij] {
								t.Fatalf("accepted a non-monotone matrix: %s×%s rank %d > %s×%s rank %d",
									crit[ci], imp[ii], rank[ci][ii], crit[cj], imp[ij], rank[cj][ij])
							}
						}
					}
				}
			}
		}
		checkTable(t, m.Markdown(langFR), m)
		checkTable(t, m.Markdown(langEN), m)
	})
}

// checkErrorShape: every leaf of err is a *FieldError whose Err is a rule
// of this package.
func checkErrorShape(t *testing.T, err error) {
	t.Helper()
	leaves := []error{err}
	if u, ok := err.(interface{ Unwrap() []error }); ok {
		leaves = u.Unwrap()
	}
	if len(leaves) == 0 {
		t.Fatalf("empty error list %v", err)
	}
	for _, e := range leaves {
		var fe *FieldError
		var r *fielderr.Rule
		if !errors.As(e, &fe) || !errors.As(fe.Err, &r) {
			t.Fatalf("error %T %v is not a *FieldError with a rule", e, e)
		}
	}
}

// FuzzClassify: any function name and scope values give a qualification
// or a rule error, never a panic; a qualification's impact is the tier of
// its rule and its priority the matrix's cell.
func FuzzClassify(f *testing.F) {
	f.Add("dépôt électronique des offres", 4, 3, 0)
	f.Add("Statistiques", 0, 0, 3)
	f.Add("enchères électroniques", 1, 2, 1)
	f.Add("", -1, 9, 7)
	f.Add("\xff", 2, 0, 0)
	c := Classifier{}
	m := Default()
	f.Fuzz(func(t *testing.T, function string, users, effect, objects int) {
		q, err := c.Classify(function, Scope{Users(users), Effect(effect), Objects(objects)})
		if err != nil {
			checkErrorShape(t, err)
			return
		}
		if want := [3]string{"fort", "moyen", "reduit"}[q.Rule.tier()]; q.Impact.Code() != want {
			t.Fatalf("rule %v with impact %v", q.Rule, q.Impact)
		}
		if p, _ := m.PriorityOf(q.Criticality, q.Impact); p != q.Priority {
			t.Fatalf("priority %v, matrix says %v", q.Priority, p)
		}
		if q.Reason(langFR) == "" || q.Reason(langEN) == "" {
			t.Fatal("empty reason")
		}
	})
}
