package procurement

import (
	"sync"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/shopspring/decimal"
)

// ThresholdDataVersion identifies the built-in threshold table: the last
// date of effect it includes (décret n° 2025-1386, 1 April 2026). It is
// bumped on every change of thresholds_data.go. The rows were checked
// against the sources named in each row in January 2026
// (../shared/data/procurement-facts.md sections 1.1 and 1.2).
const ThresholdDataVersion = "2026-04-01"

// Coverage of the built-in table: the EU rows cover consultations launched
// from 1 January 2024 to 31 December 2027 (the 2024-2025 and 2026-2027
// revisions); the national rows are those in force on 1 January 2024 and
// later. A launch date outside that span fails with ErrNoThreshold.

// Sources, cited by the rows below.
const (
	srcEU2024    = "https://single-market-economy.ec.europa.eu/single-market/public-procurement/legal-rules-and-implementation/thresholds_en"
	srcEU2026    = "https://www.mondaq.com/ireland/government-contracts-procurement-ppp/1696870/public-procurement-thresholds-for-2026-2027"
	srcDefence26 = "https://europalov.no/rettsakt/forsvarsanskaffelsesdirektivet-terskelverdier-2026-2027-for-bygge-anleggs-vare-tjenestekontrakter/id-34319"
	srcAvis2026  = "https://www.weka.fr/actualite/appel-doffres/article/les-nouveaux-seuils-europeens-pour-2026-2027-integres-au-sein-du-code-de-la-commande-publique-208873"
	srcD20251386 = "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000053202067"
	srcD20191344 = "https://kohenavocats.fr/2025/12/30/decret-n-2025-1386-du-29-decembre-2025-modifiant-certains-seuils-relatifs-aux-marches-publics"
	srcD20221683 = "https://amf10.fr/actualites-amf10/81-commande-publique-prorogation-de-la-dispense-de-procedure-jusqu-au-31-decembre-2024.html"
	srcD20241217 = "https://marche-public.fr/contrats-publics/Decret-2024-1217-seuil-travaux-ECOM2434725D.htm"
	srcR2131_12  = "https://french-business-law.com/french-legislation-art/article-r2131-12-of-the-french-public-procurement-code/"
	srcR2123_1   = "https://french-business-law.com/french-legislation/legiscta000037730915-legiscta000037730859-chapter-iii-contracts-awarded-under-an-adapted-procedure"
)

func rulesDate(y int, m time.Month, day int) calendar.Date { return calendar.MustDate(y, m, day) }

func rulesEUR(n int64) decimal.Decimal { return decimal.New(n, 0) }

