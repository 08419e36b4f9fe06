package conformance

import (
	"encoding/json"

	"github.com/shopspring/decimal"

	"github.com/openmarches/marches/pricing"
)

var (
	basisVAT = Basis{
		Ref:    "CGI art. 278 (standard rate 20 %), 296 (8.5 % and 2.1 % in Guadeloupe, Martinique, La Réunion); VAT computed on the HT amount rounded to the cent, TVA rounded to the cent, TTC = HT + TVA",
		Source: "pricing/doc.go, section \"Rounding\"; pricing.FromHT",
	}
	basisFromTTC = Basis{
		Ref:    "marches pricing: from an amount VAT included, HT = TTC × 100 / (100 + rate) rounded once, TVA = TTC − HT so the TTC is kept exactly",
		Source: "pricing.FromTTC",
	}
	basisAllocate = Basis{
		Ref:    "marches pricing: split into whole cents by the largest remainder method (shares rounded toward zero, leftover cents to the largest remainders, ties to the earlier part); the parts sum exactly to the total",
		Source: "pricing.Allocate",
	}
	basisFormat = Basis{
		Ref:    "CLDR 48, locale fr: decimal comma, U+202F NARROW NO-BREAK SPACE between thousands, U+00A0 NO-BREAK SPACE before the symbol; locale en: €9,290.70",
		Source: "https://cldr.unicode.org/ ; pricing.Amount.Format",
	}
	basisRevision = Basis{
		Ref:    "CCP art. R2112-13 (revisable price: reference to an index or a formula with an optional fixed part); P = P0 × (a + Σ bᵢ × Iᵢ/Iᵢ₀), the price rounded once to the cent (half-up) from the exact ratio when the contract does not round the coefficient",
		Source: "https://tricoteuses.fr/legifrance/articles/LEGIARTI000037730959 ; pricing/doc.go, section \"Rounding\"",
	}
	basisSyntecBreak = Basis{
		Ref:    "Fédération Syntec, August 2022 series break: revised = old × 0.97975 (coefficient de raccord 280.6 / 286.4); an S0 of the old series is multiplied by 0.97975 to be compared with an S of the revised series",
		Source: "https://www.lemoniteur.fr/article/contrats-un-nouvel-indice-syntec-plus-precis-et-plus-representatif.2230547",
	}
	basisMillieme = Basis{
		Ref:    "\"Arrondi au millième supérieur\" (CCAG-Travaux 2009 art. 11.4 and many clauses): the coefficient rounded up to 3 decimals, then P = P0 × C rounded to the cent",
		Source: "https://www.lemoniteur.fr/article/ccag-travaux-de-nouveaux-parametres-d-actualisation-des-prix-par-defaut-ou-presque.760639",
	}
	basisClauses = Basis{
		Ref:    "Revision clauses: clause butoir (floor/cap: the price stops at the bound), tunnel (no revision while |C − 1| <= x %), no downward revision, clause de sauvegarde (flag only: the buyer may terminate, the price is unchanged)",
		Source: "https://www.marche-public.fr/Marches-publics/Definitions/Entrees/Clause-sauvegarde.htm ; https://code-commande-publique.com/?p=25306",
	}
	basisSchedule = Basis{
		Ref:    "marches pricing: contract years from the start, revised on each anniversary (never in year 1); each year's billed amount rounded once, then split over its periods with the largest remainder method; VAT per invoice; months added de quantième à quantième (CPC art. 641), clamped to the end of short months",
		Source: "pricing.Plan; pricing.ProrataRule",
	}
)

// ---- pricing-money ----

type vatIn struct {
	Amount   string `json:"amount"`
	Rate     string `json:"rate"`
	Rounding string `json:"rounding"`
}

type breakdownOut struct {
	HT  string `json:"ht"`
	TVA string `json:"tva"`
	TTC string `json:"ttc"`
}

type allocateIn struct {
	Total   string   `json:"total"`
	Weights []string `json:"weights"`
}

type allocateOut struct {
	Parts []string `json:"parts"`
}

type formatIn struct {
	Amount string `json:"amount"`
	Lang   string `json:"lang"`
}

type textOut struct {
	Text string `json:"text"`
}

func decimalIn(field, s string) (decimal.Decimal, error) {
	d, err := pricing.ParseDecimal(s)
	if err != nil {
		return decimal.Decimal{}, &FieldError{Field: field, Value: s, Err: ErrInputs, Detail: "want a plain decimal such as 9290.70"}
	}
	return d, nil
}

func nullDecimalIn(field, s string) (decimal.NullDecimal, error) {
	if s == "" {
		return decimal.NullDecimal{}, nil
	}
	d, err := decimalIn(field, s)
	if err != nil {
		return decimal.NullDecimal{}, err
	}
	return decimal.NewNullDecimal(d), nil
}

func breakdown(b pricing.Breakdown) breakdownOut {
	return breakdownOut{HT: b.HT.Text(), TVA: b.TVA.Text(), TTC: b.TTC.Text()}
}

