package eforms

import (
	"strconv"

	"github.com/beevik/etree"
	"github.com/openmarches/marches/procurement"
)

// lot writes one cac:ProcurementProjectLot. XSD order (UBL
// ProcurementProjectLotType): ID (BT-137, schemeName Lot, or Part in
// subtype 4), TenderingTerms, TenderingProcess, ProcurementProject.
func (g *gen) lot(root *etree.Element, lv lotView) {
	lot := el(root, "cac:ProcurementProjectLot")
	scheme := "Lot"
	if g.sub == PINInformation {
		scheme = "Part"
	}
	id(lot, "cbc:ID", scheme, lv.id)
	g.lotTerms(lot, lv)
	if g.sub != PINInformation {
		g.lotProcess(lot, lv)
	}
	g.lotProject(lot, lv)
}

// lotTerms writes the lot's cac:TenderingTerms. XSD order of UBL
// TenderingTermsType (SDK 1.15.1): FundingProgramCode (BT-60),
// RequiredFinancialGuarantee (BT-751, BT-75),
// CallForTendersDocumentReference (BT-14, BT-15), TendererQualificationRequest
// (BT-71 reserved-procurement; BT-821 selection-criteria-source),
// ContractExecutionRequirement (BT-736 reserved-execution, BT-743
// einvoicing, BT-764 ecatalog-submission), AwardingTerms (BT-539, BT-734,
// BT-540, BT-541/BT-5421), AdditionalInformationParty (OPT-301-Lot-AddInfo),
// TenderRecipientParty (BT-18), TenderValidityPeriod (BT-98), AppealTerms
// (PresentationPeriod BT-99, AppealInformationParty
// OPT-301-Lot-ReviewInfo, AppealReceiverParty OPT-301-Lot-ReviewOrg),
// Language (BT-97), PostAwardProcess (BT-92, BT-93).
func (g *gen) lotTerms(lot *etree.Element, lv lotView) {
	t := lv.terms
	c := g.n.Consultation
	tt := el(lot, "cac:TenderingTerms")
	competition := g.sub == ContractNotice || g.sub == SocialContractNotice
	if g.sub != PINInformation {
		funds := t.EUFunds
		if funds == "" {
			funds = "no-eu-funds"
		}
		code(tt, "cbc:FundingProgramCode", "eu-funded", funds)
	}
	if competition && !blank(t.Guarantee) {
		fg := el(tt, "cac:RequiredFinancialGuarantee")
		code(fg, "cbc:GuaranteeTypeCode", "tender-guarantee-required", "true")
		g.mtext(fg, "cbc:Description", t.Guarantee, g.lang, lv.termPath("guarantee"))
	}
	if competition {
		doc := el(tt, "cac:CallForTendersDocumentReference")
		plain(doc, "cbc:ID", "DCE-"+lv.id)
		plain(doc, "cbc:DocumentType", "non-restricted-document")
		g.text(path(doc, "cac:Attachment", "cac:ExternalReference"), "cbc:URI", t.DocumentsURL, lv.termPath("documentsUrl"))
	}
	if competition || g.sub == PINShortening {
		res := t.ReservedParticipation
		if res == "" {
			res = "none"
		}
		code(path(tt, "cac:TendererQualificationRequest", "cac:SpecificTendererRequirement"),
			"cbc:TendererRequirementTypeCode", "reserved-procurement", res)
		sel := t.SelectionCriteria
		if sel == "" {
			sel = "epo-procurement-document"
		}
		code(path(tt, "cac:TendererQualificationRequest", "cac:SpecificTendererRequirement"),
			"cbc:TendererRequirementTypeCode", "selection-criteria-source", sel)
		exe := t.ReservedExecution
		if exe == "" {
			exe = "no"
		}
		code(el(tt, "cac:ContractExecutionRequirement"), "cbc:ExecutionRequirementCode", "reserved-execution", exe)
	}
	if competition {
		inv := t.EInvoicing
		if inv == "" {
			inv = "required"
		}
		code(el(tt, "cac:ContractExecutionRequirement"), "cbc:ExecutionRequirementCode", "einvoicing", inv)
		cat := t.ECatalogue
		if cat == "" {
			cat = "not-allowed"
		}
		code(el(tt, "cac:ContractExecutionRequirement"), "cbc:ExecutionRequirementCode", "ecatalog-submission", cat)
	}
	if len(lv.criteria) > 0 && g.sub != PINInformation { // no BT-539-Part in subtype 4
		g.criteria(tt, lv)
	}
	if !g.sub.isAward() {
		id(path(tt, "cac:AdditionalInformationParty", "cac:PartyIdentification"), "cbc:ID", "organization", g.buyerOrg)
	}
	if competition {
		rp := el(tt, "cac:TenderRecipientParty")
		g.text(rp, "cbc:EndpointID", t.SubmissionURL, lv.termPath("submissionUrl"))
		if c.TenderValidityDays > 0 {
			measure(el(tt, "cac:TenderValidityPeriod"), "cbc:DurationMeasure", "DAY", c.TenderValidityDays)
		}
	}
	at := el(tt, "cac:AppealTerms")
	if !blank(t.ReviewDeadlines) && g.sub != PINInformation { // no BT-99-Part in subtype 4
		g.mtext(el(at, "cac:PresentationPeriod"), "cbc:Description", t.ReviewDeadlines, g.lang, lv.termPath("reviewDeadlines"))
	} else {
		id(path(at, "cac:AppealInformationParty", "cac:PartyIdentification"), "cbc:ID", "organization", g.reviewID)
	}
	id(path(at, "cac:AppealReceiverParty", "cac:PartyIdentification"), "cbc:ID", "organization", g.reviewID)
	if competition || g.sub == PINShortening {
		langs := t.Languages
		if len(langs) == 0 {
			langs = []string{g.lang}
		}
		for _, l := range langs {
			plain(el(tt, "cac:Language"), "cbc:ID", l)
		}
	}
	if competition {
		pa := el(tt, "cac:PostAwardProcess")
		indicator(pa, "cbc:ElectronicOrderUsageIndicator", boolOr(t.EOrdering, false))
		indicator(pa, "cbc:ElectronicPaymentUsageIndicator", boolOr(t.EPayment, true))
	}
}

