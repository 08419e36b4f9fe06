package eforms

import (
	"strconv"

	"github.com/beevik/etree"
	"github.com/openmarches/marches/calendar"
	"github.com/shopspring/decimal"
)

// resultsView is the result part of an award notice, numbered: results
// (RES-) per lot, tenders (TEN-), tendering parties (TPA-) and contracts
// (CON-).
type resultsView struct {
	lots      []lotResult
	tenders   []tenderView
	parties   []partyView
	contracts []contractView
	total     decimal.Decimal
	firstDate calendar.Date // earliest award date
}

type lotResult struct {
	id         string // RES-0001
	lot        lotView
	status     string // winner-selection-status: selec-w, clos-nw
	reason     string // non-award-justification, for clos-nw
	tenders    []int  // indexes in resultsView.tenders
	contracts  []int  // indexes in resultsView.contracts
	received   int    // tenders received (BT-759)
	sme        int    // of which from SMEs (BT-760 t-sme)
	otherEEA   int    // from other EEA countries than France (t-oth-eea)
	nonEEA     int    // from outside the EEA (t-no-eea)
	electronic int    // submitted electronically (t-esubm)
}

type tenderView struct {
	subcontracting string // BT-773
	id             string // TEN-0001
	lotID          string
	party          int // index in resultsView.parties
	amount         decimal.Decimal
	hasAmount      bool
	ref            string // BT-3201: the tenderer's id in the consultation
}

type partyView struct {
	id    string // TPA-0001
	orgID string // ORG- of the tenderer
}

type contractView struct {
	id     string        // CON-0001
	tender int           // index in resultsView.tenders
	date   calendar.Date // award decision, BT-1451
	signed calendar.Date // conclusion, BT-145
	ref    string        // BT-150
}

// eeaCountries are the countries of the European Economic Area other than
// France (the 26 other EU member states, Iceland, Liechtenstein and
// Norway), ISO 3166-1 alpha-3.
var eeaCountries = map[string]bool{
	"AUT": true, "BEL": true, "BGR": true, "HRV": true, "CYP": true, "CZE": true, "DNK": true,
	"EST": true, "FIN": true, "DEU": true, "GRC": true, "HUN": true, "IRL": true, "ITA": true,
	"LVA": true, "LTU": true, "LUX": true, "MLT": true, "NLD": true, "POL": true, "PRT": true,
	"ROU": true, "SVK": true, "SVN": true, "ESP": true, "SWE": true,
	"ISL": true, "LIE": true, "NOR": true,
}

// smeSizes are the company sizes (BT-165, codelist economic-operator-size)
// counted as small and medium-sized enterprises.
var smeSizes = map[string]bool{"micro": true, "small": true, "medium": true, "sme": true}

