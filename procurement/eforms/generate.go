package eforms

import (
	"bytes"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/beevik/etree"
	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
	"github.com/openmarches/marches/procurement"
	"github.com/shopspring/decimal"
)

// Generate writes the eForms notice of n as XML (UTF-8, indented with two
// spaces, final newline), for the subtype in n.Metadata.Subtype.
//
// The output is deterministic: the same Notice gives the same bytes, on
// any machine and any day. Elements come in the order of the SDK 1.15.1
// XSD sequences and are grouped as its node hierarchy requires; namespace
// prefixes are fixed (cac, cbc, ext, efac, efbc, efext); every text is
// escaped; amounts are written with 2 decimal places and currency EUR;
// dates and times carry their offset: the dispatch time and the deadlines
// their own, the other dates (award, start, end) the offset that the
// buyer territory's time zone has that day (Europe/Paris for
// metropolitan France, loaded with time.LoadLocation: a program that may
// run without the system's zoneinfo imports time/tzdata, as cmd/marches
// does). Identifiers left empty are derived with DeriveUUID.
//
// Generate checks what the notice needs, not the procurement rules: a
// Notice read with DecodeNotice has passed procurement's validation, one
// built in Go should pass Consultation.Validate first. It reports every
// problem at once, as *FieldError values (sorted by field) naming the
// input field by its JSON path: ErrRequired, ErrXMLChar (a character XML
// 1.0 forbids, in any text), ErrUnknownSubtype, ErrUUID, ErrVersion,
// ErrDispatchOffset, ErrLanguage, ErrCode, ErrCountry, ErrNUTS,
// ErrUnsupportedBuyer, ErrUnsupportedProcedure, ErrUnknownLot,
// ErrDuplicateLot, ErrUnknownTenderer, ErrDuplicateTender,
// ErrTenderAmount, ErrAmount, ErrLotResult, ErrNoAwards,
// ErrChangedNotice, ErrDeadlineMissing, ErrDateRange, ErrTerritory.
//
// Passing Generate does not mean TED will accept the notice: the
// official validation (XSD and Schematron of the SDK) remains the judge,
// and Check runs the SDK's field rules in Go before sending.
func Generate(n Notice) ([]byte, error) {
	g := &gen{n: n}
	g.prepare()
	if !g.sub.Valid() {
		return nil, fielderr.Join(g.errs)
	}
	// Build the document even after a problem, so that the texts are
	// checked too and every problem is reported at once.
	if g.loc == nil {
		g.loc = time.UTC
	}
	doc := g.document()
	if len(g.errs) > 0 {
		return nil, fielderr.Join(g.errs)
	}
	doc.IndentWithSettings(&indent)
	var buf bytes.Buffer
	if _, err := doc.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// gen holds one generation: the input, what prepare resolved, and the
// problems found.
type gen struct {
	builder
	n        Notice
	sub      Subtype
	lang     string
	loc      *time.Location
	noticeID string
	procID   string
	version  string
	dispatch time.Time

	orgs     []org     // every organisation, in ORG- order
	buyerOrg string    // ORG- of the buyer
	reviewID string    // ORG- of the review body
	esenID   string    // ORG- of the eSender, or ""
	lots     []lotView // the lots (or the single LOT-0000)
	results  resultsView
}

// org is one organisation to write in efac:Organizations, with the JSON
// paths of its input values for errors.
type org struct {
	id        string
	name      string
	companyID string
	addr      Address
	telephone string
	email     string
	website   string
	size      string // BT-165, tenderers only

	nameField    string // path of the name
	idField      string // path of the legal identifier
	addrField    string // path of the address object
	contactField string // path of the object holding telephone, email, website
}

// lotView is a lot as the notice writes it.
type lotView struct {
	number   int
	id       string // LOT-0001, or PAR-0001 in a subtype-4 notice
	field    string // JSON path of the lot in the consultation
	title    string
	desc     string
	cpv      string
	value    decimal.Decimal
	options  decimal.Decimal
	criteria []procurement.AwardCriterion
	critPath string
	terms    Terms
	termPath func(name string) string // JSON path of a Terms field for this lot
}

// prepare checks the input and resolves identifiers, organisations and
// lots.
func (g *gen) prepare() {
	n := g.n
	m := n.Metadata
	c := n.Consultation
	g.sub = m.Subtype
	if g.sub == 0 {
		g.fail("notice.subtype", "", ErrRequired, "")
		return
	}
	if !g.sub.Valid() {
		g.fail("notice.subtype", m.Subtype.String(), ErrUnknownSubtype, "")
		return
	}
	g.lang = m.Language
	if g.lang == "" {
		g.lang = "FRA"
	} else if !isUpper3(g.lang) {
		g.fail("notice.language", g.lang, ErrLanguage, "")
	}
	// Time zone of the dates without their own offset.
	terr, err := calendar.LookupTerritory(c.Buyer.Territory)
	if err == nil {
		g.loc, err = time.LoadLocation(terr.Zone())
	}
	if err != nil {
		g.fail("consultation.buyer.territory", c.Buyer.Territory, ErrTerritory, err.Error())
	}
	// Dispatch.
	if m.Dispatch.IsZero() {
		g.fail("notice.dispatch", "", ErrRequired, "")
	} else if _, off := m.Dispatch.Zone(); off%60 != 0 || m.Dispatch.Year() < 1000 || m.Dispatch.Year() > 9999 {
		g.fail("notice.dispatch", m.Dispatch.Format(time.RFC3339), ErrDispatchOffset, "")
	} else {
		g.dispatch = m.Dispatch.Truncate(time.Second)
	}
	// Version and identifiers.
	g.version = m.Version
	if g.version == "" {
		g.version = "01"
	} else if len(g.version) != 2 || g.version < "01" || g.version > "99" || !isDigits(g.version) {
		g.fail("notice.version", g.version, ErrVersion, "")
	}
	g.procID = m.ProcedureID
	if g.procID == "" {
		g.procID = DeriveUUID("procedure|" + siretDigits(c.Buyer.SIRET) + "|" + c.Reference)
	} else if !isUUID4(g.procID) {
		g.fail("notice.procedureId", g.procID, ErrUUID, "")
	}
	g.noticeID = m.ID
	if g.noticeID == "" {
		g.noticeID = DeriveUUID("notice|" + g.procID + "|" + g.sub.String() + "|" + g.version + "|" + formatDateAt(g.dispatch) + "T" + formatTimeAt(g.dispatch))
	} else if !isUUID4(g.noticeID) {
		g.fail("notice.id", g.noticeID, ErrUUID, "")
	}
	if ch := m.Change; ch != nil {
		if !isChangedNoticeID(ch.Notice) {
			g.fail("notice.change.notice", ch.Notice, ErrChangedNotice, "")
		}
		g.checkCode("notice.change.reason", ch.Reason, true)
		for i, it := range ch.Items {
			p := "notice.change.changes[" + strconv.Itoa(i) + "]"
			if blank(it.Description) {
				g.fail(p+".description", it.Description, ErrRequired, "")
			}
			for j, s := range it.Sections {
				if blank(s) {
					g.fail(p+".sections["+strconv.Itoa(j)+"]", s, ErrRequired, "")
				}
			}
		}
	}
	// Consultation basics the notice cannot do without.
	if blank(c.Title) {
		g.fail("consultation.title", c.Title, ErrRequired, "")
	}
	if !c.Nature.Valid() {
		g.fail("consultation.nature", c.Nature.String(), ErrRequired, "")
	}
	if c.CPV == "" {
		g.fail("consultation.cpv", "", ErrRequired, "")
	}
	switch c.Buyer.Kind {
	case procurement.BuyerUtility:
		g.fail("consultation.buyer.kind", c.Buyer.Kind.String(), ErrUnsupportedBuyer, "")
	case 0:
		if n.Buyer.LegalType == "" {
			g.fail("consultation.buyer.kind", "", ErrRequired, "")
		}
	}
	if _, ok := g.procedureCode(); !ok && g.sub != PINInformation { // subtype 4 has no BT-105
		g.fail("consultation.procedure", c.Procedure.String(), ErrUnsupportedProcedure, "subtype "+g.sub.String())
	}
	g.checkCode("buyer.legalType", n.Buyer.LegalType, false)
	g.checkCode("buyer.activity", n.Buyer.Activity, false)
	g.checkCode("procedure.code", n.Procedure.Code, false)
	g.checkCode("procedure.exclusionGrounds", n.Procedure.ExclusionGrounds, false)
	if g.sub == SocialContractNotice && blank(n.Procedure.Features) {
		g.fail("procedure.features", "", ErrRequired, "BT-88 is mandatory in subtype 20")
	}
	if blank(n.Buyer.Telephone) {
		g.fail("buyer.telephone", n.Buyer.Telephone, ErrRequired, "BT-503 of the buyer")
	}
	if blank(n.Buyer.Email) {
		g.fail("buyer.email", n.Buyer.Email, ErrRequired, "BT-506 of the buyer")
	}
	g.prepareOrgs()
	g.prepareLots()
	if g.sub.isAward() {
		g.prepareResults()
	}
}

// prepareOrgs numbers the organisations: the buyer, the review body, the
// eSender, then (award notices) the tenderers, in that order.
func (g *gen) prepareOrgs() {
	n := g.n
	b := n.Consultation.Buyer
	g.buyerOrg = tech("ORG", 1)
	g.orgs = append(g.orgs, org{
		id: g.buyerOrg, name: b.Name, companyID: siretDigits(b.SIRET),
		addr:      Address{Street: b.Address.Street, PostalCode: b.Address.PostalCode, City: b.Address.City, NUTS: b.Address.NUTS},
		telephone: n.Buyer.Telephone, email: n.Buyer.Email, website: n.Buyer.Website,
		nameField: "consultation.buyer.name", idField: "consultation.buyer.siret",
		addrField: "consultation.buyer.address", contactField: "buyer",
	})
	g.reviewID = tech("ORG", 2)
	g.orgs = append(g.orgs, orgOf(g.reviewID, "reviewBody", n.ReviewBody))
	if e := n.Metadata.ESender; e != nil {
		g.esenID = tech("ORG", len(g.orgs)+1)
		g.orgs = append(g.orgs, orgOf(g.esenID, "notice.eSender", *e))
	}
	for _, o := range g.orgs {
		g.checkOrg(o)
	}
}

func orgOf(id, field string, o Organization) org {
	return org{id: id, name: o.Name, companyID: o.CompanyID, addr: o.Address,
		telephone: o.Telephone, email: o.Email, website: o.Website,
		nameField: field + ".name", idField: field + ".companyId", addrField: field + ".address", contactField: field}
}

// checkOrg checks the fields every organisation needs (BT-500, BT-501,
// BT-513, BT-514) and the form of its codes.
func (g *gen) checkOrg(o org) {
	if blank(o.name) {
		g.fail(o.nameField, o.name, ErrRequired, "")
	}
	if blank(o.companyID) {
		g.fail(o.idField, o.companyID, ErrRequired, "")
	}
	if blank(o.addr.City) {
		g.fail(o.addrField+".city", o.addr.City, ErrRequired, "")
	}
	if o.addr.Country != "" && !isUpper3(o.addr.Country) {
		g.fail(o.addrField+".country", o.addr.Country, ErrCountry, "")
	}
	if o.addr.NUTS != "" && !isNUTS3(o.addr.NUTS) {
		g.fail(o.addrField+".nuts", o.addr.NUTS, ErrNUTS, "")
	}
	if o.addr.Country == "" || o.addr.Country == "FRA" {
		// France has NUTS codes and postal codes: BT-507 and BT-512 are
		// then mandatory (BR-BT-00507-0036, BR-BT-00512-0036).
		if blank(o.addr.PostalCode) {
			g.fail(o.addrField+".postalCode", "", ErrRequired, "BT-512 of an organisation in France")
		}
		if o.addr.NUTS == "" {
			g.fail(o.addrField+".nuts", "", ErrRequired, "BT-507 of an organisation in France")
		}
	}
	g.checkCode(o.contactField+".size", o.size, false)
}

// prepareLots resolves each lot with its effective terms.
func (g *gen) prepareLots() {
	n := g.n
	c := n.Consultation
	prefix := "LOT"
	if g.sub == PINInformation {
		prefix = "PAR" // subtype 4 describes parts (BT-137-Part), not lots
	}
	// Per-lot overrides, by number.
	over := map[int]int{}
	for i, lt := range n.Lots {
		p := "lots[" + strconv.Itoa(i) + "]"
		if _, dup := over[lt.Number]; dup {
			g.fail(p+".number", strconv.Itoa(lt.Number), ErrDuplicateLot, "")
			continue
		}
		if !lotExists(c, lt.Number) {
			g.fail(p+".number", strconv.Itoa(lt.Number), ErrUnknownLot, "")
			continue
		}
		over[lt.Number] = i
	}
	g.checkTerms("terms", n.Terms)
	for i, lt := range n.Lots {
		g.checkTerms("lots["+strconv.Itoa(i)+"]", lt.Terms)
	}
	view := func(number int, field string, title, desc, cpv string, value, options decimal.Decimal, crit []procurement.AwardCriterion, critPath string) lotView {
		t := n.Terms
		tp := func(name string) string { return "terms." + name }
		if i, ok := over[number]; ok {
			t = mergeTerms(n.Terms, n.Lots[i].Terms)
			lp := "lots[" + strconv.Itoa(i) + "]."
			lt := n.Lots[i].Terms
			tp = func(name string) string {
				if termSet(lt, name) {
					return lp + name
				}
				return "terms." + name
			}
		}
		return lotView{number: number, id: tech(prefix, number), field: field, title: title, desc: desc, cpv: cpv,
			value: value, options: options, criteria: crit, critPath: critPath, terms: t, termPath: tp}
	}
	if len(c.Lots) == 0 {
		g.lots = append(g.lots, view(0, "consultation", c.Title, orTitle(c.Description, c.Title), c.CPV,
			c.EstimatedValue.Add(c.OptionsValue).Add(c.RenewalsValue), c.OptionsValue,
			c.AwardCriteria, "consultation.awardCriteria"))
	}
	for i, l := range c.Lots {
		p := "consultation.lots[" + strconv.Itoa(i) + "]"
		cpv := l.CPV
		if cpv == "" {
			cpv = c.CPV
		}
		crit, cp := l.AwardCriteria, p+".awardCriteria"
		if len(crit) == 0 {
			crit, cp = c.AwardCriteria, "consultation.awardCriteria"
		}
		g.lots = append(g.lots, view(l.Number, p, l.Title, orTitle(l.Description, l.Title), cpv, l.TotalValue(), l.OptionsValue, crit, cp))
	}
	for _, lv := range g.lots {
		if blank(lv.title) {
			g.fail(lv.field+".title", lv.title, ErrRequired, "")
		}
		if lv.number < 0 || lv.number > 9999 {
			g.fail(lv.field+".number", strconv.Itoa(lv.number), ErrUnknownLot, "lot numbers run from 1 to 9999")
		}
		t := lv.terms
		if t.NUTS == "" && c.Buyer.Address.NUTS == "" {
			g.fail(lv.termPath("nuts"), "", ErrRequired, "no place of performance and no buyer NUTS code")
		}
		if !t.End.IsZero() && !t.Start.IsZero() && t.Start.After(t.End) {
			g.fail(lv.termPath("start"), t.Start.String(), ErrDateRange, "end "+t.End.String())
		}
		if t.End.IsZero() && t.DurationMonths == 0 && c.DurationMonths <= 0 && (g.sub == ContractNotice || g.sub == SocialContractNotice) {
			g.fail("consultation.durationMonths", strconv.Itoa(c.DurationMonths), ErrRequired, "")
		}
		if g.sub == ContractNotice || g.sub == SocialContractNotice {
			if blank(t.DocumentsURL) {
				g.fail(lv.termPath("documentsUrl"), t.DocumentsURL, ErrRequired, "lot "+lv.id)
			}
			if blank(t.SubmissionURL) {
				g.fail(lv.termPath("submissionUrl"), t.SubmissionURL, ErrRequired, "lot "+lv.id)
			}
		}
		if (g.sub == ContractNotice || g.sub == AwardNotice) && len(lv.criteria) == 0 {
			g.fail(lv.critPath, "", ErrRequired, "award criteria of lot "+lv.id)
		}
	}
	if g.sub == ContractNotice || g.sub == SocialContractNotice {
		if g.n.Consultation.Procedure == procurement.ProcedureOpen || g.n.Procedure.Code == "open" {
			if c.TendersDeadline.IsZero() {
				g.fail("consultation.tendersDeadline", "", ErrDeadlineMissing, "")
			}
		} else if c.ApplicationsDeadline.IsZero() && c.TendersDeadline.IsZero() {
			g.fail("consultation.applicationsDeadline", "", ErrDeadlineMissing, "")
		}
	}
}

// orTitle returns desc, or title when desc is blank: the description
// (BT-24) is mandatory in every notice, the model's is optional.
func orTitle(desc, title string) string {
	if blank(desc) {
		return title
	}
	return desc
}

func lotExists(c procurement.Consultation, number int) bool {
	if len(c.Lots) == 0 {
		return number == 0
	}
	for _, l := range c.Lots {
		if l.Number == number {
			return true
		}
	}
	return false
}

// checkTerms checks the form of the codes and languages of a Terms value
// at path p ("terms" or "lots[i]").
func (g *gen) checkTerms(p string, t Terms) {
	if t.NUTS != "" && !isNUTS3(t.NUTS) {
		g.fail(p+".nuts", t.NUTS, ErrNUTS, "")
	}
	if !t.Opening.IsZero() {
		if _, off := t.Opening.Zone(); off%60 != 0 || t.Opening.Year() < 1000 || t.Opening.Year() > 9999 {
			g.fail(p+".opening", t.Opening.Format(time.RFC3339), ErrDispatchOffset, "")
		}
	}
	if t.DurationMonths < 0 {
		g.fail(p+".durationMonths", strconv.Itoa(t.DurationMonths), ErrCode, "must be > 0")
	}
	for name, v := range map[string]string{
		"eSubmission": t.ESubmission, "eInvoicing": t.EInvoicing, "eCatalogue": t.ECatalogue,
		"euFunds": t.EUFunds, "reservedParticipation": t.ReservedParticipation,
		"reservedExecution": t.ReservedExecution, "selectionCriteria": t.SelectionCriteria,
		"dps": t.DPS, "frameworkAgreement.type": t.FrameworkAgreement.Type,
	} {
		g.checkCode(p+"."+name, v, false)
	}
	for i, l := range t.Languages {
		if !isUpper3(l) {
			g.fail(p+".languages["+strconv.Itoa(i)+"]", l, ErrLanguage, "")
		}
	}
	fa := t.FrameworkAgreement
	if fa != (FrameworkAgreement{}) && fa.Type == "" {
		g.fail(p+".frameworkAgreement.type", "", ErrRequired, "")
	}
	if fa.MaxOperators < 0 {
		g.fail(p+".frameworkAgreement.maxOperators", strconv.Itoa(fa.MaxOperators), ErrCode, "must be > 0")
	}
}

// checkCode checks the form of a code: lower-case letters, digits and
// dashes (every eForms codelist value the package writes has that form).
func (g *gen) checkCode(field, v string, required bool) {
	if v == "" {
		if required {
			g.fail(field, "", ErrRequired, "")
		}
		return
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c >= 'A' && c <= 'Z') || len(v) > 64 {
			g.fail(field, v, ErrCode, "")
			return
		}
	}
}

