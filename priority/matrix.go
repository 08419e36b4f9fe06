package priority

import (
	"bytes"
	"cmp"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/openmarches/marches/internal/fielderr"
)

// Axis names one of the three axes of a matrix.
type Axis uint8

// The axes. Codes (Axis.String): "criticality", "impact", "priority".
const (
	_ Axis = iota
	// AxisCriticality: criticality of the affected function.
	AxisCriticality
	// AxisImpact: extent of the users or objects affected.
	AxisImpact
	// AxisPriority: the priority given by the matrix.
	AxisPriority
)

// String returns the axis code: "criticality", "impact", "priority", or ""
// for the zero Axis.
func (a Axis) String() string {
	switch a {
	case AxisCriticality:
		return "criticality"
	case AxisImpact:
		return "impact"
	case AxisPriority:
		return "priority"
	}
	return ""
}

// Level is one level of an ordered axis: a criticality, an impact or a
// priority. It is a small comparable value: its code, its axis and its
// rank, the 1-based position on the axis (1 for the most severe criticality,
// the strongest impact, the most urgent priority). Two levels are == when
// code, axis and rank are equal, whichever matrix they come from. Labels
// belong to the matrix: see [Matrix.Label]. The zero Level is "unset".
type Level struct {
	code string
	rank int32
	axis Axis
}

// Code returns the level's code as written in the matrix: "haute", "fort",
// "P1". The zero Level returns "".
func (l Level) Code() string { return l.code }

// Rank returns the level's 1-based position on its axis: 1 is the most
// severe criticality or impact and the most urgent priority. The zero Level
// returns 0.
func (l Level) Rank() int { return int(l.rank) }

// Axis returns the axis the level belongs to.
func (l Level) Axis() Axis { return l.axis }

// IsZero reports whether l is the zero (unset) Level.
func (l Level) IsZero() bool { return l.rank == 0 }

// String returns the level's code.
func (l Level) String() string { return l.code }

// Equal reports whether l == o (same code, axis and rank). It lets
// github.com/google/go-cmp compare structs holding levels.
func (l Level) Equal(o Level) bool { return l == o }

// MarshalText returns the level's code, so a Level marshals to JSON as
// "P1".
func (l Level) MarshalText() ([]byte, error) { return []byte(l.code), nil }

// LevelConfig declares one level of an axis: its code and its labels in
// French and English. An empty label defaults to the code.
type LevelConfig struct {
	Code string `json:"code"`
	FR   string `json:"fr,omitempty"`
	EN   string `json:"en,omitempty"`
}

// Config declares a priority matrix. Each axis lists its levels in order,
// the most severe criticality, the strongest impact and the most urgent
// priority first. Cells[criticality][impact] is the priority code of that
// cell; every cell must be given. Source says where the matrix comes from
// (contract, clause, version); it is free text and optional.
//
// The zero Config stands for the default matrix ([Default]).
type Config struct {
	Source      string                       `json:"source,omitempty"`
	Criticality []LevelConfig                `json:"criticality"`
	Impact      []LevelConfig                `json:"impact"`
	Priorities  []LevelConfig                `json:"priorities"`
	Cells       map[string]map[string]string `json:"cells"`
}

// Matrix maps a criticality and an impact to a priority. It is immutable
// and safe for concurrent use; copies share the same tables. The zero
// Matrix behaves as [Default].
type Matrix struct{ m *matrix }

type matrix struct {
	source          string
	crit, imp, prio index
	cells           []int32 // cells[ci*len(imp)+ii] = index into prio
	cellLevels      []Level // cellLevels[k] = prio.levels[cells[k]], for Priority
}

// index is one axis: its levels in order, their labels, and a code →
// position lookup that does not allocate.
type index struct {
	levels []Level
	codes  []string       // levels[i].code, contiguous for the scan
	fr, en []string       // labels, defaulted to the code
	pos    map[string]int // nil when the axis is short enough to scan
}

// linearMax is the axis length up to which find scans the codes rather
// than hashing: for three short codes a scan is about twice as fast as a
// map lookup (see BenchmarkPriority).
const linearMax = 8

func (x *index) find(code string) int {
	if x.pos != nil {
		if i, ok := x.pos[code]; ok {
			return i
		}
		return -1
	}
	for i, c := range x.codes {
		if c == code {
			return i
		}
	}
	return -1
}

