package procurement

import (
	"cmp"
	"errors"
	"slices"
	"strconv"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
	"github.com/shopspring/decimal"
)

// Validate checks every rule of the model and reports every violation at
// once, as one error that unwraps (Unwrap() []error) to *FieldError values
// sorted by JSON path then rule; nil when c is valid. Each FieldError
// names the path ("lots[1].estimatedValue", indexes from 0), the value as
// given and the rule's sentinel, for errors.Is.
//
// The zero value of a field means "not given": a missing required field
// fails with ErrFieldRequired, whatever its type (a zero amount, lot number
// or weight included). The rules, by path:
//
//   - reference, title, buyer.name, buyer.address.city, nature, procedure,
//     cpv, estimatedValue, durationMonths: required.
//   - buyer.siret: ParseSIRET; buyer.kind: a known BuyerKind;
//     buyer.address.postalCode: 5 digits (ErrPostalCode);
//     buyer.address.nuts: ParseNUTS and French (ErrNUTSNotFrench);
//     buyer.territory: calendar.LookupTerritory.
//   - cpv, additionalCpv[i], lots[i].cpv: ParseCPV; no code twice among the
//     main and additional ones (ErrCPVDuplicate).
//   - amounts: estimatedValue, lots[i].estimatedValue and awards[i].amount
//     > 0 (ErrAmountNotPositive); optionsValue, renewalsValue,
//     premiumsValue and their lot twins >= 0 (ErrAmountNegative); all
//     exact to the cent (ErrAmountCents).
//   - durationMonths > 0 (ErrDurationNotPositive); renewals.count >= 0
//     (ErrRenewalCount); renewals.months > 0 when count > 0 and 0 when
//     count is 0 (ErrRenewalMonths); renewalsValue > 0 exactly when
//     count > 0, and no lot's renewalsValue > 0 without renewals
//     (ErrRenewalsValue).
//   - lots[i].number >= 1 (ErrLotNumber) and unique
//     (ErrLotNumberDuplicate, on the later lot); lots[i].title required;
//     with lots, estimatedValue, optionsValue and renewalsValue each equal
//     the sum over the lots, to the cent (ErrLotsValueMismatch).
//   - award criteria, on the consultation and on each lot that has its
//     own: name, kind (a known CriterionKind) and weight (1 to 100,
//     ErrCriterionWeight) each required; weights sum to 100
//     (ErrCriteriaWeightSum); a price or cost criterion present
//     (ErrCriteriaNoPrice, R2152-7). A consultation without lots needs
//     criteria, and so does each lot when the consultation has none
//     (ErrCriteriaMissing).
//   - dates, when given: the deadlines for applications and for tenders
//     fall on a day after noticeDispatch, each read on its own offset
//     (ErrApplicationsNotAfterDispatch, ErrTendersNotAfterDispatch);
//     tendersDeadline is not before applicationsDeadline
//     (ErrTendersBeforeApplications); tenderValidityDays > 0
//     (ErrTenderValidity).
//   - tenderers[i]: id required and unique (ErrTendererIDDuplicate), name
//     required, siret valid when given.
//   - awards[i]: lot names a lot of the consultation, or is 0 when there
//     are none (ErrAwardUnknownLot); tenderer is a tenderer's id
//     (ErrAwardUnknownTenderer); date required and not before the day of
//     tendersDeadline (ErrAwardBeforeTenders).
//
// Validate does not modify or normalise c (a SIRET with spaces stays as
// given) and keeps no reference to it; it is safe for concurrent use.
func (c Consultation) Validate() error {
	return joinSorted(c.problems())
}

