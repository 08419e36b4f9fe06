package calendar

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/aa"
	"github.com/rickar/cal/v2/fr"
)

// Holiday is one public holiday (jour férié) of a territory on a civil
// date. It is a plain value; the package never keeps a reference to the
// Holidays it returns.
type Holiday struct {
	// Date is the civil date of the holiday. A holiday falling on a
	// Saturday or Sunday stays on that date: French law has no substitute
	// ("observed") days.
	Date Date
	// Name is the French name, e.g. "Jour de l'an", "Lundi de Pâques",
	// "Vendredi saint", "Abolition de l'esclavage".
	Name string
	// Key is a stable English snake_case identifier, e.g. "new_year",
	// "easter_monday", "good_friday", "abolition_of_slavery". Keys are API:
	// they are never renamed.
	Key string
	// Local is true for a holiday of the territory only (Alsace-Moselle,
	// overseas), false for the 11 national holidays.
	Local bool
}

// holidayRule computes one holiday for the years it applies.
type holidayRule struct {
	key   string
	name  string
	local bool
	// first and last year the rule applies, inclusive; 0 means unbounded.
	// Local rules record their first year even when it is before MinYear,
	// as documentation of the legal source.
	first, last int
	// A fixed-date rule has month != 0; otherwise calc, a rickar/cal
	// holiday cloned at initialisation, gives the date.
	month time.Month
	day   int
	calc  *cal.Holiday
}

// National holidays: the 11 fêtes légales of Code du travail art. L3133-1,
// identical in every territory of the package (for Mayotte: Code du travail
// applicable à Mayotte art. L222-1 until 2017, then L3133-1; the Pacific
// collectivities have their own labour codes with the same 11 days, see
// localRules).
//
// Dates come from github.com/rickar/cal/v2/fr (package v2/fr, tag
// v2.1.26): only through Holiday.Calc, keeping the civil date of the
// result (see civilDate). The holidays are cloned once at initialisation
// so that a later change to the exported fr variables by another package
// cannot alter ours; names and keys are ours. Lundi de Pentecôte is listed
// every year, including 2005-2007 when it was by default the journée de
// solidarité (loi n° 2004-626 du 30 juin 2004): it stayed on the L3133-1
// list, and the day counts as a jour férié for time limits even where it
// is worked (loi n° 2008-351 du 16 avril 2008 detached the two).
var nationalRules = [...]holidayRule{
	{key: "new_year", name: "Jour de l'an", calc: fr.NouvelAn.Clone(nil)},
	{key: "easter_monday", name: "Lundi de Pâques", calc: fr.LundiDePâques.Clone(nil)},
	{key: "labour_day", name: "Fête du Travail", calc: fr.FêteDuTravail.Clone(nil)},
	{key: "victory_1945", name: "Victoire 1945", calc: fr.FêteDeLaVictoire.Clone(nil)},
	{key: "ascension", name: "Ascension", calc: fr.Ascension.Clone(nil)},
	{key: "whit_monday", name: "Lundi de Pentecôte", calc: fr.LundiDePentecôte.Clone(nil)},
	{key: "bastille_day", name: "Fête nationale", calc: fr.FêteNationale.Clone(nil)},
	{key: "assumption", name: "Assomption", calc: fr.Assomption.Clone(nil)},
	{key: "all_saints", name: "Toussaint", calc: fr.Toussaint.Clone(nil)},
	{key: "armistice_1918", name: "Armistice 1918", calc: fr.Armistice1918.Clone(nil)},
	{key: "christmas", name: "Noël", calc: fr.Noël.Clone(nil)},
}

// goodFriday is rickar/cal's Good Friday (Easter - 2 days), cloned.
var goodFriday = aa.GoodFriday.Clone(nil)

const abolitionName = "Abolition de l'esclavage"

