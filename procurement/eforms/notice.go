package eforms

import (
	"strconv"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/procurement"
	"github.com/shopspring/decimal"
)

// Subtype is an eForms notice subtype (field OPP-070-notice), one of those
// a French contracting authority publishes under directive 2014/24/EU. The
// subtype decides the root element, the notice type (BT-02), the form
// type (BT-03) and which rules of the SDK apply. The zero Subtype is unset;
// codes are stable and only ever added at the end.
//
// Facts from eForms SDK 1.15.1, notice-types/notice-types.json:
//
//	subtype  root                     form type  notice type
//	4        PriorInformationNotice   planning     pin-only
//	7        PriorInformationNotice   planning     pin-rtl
//	16       ContractNotice           competition  cn-standard
//	20       ContractNotice           competition  cn-social
//	29       ContractAwardNotice      result       can-standard
//	33       ContractAwardNotice      result       can-social
type Subtype int

const (
	// ContractNotice is subtype 16: contract notice, standard regime (avis
	// de marché).
	ContractNotice Subtype = iota + 1
	// AwardNotice is subtype 29: contract award notice, standard regime
	// (avis d'attribution).
	AwardNotice
	// SocialContractNotice is subtype 20: contract notice, light regime for
	// social and other specific services (services sociaux et autres
	// services spécifiques, R2123-1 3° of the Code de la commande publique).
	SocialContractNotice
	// SocialAwardNotice is subtype 33: award notice, light regime.
	SocialAwardNotice
	// PINInformation is subtype 4: prior information notice used only for
	// information (avis de préinformation).
	PINInformation
	// PINShortening is subtype 7: prior information notice used to shorten
	// the time limits for receipt of tenders (R2161-3).
	PINShortening
)

var subtypeCodes = [...]string{"", "16", "29", "20", "33", "4", "7"}

// String returns the subtype code: "16", "29", "20", "33", "4" or "7".
func (s Subtype) String() string {
	if !s.Valid() {
		return "Subtype(" + strconv.Itoa(int(s)) + ")"
	}
	return subtypeCodes[s]
}

// Valid reports whether s is a known, set subtype.
func (s Subtype) Valid() bool { return s > 0 && int(s) < len(subtypeCodes) }

// ParseSubtype parses a subtype code ("16"); an unknown or unsupported
// code fails with ErrUnknownSubtype.
func ParseSubtype(code string) (Subtype, error) {
	for i := 1; i < len(subtypeCodes); i++ {
		if subtypeCodes[i] == code {
			return Subtype(i), nil
		}
	}
	return 0, &FieldError{Field: "notice.subtype", Value: code, Err: ErrUnknownSubtype}
}

// MarshalText encodes the code; an unset subtype is an error.
func (s Subtype) MarshalText() ([]byte, error) {
	if !s.Valid() {
		return nil, &FieldError{Field: "notice.subtype", Value: s.String(), Err: ErrUnknownSubtype}
	}
	return []byte(s.String()), nil
}

// UnmarshalText decodes a code; see ParseSubtype.
func (s *Subtype) UnmarshalText(b []byte) error {
	v, err := ParseSubtype(string(b))
	if err == nil {
		*s = v
	}
	return err
}

// kind of document and result, by subtype.
func (s Subtype) isAward() bool { return s == AwardNotice || s == SocialAwardNotice }
func (s Subtype) isPIN() bool   { return s == PINInformation || s == PINShortening }
func (s Subtype) isSocial() bool {
	return s == SocialContractNotice || s == SocialAwardNotice
}

