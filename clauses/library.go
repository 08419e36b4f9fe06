package clauses

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/xeipuuv/gojsonschema"

	"github.com/openmarches/marches/clauses/starter"
)

//go:embed schema/manifest.schema.json
var manifestSchemaJSON []byte

//go:embed schema/layer.schema.json
var layerSchemaJSON []byte

// ManifestSchema returns a copy of the JSON Schema (draft-07) of a
// library's manifest.json, as shipped in schema/manifest.schema.json.
func ManifestSchema() []byte { return bytes.Clone(manifestSchemaJSON) }

// LayerSchema returns a copy of the JSON Schema (draft-07) of a client
// layer's layer.json, as shipped in schema/layer.schema.json.
func LayerSchema() []byte { return bytes.Clone(layerSchemaJSON) }

var (
	manifestSchema = sync.OnceValues(func() (*gojsonschema.Schema, error) {
		return gojsonschema.NewSchema(gojsonschema.NewBytesLoader(manifestSchemaJSON))
	})
	layerSchema = sync.OnceValues(func() (*gojsonschema.Schema, error) {
		return gojsonschema.NewSchema(gojsonschema.NewBytesLoader(layerSchemaJSON))
	})
)

// ManifestFile is the name of a library's manifest at the root of its
// fs.FS.
const ManifestFile = "manifest.json"

// DocumentSpec is a document a library assembles: its id (used by clause
// headers: rc, ccap, ae), its title and its short name.
type DocumentSpec struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Short string `json:"short"`
}

// CCAG names the general conditions (cahier des clauses administratives
// générales) the documents refer to, as the list of derogations writes it.
type CCAG struct {
	Name  string `json:"name"`
	Short string `json:"short"`
}

type manifest struct {
	Library   string         `json:"library"`
	Version   string         `json:"version"`
	Title     string         `json:"title"`
	CCAG      *CCAG          `json:"ccag"`
	Documents []DocumentSpec `json:"documents"`
	Variables []Variable     `json:"variables"`
	Clauses   []string       `json:"clauses"`
}

// Library is a clausier: documents, variables and clauses, loaded from a
// directory with Load, or composed from a vendor library and client layers
// with Compose. A Library is immutable and safe for concurrent use.
type Library struct {
	name, version, title string
	ccag                 CCAG
	docs                 []DocumentSpec
	vars                 []Variable
	varIdx               map[string]int
	clauses              []*Clause // sorted by id
	byID                 map[string]*Clause
	varOrigin            map[string]string // variable -> layer that declared it or changed its default
	layers               []string
	disabled             []string // ids disabled by layers, sorted
}

// Name returns the library's name.
func (l *Library) Name() string { return l.name }

// Version returns the vendor library's version.
func (l *Library) Version() string { return l.version }

// Title returns the library's title.
func (l *Library) Title() string { return l.title }

// CCAG returns the general conditions the library refers to.
func (l *Library) CCAG() CCAG { return l.ccag }

// Layers returns the names of the layers composed over the vendor library,
// in order (none for a loaded library).
func (l *Library) Layers() []string { return slices.Clone(l.layers) }

// Disabled returns the ids of the vendor clauses that layers disabled.
func (l *Library) Disabled() []string { return slices.Clone(l.disabled) }

// Documents returns the documents the library assembles, in manifest
// order.
func (l *Library) Documents() []DocumentSpec { return slices.Clone(l.docs) }

// Document returns the document with the given id.
func (l *Library) Document(id string) (DocumentSpec, bool) {
	for _, d := range l.docs {
		if d.ID == id {
			return d, true
		}
	}
	return DocumentSpec{}, false
}

// Variables returns copies of the variable declarations, sorted by name.
func (l *Library) Variables() []Variable {
	out := make([]Variable, len(l.vars))
	for i, v := range l.vars {
		out[i] = v.clone()
	}
	return out
}

