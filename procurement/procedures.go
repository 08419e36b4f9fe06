package procurement

import (
	"encoding/json"
	"strconv"
	"sync"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/shopspring/decimal"
)

// Procedures and publicity (notes for doc.go).
//
// Rulebook.Rules answers, for a buyer kind, a contract nature, the
// estimated value of the whole operation and its launch date, which award
// procedures are open to the buyer and which publicity the law requires,
// each answer with its reason and article. The value that counts is the
// estimated value excluding VAT of the whole operation: every lot, option
// and renewal (CCP R2121-1). The regime follows from three thresholds of
// the table in force on the launch date:
//
//   - value < dispense threshold (R2122-8): a contract may be awarded
//     without publicity or competition;
//   - dispense <= value < EU threshold: adapted procedure (MAPA, R2123-1
//     1°), with a BOAMP or JAL notice from 90 000 € for the State, local
//     authorities and their public establishments (R2131-12);
//   - value >= EU threshold (L2124-1: "égale ou supérieure"): formalised
//     procedure, notice in the OJEU (eForms) and, for those buyers, the
//     BOAMP.
//
// Answers whose article number could not be confirmed against the text of
// the code carry Unconfirmed, and their Basis says so; see each answer.
// Not covered: social and other specific services (light regime),
// concessions, defence and security contracts, design contests, and the
// cases of R2122-1 to R2122-11 in which a contract may be awarded without
// publicity whatever its value (reported as a "conditional" answer).

// Rulebook evaluates the procurement rules of this package against
// versioned tables and a calendar. It is immutable and safe for concurrent
// use.
type Rulebook struct {
	thresholds *ThresholdTable
	limits     *TimeLimitTable
	cal        *calendar.Calendar
}

// RulebookConfig describes a Rulebook. Zero fields mean the documented
// defaults.
type RulebookConfig struct {
	// Thresholds is the threshold table; nil means DefaultThresholds().
	Thresholds *ThresholdTable
	// TimeLimits is the minimum time-limit table; nil means
	// DefaultTimeLimits().
	TimeLimits *TimeLimitTable
	// Calendar gives the public holidays that extend periods (use the
	// territory of the buyer: "67" for Strasbourg, "974" for La Réunion).
	// Nil means metropolitan France with national holidays ("FR"); only
	// its dates are used, never its clock.
	Calendar *calendar.Calendar
}

var defaultRulesCalendar = sync.OnceValues(func() (*calendar.Calendar, error) {
	// The rules count whole days; the location only matters for
	// business-hours arithmetic, which they never do. UTC avoids loading a
	// zone from the system.
	return calendar.New(calendar.Config{Territory: "FR", Location: time.UTC})
})

// NewRulebook returns the rulebook described by cfg. It fails only when
// the default calendar cannot be built.
func NewRulebook(cfg RulebookConfig) (*Rulebook, error) {
	rb := &Rulebook{thresholds: cfg.Thresholds, limits: cfg.TimeLimits, cal: cfg.Calendar}
	if rb.thresholds == nil {
		rb.thresholds = DefaultThresholds()
	}
	if rb.limits == nil {
		rb.limits = DefaultTimeLimits()
	}
	if rb.cal == nil {
		c, err := defaultRulesCalendar()
		if err != nil {
			return nil, err
		}
		rb.cal = c
	}
	return rb, nil
}

// Thresholds returns the rulebook's threshold table.
func (rb *Rulebook) Thresholds() *ThresholdTable { return rb.thresholds }

// TimeLimits returns the rulebook's time-limit table.
func (rb *Rulebook) TimeLimits() *TimeLimitTable { return rb.limits }

// Calendar returns the calendar whose holidays extend periods.
func (rb *Rulebook) Calendar() *calendar.Calendar { return rb.cal }