// Notice is everything an eForms notice is generated from: the procurement
// model (Consultation) and what a notice needs beyond it. It is also what
// Parse returns. The JSON form (DecodeNotice, MarshalNotice) uses the
// names in parentheses; schema/notice.schema.json describes it.
//
// The zero value of every field means "not given", and many have
// documented defaults, so that a small input gives a complete notice.
// Generate never modifies a Notice.
type Notice struct {
	// Metadata identifies the notice itself ("notice").
	Metadata Metadata `json:"notice"`
	// Consultation is the procurement model ("consultation"): buyer,
	// nature, procedure, CPV, lots, values, award criteria, dates,
	// tenderers and awards.
	Consultation procurement.Consultation `json:"consultation"`
	// Buyer completes the consultation's buyer ("buyer").
	Buyer BuyerDetails `json:"buyer,omitzero"`
	// ReviewBody is the body responsible for review procedures (instance
	// chargée des procédures de recours: the tribunal administratif),
	// required ("reviewBody"). It also gives information about review
	// unless Terms.ReviewDeadlines is set.
	ReviewBody Organization `json:"reviewBody,omitzero"`
	// Procedure holds procedure-wide terms ("procedure").
	Procedure ProcedureTerms `json:"procedure,omitzero"`
	// Terms are the terms of every lot ("terms"); Lots overrides them lot
	// by lot.
	Terms Terms `json:"terms,omitzero"`
	// Lots are per-lot overrides of Terms ("lots"), by lot number (0 for
	// a consultation without lots), each number at most once.
	Lots []LotTerms `json:"lots,omitempty"`
	// Tenderers complete the consultation's tenderers ("tenderers"), by id;
	// award notices only.
	Tenderers []TendererDetails `json:"tenderers,omitempty"`
	// Results are the tenders and unsuccessful lots of an award notice
	// ("results"); the awards themselves are Consultation.Awards.
	Results Results `json:"results,omitzero"`
}

// Metadata identifies a notice: its subtype, identifiers, version, dispatch
// time, language, the eSender and, for a change notice, what it changes.
type Metadata struct {
	// Subtype is the notice subtype ("subtype", "16"), required.
	Subtype Subtype `json:"subtype,omitzero"`
	// ID is the notice identifier, BT-701 ("id"): a lower-case UUID of
	// version 4. Empty derives one from the procedure identifier, the
	// subtype, the version and the dispatch time (see DeriveUUID).
	ID string `json:"id,omitempty"`
	// ProcedureID is the procedure identifier, BT-04 ("procedureId"),
	// the same on every notice of the procedure. Empty derives one from the
	// buyer's SIRET and the consultation reference.
	ProcedureID string `json:"procedureId,omitempty"`
	// Version is the notice version, BT-757 ("version"): two digits "01"
	// to "99"; empty means "01".
	Version string `json:"version,omitempty"`
	// Dispatch is the dispatch date and time of the notice, BT-05
	// ("dispatch", RFC 3339 with an offset), required; written with its
	// own offset.
	Dispatch time.Time `json:"dispatch,omitzero"`
	// Language is the notice language, BT-702 ("language"): an EU language
	// code; empty means "FRA". Every text of the notice is in it.
	Language string `json:"language,omitempty"`
	// ESender is the eSender that transmits the notice to TED ("eSender"),
	// optional; written with the role ted-esen (OPT-030).
	ESender *Organization `json:"eSender,omitempty"`
	// Change makes the notice a change notice (avis rectificatif) of a
	// published notice ("change"), optional.
	Change *Change `json:"change,omitempty"`
}

// Change describes a change notice (corrigendum): the notice it changes
// and why. The change notice repeats the whole corrected notice.
type Change struct {
	// Notice is the changed notice, BT-758 ("notice"):
	// "<notice UUID>-<version>", e.g. "1c8f5c1e-...-01", required.
	Notice string `json:"notice,omitempty"`
	// Reason is the change reason code, BT-140 ("reason", codelist
	// change-corrig-justification: cor-buy, cor-esen, cor-pub, update-add,
	// cancel, ...), required.
	Reason string `json:"reason,omitempty"`
	// Description explains the change, BT-762 ("description"), optional.
	Description string `json:"description,omitempty"`
	// Items describe each change, BT-141 with the sections it touches,
	// BT-13716 ("changes"), optional.
	Items []ChangeItem `json:"changes,omitempty"`
}

