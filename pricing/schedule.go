package pricing

import (
	"encoding/json"

	"github.com/shopspring/decimal"
)

// Frequency is how often a contract is invoiced. The zero value means
// Yearly.
type Frequency int

const (
	// Yearly: one invoice per contract year.
	Yearly Frequency = iota + 1
	// HalfYearly: two invoices per contract year, 6 months apart.
	HalfYearly
	// Quarterly: four invoices per contract year.
	Quarterly
	// Monthly: twelve invoices per contract year.
	Monthly
)

var frequencyNames = [...]string{"", "yearly", "half-yearly", "quarterly", "monthly"}

// ParseFrequency reads yearly, half-yearly, quarterly or monthly.
func ParseFrequency(s string) (Frequency, error) {
	for i, n := range frequencyNames {
		if i > 0 && n == s {
			return Frequency(i), nil
		}
	}
	return 0, &FieldError{Field: "frequency", Value: s, Err: ErrInvalidFrequency}
}

// String returns the frequency's code (yearly when unset).
func (f Frequency) String() string {
	if f <= 0 || int(f) >= len(frequencyNames) {
		return "yearly"
	}
	return frequencyNames[f]
}

func (f Frequency) months() int {
	switch f {
	case HalfYearly:
		return 6
	case Quarterly:
		return 3
	case Monthly:
		return 1
	}
	return 12
}

// BillingTerm says whether a period is invoiced at its start or its end.
// The zero value means Advance.
type BillingTerm int

const (
	// Advance: terme à échoir, invoiced on the first day of the period.
	Advance BillingTerm = iota + 1
	// Arrears: terme échu, invoiced on the last day of the period.
	Arrears
)

// ParseBillingTerm reads advance or arrears.
func ParseBillingTerm(s string) (BillingTerm, error) {
	switch s {
	case "advance":
		return Advance, nil
	case "arrears":
		return Arrears, nil
	}
	return 0, &FieldError{Field: "term", Value: s, Err: ErrInvalidTerm}
}

// String returns advance or arrears (advance when unset).
func (t BillingTerm) String() string {
	if t == Arrears {
		return "arrears"
	}
	return "advance"
}

// Alignment says where billing periods start. The zero value means
// AlignStart.
type Alignment int

const (
	// AlignStart: periods run from the contract start (a quarter is 3
	// months from the start or an anniversary).
	AlignStart Alignment = iota + 1
	// AlignCalendar: periods follow the calendar (months; quarters and
	// half-years from January; civil years), so the first and last
	// periods of the contract, and periods crossing an anniversary, are
	// partial.
	AlignCalendar
)

// ParseAlignment reads start or calendar.
func ParseAlignment(s string) (Alignment, error) {
	switch s {
	case "start":
		return AlignStart, nil
	case "calendar":
		return AlignCalendar, nil
	}
	return 0, &FieldError{Field: "align", Value: s, Err: ErrInvalidAlignment}
}

// String returns start or calendar (start when unset).
func (a Alignment) String() string {
	if a == AlignCalendar {
		return "calendar"
	}
	return "start"
}

// DefaultVATRate is the French standard rate, 20 % (CGI art. 278), used
// when a Contract gives none.
var DefaultVATRate = decimal.NewFromInt(20)

// Contract describes a service contract to invoice. Zero fields mean the
// documented defaults.
type Contract struct {
	// Currency of the fees; zero means EUR.
	Currency Currency
	// Signature is the date of signature (used by a base-index rule at
	// signature).
	Signature Date
	// Start is the first day of contract year 1 (for the running example,
	// the production start of phase 1). Required.
	Start Date
	// Months is the duration (1..600). The contract ends the day before
	// Start + Months months.
	Months int
	// Fees holds the yearly fee before VAT for each contract year, at base
	// economic conditions (before revision): one per year, a shorter last
	// year included.
	Fees []decimal.Decimal
	// Frequency and Term say how each year is invoiced; zero means yearly,
	// in advance.
	Frequency Frequency
	Term      BillingTerm
	// Align says where billing periods start; zero means AlignStart.
	Align Alignment
	// VATRate is the VAT rate in percent; Valid=false means 20.
	VATRate decimal.NullDecimal
	// NoticeMonths is the termination notice before each anniversary
	// (0..11); 0 means no termination date is computed.
	NoticeMonths int
	// Rounding rounds every amount to the cent; zero means half-up.
	Rounding RoundingMode
	// Revision is the price revision clause; nil means firm prices.
	Revision *ContractRevision
}

