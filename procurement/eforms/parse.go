package eforms

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/beevik/etree"
	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
	"github.com/openmarches/marches/procurement"
	"github.com/shopspring/decimal"
)

// Limits of Parse. A notice of the SDK with 100 lots
// (cn_24_maximal_100_lots.xml) is about 1 MB and 12 levels deep.
const (
	// MaxNoticeBytes is the largest document Parse reads: 32 MiB.
	MaxNoticeBytes = 32 << 20
	// MaxDepth is the deepest element nesting Parse accepts: 64 levels
	// (eForms notices use about 15).
	MaxDepth = 64
)

// Parse reads an eForms notice (a contract notice, contract award notice
// or prior information notice of a supported subtype: 4, 7, 16, 20, 29,
// 33) back into a Notice.
//
// Notices written by Generate come back exactly: Generate(Parse(x)) == x,
// byte for byte. To make that hold, Parse puts into the Notice explicitly
// what Generate would otherwise derive (identifiers, option and renewal
// descriptions) and leaves empty what equals a documented default. The
// notice carries less than the model: an estimated value is a total
// (BT-27), so each lot's EstimatedValue holds its total and options and
// renewals are zero; the renewal length is not in the notice, so
// Renewals.Months is 0; the buyer's territory is inferred from its postal
// code (75004 → 75, 971xx → 971, 20xxx → 2A or 2B). Notices from other
// tools (the SDK's examples) parse too: what the model has no place for
// is ignored, and values it cannot represent are kept where they fit
// (a legal identifier that is not a SIRET stays in Buyer.SIRET).
//
// Parse reads no external resource and refuses, with a *FieldError:
// documents over MaxNoticeBytes (ErrTooLarge), deeper than MaxDepth
// (ErrTooDeep), with a DTD or entity declaration (ErrDTD), not
// well-formed or using an undeclared entity (ErrXMLSyntax, with the line
// in Detail), whose root is not a notice (ErrNotNotice), of another
// subtype (ErrUnknownSubtype), or with a value it needs in the wrong form
// (ErrValue, Field naming the element). The result is not validated: run
// Consultation.Validate or Generate for that.
func Parse(data []byte) (Notice, error) {
	if len(data) > MaxNoticeBytes {
		return Notice{}, &FieldError{Field: "notice", Value: strconv.Itoa(len(data)) + " bytes", Err: ErrTooLarge,
			Detail: "limit " + strconv.Itoa(MaxNoticeBytes) + " bytes"}
	}
	root, err := scanXML(data)
	if err != nil {
		return Notice{}, err
	}
	doc := etree.NewDocument()
	doc.ReadSettings = etree.ReadSettings{MaxDepth: MaxDepth + 1}
	if err := doc.ReadFromBytes(data); err != nil {
		// scanXML accepted it; etree's own reader should too.
		return Notice{}, &FieldError{Field: "notice", Err: ErrXMLSyntax, Detail: err.Error()}
	}
	p := &parser{root: doc.Root()}
	switch {
	case root == xml.Name{Space: nsCN, Local: "ContractNotice"},
		root == xml.Name{Space: nsCAN, Local: "ContractAwardNotice"},
		root == xml.Name{Space: nsPIN, Local: "PriorInformationNotice"}:
	default:
		return Notice{}, &FieldError{Field: "notice", Value: "{" + root.Space + "}" + root.Local, Err: ErrNotNotice}
	}
	n := p.notice()
	if len(p.errs) > 0 {
		return Notice{}, fielderr.Join(p.errs)
	}
	return n, nil
}