// RulesInput is what the choice of procedure and publicity depends on.
type RulesInput struct {
	// BuyerKind is the legal category of the buyer.
	BuyerKind BuyerKind `json:"buyerKind"`
	// Nature is works, supplies or services.
	Nature Nature `json:"nature"`
	// EstimatedValue is the estimated value in euros excluding VAT of the
	// whole operation: all lots, options and renewals (CCP R2121-1). It
	// must be > 0.
	EstimatedValue decimal.Decimal `json:"estimatedValue"`
	// LaunchDate is the day the consultation is launched: the call for
	// competition sent for publication, or the consultation otherwise
	// engaged. It selects the thresholds in force.
	LaunchDate calendar.Date `json:"launchDate"`
	// Lots, when the contract is divided into lots, gives each lot's
	// estimated value, for the small-lots allowance (R2123-1 2°).
	Lots []RulesLot `json:"lots,omitempty"`
}

// RulesLot is one lot of an operation divided into lots.
type RulesLot struct {
	// Ref identifies the lot ("1", "lot-hosting").
	Ref string `json:"ref"`
	// EstimatedValue is the lot's estimated value in euros excluding VAT,
	// options and renewals included; it must be > 0.
	EstimatedValue decimal.Decimal `json:"estimatedValue"`
}

// Regime is the family of procedures the value opens. The zero Regime is
// unset.
type Regime int

const (
	// RegimeDispense: below the dispense threshold, no publicity or
	// competition is required (R2122-8).
	RegimeDispense Regime = iota + 1
	// RegimeAdapted: adapted procedure (MAPA), below the EU thresholds.
	RegimeAdapted
	// RegimeFormalised: formalised procedure, at or above the EU
	// thresholds.
	RegimeFormalised
)

var regimeCodes = [...]string{"", "dispense", "adapted", "formalised"}

// String returns the stable code: "dispense", "adapted" or "formalised".
func (r Regime) String() string { return codeOf(regimeCodes[:], int(r), "Regime") }

// MarshalText encodes the code.
func (r Regime) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// Allowance says whether a procedure is open to the buyer. The zero
// Allowance is unset.
type Allowance int

const (
	// AllowedAlways: the buyer may use the procedure at this value.
	AllowedAlways Allowance = iota + 1
	// AllowedConditional: only in the cases the basis lists (to be
	// justified by the buyer).
	AllowedConditional
)

var allowanceCodes = [...]string{"", "always", "conditional"}

// String returns the stable code: "always" or "conditional".
func (a Allowance) String() string { return codeOf(allowanceCodes[:], int(a), "Allowance") }

// MarshalText encodes the code.
func (a Allowance) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// Medium is a publicity medium or obligation. The zero Medium is unset.
type Medium int

const (
	// MediumNone: no publicity required.
	MediumNone Medium = iota + 1
	// MediumFreeForm: publicity freely adapted to the contract (value,
	// nature): buyer profile, press, website...
	MediumFreeForm
	// MediumBOAMPOrJAL: a notice in the Bulletin officiel des annonces des
	// marchés publics or in a journal habilité à recevoir des annonces
	// légales, on the national model notice.
	MediumBOAMPOrJAL
	// MediumBOAMPAndJOUE: a contract notice in the BOAMP and in the
	// Official Journal of the EU (eForms).
	MediumBOAMPAndJOUE
	// MediumJOUE: a contract notice in the Official Journal of the EU
	// (eForms).
	MediumJOUE
	// MediumBuyerProfileDocuments: the consultation documents offered
	// free, full and direct on the buyer profile from the publication of
	// the notice.
	MediumBuyerProfileDocuments
)

var mediumCodes = [...]string{"", "none", "free_form", "boamp_or_jal", "boamp_and_joue", "joue", "buyer_profile_documents"}

// String returns the stable code, e.g. "boamp_or_jal".
func (m Medium) String() string { return codeOf(mediumCodes[:], int(m), "Medium") }

// MarshalText encodes the code.
func (m Medium) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// ThresholdCheck is one threshold compared with the estimated value.
type ThresholdCheck struct {
	// Threshold is the row in force on the launch date.
	Threshold Threshold `json:"threshold"`
	// Reached is true when the value is equal to or greater than the
	// amount.
	Reached bool `json:"reached"`
}

