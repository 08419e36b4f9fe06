package conformance

import (
	"time"

	"github.com/openmarches/marches/calendar"
)

// ---- calendar-business: business-time arithmetic ----

type addIn struct {
	calIn
	At              string `json:"at"`
	DurationSeconds int64  `json:"duration_seconds"`
}

type betweenIn struct {
	calIn
	From string `json:"from"`
	To   string `json:"to"`
}

type workingDaysIn struct {
	calIn
	At   string `json:"at"`
	Days int    `json:"days"`
}

type atIn struct {
	calIn
	At string `json:"at"`
}

type instantOut struct {
	Result string `json:"result"`
}

type secondsOut struct {
	Seconds int64 `json:"seconds"`
}

const instantDoc = "RFC 3339 instant in the calendar's time zone, with its offset (+01:00 in Paris winter, +02:00 in summer, +04:00 in La Réunion), no fractional seconds when whole"

func calendarBusiness() family {
	return family{
		name:  "calendar-business",
		title: Text{FR: "Arithmétique du temps ouvré", EN: "Business-time arithmetic"},
		pkg:   "github.com/openmarches/marches/calendar",
		ops: []op{
			newOp("add",
				Text{
					FR: "Instant auquel duration_seconds de temps ouvré se sont écoulées après at : le temps ouvré est le temps réellement écoulé pendant lequel l'horloge locale est dans les horaires un jour ouvré ; le résultat est le premier instant où la durée est atteinte (une fermeture, pas l'ouverture suivante).",
					EN: "Instant at which duration_seconds of working time have elapsed after at: working time is the real elapsed time during which the local clock is inside the hours on a working day; the result is the earliest instant the duration is reached (a closing, not the next opening).",
				},
				append(calendarInputFields[:2:2],
					Field{"at", "start, RFC 3339 with an offset (any offset: the instant counts)"},
					Field{"duration_seconds", "working time to add, integer seconds >= 0"}),
				[]Field{{"result", instantDoc}},
				func(in addIn) (any, error) {
					c, err := in.build()
					if err != nil {
						return nil, err
					}
					t, err := parseInstant("at", in.At)
					if err != nil {
						return nil, err
					}
					r, err := c.Add(t, time.Duration(in.DurationSeconds)*time.Second)
					if err != nil {
						return nil, err
					}
					return instantOut{formatInstant(r)}, nil
				}),
			newOp("between",
				Text{
					FR: "Temps ouvré, en secondes, dans l'intervalle [from, to) ; négatif quand to précède from. Les nuits de changement d'heure comptent leur durée réelle.",
					EN: "Working time, in seconds, in [from, to); negative when to is before from. DST nights count their real length.",
				},
				append(calendarInputFields[:2:2],
					Field{"from", "start of the interval, RFC 3339 with an offset, inclusive"},
					Field{"to", "end of the interval, RFC 3339 with an offset, exclusive"}),
				[]Field{{"seconds", "integer seconds of working time"}},
				func(in betweenIn) (any, error) {
					c, err := in.build()
					if err != nil {
						return nil, err
					}
					a, err1 := parseInstant("from", in.From)
					b, err2 := parseInstant("to", in.To)
					if err := firstErr(err1, err2); err != nil {
						return nil, err
					}
					d, err := c.Between(a, b)
					if err != nil {
						return nil, err
					}
					s, err := wholeSeconds(d)
					if err != nil {
						return nil, err
					}
					return secondsOut{s}, nil
				}),
			newOp("add_working_days",
				Text{
					FR: "La même heure locale le n-ième jour ouvré après at (lecture de « 1 jour ouvré » dans un SLA) ; hors horaires, le décompte part de l'ouverture suivante ; une heure inexistante ce jour-là (passage à l'heure d'été) avance de l'écart.",
					EN: "The same local wall time on the n-th working day after at (how \"1 business day\" reads in an SLA); outside working time the count starts at the next opening; a wall time missing that day (spring-forward gap) moves forward by the gap.",
				},
				append(calendarInputFields[:2:2],
					Field{"at", "start, RFC 3339 with an offset"},
					Field{"days", "number of working days, integer >= 0"}),
				[]Field{{"result", instantDoc}},
				func(in workingDaysIn) (any, error) {
					c, err := in.build()
					if err != nil {
						return nil, err
					}
					t, err := parseInstant("at", in.At)
					if err != nil {
						return nil, err
					}
					r, err := c.AddWorkingDays(t, in.Days)
					if err != nil {
						return nil, err
					}
					return instantOut{formatInstant(r)}, nil
				}),
			newOp("next_open",
				Text{
					FR: "Premier instant à partir de at (inclus) qui est dans les horaires : at lui-même quand c'est ouvert.",
					EN: "First instant at or after at that is inside working time: at itself when open.",
				},
				append(calendarInputFields[:2:2], Field{"at", "RFC 3339 with an offset"}),
				[]Field{{"result", instantDoc}},
				func(in atIn) (any, error) {
					c, err := in.build()
					if err != nil {
						return nil, err
					}
					t, err := parseInstant("at", in.At)
					if err != nil {
						return nil, err
					}
					r, err := c.NextOpen(t)
					if err != nil {
						return nil, err
					}
					return instantOut{formatInstant(r)}, nil
				}),
		},
		cases: businessCases,
	}
}

