package clauses

import "strings"

// The body of a clause, once its directives are executed, is a small
// Markdown subset: paragraphs (lines joined), bullet lists ("- item"),
// pipe tables ("| a | b |" with an optional "| --- | --- |" line under
// the header rows), and inline **bold** and *italic*; a backslash escapes
// the next ASCII punctuation character.

type blockKind uint8

const (
	bPara blockKind = iota + 1
	bList
	bTable
)

type span struct {
	text         string
	bold, italic bool
}

type block struct {
	kind   blockKind
	spans  []span     // bPara
	items  [][]span   // bList
	rows   [][][]span // bTable
	header int        // bTable: number of header rows
}

func parseBlocks(text string) []block {
	var out []block
	var cur *block
	var para []string
	var rows [][]string
	header := 0
	flush := func() {
		if cur == nil {
			return
		}
		switch cur.kind {
		case bPara:
			cur.spans = parseInline(strings.Join(para, " "))
		case bTable:
			for _, r := range rows {
				cells := make([][]span, len(r))
				for i, c := range r {
					cells[i] = parseInline(c)
				}
				cur.rows = append(cur.rows, cells)
			}
			cur.header = header
		}
		out = append(out, *cur)
		cur, para, rows, header = nil, nil, nil, 0
	}
	var listItems []string
	flushList := func() {
		if cur != nil && cur.kind == bList {
			for _, it := range listItems {
				cur.items = append(cur.items, parseInline(it))
			}
			listItems = nil
		}
	}
	for _, raw := range strings.Split(text, "\n") {
		line := strings.TrimRight(raw, " \t\r")
		trimmed := strings.TrimLeft(line, " \t")
		switch {
		case trimmed == "":
			flushList()
			flush()
		case strings.HasPrefix(trimmed, "|"):
			if cur == nil || cur.kind != bTable {
				flushList()
				flush()
				cur = &block{kind: bTable}
			}
			cells := splitRow(trimmed)
			if isSeparatorRow(cells) && len(rows) > 0 && header == 0 {
				header = len(rows)
				continue
			}
			rows = append(rows, cells)
		case strings.HasPrefix(trimmed, "- "):
			if cur == nil || cur.kind != bList {
				flushList()
				flush()
				cur = &block{kind: bList}
			}
			listItems = append(listItems, strings.TrimSpace(trimmed[2:]))
		default:
			if cur != nil && cur.kind == bList && line != trimmed && len(listItems) > 0 {
				listItems[len(listItems)-1] += " " + trimmed
				continue
			}
			if cur == nil || cur.kind != bPara {
				flushList()
				flush()
				cur = &block{kind: bPara}
			}
			para = append(para, trimmed)
		}
	}
	flushList()
	flush()
	return out
}

// splitRow splits "| a | b \| c |" into cells, keeping escapes.
func splitRow(line string) []string {
	line = strings.TrimPrefix(line, "|")
	var cells []string
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c == '\\' && i+1 < len(line) {
			b.WriteByte(c)
			b.WriteByte(line[i+1])
			i++
			continue
		}
		if c == '|' {
			cells = append(cells, strings.TrimSpace(b.String()))
			b.Reset()
			continue
		}
		b.WriteByte(c)
	}
	if rest := strings.TrimSpace(b.String()); rest != "" {
		cells = append(cells, rest)
	}
	return cells
}

func isSeparatorRow(cells []string) bool {
	if len(cells) == 0 {
		return false
	}
	for _, c := range cells {
		c = strings.Trim(c, ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return false
		}
	}
	return true
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// parseInline splits text into styled spans. Markers without a partner
// are kept as text.
func parseInline(s string) []span {
	type tok struct {
		text   string
		marker byte // 'B' for **, 'I' for *, 0 for text
	}
	var toks []tok
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			toks = append(toks, tok{text: b.String()})
			b.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			b.WriteByte(s[i+1])
			i++
		case c == '*' && i+1 < len(s) && s[i+1] == '*':
			flush()
			toks = append(toks, tok{text: "**", marker: 'B'})
			i++
		case c == '*':
			flush()
			toks = append(toks, tok{text: "*", marker: 'I'})
		default:
			b.WriteByte(c)
		}
	}
	flush()
	// An odd marker count leaves the last marker of that kind as text.
	for _, m := range []byte{'B', 'I'} {
		n, last := 0, -1
		for i, t := range toks {
			if t.marker == m {
				n++
				last = i
			}
		}
		if n%2 == 1 {
			toks[last].marker = 0
		}
	}
	var out []span
	bold, italic := false, false
	for _, t := range toks {
		switch t.marker {
		case 'B':
			bold = !bold
			continue
		case 'I':
			italic = !italic
			continue
		}
		if n := len(out); n > 0 && out[n-1].bold == bold && out[n-1].italic == italic {
			out[n-1].text += t.text
			continue
		}
		out = append(out, span{text: t.text, bold: bold, italic: italic})
	}
	return out
}

func spansText(ss []span) string {
	var b strings.Builder
	for _, s := range ss {
		b.WriteString(s.text)
	}
	return b.String()
}
