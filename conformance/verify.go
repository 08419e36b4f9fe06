package conformance

import (
	"slices"
	"strconv"
	"strings"

	"github.com/openmarches/marches/internal/fielderr"
)

// Case statuses in a Report.
const (
	// StatusPassed: the answer equals the expected output, leaf for leaf.
	StatusPassed = "passed"
	// StatusFailed: the answer differs (see Diffs); for a family, at least
	// one of its vectors failed or is missing.
	StatusFailed = "failed"
	// StatusMissing: no answer for a vector of a family that was answered
	// (or selected); it counts as a failure.
	StatusMissing = "missing"
	// StatusSkipped: the family was not selected and has no answer at
	// all; nothing was checked.
	StatusSkipped = "skipped"
)

// Diff kinds.
const (
	// DiffValue: the leaf exists on both sides with different values.
	DiffValue = "differs"
	// DiffMissing: the expected leaf (or list element) is absent from the
	// answer.
	DiffMissing = "missing"
	// DiffUnexpected: the answer has a leaf (or list element) the expected
	// output does not.
	DiffUnexpected = "unexpected"
)

// Diff is one difference between an expected output and an answer. For a
// list of scalars (such as "dates"), elements are matched by value in
// order (a longest common subsequence), so a missing holiday is one
// "missing" diff on the path "dates" rather than a shift of every later
// index.
type Diff struct {
	// Path names the leaf ("date", "invoices[1].ht") or the list ("dates").
	Path string `json:"path"`
	// Kind is DiffValue, DiffMissing or DiffUnexpected.
	Kind string `json:"kind"`
	// Want is the expected value ("" for DiffUnexpected), Got the
	// answer's ("" for DiffMissing).
	Want string `json:"want,omitempty"`
	Got  string `json:"got,omitempty"`
}

// String formats the diff for people: `date: want "2026-12-28", got
// "2026-12-25"`, `dates: missing "2026-04-03"`, `dates: unexpected
// "2026-04-04"`.
func (d Diff) String() string {
	p := d.Path
	if p == "" {
		p = "(value)"
	}
	switch d.Kind {
	case DiffMissing:
		return p + ": missing " + strconv.Quote(d.Want)
	case DiffUnexpected:
		return p + ": unexpected " + strconv.Quote(d.Got)
	}
	return p + ": want " + strconv.Quote(d.Want) + ", got " + strconv.Quote(d.Got)
}

// CaseResult is the check of one vector.
type CaseResult struct {
	// ID, Operation and Description are the vector's.
	ID          string `json:"id"`
	Operation   string `json:"operation"`
	Description Text   `json:"description"`
	// Status is StatusPassed, StatusFailed, StatusMissing or
	// StatusSkipped.
	Status string `json:"status"`
	// Diffs are the differences of a failed vector, in the order of the
	// expected output, unexpected fields last.
	Diffs []Diff `json:"diffs,omitempty"`
}

// FamilyResult is the check of one family: its status (passed, failed or
// skipped), counts and one CaseResult per vector in file order.
type FamilyResult struct {
	// Family and Title are the family's name and title.
	Family string `json:"family"`
	Title  Text   `json:"title"`
	// Status is StatusPassed, StatusFailed or StatusSkipped.
	Status string `json:"status"`
	// Vectors counts the family's vectors; Passed, Failed, Missing and
	// Skipped count them by status and add up to Vectors.
	Vectors int `json:"vectors"`
	Passed  int `json:"passed"`
	Failed  int `json:"failed"`
	Missing int `json:"missing"`
	Skipped int `json:"skipped"`
	// Cases has one result per vector, in file order.
	Cases []CaseResult `json:"cases"`
}

// Report is the outcome of [Verify]. Its JSON form is the struct's; the
// text form is [Report.Text] and the JUnit XML form [Report.JUnit].
type Report struct {
	// Format is the vectors file format checked against (Format).
	Format string `json:"format"`
	// OK is true when no family failed and no answered id is unknown.
	OK bool `json:"ok"`
	// Vectors counts the vectors of the families checked; Passed, Failed,
	// Missing and Skipped count them by status.
	Vectors int `json:"vectors"`
	Passed  int `json:"passed"`
	Failed  int `json:"failed"`
	Missing int `json:"missing"`
	Skipped int `json:"skipped"`
	// Families has one result per family checked, sorted by name.
	Families []FamilyResult `json:"families"`
	// Unknown lists answered ids that are no vector of the set (a typo, or
	// answers to another version of the kit); any makes the report fail.
	Unknown []string `json:"unknown_ids,omitempty"`
	// Ignored counts the answers to vectors of families left out by
	// Options.Families.
	Ignored int `json:"ignored_answers,omitempty"`
}

// Options tune [Verify].
type Options struct {
	// Families, when not empty, restricts the check to these families,
	// and each of their vectors must then be answered. When empty, every
	// family is checked, and a family without a single answer is skipped
	// rather than failed (an implementation may cover part of the kit).
	Families []string
}