// ChangeItem is one described change of a change notice.
type ChangeItem struct {
	// Description is the description of the change, BT-141
	// ("description"), required.
	Description string `json:"description,omitempty"`
	// Sections are the identifiers of the changed sections, BT-13716
	// ("sections": "LOT-0001", "ORG-0001"...), optional.
	Sections []string `json:"sections,omitempty"`
}

// BuyerDetails completes procurement.Buyer with what a notice shows.
type BuyerDetails struct {
	// LegalType is the buyer legal type, BT-11 ("legalType", codelist
	// buyer-legal-type); empty derives it from the buyer kind: state →
	// cga, local_authority → la, health and other_contracting_authority →
	// body-pl, public_undertaking → pub-undert.
	LegalType string `json:"legalType,omitempty"`
	// Activity is the buyer's main activity, BT-10 ("activity", codelist
	// authority-activity); empty means gen-pub (general public services).
	Activity string `json:"activity,omitempty"`
	// Telephone is the buyer's telephone, BT-503 ("telephone"), required
	// in contract and prior information notices.
	Telephone string `json:"telephone,omitempty"`
	// Email is the buyer's e-mail, BT-506 ("email"), required in contract
	// and prior information notices.
	Email string `json:"email,omitempty"`
	// Website is the buyer's internet address, BT-505 ("website").
	Website string `json:"website,omitempty"`
	// Profile is the buyer profile URL (profil d'acheteur), BT-508
	// ("profile").
	Profile string `json:"profile,omitempty"`
	// CentralPurchasingBody reports a buyer that awards contracts or
	// framework agreements for other buyers (centrale d'achat), OPP-051
	// ("centralPurchasingBody"); written when true, and (as false) when a
	// lot uses a dynamic purchasing system open to other buyers
	// (dps-nlist), where the SDK requires it.
	CentralPurchasingBody bool `json:"centralPurchasingBody,omitempty"`
}

// Organization is an organisation other than the buyer: the review body,
// the eSender, a tenderer's details.
type Organization struct {
	// Name is the organisation's name, BT-500 ("name"), required.
	Name string `json:"name,omitempty"`
	// CompanyID is its legal identifier, BT-501 ("companyId": the SIRET
	// for a French organisation), required.
	CompanyID string `json:"companyId,omitempty"`
	// Address is its postal address ("address"); the city is required.
	Address Address `json:"address"`
	// Telephone, BT-503 ("telephone").
	Telephone string `json:"telephone,omitempty"`
	// Email, BT-506 ("email").
	Email string `json:"email,omitempty"`
	// Website, BT-505 ("website").
	Website string `json:"website,omitempty"`
}

// Address is a postal address with its NUTS code and country.
type Address struct {
	// Street, BT-510 ("street").
	Street string `json:"street,omitempty"`
	// PostalCode, BT-512 ("postalCode").
	PostalCode string `json:"postalCode,omitempty"`
	// City, BT-513 ("city").
	City string `json:"city,omitempty"`
	// NUTS is the NUTS 3 code, BT-507 ("nuts": "FR101").
	NUTS string `json:"nuts,omitempty"`
	// Country is the ISO 3166-1 alpha-3 country code, BT-514 ("country");
	// empty means "FRA".
	Country string `json:"country,omitempty"`
}