// defaultConfig is the maintenance-and-hosting contract's matrix (issue 3,
// "Qualification"): Fort → Haute P1, Moyenne P2, Faible P3; Moyen → P2,
// P3, P4; Réduit → P3, P4, P4.
func defaultConfig() Config {
	return Config{
		Source: "Maintenance-and-hosting contract, incident qualification: criticality of the function x impact (extent of users or objects affected)",
		Criticality: []LevelConfig{
			{Code: "haute", FR: "Haute", EN: "High"},
			{Code: "moyenne", FR: "Moyenne", EN: "Medium"},
			{Code: "faible", FR: "Faible", EN: "Low"},
		},
		Impact: []LevelConfig{
			{Code: "fort", FR: "Fort", EN: "Major"},
			{Code: "moyen", FR: "Moyen", EN: "Moderate"},
			{Code: "reduit", FR: "Réduit", EN: "Minor"},
		},
		Priorities: []LevelConfig{
			{Code: "P1", FR: "P1", EN: "P1"},
			{Code: "P2", FR: "P2", EN: "P2"},
			{Code: "P3", FR: "P3", EN: "P3"},
			{Code: "P4", FR: "P4", EN: "P4"},
		},
		Cells: map[string]map[string]string{
			"haute":   {"fort": "P1", "moyen": "P2", "reduit": "P3"},
			"moyenne": {"fort": "P2", "moyen": "P3", "reduit": "P4"},
			"faible":  {"fort": "P3", "moyen": "P4", "reduit": "P4"},
		},
	}
}

var defaultMatrix = sync.OnceValue(func() *matrix {
	m, err := build(defaultConfig())
	if err != nil {
		panic("priority: default matrix is invalid: " + err.Error()) // unreachable: TestDefault
	}
	return m
})

// Default returns the contract's 3 × 3 matrix. Criticality codes "haute",
// "moyenne", "faible"; impact codes "fort", "moyen", "reduit"; priorities
// "P1" to "P4":
//
//	            haute  moyenne  faible
//	fort         P1      P2       P3
//	moyen        P2      P3       P4
//	reduit       P3      P4       P4
func Default() Matrix { return Matrix{defaultMatrix()} }

func (m Matrix) impl() *matrix {
	if m.m == nil {
		return defaultMatrix()
	}
	return m.m
}

// New validates cfg and returns its matrix. It reports every violation at
// once: empty or oversized axes (ErrEmptyAxis, ErrTooManyLevels), bad or
// repeated codes (ErrInvalidCode, ErrDuplicateLevel), bad labels or source
// (ErrInvalidLabel, ErrInvalidSource), cells naming unknown levels
// (ErrUnknownLevel), missing
// cells (ErrMissingCell), and every pair of neighbouring cells where a more
// severe cell has a less urgent priority (ErrNotMonotone). Checking
// neighbours is enough: the orders are total, so a matrix without such a
// pair never lowers the priority when criticality or impact rises by any
// number of levels. Unused priority levels are allowed. cfg is not
// retained.
func New(cfg Config) (Matrix, error) {
	if isZeroConfig(cfg) {
		return Default(), nil
	}
	m, err := build(cfg)
	if err != nil {
		return Matrix{}, err
	}
	return Matrix{m}, nil
}

func isZeroConfig(c Config) bool {
	return c.Source == "" && c.Criticality == nil && c.Impact == nil && c.Priorities == nil && c.Cells == nil
}

func build(cfg Config) (*matrix, error) {
	var errs []*FieldError
	m := &matrix{source: cfg.Source}
	if !validText(cfg.Source, 500) {
		errs = append(errs, &FieldError{Field: "source", Value: cfg.Source, Err: ErrInvalidSource})
	}
	okC := buildAxis(&m.crit, AxisCriticality, "criticality", cfg.Criticality, &errs)
	okI := buildAxis(&m.imp, AxisImpact, "impact", cfg.Impact, &errs)
	okP := buildAxis(&m.prio, AxisPriority, "priorities", cfg.Priorities, &errs)
	if okC && okI && okP {
		m.buildCells(cfg.Cells, &errs)
	}
	if len(errs) > 0 {
		return nil, fielderr.Join(errs)
	}
	return m, nil
}