// mergeTerms returns base with every non-zero field of over replacing it.
func mergeTerms(base, over Terms) Terms {
	out := base
	ov := reflect.ValueOf(over)
	rv := reflect.ValueOf(&out).Elem()
	for i := 0; i < ov.NumField(); i++ {
		if f := ov.Field(i); !f.IsZero() {
			rv.Field(i).Set(f)
		}
	}
	out.Languages = slices.Clone(out.Languages)
	return out
}

// diffTerms returns the fields of t that differ from base, the others
// left zero: the smallest override with mergeTerms(base, diff) == t.
func diffTerms(base, t Terms) Terms {
	var out Terms
	bv, tv := reflect.ValueOf(base), reflect.ValueOf(t)
	rv := reflect.ValueOf(&out).Elem()
	for i := 0; i < tv.NumField(); i++ {
		if !reflect.DeepEqual(bv.Field(i).Interface(), tv.Field(i).Interface()) {
			rv.Field(i).Set(tv.Field(i))
		}
	}
	return out
}

// termSet reports whether the Terms field with JSON name name is set
// (non-zero) in t.
func termSet(t Terms, name string) bool {
	rt, rv := reflect.TypeOf(t), reflect.ValueOf(t)
	for i := 0; i < rt.NumField(); i++ {
		if n, _, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ","); n == name {
			return !rv.Field(i).IsZero()
		}
	}
	return false
}

