package clauses

import (
	"errors"
	"slices"
	"strings"

	"github.com/openmarches/marches/internal/fielderr"
	"github.com/openmarches/marches/procurement"
)

// Mention is a mention the law requires in a document: some clause of the
// document must declare it in its header's "provides". It applies to the
// procedures listed (every procedure when empty) and, when When is set, when
// that condition holds for the consultation (a When naming a variable the
// library lacks makes the mention not apply).
type Mention struct {
	Code       string   `json:"code"`
	Document   string   `json:"document"`
	Procedures []string `json:"procedures,omitempty"`
	When       string   `json:"when,omitempty"`
	Basis      string   `json:"basis"`
}

var formalisedCodes = []string{"ouvert", "restreint", "negocie", "dialogue"}

// mentions is the table of Mentions.
var mentions = []Mention{
	{Code: "award_criteria", Document: "rc", Procedures: []string{"adapte", "ouvert", "restreint", "negocie", "dialogue", "partenariat_innovation"},
		Basis: "CCP R2152-11: the award criteria and how they are applied are stated in the consultation documents"},
	{Code: "award_criteria_weighting", Document: "rc", Procedures: formalisedCodes,
		Basis: "CCP R2152-12: in a formalised procedure the award criteria are weighted (or, failing that, ranked)"},
	{Code: "price_revision", Document: "ccap", When: `prix.forme == "revisable"`,
		Basis: "CCP R2112-13: a revisable price states the date of the initial price, the revision method and its periodicity"},
}

// Mentions returns the table of mandatory mentions Lint checks, besides
// the list of derogations to the CCAG (CCP R2112-3, see
// ErrDerogationsNotListed).
func Mentions() []Mention {
	out := make([]Mention, len(mentions))
	for i, m := range mentions {
		m.Procedures = slices.Clone(m.Procedures)
		out[i] = m
	}
	return out
}

// LintConfig tunes Lint.
type LintConfig struct {
	// Input, when set, adds the checks that need the consultation: missing
	// required values, conditions and templates evaluated (type errors,
	// references to clauses left out), and the mandatory mentions of the
	// consultation's procedure in the documents as assembled. Without it,
	// a mention only needs some clause of its document to provide it.
	Input *Input
}

// Lint checks a library (loaded or composed) and returns every problem,
// sorted by file, line and rule; none means the library is clean. The
// rules: ErrUnknownVariable (a template or condition names neither a
// variable nor a consultation field, or a loop item's unknown field),
// ErrVariableNotListed, ErrUnusedVariable, ErrBrokenRef (unknown or
// disabled clause), ErrConditionType (an enum compared with a value it
// does not list), ErrDerogationsNotListed, ErrMissingMention, and with
// cfg.Input the errors of NewScope and Assemble as problems.
func Lint(l *Library, cfg LintConfig) []Problem {
	var ps []Problem
	used := map[string]bool{}
	for _, c := range l.clauses {
		if l.isDisabled(c.id) {
			continue
		}
		ps = append(ps, l.lintClause(c, used)...)
	}
	for _, v := range l.vars {
		if !used[v.Name] {
			file := ManifestFile
			if o := l.varOrigin[v.Name]; o != "" {
				file = layerName(o, LayerFile)
			}
			ps = append(ps, newProblem(file, 1, "", ErrUnusedVariable, "variable "+v.Name+" is used by no clause"))
		}
	}
	ps = append(ps, l.lintDerogations()...)
	if cfg.Input == nil {
		ps = append(ps, l.lintMentionsStatic()...)
		return sortProblems(ps)
	}
	s, err := l.NewScope(*cfg.Input)
	if err != nil {
		var list fielderr.List
		if errors.As(err, &list) {
			for _, fe := range list {
				ps = append(ps, Problem{File: ManifestFile, Line: 1, Rule: fielderr.RuleCode(fe), Message: fe.Error(), Err: fe.Err})
			}
		} else {
			ps = append(ps, Problem{File: ManifestFile, Line: 1, Rule: fielderr.RuleCode(err), Message: err.Error(), Err: err})
		}
		return sortProblems(ps)
	}
	p, pps := l.planFor(s)
	ps = append(ps, pps...)
	if len(pps) == 0 {
		if _, err := l.AssembleAll(s); err != nil {
			var aps Problems
			if errors.As(err, &aps) {
				ps = append(ps, aps...)
			}
		}
		ps = append(ps, l.lintMentions(cfg.Input.Consultation.Procedure, s, p)...)
	}
	return sortProblems(ps)
}

