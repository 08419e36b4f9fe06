package calendar

import (
	"slices"
	"strings"
)

// Territory is a French territory whose public holidays the package knows:
// a metropolitan département (01 to 95, with 2A and 2B for Corsica), an
// overseas département, region or collectivity (971 to 988), or "FR",
// metropolitan France without any local holiday.
//
// Territory is a small comparable value: copy it freely and compare it
// with ==. The zero Territory is "unset": IsZero reports true, Holidays and
// HolidaysBetween fail with ErrUnknownTerritory and IsHoliday reports
// false. Build one with LookupTerritory or pick one from Territories. A
// Territory holds no mutable state and is safe for concurrent use.
type Territory struct {
	code   string
	name   string
	zone   string
	region region
}

// region selects the local holidays of a territory (see holiday.go).
type region uint8

const (
	regionMetropole       region = iota // national holidays only
	regionAlsaceMoselle                 // 57, 67, 68
	regionGuadeloupe                    // 971
	regionMartinique                    // 972
	regionGuyane                        // 973
	regionReunion                       // 974
	regionSaintPierre                   // 975
	regionMayotte                       // 976
	regionSaintBarthelemy               // 977
	regionSaintMartin                   // 978
	regionWallisFutuna                  // 986
	regionPolynesia                     // 987
	regionNewCaledonia                  // 988
)

const (
	zoneParis = "Europe/Paris"
)

