package eforms

import (
	"reflect"
	"slices"
	"strings"

	"github.com/beevik/etree"
	"github.com/openmarches/marches/procurement"
	"github.com/shopspring/decimal"
)

// lotRead is one lot as read from the notice, before the values shared by
// all lots are moved to the consultation and to Notice.Terms.
type lotRead struct {
	number   int
	el       *etree.Element
	lot      procurement.Lot
	criteria []procurement.AwardCriterion
	terms    Terms
	months   int
	value    decimal.Decimal
}

// lots reads the lots (parts in subtype 4) and their terms.
func (p *parser) lots(n *Notice) {
	r := p.root
	c := &n.Consultation
	prefix, scheme := "LOT", "Lot"
	if n.Metadata.Subtype == PINInformation {
		prefix, scheme = "PAR", "Part"
	}
	var reads []lotRead
	for _, le := range all(r, "cac:ProcurementProjectLot") {
		ide := find(le, "cbc:ID")
		if ide == nil || ide.SelectAttrValue("schemeName", "") != scheme {
			continue
		}
		num, ok := lotNumber(ide.Text(), prefix)
		if !ok {
			continue
		}
		reads = append(reads, p.lot(le, num))
	}
	if len(reads) == 0 {
		return
	}
	first := reads[0]
	// Procedure-level values carried by every lot: the first lot's.
	for _, lr := range reads {
		if lr.months > 0 {
			c.DurationMonths = lr.months
			break
		}
	}
	tp := find(first.el, "cac:TenderingProcess")
	c.TendersDeadline = p.instantOf(find(tp, "cac:TenderSubmissionDeadlinePeriod", "cbc:EndDate"), find(tp, "cac:TenderSubmissionDeadlinePeriod", "cbc:EndTime"))
	c.ApplicationsDeadline = p.instantOf(find(tp, "cac:ParticipationRequestReceptionPeriod", "cbc:EndDate"), find(tp, "cac:ParticipationRequestReceptionPeriod", "cbc:EndTime"))
	if v := find(first.el, "cac:TenderingTerms", "cac:TenderValidityPeriod", "cbc:DurationMeasure"); v != nil && v.SelectAttrValue("unitCode", "") == "DAY" {
		c.TenderValidityDays = p.intOf(v)
	}
	pr := &n.Procedure
	if sl := find(tp, "cac:EconomicOperatorShortList"); sl != nil {
		pc, _ := (&gen{n: *n, sub: n.Metadata.Subtype}).procedureCode()
		if m := p.intOf(find(sl, "cbc:MinimumQuantity")); m > 0 && m != (&gen{n: *n}).minCandidates(pc) {
			pr.MinCandidates = m
		}
		pr.MaxCandidates = p.intOf(find(sl, "cbc:MaximumQuantity"))
	}
	if b := p.boolOf(find(tp, "cbc:CandidateReductionConstraintIndicator")); b != nil {
		pr.SuccessiveReduction = *b
	}
	if b := p.boolOf(find(first.el, "cac:TenderingTerms", "cac:AwardingTerms", "cbc:NoFurtherNegotiationIndicator")); b != nil {
		pr.AwardWithoutNegotiation = *b
	}
	if ld := find(r, "cac:TenderingTerms", "cac:LotDistribution"); ld != nil {
		if v := p.intOf(find(ld, "cbc:MaximumLotsAwardedNumeric")); v != len(reads) {
			pr.MaxLotsAwarded = v
		}
		if v := p.intOf(find(ld, "cbc:MaximumLotsSubmittedNumeric")); v != len(reads) {
			pr.MaxLotsSubmitted = v
		}
	}
	// Review body: the first lot's.
	if o, ok := p.orgs[strings.TrimSpace(txt(first.el, "cac:TenderingTerms", "cac:AppealTerms", "cac:AppealReceiverParty", "cac:PartyIdentification", "cbc:ID"))]; ok {
		n.ReviewBody = o
	}
	// Values: BT-27 of the procedure is the consultation's total, premiums
	// included; each lot's BT-27 is the lot's total.
	rootTotal := p.amountOf(find(r, "cac:ProcurementProject", "cac:RequestedTenderTotal", "cbc:EstimatedOverallContractAmount"))
	sum := decimal.Decimal{}
	for _, lr := range reads {
		sum = sum.Add(lr.value)
	}
	c.EstimatedValue = sum
	if d := rootTotal.Sub(sum); d.IsPositive() {
		c.PremiumsValue = d
	}
	// Award criteria: the first lot's become the consultation's; a lot
	// keeps its own only when they differ.
	c.AwardCriteria = first.criteria
	single := len(reads) == 1 && first.number == 0
	if !single {
		for _, lr := range reads {
			l := lr.lot
			if !slices.Equal(lr.criteria, first.criteria) {
				l.AwardCriteria = lr.criteria
			}
			if l.CPV == c.CPV {
				l.CPV = ""
			}
			c.Lots = append(c.Lots, l)
		}
	}
	// Terms: the shared values go to Notice.Terms, the differences to
	// Notice.Lots, and values equal to the defaults are left out.
	terms := make([]Terms, len(reads))
	for i, lr := range reads {
		t := lr.terms
		if lr.months != c.DurationMonths {
			t.DurationMonths = lr.months
		}
		terms[i] = t
	}
	base := Terms{}
	bv := reflect.ValueOf(&base).Elem()
	for f := 0; f < bv.NumField(); f++ {
		shared := true
		for _, t := range terms {
			if reflect.ValueOf(t).Field(f).IsZero() {
				shared = false
				break
			}
		}
		if shared {
			bv.Field(f).Set(reflect.ValueOf(terms[0]).Field(f))
		}
	}
	// The procedure's place of performance (BT-5071 of the procedure) is
	// Notice.Terms.NUTS, not the first lot's.
	buyerNUTS := c.Buyer.Address.NUTS
	rootNUTS := strings.TrimSpace(txt(r, "cac:ProcurementProject", "cac:RealizedLocation", "cac:Address", "cbc:CountrySubentityCode"))
	base.NUTS = rootNUTS
	if rootNUTS == "" {
		base.NUTS = buyerNUTS
	}
	for i, t := range terms {
		d := diffTerms(base, t)
		if t.NUTS == "" {
			d.NUTS = ""
		}
		lt := LotTerms{Number: reads[i].number, Terms: d}
		if !reflect.ValueOf(d).IsZero() {
			n.Lots = append(n.Lots, lt)
		}
	}
	// Leave out what equals the defaults Generate applies.
	def := defaultTerms(buyerNUTS, p.lang)
	dv := reflect.ValueOf(def)
	for f := 0; f < bv.NumField(); f++ {
		if reflect.DeepEqual(bv.Field(f).Interface(), dv.Field(f).Interface()) {
			bv.Field(f).Set(reflect.Zero(bv.Field(f).Type()))
		}
	}
	n.Terms = base
}

