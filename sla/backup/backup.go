package backup

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
)

// Status is the outcome of a backup run. The zero Status is unset and
// rejected, so a forgotten field fails validation.
type Status int

const (
	// Complete: the run produced a complete, restorable copy.
	Complete Status = iota + 1
	// Failed: the run did not produce a usable copy.
	Failed
)

// ParseStatus parses a status code: "complete" or "failed". Anything else
// fails with ErrInvalidStatus.
func ParseStatus(s string) (Status, error) {
	switch s {
	case "complete":
		return Complete, nil
	case "failed":
		return Failed, nil
	}
	return 0, &FieldError{Field: "status", Value: s, Err: ErrInvalidStatus}
}

// String returns the status's stable code, "complete" or "failed", or
// "Status(n)" for an invalid value.
func (s Status) String() string {
	switch s {
	case Complete:
		return "complete"
	case Failed:
		return "failed"
	}
	return "Status(" + strconv.Itoa(int(s)) + ")"
}

// MarshalText encodes the status's code; an invalid status fails with
// ErrInvalidStatus.
func (s Status) MarshalText() ([]byte, error) {
	if s != Complete && s != Failed {
		return nil, &FieldError{Field: "status", Value: s.String(), Err: ErrInvalidStatus}
	}
	return []byte(s.String()), nil
}