// buildAxis fills x from levels and reports whether the axis is usable for
// the cell checks: not empty, not oversized, codes valid and distinct (with
// bad codes the cells cannot be matched, and checking them would only
// repeat the problem).
func buildAxis(x *index, axis Axis, field string, levels []LevelConfig, errs *[]*FieldError) bool {
	switch {
	case len(levels) == 0:
		*errs = append(*errs, &FieldError{Field: field, Err: ErrEmptyAxis})
		return false
	case len(levels) > MaxLevels:
		*errs = append(*errs, &FieldError{Field: field, Value: itoa(len(levels)), Err: ErrTooManyLevels})
		return false
	}
	x.levels = make([]Level, len(levels))
	x.codes = make([]string, len(levels))
	x.fr = make([]string, len(levels))
	x.en = make([]string, len(levels))
	seen := make(map[string]bool, len(levels))
	usable := true
	for i, lc := range levels {
		path := field + "[" + itoa(i) + "]"
		if !validCode(lc.Code) {
			*errs = append(*errs, &FieldError{Field: path + ".code", Value: lc.Code, Err: ErrInvalidCode})
			usable = false
		} else if seen[lc.Code] {
			*errs = append(*errs, &FieldError{Field: path + ".code", Value: lc.Code, Err: ErrDuplicateLevel})
			usable = false
		}
		seen[lc.Code] = true
		if !validLabel(lc.FR) {
			*errs = append(*errs, &FieldError{Field: path + ".fr", Value: lc.FR, Err: ErrInvalidLabel})
		}
		if !validLabel(lc.EN) {
			*errs = append(*errs, &FieldError{Field: path + ".en", Value: lc.EN, Err: ErrInvalidLabel})
		}
		x.levels[i] = Level{code: lc.Code, rank: int32(i + 1), axis: axis}
		x.codes[i] = lc.Code
		x.fr[i], x.en[i] = cmp.Or(lc.FR, lc.Code), cmp.Or(lc.EN, lc.Code)
	}
	if len(levels) > linearMax {
		x.pos = make(map[string]int, len(levels))
		for i := len(levels) - 1; i >= 0; i-- { // first occurrence wins, as in the scan
			x.pos[levels[i].Code] = i
		}
	}
	return usable
}

func (m *matrix) buildCells(cells map[string]map[string]string, errs *[]*FieldError) {
	nc, ni := len(m.crit.levels), len(m.imp.levels)
	// Rows and columns that name no level.
	for _, c := range slices.Sorted(maps.Keys(cells)) {
		if m.crit.find(c) < 0 {
			*errs = append(*errs, &FieldError{Field: "cells." + c, Value: c, Err: ErrUnknownLevel, Detail: "not a criticality code"})
			continue
		}
		for _, i := range slices.Sorted(maps.Keys(cells[c])) {
			if m.imp.find(i) < 0 {
				*errs = append(*errs, &FieldError{Field: "cells." + c + "." + i, Value: i, Err: ErrUnknownLevel, Detail: "not an impact code"})
			}
		}
	}
	m.cells = make([]int32, nc*ni)
	complete := true
	for ci, c := range m.crit.levels {
		row := cells[c.code]
		for ii, i := range m.imp.levels {
			path := "cells." + c.code + "." + i.code
			v, ok := row[i.code]
			if !ok {
				*errs = append(*errs, &FieldError{Field: path, Err: ErrMissingCell})
				complete = false
				continue
			}
			p := m.prio.find(v)
			if p < 0 {
				*errs = append(*errs, &FieldError{Field: path, Value: v, Err: ErrUnknownLevel, Detail: "not a priority code"})
				complete = false
				continue
			}
			m.cells[ci*ni+ii] = int32(p)
		}
	}
	if !complete {
		return
	}
	m.cellLevels = make([]Level, len(m.cells))
	for k, p := range m.cells {
		m.cellLevels[k] = m.prio.levels[p]
	}
	// Monotonicity on neighbouring cells: the more severe cell (smaller
	// index on either axis) must be at least as urgent (rank <=).
	rank := func(ci, ii int) int { return int(m.cells[ci*ni+ii]) }
	for ci := range nc {
		for ii := range ni {
			here := rank(ci, ii)
			if ci+1 < nc && rank(ci+1, ii) < here {
				*errs = append(*errs, m.notMonotone(ci, ii, ci+1, ii, "criticality"))
			}
			if ii+1 < ni && rank(ci, ii+1) < here {
				*errs = append(*errs, m.notMonotone(ci, ii, ci, ii+1, "impact"))
			}
		}
	}
}

func (m *matrix) notMonotone(ci, ii, cj, ij int, axis string) *FieldError {
	ni := len(m.imp.levels)
	p := m.prio.levels[m.cells[ci*ni+ii]]
	q := m.prio.levels[m.cells[cj*ni+ij]]
	return &FieldError{
		Field: m.cellPath(ci, ii), Value: p.code, Err: ErrNotMonotone,
		Detail: "less urgent than " + q.code + " at " + m.cellPath(cj, ij) + ", whose " + axis + " is lower",
	}
}

func (m *matrix) cellPath(ci, ii int) string {
	return "cells." + m.crit.levels[ci].code + "." + m.imp.levels[ii].code
}

