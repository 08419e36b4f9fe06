package procurement

import (
	"encoding/json"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/shopspring/decimal"
)

// Payment (notes for doc.go).
//
// A public buyer pays within a maximum period from the receipt of the
// payment request (délai global de paiement): 30 days for the State, local
// authorities and other pouvoirs adjudicateurs (CCP R2192-10), 50 days for
// public health establishments (R2192-11 1°), 60 days for public
// undertakings (R2192-11 2°). The contract may set a shorter period, never
// a longer one (L2192-10). From the day after the period expires, late
// payment automatically bears interest (intérêts moratoires, L2192-13) at
// the European Central Bank's main refinancing rate in force on the first
// day of the half-year in which interest started to run, plus 8 points
// (R2192-31), and a flat 40 € compensation for recovery costs (D2192-35).
//
// The ECB rate is an input: the package holds no rate data. Interest is
// simple interest on the principal for the number of days late, over a
// 365-day year (the formula practitioners publish, "montant TTC × (nb
// jours de retard / 365) × taux de référence",
// https://marchespublicspme.com/apres-la-reponse/le-paiement-dans-les-marches-publics/actualites/2014/02/21/le-taux-2014-des-interets-moratoires-connu_1070.html;
// no official text fixing the divisor was found, so a leap year still
// divides by 365). The principal is the amount paid
// late, VAT included. The interest is rounded once, at the end, to the
// cent, half away from zero (half-up for these positive amounts).

// PaymentTerms is the maximum payment period of a buyer.
type PaymentTerms struct {
	// BuyerKind is the buyer's kind.
	BuyerKind BuyerKind `json:"buyer_kind"`
	// Days is the maximum period in calendar days.
	Days int `json:"days"`
	// Received is the day the payment request was received (zero when not
	// given).
	Received calendar.Date `json:"received,omitzero"`
	// Due is the last day of the period: Received + Days (the day of
	// receipt not counted). It is not moved off a Saturday, Sunday or
	// holiday: no text found extends a payment period, and moving it would
	// delay the interest. Zero when Received is.
	Due calendar.Date `json:"due,omitzero"`
	// Basis cites the article.
	Basis string `json:"basis"`
}

// PaymentTimeLimit returns the maximum payment period of a buyer of kind
// k and, when received is set, the last day to pay. An entité adjudicatrice
// given as BuyerUtility is taken to be a pouvoir adjudicateur (30 days); a
// public undertaking should be given as BuyerPublicUndertaking (60 days).
// It fails with ErrUnknownBuyerKind.
func PaymentTimeLimit(k BuyerKind, received calendar.Date) (PaymentTerms, error) {
	t := PaymentTerms{BuyerKind: k, Received: received}
	switch k {
	case BuyerState, BuyerLocalAuthority, BuyerOtherContractingAuthority:
		t.Days, t.Basis = 30, "CCP R2192-10 (30 days for pouvoirs adjudicateurs)"
	case BuyerUtility:
		t.Days, t.Basis = 30, "CCP R2192-10 (30 days; an entité adjudicatrice that is a public undertaking has 60 days under R2192-11 2°)"
	case BuyerHealth:
		t.Days, t.Basis = 50, "CCP R2192-11 1° (50 days for public health establishments)"
	case BuyerPublicUndertaking:
		t.Days, t.Basis = 60, "CCP R2192-11 2° (60 days for public undertakings)"
	default:
		return PaymentTerms{}, &FieldError{Field: "buyerKind", Value: k.String(), Err: ErrUnknownBuyerKind}
	}
	if !received.IsZero() {
		t.Due = received.AddDays(t.Days)
	}
	return t, nil
}

// LateInterestInput describes a late payment.
type LateInterestInput struct {
	// Principal is the amount paid late, in euros, VAT included; > 0.
	Principal decimal.Decimal `json:"principal"`
	// Due is the last day of the payment period.
	Due calendar.Date `json:"due"`
	// Paid is the day of payment.
	Paid calendar.Date `json:"paid"`
	// ECBRate is the ECB main refinancing operations rate, in percent
	// (2.15 for 2.15 %), in force on the first day of the half-year in
	// which interest started to run (see LateInterest.RateDate).
	ECBRate decimal.Decimal `json:"ecbRate"`
}

