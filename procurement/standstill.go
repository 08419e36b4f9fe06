package procurement

import (
	"time"

	"github.com/openmarches/marches/calendar"
)

// Standstill and remedies (notes for doc.go).
//
// After a formalised procedure, the buyer sends every rejected candidate
// and tenderer the decision (R2181-1, R2181-3) and waits before signing:
// at least 11 days between the sending and the signature, 16 days when the
// notices were not sent electronically (R2182-1). The Conseil d'État counts
// this period "de date à date", the day of sending included (CE 2 Aug 2011,
// n° 347526: rejection sent 28 Dec 2010, 16-day period expired 12 Jan
// 2011, signature lawful on 13 Jan). No text or decision found says whether
// a last day on a Saturday, Sunday or holiday is extended; by default the
// package extends it, which can only make the signature date later, never
// unlawful (StandstillInput.NoExtension gives the bare date-à-date count).
// There is no standstill after an adapted procedure.

// StandstillException is a case in which the standstill is not required
// (R2182-2). The zero value means none.
type StandstillException int

const (
	// ExceptionSoleTenderer: the contract is awarded to the only operator
	// that took part in the consultation (R2182-2 1°).
	ExceptionSoleTenderer StandstillException = iota + 1
	// ExceptionFrameworkCallOff: a call-off contract (marché subséquent)
	// based on a framework agreement (R2182-2 2°).
	ExceptionFrameworkCallOff
	// ExceptionDPSSpecific: a specific contract based on a dynamic
	// purchasing system (R2182-2 2°).
	ExceptionDPSSpecific
)

var standstillExceptionCodes = [...]string{"", "sole_tenderer", "framework_call_off", "dps_specific"}

// String returns the stable code, e.g. "sole_tenderer".
func (e StandstillException) String() string {
	return codeOf(standstillExceptionCodes[:], int(e), "StandstillException")
}

// MarshalText encodes the code.
func (e StandstillException) MarshalText() ([]byte, error) { return []byte(e.String()), nil }

// StandstillInput describes the sending of the rejection notices.
type StandstillInput struct {
	// Sent is the day the rejection notices were sent.
	Sent calendar.Date `json:"sent"`
	// NotElectronic: the notices were not all sent electronically (16
	// days instead of 11).
	NotElectronic bool `json:"notElectronic,omitempty"`
	// Exception, when set, is the case of R2182-2 that dispenses with the
	// standstill.
	Exception StandstillException `json:"exception,omitzero"`
	// NoExtension counts strictly date à date, without moving a last day
	// that falls on a Saturday, Sunday or holiday.
	NoExtension bool `json:"noExtension,omitempty"`
}

// Standstill is the first day the contract may be signed.
type Standstill struct {
	// Required is false when an exception applies.
	Required bool `json:"required"`
	// Days is 11 or 16 (0 when not required).
	Days int `json:"days"`
	// Sent is the day the notices were sent (day 1 of the period).
	Sent calendar.Date `json:"sent"`
	// PeriodEnds is the last day of the period, after the extension
	// unless NoExtension (Sent when not required).
	PeriodEnds calendar.Date `json:"period_ends"`
	// SignFrom is the first day the buyer may sign: the day after
	// PeriodEnds, or Sent itself when not required.
	SignFrom calendar.Date `json:"sign_from"`
	// Basis cites the articles and the counting.
	Basis string `json:"basis"`
}

// Standstill returns the first day a contract awarded by formalised
// procedure may be signed (délai de suspension, standstill). It fails with
// ErrDateRequired and calendar.ErrDayCountOutOfRange.
func (rb *Rulebook) Standstill(in StandstillInput) (Standstill, error) {
	if in.Sent.IsZero() {
		return Standstill{}, &FieldError{Field: "sent", Err: ErrDateRequired}
	}
	switch in.Exception {
	case 0:
	case ExceptionSoleTenderer:
		return Standstill{Sent: in.Sent, PeriodEnds: in.Sent, SignFrom: in.Sent,
			Basis: "CCP R2182-2 1° (sole tenderer): no standstill required"}, nil
	case ExceptionFrameworkCallOff, ExceptionDPSSpecific:
		return Standstill{Sent: in.Sent, PeriodEnds: in.Sent, SignFrom: in.Sent,
			Basis: "CCP R2182-2 2° (" + in.Exception.String() + "): no standstill required"}, nil
	default:
		return Standstill{}, &FieldError{Field: "exception", Value: in.Exception.String(), Err: ErrUnknownStandstillException}
	}
	days, basis := 11, "CCP R2182-1 al. 1 (11 days, notices sent electronically)"
	if in.NotElectronic {
		days, basis = 16, "CCP R2182-1 al. 2 (16 days, notices not sent electronically)"
	}
	// Date à date, the day of sending included: the period's last day is
	// Sent + days - 1 (CE 2 Aug 2011, n° 347526).
	ends := in.Sent.AddDays(days - 1)
	basis += ", counted date à date with the day of sending (CE 2 Aug 2011, n° 347526)"
	if !in.NoExtension {
		var err error
		if ends, err = rb.cal.AddDays(in.Sent, days-1, calendar.JoursCalendaires); err != nil {
			return Standstill{}, err
		}
		basis += ", a last day on a Saturday, Sunday or holiday extended to the next working day (CPC art. 642)"
	}
	return Standstill{Required: true, Days: days, Sent: in.Sent, PeriodEnds: ends, SignFrom: ends.AddDays(1), Basis: basis}, nil
}

