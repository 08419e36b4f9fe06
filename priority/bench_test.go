package priority

import "testing"

var sinkLevel Level
var sinkString string
var sinkInt int

// naiveMatrix is what a user would otherwise write: nested maps of codes.
func naiveMatrix(cfg Config) map[string]map[string]string { return cfg.Cells }

// BenchmarkPriority looks up every cell in turn, ours beside a
// map[string]map[string]string holding the same cells.
func BenchmarkPriority(b *testing.B) {
	for _, size := range []struct {
		name string
		cfg  Config
	}{{"3x3", Default().Config()}, {"12x12", bigConfig(12)}} {
		m := mustNew(b, size.cfg)
		naive := naiveMatrix(size.cfg)
		var pairs [][2]string
		for _, c := range size.cfg.Criticality {
			for _, i := range size.cfg.Impact {
				pairs = append(pairs, [2]string{c.Code, i.Code})
			}
		}
		b.Run(size.name+"/marches", func(b *testing.B) {
			b.ReportAllocs()
			k, sum := 0, 0
			for b.Loop() {
				p := pairs[k]
				if k++; k == len(pairs) {
					k = 0
				}
				l, err := m.Priority(p[0], p[1])
				if err != nil {
					b.Fatal(err)
				}
				sum += l.Rank()
			}
			sinkInt = sum
		})
		b.Run(size.name+"/naive-nested-maps", func(b *testing.B) {
			b.ReportAllocs()
			k, sum := 0, 0
			for b.Loop() {
				p := pairs[k]
				if k++; k == len(pairs) {
					k = 0
				}
				row, ok := naive[p[0]]
				if !ok {
					b.Fatal("unknown")
				}
				v, ok := row[p[1]]
				if !ok {
					b.Fatal("unknown")
				}
				sum += len(v)
			}
			sinkInt = sum
		})
	}
}

func BenchmarkParseJSON(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseJSON(defaultJSON); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarkdown(b *testing.B) {
	m := Default()
	b.ReportAllocs()
	for b.Loop() {
		sinkString = m.Markdown(langFR)
	}
}

// BenchmarkClassify: a name as listed in the catalogue (map hit), and a
// name that must be normalized (case, accents, spaces) first.
func BenchmarkClassify(b *testing.B) {
	c := Classifier{}
	for _, name := range []string{"dépôt électronique des offres", "Depot  Electronique des offres"} {
		b.Run(map[bool]string{true: "listed", false: "normalized"}[name == "dépôt électronique des offres"], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				q, err := c.Classify(name, Scope{Users: UserClass, Effect: Blocked})
				if err != nil {
					b.Fatal(err)
				}
				sinkLevel = q.Priority
			}
		})
	}
}
