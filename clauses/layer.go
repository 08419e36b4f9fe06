package clauses

import (
	"io/fs"
	"slices"
	"strconv"
)

// LayerFile is the name of a layer's manifest at the root of its fs.FS.
const LayerFile = "layer.json"

// Op is the kind of a client change. The zero Op is unset; codes are
// stable and only ever added at the end.
type Op int

// The client changes a layer can make to a vendor library.
const (
	// OpReplace replaces a vendor clause by the layer's file (a whole
	// clause file, header included, keeping the clause's id).
	OpReplace Op = iota + 1
	// OpDisable leaves a vendor clause (and its sub-articles) out of every
	// document.
	OpDisable
	// OpInsert adds a new clause; its header places it (documents, parent,
	// position).
	OpInsert
	// OpDefault changes the default value of a variable.
	OpDefault
)

var opCodes = [...]string{"", "replace", "disable", "insert", "default"}

// String returns the code: replace, disable, insert or default.
func (o Op) String() string {
	if o <= 0 || int(o) >= len(opCodes) {
		return ""
	}
	return opCodes[o]
}

// MarshalText returns the code; an unset op is an error.
func (o Op) MarshalText() ([]byte, error) {
	if o.String() == "" {
		return nil, &FieldError{Field: "op", Value: strconv.Itoa(int(o)), Err: ErrManifest}
	}
	return []byte(o.String()), nil
}

// UnmarshalText reads a code.
func (o *Op) UnmarshalText(b []byte) error {
	for i, c := range opCodes {
		if i > 0 && c == string(b) {
			*o = Op(i)
			return nil
		}
	}
	return &FieldError{Field: "op", Value: string(b), Err: ErrManifest}
}

// Against is the vendor version a client change was made against: the
// library's version and, for a replacement or a deactivation, the
// clause's version. Upgrade compares it with the new vendor library.
type Against struct {
	Library string `json:"library"`
	Clause  int    `json:"clause,omitempty"`
}

// Change is one client change of a layer, as layer.json writes it.
type Change struct {
	Op       Op      `json:"op"`
	Clause   string  `json:"clause,omitempty"`
	Variable string  `json:"variable,omitempty"`
	File     string  `json:"file,omitempty"`
	Value    any     `json:"value,omitempty"`
	Reason   string  `json:"reason,omitempty"`
	Against  Against `json:"against"`
}

// target returns the clause id or variable name the change is about.
func (c Change) target() string {
	if c.Op == OpDefault {
		return c.Variable
	}
	return c.Clause
}

type layerManifest struct {
	Layer     string     `json:"layer"`
	Vendor    string     `json:"vendor"`
	Title     string     `json:"title"`
	Variables []Variable `json:"variables"`
	Changes   []Change   `json:"changes"`
}

// Layer is a client's changes to a vendor library: clauses replaced,
// disabled or inserted, variable defaults changed, each recording the
// vendor version it was made against. A layer directory holds LayerFile
// (validated by LayerSchema) and the clause files it names. A Layer is
// immutable and safe for concurrent use.
type Layer struct {
	name, vendor, title string
	vars                []Variable
	changes             []Change
	files               map[string]*Clause // by file, parsed
}

// Name returns the layer's name.
func (y *Layer) Name() string { return y.name }

// Vendor returns the name of the vendor library the layer applies to.
func (y *Layer) Vendor() string { return y.vendor }

// Changes returns the layer's changes, in order.
func (y *Layer) Changes() []Change { return slices.Clone(y.changes) }

// ClauseFile returns the clause parsed from a file of the layer.
func (y *Layer) ClauseFile(file string) (*Clause, bool) {
	c, ok := y.files[file]
	return c, ok
}

// LoadLayer reads a layer from fsys: LayerFile at its root and the clause
// files its changes name. Every problem is reported at once, as Problems
// whose File is "<layer>:<path>": ErrManifest, ErrFileMissing, the errors
// of ParseClause, ErrLayerClauseID (a replacement whose id differs from
// the clause it replaces).
func LoadLayer(fsys fs.FS) (*Layer, error) {
	data, err := fs.ReadFile(fsys, LayerFile)
	if err != nil {
		return nil, Problems{newProblem(LayerFile, 1, "", ErrManifest, "cannot read "+LayerFile+": "+pathErrText(err))}
	}
	var m layerManifest
	if ps := decodeManifest(LayerFile, data, layerSchema, &m); len(ps) > 0 {
		return nil, problemsErr(ps)
	}
	y := &Layer{name: m.Layer, vendor: m.Vendor, title: m.Title, vars: m.Variables, changes: m.Changes, files: map[string]*Clause{}}
	var ps []Problem
	for i, ch := range m.Changes {
		if ch.File == "" {
			continue
		}
		if _, done := y.files[ch.File]; done {
			continue
		}
		c, cps := readClause(fsys, ch.File, layerName(y.name, ch.File))
		ps = append(ps, cps...)
		if c == nil {
			continue
		}
		c.origin = y.name
		if ch.Op == OpReplace && c.id != ch.Clause {
			ps = append(ps, newProblem(c.file, c.line("id"), c.id, ErrLayerClauseID, "changes["+strconv.Itoa(i)+"] replaces "+ch.Clause))
		}
		y.files[ch.File] = c
	}
	if len(ps) > 0 {
		return nil, problemsErr(ps)
	}
	return y, nil
}

