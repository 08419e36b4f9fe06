package clauses

import (
	"errors"
	"slices"
	"strconv"
	"strings"
)

// Identity is the consultation's identity printed in the header of every
// document: the buyer, the consultation's reference and title, and the
// procedure.
type Identity struct {
	Buyer     string `json:"buyer"`
	Reference string `json:"reference"`
	Title     string `json:"title"`
	Procedure string `json:"procedure"`
}

// TOCEntry is one line of a document's table of contents.
type TOCEntry struct {
	// Clause is the clause's id.
	Clause string `json:"clause"`
	// Number is "3", "3.1", "3.1.2" for articles and "1" for annexes.
	Number string `json:"number"`
	// Title is the clause's title.
	Title string `json:"title"`
	// Level is 1 for an article, 2 for a sub-article..., 1 for an annex.
	Level int `json:"level"`
	// Annex is set for annexes.
	Annex bool `json:"annex,omitempty"`
}

// Heading returns the entry as a heading: "Article 3 – Prix" for a
// top-level article, "3.1 – Forme des prix" below, "Annexe 1 – ..." for
// an annex.
func (e TOCEntry) Heading() string {
	switch {
	case e.Annex:
		return "Annexe " + e.Number + " – " + e.Title
	case e.Level == 1:
		return "Article " + e.Number + " – " + e.Title
	}
	return e.Number + " – " + e.Title
}

type article struct {
	entry    TOCEntry
	blocks   []block
	children []*article
	origin   string
}

// Document is an assembled document (RC, CCAP, AE...): its identity,
// articles numbered in order (Article 1, 1.1, 1.1.1), annexes, a table of
// contents, and cross-references resolved to final numbers. Render it
// with Markdown, HTML or DOCX. A Document is immutable and safe for
// concurrent use; rendering it is deterministic.
type Document struct {
	spec     DocumentSpec
	ident    Identity
	library  string
	version  string
	articles []*article
	annexes  []*article
	toc      []TOCEntry
}

// ID returns the document's id ("ccap").
func (d *Document) ID() string { return d.spec.ID }

// Title returns the document's title ("Cahier des clauses administratives
// particulières").
func (d *Document) Title() string { return d.spec.Title }

// Short returns the document's short name ("CCAP").
func (d *Document) Short() string { return d.spec.Short }

// Library returns the name and version of the vendor library the document
// was assembled from.
func (d *Document) Library() (name, version string) { return d.library, d.version }

// Identity returns the consultation's identity.
func (d *Document) Identity() Identity { return d.ident }

// TOC returns the table of contents: articles in order, depth first, then
// annexes.
func (d *Document) TOC() []TOCEntry { return slices.Clone(d.toc) }

// ArticleCount returns the number of articles at every level, annexes
// excluded.
func (d *Document) ArticleCount() int {
	n := 0
	for _, e := range d.toc {
		if !e.Annex {
			n++
		}
	}
	return n
}

// AnnexCount returns the number of annexes.
func (d *Document) AnnexCount() int { return len(d.toc) - d.ArticleCount() }

// Number returns the final number of a clause in the document.
func (d *Document) Number(clause string) (string, bool) {
	for _, e := range d.toc {
		if e.Clause == clause {
			return e.Number, true
		}
	}
	return "", false
}

// plan is the selection and numbering of every document of a library
// for one scope.
type plan struct {
	included map[string]bool                // clause ids whose condition holds and that are not disabled
	roots    map[string][]*planNode         // document -> articles
	annexes  map[string][]*planNode         // document -> annexes
	numbers  map[string]map[string]TOCEntry // document -> clause -> entry
}

type planNode struct {
	c        *Clause
	entry    TOCEntry
	children []*planNode
}

// planFor evaluates every clause's condition once and numbers every
// document.
func (l *Library) planFor(s *Scope) (*plan, []Problem) {
	e := &env{base: s.vars}
	p := &plan{included: map[string]bool{}, roots: map[string][]*planNode{}, annexes: map[string][]*planNode{}, numbers: map[string]map[string]TOCEntry{}}
	var ps []Problem
	for _, c := range l.clauses {
		if l.isDisabled(c.id) {
			continue
		}
		ok, err := c.cond.eval(e)
		if err != nil {
			ps = append(ps, synProblems(c.file, c.id, c.line("condition"), err, nil)...)
			continue
		}
		if ok {
			p.included[c.id] = true
		}
	}
	// An article is in a document when it and all its ancestors are
	// included.
	in := func(c *Clause) bool {
		for seen := 0; c != nil && seen <= MaxDepth; seen++ {
			if !p.included[c.id] {
				return false
			}
			if c.parent == "" {
				return true
			}
			c = l.byID[c.parent]
		}
		return false
	}
	order := func(a, b *planNode) int {
		if a.c.position != b.c.position {
			return a.c.position - b.c.position
		}
		return strings.Compare(a.c.id, b.c.id)
	}
	for _, d := range l.docs {
		nodes := map[string]*planNode{}
		var roots, annexes []*planNode
		for _, c := range l.clauses {
			if slices.Contains(c.documents, d.ID) && in(c) {
				nodes[c.id] = &planNode{c: c}
			}
		}
		for _, c := range l.clauses {
			n, ok := nodes[c.id]
			if !ok {
				continue
			}
			switch {
			case c.IsAnnex():
				annexes = append(annexes, n)
			case c.parent == "":
				roots = append(roots, n)
			default:
				parent := nodes[c.parent]
				parent.children = append(parent.children, n)
			}
		}
		nums := map[string]TOCEntry{}
		var number func(ns []*planNode, prefix string, level int)
		number = func(ns []*planNode, prefix string, level int) {
			slices.SortFunc(ns, order)
			for i, n := range ns {
				num := strconv.Itoa(i + 1)
				if prefix != "" {
					num = prefix + "." + num
				}
				n.entry = TOCEntry{Clause: n.c.id, Number: num, Title: n.c.title, Level: level}
				nums[n.c.id] = n.entry
				number(n.children, num, level+1)
			}
		}
		number(roots, "", 1)
		slices.SortFunc(annexes, order)
		for i, n := range annexes {
			n.entry = TOCEntry{Clause: n.c.id, Number: strconv.Itoa(i + 1), Title: n.c.title, Level: 1, Annex: true}
			nums[n.c.id] = n.entry
		}
		p.roots[d.ID], p.annexes[d.ID], p.numbers[d.ID] = roots, annexes, nums
	}
	return p, ps
}

