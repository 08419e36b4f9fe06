package procurement

import (
	"slices"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/shopspring/decimal"
)

// Consultation is a call for competition (consultation) of a public buyer:
// what is bought, how, for how much and when. It is the shared model of
// the package: the procedure, publicity and time-limit rules read it, and
// the eForms generator and clause library build on it.
//
// Consultation is a plain value with exported fields, like the documents
// encoding/json users expect; the zero value of every field means "not
// given". Nothing checks a Consultation when it is built: call Validate,
// which reports every problem at once, or load one with ParseConsultation,
// which checks the JSON Schema, decodes and validates. No method modifies
// the value or keeps a reference to its slices.
//
// Amounts are euros excluding VAT (hors taxes, HT), exact to the cent, and
// add up rather than overlap: EstimatedValue is the firm part for the
// initial duration, OptionsValue the options, RenewalsValue all the
// renewals, PremiumsValue the premiums paid to candidates; TotalValue
// gives the estimated value of the need in the sense of R2121-1. When the
// consultation has lots, its EstimatedValue, OptionsValue and
// RenewalsValue must each equal the sum of the same value over the lots
// (ErrLotsValueMismatch): the figures are stated twice on purpose, once
// for the whole and once per lot, and Validate checks that they agree.
//
// Dates: the notice dispatch and award dates are days (calendar.Date); the
// deadlines for applications and tenders are instants with an offset
// (time.Time, e.g. 2026-06-15T12:00:00+02:00), since the law sets a date
// and an hour.
//
// Consultation marshals to JSON with MarshalJSON or Marshal (fixed field
// order, amounts as strings with 2 decimals, zero fields omitted) and back
// with UnmarshalJSON or ParseConsultation.
type Consultation struct {
	// Reference is the buyer's reference of the consultation ("reference",
	// e.g. "2026-DSI-014"), required.
	Reference string
	// Title is the consultation's title ("title"), required.
	Title string
	// Description is a short description of the need ("description"),
	// optional.
	Description string
	// Buyer is the buyer ("buyer"), required.
	Buyer Buyer
	// Nature is the contract nature: works, supplies or services
	// ("nature"), required.
	Nature Nature
	// Procedure is the award procedure chosen ("procedure"), required.
	Procedure Procedure
	// CPV is the main CPV code ("cpv", "72000000-5"), required.
	CPV string
	// AdditionalCPV are the additional CPV codes ("additionalCpv"),
	// optional, each valid and none repeated.
	AdditionalCPV []string
	// EstimatedValue is the estimated value HT of the firm part for the
	// initial duration, options and renewals excluded ("estimatedValue"),
	// > 0; with lots, the sum of the lots' EstimatedValue.
	EstimatedValue decimal.Decimal
	// OptionsValue is the estimated value HT of the options
	// ("optionsValue"), >= 0; with lots, the sum of the lots'.
	OptionsValue decimal.Decimal
	// RenewalsValue is the estimated value HT of all renewals together
	// ("renewalsValue"), >= 0, and > 0 exactly when Renewals.Count > 0;
	// with lots, the sum of the lots'.
	RenewalsValue decimal.Decimal
	// PremiumsValue is the total HT of the premiums or payments planned
	// for candidates or tenderers ("premiumsValue", primes: e.g. in a
	// competitive dialogue), >= 0. It counts in TotalValue (R2121-1).
	PremiumsValue decimal.Decimal
	// DurationMonths is the initial duration of the contract in months
	// ("durationMonths"), > 0.
	DurationMonths int
	// Renewals are the renewals provided for ("renewals"), optional.
	Renewals Renewals
	// Lots are the lots ("lots"), optional; numbers unique.
	Lots []Lot
	// AwardCriteria are the award criteria of the consultation
	// ("awardCriteria"), required unless every lot has its own; weights
	// sum to 100 and include price or cost.
	AwardCriteria []AwardCriterion
	// NoticeDispatch is the date the contract notice was sent for
	// publication ("noticeDispatch", YYYY-MM-DD), optional; the legal
	// time limits run from it.
	NoticeDispatch calendar.Date
	// ApplicationsDeadline is the deadline for receipt of applications
	// (date limite de réception des candidatures, "applicationsDeadline"),
	// optional (an open procedure receives applications with tenders);
	// after the dispatch day, not after TendersDeadline.
	ApplicationsDeadline time.Time
	// TendersDeadline is the deadline for receipt of tenders (date limite
	// de réception des offres, "tendersDeadline"), optional; after the
	// dispatch day.
	TendersDeadline time.Time
	// TenderValidityDays is the period in days during which tenderers are
	// bound by their tenders, from TendersDeadline (délai de validité des
	// offres, "tenderValidityDays"), optional; > 0 when given.
	TenderValidityDays int
	// Tenderers are the tenderers ("tenderers"), optional; ids unique.
	Tenderers []Tenderer
	// Awards are the awards ("awards"), optional.
	Awards []Award
}

// Renewals describes the renewals (reconductions) of a contract: Count
// renewals of Months months each. The zero Renewals means none.
type Renewals struct {
	// Count is the number of renewals ("count"), >= 0.
	Count int `json:"count,omitempty"`
	// Months is the length of each renewal in months ("months"); > 0 when
	// Count > 0, 0 otherwise.
	Months int `json:"months,omitempty"`
}

// TotalValue returns the estimated value of the need HT in the sense of
// R2121-1 of the Code de la commande publique ("il tient compte des
// options, des reconductions ainsi que de l'ensemble des lots, et le cas
// échéant, des primes"), the value compared with the thresholds, exact (no
// rounding):
//
//   - with lots: the sum over the lots of Lot.TotalValue (EstimatedValue +
//     OptionsValue + RenewalsValue), plus PremiumsValue;
//   - without lots: EstimatedValue + OptionsValue + RenewalsValue +
//     PremiumsValue.
//
// On a consultation that passes Validate both give the same amount. The
// consultation's own EstimatedValue, OptionsValue and RenewalsValue are not
// read when there are lots.
//
// Source: R2121-1, https://legal.tricoteuses.fr/articles/LEGIARTI000037729161.
func (c Consultation) TotalValue() decimal.Decimal {
	if len(c.Lots) == 0 {
		return c.EstimatedValue.Add(c.OptionsValue).Add(c.RenewalsValue).Add(c.PremiumsValue)
	}
	total := c.PremiumsValue
	for _, l := range c.Lots {
		total = total.Add(l.TotalValue())
	}
	return total
}

// TotalDurationMonths returns the longest possible duration of the
// contract in months: DurationMonths plus Renewals.Count ×
// Renewals.Months.
func (c Consultation) TotalDurationMonths() int {
	return c.DurationMonths + c.Renewals.Count*c.Renewals.Months
}

// Lot returns the first lot numbered n and true, or the zero Lot and false
// when there is none. The returned Lot is a copy (its AwardCriteria too).
func (c Consultation) Lot(n int) (Lot, bool) {
	for _, l := range c.Lots {
		if l.Number == n {
			l.AwardCriteria = slices.Clone(l.AwardCriteria)
			return l, true
		}
	}
	return Lot{}, false
}

// CriteriaFor returns the award criteria that apply to the lot numbered n:
// the lot's own when it has some, else the consultation's. With n = 0, or
// for an unknown lot, it returns the consultation's. The result is a copy.
func (c Consultation) CriteriaFor(n int) []AwardCriterion {
	if n != 0 {
		if l, ok := c.Lot(n); ok && len(l.AwardCriteria) > 0 {
			return l.AwardCriteria
		}
	}
	return slices.Clone(c.AwardCriteria)
}