// ContractRevision is the revision clause of a Contract: prices are
// revised on each anniversary of Start (contract years 2, 3...), never in
// year 1.
type ContractRevision struct {
	// Config is the formula, rounding and clauses (a one-index formula).
	Config RevisionConfig
	// Series gives the index values.
	Series *Series
	// Base chooses the base month (mois zéro), applied at BaseAt (zero:
	// the Signature date).
	Base   MonthRule
	BaseAt Date
	// Current chooses the revision month, applied at each anniversary.
	Current MonthRule
}

// ProrataRule states how partial periods are billed: each period's share
// of the yearly price is 1/n (n periods a year), times days/full days for
// a partial period (calendar days, exact/exact); a full contract year is
// billed its price spread over its periods in proportion to their shares,
// a short last year the price times the sum of its shares, rounded once.
const ProrataRule = "exact/exact: a period's share is 1/n of the yearly price (n periods a year), times days/days_full for a partial period; a full contract year is billed its price split by shares, a short last year price × sum of shares"

// Schedule is the invoicing plan of a Contract.
type Schedule struct {
	Currency  Currency
	VATRate   decimal.Decimal
	Start     Date
	End       Date // last day of the contract, inclusive
	Months    int
	Frequency Frequency
	Term      BillingTerm
	Align     Alignment
	// Base is the base index observation (nil for firm prices).
	Base *Observation
	// Years lists the contract years with their revision.
	Years []ContractYear
	// Anniversaries lists each anniversary inside the term with the last
	// day to give notice before it.
	Anniversaries []Anniversary
	// Invoices lists every invoice in date order.
	Invoices []Invoice
	// Totals sums the invoices.
	Totals Breakdown
}

// ContractYear is one contract year.
type ContractYear struct {
	Number int
	// From and To bound the year (inclusive); the last year may be short.
	From, To Date
	// Initial is the fee of the contract at base conditions.
	Initial Amount
	// Revision is nil in year 1 and for firm prices.
	Revision *Revision
	// Price is the yearly fee after revision, for a full year.
	Price Amount
	// Billed is what the year's invoices sum to (Price, or its pro-rata
	// for a short last year).
	Billed Amount
}

// Anniversary is a contract anniversary inside the term.
type Anniversary struct {
	Date Date
	// Year is the contract year that starts on Date.
	Year int
	// NoticeDeadline is the last day to give notice of termination before
	// Date (Date minus NoticeMonths, de quantième à quantième); zero when
	// the contract has no notice.
	NoticeDeadline Date
}

// Invoice is one invoice of the schedule.
type Invoice struct {
	Number int
	Date   Date
	Year   int
	// From and To bound the period invoiced (inclusive).
	From, To Date
	Amounts  Breakdown
	// Prorata is set for a partial period.
	Prorata *Prorata
}

// Prorata explains a partial period's amount.
type Prorata struct {
	Days, FullDays int
}

