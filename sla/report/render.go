package report

import (
	"strings"

	"golang.org/x/text/language"
)

// Format is an output format. The zero Format is unset.
type Format int

const (
	// Markdown: CommonMark with GitHub tables; charts as inline SVG blocks.
	Markdown Format = iota + 1
	// HTML: one self-contained HTML5 page, inline CSS and SVG, no script.
	HTML
)

// ParseFormat parses a format code: "md" (or "markdown") or "html".
// Anything else fails with ErrInvalidFormat.
func ParseFormat(s string) (Format, error) {
	switch s {
	case "md", "markdown":
		return Markdown, nil
	case "html":
		return HTML, nil
	}
	return 0, &FieldError{Field: "format", Value: s, Err: ErrInvalidFormat}
}

// String returns the format's code, "md" or "html".
func (f Format) String() string {
	switch f {
	case Markdown:
		return "md"
	case HTML:
		return "html"
	}
	return ""
}

// Render writes the report in format f and language lang: English when
// lang's base language is English, French otherwise (the zero Tag
// included). It fails only with ErrInvalidFormat.
func (r *Report) Render(f Format, lang language.Tag) ([]byte, error) {
	switch f {
	case Markdown:
		return r.Markdown(lang), nil
	case HTML:
		return r.HTML(lang), nil
	}
	return nil, &FieldError{Field: "format", Value: f.String(), Err: ErrInvalidFormat}
}

// Markdown renders the report as CommonMark with GitHub-flavoured tables,
// in French unless lang's base language is English. Charts are inline SVG
// blocks (shown by viewers that render HTML; the daily values follow them
// as a table). Text from the input is escaped for table cells and inline
// markup. Lines end with "\n", including the last; the same report and
// language always give the same bytes.
func (r *Report) Markdown(lang language.Tag) []byte {
	l := newLang(lang)
	var b strings.Builder
	for i, blk := range r.content(l) {
		if i > 0 {
			b.WriteString("\n")
		}
		writeMarkdown(&b, blk)
	}
	return []byte(b.String())
}

// mdText escapes text for Markdown so that input text never turns into
// links, emphasis, code, HTML, or (at the start of a line) a heading, a
// list or a quote: a backslash goes before \ ` * _ [ ] | and &, before <
// when a tag could start, and before a leading #, >, -, + or the dot of a
// leading number. Other characters, "< 2 s" included, stay as they are.
func mdText(s string) string { return mdEscape(s, true) }

// mdCell escapes text for a table cell, where nothing starts a line.
func mdCell(s string) string { return mdEscape(s, false) }

func mdEscape(s string, lineStart bool) string {
	var b strings.Builder
	digits := 0 // leading digits seen so far, -1 once past them
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte("\\`*_[]|&", c) >= 0:
			b.WriteByte('\\')
		case c == '<' && i+1 < len(s) && (isLetter(s[i+1]) || strings.IndexByte("/!?", s[i+1]) >= 0):
			b.WriteByte('\\')
		case lineStart && i == 0 && strings.IndexByte("#>-+", c) >= 0:
			b.WriteByte('\\')
		case lineStart && digits > 0 && i == digits && (c == '.' || c == ')'):
			b.WriteByte('\\')
		}
		if digits >= 0 && c >= '0' && c <= '9' && i == digits {
			digits++
		} else if i >= digits {
			digits = -1
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func writeMarkdown(b *strings.Builder, blk block) {
	switch v := blk.(type) {
	case heading:
		b.WriteString(strings.Repeat("#", v.level) + " " + mdText(v.text) + "\n")
	case para:
		b.WriteString(mdText(v.text) + "\n")
	case table:
		b.WriteString("|")
		for _, h := range v.head {
			b.WriteString(" " + mdCell(h) + " |")
		}
		b.WriteString("\n|")
		for i := range v.head {
			if i < len(v.right) && v.right[i] {
				b.WriteString(" ---: |")
			} else {
				b.WriteString(" --- |")
			}
		}
		b.WriteString("\n")
		for _, row := range v.rows {
			b.WriteString("|")
			for _, c := range row {
				b.WriteString(" " + mdCell(c.text) + " |")
			}
			b.WriteString("\n")
		}
	case chart:
		// An HTML block: it starts with the <svg> tag on its own line and
		// holds no blank line, so CommonMark passes it through as is.
		b.WriteString(v.svg + "\n")
	case details:
		b.WriteString("**" + mdText(v.summary) + "**\n")
		for _, c := range v.body {
			b.WriteString("\n")
			writeMarkdown(b, c)
		}
	}
}

const css = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;max-width:1100px;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem;border-bottom:2px solid #1565c0;padding-bottom:.3rem}
h2{font-size:1.25rem;margin-top:2rem;color:#0d47a1}
h3{font-size:1.05rem;margin-top:1.5rem}
table{border-collapse:collapse;margin:.75rem 0;font-size:.92rem}
th,td{border:1px solid #c8c8c8;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#eef3fb}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.ok{color:#1b5e20;font-weight:600}
td.ko{color:#b71c1c;font-weight:600}
td.na{color:#666}
svg{max-width:100%;height:auto;display:block;margin:.5rem 0}
details{margin:1rem 0}
summary{cursor:pointer;font-weight:600}
@media print{details{display:block}body{margin:0}}`

// HTML renders the report as one self-contained HTML5 page (inline CSS
// and SVG charts; no script, no external resource), in French unless
// lang's base language is English. Input text is HTML-escaped. The same
// report and language always give the same bytes.
func (r *Report) HTML(lang language.Tag) []byte {
	l := newLang(lang)
	blocks := r.content(l)
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"" + l.tag() + "\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<title>" + esc(r.title(l)) + "</title>\n<style>\n" + css + "\n</style>\n</head>\n<body>\n")
	for _, blk := range blocks {
		writeHTML(&b, blk)
	}
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String())
}

func writeHTML(b *strings.Builder, blk block) {
	switch v := blk.(type) {
	case heading:
		n := string(rune('0' + v.level))
		b.WriteString("<h" + n + ">" + esc(v.text) + "</h" + n + ">\n")
	case para:
		b.WriteString("<p>" + esc(v.text) + "</p>\n")
	case table:
		b.WriteString("<table>\n<thead><tr>")
		for i, h := range v.head {
			if i < len(v.right) && v.right[i] {
				b.WriteString(`<th class="num">` + esc(h) + "</th>")
			} else {
				b.WriteString("<th>" + esc(h) + "</th>")
			}
		}
		b.WriteString("</tr></thead>\n<tbody>\n")
		for _, row := range v.rows {
			b.WriteString("<tr>")
			for _, c := range row {
				if c.class != "" {
					b.WriteString(`<td class="` + c.class + `">` + esc(c.text) + "</td>")
				} else {
					b.WriteString("<td>" + esc(c.text) + "</td>")
				}
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</tbody>\n</table>\n")
	case chart:
		b.WriteString("<figure>\n" + v.svg + "\n</figure>\n")
	case details:
		b.WriteString("<details>\n<summary>" + esc(v.summary) + "</summary>\n")
		for _, c := range v.body {
			writeHTML(b, c)
		}
		b.WriteString("</details>\n")
	}
}
