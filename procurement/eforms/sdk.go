package eforms

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"github.com/openmarches/marches/internal/fielderr"
)

// SDK is an eForms SDK release read from a directory at run time: the field
// metadata (fields/fields.json), the notice subtypes
// (notice-types/notice-types.json) and the code lists (codelists/*.gc).
// Nothing of the SDK is copied into this package; LoadSDK parses the files
// once and the SDK value keeps what Check needs (compiled XPaths, compiled
// conditions, code sets). An SDK is immutable after LoadSDK and safe for
// concurrent use by any number of goroutines.
type SDK struct {
	version    string            // "eforms-sdk-1.15.1", from fields.json
	ns         map[string]string // prefix -> namespace URI, from notice-types.json
	nsPrefix   map[string]string // namespace URI -> smallest prefix, for paths in messages
	nodes      map[string]*sdkNode
	fields     map[string]*sdkField
	fieldList  []*sdkField // sorted by id
	subtypes   map[string]*sdkSubtype
	codelists  map[string]*sdkCodelist // by codelist id
	idFields   map[string][]*sdkField  // id scheme ("ORG") -> identifier fields
	entities   []*sdkNode              // nodes with an identifier field, for naming instances
	subtypeFld *sdkField               // OPP-070-notice
	noticeType *sdkField               // BT-02-notice
	formType   *sdkField               // BT-03-notice
	clFiles    map[string]string       // code list id -> file name, from codelists.json
	condLists  map[string]bool         // code lists named by conditions ("in (nuts-country)")
	notes      []string                // how the SDK's gaps were handled, for SDK.Notes
}

// sdkNode is one node of fields.json's xmlStructure.
type sdkNode struct {
	id         string
	parent     *sdkNode
	abs        *chkPath // absolute XPath
	rel        *chkPath // XPath relative to the parent node
	repeatable bool
	identifier *sdkField // identifierFieldId, nil when none
	idRel      *chkRel   // from an instance to its identifier
	ownFields  int       // non-attribute fields whose nearest repeatable node is this one
}

// sdkField is one field of fields.json, with what Check uses of it.
type sdkField struct {
	id, bt, name, typ string
	parent            *sdkNode
	abs, rel          *chkPath
	absSrc            string
	attrName          string      // set for attribute fields (listName, currencyID...)
	attrOf            *sdkField   // the element field an attribute field belongs to
	attrs             []*sdkField // attribute fields of this element field
	preset            string      // presetValue
	codelist          string      // default code list id
	codelistBy        map[string]string
	pattern           *regexp.Regexp
	patternSrc        string
	maxLength         int
	idScheme          string   // for identifier fields: "LOT", "ORG"...
	idSchemes         []string // for reference fields
	mandatory         []*sdkConstraint
	forbidden         []*sdkConstraint
	scope             *sdkNode // where an unconditional "mandatory" is checked
	scopeRel          *chkRel  // path from scope to the field
	existScope        *sdkNode // for the identifier of an entity: where one entity must exist
	existRel          *chkRel  // path from existScope to the field
}

// sdkSubtype is one entry of notice-types.json.
type sdkSubtype struct {
	id, docType, formType, noticeType, legalBasis string
	rootNS, rootLocal                             string
}

// sdkCodelist is the set of codes of one code list, and where it was read.
type sdkCodelist struct {
	id     string
	source string
	codes  map[string]struct{}
}

// sdkConstraint is one entry of a field's mandatory.constraints or
// forbidden.constraints that concerns at least one notice subtype.
type sdkConstraint struct {
	field       *sdkField
	subtypes    map[string]bool
	condSrc     string   // the EFX condition as written in fields.json, "" when none
	cond        *efxExpr // compiled condition; nil when none or unsupported
	unsupported string   // why the condition cannot be evaluated, "" when it can
	ctxNode     *sdkNode // context of the condition, when a node
	ctxField    *sdkField
	target      *chkRel // from a context instance to the constrained field
}

// chkRel is a way from an instance of a context to the instances of a
// field: up ups parent steps, then down path. ups < 0 means "path is
// absolute".
type chkRel struct {
	ups  int
	path *chkPath
}

// SDK file locations inside the SDK directory, as laid out by the
// Publications Office in releases 1.x (checked on 1.15.1).
const (
	sdkFieldsFile      = "fields/fields.json"
	sdkNoticeTypesFile = "notice-types/notice-types.json"
	sdkCodelistsFile   = "codelists/codelists.json"
	sdkCodelistDir     = "codelists"
	// sdkStage3b holds the code list rules of the static Schematron, with
	// each list written inline; used only for code lists whose .gc file
	// is missing (see the file comment of check.go).
	sdkStage3b = "schematrons/static/validation-stage-3b.sch"
)

// LoadSDK reads an eForms SDK directory, given as a file system rooted at
// the directory (os.DirFS("/path/to/eforms-sdk/1.15.1") for example), and
// returns the parsed SDK. It reads fields/fields.json,
// notice-types/notice-types.json, codelists/codelists.json and every code
// list a field or a condition refers to (about 100 files for SDK 1.15.1;
// the whole takes about 0.2 s). A code list whose file is missing is read
// from its inline copy in schematrons/static/validation-stage-3b.sch when
// there is one, and otherwise left unchecked; [SDK.Notes] says which.
// Written against SDK 1.15.1; other 1.x releases with the same layout load
// too, but only 1.15.1 is tested. Errors wrap ErrSDKUnreadable (a file
// cannot be read) or ErrSDKInvalid (a file is not what an SDK release
// holds); Value names the file, relative to fsys.
func LoadSDK(fsys fs.FS) (*SDK, error) {
	if fsys == nil {
		return nil, &fielderr.Error{Field: "sdk", Err: ErrSDKUnreadable, Detail: "no file system given"}
	}
	s := &SDK{
		ns:        map[string]string{},
		nodes:     map[string]*sdkNode{},
		fields:    map[string]*sdkField{},
		subtypes:  map[string]*sdkSubtype{},
		codelists: map[string]*sdkCodelist{},
		idFields:  map[string][]*sdkField{},
	}
	if err := s.loadNoticeTypes(fsys); err != nil {
		return nil, err
	}
	if err := s.loadCodelistIndex(fsys); err != nil {
		return nil, err
	}
	if err := s.loadFields(fsys); err != nil {
		return nil, err
	}
	if err := s.loadCodelists(fsys); err != nil {
		return nil, err
	}
	return s, nil
}