// defaultTerms are the values Generate uses for empty Terms fields.
func defaultTerms(buyerNUTS, lang string) Terms {
	f, t := false, true
	if lang == "" {
		lang = "FRA"
	}
	return Terms{
		NUTS: buyerNUTS, ESubmission: "required", Languages: []string{lang}, EInvoicing: "required",
		ECatalogue: "not-allowed", EOrdering: &f, EPayment: &t, Auction: &f, GPA: &t, EUFunds: "no-eu-funds",
		ReservedParticipation: "none", ReservedExecution: "no", SelectionCriteria: "epo-procurement-document", DPS: "none",
	}
}

// lot reads one lot element.
func (p *parser) lot(le *etree.Element, num int) lotRead {
	lr := lotRead{number: num, el: le}
	tt := find(le, "cac:TenderingTerms")
	tp := find(le, "cac:TenderingProcess")
	pp := find(le, "cac:ProcurementProject")
	l := &lr.lot
	l.Number = num
	l.Title = txt(pp, "cbc:Name")
	l.Description = txt(pp, "cbc:Description")
	if l.Description == l.Title {
		l.Description = ""
	}
	l.CPV = cpvOfCode(txt(pp, "cac:MainCommodityClassification", "cbc:ItemClassificationCode"))
	lr.value = p.amountOf(find(pp, "cac:RequestedTenderTotal", "cbc:EstimatedOverallContractAmount"))
	l.EstimatedValue = lr.value
	// Award criteria.
	for _, sc := range all(find(tt, "cac:AwardingTerms", "cac:AwardingCriterion"), "cac:SubordinateAwardingCriterion") {
		cr := procurement.AwardCriterion{Name: txt(sc, "cbc:Description")}
		if cr.Name == "" {
			cr.Name = txt(sc, "cbc:Name")
		}
		if k, err := procurement.ParseCriterionKind(strings.TrimSpace(txt(sc, "cbc:AwardingCriterionTypeCode"))); err == nil {
			cr.Kind = k
		}
		for _, par := range all(ext(sc), "efac:AwardCriterionParameter") {
			if pc := find(par, "efbc:ParameterCode"); pc != nil && pc.SelectAttrValue("listName", "") == "number-weight" {
				cr.Weight = p.intOf(find(par, "efbc:ParameterNumeric"))
			}
		}
		lr.criteria = append(lr.criteria, cr)
	}
	// Duration, dates, options and renewals.
	per := find(pp, "cac:PlannedPeriod")
	if dm := find(per, "cbc:DurationMeasure"); dm != nil {
		switch dm.SelectAttrValue("unitCode", "") {
		case "MONTH":
			lr.months = p.intOf(dm)
		case "YEAR":
			lr.months = 12 * p.intOf(dm)
		}
	}
	t := &lr.terms
	t.Start, _ = p.dateOf(find(per, "cbc:StartDate"))
	t.End, _ = p.dateOf(find(per, "cbc:EndDate"))
	ce := find(pp, "cac:ContractExtension")
	t.OptionsDescription = txt(ce, "cbc:OptionsDescription")
	t.RenewalDescription = txt(ce, "cac:Renewal", "cac:Period", "cbc:Description")
	t.MaxRenewals = p.intOf(find(ce, "cbc:MaximumNumberNumeric"))
	t.NUTS = strings.TrimSpace(txt(pp, "cac:RealizedLocation", "cac:Address", "cbc:CountrySubentityCode"))
	// Tendering terms.
	t.DocumentsURL = txt(tt, "cac:CallForTendersDocumentReference", "cac:Attachment", "cac:ExternalReference", "cbc:URI")
	t.SubmissionURL = txt(tt, "cac:TenderRecipientParty", "cbc:EndpointID")
	for _, e := range withAttr(tp, "cbc:SubmissionMethodCode", "listName", "esubmission") {
		t.ESubmission = strings.TrimSpace(e.Text())
	}
	if ev := find(tp, "cac:OpenTenderEvent"); ev != nil {
		t.Opening = p.instantOf(find(ev, "cbc:OccurrenceDate"), find(ev, "cbc:OccurrenceTime"))
	}
	for _, lang := range all(tt, "cac:Language") {
		t.Languages = append(t.Languages, strings.TrimSpace(txt(lang, "cbc:ID")))
	}
	for _, cer := range all(tt, "cac:ContractExecutionRequirement") {
		e := find(cer, "cbc:ExecutionRequirementCode")
		if e == nil {
			continue
		}
		v := strings.TrimSpace(e.Text())
		switch e.SelectAttrValue("listName", "") {
		case "einvoicing":
			t.EInvoicing = v
		case "ecatalog-submission":
			t.ECatalogue = v
		case "reserved-execution":
			t.ReservedExecution = v
		}
	}
	for _, q := range all(tt, "cac:TendererQualificationRequest") {
		for _, str := range all(q, "cac:SpecificTendererRequirement") {
			e := find(str, "cbc:TendererRequirementTypeCode")
			if e == nil {
				continue
			}
			v := strings.TrimSpace(e.Text())
			switch e.SelectAttrValue("listName", "") {
			case "reserved-procurement":
				t.ReservedParticipation = v
			case "selection-criteria-source":
				if t.SelectionCriteria == "" {
					t.SelectionCriteria = v
				}
			}
		}
	}
	pa := find(tt, "cac:PostAwardProcess")
	t.EOrdering = p.boolOf(find(pa, "cbc:ElectronicOrderUsageIndicator"))
	t.EPayment = p.boolOf(find(pa, "cbc:ElectronicPaymentUsageIndicator"))
	t.Auction = p.boolOf(find(tp, "cac:AuctionTerms", "cbc:AuctionConstraintIndicator"))
	t.GPA = p.boolOf(find(tp, "cbc:GovernmentAgreementConstraintIndicator"))
	for _, e := range withAttr(tt, "cbc:FundingProgramCode", "listName", "eu-funded") {
		t.EUFunds = strings.TrimSpace(e.Text())
	}
	t.Guarantee = txt(tt, "cac:RequiredFinancialGuarantee", "cbc:Description")
	t.ReviewDeadlines = txt(tt, "cac:AppealTerms", "cac:PresentationPeriod", "cbc:Description")
	for _, cs := range all(tp, "cac:ContractingSystem") {
		e := find(cs, "cbc:ContractingSystemTypeCode")
		if e == nil {
			continue
		}
		v := strings.TrimSpace(e.Text())
		switch e.SelectAttrValue("listName", "") {
		case "framework-agreement":
			if v != "none" {
				t.FrameworkAgreement.Type = v
			}
		case "dps-usage":
			t.DPS = v
		}
	}
	if fa := find(tp, "cac:FrameworkAgreement"); fa != nil {
		t.FrameworkAgreement.MaxOperators = p.intOf(find(fa, "cbc:MaximumOperatorQuantity"))
		t.FrameworkAgreement.Justification = txt(fa, "cbc:Justification")
	}
	return lr
}