// Priority returns the priority of the cell criticality × impact, given by
// their codes ("haute", "fort" in the default matrix). An unknown code
// returns a *FieldError with Field "criticality" or "impact" and Err
// ErrUnknownLevel (both, as a list, when both are unknown). It does not
// allocate when both codes are known.
func (m Matrix) Priority(criticality, impact string) (Level, error) {
	x := m.impl()
	ci, ii := x.crit.find(criticality), x.imp.find(impact)
	if ci < 0 || ii < 0 {
		return Level{}, x.lookupError(ci, ii, criticality, impact)
	}
	return x.cellLevels[ci*len(x.imp.codes)+ii], nil
}

func (x *matrix) lookupError(ci, ii int, criticality, impact string) error {
	var errs []*FieldError
	if ci < 0 {
		errs = append(errs, &FieldError{Field: "criticality", Value: criticality, Err: ErrUnknownLevel, Detail: x.crit.want()})
	}
	if ii < 0 {
		errs = append(errs, &FieldError{Field: "impact", Value: impact, Err: ErrUnknownLevel, Detail: x.imp.want()})
	}
	if len(errs) == 1 {
		return errs[0]
	}
	return fielderr.Join(errs)
}

// PriorityOf returns the priority of the cell of two levels, matched by
// code: a criticality and an impact level of this matrix, or of another
// with the same codes. A level of the wrong axis, or a code this matrix
// does not have, returns the error of [Matrix.Priority].
func (m Matrix) PriorityOf(criticality, impact Level) (Level, error) {
	x := m.impl()
	ci, ii := -1, -1
	if criticality.axis == AxisCriticality {
		ci = x.crit.find(criticality.code)
	}
	if impact.axis == AxisImpact {
		ii = x.imp.find(impact.code)
	}
	if ci < 0 || ii < 0 {
		return Level{}, x.lookupError(ci, ii, criticality.code, impact.code)
	}
	return x.cellLevels[ci*len(x.imp.codes)+ii], nil
}

// LookupCriticality returns the criticality level with this code, or a
// *FieldError{Field: "criticality", Err: ErrUnknownLevel}.
func (m Matrix) LookupCriticality(code string) (Level, error) {
	return lookup(&m.impl().crit, "criticality", code)
}

// LookupImpact returns the impact level with this code, or a
// *FieldError{Field: "impact", Err: ErrUnknownLevel}.
func (m Matrix) LookupImpact(code string) (Level, error) {
	return lookup(&m.impl().imp, "impact", code)
}

// LookupPriority returns the priority level with this code ("P2"), or a
// *FieldError{Field: "priority", Err: ErrUnknownLevel}.
func (m Matrix) LookupPriority(code string) (Level, error) {
	return lookup(&m.impl().prio, "priority", code)
}

func lookup(x *index, field, code string) (Level, error) {
	if i := x.find(code); i >= 0 {
		return x.levels[i], nil
	}
	return Level{}, &FieldError{Field: field, Value: code, Err: ErrUnknownLevel, Detail: x.want()}
}

// want lists the axis's codes for an error's Detail: "want one of haute,
// moyenne, faible".
func (x *index) want() string {
	codes := make([]string, len(x.levels))
	for i, l := range x.levels {
		codes[i] = l.code
	}
	return "want one of " + strings.Join(codes, ", ")
}

// Criticalities returns the criticality levels, most severe first. The
// slice is a copy.
func (m Matrix) Criticalities() []Level { return slices.Clone(m.impl().crit.levels) }

// Impacts returns the impact levels, strongest first. The slice is a copy.
func (m Matrix) Impacts() []Level { return slices.Clone(m.impl().imp.levels) }

// Priorities returns the priority levels, most urgent first. The slice is
// a copy.
func (m Matrix) Priorities() []Level { return slices.Clone(m.impl().prio.levels) }

// Source returns the matrix's free-text source ("" when none was given).
func (m Matrix) Source() string { return m.impl().source }

// Config returns a Config that New turns into an equal matrix. Labels equal
// to the code are left empty, as their default.
func (m Matrix) Config() Config {
	x := m.impl()
	cfg := Config{
		Source:      x.source,
		Criticality: x.crit.configs(),
		Impact:      x.imp.configs(),
		Priorities:  x.prio.configs(),
		Cells:       make(map[string]map[string]string, len(x.crit.levels)),
	}
	ni := len(x.imp.levels)
	for ci, c := range x.crit.levels {
		row := make(map[string]string, ni)
		for ii, i := range x.imp.levels {
			row[i.code] = x.prio.levels[x.cells[ci*ni+ii]].code
		}
		cfg.Cells[c.code] = row
	}
	return cfg
}