// procedureCode returns the BT-105 procedure type of the notice, and
// false when the consultation's procedure has none for this subtype.
// Codelist procurement-procedure-type of SDK 1.15.1; the subsets allowed
// per subtype are procedure-type-16 (and 20): open, restricted,
// neg-w-call, comp-dial, innovation, oth-single, oth-mult; procedure-type-7
// without comp-dial and innovation; procedure-type-29 adds neg-wo-call.
func (g *gen) procedureCode() (string, bool) {
	if c := g.n.Procedure.Code; c != "" {
		return c, true
	}
	var code string
	switch g.n.Consultation.Procedure {
	case procurement.ProcedureOpen:
		code = "open"
	case procurement.ProcedureRestricted:
		code = "restricted"
	case procurement.ProcedureNegotiated:
		code = "neg-w-call"
	case procurement.ProcedureCompetitiveDialogue:
		code = "comp-dial"
	case procurement.ProcedureInnovationPartnership:
		code = "innovation"
	case procurement.ProcedureAdapted:
		// A procédure adaptée reaches the OJEU only in the light regime
		// (R2123-1 3°): "other single stage procedure".
		code = "oth-single"
	default:
		return "", false
	}
	if g.sub == PINShortening && (code == "comp-dial" || code == "innovation") {
		return "", false
	}
	return code, true
}