// Plan computes the schedule of c: contract years from Start, each
// revised on its anniversary (year k ≥ 2: Initial = Fees[k-1], revised with
// the base observation and the current one chosen at the anniversary),
// split into periods of the billing frequency, invoiced on their first
// day (advance) or last day (arrears), with VAT per invoice (FromHT).
//
// Amounts: each year's billed amount is the revised yearly price for a
// full year, or price × (full periods + days/days_full of the partial one)
// / periods per year for a short last year, rounded once to the cent; it
// is then split over the year's periods with Allocate so the invoices sum
// exactly to it (ProrataRule).
//
// Every violation is reported at once: ErrRequired, ErrInvalidDuration,
// ErrFeesPerYear, ErrNegativeAmount, ErrInvalidVATRate, ErrInvalidNotice,
// and the errors of the revision (ErrMissingMonth for an index the series
// lacks, with the year in the field: "years[2].revision").
func Plan(c Contract) (*Schedule, error) {
	var errs []*FieldError
	if c.Start.IsZero() {
		errs = append(errs, &FieldError{Field: "start", Err: ErrRequired})
	}
	if c.Months < 1 || c.Months > 600 {
		errs = append(errs, &FieldError{Field: "months", Value: itoa(c.Months), Err: ErrInvalidDuration})
	}
	years := (c.Months + 11) / 12
	if c.Months >= 1 && c.Months <= 600 && len(c.Fees) != years {
		errs = append(errs, &FieldError{Field: "fees", Value: itoa(len(c.Fees)), Err: ErrFeesPerYear, Detail: "the contract has " + itoa(years) + " year(s)"})
	}
	for i, f := range c.Fees {
		if f.Sign() < 0 {
			errs = append(errs, &FieldError{Field: "fees[" + itoa(i) + "]", Value: decText(f, 0), Err: ErrNegativeAmount})
		}
	}
	rate := DefaultVATRate
	if c.VATRate.Valid {
		rate = c.VATRate.Decimal
		if err := checkRate(rate); err != nil {
			errs = append(errs, &FieldError{Field: "vat", Value: decText(rate, 0), Err: ErrInvalidVATRate})
		}
	}
	if c.NoticeMonths < 0 || c.NoticeMonths > 11 {
		errs = append(errs, &FieldError{Field: "notice", Value: itoa(c.NoticeMonths), Err: ErrInvalidNotice})
	}
	if c.Frequency < 0 || c.Frequency > Monthly {
		errs = append(errs, &FieldError{Field: "frequency", Value: itoa(int(c.Frequency)), Err: ErrInvalidFrequency})
	}
	if c.Align < 0 || c.Align > AlignCalendar {
		errs = append(errs, &FieldError{Field: "align", Value: itoa(int(c.Align)), Err: ErrInvalidAlignment})
	}
	if c.Term < 0 || c.Term > Arrears {
		errs = append(errs, &FieldError{Field: "term", Value: itoa(int(c.Term)), Err: ErrInvalidTerm})
	}
	if c.Rounding < 0 || c.Rounding > RoundDown {
		errs = append(errs, &FieldError{Field: "rounding", Value: itoa(int(c.Rounding)), Err: ErrInvalidRoundingMode})
	}
	rv := c.Revision
	var index string
	if rv != nil {
		for _, e := range rv.Config.validate() {
			e.Field = "revision." + e.Field
			errs = append(errs, e)
		}
		f := rv.Config.Formula.orDefault()
		if len(f.terms) != 1 {
			errs = append(errs, &FieldError{Field: "revision.formula", Value: f.String(), Err: ErrMissingIndex, Detail: "a schedule revises with one index series"})
		} else {
			index = f.terms[0].Index
		}
		if rv.Series == nil {
			errs = append(errs, &FieldError{Field: "revision.series", Err: ErrRequired})
		}
		if err := rv.Base.Validate(); err != nil {
			errs = append(errs, prefixField(err, "revision.base")...)
		}
		if err := rv.Current.Validate(); err != nil {
			errs = append(errs, prefixField(err, "revision.current")...)
		}
		if rv.BaseAt.IsZero() && c.Signature.IsZero() && rv.Base.Kind != RuleMonth {
			errs = append(errs, &FieldError{Field: "signature", Err: ErrRequired, Detail: "the base index rule applies at the date of signature"})
		}
	}
	if len(errs) > 0 {
		return nil, joinErrors(errs)
	}
	cur := c.Currency
	s := &Schedule{Currency: cur, VATRate: rate, Start: c.Start, Months: c.Months,
		Frequency: c.Frequency, Term: c.Term, Align: c.Align}
	if s.Align == 0 {
		s.Align = AlignStart
	}
	if s.Frequency == 0 {
		s.Frequency = Yearly
	}
	if s.Term == 0 {
		s.Term = Advance
	}
	endExcl := c.Start.AddMonths(c.Months)
	s.End = endExcl.AddDays(-1)
	var base Observation
	if rv != nil {
		at := rv.BaseAt
		if at.IsZero() {
			at = c.Signature
		}
		o, err := rv.Base.Resolve(rv.Series, index, at)
		if err != nil {
			errs = append(errs, prefixField(err, "revision.base")...)
		} else {
			base = o
			s.Base = &o
		}
	}
	step := s.Frequency.months()
	perYear := 12 / step
	total := Breakdown{Rate: rate, HT: Amount{v: decimal.Zero.Round(cur.Digits()), c: cur}}
	total.TVA, total.TTC = total.HT, total.HT
	for k := 1; k <= years; k++ {
		from := c.Start.AddYears(k - 1)
		nominalEnd := c.Start.AddYears(k)
		to := nominalEnd
		if endExcl.Before(to) {
			to = endExcl
		}
		y := ContractYear{Number: k, From: from, To: to.AddDays(-1), Initial: Amount{v: c.Fees[k-1], c: cur}.Round(c.Rounding)}
		y.Price = y.Initial
		if rv != nil && k >= 2 && s.Base != nil {
			curObs, err := rv.Current.Resolve(rv.Series, index, from)
			if err != nil {
				errs = append(errs, prefixField(err, "years["+itoa(k-1)+"].revision")...)
				continue
			}
			cfg := rv.Config
			cfg.AmountRounding = c.Rounding
			r, err := Revise(RevisionInput{Initial: Amount{v: c.Fees[k-1], c: cur}, Base: []Observation{base}, Current: []Observation{curObs}, Links: rv.Series.Links()}, cfg)
			if err != nil {
				errs = append(errs, prefixField(err, "years["+itoa(k-1)+"].revision")...)
				continue
			}
			y.Revision = &r
			y.Price = r.Revised
		}
		ps := billingPeriods(c.Start, s.Align, step, k, from, to)
		// Weights: a full period counts L, a partial one days × L / full
		// days, L being the lcm of the partial periods' lengths, so the
		// weights are exact integers proportional to the shares.
		l := int64(1)
		for _, p := range ps {
			if p.days != p.full {
				l = lcm(l, int64(p.full))
			}
		}
		weights := make([]decimal.Decimal, len(ps))
		var sumW int64
		for i, p := range ps {
			w := l
			if p.days != p.full {
				w = int64(p.days) * l / int64(p.full)
			}
			weights[i] = decimal.NewFromInt(w)
			sumW += w
		}
		billed := y.Price
		if to != nominalEnd {
			// Short last year: price × Σ shares, rounded once.
			billed = Amount{v: divRound(y.Price.v.Mul(decimal.NewFromInt(sumW)), decimal.NewFromInt(int64(perYear)*l), cur.Digits(), c.Rounding), c: cur}
		}
		y.Billed = billed
		parts, err := Allocate(billed.Round(c.Rounding), weights)
		if err != nil {
			errs = append(errs, prefixField(err, "years["+itoa(k-1)+"]")...)
			continue
		}
		for i, p := range ps {
			inv := Invoice{Number: len(s.Invoices) + 1, Year: k, From: p.from, To: p.to.AddDays(-1), Date: p.from}
			if s.Term == Arrears {
				inv.Date = inv.To
			}
			if p.days != p.full {
				inv.Prorata = &Prorata{Days: p.days, FullDays: p.full}
			}
			b, err := FromHT(parts[i], rate, c.Rounding)
			if err != nil {
				errs = append(errs, prefixField(err, "vat")...)
				break
			}
			inv.Amounts = b
			total, _ = total.Add(b)
			s.Invoices = append(s.Invoices, inv)
		}
		s.Years = append(s.Years, y)
		if k >= 2 {
			a := Anniversary{Date: from, Year: k}
			if c.NoticeMonths > 0 {
				a.NoticeDeadline = from.AddMonths(-c.NoticeMonths)
			}
			s.Anniversaries = append(s.Anniversaries, a)
		}
	}
	if len(errs) > 0 {
		return nil, joinErrors(errs)
	}
	s.Totals = total
	return s, nil
}

