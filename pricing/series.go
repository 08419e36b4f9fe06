package pricing

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"
)

// Status tells whether a published index value may still change. The zero
// value is StatusDefinitive.
type Status int

const (
	// StatusDefinitive: the publisher does not intend to change the value.
	StatusDefinitive Status = iota
	// StatusProvisional: the value is provisional (INSEE publishes many
	// indices provisional first); revisions computed with it are to be
	// regularised when the definitive value is out.
	StatusProvisional
)

// String returns "definitive" or "provisional".
func (s Status) String() string {
	if s == StatusProvisional {
		return "provisional"
	}
	return "definitive"
}

// ParseStatus reads "definitive" (or "") and "provisional".
func ParseStatus(s string) (Status, error) {
	switch s {
	case "", "definitive":
		return StatusDefinitive, nil
	case "provisional":
		return StatusProvisional, nil
	}
	return 0, &FieldError{Field: "status", Value: s, Err: ErrInvalidStatus}
}

// Point is one published value of a monthly index.
type Point struct {
	// Month is the month the value measures.
	Month Month
	// Value is the index value as published (> 0).
	Value decimal.Decimal
	// Base names the segment of the series the value belongs to ("old" or
	// "revised" for Syntec); "" when the series has a single base.
	Base string
	// Status is definitive or provisional.
	Status Status
	// Published is the publication date when the source gives it; zero
	// when unknown, in which case the series' PublicationLag gives the date
	// the value is deemed published.
	Published Date
	// Source names where the value was read (publisher page, URL).
	Source string
}

// Link is a series break: base To replaced base From, and Coefficient is
// the coefficient de raccord, To = From × Coefficient, measured at Month
// (the first month published in To). For Syntec: From "old", To "revised",
// Month 2022-08, Coefficient 0.97975 = 280.6 / 286.4. An old-series value
// is expressed in the revised series by multiplying it by the
// coefficient; a revised value is expressed in the old series by dividing
// by it.
type Link struct {
	From, To    string
	Month       Month
	Coefficient decimal.Decimal
	Source      string
}

// PublicationLag says when the value of month M is deemed published when
// its source gives no date: on day Day (0 = last day) of month M + Months.
// The zero PublicationLag means {Months: 1, Day: 0}: the last day of the
// next month, the usual Syntec rhythm ("publié fin de mois M+1").
type PublicationLag struct {
	Months int
	Day    int
}

func (l PublicationLag) orDefault() PublicationLag {
	if l.Months == 0 && l.Day == 0 {
		return PublicationLag{Months: 1}
	}
	return l
}

// SeriesConfig describes a series: its name, its bases and links, its
// publication rhythm and where its values come from.
type SeriesConfig struct {
	// Name identifies the series ("syntec").
	Name string
	// Bases lists the segments of the series, oldest first; empty for a
	// series with a single unnamed base.
	Bases []string
	// Links joins each pair of consecutive Bases.
	Links []Link
	// Lag is the publication lag for values without a publication date.
	Lag PublicationLag
	// Source names the publisher and documents; Retrieved is when the
	// values were read; Version identifies the data set.
	Source    string
	Retrieved Date
	Version   string
}

// Series is a monthly index: values per month and base, possibly several
// vintages of one month (a provisional value, then the definitive one),
// each with its publication date. A Series is immutable and safe for
// concurrent use; build it with NewSeries, ParseSeriesCSV or
// ParseSeriesJSON.
type Series struct {
	cfg    SeriesConfig
	points []Point // sorted by month, base rank, effective publication date
	rank   map[string]int
}