// localRules are the territory-specific holidays, written by us, indexed
// by region. Each rule records its first year (and last year when it was
// replaced) with its legal source.
//
// Abolition of slavery (commémoration de l'abolition de l'esclavage): loi
// n° 83-550 du 30 juin 1983 makes it a jour férié and leaves the date to a
// decree; décret n° 83-1003 du 23 novembre 1983 (JO 24 November 1983) art.
// 1 fixed Guadeloupe 27 May, Guyane 10 June, Martinique 22 May, Réunion 20
// December and Mayotte 27 April; décret n° 2012-553 du 23 avril 2012 (JO 25
// April 2012, in force 26 April 2012) added Saint-Barthélemy 9 October and
// Saint-Martin 27 May. Loi n° 2016-1088 du 8 août 2016 (art. 8) copied the
// list into Code du travail art. L3422-2. Sources: Légifrance
// JORFTEXT000000336997 (décret, consolidated), JORFTEXT000000692257 (loi),
// Code du travail L3422-2 (version of 21 May 2019).
//
// Saint-Barthélemy and Saint-Martin were communes of the Guadeloupe
// département until 15 July 2007 (loi organique n° 2007-223 du 21 février
// 2007), so Guadeloupe's 27 May applied to them from 1984. No text gave
// them a date between 2007 and décret 2012-553; we keep 27 May for 2008-2011
// (continuity of the 1983 decree, and the local press records the day
// still observed on 27 May: Journal de Saint-Barth n° 927, 11 May 2011,
// quoted by logbook.memoirestbarth.com). A local historian argues the
// decree no longer applied after July 2007 (memoirestbarth.com); this is
// the one judgement call of the table.
//
// Saint-Martin 28 May: the conseil territorial asked for 28 May (délibération
// du 5 novembre 2015); the implementing text carried a material error ("28
// mars") and 2017 was still observed on 27 May (soualigapost.com, 27 May
// 2017). From 2018 the State allowed 28 May instead of 27 May
// (circulaires interministérielles du 4 mai 2018 and du 3 mai 2019) and the
// préfecture of Saint-Barthélemy and Saint-Martin declared 28 May a jour
// férié under L3422-2 (soualigapost.com 16 May 2018 and 17 May 2019;
// la1ere.francetvinfo.fr 2020: "depuis, le 28 mai est un jour férié
// local"). The consolidated L3422-2 and décret 83-1003 still read 27 May;
// we follow the day actually declared férié: 27 May until 2017, 28 May
// from 2018.
var localRules = [...][]holidayRule{
	regionMetropole: nil,

	// Alsace-Moselle: Code du travail art. L3134-13 ("le Vendredi saint
	// dans les communes ayant un temple protestant ou une église mixte"
	// and 26 December), which codified at constant law (ordonnance n°
	// 2007-329 du 12 mars 2007, in force 1 May 2008) the local law kept by
	// the loi du 1er juin 1924; both days apply before and after 2008.
	// Good Friday is applied to the whole three départements, as done in
	// practice (Cour de cassation, avis du 17 septembre 2012; francebleu.fr).
	regionAlsaceMoselle: {
		{key: "good_friday", name: "Vendredi saint", local: true, calc: goodFriday},
		{key: "st_stephen", name: "Saint-Étienne", local: true, month: time.December, day: 26},
	},

	// Guadeloupe: décret n° 83-1003 art. 1, first applied 27 May 1984.
	regionGuadeloupe: {
		{key: "abolition_of_slavery", name: abolitionName, local: true, first: 1984, month: time.May, day: 27},
	},
	// Martinique: décret n° 83-1003 art. 1, first applied 22 May 1984.
	regionMartinique: {
		{key: "abolition_of_slavery", name: abolitionName, local: true, first: 1984, month: time.May, day: 22},
	},
	// Guyane: décret n° 83-1003 art. 1, first applied 10 June 1984.
	regionGuyane: {
		{key: "abolition_of_slavery", name: abolitionName, local: true, first: 1984, month: time.June, day: 10},
	},
	// La Réunion: décret n° 83-1003 art. 1, first applied 20 December 1983
	// (the decree is of 23 November 1983).
	regionReunion: {
		{key: "abolition_of_slavery", name: abolitionName, local: true, first: 1983, month: time.December, day: 20},
	},
	// Saint-Pierre-et-Miquelon: no local holiday. Code du travail L3422-2
	// (the overseas list) does not name it, no other text was found, and
	// it is absent from the list of territories with extra days
	// (fr.wikipedia "Fêtes et jours fériés en France").
	regionSaintPierre: nil,
	// Mayotte: décret n° 83-1003 art. 1 (27 April, first applied 27 April
	// 1984); Code du travail applicable à Mayotte art. L222-1 (in force 6
	// March 1991 to 31 December 2017) lists "le 27 avril, commémoration de
	// l'abolition de l'esclavage"; Code du travail L3422-2 since 2018.
	regionMayotte: {
		{key: "abolition_of_slavery", name: abolitionName, local: true, first: 1984, month: time.April, day: 27},
	},
	// Saint-Barthélemy: Guadeloupe's 27 May 1984-2011 (see above), then 9
	// October from 2012 (décret n° 2012-553 du 23 avril 2012, in force 26
	// April 2012; L3422-2 5°).
	regionSaintBarthelemy: {
		{key: "abolition_of_slavery", name: abolitionName, local: true, first: 1984, last: 2011, month: time.May, day: 27},
		{key: "abolition_of_slavery", name: abolitionName, local: true, first: 2012, month: time.October, day: 9},
	},
	// Saint-Martin: 27 May 1984-2017 (Guadeloupe until 2007, décret n°
	// 2012-553 and L3422-2 3° afterwards), 28 May from 2018 (see above).
	regionSaintMartin: {
		{key: "abolition_of_slavery", name: abolitionName, local: true, first: 1984, last: 2017, month: time.May, day: 27},
		{key: "abolition_of_slavery", name: abolitionName, local: true, first: 2018, month: time.May, day: 28},
	},
	// Wallis-et-Futuna: Saint-Pierre-Chanel (28 April) and Fête du
	// Territoire (29 July, anniversary of loi n° 61-814 du 29 juillet 1961)
	// are the two local fêtes légales listed by the Administration
	// supérieure (préfecture), livret d'accueil 2017, "Jours fériés à
	// Wallis et Futuna"; also publicholidays.asia (2018-2027). The
	// enacting arrêté was not found; both days predate MinYear (1990) in
	// every source seen, so they apply to every supported year. 29 July,
	// not 28 July.
	regionWallisFutuna: {
		{key: "st_peter_chanel", name: "Saint-Pierre-Chanel", local: true, month: time.April, day: 28},
		{key: "territory_day", name: "Fête du Territoire", local: true, month: time.July, day: 29},
	},
	// Polynésie française (Code du travail de la Polynésie française, list
	// of jours fériés, a loi du pays matter):
	//   - Arrivée de l'Évangile, 5 March: férié since 1978 (bibliomonde.fr
	//     almanach; fr.wikipedia "Arrivée de l'Évangile").
	//   - Vendredi saint: on the Polynesian list before 1990 (tahiti-infos.com,
	//     27 December 2023 and 31 December 2024).
	//   - Fête de l'autonomie, 29 June: férié from 1985 (radio1.pf, 1 May
	//     2024: "instaurée en 1985"), last observed 2024: the loi du pays
	//     adopted by the Assemblée de la Polynésie française on 6 May 2025
	//     removed it from the list (tahiti-infos.com, 6 May 2025; lexpol
	//     texte 1022247).
	//   - Matari'i i ni'a, 20 November: the same loi du pays, applicable from
	//     2025 (tahiti-infos.com, 23 October 2025: "la liste des jours
	//     fériés du code du travail a bien été modifiée ... s'appliquera
	//     dès 2025"; tntvnews.pf on 2026).
	// Easter Sunday and Whit Sunday, on some Polynesian lists, are Sundays
	// and are not listed.
	regionPolynesia: {
		{key: "arrival_of_the_gospel", name: "Arrivée de l'Évangile", local: true, first: 1978, month: time.March, day: 5},
		{key: "good_friday", name: "Vendredi saint", local: true, calc: goodFriday},
		{key: "autonomy_day", name: "Fête de l'autonomie", local: true, first: 1985, last: 2024, month: time.June, day: 29},
		{key: "matarii", name: "Matari'i i ni'a", local: true, first: 2025, month: time.November, day: 20},
	},
	// Nouvelle-Calédonie: 24 September (Fête de la citoyenneté, formerly
	// the anniversary of 24 September 1853) is the twelfth jour férié légal
	// of Accord interprofessionnel territorial art. 74 (AIT réactualisé du
	// 27 juillet 1994, extended by arrêté n° 3807-T du 4 octobre 1994;
	// job.nc; medef.nc 2025 list), and a fête locale chômée long before
	// (la1ere.francetvinfo.fr: commemorated since 1871). Also rickar/cal
	// v2/nc FêteDeLaCitoyenneté. One secondary source says it "redevenu
	// férié" around 2003; no text removing it was found, so it applies to
	// every supported year.
	regionNewCaledonia: {
		{key: "citizenship_day", name: "Fête de la citoyenneté", local: true, month: time.September, day: 24},
	},
}