type billingPeriod struct {
	from, to   Date // to exclusive
	days, full int  // days invoiced, days of the full period
}

// billingPeriods splits contract year k, [from, to), into billing
// periods of step months: from the contract start (AlignStart) or on the
// calendar (AlignCalendar: months, quarters from January, half-years,
// years), cut at the year's bounds.
func billingPeriods(start Date, align Alignment, step, k int, from, to Date) []billingPeriod {
	var out []billingPeriod
	if align == AlignCalendar {
		m := from.Period()
		m = m.AddMonths(-((int(m.month) - 1) % step))
		for g := m.FirstDay(); g.Before(to); g = g.Period().AddMonths(step).FirstDay() {
			ge := g.Period().AddMonths(step).FirstDay()
			pf, pt := g, ge
			if pf.Before(from) {
				pf = from
			}
			if to.Before(pt) {
				pt = to
			}
			if pf.Before(pt) {
				out = append(out, billingPeriod{from: pf, to: pt, days: pf.DaysUntil(pt), full: g.DaysUntil(ge)})
			}
		}
		return out
	}
	for j := 0; j < 12/step; j++ {
		pf := start.AddMonths((k-1)*12 + j*step)
		pn := start.AddMonths((k-1)*12 + (j+1)*step)
		if !pf.Before(to) {
			break
		}
		pt := pn
		if to.Before(pt) {
			pt = to
		}
		out = append(out, billingPeriod{from: pf, to: pt, days: pf.DaysUntil(pt), full: pf.DaysUntil(pn)})
	}
	return out
}