func pricingMoney() family {
	vatFields := func(what string) []Field {
		return []Field{
			{"amount", what + ", a plain decimal string in euros (\"1234.5\")"},
			{"rate", "VAT rate in percent, a decimal string (\"20\", \"8.5\", \"2.1\")"},
			{"rounding", "half-up (au plus proche, halves away from zero) or half-even (banker's)"},
		}
	}
	breakdownFields := []Field{
		{"ht", "amount before VAT, decimal string with 2 decimals"},
		{"tva", "VAT, decimal string with 2 decimals"},
		{"ttc", "amount VAT included, decimal string with 2 decimals; ht + tva = ttc exactly"},
	}
	return family{
		name:  "pricing-money",
		title: Text{FR: "Montants, TVA, répartition et format des sommes", EN: "Money, VAT, allocation and formatting"},
		pkg:   "github.com/openmarches/marches/pricing",
		ops: []op{
			newOp("vat_from_ht",
				Text{FR: "HT, TVA et TTC à partir d'un montant hors taxes : HT arrondi au centime, TVA = HT × taux / 100 arrondie au centime, TTC = HT + TVA.",
					EN: "HT, TVA and TTC from an amount before VAT: HT rounded to the cent, TVA = HT × rate / 100 rounded to the cent, TTC = HT + TVA."},
				vatFields("amount before VAT (HT)"), breakdownFields,
				func(in vatIn) (any, error) {
					a, r, m, err := vatInputs(in)
					if err != nil {
						return nil, err
					}
					b, err := pricing.FromHT(a, r, m)
					if err != nil {
						return nil, err
					}
					return breakdown(b), nil
				}),
			newOp("vat_from_ttc",
				Text{FR: "HT et TVA à partir d'un montant TTC : TTC arrondi au centime, HT = TTC × 100 / (100 + taux) arrondi une fois, TVA = TTC − HT.",
					EN: "HT and TVA from an amount VAT included: TTC rounded to the cent, HT = TTC × 100 / (100 + rate) rounded once, TVA = TTC − HT."},
				vatFields("amount VAT included (TTC)"), breakdownFields,
				func(in vatIn) (any, error) {
					a, r, m, err := vatInputs(in)
					if err != nil {
						return nil, err
					}
					b, err := pricing.FromTTC(a, r, m)
					if err != nil {
						return nil, err
					}
					return breakdown(b), nil
				}),
			newOp("allocate",
				Text{FR: "Répartition d'un total en parts proportionnelles aux poids, en centimes entiers, par la méthode du plus fort reste (égalités : la part la plus tôt) ; les parts somment exactement au total.",
					EN: "Split of a total into parts proportional to the weights, in whole cents, by the largest remainder method (ties: the earlier part); the parts sum exactly to the total."},
				[]Field{{"total", "decimal string, whole cents"}, {"weights", "list of decimal strings >= 0, sum > 0"}},
				[]Field{{"parts", "list of decimal strings with 2 decimals, one per weight"}},
				func(in allocateIn) (any, error) {
					t, err := pricing.NewAmount(in.Total, pricing.EUR)
					if err != nil {
						return nil, err
					}
					var ws []decimal.Decimal
					for _, w := range in.Weights {
						d, err := decimalIn("weights", w)
						if err != nil {
							return nil, err
						}
						ws = append(ws, d)
					}
					parts, err := pricing.Allocate(t, ws)
					if err != nil {
						return nil, err
					}
					out := allocateOut{Parts: []string{}}
					for _, p := range parts {
						out.Parts = append(out.Parts, p.Round(pricing.RoundHalfUp).Text())
					}
					return out, nil
				}),
			newOp("format",
				Text{FR: "Écriture d'un montant en euros pour un lecteur, en français (9 290,70 € avec U+202F entre les milliers et U+00A0 avant €) ou en anglais (€9,290.70), arrondi au centime au plus proche.",
					EN: "An amount in euros written for people, in French (9 290,70 € with U+202F between thousands and U+00A0 before €) or English (€9,290.70), rounded to the cent half away from zero."},
				[]Field{{"amount", "decimal string"}, {"lang", "fr or en"}},
				[]Field{{"text", "the formatted amount (UTF-8)"}},
				func(in formatIn) (any, error) {
					a, err := pricing.NewAmount(in.Amount, pricing.EUR)
					if err != nil {
						return nil, err
					}
					l, err := pricing.ParseLang(in.Lang)
					if err != nil {
						return nil, err
					}
					return textOut{a.Format(l)}, nil
				}),
		},
		cases: moneyCases,
	}
}

func vatInputs(in vatIn) (pricing.Amount, decimal.Decimal, pricing.RoundingMode, error) {
	a, err := pricing.NewAmount(in.Amount, pricing.EUR)
	if err != nil {
		return pricing.Amount{}, decimal.Decimal{}, 0, err
	}
	r, err := pricing.ParseVATRate(in.Rate)
	if err != nil {
		return pricing.Amount{}, decimal.Decimal{}, 0, err
	}
	m, err := pricing.ParseRoundingMode(in.Rounding)
	if err != nil {
		return pricing.Amount{}, decimal.Decimal{}, 0, err
	}
	return a, r, m, nil
}

