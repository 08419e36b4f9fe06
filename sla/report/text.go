package report

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"

	"github.com/openmarches/marches/sla/qos"
)

// Texts are keyed by their English form; the French forms live in a
// private catalog built once (never x/text's global catalog). French
// typography: a no-break space (U+00A0) before ":" and "?", a narrow
// no-break space (U+202F) before "%" and between digit groups.
var frTexts = [][2]string{
	{"Production report", "Rapport de production"},
	{"Daily production report", "Rapport de production quotidien"},
	{"Period: %s to %s (%s).", "Période\u00a0: du %s au %s (%s)."},
	{"Period: %s (%s).", "Période\u00a0: %s (%s)."},
	{"Trends cover %s to %s.", "Les tendances couvrent la période du %s au %s."},
	{"Generated on %s.", "Édité le %s."},
	{"Summary", "Synthèse"},
	{"Area", "Domaine"},
	{"Result", "Résultat"},
	{"Status", "Statut"},
	{"Availability", "Disponibilité"},
	{"Response times", "Temps de réponse"},
	{"Support line", "Ligne de support"},
	{"Backups", "Sauvegardes"},
	{"Objectives met: %s / %s", "Objectifs atteints\u00a0: %s / %s"},
	{"Thresholds met: %s / %s", "Seuils atteints\u00a0: %s / %s"},
	{"Nights honoured: %s / %s; copy under 24 h: %s", "Nuits conformes\u00a0: %s / %s\u00a0; copie de moins de 24 h\u00a0: %s"},
	{"Availability and QoS", "Disponibilité et QoS"},
	{"Indicator", "Indicateur"},
	{"Threshold", "Seuil"},
	{"Objective", "Objectif"},
	{"Measured", "Mesuré"},
	{"Availability details", "Disponibilité — détail"},
	{"Service", "Service"},
	{"Total time", "Durée totale"},
	{"Excluded", "Exclue"},
	{"Unavailable (NHI)", "Indisponibilité (NHI)"},
	{"Base (NHT)", "Base (NHT)"},
	{"Error budget", "Budget d'indisponibilité"},
	{"Remaining", "Reste"},
	{"Raw availability", "Disponibilité brute"},
	{"Availability = (NHT − NHI) / NHT × 100; NHT is the period less the excluded time (planned maintenance, force majeure, third parties, client).",
		"Disponibilité = (NHT − NHI) / NHT × 100\u00a0; NHT est la période moins le temps exclu (maintenance programmée, force majeure, tiers, client)."},
	{"Calls offered", "Appels présentés"},
	{"Answered", "Répondus"},
	{"Abandoned", "Abandonnés"},
	{"Average wait", "Attente moyenne"},
	{"Longest wait", "Attente maximale"},
	{"Waiting time < %s", "Temps d'attente < %s"},
	{"Answer rate", "Taux de réponse"},
	{"Latest complete copy", "Dernière copie complète"},
	{"%s (age %s)", "%s (âge\u00a0: %s)"},
	{"none", "aucune"},
	{"Copy under 24 hours old at %s", "Copie de moins de 24 h au %s"},
	{"held", "respectée"},
	{"broken", "non respectée"},
	{"Nights honoured (02:00-04:00 window or same-day re-run)", "Nuits conformes (fenêtre 02:00-04:00 ou reprise le jour même)"},
	{"Night", "Nuit"},
	{"Window", "Fenêtre"},
	{"Nights not honoured", "Nuits non conformes"},
	{"Periods without a copy under 24 hours old", "Périodes sans copie de moins de 24 h"},
	{"From", "Du"},
	{"To", "Au"},
	{"Duration", "Durée"},
	{"Rolling retention", "Rétention glissante"},
	{"Slot", "Emplacement"},
	{"Days", "Jours"},
	{"Kept backup", "Sauvegarde conservée"},
	{"missing", "manquante"},
	{"Kept: %s; pruned: %s.", "Conservées\u00a0: %s\u00a0; à supprimer\u00a0: %s."},
	{"night:ok", "conforme"},
	{"night:retried", "reprise le jour même"},
	{"night:failed", "échec sans reprise"},
	{"night:outside_window", "hors fenêtre"},
	{"night:missed", "non exécutée"},
	{"night:pending", "en cours"},
	{"Trends", "Tendances"},
	{"%s, per day", "%s, par jour"},
	{"Daily response time (p90)", "Temps de réponse quotidien (p90)"},
	{"Day", "Jour"},
	{"target %s", "objectif %s"},
	{"%s: %s", "%s\u00a0: %s"},
	{"failed", "échec"},
	{"Daily values", "Valeurs quotidiennes"},
	{"N/A", "N/D"},
}