// NewSeries validates cfg and points and returns the series. Every
// violation is reported at once (fields "name", "bases[i]", "links[i]",
// "lag", "values[i].month" ...): ErrIndexNotPositive, ErrUnknownBase,
// ErrInvalidLink, ErrDuplicateValue, ErrInvalidLag, ErrRequired. Neither
// argument is retained or modified.
func NewSeries(cfg SeriesConfig, points []Point) (*Series, error) {
	var errs []*FieldError
	if cfg.Name == "" {
		errs = append(errs, &FieldError{Field: "name", Err: ErrRequired})
	}
	cfg.Bases = slices.Clone(cfg.Bases)
	cfg.Links = slices.Clone(cfg.Links)
	rank := map[string]int{}
	if len(cfg.Bases) == 0 {
		rank[""] = 0
	}
	for i, b := range cfg.Bases {
		if _, dup := rank[b]; dup || b == "" {
			errs = append(errs, &FieldError{Field: "bases[" + itoa(i) + "]", Value: b, Err: ErrUnknownBase, Detail: "base names must be non-empty and distinct"})
		}
		rank[b] = i
	}
	if want := max(len(cfg.Bases)-1, 0); len(cfg.Links) != want {
		errs = append(errs, &FieldError{Field: "links", Value: itoa(len(cfg.Links)), Err: ErrInvalidLink,
			Detail: "want one link per pair of consecutive bases (" + itoa(want) + ")"})
	}
	for i, l := range cfg.Links {
		f := "links[" + itoa(i) + "]"
		if i+1 >= len(cfg.Bases) || l.From != cfg.Bases[i] || l.To != cfg.Bases[i+1] {
			errs = append(errs, &FieldError{Field: f, Value: l.From + ">" + l.To, Err: ErrInvalidLink, Detail: "must join bases[i] to bases[i+1]"})
		}
		if l.Coefficient.Sign() <= 0 {
			errs = append(errs, &FieldError{Field: f + ".coefficient", Value: decText(l.Coefficient, 0), Err: ErrInvalidLink})
		}
		if l.Month.IsZero() {
			errs = append(errs, &FieldError{Field: f + ".month", Err: ErrRequired})
		}
	}
	if cfg.Lag.Months < 0 || cfg.Lag.Months > 24 || cfg.Lag.Day < 0 || cfg.Lag.Day > 31 {
		errs = append(errs, &FieldError{Field: "lag", Value: itoa(cfg.Lag.Months) + "/" + itoa(cfg.Lag.Day), Err: ErrInvalidLag})
	}
	s := &Series{cfg: cfg, rank: rank, points: make([]Point, 0, len(points))}
	for i, p := range points {
		f := "values[" + itoa(i) + "]"
		ok := true
		if p.Month.IsZero() {
			errs = append(errs, &FieldError{Field: f + ".month", Err: ErrRequired})
			ok = false
		}
		if p.Value.Sign() <= 0 {
			errs = append(errs, &FieldError{Field: f + ".value", Value: decText(p.Value, 0), Err: ErrIndexNotPositive})
			ok = false
		}
		if _, known := rank[p.Base]; !known {
			errs = append(errs, &FieldError{Field: f + ".base", Value: p.Base, Err: ErrUnknownBase})
			ok = false
		}
		if p.Status != StatusDefinitive && p.Status != StatusProvisional {
			errs = append(errs, &FieldError{Field: f + ".status", Value: itoa(int(p.Status)), Err: ErrInvalidStatus})
			ok = false
		}
		if ok {
			s.points = append(s.points, p)
		}
	}
	if len(errs) == 0 {
		slices.SortStableFunc(s.points, func(a, b Point) int {
			return cmp.Or(a.Month.Compare(b.Month), cmp.Compare(rank[a.Base], rank[b.Base]),
				s.PublishedOn(a).Compare(s.PublishedOn(b)))
		})
		for i := 1; i < len(s.points); i++ {
			a, b := s.points[i-1], s.points[i]
			if a.Month == b.Month && a.Base == b.Base && s.PublishedOn(a) == s.PublishedOn(b) {
				errs = append(errs, &FieldError{Field: "values", Value: b.Month.String(), Err: ErrDuplicateValue,
					Detail: "base " + quoteBase(b.Base) + ", published " + s.PublishedOn(b).String()})
			}
		}
	}
	if len(errs) > 0 {
		return nil, joinErrors(errs)
	}
	return s, nil
}

