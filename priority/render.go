package priority

import (
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Texts are keyed by their English form; the French forms live in a
// private catalog built once (never x/text's global catalog).
const (
	msgCorner = "Impact \\ Criticality"
)

var texts = sync.OnceValue(func() *catalog.Builder {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	fr := map[string]string{
		msgCorner: "Impact \\ Criticité",
	}
	for k, v := range reasonFR {
		fr[k] = v
	}
	for k, v := range fr {
		if err := b.SetString(language.French, k, v); err != nil {
			panic("priority: catalog: " + err.Error()) // unreachable: plain strings
		}
		if err := b.SetString(language.English, k, k); err != nil {
			panic("priority: catalog: " + err.Error())
		}
	}
	return b
})

var frBase, _ = language.French.Base()

// isFrench reports whether lang's base language is French.
func isFrench(lang language.Tag) bool {
	b, _ := lang.Base()
	return b == frBase
}

// printer returns a printer for French when lang's base language is French,
// for English otherwise, over the package's private catalog.
func printer(lang language.Tag) *message.Printer {
	tag := language.English
	if isFrench(lang) {
		tag = language.French
	}
	return message.NewPrinter(tag, message.Catalog(texts()))
}

// Markdown renders the matrix as a GitHub-flavoured Markdown table, in
// French when lang's base language is French and in English otherwise:
// one row per impact level (strongest first), one column per criticality
// level (most severe first), the priority's label in each cell. Labels come
// from the matrix; '|' and '\' in them are escaped. Lines end with "\n",
// including the last; the same matrix and language always give the same
// bytes. For the default matrix in French:
//
//	| Impact \ Criticité | Haute | Moyenne | Faible |
//	| --- | --- | --- | --- |
//	| Fort | P1 | P2 | P3 |
//	| Moyen | P2 | P3 | P4 |
//	| Réduit | P3 | P4 | P4 |
func (m Matrix) Markdown(lang language.Tag) string {
	x := m.impl()
	fr := isFrench(lang)
	label := func(x *index, i int) string {
		if fr {
			return escapeCell(x.fr[i])
		}
		return escapeCell(x.en[i])
	}
	var b strings.Builder
	b.WriteString("| ")
	b.WriteString(printer(lang).Sprintf(msgCorner)) // our own text: "\ " needs no escape
	for ci := range x.crit.codes {
		b.WriteString(" | ")
		b.WriteString(label(&x.crit, ci))
	}
	b.WriteString(" |\n|")
	for range len(x.crit.levels) + 1 {
		b.WriteString(" --- |")
	}
	b.WriteByte('\n')
	ni := len(x.imp.levels)
	for ii := range x.imp.codes {
		b.WriteString("| ")
		b.WriteString(label(&x.imp, ii))
		for ci := range x.crit.codes {
			b.WriteString(" | ")
			b.WriteString(label(&x.prio, int(x.cells[ci*ni+ii])))
		}
		b.WriteString(" |\n")
	}
	return b.String()
}

var cellEscaper = strings.NewReplacer(`\`, `\\`, `|`, `\|`)

// escapeCell makes s safe inside a table cell: '\' and '|' are escaped so
// that no pipe in a label splits the cell. Labels hold no control
// characters (New rejects them).
func escapeCell(s string) string { return cellEscaper.Replace(s) }