// ProcedureAnswer is one procedure open to the buyer.
type ProcedureAnswer struct {
	Procedure Procedure `json:"procedure"`
	Allowed   Allowance `json:"allowed"`
	Reason    string    `json:"reason"`
	Basis     string    `json:"basis"`
	// Unconfirmed: an article number in Basis was not confirmed against
	// the text of the code; the rule itself is consistent with every
	// source read.
	Unconfirmed bool `json:"unconfirmed,omitempty"`
}

// PublicityAnswer is one publicity requirement.
type PublicityAnswer struct {
	Medium      Medium `json:"medium"`
	Required    bool   `json:"required"`
	Reason      string `json:"reason"`
	Basis       string `json:"basis"`
	Unconfirmed bool   `json:"unconfirmed,omitempty"`
}

// SmallLots reports the small-lots allowance of a formalised operation
// divided into lots: lots each below the small-lot threshold may be
// awarded by adapted procedure as long as the lots so awarded add up to at
// most 20 % of the estimated value of all the lots (CCP R2123-1 2°).
type SmallLots struct {
	// Threshold is the small-lot threshold in force (80 000 € for supplies
	// and services, 1 000 000 € for works).
	Threshold Threshold
	// LotsTotal is the sum of the lots' estimated values.
	LotsTotal decimal.Decimal
	// Cap is 20 % of LotsTotal: the most the lots awarded by adapted
	// procedure may add up to.
	Cap decimal.Decimal
	// Eligible lists, in input order, the refs of the lots below the
	// threshold.
	Eligible []string
	// EligibleTotal is the sum of the eligible lots' values.
	EligibleTotal decimal.Decimal
	// AllEligibleFit is true when EligibleTotal <= Cap: every eligible lot
	// may then use the adapted procedure; otherwise the buyer chooses among
	// them a set within the cap.
	AllEligibleFit bool
	// Basis cites the article.
	Basis string
}

// MarshalJSON encodes amounts as strings of euros.
func (s SmallLots) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Threshold      Threshold `json:"threshold"`
		LotsTotal      string    `json:"lots_total"`
		Cap            string    `json:"cap"`
		Eligible       []string  `json:"eligible"`
		EligibleTotal  string    `json:"eligible_total"`
		AllEligibleFit bool      `json:"all_eligible_fit"`
		Basis          string    `json:"basis"`
	}{s.Threshold, euroAmountString(s.LotsTotal), euroAmountString(s.Cap), stringsOrEmpty(s.Eligible),
		euroAmountString(s.EligibleTotal), s.AllEligibleFit, s.Basis})
}

func stringsOrEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Rules is the answer of Rulebook.Rules.
type Rules struct {
	BuyerKind      BuyerKind
	Nature         Nature
	EstimatedValue decimal.Decimal
	LaunchDate     calendar.Date
	// Regime is the family of procedures the value opens.
	Regime Regime
	// Thresholds lists the thresholds compared, in the order: dispense,
	// EU, MAPA notice, free documents.
	Thresholds []ThresholdCheck
	// Procedures lists the procedures open to the buyer, in Procedure
	// order.
	Procedures []ProcedureAnswer
	// Publicity lists the publicity requirements.
	Publicity []PublicityAnswer
	// SmallLots is set for a formalised operation given with lots.
	SmallLots *SmallLots
	// DataVersion is the version of the threshold table used.
	DataVersion string
}

// MarshalJSON encodes the answer with the value as a string of euros.
func (r Rules) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		BuyerKind      BuyerKind         `json:"buyer_kind"`
		Nature         Nature            `json:"nature"`
		EstimatedValue string            `json:"estimated_value"`
		LaunchDate     calendar.Date     `json:"launch_date"`
		Regime         Regime            `json:"regime"`
		Thresholds     []ThresholdCheck  `json:"thresholds"`
		Procedures     []ProcedureAnswer `json:"procedures"`
		Publicity      []PublicityAnswer `json:"publicity"`
		SmallLots      *SmallLots        `json:"small_lots,omitempty"`
		DataVersion    string            `json:"data_version"`
	}{r.BuyerKind, r.Nature, euroAmountString(r.EstimatedValue), r.LaunchDate, r.Regime,
		r.Thresholds, r.Procedures, r.Publicity, r.SmallLots, r.DataVersion})
}

