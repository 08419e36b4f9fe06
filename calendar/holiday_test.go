package calendar_test

import (
	"errors"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/openmarches/marches/calendar"
)

// holCmp compares Dates by value (their fields are unexported).
var holCmp = cmp.Options{
	cmp.Comparer(func(a, b calendar.Date) bool { return a == b }),
	cmp.Comparer(func(a, b error) bool { return a == b }),
}

func holTerritory(t testing.TB, code string) calendar.Territory {
	t.Helper()
	terr, err := calendar.LookupTerritory(code)
	if err != nil {
		t.Fatal(err)
	}
	return terr
}

func hdate(y int, m time.Month, day int) calendar.Date { return calendar.MustDate(y, m, day) }

// National holidays, hand-written (Code du travail L3133-1; moveable dates
// from procurement-facts.md §5.1, checked by hand: Easter 2026 = 5 April,
// Easter 2027 = 28 March).
func holNational2026() []calendar.Holiday {
	return []calendar.Holiday{
		{Date: hdate(2026, 1, 1), Name: "Jour de l'an", Key: "new_year"},
		{Date: hdate(2026, 4, 6), Name: "Lundi de Pâques", Key: "easter_monday"},
		{Date: hdate(2026, 5, 1), Name: "Fête du Travail", Key: "labour_day"},
		{Date: hdate(2026, 5, 8), Name: "Victoire 1945", Key: "victory_1945"},
		{Date: hdate(2026, 5, 14), Name: "Ascension", Key: "ascension"},
		{Date: hdate(2026, 5, 25), Name: "Lundi de Pentecôte", Key: "whit_monday"},
		{Date: hdate(2026, 7, 14), Name: "Fête nationale", Key: "bastille_day"},
		{Date: hdate(2026, 8, 15), Name: "Assomption", Key: "assumption"},
		{Date: hdate(2026, 11, 1), Name: "Toussaint", Key: "all_saints"},
		{Date: hdate(2026, 11, 11), Name: "Armistice 1918", Key: "armistice_1918"},
		{Date: hdate(2026, 12, 25), Name: "Noël", Key: "christmas"},
	}
}

func holNational2027() []calendar.Holiday {
	return []calendar.Holiday{
		{Date: hdate(2027, 1, 1), Name: "Jour de l'an", Key: "new_year"},
		{Date: hdate(2027, 3, 29), Name: "Lundi de Pâques", Key: "easter_monday"},
		{Date: hdate(2027, 5, 1), Name: "Fête du Travail", Key: "labour_day"},
		{Date: hdate(2027, 5, 6), Name: "Ascension", Key: "ascension"},
		{Date: hdate(2027, 5, 8), Name: "Victoire 1945", Key: "victory_1945"},
		{Date: hdate(2027, 5, 17), Name: "Lundi de Pentecôte", Key: "whit_monday"},
		{Date: hdate(2027, 7, 14), Name: "Fête nationale", Key: "bastille_day"},
		{Date: hdate(2027, 8, 15), Name: "Assomption", Key: "assumption"},
		{Date: hdate(2027, 11, 1), Name: "Toussaint", Key: "all_saints"},
		{Date: hdate(2027, 11, 11), Name: "Armistice 1918", Key: "armistice_1918"},
		{Date: hdate(2027, 12, 25), Name: "Noël", Key: "christmas"},
	}
}

// holWith inserts local holidays into a national list by date (none of
// the rows below shares a date with a national holiday).
func holWith(base []calendar.Holiday, extra ...calendar.Holiday) []calendar.Holiday {
	out := append(base, extra...)
	slices.SortStableFunc(out, func(a, b calendar.Holiday) int { return a.Date.Compare(b.Date) })
	return out
}