// scanXML checks the safety limits and well-formedness with the standard
// decoder (which reads no external entity and knows only the five
// predefined ones) and returns the root element's name.
func scanXML(data []byte) (xml.Name, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	dec.CharsetReader = func(charset string, _ io.Reader) (io.Reader, error) {
		return nil, errors.New("encoding " + charset + " not supported: notices are UTF-8")
	}
	var root xml.Name
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return root, &FieldError{Field: "notice", Err: ErrXMLSyntax, Detail: "line " + strconv.Itoa(line) + ": " + err.Error()}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > MaxDepth {
				line, _ := dec.InputPos()
				return root, &FieldError{Field: "notice", Value: t.Name.Local, Err: ErrTooDeep,
					Detail: "line " + strconv.Itoa(line) + ": more than " + strconv.Itoa(MaxDepth) + " levels"}
			}
			if depth == 1 {
				root = t.Name
			}
		case xml.EndElement:
			depth--
		case xml.Directive:
			line, _ := dec.InputPos()
			d := string(t)
			if len(d) > 40 {
				d = d[:40]
			}
			return root, &FieldError{Field: "notice", Value: "<!" + d, Err: ErrDTD, Detail: "line " + strconv.Itoa(line)}
		}
	}
	if root.Local == "" {
		return root, &FieldError{Field: "notice", Err: ErrXMLSyntax, Detail: "no root element"}
	}
	return root, nil
}

// parser walks the notice tree and collects value errors.
type parser struct {
	root *etree.Element
	errs []*FieldError
	orgs map[string]Organization
	// extra per organisation: company size and CPB indicator
	sizes map[string]string
	cpb   map[string]bool
	lang  string
	zones map[int]*time.Location
}

// prefixes maps the package's fixed prefixes to namespaces, for lookups
// that ignore the prefixes a document happens to use.
var prefixes = map[string]string{
	"cac": nsCAC, "cbc": nsCBC, "ext": nsEXT, "efac": nsEFAC, "efbc": nsEFBC, "efext": nsEFEXT,
}

// is reports whether e is the element "prefix:Local" (namespace-aware).
func is(e *etree.Element, tag string) bool {
	pre, local, _ := strings.Cut(tag, ":")
	return e.Tag == local && e.NamespaceURI() == prefixes[pre]
}

// all returns the children of e named tag.
func all(e *etree.Element, tag string) []*etree.Element {
	if e == nil {
		return nil
	}
	var out []*etree.Element
	for _, c := range e.ChildElements() {
		if is(c, tag) {
			out = append(out, c)
		}
	}
	return out
}

// find follows a path of child tags and returns the first match, or nil.
func find(e *etree.Element, tags ...string) *etree.Element {
	for _, t := range tags {
		if e == nil {
			return nil
		}
		var next *etree.Element
		for _, c := range e.ChildElements() {
			if is(c, t) {
				next = c
				break
			}
		}
		e = next
	}
	return e
}

// txt returns the text of the element at the path, or "".
func txt(e *etree.Element, tags ...string) string {
	if x := find(e, tags...); x != nil {
		return x.Text()
	}
	return ""
}

// withList returns the children named tag whose listName (or schemeName)
// attribute is list.
func withAttr(e *etree.Element, tag, attr, value string) []*etree.Element {
	var out []*etree.Element
	for _, c := range all(e, tag) {
		if c.SelectAttrValue(attr, "") == value {
			out = append(out, c)
		}
	}
	return out
}

// ext returns the efext:EformsExtension of e, or nil.
func ext(e *etree.Element) *etree.Element {
	return find(e, "ext:UBLExtensions", "ext:UBLExtension", "ext:ExtensionContent", "efext:EformsExtension")
}

func (p *parser) bad(e *etree.Element, value, detail string) {
	p.errs = append(p.errs, &FieldError{Field: elementPath(e), Value: value, Err: ErrValue, Detail: detail})
}

// elementPath writes an XPath of e with the document's prefixes and a
// position where siblings share the name:
// /ContractNotice/cac:ProcurementProjectLot[2]/cbc:ID.
func elementPath(e *etree.Element) string {
	var parts []string
	for x := e; x != nil && x.Tag != ""; x = x.Parent() {
		step := x.FullTag()
		if par := x.Parent(); par != nil {
			same, pos := 0, 0
			for _, c := range par.ChildElements() {
				if c.Space == x.Space && c.Tag == x.Tag {
					same++
					if c == x {
						pos = same
					}
				}
			}
			if same > 1 {
				step += "[" + strconv.Itoa(pos) + "]"
			}
		}
		parts = append(parts, step)
	}
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		b.WriteByte('/')
		b.WriteString(parts[i])
	}
	return b.String()
}