// Assemble builds the document docID from in: it computes the scope
// (NewScope), keeps the clauses of the document whose condition holds and
// that no layer disabled (a sub-article goes with its parent), numbers
// them by position, resolves cross-references (a clause of another
// document is written "4.2 du CCAP"), lists the derogations to the CCAG,
// and renders every body. Errors: those of NewScope, ErrUnknownDocument,
// and Problems naming the clause and line for conditions and templates
// (ErrConditionType, ErrUnknownVariable, ErrBrokenRef, ErrNotAList,
// ErrTooLarge).
func (l *Library) Assemble(docID string, in Input) (*Document, error) {
	s, err := l.NewScope(in)
	if err != nil {
		return nil, err
	}
	return l.AssembleScope(docID, s)
}

// AssembleScope is Assemble with a scope built once by NewScope.
func (l *Library) AssembleScope(docID string, s *Scope) (*Document, error) {
	if _, ok := l.Document(docID); !ok {
		return nil, &FieldError{Field: "document", Value: docID, Err: ErrUnknownDocument}
	}
	p, ps := l.planFor(s)
	if len(ps) > 0 {
		return nil, problemsErr(ps)
	}
	return l.build(docID, s, p)
}

// AssembleAll builds every document of the library, in manifest order,
// sharing one selection and numbering.
func (l *Library) AssembleAll(s *Scope) ([]*Document, error) {
	p, ps := l.planFor(s)
	if len(ps) > 0 {
		return nil, problemsErr(ps)
	}
	out := make([]*Document, 0, len(l.docs))
	var all []Problem
	for _, d := range l.docs {
		doc, err := l.build(d.ID, s, p)
		if err != nil {
			var dps Problems
			if errors.As(err, &dps) {
				all = append(all, dps...)
				continue
			}
			return nil, err
		}
		out = append(out, doc)
	}
	if len(all) > 0 {
		return nil, problemsErr(all)
	}
	return out, nil
}

func (l *Library) build(docID string, s *Scope, p *plan) (*Document, error) {
	spec, _ := l.Document(docID)
	short := map[string]string{}
	for _, d := range l.docs {
		short[d.ID] = d.Short
	}
	ref := func(id string) (string, bool) {
		if e, ok := p.numbers[docID][id]; ok {
			return e.Number, true
		}
		for _, d := range l.docs {
			if e, ok := p.numbers[d.ID][id]; ok {
				return e.Number + " du " + short[d.ID], true
			}
		}
		return "", false
	}
	text := func(name string) string {
		v := s.vars[name]
		return v.text
	}
	doc := &Document{spec: spec, library: l.name, version: l.version, ident: Identity{
		Buyer: text("buyer.name"), Reference: text("reference"), Title: text("title"), Procedure: text("procedure.label"),
	}}
	// Derogations, in document order.
	var derogs []value
	var walk func(ns []*planNode)
	walk = func(ns []*planNode) {
		for _, n := range ns {
			for _, a := range n.c.derogates {
				num := "article " + n.entry.Number
				if n.entry.Annex {
					num = "annexe " + n.entry.Number
				}
				derogs = append(derogs, value{k: kRecord, rec: &record{names: []string{"article", "title", "ccag"}, values: map[string]value{
					"article": strValue(num), "title": strValue(n.c.title), "ccag": strValue(a),
				}}})
			}
			walk(n.children)
		}
	}
	walk(p.roots[docID])
	walk(p.annexes[docID])
	e := &env{base: s.vars}
	e.push("document", value{k: kRecord, rec: &record{names: []string{"id", "title", "short"}, values: map[string]value{
		"id": strValue(spec.ID), "title": strValue(spec.Title), "short": strValue(spec.Short),
	}}})
	e.push("derogations", listValue(derogs))
	e.push("ccag", value{k: kRecord, rec: &record{names: []string{"name", "short"}, values: map[string]value{
		"name": optText(l.ccag.Name), "short": optText(l.ccag.Short),
	}}})
	var ps []Problem
	var render func(ns []*planNode) []*article
	var sb strings.Builder
	render = func(ns []*planNode) []*article {
		out := make([]*article, 0, len(ns))
		for _, n := range ns {
			sb.Reset()
			if err := n.c.body.execute(e, ref, &sb); err != nil {
				ps = append(ps, synProblems(n.c.file, n.c.id, 0, err, n.c)...)
				continue
			}
			a := &article{entry: n.entry, blocks: parseBlocks(sb.String()), origin: n.c.origin}
			doc.toc = append(doc.toc, n.entry)
			a.children = render(n.children)
			out = append(out, a)
		}
		return out
	}
	doc.articles = render(p.roots[docID])
	doc.annexes = render(p.annexes[docID])
	if len(ps) > 0 {
		return nil, problemsErr(ps)
	}
	return doc, nil
}