// Version returns the SDK version as fields.json states it, for example
// "eforms-sdk-1.15.1" (the release's VERSION file is not used: in 1.15.1
// it holds an unexpanded Maven placeholder).
func (s *SDK) Version() string { return s.version }

// Subtypes returns the notice subtypes the SDK defines ("1" to "40", "CEI",
// "E1"...), sorted as strings. The slice is a fresh copy.
func (s *SDK) Subtypes() []string {
	out := make([]string, 0, len(s.subtypes))
	for id := range s.subtypes {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// Notes returns, one sentence each, how LoadSDK dealt with gaps of the
// SDK directory: code lists read from the Schematron because their .gc
// file is missing, code lists left unchecked. The slice is a fresh copy.
func (s *SDK) Notes() []string { return slices.Clone(s.notes) }

func sdkReadFile(fsys fs.FS, name string) ([]byte, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, &fielderr.Error{Field: "sdk", Value: name, Err: ErrSDKUnreadable, Detail: err.Error()}
	}
	return data, nil
}

func sdkInvalid(name, detail string) error {
	return &fielderr.Error{Field: "sdk", Value: name, Err: ErrSDKInvalid, Detail: detail}
}

// ---------------------------------------------------------------- notice types

type sdkJSONNoticeTypes struct {
	SDKVersion     string `json:"sdkVersion"`
	NoticeSubTypes []struct {
		DocumentType string `json:"documentType"`
		LegalBasis   string `json:"legalBasis"`
		FormType     string `json:"formType"`
		Type         string `json:"type"`
		SubTypeID    string `json:"subTypeId"`
	} `json:"noticeSubTypes"`
	DocumentTypes []struct {
		ID                   string `json:"id"`
		Namespace            string `json:"namespace"`
		RootElement          string `json:"rootElement"`
		AdditionalNamespaces []struct {
			Prefix string `json:"prefix"`
			URI    string `json:"uri"`
		} `json:"additionalNamespaces"`
	} `json:"documentTypes"`
}

func (s *SDK) loadNoticeTypes(fsys fs.FS) error {
	data, err := sdkReadFile(fsys, sdkNoticeTypesFile)
	if err != nil {
		return err
	}
	var nt sdkJSONNoticeTypes
	if err := json.Unmarshal(data, &nt); err != nil {
		return sdkInvalid(sdkNoticeTypesFile, err.Error())
	}
	type doc struct{ ns, root string }
	docs := map[string]doc{}
	for _, d := range nt.DocumentTypes {
		docs[d.ID] = doc{d.Namespace, d.RootElement}
		for _, a := range d.AdditionalNamespaces {
			if old, ok := s.ns[a.Prefix]; ok && old != a.URI {
				return sdkInvalid(sdkNoticeTypesFile, fmt.Sprintf("prefix %s bound to %s and %s", a.Prefix, old, a.URI))
			}
			s.ns[a.Prefix] = a.URI
		}
	}
	for _, st := range nt.NoticeSubTypes {
		d, ok := docs[st.DocumentType]
		if !ok || st.SubTypeID == "" {
			return sdkInvalid(sdkNoticeTypesFile, fmt.Sprintf("subtype %q has unknown document type %q", st.SubTypeID, st.DocumentType))
		}
		s.subtypes[st.SubTypeID] = &sdkSubtype{
			id: st.SubTypeID, docType: st.DocumentType, formType: st.FormType,
			noticeType: st.Type, legalBasis: st.LegalBasis, rootNS: d.ns, rootLocal: d.root,
		}
	}
	if len(s.subtypes) == 0 {
		return sdkInvalid(sdkNoticeTypesFile, "no notice subtypes")
	}
	s.nsPrefix = map[string]string{}
	for p, uri := range s.ns {
		if old, ok := s.nsPrefix[uri]; !ok || p < old {
			s.nsPrefix[uri] = p
		}
	}
	for _, p := range []string{"cbc", "cac", "ext", "efac", "efbc", "efext"} {
		if s.ns[p] == "" {
			return sdkInvalid(sdkNoticeTypesFile, "namespace prefix "+p+" is not declared")
		}
	}
	return nil
}

// ---------------------------------------------------------------- fields

type sdkJSONFields struct {
	SDKVersion   string `json:"sdkVersion"`
	XMLStructure []struct {
		ID                string `json:"id"`
		ParentID          string `json:"parentId"`
		XPathAbsolute     string `json:"xpathAbsolute"`
		XPathRelative     string `json:"xpathRelative"`
		Repeatable        bool   `json:"repeatable"`
		IdentifierFieldID string `json:"identifierFieldId"`
	} `json:"xmlStructure"`
	Fields []sdkJSONField `json:"fields"`
}

type sdkJSONField struct {
	ID            string       `json:"id"`
	ParentNodeID  string       `json:"parentNodeId"`
	Name          string       `json:"name"`
	BTID          string       `json:"btId"`
	XPathAbsolute string       `json:"xpathAbsolute"`
	XPathRelative string       `json:"xpathRelative"`
	Type          string       `json:"type"`
	AttributeName string       `json:"attributeName"`
	AttributeOf   string       `json:"attributeOf"`
	PresetValue   string       `json:"presetValue"`
	MaxLength     int          `json:"maxLength"`
	IDScheme      string       `json:"idScheme"`
	IDSchemes     []string     `json:"idSchemes"`
	Mandatory     *sdkJSONRule `json:"mandatory"`
	Forbidden     *sdkJSONRule `json:"forbidden"`
	Pattern       *struct {
		Value string `json:"value"`
	} `json:"pattern"`
	CodeList *struct {
		Value struct {
			ID string `json:"id"`
		} `json:"value"`
		Constraints []struct {
			NoticeTypes []string `json:"noticeTypes"`
			Condition   string   `json:"condition"`
			Value       struct {
				ID string `json:"id"`
			} `json:"value"`
		} `json:"constraints"`
	} `json:"codeList"`
}

type sdkJSONRule struct {
	Value       bool `json:"value"`
	Constraints []struct {
		NoticeTypes []string `json:"noticeTypes"`
		Condition   string   `json:"condition"`
		Value       bool     `json:"value"`
	} `json:"constraints"`
}

func (s *SDK) loadFields(fsys fs.FS) error {
	data, err := sdkReadFile(fsys, sdkFieldsFile)
	if err != nil {
		return err
	}
	var jf sdkJSONFields
	if err := json.Unmarshal(data, &jf); err != nil {
		return sdkInvalid(sdkFieldsFile, err.Error())
	}
	if jf.SDKVersion == "" || len(jf.XMLStructure) == 0 || len(jf.Fields) == 0 {
		return sdkInvalid(sdkFieldsFile, "no sdkVersion, xmlStructure or fields")
	}
	s.version = jf.SDKVersion

	// Nodes: parents are listed before their children in fields.json, but
	// do not rely on it.
	for _, n := range jf.XMLStructure {
		abs, err := parseChkPath(n.XPathAbsolute, s.ns)
		if err != nil {
			return sdkInvalid(sdkFieldsFile, "node "+n.ID+": "+err.Error())
		}
		rel, err := parseChkPath(n.XPathRelative, s.ns)
		if err != nil {
			return sdkInvalid(sdkFieldsFile, "node "+n.ID+": "+err.Error())
		}
		s.nodes[n.ID] = &sdkNode{id: n.ID, abs: abs, rel: rel, repeatable: n.Repeatable}
	}
	for _, n := range jf.XMLStructure {
		node := s.nodes[n.ID]
		if n.ParentID == "" {
			continue
		}
		p, ok := s.nodes[n.ParentID]
		if !ok {
			return sdkInvalid(sdkFieldsFile, "node "+n.ID+": unknown parent "+n.ParentID)
		}
		node.parent = p
	}
	for _, node := range s.nodes {
		d := 0
		for p := node.parent; p != nil; p = p.parent {
			if d++; d > len(s.nodes) {
				return sdkInvalid(sdkFieldsFile, "node "+node.id+": parent cycle")
			}
		}
	}

	// Fields.
	for i := range jf.Fields {
		f := &jf.Fields[i]
		parent, ok := s.nodes[f.ParentNodeID]
		if !ok {
			return sdkInvalid(sdkFieldsFile, "field "+f.ID+": unknown parent node "+f.ParentNodeID)
		}
		abs, err := parseChkPath(f.XPathAbsolute, s.ns)
		if err != nil {
			return sdkInvalid(sdkFieldsFile, "field "+f.ID+": "+err.Error())
		}
		rel, err := parseChkPath(f.XPathRelative, s.ns)
		if err != nil {
			return sdkInvalid(sdkFieldsFile, "field "+f.ID+": "+err.Error())
		}
		sf := &sdkField{
			id: f.ID, bt: f.BTID, name: f.Name, typ: f.Type, parent: parent,
			abs: abs, rel: rel, absSrc: f.XPathAbsolute,
			attrName: f.AttributeName, preset: f.PresetValue, maxLength: f.MaxLength,
			idScheme: f.IDScheme, idSchemes: f.IDSchemes,
		}
		if f.Pattern != nil && f.Pattern.Value != "" {
			re, err := regexp.Compile(f.Pattern.Value)
			if err != nil {
				return sdkInvalid(sdkFieldsFile, "field "+f.ID+": pattern: "+err.Error())
			}
			sf.pattern, sf.patternSrc = re, f.Pattern.Value
		}
		if f.CodeList != nil {
			sf.codelist = f.CodeList.Value.ID
			for _, c := range f.CodeList.Constraints {
				if c.Condition != "" || c.Value.ID == "" {
					continue // none in 1.15.1; a conditional list is left to the Schematron
				}
				if sf.codelistBy == nil {
					sf.codelistBy = map[string]string{}
				}
				for _, nt := range c.NoticeTypes {
					sf.codelistBy[nt] = c.Value.ID
				}
			}
		}
		s.fields[f.ID] = sf
		s.fieldList = append(s.fieldList, sf)
	}
	slices.SortFunc(s.fieldList, func(a, b *sdkField) int { return strings.Compare(a.id, b.id) })
	for i := range jf.Fields {
		f := &jf.Fields[i]
		if f.AttributeOf == "" {
			continue
		}
		owner, ok := s.fields[f.AttributeOf]
		if !ok {
			return sdkInvalid(sdkFieldsFile, "field "+f.ID+": unknown attributeOf "+f.AttributeOf)
		}
		s.fields[f.ID].attrOf = owner
		owner.attrs = append(owner.attrs, s.fields[f.ID])
	}
	for _, n := range jf.XMLStructure {
		if n.IdentifierFieldID == "" {
			continue
		}
		idf, ok := s.fields[n.IdentifierFieldID]
		if !ok {
			return sdkInvalid(sdkFieldsFile, "node "+n.ID+": unknown identifier field "+n.IdentifierFieldID)
		}
		s.nodes[n.ID].identifier = idf
		s.nodes[n.ID].idRel = s.relFromNode(s.nodes[n.ID], idf)
		s.entities = append(s.entities, s.nodes[n.ID])
	}
	slices.SortFunc(s.entities, func(a, b *sdkNode) int { return strings.Compare(a.id, b.id) })
	for _, f := range s.fieldList {
		if f.typ == "id" && f.idScheme != "" {
			s.idFields[f.idScheme] = append(s.idFields[f.idScheme], f)
		}
	}
	s.subtypeFld, s.noticeType, s.formType = s.fields["OPP-070-notice"], s.fields["BT-02-notice"], s.fields["BT-03-notice"]
	if s.subtypeFld == nil {
		return sdkInvalid(sdkFieldsFile, "no field OPP-070-notice (notice subtype)")
	}

	// Where an unconditional "mandatory" is checked (see check.go, "Where a
	// mandatory field is looked for").
	for _, f := range s.fieldList {
		if f.attrOf != nil {
			continue
		}
		n := f.parent
		for n.parent != nil && !n.repeatable {
			n = n.parent
		}
		n.ownFields++
	}
	for _, f := range s.fieldList {
		f.scope = s.fieldScope(f.parent)
		f.scopeRel = s.relFromNode(f.scope, f)
	}
	// The identifier of a business entity (BT-137-Lot for a lot,
	// OPT-200 for an organisation, OPT-300 for a buyer) is also looked for
	// in the scope above the entity: when the SDK makes it mandatory, the
	// notice needs at least one such entity. In 1.15.1 the identifiers of
	// optional entities (touch points, groups of lots, tenders...) are
	// never unconditionally mandatory.
	for _, n := range s.entities {
		if n.parent == nil {
			continue
		}
		f := n.identifier
		f.existScope = s.fieldScope(n.parent)
		f.existRel = s.relFromNode(f.existScope, f)
	}

	// Mandatory and forbidden constraints.
	for i := range jf.Fields {
		jfld := &jf.Fields[i]
		f := s.fields[jfld.ID]
		for _, kind := range []struct {
			rule *sdkJSONRule
			dst  *[]*sdkConstraint
		}{{jfld.Mandatory, &f.mandatory}, {jfld.Forbidden, &f.forbidden}} {
			if kind.rule == nil {
				continue
			}
			if kind.rule.Value {
				// A rule true for every subtype; none in 1.15.1.
				all := map[string]bool{}
				for id := range s.subtypes {
					all[id] = true
				}
				*kind.dst = append(*kind.dst, &sdkConstraint{field: f, subtypes: all})
			}
			for _, c := range kind.rule.Constraints {
				if !c.Value {
					continue
				}
				sc := &sdkConstraint{field: f, subtypes: map[string]bool{}, condSrc: c.Condition}
				for _, nt := range c.NoticeTypes {
					sc.subtypes[nt] = true
				}
				if c.Condition != "" {
					s.compileCondition(sc)
				}
				*kind.dst = append(*kind.dst, sc)
			}
		}
	}
	return nil
}

// fieldScope returns the node in whose every instance an unconditionally
// mandatory field of node n must be present: the nearest ancestor-or-self
// of n that is the root,
// a business entity with an identifier (lot, organisation, tender...), or
// a repeatable group of at least two fields (an award criterion, a
// received-submissions statistic). A repeatable node that only wraps the
// field itself (cac:Language around BT-97) is passed through: the field is
// then required in the entity above.
func (s *SDK) fieldScope(n *sdkNode) *sdkNode {
	for n.parent != nil {
		if n.identifier != nil || (n.repeatable && n.ownFields >= 2) {
			return n
		}
		n = n.parent
	}
	return n
}

// relFromNode returns the way from an instance of node ctx to the
// instances of field f.
func (s *SDK) relFromNode(ctx *sdkNode, f *sdkField) *chkRel {
	return s.relFrom(ctx, 0, f.parent, f.rel)
}

// relFrom returns the way from an instance of ctx (after first going up
// extraUps steps, for a field context) to the instances of the path
// tail below node target.
func (s *SDK) relFrom(ctx *sdkNode, extraUps int, target *sdkNode, tail *chkPath) *chkRel {
	// Ancestors of the target, bottom-up.
	var tchain []*sdkNode
	for n := target; n != nil; n = n.parent {
		tchain = append(tchain, n)
	}
	ups := extraUps
	lca := ctx
	for ; lca != nil; lca = lca.parent {
		if slices.Contains(tchain, lca) {
			break
		}
		ups += len(lca.rel.steps)
	}
	if lca == nil || lca.parent == nil {
		// Common ancestor is the root: use the absolute path.
		steps := slices.Clone(target.abs.steps)
		steps = append(steps, tail.steps...)
		return &chkRel{ups: -1, path: &chkPath{abs: true, steps: steps}}
	}
	var down []chkStep
	for i := slices.Index(tchain, lca) - 1; i >= 0; i-- {
		down = append(down, tchain[i].rel.steps...)
	}
	down = append(down, tail.steps...)
	return &chkRel{ups: ups, path: &chkPath{steps: down}}
}

// ---------------------------------------------------------------- code lists

type sdkJSONCodelists struct {
	Codelists []struct {
		ID       string `json:"id"`
		Filename string `json:"filename"`
	} `json:"codelists"`
}

func (s *SDK) loadCodelistIndex(fsys fs.FS) error {
	data, err := sdkReadFile(fsys, sdkCodelistsFile)
	if err != nil {
		return err
	}
	var jc sdkJSONCodelists
	if err := json.Unmarshal(data, &jc); err != nil {
		return sdkInvalid(sdkCodelistsFile, err.Error())
	}
	s.clFiles = map[string]string{}
	s.condLists = map[string]bool{}
	for _, c := range jc.Codelists {
		s.clFiles[c.ID] = c.Filename
	}
	return nil
}

func (s *SDK) loadCodelists(fsys fs.FS) error {
	files := s.clFiles
	// The lists the fields use, each with the fields using it.
	users := map[string][]*sdkField{}
	for _, f := range s.fieldList {
		if f.codelist != "" {
			users[f.codelist] = append(users[f.codelist], f)
		}
		for _, id := range f.codelistBy {
			if !slices.Contains(users[id], f) {
				users[id] = append(users[id], f)
			}
		}
	}
	for id := range s.condLists {
		if _, ok := users[id]; !ok {
			users[id] = nil
		}
	}
	ids := make([]string, 0, len(users))
	for id := range users {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var missing []string
	for _, id := range ids {
		name, ok := files[id]
		if !ok {
			missing = append(missing, id)
			continue
		}
		file := sdkCodelistDir + "/" + name
		raw, err := fs.ReadFile(fsys, file)
		if errors.Is(err, fs.ErrNotExist) {
			missing = append(missing, id)
			continue
		}
		if err != nil {
			return &fielderr.Error{Field: "sdk", Value: file, Err: ErrSDKUnreadable, Detail: err.Error()}
		}
		codes, err := sdkParseGenericode(raw)
		if err != nil {
			return sdkInvalid(file, err.Error())
		}
		s.codelists[id] = &sdkCodelist{id: id, source: file, codes: codes}
	}
	defer s.dropConditionsWithoutLists()
	if len(missing) == 0 {
		return nil
	}
	// Fallback for lists whose .gc file is missing (cpv.gc and
	// nuts_nuts-lvl3.gc in our copy of 1.15.1): the static Schematron
	// writes each list inline in the rule whose context is the field's
	// absolute XPath.
	sch, _ := fs.ReadFile(fsys, sdkStage3b) // nil when absent: no fallback
	for _, id := range missing {
		found := false
		for _, f := range users[id] {
			l, ok := sdkFindInlineList(sch, f.absSrc)
			if !ok {
				continue
			}
			s.codelists[id] = &sdkCodelist{id: id, source: sdkStage3b + " rule " + l.rule, codes: l.codes}
			s.notes = append(s.notes, fmt.Sprintf("code list %s: file %s missing; %d codes read from %s, rule %s (field %s)",
				id, files[id], len(l.codes), sdkStage3b, l.rule, f.id))
			found = true
			break
		}
		if !found {
			s.notes = append(s.notes, fmt.Sprintf("code list %s: file %q missing and no inline list found; values not checked", id, files[id]))
		}
	}
	return nil
}

// dropConditionsWithoutLists marks as unsupported the conditions that
// name a code list LoadSDK could not read.
func (s *SDK) dropConditionsWithoutLists() {
	for _, f := range s.fieldList {
		for _, c := range slices.Concat(f.mandatory, f.forbidden) {
			if c.cond == nil {
				continue
			}
			for _, id := range c.cond.codelistsUsed(nil) {
				if s.codelists[id] == nil {
					c.cond, c.unsupported = nil, "code list "+id+" is not available"
					break
				}
			}
		}
	}
}

// sdkParseGenericode returns the values of the "code" column of an OASIS
// genericode 1.0 code list.
func sdkParseGenericode(data []byte) (map[string]struct{}, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	codes := map[string]struct{}{}
	var inCode, inValue bool
	var buf strings.Builder
	for {
		tok, err := dec.RawToken() // no namespace resolution: the columns are unqualified
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.Directive:
			return nil, errors.New("DTD not allowed in a code list")
		case xml.StartElement:
			switch t.Name.Local {
			case "Value":
				inCode = false
				for _, a := range t.Attr {
					if a.Name.Local == "ColumnRef" && a.Value == "code" {
						inCode = true
					}
				}
			case "SimpleValue":
				if inCode {
					inValue = true
					buf.Reset()
				}
			}
		case xml.CharData:
			if inValue {
				buf.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "SimpleValue":
				if inValue {
					codes[strings.TrimSpace(buf.String())] = struct{}{}
					inValue = false
				}
			case "Value":
				inCode = false
			}
		}
	}
	if len(codes) == 0 {
		return nil, errors.New("no codes in the \"code\" column")
	}
	return codes, nil
}

type sdkInlineList struct {
	rule  string
	codes map[string]struct{}
}

// sdkFindInlineList returns the first "normalize-space(.) = ('a', 'b',
// ...)" assert of the Schematron rule whose context is xpath: the code
// list checks of stage 3b are written that way.
func sdkFindInlineList(sch []byte, xpath string) (sdkInlineList, bool) {
	for _, ctx := range []string{xpath, strings.ReplaceAll(xpath, "'", "&apos;")} {
		i := bytes.Index(sch, []byte(`<rule context="`+ctx+`">`))
		if i < 0 {
			continue
		}
		rule := sch[i:]
		if j := bytes.Index(rule, []byte("</rule>")); j >= 0 {
			rule = rule[:j]
		}
		const test = `test="normalize-space(.) = (`
		k := bytes.Index(rule, []byte(test))
		if k < 0 {
			continue
		}
		var id string
		if a := bytes.LastIndex(rule[:k], []byte(`<assert id="`)); a >= 0 {
			rest := rule[a+len(`<assert id="`):]
			if q := bytes.IndexByte(rest, '"'); q >= 0 {
				id = string(rest[:q])
			}
		}
		list := rule[k+len(test):]
		if end := bytes.Index(list, []byte(`)"`)); end >= 0 {
			list = list[:end]
		}
		codes := map[string]struct{}{}
		for {
			a := bytes.IndexByte(list, '\'')
			if a < 0 {
				break
			}
			b := bytes.IndexByte(list[a+1:], '\'')
			if b < 0 {
				break
			}
			codes[sdkUnescape(string(list[a+1:a+1+b]))] = struct{}{}
			list = list[a+b+2:]
		}
		if len(codes) > 0 {
			return sdkInlineList{rule: id, codes: codes}, true
		}
	}
	return sdkInlineList{}, false
}

// sdkUnescape undoes the XML escapes a Schematron attribute may hold.
func sdkUnescape(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	r := strings.NewReplacer("&apos;", "'", "&quot;", `"`, "&lt;", "<", "&gt;", ">", "&amp;", "&")
	return r.Replace(s)
}

// ---------------------------------------------------------------- XPath subset

// chkPath is a compiled XPath of the subset fields.json uses: child steps
// with namespace prefixes, "/*" for the root element, "..", "@attr",
// "text()", and predicates made of paths, "=", "!=", string literals and
// lists, and(), or(), not().
type chkPath struct {
	abs   bool
	steps []chkStep
}

type chkStepKind uint8

const (
	chkStepElem   chkStepKind = iota + 1 // prefix:name
	chkStepAny                           // *
	chkStepParent                        // ..
	chkStepAttr                          // @name
	chkStepText                          // text()
)

type chkStep struct {
	kind  chkStepKind
	ns    string
	local string
	preds []*chkPred
}

type chkPredOp uint8

const (
	chkPredOr chkPredOp = iota + 1
	chkPredAnd
	chkPredNot
	chkPredExists
	chkPredEq
	chkPredNe
)

type chkPred struct {
	op   chkPredOp
	a, b *chkPred
	path *chkPath
	lits []string
}

type chkXPParser struct {
	s  string
	i  int
	ns map[string]string
}

func parseChkPath(src string, ns map[string]string) (*chkPath, error) {
	p := &chkXPParser{s: src, ns: ns}
	cp, err := p.path()
	if err != nil {
		return nil, fmt.Errorf("xpath %q: %w", src, err)
	}
	p.space()
	if p.i != len(p.s) {
		return nil, fmt.Errorf("xpath %q: unexpected %q at %d", src, p.s[p.i:], p.i)
	}
	return cp, nil
}

func (p *chkXPParser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n') {
		p.i++
	}
}