// amountOf reads a decimal amount; "" gives zero.
func (p *parser) amountOf(e *etree.Element) decimal.Decimal {
	if e == nil {
		return decimal.Decimal{}
	}
	s := strings.TrimSpace(e.Text())
	if s == "" {
		return decimal.Decimal{}
	}
	v, err := decimal.NewFromString(s)
	if err != nil || strings.ContainsAny(s, "eE") {
		p.bad(e, s, "decimal amount expected")
		return decimal.Decimal{}
	}
	return v
}

// intOf reads a non-negative integer ("" gives 0).
func (p *parser) intOf(e *etree.Element) int {
	if e == nil {
		return 0
	}
	s := strings.TrimSpace(e.Text())
	if s == "" {
		return 0
	}
	// Some notices write integers as decimals ("3.0").
	if i := strings.IndexByte(s, '.'); i > 0 && strings.Trim(s[i+1:], "0") == "" {
		s = s[:i]
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 0 || v > 1<<30 {
		p.bad(e, s, "non-negative integer expected")
		return 0
	}
	return v
}

// boolOf reads an indicator as a *bool (nil when absent).
func (p *parser) boolOf(e *etree.Element) *bool {
	if e == nil {
		return nil
	}
	switch strings.TrimSpace(e.Text()) {
	case "true", "1":
		v := true
		return &v
	case "false", "0":
		v := false
		return &v
	}
	p.bad(e, e.Text(), "true or false expected")
	return nil
}

// dateOf reads an xs:date with or without offset and returns the civil
// date and the offset's zone (nil without offset).
func (p *parser) dateOf(e *etree.Element) (calendar.Date, *time.Location) {
	if e == nil {
		return calendar.Date{}, nil
	}
	s := strings.TrimSpace(e.Text())
	if len(s) < 10 {
		p.bad(e, s, "date YYYY-MM-DD with an offset expected")
		return calendar.Date{}, nil
	}
	d, err := calendar.ParseDate(s[:10])
	if err != nil {
		p.bad(e, s, "date YYYY-MM-DD with an offset expected")
		return calendar.Date{}, nil
	}
	loc, ok := p.offsetZone(s[10:])
	if !ok {
		p.bad(e, s, "offset Z or +hh:mm expected")
	}
	return d, loc
}

// zone returns the fixed zone of an offset in seconds, one
// *time.Location per offset and per parse, so that the instants read from
// one notice compare equal with reflect.DeepEqual.
func (p *parser) zone(off int) *time.Location {
	if off == 0 {
		return time.UTC
	}
	if z, ok := p.zones[off]; ok {
		return z
	}
	if p.zones == nil {
		p.zones = map[int]*time.Location{}
	}
	z := time.FixedZone("", off)
	p.zones[off] = z
	return z
}

// offsetZone reads "", "Z" or "+hh:mm" into a fixed zone (nil for "").
func (p *parser) offsetZone(s string) (*time.Location, bool) {
	switch {
	case s == "":
		return nil, true
	case s == "Z":
		return time.UTC, true
	case len(s) == 6 && (s[0] == '+' || s[0] == '-') && s[3] == ':':
		h, err1 := strconv.Atoi(s[1:3])
		m, err2 := strconv.Atoi(s[4:6])
		if err1 != nil || err2 != nil || h > 14 || m > 59 {
			return nil, false
		}
		off := h*3600 + m*60
		if s[0] == '-' {
			off = -off
		}
		return p.zone(off), true
	}
	return nil, false
}

// instantOf reads a date element and a time element (xs:time with an
// optional fraction and an offset) into an instant in a fixed zone; the
// time's offset wins, then the date's, then UTC.
func (p *parser) instantOf(de, te *etree.Element) time.Time {
	d, dloc := p.dateOf(de)
	if d.IsZero() {
		return time.Time{}
	}
	hh, mm, ss := 0, 0, 0
	loc := dloc
	if te != nil {
		s := strings.TrimSpace(te.Text())
		if len(s) < 8 || s[2] != ':' || s[5] != ':' {
			p.bad(te, s, "time hh:mm:ss with an offset expected")
		} else {
			var err1, err2, err3 error
			hh, err1 = strconv.Atoi(s[0:2])
			mm, err2 = strconv.Atoi(s[3:5])
			ss, err3 = strconv.Atoi(s[6:8])
			rest := s[8:]
			if strings.HasPrefix(rest, ".") {
				i := 1
				for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
					i++
				}
				rest = rest[i:]
			}
			tloc, ok := p.offsetZone(rest)
			if err1 != nil || err2 != nil || err3 != nil || !ok || hh > 24 || mm > 59 || ss > 60 {
				p.bad(te, s, "time hh:mm:ss with an offset expected")
			} else if tloc != nil {
				loc = tloc
			}
		}
	}
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(d.Year(), d.Month(), d.Day(), hh, mm, ss, 0, loc)
}