// Allows reports whether the answer lists p with the given allowance.
func (r Rules) Allows(p Procedure, a Allowance) bool {
	for _, x := range r.Procedures {
		if x.Procedure == p && x.Allowed == a {
			return true
		}
	}
	return false
}

// Requires reports whether the answer requires publicity on medium m.
func (r Rules) Requires(m Medium) bool {
	for _, x := range r.Publicity {
		if x.Medium == m && x.Required {
			return true
		}
	}
	return false
}

func buyerIsUtility(k BuyerKind) bool { return k == BuyerUtility || k == BuyerPublicUndertaking }

// underR2131_12 reports whether R2131-12 (and, above the thresholds,
// BOAMP publication) applies to the buyer: the State, its public
// establishments other than EPIC, local authorities, their public
// establishments and groupings. Public health establishments are treated
// as covered, the conservative reading (they publish more, never less).
func underR2131_12(k BuyerKind) bool {
	return k == BuyerState || k == BuyerLocalAuthority || k == BuyerHealth
}

// euThresholdKind returns the EU threshold that applies to the buyer and
// nature.
func euThresholdKind(k BuyerKind, n Nature) ThresholdKind {
	switch {
	case n == Works && buyerIsUtility(k):
		return ThresholdEUUtilitiesWorks
	case n == Works:
		return ThresholdEUWorks
	case buyerIsUtility(k):
		return ThresholdEUUtilitiesSuppliesServices
	case k == BuyerState:
		return ThresholdEUSuppliesServicesCentral
	default:
		return ThresholdEUSuppliesServicesSubCentral
	}
}

func eurHT(d decimal.Decimal) string { return euroAmountString(d) + " EUR HT" }

// validate checks a RulesInput, reporting every problem.
func (in RulesInput) validate() []*FieldError {
	var errs []*FieldError
	if !in.BuyerKind.Valid() {
		errs = append(errs, &FieldError{Field: "buyerKind", Value: in.BuyerKind.String(), Err: ErrUnknownBuyerKind})
	}
	if !in.Nature.Valid() {
		errs = append(errs, &FieldError{Field: "nature", Value: in.Nature.String(), Err: ErrUnknownNature})
	}
	if in.EstimatedValue.Sign() <= 0 {
		errs = append(errs, &FieldError{Field: "estimatedValue", Value: in.EstimatedValue.String(), Err: ErrEstimatedValue})
	}
	if in.LaunchDate.IsZero() {
		errs = append(errs, &FieldError{Field: "launchDate", Err: ErrDateRequired})
	}
	total := decimal.Zero
	lotsOK := true
	for i, l := range in.Lots {
		if l.EstimatedValue.Sign() <= 0 {
			errs = append(errs, &FieldError{Field: "lots[" + strconv.Itoa(i) + "].estimatedValue", Value: l.EstimatedValue.String(), Err: ErrLotValue})
			lotsOK = false
		}
		total = total.Add(l.EstimatedValue)
	}
	if lotsOK && len(in.Lots) > 0 && in.EstimatedValue.Sign() > 0 && total.Cmp(in.EstimatedValue) > 0 {
		errs = append(errs, &FieldError{Field: "lots", Value: euroAmountString(total), Err: ErrLotsExceedValue,
			Detail: "estimated value " + euroAmountString(in.EstimatedValue)})
	}
	return errs
}