func moneyCases() []vcase {
	return []vcase{
		{id: "vat.from-ht-20", op: "vat_from_ht",
			fr:    "9 232,09 € HT à 20 % : TVA 1 846,42 €, TTC 11 078,51 €.",
			en:    "€9,232.09 before VAT at 20 %: VAT €1,846.42, total €11,078.51.",
			basis: basisVAT, in: vatIn{"9232.09", "20", "half-up"},
			hand: "9232.09 × 0.20 = 1846.418 → 1846.42; 9232.09 + 1846.42 = 11078.51."},
		{id: "vat.half-cent-half-up", op: "vat_from_ht",
			fr:    "1,25 € HT à 10 % : TVA exacte 0,125 €, arrondie au plus proche (0,5 vers le haut) à 0,13 €.",
			en:    "€1.25 before VAT at 10 %: exact VAT €0.125, rounded half-up to €0.13.",
			basis: basisVAT, in: vatIn{"1.25", "10", "half-up"},
			hand: "1.25 × 10 / 100 = 0.125, exactly half a cent: half-up gives 0.13; TTC 1.38."},
		{id: "vat.half-cent-half-even", op: "vat_from_ht",
			fr:    "1,25 € HT à 10 %, arrondi bancaire : TVA 0,12 € (le chiffre pair).",
			en:    "€1.25 before VAT at 10 %, banker's rounding: VAT €0.12 (the even digit).",
			basis: basisVAT, in: vatIn{"1.25", "10", "half-even"},
			hand: "0.125 half-even: the neighbours are 0.12 and 0.13, keep the even 2: 0.12; TTC 1.37."},
		{id: "vat.overseas-8-5", op: "vat_from_ht",
			fr:    "1 000 € HT au taux de 8,5 % (Guadeloupe, Martinique, La Réunion) : TVA 85 €.",
			en:    "€1,000 before VAT at 8.5 % (Guadeloupe, Martinique, La Réunion): VAT €85.",
			basis: basisVAT, in: vatIn{"1000", "8.5", "half-up"},
			hand: "1000 × 8.5 / 100 = 85.00; TTC 1085.00."},
		{id: "vat.overseas-2-1", op: "vat_from_ht",
			fr:    "0,25 € HT au taux de 2,1 % : TVA exacte 0,00525 €, arrondie à 0,01 €.",
			en:    "€0.25 before VAT at 2.1 %: exact VAT €0.00525, rounded to €0.01.",
			basis: basisVAT, in: vatIn{"0.25", "2.1", "half-up"},
			hand: "0.25 × 2.1 / 100 = 0.00525 → 0.01 (above half a cent); TTC 0.26."},
		{id: "vat.ht-rounded-first", op: "vat_from_ht",
			fr:    "HT donné avec 3 décimales (100,005 €) : arrondi d'abord à 100,01 €, puis TVA 20,00 €.",
			en:    "HT given with 3 decimals (€100.005): first rounded to €100.01, then VAT €20.00.",
			basis: basisVAT, in: vatIn{"100.005", "20", "half-up"},
			hand: "100.005 → 100.01 (half-up); 100.01 × 0.2 = 20.002 → 20.00; TTC 120.01."},
		{id: "vat.from-ttc-100", op: "vat_from_ttc",
			fr:    "100 € TTC à 20 % : HT 83,33 € (100/1,2 = 83,333…), TVA 16,67 €.",
			en:    "€100 VAT included at 20 %: HT €83.33 (100/1.2 = 83.333…), VAT €16.67.",
			basis: basisFromTTC, in: vatIn{"100", "20", "half-up"},
			hand: "100 × 100 / 120 = 83.3333… → 83.33; TVA = 100 − 83.33 = 16.67."},
		{id: "vat.from-ttc-zero-rate", op: "vat_from_ttc",
			fr:    "50 € TTC à 0 % : HT 50 €, TVA 0 €.",
			en:    "€50 VAT included at 0 %: HT €50, VAT €0.",
			basis: basisFromTTC, in: vatIn{"50", "0", "half-up"}},
		{id: "allocate.thirds", op: "allocate",
			fr:    "100 € en trois parts égales : 33,34 €, 33,33 €, 33,33 € (le centime restant va à la première part).",
			en:    "€100 in three equal parts: €33.34, €33.33, €33.33 (the leftover cent goes to the first part).",
			basis: basisAllocate, in: allocateIn{"100.00", []string{"1", "1", "1"}},
			hand: "Each share 33.333…, rounded toward zero 33.33; 3 × 33.33 = 99.99, 1 cent left; equal remainders: the earlier part gets it: 33.34, 33.33, 33.33."},
		{id: "allocate.twelve-months", op: "allocate",
			fr:    "1 000 € sur douze mois : 83,34 € les quatre premiers mois, 83,33 € les huit suivants.",
			en:    "€1,000 over twelve months: €83.34 for the first four months, €83.33 for the other eight.",
			basis: basisAllocate, in: allocateIn{"1000.00", []string{"1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1"}},
			hand: "1000/12 = 83.333…; 12 × 83.33 = 999.96; 4 cents left to the first four parts."},
		{id: "allocate.largest-remainder", op: "allocate",
			fr:    "10 € selon les poids 1, 2, 3 : 1,67 €, 3,33 €, 5,00 € (le centime restant va au plus fort reste, la première part).",
			en:    "€10 by weights 1, 2, 3: €1.67, €3.33, €5.00 (the leftover cent goes to the largest remainder, the first part).",
			basis: basisAllocate, in: allocateIn{"10.00", []string{"1", "2", "3"}},
			hand: "Shares 10/6 = 1.6666…, 20/6 = 3.3333…, 30/6 = 5; toward zero 1.66 + 3.33 + 5.00 = 9.99; remainders 0.0066…, 0.0033…, 0: the cent goes to the first part: 1.67, 3.33, 5.00."},
		{id: "allocate.negative", op: "allocate",
			fr:    "Avoir de −100 € en trois parts : −33,34 €, −33,33 €, −33,33 €.",
			en:    "Credit note of −€100 in three parts: −€33.34, −€33.33, −€33.33.",
			basis: basisAllocate, in: allocateIn{"-100.00", []string{"1", "1", "1"}}},
		{id: "format.fr", op: "format",
			fr:    "9 290,7 € en français : « 9 290,70 € » avec une espace fine insécable entre les milliers et une espace insécable avant €.",
			en:    "9290.7 in French: \"9 290,70 €\" with a narrow no-break space between thousands and a no-break space before €.",
			basis: basisFormat, in: formatIn{"9290.7", "fr"}},
		{id: "format.en", op: "format",
			fr:    "9 290,7 € en anglais : « €9,290.70 ».",
			en:    "9290.7 in English: \"€9,290.70\".",
			basis: basisFormat, in: formatIn{"9290.7", "en"}},
		{id: "format.fr-negative-millions", op: "format",
			fr:    "−1 234 567,891 € en français : arrondi au centime, « -1 234 567,89 € ».",
			en:    "−1234567.891 in French: rounded to the cent, \"-1 234 567,89 €\".",
			basis: basisFormat, in: formatIn{"-1234567.891", "fr"}},
	}
}