// notice reads the whole document.
func (p *parser) notice() Notice {
	r := p.root
	var n Notice
	x := ext(r)
	// Subtype first: it decides the rest.
	code := strings.TrimSpace(txt(x, "efac:NoticeSubType", "cbc:SubTypeCode"))
	sub, err := ParseSubtype(code)
	if err != nil {
		p.errs = append(p.errs, &FieldError{Field: "notice.subtype", Value: code, Err: ErrUnknownSubtype})
		return n
	}
	m := &n.Metadata
	m.Subtype = sub
	for _, e := range withAttr(r, "cbc:ID", "schemeName", "notice-id") {
		m.ID = strings.TrimSpace(e.Text())
	}
	m.ProcedureID = strings.TrimSpace(txt(r, "cbc:ContractFolderID"))
	m.Version = strings.TrimSpace(txt(r, "cbc:VersionID"))
	m.Dispatch = p.instantOf(find(r, "cbc:IssueDate"), find(r, "cbc:IssueTime"))
	m.Language = strings.TrimSpace(txt(r, "cbc:NoticeLanguageCode"))
	p.lang = m.Language
	p.organizations(x)
	if ch := find(x, "efac:Changes"); ch != nil {
		c := &Change{
			Notice:      strings.TrimSpace(txt(ch, "efbc:ChangedNoticeIdentifier")),
			Reason:      strings.TrimSpace(txt(ch, "efac:ChangeReason", "cbc:ReasonCode")),
			Description: txt(ch, "efac:ChangeReason", "efbc:ReasonDescription"),
		}
		for _, it := range all(ch, "efac:Change") {
			ci := ChangeItem{Description: txt(it, "efbc:ChangeDescription")}
			for _, s := range all(it, "efac:ChangedSection") {
				ci.Sections = append(ci.Sections, strings.TrimSpace(txt(s, "efbc:ChangedSectionIdentifier")))
			}
			c.Items = append(c.Items, ci)
		}
		m.Change = c
	}
	// Buyer and eSender.
	cp := find(r, "cac:ContractingParty")
	buyerID := strings.TrimSpace(txt(cp, "cac:Party", "cac:PartyIdentification", "cbc:ID"))
	bo := p.orgs[buyerID]
	c := &n.Consultation
	c.Buyer = procurement.Buyer{
		Name:  bo.Name,
		SIRET: bo.CompanyID,
		Address: procurement.Address{
			Street: bo.Address.Street, PostalCode: bo.Address.PostalCode, City: bo.Address.City, NUTS: bo.Address.NUTS,
		},
		Territory: territoryOf(bo.Address.PostalCode, bo.Address.Country),
	}
	legal := strings.TrimSpace(txt(cp, "cac:ContractingPartyType", "cbc:PartyTypeCode"))
	c.Buyer.Kind = kindOfLegalType(legal)
	if legal != defaultLegalType(c.Buyer.Kind) {
		n.Buyer.LegalType = legal
	}
	if act := strings.TrimSpace(txt(cp, "cac:ContractingActivity", "cbc:ActivityTypeCode")); act != "gen-pub" {
		n.Buyer.Activity = act
	}
	n.Buyer.Telephone, n.Buyer.Email, n.Buyer.Website = bo.Telephone, bo.Email, bo.Website
	n.Buyer.Profile = txt(cp, "cbc:BuyerProfileURI")
	n.Buyer.CentralPurchasingBody = p.cpb[buyerID]
	for _, sp := range all(find(cp, "cac:Party"), "cac:ServiceProviderParty") {
		if strings.TrimSpace(txt(sp, "cbc:ServiceTypeCode")) == "ted-esen" {
			if o, ok := p.orgs[strings.TrimSpace(txt(sp, "cac:Party", "cac:PartyIdentification", "cbc:ID"))]; ok {
				o := o
				m.ESender = &o
			}
		}
	}
	p.procedure(&n)
	p.lots(&n)
	if sub.isAward() {
		p.results(&n, x)
	}
	return n
}