// Variable returns the declaration of the named variable.
func (l *Library) Variable(name string) (Variable, bool) {
	i, ok := l.varIdx[name]
	if !ok {
		return Variable{}, false
	}
	return l.vars[i].clone(), true
}

// Clauses returns the clauses sorted by id. The clauses are shared, not
// copied: they are immutable.
func (l *Library) Clauses() []*Clause { return slices.Clone(l.clauses) }

// Clause returns the clause with the given id.
func (l *Library) Clause(id string) (*Clause, bool) {
	c, ok := l.byID[id]
	return c, ok
}

// Load reads a library from fsys: ManifestFile at its root (validated by
// ManifestSchema) and every clause file it lists (ParseClause). Every
// problem is reported at once as Problems sorted by file and line:
// ErrManifest, ErrFileMissing, the header and template errors of
// ParseClause, ErrDuplicateID, ErrUnknownDocument, ErrNoDocument,
// ErrUnknownParent, ErrParentDocument, ErrCycle, ErrTooDeep,
// ErrVariableType, ErrDuplicateVariable and ErrInvalidValue (a default
// that does not fit its type). Load reads nothing else from fsys.
func Load(fsys fs.FS) (*Library, error) {
	data, err := fs.ReadFile(fsys, ManifestFile)
	if err != nil {
		return nil, Problems{newProblem(ManifestFile, 1, "", ErrManifest, "cannot read "+ManifestFile+": "+pathErrText(err))}
	}
	var m manifest
	if ps := decodeManifest(ManifestFile, data, manifestSchema, &m); len(ps) > 0 {
		return nil, problemsErr(ps)
	}
	l := &Library{name: m.Library, version: m.Version, title: m.Title, docs: m.Documents, byID: map[string]*Clause{}, varOrigin: map[string]string{}}
	if m.CCAG != nil {
		l.ccag = *m.CCAG
	}
	var ps []Problem
	for _, v := range m.Variables {
		l.vars = append(l.vars, v)
	}
	for _, f := range m.Clauses {
		c, cps := readClause(fsys, f, f)
		ps = append(ps, cps...)
		if c == nil {
			continue
		}
		if prev, dup := l.byID[c.id]; dup {
			ps = append(ps, newProblem(f, c.line("id"), c.id, ErrDuplicateID, "id already used by "+prev.file))
			continue
		}
		l.byID[c.id] = c
		l.clauses = append(l.clauses, c)
	}
	ps = append(ps, l.finish(ManifestFile)...)
	if len(ps) > 0 {
		return nil, problemsErr(ps)
	}
	return l, nil
}

func pathErrText(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// readClause reads and parses one clause file; name is how problems name
// the file.
func readClause(fsys fs.FS, file, name string) (*Clause, []Problem) {
	if !fs.ValidPath(file) {
		return nil, []Problem{newProblem(name, 1, "", ErrFileMissing, "invalid path")}
	}
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, []Problem{newProblem(name, 1, "", ErrFileMissing, "cannot read the file: "+pathErrText(err))}
	}
	return parseClause(name, data)
}

// decodeManifest checks data against schema and decodes it into v with
// numbers kept as json.Number.
func decodeManifest(file string, data []byte, schema func() (*gojsonschema.Schema, error), v any) []Problem {
	if !json.Valid(data) {
		var x any
		err := json.Unmarshal(data, &x)
		msg := "not JSON"
		if err != nil {
			msg = err.Error()
		}
		return []Problem{newProblem(file, 1, "", ErrManifest, msg)}
	}
	s, err := schema()
	if err != nil {
		return []Problem{newProblem(file, 1, "", ErrManifest, err.Error())} // unreachable: TestSchemasCompile
	}
	res, err := s.Validate(gojsonschema.NewBytesLoader(data))
	if err != nil {
		return []Problem{newProblem(file, 1, "", ErrManifest, err.Error())}
	}
	if !res.Valid() {
		var ps []Problem
		for _, e := range res.Errors() {
			ps = append(ps, newProblem(file, 1, "", ErrManifest, e.Field()+": "+e.Description()))
		}
		return ps
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return []Problem{newProblem(file, 1, "", ErrManifest, err.Error())}
	}
	return nil
}

