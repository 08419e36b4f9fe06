package clauses

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
)

// Review statuses of a client change in an UpgradeReport. They are API:
// stable codes.
const (
	// StatusUnchanged: the vendor did not touch what the change is about;
	// nothing to do.
	StatusUnchanged = "unchanged"
	// StatusChangedUpstream: the vendor changed the clause (or the
	// variable's default) the client overrides; review the vendor's diff
	// and carry it into the client's version, then record the new version
	// in against.
	StatusChangedUpstream = "changed_upstream"
	// StatusRemovedUpstream: the vendor removed the clause or variable the
	// client overrides; the client's change is kept (a replacement stays as
	// an inserted clause) until the client deletes it.
	StatusRemovedUpstream = "removed_upstream"
	// StatusConflict: the change no longer applies as written (an inserted
	// clause whose id the vendor now uses, a parent the vendor removed, a
	// default the new type rejects); the composed library cannot be built
	// until the client fixes it. Nothing is dropped.
	StatusConflict = "conflict"
)

// ChangeReview is the review of one client change in an UpgradeReport.
type ChangeReview struct {
	// Index is the change's position in the layer's changes.
	Index int `json:"index"`
	// Op, Clause and Variable repeat the change.
	Op       string `json:"op"`
	Clause   string `json:"clause,omitempty"`
	Variable string `json:"variable,omitempty"`
	// Against is the vendor version the change was made against.
	Against Against `json:"against"`
	// Status is one of the Status constants.
	Status string `json:"status"`
	// FromVersion and ToVersion are the clause's versions in the old and
	// new vendor libraries (0 when absent).
	FromVersion int `json:"from_version,omitempty"`
	ToVersion   int `json:"to_version,omitempty"`
	// Diff is the vendor's change of the clause file, old to new, as a
	// unified diff (empty when unchanged or absent).
	Diff string `json:"diff,omitempty"`
	// DefaultFrom and DefaultTo are the vendor's defaults of the variable
	// in the old and new libraries, as JSON text.
	DefaultFrom string `json:"default_from,omitempty"`
	DefaultTo   string `json:"default_to,omitempty"`
	// Note says what to do, in English.
	Note string `json:"note,omitempty"`
}

// NewClause is a clause the new vendor library adds.
type NewClause struct {
	Clause    string   `json:"clause"`
	Title     string   `json:"title"`
	Documents []string `json:"documents"`
	Version   int      `json:"version"`
}

// UpgradeReport is what upgrading a vendor library means for a client
// layer: every client change reviewed (none is ever dropped), the clauses
// the vendor added, removed and changed, and the problems of the new
// composition.
type UpgradeReport struct {
	Layer  string `json:"layer"`
	Vendor string `json:"vendor"`
	From   string `json:"from"`
	To     string `json:"to"`
	// ReviewNeeded counts the changes whose status is not unchanged.
	ReviewNeeded int `json:"review_needed"`
	// Changes reviews every client change, in the layer's order.
	Changes []ChangeReview `json:"changes"`
	// NewUpstream lists the clauses the new vendor library adds.
	NewUpstream []NewClause `json:"new_upstream"`
	// RemovedUpstream lists the ids of the vendor clauses removed.
	RemovedUpstream []string `json:"removed_upstream"`
	// UpdatedUpstream lists the ids of the vendor clauses changed that the
	// client does not override: their new text applies as is.
	UpdatedUpstream []string `json:"updated_upstream"`
	// Problems are those of composing the new vendor library with the
	// layer (Compose, then Lint); empty when the upgrade applies cleanly.
	Problems []Problem `json:"problems"`
}

