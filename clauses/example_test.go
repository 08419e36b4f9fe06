package clauses_test

import (
	"fmt"
	"os"
	"strings"
	"testing/fstest"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/clauses"
	"github.com/openmarches/marches/procurement"
)

// A two-clause library in memory; real libraries are directories.
var exampleFS = fstest.MapFS{
	"manifest.json": {Data: []byte(`{
  "library": "exemple", "version": "1",
  "documents": [{"id": "ccap", "title": "Cahier des clauses administratives particulières", "short": "CCAP"}],
  "variables": [{"name": "preavis", "type": "duration", "default": "P3M"}],
  "clauses": ["duree.md", "resiliation.md"]
}`)},
	"duree.md": {Data: []byte(`---
id: ccap.duree
version: 1
title: Durée
documents: ccap
position: 10
---
Le marché dure {{durationMonths}} mois ; il peut être résilié selon l'article {{ref ccap.resiliation}}.
`)},
	"resiliation.md": {Data: []byte(`---
id: ccap.resiliation
version: 1
title: Résiliation
documents: ccap
parent: ccap.duree
position: 10
condition: durationMonths > 12
variables: preavis
---
Préavis : {{preavis}}.
`)},
}

func Example() {
	lib, err := clauses.Load(exampleFS)
	if err != nil {
		fmt.Println(err)
		return
	}
	c := procurement.Consultation{Reference: "2026-01", Title: "Hébergement", DurationMonths: 24,
		Buyer: procurement.Buyer{Name: "Commune d'Exemple"}, Procedure: procurement.ProcedureAdapted}
	doc, err := lib.Assemble("ccap", clauses.Input{Consultation: c})
	if err != nil {
		fmt.Println(err)
		return
	}
	// No-break spaces (before "mois", in amounts) are shown as spaces.
	md := strings.ReplaceAll(string(doc.Markdown()), "\u00a0", " ")
	fmt.Print(md[strings.Index(md, "## Article 1"):])
	// Output:
	// ## Article 1 – Durée
	//
	// Le marché dure 24 mois ; il peut être résilié selon l'article 1.1.
	//
	// ### 1.1 – Résiliation
	//
	// Préavis : 3 mois.
}

func ExampleParseCondition() {
	c, err := clauses.ParseCondition(`procedure == "ouvert" and lots > 1`)
	fmt.Println(c.Names(), err)
	_, err = clauses.ParseCondition(`procedure = "ouvert"`)
	fmt.Println(err)
	// Output:
	// [lots procedure] <nil>
	// clauses: invalid condition: write == to compare at line 1, column 11 near "= \"ouvert\""
}

func ExampleFormatDate() {
	fmt.Println(clauses.FormatDate(calendar.MustDate(2026, 4, 22)))
	fmt.Println(clauses.FormatDate(calendar.MustDate(2026, 5, 1)))
	// Output:
	// 22 avril 2026
	// 1er mai 2026
}

func ExampleFormatDuration() {
	s, _ := clauses.FormatDuration("P3M")
	fmt.Printf("%q\n", s)
	// Output: "3\u00a0mois"
}

func ExampleStarter() {
	lib, err := clauses.Starter()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(lib.Name(), lib.Version(), len(lib.Clauses()), "clauses")
	for _, d := range lib.Documents() {
		fmt.Println(d.Short, "–", d.Title)
	}
	// Output:
	// marches-starter 2026.1 50 clauses
	// RC – Règlement de la consultation
	// CCAP – Cahier des clauses administratives particulières
	// AE – Acte d'engagement
}

func ExampleCompose() {
	lib, _ := clauses.Load(exampleFS)
	layer, err := clauses.LoadLayer(fstest.MapFS{"layer.json": {Data: []byte(`{
  "layer": "client", "vendor": "exemple",
  "changes": [
    {"op": "default", "variable": "preavis", "value": "P6M", "against": {"library": "1"}},
    {"op": "disable", "clause": "ccap.resiliation", "against": {"library": "1", "clause": 1}}
  ]}`)}})
	if err != nil {
		fmt.Println(err)
		return
	}
	composed, err := clauses.Compose(lib, layer)
	fmt.Println(composed.Disabled(), err)
	// The duration article now refers to a disabled clause.
	for _, p := range clauses.Lint(composed, clauses.LintConfig{}) {
		fmt.Println(p.Rule, p.File, p.Line)
	}
	// Output:
	// [ccap.resiliation] <nil>
	// unused_variable client:layer.json 1
	// broken_ref duree.md 8
}

func ExampleLint() {
	lib, _ := clauses.Load(exampleFS)
	fmt.Println(len(clauses.Lint(lib, clauses.LintConfig{})), "problems")
	// Output: 0 problems
}

func ExampleUnifiedDiff() {
	fmt.Print(clauses.UnifiedDiff("v1", "v2", "Préavis de 3 mois.\n", "Préavis de 6 mois.\n"))
	// Output:
	// --- v1
	// +++ v2
	// @@ -1,1 +1,1 @@
	// -Préavis de 3 mois.
	// +Préavis de 6 mois.
}

func ExampleUpgrade() {
	from, _ := clauses.Load(os.DirFS("testdata/mini-v1"))
	to, _ := clauses.Load(os.DirFS("testdata/mini-v2"))
	layer, err := clauses.LoadLayer(os.DirFS("testdata/layer-client"))
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := clauses.Upgrade(from, to, layer)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range r.Changes {
		fmt.Println(c.Op, c.Clause+c.Variable, c.Status)
	}
	fmt.Println("new:", r.NewUpstream[0].Clause, "removed:", r.RemovedUpstream, "updated:", r.UpdatedUpstream)
	// Output:
	// replace a.penalites changed_upstream
	// disable a.audit removed_upstream
	// insert ville.insertion unchanged
	// default delai.jours changed_upstream
	// replace a.objet unchanged
	// new: a.securite removed: [a.audit] updated: [a.litiges]
}

func ExampleDocument_DOCX() {
	lib, _ := clauses.Load(exampleFS)
	// With 6 months, the termination clause is left out and the duration
	// article's reference to it is broken.
	_, err := lib.Assemble("ccap", clauses.Input{Consultation: procurement.Consultation{DurationMonths: 6}})
	fmt.Println(err)
	doc, _ := lib.Assemble("ccap", clauses.Input{Consultation: procurement.Consultation{DurationMonths: 24}})
	b, err := doc.DOCX()
	fmt.Println(string(b[:2]), err, doc.ArticleCount(), "articles")
	fmt.Println(clauses.DOCXParts()[4])
	// Output:
	// duree.md:8: ccap.duree: clauses: cross-reference names no clause of the assembled documents ({{ref ccap.resiliation}} names no clause of the assembled documents at column 79 near "{{ref ccap.resiliati")
	// PK <nil> 2 articles
	// word/document.xml
}

func ExampleParseTemplate() {
	_, err := clauses.ParseTemplate("Lots :\n{{#each lots as lot}}\n- {{lot.title}}\n")
	fmt.Println(err)
	// Output: clauses: invalid template directive: {{#each}} is not closed at line 2, column 1 near "{{#each lots as lot}"
}
