package pricing

import (
	"encoding/json"

	"github.com/shopspring/decimal"
)

// Causes of a difference found by CheckInvoice. They are API: stable
// codes, extended only at the end.
const (
	// CauseInitialPrice: the invoice starts from another P0.
	CauseInitialPrice = "initial_price"
	// CauseWrongIndexMonth: an index value of another month than the
	// contract's rule gives.
	CauseWrongIndexMonth = "wrong_index_month"
	// CauseIndexValue: a value that is not the series' value for the month
	// stated.
	CauseIndexValue = "index_value_not_published"
	// CauseMissingLink: an old-series S0 compared with a revised-series S
	// without the coefficient de raccord.
	CauseMissingLink = "missing_link_coefficient"
	// CauseInvertedLink: the coefficient de raccord applied the wrong way.
	CauseInvertedLink = "inverted_link_coefficient"
	// CauseMissingFixedPart: C = S/S0 although the formula has a fixed part.
	CauseMissingFixedPart = "missing_fixed_part"
	// CauseCoefficientRounding: the coefficient rounded otherwise than the
	// contract says (up instead of half-up, other places).
	CauseCoefficientRounding = "coefficient_rounding"
	// CauseCoefficientArithmetic: a coefficient no usual mistake explains.
	CauseCoefficientArithmetic = "coefficient_arithmetic"
	// CauseAmountRounding: P0 × C rounded in another mode.
	CauseAmountRounding = "amount_rounding"
	// CauseAmountArithmetic: the amount is not P0 × C.
	CauseAmountArithmetic = "amount_arithmetic"
)

// Claim is what a supplier's invoice states about a revision. Unset fields
// (zero Month, zero Value, Valid=false) are not checked.
type Claim struct {
	// Initial is the P0 the invoice starts from; zero means "as the
	// contract".
	Initial Amount
	// Base and Current are the index month and value the invoice shows.
	Base, Current Observation
	// Coefficient is the revision coefficient the invoice shows.
	Coefficient decimal.NullDecimal
	// Revised is the revised price before VAT the invoice charges.
	Revised Amount
}

// Finding is one difference between an invoice and the contract's rule,
// with its most likely cause.
type Finding struct {
	// Field is initial, base.month, base.value, current.month,
	// current.value, coefficient or revised.
	Field    string
	Claimed  string
	Expected string
	// Cause is one of the Cause constants.
	Cause string
	// MessageFR and MessageEN explain the difference.
	MessageFR, MessageEN string
}

// CheckReport is the result of CheckInvoice.
type CheckReport struct {
	// OK is true when the invoice matches the rule.
	OK bool
	// Expected is the revision under the contract's rule.
	Expected Revision
	// Difference is claimed − expected revised price.
	Difference Amount
	Findings   []Finding
}