func TestHolidays_fullLists(t *testing.T) {
	abolition := func(date calendar.Date) calendar.Holiday {
		return calendar.Holiday{Date: date, Name: "Abolition de l'esclavage", Key: "abolition_of_slavery", Local: true}
	}
	tests := []struct {
		name string
		code string
		year int
		want []calendar.Holiday
	}{
		{"Paris 2026: the 11 national holidays (L3133-1)", "75", 2026, holNational2026()},
		{"Paris 2027", "75", 2027, holNational2027()},
		{"Strasbourg 2026: + Good Friday 3 April and 26 December (L3134-13)", "67", 2026, holWith(holNational2026(),
			calendar.Holiday{Date: hdate(2026, 4, 3), Name: "Vendredi saint", Key: "good_friday", Local: true},
			calendar.Holiday{Date: hdate(2026, 12, 26), Name: "Saint-Étienne", Key: "st_stephen", Local: true})},
		{"Strasbourg 2027: + Good Friday 26 March and 26 December", "67", 2027, holWith(holNational2027(),
			calendar.Holiday{Date: hdate(2027, 3, 26), Name: "Vendredi saint", Key: "good_friday", Local: true},
			calendar.Holiday{Date: hdate(2027, 12, 26), Name: "Saint-Étienne", Key: "st_stephen", Local: true})},
		{"Fort-de-France 2026: + 22 May (décret 83-1003, L3422-2 2°)", "972", 2026, holWith(holNational2026(), abolition(hdate(2026, 5, 22)))},
		{"Fort-de-France 2027: + 22 May", "972", 2027, holWith(holNational2027(), abolition(hdate(2027, 5, 22)))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := holTerritory(t, tt.code).Holidays(tt.year)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, holCmp); diff != "" {
				t.Errorf("Holidays(%d) for %s (-want +got):\n%s", tt.year, tt.code, diff)
			}
		})
	}
}

// easterOudin returns Gregorian Easter Sunday by Oudin's algorithm (1940,
// as given in C. Tøndering's Calendar FAQ), independent of the
// Meeus/Jones/Butcher method used by rickar/cal.
func easterOudin(y int) calendar.Date {
	g := y % 19
	c := y / 100
	h := (c - c/4 - (8*c+13)/25 + 19*g + 15) % 30
	i := h - (h/28)*(1-(29/(h+1))*((21-g)/11))
	j := (y + y/4 + i + 2 - c + c/4) % 7
	l := i - j
	m := 3 + (l+40)/44
	day := l + 28 - 31*(m/4)
	return calendar.MustDate(y, time.Month(m), day)
}

func TestEasterOudin(t *testing.T) {
	// Published Easter Sundays (Tøndering's tables; procurement-facts §5.1).
	for _, want := range []calendar.Date{hdate(1990, 4, 15), hdate(2000, 4, 23), hdate(2008, 3, 23), hdate(2026, 4, 5), hdate(2027, 3, 28), hdate(2038, 4, 25)} {
		if got := easterOudin(want.Year()); got != want {
			t.Errorf("easterOudin(%d) = %v, want %v", want.Year(), got, want)
		}
	}
}

// Easter-based holidays, every supported year, against Oudin's algorithm.
func TestHolidays_easterAllYears(t *testing.T) {
	strasbourg := holTerritory(t, "67")
	for y := calendar.MinYear; y <= calendar.MaxYear; y++ {
		e := easterOudin(y)
		hs, err := strasbourg.Holidays(y)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]calendar.Date{}
		for _, h := range hs {
			got[h.Key] = h.Date
		}
		want := map[string]calendar.Date{
			"good_friday":   e.AddDays(-2),
			"easter_monday": e.AddDays(1),
			"ascension":     e.AddDays(39),
			"whit_monday":   e.AddDays(50),
		}
		for k, w := range want {
			if got[k] != w {
				t.Errorf("%d %s = %v, want %v (Easter %v)", y, k, got[k], w, e)
			}
		}
	}
}