// Verify compares answers with the expected outputs of the set's vectors,
// leaf by leaf, as text (see [Leaves]). A vector passes when the answer
// has exactly the expected leaves with the expected values: a missing
// leaf, a different value or an extra leaf fails it. A family fails when
// one of its vectors fails or is missing; the report is OK when no family
// fails and every answered id is a vector of the set.
//
// It fails only with ErrUnknownFamily, for a name in opts.Families that
// the set does not have. The result depends only on its arguments.
func Verify(s *Set, a Answers, opts Options) (*Report, error) {
	selected := map[string]bool{}
	var errs []*FieldError
	for _, name := range opts.Families {
		if _, err := s.Family(name); err != nil {
			errs = append(errs, &FieldError{Field: "families", Value: name, Err: ErrUnknownFamily,
				Detail: "known: " + strings.Join(s.Names(), ", ")})
			continue
		}
		selected[name] = true
	}
	if len(errs) > 0 {
		return nil, fielderr.Join(errs)
	}
	r := &Report{Format: Format, OK: true}
	known := map[string]bool{}
	for _, f := range s.families {
		for _, v := range f.Vectors {
			known[v.ID] = true
		}
		if len(selected) > 0 && !selected[f.Name] {
			for _, v := range f.Vectors {
				if _, ok := a.byID[v.ID]; ok {
					r.Ignored++
				}
			}
			continue
		}
		fr := FamilyResult{Family: f.Name, Title: f.Title, Vectors: len(f.Vectors)}
		answered := len(selected) > 0
		for _, v := range f.Vectors {
			if _, ok := a.byID[v.ID]; ok {
				answered = true
				break
			}
		}
		for _, v := range f.Vectors {
			c := CaseResult{ID: v.ID, Operation: v.Operation, Description: v.Description}
			got, ok := a.byID[v.ID]
			switch {
			case !answered:
				c.Status = StatusSkipped
				fr.Skipped++
			case !ok:
				c.Status = StatusMissing
				fr.Missing++
			default:
				want, err := Leaves(v.Expected)
				if err != nil { // unreachable: ParseFamily checked the JSON
					want = []Leaf{{Path: "", Value: string(v.Expected)}}
				}
				c.Diffs = compareLeaves(want, got)
				if len(c.Diffs) == 0 {
					c.Status = StatusPassed
					fr.Passed++
				} else {
					c.Status = StatusFailed
					fr.Failed++
				}
			}
			fr.Cases = append(fr.Cases, c)
		}
		switch {
		case !answered:
			fr.Status = StatusSkipped
		case fr.Failed+fr.Missing > 0:
			fr.Status = StatusFailed
			r.OK = false
		default:
			fr.Status = StatusPassed
		}
		r.Vectors += fr.Vectors
		r.Passed += fr.Passed
		r.Failed += fr.Failed
		r.Missing += fr.Missing
		r.Skipped += fr.Skipped
		r.Families = append(r.Families, fr)
	}
	for _, id := range a.IDs() {
		if !known[id] {
			r.Unknown = append(r.Unknown, id)
		}
	}
	if len(r.Unknown) > 0 {
		r.OK = false
	}
	return r, nil
}

// listElem splits the path of a list element, "dates[3]", into its list
// path "dates"; ok is false for any other path.
func listElem(p string) (list string, ok bool) {
	if len(p) < 3 || p[len(p)-1] != ']' {
		return "", false
	}
	i := strings.LastIndexByte(p, '[')
	if i < 0 || i == len(p)-2 {
		return "", false
	}
	for _, c := range p[i+1 : len(p)-1] {
		if c < '0' || c > '9' {
			return "", false
		}
	}
	return p[:i], true
}

// maxLCS bounds the size of the table of the list alignment; longer lists
// are compared index by index.
const maxLCS = 1 << 20