// CheckInvoice recomputes an invoice under the contract's rule (expected,
// computed with Revise or ReviseWithSeries) and reports each difference
// with its likely cause. The causes are found by recomputing the
// coefficient under each usual mistake and keeping the first that
// reproduces the invoice: a wrong index month (the claimed value is the
// series' value of another month), an old-series S0 without the link
// coefficient or with the coefficient applied the wrong way, a missing
// fixed part, a coefficient rounded differently (up instead of half-up,
// other places), then the arithmetic of P0 × C. s, when not nil, is the
// series used to identify index months and values.
//
// CheckInvoice checks one-index formulas fully; for several indices only
// the coefficient and the amount are compared.
func CheckInvoice(expected Revision, claim Claim, s *Series) CheckReport {
	rep := CheckReport{Expected: expected}
	cur := expected.Initial.c
	if claim.Revised.c != cur {
		claim.Revised.c = cur
	}
	rep.Difference = Amount{v: claim.Revised.v.Sub(expected.Revised.v), c: cur}
	add := func(f Finding) { rep.Findings = append(rep.Findings, f) }
	p0 := expected.Initial
	if !claim.Initial.IsZero() && !claim.Initial.v.Equal(expected.Initial.v) {
		add(Finding{Field: "initial", Claimed: claim.Initial.Text(), Expected: expected.Initial.Text(), Cause: CauseInitialPrice,
			MessageFR: "Le prix initial P0 facturé diffère de celui du contrat.",
			MessageEN: "The initial price P0 on the invoice differs from the contract's."})
		p0 = Amount{v: claim.Initial.v, c: cur}
	}
	single := len(expected.Terms) == 1
	var t RevisedTerm
	if single {
		t = expected.Terms[0]
	}
	// Indices used by the invoice: claimed when given, expected otherwise.
	b, c := t.Base, t.Current
	if single {
		for _, side := range []struct {
			name       string
			claimed    Observation
			exp        Observation
			used       *Observation
			symbol, fr string
		}{{"base", claim.Base, t.Base, &b, baseName(t.Index), "de base"}, {"current", claim.Current, t.Current, &c, t.Index, "de révision"}} {
			cl, ex := side.claimed, side.exp
			if !cl.Month.IsZero() {
				side.used.Month = cl.Month
				if cl.Month != ex.Month {
					add(Finding{Field: side.name + ".month", Claimed: cl.Month.String(), Expected: ex.Month.String(), Cause: CauseWrongIndexMonth,
						MessageFR: "Mois de l'indice " + side.fr + " " + side.symbol + " : la facture retient " + monthText(cl.Month, French) + ", la règle du contrat donne " + monthText(ex.Month, French) + ".",
						MessageEN: "Month of " + side.symbol + ": the invoice uses " + monthText(cl.Month, English) + ", the contract's rule gives " + monthText(ex.Month, English) + "."})
				}
			}
			if cl.Value.Sign() > 0 {
				side.used.Value = cl.Value
				side.used.Base = ex.Base
				if cl.Month.IsZero() && !cl.Value.Equal(ex.Value) && s != nil {
					if m, ok := findValueMonth(s, cl.Value, ex.Month); ok {
						side.used.Month = m
						add(Finding{Field: side.name + ".month", Claimed: m.String(), Expected: ex.Month.String(), Cause: CauseWrongIndexMonth,
							MessageFR: side.symbol + " = " + FormatNumber(cl.Value, 0, French) + " est la valeur " + s.Name() + " de " + monthText(m, French) + " ; la règle du contrat donne " + monthText(ex.Month, French) + " (" + FormatNumber(ex.Value, 0, French) + ").",
							MessageEN: side.symbol + " = " + FormatNumber(cl.Value, 0, English) + " is the " + s.Name() + " value of " + monthText(m, English) + "; the contract's rule gives " + monthText(ex.Month, English) + " (" + FormatNumber(ex.Value, 0, English) + ")."})
						if p, err := s.Value(m); err == nil {
							side.used.Base = p.Base
						}
						continue
					}
				}
				if !cl.Month.IsZero() && s != nil {
					if !seriesHas(s, cl.Month, cl.Value) {
						exp := ""
						if p, err := s.Value(cl.Month); err == nil {
							exp = decText(p.Value, 0)
							side.used.Base = p.Base
						}
						f := Finding{Field: side.name + ".value", Claimed: decText(cl.Value, 0), Expected: exp, Cause: CauseIndexValue,
							MessageFR: side.symbol + " = " + FormatNumber(cl.Value, 0, French) + " n'est pas une valeur publiée de " + s.Name() + " pour " + monthText(cl.Month, French) + ".",
							MessageEN: side.symbol + " = " + FormatNumber(cl.Value, 0, English) + " is not a published " + s.Name() + " value for " + monthText(cl.Month, English) + "."}
						if exp != "" && len(expected.links) > 0 {
							k := expected.links[0].Coefficient
							pv, _ := decimal.NewFromString(exp)
							if roundDec(pv.Mul(k), -pv.Exponent(), RoundHalfUp).Equal(cl.Value) {
								f.Cause = CauseInvertedLink
								f.MessageFR = side.symbol + " = " + FormatNumber(cl.Value, 0, French) + " est la valeur publiée " + FormatNumber(pv, 0, French) + " multipliée par le coefficient de raccord " + FormatNumber(k, 0, French) + " : pour prolonger l'ancienne série il faut la diviser (ou multiplier S0 par le coefficient)."
								f.MessageEN = side.symbol + " = " + FormatNumber(cl.Value, 0, English) + " is the published value " + FormatNumber(pv, 0, English) + " multiplied by the link coefficient " + FormatNumber(k, 0, English) + ": to continue the old series divide by it (or multiply S0 by it)."
							} else if roundDec(pv.Div(k), -pv.Exponent(), RoundHalfUp).Equal(cl.Value) {
								// the old-series equivalent of a revised value: consistent
								continue
							}
						}
						add(f)
					} else if p, err := s.ValueAsOf(cl.Month, Date{year: 9999, month: 12, day: 31}); err == nil {
						side.used.Base = p.Base
						for _, q := range s.span(cl.Month) {
							if q.Value.Equal(cl.Value) {
								side.used.Base = q.Base
							}
						}
					}
				}
			}
		}
	}
	// Coefficient.
	rule := expected.cfg
	places := int32(0)
	if claim.Coefficient.Valid {
		places = -claim.Coefficient.Decimal.Exponent()
		if places < 0 {
			places = 0
		}
	}
	var coefCause string
	if claim.Coefficient.Valid {
		cc := claim.Coefficient.Decimal
		if !cc.Equal(expected.Coefficient) && !(expected.Exact && divRound(expected.num, expected.den, places, RoundHalfUp).Equal(cc)) {
			var fr, en string
			coefCause, fr, en = explainCoefficient(expected, b, c, p0, cc, places, single)
			if coefCause != "" {
				add(Finding{Field: "coefficient", Claimed: decText(cc, 0), Expected: decText(expected.Coefficient, 0), Cause: coefCause, MessageFR: fr, MessageEN: en})
			}
		}
	}
	// Amount.
	if !claim.Revised.v.Equal(expected.Revised.v) {
		f := Finding{Field: "revised", Claimed: claim.Revised.Text(), Expected: expected.Revised.Text()}
		f.MessageFR = "Prix révisé : la facture porte " + claim.Revised.Format(French) + ", la règle du contrat donne " + expected.Revised.Format(French) + " (écart " + rep.Difference.Format(French) + ")."
		f.MessageEN = "Revised price: the invoice charges " + claim.Revised.Format(English) + ", the contract's rule gives " + expected.Revised.Format(English) + " (difference " + rep.Difference.Format(English) + ")."
		switch {
		case claim.Coefficient.Valid:
			cc := claim.Coefficient.Decimal
			digits := cur.Digits()
			if roundDec(p0.v.Mul(cc), digits, expected.AmountRounding).Equal(claim.Revised.v) {
				f.Cause = firstNonEmpty(coefCause, causeOf(rep.Findings), CauseCoefficientArithmetic)
			} else {
				f.Cause = CauseAmountArithmetic
				for _, m := range []RoundingMode{RoundHalfUp, RoundUp, RoundDown, RoundHalfEven} {
					if roundDec(p0.v.Mul(cc), digits, m).Equal(claim.Revised.v) {
						f.Cause = CauseAmountRounding
						f.MessageFR += " Montant P0 × C arrondi " + modeText(m, French) + " au lieu de " + modeText(expected.AmountRounding, French) + "."
						f.MessageEN += " Amount P0 × C rounded " + modeText(m, English) + " instead of " + modeText(expected.AmountRounding, English) + "."
						break
					}
				}
				if f.Cause == CauseAmountArithmetic {
					f.MessageFR += " Le montant ne vaut pas P0 × C avec le coefficient facturé."
					f.MessageEN += " The amount is not P0 × C with the invoiced coefficient."
				}
			}
		default:
			f.Cause = firstNonEmpty(causeOf(rep.Findings), "")
			if f.Cause == "" {
				f.Cause = CauseCoefficientArithmetic
				for _, h := range hypotheses(expected, b, c, single) {
					cfg := rule
					cfg.Formula = h.formula
					r, err := Revise(RevisionInput{Initial: p0, Base: []Observation{h.base}, Current: []Observation{h.cur}, Links: h.links}, cfg)
					if err == nil && r.Revised.v.Equal(claim.Revised.v) && h.cause != "" {
						f.Cause = h.cause
						f.MessageFR += " " + h.fr
						f.MessageEN += " " + h.en
						break
					}
				}
			}
		}
		add(f)
	}
	rep.OK = len(rep.Findings) == 0
	return rep
}