// holOracle is an independent oracle for every territory and year: the
// local holidays are rewritten here from the legal sources cited in
// holiday.go, by INSEE code.
func holOracle(code string, y int) []calendar.Holiday {
	e := easterOudin(y)
	hs := []calendar.Holiday{
		{Date: hdate(y, 1, 1), Name: "Jour de l'an", Key: "new_year"},
		{Date: e.AddDays(1), Name: "Lundi de Pâques", Key: "easter_monday"},
		{Date: hdate(y, 5, 1), Name: "Fête du Travail", Key: "labour_day"},
		{Date: hdate(y, 5, 8), Name: "Victoire 1945", Key: "victory_1945"},
		{Date: e.AddDays(39), Name: "Ascension", Key: "ascension"},
		{Date: e.AddDays(50), Name: "Lundi de Pentecôte", Key: "whit_monday"},
		{Date: hdate(y, 7, 14), Name: "Fête nationale", Key: "bastille_day"},
		{Date: hdate(y, 8, 15), Name: "Assomption", Key: "assumption"},
		{Date: hdate(y, 11, 1), Name: "Toussaint", Key: "all_saints"},
		{Date: hdate(y, 11, 11), Name: "Armistice 1918", Key: "armistice_1918"},
		{Date: hdate(y, 12, 25), Name: "Noël", Key: "christmas"},
	}
	local := func(date calendar.Date, name, key string) {
		hs = append(hs, calendar.Holiday{Date: date, Name: name, Key: key, Local: true})
	}
	abolition := func(m time.Month, day int) {
		local(hdate(y, m, day), "Abolition de l'esclavage", "abolition_of_slavery")
	}
	switch code {
	case "57", "67", "68":
		local(e.AddDays(-2), "Vendredi saint", "good_friday")
		local(hdate(y, 12, 26), "Saint-Étienne", "st_stephen")
	case "971":
		abolition(5, 27)
	case "972":
		abolition(5, 22)
	case "973":
		abolition(6, 10)
	case "974":
		abolition(12, 20)
	case "976":
		abolition(4, 27)
	case "977":
		if y <= 2011 {
			abolition(5, 27)
		} else {
			abolition(10, 9)
		}
	case "978":
		if y <= 2017 {
			abolition(5, 27)
		} else {
			abolition(5, 28)
		}
	case "986":
		local(hdate(y, 4, 28), "Saint-Pierre-Chanel", "st_peter_chanel")
		local(hdate(y, 7, 29), "Fête du Territoire", "territory_day")
	case "987":
		local(hdate(y, 3, 5), "Arrivée de l'Évangile", "arrival_of_the_gospel")
		local(e.AddDays(-2), "Vendredi saint", "good_friday")
		if y <= 2024 {
			local(hdate(y, 6, 29), "Fête de l'autonomie", "autonomy_day")
		} else {
			local(hdate(y, 11, 20), "Matari'i i ni'a", "matarii")
		}
	case "988":
		local(hdate(y, 9, 24), "Fête de la citoyenneté", "citizenship_day")
	}
	slices.SortFunc(hs, func(a, b calendar.Holiday) int {
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
	})
	return hs
}

const envGapDay = "MARCHES_CALENDAR_TEST_GAP_DAY"

// TestHolidays_oracle compares every territory and every supported year
// with the oracle. TestHolidays_processZone re-runs it under other process
// zones.
func TestHolidays_oracle(t *testing.T) {
	if day := os.Getenv(envGapDay); day != "" {
		// Child of TestHolidays_processZone: prove that the process zone
		// really skips that midnight, so the run exercises the rounding.
		gd, err := calendar.ParseDate(day)
		if err != nil {
			t.Fatal(err)
		}
		if time.Date(gd.Year(), gd.Month(), gd.Day(), 0, 0, 0, 0, time.Local).Day() == gd.Day() {
			t.Fatalf("TZ=%s: midnight of %v exists, the run does not exercise a gap", os.Getenv("TZ"), gd)
		}
	}
	for _, terr := range calendar.Territories() {
		for y := calendar.MinYear; y <= calendar.MaxYear; y++ {
			got, err := terr.Holidays(y)
			if err != nil {
				t.Fatal(err)
			}
			// Holiday is comparable: compare fast, diff only on failure.
			if want := holOracle(terr.Code(), y); !slices.Equal(want, got) {
				t.Fatalf("%s %d (-want +got):\n%s", terr.Code(), y, cmp.Diff(want, got, holCmp))
			}
		}
	}
}