// Deliberately excluded (not holidays in any text found, or not
// computable):
//   - Guadeloupe and Martinique: Vendredi saint, Mardi gras, Mercredi des
//     Cendres, Mi-Carême, 2 November and 21 July (Fête de Victor
//     Schœlcher). Widely observed by custom or collective agreements, but
//     absent from Code du travail L3133-1 and L3422-2 and from décret n°
//     83-1003; 21 July is given as a holiday by a single secondary source
//     (23mai.cm98.fr).
//   - Mayotte: Miradji, Idi-el-Fitri, Idi-el-Kabir, Maoulid. L3422-2 (and
//     formerly L222-1 of the Mayotte code) only says its list does not
//     prevent customs or agreements granting them; their dates follow the
//     lunar Hijri calendar as announced locally, which cannot be computed
//     here.
//   - 10 May and 23 May: national days of remembrance (loi n° 83-550), not
//     holidays.
//   - Polynésie française 2 January (administrations closed by custom) and
//     Nouvelle-Calédonie one-off days decided by the government: not on
//     the legal lists.
//   - Whit Monday is never removed (see nationalRules).

// maxHolidays bounds the holidays of one territory in one year.
const maxHolidays = len(nationalRules) + 4

// civilDate returns the civil date of a time computed by rickar/cal.
// rickar builds holidays as time.Date(y, m, d, 0, 0, 0, 0, cal.DefaultLoc)
// with cal.DefaultLoc = time.Local by default, which we neither read nor
// set. In a zone whose clocks jump at midnight (America/Sao_Paulo before
// 2019, America/Havana, America/Santiago...), that midnight may not exist
// and time.Date normalises it to 23:00 the day before; rounding to the
// nearest midnight recovers the civil date whatever the process zone.
func civilDate(t time.Time) Date {
	d := DateOf(t)
	if t.Hour() >= 12 {
		d = d.AddDays(1)
	}
	return d
}

