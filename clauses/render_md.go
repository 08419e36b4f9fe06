package clauses

import (
	"strings"
)

// Markdown renders the document as CommonMark: a title, the consultation's
// identity, a table of contents ("Sommaire"), the articles as headings
// ("## Article 1 – Objet", "### 1.1 – ..."), their paragraphs, lists and
// pipe tables, then the annexes. Lines end with \n and the text ends with
// one newline. The output is deterministic.
func (d *Document) Markdown() []byte {
	var b strings.Builder
	b.WriteString("# ")
	b.WriteString(mdEscape(d.spec.Title, false))
	b.WriteString(" (")
	b.WriteString(mdEscape(d.spec.Short, false))
	b.WriteString(")\n\n")
	for _, line := range d.identityLines() {
		b.WriteString(mdEscape(line, true))
		b.WriteString("  \n")
	}
	b.WriteString("\n## Sommaire\n\n")
	for _, e := range d.toc {
		b.WriteString(strings.Repeat("  ", e.Level-1))
		b.WriteString("- ")
		b.WriteString(mdEscape(e.Heading(), false))
		b.WriteByte('\n')
	}
	var write func(as []*article)
	write = func(as []*article) {
		for _, a := range as {
			b.WriteByte('\n')
			b.WriteString(strings.Repeat("#", a.entry.Level+1))
			b.WriteByte(' ')
			b.WriteString(mdEscape(a.entry.Heading(), false))
			b.WriteString("\n")
			for _, bl := range a.blocks {
				b.WriteByte('\n')
				writeMDBlock(&b, bl)
			}
			write(a.children)
		}
	}
	write(d.articles)
	write(d.annexes)
	return []byte(b.String())
}

// identityLines are the header lines of every rendering.
func (d *Document) identityLines() []string {
	var out []string
	if d.ident.Buyer != "" {
		out = append(out, d.ident.Buyer)
	}
	if d.ident.Reference != "" || d.ident.Title != "" {
		out = append(out, "Consultation n° "+d.ident.Reference+" : "+d.ident.Title)
	}
	if d.ident.Procedure != "" {
		out = append(out, "Procédure : "+d.ident.Procedure)
	}
	return out
}

// headerText is the one-line identity of page headers.
func (d *Document) headerText() string {
	parts := []string{}
	if d.ident.Buyer != "" {
		parts = append(parts, d.ident.Buyer)
	}
	if d.ident.Reference != "" {
		parts = append(parts, d.ident.Reference)
	}
	parts = append(parts, d.spec.Short)
	return strings.Join(parts, " – ")
}

func writeMDBlock(b *strings.Builder, bl block) {
	switch bl.kind {
	case bPara:
		b.WriteString(mdSpans(bl.spans, false))
		b.WriteByte('\n')
	case bList:
		for _, it := range bl.items {
			b.WriteString("- ")
			b.WriteString(mdSpans(it, false))
			b.WriteByte('\n')
		}
	case bTable:
		cols := 0
		for _, r := range bl.rows {
			cols = max(cols, len(r))
		}
		row := func(r [][]span) {
			b.WriteString("|")
			for i := 0; i < cols; i++ {
				b.WriteByte(' ')
				if i < len(r) {
					b.WriteString(mdSpans(r[i], true))
				}
				b.WriteString(" |")
			}
			b.WriteByte('\n')
		}
		header := bl.header
		if header == 0 {
			// CommonMark tables need a header row: an empty one.
			row(nil)
		}
		for i, r := range bl.rows {
			if i == header && header > 0 || i == 0 && header == 0 {
				b.WriteString("|")
				for j := 0; j < cols; j++ {
					b.WriteString(" --- |")
				}
				b.WriteByte('\n')
			}
			row(r)
		}
	}
}

func mdSpans(ss []span, cell bool) string {
	var b strings.Builder
	for i, s := range ss {
		t := mdEscape(s.text, i == 0)
		if s.bold && s.italic {
			b.WriteString("***" + t + "***")
		} else if s.bold {
			b.WriteString("**" + t + "**")
		} else if s.italic {
			b.WriteString("*" + t + "*")
		} else {
			b.WriteString(t)
		}
	}
	return b.String()
}

// mdEscape escapes what CommonMark would read as markup: \ ` * _ [ ] < >
// | everywhere, and a leading #, -, + or "1." when start is set.
func mdEscape(s string, start bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|':
			b.WriteByte('\\')
		case '#', '-', '+':
			if start && i == 0 {
				b.WriteByte('\\')
			}
		case '.', ')':
			if start && i > 0 && allDigits(s[:i]) && (i+1 == len(s) || s[i+1] == ' ') {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