// legalType returns BT-11 for the buyer (codelist buyer-legal-type).
func (g *gen) legalType() string {
	if t := g.n.Buyer.LegalType; t != "" {
		return t
	}
	return defaultLegalType(g.n.Consultation.Buyer.Kind)
}

func defaultLegalType(k procurement.BuyerKind) string {
	switch k {
	case procurement.BuyerState:
		return "cga"
	case procurement.BuyerLocalAuthority:
		return "la"
	case procurement.BuyerHealth, procurement.BuyerOtherContractingAuthority:
		return "body-pl"
	case procurement.BuyerPublicUndertaking:
		return "pub-undert"
	}
	return ""
}

// Helpers on identifiers and codes.

func isUpper3(s string) bool {
	return len(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z'
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isNUTS3 reports a NUTS 3 code: two upper-case letters and three upper-
// case letters or digits ("FR101", "FRY10", "FRZZZ").
func isNUTS3(s string) bool {
	if len(s) != 5 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z' {
		return false
	}
	for i := 2; i < 5; i++ {
		if !(s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9') {
			return false
		}
	}
	return true
}

// isChangedNoticeID reports "<UUID v4>-<two-digit version>".
func isChangedNoticeID(s string) bool {
	return len(s) == 39 && isUUID4(s[:36]) && s[36] == '-' && isDigits(s[37:]) && s[37:] != "00"
}

// siretDigits removes the separator spaces a SIRET may be given with.
func siretDigits(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	return strings.ReplaceAll(s, " ", "")
}

// cpvCode returns the 8 digits of a CPV code given with or without its
// check digit ("72000000-5" → "72000000").
func cpvCode(s string) string {
	if c, err := procurement.ParseCPV(s); err == nil {
		return c.Code()
	}
	if c, err := procurement.ParseCPVCode(s); err == nil {
		return c.Code()
	}
	code, _, _ := strings.Cut(s, "-")
	return code
}

// document builds the XML tree.
func (g *gen) document() *etree.Document {
	doc := etree.NewDocument()
	doc.WriteSettings = writeSettings
	doc.CreateProcInst("xml", `version="1.0" encoding="UTF-8"`)
	var root *etree.Element
	switch {
	case g.sub.isAward():
		root = doc.CreateElement("ContractAwardNotice")
		root.CreateAttr("xmlns", nsCAN)
	case g.sub.isPIN():
		root = doc.CreateElement("PriorInformationNotice")
		root.CreateAttr("xmlns", nsPIN)
	default:
		root = doc.CreateElement("ContractNotice")
		root.CreateAttr("xmlns", nsCN)
	}
	root.CreateAttr("xmlns:cac", nsCAC)
	root.CreateAttr("xmlns:cbc", nsCBC)
	root.CreateAttr("xmlns:ext", nsEXT)
	root.CreateAttr("xmlns:efac", nsEFAC)
	root.CreateAttr("xmlns:efbc", nsEFBC)
	root.CreateAttr("xmlns:efext", nsEFEXT)

	g.extension(root)
	g.header(root)
	g.contractingParty(root)
	g.procedureTerms(root)
	g.procedureProcess(root)
	g.project(root)
	for _, lv := range g.lots {
		g.lot(root, lv)
	}
	if g.sub.isAward() {
		g.tenderResult(root)
	}
	return doc
}

// extension writes the root's ext:UBLExtensions. XSD order of
// efext:EformsExtension (SDK 1.15.1, EFORMS-ExtensionApex-2.3.xsd):
// ... Changes, ..., NoticeResult, NoticeSubType, ..., Organizations, ...
func (g *gen) extension(root *etree.Element) {
	ext := path(root, "ext:UBLExtensions", "ext:UBLExtension", "ext:ExtensionContent", "efext:EformsExtension")
	if ch := g.n.Metadata.Change; ch != nil {
		g.changes(ext, ch)
	}
	if g.sub.isAward() {
		g.noticeResult(ext)
	}
	// OPP-070-notice.
	code(el(ext, "efac:NoticeSubType"), "cbc:SubTypeCode", "notice-subtype", g.sub.String())
	orgs := el(ext, "efac:Organizations")
	for _, o := range g.orgs {
		g.organization(orgs, o)
	}
}

// changes writes efac:Changes (XSD order: ChangedNoticeIdentifier BT-758,
// Change* (ChangeDescription BT-141, ChangedSection/ChangedSectionIdentifier
// BT-13716), ChangeReason (ReasonCode BT-140, ReasonDescription BT-762)).
func (g *gen) changes(ext *etree.Element, ch *Change) {
	e := el(ext, "efac:Changes")
	plain(e, "efbc:ChangedNoticeIdentifier", ch.Notice)
	for i, it := range ch.Items {
		p := "notice.change.changes[" + strconv.Itoa(i) + "]"
		c := el(e, "efac:Change")
		g.mtext(c, "efbc:ChangeDescription", it.Description, g.lang, p+".description")
		for j, s := range it.Sections {
			g.text(el(c, "efac:ChangedSection"), "efbc:ChangedSectionIdentifier", s, p+".sections["+strconv.Itoa(j)+"]")
		}
	}
	r := el(e, "efac:ChangeReason")
	code(r, "cbc:ReasonCode", "change-corrig-justification", ch.Reason)
	g.mtext(r, "efbc:ReasonDescription", ch.Description, g.lang, "notice.change.description")
}

// organization writes one efac:Organization. XSD order of efac:Company
// (EFORMS-ExtensionAggregateComponents-2.3.xsd): WebsiteURI (BT-505),
// EndpointID, CompanySizeCode (BT-165), PartyIdentification (OPT-200),
// PartyName (BT-500), PostalAddress, PartyTaxScheme, PartyLegalEntity
// (BT-501), Contact (BT-503, BT-506).
func (g *gen) organization(parent *etree.Element, o org) {
	oe := el(parent, "efac:Organization")
	if o.id == g.buyerOrg && (g.n.Buyer.CentralPurchasingBody || g.usesOpenDPS()) {
		// OPP-051; XSD order of efac:Organization: GroupLeadIndicator,
		// AcquiringCPBIndicator, AwardingCPBIndicator, ..., Company.
		indicator(oe, "efbc:AwardingCPBIndicator", g.n.Buyer.CentralPurchasingBody)
	}
	comp := el(oe, "efac:Company")
	g.text(comp, "cbc:WebsiteURI", o.website, o.contactField+".website")
	code(comp, "efbc:CompanySizeCode", "economic-operator-size", o.size)
	id(el(comp, "cac:PartyIdentification"), "cbc:ID", "organization", o.id)
	g.mtext(el(comp, "cac:PartyName"), "cbc:Name", o.name, g.lang, o.nameField)
	g.address(el(comp, "cac:PostalAddress"), o.addr, o.addrField)
	g.text(el(comp, "cac:PartyLegalEntity"), "cbc:CompanyID", o.companyID, o.idField)
	if !blank(o.telephone) || !blank(o.email) {
		contact := el(comp, "cac:Contact")
		g.text(contact, "cbc:Telephone", o.telephone, o.contactField+".telephone")
		g.text(contact, "cbc:ElectronicMail", o.email, o.contactField+".email")
	}
}

// usesOpenDPS reports a lot with a dynamic purchasing system open to
// other buyers (BT-766 dps-nlist), where rule BR-OPP-00051-0022 requires
// OPP-051 on the buyer.
func (g *gen) usesOpenDPS() bool {
	if g.sub.isAward() {
		return false
	}
	for _, lv := range g.lots {
		if lv.terms.DPS == "dps-nlist" {
			return true
		}
	}
	return false
}

// address writes an address. XSD order of cac:AddressType: StreetName
// (BT-510), CityName (BT-513), PostalZone (BT-512), CountrySubentityCode
// (BT-507), Country/IdentificationCode (BT-514).
func (g *gen) address(a *etree.Element, ad Address, field string) {
	g.text(a, "cbc:StreetName", ad.Street, field+".street")
	g.text(a, "cbc:CityName", ad.City, field+".city")
	g.text(a, "cbc:PostalZone", ad.PostalCode, field+".postalCode")
	code(a, "cbc:CountrySubentityCode", "nuts", ad.NUTS)
	country := ad.Country
	if country == "" {
		country = "FRA"
	}
	code(el(a, "cac:Country"), "cbc:IdentificationCode", "country", country)
}

// header writes the root's own fields. XSD order (UBL-ContractNotice-2.3,
// -ContractAwardNotice-2.3, -PriorInformationNotice-2.3): UBLVersionID
// (OPT-001), CustomizationID (OPT-002), ID (BT-701), ContractFolderID
// (BT-04), IssueDate, IssueTime (BT-05), VersionID (BT-757), PlannedDate
// (BT-127, PIN), RegulatoryDomain (BT-01), NoticeTypeCode (BT-02, listName
// BT-03), NoticeLanguageCode (BT-702).
func (g *gen) header(root *etree.Element) {
	plain(root, "cbc:UBLVersionID", ublVersion)
	plain(root, "cbc:CustomizationID", customizationID)
	id(root, "cbc:ID", "notice-id", g.noticeID)
	if !g.sub.isPIN() {
		// BT-04 is forbidden in subtypes 4 and 7 (BR-BT-00004-0012).
		plain(root, "cbc:ContractFolderID", g.procID)
	}
	plain(root, "cbc:IssueDate", formatDateAt(g.dispatch))
	plain(root, "cbc:IssueTime", formatTimeAt(g.dispatch))
	plain(root, "cbc:VersionID", g.version)
	if g.sub == PINInformation {
		if d := g.n.Consultation.NoticeDispatch; !d.IsZero() {
			plain(root, "cbc:PlannedDate", formatDateIn(d, g.loc))
		} else {
			g.fail("consultation.noticeDispatch", "", ErrRequired, "the planned date of the contract notice, BT-127")
		}
	}
	plain(root, "cbc:RegulatoryDomain", legalBasis2424)
	var form, typ string
	switch g.sub {
	case ContractNotice:
		form, typ = "competition", "cn-standard"
	case SocialContractNotice:
		form, typ = "competition", "cn-social"
	case AwardNotice:
		form, typ = "result", "can-standard"
	case SocialAwardNotice:
		form, typ = "result", "can-social"
	case PINInformation:
		form, typ = "planning", "pin-only"
	case PINShortening:
		form, typ = "planning", "pin-rtl"
	}
	code(root, "cbc:NoticeTypeCode", form, typ)
	plain(root, "cbc:NoticeLanguageCode", g.lang)
}

// contractingParty writes cac:ContractingParty. XSD order:
// BuyerProfileURI (BT-508), ContractingPartyType/PartyTypeCode (BT-11),
// ContractingActivity/ActivityTypeCode (BT-10), Party
// (PartyIdentification OPT-300, ServiceProviderParty: ServiceTypeCode
// ted-esen OPT-030, Party/PartyIdentification).
func (g *gen) contractingParty(root *etree.Element) {
	cp := el(root, "cac:ContractingParty")
	g.text(cp, "cbc:BuyerProfileURI", g.n.Buyer.Profile, "buyer.profile")
	code(el(cp, "cac:ContractingPartyType"), "cbc:PartyTypeCode", "buyer-legal-type", g.legalType())
	act := g.n.Buyer.Activity
	if act == "" {
		act = "gen-pub"
	}
	code(el(cp, "cac:ContractingActivity"), "cbc:ActivityTypeCode", "authority-activity", act)
	party := el(cp, "cac:Party")
	id(el(party, "cac:PartyIdentification"), "cbc:ID", "organization", g.buyerOrg)
	if g.esenID != "" {
		sp := el(party, "cac:ServiceProviderParty")
		code(sp, "cbc:ServiceTypeCode", "organisation-role", "ted-esen")
		id(path(sp, "cac:Party", "cac:PartyIdentification"), "cbc:ID", "organization", g.esenID)
	}
}

// procedureTerms writes the procedure's cac:TenderingTerms. XSD order:
// TendererQualificationRequest (BT-806 exclusion-grounds-source, in
// contract notices and subtype 7), LotDistribution (MaximumLotsAwardedNumeric
// BT-33, MaximumLotsSubmittedNumeric BT-31, when there are several lots;
// rule BR-BT-00031-0073 requires BT-31 then).
func (g *gen) procedureTerms(root *etree.Element) {
	exclusion := !g.sub.isAward() && g.sub != PINInformation
	multi := len(g.lots) > 1 && g.sub != PINInformation && !g.sub.isAward()
	if !exclusion && !multi {
		return
	}
	tt := el(root, "cac:TenderingTerms")
	if exclusion {
		src := g.n.Procedure.ExclusionGrounds
		if src == "" {
			src = "epo-procurement-document"
		}
		code(path(tt, "cac:TendererQualificationRequest", "cac:SpecificTendererRequirement"),
			"cbc:TendererRequirementTypeCode", "exclusion-grounds-source", src)
	}
	if multi {
		ld := el(tt, "cac:LotDistribution")
		awarded, submitted := g.n.Procedure.MaxLotsAwarded, g.n.Procedure.MaxLotsSubmitted
		if awarded <= 0 {
			awarded = len(g.lots)
		}
		if submitted <= 0 {
			submitted = len(g.lots)
		}
		plain(ld, "cbc:MaximumLotsAwardedNumeric", strconv.Itoa(awarded))
		plain(ld, "cbc:MaximumLotsSubmittedNumeric", strconv.Itoa(submitted))
	}
}

// procedureProcess writes the procedure's cac:TenderingProcess. XSD
// order: Description (BT-88), ProcedureCode (BT-105), ProcessJustification
// (ProcessReasonCode accelerated-procedure BT-106, ProcessReason BT-1351).
func (g *gen) procedureProcess(root *etree.Element) {
	if g.sub == PINInformation {
		return
	}
	tp := el(root, "cac:TenderingProcess")
	g.mtext(tp, "cbc:Description", g.n.Procedure.Features, g.lang, "procedure.features")
	pc, _ := g.procedureCode()
	code(tp, "cbc:ProcedureCode", "procurement-procedure-type", pc)
	if g.sub == ContractNotice {
		// BT-106 is forbidden in subtypes 7 and 20 (BR-BT-00106-0012, -0027).
		pj := el(tp, "cac:ProcessJustification")
		code(pj, "cbc:ProcessReasonCode", "accelerated-procedure", strconv.FormatBool(g.n.Procedure.Accelerated))
		g.mtext(pj, "cbc:ProcessReason", g.n.Procedure.AcceleratedJustification, g.lang, "procedure.acceleratedJustification")
	}
}

// project writes the procedure's cac:ProcurementProject. XSD order: ID
// (BT-22, schemeName InternalID), Name (BT-21), Description (BT-24),
// ProcurementTypeCode (BT-23), RequestedTenderTotal/
// EstimatedOverallContractAmount (BT-27), MainCommodityClassification
// (BT-262, listName BT-26), AdditionalCommodityClassification (BT-263),
// RealizedLocation (BT-5071, BT-5141).
func (g *gen) project(root *etree.Element) {
	c := g.n.Consultation
	pp := el(root, "cac:ProcurementProject")
	if !blank(c.Reference) && g.checkText("consultation.reference", c.Reference) {
		id(pp, "cbc:ID", "InternalID", c.Reference)
	}
	g.mtext(pp, "cbc:Name", c.Title, g.lang, "consultation.title")
	descField := "consultation.description"
	if blank(c.Description) {
		descField = "consultation.title" // the description defaults to the title
	}
	g.mtext(pp, "cbc:Description", orTitle(c.Description, c.Title), g.lang, descField)
	code(pp, "cbc:ProcurementTypeCode", "contract-nature", natureCode(c.Nature))
	if total := c.TotalValue(); total.IsPositive() {
		amount(el(pp, "cac:RequestedTenderTotal"), "cbc:EstimatedOverallContractAmount", total)
	}
	code(el(pp, "cac:MainCommodityClassification"), "cbc:ItemClassificationCode", "cpv", cpvCode(c.CPV))
	for _, a := range c.AdditionalCPV {
		code(el(pp, "cac:AdditionalCommodityClassification"), "cbc:ItemClassificationCode", "cpv", cpvCode(a))
	}
	nuts := g.n.Terms.NUTS
	if nuts == "" {
		nuts = c.Buyer.Address.NUTS
	}
	g.place(pp, nuts)
}

// place writes cac:RealizedLocation/cac:Address with the NUTS code and
// the country (FRA for French NUTS codes).
func (g *gen) place(pp *etree.Element, nuts string) {
	a := path(pp, "cac:RealizedLocation", "cac:Address")
	code(a, "cbc:CountrySubentityCode", "nuts", nuts)
	country := "FRA"
	if len(nuts) >= 2 && nuts[:2] != "FR" {
		country = nutsCountry(nuts[:2])
	}
	code(el(a, "cac:Country"), "cbc:IdentificationCode", "country", country)
}

// nutsCountry maps the NUTS country prefix of the neighbouring countries
// a French notice may name to ISO 3166-1 alpha-3; others are written as
// given in upper case with an X (and fail the official validation).
func nutsCountry(p string) string {
	switch p {
	case "BE":
		return "BEL"
	case "DE":
		return "DEU"
	case "ES":
		return "ESP"
	case "IT":
		return "ITA"
	case "LU":
		return "LUX"
	case "CH":
		return "CHE"
	}
	return p + "X"
}

func natureCode(n procurement.Nature) string {
	switch n {
	case procurement.Works:
		return "works"
	case procurement.Supplies:
		return "supplies"
	case procurement.Services:
		return "services"
	}
	return ""
}