// organizations reads efac:Organizations into p.orgs, by ORG- id.
func (p *parser) organizations(x *etree.Element) {
	p.orgs = map[string]Organization{}
	p.sizes = map[string]string{}
	p.cpb = map[string]bool{}
	for _, oe := range all(find(x, "efac:Organizations"), "efac:Organization") {
		co := find(oe, "efac:Company")
		id := strings.TrimSpace(txt(co, "cac:PartyIdentification", "cbc:ID"))
		if id == "" {
			continue
		}
		a := find(co, "cac:PostalAddress")
		o := Organization{
			Name:      txt(co, "cac:PartyName", "cbc:Name"),
			CompanyID: txt(co, "cac:PartyLegalEntity", "cbc:CompanyID"),
			Address: Address{
				Street: txt(a, "cbc:StreetName"), PostalCode: txt(a, "cbc:PostalZone"), City: txt(a, "cbc:CityName"),
				NUTS: strings.TrimSpace(txt(a, "cbc:CountrySubentityCode")),
			},
			Telephone: txt(co, "cac:Contact", "cbc:Telephone"),
			Email:     txt(co, "cac:Contact", "cbc:ElectronicMail"),
			Website:   txt(co, "cbc:WebsiteURI"),
		}
		if country := strings.TrimSpace(txt(a, "cac:Country", "cbc:IdentificationCode")); country != "FRA" {
			o.Address.Country = country
		}
		p.orgs[id] = o
		p.sizes[id] = strings.TrimSpace(txt(co, "efbc:CompanySizeCode"))
		if b := p.boolOf(find(oe, "efbc:AwardingCPBIndicator")); b != nil && *b {
			p.cpb[id] = true
		}
	}
}

// procedure reads the procedure-wide fields.
func (p *parser) procedure(n *Notice) {
	r := p.root
	c := &n.Consultation
	pr := &n.Procedure
	tp := find(r, "cac:TenderingProcess")
	pc := strings.TrimSpace(txt(tp, "cbc:ProcedureCode"))
	c.Procedure = procedureOfCode(pc)
	if pc != "" && pc != codeOfProcedure(c.Procedure) {
		pr.Code = pc
	}
	pr.Features = txt(tp, "cbc:Description")
	for _, pj := range all(tp, "cac:ProcessJustification") {
		if rc := find(pj, "cbc:ProcessReasonCode"); rc != nil && rc.SelectAttrValue("listName", "") == "accelerated-procedure" {
			pr.Accelerated = strings.TrimSpace(rc.Text()) == "true"
			pr.AcceleratedJustification = txt(pj, "cbc:ProcessReason")
		}
	}
	tt := find(r, "cac:TenderingTerms")
	for _, q := range all(tt, "cac:TendererQualificationRequest") {
		for _, e := range withAttr(find(q, "cac:SpecificTendererRequirement"), "cbc:TendererRequirementTypeCode", "listName", "exclusion-grounds-source") {
			if v := strings.TrimSpace(e.Text()); v != "epo-procurement-document" {
				pr.ExclusionGrounds = v
			}
		}
	}
	pp := find(r, "cac:ProcurementProject")
	for _, e := range withAttr(pp, "cbc:ID", "schemeName", "InternalID") {
		c.Reference = e.Text()
	}
	c.Title = txt(pp, "cbc:Name")
	c.Description = txt(pp, "cbc:Description")
	if c.Description == c.Title {
		c.Description = ""
	}
	c.Nature = natureOfCode(strings.TrimSpace(txt(pp, "cbc:ProcurementTypeCode")))
	c.CPV = cpvOfCode(txt(pp, "cac:MainCommodityClassification", "cbc:ItemClassificationCode"))
	for _, a := range all(pp, "cac:AdditionalCommodityClassification") {
		c.AdditionalCPV = append(c.AdditionalCPV, cpvOfCode(txt(a, "cbc:ItemClassificationCode")))
	}
	if n.Metadata.Subtype == PINInformation {
		c.NoticeDispatch, _ = p.dateOf(find(r, "cbc:PlannedDate"))
	} else if !n.Metadata.Subtype.isAward() && !n.Metadata.Subtype.isPIN() {
		c.NoticeDispatch = calendar.DateOf(n.Metadata.Dispatch)
	}
}