// prepareResults numbers the results of an award notice and checks their
// cross-references: every award, tender and no-award entry names a lot of
// the consultation and, for tenders and awards, one of its tenderers.
func (g *gen) prepareResults() {
	c := g.n.Consultation
	r := &g.results
	tenderers := map[string]int{}
	for i, t := range c.Tenderers {
		if _, dup := tenderers[t.ID]; !dup {
			tenderers[t.ID] = i
		}
	}
	details := map[string]int{}
	for i, d := range g.n.Tenderers {
		p := "tenderers[" + strconv.Itoa(i) + "]"
		if _, ok := tenderers[d.ID]; !ok {
			g.fail(p+".id", d.ID, ErrUnknownTenderer, "")
			continue
		}
		if _, dup := details[d.ID]; !dup {
			details[d.ID] = i
		}
		g.checkCode(p+".size", d.Size, false)
	}
	awards := map[int][]int{}
	for i, a := range c.Awards {
		p := "consultation.awards[" + strconv.Itoa(i) + "]"
		ok := true
		if !lotExists(c, a.Lot) {
			g.fail(p+".lot", strconv.Itoa(a.Lot), ErrUnknownLot, "")
			ok = false
		}
		if _, known := tenderers[a.Tenderer]; !known {
			g.fail(p+".tenderer", a.Tenderer, ErrUnknownTenderer, "")
			ok = false
		}
		if !a.Amount.IsPositive() || !a.Amount.Equal(a.Amount.Round(2)) {
			g.fail(p+".amount", a.Amount.String(), ErrAmount, "")
		}
		if a.Date.IsZero() {
			g.fail(p+".date", "", ErrRequired, "")
		}
		if ok {
			awards[a.Lot] = append(awards[a.Lot], i)
		}
	}
	noAward := map[int]int{}
	for i, na := range g.n.Results.NoAward {
		p := "results.noAward[" + strconv.Itoa(i) + "]"
		if !lotExists(c, na.Lot) {
			g.fail(p+".lot", strconv.Itoa(na.Lot), ErrUnknownLot, "")
			continue
		}
		if _, dup := noAward[na.Lot]; dup {
			g.fail(p+".lot", strconv.Itoa(na.Lot), ErrDuplicateLot, "")
			continue
		}
		g.checkCode(p+".reason", na.Reason, true)
		noAward[na.Lot] = i
	}
	type lotTenderer struct {
		lot      int
		tenderer string
	}
	contracts := map[lotTenderer]int{}
	for i, ct := range g.n.Results.Contracts {
		p := "results.contracts[" + strconv.Itoa(i) + "]"
		k := lotTenderer{ct.Lot, ct.Tenderer}
		if _, dup := contracts[k]; dup {
			g.fail(p+".tenderer", ct.Tenderer, ErrDuplicateTender, "contract listed twice")
			continue
		}
		found := false
		for _, a := range c.Awards {
			if a.Lot == ct.Lot && a.Tenderer == ct.Tenderer {
				found = true
				if !ct.Signed.IsZero() && !a.Date.IsZero() && ct.Signed.Before(a.Date) {
					g.fail(p+".signed", ct.Signed.String(), ErrDateRange, "before the award decision of "+a.Date.String())
				}
			}
		}
		if !found {
			g.fail(p+".tenderer", ct.Tenderer, ErrContractWithoutAward, "lot "+strconv.Itoa(ct.Lot))
			continue
		}
		if ct.Signed.IsZero() {
			g.fail(p+".signed", "", ErrRequired, "")
		}
		contracts[k] = i
	}
	subcontracting := map[lotTenderer]string{}
	for i, t := range g.n.Results.Tenders {
		g.checkCode("results.tenders["+strconv.Itoa(i)+"].subcontracting", t.Subcontracting, false)
		if t.Subcontracting != "" {
			subcontracting[lotTenderer{t.Lot, t.Tenderer}] = t.Subcontracting
		}
	}
	sub := func(lot int, tenderer string) string {
		if s, ok := subcontracting[lotTenderer{lot, tenderer}]; ok {
			return s
		}
		return "not-known"
	}
	others := map[int][]int{}
	for i, t := range g.n.Results.Tenders {
		p := "results.tenders[" + strconv.Itoa(i) + "]"
		ok := true
		if !lotExists(c, t.Lot) {
			g.fail(p+".lot", strconv.Itoa(t.Lot), ErrUnknownLot, "")
			ok = false
		}
		if _, known := tenderers[t.Tenderer]; !known {
			g.fail(p+".tenderer", t.Tenderer, ErrUnknownTenderer, "")
			ok = false
		}
		if !t.Amount.IsZero() && (!t.Amount.IsPositive() || !t.Amount.Equal(t.Amount.Round(2))) {
			g.fail(p+".amount", t.Amount.String(), ErrAmount, "")
		}
		if ok {
			others[t.Lot] = append(others[t.Lot], i)
		}
	}
	if len(c.Awards) == 0 && len(g.n.Results.NoAward) == 0 {
		g.fail("consultation.awards", "", ErrNoAwards, "")
		return
	}
	parties := map[string]int{}
	party := func(tid string) int {
		if i, ok := parties[tid]; ok {
			return i
		}
		ti := tenderers[tid]
		t := c.Tenderers[ti]
		o := org{
			id: tech("ORG", len(g.orgs)+1), name: t.Name, companyID: siretDigits(t.SIRET),
			nameField: "consultation.tenderers[" + strconv.Itoa(ti) + "].name",
			idField:   "consultation.tenderers[" + strconv.Itoa(ti) + "].siret",
			addrField: "tenderers[?].address", contactField: "tenderers[?]",
		}
		size := ""
		if di, ok := details[tid]; ok {
			d := g.n.Tenderers[di]
			o.addr, o.telephone, o.email, size = d.Address, d.Telephone, d.Email, d.Size
			if !blank(d.CompanyID) {
				o.companyID = d.CompanyID
				o.idField = "tenderers[" + strconv.Itoa(di) + "].companyId"
			}
			o.addrField = "tenderers[" + strconv.Itoa(di) + "].address"
			o.contactField = "tenderers[" + strconv.Itoa(di) + "]"
		} else {
			o.addrField = "tenderers"
			o.contactField = "tenderers"
		}
		if size == "" {
			size = "large"
			if t.SME {
				size = "sme"
			}
		}
		o.size = size
		if o.addrField == "tenderers" {
			g.fail("tenderers", t.ID, ErrRequired, "the address of tenderer "+t.ID)
		} else {
			g.checkOrg(o)
		}
		g.orgs = append(g.orgs, o)
		i := len(r.parties)
		r.parties = append(r.parties, partyView{id: tech("TPA", i+1), orgID: o.id})
		parties[tid] = i
		return i
	}
	orgOfParty := func(p int) org {
		for _, o := range g.orgs {
			if o.id == r.parties[p].orgID {
				return o
			}
		}
		return org{}
	}
	for li, lv := range g.lots {
		lr := lotResult{id: tech("RES", li+1), lot: lv}
		aw, hasAw := awards[lv.number]
		na, hasNA := noAward[lv.number]
		switch {
		case hasAw && hasNA:
			g.fail("results.noAward["+strconv.Itoa(na)+"].lot", strconv.Itoa(lv.number), ErrLotResult, "the lot also has awards")
		case !hasAw && !hasNA:
			g.fail(lv.field, strconv.Itoa(lv.number), ErrLotResult, "lot "+lv.id+" has no award and no noAward entry")
		}
		winners := map[string]decimal.Decimal{}
		if hasAw {
			lr.status = "selec-w"
			for _, ai := range aw {
				a := c.Awards[ai]
				if _, dup := winners[a.Tenderer]; dup {
					g.fail("consultation.awards["+strconv.Itoa(ai)+"].tenderer", a.Tenderer, ErrDuplicateTender, "")
					continue
				}
				winners[a.Tenderer] = a.Amount
				ti := len(r.tenders)
				r.tenders = append(r.tenders, tenderView{id: tech("TEN", ti+1), lotID: lv.id, party: party(a.Tenderer),
					amount: a.Amount, hasAmount: true, ref: a.Tenderer, subcontracting: sub(a.Lot, a.Tenderer)})
				lr.tenders = append(lr.tenders, ti)
				cv := contractView{tender: ti, date: a.Date, ref: c.Reference + " " + lv.id}
				if k, ok := contracts[lotTenderer{a.Lot, a.Tenderer}]; ok {
					ct := g.n.Results.Contracts[k]
					cv.signed = ct.Signed
					if !blank(ct.Reference) {
						cv.ref = ct.Reference
					}
				} else {
					g.fail("results.contracts", a.Tenderer, ErrRequired, "the contract of lot "+lv.id+" awarded to "+a.Tenderer+", with its signature date (BT-145)")
				}
				ci := len(r.contracts)
				cv.id = tech("CON", ci+1)
				r.contracts = append(r.contracts, cv)
				lr.contracts = append(lr.contracts, ci)
				r.total = r.total.Add(a.Amount)
				if !a.Date.IsZero() && (r.firstDate.IsZero() || a.Date.Before(r.firstDate)) {
					r.firstDate = a.Date
				}
			}
		} else if hasNA {
			lr.status = "clos-nw"
			lr.reason = g.n.Results.NoAward[na].Reason
		}
		seen := map[string]bool{}
		for _, ti := range others[lv.number] {
			t := g.n.Results.Tenders[ti]
			p := "results.tenders[" + strconv.Itoa(ti) + "]"
			if amt, won := winners[t.Tenderer]; won {
				if !t.Amount.IsZero() && !t.Amount.Equal(amt) {
					g.fail(p+".amount", t.Amount.String(), ErrTenderAmount, "award amount "+formatAmount(amt))
				}
				continue
			}
			if seen[t.Tenderer] {
				g.fail(p+".tenderer", t.Tenderer, ErrDuplicateTender, "")
				continue
			}
			seen[t.Tenderer] = true
			i := len(r.tenders)
			r.tenders = append(r.tenders, tenderView{id: tech("TEN", i+1), lotID: lv.id, party: party(t.Tenderer),
				amount: t.Amount, hasAmount: !t.Amount.IsZero(), ref: t.Tenderer, subcontracting: sub(t.Lot, t.Tenderer)})
			lr.tenders = append(lr.tenders, i)
		}
		lr.received = len(lr.tenders)
		if lr.reason == "no-rece" && lr.received > 0 {
			g.fail("results.noAward["+strconv.Itoa(na)+"].reason", lr.reason, ErrLotResult, "no tender received, yet tenders are listed for lot "+lv.id)
		}
		for _, ti := range lr.tenders {
			o := orgOfParty(r.tenders[ti].party)
			if smeSizes[o.size] {
				lr.sme++
			}
			switch country := o.addr.Country; {
			case country == "" || country == "FRA":
			case eeaCountries[country]:
				lr.otherEEA++
			default:
				lr.nonEEA++
			}
		}
		if lv.terms.ESubmission != "not-allowed" {
			lr.electronic = lr.received
		}
		r.lots = append(r.lots, lr)
	}
}

