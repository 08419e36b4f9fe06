package clauses

import (
	"html"
	"strings"
)

// htmlStyle is the stylesheet of HTML renderings: A4 pages, serif body,
// the identity repeated at the top of printed pages where the browser
// supports running elements, no external resource.
const htmlStyle = `@page { size: A4; margin: 2cm 2cm 2.5cm 2cm; }
body { font-family: "Liberation Serif", "Times New Roman", serif; font-size: 11pt; line-height: 1.4; max-width: 17cm; margin: 1cm auto; color: #000; }
header.identity { border-bottom: 1px solid #444; padding-bottom: 0.5em; margin-bottom: 1.5em; font-size: 10pt; }
header.identity p { margin: 0.1em 0; }
h1 { font-size: 18pt; text-align: center; margin: 1em 0; }
h2 { font-size: 13pt; margin-top: 1.4em; page-break-after: avoid; }
h3 { font-size: 12pt; margin-top: 1.1em; page-break-after: avoid; }
h4 { font-size: 11pt; margin-top: 1em; page-break-after: avoid; }
nav.toc { page-break-after: always; }
nav.toc ul { list-style: none; padding-left: 1.2em; }
nav.toc > ul { padding-left: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; page-break-inside: avoid; }
th, td { border: 1px solid #444; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #eee; }
section.annex { page-break-before: always; }
footer { border-top: 1px solid #444; margin-top: 2em; padding-top: 0.5em; font-size: 9pt; color: #333; }
@media print { body { margin: 0; max-width: none; } }
`

// HTML renders the document as one self-contained, printable HTML5 page
// (UTF-8, inline stylesheet, no script, no external resource): the
// consultation's identity, the title, the table of contents with links
// to the articles, the articles and the annexes. The output is
// deterministic and ends with a newline.
func (d *Document) HTML() []byte {
	var b strings.Builder
	esc := html.EscapeString
	b.WriteString("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"")
	b.WriteString(esc("marches clauses, " + d.library + " " + d.version))
	b.WriteString("\">\n<title>")
	b.WriteString(esc(d.spec.Short + " – " + d.ident.Reference + " – " + d.ident.Title))
	b.WriteString("</title>\n<style>\n")
	b.WriteString(htmlStyle)
	b.WriteString("</style>\n</head>\n<body>\n<header class=\"identity\">\n")
	for _, line := range d.identityLines() {
		b.WriteString("<p>")
		b.WriteString(esc(line))
		b.WriteString("</p>\n")
	}
	b.WriteString("</header>\n<h1>")
	b.WriteString(esc(d.spec.Title))
	b.WriteString("</h1>\n<nav class=\"toc\">\n<h2>Sommaire</h2>\n")
	var toc func(as []*article)
	toc = func(as []*article) {
		if len(as) == 0 {
			return
		}
		b.WriteString("<ul>\n")
		for _, a := range as {
			b.WriteString("<li><a href=\"#")
			b.WriteString(esc(anchor(a)))
			b.WriteString("\">")
			b.WriteString(esc(a.entry.Heading()))
			b.WriteString("</a>")
			if len(a.children) > 0 {
				b.WriteString("\n")
				toc(a.children)
			}
			b.WriteString("</li>\n")
		}
		b.WriteString("</ul>\n")
	}
	toc(append(append([]*article(nil), d.articles...), d.annexes...))
	b.WriteString("</nav>\n")
	var write func(as []*article, annex bool)
	write = func(as []*article, annex bool) {
		for _, a := range as {
			class := "article"
			if annex {
				class = "annex"
			}
			b.WriteString("<section class=\"" + class + "\" id=\"")
			b.WriteString(esc(anchor(a)))
			b.WriteString("\">\n")
			lvl := string(rune('1' + min(a.entry.Level, 3)))
			b.WriteString("<h" + lvl + ">")
			b.WriteString(esc(a.entry.Heading()))
			b.WriteString("</h" + lvl + ">\n")
			for _, bl := range a.blocks {
				writeHTMLBlock(&b, bl)
			}
			write(a.children, false)
			b.WriteString("</section>\n")
		}
	}
	write(d.articles, false)
	write(d.annexes, true)
	b.WriteString("<footer>")
	b.WriteString(esc(d.headerText()))
	b.WriteString("</footer>\n</body>\n</html>\n")
	return []byte(b.String())
}

func anchor(a *article) string {
	if a.entry.Annex {
		return "annexe-" + a.entry.Number
	}
	return "article-" + a.entry.Number
}

func writeHTMLBlock(b *strings.Builder, bl block) {
	switch bl.kind {
	case bPara:
		b.WriteString("<p>")
		b.WriteString(htmlSpans(bl.spans))
		b.WriteString("</p>\n")
	case bList:
		b.WriteString("<ul>\n")
		for _, it := range bl.items {
			b.WriteString("<li>")
			b.WriteString(htmlSpans(it))
			b.WriteString("</li>\n")
		}
		b.WriteString("</ul>\n")
	case bTable:
		b.WriteString("<table>\n")
		for i, r := range bl.rows {
			tag := "td"
			if i < bl.header {
				tag = "th"
			}
			b.WriteString("<tr>")
			for _, c := range r {
				b.WriteString("<" + tag + ">")
				b.WriteString(htmlSpans(c))
				b.WriteString("</" + tag + ">")
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</table>\n")
	}
}

func htmlSpans(ss []span) string {
	var b strings.Builder
	for _, s := range ss {
		t := html.EscapeString(s.text)
		if s.italic {
			t = "<em>" + t + "</em>"
		}
		if s.bold {
			t = "<strong>" + t + "</strong>"
		}
		b.WriteString(t)
	}
	return b.String()
}