func lcm(a, b int64) int64 {
	x, y := a, b
	for y != 0 {
		x, y = y, x%y
	}
	return a / x * b
}

// prefixField copies the violations in err with their field prefixed.
func prefixField(err error, prefix string) []*FieldError {
	var out []*FieldError
	var walk func(error)
	walk = func(e error) {
		if m, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range m.Unwrap() {
				walk(x)
			}
			return
		}
		if fe, ok := e.(*FieldError); ok {
			cp := *fe
			if cp.Field == "" {
				cp.Field = prefix
			} else {
				cp.Field = prefix + "." + cp.Field
			}
			out = append(out, &cp)
			return
		}
		out = append(out, &FieldError{Field: prefix, Err: e})
	}
	walk(err)
	return out
}

// MarshalJSON writes the schedule with decimal strings and dates as
// YYYY-MM-DD.
func (s *Schedule) MarshalJSON() ([]byte, error) {
	type year struct {
		Year     int       `json:"year"`
		From     string    `json:"from"`
		To       string    `json:"to"`
		Initial  Amount    `json:"initial_ht"`
		Revision *Revision `json:"revision"`
		Price    Amount    `json:"price_ht"`
		Billed   Amount    `json:"billed_ht"`
	}
	type anniversary struct {
		Date   string `json:"date"`
		Year   int    `json:"year"`
		Notice string `json:"notice_deadline,omitempty"`
	}
	type prorata struct {
		Days     int    `json:"days"`
		FullDays int    `json:"full_days"`
		Rule     string `json:"rule"`
	}
	type invoice struct {
		Number  int      `json:"number"`
		Date    string   `json:"date"`
		Year    int      `json:"year"`
		From    string   `json:"from"`
		To      string   `json:"to"`
		HT      Amount   `json:"ht"`
		TVA     Amount   `json:"tva"`
		TTC     Amount   `json:"ttc"`
		Prorata *prorata `json:"prorata,omitempty"`
	}
	out := struct {
		Currency      string        `json:"currency"`
		VATRate       string        `json:"vat_rate"`
		Start         string        `json:"start"`
		End           string        `json:"end"`
		Months        int           `json:"months"`
		Frequency     string        `json:"frequency"`
		Term          string        `json:"term"`
		Align         string        `json:"align"`
		BaseIndex     *Observation  `json:"base_index,omitempty"`
		Years         []year        `json:"years"`
		Anniversaries []anniversary `json:"anniversaries"`
		Invoices      []invoice     `json:"invoices"`
		Totals        Breakdown     `json:"totals"`
	}{Currency: s.Currency.Code(), VATRate: decText(s.VATRate, 0), Start: s.Start.String(), End: s.End.String(),
		Months: s.Months, Frequency: s.Frequency.String(), Term: s.Term.String(), Align: s.Align.String(), BaseIndex: s.Base, Totals: s.Totals,
		Years: []year{}, Anniversaries: []anniversary{}, Invoices: []invoice{}}
	for _, y := range s.Years {
		out.Years = append(out.Years, year{y.Number, y.From.String(), y.To.String(), y.Initial, y.Revision, y.Price, y.Billed})
	}
	for _, a := range s.Anniversaries {
		out.Anniversaries = append(out.Anniversaries, anniversary{a.Date.String(), a.Year, a.NoticeDeadline.String()})
	}
	for _, i := range s.Invoices {
		j := invoice{Number: i.Number, Date: i.Date.String(), Year: i.Year, From: i.From.String(), To: i.To.String(),
			HT: i.Amounts.HT, TVA: i.Amounts.TVA, TTC: i.Amounts.TTC}
		if i.Prorata != nil {
			j.Prorata = &prorata{i.Prorata.Days, i.Prorata.FullDays, ProrataRule}
		}
		out.Invoices = append(out.Invoices, j)
	}
	return json.Marshal(out)
}