func (p *chkXPParser) eat(lit string) bool {
	if strings.HasPrefix(p.s[p.i:], lit) {
		p.i += len(lit)
		return true
	}
	return false
}

func (p *chkXPParser) path() (*chkPath, error) {
	cp := &chkPath{}
	if p.eat("/") {
		cp.abs = true
	}
	for {
		st, err := p.step()
		if err != nil {
			return nil, err
		}
		cp.steps = append(cp.steps, st)
		if !p.eat("/") {
			return cp, nil
		}
	}
}

func chkIsNameChar(c byte) bool {
	return c == '-' || c == '_' || c == '.' || c == ':' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func (p *chkXPParser) name() string {
	start := p.i
	for p.i < len(p.s) && chkIsNameChar(p.s[p.i]) {
		p.i++
	}
	return p.s[start:p.i]
}

func (p *chkXPParser) step() (chkStep, error) {
	var st chkStep
	switch {
	case p.eat(".."):
		st.kind = chkStepParent
	case p.eat("@"):
		st.kind, st.local = chkStepAttr, p.name()
		if st.local == "" || strings.Contains(st.local, ":") {
			return st, fmt.Errorf("unsupported attribute name at %d", p.i)
		}
	case p.eat("text()"):
		st.kind = chkStepText
	case p.eat("*"):
		st.kind = chkStepAny
	default:
		qn := p.name()
		prefix, local, ok := strings.Cut(qn, ":")
		if !ok || local == "" {
			return st, fmt.Errorf("unsupported step %q at %d", qn, p.i)
		}
		uri, known := p.ns[prefix]
		if !known {
			return st, fmt.Errorf("unknown namespace prefix %q", prefix)
		}
		st.kind, st.ns, st.local = chkStepElem, uri, local
	}
	for p.eat("[") {
		e, err := p.or()
		if err != nil {
			return st, err
		}
		p.space()
		if !p.eat("]") {
			return st, fmt.Errorf("missing ] at %d", p.i)
		}
		st.preds = append(st.preds, e)
	}
	return st, nil
}

func (p *chkXPParser) keyword(kw string) bool {
	p.space()
	if !strings.HasPrefix(p.s[p.i:], kw) {
		return false
	}
	j := p.i + len(kw)
	if j < len(p.s) && (p.s[j] == ' ' || p.s[j] == '(') {
		p.i = j
		return true
	}
	return false
}

func (p *chkXPParser) or() (*chkPred, error) {
	a, err := p.and()
	if err != nil {
		return nil, err
	}
	for p.keyword("or") {
		b, err := p.and()
		if err != nil {
			return nil, err
		}
		a = &chkPred{op: chkPredOr, a: a, b: b}
	}
	return a, nil
}

func (p *chkXPParser) and() (*chkPred, error) {
	a, err := p.unary()
	if err != nil {
		return nil, err
	}
	for p.keyword("and") {
		b, err := p.unary()
		if err != nil {
			return nil, err
		}
		a = &chkPred{op: chkPredAnd, a: a, b: b}
	}
	return a, nil
}

func (p *chkXPParser) unary() (*chkPred, error) {
	p.space()
	if p.eat("not(") {
		e, err := p.or()
		if err != nil {
			return nil, err
		}
		p.space()
		if !p.eat(")") {
			return nil, fmt.Errorf("missing ) at %d", p.i)
		}
		return &chkPred{op: chkPredNot, a: e}, nil
	}
	if p.eat("(") {
		e, err := p.or()
		if err != nil {
			return nil, err
		}
		p.space()
		if !p.eat(")") {
			return nil, fmt.Errorf("missing ) at %d", p.i)
		}
		return e, nil
	}
	path, err := p.path()
	if err != nil {
		return nil, err
	}
	p.space()
	op := chkPredExists
	switch {
	case p.eat("!="):
		op = chkPredNe
	case p.eat("="):
		op = chkPredEq
	default:
		return &chkPred{op: chkPredExists, path: path}, nil
	}
	p.space()
	var lits []string
	if p.eat("(") {
		for {
			p.space()
			l, err := p.literal()
			if err != nil {
				return nil, err
			}
			lits = append(lits, l)
			p.space()
			if p.eat(")") {
				break
			}
			if !p.eat(",") {
				return nil, fmt.Errorf("expected , or ) at %d", p.i)
			}
		}
	} else {
		l, err := p.literal()
		if err != nil {
			return nil, err
		}
		lits = []string{l}
	}
	return &chkPred{op: op, path: path, lits: lits}, nil
}

// literal reads an XPath string literal in single quotes (” inside is
// one quote).
func (p *chkXPParser) literal() (string, error) {
	if !p.eat("'") {
		return "", fmt.Errorf("expected a string literal at %d", p.i)
	}
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		p.i++
		if c == '\'' {
			if p.i < len(p.s) && p.s[p.i] == '\'' {
				b.WriteByte('\'')
				p.i++
				continue
			}
			return b.String(), nil
		}
		b.WriteByte(c)
	}
	return "", errors.New("unterminated string literal")
}