// Compose applies layers, in order, to a vendor library and returns the
// resulting library; vendor and layers are not modified. A later layer
// may change what an earlier one inserted or replaced.
//
//   - replace: the layer's clause takes the vendor clause's place (its own
//     header says where it goes). When the vendor no longer has the clause,
//     the replacement is kept as an inserted clause: a client change is
//     never dropped.
//   - disable: the clause and its sub-articles are left out of every
//     document; disabling a clause the vendor removed changes nothing.
//   - insert: the layer's clause is added; its id must be new.
//   - default: the variable's default becomes the change's value.
//
// Every problem is reported at once, as Problems: ErrVendorMismatch,
// ErrDuplicateID, ErrUnknownVariable, ErrInvalidValue, and the structural
// errors of Load on the composed library.
func Compose(vendor *Library, layers ...*Layer) (*Library, error) {
	l := &Library{
		name: vendor.name, version: vendor.version, title: vendor.title, ccag: vendor.ccag,
		docs:   slices.Clone(vendor.docs),
		byID:   make(map[string]*Clause, len(vendor.byID)),
		layers: slices.Clone(vendor.layers), disabled: slices.Clone(vendor.disabled),
		varOrigin: map[string]string{},
	}
	for k, v := range vendor.varOrigin {
		l.varOrigin[k] = v
	}
	for _, v := range vendor.vars {
		l.vars = append(l.vars, v.clone())
	}
	for id, c := range vendor.byID {
		l.byID[id] = c
	}
	disabled := map[string]bool{}
	for _, id := range vendor.disabled {
		disabled[id] = true
	}
	var ps []Problem
	for _, y := range layers {
		lf := layerName(y.name, LayerFile)
		if y.vendor != vendor.name {
			ps = append(ps, newProblem(lf, 1, "", ErrVendorMismatch, "layer "+y.name+" is for "+y.vendor+", not "+vendor.name))
			continue
		}
		l.layers = append(l.layers, y.name)
		for _, v := range y.vars {
			l.vars = append(l.vars, v.clone())
			l.varOrigin[v.Name] = y.name
		}
		for i, ch := range y.changes {
			where := "changes[" + strconv.Itoa(i) + "]"
			switch ch.Op {
			case OpReplace:
				c := y.files[ch.File]
				if c == nil {
					continue // reported by LoadLayer
				}
				l.byID[c.id] = c
				delete(disabled, c.id)
			case OpDisable:
				if _, ok := l.byID[ch.Clause]; ok {
					disabled[ch.Clause] = true
				}
			case OpInsert:
				c := y.files[ch.File]
				if c == nil {
					continue
				}
				if prev, dup := l.byID[c.id]; dup {
					ps = append(ps, newProblem(c.file, c.line("id"), c.id, ErrDuplicateID, where+": id already used by "+prev.file+" (rename the inserted clause)"))
					continue
				}
				l.byID[c.id] = c
			case OpDefault:
				idx := slices.IndexFunc(l.vars, func(v Variable) bool { return v.Name == ch.Variable })
				if idx < 0 {
					ps = append(ps, newProblem(lf, 1, "", ErrUnknownVariable, where+": variable "+ch.Variable+" is not declared by the library"))
					continue
				}
				l.vars[idx].Default = ch.Value
				l.varOrigin[ch.Variable] = y.name
			}
		}
	}
	l.clauses = make([]*Clause, 0, len(l.byID))
	for _, c := range l.byID {
		l.clauses = append(l.clauses, c)
	}
	l.disabled = l.disabled[:0]
	for id := range disabled {
		l.disabled = append(l.disabled, id)
	}
	slices.Sort(l.disabled)
	ps = append(ps, l.finish(ManifestFile)...)
	if len(ps) > 0 {
		return nil, problemsErr(ps)
	}
	return l, nil
}

// isDisabled reports whether a layer disabled the clause.
func (l *Library) isDisabled(id string) bool {
	_, ok := slices.BinarySearch(l.disabled, id)
	return ok
}