func quoteBase(b string) string {
	if b == "" {
		return "(single)"
	}
	return b
}

// Extend returns a new series holding s's values and points: newer
// months, or new vintages of a month. A point identical to one of s (same
// month, base, publication date and value) is skipped; a point with the
// same month, base and publication date but another value is
// ErrDuplicateValue. version names the extended data set ("" keeps s's
// version). The points are validated as NewSeries does, their fields
// named values[i] in the points given. s is not modified.
func (s *Series) Extend(points []Point, version string) (*Series, error) {
	if _, err := NewSeries(SeriesConfig{Name: s.cfg.Name, Bases: s.cfg.Bases, Links: s.cfg.Links, Lag: s.cfg.Lag}, points); err != nil {
		return nil, err
	}
	all := slices.Clone(s.points)
	for _, p := range points {
		dup := false
		for _, q := range s.span(p.Month) {
			if q.Base == p.Base && s.PublishedOn(q) == s.PublishedOn(p) && q.Value.Equal(p.Value) {
				dup = true
				break
			}
		}
		if !dup {
			all = append(all, p)
		}
	}
	cfg := s.Config()
	if version != "" {
		cfg.Version = version
	}
	return NewSeries(cfg, all)
}

// Name returns the series name.
func (s *Series) Name() string { return s.cfg.Name }

// Config returns a copy of the series' configuration.
func (s *Series) Config() SeriesConfig {
	c := s.cfg
	c.Bases = slices.Clone(c.Bases)
	c.Links = slices.Clone(c.Links)
	return c
}

// Links returns a copy of the series' links (coefficients de raccord).
func (s *Series) Links() []Link { return slices.Clone(s.cfg.Links) }

// Points returns a copy of every value, sorted by month, base (oldest
// first) and publication date.
func (s *Series) Points() []Point { return slices.Clone(s.points) }

// Len returns the number of values (all vintages).
func (s *Series) Len() int { return len(s.points) }

// PublishedOn returns the date p is published: p.Published when known,
// else the date the series' PublicationLag gives for p.Month.
func (s *Series) PublishedOn(p Point) Date {
	if !p.Published.IsZero() {
		return p.Published
	}
	return s.deemedPublished(p.Month)
}

func (s *Series) deemedPublished(m Month) Date {
	l := s.cfg.Lag.orDefault()
	return m.AddMonths(l.Months).Day(l.Day)
}

// span returns the points of month m (all bases and vintages).
func (s *Series) span(m Month) []Point {
	lo, _ := slices.BinarySearchFunc(s.points, m, func(p Point, m Month) int { return p.Month.Compare(m) })
	hi := lo
	for hi < len(s.points) && s.points[hi].Month == m {
		hi++
	}
	return s.points[lo:hi]
}

// Value returns the value of month m: in the newest base that has the
// month, its latest vintage. Errors: ErrMissingMonth (Detail names the
// neighbouring months the series has) — never a neighbouring value.
func (s *Series) Value(m Month) (Point, error) {
	sp := s.span(m)
	if len(sp) == 0 {
		return Point{}, s.missing(m, "")
	}
	return sp[len(sp)-1], nil
}