// ProcedureTerms are the procedure-wide terms of a notice.
type ProcedureTerms struct {
	// Code overrides the procedure type, BT-105 ("code", codelist
	// procurement-procedure-type); empty derives it from the consultation's
	// procedure: ouvert → open, restreint → restricted, negocie →
	// neg-w-call, dialogue → comp-dial, partenariat_innovation →
	// innovation, adapte → oth-single (light regime).
	Code string `json:"code,omitempty"`
	// Features describes the main features of the procedure, BT-88
	// ("features"); required for subtype 20.
	Features string `json:"features,omitempty"`
	// Accelerated reports an accelerated procedure (urgence), BT-106
	// ("accelerated"); Justification gives the reason, BT-1351
	// ("acceleratedJustification").
	Accelerated bool `json:"accelerated,omitempty"`
	// AcceleratedJustification, BT-1351.
	AcceleratedJustification string `json:"acceleratedJustification,omitempty"`
	// MaxLotsSubmitted is the maximum number of lots one tenderer may bid
	// for, BT-31 ("maxLotsSubmitted"); 0 means every lot. Written when the
	// consultation has several lots.
	MaxLotsSubmitted int `json:"maxLotsSubmitted,omitempty"`
	// MaxLotsAwarded is the maximum number of lots one tenderer may be
	// awarded, BT-33 ("maxLotsAwarded"); 0 means every lot.
	MaxLotsAwarded int `json:"maxLotsAwarded,omitempty"`
	// MinCandidates is the minimum number of candidates invited to
	// tender, BT-50 ("minCandidates"), for procedures other than open ones;
	// 0 means the directive's minimum (article 65: 5 for a restricted
	// procedure, 3 for the others).
	MinCandidates int `json:"minCandidates,omitempty"`
	// MaxCandidates is the maximum number of candidates invited, BT-51
	// ("maxCandidates"); 0 means not stated.
	MaxCandidates int `json:"maxCandidates,omitempty"`
	// SuccessiveReduction reports a procedure in successive stages that
	// reduces the number of solutions or tenders, BT-52
	// ("successiveReduction"); written for negotiated procedures,
	// competitive dialogues and innovation partnerships.
	SuccessiveReduction bool `json:"successiveReduction,omitempty"`
	// AwardWithoutNegotiation reports that the buyer may award on the
	// initial tenders without negotiation, BT-120
	// ("awardWithoutNegotiation"); written for negotiated procedures.
	AwardWithoutNegotiation bool `json:"awardWithoutNegotiation,omitempty"`
	// ExclusionGrounds is where the exclusion grounds are stated, BT-806
	// ("exclusionGrounds", codelist exclusion-grounds-source); empty means
	// epo-procurement-document.
	ExclusionGrounds string `json:"exclusionGrounds,omitempty"`
}

