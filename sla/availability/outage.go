package availability

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Outage is one span [Start, End) during which a service was unavailable,
// with its cause. ID and Note are free text carried to the monthly
// statement (an incident number, "planned release 4.2").
type Outage struct {
	Service string
	Start   time.Time
	End     time.Time
	Cause   Cause
	ID      string
	Note    string
}

// Seconds returns the outage's length in whole seconds as measured (start
// rounded down, end rounded up to the second; see Measure).
func (o Outage) Seconds() int64 { return ceilSec(o.End) - floorSec(o.Start) }

// Validate checks one outage and returns every violation, with fields
// named after the JSON input ("service", "end", "cause"), or nil.
func (o Outage) Validate() error { return joinErrs(o.violations("")) }

func (o Outage) violations(prefix string) []*FieldError {
	var errs []*FieldError
	if o.Service == "" || len(o.Service) > 64 {
		errs = append(errs, &FieldError{Field: prefix + "service", Value: o.Service, Err: ErrEmptyService})
	}
	if o.Cause.String() == "" {
		errs = append(errs, &FieldError{Field: prefix + "cause", Value: o.Cause.String(), Err: ErrInvalidCause})
	}
	if !o.End.After(o.Start) {
		errs = append(errs, &FieldError{Field: prefix + "end", Value: o.End.Format(time.RFC3339Nano), Err: ErrEndNotAfterStart,
			Detail: "start " + o.Start.Format(time.RFC3339Nano)})
	}
	return errs
}

// compareOutages orders outages by service, cause, start, end, then ID and
// note, so that any permutation of the same outages sorts the same way.
func compareOutages(a, b Outage) int {
	if c := strings.Compare(a.Service, b.Service); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Cause, b.Cause); c != 0 {
		return c
	}
	if c := a.Start.Compare(b.Start); c != 0 {
		return c
	}
	if c := a.End.Compare(b.End); c != 0 {
		return c
	}
	if c := strings.Compare(a.ID, b.ID); c != 0 {
		return c
	}
	return strings.Compare(a.Note, b.Note)
}

// Merge returns the outages with overlapping or adjacent spans of the same
// service and cause merged into one, sorted by service, cause (in Causes
// order) and start. A merged outage keeps the start of its first span and
// the largest end, with their locations, and joins the distinct IDs and
// notes with ", " in order of appearance. Outages of different causes are
// never merged (the measure resolves their overlaps). The argument is not
// modified.
func Merge(outages []Outage) []Outage {
	s := slices.Clone(outages)
	slices.SortFunc(s, compareOutages)
	out := make([]Outage, 0, len(s))
	for _, o := range s {
		if n := len(out); n > 0 {
			last := &out[n-1]
			if last.Service == o.Service && last.Cause == o.Cause && !o.Start.After(last.End) {
				if o.End.After(last.End) {
					last.End = o.End
				}
				last.ID = joinDistinct(last.ID, o.ID)
				last.Note = joinDistinct(last.Note, o.Note)
				continue
			}
		}
		out = append(out, o)
	}
	return out
}

func joinDistinct(list, s string) string {
	if s == "" {
		return list
	}
	if list == "" {
		return s
	}
	for _, p := range strings.Split(list, ", ") {
		if p == s {
			return list
		}
	}
	return list + ", " + s
}

// Clip returns the parts of the outages inside p, in input order: spans
// are cut at p.Start and p.End and spans outside p are dropped. The
// argument is not modified.
func Clip(outages []Outage, p Period) []Outage {
	out := make([]Outage, 0, len(outages))
	for _, o := range outages {
		if !o.End.After(p.Start) || !o.Start.Before(p.End) {
			continue
		}
		if o.Start.Before(p.Start) {
			o.Start = p.Start
		}
		if o.End.After(p.End) {
			o.End = p.End
		}
		out = append(out, o)
	}
	return out
}

// SplitMonths returns the outages cut at every local midnight starting a
// calendar month in loc, so that each piece lies in one month; pieces are
// in input order, each outage's pieces in time order, and keep the
// outage's service, cause, ID and note. It fails only with ErrNilLocation.
// The argument is not modified.
func SplitMonths(outages []Outage, loc *time.Location) ([]Outage, error) {
	if loc == nil {
		return nil, &FieldError{Field: "location", Err: ErrNilLocation}
	}
	out := make([]Outage, 0, len(outages))
	for _, o := range outages {
		for o.End.After(o.Start) {
			y, m, _ := o.Start.In(loc).Date()
			next := time.Date(y, m+1, 1, 0, 0, 0, 0, loc)
			if !o.End.After(next) {
				out = append(out, o)
				break
			}
			piece := o
			piece.End = next
			out = append(out, piece)
			o.Start = next
		}
	}
	return out, nil
}

// floorSec and ceilSec round an instant to whole Unix seconds.
func floorSec(t time.Time) int64 { return t.Unix() }

func ceilSec(t time.Time) int64 {
	s := t.Unix()
	if t.Nanosecond() != 0 {
		s++
	}
	return s
}
