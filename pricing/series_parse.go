package pricing

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// ParseSeriesCSV reads index values from CSV text for the series cfg
// describes. Lines starting with '#' are comments (the shipped file names
// its sources there). The first other line is a header naming the
// columns, in any order:
//
//	month      YYYY-MM (required)
//	value      the index value, a plain decimal with a point (required)
//	base       the series segment, one of cfg.Bases ("" for a single base)
//	status     definitive (default when empty) or provisional
//	published  YYYY-MM-DD publication date, empty when unknown
//	source     where the value was read
//
// Every violation is reported at once, with the line number in Detail
// (fields "values[i].month" ...): ErrInvalidSeries for the CSV shape, and
// the errors of NewSeries. data is not retained.
func ParseSeriesCSV(cfg SeriesConfig, data []byte) (*Series, error) {
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:invalidUTF8At(string(data))], []byte("\n"))
		return nil, &FieldError{Field: "csv", Err: ErrInvalidSeries, Detail: "line " + itoa(line) + ": invalid UTF-8"}
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comment = '#'
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	header, err := r.Read()
	if err != nil {
		return nil, &FieldError{Field: "csv", Err: ErrInvalidSeries, Detail: csvDetail(err, "missing header line")}
	}
	col := map[string]int{}
	var errs []*FieldError
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		switch h {
		case "month", "value", "base", "status", "published", "source":
			if _, dup := col[h]; dup {
				errs = append(errs, &FieldError{Field: "csv.header", Value: h, Err: ErrInvalidSeries, Detail: "duplicate column"})
			}
			col[h] = i
		default:
			errs = append(errs, &FieldError{Field: "csv.header", Value: h, Err: ErrInvalidSeries, Detail: "unknown column (want month, value, base, status, published, source)"})
		}
	}
	for _, need := range []string{"month", "value"} {
		if _, ok := col[need]; !ok {
			errs = append(errs, &FieldError{Field: "csv.header", Value: strings.Join(header, ","), Err: ErrInvalidSeries, Detail: "missing column " + need})
		}
	}
	if len(errs) > 0 {
		return nil, joinErrors(errs)
	}
	var points []Point
	for i := 0; ; i++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, &FieldError{Field: "csv", Err: ErrInvalidSeries, Detail: csvDetail(err, "")})
			break
		}
		line, _ := r.FieldPos(0)
		if len(points) >= 100000 {
			errs = append(errs, &FieldError{Field: "csv", Err: ErrInvalidSeries, Detail: "more than 100000 values"})
			break
		}
		get := func(name string) string {
			if c, ok := col[name]; ok && c < len(rec) {
				return strings.TrimSpace(rec[c])
			}
			return ""
		}
		if len(rec) != len(header) {
			errs = append(errs, &FieldError{Field: "values[" + itoa(i) + "]", Err: ErrInvalidSeries,
				Detail: "line " + itoa(line) + ": " + itoa(len(rec)) + " fields, header has " + itoa(len(header))})
			continue
		}
		p, perr := pointFrom(i, line, get("month"), get("value"), get("base"), get("status"), get("published"), get("source"))
		errs = append(errs, perr...)
		points = append(points, p)
	}
	if len(errs) > 0 {
		return nil, joinErrors(errs)
	}
	return NewSeries(cfg, points)
}

func csvDetail(err error, fallback string) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return "line " + itoa(pe.Line) + ", column " + itoa(pe.Column) + ": " + pe.Err.Error()
	}
	if err == io.EOF && fallback != "" {
		return fallback
	}
	return err.Error()
}

func pointFrom(i, line int, month, value, base, status, published, source string) (Point, []*FieldError) {
	f := "values[" + itoa(i) + "]"
	where := ""
	if line > 0 {
		where = "line " + itoa(line)
	}
	var errs []*FieldError
	p := Point{Base: base, Source: source}
	var err error
	if p.Month, err = ParseMonth(month); err != nil {
		errs = append(errs, &FieldError{Field: f + ".month", Value: month, Err: ErrInvalidMonth, Detail: where})
	}
	if p.Value, err = parsePlainDecimal(value); err != nil {
		errs = append(errs, &FieldError{Field: f + ".value", Value: value, Err: ErrInvalidAmount, Detail: where})
	} else if p.Value.Sign() <= 0 {
		errs = append(errs, &FieldError{Field: f + ".value", Value: value, Err: ErrIndexNotPositive, Detail: where})
	}
	if p.Status, err = ParseStatus(status); err != nil {
		errs = append(errs, &FieldError{Field: f + ".status", Value: status, Err: ErrInvalidStatus, Detail: where})
	}
	if published != "" {
		if p.Published, err = ParseDate(published); err != nil {
			errs = append(errs, &FieldError{Field: f + ".published", Value: published, Err: ErrInvalidDate, Detail: where})
		}
	}
	return p, errs
}