// defaultThresholdRows is the built-in data. Each row: kind, amount in
// euros HT, first and last launch date (zero = open-ended), legal act,
// source.
func defaultThresholdRows() []Threshold {
	eu24, eu24End := rulesDate(2024, time.January, 1), rulesDate(2025, time.December, 31)
	eu26, eu26End := rulesDate(2026, time.January, 1), rulesDate(2027, time.December, 31)
	const (
		act24      = "EU thresholds 2024-2025 (Commission delegated regulations of 2023), annexed to the CCP by avis (annexe 2)"
		actClassic = "Delegated Regulation (EU) 2025/2152 (directive 2014/24), annexed to the CCP by avis published JO 26 Dec 2025"
		actUtil    = "Delegated Regulation (EU) 2025/2150 (directive 2014/25), annexed to the CCP by avis published JO 26 Dec 2025"
		actConc    = "Delegated Regulation (EU) 2025/2151 (directive 2014/23), annexed to the CCP by avis published JO 26 Dec 2025"
		actDef     = "Delegated Regulation (EU) 2025/2487 (directive 2009/81), OJ 4 Dec 2025"
		actSocial  = "Directive 2014/24 art. 4 d) (not revised by the delegated regulations)"
		actUSocial = "Directive 2014/25 art. 15 c) (not revised by the delegated regulations)"
	)
	return []Threshold{
		// EU, 2024-2025.
		{ThresholdEUWorks, rulesEUR(5538000), eu24, eu24End, act24, srcEU2024},
		{ThresholdEUSuppliesServicesCentral, rulesEUR(143000), eu24, eu24End, act24, srcEU2024},
		{ThresholdEUSuppliesServicesSubCentral, rulesEUR(221000), eu24, eu24End, act24, srcEU2024},
		{ThresholdEUSocialServices, rulesEUR(750000), eu24, eu24End, actSocial, srcEU2024},
		{ThresholdEUUtilitiesWorks, rulesEUR(5538000), eu24, eu24End, act24, srcEU2024},
		{ThresholdEUUtilitiesSuppliesServices, rulesEUR(443000), eu24, eu24End, act24, srcEU2024},
		{ThresholdEUUtilitiesSocialServices, rulesEUR(1000000), eu24, eu24End, actUSocial, srcEU2024},
		{ThresholdEUConcessions, rulesEUR(5538000), eu24, eu24End, act24, srcEU2024},
		{ThresholdEUDefenceSuppliesServices, rulesEUR(443000), eu24, eu24End, act24, srcEU2024},
		{ThresholdEUDefenceWorks, rulesEUR(5538000), eu24, eu24End, act24, srcEU2024},
		// EU, 2026-2027: applicable to consultations launched from 1 Jan 2026.
		{ThresholdEUWorks, rulesEUR(5404000), eu26, eu26End, actClassic, srcEU2026},
		{ThresholdEUSuppliesServicesCentral, rulesEUR(140000), eu26, eu26End, actClassic, srcEU2026},
		{ThresholdEUSuppliesServicesSubCentral, rulesEUR(216000), eu26, eu26End, actClassic, srcAvis2026},
		{ThresholdEUSocialServices, rulesEUR(750000), eu26, eu26End, actSocial, srcEU2026},
		{ThresholdEUUtilitiesWorks, rulesEUR(5404000), eu26, eu26End, actUtil, srcEU2026},
		{ThresholdEUUtilitiesSuppliesServices, rulesEUR(432000), eu26, eu26End, actUtil, srcEU2026},
		{ThresholdEUUtilitiesSocialServices, rulesEUR(1000000), eu26, eu26End, actUSocial, srcEU2026},
		{ThresholdEUConcessions, rulesEUR(5404000), eu26, eu26End, actConc, srcEU2026},
		{ThresholdEUDefenceSuppliesServices, rulesEUR(432000), eu26, eu26End, actDef, srcDefence26},
		{ThresholdEUDefenceWorks, rulesEUR(5404000), eu26, eu26End, actDef, srcDefence26},

		// Dispense of publicity and competition (CCP R2122-8). The décret
		// n° 2025-1386 (art. 3) applies to consultations engaged or
		// notices sent from its dates of entry into force.
		{ThresholdNoPublicitySuppliesServices, rulesEUR(40000), rulesDate(2020, time.January, 1), rulesDate(2026, time.March, 31),
			"CCP R2122-8 (décret n° 2019-1344 of 12 Dec 2019)", srcD20191344},
		{ThresholdNoPublicitySuppliesServices, rulesEUR(60000), rulesDate(2026, time.April, 1), calendar.Date{},
			"CCP R2122-8 (décret n° 2025-1386 of 29 Dec 2025, art. 1 1° b and art. 3)", srcD20251386},
		{ThresholdNoPublicityWorks, rulesEUR(100000), rulesDate(2023, time.January, 1), rulesDate(2024, time.December, 31),
			"Décret n° 2022-1683 of 28 Dec 2022 (temporary, extending loi n° 2020-1525 art. 142)", srcD20221683},
		{ThresholdNoPublicityWorks, rulesEUR(100000), rulesDate(2025, time.January, 1), rulesDate(2025, time.December, 31),
			"Décret n° 2024-1217 of 28 Dec 2024 (temporary, to 31 Dec 2025)", srcD20241217},
		{ThresholdNoPublicityWorks, rulesEUR(100000), rulesDate(2026, time.January, 1), calendar.Date{},
			"CCP R2122-8 (décret n° 2025-1386 of 29 Dec 2025, art. 1 1° a and art. 3)", srcD20251386},

		// Publicity of adapted procedures (CCP R2131-12 2°), since the code
		// came into force.
		{ThresholdMAPANotice, rulesEUR(90000), rulesDate(2019, time.April, 1), calendar.Date{},
			"CCP R2131-12 (décret n° 2018-1075 of 3 Dec 2018)", srcR2131_12},

		// Free, full and direct access to the documents (CCP R2132-2).
		{ThresholdFreeDocuments, rulesEUR(40000), rulesDate(2020, time.January, 1), rulesDate(2026, time.March, 31),
			"CCP R2132-2 (décret n° 2019-1344 of 12 Dec 2019)", srcD20191344},
		{ThresholdFreeDocuments, rulesEUR(60000), rulesDate(2026, time.April, 1), calendar.Date{},
			"CCP R2132-2 (décret n° 2025-1386 of 29 Dec 2025, art. 1 2° and art. 3)", srcD20251386},

		// Small lots inside a formalised operation (CCP R2123-1 2°).
		{ThresholdSmallLotSuppliesServices, rulesEUR(80000), rulesDate(2019, time.April, 1), calendar.Date{},
			"CCP R2123-1 2° (décret n° 2018-1075 of 3 Dec 2018)", srcR2123_1},
		{ThresholdSmallLotWorks, rulesEUR(1000000), rulesDate(2019, time.April, 1), calendar.Date{},
			"CCP R2123-1 2° (décret n° 2018-1075 of 3 Dec 2018)", srcR2123_1},
	}
}

var defaultThresholds = sync.OnceValue(func() *ThresholdTable {
	t, err := NewThresholdTable(ThresholdDataVersion, defaultThresholdRows())
	if err != nil {
		panic("procurement: built-in threshold table is invalid: " + err.Error())
	}
	return t
})

// DefaultThresholds returns the built-in threshold table, version
// ThresholdDataVersion. The table is immutable and shared.
func DefaultThresholds() *ThresholdTable { return defaultThresholds() }
