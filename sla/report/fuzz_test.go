package report

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/openmarches/marches/sla/qos"
)

// FuzzParseDocument: any document either parses, builds and renders
// twice to the same bytes, or fails with FieldErrors; it never panics.
func FuzzParseDocument(f *testing.F) {
	if b, err := os.ReadFile("testdata/daily.json"); err == nil {
		f.Add(string(b))
	}
	f.Add(`{"month": "2026-02"}`)
	f.Add(`{"month": "2026-10", "day": "2026-10-25", "outages": [], "backups": []}`)
	f.Add(`{"month": "2026-03", "services": [{"service": "x", "label": "<b>&amp;</b>", "target": 50}], "outages": [{"service": "x", "start": "2026-03-01T00:00:00Z", "end": "2026-04-01T00:00:00Z", "cause": "unplanned"}]}`)
	f.Add(`{"month": "2026-03", "qos": {"probes": []}, "support": {"calls": []}}`)
	f.Fuzz(func(t *testing.T, doc string) {
		if len(doc) > 1<<15 {
			return
		}
		d, err := ParseDocument([]byte(doc), paris)
		if err != nil {
			for _, e := range leaves(err) {
				if _, ok := e.(*FieldError); !ok {
					t.Fatalf("not a FieldError: %T %v", e, e)
				}
			}
			return
		}
		in, err := Build(d)
		if err != nil {
			return // e.g. a period the calendar cannot measure: a FieldError
		}
		r, err := New(in)
		if err != nil {
			return // e.g. a caption with control characters
		}
		for _, tag := range []language.Tag{language.French, language.English} {
			if !bytes.Equal(r.HTML(tag), r.HTML(tag)) || !bytes.Equal(r.Markdown(tag), r.Markdown(tag)) {
				t.Fatal("rendering is not deterministic")
			}
			checkCharts(t, r.HTML(tag))
		}
	})
}

// FuzzText puts arbitrary text in the title, the subtitle and a caption:
// the HTML never holds it unescaped and the charts stay well-formed XML.
func FuzzText(f *testing.F) {
	f.Add("Rapport", "<script>alert(1)</script>", "a & b")
	f.Add("#", "- [x](javascript:alert(1))", `"'><img src=x>`)
	f.Add("é", "\u202f", "]]>")
	base, err := Build(sampleDocument(f))
	if err != nil {
		f.Fatal(err)
	}
	withTexts := func(title, subtitle, label string) Input {
		in := base
		in.Title, in.Subtitle = title, subtitle
		in.Availability = append([]qos.AvailabilityLine(nil), base.Availability...)
		in.Availability[0].Label = label
		return in
	}
	// Harmless texts, with and without a subtitle (an empty one leaves
	// its paragraph out).
	safe := map[bool]string{}
	for _, sub := range []string{"", "S"} {
		r, err := New(withTexts("T", sub, "L"))
		if err != nil {
			f.Fatal(err)
		}
		safe[sub != ""] = string(r.HTML(language.French))
	}
	f.Fuzz(func(t *testing.T, title, subtitle, label string) {
		r, err := New(withTexts(title, subtitle, label))
		if err != nil {
			if validText(title) && validText(subtitle) && validText(label) {
				t.Fatalf("valid text rejected: %v", err)
			}
			return
		}
		// Escaped text holds no '<', '>' or '"': the page must have exactly
		// as many as the page of harmless texts, whose markup is the same.
		page := string(r.HTML(language.French))
		for _, c := range []string{"<", ">", `"`} {
			if got, want := strings.Count(page, c), strings.Count(safe[subtitle != ""], c); got != want {
				t.Fatalf("%d %q in the page, %d with harmless texts: input text leaked into the markup", got, c, want)
			}
		}
		checkCharts(t, []byte(page))
	})
}

// FuzzMarkdownEscape: in escaped text every markup character is
// backslash-escaped (preceded by an odd number of backslashes), so no
// input turns into emphasis, code, a link, a table cell break or HTML.
func FuzzMarkdownEscape(f *testing.F) {
	f.Add("a*b_c`d[e]f|g\\h&i<j")
	f.Add("\\\\*")
	f.Add("<!-- x -->")
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{mdText(s), mdCell(s)} {
			for i := 0; i < len(out); i++ {
				c := out[i]
				special := strings.IndexByte("*_[]`|&", c) >= 0 ||
					(c == '<' && i+1 < len(out) && (isLetter(out[i+1]) || strings.IndexByte("/!?", out[i+1]) >= 0))
				if !special {
					continue
				}
				n := 0
				for j := i - 1; j >= 0 && out[j] == '\\'; j-- {
					n++
				}
				if n%2 == 0 {
					t.Fatalf("%q: unescaped %q at %d in %q", s, c, i, out)
				}
			}
		}
	})
}

var svgRe = regexp.MustCompile(`(?s)<svg .*?</svg>`)

func checkCharts(t *testing.T, page []byte) {
	t.Helper()
	for _, s := range svgRe.FindAll(page, -1) {
		d := xml.NewDecoder(bytes.NewReader(s))
		for {
			if _, err := d.Token(); err != nil {
				if err != io.EOF {
					t.Fatalf("chart is not well-formed XML: %v", err)
				}
				break
			}
		}
	}
}