// ---- pricing-revision ----

type observationIn struct {
	Index string `json:"index"`
	Value string `json:"value"`
	Base  string `json:"base"`
}

type linkIn struct {
	From        string `json:"from"`
	To          string `json:"to"`
	Month       string `json:"month"`
	Coefficient string `json:"coefficient"`
}

type reviseIn struct {
	Initial        string          `json:"initial"`
	Formula        string          `json:"formula"`
	Base           []observationIn `json:"base"`
	Current        []observationIn `json:"current"`
	Links          []linkIn        `json:"links"`
	Rounding       string          `json:"coefficient_rounding"`
	AmountRounding string          `json:"amount_rounding"`
	Floor          string          `json:"floor"`
	Cap            string          `json:"cap"`
	Tunnel         string          `json:"tunnel"`
	NoDownward     bool            `json:"no_downward"`
	Safeguard      string          `json:"safeguard"`
}

type reviseOut struct {
	RawCoefficient     string   `json:"raw_coefficient"`
	Coefficient        string   `json:"coefficient"`
	Revised            string   `json:"revised"`
	ClausesApplied     []string `json:"clauses_applied"`
	SafeguardTriggered bool     `json:"safeguard_triggered"`
}

func observations(in []observationIn, field string) ([]pricing.Observation, error) {
	var out []pricing.Observation
	for _, o := range in {
		v, err := decimalIn(field, o.Value)
		if err != nil {
			return nil, err
		}
		out = append(out, pricing.Observation{Index: o.Index, Value: v, Base: o.Base})
	}
	return out, nil
}

