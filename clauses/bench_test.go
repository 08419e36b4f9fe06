package clauses

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"text/template"
)

// refRE finds {{ref id}}, which the naive version writes as a fixed number.
var refRE = regexp.MustCompile(`\{\{ref [^}]*\}\}`)

// bigLibrary is a 300-clause CCAP: 100 articles with 2 sub-articles each,
// every body with values, a condition, a cross-reference, a list, and a
// table every tenth article.
func bigLibrary(b *testing.B) (*Library, []string) {
	fsys := fstest.MapFS{}
	var files []string
	var raw []string
	for i := 0; i < 100; i++ {
		for j := 0; j < 3; j++ {
			id := fmt.Sprintf("c%03d", i)
			extra := ""
			if j > 0 {
				id = fmt.Sprintf("c%03d.%d", i, j)
				extra = fmt.Sprintf("parent: c%03d\n", i)
			}
			body := fmt.Sprintf("Le titulaire exécute les prestations de l'article pour {{buyer.name}} pendant {{durationMonths}} mois, au prix de {{estimatedValue}}, voir l'article {{ref c%03d}}.\n\n{{#if procedure == \"ouvert\"}}\nProcédure : {{procedure.label}}.\n{{/if}}\n\n- premier point\n- second point, délai {{preavis}}\n", (i+1)%100)
			if i%10 == 0 && j == 0 {
				body += "\n| Lot | Intitulé | Montant |\n| --- | --- | --- |\n{{#each lots as lot}}\n| {{lot.number}} | {{lot.title}} | {{lot.estimatedValue}} |\n{{/each}}\n"
			}
			name := id + ".md"
			fsys[name] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\nid: %s\nversion: 1\ntitle: Article %s\ndocuments: ccap\n%sposition: %d\nvariables: preavis\n---\n%s", id, id, extra, j*10+i, body))}
			files = append(files, `"`+name+`"`)
			raw = append(raw, body)
		}
	}
	fsys["manifest.json"] = &fstest.MapFile{Data: []byte(`{"library": "big", "version": "1", "documents": [{"id": "ccap", "title": "CCAP", "short": "CCAP"}],
	"variables": [{"name": "preavis", "type": "duration", "default": "P3M"}], "clauses": [` + strings.Join(files, ",") + `]}`)}
	l, err := Load(fsys)
	if err != nil {
		b.Fatal(err)
	}
	return l, raw
}

// BenchmarkAssemble300 assembles the 300-clause CCAP for the sample
// consultation and renders it (the target: DOCX well under 100 ms),
// beside what a user would otherwise write: the same bodies as
// text/template templates over a map, concatenated (no numbering,
// cross-references, table of contents, typed formatting or DOCX).
func BenchmarkAssemble300(b *testing.B) {
	l, raw := bigLibrary(b)
	in := sampleInput(b)
	in.Values = nil
	s, err := l.NewScope(in)
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range []string{"md", "html", "docx"} {
		b.Run("marches/"+f, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d, err := l.AssembleScope("ccap", s)
				if err != nil {
					b.Fatal(err)
				}
				switch f {
				case "md":
					_ = d.Markdown()
				case "html":
					_ = d.HTML()
				case "docx":
					if _, err := d.DOCX(); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
	// The naive alternative: text/template with the values preformatted in
	// a map; parsing the templates is left out of the loop, as a user would
	// parse them once.
	var tpls []*template.Template
	for i, body := range raw {
		src := strings.NewReplacer("{{#if procedure == \"ouvert\"}}", `{{if eq .procedure "ouvert"}}`, "{{/if}}", "{{end}}",
			"{{#each lots as lot}}", "{{range .lots}}", "{{/each}}", "{{end}}", "{{lot.", "{{.").Replace(refRE.ReplaceAllString(body, "1"))
		src = strings.NewReplacer("{{buyer.name}}", "{{.buyer}}", "{{durationMonths}}", "{{.duration}}", "{{estimatedValue}}", "{{.value}}",
			"{{procedure.label}}", "{{.label}}", "{{preavis}}", "{{.preavis}}").Replace(src)
		t, err := template.New(fmt.Sprint(i)).Parse(src)
		if err != nil {
			b.Fatal(err)
		}
		tpls = append(tpls, t)
	}
	data := map[string]any{"buyer": "SIPAN", "duration": 24, "value": "138 000,00 € HT", "procedure": "ouvert", "label": "appel d'offres ouvert", "preavis": "3 mois",
		"lots": []map[string]any{{"number": 1, "title": "Maintenance", "estimatedValue": "90 000,00 € HT"}, {"number": 2, "title": "Hébergement", "estimatedValue": "48 000,00 € HT"}}}
	b.Run("text-template/md", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var sb strings.Builder
			for i, t := range tpls {
				fmt.Fprintf(&sb, "## Article %d\n\n", i+1)
				if err := t.Execute(&sb, data); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// BenchmarkStarter assembles the sample consultation's RC, CCAP and AE
// from the starter clausier and renders each to Markdown, HTML and DOCX.
func BenchmarkStarter(b *testing.B) {
	l := starterT(b)
	s, err := l.NewScope(sampleInput(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		docs, err := l.AssembleAll(s)
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range docs {
			_ = d.Markdown()
			_ = d.HTML()
			if _, err := d.DOCX(); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkLoadStarter(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(starterFS()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCondition(b *testing.B) {
	c := MustParseCondition(`procedure == "ouvert" and lots > 1 and revision.index == "Syntec"`)
	s := &Scope{vars: map[string]value{"procedure": strValue("ouvert"), "lots": listValue([]value{intValue(1), intValue(2)}), "revision.index": strValue("Syntec")}}
	b.ReportAllocs()
	for b.Loop() {
		if ok, err := c.Eval(s); !ok || err != nil {
			b.Fatal(ok, err)
		}
	}
}
