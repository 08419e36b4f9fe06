package pricing

import (
	"encoding/json"
	"strings"

	"github.com/shopspring/decimal"
)

var (
	monthsFR = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	monthsEN = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// monthText returns "août 2024" or "August 2024".
func monthText(m Month, lang Lang) string {
	if lang == English {
		return monthsEN[m.month-1] + " " + itoa(int(m.year))
	}
	return monthsFR[m.month-1] + " " + itoa(int(m.year))
}

// dateText returns "30/09/2024" in French, "2024-09-30" in English.
func dateText(d Date, lang Lang) string {
	if lang == English {
		return d.String()
	}
	return itoa2(int(d.day)) + "/" + itoa2(int(d.month)) + "/" + itoa4(int(d.year))
}

func baseText(b string, lang Lang) string {
	switch {
	case b == "":
		return ""
	case b == "old" && lang != English:
		return "ancienne série"
	case b == "revised" && lang != English:
		return "série révisée"
	case lang == English:
		return b + " series"
	default:
		return "série " + b
	}
}

func modeText(m RoundingMode, lang Lang) string {
	en := lang == English
	switch m.orDefault() {
	case RoundHalfEven:
		return pick(en, "half-even (banker's rounding)", "au plus proche, 0,5 vers le chiffre pair")
	case RoundUp:
		return pick(en, "up", "au supérieur")
	case RoundDown:
		return pick(en, "down", "à l'inférieur")
	}
	return pick(en, "half-up", "au plus proche, 0,5 vers le haut")
}

func pick(en bool, e, f string) string {
	if en {
		return e
	}
	return f
}

func ruleText(o Observation, lang Lang) string {
	en := lang == English
	switch o.Rule.Kind {
	case RuleMonth:
		return pick(en, "month set by the contract", "mois fixé par le contrat")
	case RuleMonthOf:
		if o.Rule.MonthsBefore == 0 {
			return pick(en, "month of ", "mois de la date du ") + dateText(o.At, lang)
		}
		return pick(en, "month M−"+itoa(o.Rule.MonthsBefore)+" of ", "mois M−"+itoa(o.Rule.MonthsBefore)+" de la date du ") + dateText(o.At, lang)
	case RuleLastPublished:
		return pick(en, "last value published at ", "dernier indice publié au ") + dateText(o.At, lang)
	}
	return ""
}

func obsText(sym string, o Observation, lang Lang) string {
	en := lang == English
	s := sym + " = " + FormatNumber(o.Value, 0, lang)
	var parts []string
	if o.Series != "" {
		parts = append(parts, o.Series)
	}
	if !o.Month.IsZero() {
		parts = append(parts, monthText(o.Month, lang))
	}
	if b := baseText(o.Base, lang); b != "" {
		parts = append(parts, b)
	}
	if o.Status == StatusProvisional {
		parts = append(parts, pick(en, "provisional", "provisoire"))
	}
	if !o.Published.IsZero() {
		if o.PublishedKnown {
			parts = append(parts, pick(en, "published ", "publié le ")+dateText(o.Published, lang))
		} else {
			parts = append(parts, pick(en, "deemed published ", "réputé publié le ")+dateText(o.Published, lang))
		}
	}
	if len(parts) > 0 {
		s += " (" + strings.Join(parts, ", ")
		if r := ruleText(o, lang); r != "" {
			s += pick(en, "; ", " ; ") + r
		}
		s += ")"
	}
	return s
}

func pct(d decimal.Decimal, lang Lang) string {
	s := FormatNumber(trimZeros(d.Round(2)), 0, lang)
	if d.Sign() >= 0 {
		s = "+" + s
	}
	return s + pick(lang == English, "%", "\u00a0%")
}

func roundPlaceText(digits int32, lang Lang) string {
	en := lang == English
	if digits == 2 {
		return pick(en, "to the cent", "au centime")
	}
	return pick(en, "to "+itoa(int(digits))+" decimals", "à "+itoa(int(digits))+" décimales")
}

// Explain returns the revision step by step, one line per step, in lang
// (zero = French): the formula, each index value with its series, month,
// base, status, publication date and the rule that chose it, the link
// coefficient when a series break is bridged, the raw coefficient, its
// rounding, each clause, and the price with its rounding. Buyer and vendor
// can check every number by hand.
func (r Revision) Explain(lang Lang) []string {
	en := lang == English
	var out []string
	out = append(out, pick(en, "Formula: ", "Formule : ")+r.Formula.Format(lang))
	if r.Formula.Source() != "" && r.Formula.Source() != r.Formula.Format(lang) {
		out[0] += pick(en, " (as written: ", " (texte du contrat : ") + r.Formula.Source() + ")"
	}
	for _, t := range r.Terms {
		out = append(out, obsText(baseName(t.Index), t.Base, lang))
		out = append(out, obsText(t.Index, t.Current, lang))
		if l := t.Link; l != nil {
			var ks []string
			for _, k := range l.Links {
				ks = append(ks, FormatNumber(k.Coefficient, 0, lang)+pick(en, " (", " (")+baseText(k.From, lang)+" → "+baseText(k.To, lang)+", "+monthText(k.Month, lang)+")")
			}
			if l.Side == "base" {
				out = append(out, pick(en, baseName(t.Index)+" expressed in the "+baseText(l.To, lang)+" with the link coefficient (coefficient de raccord): ",
					baseName(t.Index)+" exprimé dans la "+baseText(l.To, lang)+" avec le coefficient de raccord : ")+
					FormatNumber(t.Base.Value, 0, lang)+" × "+strings.Join(ks, " × ")+" = "+FormatNumber(t.BaseAdjusted, 0, lang))
			} else {
				out = append(out, pick(en, t.Index+" expressed in the "+baseText(l.To, lang)+" with the link coefficient: ",
					t.Index+" exprimé dans la "+baseText(l.To, lang)+" avec le coefficient de raccord : ")+
					FormatNumber(t.Current.Value, 0, lang)+" × "+strings.Join(ks, " × ")+" = "+FormatNumber(t.CurrentAdjusted, 0, lang))
			}
		}
	}
	var expr []string
	if !r.Formula.Fixed().IsZero() {
		expr = append(expr, FormatNumber(r.Formula.Fixed(), 0, lang))
	}
	for _, t := range r.Terms {
		e := FormatNumber(t.CurrentAdjusted, 0, lang) + " / " + FormatNumber(t.BaseAdjusted, 0, lang)
		if !(len(r.Terms) == 1 && r.Formula.Fixed().IsZero()) {
			e = FormatNumber(t.Weight, 0, lang) + " × " + e
		}
		expr = append(expr, e)
	}
	raw := pick(en, "Raw coefficient: C = ", "Coefficient brut : C = ") + strings.Join(expr, " + ") + " = " + FormatNumber(r.RawCoefficient, 0, lang)
	if !r.rawDen.Equal(one) && !divRound(r.rawNum, r.rawDen, RawCoefficientPlaces+2, RoundHalfUp).Equal(r.RawCoefficient) {
		raw += pick(en, " (shown to "+itoa(RawCoefficientPlaces)+" decimals)", " (affiché à "+itoa(RawCoefficientPlaces)+" décimales)")
	}
	out = append(out, raw)
	if r.Rounding.IsNone() {
		out = append(out, pick(en, "Coefficient not rounded: the price uses the exact ratio.", "Coefficient non arrondi : le prix est calculé sur le rapport exact."))
	} else if r.Rounding.mode == RoundUp && r.Rounding.places == 3 {
		out = append(out, pick(en, "Coefficient rounded up to the thousandth: C = ", "Coefficient arrondi au millième supérieur : C = ")+FormatNumber(r.roundNum, 0, lang))
	} else {
		out = append(out, pick(en, "Coefficient rounded to "+itoa(r.Rounding.Places())+" decimals, "+modeText(r.Rounding.mode, lang)+": C = ",
			"Coefficient arrondi à "+itoa(r.Rounding.Places())+" décimales, "+modeText(r.Rounding.mode, lang)+" : C = ")+FormatNumber(r.roundNum, 0, lang))
	}
	if s := r.Safeguard; s != nil {
		line := pick(en, "Safeguard clause (clause de sauvegarde, threshold ", "Clause de sauvegarde (seuil ") + pct(s.Threshold, lang) + pick(en, "): variation ", ") : variation ") + pct(s.Variation, lang)
		if s.Triggered {
			line += pick(en, ", threshold exceeded: the buyer may terminate the unperformed part without indemnity.", ", seuil dépassé : l'acheteur peut résilier sans indemnité la part non exécutée.")
		} else {
			line += pick(en, ", threshold not reached.", ", seuil non atteint.")
		}
		out = append(out, line)
	}
	for _, c := range r.Clauses {
		out = append(out, clauseText(c, lang))
	}
	out = append(out, r.priceLine(lang))
	if r.Provisional {
		out = append(out, pick(en, "Warning: a provisional index value was used; regularise when the definitive value is published.",
			"Attention : une valeur d'indice provisoire a été utilisée ; à régulariser à la publication de la valeur définitive."))
	}
	return out
}

func clauseText(c ClauseEffect, lang Lang) string {
	en := lang == English
	before, after := FormatNumber(c.Before, 0, lang), FormatNumber(c.After, 0, lang)
	switch c.Clause {
	case "tunnel":
		s := pick(en, "Tunnel ±", "Tunnel ±") + FormatNumber(c.Threshold, 0, lang) + pick(en, "%: ", "\u00a0% : ")
		if c.Applied {
			return s + pick(en, "C = "+before+" is inside the tunnel, no revision: C = 1.", "C = "+before+" est dans le tunnel, pas de révision : C = 1.")
		}
		return s + pick(en, "C = "+before+" is outside the tunnel, the revision applies.", "C = "+before+" est hors du tunnel, la révision s'applique.")
	case "no-downward":
		if c.Applied {
			return pick(en, "Downward revision excluded: C = "+before+" < 1, C = 1.", "Révision à la baisse exclue : C = "+before+" < 1, C = 1.")
		}
		return pick(en, "Downward revision excluded: C = "+before+" >= 1, unchanged.", "Révision à la baisse exclue : C = "+before+" ≥ 1, inchangé.")
	case "floor":
		if c.Applied {
			return pick(en, "Floor (clause butoir) ", "Clause butoir, plancher ") + FormatNumber(c.Threshold, 0, lang) + pick(en, ": C = "+before+" raised to "+after+".", " : C = "+before+" relevé à "+after+".")
		}
		return pick(en, "Floor (clause butoir) ", "Clause butoir, plancher ") + FormatNumber(c.Threshold, 0, lang) + pick(en, ": not reached.", " : non atteint.")
	default:
		if c.Applied {
			return pick(en, "Cap (clause butoir) ", "Clause butoir, plafond ") + FormatNumber(c.Threshold, 0, lang) + pick(en, ": C = "+before+" lowered to "+after+".", " : C = "+before+" ramené à "+after+".")
		}
		return pick(en, "Cap (clause butoir) ", "Clause butoir, plafond ") + FormatNumber(c.Threshold, 0, lang) + pick(en, ": not reached.", " : non atteint.")
	}
}

func (r Revision) priceLine(lang Lang) string {
	en := lang == English
	digits := r.Initial.c.Digits()
	how := "(" + pick(en, "rounded ", "arrondi ") + roundPlaceText(digits, lang) + ", " + modeText(r.AmountRounding, lang) + ")"
	p0 := r.Initial.Format(lang)
	var factor string
	if r.Exact {
		if len(r.Terms) == 1 && r.Formula.Fixed().IsZero() {
			t := r.Terms[0]
			factor = FormatNumber(t.CurrentAdjusted, 0, lang) + " / " + FormatNumber(t.BaseAdjusted, 0, lang)
		} else {
			factor = pick(en, "C (exact ratio)", "C (rapport exact)")
		}
	} else {
		factor = FormatNumber(r.num, 0, lang)
	}
	prod := r.Initial.v.Mul(r.num)
	line := "P = P0 × C = " + p0 + " × " + factor
	q := divRound(prod, r.den, digits+4, RoundHalfUp)
	exact := q.Mul(r.den).Equal(prod)
	if exact && q.Equal(r.Revised.v) {
		return line + " = " + r.Revised.Format(lang) + " (exact)"
	}
	if exact {
		return line + " = " + formatGrouped(trimZeros(q), lang) + " → " + r.Revised.Format(lang) + " " + how
	}
	return line + " ≈ " + formatGrouped(q, lang) + " → " + r.Revised.Format(lang) + " " + how
}

type observationJSON struct {
	Series         string     `json:"series,omitempty"`
	Month          string     `json:"month,omitempty"`
	Value          string     `json:"value"`
	Base           string     `json:"base,omitempty"`
	Status         string     `json:"status,omitempty"`
	Published      string     `json:"published,omitempty"`
	PublishedKnown bool       `json:"published_known,omitempty"`
	Rule           *MonthRule `json:"rule,omitempty"`
	At             string     `json:"at,omitempty"`
}

// MarshalJSON writes the observation with decimal strings.
func (o Observation) MarshalJSON() ([]byte, error) {
	j := observationJSON{Series: o.Series, Month: o.Month.String(), Value: decText(o.Value, 0), Base: o.Base,
		Published: o.Published.String(), PublishedKnown: o.PublishedKnown, At: o.At.String()}
	if o.Series != "" {
		j.Status = o.Status.String()
	}
	if !o.Rule.IsZero() {
		r := o.Rule
		j.Rule = &r
	}
	return json.Marshal(j)
}

// MarshalJSON writes the revision: the numbers as decimal strings, the
// observations, the clauses and the explanation in French and English.
func (r Revision) MarshalJSON() ([]byte, error) {
	type link struct {
		Side   string `json:"side"`
		From   string `json:"from"`
		To     string `json:"to"`
		Factor string `json:"factor"`
	}
	type term struct {
		Index           string      `json:"index"`
		Weight          string      `json:"weight"`
		Base            Observation `json:"base"`
		Current         Observation `json:"current"`
		Link            *link       `json:"link,omitempty"`
		BaseAdjusted    string      `json:"base_in_common_base,omitempty"`
		CurrentAdjusted string      `json:"current_in_common_base,omitempty"`
	}
	type clause struct {
		Clause    string `json:"clause"`
		Threshold string `json:"threshold"`
		Applied   bool   `json:"applied"`
		Before    string `json:"before"`
		After     string `json:"after"`
	}
	type safeguard struct {
		Threshold string `json:"threshold_percent"`
		Variation string `json:"variation_percent"`
		Triggered bool   `json:"triggered"`
	}
	out := struct {
		Formula        string     `json:"formula"`
		Currency       string     `json:"currency"`
		Initial        Amount     `json:"initial"`
		Indices        []term     `json:"indices"`
		RawCoefficient string     `json:"raw_coefficient"`
		Rounding       string     `json:"coefficient_rounding"`
		Coefficient    string     `json:"coefficient"`
		Exact          bool       `json:"exact_ratio"`
		Clauses        []clause   `json:"clauses,omitempty"`
		Safeguard      *safeguard `json:"safeguard,omitempty"`
		Revised        Amount     `json:"revised"`
		AmountRounding string     `json:"amount_rounding"`
		Provisional    bool       `json:"provisional"`
		ExplanationFR  []string   `json:"explanation_fr"`
		ExplanationEN  []string   `json:"explanation_en"`
	}{
		Formula: r.Formula.String(), Currency: r.Initial.c.Code(), Initial: r.Initial,
		RawCoefficient: decText(r.RawCoefficient, 0), Rounding: r.Rounding.String(), Coefficient: decText(r.Coefficient, 0),
		Exact: r.Exact, Revised: r.Revised, AmountRounding: r.AmountRounding.String(), Provisional: r.Provisional,
		ExplanationFR: r.Explain(French), ExplanationEN: r.Explain(English),
	}
	for _, t := range r.Terms {
		j := term{Index: t.Index, Weight: decText(t.Weight, 0), Base: t.Base, Current: t.Current}
		if l := t.Link; l != nil {
			j.Link = &link{Side: l.Side, From: l.From, To: l.To, Factor: decText(l.Factor, 0)}
			j.BaseAdjusted, j.CurrentAdjusted = decText(t.BaseAdjusted, 0), decText(t.CurrentAdjusted, 0)
		}
		out.Indices = append(out.Indices, j)
	}
	for _, c := range r.Clauses {
		out.Clauses = append(out.Clauses, clause{c.Clause, decText(c.Threshold, 0), c.Applied, decText(c.Before, 0), decText(c.After, 0)})
	}
	if s := r.Safeguard; s != nil {
		out.Safeguard = &safeguard{decText(s.Threshold, 0), decText(s.Variation, 0), s.Triggered}
	}
	return json.Marshal(out)
}