// ---------------------------------------------------------------- EFX subset

// efxExpr is a compiled condition of the EFX subset Check evaluates (see
// the file comment of check.go): field presence, comparison of a field
// with literals or with another field, "in" lists, count(), not, and, or.
type efxExpr struct {
	op      efxOp
	a, b    *efxExpr
	ref     *efxRef
	ref2    *efxRef
	lits    []string
	cmp     string   // "==", "!=", "<", "<=", ">", ">="
	numeric bool     // the literal is a number
	val     bool     // for efxConst
	lists   []string // code list ids of an "in (code-list)" test
}

// codelistsUsed appends the code lists e and its sub-expressions name.
func (e *efxExpr) codelistsUsed(out []string) []string {
	if e == nil {
		return out
	}
	out = append(out, e.lists...)
	for _, r := range []*efxRef{e.ref, e.ref2} {
		if r != nil {
			out = r.pred.codelistsUsed(out)
		}
	}
	return e.b.codelistsUsed(e.a.codelistsUsed(out))
}

type efxOp uint8

const (
	efxOr efxOp = iota + 1
	efxAnd
	efxNot
	efxConst
	efxPresent
	efxIn
	efxInField
	efxCmp
	efxCount
)

// efxRef is a field reference resolved from the condition's context.
type efxRef struct {
	field *sdkField
	rel   *chkRel
	pred  *efxExpr // FIELD[predicate], evaluated with each field instance as context
}