// Rules returns the procedures open to the buyer and the publicity
// required, with reasons and articles, for the thresholds in force on the
// launch date. It reports every input problem at once: ErrUnknownBuyerKind,
// ErrUnknownNature, ErrEstimatedValue, ErrDateRequired, ErrLotValue,
// ErrLotsExceedValue; and ErrNoThreshold when the table does not cover the
// launch date. The input is not modified.
func (rb *Rulebook) Rules(in RulesInput) (Rules, error) {
	if err := rulesJoin(in.validate()); err != nil {
		return Rules{}, err
	}
	dispKind := ThresholdNoPublicitySuppliesServices
	if in.Nature == Works {
		dispKind = ThresholdNoPublicityWorks
	}
	var errs []*FieldError
	lookup := func(k ThresholdKind) Threshold {
		t, err := rb.thresholds.Lookup(k, in.LaunchDate)
		if err != nil {
			errs = append(errs, rulesLeaves(err)...)
		}
		return t
	}
	disp, eu, notice, docs := lookup(dispKind), lookup(euThresholdKind(in.BuyerKind, in.Nature)), lookup(ThresholdMAPANotice), lookup(ThresholdFreeDocuments)
	if err := rulesJoin(errs); err != nil {
		return Rules{}, err
	}
	v := in.EstimatedValue
	reached := func(t Threshold) bool { return v.Cmp(t.Amount) >= 0 }
	out := Rules{
		BuyerKind: in.BuyerKind, Nature: in.Nature, EstimatedValue: v, LaunchDate: in.LaunchDate,
		DataVersion: rb.thresholds.version,
		Thresholds: []ThresholdCheck{
			{disp, reached(disp)}, {eu, reached(eu)}, {notice, reached(notice)}, {docs, reached(docs)},
		},
	}
	switch {
	case reached(eu):
		out.Regime = RegimeFormalised
	case !reached(disp):
		out.Regime = RegimeDispense
	default:
		out.Regime = RegimeAdapted
	}
	valueVs := func(op string, t Threshold) string {
		return "estimated value " + eurHT(v) + " " + op + " " + t.Kind.String() + " threshold " + eurHT(t.Amount) +
			" in force on " + in.LaunchDate.String()
	}
	noPubCases := ProcedureAnswer{Procedure: ProcedureNoPublicity, Allowed: AllowedConditional,
		Reason: "whatever the value, only in the cases listed by the code (imperious urgency, unsuccessful procedure, a single possible supplier...)",
		Basis:  "CCP L2122-1 and R2122-1 to R2122-11"}

	switch out.Regime {
	case RegimeDispense:
		out.Procedures = []ProcedureAnswer{
			{Procedure: ProcedureNoPublicity, Allowed: AllowedAlways, Reason: valueVs("<", disp) +
				": no publicity or competition required; choose a relevant offer, use public money well and do not always contract with the same supplier",
				Basis: disp.Act},
			{Procedure: ProcedureAdapted, Allowed: AllowedAlways, Reason: valueVs("<", eu) + ": the buyer may organise an adapted procedure",
				Basis: "CCP R2123-1 1°"},
		}
		out.Publicity = []PublicityAnswer{{Medium: MediumNone, Required: false,
			Reason: valueVs("<", disp) + ": no publicity required (the buyer may still publish)", Basis: disp.Act}}
	case RegimeAdapted:
		out.Procedures = []ProcedureAnswer{
			noPubCases,
			{Procedure: ProcedureAdapted, Allowed: AllowedAlways, Reason: valueVs(">=", disp) + " and < " + eu.Kind.String() +
				" threshold " + eurHT(eu.Amount) + ": adapted procedure", Basis: "CCP R2123-1 1°"},
		}
		out.Publicity = adaptedPublicity(in.BuyerKind, v, notice)
	case RegimeFormalised:
		out.Procedures = formalisedProcedures(in.BuyerKind, valueVs(">=", eu), noPubCases)
		out.Publicity = formalisedPublicity(in.BuyerKind, valueVs(">=", eu))
	}
	if reached(docs) {
		// R2132-2 applies to consultations that publish a call for
		// competition: always above the dispense threshold, by the buyer's
		// choice below it.
		out.Publicity = append(out.Publicity, PublicityAnswer{Medium: MediumBuyerProfileDocuments, Required: out.Regime != RegimeDispense,
			Reason: valueVs(">=", docs) + ": when a call for competition is published, the consultation documents are offered free, full and direct on the buyer profile from its publication",
			Basis:  docs.Act})
	}
	if out.Regime == RegimeFormalised && len(in.Lots) > 0 {
		sl, err := rb.smallLots(in)
		if err != nil {
			return Rules{}, err
		}
		out.SmallLots = &sl
	}
	return out, nil
}

