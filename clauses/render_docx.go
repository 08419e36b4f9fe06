package clauses

import (
	"archive/zip"
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/beevik/etree"
)

// docxTime is the modification time of every DOCX zip entry, fixed so that
// the same document gives the same bytes.
var docxTime = time.Date(1980, time.January, 1, 0, 0, 0, 0, time.UTC)

// Namespaces of the parts written.
const (
	nsW     = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRels  = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
	relBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctBase  = "application/vnd.openxmlformats-officedocument.wordprocessingml."
)

// docxParts lists the parts in the order they are zipped.
var docxParts = []string{
	"[Content_Types].xml",
	"_rels/.rels",
	"docProps/core.xml",
	"docProps/app.xml",
	"word/document.xml",
	"word/styles.xml",
	"word/numbering.xml",
	"word/settings.xml",
	"word/header1.xml",
	"word/footer1.xml",
	"word/_rels/document.xml.rels",
}

// DOCXParts returns the names of the parts of a DOCX rendering, in zip
// order.
func DOCXParts() []string { return append([]string(nil), docxParts...) }

// DOCX renders the document as an Office Open XML word-processing file
// (ECMA-376), written part by part with beevik/etree and zipped: real
// heading styles (Titre 1-3, outline levels for the navigation pane),
// articles numbered in their headings, a TOC field pre-filled with the
// table of contents (Word and LibreOffice refresh its page numbers on
// demand), tables with a repeated header row, bullet lists, and a header
// with the consultation's identity and a footer "Page N / M" on every
// page. Zip entries are in a fixed order (DOCXParts) with a fixed
// modification time, so the bytes depend on the document only. The error
// is that of the zip writer (none in practice).
func (d *Document) DOCX() ([]byte, error) {
	parts := map[string]*etree.Document{
		"[Content_Types].xml":          contentTypes(),
		"_rels/.rels":                  packageRels(),
		"docProps/core.xml":            d.coreProps(),
		"docProps/app.xml":             appProps(),
		"word/document.xml":            d.documentXML(),
		"word/styles.xml":              stylesXML(),
		"word/numbering.xml":           numberingXML(),
		"word/settings.xml":            settingsXML(),
		"word/header1.xml":             d.headerXML(),
		"word/footer1.xml":             footerXML(),
		"word/_rels/document.xml.rels": documentRels(),
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range docxParts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: docxTime})
		if err != nil {
			return nil, err
		}
		if _, err := parts[name].WriteTo(w); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func newXML(root string) (*etree.Document, *etree.Element) {
	doc := etree.NewDocument()
	doc.CreateProcInst("xml", `version="1.0" encoding="UTF-8" standalone="yes"`)
	return doc, doc.CreateElement(root)
}