func pricingRevision() family {
	return family{
		name:  "pricing-revision",
		title: Text{FR: "Révision de prix par indices (Syntec et autres)", EN: "Index-based price revision (Syntec and others)"},
		pkg:   "github.com/openmarches/marches/pricing",
		ops: []op{newOp("revise",
			Text{
				FR: "Prix révisé P = P0 × C, C = a + Σ bᵢ × Iᵢ/Iᵢ₀ : une valeur de base d'une ancienne série est exprimée dans la nouvelle avec les coefficients de raccord ; le coefficient est arrondi selon la règle du contrat (aucun arrondi par défaut : le prix est calculé sur le rapport exact), puis les clauses s'appliquent dans l'ordre tunnel, pas de baisse, plancher, plafond ; le prix est arrondi une fois au centime.",
				EN: "Revised price P = P0 × C, C = a + Σ bᵢ × Iᵢ/Iᵢ₀: a base value of an old series is expressed in the new one with the link coefficients; the coefficient is rounded by the contract's rule (none by default: the price uses the exact ratio), then the clauses apply in the order tunnel, no downward, floor, cap; the price is rounded once to the cent.",
			},
			[]Field{
				{"initial", "P0, decimal string in euros before VAT"},
				{"formula", "the formula as the CCAP writes it (\"P = P0 x (0,15 + 0,85 x S/S0)\")"},
				{"base", "list of {index, value, base}: the value Iᵢ₀ of each index in the base month; base names the series segment (\"old\", \"revised\") or is \"\""},
				{"current", "list of {index, value, base}: the value Iᵢ in the revision month"},
				{"links", "list of {from, to, month, coefficient}: to = from × coefficient (Syntec: old → revised, 2022-08, 0.97975)"},
				{"coefficient_rounding", "none, N (N decimals half-up), half-even-N, up-N, down-N, up-thousandth"},
				{"amount_rounding", "rounding of the price to the cent: half-up, half-even, up, down"},
				{"floor", "clause butoir floor of the coefficient, decimal string, \"\" for none"},
				{"cap", "clause butoir cap of the coefficient, decimal string, \"\" for none"},
				{"tunnel", "percent: no revision while |C − 1| <= tunnel/100 (bound included), \"\" for none"},
				{"no_downward", "true keeps P0 when C < 1"},
				{"safeguard", "percent: clause de sauvegarde flagged when (C − 1) × 100 > safeguard, \"\" for none"},
			},
			[]Field{
				{"raw_coefficient", "a + Σ bᵢ × Iᵢ/Iᵢ₀ before rounding and clauses, 10 decimals half-up (display only)"},
				{"coefficient", "the coefficient applied to P0 after rounding and clauses, 10 decimals (when no rule rounds it and no clause applies, the raw value: the price then uses the exact ratio)"},
				{"revised", "P, decimal string with 2 decimals"},
				{"clauses_applied", "clauses that changed the coefficient, in order: tunnel, no-downward, floor, cap; [] when none"},
				{"safeguard_triggered", "true when the clause de sauvegarde is reached (the price is not changed)"},
			},
			func(in reviseIn) (any, error) {
				p0, err := pricing.NewAmount(in.Initial, pricing.EUR)
				if err != nil {
					return nil, err
				}
				f, err := pricing.ParseFormula(in.Formula)
				if err != nil {
					return nil, err
				}
				base, err := observations(in.Base, "base")
				if err != nil {
					return nil, err
				}
				cur, err := observations(in.Current, "current")
				if err != nil {
					return nil, err
				}
				var links []pricing.Link
				for _, l := range in.Links {
					m, err := pricing.ParseMonth(l.Month)
					if err != nil {
						return nil, err
					}
					c, err := decimalIn("links.coefficient", l.Coefficient)
					if err != nil {
						return nil, err
					}
					links = append(links, pricing.Link{From: l.From, To: l.To, Month: m, Coefficient: c})
				}
				cfg := pricing.RevisionConfig{Formula: f, NoDownward: in.NoDownward}
				if cfg.Rounding, err = pricing.ParseCoefficientRounding(in.Rounding); err != nil {
					return nil, err
				}
				if cfg.AmountRounding, err = pricing.ParseRoundingMode(in.AmountRounding); err != nil {
					return nil, err
				}
				for _, b := range []struct {
					dst   *decimal.NullDecimal
					field string
					val   string
				}{{&cfg.Floor, "floor", in.Floor}, {&cfg.Cap, "cap", in.Cap}, {&cfg.Tunnel, "tunnel", in.Tunnel}, {&cfg.Safeguard, "safeguard", in.Safeguard}} {
					if *b.dst, err = nullDecimalIn(b.field, b.val); err != nil {
						return nil, err
					}
				}
				r, err := pricing.Revise(pricing.RevisionInput{Initial: p0, Base: base, Current: cur, Links: links}, cfg)
				if err != nil {
					return nil, err
				}
				out := reviseOut{
					RawCoefficient: r.RawCoefficient.StringFixed(pricing.RawCoefficientPlaces),
					Coefficient:    r.Coefficient.StringFixed(pricing.RawCoefficientPlaces),
					Revised:        r.Revised.Text(),
					ClausesApplied: []string{},
				}
				for _, c := range r.Clauses {
					if c.Applied {
						out.ClausesApplied = append(out.ClausesApplied, c.Clause)
					}
				}
				out.SafeguardTriggered = r.Safeguard != nil && r.Safeguard.Triggered
				return out, nil
			})},
		cases: revisionCases,
	}
}