func adaptedPublicity(k BuyerKind, v decimal.Decimal, notice Threshold) []PublicityAnswer {
	if !underR2131_12(k) {
		return []PublicityAnswer{{Medium: MediumFreeForm, Required: true,
			Reason: "adapted procedure of a buyer not named by R2131-12 (" + k.String() + "): publicity freely adapted to the value and nature of the contract",
			Basis:  "CCP R2131-12 a contrario; R2131-13 (article number unconfirmed)", Unconfirmed: true}}
	}
	if v.Cmp(notice.Amount) < 0 {
		return []PublicityAnswer{{Medium: MediumFreeForm, Required: true,
			Reason: "adapted procedure, estimated value " + eurHT(v) + " < " + eurHT(notice.Amount) +
				": publicity freely adapted to the value and nature of the contract",
			Basis: "CCP R2131-12 1°"}}
	}
	return []PublicityAnswer{{Medium: MediumBOAMPOrJAL, Required: true,
		Reason: "adapted procedure, estimated value " + eurHT(v) + " >= " + eurHT(notice.Amount) +
			": notice on the model of the arrêté of 12 Feb 2020 in the BOAMP or a JAL; the buyer judges whether a specialised journal or the OJEU is also needed",
		Basis: "CCP R2131-12 2° (" + notice.Act + ")"}}
}

func formalisedProcedures(k BuyerKind, why string, noPubCases ProcedureAnswer) []ProcedureAnswer {
	aoReason := why + ": formalised procedure; the buyer chooses freely between open and restricted call for tenders"
	if buyerIsUtility(k) {
		return []ProcedureAnswer{
			noPubCases,
			{Procedure: ProcedureOpen, Allowed: AllowedAlways, Reason: aoReason, Basis: "CCP L2124-2, R2124-2"},
			{Procedure: ProcedureRestricted, Allowed: AllowedAlways, Reason: aoReason, Basis: "CCP L2124-2, R2124-2"},
			{Procedure: ProcedureNegotiated, Allowed: AllowedAlways, Reason: why + ": an entité adjudicatrice may use the procedure with negotiation freely",
				Basis: "CCP L2124-3; R2124-4 (article number unconfirmed)", Unconfirmed: true},
			{Procedure: ProcedureCompetitiveDialogue, Allowed: AllowedAlways, Reason: why + ": competitive dialogue, open to entités adjudicatrices",
				Basis: "CCP L2124-4; R2124-6 (article number unconfirmed)", Unconfirmed: true},
			{Procedure: ProcedureInnovationPartnership, Allowed: AllowedConditional, Reason: "only for a need that solutions already on the market cannot meet",
				Basis: "CCP L2172-3 (article number unconfirmed)", Unconfirmed: true},
		}
	}
	return []ProcedureAnswer{
		noPubCases,
		{Procedure: ProcedureOpen, Allowed: AllowedAlways, Reason: aoReason, Basis: "CCP L2124-2, R2124-2"},
		{Procedure: ProcedureRestricted, Allowed: AllowedAlways, Reason: aoReason, Basis: "CCP L2124-2, R2124-2"},
		{Procedure: ProcedureNegotiated, Allowed: AllowedConditional,
			Reason: "a pouvoir adjudicateur may negotiate only in the cases of R2124-3: solutions to adapt, innovative solution, design services, complexity or risks, specifications impossible to define, only irregular or unacceptable tenders after a call for tenders",
			Basis:  "CCP L2124-3, R2124-3"},
		{Procedure: ProcedureCompetitiveDialogue, Allowed: AllowedConditional,
			Reason: "a pouvoir adjudicateur may use competitive dialogue in the cases 1° to 5° of R2124-3",
			Basis:  "CCP L2124-4; R2124-5 (article number unconfirmed)", Unconfirmed: true},
		{Procedure: ProcedureInnovationPartnership, Allowed: AllowedConditional, Reason: "only for a need that solutions already on the market cannot meet",
			Basis: "CCP L2172-3 (article number unconfirmed)", Unconfirmed: true},
	}
}

