package conformance

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/openmarches/marches/calendar"
)

// Sources shared by the calendar families.
var (
	basisNational = Basis{
		Ref:    "Code du travail art. L3133-1 (the 11 fêtes légales); Easter Sunday by the Gregorian computus",
		Source: "https://www.legifrance.gouv.fr/codes/id/LEGISCTA000033008129/",
	}
	basisAlsace = Basis{
		Ref:    "Code du travail art. L3134-13 (Alsace-Moselle: Good Friday and 26 December, départements 57, 67, 68), applied to the whole three départements (Cour de cassation, avis du 17 septembre 2012)",
		Source: "https://www.courdecassation.fr/jurisprudence_2/avis_15/avis_classes_date_239/2012_4160/17_septembre_2012_1200008_4374/guerric_henon_24154.html",
	}
	basisAbolition = Basis{
		Ref:    "Loi n° 83-550 du 30 juin 1983; décret n° 83-1003 du 23 novembre 1983 as amended by décret n° 2012-553; Code du travail L3422-2 (abolition of slavery, date by territory)",
		Source: "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000692257/",
	}
	basisPacific = Basis{
		Ref:    "Local labour codes of the Pacific collectivities (Polynésie française: loi du pays of 6 May 2025 replacing 29 June by 20 November from 2025; Nouvelle-Calédonie: AIT art. 74, 24 September; Wallis-et-Futuna: 28 April and 29 July)",
		Source: "calendar/holiday.go (every source quoted there); https://www.tahiti-infos.com/Le-20-novembre-remplace-officiellement-le-29-juin-comme-jour-ferie_a230388.html",
	}
	basisWorkingTime = Basis{
		Ref:    "marches calendar: working time is the real elapsed time during which the local wall clock is inside the schedule on a working day; Add returns the earliest instant the duration is reached (a closing time, not the next opening)",
		Source: "calendar/doc.go, section \"Time, zones and DST\"",
	}
	basisSupportHours = Basis{
		Ref:    "Contract (maintenance and hosting), support hours: Monday to Friday 09:00-19:00 except public holidays, Europe/Paris; marches calendar working-time rule",
		Source: "calendar/doc.go; calendar.DefaultHours",
	}
	basisWorkingDays = Basis{
		Ref:    "marches calendar: \"N jours ouvrés\" in an SLA is the same wall-clock time on the Nth working day, counted from the next opening when the start is outside working time; a wall time missing on the target day (DST gap) moves forward by the gap",
		Source: "calendar/doc.go; Calendar.AddWorkingDays",
	}
	basisCPC = Basis{
		Ref:    "Code de procédure civile art. 641 (the day of the event does not count) and 642 (a limit ending on a Saturday, Sunday or public holiday runs to the next working day)",
		Source: "https://www.doctrine.fr/l/texts/codes/LEGITEXT000006070716/articles/LEGIARTI000006411003",
	}
	basisFrancs = Basis{
		Ref:    "Jours francs: neither the day of the event (dies a quo) nor the day the count reaches (dies ad quem) counts, so N jours francs after D end on D+N+1; then CPC art. 642 extension",
		Source: "calendar/doc.go (DayKind JoursFrancs); Code de procédure civile art. 641-642",
	}
	basisOuvrables = Basis{
		Ref:    "Jours ouvrables: Monday to Saturday except public holidays; jours ouvrés: the working days of the schedule; then CPC art. 642 extension",
		Source: "calendar/doc.go (DayKind); https://www.maitredata.com/app/code/travail/l3133-1",
	}
)

// defaultHours is written out in every input, so that vectors do not
// depend on our defaults.
const defaultHours = calendar.DefaultHours

// calIn names a calendar: a territory (INSEE code) and working hours in
// opening_hours syntax.
type calIn struct {
	Territory string `json:"territory"`
	Hours     string `json:"hours"`
}

func (c calIn) build() (*calendar.Calendar, error) {
	s, err := calendar.ParseSchedule(c.Hours)
	if err != nil {
		return nil, err
	}
	return calendar.New(calendar.Config{Territory: c.Territory, Schedule: s})
}

var calendarInputFields = []Field{
	{"territory", "INSEE code of the territory whose public holidays and IANA time zone apply: 75, 67, 2A, 971..978, 986..988, FR (metropolitan, national holidays only)"},
	{"hours", "working hours in opening_hours syntax (subset documented in calendar.ParseSchedule): \"Mo-Fr 09:00-19:00; PH off\", \"24/7\" (holidays worked as usual without a PH rule)"},
}

