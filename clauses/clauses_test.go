package clauses

import (
	"errors"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/procurement"
)

func sampleConsultation(t testing.TB) procurement.Consultation {
	t.Helper()
	data, err := os.ReadFile("../procurement/testdata/sample_consultation.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := procurement.ParseConsultation(data)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// sampleInput is the sample consultation with the two values the starter
// clausier requires.
func sampleInput(t testing.TB) Input {
	return Input{Consultation: sampleConsultation(t), Values: map[string]any{
		"tribunal": "Tribunal administratif de Paris", "rc.plateforme": "https://achats.sipan.example.fr",
	}}
}

func starterT(t testing.TB) *Library {
	t.Helper()
	l, err := Starter()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestSchemasCompile(t *testing.T) {
	for name, f := range map[string]func() (any, error){
		"clause":   func() (any, error) { return clauseSchema() },
		"manifest": func() (any, error) { return manifestSchema() },
		"layer":    func() (any, error) { return layerSchema() },
	} {
		if _, err := f(); err != nil {
			t.Errorf("%s schema: %v", name, err)
		}
	}
}

// TestFormats: the French forms of values. Expected strings are the
// French typographic conventions: day "1er" on the first of the month,
// U+202F between thousands and before %, U+00A0 before € and before HT
// (CLDR "fr", as pricing.Amount.Format documents).
func TestFormats(t *testing.T) {
	tests := []struct {
		name string
		typ  Type
		raw  any
		tax  string
		want string
	}{
		{"date", TypeDate, "2026-04-22", "", "22 avril 2026"},
		{"date first of month", TypeDate, "2026-05-01", "", "1er mai 2026"},
		{"date calendar value", TypeDate, calendar.MustDate(2026, 8, 15), "", "15 août 2026"},
		{"amount HT", TypeAmount, "9000", "HT", "9\u202f000,00\u00a0€\u00a0HT"},
		{"amount TTC", TypeAmount, "1234.5", "TTC", "1\u202f234,50\u00a0€\u00a0TTC"},
		{"amount no tax", TypeAmount, "12", "", "12,00\u00a0€"},
		{"percent", TypePercent, "99.9", "", "99,9\u202f%"},
		{"percent with sign", TypePercent, "5 %", "", "5\u202f%"},
		{"integer grouped", TypeInteger, "10000", "", "10\u202f000"},
		{"integer 4 digits ungrouped", TypeInteger, 2026, "", "2026"},
		{"decimal keeps places", TypeDecimal, "0.150", "", "0,150"},
		{"duration months", TypeDuration, "P3M", "", "3\u00a0mois"},
		{"duration one year", TypeDuration, "P1Y", "", "1\u00a0an"},
		{"duration years", TypeDuration, "P2Y", "", "2\u00a0ans"},
		{"duration hours", TypeDuration, "PT4H", "", "4\u00a0heures"},
		{"duration one day", TypeDuration, "P1D", "", "1\u00a0jour"},
		{"bool", TypeBool, true, "", "oui"},
		{"formula canonical", TypeFormula, "P = P0 x (0,15 + 0,85 x S/S0)", "", "P = P0 × (0,15 + 0,85 × S/S0)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, msg := convert(tt.typ, tt.raw, nil, tt.tax, 0, nil)
			if msg != "" {
				t.Fatal(msg)
			}
			if v.text != tt.want {
				t.Errorf("got %q, want %q", v.text, tt.want)
			}
		})
	}
	// A list of scalars is written "a, b et c".
	v, msg := convert(TypeList, []any{"a", "b", "c"}, nil, "", TypeText, nil)
	if msg != "" || v.text != "a, b et c" {
		t.Errorf("list: %q %q", v.text, msg)
	}
}

func TestConvertRejects(t *testing.T) {
	for _, tt := range []struct {
		name string
		typ  Type
		raw  any
	}{
		{"date", TypeDate, "2026-02-30"},
		{"amount with comma", TypeAmount, "9 000,00"},
		{"integer fraction", TypeInteger, "1.5"},
		{"duration two units", TypeDuration, "P1Y2M"},
		{"duration zero", TypeDuration, "P0D"},
		{"enum", TypeEnum, "other"},
		{"bool text", TypeBool, "yes"},
		{"formula weights", TypeFormula, "P = P0 x (0,2 + 0,9 S/S0)"},
		{"text number", TypeText, true},
	} {
		if _, msg := convert(tt.typ, tt.raw, []string{"a"}, "", 0, nil); msg == "" {
			t.Errorf("%s: %v accepted", tt.name, tt.raw)
		}
	}
}

func testScope(t *testing.T) *Scope {
	t.Helper()
	l := &Library{varIdx: map[string]int{}}
	l.vars = []Variable{
		{Name: "revision.index", Type: TypeEnum, Values: []string{"Syntec", "ICHT-IME"}, Default: "Syntec"},
		{Name: "opt", Type: TypeInteger},
		{Name: "start", Type: TypeDate, Default: "2026-05-01"},
		{Name: "flag", Type: TypeBool, Default: true},
	}
	for i, v := range l.vars {
		l.varIdx[v.Name] = i
	}
	s, err := l.NewScope(Input{Consultation: sampleConsultation(t)})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestCondition evaluates conditions over the sample consultation (open
// procedure, 2 lots, 24 months, estimated 138 000,00 € HT).
func TestCondition(t *testing.T) {
	s := testScope(t)
	tests := []struct {
		src  string
		want bool
	}{
		{`procedure == "ouvert" and lots > 1`, true},   // 2 lots
		{`procedure == "adapte" or lots > 2`, false},   // neither
		{`revision.index == "Syntec"`, true},           // default
		{`not (durationMonths < 24)`, true},            // 24
		{`estimatedValue >= 138000`, true},             // 138000.00
		{`estimatedValue > 138000.00`, false},          // equal
		{`procedure in ["ouvert", "restreint"]`, true}, // membership
		{`"72260000-5" in additionalCpv`, true},        // list membership
		{`opt == null`, true},                          // unset optional
		{`opt != null`, false},                         //
		{`start >= "2026-05-01" and start < "2026-06-01"`, true},
		{`noticeDispatch == "2026-05-11"`, true},     // sample
		{`flag`, true},                               // bare boolean
		{`procedure.formalised and not flag`, false}, //
		{`lots == 2 and awardCriteria == 2`, true},   // list lengths
		{`buyer.kind == 'local_authority'`, true},    // single quotes
		{``, true}, // empty: always
	}
	for _, tt := range tests {
		c, err := ParseCondition(tt.src)
		if err != nil {
			t.Errorf("%q: %v", tt.src, err)
			continue
		}
		got, err := c.Eval(s)
		if err != nil {
			t.Errorf("%q: %v", tt.src, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%q = %v, want %v", tt.src, got, tt.want)
		}
	}
}

// TestConditionErrors: every error carries its rule and the column of the
// offending token (1-based, counted by hand in each source).
func TestConditionErrors(t *testing.T) {
	s := testScope(t)
	tests := []struct {
		src    string
		rule   error
		column int
		eval   bool
	}{
		{`procedure = "ouvert"`, ErrConditionSyntax, 11, false},
		{`procedure == `, ErrConditionSyntax, 14, false},
		{`lots > 1 &&`, ErrConditionSyntax, 10, false},
		{`(lots > 1`, ErrConditionSyntax, 10, false},
		{`"open`, ErrConditionSyntax, 1, false},
		{`a == b == c`, ErrConditionSyntax, 8, false},
		{`lots > 1x`, ErrConditionSyntax, 9, false},
		{strings.Repeat("(", 40) + "true" + strings.Repeat(")", 40), ErrTooLarge, 33, false}, // 32 levels allowed
		{`procedure > 1`, ErrConditionType, 11, true},
		{`procedure < "z"`, ErrConditionType, 11, true},
		{`opt > 1`, ErrConditionType, 5, true},
		{`durationMonths`, ErrConditionType, 1, true},
		{`nosuch == 1`, ErrUnknownVariable, 1, true},
		{`start == "someday"`, ErrConditionType, 7, true},
	}
	for _, tt := range tests {
		c, err := ParseCondition(tt.src)
		if err == nil && tt.eval {
			_, err = c.Eval(s)
		}
		if !errors.Is(err, tt.rule) {
			t.Errorf("%q: error %v, want %v", tt.src, err, tt.rule)
			continue
		}
		var se *SyntaxError
		if !errors.As(err, &se) || se.Column != tt.column {
			t.Errorf("%q: column %+v, want %d", tt.src, se, tt.column)
		}
	}
}

func TestTemplate(t *testing.T) {
	s := testScope(t)
	tests := []struct {
		name, src, want string
	}{
		{"value", "Durée : {{durationMonths}} mois.", "Durée : 24 mois."},
		{"standalone block lines vanish", "a\n{{#if flag}}\nb\n{{/if}}\nc", "a\nb\nc"},
		{"inline if else", "x{{#if lots > 5}}many{{else}}few{{/if}}y", "xfewy"},
		{"each rows", "| n |\n{{#each lots as lot}}\n| {{lot.number}} |\n{{/each}}", "| n |\n| 1 |\n| 2 |\n"},
		{"nested each", "{{#each lots as l}}{{#each l.awardCriteria as c}}{{c.weight}};{{/each}}{{/each}}", "40;60;40;50;10;"},
		{"escaping", "{{description}}", ""},
		{"ref", "voir {{ref x.y}}", "voir 3.2"},
		{"loop item shadows", "{{#each additionalCpv as title}}{{title}} {{/each}}", "72260000-5 48000000-8 72267000-4 72415000-2 "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tpl, err := ParseTemplate(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			e := &env{base: s.vars}
			err = tpl.execute(e, func(id string) (string, bool) { return "3.2", id == "x.y" }, &b)
			if err != nil {
				t.Fatal(err)
			}
			if tt.name == "escaping" {
				return
			}
			if b.String() != tt.want {
				t.Errorf("got %q, want %q", b.String(), tt.want)
			}
		})
	}
	// Values cannot inject markup: * and | are escaped, line breaks become spaces.
	if got := escapeInline("a*b|c\nd"); got != `a\*b\|c d` {
		t.Errorf("escapeInline = %q", got)
	}
}

func TestTemplateErrors(t *testing.T) {
	tests := []struct {
		src  string
		rule error
		line int
	}{
		{"a\n{{#if x}}\nb", ErrTemplateSyntax, 2},
		{"a\nb {{/if}}", ErrTemplateSyntax, 2},
		{"{{#each lots}}{{/each}}", ErrTemplateSyntax, 1},
		{"{{#if lots >}}{{/if}}", ErrConditionSyntax, 1},
		{"x\n\n{{what is this}}", ErrTemplateSyntax, 3},
		{"{{ref Bad Id}}", ErrTemplateSyntax, 1},
		{"{{#if a}}{{/each}}", ErrTemplateSyntax, 1},
		{"open {{ never closed", ErrTemplateSyntax, 1},
	}
	for _, tt := range tests {
		_, err := ParseTemplate(tt.src)
		var se *SyntaxError
		if !errors.Is(err, tt.rule) || !errors.As(err, &se) || se.Line != tt.line {
			t.Errorf("%q: %v, want %v on line %d", tt.src, err, tt.rule, tt.line)
		}
	}
}

// TestParseClauseProblems: header problems name the line of the key.
func TestParseClauseProblems(t *testing.T) {
	tests := []struct {
		name, text string
		want       []Problem
	}{
		{"no header", "id: x\n", []Problem{{File: "f.md", Line: 1, Rule: "header_syntax"}}},
		{"unclosed", "---\nid: x\n", []Problem{{File: "f.md", Line: 1, Rule: "header_syntax"}}},
		{"bad line and duplicate", "---\nid: a\nnot a pair\nid: b\n---\n", []Problem{
			{File: "f.md", Line: 3, Rule: "header_syntax"}, {File: "f.md", Line: 4, Rule: "header_syntax"}}},
		{"schema", "---\nid: a\nversion: zero\ntitle: T\ncolour: red\n---\n", []Problem{
			{File: "f.md", Line: 3, Rule: "header_schema"}, {File: "f.md", Line: 5, Rule: "header_schema"}}},
		{"missing title", "---\nid: a\nversion: 1\n---\n", []Problem{{File: "f.md", Line: 1, Rule: "header_schema"}}},
		{"condition", "---\nid: a\nversion: 1\ntitle: T\ncondition: lots >\n---\n", []Problem{
			{File: "f.md", Line: 5, Clause: "a", Rule: "condition_syntax"}}},
		{"template", "---\nid: a\nversion: 1\ntitle: T\n---\nline 7\n{{#if x}}\n", []Problem{
			{File: "f.md", Line: 7, Clause: "a", Rule: "template_syntax"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseClause("f.md", []byte(tt.text))
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("error %v", err)
			}
			got := make([]Problem, len(ps))
			for i, p := range ps {
				got[i] = Problem{File: p.File, Line: p.Line, Clause: p.Clause, Rule: p.Rule}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func clauseFile(id, extra, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\nid: " + id + "\nversion: 1\ntitle: T " + id + "\ndocuments: ccap\n" + extra + "---\n" + body)}
}

const miniManifest = `{"library": "t", "version": "1", "documents": [{"id": "ccap", "title": "CCAP", "short": "CCAP"}, {"id": "rc", "title": "RC", "short": "RC"}],
 "variables": [%VARS%], "clauses": [%FILES%]}`

func mapLib(vars string, files map[string]*fstest.MapFile) fstest.MapFS {
	fsys := fstest.MapFS{}
	var names []string
	for n, f := range files {
		fsys[n] = f
		names = append(names, `"`+n+`"`)
	}
	slicesSort(names)
	m := strings.Replace(strings.Replace(miniManifest, "%VARS%", vars, 1), "%FILES%", strings.Join(names, ","), 1)
	fsys["manifest.json"] = &fstest.MapFile{Data: []byte(m)}
	return fsys
}

// TestLoadProblems: structural problems are all reported, by file and line.
func TestLoadProblems(t *testing.T) {
	fsys := mapLib(`{"name": "x", "type": "enum"}, {"name": "y", "type": "integer", "default": "abc"}, {"name": "lots", "type": "integer"}`, map[string]*fstest.MapFile{
		"a.md": clauseFile("a", "parent: b\n", ""),
		"b.md": clauseFile("b", "parent: a\n", ""),
		"c.md": clauseFile("a", "", ""),
		"d.md": clauseFile("d", "parent: nobody\n", ""),
		"e.md": {Data: []byte("---\nid: e\nversion: 1\ntitle: E\ndocuments: ae\n---\n")},
		"f.md": {Data: []byte("---\nid: f\nversion: 1\ntitle: F\n---\n")},
	})
	_, err := Load(fsys)
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error %v", err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.File+":"+itoa(p.Line)+":"+p.Rule)
	}
	want := []string{
		"a.md:6:cycle", "b.md:6:cycle", "c.md:2:duplicate_id", "d.md:6:unknown_parent",
		"e.md:5:unknown_document", "f.md:2:no_document",
		"manifest.json:1:duplicate_variable", "manifest.json:1:invalid_value", "manifest.json:1:variable_type",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// The manifest's schema.
	_, err = Load(fstest.MapFS{"manifest.json": {Data: []byte(`{"library": "Bad Name", "version": "1", "documents": [], "clauses": []}`)}})
	if !errors.Is(err, ErrManifest) {
		t.Errorf("bad manifest: %v", err)
	}
	_, err = Load(fstest.MapFS{})
	if !errors.Is(err, ErrManifest) {
		t.Errorf("no manifest: %v", err)
	}
}

// TestLint: one library, one problem per rule, each with its line (the
// test header takes lines 1-5, extra lines start at 6, the body follows the
// closing ---).
func TestLint(t *testing.T) {
	fsys := mapLib(`{"name": "idx", "type": "enum", "values": ["Syntec"]}, {"name": "unused", "type": "text"}, {"name": "n", "type": "integer", "default": 1}, {"name": "notlisted", "type": "text", "default": "x"},
	 {"name": "prix.forme", "type": "enum", "values": ["ferme", "revisable"], "default": "revisable"}`, map[string]*fstest.MapFile{
		"a.md": clauseFile("a", "condition: idx == \"Syntek\" and nosuch > 1\nvariables: idx, n\n", "Line 8 {{notlisted}}\n{{ref missing.clause}}\n{{#each lots as lot}}{{lot.colour}}{{/each}}\n"),
		"b.md": clauseFile("b", "derogates: 14.1\nvariables: prix.forme\ncondition: prix.forme == \"ferme\"\n", "Pénalités."),
	})
	l, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range Lint(l, LintConfig{}) {
		got = append(got, p.File+":"+itoa(p.Line)+":"+p.Clause+":"+p.Rule)
	}
	want := []string{
		"a.md:6:a:condition_type",      // idx is never "Syntek"
		"a.md:6:a:unknown_variable",    // nosuch
		"a.md:7:a:unused_variable",     // n listed, not used
		"a.md:9:a:variable_not_listed", // notlisted
		"a.md:10:a:broken_ref",         // missing.clause
		"a.md:11:a:unknown_variable",   // lot.colour
		"b.md:6:b:derogations_not_listed",
		"manifest.json:1::missing_mention", // rc: award_criteria
		"manifest.json:1::missing_mention", // rc: award_criteria_weighting
		"manifest.json:1::missing_mention", // ccap: price_revision
		"manifest.json:1::unused_variable", // n: used by no clause
		"manifest.json:1::unused_variable", // unused
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestLintStarterClean: the starter clausier has no problem, statically and
// for the sample consultation.
func TestLintStarterClean(t *testing.T) {
	l := starterT(t)
	if ps := Lint(l, LintConfig{}); len(ps) > 0 {
		t.Errorf("static: %v", Problems(ps))
	}
	in := sampleInput(t)
	if ps := Lint(l, LintConfig{Input: &in}); len(ps) > 0 {
		t.Errorf("with data: %v", Problems(ps))
	}
}

// TestLintMentionsWithData: an adapted procedure needs the award criteria
// but not their weighting (R2152-11 vs R2152-12); disabling the criteria
// clause of a formalised procedure is reported.
func TestLintMentionsWithData(t *testing.T) {
	l := starterT(t)
	y := &Layer{name: "c", vendor: l.Name(), changes: []Change{{Op: OpDisable, Clause: "rc.jugement", Against: Against{Library: l.Version(), Clause: 1}}}}
	composed, err := Compose(l, y)
	if err != nil {
		t.Fatal(err)
	}
	in := sampleInput(t)
	var rules []string
	for _, p := range Lint(composed, LintConfig{Input: &in}) {
		rules = append(rules, p.Rule)
	}
	if !slices.Equal(rules, []string{"missing_mention", "missing_mention"}) {
		t.Errorf("formalised procedure without rc.jugement: %v", rules)
	}
	in.Consultation.Procedure = procurement.ProcedureAdapted
	n := 0
	for _, p := range Lint(composed, LintConfig{Input: &in}) {
		if p.Rule == "missing_mention" {
			n++
			if !strings.Contains(p.Message, "award_criteria (") {
				t.Errorf("adapted: %v", p)
			}
		}
	}
	if n != 1 {
		t.Errorf("adapted procedure: %d missing mentions, want 1 (award_criteria only)", n)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func slicesSort(s []string) { slices.Sort(s) }

func mustDate(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestStarterVariants: firm prices drop the revision article (and its
// mandatory mention), SecNumCloud adds its sub-article, a shorter payment
// time limit is stated beside the legal maximum (30 days for a local
// authority, R2192-10), and a consultation without lots or renewals drops
// the lots and reconduction articles.
func TestStarterVariants(t *testing.T) {
	l := starterT(t)
	in := sampleInput(t)
	in.Values["prix.forme"] = "ferme"
	in.Values["hebergement.secnumcloud"] = true
	in.Values["paiement.delai_jours"] = 20
	d, err := l.Assemble("ccap", in)
	if err != nil {
		t.Fatal(err)
	}
	md := string(d.Markdown())
	for _, s := range []string{"Les prix sont fermes pendant toute la durée du marché.", "### 8.1 – Qualification SecNumCloud",
		"dans un délai de 20 jours", "délai maximal de 30 jours"} {
		if !strings.Contains(md, s) {
			t.Errorf("missing %q", s)
		}
	}
	if _, ok := d.Number("ccap.revision"); ok {
		t.Error("firm prices keep the revision article")
	}
	if ps := Lint(l, LintConfig{Input: &in}); len(ps) > 0 {
		t.Errorf("lint: %v", Problems(ps))
	}
	in = sampleInput(t)
	c := &in.Consultation
	c.Lots, c.Renewals, c.RenewalsValue, c.OptionsValue = nil, procurement.Renewals{}, c.RenewalsValue.Sub(c.RenewalsValue), c.OptionsValue.Sub(c.OptionsValue)
	docs := make(map[string]*Document)
	for _, id := range []string{"rc", "ccap", "ae"} {
		d, err := l.Assemble(id, in)
		if err != nil {
			t.Fatal(err)
		}
		docs[id] = d
	}
	for _, id := range []string{"ccap.lots", "ccap.reconduction"} {
		if _, ok := docs["ccap"].Number(id); ok {
			t.Errorf("%s kept without lots or renewals", id)
		}
	}
	if n, _ := docs["ccap"].Number("ccap.resiliation"); n != "3.1" {
		t.Errorf("ccap.resiliation is %q, want 3.1 once the reconduction is gone", n)
	}
	if !strings.Contains(string(docs["rc"].Markdown()), "| Prix | 40 % |") || !strings.Contains(string(docs["rc"].Markdown()), "Il n'est pas reconductible.") {
		t.Error("RC without lots: criteria table or duration wrong")
	}
}
