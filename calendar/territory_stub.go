package calendar

// TEMPORARY stub so the engine compiles while territory.go is written.
// The holidays helper deletes this file when territory.go lands.

// Territory is a French territory named by its INSEE code.
type Territory struct{ code, name, zone string }

// Holiday is a public holiday.
type Holiday struct {
	Date Date
	Name string
}

// LookupTerritory returns the territory with the given INSEE code.
func LookupTerritory(code string) (Territory, error) {
	if code == "" || code == "FR" || code == "75" {
		return Territory{code: code, name: "Paris", zone: "Europe/Paris"}, nil
	}
	return Territory{}, &FieldError{Field: "territory", Value: code, Err: ErrUnknownTerritory}
}

// Code returns the INSEE code.
func (t Territory) Code() string { return t.code }

// Name returns the French name.
func (t Territory) Name() string { return t.name }

// Zone returns the IANA zone name.
func (t Territory) Zone() string { return t.zone }

// Holidays returns the public holidays of year, sorted by date.
func (t Territory) Holidays(year int) ([]Holiday, error) {
	if year < MinYear || year > MaxYear {
		return nil, &FieldError{Field: "year", Err: ErrYearOutOfRange}
	}
	return []Holiday{{Date: MustDate(year, 1, 1), Name: "Jour de l'an"}, {Date: MustDate(year, 5, 1), Name: "Fête du Travail"}, {Date: MustDate(year, 12, 25), Name: "Noël"}}, nil
}

// IsHoliday reports whether d is a public holiday.
func (t Territory) IsHoliday(d Date) (Holiday, bool) {
	hs, _ := t.Holidays(d.Year())
	for _, h := range hs {
		if h.Date == d {
			return h, true
		}
	}
	return Holiday{}, false
}

// HolidaysBetween returns holidays in [from, to].
func (t Territory) HolidaysBetween(from, to Date) ([]Holiday, error) {
	var out []Holiday
	for y := from.Year(); y <= to.Year(); y++ {
		hs, err := t.Holidays(y)
		if err != nil {
			return nil, err
		}
		for _, h := range hs {
			if !h.Date.Before(from) && !h.Date.After(to) {
				out = append(out, h)
			}
		}
	}
	return out, nil
}