func boolOr(p *bool, def bool) bool {
	if p == nil {
		return def
	}
	return *p
}

// minCandidates is BT-50: the input, or the minimum of article 65 of
// directive 2014/24/EU (5 in a restricted procedure, 3 otherwise).
func (g *gen) minCandidates(pc string) int {
	if m := g.n.Procedure.MinCandidates; m > 0 {
		return m
	}
	if pc == "restricted" {
		return 5
	}
	return 3
}

// criteria writes cac:AwardingTerms/cac:AwardingCriterion with one
// cac:SubordinateAwardingCriterion per criterion. XSD order of UBL
// AwardingCriterionType: UBLExtensions (efac:AwardCriterionParameter:
// ParameterCode number-weight "per-exa" BT-5421, ParameterNumeric BT-541),
// AwardingCriterionTypeCode (BT-539), Description (BT-540).
func (g *gen) criteria(tt *etree.Element, lv lotView) {
	at := el(tt, "cac:AwardingTerms")
	if pc, _ := g.procedureCode(); pc == "neg-w-call" && g.sub == ContractNotice {
		// BT-120 (BR-BT-00120-0022).
		indicator(at, "cbc:NoFurtherNegotiationIndicator", g.n.Procedure.AwardWithoutNegotiation)
	}
	ac := el(at, "cac:AwardingCriterion")
	for i, cr := range lv.criteria {
		p := lv.critPath + "[" + strconv.Itoa(i) + "]"
		sub := el(ac, "cac:SubordinateAwardingCriterion")
		if cr.Weight > 0 {
			par := path(sub, "ext:UBLExtensions", "ext:UBLExtension", "ext:ExtensionContent", "efext:EformsExtension", "efac:AwardCriterionParameter")
			code(par, "efbc:ParameterCode", "number-weight", "per-exa")
			plain(par, "efbc:ParameterNumeric", strconv.Itoa(cr.Weight))
		}
		kind := cr.Kind.String()
		if !cr.Kind.Valid() {
			g.fail(p+".kind", kind, ErrRequired, "")
		}
		code(sub, "cbc:AwardingCriterionTypeCode", "award-criterion-type", kind)
		if blank(cr.Name) {
			g.fail(p+".name", cr.Name, ErrRequired, "")
		}
		// BT-540, the description: the criterion as the documents state
		// it. BT-734 (name) is left out: the SDK allows it only beside a
		// description, and the model has one text per criterion.
		g.mtext(sub, "cbc:Description", cr.Name, g.lang, p+".name")
	}
}