// ValueAsOf returns the value of month m as known at date at: the newest
// base, latest vintage published on or before at. Errors: ErrMissingMonth
// when the series has no value for m, ErrNotYetPublished when every value
// of m was published after at.
func (s *Series) ValueAsOf(m Month, at Date) (Point, error) {
	sp := s.span(m)
	if len(sp) == 0 {
		return Point{}, s.missing(m, "")
	}
	best := -1
	for i, p := range sp {
		if !s.PublishedOn(p).After(at) && (best < 0 || s.rank[p.Base] >= s.rank[sp[best].Base]) {
			best = i
		}
	}
	if best < 0 {
		first := s.PublishedOn(sp[0])
		for _, p := range sp {
			if d := s.PublishedOn(p); d.Before(first) {
				first = d
			}
		}
		if due := s.deemedPublished(m); !due.After(at) {
			return Point{}, &FieldError{Field: "month", Value: m.String(), Err: ErrMissingMonth,
				Detail: s.cfg.Name + " " + m.String() + " was due by " + due.String() + " but the series only holds values published from " + first.String() + ": the value known at " + at.String() + " is missing"}
		}
		return Point{}, &FieldError{Field: "month", Value: m.String(), Err: ErrNotYetPublished,
			Detail: s.cfg.Name + " " + m.String() + " was published on " + first.String() + ", after " + at.String()}
	}
	return sp[best], nil
}

// LatestAsOf returns the last value published on or before at (the
// "dernier indice connu" or "dernier indice publié" of a clause): the
// latest month whose value is published by at, its latest vintage
// published by at.
//
// A month that the series lacks but that should be published by at
// according to the PublicationLag is an error (ErrMissingMonth naming
// it), never skipped for an older month: load newer values. The same
// holds for a month whose only vintages in the series were published after
// at although it was due: the value known on that day is missing.
func (s *Series) LatestAsOf(at Date) (Point, error) {
	for m, k := at.Period(), 0; k < 36; m, k = m.AddMonths(-1), k+1 {
		sp := s.span(m)
		due := !s.deemedPublished(m).After(at)
		if len(sp) == 0 {
			if due {
				return Point{}, s.missing(m, ", due by "+s.deemedPublished(m).String()+" as the last value published at "+at.String())
			}
			continue
		}
		p, err := s.ValueAsOf(m, at)
		if err == nil {
			return p, nil
		}
		if due {
			return Point{}, err
		}
	}
	return Point{}, s.missing(at.Period(), ", nothing published in the 36 months before "+at.String())
}

func (s *Series) missing(m Month, why string) error {
	detail := s.cfg.Name + " has no value for " + m.String() + why
	if len(s.points) > 0 {
		i, _ := slices.BinarySearchFunc(s.points, m, func(p Point, m Month) int { return p.Month.Compare(m) })
		var near []string
		if i > 0 {
			near = append(near, "previous "+s.points[i-1].Month.String())
		}
		if i < len(s.points) {
			near = append(near, "next "+s.points[i].Month.String())
		}
		detail += "; series covers " + s.points[0].Month.String() + ".." + s.points[len(s.points)-1].Month.String()
		for _, n := range near {
			detail += ", " + n
		}
	}
	return &FieldError{Field: "month", Value: m.String(), Err: ErrMissingMonth, Detail: detail}
}

// Observe returns the observation of month m for the formula index
// named index, as Value does.
func (s *Series) Observe(index string, m Month) (Observation, error) {
	p, err := s.Value(m)
	if err != nil {
		return Observation{}, err
	}
	return s.observation(index, p), nil
}

func (s *Series) observation(index string, p Point) Observation {
	return Observation{Index: index, Series: s.cfg.Name, Month: p.Month, Value: p.Value, Base: p.Base,
		Status: p.Status, Published: s.PublishedOn(p), PublishedKnown: !p.Published.IsZero()}
}

// linkFactor returns the product of the link coefficients from base
// `from` to the newer base `to` (1 when equal), or ok=false when a base is
// unknown or `to` is older than `from`.
func linkFactor(links []Link, from, to string) (decimal.Decimal, []Link, bool) {
	if from == to {
		return one, nil, true
	}
	f := one
	var used []Link
	cur := from
	for _, l := range links {
		if l.From == cur {
			f = f.Mul(l.Coefficient)
			used = append(used, l)
			cur = l.To
			if cur == to {
				return f, used, true
			}
		}
	}
	return decimal.Decimal{}, nil, false
}