// noticeResult writes efac:NoticeResult. XSD order
// (EFORMS-ExtensionAggregateComponents-2.3.xsd, SDK 1.15.1): TotalAmount
// (BT-161), LotResult*, LotTender*, SettledContract*, TenderingParty*.
func (g *gen) noticeResult(ext *etree.Element) {
	r := g.results
	nr := el(ext, "efac:NoticeResult")
	amount(nr, "cbc:TotalAmount", r.total)
	for _, lr := range r.lots {
		g.lotResult(nr, lr)
	}
	for _, t := range r.tenders {
		g.lotTender(nr, t)
	}
	for _, ct := range r.contracts {
		g.settledContract(nr, ct)
	}
	for _, p := range r.parties {
		tp := el(nr, "efac:TenderingParty")
		id(tp, "cbc:ID", "tendering-party", p.id)
		id(el(tp, "efac:Tenderer"), "cbc:ID", "organization", p.orgID)
	}
}

// lotResult writes one efac:LotResult. XSD order: ID (OPT-322),
// TenderResultCode (BT-142), DecisionReason/DecisionReasonCode (BT-144),
// LotTender (OPT-320), ReceivedSubmissionsStatistics (BT-759 with
// BT-760: tenders, t-sme, t-large, t-oth-eea, t-no-eea, t-esubm; rules
// BR-BT-13713-0118 to -0123 of SDK 1.15.1 require each once),
// SettledContract (OPT-315), TenderLot (OPT-322 lot reference).
//
// The counts come from the tenders the notice lists: SMEs by company size
// (micro, small, medium, sme), the origin by the tenderer's country
// (France, another EEA country, outside the EEA), and every tender counts
// as electronic unless the lot's electronic submission is not-allowed.
func (g *gen) lotResult(nr *etree.Element, lr lotResult) {
	r := g.results
	e := el(nr, "efac:LotResult")
	id(e, "cbc:ID", "result", lr.id)
	code(e, "cbc:TenderResultCode", "winner-selection-status", lr.status)
	if lr.reason != "" {
		code(el(e, "efac:DecisionReason"), "efbc:DecisionReasonCode", "non-award-justification", lr.reason)
	}
	for _, ti := range lr.tenders {
		id(el(e, "efac:LotTender"), "cbc:ID", "tender", r.tenders[ti].id)
	}
	if lr.status == "clos-nw" && lr.reason == "no-rece" {
		// No statistics when no tender was received (BR-BT-00760-0106).
		for _, ci := range lr.contracts {
			id(el(e, "efac:SettledContract"), "cbc:ID", "contract", r.contracts[ci].id)
		}
		id(el(e, "efac:TenderLot"), "cbc:ID", "Lot", lr.lot.id)
		return
	}
	stat := func(kind string, n int) {
		s := el(e, "efac:ReceivedSubmissionsStatistics")
		code(s, "efbc:StatisticsCode", "received-submission-type", kind)
		plain(s, "efbc:StatisticsNumeric", strconv.Itoa(n))
	}
	stat("tenders", lr.received)
	stat("t-sme", lr.sme)
	stat("t-large", lr.received-lr.sme)
	stat("t-oth-eea", lr.otherEEA)
	stat("t-no-eea", lr.nonEEA)
	stat("t-esubm", lr.electronic)
	for _, ci := range lr.contracts {
		id(el(e, "efac:SettledContract"), "cbc:ID", "contract", r.contracts[ci].id)
	}
	id(el(e, "efac:TenderLot"), "cbc:ID", "Lot", lr.lot.id)
}