// lotProcess writes the lot's cac:TenderingProcess. XSD order of UBL
// TenderingProcessType (SDK 1.15.1): SubmissionMethodCode (BT-17),
// GovernmentAgreementConstraintIndicator (BT-115),
// TenderSubmissionDeadlinePeriod (BT-131), ParticipationRequestReceptionPeriod
// (BT-1311), EconomicOperatorShortList (BT-661, BT-51, BT-50),
// OpenTenderEvent (BT-132), AuctionTerms (BT-767), FrameworkAgreement
// (BT-113, BT-109),
// ContractingSystem framework-agreement (BT-765), ContractingSystem
// dps-usage (BT-766).
func (g *gen) lotProcess(lot *etree.Element, lv lotView) {
	t := lv.terms
	c := g.n.Consultation
	tp := el(lot, "cac:TenderingProcess")
	competition := g.sub == ContractNotice || g.sub == SocialContractNotice
	if competition {
		sub := t.ESubmission
		if sub == "" {
			sub = "required"
		}
		code(tp, "cbc:SubmissionMethodCode", "esubmission", sub)
	}
	pc, _ := g.procedureCode()
	staged := pc == "neg-w-call" || pc == "comp-dial" || pc == "innovation"
	if g.sub == ContractNotice && staged {
		indicator(tp, "cbc:CandidateReductionConstraintIndicator", g.n.Procedure.SuccessiveReduction)
	}
	if g.sub == ContractNotice || g.sub == AwardNotice || g.sub == PINShortening {
		// BT-115 is forbidden in the light regime (BR-BT-00115-0078, -0093).
		indicator(tp, "cbc:GovernmentAgreementConstraintIndicator", boolOr(t.GPA, true))
	}
	if competition {
		if !c.TendersDeadline.IsZero() {
			d := el(tp, "cac:TenderSubmissionDeadlinePeriod")
			plain(d, "cbc:EndDate", formatDateAt(c.TendersDeadline))
			plain(d, "cbc:EndTime", formatTimeAt(c.TendersDeadline))
		}
		if !c.ApplicationsDeadline.IsZero() {
			d := el(tp, "cac:ParticipationRequestReceptionPeriod")
			plain(d, "cbc:EndDate", formatDateAt(c.ApplicationsDeadline))
			plain(d, "cbc:EndTime", formatTimeAt(c.ApplicationsDeadline))
		}
	}
	if competition && pc != "open" && pc != "oth-single" {
		// BT-661 (BR-BT-00661-0022: whether the number of candidates is
		// limited, an indicator written as text), BT-51, BT-50
		// (BR-BT-00050-0022). XSD order: LimitationDescription,
		// MaximumQuantity, MinimumQuantity.
		sl := el(tp, "cac:EconomicOperatorShortList")
		indicator(sl, "cbc:LimitationDescription", g.n.Procedure.MaxCandidates > 0)
		if m := g.n.Procedure.MaxCandidates; m > 0 {
			plain(sl, "cbc:MaximumQuantity", strconv.Itoa(m))
		}
		plain(sl, "cbc:MinimumQuantity", strconv.Itoa(g.minCandidates(pc)))
	}
	if competition && !t.Opening.IsZero() {
		// BT-132: OpenTenderEvent (OccurrenceDate, OccurrenceTime).
		ev := el(tp, "cac:OpenTenderEvent")
		plain(ev, "cbc:OccurrenceDate", formatDateAt(t.Opening))
		plain(ev, "cbc:OccurrenceTime", formatTimeAt(t.Opening))
	}
	if g.sub != PINShortening {
		indicator(el(tp, "cac:AuctionTerms"), "cbc:AuctionConstraintIndicator", boolOr(t.Auction, false))
	}
	fa := t.FrameworkAgreement
	faType := fa.Type
	if faType == "" {
		faType = "none"
	}
	if faType != "none" && (fa.MaxOperators > 0 || !blank(fa.Justification)) && !g.sub.isAward() {
		f := el(tp, "cac:FrameworkAgreement")
		if fa.MaxOperators > 0 {
			plain(f, "cbc:MaximumOperatorQuantity", strconv.Itoa(fa.MaxOperators))
		}
		g.mtext(f, "cbc:Justification", fa.Justification, g.lang, lv.termPath("frameworkAgreement")+".justification")
	}
	code(el(tp, "cac:ContractingSystem"), "cbc:ContractingSystemTypeCode", "framework-agreement", faType)
	dps := t.DPS
	if dps == "" {
		dps = "none"
	}
	code(el(tp, "cac:ContractingSystem"), "cbc:ContractingSystemTypeCode", "dps-usage", dps)
}