// finish sorts and indexes the library and checks its structure.
func (l *Library) finish(manifestFile string) []Problem {
	var ps []Problem
	slices.SortFunc(l.clauses, func(a, b *Clause) int { return strings.Compare(a.id, b.id) })
	slices.SortStableFunc(l.vars, func(a, b Variable) int { return strings.Compare(a.Name, b.Name) })
	l.varIdx = make(map[string]int, len(l.vars))
	for i, v := range l.vars {
		file := manifestFile
		if o := l.varOrigin[v.Name]; o != "" {
			file = o + ":" + LayerFile
		}
		if msg := v.check(); msg != "" {
			ps = append(ps, newProblem(file, 1, "", ErrVariableType, "variables."+v.Name+": "+msg))
		}
		if _, dup := l.varIdx[v.Name]; dup || isBuiltin(v.Name) {
			ps = append(ps, newProblem(file, 1, "", ErrDuplicateVariable, "variables."+v.Name))
		}
		l.varIdx[v.Name] = i
		if v.Default != nil && v.check() == "" {
			if _, msg := convert(v.Type, v.Default, v.Values, v.Tax, v.Items, v.Fields); msg != "" {
				ps = append(ps, newProblem(file, 1, "", ErrInvalidValue, "variables."+v.Name+".default: "+msg))
			}
		}
	}
	docs := map[string]bool{}
	for _, d := range l.docs {
		if docs[d.ID] {
			ps = append(ps, newProblem(manifestFile, 1, "", ErrUnknownDocument, "document "+d.ID+" is declared twice"))
		}
		docs[d.ID] = true
	}
	for _, c := range l.clauses {
		if len(c.documents) == 0 {
			ps = append(ps, newProblem(c.file, c.line("id"), c.id, ErrNoDocument, "add a documents: line"))
		}
		for _, d := range c.documents {
			if !docs[d] {
				ps = append(ps, newProblem(c.file, c.line("documents"), c.id, ErrUnknownDocument, "document "+d+" is not declared by the manifest"))
			}
		}
		if c.parent == "" {
			continue
		}
		p, ok := l.byID[c.parent]
		if !ok {
			ps = append(ps, newProblem(c.file, c.line("parent"), c.id, ErrUnknownParent, "parent "+c.parent))
			continue
		}
		if c.IsAnnex() || p.IsAnnex() {
			ps = append(ps, newProblem(c.file, c.line("parent"), c.id, ErrParentDocument, "annexes have no parent and are no parent"))
		}
		for _, d := range c.documents {
			if !slices.Contains(p.documents, d) {
				ps = append(ps, newProblem(c.file, c.line("parent"), c.id, ErrParentDocument, "parent "+c.parent+" is not in document "+d))
			}
		}
	}
	for _, c := range l.clauses {
		depth := 1
		seen := map[string]bool{c.id: true}
		for p := c.parent; p != ""; {
			pc, ok := l.byID[p]
			if !ok {
				break
			}
			if seen[p] {
				ps = append(ps, newProblem(c.file, c.line("parent"), c.id, ErrCycle, "parent chain comes back to "+p))
				depth = 0
				break
			}
			seen[p] = true
			depth++
			p = pc.parent
		}
		if depth > MaxDepth {
			ps = append(ps, newProblem(c.file, c.line("parent"), c.id, ErrTooDeep, "level "+strconv.Itoa(depth)))
		}
	}
	return ps
}

var starterLib = sync.OnceValues(func() (*Library, error) { return Load(starterFS()) })

func starterFS() fs.FS { return starter.FS() }

// Starter returns the built-in starter clausier (package starter), loaded
// once and shared: a Library is immutable.
func Starter() (*Library, error) { return starterLib() }

// layerName joins a layer file name with its directory for messages.
func layerName(layer, file string) string { return layer + ":" + path.Clean(file) }