// Terms are the eForms terms of a lot that the procurement model does not
// carry. In Notice.Terms they apply to every lot; in a LotTerms, every
// non-zero field overrides the one in Notice.Terms for that lot. Empty
// fields take the defaults documented here.
type Terms struct {
	// NUTS is the place of performance, BT-5071 ("nuts": NUTS 3); empty
	// means the buyer's NUTS code.
	NUTS string `json:"nuts,omitempty"`
	// DurationMonths is the duration of the lot's contract in months,
	// BT-36 ("durationMonths"); 0 means Consultation.DurationMonths.
	DurationMonths int `json:"durationMonths,omitempty"`
	// Start and End are the planned start and end dates, BT-536 and BT-537
	// ("start", "end"); when End is set, the dates replace the duration.
	Start calendar.Date `json:"start,omitzero"`
	// End, BT-537.
	End calendar.Date `json:"end,omitzero"`
	// OptionsDescription describes the options, BT-54
	// ("optionsDescription"); empty writes one from the lot's options value
	// when it is > 0.
	OptionsDescription string `json:"optionsDescription,omitempty"`
	// MaxRenewals is the maximum number of renewals, BT-58
	// ("maxRenewals"); 0 means Consultation.Renewals.Count.
	MaxRenewals int `json:"maxRenewals,omitempty"`
	// RenewalDescription describes the renewals, BT-57
	// ("renewalDescription"); empty writes one from
	// Consultation.Renewals when there are renewals.
	RenewalDescription string `json:"renewalDescription,omitempty"`
	// DocumentsURL is the address of the procurement documents, BT-15
	// ("documentsUrl"), required in contract notices.
	DocumentsURL string `json:"documentsUrl,omitempty"`
	// SubmissionURL is the electronic submission address, BT-18
	// ("submissionUrl"), required in contract notices.
	SubmissionURL string `json:"submissionUrl,omitempty"`
	// ESubmission is the electronic submission code, BT-17
	// ("eSubmission": required, allowed, not-allowed); empty means
	// required (dématérialisation, R2132-7).
	ESubmission string `json:"eSubmission,omitempty"`
	// Opening is the date and time of the opening of tenders, BT-132
	// ("opening", RFC 3339 with an offset), optional; written with its own
	// offset, in contract notices.
	Opening time.Time `json:"opening,omitzero"`
	// Languages are the languages in which tenders may be submitted,
	// BT-97 ("languages"); empty means the notice language.
	Languages []string `json:"languages,omitempty"`
	// EInvoicing is the electronic invoicing code, BT-743 ("eInvoicing":
	// required, allowed, not-allowed); empty means required (Chorus Pro).
	EInvoicing string `json:"eInvoicing,omitempty"`
	// ECatalogue is the electronic catalogue code, BT-764 ("eCatalogue");
	// empty means not-allowed.
	ECatalogue string `json:"eCatalogue,omitempty"`
	// EOrdering reports electronic ordering, BT-92 ("eOrdering"); nil
	// means false.
	EOrdering *bool `json:"eOrdering,omitempty"`
	// EPayment reports electronic payment, BT-93 ("ePayment"); nil means
	// true.
	EPayment *bool `json:"ePayment,omitempty"`
	// Auction reports an electronic auction, BT-767 ("auction"); nil means
	// false.
	Auction *bool `json:"auction,omitempty"`
	// GPA reports coverage by the WTO Government Procurement Agreement,
	// BT-115 ("gpa"); nil means true.
	GPA *bool `json:"gpa,omitempty"`
	// EUFunds is the EU funding code, BT-60 ("euFunds": eu-funds,
	// no-eu-funds); empty means no-eu-funds.
	EUFunds string `json:"euFunds,omitempty"`
	// ReservedParticipation is the reserved participation code, BT-71
	// ("reservedParticipation": none, res-ws, res-pub-ser); empty means
	// none.
	ReservedParticipation string `json:"reservedParticipation,omitempty"`
	// ReservedExecution is the reserved execution code, BT-736
	// ("reservedExecution": yes, no); empty means no.
	ReservedExecution string `json:"reservedExecution,omitempty"`
	// SelectionCriteria is where the selection criteria are stated,
	// BT-821 ("selectionCriteria"); empty means epo-procurement-document.
	SelectionCriteria string `json:"selectionCriteria,omitempty"`
	// Guarantee describes the tender guarantee required, BT-75
	// ("guarantee"); set, it also writes BT-751 (guarantee required).
	Guarantee string `json:"guarantee,omitempty"`
	// ReviewDeadlines describes the time limits for review, BT-99
	// ("reviewDeadlines"); empty names the review body as the source of
	// information about review (OPT-301-Lot-ReviewInfo) instead.
	ReviewDeadlines string `json:"reviewDeadlines,omitempty"`
	// FrameworkAgreement describes a framework agreement (accord-cadre),
	// BT-765 ("frameworkAgreement"); the zero value means none.
	FrameworkAgreement FrameworkAgreement `json:"frameworkAgreement,omitzero"`
	// DPS is the dynamic purchasing system code, BT-766 ("dps": none,
	// dps-list, dps-nlist); empty means none.
	DPS string `json:"dps,omitempty"`
}

// FrameworkAgreement describes a framework agreement.
type FrameworkAgreement struct {
	// Type is the framework agreement code, BT-765 ("type": fa-wo-rc
	// without reopening of competition, fa-w-rc with it, fa-mix),
	// required when the agreement is described.
	Type string `json:"type,omitempty"`
	// MaxOperators is the maximum number of participants, BT-113
	// ("maxOperators"); 0 means not stated (no limit for fa-wo-rc with a
	// single operator is written as 1).
	MaxOperators int `json:"maxOperators,omitempty"`
	// Justification justifies a duration beyond four years, BT-109
	// ("justification").
	Justification string `json:"justification,omitempty"`
}

