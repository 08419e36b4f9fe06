package clauses

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseClause: the header parser never panics, and a clause it accepts
// gives back its id, version and a body that parses again.
func FuzzParseClause(f *testing.F) {
	f.Add([]byte("---\nid: a\nversion: 1\ntitle: T\ndocuments: ccap\n---\nTexte {{x}}.\n"))
	f.Add([]byte("---\nid: a\nversion: 1\ntitle: T\ncondition: lots > 1 and procedure == \"ouvert\"\nderogates: 14.1\nderogates: 3, 4\n---\n{{#each lots as l}}\n| {{l.number}} |\n{{/each}}\n"))
	f.Add([]byte("---\nid: a\nid: b\n---\n"))
	f.Add([]byte("---\r\nid: a\r\nversion: 99999999999\r\ntitle:\r\n---\r\n"))
	f.Add([]byte("\xef\xbb\xbf---\nid: a\nversion: 1\ntitle: T\nkind: annex\nposition: -1\n---\n{{ref"))
	f.Add([]byte("---\n# comment\nid: z.z\nversion: 1\ntitle: x\nvariables: a.b, c\nprovides: award_criteria\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		c, err := ParseClause("f.md", data)
		if err != nil {
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error is not Problems: %v", err)
			}
			for _, p := range ps {
				if p.Line < 1 || p.Rule == "" || p.Err == nil {
					t.Fatalf("bad problem %+v", p)
				}
			}
			return
		}
		if c.ID() == "" || c.Version() < 1 || c.Title() == "" {
			t.Fatalf("accepted clause without id, version or title: %+v", c)
		}
		if _, err := ParseTemplate(c.Body()); err != nil {
			t.Fatalf("body does not parse again: %v", err)
		}
	})
}

// FuzzCondition: parsing never panics; an accepted condition evaluates
// without panicking, and its errors carry a position inside the text.
func FuzzCondition(f *testing.F) {
	for _, s := range []string{
		`procedure == "ouvert" and lots > 1`, `revision.index == "Syntec"`, `not (a or b)`,
		`x in [1, 2, "a"]`, `d >= "2026-01-01"`, `n == null`, `(((x)))`, `a == 'b\'c'`,
		`lots > 1x`, `a = b`, `!a`, `a && b`, `-1.5 < -2`, `[`, `"`, `a..b == 1`,
	} {
		f.Add(s)
	}
	vars := map[string]value{
		"procedure": strValue("ouvert"), "lots": listValue([]value{intValue(1)}), "a": boolValue(true), "b": boolValue(false),
		"x": intValue(2), "n": {}, "d": dateValue(mustDate("2026-05-01")), "revision.index": strValue("Syntec"),
	}
	f.Fuzz(func(t *testing.T, src string) {
		c, err := ParseCondition(src)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Offset < 0 || se.Offset > len(src) || se.Line < 1 || se.Column < 1 {
				t.Fatalf("error without position: %v", err)
			}
			return
		}
		if strings.TrimSpace(src) != "" && c.String() != src {
			t.Fatalf("source not kept")
		}
		_, err = c.Eval(&Scope{vars: vars})
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Offset > len(src) {
				t.Fatalf("evaluation error without position: %v", err)
			}
		}
	})
}

// FuzzTemplate: any body parses or fails with a positioned error; an
// accepted body renders, and its document renders to Markdown, HTML and a
// DOCX whose parts are well-formed XML, identically twice.
func FuzzTemplate(f *testing.F) {
	for _, s := range []string{
		"Texte **gras** et *italique* {{durationMonths}}.",
		"| a | b |\n| --- | --- |\n{{#each lots as l}}\n| {{l.number}} | {{l.title}} |\n{{/each}}",
		"- un\n- deux\n  suite\n\n{{#if lots > 1}}plusieurs{{else}}un{{/if}}",
		"{{ref a}} {{#each x as y}}{{/each}}", "\\*not bold\\* {{title}} ** * |",
		"{{#if a}}\n{{#if b}}\n{{/if}}\n{{/if}}", "<b>&amp;</b> \x01",
	} {
		f.Add(s)
	}
	l := &Library{name: "f", version: "1", docs: []DocumentSpec{{ID: "ccap", Title: "CCAP", Short: "CCAP"}}, varIdx: map[string]int{}, byID: map[string]*Clause{}}
	s, err := l.NewScope(Input{Consultation: sampleConsultation(f)})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if len(body) > 1<<14 || !utf8.ValidString(body) {
			return
		}
		data := "---\nid: a\nversion: 1\ntitle: T\ndocuments: ccap\n---\n" + body
		c, err := ParseClause("a.md", []byte(data))
		if err != nil {
			return
		}
		lib := &Library{name: l.name, version: l.version, docs: l.docs, varIdx: l.varIdx, clauses: []*Clause{c}, byID: map[string]*Clause{"a": c}}
		d, err := lib.AssembleScope("ccap", s)
		if err != nil {
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("assembly error is not Problems: %v", err)
			}
			return
		}
		md, html := d.Markdown(), d.HTML()
		x, err := d.DOCX()
		if err != nil {
			t.Fatal(err)
		}
		parts := unzipT(x)
		if parts == nil {
			t.Fatal("DOCX is not a zip")
		}
		for name, p := range parts {
			if !wellFormed(p) {
				t.Fatalf("%s is not well-formed", name)
			}
		}
		x2, _ := d.DOCX()
		if !bytes.Equal(md, d.Markdown()) || !bytes.Equal(html, d.HTML()) || !bytes.Equal(x, x2) {
			t.Fatal("rendering is not deterministic")
		}
		if !strings.HasSuffix(string(md), "\n") {
			t.Fatal("Markdown does not end with a newline")
		}
	})
}