// territories lists every known territory, sorted by code in byte order
// (strings.Compare). Names are the official French names of the Code
// officiel géographique (INSEE); zones are IANA time-zone names as listed
// in the tz database's zone.tab for each territory.
//
// The table is never modified after initialisation.
var territories = [...]Territory{
	{"01", "Ain", zoneParis, regionMetropole},
	{"02", "Aisne", zoneParis, regionMetropole},
	{"03", "Allier", zoneParis, regionMetropole},
	{"04", "Alpes-de-Haute-Provence", zoneParis, regionMetropole},
	{"05", "Hautes-Alpes", zoneParis, regionMetropole},
	{"06", "Alpes-Maritimes", zoneParis, regionMetropole},
	{"07", "Ardèche", zoneParis, regionMetropole},
	{"08", "Ardennes", zoneParis, regionMetropole},
	{"09", "Ariège", zoneParis, regionMetropole},
	{"10", "Aube", zoneParis, regionMetropole},
	{"11", "Aude", zoneParis, regionMetropole},
	{"12", "Aveyron", zoneParis, regionMetropole},
	{"13", "Bouches-du-Rhône", zoneParis, regionMetropole},
	{"14", "Calvados", zoneParis, regionMetropole},
	{"15", "Cantal", zoneParis, regionMetropole},
	{"16", "Charente", zoneParis, regionMetropole},
	{"17", "Charente-Maritime", zoneParis, regionMetropole},
	{"18", "Cher", zoneParis, regionMetropole},
	{"19", "Corrèze", zoneParis, regionMetropole},
	{"21", "Côte-d'Or", zoneParis, regionMetropole},
	{"22", "Côtes-d'Armor", zoneParis, regionMetropole},
	{"23", "Creuse", zoneParis, regionMetropole},
	{"24", "Dordogne", zoneParis, regionMetropole},
	{"25", "Doubs", zoneParis, regionMetropole},
	{"26", "Drôme", zoneParis, regionMetropole},
	{"27", "Eure", zoneParis, regionMetropole},
	{"28", "Eure-et-Loir", zoneParis, regionMetropole},
	{"29", "Finistère", zoneParis, regionMetropole},
	{"2A", "Corse-du-Sud", zoneParis, regionMetropole},
	{"2B", "Haute-Corse", zoneParis, regionMetropole},
	{"30", "Gard", zoneParis, regionMetropole},
	{"31", "Haute-Garonne", zoneParis, regionMetropole},
	{"32", "Gers", zoneParis, regionMetropole},
	{"33", "Gironde", zoneParis, regionMetropole},
	{"34", "Hérault", zoneParis, regionMetropole},
	{"35", "Ille-et-Vilaine", zoneParis, regionMetropole},
	{"36", "Indre", zoneParis, regionMetropole},
	{"37", "Indre-et-Loire", zoneParis, regionMetropole},
	{"38", "Isère", zoneParis, regionMetropole},
	{"39", "Jura", zoneParis, regionMetropole},
	{"40", "Landes", zoneParis, regionMetropole},
	{"41", "Loir-et-Cher", zoneParis, regionMetropole},
	{"42", "Loire", zoneParis, regionMetropole},
	{"43", "Haute-Loire", zoneParis, regionMetropole},
	{"44", "Loire-Atlantique", zoneParis, regionMetropole},
	{"45", "Loiret", zoneParis, regionMetropole},
	{"46", "Lot", zoneParis, regionMetropole},
	{"47", "Lot-et-Garonne", zoneParis, regionMetropole},
	{"48", "Lozère", zoneParis, regionMetropole},
	{"49", "Maine-et-Loire", zoneParis, regionMetropole},
	{"50", "Manche", zoneParis, regionMetropole},
	{"51", "Marne", zoneParis, regionMetropole},
	{"52", "Haute-Marne", zoneParis, regionMetropole},
	{"53", "Mayenne", zoneParis, regionMetropole},
	{"54", "Meurthe-et-Moselle", zoneParis, regionMetropole},
	{"55", "Meuse", zoneParis, regionMetropole},
	{"56", "Morbihan", zoneParis, regionMetropole},
	{"57", "Moselle", zoneParis, regionAlsaceMoselle},
	{"58", "Nièvre", zoneParis, regionMetropole},
	{"59", "Nord", zoneParis, regionMetropole},
	{"60", "Oise", zoneParis, regionMetropole},
	{"61", "Orne", zoneParis, regionMetropole},
	{"62", "Pas-de-Calais", zoneParis, regionMetropole},
	{"63", "Puy-de-Dôme", zoneParis, regionMetropole},
	{"64", "Pyrénées-Atlantiques", zoneParis, regionMetropole},
	{"65", "Hautes-Pyrénées", zoneParis, regionMetropole},
	{"66", "Pyrénées-Orientales", zoneParis, regionMetropole},
	{"67", "Bas-Rhin", zoneParis, regionAlsaceMoselle},
	{"68", "Haut-Rhin", zoneParis, regionAlsaceMoselle},
	{"69", "Rhône", zoneParis, regionMetropole},
	{"70", "Haute-Saône", zoneParis, regionMetropole},
	{"71", "Saône-et-Loire", zoneParis, regionMetropole},
	{"72", "Sarthe", zoneParis, regionMetropole},
	{"73", "Savoie", zoneParis, regionMetropole},
	{"74", "Haute-Savoie", zoneParis, regionMetropole},
	{"75", "Paris", zoneParis, regionMetropole},
	{"76", "Seine-Maritime", zoneParis, regionMetropole},
	{"77", "Seine-et-Marne", zoneParis, regionMetropole},
	{"78", "Yvelines", zoneParis, regionMetropole},
	{"79", "Deux-Sèvres", zoneParis, regionMetropole},
	{"80", "Somme", zoneParis, regionMetropole},
	{"81", "Tarn", zoneParis, regionMetropole},
	{"82", "Tarn-et-Garonne", zoneParis, regionMetropole},
	{"83", "Var", zoneParis, regionMetropole},
	{"84", "Vaucluse", zoneParis, regionMetropole},
	{"85", "Vendée", zoneParis, regionMetropole},
	{"86", "Vienne", zoneParis, regionMetropole},
	{"87", "Haute-Vienne", zoneParis, regionMetropole},
	{"88", "Vosges", zoneParis, regionMetropole},
	{"89", "Yonne", zoneParis, regionMetropole},
	{"90", "Territoire de Belfort", zoneParis, regionMetropole},
	{"91", "Essonne", zoneParis, regionMetropole},
	{"92", "Hauts-de-Seine", zoneParis, regionMetropole},
	{"93", "Seine-Saint-Denis", zoneParis, regionMetropole},
	{"94", "Val-de-Marne", zoneParis, regionMetropole},
	{"95", "Val-d'Oise", zoneParis, regionMetropole},
	{"971", "Guadeloupe", "America/Guadeloupe", regionGuadeloupe},
	{"972", "Martinique", "America/Martinique", regionMartinique},
	{"973", "Guyane", "America/Cayenne", regionGuyane},
	{"974", "La Réunion", "Indian/Reunion", regionReunion},
	{"975", "Saint-Pierre-et-Miquelon", "America/Miquelon", regionSaintPierre},
	{"976", "Mayotte", "Indian/Mayotte", regionMayotte},
	{"977", "Saint-Barthélemy", "America/St_Barthelemy", regionSaintBarthelemy},
	{"978", "Saint-Martin", "America/Marigot", regionSaintMartin},
	{"986", "Wallis-et-Futuna", "Pacific/Wallis", regionWallisFutuna},
	// French Polynesia spans three zones (Pacific/Tahiti, Pacific/Marquesas,
	// Pacific/Gambier); the territory uses the zone of its capital, Papeete.
	{"987", "Polynésie française", "Pacific/Tahiti", regionPolynesia},
	{"988", "Nouvelle-Calédonie", "Pacific/Noumea", regionNewCaledonia},
	{"FR", "France métropolitaine", zoneParis, regionMetropole},
}