// date returns the rule's date in year, ok=false when the rule does not
// apply that year.
func (r *holidayRule) date(year int) (Date, bool) {
	if r.first != 0 && year < r.first || r.last != 0 && year > r.last {
		return Date{}, false
	}
	if r.month != 0 {
		return Date{int32(year), uint8(r.month), uint8(r.day)}, true
	}
	t, _ := r.calc.Calc(year)
	if t.IsZero() {
		return Date{}, false
	}
	return civilDate(t), true
}

func (r *holidayRule) holiday(d Date) Holiday {
	return Holiday{Date: d, Name: r.name, Key: r.key, Local: r.local}
}

// appendHolidays appends the holidays of t in year to dst, unsorted.
func (t Territory) appendHolidays(dst []Holiday, year int) []Holiday {
	for i := range nationalRules {
		if d, ok := nationalRules[i].date(year); ok {
			dst = append(dst, nationalRules[i].holiday(d))
		}
	}
	for i := range localRules[t.region] {
		r := &localRules[t.region][i]
		if d, ok := r.date(year); ok {
			dst = append(dst, r.holiday(d))
		}
	}
	return dst
}

// compareHolidays orders holidays by date, national before local on the
// same date, then by Key.
func compareHolidays(a, b Holiday) int {
	if c := a.Date.Compare(b.Date); c != 0 {
		return c
	}
	if a.Local != b.Local {
		if a.Local {
			return 1
		}
		return -1
	}
	return strings.Compare(a.Key, b.Key)
}