var efxCondRe = regexp.MustCompile(`^\{([^}]+)\}\s*\$\{(.*)\}$`)

// compileCondition compiles sc.condSrc, or records why it cannot.
func (s *SDK) compileCondition(sc *sdkConstraint) {
	m := efxCondRe.FindStringSubmatch(strings.TrimSpace(sc.condSrc))
	if m == nil {
		sc.unsupported = "condition is not of the form {context} ${expression}"
		return
	}
	ctxID := m[1]
	var ctxNode *sdkNode
	extraUps := 0
	if n, ok := s.nodes[ctxID]; ok {
		ctxNode = n
		sc.ctxNode = n
	} else if f, ok := s.fields[ctxID]; ok && f.attrOf == nil {
		ctxNode, extraUps = f.parent, len(f.rel.steps)
		sc.ctxField = f
	} else {
		sc.unsupported = "unknown or attribute context " + ctxID
		return
	}
	p := &efxParser{s: m[2], sdk: s, ctx: ctxNode, ups: extraUps}
	e, err := p.parse()
	if err != nil {
		sc.unsupported = err.Error()
		return
	}
	sc.cond = e
	sc.target = s.relFrom(ctxNode, extraUps, sc.field.parent, sc.field.rel)
}

type efxTok struct {
	kind byte // 'f' field, 'i' identifier, 's' string, 'n' number, 'p' punctuation/operator, 0 end
	text string
	abs  bool // for 'f': written /FIELD
}