func parseInstant(field, s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, &FieldError{Field: field, Value: s, Err: ErrInputs, Detail: "want RFC 3339 with an offset"}
	}
	return t, nil
}

func formatInstant(t time.Time) string { return t.Format(time.RFC3339Nano) }

func parseDate(field, s string) (calendar.Date, error) {
	d, err := calendar.ParseDate(s)
	if err != nil {
		return calendar.Date{}, &FieldError{Field: field, Value: s, Err: ErrInputs, Detail: "want YYYY-MM-DD"}
	}
	return d, nil
}

func wholeSeconds(d time.Duration) (int64, error) {
	if d%time.Second != 0 {
		return 0, &FieldError{Field: "seconds", Value: d.String(), Err: ErrInputs, Detail: "result is not a whole number of seconds"}
	}
	return int64(d / time.Second), nil
}

// int64Of reads a JSON number input as an int64.
func int64Of(field string, n json.Number) (int64, error) {
	v, err := strconv.ParseInt(n.String(), 10, 64)
	if err != nil {
		return 0, &FieldError{Field: field, Value: n.String(), Err: ErrInputs, Detail: "want an integer"}
	}
	return v, nil
}

// ---- calendar-holidays ----

type holidaysIn struct {
	Territory string `json:"territory"`
	From      string `json:"from"`
	To        string `json:"to"`
}

type holidaysOut struct {
	Dates []string `json:"dates"`
}