func errZeroTerritory() error {
	return &FieldError{Field: "territory", Value: "", Err: ErrUnknownTerritory}
}

func inYears(year int) bool { return year >= MinYear && year <= MaxYear }

// Holidays returns the public holidays (jours fériés) of t in year: the 11
// national holidays plus t's local ones, sorted by date; on the same date
// (Ascension on 1 May 2008) national holidays come before local ones, then
// by Key. Holidays falling on a weekend are listed. The slice is freshly
// allocated.
//
// It fails with a *FieldError wrapping ErrYearOutOfRange (Field "year")
// outside MinYear..MaxYear, and ErrUnknownTerritory (Field "territory")
// for the zero Territory.
func (t Territory) Holidays(year int) ([]Holiday, error) {
	if t.IsZero() {
		return nil, errZeroTerritory()
	}
	if !inYears(year) {
		return nil, &FieldError{Field: "year", Value: strconv.Itoa(year), Err: ErrYearOutOfRange}
	}
	out := t.appendHolidays(make([]Holiday, 0, len(nationalRules)+len(localRules[t.region])), year)
	slices.SortFunc(out, compareHolidays)
	return out, nil
}

// HolidaysBetween returns the public holidays of t in the closed range
// [from, to], sorted as by Holidays. The slice is freshly allocated and
// empty (not nil) when no holiday falls in the range.
//
// It fails with a list of *FieldError (Field "from" or "to"; test with
// errors.Is) wrapping ErrInvalidDate for a zero date, ErrYearOutOfRange
// for a date outside the years MinYear..MaxYear and ErrInvalidDateRange
// when to is before from; the zero Territory fails with
// ErrUnknownTerritory (Field "territory").
func (t Territory) HolidaysBetween(from, to Date) ([]Holiday, error) {
	var errs []*FieldError
	if t.IsZero() {
		errs = append(errs, &FieldError{Field: "territory", Value: "", Err: ErrUnknownTerritory})
	}
	check := func(field string, d Date) {
		switch {
		case d.IsZero():
			errs = append(errs, &FieldError{Field: field, Value: d.String(), Err: ErrInvalidDate})
		case !inYears(d.Year()):
			errs = append(errs, &FieldError{Field: field, Value: d.String(), Err: ErrYearOutOfRange})
		}
	}
	check("from", from)
	check("to", to)
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		errs = append(errs, &FieldError{Field: "to", Value: to.String(), Err: ErrInvalidDateRange,
			Detail: "before from " + from.String()})
	}
	if len(errs) > 0 {
		return nil, fieldErrorList(errs)
	}
	out := make([]Holiday, 0, 4)
	var buf [maxHolidays]Holiday
	for y := from.Year(); y <= to.Year(); y++ {
		hs := t.appendHolidays(buf[:0], y)
		slices.SortFunc(hs, compareHolidays)
		for _, h := range hs {
			if h.Date.Compare(from) >= 0 && h.Date.Compare(to) <= 0 {
				out = append(out, h)
			}
		}
	}
	return out, nil
}

// IsHoliday reports whether d is a public holiday of t and returns it; when
// two holidays share the date (Ascension and Fête du Travail on 1 May
// 2008), it returns the first in the order of Holidays. It reports false
// for the zero Territory, a zero Date and dates outside the years
// MinYear..MaxYear. It does not allocate.
func (t Territory) IsHoliday(d Date) (Holiday, bool) {
	if t.IsZero() || !inYears(d.Year()) {
		return Holiday{}, false
	}
	var buf [maxHolidays]Holiday
	var best Holiday
	found := false
	for _, h := range t.appendHolidays(buf[:0], d.Year()) {
		if h.Date == d && (!found || compareHolidays(h, best) < 0) {
			best, found = h, true
		}
	}
	return best, found
}