// LookupTerritory returns the territory with the given INSEE code: a
// two-character metropolitan département code ("01" to "95", "2A", "2B";
// there is no "20"), a three-digit overseas code ("971" to "978", "986" to
// "988") or "FR" for metropolitan France without local holidays.
//
// The code must be exact: nothing is trimmed and leading zeros are
// required ("1" and " 75" are unknown). The only tolerance is ASCII case
// for the codes that contain letters, so "2a", "2b" and "fr" are accepted;
// Code always returns the canonical upper-case form.
//
// An unknown code fails with a *FieldError{Field: "territory", Value: code}
// wrapping ErrUnknownTerritory.
func LookupTerritory(code string) (Territory, error) {
	key := code
	if len(code) == 2 {
		key = string([]byte{asciiUpper(code[0]), asciiUpper(code[1])})
	}
	i, found := slices.BinarySearchFunc(territories[:], key, func(t Territory, k string) int {
		return strings.Compare(t.code, k)
	})
	if !found {
		return Territory{}, &FieldError{Field: "territory", Value: code, Err: ErrUnknownTerritory}
	}
	return territories[i], nil
}

// Territories returns every known territory sorted by code in byte order
// (strings.Compare: "01" … "29", "2A", "2B", "30" … "95", "971" … "988",
// "FR"). The slice is freshly allocated; the caller may modify it.
func Territories() []Territory {
	return slices.Clone(territories[:])
}

// Code returns the canonical INSEE code of t ("75", "2A", "971", "FR"), or
// "" for the zero Territory.
func (t Territory) Code() string { return t.code }

// Name returns the official French name of t ("Paris", "Corse-du-Sud",
// "La Réunion", "France métropolitaine"), or "" for the zero Territory.
func (t Territory) Name() string { return t.name }

// Zone returns the IANA time-zone name of t ("Europe/Paris",
// "America/Martinique", "Pacific/Noumea"), or "" for the zero Territory.
// The package does not load the zone; time.LoadLocation does.
func (t Territory) Zone() string { return t.zone }

// IsZero reports whether t is the zero (unset) Territory.
func (t Territory) IsZero() bool { return t == Territory{} }

func asciiUpper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}
