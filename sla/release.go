package sla

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"time"

	"github.com/openmarches/marches/calendar"
)

// ReleaseKind is a kind of software release, ordered by scope: a release
// of a kind also counts as a release of every smaller kind ("the next
// corrective release" is the first corrective, intermediate or ESR release).
// The zero ReleaseKind is unset.
type ReleaseKind int

const (
	// Patch: an urgent patch, outside the planned cycle.
	Patch ReleaseKind = iota + 1
	// Corrective: a monthly corrective release (one week of acceptance).
	Corrective
	// Intermediate: a quarterly intermediate release (one week of
	// acceptance). "The next quarterly release" is the next Intermediate.
	Intermediate
	// ESR: the yearly certified extended-support release (one month of
	// internal acceptance, code frozen at its start).
	ESR
)

var releaseNames = [...]string{"", "patch", "corrective", "intermediate", "esr"}

func (k ReleaseKind) valid() bool { return k >= Patch && k <= ESR }

// String returns the kind's stable code: "patch", "corrective",
// "intermediate" or "esr" ("" when unset).
func (k ReleaseKind) String() string {
	if !k.valid() {
		return ""
	}
	return releaseNames[k]
}

// MarshalText encodes the kind's code.
func (k ReleaseKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// ParseReleaseKind parses a release kind code; "quarterly" is accepted for
// "intermediate" and "monthly" for "corrective". Anything else fails with
// ErrInvalidReleaseKind.
func ParseReleaseKind(s string) (ReleaseKind, error) {
	switch s {
	case "quarterly":
		return Intermediate, nil
	case "monthly":
		return Corrective, nil
	}
	for k := Patch; k <= ESR; k++ {
		if releaseNames[k] == s {
			return k, nil
		}
	}
	return 0, &FieldError{Field: "release", Value: s, Err: ErrInvalidReleaseKind}
}

// acceptance returns the acceptance window before a release of kind k, at
// whose start the code is frozen: one month for an ESR (a calendar month
// earlier, see Release.Freeze), one week for intermediate and corrective
// releases, none for a patch.
func (k ReleaseKind) acceptanceDays() int {
	switch k {
	case Intermediate, Corrective:
		return 7
	}
	return 0
}

// Release is one planned or delivered release.
type Release struct {
	// Kind is the release's kind.
	Kind ReleaseKind
	// Name identifies the release ("ESR 2026", "2026.09"...).
	Name string
	// At is the instant the release is delivered: the due instant of a
	// target that waits for it.
	At time.Time
	// Freeze is the start of the acceptance window, when the code is
	// frozen. Zero in a ReleaseConfig means the default window before At:
	// one calendar month for an ESR, seven days for intermediate and
	// corrective releases, none for a patch.
	Freeze time.Time
}

// ReleaseRules generates a release calendar: in every month from From to
// To (both inclusive), one release on day Day of the month, moved to the
// next working day of the calendar when that day is not one, at the
// wall-clock time of day Time. The release of ESRMonth is the year's ESR;
// those of the months 3, 6 and 9 months after it are intermediate
// (quarterly) releases; the other eight are corrective (monthly) releases.
type ReleaseRules struct {
	// From and To bound the generated releases (both inclusive).
	From, To calendar.Date
	// ESRMonth is the month of the yearly ESR.
	ESRMonth time.Month
	// Day is the day of the month, 1..28; zero means 1.
	Day int
	// Time is the time of day of each release on the calendar's wall
	// clock, 0 <= Time < 24h, e.g. 9*time.Hour for 09:00.
	Time time.Duration
}

// ReleaseConfig describes a release calendar: explicit releases, rules, or
// both (merged).
type ReleaseConfig struct {
	// Calendar gives the working days and time zone of the rules. Nil means
	// the default support calendar (calendar.Config{}).
	Calendar *calendar.Calendar
	// Rules, when set, generate releases.
	Rules *ReleaseRules
	// Releases are explicit releases (patches, dated releases).
	Releases []Release
}

// ReleaseCalendar is an immutable, sorted list of releases that answers
// "the next release of kind K after t" with a binary search. It is safe for
// concurrent use.
type ReleaseCalendar struct {
	list []Release
	// byKind[k] holds the delivery instants of the releases of kind >= k,
	// ascending; byIdx[k] their indexes in list.
	byKind [ESR + 1][]time.Time
	byIdx  [ESR + 1][]int
}

// NewReleaseCalendar validates cfg and builds the calendar. Violations are
// reported at once: ErrInvalidReleaseKind, ErrInvalidTime (a release
// without an instant), ErrFreezeAfterRelease, ErrInvalidRules, and the
// calendar's errors while generating. Releases are sorted by instant (then
// by kind, larger first, then name); cfg is copied, never retained.
func NewReleaseCalendar(cfg ReleaseConfig) (*ReleaseCalendar, error) {
	cal := cfg.Calendar
	if cal == nil {
		var err error
		if cal, err = calendar.New(calendar.Config{}); err != nil {
			return nil, err
		}
	}
	var errs []*FieldError
	list := make([]Release, 0, len(cfg.Releases)+24)
	for i, r := range cfg.Releases {
		p := "releases[" + strconv.Itoa(i) + "]."
		ok := true
		if !r.Kind.valid() {
			errs = append(errs, &FieldError{Field: p + "kind", Value: strconv.Itoa(int(r.Kind)), Err: ErrInvalidReleaseKind})
			ok = false
		}
		if r.At.IsZero() {
			errs = append(errs, &FieldError{Field: p + "at", Err: ErrInvalidTime})
			ok = false
		}
		if !ok {
			continue
		}
		if r.Freeze.IsZero() {
			r.Freeze = defaultFreeze(r.Kind, r.At)
		} else if r.Freeze.After(r.At) {
			errs = append(errs, &FieldError{Field: p + "freeze", Value: r.Freeze.Format(time.RFC3339), Err: ErrFreezeAfterRelease})
			continue
		}
		list = append(list, r)
	}
	if cfg.Rules != nil {
		gen, err := cfg.Rules.generate(cal)
		errs = append(errs, err...)
		list = append(list, gen...)
	}
	if err := joinErrs(errs); err != nil {
		return nil, err
	}
	slices.SortStableFunc(list, func(a, b Release) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		if a.Kind != b.Kind {
			return int(b.Kind - a.Kind)
		}
		return compareStrings(a.Name, b.Name)
	})
	rc := &ReleaseCalendar{list: list}
	for k := Patch; k <= ESR; k++ {
		for i, r := range list {
			if r.Kind >= k {
				rc.byKind[k] = append(rc.byKind[k], r.At)
				rc.byIdx[k] = append(rc.byIdx[k], i)
			}
		}
	}
	return rc, nil
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func defaultFreeze(k ReleaseKind, at time.Time) time.Time {
	if k == ESR {
		return at.AddDate(0, -1, 0)
	}
	return at.AddDate(0, 0, -k.acceptanceDays())
}

func (r *ReleaseRules) generate(cal *calendar.Calendar) ([]Release, []*FieldError) {
	var errs []*FieldError
	bad := func(field, value string) {
		errs = append(errs, &FieldError{Field: "rules." + field, Value: value, Err: ErrInvalidRules})
	}
	day := r.Day
	if day == 0 {
		day = 1
	}
	if r.ESRMonth < time.January || r.ESRMonth > time.December {
		bad("esr_month", strconv.Itoa(int(r.ESRMonth)))
	}
	if day < 1 || day > 28 {
		bad("day", strconv.Itoa(r.Day))
	}
	if r.Time < 0 || r.Time >= 24*time.Hour {
		bad("time", r.Time.String())
	}
	switch {
	case r.From.IsZero():
		bad("from", "")
	case r.To.IsZero():
		bad("to", "")
	case r.To.Before(r.From) || r.To.Sub(r.From) > 100*366:
		bad("to", r.To.String())
	}
	if len(errs) > 0 {
		return nil, errs
	}
	loc := cal.Location()
	hh, mm, ss := int(r.Time/time.Hour), int(r.Time%time.Hour/time.Minute), int(r.Time%time.Minute/time.Second)
	var out []Release
	y, m := r.From.Year(), r.From.Month()
	for {
		first := calendar.MustDate(y, m, 1)
		if first.After(r.To) {
			break
		}
		d := calendar.MustDate(y, m, day)
		for n := 0; !cal.IsWorkingDay(d); n++ {
			if n > 62 {
				errs = append(errs, &FieldError{Field: "rules", Value: d.String(), Err: calendar.ErrNeverOpen,
					Detail: "no working day within two months to move the release to"})
				return nil, errs
			}
			d = d.AddDays(1)
		}
		if !d.Before(r.From) && !d.After(r.To) {
			kind := Corrective
			switch diff := (int(m) - int(r.ESRMonth) + 12) % 12; {
			case diff == 0:
				kind = ESR
			case diff%3 == 0:
				kind = Intermediate
			}
			at := time.Date(d.Year(), d.Month(), d.Day(), hh, mm, ss, 0, loc)
			name := kind.String() + " " + d.String()
			if kind == ESR {
				name = "ESR " + d.String()
			}
			out = append(out, Release{Kind: kind, Name: name, At: at, Freeze: defaultFreeze(kind, at)})
		}
		if m == time.December {
			y, m = y+1, time.January
		} else {
			m++
		}
	}
	return out, nil
}

// Next returns the first release of kind k or of a larger kind whose
// instant is strictly after t, and false when there is none (or k is
// unset). It does not allocate.
func (rc *ReleaseCalendar) Next(k ReleaseKind, t time.Time) (Release, bool) {
	if rc == nil || !k.valid() {
		return Release{}, false
	}
	ats := rc.byKind[k]
	i, _ := slices.BinarySearchFunc(ats, t, func(a, t time.Time) int {
		if a.After(t) {
			return 1
		}
		return -1
	})
	if i >= len(ats) {
		return Release{}, false
	}
	return rc.list[rc.byIdx[k][i]], true
}

// Releases returns a copy of the releases, sorted by instant.
func (rc *ReleaseCalendar) Releases() []Release { return slices.Clone(rc.list) }

// releaseJSON is the JSON form of a Release.
type releaseJSON struct {
	Kind   string `json:"kind"`
	Name   string `json:"name,omitempty"`
	At     string `json:"at"`
	Freeze string `json:"freeze,omitempty"`
}

type rulesJSON struct {
	From     string `json:"from"`
	To       string `json:"to"`
	ESRMonth int    `json:"esr_month"`
	Day      int    `json:"day,omitempty"`
	Time     string `json:"time,omitempty"`
}

type releaseCalendarJSON struct {
	Rules    *rulesJSON    `json:"rules,omitempty"`
	Releases []releaseJSON `json:"releases"`
}

// MarshalJSON encodes the calendar as {"releases":[{"kind","name","at",
// "freeze"}...]}, rules expanded, instants in RFC 3339: the form
// ParseReleaseCalendar reads back into the same calendar.
func (rc *ReleaseCalendar) MarshalJSON() ([]byte, error) {
	out := releaseCalendarJSON{Releases: make([]releaseJSON, len(rc.list))}
	for i, r := range rc.list {
		out.Releases[i] = releaseJSON{Kind: r.Kind.String(), Name: r.Name,
			At: r.At.Format(time.RFC3339Nano), Freeze: r.Freeze.Format(time.RFC3339Nano)}
	}
	return json.Marshal(out)
}

// ParseReleaseCalendar reads a release calendar from JSON, checks it
// against the embedded schema (ReleaseCalendarSchema) and builds it with
// NewReleaseCalendar on cal (nil: the default support calendar):
//
//	{"rules": {"from": "2026-01-01", "to": "2028-12-31", "esr_month": 6,
//	           "day": 1, "time": "09:00"},
//	 "releases": [{"kind": "patch", "name": "hotfix", "at": "2026-11-30T18:00:00+01:00",
//	               "freeze": "2026-11-30T12:00:00+01:00"}]}
//
// Both members are optional. Times of day are "HH:MM" on the calendar's
// wall clock; instants RFC 3339 with an offset. Every violation is
// reported at once (ErrSchema, ErrInvalidTime, ErrInvalidReleaseKind,
// ErrInvalidRules, calendar.ErrInvalidDate...).
func ParseReleaseCalendar(data []byte, cal *calendar.Calendar) (*ReleaseCalendar, error) {
	if err := validateSchema(releasesSchema, "", data); err != nil {
		return nil, err
	}
	var doc releaseCalendarJSON
	if err := decodeStrict(data, &doc); err != nil {
		return nil, err
	}
	cfg := ReleaseConfig{Calendar: cal}
	var errs []*FieldError
	for i, r := range doc.Releases {
		p := "releases[" + strconv.Itoa(i) + "]."
		var rel Release
		var err error
		if rel.Kind, err = ParseReleaseKind(r.Kind); err != nil {
			errs = append(errs, &FieldError{Field: p + "kind", Value: r.Kind, Err: ErrInvalidReleaseKind})
		}
		rel.Name = r.Name
		if rel.At, err = parseInstant(p+"at", r.At); err != nil {
			errs = append(errs, err.(*FieldError))
		}
		if r.Freeze != "" {
			if rel.Freeze, err = parseInstant(p+"freeze", r.Freeze); err != nil {
				errs = append(errs, err.(*FieldError))
			}
		}
		cfg.Releases = append(cfg.Releases, rel)
	}
	if doc.Rules != nil {
		rr := &ReleaseRules{ESRMonth: time.Month(doc.Rules.ESRMonth), Day: doc.Rules.Day}
		var err error
		if rr.From, err = calendar.ParseDate(doc.Rules.From); err != nil {
			errs = append(errs, &FieldError{Field: "rules.from", Value: doc.Rules.From, Err: calendar.ErrInvalidDate})
		}
		if rr.To, err = calendar.ParseDate(doc.Rules.To); err != nil {
			errs = append(errs, &FieldError{Field: "rules.to", Value: doc.Rules.To, Err: calendar.ErrInvalidDate})
		}
		if doc.Rules.Time != "" {
			tod, ok := parseTimeOfDay(doc.Rules.Time)
			if !ok {
				errs = append(errs, &FieldError{Field: "rules.time", Value: doc.Rules.Time, Err: ErrInvalidRules})
			}
			rr.Time = tod
		}
		cfg.Rules = rr
	}
	if err := joinErrs(errs); err != nil {
		return nil, err
	}
	return NewReleaseCalendar(cfg)
}

// parseTimeOfDay reads "HH:MM" (00:00..23:59).
func parseTimeOfDay(s string) (time.Duration, bool) {
	if len(s) != 5 || s[2] != ':' {
		return 0, false
	}
	h, err1 := strconv.Atoi(s[:2])
	m, err2 := strconv.Atoi(s[3:])
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 || s[0] == '+' || s[3] == '+' || s[0] == '-' || s[3] == '-' {
		return 0, false
	}
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute, true
}

// parseInstant parses an RFC 3339 instant with an offset.
func parseInstant(field, s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, &FieldError{Field: field, Value: s, Err: ErrInvalidTime}
	}
	return t, nil
}

// decodeStrict decodes a document already checked by its schema.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return &FieldError{Err: ErrInvalidJSON, Detail: err.Error()}
	}
	return nil
}