// joinSorted sorts problems by path, rule message, value and detail (a
// total order, so that the result does not depend on the order in which
// they were found) and joins them with fielderr.Join.
func joinSorted(ps []*FieldError) error {
	if len(ps) == 0 {
		return nil
	}
	ps = slices.Clone(ps)
	slices.SortFunc(ps, func(a, b *FieldError) int {
		return cmp.Or(
			cmp.Compare(a.Field, b.Field),
			cmp.Compare(errText(a.Err), errText(b.Err)),
			cmp.Compare(a.Value, b.Value),
			cmp.Compare(a.Detail, b.Detail),
		)
	})
	return fielderr.Join(ps)
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// validator accumulates problems.
type validator struct {
	ps []*FieldError
}

func (v *validator) add(path, value string, rule error) {
	v.ps = append(v.ps, &FieldError{Field: path, Value: value, Err: rule})
}

func (v *validator) addDetail(path, value string, rule error, detail string) {
	v.ps = append(v.ps, &FieldError{Field: path, Value: value, Err: rule, Detail: detail})
}

// readdress appends err, returned by a parser of this package or of
// calendar, moved to path. Errors that are not *FieldError are kept whole
// as the Err of a new FieldError.
func (v *validator) readdress(path, value string, err error) {
	var fe *FieldError
	if errors.As(err, &fe) {
		cp := *fe
		cp.Field = path
		v.ps = append(v.ps, &cp)
		return
	}
	v.add(path, value, err)
}

func (v *validator) text(path, s string) {
	if s == "" {
		v.add(path, "", ErrFieldRequired)
	}
}

func (v *validator) requiredAmount(path string, d decimal.Decimal) {
	switch {
	case d.IsZero():
		v.add(path, "", ErrFieldRequired)
	case d.Sign() < 0:
		v.add(path, amountText(d), ErrAmountNotPositive)
	case !inCents(d):
		v.add(path, amountText(d), ErrAmountCents)
	}
}

func (v *validator) optionalAmount(path string, d decimal.Decimal) {
	switch {
	case d.Sign() < 0:
		v.add(path, amountText(d), ErrAmountNegative)
	case !inCents(d):
		v.add(path, amountText(d), ErrAmountCents)
	}
}

// inCents reports whether d is a whole number of cents.
func inCents(d decimal.Decimal) bool {
	return d.Exponent() >= -2 || d.Equal(d.Truncate(2))
}

// amountText writes d with at least 2 decimals and all its significant
// ones, independently of shopspring's global settings.
func amountText(d decimal.Decimal) string {
	places := int32(2)
	if e := -d.Exponent(); e > places {
		places = e
	}
	return d.StringFixed(places)
}

// cpv checks a CPV code and returns its canonical form, or "" when it is
// empty or invalid.
func (v *validator) cpv(path, s string, required bool) string {
	if s == "" {
		if required {
			v.add(path, "", ErrFieldRequired)
		}
		return ""
	}
	c, err := ParseCPV(s)
	if err != nil {
		v.readdress(path, s, err)
		return ""
	}
	return c.String()
}

func (c Consultation) problems() []*FieldError {
	var v validator
	v.text("reference", c.Reference)
	v.text("title", c.Title)
	v.buyer("buyer", c.Buyer)
	switch {
	case c.Nature == 0:
		v.add("nature", "", ErrFieldRequired)
	case !c.Nature.Valid():
		v.add("nature", c.Nature.String(), ErrUnknownNature)
	}
	switch {
	case c.Procedure == 0:
		v.add("procedure", "", ErrFieldRequired)
	case !c.Procedure.Valid():
		v.add("procedure", c.Procedure.String(), ErrUnknownProcedure)
	}

	// CPV codes: the main one, then the additional ones, none twice.
	seen := map[string]bool{}
	if main := v.cpv("cpv", c.CPV, true); main != "" {
		seen[main] = true
	}
	for i, s := range c.AdditionalCPV {
		path := "additionalCpv[" + strconv.Itoa(i) + "]"
		code := v.cpv(path, s, true)
		if code == "" {
			continue
		}
		if seen[code] {
			v.add(path, s, ErrCPVDuplicate)
		}
		seen[code] = true
	}

	v.requiredAmount("estimatedValue", c.EstimatedValue)
	v.optionalAmount("optionsValue", c.OptionsValue)
	v.optionalAmount("renewalsValue", c.RenewalsValue)
	v.optionalAmount("premiumsValue", c.PremiumsValue)

	switch {
	case c.DurationMonths == 0:
		v.add("durationMonths", "", ErrFieldRequired)
	case c.DurationMonths < 0:
		v.add("durationMonths", strconv.Itoa(c.DurationMonths), ErrDurationNotPositive)
	}
	r := c.Renewals
	if r.Count < 0 {
		v.add("renewals.count", strconv.Itoa(r.Count), ErrRenewalCount)
	}
	if (r.Count > 0 && r.Months <= 0) || (r.Count <= 0 && r.Months != 0) {
		v.add("renewals.months", strconv.Itoa(r.Months), ErrRenewalMonths)
	}
	switch {
	case r.Count > 0 && c.RenewalsValue.IsZero():
		v.addDetail("renewalsValue", "", ErrRenewalsValue, strconv.Itoa(r.Count)+" renewals provided for")
	case r.Count <= 0 && c.RenewalsValue.Sign() > 0:
		v.addDetail("renewalsValue", amountText(c.RenewalsValue), ErrRenewalsValue, "no renewal provided for")
	}

	v.lots(c)

	if len(c.AwardCriteria) > 0 {
		v.criteria("awardCriteria", c.AwardCriteria)
	} else if len(c.Lots) == 0 {
		v.add("awardCriteria", "", ErrCriteriaMissing)
	}

	v.dates(c)
	v.tenderersAndAwards(c)
	return v.ps
}

func (v *validator) buyer(path string, b Buyer) {
	v.text(path+".name", b.Name)
	if b.SIRET == "" {
		v.add(path+".siret", "", ErrFieldRequired)
	} else if _, err := ParseSIRET(b.SIRET); err != nil {
		v.readdress(path+".siret", b.SIRET, err)
	}
	switch {
	case b.Kind == 0:
		v.add(path+".kind", "", ErrFieldRequired)
	case !b.Kind.Valid():
		v.add(path+".kind", b.Kind.String(), ErrUnknownBuyerKind)
	}
	a := b.Address
	switch {
	case a.PostalCode == "":
		v.add(path+".address.postalCode", "", ErrFieldRequired)
	case !isPostalCode(a.PostalCode):
		v.add(path+".address.postalCode", a.PostalCode, ErrPostalCode)
	}
	v.text(path+".address.city", a.City)
	if a.NUTS == "" {
		v.add(path+".address.nuts", "", ErrFieldRequired)
	} else if n, err := ParseNUTS(a.NUTS); err != nil {
		v.readdress(path+".address.nuts", a.NUTS, err)
	} else if n.Country() != "FR" {
		v.add(path+".address.nuts", a.NUTS, ErrNUTSNotFrench)
	}
	if b.Territory == "" {
		v.add(path+".territory", "", ErrFieldRequired)
	} else if _, err := calendar.LookupTerritory(b.Territory); err != nil {
		v.readdress(path+".territory", b.Territory, err)
	}
}

// isPostalCode reports whether s is 5 ASCII digits. (Overseas codes are 5
// digits too: 97100... CEDEX codes share the format.)
func isPostalCode(s string) bool {
	if len(s) != 5 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func (v *validator) lots(c Consultation) {
	if len(c.Lots) == 0 {
		return
	}
	numbers := map[int]bool{}
	var est, opt, ren decimal.Decimal
	for i, l := range c.Lots {
		p := "lots[" + strconv.Itoa(i) + "]"
		switch {
		case l.Number == 0:
			v.add(p+".number", "", ErrFieldRequired)
		case l.Number < 0:
			v.add(p+".number", strconv.Itoa(l.Number), ErrLotNumber)
		case numbers[l.Number]:
			v.add(p+".number", strconv.Itoa(l.Number), ErrLotNumberDuplicate)
		}
		numbers[l.Number] = true
		v.text(p+".title", l.Title)
		v.cpv(p+".cpv", l.CPV, false)
		v.requiredAmount(p+".estimatedValue", l.EstimatedValue)
		v.optionalAmount(p+".optionsValue", l.OptionsValue)
		v.optionalAmount(p+".renewalsValue", l.RenewalsValue)
		if l.RenewalsValue.Sign() > 0 && c.Renewals.Count <= 0 {
			v.addDetail(p+".renewalsValue", amountText(l.RenewalsValue), ErrRenewalsValue, "no renewal provided for")
		}
		est = est.Add(l.EstimatedValue)
		opt = opt.Add(l.OptionsValue)
		ren = ren.Add(l.RenewalsValue)
		if len(l.AwardCriteria) > 0 {
			v.criteria(p+".awardCriteria", l.AwardCriteria)
		} else if len(c.AwardCriteria) == 0 {
			v.add(p+".awardCriteria", "", ErrCriteriaMissing)
		}
	}
	for _, s := range []struct {
		path      string
		whole, of decimal.Decimal
	}{
		{"estimatedValue", c.EstimatedValue, est},
		{"optionsValue", c.OptionsValue, opt},
		{"renewalsValue", c.RenewalsValue, ren},
	} {
		if !s.whole.Equal(s.of) {
			v.addDetail(s.path, amountText(s.whole), ErrLotsValueMismatch, "the lots sum to "+amountText(s.of))
		}
	}
}

func (v *validator) criteria(path string, list []AwardCriterion) {
	sum, price := 0, false
	for i, cr := range list {
		p := path + "[" + strconv.Itoa(i) + "]"
		v.text(p+".name", cr.Name)
		switch {
		case cr.Kind == 0:
			v.add(p+".kind", "", ErrFieldRequired)
		case !cr.Kind.Valid():
			v.add(p+".kind", cr.Kind.String(), ErrUnknownCriterionKind)
		case cr.Kind == CriterionPrice || cr.Kind == CriterionCost:
			price = true
		}
		switch {
		case cr.Weight == 0:
			v.add(p+".weight", "", ErrFieldRequired)
		case cr.Weight < 1 || cr.Weight > 100:
			v.add(p+".weight", strconv.Itoa(cr.Weight), ErrCriterionWeight)
		}
		// Weights are bounded before summing so that the sum cannot
		// overflow; an out-of-range weight is already reported.
		sum += min(max(cr.Weight, -1000), 1000)
	}
	if sum != 100 {
		v.addDetail(path, "", ErrCriteriaWeightSum, "weights sum to "+strconv.Itoa(sum))
	}
	if !price {
		v.add(path, "", ErrCriteriaNoPrice)
	}
}

func (v *validator) dates(c Consultation) {
	d, apps, tenders := c.NoticeDispatch, c.ApplicationsDeadline, c.TendersDeadline
	if !d.IsZero() {
		if !apps.IsZero() && !calendar.DateOf(apps).After(d) {
			v.addDetail("applicationsDeadline", instantText(apps), ErrApplicationsNotAfterDispatch, "notice sent "+d.String())
		}
		if !tenders.IsZero() && !calendar.DateOf(tenders).After(d) {
			v.addDetail("tendersDeadline", instantText(tenders), ErrTendersNotAfterDispatch, "notice sent "+d.String())
		}
	}
	if !apps.IsZero() && !tenders.IsZero() && tenders.Before(apps) {
		v.addDetail("tendersDeadline", instantText(tenders), ErrTendersBeforeApplications, "applications due "+instantText(apps))
	}
	if c.TenderValidityDays < 0 {
		v.add("tenderValidityDays", strconv.Itoa(c.TenderValidityDays), ErrTenderValidity)
	}
}

func (v *validator) tenderersAndAwards(c Consultation) {
	ids := map[string]bool{}
	for i, t := range c.Tenderers {
		p := "tenderers[" + strconv.Itoa(i) + "]"
		switch {
		case t.ID == "":
			v.add(p+".id", "", ErrFieldRequired)
		case ids[t.ID]:
			v.add(p+".id", t.ID, ErrTendererIDDuplicate)
		}
		ids[t.ID] = true
		v.text(p+".name", t.Name)
		if t.SIRET != "" {
			if _, err := ParseSIRET(t.SIRET); err != nil {
				v.readdress(p+".siret", t.SIRET, err)
			}
		}
	}
	var lots map[int]bool
	if len(c.Awards) > 0 && len(c.Lots) > 0 {
		lots = make(map[int]bool, len(c.Lots))
		for _, l := range c.Lots {
			lots[l.Number] = true
		}
	}
	for i, a := range c.Awards {
		p := "awards[" + strconv.Itoa(i) + "]"
		switch {
		case len(c.Lots) == 0:
			if a.Lot != 0 {
				v.addDetail(p+".lot", strconv.Itoa(a.Lot), ErrAwardUnknownLot, "the consultation has no lots")
			}
		case a.Lot == 0:
			v.add(p+".lot", "", ErrFieldRequired)
		case !lots[a.Lot]:
			v.add(p+".lot", strconv.Itoa(a.Lot), ErrAwardUnknownLot)
		}
		switch {
		case a.Tenderer == "":
			v.add(p+".tenderer", "", ErrFieldRequired)
		case !ids[a.Tenderer]:
			v.add(p+".tenderer", a.Tenderer, ErrAwardUnknownTenderer)
		}
		v.requiredAmount(p+".amount", a.Amount)
		switch {
		case a.Date.IsZero():
			v.add(p+".date", "", ErrFieldRequired)
		case !c.TendersDeadline.IsZero() && a.Date.Before(calendar.DateOf(c.TendersDeadline)):
			v.addDetail(p+".date", a.Date.String(), ErrAwardBeforeTenders, "tenders due "+instantText(c.TendersDeadline))
		}
	}
}
