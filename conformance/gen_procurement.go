package conformance

import (
	"github.com/shopspring/decimal"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
	"github.com/openmarches/marches/procurement"
)

var (
	basisThresholds = Basis{
		Ref:    "CCP L2124-1 and annexe 2 (a value equal to or greater than the EU threshold gives a formalised procedure), R2122-8 (dispense: supplies and services < 60 000 € from 1 April 2026, < 40 000 € before; works < 100 000 €), R2131-12 (MAPA notice in the BOAMP or a JAL from 90 000 €), R2132-2 (free documents from 60 000 €); Delegated Regulations (EU) 2025/2150-2152 for 2026-2027; threshold table version " + procurement.ThresholdDataVersion,
		Source: "https://www.marche-public.fr/Marches-publics/Textes/Decrets/Decret_no_2025-1386-seuils-ECOM2535495D.htm ; https://www.weka.fr/actualite/appel-doffres/article/les-nouveaux-seuils-europeens-pour-2026-2027-integres-au-sein-du-code-de-la-commande-publique-208873",
	}
	basisSmallLots = Basis{
		Ref:    "CCP R2123-1 2°: inside a formalised operation, lots below 80 000 € (supplies, services) or 1 000 000 € (works) may use an adapted procedure if they add up to at most 20 % of all lots",
		Source: "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000043316424",
	}
	basisTimeLimits = Basis{
		Ref:    "CCP R2161-2 to R2161-15 (minimum time limits: open 35 days, 30 electronic, 15 with a PIN or urgency; restricted and negotiated 30 days for applications, 30/25/10 for tenders), counted under Regulation (EEC, Euratom) No 1182/71 art. 3 (day of the event not counted, extension past Saturdays, Sundays and holidays, at least two working days in a period of two days or more); time-limit table version " + procurement.TimeLimitDataVersion,
		Source: "https://code-commande-publique.com/articles-r2161-2-et-r2161-23 ; https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:31971R1182",
	}
	basis1182 = Basis{
		Ref:    "Regulation (EEC, Euratom) No 1182/71 art. 3: the day of the event does not count; a period ending on a Saturday, Sunday or public holiday ends on the next working day; a period of two days or more includes at least two working days",
		Source: "https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:31971R1182",
	}
	basisWorkedExample = Basis{
		Ref:    "Worked example: a notice sent on Monday 6 January 2025 with a 30-day minimum allows a deadline from 6 February 2025 at 00:00 (start of day 31)",
		Source: "https://ampconsultants.fr/les-principaux-delais-dans-une-procedure-de-marche-public",
	}
	basisAdditionalInfo = Basis{
		Ref:    "CCP R2132-6: additional information sent at the latest 6 days before the tender deadline (4 days when the time limit was reduced for urgency: figure from a secondary source), counted backwards and moved earlier off a Saturday, Sunday or holiday",
		Source: "https://ampconsultants.fr/les-principaux-delais-dans-une-procedure-de-marche-public",
	}
	basisAwardNotice = Basis{
		Ref:    "CCP R2183-1: the award notice is sent for publication at the latest 30 days after the signature, counted under Regulation 1182/71",
		Source: "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000037729971",
	}
	basisRemedies = Basis{
		Ref:    "CJA R551-7 (référé contractuel: 31 days after the OJEU award notice, else six months from the conclusion); CE Ass. 4 April 2014 n° 358994 Tarn-et-Garonne (two months, délai franc, from the publicity); CE 19 September 2014 n° 362568 (extension of a last day on a Saturday, Sunday or holiday); months de quantième à quantième (CPC art. 641)",
		Source: "https://www.moray-avocat.fr/actualite-9023-le-recours-tarn-et-garonne-ouvert-meme-sans-mention-de-la-date-de-conclusion-du-contrat-dans-lavis-dattribution",
	}
	basisStandstill = Basis{
		Ref:    "CCP R2182-1 (standstill of 11 days from the sending of the rejection notices, 16 when not sent electronically; the sending day is day 1) and R2182-2 (exceptions: sole tenderer, call-off under a framework agreement, specific contract under a dynamic purchasing system); a last day on a Saturday, Sunday or holiday is extended unless counted strictly date à date",
		Source: "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000037729989",
	}
	basisStandstillCase = Basis{
		Ref:    "CE 2 August 2011 (old CMP art. 80): 16-day standstill counted date à date with the sending day included: notices sent on 28 December, period expired on 12 January, signature on 13 January lawful",
		Source: "https://doubletrade.com/?p=4531",
	}
	basisPayment = Basis{
		Ref:    "CCP R2192-10 (30 days for pouvoirs adjudicateurs), R2192-11 (50 days for public health establishments, 60 days for public undertakings); the period runs from the receipt of the payment request, the day of receipt not counted, and is not extended",
		Source: "https://www.code-commande-publique.com/article-r2192-10/ ; https://code-commande-publique.com/article-r2192-11",
	}
	basisLateInterest = Basis{
		Ref:    "CCP L2192-13 (interest runs automatically from the day after the period expires), R2192-31 (ECB main refinancing rate in force on the first day of the half-year in which interest starts + 8 points), D2192-35 (40 € flat compensation); simple interest principal × rate × days / 365, rounded to the cent half-up",
		Source: "https://french-business-law.com/french-legislation/legiscta000037729715-legiscta000037729655-subsection-4-interest-on-arrears-flat-rate-compensation-and-additional-compensation-for-recovery-costs",
	}
	basisSIREN = Basis{
		Ref:    "INSEE: SIREN (9 digits) and SIRET (SIREN + 5-digit NIC) pass the Luhn check; La Poste's SIRETs (SIREN 356000000) instead have a digit sum multiple of 5; spaces between groups are ignored",
		Source: "pass-culture/pass-culture-main api/src/pcapi/utils/siren.py (see procurement-facts §6.2); procurement.ParseSIRET",
	}
	basisCPV = Basis{
		Ref:    "Commission Regulation (EC) No 213/2008 (CPV 2008): code DDDDDDDD-C, 45 divisions, published check digit",
		Source: "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32008R0213 ; procurement.ParseCPV",
	}
	basisNUTS = Basis{
		Ref:    "NUTS 2024 classification (Commission Delegated Regulation (EU) 2023/674): French codes must exist; other countries are checked for their form only",
		Source: "https://ec.europa.eu/eurostat/web/nuts ; procurement.ParseNUTS",
	}
	basisACTES = Basis{
		Ref:    "ACTES (contrôle de légalité): DDD-SIREN-YYYYMMDD-NUMBER-NATURE, nature DE/AR/AI/CC/BF/AU; number 1 to 15 characters A-Z 0-9 _ (unconfirmed by an official text)",
		Source: "procurement-facts §6.1; procurement.ParseACTES",
	}
	basisVATNumber = Basis{
		Ref:    "French VAT number: FR + key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97",
		Source: "procurement.ParseVAT (errors_ids.go: ErrVATKey)",
	}
)

// rulebookFor returns the rulebook with the holidays of a territory.
func rulebookFor(territory string) (*procurement.Rulebook, error) {
	c, err := calIn{Territory: territory, Hours: defaultHours}.build()
	if err != nil {
		return nil, err
	}
	return procurement.NewRulebook(procurement.RulebookConfig{Calendar: c})
}