func businessCases() []vcase {
	paris := calIn{Territory: "75", Hours: defaultHours}
	basRhin := calIn{Territory: "67", Hours: defaultHours}
	always := calIn{Territory: "75", Hours: "24/7"}
	night := calIn{Territory: "75", Hours: "Mo-Su 01:30-04:00"}
	reunion := calIn{Territory: "974", Hours: defaultHours}
	const h = 3600
	return []vcase{
		{id: "add.friday-evening", op: "add",
			fr:    "Vendredi 27 novembre 2026 à 18:00 + 2 h ouvrées : 1 h le vendredi, 1 h le lundi, échéance lundi 30 novembre à 10:00.",
			en:    "Friday 27 November 2026 at 18:00 + 2 business hours: 1 h on Friday, 1 h on Monday, due Monday 30 November at 10:00.",
			basis: basisSupportHours, in: addIn{paris, "2026-11-27T18:00:00+01:00", 2 * h},
			hand: "Friday 18:00-19:00 counts 1 h; Saturday and Sunday closed; Monday 09:00 + the remaining 1 h = 10:00, winter time (+01:00): 2026-11-30T10:00:00+01:00."},
		{id: "add.ends-exactly-at-closing", op: "add",
			fr:    "Lundi 30 novembre 2026 à 17:00 + 2 h ouvrées : l'échéance est la fermeture de 19:00 le jour même, pas l'ouverture du lendemain.",
			en:    "Monday 30 November 2026 at 17:00 + 2 business hours: due at the 19:00 closing that day, not at the next morning's opening.",
			basis: basisWorkingTime, in: addIn{paris, "2026-11-30T17:00:00+01:00", 2 * h},
			hand: "17:00 + 2 h = 19:00, the closing: the duration is reached at 19:00 exactly: 2026-11-30T19:00:00+01:00."},
		{id: "add.christmas-eve", op: "add",
			fr:    "Jeudi 24 décembre 2026 à 17:00 + 10 h ouvrées : Noël férié puis week-end, échéance lundi 28 décembre à 17:00.",
			en:    "Thursday 24 December 2026 at 17:00 + 10 business hours: Christmas is a holiday then the weekend, due Monday 28 December at 17:00.",
			basis: basisSupportHours, in: addIn{paris, "2026-12-24T17:00:00+01:00", 10 * h},
			hand: "24 Dec 17:00-19:00 = 2 h; 25 Dec (Christmas, Friday) off; 26-27 weekend; Monday 28 Dec 09:00 + 8 h = 17:00: 2026-12-28T17:00:00+01:00."},
		{id: "add.good-friday-paris", op: "add",
			fr:    "Paris, jeudi 2 avril 2026 à 18:00 + 2 h : le Vendredi saint est ouvré à Paris, échéance vendredi 3 avril à 10:00.",
			en:    "Paris, Thursday 2 April 2026 at 18:00 + 2 h: Good Friday is worked in Paris, due Friday 3 April at 10:00.",
			basis: basisSupportHours, in: addIn{paris, "2026-04-02T18:00:00+02:00", 2 * h},
			hand: "Thursday 18:00-19:00 = 1 h; Friday 3 April is a working day in Paris: 09:00 + 1 h = 10:00, summer time (+02:00): 2026-04-03T10:00:00+02:00."},
		{id: "add.good-friday-alsace", op: "add",
			fr:    "Bas-Rhin, jeudi 2 avril 2026 à 18:00 + 2 h : Vendredi saint et lundi de Pâques fériés en Alsace-Moselle, échéance mardi 7 avril à 10:00.",
			en:    "Bas-Rhin, Thursday 2 April 2026 at 18:00 + 2 h: Good Friday and Easter Monday are holidays in Alsace-Moselle, due Tuesday 7 April at 10:00.",
			basis: basisAlsace, in: addIn{basRhin, "2026-04-02T18:00:00+02:00", 2 * h},
			hand: "Thursday 18:00-19:00 = 1 h; Friday 3 April (Good Friday, L3134-13) off; weekend; Monday 6 April (Easter Monday) off; Tuesday 7 April 09:00 + 1 h = 10:00: 2026-04-07T10:00:00+02:00."},
		{id: "add.spring-forward-weekend", op: "add",
			fr:    "Vendredi 27 mars 2026 à 18:00 + 2 h : l'heure d'été commence le dimanche 29 mars, échéance lundi 30 mars à 10:00 en +02:00.",
			en:    "Friday 27 March 2026 at 18:00 + 2 h: summer time starts on Sunday 29 March, due Monday 30 March at 10:00 at +02:00.",
			basis: basisWorkingTime, in: addIn{paris, "2026-03-27T18:00:00+01:00", 2 * h},
			hand: "Friday 18:00-19:00 (+01:00) = 1 h; weekend (clocks go forward on Sunday 29 March at 02:00); Monday 09:00 + 1 h = 10:00 at +02:00: 2026-03-30T10:00:00+02:00."},
		{id: "add.24-7-spring-forward-day", op: "add",
			fr:    "Service 24/7 : 24 h de temps ouvré à partir du 29 mars 2026 à 00:00 finissent le 30 mars à 01:00, car ce dimanche ne dure que 23 h.",
			en:    "24/7 service: 24 h of working time from 29 March 2026 at 00:00 end on 30 March at 01:00, since that Sunday lasts only 23 h.",
			basis: basisWorkingTime, in: addIn{always, "2026-03-29T00:00:00+01:00", 24 * h},
			hand: "2026-03-29T00:00+01:00 is 2026-03-28T23:00Z; + 24 h real time = 2026-03-29T23:00Z = 2026-03-30T01:00+02:00."},
		{id: "add.reunion-utc-input", op: "add",
			fr:    "La Réunion (UTC+4) : vendredi 18 décembre 2026 à 12:00 UTC (16:00 locale) + 10 h ; 20 décembre (abolition de l'esclavage) est un dimanche ; échéance lundi 21 décembre à 16:00 locale.",
			en:    "La Réunion (UTC+4): Friday 18 December 2026 at 12:00 UTC (16:00 local) + 10 h; 20 December (abolition of slavery) is a Sunday; due Monday 21 December at 16:00 local.",
			basis: basisAbolition, in: addIn{reunion, "2026-12-18T12:00:00Z", 10 * h},
			hand: "12:00Z = 16:00+04:00; Friday 16:00-19:00 = 3 h; weekend; Monday 21 Dec 09:00 + 7 h = 16:00: 2026-12-21T16:00:00+04:00 (result in the calendar's zone)."},
		{id: "add.zero", op: "add",
			fr:    "Ajouter 0 s à un samedi renvoie l'instant de départ, même hors horaires.",
			en:    "Adding 0 s on a Saturday returns the start itself, even outside working time.",
			basis: basisWorkingTime, in: addIn{paris, "2026-11-28T12:00:00+01:00", 0}},
		{id: "between.may-2026", op: "between",
			fr:    "Temps ouvré de mai 2026 à Paris : 21 jours de semaine moins 4 jours fériés (1er, 8, 14 et 25 mai) = 17 jours de 10 h.",
			en:    "Working time in May 2026 in Paris: 21 weekdays minus 4 holidays (1, 8, 14 and 25 May) = 17 days of 10 h.",
			basis: basisSupportHours, in: betweenIn{paris, "2026-05-01T00:00:00+02:00", "2026-06-01T00:00:00+02:00"},
			hand: "May 2026 starts on a Friday: 5 Fridays, 4 each of Monday to Thursday = 21 weekdays; holidays on weekdays: 1 (Fri), 8 (Fri), 14 (Thu, Ascension), 25 (Mon, Whit Monday); 17 × 10 h = 170 h = 612000 s."},
		{id: "between.negative", op: "between",
			fr:    "Intervalle inversé (de 11:00 à 10:00 un lundi) : -1 h.",
			en:    "Reversed interval (from 11:00 to 10:00 on a Monday): -1 h.",
			basis: basisWorkingTime, in: betweenIn{paris, "2026-11-30T11:00:00+01:00", "2026-11-30T10:00:00+01:00"},
			hand: "Between(b, a) = -Between(a, b) = -(10:00 to 11:00) = -3600 s."},
		{id: "between.24-7-fall-back-day", op: "between",
			fr:    "Service 24/7 le dimanche 25 octobre 2026 (retour à l'heure d'hiver) : la journée dure 25 h.",
			en:    "24/7 service on Sunday 25 October 2026 (back to winter time): the day lasts 25 h.",
			basis: basisWorkingTime, in: betweenIn{always, "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00"},
			hand: "00:00+02:00 = 24 Oct 22:00Z; next midnight 00:00+01:00 = 25 Oct 23:00Z; 25 h = 90000 s."},
		{id: "between.night-window-fall-back", op: "between",
			fr:    "Fenêtre 01:30-04:00 la nuit du retour à l'heure d'hiver (25 octobre 2026) : 3 h 30, l'heure 02:00-03:00 étant vécue deux fois.",
			en:    "01:30-04:00 window on the fall-back night (25 October 2026): 3 h 30, the hour 02:00-03:00 being lived twice.",
			basis: basisWorkingTime, in: betweenIn{night, "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00"},
			hand: "01:30+02:00 = 23:30Z (24 Oct); 04:00+01:00 = 03:00Z; 3 h 30 = 12600 s."},
		{id: "between.night-window-spring-forward", op: "between",
			fr:    "Fenêtre 01:30-04:00 la nuit du passage à l'heure d'été (29 mars 2026) : 1 h 30, l'heure 02:00-03:00 n'existant pas.",
			en:    "01:30-04:00 window on the spring-forward night (29 March 2026): 1 h 30, the hour 02:00-03:00 does not exist.",
			basis: basisWorkingTime, in: betweenIn{night, "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00"},
			hand: "01:30+01:00 = 00:30Z; 04:00+02:00 = 02:00Z; 1 h 30 = 5400 s."},
		{id: "between.period-ending-1-may", op: "between",
			fr:    "Avril 2026 jusqu'au 1er mai 00:00 : 22 jours de semaine moins le lundi de Pâques (6 avril) = 21 jours de 10 h.",
			en:    "April 2026 up to 1 May 00:00: 22 weekdays minus Easter Monday (6 April) = 21 days of 10 h.",
			basis: basisSupportHours, in: betweenIn{paris, "2026-04-01T00:00:00+02:00", "2026-05-01T00:00:00+02:00"},
			hand: "April 2026 starts on a Wednesday: 30 days = 4 weeks + Wed, Thu: 20 + 2 = 22 weekdays; minus Easter Monday 6 April = 21; 21 × 10 h = 210 h = 756000 s."},
		{id: "working-days.friday-1830", op: "add_working_days",
			fr:    "Vendredi 27 novembre 2026 à 18:30 + 1 jour ouvré : lundi 30 novembre à 18:30.",
			en:    "Friday 27 November 2026 at 18:30 + 1 business day: Monday 30 November at 18:30.",
			basis: basisWorkingDays, in: workingDaysIn{paris, "2026-11-27T18:30:00+01:00", 1},
			hand: "18:30 is inside working time; next working day Monday 30 November, same wall time: 2026-11-30T18:30:00+01:00."},
		{id: "working-days.friday-2000", op: "add_working_days",
			fr:    "Vendredi 27 novembre 2026 à 20:00 (hors horaires) + 1 jour ouvré : le décompte part du lundi 09:00, échéance mardi 1er décembre à 09:00.",
			en:    "Friday 27 November 2026 at 20:00 (outside hours) + 1 business day: the count starts on Monday 09:00, due Tuesday 1 December at 09:00.",
			basis: basisWorkingDays, in: workingDaysIn{paris, "2026-11-27T20:00:00+01:00", 1},
			hand: "Next opening Monday 30 Nov 09:00; one working day later at the same wall time: Tuesday 1 Dec 09:00: 2026-12-01T09:00:00+01:00."},
		{id: "working-days.over-easter-alsace", op: "add_working_days",
			fr:    "Bas-Rhin, jeudi 2 avril 2026 à 10:00 + 1 jour ouvré : mardi 7 avril à 10:00 (Vendredi saint et lundi de Pâques fériés).",
			en:    "Bas-Rhin, Thursday 2 April 2026 at 10:00 + 1 business day: Tuesday 7 April at 10:00 (Good Friday and Easter Monday are holidays).",
			basis: basisAlsace, in: workingDaysIn{basRhin, "2026-04-02T10:00:00+02:00", 1}},
		{id: "working-days.dst-gap", op: "add_working_days",
			fr:    "Service 24/7, samedi 28 mars 2026 à 02:30 + 1 jour : 02:30 n'existe pas le 29 mars, le résultat avance d'une heure (03:30 +02:00).",
			en:    "24/7 service, Saturday 28 March 2026 at 02:30 + 1 day: 02:30 does not exist on 29 March, the result moves forward by the gap (03:30 +02:00).",
			basis: basisWorkingDays, in: workingDaysIn{always, "2026-03-28T02:30:00+01:00", 1},
			hand: "29 March 2026 02:30 Paris is in the gap 02:00-03:00; moved forward by 1 h as time.Date normalises it: 2026-03-29T03:30:00+02:00."},
		{id: "working-days.three-over-christmas", op: "add_working_days",
			fr:    "Mercredi 23 décembre 2026 à 15:00 + 3 jours ouvrés : 24, 28, 29 décembre, échéance mardi 29 décembre à 15:00.",
			en:    "Wednesday 23 December 2026 at 15:00 + 3 business days: 24, 28, 29 December, due Tuesday 29 December at 15:00.",
			basis: basisWorkingDays, in: workingDaysIn{paris, "2026-12-23T15:00:00+01:00", 3},
			hand: "Working days after 23 Dec: 24 (Thu), 25 Christmas off, 26-27 weekend, 28 (Mon), 29 (Tue): third is 29 Dec, 15:00: 2026-12-29T15:00:00+01:00."},
		{id: "next-open.saturday", op: "next_open",
			fr:    "Samedi 28 novembre 2026 à 12:00 : prochaine ouverture lundi 30 novembre à 09:00.",
			en:    "Saturday 28 November 2026 at 12:00: next opening Monday 30 November at 09:00.",
			basis: basisSupportHours, in: atIn{paris, "2026-11-28T12:00:00+01:00"}},
		{id: "next-open.new-year", op: "next_open",
			fr:    "Jeudi 31 décembre 2026 à 19:00 (fermeture) : le vendredi 1er janvier 2027 est férié, puis le week-end ; prochaine ouverture lundi 4 janvier à 09:00.",
			en:    "Thursday 31 December 2026 at 19:00 (closing): Friday 1 January 2027 is a holiday, then the weekend; next opening Monday 4 January at 09:00.",
			basis: basisSupportHours, in: atIn{paris, "2026-12-31T19:00:00+01:00"},
			hand: "19:00 is the closing (spans are [09:00, 19:00)); 1 January 2027 is a Friday and a holiday, 2-3 January the weekend: Monday 2027-01-04T09:00:00+01:00."},
		{id: "next-open.inside", op: "next_open",
			fr:    "Mardi 17 novembre 2026 à 10:00, pendant les horaires : l'instant lui-même.",
			en:    "Tuesday 17 November 2026 at 10:00, inside working time: the instant itself.",
			basis: basisSupportHours, in: atIn{paris, "2026-11-17T10:00:00+01:00"}},
	}
}

