package eforms

import (
	"strings"

	"github.com/beevik/etree"
	"github.com/openmarches/marches/procurement"
)

// results reads efac:NoticeResult into the consultation's tenderers and
// awards and into Notice.Tenderers and Notice.Results.
func (p *parser) results(n *Notice, x *etree.Element) {
	nr := find(x, "efac:NoticeResult")
	if nr == nil {
		return
	}
	c := &n.Consultation
	idOf := func(e *etree.Element) string { return strings.TrimSpace(txt(e, "cbc:ID")) }
	tenders := map[string]*etree.Element{}
	for _, t := range all(nr, "efac:LotTender") {
		tenders[idOf(t)] = t
	}
	contracts := map[string]*etree.Element{}
	for _, ct := range all(nr, "efac:SettledContract") {
		contracts[idOf(ct)] = ct
	}
	// Tendering parties, in order: each becomes a tenderer whose id is the
	// tender reference (BT-3201) of its first tender, or its TPA- id.
	partyOrg := map[string]string{}
	partyTenderer := map[string]string{}
	used := map[string]bool{}
	for _, tp := range all(nr, "efac:TenderingParty") {
		pid := idOf(tp)
		partyOrg[pid] = strings.TrimSpace(txt(tp, "efac:Tenderer", "cbc:ID"))
		tid := ""
		for _, t := range all(nr, "efac:LotTender") {
			if strings.TrimSpace(txt(t, "efac:TenderingParty", "cbc:ID")) == pid {
				tid = strings.TrimSpace(txt(t, "efac:TenderReference", "cbc:ID"))
				break
			}
		}
		if tid == "" || used[tid] {
			tid = pid
		}
		used[tid] = true
		partyTenderer[pid] = tid
		orgID := partyOrg[pid]
		o := p.orgs[orgID]
		size := p.sizes[orgID]
		sme := smeSizes[size]
		d := TendererDetails{ID: tid, Address: o.Address, Telephone: o.Telephone, Email: o.Email}
		siret := o.CompanyID
		if _, err := procurement.ParseSIRET(siret); err != nil {
			// Not a SIRET (a foreign tenderer): keep it as the legal
			// identifier of the details, not as the model's SIRET.
			siret, d.CompanyID = "", o.CompanyID
		}
		c.Tenderers = append(c.Tenderers, procurement.Tenderer{ID: tid, Name: o.Name, SIRET: siret, SME: sme})
		if def := map[bool]string{true: "sme", false: "large"}[sme]; size != def {
			d.Size = size
		}
		n.Tenderers = append(n.Tenderers, d)
	}
	tendererOf := func(t *etree.Element) string {
		return partyTenderer[strings.TrimSpace(txt(t, "efac:TenderingParty", "cbc:ID"))]
	}
	lotOf := func(e *etree.Element) int {
		prefix := "LOT"
		if n.Metadata.Subtype == PINInformation {
			prefix = "PAR"
		}
		num, _ := lotNumber(txt(e, "efac:TenderLot", "cbc:ID"), prefix)
		return num
	}
	r := &n.Results
	for _, lr := range all(nr, "efac:LotResult") {
		lot := lotOf(lr)
		status := strings.TrimSpace(txt(lr, "cbc:TenderResultCode"))
		if status == "clos-nw" || status == "open-nw" {
			r.NoAward = append(r.NoAward, NoAward{Lot: lot, Reason: strings.TrimSpace(txt(lr, "efac:DecisionReason", "efbc:DecisionReasonCode"))})
		}
		winners := map[string]bool{}
		for _, cref := range all(lr, "efac:SettledContract") {
			ct := contracts[idOf(cref)]
			if ct == nil {
				continue
			}
			t := tenders[strings.TrimSpace(txt(ct, "efac:LotTender", "cbc:ID"))]
			if t == nil {
				continue
			}
			tid := tendererOf(t)
			date, _ := p.dateOf(find(ct, "cbc:AwardDate"))
			signed, _ := p.dateOf(find(ct, "cbc:IssueDate"))
			if date.IsZero() {
				date = signed
			}
			c.Awards = append(c.Awards, procurement.Award{Lot: lot, Tenderer: tid,
				Amount: p.amountOf(find(t, "cac:LegalMonetaryTotal", "cbc:PayableAmount")), Date: date})
			k := Contract{Lot: lot, Tenderer: tid, Signed: signed}
			if ref := txt(ct, "efac:ContractReference", "cbc:ID"); ref != c.Reference+" "+tech("LOT", lot) {
				k.Reference = ref
			}
			r.Contracts = append(r.Contracts, k)
			winners[tid] = true
		}
		var winnerTerms []Tender
		for _, tref := range all(lr, "efac:LotTender") {
			t := tenders[idOf(tref)]
			if t == nil {
				continue
			}
			tid := tendererOf(t)
			sub := strings.TrimSpace(txt(t, "efac:SubcontractingTerm", "efbc:TermCode"))
			if sub == "not-known" {
				sub = ""
			}
			if winners[tid] {
				if sub != "" {
					winnerTerms = append(winnerTerms, Tender{Lot: lot, Tenderer: tid, Subcontracting: sub})
				}
				continue
			}
			r.Tenders = append(r.Tenders, Tender{Lot: lot, Tenderer: tid,
				Amount: p.amountOf(find(t, "cac:LegalMonetaryTotal", "cbc:PayableAmount")), Subcontracting: sub})
		}
		r.Tenders = append(r.Tenders, winnerTerms...)
	}
}