type efxParser struct {
	s   string
	i   int
	sdk *SDK
	ctx *sdkNode
	ups int
	tok efxTok
	err error
}

func (p *efxParser) parse() (*efxExpr, error) {
	p.next()
	e := p.or()
	if p.err == nil && p.tok.kind != 0 {
		p.fail("unexpected %q", p.tok.text)
	}
	if p.err != nil {
		return nil, p.err
	}
	return e, nil
}

func (p *efxParser) fail(format string, args ...any) {
	if p.err == nil {
		p.err = fmt.Errorf("unsupported EFX: "+format, args...)
	}
	p.tok = efxTok{}
}

func efxIsIDChar(c byte) bool {
	return c == '-' || c == '_' || c == '(' || c == ')' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func (p *efxParser) next() {
	if p.err != nil {
		return
	}
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r') {
		p.i++
	}
	if p.i >= len(p.s) {
		p.tok = efxTok{}
		return
	}
	c := p.s[p.i]
	switch {
	case c == '\'' || c == '"':
		end := strings.IndexByte(p.s[p.i+1:], c)
		if end < 0 {
			p.fail("unterminated string")
			return
		}
		p.tok = efxTok{kind: 's', text: p.s[p.i+1 : p.i+1+end]}
		p.i += end + 2
	case c >= '0' && c <= '9':
		j := p.i
		for j < len(p.s) && (p.s[j] >= '0' && p.s[j] <= '9' || p.s[j] == '.') {
			j++
		}
		p.tok = efxTok{kind: 'n', text: p.s[p.i:j]}
		p.i = j
	case c == '/' && p.i+1 < len(p.s) && (p.s[p.i+1] >= 'A' && p.s[p.i+1] <= 'Z'):
		p.i++
		p.ident()
		if p.tok.kind != 'f' {
			p.fail("absolute reference to a non-field %q", p.tok.text)
			return
		}
		p.tok.abs = true
	case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
		p.ident()
	default:
		for _, op := range []string{"==", "!=", "<=", ">=", "<", ">", "(", ")", ",", "[", "]", "+", "-", "*", "$", "/", "{", "}"} {
			if strings.HasPrefix(p.s[p.i:], op) {
				p.tok = efxTok{kind: 'p', text: op}
				p.i += len(op)
				return
			}
		}
		p.fail("unexpected character %q", c)
	}
}