// enTexts gives the English of the keys that are not English themselves.
var enTexts = map[string]string{
	"night:ok":             "honoured",
	"night:retried":        "same-day re-run",
	"night:failed":         "failed, not re-run",
	"night:outside_window": "outside the window",
	"night:missed":         "not run",
	"night:pending":        "pending",
}

// The contract's captions of the availability lines, French (the
// contract's language) and English.
const (
	PlatformLabel = "Disponibilité de la plateforme"
	RemoteLabel   = "Disponibilité des services distants"
)

// enLabels gives the English captions of the contract's lines, by service
// or check key (the checks of qos.ContractObjectives).
var enLabels = map[string]string{
	"platform":   "Platform availability",
	"remote":     "Remote services availability",
	"home":       "Home page",
	"submission": "Bid submission",
	"auth":       "Authentication",
	"search":     "Simple search",
	"advanced":   "Advanced search",
}

var texts = sync.OnceValue(func() *catalog.Builder {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for _, kv := range frTexts {
		en := kv[0]
		if e, ok := enTexts[kv[0]]; ok {
			en = e
		}
		if err := b.SetString(language.French, kv[0], kv[1]); err != nil {
			panic("report: catalog: " + err.Error()) // unreachable: plain strings
		}
		if err := b.SetString(language.English, kv[0], en); err != nil {
			panic("report: catalog: " + err.Error())
		}
	}
	return b
})

var enBase, _ = language.English.Base()

// isEnglish reports whether lang's base language is English; every other
// language, and the zero Tag, gives French.
func isEnglish(lang language.Tag) bool {
	b, _ := lang.Base()
	return b == enBase && lang != language.Und
}

// lang is the language-dependent part of a rendering: the printer over
// the private catalog and the number, date and duration formats.
type lang struct {
	en bool
	p  *message.Printer
}

func newLang(tag language.Tag) lang {
	if isEnglish(tag) {
		return lang{en: true, p: message.NewPrinter(language.English, message.Catalog(texts()))}
	}
	return lang{p: message.NewPrinter(language.French, message.Catalog(texts()))}
}

// t translates a catalog text, formatting args (strings) into it.
func (l lang) t(key string, args ...any) string { return l.p.Sprintf(key, args...) }

func (l lang) tag() string {
	if l.en {
		return "en"
	}
	return "fr"
}

const (
	nbsp  = "\u00a0"
	nnbsp = "\u202f"
)

// group inserts the group separator every three digits of an unsigned
// decimal integer string.
func (l lang) group(digits string) string {
	sep := nnbsp
	if l.en {
		sep = ","
	}
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	head := len(digits) % 3
	if head > 0 {
		b.WriteString(digits[:head])
	}
	for i := head; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// num formats a decimal string such as "-1234.50" the language's way:
// "-1 234,50" in French (narrow no-break space, decimal comma),
// "-1,234.50" in English.
func (l lang) num(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	out := l.group(intPart)
	if hasFrac {
		if l.en {
			out += "." + frac
		} else {
			out += "," + frac
		}
	}
	if neg {
		out = "-" + out
	}
	return out
}

// int formats an integer with digit grouping.
func (l lang) int(n int64) string { return l.num(strconv.FormatInt(n, 10)) }

// dec formats a decimal with exactly places decimals (half-up, by
// StringFixed).
func (l lang) dec(d decimal.Decimal, places int32) string { return l.num(d.StringFixed(places)) }

// pct formats a percentage with its decimals as given ("99,9551 %",
// "99.9551%"). The decimal keeps its own scale: 80 stays "80".
func (l lang) pct(d decimal.Decimal, places int32) string {
	if l.en {
		return l.dec(d, places) + "%"
	}
	return l.dec(d, places) + nnbsp + "%"
}

// pctAsGiven formats a percentage with the decimals it was written with
// (the contract's objectives: "99,9 %", "80 %").
func (l lang) pctAsGiven(d decimal.Decimal) string {
	places := -d.Exponent()
	if places < 0 {
		places = 0
	}
	return l.pct(d, places)
}

// date formats a civil date: 31/03/2026 in French, 2026-03-31 in English.
func (l lang) date(t time.Time) string {
	if l.en {
		return t.Format("2006-01-02")
	}
	return t.Format("02/01/2006")
}

// shortDate formats day and month: 31/03 or 03-31.
func (l lang) shortDate(t time.Time) string {
	if l.en {
		return t.Format("01-02")
	}
	return t.Format("02/01")
}

// dateTime formats a date and a wall-clock time to the minute; the report
// states its zone once, in the header.
func (l lang) dateTime(t time.Time) string {
	if l.en {
		return t.Format("2006-01-02 15:04")
	}
	return t.Format("02/01/2006 15:04")
}

var monthsFR = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}

