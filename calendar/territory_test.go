package calendar_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/openmarches/marches/calendar"
)

type terrFacts struct {
	Code, Name, Zone string
}

func terrFactsOf(t calendar.Territory) terrFacts {
	return terrFacts{t.Code(), t.Name(), t.Zone()}
}

func TestLookupTerritory(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want terrFacts
	}{
		// Names: INSEE Code officiel géographique; zones: tz database
		// zone.tab (procurement-facts.md §5.2).
		{"first département", "01", terrFacts{"01", "Ain", "Europe/Paris"}},
		{"Paris", "75", terrFacts{"75", "Paris", "Europe/Paris"}},
		{"Corse-du-Sud", "2A", terrFacts{"2A", "Corse-du-Sud", "Europe/Paris"}},
		{"Haute-Corse", "2B", terrFacts{"2B", "Haute-Corse", "Europe/Paris"}},
		{"lower-case 2a is accepted (documented)", "2a", terrFacts{"2A", "Corse-du-Sud", "Europe/Paris"}},
		{"lower-case 2b is accepted (documented)", "2b", terrFacts{"2B", "Haute-Corse", "Europe/Paris"}},
		{"Moselle", "57", terrFacts{"57", "Moselle", "Europe/Paris"}},
		{"Bas-Rhin", "67", terrFacts{"67", "Bas-Rhin", "Europe/Paris"}},
		{"Haut-Rhin", "68", terrFacts{"68", "Haut-Rhin", "Europe/Paris"}},
		{"Territoire de Belfort", "90", terrFacts{"90", "Territoire de Belfort", "Europe/Paris"}},
		{"last département", "95", terrFacts{"95", "Val-d'Oise", "Europe/Paris"}},
		{"Guadeloupe", "971", terrFacts{"971", "Guadeloupe", "America/Guadeloupe"}},
		{"Martinique", "972", terrFacts{"972", "Martinique", "America/Martinique"}},
		{"Guyane", "973", terrFacts{"973", "Guyane", "America/Cayenne"}},
		{"La Réunion", "974", terrFacts{"974", "La Réunion", "Indian/Reunion"}},
		{"Saint-Pierre-et-Miquelon", "975", terrFacts{"975", "Saint-Pierre-et-Miquelon", "America/Miquelon"}},
		{"Mayotte", "976", terrFacts{"976", "Mayotte", "Indian/Mayotte"}},
		{"Saint-Barthélemy", "977", terrFacts{"977", "Saint-Barthélemy", "America/St_Barthelemy"}},
		{"Saint-Martin", "978", terrFacts{"978", "Saint-Martin", "America/Marigot"}},
		{"Wallis-et-Futuna", "986", terrFacts{"986", "Wallis-et-Futuna", "Pacific/Wallis"}},
		{"Polynésie française (zone of Papeete)", "987", terrFacts{"987", "Polynésie française", "Pacific/Tahiti"}},
		{"Nouvelle-Calédonie", "988", terrFacts{"988", "Nouvelle-Calédonie", "Pacific/Noumea"}},
		{"metropolitan France", "FR", terrFacts{"FR", "France métropolitaine", "Europe/Paris"}},
		{"lower-case fr is accepted (documented)", "fr", terrFacts{"FR", "France métropolitaine", "Europe/Paris"}},
		{"mixed-case Fr is accepted (documented)", "Fr", terrFacts{"FR", "France métropolitaine", "Europe/Paris"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := calendar.LookupTerritory(tt.in)
			if err != nil {
				t.Fatalf("LookupTerritory(%q): %v", tt.in, err)
			}
			if diff := cmp.Diff(tt.want, terrFactsOf(got)); diff != "" {
				t.Errorf("LookupTerritory(%q) (-want +got):\n%s", tt.in, diff)
			}
			if got.IsZero() {
				t.Errorf("LookupTerritory(%q).IsZero() = true", tt.in)
			}
		})
	}
}

func TestLookupTerritory_errors(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"Corsica has had no single code since 1976", "20"},
		{"no département 99", "99"},
		{"empty code", ""},
		{"970 is not a territory", "970"},
		{"984 (TAAF) is not supported", "984"},
		{"leading zero required", "1"},
		{"three-digit metropolitan code", "075"},
		{"no trimming", " 75"},
		{"no trimming at the end", "75 "},
		{"2C does not exist", "2C"},
		{"FRA is not a code", "FRA"},
		{"lower-case is only folded for two-character codes", "france"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := calendar.LookupTerritory(tt.in)
			if !errors.Is(err, calendar.ErrUnknownTerritory) {
				t.Fatalf("LookupTerritory(%q) error = %v, want ErrUnknownTerritory", tt.in, err)
			}
			var fe *calendar.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("LookupTerritory(%q) error %T is not a *FieldError", tt.in, err)
			}
			if diff := cmp.Diff([2]string{"territory", tt.in}, [2]string{fe.Field, fe.Value}); diff != "" {
				t.Errorf("FieldError (-want +got):\n%s", diff)
			}
			if !got.IsZero() {
				t.Errorf("LookupTerritory(%q) = %v, want the zero Territory", tt.in, terrFactsOf(got))
			}
		})
	}
}