func dateString(d calendar.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func optDate(field, s string) (calendar.Date, error) {
	if s == "" {
		return calendar.Date{}, nil
	}
	return parseDate(field, s)
}

// ---- procurement-thresholds ----

type rulesLotIn struct {
	Ref            string `json:"ref"`
	EstimatedValue string `json:"estimated_value"`
}

type rulesIn struct {
	BuyerKind      string       `json:"buyer_kind"`
	Nature         string       `json:"nature"`
	EstimatedValue string       `json:"estimated_value"`
	LaunchDate     string       `json:"launch_date"`
	Lots           []rulesLotIn `json:"lots"`
}

type thresholdOut struct {
	Kind    string `json:"kind"`
	Amount  string `json:"amount"`
	Reached bool   `json:"reached"`
}

type procedureOut struct {
	Procedure string `json:"procedure"`
	Allowed   string `json:"allowed"`
}

type publicityOut struct {
	Medium   string `json:"medium"`
	Required bool   `json:"required"`
}

type smallLotsOut struct {
	Threshold      string   `json:"threshold"`
	Cap            string   `json:"cap"`
	Eligible       []string `json:"eligible"`
	EligibleTotal  string   `json:"eligible_total"`
	AllEligibleFit bool     `json:"all_eligible_fit"`
}

type rulesOut struct {
	Regime     string         `json:"regime"`
	Thresholds []thresholdOut `json:"thresholds"`
	Procedures []procedureOut `json:"procedures"`
	Publicity  []publicityOut `json:"publicity"`
	SmallLots  *smallLotsOut  `json:"small_lots,omitempty"`
}

func euros(d decimal.Decimal) string { return d.StringFixed(2) }

func procurementThresholds() family {
	return family{
		name:  "procurement-thresholds",
		title: Text{FR: "Seuils, procédures et publicité", EN: "Thresholds, procedures and publicity"},
		pkg:   "github.com/openmarches/marches/procurement",
		ops: []op{newOp("rules",
			Text{
				FR: "Régime (dispense, procédure adaptée, formalisée), seuils comparés (une valeur égale au seuil l'atteint), procédures ouvertes à l'acheteur et publicité requise, pour les seuils en vigueur à la date de lancement.",
				EN: "Regime (dispense, adapted, formalised), thresholds compared (a value equal to a threshold reaches it), procedures open to the buyer and publicity required, for the thresholds in force on the launch date.",
			},
			[]Field{
				{"buyer_kind", "state, local_authority, health, other_contracting_authority, utility, public_undertaking"},
				{"nature", "works, supplies, services"},
				{"estimated_value", "estimated value of the whole operation in euros excluding VAT (all lots, options, renewals), decimal string"},
				{"launch_date", "day the consultation is launched, YYYY-MM-DD: selects the thresholds in force"},
				{"lots", "list of {ref, estimated_value} when divided into lots, [] otherwise"},
			},
			[]Field{
				{"regime", "dispense, adapted or formalised"},
				{"thresholds", "list of {kind, amount (euros, 2 decimals), reached} in the order: dispense, EU, MAPA notice, free documents"},
				{"procedures", "list of {procedure, allowed}: procedure codes sans_publicite, adapte, ouvert, restreint, negocie, dialogue, partenariat_innovation; allowed always or conditional"},
				{"publicity", "list of {medium, required}: none, free_form, boamp_or_jal, boamp_and_joue, joue, buyer_profile_documents"},
				{"small_lots", "only for a formalised operation given with lots: {threshold, cap (20 % of all lots), eligible (refs below the threshold), eligible_total, all_eligible_fit}"},
			},
			func(in rulesIn) (any, error) {
				k, err := procurement.ParseBuyerKind(in.BuyerKind)
				if err != nil {
					return nil, err
				}
				n, err := procurement.ParseNature(in.Nature)
				if err != nil {
					return nil, err
				}
				v, err := decimalIn("estimated_value", in.EstimatedValue)
				if err != nil {
					return nil, err
				}
				d, err := parseDate("launch_date", in.LaunchDate)
				if err != nil {
					return nil, err
				}
				ri := procurement.RulesInput{BuyerKind: k, Nature: n, EstimatedValue: v, LaunchDate: d}
				for _, l := range in.Lots {
					lv, err := decimalIn("lots.estimated_value", l.EstimatedValue)
					if err != nil {
						return nil, err
					}
					ri.Lots = append(ri.Lots, procurement.RulesLot{Ref: l.Ref, EstimatedValue: lv})
				}
				rb, err := procurement.NewRulebook(procurement.RulebookConfig{})
				if err != nil {
					return nil, err
				}
				r, err := rb.Rules(ri)
				if err != nil {
					return nil, err
				}
				out := rulesOut{Regime: r.Regime.String()}
				for _, t := range r.Thresholds {
					out.Thresholds = append(out.Thresholds, thresholdOut{t.Threshold.Kind.String(), euros(t.Threshold.Amount), t.Reached})
				}
				for _, p := range r.Procedures {
					out.Procedures = append(out.Procedures, procedureOut{p.Procedure.String(), p.Allowed.String()})
				}
				for _, p := range r.Publicity {
					out.Publicity = append(out.Publicity, publicityOut{p.Medium.String(), p.Required})
				}
				if s := r.SmallLots; s != nil {
					out.SmallLots = &smallLotsOut{Threshold: euros(s.Threshold.Amount), Cap: euros(s.Cap), Eligible: append([]string{}, s.Eligible...),
						EligibleTotal: euros(s.EligibleTotal), AllEligibleFit: s.AllEligibleFit}
				}
				return out, nil
			})},
		cases: thresholdCases,
	}
}

func thresholdCases() []vcase {
	r := func(kind, nature, value, date string) rulesIn {
		return rulesIn{BuyerKind: kind, Nature: nature, EstimatedValue: value, LaunchDate: date, Lots: []rulesLotIn{}}
	}
	lots := r("local_authority", "services", "1000000", "2026-06-01")
	lots.Lots = []rulesLotIn{{"1", "700000"}, {"2", "150000"}, {"3", "79999.99"}, {"4", "70000.01"}}
	return []vcase{
		{id: "eu.local-authority-exactly-at-threshold", op: "rules",
			fr:    "Commune, services, 216 000 € HT au 1er mars 2026 : égal au seuil européen des pouvoirs adjudicateurs sous-centraux, donc procédure formalisée.",
			en:    "Local authority, services, €216,000 before VAT on 1 March 2026: equal to the EU sub-central threshold, hence a formalised procedure.",
			basis: basisThresholds, in: r("local_authority", "services", "216000", "2026-03-01"),
			hand: "EU threshold 2026-2027 for sub-central supplies/services: 216 000 (Reg. 2025/2152); 216000 >= 216000: reached, formalised; contract notice BOAMP + JOUE; dispense threshold before 1 April 2026: 40 000, reached."},
		{id: "eu.local-authority-one-cent-below", op: "rules",
			fr:    "Commune, services, 215 999,99 € HT : un centime sous le seuil européen, procédure adaptée avec avis au BOAMP ou dans un JAL.",
			en:    "Local authority, services, €215,999.99 before VAT: one cent below the EU threshold, adapted procedure with a notice in the BOAMP or a JAL.",
			basis: basisThresholds, in: r("local_authority", "services", "215999.99", "2026-03-01"),
			hand: "215999.99 < 216000: adapted; >= 90 000: notice in the BOAMP or a JAL (R2131-12 2°)."},
		{id: "eu.state-central-threshold", op: "rules",
			fr:    "État, fournitures, 150 000 € HT en 2026 : au-dessus du seuil des autorités centrales (140 000 €), procédure formalisée ; une commune resterait en procédure adaptée.",
			en:    "State, supplies, €150,000 before VAT in 2026: above the central government threshold (€140,000), formalised; a local authority would stay in an adapted procedure.",
			basis: basisThresholds, in: r("state", "supplies", "150000", "2026-05-01")},
		{id: "eu.2025-thresholds", op: "rules",
			fr:    "Commune, services, 220 000 € HT lancé le 31 décembre 2025 : seuil 2024-2025 de 221 000 €, procédure adaptée.",
			en:    "Local authority, services, €220,000 before VAT launched on 31 December 2025: 2024-2025 threshold of €221,000, adapted procedure.",
			basis: basisThresholds, in: r("local_authority", "services", "220000", "2025-12-31")},
		{id: "eu.2026-thresholds", op: "rules",
			fr:    "Même marché lancé le 1er janvier 2026 : seuil 2026-2027 de 216 000 €, procédure formalisée.",
			en:    "Same contract launched on 1 January 2026: 2026-2027 threshold of €216,000, formalised procedure.",
			basis: basisThresholds, in: r("local_authority", "services", "220000", "2026-01-01")},
		{id: "eu.works", op: "rules",
			fr:    "Travaux d'une commune, 5 404 000 € HT en 2026 : égal au seuil européen des travaux.",
			en:    "Works of a local authority, €5,404,000 before VAT in 2026: equal to the EU works threshold.",
			basis: basisThresholds, in: r("local_authority", "works", "5404000", "2026-09-01")},
		{id: "eu.utility-negotiated-always", op: "rules",
			fr:    "Entité adjudicatrice, services, 500 000 € HT en 2026 : seuil 432 000 €, publicité au JOUE, procédure avec négociation librement.",
			en:    "Utility, services, €500,000 before VAT in 2026: threshold €432,000, publicity in the OJEU, negotiated procedure freely.",
			basis: basisThresholds, in: r("utility", "services", "500000", "2026-09-01")},
		{id: "dispense.before-1-april-2026", op: "rules",
			fr:    "Services de 50 000 € HT lancés le 31 mars 2026 : seuil de dispense encore à 40 000 €, procédure adaptée.",
			en:    "Services of €50,000 before VAT launched on 31 March 2026: dispense threshold still €40,000, adapted procedure.",
			basis: basisThresholds, in: r("local_authority", "services", "50000", "2026-03-31"),
			hand: "R2122-8 before décret 2025-1386: dispense < 40 000; 50000 >= 40000: adapted; < 90 000: free-form publicity."},
		{id: "dispense.from-1-april-2026", op: "rules",
			fr:    "Les mêmes 50 000 € lancés le 1er avril 2026 : seuil de dispense à 60 000 €, ni publicité ni mise en concurrence requises.",
			en:    "The same €50,000 launched on 1 April 2026: dispense threshold €60,000, no publicity or competition required.",
			basis: basisThresholds, in: r("local_authority", "services", "50000", "2026-04-01"),
			hand: "Décret 2025-1386 from 1 April 2026: dispense < 60 000; 50000 < 60000: dispense, no publicity required."},
		{id: "dispense.exactly-60000", op: "rules",
			fr:    "Services d'exactement 60 000 € HT après le 1er avril 2026 : le seuil de dispense est atteint, procédure adaptée et documents gratuits sur le profil d'acheteur.",
			en:    "Services of exactly €60,000 before VAT after 1 April 2026: the dispense threshold is reached, adapted procedure and free documents on the buyer profile.",
			basis: basisThresholds, in: r("local_authority", "services", "60000", "2026-04-01")},
		{id: "dispense.works-99999", op: "rules",
			fr:    "Travaux de 99 999,99 € HT en 2026 : sous le seuil de dispense des travaux (100 000 €).",
			en:    "Works of €99,999.99 before VAT in 2026: below the works dispense threshold (€100,000).",
			basis: basisThresholds, in: r("local_authority", "works", "99999.99", "2026-06-01")},
		{id: "mapa.notice-exactly-90000", op: "rules",
			fr:    "Commune, services, 90 000 € HT : seuil d'avis MAPA atteint, avis au BOAMP ou dans un JAL.",
			en:    "Local authority, services, €90,000 before VAT: MAPA notice threshold reached, notice in the BOAMP or a JAL.",
			basis: basisThresholds, in: r("local_authority", "services", "90000", "2026-06-01"),
			hand: "90000 >= 90000 (R2131-12 2°): boamp_or_jal required; 90000 >= 60000: free documents."},
		{id: "mapa.free-form-89999", op: "rules",
			fr:    "Commune, services, 89 999,99 € HT : publicité libre.",
			en:    "Local authority, services, €89,999.99 before VAT: free-form publicity.",
			basis: basisThresholds, in: r("local_authority", "services", "89999.99", "2026-06-01")},
		{id: "small-lots.twenty-percent", op: "rules",
			fr:    "Opération formalisée d'un million d'euros en quatre lots : lots sous 80 000 € éligibles à la procédure adaptée dans la limite de 20 %.",
			en:    "Formalised operation of one million euros in four lots: lots below €80,000 eligible for the adapted procedure within 20 %.",
			basis: basisSmallLots, in: lots,
			hand: "Lots 3 (79 999.99) and 4 (70 000.01) are < 80 000; eligible total 150 000.00; cap 20 % × 1 000 000.00 = 200 000.00; 150 000 <= 200 000: all eligible fit."},
	}
}

// ---- procurement-timelimits ----

type timeLimitIn struct {
	Territory  string `json:"territory"`
	Procedure  string `json:"procedure"`
	Step       string `json:"step"`
	Dispatched string `json:"dispatched"`
	BuyerKind  string `json:"buyer_kind"`
	Electronic bool   `json:"electronic"`
	PIN        bool   `json:"pin"`
	Urgency    bool   `json:"urgency"`
	Counting   string `json:"counting"`
}

type timeLimitOut struct {
	Case       string `json:"case"`
	Days       int    `json:"days"`
	NominalEnd string `json:"nominal_end"`
	Ends       string `json:"ends"`
	Earliest   string `json:"earliest"`
}

type countPeriodIn struct {
	Territory string `json:"territory"`
	Event     string `json:"event"`
	Days      int    `json:"days"`
	Counting  string `json:"counting"`
}

type periodOut struct {
	NominalEnd string `json:"nominal_end"`
	Ends       string `json:"ends"`
}

type additionalInfoIn struct {
	Territory      string `json:"territory"`
	TenderDeadline string `json:"tender_deadline"`
	Urgency        bool   `json:"urgency"`
}

type additionalInfoOut struct {
	Days      int    `json:"days"`
	LatestDay string `json:"latest_day"`
}

type awardNoticeIn struct {
	Territory string `json:"territory"`
	Signed    string `json:"signed"`
}

type remediesIn struct {
	Territory      string `json:"territory"`
	Concluded      string `json:"concluded"`
	AwardPublished string `json:"award_published"`
}

type remedyOut struct {
	Remedy  string `json:"remedy"`
	LastDay string `json:"last_day"`
}

type remediesOut struct {
	Remedies []remedyOut `json:"remedies"`
}

var territoryField = Field{"territory", "INSEE code of the buyer's territory, whose public holidays extend the periods (FR: national holidays only)"}

func procurementTimeLimits() family {
	return family{
		name:  "procurement-timelimits",
		title: Text{FR: "Délais légaux de la commande publique", EN: "Legal time limits of public procurement"},
		pkg:   "github.com/openmarches/marches/procurement",
		ops: []op{
			newOp("time_limit",
				Text{
					FR: "Délai minimal de réception des candidatures ou des offres (le plus court des cas dont l'entrée remplit les conditions) et premier jour où la date limite peut être fixée : le lendemain du dernier jour de la période.",
					EN: "Minimum time limit for receipt of applications or tenders (the shortest of the cases whose conditions the input meets) and the first day on which the deadline may be set: the day after the last day of the period.",
				},
				[]Field{
					territoryField,
					{"procedure", "ouvert, restreint or negocie"},
					{"step", "applications (or applications and tenders together in the open procedure) or tenders"},
					{"dispatched", "day the notice or invitation was sent, YYYY-MM-DD (not counted)"},
					{"buyer_kind", "\"\" for the general rules of pouvoirs adjudicateurs, or a buyer kind code"},
					{"electronic", "submission is or can be electronic"},
					{"pin", "a qualifying prior information notice was sent"},
					{"urgency", "a duly justified urgency applies"},
					{"counting", "eu (Regulation 1182/71) or fr (CPC art. 641-642)"},
				},
				[]Field{
					{"case", "case whose minimum applies: base, pin, electronic, urgency, no_agreement"},
					{"days", "minimum period in days"},
					{"nominal_end", "dispatched + days, YYYY-MM-DD"},
					{"ends", "last day of the period after extension, YYYY-MM-DD"},
					{"earliest", "first day the deadline may be set, YYYY-MM-DD"},
				},
				func(in timeLimitIn) (any, error) {
					rb, err := rulebookFor(in.Territory)
					if err != nil {
						return nil, err
					}
					p, err := procurement.ParseProcedure(in.Procedure)
					if err != nil {
						return nil, err
					}
					s, err := procurement.ParseStep(in.Step)
					if err != nil {
						return nil, err
					}
					d, err := parseDate("dispatched", in.Dispatched)
					if err != nil {
						return nil, err
					}
					ti := procurement.TimeLimitInput{Procedure: p, Step: s, Dispatched: d, Electronic: in.Electronic, PIN: in.PIN, Urgency: in.Urgency}
					if in.BuyerKind != "" {
						if ti.BuyerKind, err = procurement.ParseBuyerKind(in.BuyerKind); err != nil {
							return nil, err
						}
					}
					if ti.Counting, err = procurement.ParseCounting(in.Counting); err != nil {
						return nil, err
					}
					tl, err := rb.TimeLimit(ti)
					if err != nil {
						return nil, err
					}
					return timeLimitOut{tl.Case.String(), tl.Period.Days, tl.Period.NominalEnd.String(), tl.Period.Ends.String(), tl.Earliest.String()}, nil
				}),
			newOp("count_period",
				Text{
					FR: "Fin d'une période de days jours à partir d'un événement (non compté) : prorogée au premier jour ouvrable suivant un samedi, un dimanche ou un jour férié ; en règle eu, une période de deux jours ou plus contient au moins deux jours ouvrables.",
					EN: "End of a period of days days from an event (not counted): extended to the next working day past a Saturday, Sunday or holiday; under eu, a period of two days or more contains at least two working days.",
				},
				[]Field{territoryField, {"event", "day of the event, YYYY-MM-DD"}, {"days", "length in days, integer >= 0"}, {"counting", "eu or fr"}},
				[]Field{{"nominal_end", "event + days"}, {"ends", "last day of the period, YYYY-MM-DD"}},
				func(in countPeriodIn) (any, error) {
					c, err := calIn{Territory: in.Territory, Hours: defaultHours}.build()
					if err != nil {
						return nil, err
					}
					e, err := parseDate("event", in.Event)
					if err != nil {
						return nil, err
					}
					k, err := procurement.ParseCounting(in.Counting)
					if err != nil {
						return nil, err
					}
					p, err := procurement.CountPeriod(c, e, in.Days, k)
					if err != nil {
						return nil, err
					}
					return periodOut{p.NominalEnd.String(), p.Ends.String()}, nil
				}),
			newOp("additional_information",
				Text{
					FR: "Dernier jour pour envoyer les renseignements complémentaires : 6 jours avant la date limite des offres (4 en urgence), reculé au jour ouvrable précédent.",
					EN: "Last day to send additional information: 6 days before the tender deadline (4 in urgency), moved back to the previous working day.",
				},
				[]Field{territoryField, {"tender_deadline", "day of the tender deadline, YYYY-MM-DD"}, {"urgency", "the tender time limit was reduced for urgency"}},
				[]Field{{"days", "6 or 4"}, {"latest_day", "YYYY-MM-DD"}},
				func(in additionalInfoIn) (any, error) {
					rb, err := rulebookFor(in.Territory)
					if err != nil {
						return nil, err
					}
					d, err := parseDate("tender_deadline", in.TenderDeadline)
					if err != nil {
						return nil, err
					}
					a, err := rb.AdditionalInformation(d, in.Urgency)
					if err != nil {
						return nil, err
					}
					return additionalInfoOut{a.Days, a.LatestDay.String()}, nil
				}),
			newOp("award_notice",
				Text{
					FR: "Dernier jour pour envoyer l'avis d'attribution à la publication : 30 jours après la signature, en règle 1182/71.",
					EN: "Last day to send the award notice for publication: 30 days after signature, under Regulation 1182/71.",
				},
				[]Field{territoryField, {"signed", "day the contract was signed, YYYY-MM-DD"}},
				[]Field{{"nominal_end", "signed + 30"}, {"ends", "YYYY-MM-DD"}},
				func(in awardNoticeIn) (any, error) {
					rb, err := rulebookFor(in.Territory)
					if err != nil {
						return nil, err
					}
					d, err := parseDate("signed", in.Signed)
					if err != nil {
						return nil, err
					}
					a, err := rb.AwardNoticeDeadline(d)
					if err != nil {
						return nil, err
					}
					return periodOut{a.Period.NominalEnd.String(), a.Period.Ends.String()}, nil
				}),
			newOp("remedies",
				Text{
					FR: "Derniers jours des recours après la signature : référé précontractuel (jusqu'à la signature, pas de date), référé contractuel (31 jours après l'avis d'attribution au JOUE, sinon 6 mois), recours Tarn-et-Garonne (2 mois francs après la publicité).",
					EN: "Last days of the remedies after signature: référé précontractuel (until signature, no date), référé contractuel (31 days after the OJEU award notice, else 6 months), Tarn-et-Garonne action (2 clear months after the publicity).",
				},
				[]Field{territoryField, {"concluded", "day the contract was signed, YYYY-MM-DD"}, {"award_published", "day the award notice was published, YYYY-MM-DD, or \"\""}},
				[]Field{{"remedies", "list of {remedy, last_day}: refere_precontractuel, refere_contractuel, tarn_et_garonne; last_day \"\" when the remedy has no fixed date"}},
				func(in remediesIn) (any, error) {
					rb, err := rulebookFor(in.Territory)
					if err != nil {
						return nil, err
					}
					c, err1 := parseDate("concluded", in.Concluded)
					p, err2 := optDate("award_published", in.AwardPublished)
					if err := firstErr(err1, err2); err != nil {
						return nil, err
					}
					rs, err := rb.Remedies(procurement.RemediesInput{Concluded: c, AwardPublished: p})
					if err != nil {
						return nil, err
					}
					out := remediesOut{Remedies: []remedyOut{}}
					for _, r := range rs {
						out.Remedies = append(out.Remedies, remedyOut{r.Remedy, dateString(r.LastDay)})
					}
					return out, nil
				}),
		},
		cases: timeLimitCases,
	}
}

func timeLimitCases() []vcase {
	tl := func(terr, proc, step, sent string, electronic bool) timeLimitIn {
		return timeLimitIn{Territory: terr, Procedure: proc, Step: step, Dispatched: sent, Electronic: electronic, Counting: "eu"}
	}
	urgent := tl("FR", "ouvert", "applications", "2026-06-01", true)
	urgent.Urgency = true
	pin := tl("FR", "restreint", "tenders", "2026-06-01", true)
	pin.PIN = true
	french := tl("FR", "ouvert", "applications", "2026-03-27", false)
	french.Counting = "fr"
	return []vcase{
		{id: "open.electronic-worked-example", op: "time_limit",
			fr:    "Appel d'offres ouvert, dépôt électronique, avis envoyé le lundi 6 janvier 2025 : 30 jours, fin le 5 février, date limite possible dès le 6 février 2025.",
			en:    "Open procedure, electronic submission, notice sent on Monday 6 January 2025: 30 days, period ends on 5 February, deadline possible from 6 February 2025.",
			basis: basisWorkedExample, in: tl("FR", "ouvert", "applications", "2025-01-06", true),
			hand: "R2161-3 2°: 30 days with electronic submission; 6 January + 30 = 5 February 2025 (Wednesday, working day); earliest deadline the next day, 6 February 2025, as in the ampconsultants worked example."},
		{id: "open.base-35", op: "time_limit",
			fr:    "Appel d'offres ouvert sans dépôt électronique : 35 jours.",
			en:    "Open procedure without electronic submission: 35 days.",
			basis: basisTimeLimits, in: tl("FR", "ouvert", "applications", "2026-06-01", false),
			hand: "R2161-2: 35 days; 1 June 2026 + 35 = 6 July 2026 (Monday); earliest 7 July."},
		{id: "open.urgency", op: "time_limit",
			fr:    "Appel d'offres ouvert en urgence dûment justifiée : 15 jours.",
			en:    "Open procedure with a duly justified urgency: 15 days.",
			basis: basisTimeLimits, in: urgent},
		{id: "restricted.tenders-pin", op: "time_limit",
			fr:    "Appel d'offres restreint, offres, avis de préinformation : 10 jours, le plus court des cas remplis.",
			en:    "Restricted procedure, tenders, prior information notice: 10 days, the shortest of the cases met.",
			basis: basisTimeLimits, in: pin},
		{id: "open.ends-on-saturday-fr-counting", op: "time_limit",
			fr:    "Avis envoyé le vendredi 27 mars 2026, 35 jours en décompte du Code de procédure civile : 1er mai (férié), puis week-end, fin lundi 4 mai.",
			en:    "Notice sent on Friday 27 March 2026, 35 days counted under the Code de procédure civile: 1 May (holiday), then the weekend, ends Monday 4 May.",
			basis: basisCPC, in: french,
			hand: "27 March + 35 = 1 May 2026 (Friday, holiday), 2-3 May weekend: ends 2026-05-04, earliest 2026-05-05."},
		{id: "open.alsace-good-friday", op: "time_limit",
			fr:    "Acheteur du Bas-Rhin, avis envoyé le 27 février 2026, 35 jours : 3 avril, Vendredi saint férié en Alsace-Moselle, puis week-end et lundi de Pâques : fin mardi 7 avril.",
			en:    "Buyer in Bas-Rhin, notice sent on 27 February 2026, 35 days: 3 April, Good Friday is a holiday in Alsace-Moselle, then the weekend and Easter Monday: ends Tuesday 7 April.",
			basis: basisAlsace, in: tl("67", "ouvert", "applications", "2026-02-27", false),
			hand: "27 February + 35 = 3 April 2026 (Feb has 28 days: 1 day left in Feb, 31 in March, 3 in April = 35); Good Friday (67), 4-5 weekend, 6 Easter Monday: ends 2026-04-07, earliest 2026-04-08."},
		{id: "period.two-working-days-rule", op: "count_period",
			fr:    "Période de 2 jours à partir du jeudi 24 décembre 2026 en règle 1182/71 : la fin nominale (samedi 26) est prorogée au lundi 28, qui n'est que le premier jour ouvrable de la période ; la règle des deux jours ouvrables la porte au mardi 29.",
			en:    "2-day period from Thursday 24 December 2026 under Regulation 1182/71: the nominal end (Saturday 26) is extended to Monday 28, only the first working day of the period; the two-working-days rule takes it to Tuesday 29.",
			basis: basis1182, in: countPeriodIn{"FR", "2026-12-24", 2, "eu"},
			hand: "24 + 2 = 26 (Saturday) → 28 (Monday); days 25 (Christmas), 26, 27, 28: one working day; art. 3(5) needs two: extended to 2026-12-29."},
		{id: "period.two-days-french-counting", op: "count_period",
			fr:    "La même période de 2 jours en décompte du Code de procédure civile : fin lundi 28 décembre (pas de règle des deux jours ouvrables).",
			en:    "The same 2-day period under the Code de procédure civile: ends Monday 28 December (no two-working-days rule).",
			basis: basisCPC, in: countPeriodIn{"FR", "2026-12-24", 2, "fr"},
			hand: "24 + 2 = 26 (Saturday), 27 Sunday: 2026-12-28."},
		{id: "period.reunion-abolition-day", op: "count_period",
			fr:    "La Réunion : 10 jours à partir du jeudi 10 décembre 2026 finissent le dimanche 20 (abolition de l'esclavage), prorogés au lundi 21.",
			en:    "La Réunion: 10 days from Thursday 10 December 2026 end on Sunday 20 (abolition of slavery), extended to Monday 21.",
			basis: basisAbolition, in: countPeriodIn{"974", "2026-12-10", 10, "eu"}},
		{id: "additional-information.six-days", op: "additional_information",
			fr:    "Date limite des offres le lundi 15 juin 2026 : renseignements complémentaires au plus tard le mardi 9 juin.",
			en:    "Tender deadline on Monday 15 June 2026: additional information at the latest on Tuesday 9 June.",
			basis: basisAdditionalInfo, in: additionalInfoIn{"FR", "2026-06-15", false},
			hand: "15 June − 6 = 9 June 2026, a Tuesday: 2026-06-09."},
		{id: "additional-information.back-off-holiday", op: "additional_information",
			fr:    "Date limite des offres le jeudi 14 mai 2026 : 6 jours avant tombe le vendredi 8 mai, férié : recul au jeudi 7 mai.",
			en:    "Tender deadline on Thursday 14 May 2026: 6 days before is Friday 8 May, a holiday: moved back to Thursday 7 May.",
			basis: basisAdditionalInfo, in: additionalInfoIn{"FR", "2026-05-14", false},
			hand: "14 − 6 = 8 May 2026 (Victoire 1945): the previous day that is not a Saturday, Sunday or holiday is Thursday 2026-05-07."},
		{id: "additional-information.urgency", op: "additional_information",
			fr:    "Urgence, date limite des offres le lundi 15 juin 2026 : 4 jours avant, jeudi 11 juin.",
			en:    "Urgency, tender deadline on Monday 15 June 2026: 4 days before, Thursday 11 June.",
			basis: basisAdditionalInfo, in: additionalInfoIn{"FR", "2026-06-15", true}},
		{id: "award-notice.thirty-days", op: "award_notice",
			fr:    "Marché signé le mercredi 15 juillet 2026 : avis d'attribution envoyé au plus tard le vendredi 14 août (le 15 août est un samedi férié, sans effet).",
			en:    "Contract signed on Wednesday 15 July 2026: award notice sent at the latest on Friday 14 August (15 August is a Saturday holiday, no effect).",
			basis: basisAwardNotice, in: awardNoticeIn{"FR", "2026-07-15"},
			hand: "15 July + 30 = 14 August 2026, a Friday: 2026-08-14."},
		{id: "remedies.with-award-notice", op: "remedies",
			fr:    "Marché signé le 2 mars 2026, avis d'attribution publié le 10 mars : référé contractuel jusqu'au 10 avril, Tarn-et-Garonne jusqu'au 11 mai (le 11 mai).",
			en:    "Contract signed on 2 March 2026, award notice published on 10 March: référé contractuel until 10 April, Tarn-et-Garonne until 11 May.",
			basis: basisRemedies, in: remediesIn{"FR", "2026-03-02", "2026-03-10"},
			hand: "Référé contractuel: 10 March + 31 = 10 April 2026 (Friday). Tarn-et-Garonne: 2 months délai franc from 10 March: day after publicity 11 March + 2 months = 11 May 2026 (Monday)."},
		{id: "remedies.without-award-notice", op: "remedies",
			fr:    "Marché signé le 31 mars 2026 sans avis d'attribution : référé contractuel jusqu'au 30 septembre 2026 (septembre n'a pas de 31).",
			en:    "Contract signed on 31 March 2026 without an award notice: référé contractuel until 30 September 2026 (September has no 31st).",
			basis: basisRemedies, in: remediesIn{"FR", "2026-03-31", ""},
			hand: "Six months de quantième à quantième from 31 March: 31 September does not exist, last day of the month: 30 September 2026 (Wednesday)."},
	}
}

// ---- procurement-standstill ----

type standstillIn struct {
	Territory     string `json:"territory"`
	Sent          string `json:"sent"`
	NotElectronic bool   `json:"not_electronic"`
	Exception     string `json:"exception"`
	NoExtension   bool   `json:"no_extension"`
}

type standstillOut struct {
	Required   bool   `json:"required"`
	Days       int    `json:"days"`
	PeriodEnds string `json:"period_ends"`
	SignFrom   string `json:"sign_from"`
}

func standstillException(s string) (procurement.StandstillException, error) {
	for _, e := range []procurement.StandstillException{procurement.ExceptionSoleTenderer, procurement.ExceptionFrameworkCallOff, procurement.ExceptionDPSSpecific} {
		if e.String() == s {
			return e, nil
		}
	}
	if s == "" {
		return 0, nil
	}
	return 0, &FieldError{Field: "exception", Value: s, Err: ErrInputs, Detail: "want sole_tenderer, framework_call_off, dps_specific or \"\""}
}

func procurementStandstill() family {
	return family{
		name:  "procurement-standstill",
		title: Text{FR: "Délai de suspension (standstill)", EN: "Standstill period"},
		pkg:   "github.com/openmarches/marches/procurement",
		ops: []op{newOp("standstill",
			Text{
				FR: "Premier jour où le marché attribué en procédure formalisée peut être signé : 11 jours à partir de l'envoi des notifications de rejet (jour 1), 16 s'ils n'ont pas tous été envoyés par voie électronique ; dernier jour prorogé s'il tombe un samedi, un dimanche ou un jour férié (sauf décompte strict) ; pas de délai dans les cas d'exception.",
				EN: "First day the contract awarded by formalised procedure may be signed: 11 days from the sending of the rejection notices (day 1), 16 when not all sent electronically; last day extended when on a Saturday, Sunday or holiday (unless counted strictly); no standstill in the exception cases.",
			},
			[]Field{
				territoryField,
				{"sent", "day the rejection notices were sent, YYYY-MM-DD (day 1)"},
				{"not_electronic", "true when not all notices were sent electronically"},
				{"exception", "\"\", sole_tenderer, framework_call_off or dps_specific"},
				{"no_extension", "true counts strictly date à date, without extending a last day on a non-working day"},
			},
			[]Field{
				{"required", "false when an exception applies"},
				{"days", "11 or 16, 0 when not required"},
				{"period_ends", "last day of the standstill, YYYY-MM-DD (sent when not required)"},
				{"sign_from", "first day the contract may be signed, YYYY-MM-DD"},
			},
			func(in standstillIn) (any, error) {
				rb, err := rulebookFor(in.Territory)
				if err != nil {
					return nil, err
				}
				d, err := parseDate("sent", in.Sent)
				if err != nil {
					return nil, err
				}
				e, err := standstillException(in.Exception)
				if err != nil {
					return nil, err
				}
				s, err := rb.Standstill(procurement.StandstillInput{Sent: d, NotElectronic: in.NotElectronic, Exception: e, NoExtension: in.NoExtension})
				if err != nil {
					return nil, err
				}
				return standstillOut{s.Required, s.Days, s.PeriodEnds.String(), s.SignFrom.String()}, nil
			})},
		cases: standstillCases,
	}
}

func standstillCases() []vcase {
	s := func(terr, sent string) standstillIn { return standstillIn{Territory: terr, Sent: sent} }
	paper := s("FR", "2010-12-28")
	paper.NotElectronic, paper.NoExtension = true, true
	noExt := s("FR", "2026-07-04")
	noExt.NoExtension = true
	sole := s("FR", "2026-07-04")
	sole.Exception = "sole_tenderer"
	paper2026 := s("FR", "2026-07-01")
	paper2026.NotElectronic = true
	return []vcase{
		{id: "electronic.eleven-days", op: "standstill",
			fr:    "Notifications de rejet envoyées par voie électronique le lundi 1er juin 2026 : 11 jours, fin jeudi 11 juin, signature possible dès le vendredi 12 juin.",
			en:    "Rejection notices sent electronically on Monday 1 June 2026: 11 days, ends Thursday 11 June, signature possible from Friday 12 June.",
			basis: basisStandstill, in: s("FR", "2026-06-01"),
			hand: "Day 1 = 1 June, day 11 = 11 June 2026 (Thursday, working day); sign from 2026-06-12."},
		{id: "electronic.ends-on-bastille-day", op: "standstill",
			fr:    "Envoi le samedi 4 juillet 2026 : le 11e jour est le mardi 14 juillet, férié, prorogé au mercredi 15 ; signature le jeudi 16.",
			en:    "Sent on Saturday 4 July 2026: day 11 is Tuesday 14 July, a holiday, extended to Wednesday 15; signature on Thursday 16.",
			basis: basisStandstill, in: s("FR", "2026-07-04"),
			hand: "4 July + 10 = 14 July 2026 (Fête nationale): extended to 15 July; sign from 2026-07-16."},
		{id: "electronic.no-extension", op: "standstill",
			fr:    "Le même envoi compté strictement date à date : fin le 14 juillet, signature le 15.",
			en:    "The same sending counted strictly date à date: ends on 14 July, signature on the 15th.",
			basis: basisStandstill, in: noExt},
		{id: "paper.sixteen-days", op: "standstill",
			fr:    "Notifications non électroniques envoyées le mercredi 1er juillet 2026 : 16 jours, fin jeudi 16 juillet.",
			en:    "Notices not sent electronically on Wednesday 1 July 2026: 16 days, ends Thursday 16 July.",
			basis: basisStandstill, in: paper2026},
		{id: "paper.conseil-etat-2011", op: "standstill",
			fr:    "Jurisprudence de 2011 : envoi le 28 décembre 2010, 16 jours comptés date à date jour d'envoi inclus : fin le 12 janvier 2011, signature le 13 janvier licite.",
			en:    "2011 case law: sent on 28 December 2010, 16 days counted date à date with the sending day included: ends on 12 January 2011, signature on 13 January lawful.",
			basis: basisStandstillCase, in: paper,
			hand: "Day 1 = 28 December 2010; 28 + 15 days = 12 January 2011 (4 days to 31 Dec, 12 in January: 16 days); sign from 2011-01-13, as the Conseil d'État held."},
		{id: "exception.sole-tenderer", op: "standstill",
			fr:    "Un seul soumissionnaire : pas de délai de suspension, signature possible le jour même.",
			en:    "Sole tenderer: no standstill, signature possible the same day.",
			basis: basisStandstill, in: sole},
		{id: "alsace.ends-on-st-stephen", op: "standstill",
			fr:    "Bas-Rhin, envoi le mercredi 16 décembre 2026 : le 11e jour est le samedi 26 décembre (aussi Saint-Étienne), prorogé au lundi 28.",
			en:    "Bas-Rhin, sent on Wednesday 16 December 2026: day 11 is Saturday 26 December (also St Stephen's Day), extended to Monday 28.",
			basis: basisAlsace, in: s("67", "2026-12-16")},
	}
}

// ---- procurement-payment ----

type paymentIn struct {
	BuyerKind string `json:"buyer_kind"`
	Received  string `json:"received"`
}

type paymentOut struct {
	Days int    `json:"days"`
	Due  string `json:"due"`
}

type lateIn struct {
	Principal string `json:"principal"`
	Due       string `json:"due"`
	Paid      string `json:"paid"`
	ECBRate   string `json:"ecb_rate"`
}

type lateOut struct {
	DaysLate     int    `json:"days_late"`
	InterestFrom string `json:"interest_from"`
	RateDate     string `json:"rate_date"`
	Rate         string `json:"rate"`
	Interest     string `json:"interest"`
	Compensation string `json:"compensation"`
	Total        string `json:"total"`
}

// percentString prints a percentage with at least two decimals and every
// decimal it has.
func percentString(r decimal.Decimal) string {
	places := int32(2)
	if e := -r.Exponent(); e > places {
		places = e
	}
	return r.StringFixed(places)
}

func procurementPayment() family {
	return family{
		name:  "procurement-payment",
		title: Text{FR: "Délais de paiement et intérêts moratoires", EN: "Payment time limits and late-payment interest"},
		pkg:   "github.com/openmarches/marches/procurement",
		ops: []op{
			newOp("payment_time_limit",
				Text{
					FR: "Délai maximal de paiement selon l'acheteur (30 jours, 50 pour les établissements publics de santé, 60 pour les entreprises publiques) et dernier jour pour payer : réception + délai, non prorogé.",
					EN: "Maximum payment period by buyer kind (30 days, 50 for public health establishments, 60 for public undertakings) and last day to pay: receipt + period, not extended.",
				},
				[]Field{{"buyer_kind", "buyer kind code"}, {"received", "day the payment request was received, YYYY-MM-DD"}},
				[]Field{{"days", "maximum period in calendar days"}, {"due", "last day of the period, YYYY-MM-DD"}},
				func(in paymentIn) (any, error) {
					k, err := procurement.ParseBuyerKind(in.BuyerKind)
					if err != nil {
						return nil, err
					}
					d, err := parseDate("received", in.Received)
					if err != nil {
						return nil, err
					}
					p, err := procurement.PaymentTimeLimit(k, d)
					if err != nil {
						return nil, err
					}
					return paymentOut{p.Days, p.Due.String()}, nil
				}),
			newOp("late_interest",
				Text{
					FR: "Intérêts moratoires d'un paiement tardif : taux BCE en vigueur le premier jour du semestre où les intérêts commencent + 8 points, intérêt simple principal × taux × jours / 365 arrondi au centime, plus l'indemnité forfaitaire de 40 € ; rien si payé à l'échéance.",
					EN: "Late-payment interest: ECB rate in force on the first day of the half-year in which interest starts + 8 points, simple interest principal × rate × days / 365 rounded to the cent, plus the 40 € flat compensation; nothing when paid on the due day.",
				},
				[]Field{
					{"principal", "amount paid late, euros VAT included, decimal string"},
					{"due", "last day of the payment period, YYYY-MM-DD"},
					{"paid", "day of payment, YYYY-MM-DD"},
					{"ecb_rate", "ECB main refinancing rate in percent on the rate date, decimal string (\"2.15\")"},
				},
				[]Field{
					{"days_late", "paid − due, 0 when on time"},
					{"interest_from", "due + 1, YYYY-MM-DD, \"\" when not late"},
					{"rate_date", "1 January or 1 July of the half-year containing interest_from, \"\" when not late"},
					{"rate", "ecb_rate + 8, percent, at least 2 decimals"},
					{"interest", "euros, 2 decimals"},
					{"compensation", "40.00 when late, 0.00 otherwise"},
					{"total", "interest + compensation, 2 decimals"},
				},
				func(in lateIn) (any, error) {
					p, err := decimalIn("principal", in.Principal)
					if err != nil {
						return nil, err
					}
					r, err := decimalIn("ecb_rate", in.ECBRate)
					if err != nil {
						return nil, err
					}
					due, err1 := parseDate("due", in.Due)
					paid, err2 := parseDate("paid", in.Paid)
					if err := firstErr(err1, err2); err != nil {
						return nil, err
					}
					l, err := procurement.ComputeLateInterest(procurement.LateInterestInput{Principal: p, Due: due, Paid: paid, ECBRate: r})
					if err != nil {
						return nil, err
					}
					return lateOut{l.DaysLate, dateString(l.InterestFrom), dateString(l.RateDate), percentString(l.Rate),
						l.Interest.StringFixed(2), l.Compensation.StringFixed(2), l.Total.StringFixed(2)}, nil
				}),
		},
		cases: paymentCases,
	}
}

func paymentCases() []vcase {
	return []vcase{
		{id: "limit.local-authority", op: "payment_time_limit",
			fr:    "Commune, demande de paiement reçue le 15 janvier 2026 : 30 jours, payer au plus tard le 14 février.",
			en:    "Local authority, payment request received on 15 January 2026: 30 days, pay at the latest on 14 February.",
			basis: basisPayment, in: paymentIn{"local_authority", "2026-01-15"},
			hand: "15 January + 30 = 14 February 2026 (a Saturday: not extended)."},
		{id: "limit.hospital", op: "payment_time_limit",
			fr:    "Établissement public de santé : 50 jours.",
			en:    "Public health establishment: 50 days.",
			basis: basisPayment, in: paymentIn{"health", "2026-01-15"}},
		{id: "limit.public-undertaking", op: "payment_time_limit",
			fr:    "Entreprise publique : 60 jours ; échéance le lundi 16 mars 2026.",
			en:    "Public undertaking: 60 days; due on Monday 16 March 2026.",
			basis: basisPayment, in: paymentIn{"public_undertaking", "2026-01-15"}},
		{id: "interest.thirty-days", op: "late_interest",
			fr:    "10 000 € payés 30 jours en retard, taux BCE 2,15 % : 10,15 %, intérêts 83,42 €, plus 40 €.",
			en:    "€10,000 paid 30 days late, ECB rate 2.15 %: 10.15 %, interest €83.42, plus €40.",
			basis: basisLateInterest, in: lateIn{"10000", "2026-03-02", "2026-04-01", "2.15"},
			hand: "Days late: 2 March to 1 April = 30; rate 2.15 + 8 = 10.15; 10000 × 10.15 / 100 × 30 / 365 = 30450 / 365 = 83.4246... → 83.42; total 83.42 + 40.00 = 123.42; interest from 3 March, half-year from 1 January 2026."},
		{id: "interest.paid-on-due-day", op: "late_interest",
			fr:    "Payé le jour de l'échéance : ni intérêts ni indemnité.",
			en:    "Paid on the due day: no interest and no compensation.",
			basis: basisLateInterest, in: lateIn{"10000", "2026-03-02", "2026-03-02", "2.15"},
			hand: "paid − due = 0: nothing owed: 0.00, 0.00, 0.00."},
		{id: "interest.one-day", op: "late_interest",
			fr:    "Payé le lendemain de l'échéance : un jour d'intérêts (2,78 €) et l'indemnité de 40 €.",
			en:    "Paid the day after the due day: one day of interest (€2.78) and the €40 compensation.",
			basis: basisLateInterest, in: lateIn{"10000", "2026-03-02", "2026-03-03", "2.15"},
			hand: "10000 × 0.1015 / 365 = 2.7808... → 2.78; total 42.78."},
		{id: "interest.starts-1-july", op: "late_interest",
			fr:    "Échéance le 30 juin 2026 : les intérêts courent du 1er juillet, le taux BCE du 1er juillet s'applique.",
			en:    "Due on 30 June 2026: interest runs from 1 July, the ECB rate of 1 July applies.",
			basis: basisLateInterest, in: lateIn{"5000.00", "2026-06-30", "2026-07-15", "2.15"},
			hand: "Interest from 1 July 2026, half-year from 1 July; 15 days; 5000 × 0.1015 × 15 / 365 = 7612.5 / 365 = 20.856... → 20.86; total 60.86."},
		{id: "interest.across-new-year", op: "late_interest",
			fr:    "Échéance le 31 décembre 2027 : taux du 1er janvier 2028, 366 jours de 2028 mais diviseur 365.",
			en:    "Due on 31 December 2027: rate of 1 January 2028; 2028 has 366 days but the divisor stays 365.",
			basis: basisLateInterest, in: lateIn{"1000", "2027-12-31", "2028-12-31", "3"},
			hand: "2027-12-31 to 2028-12-31 = 366 days (2028 leap); rate 3 + 8 = 11.00; 1000 × 0.11 × 366 / 365 = 110.3013... → 110.30; total 150.30; rate date 2028-01-01."},
	}
}

// ---- procurement-identifiers ----

type idIn struct {
	Kind  string `json:"kind"`
	Value string `json:"value"`
}

type idOut struct {
	Valid     bool   `json:"valid"`
	Canonical string `json:"canonical"`
	Rule      string `json:"rule"`
}

func procurementIdentifiers() family {
	return family{
		name:  "procurement-identifiers",
		title: Text{FR: "Identifiants : SIREN, SIRET, CPV, NUTS, ACTES, TVA", EN: "Identifiers: SIREN, SIRET, CPV, NUTS, ACTES, VAT"},
		pkg:   "github.com/openmarches/marches/procurement",
		ops: []op{newOp("check",
			Text{
				FR: "Validation d'un identifiant : valide avec sa forme canonique, ou invalide avec la première règle enfreinte (codes stables de marches).",
				EN: "Validation of an identifier: valid with its canonical form, or invalid with the first rule broken (stable marches codes).",
			},
			[]Field{
				{"kind", "siren, siret, cpv, nuts, actes or vat"},
				{"value", "the identifier as typed (spaces allowed in SIREN, SIRET and VAT numbers)"},
			},
			[]Field{
				{"valid", "true or false"},
				{"canonical", "canonical form when valid (digits without spaces, upper case), \"\" otherwise"},
				{"rule", "when invalid, the first rule broken: siren_length, siren_checksum, siret_checksum, siret_siren, cpv_format, cpv_checksum, cpv_division, nuts_format, nuts_unknown, actes_format, actes_nature, vat_key...; \"\" when valid"},
			},
			func(in idIn) (any, error) {
				var s interface{ String() string }
				var err error
				switch in.Kind {
				case "siren":
					s, err = procurement.ParseSIREN(in.Value)
				case "siret":
					s, err = procurement.ParseSIRET(in.Value)
				case "cpv":
					s, err = procurement.ParseCPV(in.Value)
				case "nuts":
					s, err = procurement.ParseNUTS(in.Value)
				case "actes":
					s, err = procurement.ParseACTES(in.Value)
				case "vat":
					s, err = procurement.ParseVAT(in.Value)
				default:
					return nil, &FieldError{Field: "kind", Value: in.Kind, Err: ErrInputs, Detail: "want siren, siret, cpv, nuts, actes or vat"}
				}
				if err != nil {
					return idOut{Valid: false, Rule: firstRule(err)}, nil
				}
				return idOut{Valid: true, Canonical: s.String()}, nil
			})},
		cases: identifierCases,
	}
}

// firstRule returns the rule code of the first violation of err (sorted
// by field, as fielderr.Join does).
func firstRule(err error) string {
	return fielderr.RuleCode(flatten(err)[0])
}

func identifierCases() []vcase {
	id := func(kind, value string) idIn { return idIn{kind, value} }
	return []vcase{
		{id: "siren.valid-with-spaces", op: "check",
			fr:    "SIREN écrit avec espaces « 552 100 554 » : valide, forme canonique sans espaces.",
			en:    "SIREN written with spaces \"552 100 554\": valid, canonical form without spaces.",
			basis: basisSIREN, in: id("siren", "552 100 554"),
			hand: "Luhn on 552100554 from the right, doubling every second digit: 4, 5→10→1, 5, 0→0, 0, 1→2, 2, 5→10→1, 5: 4+1+5+0+0+2+2+1+5 = 20, a multiple of 10: valid."},
		{id: "siren.bad-checksum", op: "check",
			fr:    "SIREN 552100555 : échec du contrôle de Luhn.",
			en:    "SIREN 552100555: fails the Luhn check.",
			basis: basisSIREN, in: id("siren", "552100555"),
			hand: "Changing the last digit from 4 to 5 adds 1 to the Luhn sum: 21, not a multiple of 10: siren_checksum."},
		{id: "siren.eight-digits", op: "check",
			fr:    "SIREN de 8 chiffres : longueur invalide.",
			en:    "SIREN of 8 digits: invalid length.",
			basis: basisSIREN, in: id("siren", "55210055")},
		{id: "siret.valid", op: "check",
			fr:    "SIRET 552 100 554 00013 : valide.",
			en:    "SIRET 552 100 554 00013: valid.",
			basis: basisSIREN, in: id("siret", "552 100 554 00013")},
		{id: "siret.la-poste-digit-sum", op: "check",
			fr:    "SIRET de La Poste 35600000049837 : échoue au contrôle de Luhn mais la somme de ses chiffres est un multiple de 5, donc valide.",
			en:    "La Poste SIRET 35600000049837: fails the Luhn check but its digit sum is a multiple of 5, hence valid.",
			basis: basisSIREN, in: id("siret", "35600000049837"),
			hand: "Digit sum 3+5+6+0+0+0+0+0+0+4+9+8+3+7 = 45, a multiple of 5; SIREN 356000000 is La Poste: valid."},
		{id: "siret.bad-siren", op: "check",
			fr:    "SIRET dont les 9 premiers chiffres ne forment pas un SIREN valide.",
			en:    "SIRET whose first 9 digits are not a valid SIREN.",
			basis: basisSIREN, in: id("siret", "55210055500013")},
		{id: "cpv.valid", op: "check",
			fr:    "CPV 72000000-5 (services informatiques) : valide.",
			en:    "CPV 72000000-5 (IT services): valid.",
			basis: basisCPV, in: id("cpv", "72000000-5")},
		{id: "cpv.bad-check-digit", op: "check",
			fr:    "CPV 72000000-4 : chiffre de contrôle faux.",
			en:    "CPV 72000000-4: wrong check digit.",
			basis: basisCPV, in: id("cpv", "72000000-4")},
		{id: "cpv.unknown-division", op: "check",
			fr:    "CPV 11000000-… : la division 11 n'existe pas dans le CPV 2008.",
			en:    "CPV 11000000-…: division 11 does not exist in CPV 2008.",
			basis: basisCPV, in: id("cpv", "11000000-1")},
		{id: "nuts.valid-fr101", op: "check",
			fr:    "NUTS FR101 (Paris) : valide.",
			en:    "NUTS FR101 (Paris): valid.",
			basis: basisNUTS, in: id("nuts", "FR101")},
		{id: "nuts.unknown-french-code", op: "check",
			fr:    "NUTS FRZ99 : bien formé mais absent de la nomenclature NUTS 2024 pour la France.",
			en:    "NUTS FRZ99: well formed but absent from NUTS 2024 for France.",
			basis: basisNUTS, in: id("nuts", "FRZ99")},
		{id: "actes.valid", op: "check",
			fr:    "Identifiant ACTES 074-200011773-20260421-D_2026_0083-AU : valide.",
			en:    "ACTES identifier 074-200011773-20260421-D_2026_0083-AU: valid.",
			basis: basisACTES, in: id("actes", "074-200011773-20260421-D_2026_0083-AU")},
		{id: "actes.unknown-nature", op: "check",
			fr:    "Identifiant ACTES de nature « XX » : nature inconnue.",
			en:    "ACTES identifier with nature \"XX\": unknown nature.",
			basis: basisACTES, in: id("actes", "074-200011773-20260421-D_2026_0083-XX")},
		{id: "vat.valid", op: "check",
			fr:    "Numéro de TVA FR 83 404 833 048 : clé 83 correcte pour le SIREN 404833048.",
			en:    "VAT number FR 83 404 833 048: key 83 is right for SIREN 404833048.",
			basis: basisVATNumber, in: id("vat", "FR 83 404 833 048"),
			hand: "97 × 4173536 = 404832992, so 404833048 mod 97 = 56; (12 + 3 × 56) mod 97 = 180 mod 97 = 83: the key matches; canonical FR83404833048."},
		{id: "vat.bad-key", op: "check",
			fr:    "Numéro de TVA FR84404833048 : clé fausse.",
			en:    "VAT number FR84404833048: wrong key.",
			basis: basisVATNumber, in: id("vat", "FR84404833048")},
	}
}