func revisionCases() []vcase {
	s := func(v string) []observationIn { return []observationIn{{Index: "S", Value: v}} }
	plain := func(p0, s0, s1 string) reviseIn {
		return reviseIn{Initial: p0, Formula: "P = P0 x S/S0", Base: s(s0), Current: s(s1), Links: []linkIn{},
			Rounding: "none", AmountRounding: "half-up"}
	}
	syntecLink := []linkIn{{From: "old", To: "revised", Month: "2022-08", Coefficient: "0.97975"}}
	breakIn := plain("10000.00", "277.3", "322.2")
	breakIn.Base[0].Base, breakIn.Current[0].Base, breakIn.Links = "old", "revised", syntecLink
	fixed := plain("10000.00", "310.5", "322.2")
	fixed.Formula = "P = P0 x (0,15 + 0,85 x S/S0)"
	millieme := plain("10000.00", "310.5", "322.2")
	millieme.Rounding = "up-thousandth"
	tunnelAt := plain("1000.00", "300", "309")
	tunnelAt.Tunnel = "3"
	tunnelOut := plain("1000.00", "300", "309.3")
	tunnelOut.Tunnel = "3"
	down := plain("1000.00", "322.2", "315.2")
	down.NoDownward = true
	capped := plain("10000.00", "277.3", "322.2")
	capped.Cap = "1.05"
	safeguard := plain("1000.00", "300", "330")
	safeguard.Safeguard = "5"
	halfUp := plain("100.03", "200", "300")
	halfEven := plain("100.03", "200", "300")
	halfEven.AmountRounding = "half-even"
	two := reviseIn{Initial: "50000.00", Formula: "P = P0 x (0,125 + 0,875 x (0,6 x ICHT-IME/ICHT-IME0 + 0,4 x S/S0))",
		Base:    []observationIn{{Index: "ICHT-IME", Value: "130.2"}, {Index: "S", Value: "310.5"}},
		Current: []observationIn{{Index: "ICHT-IME", Value: "134.9"}, {Index: "S", Value: "322.2"}},
		Links:   []linkIn{}, Rounding: "4", AmountRounding: "half-up"}
	return []vcase{
		{id: "syntec.series-break", op: "revise",
			fr:    "Rupture de série Syntec : S0 = 277,3 (ancienne série, décembre 2021), S = 322,2 (série révisée, octobre 2025) ; S0 est multiplié par 0,97975 avant le rapport.",
			en:    "Syntec series break: S0 = 277.3 (old series, December 2021), S = 322.2 (revised series, October 2025); S0 is multiplied by 0.97975 before the ratio.",
			basis: basisSyntecBreak, in: breakIn,
			hand: "S0 in the revised series: 277.3 × 0.97975 = 271.684675; C = 322.2 / 271.684675 = 1.185934...; P = 10000 × 322.2 / 271.684675 = 3222000 / 271.684675 = 11859.3387... → 11859.34."},
		{id: "syntec.demo-contract-year-2", op: "revise",
			fr:    "Année 2 du contrat de démonstration : 9 000 € × 322,2 / 314,1 = 9 232,09 €.",
			en:    "Year 2 of the demo contract: €9,000 × 322.2 / 314.1 = €9,232.09.",
			basis: basisRevision, in: plain("9000.00", "314.1", "322.2"),
			hand: "9000 × 322.2 = 2899800; 2899800 / 314.1 = 9232.0917... → 9232.09; C = 322.2/314.1 = 1.0257879656 (10 decimals)."},
		{id: "fixed-part.15", op: "revise",
			fr:    "Partie fixe de 15 % : C = 0,15 + 0,85 × 322,2 / 310,5.",
			en:    "Fixed part of 15 %: C = 0.15 + 0.85 × 322.2 / 310.5.",
			basis: basisRevision, in: fixed,
			hand: "322.2 / 310.5 = 1.0376811594...; × 0.85 = 0.8820289855...; + 0.15 = 1.0320289855...; P = 10000 × C = 10320.289855... → 10320.29."},
		{id: "rounding.millieme-superieur", op: "revise",
			fr:    "Coefficient arrondi au millième supérieur : 1,03768… devient 1,038, soit 10 380 €.",
			en:    "Coefficient rounded up to the thousandth: 1.03768… becomes 1.038, i.e. €10,380.",
			basis: basisMillieme, in: millieme,
			hand: "C = 322.2 / 310.5 = 1.0376811594... → up to 3 decimals 1.038; P = 10000 × 1.038 = 10380.00."},
		{id: "tunnel.exactly-at-bound", op: "revise",
			fr:    "Tunnel de 3 % et variation d'exactement 3 % (309 / 300 = 1,03) : la borne est incluse, pas de révision.",
			en:    "3 % tunnel and a variation of exactly 3 % (309 / 300 = 1.03): the bound is included, no revision.",
			basis: basisClauses, in: tunnelAt,
			hand: "C = 309/300 = 1.03 exactly; |C − 1| = 0.03 <= 3/100: inside the tunnel, C applied = 1, P = 1000.00."},
		{id: "tunnel.just-outside", op: "revise",
			fr:    "Tunnel de 3 % et variation de 3,1 % : la révision s'applique en entier.",
			en:    "3 % tunnel and a variation of 3.1 %: the revision applies in full.",
			basis: basisClauses, in: tunnelOut,
			hand: "C = 309.3/300 = 1.031; |C − 1| = 0.031 > 0.03: revised in full, P = 1031.00."},
		{id: "no-downward", op: "revise",
			fr:    "Indice en baisse (315,2 après 322,2) avec clause sans baisse : le prix initial est conservé.",
			en:    "Falling index (315.2 after 322.2) with a no-downward clause: the initial price is kept.",
			basis: basisClauses, in: down},
		{id: "cap.clause-butoir", op: "revise",
			fr:    "Clause butoir à 1,05 sans raccord de série : le coefficient 1,1619… est ramené à 1,05.",
			en:    "Cap (clause butoir) at 1.05 without a series link: the coefficient 1.1619… is lowered to 1.05.",
			basis: basisClauses, in: capped},
		{id: "safeguard.flag-only", op: "revise",
			fr:    "Clause de sauvegarde à 5 % et hausse de 10 % : signalée, le prix révisé reste 1 100 €.",
			en:    "Safeguard clause at 5 % and a 10 % rise: flagged, the revised price stays €1,100.",
			basis: basisClauses, in: safeguard,
			hand: "C = 330/300 = 1.1; (C − 1) × 100 = 10 > 5: triggered; P = 1000 × 1.1 = 1100.00."},
		{id: "amount.half-up", op: "revise",
			fr:    "100,03 € × 1,5 = 150,045 € : arrondi au plus proche, 150,05 €.",
			en:    "€100.03 × 1.5 = €150.045: half-up, €150.05.",
			basis: basisRevision, in: halfUp,
			hand: "C = 300/200 = 1.5; 100.03 × 1.5 = 150.045, exactly half a cent: half-up 150.05."},
		{id: "amount.half-even", op: "revise",
			fr:    "100,03 € × 1,5 = 150,045 € : arrondi bancaire, 150,04 €.",
			en:    "€100.03 × 1.5 = €150.045: half-even, €150.04.",
			basis: basisRevision, in: halfEven,
			hand: "150.045 half-even: neighbours 150.04 and 150.05, keep the even 4: 150.04."},
		{id: "two-indices-nested", op: "revise",
			fr:    "Formule à deux indices imbriquée : 0,125 + 0,875 × (0,6 × ICHT-IME/ICHT-IME0 + 0,4 × S/S0), coefficient arrondi à 4 décimales.",
			en:    "Nested two-index formula: 0.125 + 0.875 × (0.6 × ICHT-IME/ICHT-IME0 + 0.4 × S/S0), coefficient rounded to 4 decimals.",
			basis: basisRevision, in: two},
	}
}