func (l *Library) lintClause(c *Clause, used map[string]bool) []Problem {
	var ps []Problem
	listed := map[string]bool{}
	for _, v := range c.variables {
		listed[v] = true
	}
	usedHere := map[string]bool{}
	check := func(name string, loops []loopVar, line int, what string) {
		s, v := l.resolve(name, loops)
		if v != "" {
			used[v] = true
			usedHere[v] = true
			if !listed[v] {
				ps = append(ps, newProblem(c.file, line, c.id, ErrVariableNotListed, v+" is used by the "+what+"; add it to variables:"))
			}
		}
		if s == nil {
			ps = append(ps, newProblem(c.file, line, c.id, ErrUnknownVariable, name+" in the "+what+" is neither a variable nor a consultation field"))
		}
	}
	for _, na := range c.cond.namePositions() {
		check(na.name, nil, c.line("condition"), "condition")
	}
	ps = append(ps, l.lintEnums(c, c.cond, c.line("condition"))...)
	for _, u := range c.body.uses() {
		line := c.bodyPosLine(u.pos)
		if u.ref {
			if t, ok := l.byID[u.name]; !ok || l.isDisabled(t.id) {
				ps = append(ps, newProblem(c.file, line, c.id, ErrBrokenRef, "{{ref "+u.name+"}} names no clause of the library"))
			}
			continue
		}
		check(u.name, u.loops, line, "body")
	}
	var walk func(ns []*tnode)
	walk = func(ns []*tnode) {
		for _, n := range ns {
			if n.kind == tnIf {
				ps = append(ps, l.lintEnums(c, n.cond, c.bodyPosLine(n.condAt))...)
			}
			walk(n.then)
			walk(n.els)
		}
	}
	walk(c.body.nodes)
	for _, v := range c.variables {
		if _, ok := l.varIdx[v]; !ok {
			ps = append(ps, newProblem(c.file, c.line("variables"), c.id, ErrUnknownVariable, "variables: lists "+v+", which the library does not declare"))
			continue
		}
		if !usedHere[v] {
			ps = append(ps, newProblem(c.file, c.line("variables"), c.id, ErrUnusedVariable, "variables: lists "+v+", which the clause does not use"))
		}
	}
	return ps
}

// lintEnums reports comparisons of an enum variable with a string it does
// not list.
func (l *Library) lintEnums(c *Clause, cond Condition, line int) []Problem {
	var ps []Problem
	allowed := func(n *node) []string {
		if n.op != "name" {
			return nil
		}
		if i, ok := l.varIdx[n.name]; ok && l.vars[i].Type == TypeEnum {
			return l.vars[i].Values
		}
		return nil
	}
	var walk func(n *node)
	walk = func(n *node) {
		if n == nil {
			return
		}
		if n.op == "==" || n.op == "!=" || n.op == "in" {
			for _, pair := range [][2]*node{{n.a, n.b}, {n.b, n.a}} {
				vals := allowed(pair[0])
				if vals == nil {
					continue
				}
				lits := []*node{pair[1]}
				if pair[1].op == "list" {
					lits = pair[1].items
				}
				for _, lit := range lits {
					if lit.op == "lit" && lit.lit.k == kString && !slices.Contains(vals, lit.lit.s) {
						ps = append(ps, newProblem(c.file, line, c.id, ErrConditionType, pair[0].name+" is never "+quoteText(lit.lit.s)+" (values: "+strings.Join(vals, ", ")+")"))
					}
				}
			}
		}
		walk(n.a)
		walk(n.b)
		for _, it := range n.items {
			walk(it)
		}
	}
	walk(cond.root)
	return ps
}

// usesDerogations reports whether a clause's body lists the derogations.
func usesDerogations(c *Clause) bool {
	for _, u := range c.body.uses() {
		if u.name == "derogations" {
			return true
		}
	}
	return false
}

func (l *Library) lintDerogations() []Problem {
	var ps []Problem
	for _, d := range l.docs {
		var derog *Clause
		listed := false
		for _, c := range l.clauses {
			if l.isDisabled(c.id) || !slices.Contains(c.documents, d.ID) {
				continue
			}
			if len(c.derogates) > 0 && derog == nil {
				derog = c
			}
			if usesDerogations(c) {
				listed = true
			}
		}
		if derog != nil && !listed {
			ps = append(ps, newProblem(derog.file, derog.line("derogates"), derog.id, ErrDerogationsNotListed, "document "+d.ID+" has derogations but no clause lists them with {{#each derogations as d}} (CCP R2112-3)"))
		}
	}
	return ps
}

// mentionApplies reports whether the When condition of m only names known
// variables (static check).
func (l *Library) mentionKnown(m Mention) bool {
	if m.When == "" {
		return true
	}
	c, err := ParseCondition(m.When)
	if err != nil {
		return false
	}
	for _, n := range c.Names() {
		if s, _ := l.resolve(n, nil); s == nil {
			return false
		}
	}
	return true
}

func (l *Library) lintMentionsStatic() []Problem {
	var ps []Problem
	for _, m := range mentions {
		if _, ok := l.Document(m.Document); !ok || !l.mentionKnown(m) {
			continue
		}
		found := false
		for _, c := range l.clauses {
			if !l.isDisabled(c.id) && slices.Contains(c.documents, m.Document) && slices.Contains(c.provides, m.Code) {
				found = true
				break
			}
		}
		if !found {
			ps = append(ps, newProblem(ManifestFile, 1, "", ErrMissingMention, "no clause of "+m.Document+" provides "+m.Code+" ("+m.Basis+")"))
		}
	}
	return ps
}

func (l *Library) lintMentions(proc procurement.Procedure, s *Scope, p *plan) []Problem {
	var ps []Problem
	for _, m := range mentions {
		if _, ok := l.Document(m.Document); !ok || !l.mentionKnown(m) {
			continue
		}
		if len(m.Procedures) > 0 && !slices.Contains(m.Procedures, proc.String()) {
			continue
		}
		if m.When != "" {
			ok, err := MustParseCondition(m.When).Eval(s)
			if err != nil || !ok {
				continue
			}
		}
		found := false
		for id := range p.numbers[m.Document] {
			if c := l.byID[id]; c != nil && slices.Contains(c.provides, m.Code) {
				found = true
				break
			}
		}
		if !found {
			ps = append(ps, newProblem(ManifestFile, 1, "", ErrMissingMention, "the "+m.Document+" of this "+proc.String()+" consultation has no clause providing "+m.Code+" ("+m.Basis+")"))
		}
	}
	return ps
}