// territoryOf infers the INSEE territory code from a French postal code:
// the first two digits (75004 → "75"), three for overseas (97xxx, 98xxx),
// and 2A or 2B for Corsica (200xx-201xx → 2A, 202xx-206xx → 2B). Other
// countries and unreadable codes give "".
func territoryOf(postal, country string) string {
	if country != "" && country != "FRA" {
		return ""
	}
	postal = strings.ReplaceAll(postal, " ", "")
	if len(postal) != 5 || !isDigits(postal) {
		return ""
	}
	switch {
	case postal[:2] == "20":
		if postal[2] <= '1' {
			return "2A"
		}
		return "2B"
	}
	code := postal[:2]
	if code == "97" || code == "98" {
		code = postal[:3] // 98000 is Monaco: no such territory
	}
	if _, err := calendar.LookupTerritory(code); err != nil {
		return ""
	}
	return code
}

// kindOfLegalType maps BT-11 back to a buyer kind (the inverse of
// defaultLegalType, plus the codes a French buyer may also use).
func kindOfLegalType(code string) procurement.BuyerKind {
	switch code {
	case "cga", "body-pl-cga", "org-sub-cga":
		return procurement.BuyerState
	case "la", "ra", "body-pl-la", "body-pl-ra", "org-sub-la", "org-sub-ra":
		return procurement.BuyerLocalAuthority
	case "body-pl", "org-sub":
		return procurement.BuyerOtherContractingAuthority
	case "pub-undert", "pub-undert-cga", "pub-undert-la", "pub-undert-ra":
		return procurement.BuyerPublicUndertaking
	}
	return 0
}

// procedureOfCode maps BT-105 back to the model's procedure (0 when the
// model has none, e.g. oth-mult, neg-wo-call).
func procedureOfCode(code string) procurement.Procedure {
	switch code {
	case "open":
		return procurement.ProcedureOpen
	case "restricted":
		return procurement.ProcedureRestricted
	case "neg-w-call":
		return procurement.ProcedureNegotiated
	case "comp-dial":
		return procurement.ProcedureCompetitiveDialogue
	case "innovation":
		return procurement.ProcedureInnovationPartnership
	case "oth-single":
		return procurement.ProcedureAdapted
	}
	return 0
}

// codeOfProcedure is the BT-105 code Generate writes for a procedure.
func codeOfProcedure(p procurement.Procedure) string {
	g := gen{n: Notice{Consultation: procurement.Consultation{Procedure: p}}}
	c, _ := g.procedureCode()
	return c
}

func natureOfCode(code string) procurement.Nature {
	switch code {
	case "works":
		return procurement.Works
	case "supplies":
		return procurement.Supplies
	case "services":
		return procurement.Services
	}
	return 0
}

// cpvOfCode turns the 8 digits of a notice into the model's form with its
// check digit ("72000000" → "72000000-5"); codes it cannot read are kept
// as written.
func cpvOfCode(s string) string {
	s = strings.TrimSpace(s)
	if c, err := procurement.ParseCPVCode(s); err == nil {
		return c.String()
	}
	return s
}

// lotNumber reads "LOT-0003" (or "PAR-0003") as 3; ok is false for
// other identifiers (groups of lots GLO-).
func lotNumber(id, prefix string) (int, bool) {
	id = strings.TrimSpace(id)
	if len(id) != 8 || !strings.HasPrefix(id, prefix+"-") || !isDigits(id[4:]) {
		return 0, false
	}
	n, _ := strconv.Atoi(id[4:])
	return n, true
}