// LotTerms overrides Notice.Terms for one lot.
type LotTerms struct {
	// Number is the lot number ("number"): a lot of the consultation, or
	// 0 for a consultation without lots.
	Number int `json:"number"`
	// Terms are the lot's overrides: every non-zero field replaces the one
	// of Notice.Terms.
	Terms
}

// TendererDetails completes a consultation tenderer (procurement.Tenderer)
// for an award notice.
type TendererDetails struct {
	// ID is the tenderer's id in Consultation.Tenderers ("id"), required.
	ID string `json:"id,omitempty"`
	// CompanyID is the tenderer's legal identifier, BT-501 ("companyId"),
	// for a tenderer without SIRET (a foreign operator: its VAT or
	// national registration number); empty means the tenderer's SIRET.
	CompanyID string `json:"companyId,omitempty"`
	// Address is the tenderer's address ("address"); the city is required
	// for every tenderer named in the notice.
	Address Address `json:"address"`
	// Telephone, BT-503 ("telephone").
	Telephone string `json:"telephone,omitempty"`
	// Email, BT-506 ("email").
	Email string `json:"email,omitempty"`
	// Size is the company size, BT-165 ("size": micro, small, medium,
	// large, sme); empty means sme for a tenderer flagged SME and large
	// otherwise.
	Size string `json:"size,omitempty"`
}

// Results are what an award notice says besides the awards
// (Consultation.Awards): the other tenders received and the lots closed
// without a winner.
type Results struct {
	// Tenders are the tenders received, by lot ("tenders"). The winning
	// tender of each award is written from the award; listing it here too
	// is allowed, with the award's amount or none. The number of tenders
	// received per lot (BT-759) counts the winners and these.
	Tenders []Tender `json:"tenders,omitempty"`
	// NoAward are the lots closed without a winner ("noAward").
	NoAward []NoAward `json:"noAward,omitempty"`
	// Contracts are the contracts concluded, one per award ("contracts"),
	// required in award notices.
	Contracts []Contract `json:"contracts,omitempty"`
}

// Tender is one tender received for a lot.
type Tender struct {
	// Lot is the lot number ("lot"); 0 for a consultation without lots.
	Lot int
	// Tenderer is the tenderer's id in Consultation.Tenderers
	// ("tenderer"), required.
	Tenderer string
	// Amount is the tender's value HT, BT-720 ("amount"), optional; > 0
	// and exact to the cent when given.
	Amount decimal.Decimal
	// Subcontracting says whether the tender involves subcontracting,
	// BT-773 ("subcontracting": yes, no, not-known); empty means
	// not-known.
	Subcontracting string
}

// Contract is the contract concluded after an award.
type Contract struct {
	// Lot is the lot number ("lot"); 0 for a consultation without lots.
	Lot int
	// Tenderer is the id of the awarded tenderer ("tenderer"), required;
	// the pair (Lot, Tenderer) names one of Consultation.Awards.
	Tenderer string
	// Signed is the date the contract was concluded (signature), BT-145
	// ("signed"), required; not before the award decision date.
	Signed calendar.Date
	// Reference is the contract identifier, BT-150 ("reference"); empty
	// writes "<consultation reference> <LOT-id>".
	Reference string
}

// NoAward is a lot closed without a winner.
type NoAward struct {
	// Lot is the lot number ("lot"); 0 for a consultation without lots.
	Lot int `json:"lot"`
	// Reason is the reason code, BT-144 ("reason", codelist
	// non-award-justification: no-rece no tenders received, all-rej all
	// tenders rejected, chan-need, ins-fund, ...), required.
	Reason string `json:"reason,omitempty"`
}