// lotTender writes one efac:LotTender. XSD order: ID (OPT-321),
// LegalMonetaryTotal/PayableAmount (BT-720), SubcontractingTerm/TermCode
// applicability (BT-773), TenderingParty (OPT-310),
// TenderLot (OPT-322 lot reference), TenderReference/ID (BT-3201).
func (g *gen) lotTender(nr *etree.Element, t tenderView) {
	e := el(nr, "efac:LotTender")
	id(e, "cbc:ID", "tender", t.id)
	if t.hasAmount {
		amount(el(e, "cac:LegalMonetaryTotal"), "cbc:PayableAmount", t.amount)
	}
	st := el(e, "efac:SubcontractingTerm")
	code(st, "efbc:TermCode", "applicability", t.subcontracting)
	if t.subcontracting == "yes" {
		// BT-731 and BT-730 (BR-BT-00731-0036, BR-BT-00730-0036): the
		// share subcontracted is not known.
		indicator(st, "efbc:PercentageKnownIndicator", false)
		indicator(st, "efbc:ValueKnownIndicator", false)
	}
	id(el(e, "efac:TenderingParty"), "cbc:ID", "tendering-party", g.results.parties[t.party].id)
	id(el(e, "efac:TenderLot"), "cbc:ID", "Lot", t.lotID)
	if g.checkText("consultation.tenderers", t.ref) && !blank(t.ref) {
		plain(el(e, "efac:TenderReference"), "cbc:ID", t.ref)
	}
}