// Upgrade reviews a client layer made for the vendor library from against
// the new vendor library to. A replacement or deactivation is
// changed_upstream when the new vendor clause's version differs from the
// one recorded in the change (or its text differs from the old one), with
// the vendor's diff; removed_upstream when the vendor dropped the clause;
// an inserted clause is in conflict when the vendor now uses its id or
// removed its parent; a default is changed_upstream when the vendor's
// default changed, removed_upstream when the variable is gone, in conflict
// when the new type rejects the value. Upgrade never modifies the layer:
// every client change stays in it. Errors: ErrVendorMismatch when the
// libraries or the layer are for different vendors.
func Upgrade(from, to *Library, layer *Layer) (UpgradeReport, error) {
	if from.name != to.name || layer.vendor != to.name {
		return UpgradeReport{}, &FieldError{Field: "vendor", Value: layer.vendor, Err: ErrVendorMismatch,
			Detail: "from is " + from.name + ", to is " + to.name}
	}
	r := UpgradeReport{Layer: layer.name, Vendor: to.name, From: from.version, To: to.version,
		Changes: []ChangeReview{}, NewUpstream: []NewClause{}, RemovedUpstream: []string{}, UpdatedUpstream: []string{}, Problems: []Problem{}}
	overridden := map[string]bool{}
	for i, ch := range layer.changes {
		cr := ChangeReview{Index: i, Op: ch.Op.String(), Clause: ch.Clause, Variable: ch.Variable, Against: ch.Against, Status: StatusUnchanged}
		if ch.Against.Library != from.version {
			cr.Note = "made against vendor version " + ch.Against.Library + ", reviewed from " + from.version + ". "
		}
		switch ch.Op {
		case OpReplace, OpDisable:
			overridden[ch.Clause] = true
			old, inOld := from.byID[ch.Clause]
			cur, inNew := to.byID[ch.Clause]
			if inOld {
				cr.FromVersion = old.version
			}
			switch {
			case !inNew:
				cr.Status = StatusRemovedUpstream
				if ch.Op == OpReplace {
					cr.Note += "the vendor removed this clause; your replacement is kept as an inserted clause: delete the change if it is no longer wanted"
				} else {
					cr.Note += "the vendor removed this clause; the deactivation has no effect any more and can be deleted"
				}
			default:
				cr.ToVersion = cur.version
				textChanged := inOld && old.text != cur.text
				if cur.version != ch.Against.Clause || textChanged {
					cr.Status = StatusChangedUpstream
					if inOld {
						cr.Diff = UnifiedDiff(old.file+" ("+from.version+")", cur.file+" ("+to.version+")", old.text, cur.text)
					}
					cr.Note += "the vendor changed this clause from version " + strconv.Itoa(ch.Against.Clause) + " to " + strconv.Itoa(cur.version) + ": review the diff, carry what applies into your " + ch.Op.String() + ", then set against.clause to " + strconv.Itoa(cur.version)
				}
			}
		case OpInsert:
			c := layer.files[ch.File]
			if c == nil {
				break
			}
			cr.Clause = c.id
			overridden[c.id] = true
			if v, clash := to.byID[c.id]; clash && v.origin == "" {
				cr.Status = StatusConflict
				cr.Note += "the vendor now has a clause with this id: rename your inserted clause (or turn the insertion into a replacement)"
			} else if c.parent != "" {
				if _, ok := to.byID[c.parent]; !ok && !layerHas(layer, c.parent) {
					cr.Status = StatusConflict
					cr.Note += "the vendor removed the parent " + c.parent + ": give your clause another parent"
				}
			}
		case OpDefault:
			ov, inOld := from.Variable(ch.Variable)
			nv, inNew := to.Variable(ch.Variable)
			if inOld {
				cr.DefaultFrom = jsonText(ov.Default)
			}
			switch {
			case !inNew && !layerDeclares(layer, ch.Variable):
				cr.Status = StatusRemovedUpstream
				cr.Note += "the vendor removed this variable: delete the change"
			case inNew:
				cr.DefaultTo = jsonText(nv.Default)
				if _, msg := convert(nv.Type, ch.Value, nv.Values, nv.Tax, nv.Items, nv.Fields); msg != "" {
					cr.Status = StatusConflict
					cr.Note += "your value no longer fits the variable (" + nv.Type.String() + "): " + msg
				} else if cr.DefaultFrom != cr.DefaultTo || (inOld && (ov.Type != nv.Type || !slices.Equal(ov.Values, nv.Values))) {
					cr.Status = StatusChangedUpstream
					cr.Note += "the vendor changed this variable's default or type: check that your value still applies"
				}
			}
		}
		if cr.Status != StatusUnchanged {
			r.ReviewNeeded++
		}
		cr.Note = strings.TrimSpace(cr.Note)
		r.Changes = append(r.Changes, cr)
	}
	for _, c := range to.clauses {
		if old, ok := from.byID[c.id]; !ok {
			r.NewUpstream = append(r.NewUpstream, NewClause{Clause: c.id, Title: c.title, Documents: slices.Clone(c.documents), Version: c.version})
		} else if (old.version != c.version || old.text != c.text) && !overridden[c.id] {
			r.UpdatedUpstream = append(r.UpdatedUpstream, c.id)
		}
	}
	for _, c := range from.clauses {
		if _, ok := to.byID[c.id]; !ok {
			r.RemovedUpstream = append(r.RemovedUpstream, c.id)
		}
	}
	composed, err := Compose(to, layer)
	if err != nil {
		var ps Problems
		if errors.As(err, &ps) {
			r.Problems = append(r.Problems, ps...)
		} else {
			r.Problems = append(r.Problems, Problem{File: LayerFile, Line: 1, Rule: ruleCode(err), Message: err.Error(), Err: err})
		}
	} else {
		r.Problems = append(r.Problems, Lint(composed, LintConfig{})...)
	}
	return r, nil
}