// ---- calendar-days: French day counts ----

type addDaysIn struct {
	calIn
	Date string `json:"date"`
	Days int    `json:"days"`
	Kind string `json:"kind"`
}

type extendIn struct {
	Territory string `json:"territory"`
	Date      string `json:"date"`
}

type dateOut struct {
	Date string `json:"date"`
}

func calendarDays() family {
	return family{
		name:  "calendar-days",
		title: Text{FR: "Décomptes de jours : ouvrés, ouvrables, calendaires, francs", EN: "French day counts: ouvrés, ouvrables, calendaires, francs"},
		pkg:   "github.com/openmarches/marches/calendar",
		ops: []op{
			newOp("add_days",
				Text{
					FR: "Date d'expiration d'un délai de days jours du type kind partant de date (le jour de l'événement ne compte pas ; jours francs : ni le premier ni le dernier), prorogée au premier jour qui n'est ni samedi, ni dimanche, ni férié. Un nombre négatif compte à rebours (« au plus tard n jours avant ») et recule alors au jour précédent qui n'est ni samedi, ni dimanche, ni férié.",
					EN: "Expiry date of a limit of days days of kind kind from date (the day of the event does not count; jours francs: neither the first nor the last), extended to the next day that is not a Saturday, Sunday or holiday. A negative count goes backwards (\"at the latest n days before\") and then moves back to the previous day that is none of these.",
				},
				append(calendarInputFields[:2:2],
					Field{"date", "day of the triggering event, YYYY-MM-DD"},
					Field{"days", "number of days, integer (negative counts backwards)"},
					Field{"kind", "ouvres (working days of the hours), ouvrables (Monday to Saturday except holidays), calendaires (every day, result = date + days) or francs (result = date + days + 1)"}),
				[]Field{{"date", "last day of the limit, YYYY-MM-DD"}},
				func(in addDaysIn) (any, error) {
					c, err := in.build()
					if err != nil {
						return nil, err
					}
					d, err := parseDate("date", in.Date)
					if err != nil {
						return nil, err
					}
					k, err := calendar.ParseDayKind(in.Kind)
					if err != nil {
						return nil, err
					}
					r, err := c.AddDays(d, in.Days, k)
					if err != nil {
						return nil, err
					}
					return dateOut{r.String()}, nil
				}),
			newOp("extend",
				Text{
					FR: "Report d'un délai expirant un samedi, un dimanche ou un jour férié au premier jour suivant qui n'est rien de cela (CPC art. 642) ; la date elle-même sinon.",
					EN: "Extension of a limit ending on a Saturday, Sunday or public holiday to the next day that is none of these (CPC art. 642); the date itself otherwise.",
				},
				[]Field{calendarInputFields[0], {"date", "last day of a limit, YYYY-MM-DD"}},
				[]Field{{"date", "YYYY-MM-DD"}},
				func(in extendIn) (any, error) {
					c, err := calIn{Territory: in.Territory, Hours: defaultHours}.build()
					if err != nil {
						return nil, err
					}
					d, err := parseDate("date", in.Date)
					if err != nil {
						return nil, err
					}
					r, err := c.Extend(d)
					if err != nil {
						return nil, err
					}
					return dateOut{r.String()}, nil
				}),
		},
		cases: dayCases,
	}
}