// month formats a month and year: "mars 2026", "March 2026".
func (l lang) month(t time.Time) string {
	if l.en {
		return t.Format("January 2006")
	}
	return monthsFR[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// dur formats a duration to the second, largest units first, zero units
// left out: "3 h 5 min", "45 s", "2 j 4 h" (French) / "2 d 4 h"; "0 s"
// for zero. Negative durations get a minus sign.
func (l lang) dur(d time.Duration) string {
	neg := d < 0
	if neg {
		d = -d
	}
	s := int64(d / time.Second)
	if s == 0 {
		if neg && d > 0 {
			return "-0" + nbsp + "s"
		}
		return "0" + nbsp + "s"
	}
	dayUnit := "j"
	if l.en {
		dayUnit = "d"
	}
	parts := []struct {
		n    int64
		unit string
	}{{s / 86400, dayUnit}, {s % 86400 / 3600, "h"}, {s % 3600 / 60, "min"}, {s % 60, "s"}}
	var out []string
	for _, p := range parts {
		if p.n != 0 {
			out = append(out, l.int(p.n)+nbsp+p.unit)
		}
	}
	r := strings.Join(out, " ")
	if neg {
		r = "-" + r
	}
	return r
}

// seconds formats a whole number of seconds as a duration.
func (l lang) seconds(n int64) string { return l.dur(time.Duration(n) * time.Second) }

// ms formats a duration in whole milliseconds: "1 234 ms".
func (l lang) ms(d time.Duration) string { return l.int(int64(d/time.Millisecond)) + nbsp + "ms" }

// limit formats a response-time or waiting-time limit: whole seconds as
// "2 s", anything else in milliseconds.
func (l lang) limit(d time.Duration) string {
	if d%time.Second == 0 {
		return l.int(int64(d/time.Second)) + nbsp + "s"
	}
	return l.ms(d)
}

// held translates the verdict of a rule.
func (l lang) held(ok bool) string {
	if ok {
		return l.t("held")
	}
	return l.t("broken")
}

// status formats a verdict: OK, KO, or N/A (N/D in French).
func (l lang) status(s string) string {
	if s == "N/A" {
		return l.t("N/A")
	}
	return s
}

// contractLabel returns the English caption of a contract line when the
// report is in English and label is the contract's French caption of key
// (availability "platform"/"remote", or a check of
// qos.ContractObjectives); the label itself otherwise.
func (l lang) contractLabel(key, label string) string {
	if !l.en {
		return label
	}
	fr := frLabel(key)
	if fr != "" && (label == fr || strings.HasPrefix(label, fr+" (")) {
		return enLabels[key] + label[len(fr):]
	}
	return label
}

// frLabel returns the contract's French caption of a service or check
// key, or "".
func frLabel(key string) string {
	switch key {
	case "platform":
		return PlatformLabel
	case "remote":
		return RemoteLabel
	}
	for _, o := range contractChecks() {
		if o.Check == key {
			return o.Label
		}
	}
	return ""
}

var contractChecks = sync.OnceValue(qos.ContractObjectives)