// lotProject writes the lot's cac:ProcurementProject. XSD order: Name
// (BT-21), Description (BT-24), ProcurementTypeCode (BT-23),
// RequestedTenderTotal/EstimatedOverallContractAmount (BT-27),
// MainCommodityClassification (BT-262), RealizedLocation (BT-5071),
// PlannedPeriod (StartDate BT-536, EndDate BT-537, DurationMeasure BT-36),
// ContractExtension (OptionsDescription BT-54, MaximumNumberNumeric
// BT-58, Renewal/Period/Description BT-57).
func (g *gen) lotProject(lot *etree.Element, lv lotView) {
	t := lv.terms
	c := g.n.Consultation
	pp := el(lot, "cac:ProcurementProject")
	g.mtext(pp, "cbc:Name", lv.title, g.lang, lv.field+".title")
	descField := lv.field + ".description"
	if lv.desc == lv.title {
		descField = lv.field + ".title" // the description defaults to the title
	}
	g.mtext(pp, "cbc:Description", lv.desc, g.lang, descField)
	code(pp, "cbc:ProcurementTypeCode", "contract-nature", natureCode(c.Nature))
	if lv.value.IsPositive() {
		amount(el(pp, "cac:RequestedTenderTotal"), "cbc:EstimatedOverallContractAmount", lv.value)
	}
	code(el(pp, "cac:MainCommodityClassification"), "cbc:ItemClassificationCode", "cpv", cpvCode(lv.cpv))
	nuts := t.NUTS
	if nuts == "" {
		nuts = c.Buyer.Address.NUTS
	}
	g.place(pp, nuts)
	per := el(pp, "cac:PlannedPeriod")
	if !t.End.IsZero() {
		if !t.Start.IsZero() {
			plain(per, "cbc:StartDate", formatDateIn(t.Start, g.loc))
		}
		plain(per, "cbc:EndDate", formatDateIn(t.End, g.loc))
	} else {
		months := t.DurationMonths
		if months == 0 {
			months = c.DurationMonths
		}
		if months > 0 {
			measure(per, "cbc:DurationMeasure", "MONTH", months)
		} else {
			pp.RemoveChild(per)
		}
	}
	if g.sub == PINInformation {
		return // no BT-54, BT-57, BT-58 for parts (subtype 4)
	}
	opts := t.OptionsDescription
	if blank(opts) && lv.options.IsPositive() {
		opts = "Options d'un montant estimé de " + formatAmount(lv.options) + " EUR HT."
	}
	renewals := c.Renewals
	if t.MaxRenewals > 0 && t.MaxRenewals != renewals.Count {
		renewals = procurement.Renewals{Count: t.MaxRenewals}
	}
	ren := t.RenewalDescription
	if blank(ren) && renewals.Count > 0 {
		ren = renewalText(renewals)
	}
	if blank(opts) && renewals.Count <= 0 && blank(ren) {
		return
	}
	ce := el(pp, "cac:ContractExtension")
	g.mtext(ce, "cbc:OptionsDescription", opts, g.lang, lv.termPath("optionsDescription"))
	if renewals.Count > 0 {
		plain(ce, "cbc:MaximumNumberNumeric", strconv.Itoa(renewals.Count))
	}
	if !blank(ren) {
		g.mtext(path(ce, "cac:Renewal", "cac:Period"), "cbc:Description", ren, g.lang, lv.termPath("renewalDescription"))
	}
}

// renewalText is the default renewal description (BT-57), in French.
func renewalText(r procurement.Renewals) string {
	s := "Reconductible " + strconv.Itoa(r.Count) + " fois"
	if r.Months > 0 {
		s += " pour " + strconv.Itoa(r.Months) + " mois"
	}
	return s + "."
}