func dayCases() []vcase {
	fr := calIn{Territory: "FR", Hours: defaultHours}
	paris := calIn{Territory: "75", Hours: defaultHours}
	basRhin := calIn{Territory: "67", Hours: defaultHours}
	return []vcase{
		{id: "francs.christmas-2026", op: "add_days",
			fr:    "9 jours francs à partir du 15 décembre 2026 : J+N+1 = 25 décembre (Noël), puis samedi et dimanche : expiration lundi 28 décembre.",
			en:    "9 jours francs from 15 December 2026: D+N+1 = 25 December (Christmas), then Saturday and Sunday: expires Monday 28 December.",
			basis: basisFrancs, in: addDaysIn{fr, "2026-12-15", 9, "francs"},
			hand: "15 + 9 + 1 = 25 December 2026, a Friday and a holiday; 26 Saturday, 27 Sunday; extended to Monday 2026-12-28."},
		{id: "calendaires.ending-on-1-may", op: "add_days",
			fr:    "10 jours calendaires à partir du 21 avril 2026 : 1er mai (férié, vendredi), prorogé au lundi 4 mai.",
			en:    "10 calendar days from 21 April 2026: 1 May (holiday, Friday), extended to Monday 4 May.",
			basis: basisCPC, in: addDaysIn{fr, "2026-04-21", 10, "calendaires"},
			hand: "21 April + 10 = 1 May 2026 (Friday, Fête du Travail); 2 Saturday, 3 Sunday; 2026-05-04."},
		{id: "ouvres.good-friday-alsace", op: "add_days",
			fr:    "Bas-Rhin, 1 jour ouvré après le jeudi 2 avril 2026 : Vendredi saint et lundi de Pâques fériés, mardi 7 avril.",
			en:    "Bas-Rhin, 1 working day after Thursday 2 April 2026: Good Friday and Easter Monday are holidays, Tuesday 7 April.",
			basis: basisAlsace, in: addDaysIn{basRhin, "2026-04-02", 1, "ouvres"},
			hand: "3 April Good Friday (67) off, 4-5 weekend, 6 Easter Monday off: first working day 2026-04-07."},
		{id: "ouvres.good-friday-paris", op: "add_days",
			fr:    "Paris, 1 jour ouvré après le jeudi 2 avril 2026 : vendredi 3 avril (ouvré hors Alsace-Moselle).",
			en:    "Paris, 1 working day after Thursday 2 April 2026: Friday 3 April (worked outside Alsace-Moselle).",
			basis: basisOuvrables, in: addDaysIn{paris, "2026-04-02", 1, "ouvres"},
			hand: "3 April 2026 is a Friday and not a holiday in Paris: 2026-04-03."},
		{id: "ouvrables.saturday-then-extended", op: "add_days",
			fr:    "1 jour ouvrable après le jeudi 30 avril 2026 : le 1er mai est férié, le samedi 2 mai est ouvrable, mais un délai expirant un samedi est prorogé : lundi 4 mai.",
			en:    "1 jour ouvrable after Thursday 30 April 2026: 1 May is a holiday, Saturday 2 May is ouvrable, but a limit ending on a Saturday is extended: Monday 4 May.",
			basis: basisOuvrables, in: addDaysIn{fr, "2026-04-30", 1, "ouvrables"},
			hand: "1 May off; Saturday 2 May is the first jour ouvrable; CPC 642 extends a Saturday end to the next working day, Monday 2026-05-04."},
		{id: "ouvres.250-days", op: "add_days",
			fr:    "250 jours ouvrés à partir du vendredi 2 janvier 2026.",
			en:    "250 working days from Friday 2 January 2026.",
			basis: basisOuvrables, in: addDaysIn{paris, "2026-01-02", 250, "ouvres"},
			hand: "2026 has 261 weekdays (365 days from a Thursday: 52 weeks + 1 Thursday); weekday holidays: 1 Jan, 6 Apr, 1 May, 8 May, 14 May, 25 May, 14 Jul, 11 Nov, 25 Dec = 9, so 252 working days; after 2 January (itself one of them) 251 remain, the 251st being Thursday 31 December: the 250th is 2026-12-30."},
		{id: "calendaires.alsace-st-stephen-2025", op: "add_days",
			fr:    "Bas-Rhin, 10 jours calendaires après le 16 décembre 2025 : 26 décembre (Saint-Étienne, vendredi), prorogé au lundi 29 décembre.",
			en:    "Bas-Rhin, 10 calendar days after 16 December 2025: 26 December (St Stephen's Day, Friday), extended to Monday 29 December.",
			basis: basisAlsace, in: addDaysIn{basRhin, "2025-12-16", 10, "calendaires"},
			hand: "16 + 10 = 26 December 2025, a Friday, holiday in 67; 27-28 weekend; 2025-12-29."},
		{id: "calendaires.paris-st-stephen-2025", op: "add_days",
			fr:    "Paris, 10 jours calendaires après le 16 décembre 2025 : vendredi 26 décembre, ouvré à Paris.",
			en:    "Paris, 10 calendar days after 16 December 2025: Friday 26 December, a working day in Paris.",
			basis: basisCPC, in: addDaysIn{paris, "2025-12-16", 10, "calendaires"},
			hand: "16 + 10 = 26 December 2025, a Friday, not a holiday in Paris: 2025-12-26."},
		{id: "francs.backwards", op: "add_days",
			fr:    "Au plus tard 10 jours francs avant le lundi 11 mai 2026 : J-N-1 = jeudi 30 avril.",
			en:    "At the latest 10 jours francs before Monday 11 May 2026: D-N-1 = Thursday 30 April.",
			basis: basisFrancs, in: addDaysIn{fr, "2026-05-11", -10, "francs"},
			hand: "11 May - 10 - 1 = 30 April 2026, a Thursday, not a holiday: 2026-04-30."},
		{id: "calendaires.backwards-onto-holiday", op: "add_days",
			fr:    "10 jours calendaires avant le lundi 18 mai 2026 : vendredi 8 mai, férié, donc recul au jeudi 7 mai.",
			en:    "10 calendar days before Monday 18 May 2026: Friday 8 May, a holiday, so moved back to Thursday 7 May.",
			basis: basisCPC, in: addDaysIn{fr, "2026-05-18", -10, "calendaires"},
			hand: "18 - 10 = 8 May 2026 (Victoire 1945, Friday); counting backwards moves to the previous day that is not a Saturday, Sunday or holiday: Thursday 2026-05-07."},
		{id: "calendaires.zero-on-sunday", op: "add_days",
			fr:    "0 jour à partir du dimanche 15 novembre 2026 : la date prorogée, lundi 16 novembre.",
			en:    "0 days from Sunday 15 November 2026: the date extended, Monday 16 November.",
			basis: basisCPC, in: addDaysIn{fr, "2026-11-15", 0, "calendaires"}},
		{id: "calendaires.overseas-guadeloupe", op: "add_days",
			fr:    "Guadeloupe, 6 jours calendaires après le jeudi 21 mai 2026 : mercredi 27 mai, abolition de l'esclavage, prorogé au jeudi 28 mai.",
			en:    "Guadeloupe, 6 calendar days after Thursday 21 May 2026: Wednesday 27 May, abolition of slavery, extended to Thursday 28 May.",
			basis: basisAbolition, in: addDaysIn{calIn{Territory: "971", Hours: defaultHours}, "2026-05-21", 6, "calendaires"},
			hand: "21 + 6 = 27 May 2026, a Wednesday and a holiday in 971: next day Thursday 2026-05-28."},
		{id: "extend.1-may", op: "extend",
			fr:    "Délai expirant le vendredi 1er mai 2026 : prorogé au lundi 4 mai.",
			en:    "Limit ending on Friday 1 May 2026: extended to Monday 4 May.",
			basis: basisCPC, in: extendIn{"FR", "2026-05-01"},
			hand: "1 May holiday, 2 Saturday, 3 Sunday: 2026-05-04."},
		{id: "extend.bastille-day", op: "extend",
			fr:    "Délai expirant le mardi 14 juillet 2026 : prorogé au mercredi 15 juillet.",
			en:    "Limit ending on Tuesday 14 July 2026: extended to Wednesday 15 July.",
			basis: basisCPC, in: extendIn{"FR", "2026-07-14"}},
		{id: "extend.working-day", op: "extend",
			fr:    "Délai expirant le mercredi 15 juillet 2026, jour ouvrable : inchangé.",
			en:    "Limit ending on Wednesday 15 July 2026, a working day: unchanged.",
			basis: basisCPC, in: extendIn{"FR", "2026-07-15"}},
		{id: "extend.whit-monday", op: "extend",
			fr:    "Délai expirant le samedi 23 mai 2026 : dimanche, puis lundi de Pentecôte (férié même là où il est travaillé) : mardi 26 mai.",
			en:    "Limit ending on Saturday 23 May 2026: Sunday, then Whit Monday (a holiday even where it is worked): Tuesday 26 May.",
			basis: basisNational, in: extendIn{"FR", "2026-05-23"},
			hand: "23 Saturday, 24 Sunday, 25 Whit Monday (Easter 5 April + 50): 2026-05-26."},
	}
}