func formalisedPublicity(k BuyerKind, why string) []PublicityAnswer {
	if underR2131_12(k) {
		return []PublicityAnswer{{Medium: MediumBOAMPAndJOUE, Required: true,
			Reason: why + ": contract notice in the BOAMP and in the Official Journal of the EU, in the eForms standard (Implementing Regulation (EU) 2019/1780)",
			Basis:  "CCP R2131-16 (article number unconfirmed)", Unconfirmed: true}}
	}
	return []PublicityAnswer{{Medium: MediumJOUE, Required: true,
		Reason: why + ": contract notice in the Official Journal of the EU, in the eForms standard (Implementing Regulation (EU) 2019/1780)",
		Basis:  "CCP R2131-17 (article number unconfirmed)", Unconfirmed: true}}
}

// smallLotsShare is the share of all lots that small lots may add up to
// (CCP R2123-1 2° b: 20 %).
var smallLotsShare = decimal.New(20, -2)

func (rb *Rulebook) smallLots(in RulesInput) (SmallLots, error) {
	kind := ThresholdSmallLotSuppliesServices
	if in.Nature == Works {
		kind = ThresholdSmallLotWorks
	}
	t, err := rb.thresholds.Lookup(kind, in.LaunchDate)
	if err != nil {
		return SmallLots{}, err
	}
	out := SmallLots{Threshold: t, LotsTotal: decimal.Zero, EligibleTotal: decimal.Zero,
		Basis: "CCP R2123-1 2° (each lot < " + eurHT(t.Amount) + ", such lots <= 20 % of the value of all lots)"}
	for _, l := range in.Lots {
		out.LotsTotal = out.LotsTotal.Add(l.EstimatedValue)
		if l.EstimatedValue.Cmp(t.Amount) < 0 {
			out.Eligible = append(out.Eligible, l.Ref)
			out.EligibleTotal = out.EligibleTotal.Add(l.EstimatedValue)
		}
	}
	// Exact: a product of decimals needs no rounding.
	out.Cap = out.LotsTotal.Mul(smallLotsShare)
	out.AllEligibleFit = out.EligibleTotal.Cmp(out.Cap) <= 0
	return out, nil
}

// RulesInputOf returns the rules input of a consultation: its buyer's
// kind, its nature, its TotalValue (all lots, options, renewals and
// premiums, R2121-1) as estimated value, its NoticeDispatch as launch date,
// and each lot's TotalValue, the lot number as ref. It does not validate c.
func RulesInputOf(c Consultation) RulesInput {
	in := RulesInput{BuyerKind: c.Buyer.Kind, Nature: c.Nature, EstimatedValue: c.TotalValue(), LaunchDate: c.NoticeDispatch}
	if len(c.Lots) > 0 {
		in.Lots = make([]RulesLot, len(c.Lots))
		for i, l := range c.Lots {
			in.Lots[i] = RulesLot{Ref: strconv.Itoa(l.Number), EstimatedValue: l.TotalValue()}
		}
	}
	return in
}