// compareLeaves returns the differences between want and got, in the
// order of want's leaves, then the unexpected leaves sorted by path.
func compareLeaves(want, got []Leaf) []Diff {
	type list struct {
		pos        int // position of the first leaf in want, or -1
		want, got  []string
		wantExists bool
		gotExists  bool
	}
	lists := map[string]*list{}
	listOf := func(p string) *list {
		l := lists[p]
		if l == nil {
			l = &list{pos: -1}
			lists[p] = l
		}
		return l
	}
	// A path is a list of scalars when some side has p[i] leaves directly.
	isList := map[string]bool{}
	for _, side := range [][]Leaf{want, got} {
		for _, l := range side {
			if lp, ok := listElem(l.Path); ok {
				isList[lp] = true
			}
		}
	}
	type keyed struct {
		pos  int
		diff Diff
	}
	var diffs []keyed
	wantByPath := map[string]string{}
	wantPos := map[string]int{}
	for i, l := range want {
		if lp, ok := listElem(l.Path); ok && isList[lp] {
			li := listOf(lp)
			if li.pos < 0 {
				li.pos = i
			}
			li.want = append(li.want, l.Value)
			li.wantExists = true
			continue
		}
		if l.Value == "[]" && isList[l.Path] {
			li := listOf(l.Path)
			if li.pos < 0 {
				li.pos = i
			}
			li.wantExists = true
			continue
		}
		wantByPath[l.Path] = l.Value
		wantPos[l.Path] = i
	}
	gotByPath := map[string]string{}
	for _, l := range got {
		if lp, ok := listElem(l.Path); ok && isList[lp] {
			li := listOf(lp)
			li.got = append(li.got, l.Value)
			li.gotExists = true
			continue
		}
		if l.Value == "[]" && isList[l.Path] {
			listOf(l.Path).gotExists = true
			continue
		}
		gotByPath[l.Path] = l.Value
	}
	for p, v := range wantByPath {
		g, ok := gotByPath[p]
		switch {
		case !ok:
			diffs = append(diffs, keyed{wantPos[p], Diff{Path: p, Kind: DiffMissing, Want: v}})
		case g != v:
			diffs = append(diffs, keyed{wantPos[p], Diff{Path: p, Kind: DiffValue, Want: v, Got: g}})
		}
	}
	unexpectedPos := len(want)
	var unexpected []Diff
	for p, g := range gotByPath {
		if _, ok := wantByPath[p]; !ok {
			unexpected = append(unexpected, Diff{Path: p, Kind: DiffUnexpected, Got: g})
		}
	}
	for p, li := range lists {
		pos := li.pos
		if pos < 0 {
			pos = unexpectedPos
		}
		if !li.wantExists {
			for _, g := range li.got {
				unexpected = append(unexpected, Diff{Path: p, Kind: DiffUnexpected, Got: g})
			}
			if li.gotExists && len(li.got) == 0 {
				unexpected = append(unexpected, Diff{Path: p, Kind: DiffUnexpected, Got: "[]"})
			}
			continue
		}
		if !li.gotExists {
			if len(li.want) == 0 {
				diffs = append(diffs, keyed{pos, Diff{Path: p, Kind: DiffMissing, Want: "[]"}})
			}
			for _, w := range li.want {
				diffs = append(diffs, keyed{pos, Diff{Path: p, Kind: DiffMissing, Want: w}})
			}
			continue
		}
		for _, d := range alignLists(p, li.want, li.got) {
			diffs = append(diffs, keyed{pos, d})
		}
	}
	// Every leaf and every list has its own position, and a list's diffs
	// are appended in alignment order, so a stable sort by position is
	// deterministic whatever the order of the maps above.
	slices.SortStableFunc(diffs, func(a, b keyed) int { return a.pos - b.pos })
	slices.SortFunc(unexpected, func(a, b Diff) int {
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		return strings.Compare(a.Got, b.Got)
	})
	if len(diffs)+len(unexpected) == 0 {
		return nil
	}
	out := make([]Diff, 0, len(diffs)+len(unexpected))
	for _, d := range diffs {
		out = append(out, d.diff)
	}
	return append(out, unexpected...)
}

// alignLists diffs two lists of scalars: elements of a longest common
// subsequence match; the others are missing or unexpected, in list order.
// A pair of one missing and one unexpected element at the same place is
// reported as one "differs" diff with the element's index.
func alignLists(path string, want, got []string) []Diff {
	if slices.Equal(want, got) {
		return nil
	}
	n, m := len(want), len(got)
	if (n+1)*(m+1) > maxLCS {
		var out []Diff
		for i := 0; i < max(n, m); i++ {
			p := path + "[" + strconv.Itoa(i) + "]"
			switch {
			case i >= m:
				out = append(out, Diff{Path: p, Kind: DiffMissing, Want: want[i]})
			case i >= n:
				out = append(out, Diff{Path: p, Kind: DiffUnexpected, Got: got[i]})
			case want[i] != got[i]:
				out = append(out, Diff{Path: p, Kind: DiffValue, Want: want[i], Got: got[i]})
			}
		}
		return out
	}
	// lcs[i][j] = length of the LCS of want[i:] and got[j:].
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if want[i] == got[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []Diff
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && want[i] == got[j]:
			i++
			j++
		case i < n && j < m && lcs[i+1][j+1] == lcs[i][j]:
			// want[i] and got[j] can both be dropped without shortening
			// the common part: one element replaced by another.
			out = append(out, Diff{Path: path + "[" + strconv.Itoa(i) + "]", Kind: DiffValue, Want: want[i], Got: got[j]})
			i++
			j++
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			out = append(out, Diff{Path: path, Kind: DiffUnexpected, Got: got[j]})
			j++
		default:
			out = append(out, Diff{Path: path, Kind: DiffMissing, Want: want[i]})
			i++
		}
	}
	return out
}