func layerHas(y *Layer, id string) bool {
	for _, c := range y.files {
		if c.id == id {
			return true
		}
	}
	return false
}

func layerDeclares(y *Layer, name string) bool {
	return slices.ContainsFunc(y.vars, func(v Variable) bool { return v.Name == name })
}

func jsonText(v any) string {
	if v == nil {
		return ""
	}
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(b)
}

// UnifiedDiff returns the line diff of a and b in the unified format
// ("--- a", "+++ b", "@@ -l,n +l,n @@" hunks with 3 lines of context), or
// "" when they are equal. It uses a longest-common-subsequence table, so
// texts beyond 4 000 lines each are shown as a whole replacement.
func UnifiedDiff(nameA, nameB, a, b string) string {
	if a == b {
		return ""
	}
	al, bl := splitLines(a), splitLines(b)
	ops := diffLines(al, bl)
	const ctx = 3
	var out strings.Builder
	out.WriteString("--- " + nameA + "\n+++ " + nameB + "\n")
	// Group ops into hunks.
	i := 0
	for i < len(ops) {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		start := max(i-ctx, 0)
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == ' ' {
				run++
			}
			if run-end > 2*ctx || run == len(ops) {
				end = min(end+ctx, len(ops))
				break
			}
			end = run
		}
		aStart, bStart, aN, bN := ops[start].a, ops[start].b, 0, 0
		for _, o := range ops[start:end] {
			if o.kind != '+' {
				aN++
			}
			if o.kind != '-' {
				bN++
			}
		}
		out.WriteString("@@ -" + hunkRange(aStart, aN) + " +" + hunkRange(bStart, bN) + " @@\n")
		for _, o := range ops[start:end] {
			out.WriteByte(o.kind)
			out.WriteString(o.text)
			out.WriteByte('\n')
		}
		i = end
	}
	return out.String()
}

func hunkRange(start, n int) string {
	if n == 0 {
		return strconv.Itoa(start) + ",0"
	}
	return strconv.Itoa(start+1) + "," + strconv.Itoa(n)
}

type diffOp struct {
	kind byte // ' ', '-', '+'
	text string
	a, b int // 0-based line indexes in a and b where the op sits
}

func splitLines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func diffLines(a, b []string) []diffOp {
	n, m := len(a), len(b)
	var ops []diffOp
	if n > 4000 || m > 4000 {
		for i, l := range a {
			ops = append(ops, diffOp{'-', l, i, 0})
		}
		for j, l := range b {
			ops = append(ops, diffOp{'+', l, n, j})
		}
		return ops
	}
	// lcs[i][j] = LCS length of a[i:] and b[j:].
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			ops = append(ops, diffOp{' ', a[i], i, j})
			i++
			j++
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, diffOp{'-', a[i], i, j})
			i++
		default:
			ops = append(ops, diffOp{'+', b[j], i, j})
			j++
		}
	}
	return ops
}