// ConsultationRules is the answer of Rulebook.ConsultationRules.
type ConsultationRules struct {
	// Reference is the consultation's reference.
	Reference string `json:"reference"`
	// Rules are the procedures and publicity for the consultation.
	Rules Rules `json:"rules"`
	// Procedure says whether the consultation's chosen procedure is open
	// to the buyer.
	Procedure ProcedureCheck `json:"procedure_check"`
	// TimeLimit is the minimum time limit from the notice dispatch: for
	// tenders in the open procedure, for applications in the restricted
	// and negotiated procedures; nil for other procedures.
	TimeLimit *TimeLimit `json:"time_limit,omitempty"`
	// Deadline checks the consultation's own deadline against TimeLimit;
	// nil when either is missing.
	Deadline *DeadlineCheck `json:"deadline_check,omitempty"`
	// Payment is the buyer's maximum payment period.
	Payment PaymentTerms `json:"payment"`
}

// ProcedureCheck is the consultation's procedure against the rules.
type ProcedureCheck struct {
	Procedure Procedure `json:"procedure"`
	// Allowed is "always", "conditional" (lawful only in the cases the
	// answer cites) or "no".
	Allowed string `json:"allowed"`
}

// DeadlineCheck compares a deadline of the consultation with the earliest
// lawful one.
type DeadlineCheck struct {
	// Field is the consultation field checked: "tendersDeadline" or
	// "applicationsDeadline".
	Field string `json:"field"`
	// Given is the deadline as given, with its offset.
	Given time.Time `json:"given"`
	// Earliest is the first lawful day.
	Earliest calendar.Date `json:"earliest"`
	// Lawful is true when the deadline's day, on its own offset's clock,
	// is Earliest or later.
	Lawful bool `json:"lawful"`
}

// ConsultationRules evaluates a consultation: Rules on RulesInputOf(c),
// the minimum time limit from its notice dispatch (electronic tells whether
// applications and tenders are or can be submitted electronically, which
// the CCP requires of formalised procedures), the check of its deadline
// and the buyer's payment period. Holidays are those of the rulebook's
// calendar: build the rulebook with the calendar of c.Buyer.Territory. It
// reports the errors of Rules (with the consultation's own field names for
// the launch date: "noticeDispatch") and of TimeLimit.
func (rb *Rulebook) ConsultationRules(c Consultation, electronic bool) (ConsultationRules, error) {
	in := RulesInputOf(c)
	r, err := rb.Rules(in)
	if err != nil {
		return ConsultationRules{}, renameRulesFields(err)
	}
	out := ConsultationRules{Reference: c.Reference, Rules: r, Procedure: ProcedureCheck{Procedure: c.Procedure, Allowed: "no"}}
	for _, a := range r.Procedures {
		if a.Procedure == c.Procedure {
			out.Procedure.Allowed = a.Allowed.String()
		}
	}
	if out.Payment, err = PaymentTimeLimit(c.Buyer.Kind, calendar.Date{}); err != nil {
		return ConsultationRules{}, err
	}
	step, field, deadline := StepApplications, "applicationsDeadline", c.ApplicationsDeadline
	switch c.Procedure {
	case ProcedureOpen:
		step, field, deadline = StepTenders, "tendersDeadline", c.TendersDeadline
	case ProcedureRestricted, ProcedureNegotiated:
	default:
		return out, nil
	}
	tl, err := rb.TimeLimit(TimeLimitInput{Procedure: c.Procedure, Step: step, Dispatched: c.NoticeDispatch,
		BuyerKind: c.Buyer.Kind, Electronic: electronic})
	if err != nil {
		return ConsultationRules{}, err
	}
	out.TimeLimit = &tl
	if !deadline.IsZero() {
		day := calendar.DateOf(deadline)
		out.Deadline = &DeadlineCheck{Field: field, Given: deadline, Earliest: tl.Earliest, Lawful: !day.Before(tl.Earliest)}
	}
	return out, nil
}

// renameRulesFields maps RulesInput field names to the consultation's.
func renameRulesFields(err error) error {
	leaves := rulesLeaves(err)
	out := make([]*FieldError, len(leaves))
	for i, e := range leaves {
		c := *e
		switch c.Field {
		case "launchDate":
			c.Field = "noticeDispatch"
		case "buyerKind":
			c.Field = "buyer.kind"
		}
		out[i] = &c
	}
	return rulesJoin(out)
}