func contentTypes() *etree.Document {
	doc, root := newXML("Types")
	root.CreateAttr("xmlns", nsTypes)
	def := func(ext, ct string) {
		e := root.CreateElement("Default")
		e.CreateAttr("Extension", ext)
		e.CreateAttr("ContentType", ct)
	}
	def("rels", "application/vnd.openxmlformats-package.relationships+xml")
	def("xml", "application/xml")
	over := func(part, ct string) {
		e := root.CreateElement("Override")
		e.CreateAttr("PartName", part)
		e.CreateAttr("ContentType", ct)
	}
	over("/word/document.xml", ctBase+"document.main+xml")
	over("/word/styles.xml", ctBase+"styles+xml")
	over("/word/numbering.xml", ctBase+"numbering+xml")
	over("/word/settings.xml", ctBase+"settings+xml")
	over("/word/header1.xml", ctBase+"header+xml")
	over("/word/footer1.xml", ctBase+"footer+xml")
	over("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
	over("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")
	return doc
}

func rels(list [][3]string) *etree.Document {
	doc, root := newXML("Relationships")
	root.CreateAttr("xmlns", nsRels)
	for _, r := range list {
		e := root.CreateElement("Relationship")
		e.CreateAttr("Id", r[0])
		e.CreateAttr("Type", r[1])
		e.CreateAttr("Target", r[2])
	}
	return doc
}

func packageRels() *etree.Document {
	return rels([][3]string{
		{"rId1", relBase + "officeDocument", "word/document.xml"},
		{"rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"},
		{"rId3", relBase + "extended-properties", "docProps/app.xml"},
	})
}

func documentRels() *etree.Document {
	return rels([][3]string{
		{"rId1", relBase + "styles", "styles.xml"},
		{"rId2", relBase + "numbering", "numbering.xml"},
		{"rId3", relBase + "settings", "settings.xml"},
		{"rId4", relBase + "header", "header1.xml"},
		{"rId5", relBase + "footer", "footer1.xml"},
	})
}

func (d *Document) coreProps() *etree.Document {
	doc, root := newXML("cp:coreProperties")
	root.CreateAttr("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties")
	root.CreateAttr("xmlns:dc", "http://purl.org/dc/elements/1.1/")
	root.CreateAttr("xmlns:dcterms", "http://purl.org/dc/terms/")
	root.CreateAttr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
	root.CreateElement("dc:title").SetText(xmlText(d.spec.Title + " – " + d.ident.Title))
	root.CreateElement("dc:subject").SetText(xmlText(d.ident.Reference))
	root.CreateElement("dc:creator").SetText(xmlText(d.ident.Buyer))
	root.CreateElement("dc:language").SetText("fr-FR")
	return doc
}

func appProps() *etree.Document {
	doc, root := newXML("Properties")
	root.CreateAttr("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")
	root.CreateElement("Application").SetText("marches")
	return doc
}

// xmlText removes what XML 1.0 cannot carry: invalid UTF-8 and control
// characters other than tab, newline and carriage return.
func xmlText(s string) string {
	ok := utf8.ValidString(s)
	if ok {
		for i := 0; i < len(s); i++ {
			if s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' {
				ok = false
				break
			}
		}
		if ok && !strings.ContainsAny(s, "\ufffe\uffff") {
			return s
		}
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\ufffd") {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// wAttr sets w:name="val".
func wAttr(e *etree.Element, name, val string) *etree.Element {
	e.CreateAttr("w:"+name, val)
	return e
}

func wEl(parent *etree.Element, tag string) *etree.Element { return parent.CreateElement("w:" + tag) }

func wVal(parent *etree.Element, tag, val string) *etree.Element {
	return wAttr(wEl(parent, tag), "val", val)
}

// paragraph appends <w:p> with a style (may be empty) and returns it.
func paragraph(parent *etree.Element, style string) *etree.Element {
	p := wEl(parent, "p")
	if style != "" {
		wVal(wEl(p, "pPr"), "pStyle", style)
	}
	return p
}

func run(p *etree.Element, text string, bold, italic bool) {
	r := wEl(p, "r")
	if bold || italic {
		rpr := wEl(r, "rPr")
		if bold {
			wEl(rpr, "b")
		}
		if italic {
			wEl(rpr, "i")
		}
	}
	t := wEl(r, "t")
	t.CreateAttr("xml:space", "preserve")
	t.SetText(xmlText(text))
}

func runs(p *etree.Element, ss []span) {
	for _, s := range ss {
		run(p, s.text, s.bold, s.italic)
	}
}

func fldChar(p *etree.Element, kind string) {
	wAttr(wEl(wEl(p, "r"), "fldChar"), "fldCharType", kind)
}

func (d *Document) documentXML() *etree.Document {
	doc, root := newXML("w:document")
	root.CreateAttr("xmlns:w", nsW)
	root.CreateAttr("xmlns:r", nsR)
	body := wEl(root, "body")
	for _, line := range d.identityLines() {
		run(paragraph(body, "Identite"), line, false, false)
	}
	run(paragraph(body, "Title"), d.spec.Title, false, false)
	run(paragraph(body, "TOCHeading"), "Sommaire", false, false)
	// The TOC field: begin and instruction in the first paragraph, the
	// pre-computed entries as its result, end in the last paragraph.
	var last *etree.Element
	for i, e := range d.toc {
		style := "TOC" + strconv.Itoa(min(e.Level, 3))
		p := paragraph(body, style)
		if i == 0 {
			fldChar(p, "begin")
			r := wEl(p, "r")
			it := wEl(r, "instrText")
			it.CreateAttr("xml:space", "preserve")
			it.SetText(` TOC \o "1-3" \h \z \u `)
			fldChar(p, "separate")
		}
		run(p, e.Heading(), false, false)
		last = p
	}
	if last == nil {
		p := paragraph(body, "TOC1")
		fldChar(p, "begin")
		it := wEl(wEl(p, "r"), "instrText")
		it.CreateAttr("xml:space", "preserve")
		it.SetText(` TOC \o "1-3" \h \z \u `)
		fldChar(p, "separate")
		last = p
	}
	fldChar(last, "end")
	wAttr(wEl(wEl(wEl(body, "p"), "r"), "br"), "type", "page")
	var write func(as []*article, annex bool)
	write = func(as []*article, annex bool) {
		for _, a := range as {
			p := wEl(body, "p")
			ppr := wEl(p, "pPr")
			wVal(ppr, "pStyle", "Heading"+strconv.Itoa(min(a.entry.Level, 3)))
			if annex {
				wEl(ppr, "pageBreakBefore")
			}
			run(p, a.entry.Heading(), false, false)
			for _, bl := range a.blocks {
				writeDOCXBlock(body, bl)
			}
			write(a.children, false)
		}
	}
	write(d.articles, false)
	write(d.annexes, true)
	sect := wEl(body, "sectPr")
	hr := wAttr(wEl(sect, "headerReference"), "type", "default")
	hr.CreateAttr("r:id", "rId4")
	fr := wAttr(wEl(sect, "footerReference"), "type", "default")
	fr.CreateAttr("r:id", "rId5")
	pg := wEl(sect, "pgSz")
	wAttr(pg, "w", "11906")
	wAttr(pg, "h", "16838")
	mar := wEl(sect, "pgMar")
	for _, kv := range [][2]string{{"top", "1418"}, {"right", "1134"}, {"bottom", "1418"}, {"left", "1134"}, {"header", "709"}, {"footer", "709"}, {"gutter", "0"}} {
		wAttr(mar, kv[0], kv[1])
	}
	return doc
}

// textWidth is the width between the margins in twentieths of a point
// (A4, 2 cm margins: 21 cm − 4 cm = 17 cm ≈ 9638).
const textWidth = 9638

func writeDOCXBlock(body *etree.Element, bl block) {
	switch bl.kind {
	case bPara:
		runs(paragraph(body, ""), bl.spans)
	case bList:
		for _, it := range bl.items {
			p := wEl(body, "p")
			ppr := wEl(p, "pPr")
			wVal(ppr, "pStyle", "ListBullet")
			np := wEl(ppr, "numPr")
			wVal(np, "ilvl", "0")
			wVal(np, "numId", "1")
			runs(p, it)
		}
	case bTable:
		cols := 0
		for _, r := range bl.rows {
			cols = max(cols, len(r))
		}
		if cols == 0 {
			return
		}
		colW := strconv.Itoa(textWidth / cols)
		tbl := wEl(body, "tbl")
		tpr := wEl(tbl, "tblPr")
		wVal(tpr, "tblStyle", "TableGrid")
		tw := wAttr(wEl(tpr, "tblW"), "w", strconv.Itoa(textWidth))
		wAttr(tw, "type", "dxa")
		look := wVal(tpr, "tblLook", "04A0")
		wAttr(look, "firstRow", "1")
		wAttr(look, "lastRow", "0")
		wAttr(look, "firstColumn", "0")
		wAttr(look, "lastColumn", "0")
		wAttr(look, "noHBand", "0")
		wAttr(look, "noVBand", "1")
		grid := wEl(tbl, "tblGrid")
		for i := 0; i < cols; i++ {
			wAttr(wEl(grid, "gridCol"), "w", colW)
		}
		for i, r := range bl.rows {
			tr := wEl(tbl, "tr")
			header := i < bl.header
			if header {
				wEl(wEl(tr, "trPr"), "tblHeader")
			}
			for c := 0; c < cols; c++ {
				tc := wEl(tr, "tc")
				tcw := wAttr(wEl(wEl(tc, "tcPr"), "tcW"), "w", colW)
				wAttr(tcw, "type", "dxa")
				p := paragraph(tc, "TableText")
				if c < len(r) {
					for _, s := range r[c] {
						run(p, s.text, s.bold || header, s.italic)
					}
				}
			}
		}
		// A paragraph after every table: Word needs one between two tables
		// and before the section properties.
		paragraph(body, "")
	}
}

func (d *Document) headerXML() *etree.Document {
	doc, root := newXML("w:hdr")
	root.CreateAttr("xmlns:w", nsW)
	root.CreateAttr("xmlns:r", nsR)
	run(paragraph(root, "Header"), d.headerText(), false, false)
	return doc
}

func footerXML() *etree.Document {
	doc, root := newXML("w:ftr")
	root.CreateAttr("xmlns:w", nsW)
	root.CreateAttr("xmlns:r", nsR)
	p := paragraph(root, "Footer")
	run(p, "Page ", false, false)
	field := func(instr, shown string) {
		f := wAttr(wEl(p, "fldSimple"), "instr", instr)
		t := wEl(wEl(f, "r"), "t")
		t.SetText(shown)
	}
	field(" PAGE ", "1")
	run(p, " / ", false, false)
	field(" NUMPAGES ", "1")
	return doc
}

func settingsXML() *etree.Document {
	doc, root := newXML("w:settings")
	root.CreateAttr("xmlns:w", nsW)
	wAttr(wEl(root, "zoom"), "percent", "100")
	wVal(root, "defaultTabStop", "708")
	wVal(root, "characterSpacingControl", "doNotCompress")
	cs := wEl(wEl(root, "compat"), "compatSetting")
	wAttr(cs, "name", "compatibilityMode")
	wAttr(cs, "uri", "http://schemas.microsoft.com/office/word")
	wAttr(cs, "val", "15")
	return doc
}

func numberingXML() *etree.Document {
	doc, root := newXML("w:numbering")
	root.CreateAttr("xmlns:w", nsW)
	an := wAttr(wEl(root, "abstractNum"), "abstractNumId", "0")
	wVal(an, "multiLevelType", "singleLevel")
	lvl := wAttr(wEl(an, "lvl"), "ilvl", "0")
	wVal(lvl, "start", "1")
	wVal(lvl, "numFmt", "bullet")
	wVal(lvl, "lvlText", "–")
	wVal(lvl, "lvlJc", "left")
	ind := wEl(wEl(lvl, "pPr"), "ind")
	wAttr(ind, "left", "720")
	wAttr(ind, "hanging", "360")
	num := wAttr(wEl(root, "num"), "numId", "1")
	wVal(num, "abstractNumId", "0")
	return doc
}

// styleDef is one paragraph style of styles.xml.
type styleDef struct {
	id, name, basedOn, next string
	outline                 int // 0: none, else outline level + 1
	keepNext, bold, italic  bool
	size                    int // half-points, 0: inherit
	before, after           int // spacing in twentieths of a point, -1: inherit
	center                  bool
	indent                  int
}

var paragraphStyles = []styleDef{
	{id: "Title", name: "Title", basedOn: "Normal", next: "Normal", bold: true, size: 36, before: 240, after: 360, center: true},
	{id: "Heading1", name: "heading 1", basedOn: "Normal", next: "Normal", outline: 1, keepNext: true, bold: true, size: 28, before: 360, after: 120},
	{id: "Heading2", name: "heading 2", basedOn: "Normal", next: "Normal", outline: 2, keepNext: true, bold: true, size: 24, before: 240, after: 120},
	{id: "Heading3", name: "heading 3", basedOn: "Normal", next: "Normal", outline: 3, keepNext: true, bold: true, italic: true, size: 22, before: 200, after: 80},
	{id: "TOCHeading", name: "TOC Heading", basedOn: "Normal", next: "Normal", keepNext: true, bold: true, size: 28, before: 240, after: 120},
	{id: "TOC1", name: "toc 1", basedOn: "Normal", next: "Normal", before: -1, after: 60},
	{id: "TOC2", name: "toc 2", basedOn: "Normal", next: "Normal", before: -1, after: 40, indent: 440},
	{id: "TOC3", name: "toc 3", basedOn: "Normal", next: "Normal", before: -1, after: 40, indent: 880},
	{id: "ListBullet", name: "List Bullet", basedOn: "Normal", before: -1, after: 60},
	{id: "TableText", name: "Table Text", basedOn: "Normal", size: 20, before: 0, after: 0},
	{id: "Identite", name: "Identité de la consultation", basedOn: "Normal", size: 20, before: 0, after: 0},
	{id: "Header", name: "header", basedOn: "Normal", size: 18, before: 0, after: 0},
	{id: "Footer", name: "footer", basedOn: "Normal", size: 18, before: 0, after: 0, center: true},
}

func stylesXML() *etree.Document {
	doc, root := newXML("w:styles")
	root.CreateAttr("xmlns:w", nsW)
	dd := wEl(root, "docDefaults")
	rpr := wEl(wEl(dd, "rPrDefault"), "rPr")
	fonts := wEl(rpr, "rFonts")
	for _, a := range []string{"ascii", "hAnsi", "cs", "eastAsia"} {
		wAttr(fonts, a, "Liberation Serif")
	}
	wVal(rpr, "sz", "22")
	wVal(rpr, "szCs", "22")
	wVal(rpr, "lang", "fr-FR")
	ppr := wEl(wEl(dd, "pPrDefault"), "pPr")
	sp := wEl(ppr, "spacing")
	wAttr(sp, "after", "120")
	wAttr(sp, "line", "264")
	wAttr(sp, "lineRule", "auto")
	wVal(ppr, "jc", "both")

	normal := wEl(root, "style")
	wAttr(normal, "type", "paragraph")
	wAttr(normal, "default", "1")
	wAttr(normal, "styleId", "Normal")
	wVal(normal, "name", "Normal")
	wEl(normal, "qFormat")

	dpf := wEl(root, "style")
	wAttr(dpf, "type", "character")
	wAttr(dpf, "default", "1")
	wAttr(dpf, "styleId", "DefaultParagraphFont")
	wVal(dpf, "name", "Default Paragraph Font")
	wVal(dpf, "uiPriority", "1")
	wEl(dpf, "semiHidden")
	wEl(dpf, "unhideWhenUsed")

	tn := wEl(root, "style")
	wAttr(tn, "type", "table")
	wAttr(tn, "default", "1")
	wAttr(tn, "styleId", "TableNormal")
	wVal(tn, "name", "Normal Table")
	wEl(tn, "semiHidden")
	wEl(tn, "unhideWhenUsed")
	tm := wEl(wEl(tn, "tblPr"), "tblCellMar")
	for _, side := range []string{"top", "left", "bottom", "right"} {
		w := wAttr(wEl(tm, side), "w", map[string]string{"top": "0", "bottom": "0", "left": "108", "right": "108"}[side])
		wAttr(w, "type", "dxa")
	}

	for _, s := range paragraphStyles {
		st := wEl(root, "style")
		wAttr(st, "type", "paragraph")
		wAttr(st, "styleId", s.id)
		wVal(st, "name", s.name)
		if s.basedOn != "" {
			wVal(st, "basedOn", s.basedOn)
		}
		if s.next != "" {
			wVal(st, "next", s.next)
		}
		wEl(st, "qFormat")
		ppr := wEl(st, "pPr")
		if s.keepNext {
			wEl(ppr, "keepNext")
		}
		if s.before >= 0 || s.after >= 0 {
			sp := wEl(ppr, "spacing")
			if s.before >= 0 {
				wAttr(sp, "before", strconv.Itoa(s.before))
			}
			if s.after >= 0 {
				wAttr(sp, "after", strconv.Itoa(s.after))
			}
		}
		if s.indent > 0 {
			wAttr(wEl(ppr, "ind"), "left", strconv.Itoa(s.indent))
		}
		if s.center {
			wVal(ppr, "jc", "center")
		} else if s.id != "Normal" {
			wVal(ppr, "jc", "left")
		}
		if s.outline > 0 {
			wVal(ppr, "outlineLvl", strconv.Itoa(s.outline-1))
		}
		if s.bold || s.italic || s.size > 0 {
			rp := wEl(st, "rPr")
			if s.bold {
				wEl(rp, "b")
			}
			if s.italic {
				wEl(rp, "i")
			}
			if s.size > 0 {
				wVal(rp, "sz", strconv.Itoa(s.size))
				wVal(rp, "szCs", strconv.Itoa(s.size))
			}
		}
	}

	tg := wEl(root, "style")
	wAttr(tg, "type", "table")
	wAttr(tg, "styleId", "TableGrid")
	wVal(tg, "name", "Table Grid")
	wVal(tg, "basedOn", "TableNormal")
	borders := wEl(wEl(tg, "tblPr"), "tblBorders")
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		b := wVal(borders, side, "single")
		wAttr(b, "sz", "4")
		wAttr(b, "space", "0")
		wAttr(b, "color", "auto")
	}
	return doc
}