// LateInterest is the interest and compensation owed for a late payment.
type LateInterest struct {
	Principal decimal.Decimal
	Due       calendar.Date
	Paid      calendar.Date
	// DaysLate is Paid - Due, or 0 when paid on time.
	DaysLate int
	// InterestFrom is the first day of interest, Due + 1 (zero when not
	// late).
	InterestFrom calendar.Date
	// RateDate is the first day of the half-year containing InterestFrom
	// (1 January or 1 July): the day whose ECB rate applies.
	RateDate calendar.Date
	// ECBRate is the rate given, in percent.
	ECBRate decimal.Decimal
	// Rate is ECBRate + 8, in percent.
	Rate decimal.Decimal
	// Interest is Principal × Rate/100 × DaysLate / 365, rounded to the
	// cent, half away from zero.
	Interest decimal.Decimal
	// Compensation is the 40 € flat compensation, or 0 when not late.
	Compensation decimal.Decimal
	// Total is Interest + Compensation.
	Total decimal.Decimal
	// Basis cites the texts and the day-count convention.
	Basis string
}

// MarshalJSON encodes amounts as strings with two decimals ("83.42") and
// rates as strings with at least two ("10.15").
func (l LateInterest) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Principal    string        `json:"principal"`
		Due          calendar.Date `json:"due"`
		Paid         calendar.Date `json:"paid"`
		DaysLate     int           `json:"days_late"`
		InterestFrom calendar.Date `json:"interest_from,omitzero"`
		RateDate     calendar.Date `json:"rate_date,omitzero"`
		ECBRate      string        `json:"ecb_rate"`
		Rate         string        `json:"rate"`
		Interest     string        `json:"interest"`
		Compensation string        `json:"compensation"`
		Total        string        `json:"total"`
		Basis        string        `json:"basis"`
	}{l.Principal.StringFixed(2), l.Due, l.Paid, l.DaysLate, l.InterestFrom, l.RateDate,
		latePercentString(l.ECBRate), latePercentString(l.Rate), l.Interest.StringFixed(2), l.Compensation.StringFixed(2),
		l.Total.StringFixed(2), l.Basis})
}

// rateString prints a percentage with at least two decimals and every
// decimal it has.
func latePercentString(r decimal.Decimal) string {
	places := int32(2)
	if e := -r.Exponent(); e > places {
		places = e
	}
	return r.StringFixed(places)
}

var (
	latePoints   = decimal.New(8, 0)     // R2192-31: + 8 points
	flatFee      = decimal.New(40, 0)    // D2192-35: 40 €
	yearPercents = decimal.New(36500, 0) // 365 days × 100 (rate in percent)
)

const lateInterestBasis = "CCP L2192-13 (interest runs automatically from the day after the period expires), " +
	"R2192-31 (ECB main refinancing rate in force on the first day of the half-year + 8 points), " +
	"D2192-35 (40 EUR flat compensation); simple interest, principal × rate × days / 365 (practitioners' formula, no text fixing the divisor found), rounded to the cent"

// ComputeLateInterest returns the late-payment interest and compensation.
// It reports every problem at once: ErrPrincipal (not > 0),
// ErrDateRequired (Due or Paid missing) and ErrECBRate (rate + 8 < 0). A
// payment on or before Due owes nothing.
func ComputeLateInterest(in LateInterestInput) (LateInterest, error) {
	var errs []*FieldError
	if in.Principal.Sign() <= 0 {
		errs = append(errs, &FieldError{Field: "principal", Value: in.Principal.String(), Err: ErrPrincipal})
	}
	if in.Due.IsZero() {
		errs = append(errs, &FieldError{Field: "due", Err: ErrDateRequired})
	}
	if in.Paid.IsZero() {
		errs = append(errs, &FieldError{Field: "paid", Err: ErrDateRequired})
	}
	rate := in.ECBRate.Add(latePoints)
	if rate.Sign() < 0 {
		errs = append(errs, &FieldError{Field: "ecbRate", Value: in.ECBRate.String(), Err: ErrECBRate, Detail: "rate + 8 points is negative"})
	}
	if err := rulesJoin(errs); err != nil {
		return LateInterest{}, err
	}
	out := LateInterest{Principal: in.Principal, Due: in.Due, Paid: in.Paid, ECBRate: in.ECBRate, Rate: rate,
		Interest: decimal.Zero, Compensation: decimal.Zero, Basis: lateInterestBasis}
	if late := in.Paid.Sub(in.Due); late > 0 {
		out.DaysLate = late
		out.InterestFrom = in.Due.AddDays(1)
		month := time.January
		if out.InterestFrom.Month() > time.June {
			month = time.July
		}
		out.RateDate, _ = calendar.NewDate(out.InterestFrom.Year(), month, 1) // always a real date
		// One rounding, at the end: principal × rate × days / 36 500.
		out.Interest = in.Principal.Mul(rate).Mul(decimal.New(int64(late), 0)).DivRound(yearPercents, 2)
		out.Compensation = flatFee
	}
	out.Total = out.Interest.Add(out.Compensation)
	return out, nil
}