// rickar/cal computes holidays at midnight in time.Local, which the
// library neither reads nor sets. This re-runs the oracle test in child
// processes whose zone skips midnight on a holiday (found by scanning the
// tz database against every holiday date 1990-2200): the civil dates must
// not move.
func TestHolidays_processZone(t *testing.T) {
	if os.Getenv(envGapDay) != "" {
		t.Skip("child process")
	}
	if testing.Short() {
		t.Skip("spawns test processes")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	tests := []struct {
		tz  string
		gap string // a holiday whose midnight does not exist in tz
	}{
		{"America/Lima", "1990-01-01"},         // DST began at 00:00 on 1 January 1990 (and 1994)
		{"America/Danmarkshavn", "1996-01-01"}, // -03 to GMT at 00:00: a 3-hour jump
		{"America/Managua", "1993-01-01"},      // offset change at 00:00
		{"Pacific/Pitcairn", "1998-04-27"},     // -08:30 to -08:00 on Mayotte's 27 April
	}
	for _, tt := range tests {
		t.Run(tt.tz, func(t *testing.T) {
			t.Parallel()
			if _, err := time.LoadLocation(tt.tz); err != nil {
				t.Skipf("zone not available: %v", err)
			}
			cmd := exec.Command(exe, "-test.run=^TestHolidays_oracle$", "-test.count=1")
			cmd.Env = append(os.Environ(), "TZ="+tt.tz, envGapDay+"="+tt.gap)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("TZ=%s: %v\n%s", tt.tz, err, out)
			}
		})
	}
}

func TestHolidays_counts(t *testing.T) {
	tests := []struct {
		name string
		code string
		year int
		want int
	}{
		{"metropolitan département: the 11 of L3133-1", "75", 2026, 11},
		{"FR: no local holiday", "FR", 2026, 11},
		{"Corse-du-Sud: no local holiday", "2A", 2026, 11},
		{"Moselle: 11 + 2 (L3134-13)", "57", 2026, 13},
		{"Haut-Rhin 1990: 11 + 2", "68", 1990, 13},
		{"Guadeloupe: 11 + 1 (décret 83-1003)", "971", 2026, 12},
		{"Guyane", "973", 2026, 12},
		{"La Réunion", "974", 2026, 12},
		{"Saint-Pierre-et-Miquelon: no local holiday (L3422-2)", "975", 2026, 11},
		{"Mayotte", "976", 2026, 12},
		{"Saint-Barthélemy", "977", 2026, 12},
		{"Saint-Martin", "978", 2026, 12},
		{"Wallis-et-Futuna: 11 + 2", "986", 2026, 13},
		{"Polynésie française: 11 + 3", "987", 2026, 14},
		{"Nouvelle-Calédonie: 12 jours fériés légaux (AIT art. 74)", "988", 2026, 12},
		{"2008: Ascension on 1 May, both listed", "75", 2008, 11},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs, err := holTerritory(t, tt.code).Holidays(tt.year)
			if err != nil {
				t.Fatal(err)
			}
			if len(hs) != tt.want {
				t.Errorf("len(Holidays(%d)) for %s = %d, want %d: %v", tt.year, tt.code, len(hs), tt.want, hs)
			}
		})
	}
}