// explainCoefficient finds the usual mistake that reproduces the claimed
// coefficient cc (shown to places decimals): each hypothesis, unrounded or
// rounded in each mode. It returns "" when the claimed indices alone
// explain it (already reported), CauseCoefficientArithmetic when nothing
// does.
func explainCoefficient(expected Revision, b, c Observation, p0 Amount, cc decimal.Decimal, places int32, single bool) (string, string, string) {
	rule := expected.cfg
	for _, h := range hypotheses(expected, b, c, single) {
		for _, mode := range []RoundingMode{0, RoundHalfUp, RoundUp, RoundDown, RoundHalfEven} {
			cfg := rule
			cfg.Formula = h.formula
			if mode != 0 {
				cfg.Rounding = CoefficientRounding{mode: mode, places: places}
			}
			r, err := Revise(RevisionInput{Initial: p0, Base: []Observation{h.base}, Current: []Observation{h.cur}, Links: h.links}, cfg)
			if err != nil || !sameCoef(r, cc, places) {
				continue
			}
			switch {
			case h.cause != "":
				return h.cause, h.fr, h.en
			case mode != 0 && (rule.Rounding.mode != mode || rule.Rounding.places != places):
				return CauseCoefficientRounding,
					"Coefficient arrondi à " + itoa(int(places)) + " décimales " + modeText(mode, French) + " ; le contrat prévoit : " + roundingRuleText(rule.Rounding, French) + ".",
					"Coefficient rounded to " + itoa(int(places)) + " decimals " + modeText(mode, English) + "; the contract says: " + roundingRuleText(rule.Rounding, English) + "."
			default:
				return "", "", ""
			}
		}
	}
	return CauseCoefficientArithmetic, "Le coefficient facturé ne se retrouve par aucune erreur usuelle.", "The invoiced coefficient is not reproduced by any usual mistake."
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

func causeOf(fs []Finding) string {
	for _, f := range fs {
		if f.Field != "initial" {
			return f.Cause
		}
	}
	if len(fs) > 0 {
		return fs[0].Cause
	}
	return ""
}

func roundingRuleText(r CoefficientRounding, lang Lang) string {
	if r.IsNone() {
		return pick(lang == English, "no rounding", "pas d'arrondi")
	}
	return pick(lang == English, itoa(r.Places())+" decimals "+modeText(r.mode, lang), itoa(r.Places())+" décimales "+modeText(r.mode, lang))
}

// sameCoef compares a revision's coefficient with a claimed one shown to
// places decimals.
func sameCoef(r Revision, cc decimal.Decimal, places int32) bool {
	if !r.Exact {
		return r.Coefficient.Equal(cc)
	}
	return divRound(r.num, r.den, places, RoundHalfUp).Equal(cc)
}

type hypothesis struct {
	formula   Formula
	base, cur Observation
	links     []Link
	cause     string
	fr, en    string
}

// hypotheses lists the computations tried to explain an invoice: the
// contract's own, then each usual mistake.
func hypotheses(exp Revision, b, c Observation, single bool) []hypothesis {
	f := exp.Formula
	hs := []hypothesis{{formula: f, base: b, cur: c, links: exp.links}}
	if !single {
		return hs
	}
	if b.Base != c.Base && len(exp.links) > 0 {
		nb := b
		nb.Base = c.Base
		hs = append(hs, hypothesis{formula: f, base: nb, cur: c, cause: CauseMissingLink,
			fr: "S0 de l'ancienne série a été divisé par S de la série révisée sans le coefficient de raccord.",
			en: "An old-series S0 was divided into a revised-series S without the link coefficient."})
		var inv []Link
		for _, l := range exp.links {
			l.Coefficient = one.DivRound(l.Coefficient, 20)
			inv = append(inv, l)
		}
		hs = append(hs, hypothesis{formula: f, base: b, cur: c, links: inv, cause: CauseInvertedLink,
			fr: "Le coefficient de raccord a été appliqué dans le mauvais sens (S0 divisé au lieu d'être multiplié).",
			en: "The link coefficient was applied the wrong way (S0 divided instead of multiplied)."})
	}
	if !f.Fixed().IsZero() {
		nf := Formula{fixed: decimal.Zero, terms: []Term{{Index: f.terms[0].Index, Weight: one}}}
		hs = append(hs, hypothesis{formula: nf, base: b, cur: c, links: exp.links, cause: CauseMissingFixedPart,
			fr: "La partie fixe " + FormatNumber(f.Fixed(), 0, French) + " a été omise : C = S/S0 au lieu de " + f.Format(French) + ".",
			en: "The fixed part " + FormatNumber(f.Fixed(), 0, English) + " was left out: C = S/S0 instead of " + f.Format(English) + "."})
	}
	return hs
}

func seriesHas(s *Series, m Month, v decimal.Decimal) bool {
	for _, p := range s.span(m) {
		if p.Value.Equal(v) {
			return true
		}
	}
	return false
}

// findValueMonth returns the month closest to near whose value (any
// vintage) equals v, within 24 months.
func findValueMonth(s *Series, v decimal.Decimal, near Month) (Month, bool) {
	for d := 1; d <= 24; d++ {
		for _, m := range []Month{near.AddMonths(-d), near.AddMonths(d)} {
			if seriesHas(s, m, v) {
				return m, true
			}
		}
	}
	return Month{}, false
}

// MarshalJSON writes the report with decimal strings and both languages.
func (r CheckReport) MarshalJSON() ([]byte, error) {
	type finding struct {
		Field     string `json:"field"`
		Claimed   string `json:"claimed"`
		Expected  string `json:"expected"`
		Cause     string `json:"cause"`
		MessageFR string `json:"message_fr"`
		MessageEN string `json:"message_en"`
	}
	out := struct {
		OK         bool      `json:"ok"`
		Difference Amount    `json:"difference"`
		Findings   []finding `json:"findings"`
		Expected   Revision  `json:"expected"`
	}{OK: r.OK, Difference: r.Difference, Expected: r.Expected, Findings: []finding{}}
	for _, f := range r.Findings {
		out.Findings = append(out.Findings, finding(f))
	}
	return json.Marshal(out)
}