// ident reads a field identifier (the longest known field id, which may
// hold parentheses: BT-131(d)-Lot, BT-195(BT-160)-Tender) or a keyword.
func (p *efxParser) ident() {
	j := p.i
	for j < len(p.s) && efxIsIDChar(p.s[j]) {
		j++
	}
	for k := j; k > p.i; k-- {
		if _, ok := p.sdk.fields[p.s[p.i:k]]; ok {
			p.tok = efxTok{kind: 'f', text: p.s[p.i:k]}
			p.i = k
			return
		}
	}
	k := p.i
	for k < len(p.s) && (efxIsIDChar(p.s[k]) && p.s[k] != '(' && p.s[k] != ')') {
		k++
	}
	p.tok = efxTok{kind: 'i', text: p.s[p.i:k]}
	p.i = k
}

func (p *efxParser) isKW(kw string) bool { return p.tok.kind == 'i' && p.tok.text == kw }
func (p *efxParser) isP(op string) bool  { return p.tok.kind == 'p' && p.tok.text == op }

func (p *efxParser) expectP(op string) {
	if !p.isP(op) {
		p.fail("expected %q, got %q", op, p.tok.text)
		return
	}
	p.next()
}

func (p *efxParser) or() *efxExpr {
	a := p.and()
	for p.err == nil && p.isKW("or") {
		p.next()
		a = &efxExpr{op: efxOr, a: a, b: p.and()}
	}
	return a
}