func TestHolidays_localDays(t *testing.T) {
	abolition := calendar.Holiday{Name: "Abolition de l'esclavage", Key: "abolition_of_slavery", Local: true}
	none := calendar.Holiday{}
	tests := []struct {
		name string
		code string
		date calendar.Date
		want calendar.Holiday // without Date; zero: not a holiday
	}{
		// Décret n° 83-1003 art. 1 / Code du travail L3422-2.
		{"Mayotte 27 April", "976", hdate(2026, 4, 27), abolition},
		{"Martinique 22 May", "972", hdate(2026, 5, 22), abolition},
		{"Guadeloupe 27 May", "971", hdate(2026, 5, 27), abolition},
		{"Guyane 10 June", "973", hdate(2026, 6, 10), abolition},
		{"La Réunion 20 December", "974", hdate(2026, 12, 20), abolition},
		{"La Réunion 1990 (decree of 1983)", "974", hdate(1990, 12, 20), abolition},
		{"Mayotte 1990 (decree of 1983)", "976", hdate(1990, 4, 27), abolition},
		// Décret n° 2012-553 (in force 26 April 2012): Saint-Barthélemy 9 October.
		{"Saint-Barthélemy 9 October 2012", "977", hdate(2012, 10, 9), abolition},
		{"Saint-Barthélemy no longer 27 May in 2012", "977", hdate(2012, 5, 27), none},
		{"Saint-Barthélemy 27 May 2011 (Guadeloupe's date kept)", "977", hdate(2011, 5, 27), abolition},
		{"Saint-Barthélemy not 9 October 2011", "977", hdate(2011, 10, 9), none},
		{"Saint-Barthélemy 27 May 2000, then a commune of Guadeloupe", "977", hdate(2000, 5, 27), abolition},
		// Saint-Martin: 27 May until 2017 (soualigapost.com, 27 May 2017),
		// 28 May from 2018 (circulaire du 4 mai 2018, préfecture).
		{"Saint-Martin 27 May 2017", "978", hdate(2017, 5, 27), abolition},
		{"Saint-Martin not 28 May 2017", "978", hdate(2017, 5, 28), none},
		{"Saint-Martin 28 May 2018", "978", hdate(2018, 5, 28), abolition},
		{"Saint-Martin not 27 May 2018", "978", hdate(2018, 5, 27), none},
		{"Saint-Martin 28 May 2024 (faxinfo.fr, May 2024)", "978", hdate(2024, 5, 28), abolition},
		// Pacific.
		{"Nouvelle-Calédonie 24 September (AIT art. 74)", "988", hdate(2026, 9, 24),
			calendar.Holiday{Name: "Fête de la citoyenneté", Key: "citizenship_day", Local: true}},
		{"Wallis-et-Futuna 28 April", "986", hdate(2026, 4, 28),
			calendar.Holiday{Name: "Saint-Pierre-Chanel", Key: "st_peter_chanel", Local: true}},
		{"Wallis-et-Futuna 29 July", "986", hdate(2026, 7, 29),
			calendar.Holiday{Name: "Fête du Territoire", Key: "territory_day", Local: true}},
		{"Wallis-et-Futuna not 28 July", "986", hdate(2026, 7, 28), none},
		{"Polynésie 5 March", "987", hdate(2026, 3, 5),
			calendar.Holiday{Name: "Arrivée de l'Évangile", Key: "arrival_of_the_gospel", Local: true}},
		{"Polynésie Good Friday 2026", "987", hdate(2026, 4, 3),
			calendar.Holiday{Name: "Vendredi saint", Key: "good_friday", Local: true}},
		// Deliberately excluded (see holiday.go).
		{"Martinique 21 July (Schœlcher) excluded", "972", hdate(2026, 7, 21), none},
		{"Guadeloupe Good Friday excluded", "971", hdate(2026, 4, 3), none},
		{"Paris Good Friday", "75", hdate(2026, 4, 3), none},
		{"Paris 26 December", "75", hdate(2026, 12, 26), none},
		{"Saint-Pierre-et-Miquelon 27 May", "975", hdate(2026, 5, 27), none},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := holTerritory(t, tt.code).IsHoliday(tt.date)
			want := tt.want
			if want != none {
				want.Date = tt.date
			}
			if ok != (want != none) {
				t.Errorf("IsHoliday(%v) for %s: ok = %v", tt.date, tt.code, ok)
			}
			if diff := cmp.Diff(want, got, holCmp); diff != "" {
				t.Errorf("IsHoliday(%v) for %s (-want +got):\n%s", tt.date, tt.code, diff)
			}
		})
	}
}