type seriesJSON struct {
	Name      string      `json:"name"`
	Source    string      `json:"source,omitempty"`
	Retrieved string      `json:"retrieved,omitempty"`
	Version   string      `json:"version,omitempty"`
	Bases     []string    `json:"bases,omitempty"`
	Links     []linkJSON  `json:"links,omitempty"`
	Lag       *lagJSON    `json:"lag,omitempty"`
	Values    []valueJSON `json:"values"`
}

type linkJSON struct {
	From        string      `json:"from"`
	To          string      `json:"to"`
	Month       string      `json:"month"`
	Coefficient jsonDecimal `json:"coefficient"`
	Source      string      `json:"source,omitempty"`
}

type lagJSON struct {
	Months int `json:"months"`
	Day    int `json:"day"`
}

type valueJSON struct {
	Month     string      `json:"month"`
	Value     jsonDecimal `json:"value"`
	Base      string      `json:"base,omitempty"`
	Status    string      `json:"status,omitempty"`
	Published string      `json:"published,omitempty"`
	Source    string      `json:"source,omitempty"`
}

// jsonDecimal holds the text of a decimal given as a JSON string or
// number; it is written back as a string.
type jsonDecimal string

// UnmarshalJSON keeps the text of a JSON string or number.
func (d *jsonDecimal) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*d = jsonDecimal(s)
		return nil
	}
	*d = jsonDecimal(b)
	return nil
}

// ParseSeriesJSON reads a series in the JSON form of
// schema/series.schema.json (name, source, retrieved, version, bases,
// links, lag, values). The document is validated against the schema
// first (ErrInvalidSeries with the schema message), then as NewSeries
// does; every violation is reported at once.
func ParseSeriesJSON(data []byte) (*Series, error) {
	if errs := validateSchema(seriesSchema, data, ErrInvalidSeries); len(errs) > 0 {
		return nil, joinErrors(errs)
	}
	var j seriesJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return nil, &FieldError{Field: "series", Err: ErrInvalidSeries, Detail: err.Error()}
	}
	cfg := SeriesConfig{Name: j.Name, Source: j.Source, Version: j.Version, Bases: j.Bases}
	var errs []*FieldError
	if j.Retrieved != "" {
		d, err := ParseDate(j.Retrieved)
		if err != nil {
			errs = append(errs, &FieldError{Field: "retrieved", Value: j.Retrieved, Err: ErrInvalidDate})
		}
		cfg.Retrieved = d
	}
	if j.Lag != nil {
		cfg.Lag = PublicationLag{Months: j.Lag.Months, Day: j.Lag.Day}
	}
	for i, l := range j.Links {
		f := "links[" + itoa(i) + "]"
		m, err := ParseMonth(l.Month)
		if err != nil {
			errs = append(errs, &FieldError{Field: f + ".month", Value: l.Month, Err: ErrInvalidMonth})
		}
		k, err := parsePlainDecimal(string(l.Coefficient))
		if err != nil {
			errs = append(errs, &FieldError{Field: f + ".coefficient", Value: string(l.Coefficient), Err: ErrInvalidLink})
		}
		cfg.Links = append(cfg.Links, Link{From: l.From, To: l.To, Month: m, Coefficient: k, Source: l.Source})
	}
	points := make([]Point, 0, len(j.Values))
	for i, v := range j.Values {
		p, perr := pointFrom(i, 0, v.Month, string(v.Value), v.Base, v.Status, v.Published, v.Source)
		errs = append(errs, perr...)
		points = append(points, p)
	}
	if len(errs) > 0 {
		return nil, joinErrors(errs)
	}
	return NewSeries(cfg, points)
}

// MarshalJSON writes the series in the form ParseSeriesJSON reads, values
// sorted by month, base and publication date, decimals as strings.
func (s *Series) MarshalJSON() ([]byte, error) {
	j := seriesJSON{Name: s.cfg.Name, Source: s.cfg.Source, Retrieved: s.cfg.Retrieved.String(), Version: s.cfg.Version,
		Bases: slices.Clone(s.cfg.Bases), Values: make([]valueJSON, 0, len(s.points))}
	if s.cfg.Lag != (PublicationLag{}) {
		j.Lag = &lagJSON{Months: s.cfg.Lag.Months, Day: s.cfg.Lag.Day}
	}
	for _, l := range s.cfg.Links {
		j.Links = append(j.Links, linkJSON{From: l.From, To: l.To, Month: l.Month.String(), Coefficient: jsonDecimal(decText(l.Coefficient, 0)), Source: l.Source})
	}
	for _, p := range s.points {
		j.Values = append(j.Values, valueJSON{Month: p.Month.String(), Value: jsonDecimal(decText(p.Value, 0)), Base: p.Base,
			Status: p.Status.String(), Published: p.Published.String(), Source: p.Source})
	}
	return json.Marshal(j)
}