func TestTerritories(t *testing.T) {
	all := calendar.Territories()
	// 96 metropolitan départements (01-19, 2A, 2B, 21-95), 11 overseas
	// territories, FR.
	if len(all) != 96+11+1 {
		t.Errorf("len(Territories()) = %d, want %d", len(all), 96+11+1)
	}
	var codes []string
	for _, terr := range all {
		codes = append(codes, terr.Code())
	}
	if !slices.IsSortedFunc(codes, strings.Compare) {
		t.Errorf("Territories() not sorted by code: %v", codes)
	}
	if c := slices.Compact(slices.Clone(codes)); len(c) != len(codes) {
		t.Errorf("duplicate codes in %v", codes)
	}
	var want []string
	for i := 1; i <= 95; i++ {
		if i != 20 {
			want = append(want, fmt.Sprintf("%02d", i))
		}
	}
	want = append(want, "2A", "2B", "971", "972", "973", "974", "975", "976", "977", "978", "986", "987", "988", "FR")
	slices.Sort(want)
	if diff := cmp.Diff(want, codes); diff != "" {
		t.Errorf("codes (-want +got):\n%s", diff)
	}
	for _, terr := range all {
		if terr.Name() == "" || terr.Zone() == "" || terr.IsZero() {
			t.Errorf("territory %q has empty fields: %+v", terr.Code(), terrFactsOf(terr))
		}
		got, err := calendar.LookupTerritory(terr.Code())
		if err != nil || got != terr {
			t.Errorf("LookupTerritory(%q) = %+v, %v; want %+v", terr.Code(), terrFactsOf(got), err, terrFactsOf(terr))
		}
	}
}

func TestTerritories_freshSlice(t *testing.T) {
	a := calendar.Territories()
	a[0] = calendar.Territory{}
	b := calendar.Territories()
	if b[0].Code() != "01" {
		t.Errorf("Territories()[0] = %q after the caller changed an earlier result, want \"01\"", b[0].Code())
	}
}

// Every zone must load: the engine calls time.LoadLocation(Zone()).
func TestTerritory_zonesLoad(t *testing.T) {
	for _, terr := range calendar.Territories() {
		if _, err := time.LoadLocation(terr.Zone()); err != nil {
			t.Errorf("territory %s: time.LoadLocation(%q): %v", terr.Code(), terr.Zone(), err)
		}
	}
}

func TestTerritory_zero(t *testing.T) {
	var z calendar.Territory
	if !z.IsZero() {
		t.Error("zero Territory: IsZero() = false")
	}
	if diff := cmp.Diff(terrFacts{}, terrFactsOf(z)); diff != "" {
		t.Errorf("zero Territory accessors (-want +got):\n%s", diff)
	}
	if _, err := z.Holidays(2026); !errors.Is(err, calendar.ErrUnknownTerritory) {
		t.Errorf("zero Territory Holidays error = %v, want ErrUnknownTerritory", err)
	}
	if _, err := z.HolidaysBetween(calendar.MustDate(2026, 1, 1), calendar.MustDate(2026, 12, 31)); !errors.Is(err, calendar.ErrUnknownTerritory) {
		t.Errorf("zero Territory HolidaysBetween error = %v, want ErrUnknownTerritory", err)
	}
	if h, ok := z.IsHoliday(calendar.MustDate(2026, 1, 1)); ok {
		t.Errorf("zero Territory IsHoliday = %+v, true; want false", h)
	}
}

func FuzzLookupTerritory(f *testing.F) {
	for _, s := range []string{"75", "2A", "2a", "fr", "FR", "971", "988", "20", "", " 75", "1", "ſr"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		terr, err := calendar.LookupTerritory(code)
		if err != nil {
			if !errors.Is(err, calendar.ErrUnknownTerritory) || !terr.IsZero() {
				t.Fatalf("LookupTerritory(%q) = %+v, %v", code, terrFactsOf(terr), err)
			}
			return
		}
		// Success only for an exact code, up to ASCII case.
		if !strings.EqualFold(terr.Code(), code) || len(terr.Code()) != len(code) {
			t.Fatalf("LookupTerritory(%q) returned %q", code, terr.Code())
		}
	})
}