// ---- pricing-schedule ----

type planIn struct {
	Contract json.RawMessage `json:"contract"`
	Series   json.RawMessage `json:"series,omitempty"`
}

type planYearOut struct {
	Number int    `json:"number"`
	From   string `json:"from"`
	To     string `json:"to"`
	Price  string `json:"price"`
	Billed string `json:"billed"`
}

type anniversaryOut struct {
	Date           string `json:"date"`
	NoticeDeadline string `json:"notice_deadline"`
}

type invoiceOut struct {
	Date string `json:"date"`
	From string `json:"from"`
	To   string `json:"to"`
	breakdownOut
}

type planOut struct {
	End           string           `json:"end"`
	Years         []planYearOut    `json:"years"`
	Anniversaries []anniversaryOut `json:"anniversaries"`
	Invoices      []invoiceOut     `json:"invoices"`
	Totals        breakdownOut     `json:"totals"`
}

func pricingSchedule() family {
	return family{
		name:  "pricing-schedule",
		title: Text{FR: "Échéancier de facturation d'un contrat", EN: "Invoice schedule of a contract"},
		pkg:   "github.com/openmarches/marches/pricing",
		ops: []op{newOp("plan",
			Text{
				FR: "Échéancier d'un contrat : années contractuelles à partir du début, révisées à chaque anniversaire ; montant de chaque année arrondi une fois puis réparti sur ses périodes (plus fort reste) ; dernière année courte au prorata exact/exact ; factures à échoir (1er jour) ou échues (dernier jour) ; TVA par facture ; date limite de dénonciation avant chaque anniversaire.",
				EN: "Schedule of a contract: contract years from the start, revised on each anniversary; each year's amount rounded once then split over its periods (largest remainder); a short last year pro rata exact/exact; invoices in advance (first day) or arrears (last day); VAT per invoice; last day to give notice before each anniversary.",
			},
			[]Field{
				{"contract", "the contract in the JSON form of pricing/schema/contract.schema.json (start, months, fees per year, frequency, term, align, vat, notice, revision)"},
				{"series", "the index series the revision clause names, in the JSON form of pricing/schema/series.schema.json; absent for firm prices"},
			},
			[]Field{
				{"end", "last day of the contract, YYYY-MM-DD"},
				{"years", "list of {number, from, to, price (yearly fee after revision), billed (what the year's invoices sum to)}, amounts with 2 decimals"},
				{"anniversaries", "list of {date, notice_deadline} inside the term; notice_deadline \"\" without notice"},
				{"invoices", "list of {date, from, to, ht, tva, ttc} in date order"},
				{"totals", "{ht, tva, ttc} of all invoices"},
			},
			func(in planIn) (any, error) {
				var series []*pricing.Series
				if len(in.Series) > 0 {
					s, err := pricing.ParseSeriesJSON(in.Series)
					if err != nil {
						return nil, err
					}
					series = append(series, s)
				}
				c, err := pricing.ParseContract(in.Contract, series...)
				if err != nil {
					return nil, err
				}
				s, err := pricing.Plan(c)
				if err != nil {
					return nil, err
				}
				out := planOut{End: s.End.String(), Years: []planYearOut{}, Anniversaries: []anniversaryOut{}, Invoices: []invoiceOut{}, Totals: breakdown(s.Totals)}
				for _, y := range s.Years {
					out.Years = append(out.Years, planYearOut{y.Number, y.From.String(), y.To.String(), y.Price.Text(), y.Billed.Text()})
				}
				for _, a := range s.Anniversaries {
					out.Anniversaries = append(out.Anniversaries, anniversaryOut{a.Date.String(), a.NoticeDeadline.String()})
				}
				for _, inv := range s.Invoices {
					out.Invoices = append(out.Invoices, invoiceOut{inv.Date.String(), inv.From.String(), inv.To.String(), breakdown(inv.Amounts)})
				}
				return out, nil
			})},
		cases: scheduleCases,
	}
}