// RemediesInput gives the dates remedy deadlines run from.
type RemediesInput struct {
	// Concluded is the day the contract was signed (conclusion).
	Concluded calendar.Date `json:"concluded"`
	// AwardPublished is the day the award notice was published (in the
	// OJEU for the référé contractuel; an award notice stating the
	// conclusion of the contract and where to consult it for the recours
	// Tarn-et-Garonne). Zero when none was published.
	AwardPublished calendar.Date `json:"awardPublished,omitzero"`
}

// Remedy is the last day of one remedy (voie de recours).
type Remedy struct {
	// Remedy is the remedy's code: "refere_precontractuel",
	// "refere_contractuel" or "tarn_et_garonne".
	Remedy string `json:"remedy"`
	// LastDay is the last day the action may be brought, after the
	// extension of a last day on a Saturday, Sunday or holiday; zero when
	// the remedy has no fixed date.
	LastDay calendar.Date `json:"last_day,omitzero"`
	// Reason explains the computation.
	Reason string `json:"reason"`
	// Basis cites the texts.
	Basis string `json:"basis"`
	// Unconfirmed marks a computation method read in a secondary source
	// only.
	Unconfirmed bool `json:"unconfirmed,omitempty"`
}

// Remedies returns the remedies open after the signature of a contract
// awarded after publicity, with their last days. Months are counted "de
// quantième à quantième" (CPC art. 641; a missing day is the last day of
// the month) and a last day on a Saturday, Sunday or holiday is extended
// (CE 19 Sep 2014, n° 362568). It fails with ErrDateRequired,
// ErrDateOrder (publication before conclusion) and
// calendar.ErrDayCountOutOfRange.
func (rb *Rulebook) Remedies(in RemediesInput) ([]Remedy, error) {
	if in.Concluded.IsZero() {
		return nil, &FieldError{Field: "concluded", Err: ErrDateRequired}
	}
	if !in.AwardPublished.IsZero() && in.AwardPublished.Before(in.Concluded) {
		return nil, &FieldError{Field: "awardPublished", Value: in.AwardPublished.String(), Err: ErrDateOrder,
			Detail: "concluded " + in.Concluded.String()}
	}
	out := []Remedy{{
		Remedy: "refere_precontractuel",
		Reason: "may be brought until the contract is signed; the judge may not rule before the 16th day after the award decision was sent (11th when sent electronically)",
		Basis:  "CJA L551-1, R551-5",
	}}
	if !in.AwardPublished.IsZero() {
		last, err := rb.cal.AddDays(in.AwardPublished, 31, calendar.JoursCalendaires)
		if err != nil {
			return nil, err
		}
		out = append(out, Remedy{Remedy: "refere_contractuel", LastDay: last,
			Reason: "31st day after the publication of the award notice in the OJEU (" + in.AwardPublished.String() + ")",
			Basis:  "CJA R551-7 al. 1"})
		// Two months, délai franc: neither the day of publicity nor the
		// day of expiry counts, so the last day is the day after the same
		// quantième two months later, computed as the practitioner note
		// does (quantième of the day after publicity, clamped to the
		// month's last day).
		last, err = rb.cal.Extend(addMonthsClamped(in.AwardPublished.AddDays(1), 2))
		if err != nil {
			return nil, err
		}
		out = append(out, Remedy{Remedy: "tarn_et_garonne", LastDay: last,
			Reason: "two months (délai franc) from the publicity of the conclusion of the contract (" + in.AwardPublished.String() + ")",
			Basis:  "CE Ass. 4 Apr 2014, n° 358994 (Département de Tarn-et-Garonne); CJA R421-1; délai franc and extension: CE 19 Sep 2014, n° 362568",
			// The month-end case follows a lawyer's note
			// (consultation.avocat.fr, André Icard), not a decision.
			Unconfirmed: true})
	} else {
		last, err := rb.cal.Extend(addMonthsClamped(in.Concluded, 6))
		if err != nil {
			return nil, err
		}
		out = append(out, Remedy{Remedy: "refere_contractuel", LastDay: last,
			Reason: "no award notice published: six months from the day after the conclusion of the contract (" + in.Concluded.String() + ")",
			Basis:  "CJA R551-7 al. 2"})
	}
	return out, nil
}

// addMonthsClamped returns d plus n >= 0 months, on the same day of the
// month or, when that month is shorter, on its last day (31 Dec + 2 months
// = 28 or 29 Feb).
func addMonthsClamped(d calendar.Date, n int) calendar.Date {
	m := int(d.Month()) - 1 + n
	y, month := d.Year()+m/12, time.Month(m%12+1)
	day := d.Day()
	for day > 28 {
		if _, err := calendar.NewDate(y, month, day); err == nil {
			break
		}
		day--
	}
	r, _ := calendar.NewDate(y, month, day) // day <= 28 or checked above
	return r
}