// Loi du pays adopted on 6 May 2025 (tahiti-infos.com, 6 May and 23
// October 2025): 29 June is no longer a holiday, 20 November is, from 2025.
func TestHolidays_polynesia2024vs2025(t *testing.T) {
	pf := holTerritory(t, "987")
	local := func(y int) []string {
		hs, err := pf.Holidays(y)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range hs {
			if h.Local {
				out = append(out, h.Date.String()+" "+h.Key)
			}
		}
		return out
	}
	tests := []struct {
		year int
		want []string
	}{
		// Good Friday 2024 = 29 March, 2025 = 18 April (tahiti-infos.com, 31 December 2024).
		{2024, []string{"2024-03-05 arrival_of_the_gospel", "2024-03-29 good_friday", "2024-06-29 autonomy_day"}},
		{2025, []string{"2025-03-05 arrival_of_the_gospel", "2025-04-18 good_friday", "2025-11-20 matarii"}},
		// tntvnews.pf, jours fériés 2026: 29 June no longer a holiday.
		{2026, []string{"2026-03-05 arrival_of_the_gospel", "2026-04-03 good_friday", "2026-11-20 matarii"}},
		// Easter 1990 = 15 April.
		{1990, []string{"1990-03-05 arrival_of_the_gospel", "1990-04-13 good_friday", "1990-06-29 autonomy_day"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, local(tt.year)); diff != "" {
			t.Errorf("Polynésie %d local holidays (-want +got):\n%s", tt.year, diff)
		}
	}
}

func TestHolidays_sameDate(t *testing.T) {
	tests := []struct {
		name string
		code string
		date calendar.Date
		want []string // keys on that date, in order
	}{
		// Easter 2008 = 23 March, Ascension = +39 days = 1 May.
		{"2008: Ascension and Fête du Travail", "75", hdate(2008, 5, 1), []string{"ascension", "labour_day"}},
		// Easter 2059 = 30 March (Oudin), Ascension = 8 May.
		{"2059: Ascension and Victoire 1945", "75", hdate(2059, 5, 8), []string{"ascension", "victory_1945"}},
		// Easter 2019 = 21 April, Whit Monday = 10 June = Guyane's day: national first.
		{"2019 Guyane: Whit Monday and abolition", "973", hdate(2019, 6, 10), []string{"whit_monday", "abolition_of_slavery"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			terr := holTerritory(t, tt.code)
			hs, err := terr.HolidaysBetween(tt.date, tt.date)
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, h := range hs {
				keys = append(keys, h.Key)
			}
			if diff := cmp.Diff(tt.want, keys); diff != "" {
				t.Errorf("holidays on %v (-want +got):\n%s", tt.date, diff)
			}
			if h, ok := terr.IsHoliday(tt.date); !ok || h.Key != tt.want[0] {
				t.Errorf("IsHoliday(%v) = %+v, %v; want the first, %s", tt.date, h, ok, tt.want[0])
			}
		})
	}
}

func TestHolidays_weekendsListed(t *testing.T) {
	paris := holTerritory(t, "75")
	// No substitute days in French law: a holiday on a weekend stays there.
	tests := []struct {
		date calendar.Date
		wd   time.Weekday
		key  string
	}{
		{hdate(2026, 8, 15), time.Saturday, "assumption"},
		{hdate(2026, 11, 1), time.Sunday, "all_saints"},
		{hdate(2027, 5, 8), time.Saturday, "victory_1945"},
	}
	for _, tt := range tests {
		if tt.date.Weekday() != tt.wd {
			t.Fatalf("%v is a %v, not a %v", tt.date, tt.date.Weekday(), tt.wd)
		}
		if h, ok := paris.IsHoliday(tt.date); !ok || h.Key != tt.key {
			t.Errorf("IsHoliday(%v) = %+v, %v; want %s", tt.date, h, ok, tt.key)
		}
		if h, ok := paris.IsHoliday(tt.date.AddDays(1)); ok {
			t.Errorf("IsHoliday(%v) = %+v: a substitute day was added", tt.date.AddDays(1), h)
		}
	}
}

func TestHolidaysBetween(t *testing.T) {
	strasbourg := holTerritory(t, "67")
	tests := []struct {
		name     string
		from, to calendar.Date
		want     []string
	}{
		{"first supported day", hdate(1990, 1, 1), hdate(1990, 1, 1), []string{"1990-01-01 new_year"}},
		{"closed range across a year boundary", hdate(2026, 12, 25), hdate(2027, 1, 1),
			[]string{"2026-12-25 christmas", "2026-12-26 st_stephen", "2027-01-01 new_year"}},
		{"last supported days", hdate(2200, 12, 24), hdate(2200, 12, 31), []string{"2200-12-25 christmas", "2200-12-26 st_stephen"}},
		{"no holiday in range: empty, not nil", hdate(2026, 2, 1), hdate(2026, 2, 28), []string{}},
		{"Easter 2027 (28 March)", hdate(2027, 3, 22), hdate(2027, 4, 4), []string{"2027-03-26 good_friday", "2027-03-29 easter_monday"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs, err := strasbourg.HolidaysBetween(tt.from, tt.to)
			if err != nil {
				t.Fatal(err)
			}
			if hs == nil {
				t.Error("HolidaysBetween returned nil, want a non-nil slice")
			}
			got := []string{}
			for _, h := range hs {
				got = append(got, h.Date.String()+" "+h.Key)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("HolidaysBetween(%v, %v) (-want +got):\n%s", tt.from, tt.to, diff)
			}
		})
	}
	// The whole supported span is the concatenation of the years.
	all, err := strasbourg.HolidaysBetween(hdate(calendar.MinYear, 1, 1), hdate(calendar.MaxYear, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	var want []calendar.Holiday
	for y := calendar.MinYear; y <= calendar.MaxYear; y++ {
		hs, _ := strasbourg.Holidays(y)
		want = append(want, hs...)
	}
	if diff := cmp.Diff(want, all, holCmp); diff != "" {
		t.Errorf("HolidaysBetween(all years) (-want +got):\n%s", diff)
	}
}

type holErr struct {
	Field, Value string
	Err          error
}

// holFieldErrors flattens err into its *FieldError leaves, in order.
func holFieldErrors(err error) []holErr {
	var out []holErr
	var walk func(error)
	walk = func(e error) {
		if u, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range u.Unwrap() {
				walk(x)
			}
			return
		}
		var fe *calendar.FieldError
		if errors.As(e, &fe) {
			out = append(out, holErr{fe.Field, fe.Value, fe.Err})
		}
	}
	walk(err)
	return out
}

func TestHolidays_errors(t *testing.T) {
	paris := holTerritory(t, "75")
	tests := []struct {
		name string
		year int
		want holErr
	}{
		{"year before MinYear", 1989, holErr{"year", "1989", calendar.ErrYearOutOfRange}},
		{"year after MaxYear", 2201, holErr{"year", "2201", calendar.ErrYearOutOfRange}},
		{"year zero", 0, holErr{"year", "0", calendar.ErrYearOutOfRange}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs, err := paris.Holidays(tt.year)
			if !errors.Is(err, tt.want.Err) {
				t.Fatalf("Holidays(%d) error = %v, want %v", tt.year, err, tt.want.Err)
			}
			if hs != nil {
				t.Errorf("Holidays(%d) = %v with an error", tt.year, hs)
			}
			if diff := cmp.Diff([]holErr{tt.want}, holFieldErrors(err), holCmp); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
	for _, y := range []int{1989, 2201} {
		if h, ok := paris.IsHoliday(hdate(y, 1, 1)); ok {
			t.Errorf("IsHoliday(%d-01-01) = %+v, true outside the supported years", y, h)
		}
	}
	if h, ok := paris.IsHoliday(calendar.Date{}); ok {
		t.Errorf("IsHoliday(zero Date) = %+v, true", h)
	}
}

func TestHolidaysBetween_errors(t *testing.T) {
	paris := holTerritory(t, "75")
	var zero calendar.Date
	tests := []struct {
		name     string
		from, to calendar.Date
		want     []holErr // sorted by field, then rule message
	}{
		{"zero from", zero, hdate(2026, 1, 1), []holErr{{"from", "0000-00-00", calendar.ErrInvalidDate}}},
		{"zero to", hdate(2026, 1, 1), zero, []holErr{{"to", "0000-00-00", calendar.ErrInvalidDate}}},
		{"both zero", zero, zero, []holErr{{"from", "0000-00-00", calendar.ErrInvalidDate}, {"to", "0000-00-00", calendar.ErrInvalidDate}}},
		{"to before from", hdate(2026, 5, 2), hdate(2026, 5, 1), []holErr{{"to", "2026-05-01", calendar.ErrInvalidDateRange}}},
		{"from in 1989", hdate(1989, 12, 31), hdate(1990, 1, 2), []holErr{{"from", "1989-12-31", calendar.ErrYearOutOfRange}}},
		{"to in 2201", hdate(2200, 12, 31), hdate(2201, 1, 1), []holErr{{"to", "2201-01-01", calendar.ErrYearOutOfRange}}},
		{"reversed and out of range: all reported", hdate(2201, 1, 1), hdate(1989, 1, 1), []holErr{
			{"from", "2201-01-01", calendar.ErrYearOutOfRange},
			{"to", "1989-01-01", calendar.ErrInvalidDateRange},
			{"to", "1989-01-01", calendar.ErrYearOutOfRange},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs, err := paris.HolidaysBetween(tt.from, tt.to)
			if err == nil {
				t.Fatalf("HolidaysBetween(%v, %v) = %v, want an error", tt.from, tt.to, hs)
			}
			for _, w := range tt.want {
				if !errors.Is(err, w.Err) {
					t.Errorf("errors.Is(err, %v) = false; err = %v", w.Err, err)
				}
			}
			if diff := cmp.Diff(tt.want, holFieldErrors(err), holCmp); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

// Returned slices belong to the caller.
func TestHolidays_notAliased(t *testing.T) {
	paris := holTerritory(t, "75")
	a, _ := paris.Holidays(2026)
	a[0].Name = "changed"
	_ = append(a[:0], calendar.Holiday{})
	b, _ := paris.Holidays(2026)
	if diff := cmp.Diff(holNational2026(), b, holCmp); diff != "" {
		t.Errorf("Holidays after the caller changed an earlier result (-want +got):\n%s", diff)
	}
}

func TestIsHoliday_allocs(t *testing.T) {
	strasbourg := holTerritory(t, "67")
	date := hdate(2026, 12, 26)
	if n := testing.AllocsPerRun(100, func() { strasbourg.IsHoliday(date) }); n != 0 {
		t.Errorf("IsHoliday allocates %v times per call, want 0", n)
	}
}

// One Territory shared by goroutines; run with -race.
func TestTerritory_concurrentUse(t *testing.T) {
	pf := holTerritory(t, "987")
	want := map[int][]calendar.Holiday{}
	for y := 2020; y <= 2030; y++ {
		want[y], _ = pf.Holidays(y)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for y := 2020; y <= 2030; y++ {
				got, err := pf.Holidays(y)
				if err != nil {
					t.Error(err)
					return
				}
				if diff := cmp.Diff(want[y], got, holCmp); diff != "" {
					t.Errorf("goroutine %d, %d (-want +got):\n%s", g, y, diff)
				}
				for _, h := range got {
					if hh, ok := pf.IsHoliday(h.Date); !ok || hh.Date != h.Date {
						t.Errorf("IsHoliday(%v) = %+v, %v", h.Date, hh, ok)
					}
				}
				between, err := pf.HolidaysBetween(hdate(y, 1, 1), hdate(y, 12, 31))
				if err != nil || len(between) != len(got) {
					t.Errorf("HolidaysBetween(%d) = %d holidays, %v; want %d", y, len(between), err, len(got))
				}
			}
		})
	}
	wg.Wait()
}