// conformanceSeries is a small series with a break, for the revision
// clause of the schedule vectors.
const conformanceSeries = `{"name":"conformance-index","bases":["old","revised"],` +
	`"links":[{"from":"old","to":"revised","month":"2025-01","coefficient":"0.5"}],` +
	`"values":[{"month":"2024-09","value":"200","base":"old","published":"2024-10-31"},` +
	`{"month":"2025-01","value":"105","base":"revised","published":"2025-02-28"},` +
	`{"month":"2025-10","value":"110","base":"revised","published":"2025-11-28"}]}`

func scheduleCases() []vcase {
	raw := func(s string) json.RawMessage { return json.RawMessage(s) }
	return []vcase{
		{id: "quarterly-short-last-year", op: "plan",
			fr:    "Contrat de 18 mois facturé par trimestre à échoir, 12 000 € HT par an : la dernière année, de 6 mois, facture la moitié du prix en deux trimestres.",
			en:    "18-month contract invoiced quarterly in advance, €12,000 before VAT a year: the 6-month last year bills half the price in two quarters.",
			basis: basisSchedule,
			in:    planIn{Contract: raw(`{"start":"2026-01-01","months":18,"fees":["12000","12000"],"frequency":"quarterly","term":"advance","vat":"20","notice":3}`)},
			hand:  "Year 1: 2026-01-01..2026-12-31, four quarters of 3000.00 HT (600.00 VAT, 3600.00 TTC) on 1 Jan, 1 Apr, 1 Jul, 1 Oct; year 2: 2027-01-01..2027-06-30, two quarters of 3000.00 (12000 × 2/4 = 6000.00); totals 18000.00 HT, 3600.00 VAT, 21600.00 TTC; notice 3 months before the anniversary 2027-01-01: 2026-10-01."},
		{id: "monthly-cents", op: "plan",
			fr:    "Contrat d'un an facturé au mois échu, 1 000 € HT : 83,34 € les quatre premiers mois, 83,33 € ensuite, la somme fait exactement 1 000 €.",
			en:    "One-year contract invoiced monthly in arrears, €1,000 before VAT: €83.34 the first four months, €83.33 afterwards, summing to exactly €1,000.",
			basis: basisSchedule,
			in:    planIn{Contract: raw(`{"start":"2026-01-01","months":12,"fees":["1000"],"frequency":"monthly","term":"arrears"}`)}},
		{id: "leap-day-anniversary", op: "plan",
			fr:    "Contrat commençant le 29 février 2024 : l'anniversaire de 2025 tombe le 28 février (mois court).",
			en:    "Contract starting on 29 February 2024: the 2025 anniversary falls on 28 February (short month).",
			basis: basisSchedule,
			in:    planIn{Contract: raw(`{"start":"2024-02-29","months":24,"fees":["6000","6000"],"frequency":"yearly","term":"advance","notice":2}`)}},
		{id: "calendar-aligned-half-years", op: "plan",
			fr:    "Contrat commençant le 1er avril 2026, semestres calendaires : premier et dernier semestres partiels, au prorata des jours.",
			en:    "Contract starting on 1 April 2026, calendar half-years: first and last half-years partial, pro rata of the days.",
			basis: basisSchedule,
			in:    planIn{Contract: raw(`{"start":"2026-04-01","months":12,"fees":["3650"],"frequency":"half-yearly","term":"advance","align":"calendar"}`)}},
		{id: "revised-year-2-series-break", op: "plan",
			fr:    "Deux ans révisés sur un indice avec rupture de série (raccord 0,5) : base = dernier indice publié à la signature (septembre 2024, ancienne série), année 2 révisée avec l'indice d'octobre 2025 (série révisée), dernier publié à l'anniversaire.",
			en:    "Two years revised on an index with a series break (link 0.5): base = last value published at signature (September 2024, old series), year 2 revised with the October 2025 value (revised series), the last published at the anniversary.",
			basis: basisSyntecBreak,
			in: planIn{Contract: raw(`{"signature":"2024-11-15","start":"2024-12-01","months":24,"fees":["10000","10000"],"frequency":"yearly","term":"advance",` +
				`"revision":{"formula":"P = P0 x S/S0","series":"conformance-index","base":{"rule":"last-published","at":"signature"},"current":{"rule":"last-published"}}}`),
				Series: raw(conformanceSeries)},
			hand: "S0 = 200 (old, 2024-09, last published on 2024-11-15), in the revised base 200 × 0.5 = 100; at the anniversary 2025-12-01 the last value due (end of month M+1) is 2025-10, published 2025-11-28: 110 (revised); C = 110/100 = 1.1; year 2 price = 10000 × 1.1 = 11000.00; totals HT 21000.00, VAT 4200.00, TTC 25200.00."},
	}
}