func (x *index) configs() []LevelConfig {
	out := make([]LevelConfig, len(x.codes))
	for i, c := range x.codes {
		out[i] = LevelConfig{Code: c}
		if x.fr[i] != c {
			out[i].FR = x.fr[i]
		}
		if x.en[i] != c {
			out[i].EN = x.en[i]
		}
	}
	return out
}

func (m *matrix) axis(a Axis) *index {
	switch a {
	case AxisCriticality:
		return &m.crit
	case AxisImpact:
		return &m.imp
	case AxisPriority:
		return &m.prio
	}
	return nil
}

// Label returns the label of level l in French when lang's base language
// is French, in English otherwise ("Haute" or "High"), as the matrix
// defines it for the level of l's axis with l's code; a level without a
// label in that language, or not in this matrix, shows its code.
func (m Matrix) Label(l Level, lang language.Tag) string {
	x := m.impl().axis(l.axis)
	if x == nil {
		return l.code
	}
	i := x.find(l.code)
	if i < 0 {
		return l.code
	}
	if isFrench(lang) {
		return x.fr[i]
	}
	return x.en[i]
}

// Equal reports whether m and o have the same source, levels (codes,
// labels, order) and cells.
func (m Matrix) Equal(o Matrix) bool {
	a, b := m.impl(), o.impl()
	return a == b || (a.source == b.source && a.crit.equal(&b.crit) && a.imp.equal(&b.imp) &&
		a.prio.equal(&b.prio) && slices.Equal(a.cells, b.cells))
}

func (x *index) equal(y *index) bool {
	return slices.Equal(x.codes, y.codes) && slices.Equal(x.fr, y.fr) && slices.Equal(x.en, y.en)
}

// MarshalJSON writes the matrix in the format [ParseJSON] reads, with the
// levels and cells in matrix order (not sorted), so the same matrix always
// gives the same bytes.
func (m Matrix) MarshalJSON() ([]byte, error) {
	x := m.impl()
	var b bytes.Buffer
	b.WriteByte('{')
	if x.source != "" {
		b.WriteString(`"source":`)
		writeString(&b, x.source)
		b.WriteByte(',')
	}
	for _, ax := range []struct {
		name string
		x    *index
	}{{"criticality", &x.crit}, {"impact", &x.imp}, {"priorities", &x.prio}} {
		writeString(&b, ax.name)
		b.WriteString(":[")
		for i, lc := range ax.x.configs() {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`{"code":`)
			writeString(&b, lc.Code)
			if lc.FR != "" {
				b.WriteString(`,"fr":`)
				writeString(&b, lc.FR)
			}
			if lc.EN != "" {
				b.WriteString(`,"en":`)
				writeString(&b, lc.EN)
			}
			b.WriteByte('}')
		}
		b.WriteString("],")
	}
	b.WriteString(`"cells":{`)
	ni := len(x.imp.levels)
	for ci, c := range x.crit.levels {
		if ci > 0 {
			b.WriteByte(',')
		}
		writeString(&b, c.code)
		b.WriteString(":{")
		for ii, i := range x.imp.levels {
			if ii > 0 {
				b.WriteByte(',')
			}
			writeString(&b, i.code)
			b.WriteByte(':')
			writeString(&b, x.prio.levels[x.cells[ci*ni+ii]].code)
		}
		b.WriteByte('}')
	}
	b.WriteString("}}")
	return b.Bytes(), nil
}

func writeString(b *bytes.Buffer, s string) {
	enc, _ := json.Marshal(s) // a string always marshals
	b.Write(enc)
}

// UnmarshalJSON replaces *m with the matrix [ParseJSON] reads from data, so
// a Matrix can be a field of a larger JSON document. JSON null leaves *m
// unchanged, as encoding/json does for other types; so does an error.
func (m *Matrix) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	v, err := ParseJSON(data)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// validCode reports whether s matches ^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$.
func validCode(s string) bool {
	if len(s) == 0 || len(s) > 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case (c == '_' || c == '-') && i > 0:
		default:
			return false
		}
	}
	return true
}

// validText reports whether s is valid UTF-8 of at most max characters
// without control characters (which would break a Markdown table).
// validLabel: a level's label is valid text of at most 100 characters with
// no leading or trailing white space, which a Markdown table cell would
// drop (found by FuzzParseJSON: the label " 0" rendered as "0").
func validLabel(s string) bool { return validText(s, 100) && s == strings.TrimSpace(s) }

func validText(s string, max int) bool {
	if !utf8.ValidString(s) || utf8.RuneCountInString(s) > max {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return false
		}
	}
	return true
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}