func calendarHolidays() family {
	return family{
		name:  "calendar-holidays",
		title: Text{FR: "Jours fériés par territoire", EN: "Public holidays by territory"},
		pkg:   "github.com/openmarches/marches/calendar",
		ops: []op{newOp("holidays",
			Text{
				FR: "Dates des jours fériés du territoire entre from et to inclus, triées, chacune une fois (un jour férié tombant un samedi ou un dimanche est listé : le droit français ne le reporte pas).",
				EN: "Dates of the territory's public holidays from from to to inclusive, sorted, each once (a holiday on a Saturday or Sunday is listed: French law has no substitute day).",
			},
			[]Field{
				calendarInputFields[0],
				{"from", "first date of the range, YYYY-MM-DD, inclusive"},
				{"to", "last date of the range, YYYY-MM-DD, inclusive"},
			},
			[]Field{{"dates", "list of YYYY-MM-DD, ascending, distinct; [] when none"}},
			func(in holidaysIn) (any, error) {
				t, err := calendar.LookupTerritory(in.Territory)
				if err != nil {
					return nil, err
				}
				from, err1 := parseDate("from", in.From)
				to, err2 := parseDate("to", in.To)
				if err := firstErr(err1, err2); err != nil {
					return nil, err
				}
				hs, err := t.HolidaysBetween(from, to)
				if err != nil {
					return nil, err
				}
				out := holidaysOut{Dates: []string{}}
				for _, h := range hs {
					s := h.Date.String()
					if n := len(out.Dates); n > 0 && out.Dates[n-1] == s {
						continue
					}
					out.Dates = append(out.Dates, s)
				}
				return out, nil
			})},
		cases: holidayCases,
	}
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

func holidayCases() []vcase {
	year := func(t string, y int) holidaysIn {
		return holidaysIn{Territory: t, From: strconv.Itoa(y) + "-01-01", To: strconv.Itoa(y) + "-12-31"}
	}
	return []vcase{
		{id: "alsace-moselle.67-2026", op: "holidays",
			fr:    "Bas-Rhin 2026 : les 11 jours fériés nationaux plus le Vendredi saint (3 avril) et la Saint-Étienne (26 décembre).",
			en:    "Bas-Rhin 2026: the 11 national holidays plus Good Friday (3 April) and St Stephen's Day (26 December).",
			basis: basisAlsace, in: year("67", 2026),
			hand: "Easter Sunday 2026 by the Meeus/Jones/Butcher computus: a=12, b=20, c=26, d=5, e=0, f=1, g=6, h=(228+20-5-6+15) mod 30=12, i=6, k=2, l=(32+0+12-12-2) mod 7=2, m=0, month=(12+2+114) div 31=4, day=(128 mod 31)+1=5: 5 April. Good Friday 3 April, Easter Monday 6 April, Ascension (+39) 14 May, Whit Monday (+50) 25 May; fixed: 1 Jan, 1 May, 8 May, 14 Jul, 15 Aug, 1 Nov, 11 Nov, 25 Dec; Alsace-Moselle adds 3 April and 26 December: 13 dates."},
		{id: "alsace-moselle.57-good-friday-2027", op: "holidays",
			fr:    "Moselle, mars-avril 2027 : Vendredi saint le 26 mars, lundi de Pâques le 29 mars.",
			en:    "Moselle, March-April 2027: Good Friday on 26 March, Easter Monday on 29 March.",
			basis: basisAlsace, in: holidaysIn{Territory: "57", From: "2027-03-01", To: "2027-04-30"},
			hand: "Easter Sunday 2027 by the same computus: a=13, b=20, c=27, d=5, e=0, f=1, g=6, h=(247+20-5-6+15) mod 30=1, i=6, k=3, l=(32+0+12-1-3) mod 7=5, m=0, month=(1+5+114) div 31=3, day=(120 mod 31)+1=28: 28 March. Good Friday 26 March, Easter Monday 29 March; no other holiday in March-April: 2027-03-26, 2027-03-29."},
		{id: "national.75-2026", op: "holidays",
			fr:    "Paris 2026 : les 11 jours fériés nationaux, sans jour local.",
			en:    "Paris 2026: the 11 national holidays, no local day.",
			basis: basisNational, in: year("75", 2026),
			hand: "Easter Sunday 2026 = 5 April (see the Bas-Rhin vector): 1 Jan, 6 Apr, 1 May, 8 May, 14 May, 25 May, 14 Jul, 15 Aug, 1 Nov, 11 Nov, 25 Dec."},
		{id: "national.weekend-holidays-2027", op: "holidays",
			fr:    "France métropolitaine 2027 : le 1er mai, le 8 mai et Noël tombent un samedi, le 15 août un dimanche ; ils restent listés (pas de report).",
			en:    "Metropolitan France 2027: 1 May, 8 May and Christmas fall on a Saturday, 15 August on a Sunday; they are still listed (no substitute day).",
			basis: basisNational, in: year("FR", 2027)},
		{id: "national.may-2008-ascension-on-labour-day", op: "holidays",
			fr:    "Mai 2008 : l'Ascension tombe le 1er mai ; la date n'apparaît qu'une fois.",
			en:    "May 2008: Ascension falls on 1 May; the date is listed once.",
			basis: basisNational, in: holidaysIn{Territory: "FR", From: "2008-05-01", To: "2008-05-31"}},
		{id: "national.corsica-2a-2026", op: "holidays",
			fr:    "Corse-du-Sud 2026 : code 2A, jours fériés nationaux uniquement.",
			en:    "Corse-du-Sud 2026: code 2A, national holidays only.",
			basis: basisNational, in: year("2A", 2026)},
		{id: "national.empty-range-before-bastille-day", op: "holidays",
			fr:    "Paris du 26 mai au 13 juillet 2026 : aucun jour férié (le 14 juillet est juste après la période).",
			en:    "Paris from 26 May to 13 July 2026: no holiday (14 July is just after the range).",
			basis: basisNational, in: holidaysIn{Territory: "75", From: "2026-05-26", To: "2026-07-13"},
			hand: "Whit Monday 2026 is 25 May (Easter 5 April + 50), outside the range; next holiday 14 July, outside: []."},
		{id: "national.year-boundary-67", op: "holidays",
			fr:    "Bas-Rhin du 20 décembre 2026 au 10 janvier 2027 : Noël, Saint-Étienne, jour de l'an.",
			en:    "Bas-Rhin from 20 December 2026 to 10 January 2027: Christmas, St Stephen's Day, New Year's Day.",
			basis: basisAlsace, in: holidaysIn{Territory: "67", From: "2026-12-20", To: "2027-01-10"},
			hand: "25 and 26 December 2026 (Alsace-Moselle), 1 January 2027: 2026-12-25, 2026-12-26, 2027-01-01."},
		{id: "overseas.guadeloupe-971-2026", op: "holidays",
			fr:    "Guadeloupe 2026 : abolition de l'esclavage le 27 mai.",
			en:    "Guadeloupe 2026: abolition of slavery on 27 May.",
			basis: basisAbolition, in: year("971", 2026)},
		{id: "overseas.martinique-972-may-2026", op: "holidays",
			fr:    "Martinique, mai 2026 : 1er, 8, 14 (Ascension), 22 (abolition de l'esclavage) et 25 mai (Pentecôte).",
			en:    "Martinique, May 2026: 1, 8, 14 (Ascension), 22 (abolition of slavery) and 25 May (Whit Monday).",
			basis: basisAbolition, in: holidaysIn{Territory: "972", From: "2026-05-01", To: "2026-05-31"},
			hand: "National May holidays 2026: 1, 8, 14 (Easter+39), 25 (Easter+50); Martinique adds 22 May (décret 83-1003): 2026-05-01, 05-08, 05-14, 05-22, 05-25."},
		{id: "overseas.guyane-973-june-2026", op: "holidays",
			fr:    "Guyane, juin 2026 : abolition de l'esclavage le 10 juin.",
			en:    "Guyane, June 2026: abolition of slavery on 10 June.",
			basis: basisAbolition, in: holidaysIn{Territory: "973", From: "2026-06-01", To: "2026-06-30"}},
		{id: "overseas.reunion-974-december-2026", op: "holidays",
			fr:    "La Réunion, décembre 2026 : abolition de l'esclavage le 20 décembre (un dimanche, listé quand même) et Noël.",
			en:    "La Réunion, December 2026: abolition of slavery on 20 December (a Sunday, listed anyway) and Christmas.",
			basis: basisAbolition, in: holidaysIn{Territory: "974", From: "2026-12-01", To: "2026-12-31"}},
		{id: "overseas.saint-pierre-975-2026", op: "holidays",
			fr:    "Saint-Pierre-et-Miquelon 2026 : aucun jour local, les 11 jours nationaux.",
			en:    "Saint-Pierre-et-Miquelon 2026: no local day, the 11 national holidays.",
			basis: basisNational, in: year("975", 2026)},
		{id: "overseas.mayotte-976-april-2026", op: "holidays",
			fr:    "Mayotte, avril 2026 : lundi de Pâques le 6 et abolition de l'esclavage le 27 avril.",
			en:    "Mayotte, April 2026: Easter Monday on the 6th and abolition of slavery on 27 April.",
			basis: basisAbolition, in: holidaysIn{Territory: "976", From: "2026-04-01", To: "2026-04-30"}},
		{id: "overseas.saint-barthelemy-977-2011-2012", op: "holidays",
			fr:    "Saint-Barthélemy : 27 mai en 2011, 9 octobre à partir de 2012 (décret n° 2012-553).",
			en:    "Saint-Barthélemy: 27 May in 2011, 9 October from 2012 (décret n° 2012-553).",
			basis: basisAbolition, in: holidaysIn{Territory: "977", From: "2011-05-01", To: "2012-10-31"}},
		{id: "overseas.saint-martin-978-2017-2018", op: "holidays",
			fr:    "Saint-Martin : 27 mai jusqu'en 2017, 28 mai depuis 2018.",
			en:    "Saint-Martin: 27 May until 2017, 28 May since 2018.",
			basis: basisAbolition, in: holidaysIn{Territory: "978", From: "2017-05-20", To: "2018-05-31"}},
		{id: "overseas.wallis-986-2026", op: "holidays",
			fr:    "Wallis-et-Futuna 2026 : Saint-Pierre-Chanel (28 avril) et fête du Territoire (29 juillet, pas le 28).",
			en:    "Wallis-et-Futuna 2026: St Peter Chanel (28 April) and Territory Day (29 July, not the 28th).",
			basis: basisPacific, in: year("986", 2026)},
		{id: "overseas.polynesia-987-2024-2025", op: "holidays",
			fr:    "Polynésie française : fête de l'autonomie le 29 juin jusqu'en 2024, remplacée par Matari'i i ni'a le 20 novembre à partir de 2025.",
			en:    "French Polynesia: Autonomy Day on 29 June until 2024, replaced by Matari'i i ni'a on 20 November from 2025.",
			basis: basisPacific, in: holidaysIn{Territory: "987", From: "2024-06-01", To: "2025-12-31"}},
		{id: "overseas.new-caledonia-988-2026", op: "holidays",
			fr:    "Nouvelle-Calédonie 2026 : fête de la citoyenneté le 24 septembre.",
			en:    "New Caledonia 2026: Citizenship Day on 24 September.",
			basis: basisPacific, in: year("988", 2026)},
	}
}