func (p *efxParser) and() *efxExpr {
	a := p.unary()
	for p.err == nil && p.isKW("and") {
		p.next()
		a = &efxExpr{op: efxAnd, a: a, b: p.unary()}
	}
	return a
}

func (p *efxParser) unary() *efxExpr {
	if p.isKW("not") {
		p.next()
		p.expectP("(")
		e := p.or()
		p.expectP(")")
		return &efxExpr{op: efxNot, a: e}
	}
	return p.primary()
}

func (p *efxParser) primary() *efxExpr {
	switch {
	case p.err != nil:
		return nil
	case p.isP("("):
		p.next()
		e := p.or()
		p.expectP(")")
		return e
	case p.isKW("TRUE") || p.isKW("ALWAYS"):
		p.next()
		return &efxExpr{op: efxConst, val: true}
	case p.isKW("FALSE") || p.isKW("NEVER"):
		p.next()
		return &efxExpr{op: efxConst, val: false}
	case p.isKW("count"):
		p.next()
		p.expectP("(")
		ref := p.ref()
		p.expectP(")")
		op := p.cmpOp()
		if p.tok.kind != 'n' {
			p.fail("count() compared with %q", p.tok.text)
			return nil
		}
		n := p.tok.text
		p.next()
		return &efxExpr{op: efxCount, ref: ref, cmp: op, lits: []string{n}, numeric: true}
	case p.tok.kind == 'f':
		ref := p.ref()
		if p.err != nil {
			return nil
		}
		switch {
		case p.isKW("is"):
			p.next()
			neg := false
			if p.isKW("not") {
				neg = true
				p.next()
			}
			if !p.isKW("present") {
				p.fail("is %q", p.tok.text)
				return nil
			}
			p.next()
			e := &efxExpr{op: efxPresent, ref: ref}
			if neg {
				e = &efxExpr{op: efxNot, a: e}
			}
			return e
		case p.isKW("in") || p.isKW("not"):
			neg := p.isKW("not")
			p.next()
			if neg {
				if !p.isKW("in") {
					p.fail("not %q", p.tok.text)
					return nil
				}
				p.next()
			}
			var e *efxExpr
			if p.tok.kind == 'f' {
				e = &efxExpr{op: efxInField, ref: ref, ref2: p.ref()}
			} else {
				e = &efxExpr{op: efxIn, ref: ref}
				e.lits, e.lists = p.list()
			}
			if neg {
				e = &efxExpr{op: efxNot, a: e}
			}
			return e
		default:
			op := p.cmpOp()
			if p.err != nil {
				return nil
			}
			e := &efxExpr{op: efxCmp, ref: ref, cmp: op}
			switch {
			case p.tok.kind == 's':
				e.lits = []string{p.tok.text}
			case p.tok.kind == 'n':
				e.lits, e.numeric = []string{p.tok.text}, true
			case p.isKW("TRUE"):
				e.lits = []string{"true"}
			case p.isKW("FALSE"):
				e.lits = []string{"false"}
			default:
				p.fail("comparison with %q", p.tok.text)
				return nil
			}
			if !e.numeric && op != "==" && op != "!=" {
				p.fail("ordering comparison of text with %q", e.lits[0])
				return nil
			}
			p.next()
			if p.tok.kind == 'p' && (p.tok.text == "+" || p.tok.text == "-" || p.tok.text == "*") {
				p.fail("arithmetic")
				return nil
			}
			return e
		}
	case p.tok.kind == 'i':
		p.fail("unknown field or keyword %q", p.tok.text)
		return nil
	default:
		p.fail("%q", p.tok.text)
		return nil
	}
}

func (p *efxParser) cmpOp() string {
	if p.tok.kind == 'p' {
		switch p.tok.text {
		case "==", "!=", "<", "<=", ">", ">=":
			op := p.tok.text
			p.next()
			return op
		}
	}
	p.fail("expected a comparison, got %q", p.tok.text)
	return ""
}

// ref reads a field reference; a predicate on it ([...]) is not supported.
func (p *efxParser) ref() *efxRef {
	if p.tok.kind != 'f' {
		p.fail("expected a field, got %q", p.tok.text)
		return nil
	}
	f := p.sdk.fields[p.tok.text]
	abs := p.tok.abs
	p.next()
	ref := &efxRef{field: f}
	if abs {
		ref.rel = &chkRel{ups: -1, path: f.abs}
	} else {
		ref.rel = p.sdk.relFrom(p.ctx, p.ups, f.parent, f.rel)
	}
	if p.isP("[") {
		if f.attrOf != nil {
			p.fail("predicate on attribute field %s", f.id)
			return nil
		}
		// Inside the brackets the context is the field itself.
		p.next()
		outerCtx, outerUps := p.ctx, p.ups
		p.ctx, p.ups = f.parent, len(f.rel.steps)
		ref.pred = p.or()
		p.ctx, p.ups = outerCtx, outerUps
		p.expectP("]")
	}
	if p.isP("-") || p.isP("+") {
		p.fail("arithmetic on field %s", f.id)
		return nil
	}
	return ref
}

// list reads ('a', 'b', ...) of string or number literals, or (name) of
// a code list (EFX writes "BT-514-Lot in (nuts-country)").
func (p *efxParser) list() (lits, lists []string) {
	p.expectP("(")
	for p.err == nil {
		switch {
		case p.tok.kind == 's' || p.tok.kind == 'n':
			lits = append(lits, p.tok.text)
		case p.tok.kind == 'i' && p.sdk.clFiles[p.tok.text] != "":
			lists = append(lists, p.tok.text)
			p.sdk.condLists[p.tok.text] = true
		default:
			p.fail("list item %q", p.tok.text)
			return nil, nil
		}
		p.next()
		if p.isP(")") {
			p.next()
			return lits, lists
		}
		p.expectP(",")
	}
	return nil, nil
}