// settledContract writes one efac:SettledContract. XSD order: ID
// (OPT-316), AwardDate (BT-1451, winner decision date), IssueDate
// (BT-145, conclusion date), SignatoryParty
// (OPT-300-Contract-Signatory), ContractReference/ID (BT-150), LotTender
// (OPT-321 reference).
func (g *gen) settledContract(nr *etree.Element, ct contractView) {
	e := el(nr, "efac:SettledContract")
	id(e, "cbc:ID", "contract", ct.id)
	plain(e, "cbc:AwardDate", formatDateIn(ct.date, g.loc))
	if !ct.signed.IsZero() {
		plain(e, "cbc:IssueDate", formatDateIn(ct.signed, g.loc))
	}
	id(path(e, "cac:SignatoryParty", "cac:PartyIdentification"), "cbc:ID", "organization", g.buyerOrg)
	if g.checkText("consultation.reference", ct.ref) {
		plain(el(e, "efac:ContractReference"), "cbc:ID", ct.ref)
	}
	id(el(e, "efac:LotTender"), "cbc:ID", "tender", g.results.tenders[ct.tender].id)
}

// tenderResult writes the root's cac:TenderResult, which the UBL schema
// of a ContractAwardNotice requires (AwardDate: the earliest award date,
// or the dispatch date when no lot was awarded).
func (g *gen) tenderResult(root *etree.Element) {
	d := g.results.firstDate
	s := ""
	if d.IsZero() {
		s = formatDateAt(g.dispatch)
	} else {
		s = formatDateIn(d, g.loc)
	}
	plain(el(root, "cac:TenderResult"), "cbc:AwardDate", s)
}