// UnmarshalText decodes a status code; see ParseStatus.
func (s *Status) UnmarshalText(b []byte) error {
	v, err := ParseStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Backup is one backup run as the backup system records it.
type Backup struct {
	// ID is the caller's identifier of the run (a job id, a file name);
	// optional, carried through to results.
	ID string `json:"id,omitempty"`
	// At is the instant the run started, which is the point in time its
	// copy holds. Ages (the 24-hour rule) and window checks use it.
	At time.Time `json:"at"`
	// Status says whether the run produced a complete copy.
	Status Status `json:"status"`
}

// Config describes a backup policy. Zero fields mean the contract's
// values: a full backup every night between 02:00 and 04:00 Europe/Paris,
// kept daily for J-1..J-6, weekly for S-1..S-4 and monthly for M-1..M-4,
// and a complete copy less than 24 hours old at every instant.
type Config struct {
	// Location is the wall clock of the nightly window, days, ISO weeks
	// and months. Nil means Europe/Paris, loaded with time.LoadLocation (a
	// program that may run without the system's zoneinfo imports
	// time/tzdata, as cmd/marches does).
	Location *time.Location
	// Daily, Weekly and Monthly are the numbers of daily (J-), weekly
	// (S-) and monthly (M-) copies kept, 0..MaxCount each. When all three
	// are 0 the contract's 6, 4 and 4 apply; set NoRetentionDefaults to
	// keep zeros as given.
	Daily, Weekly, Monthly int
	// NoRetentionDefaults keeps Daily, Weekly and Monthly as given even
	// when all three are 0.
	NoRetentionDefaults bool
	// WindowStart and WindowEnd are the nightly window as wall-clock
	// offsets from midnight, start inclusive, end exclusive. When both are
	// 0 the contract's 02:00-04:00 applies.
	WindowStart, WindowEnd time.Duration
	// MaxAge is the age a complete copy must stay strictly below at every
	// instant; 0 means 24 hours.
	MaxAge time.Duration
}

// Policy is a validated backup policy. It is immutable and safe for
// concurrent use; the zero Policy is not usable, build one with New.
type Policy struct {
	loc                    *time.Location
	daily, weekly, monthly int
	winStart, winEnd       time.Duration
	maxAge                 time.Duration
}

// New returns the policy described by cfg. It reports every violation at
// once: ErrInvalidCount for a count outside 0..MaxCount, ErrInvalidWindow
// for a window outside 00:00 <= start < end <= 24:00, ErrInvalidMaxAge for
// a negative MaxAge, and ErrUnknownZone when Europe/Paris cannot be loaded.
func New(cfg Config) (*Policy, error) {
	p := &Policy{loc: cfg.Location, daily: cfg.Daily, weekly: cfg.Weekly, monthly: cfg.Monthly,
		winStart: cfg.WindowStart, winEnd: cfg.WindowEnd, maxAge: cfg.MaxAge}
	var errs []*FieldError
	if p.loc == nil {
		loc, err := time.LoadLocation("Europe/Paris")
		if err != nil {
			errs = append(errs, &FieldError{Field: "location", Value: "Europe/Paris", Err: ErrUnknownZone, Detail: err.Error()})
		}
		p.loc = loc
	}
	if p.daily == 0 && p.weekly == 0 && p.monthly == 0 && !cfg.NoRetentionDefaults {
		p.daily, p.weekly, p.monthly = 6, 4, 4
	}
	for _, c := range []struct {
		field string
		n     int
	}{{"daily", p.daily}, {"weekly", p.weekly}, {"monthly", p.monthly}} {
		if c.n < 0 || c.n > MaxCount {
			errs = append(errs, &FieldError{Field: c.field, Value: strconv.Itoa(c.n), Err: ErrInvalidCount})
		}
	}
	if p.winStart == 0 && p.winEnd == 0 {
		p.winStart, p.winEnd = 2*time.Hour, 4*time.Hour
	}
	if p.winStart < 0 || p.winStart >= p.winEnd || p.winEnd > 24*time.Hour {
		errs = append(errs, &FieldError{Field: "window", Value: p.winStart.String() + "-" + p.winEnd.String(), Err: ErrInvalidWindow})
	}
	if p.maxAge == 0 {
		p.maxAge = 24 * time.Hour
	}
	if p.maxAge < 0 {
		errs = append(errs, &FieldError{Field: "max_age", Value: p.maxAge.String(), Err: ErrInvalidMaxAge})
	}
	if err := joinErrs(errs); err != nil {
		return nil, err
	}
	return p, nil
}

// Location returns the policy's wall clock; every instant it returns is
// in it.
func (p *Policy) Location() *time.Location { return p.loc }

// Counts returns the numbers of daily, weekly and monthly copies kept.
func (p *Policy) Counts() (daily, weekly, monthly int) { return p.daily, p.weekly, p.monthly }

// Window returns the nightly window as wall-clock offsets from midnight
// (start inclusive, end exclusive).
func (p *Policy) Window() (start, end time.Duration) { return p.winStart, p.winEnd }

// MaxAge returns the age a complete copy must stay strictly below.
func (p *Policy) MaxAge() time.Duration { return p.maxAge }

// entry is a validated backup: its input index, its instant in Unix
// nanoseconds (years 1990..2200 fit in an int64) and, on the policy's wall
// clock, its day, the Monday of its ISO week (both as day numbers) and its
// month (as numbered by monthIndex). It holds no pointer, so sorting moves
// plain words, and the retention loop is integer arithmetic.
type entry struct {
	ns       int64
	i        int
	day, mon int32
	month    int32
	ok       bool // complete
}

// dayNumbers returns, for t on its own wall clock, the day number (days
// since 1970-01-01), the day number of the Monday of its ISO week, and the
// month index.
func dayNumbers(t time.Time) (day, mon, month int32) {
	_, off := t.Zone()
	wall := t.Unix() + int64(off)
	d := wall / 86400
	if wall%86400 < 0 {
		d--
	}
	wd := (d + 3) % 7 // 1970-01-01 was a Thursday: 3 days after a Monday
	if wd < 0 {
		wd += 7
	}
	y, m, _ := t.Date()
	return int32(d), int32(d - wd), int32(y*12 + int(m) - 1)
}

// prepare validates backups and returns them sorted by instant, then by
// input index. The caller's slice is not modified.
func (p *Policy) prepare(bs []Backup) ([]entry, error) {
	var errs []*FieldError
	field := func(i int, name string) string { return "backups[" + strconv.Itoa(i) + "]." + name }
	out := make([]entry, 0, len(bs))
	for i, b := range bs {
		bad := false
		if b.Status != Complete && b.Status != Failed {
			errs = append(errs, &FieldError{Field: field(i, "status"), Value: b.Status.String(), Err: ErrInvalidStatus})
			bad = true
		}
		if b.At.IsZero() {
			errs = append(errs, &FieldError{Field: field(i, "at"), Err: ErrMissingTime})
			continue
		}
		t := b.At.In(p.loc)
		if !inRange(t) {
			errs = append(errs, &FieldError{Field: field(i, "at"), Value: b.At.Format(time.RFC3339Nano), Err: ErrTimeOutOfRange})
			continue
		}
		if !bad {
			day, mon, month := dayNumbers(t)
			out = append(out, entry{ns: t.UnixNano(), i: i, day: day, mon: mon, month: month, ok: b.Status == Complete})
		}
	}
	if err := joinErrs(errs); err != nil {
		return nil, err
	}
	// out is in input order, so a stable sort by instant orders ties by
	// input index. Histories usually come in order: checking is O(n).
	byTime := func(a, b entry) int { return cmp.Compare(a.ns, b.ns) }
	if !slices.IsSortedFunc(out, byTime) {
		slices.SortStableFunc(out, byTime)
	}
	return out, nil
}

// checkInstant validates an evaluation instant and returns it on the
// policy's wall clock.
func (p *Policy) checkInstant(field string, t time.Time) (time.Time, error) {
	if t.IsZero() {
		return time.Time{}, &FieldError{Field: field, Err: ErrMissingTime}
	}
	t = t.In(p.loc)
	if !inRange(t) {
		return time.Time{}, &FieldError{Field: field, Value: t.Format(time.RFC3339Nano), Err: ErrTimeOutOfRange}
	}
	return t, nil
}

// inRange reports whether t's wall-clock year is in calendar.MinYear to
// calendar.MaxYear.
func inRange(t time.Time) bool {
	y := t.Year()
	return y >= calendar.MinYear && y <= calendar.MaxYear
}

// dateOf returns the civil date of t on its own wall clock.
func dateOf(t time.Time) calendar.Date { return calendar.DateOf(t) }

func joinErrs(errs []*FieldError) error {
	if len(errs) == 0 {
		return nil
	}
	return fielderr.Join(errs)
}

// joinErrors merges violations (single ones or lists) into one sorted
// list, or nil.
func joinErrors(errs ...error) error {
	var all []*FieldError
	for _, err := range errs {
		switch e := err.(type) {
		case nil:
		case *FieldError:
			all = append(all, e)
		case fielderr.List:
			all = append(all, e...)
		default:
			all = append(all, &FieldError{Err: err})
		}
	}
	return joinErrs(all)
}

// instant returns the instant of Unix nanoseconds ns on the policy's wall
// clock.
func (p *Policy) instant(ns int64) time.Time { return time.Unix(0, ns).In(p.loc) }

// upTo returns the number of leading entries of the sorted es taken at or
// before ns.
func upTo(es []entry, ns int64) int {
	return sort.Search(len(es), func(k int) bool { return es[k].ns > ns })
}
