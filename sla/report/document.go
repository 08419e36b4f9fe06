package report

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/openmarches/marches/internal/jsonschema"
	"github.com/shopspring/decimal"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
	"github.com/openmarches/marches/sla/availability"
	"github.com/openmarches/marches/sla/backup"
	"github.com/openmarches/marches/sla/qos"
	"github.com/openmarches/marches/sla/support"
)

//go:embed schema/report.schema.json
var reportSchema []byte

// JSONSchema returns a copy of the JSON Schema (draft-07) of the report
// document read by ParseDocument, as shipped in schema/report.schema.json.
func JSONSchema() []byte { return bytes.Clone(reportSchema) }

var reportJSONSchema = jsonschema.New(reportSchema)

// Service is one availability line of a report document.
type Service struct {
	// Key is the service name the outages use ("platform").
	Key string
	// Label is the line's caption.
	Label string
	// Target is the committed availability in percent.
	Target decimal.Decimal
}

// DefaultServices returns the contract's two availability lines: the
// platform, 99.9 % 24/7, and the remote services, 99.8 % 24/7 (a fresh
// copy each call).
func DefaultServices() []Service {
	return []Service{
		{Key: "platform", Label: PlatformLabel, Target: availability.TargetPlatform},
		{Key: "remote", Label: RemoteLabel, Target: availability.TargetRemote},
	}
}

// Document is the raw data of a report, as ParseDocument reads it; Build
// computes the report's Input from it.
type Document struct {
	// Title and Subtitle are printed as given (see Input).
	Title, Subtitle string
	// Kind is Daily when the document names a day, else Monthly.
	Kind Kind
	// Period is the reported month, or the reported day (Daily).
	Period availability.Period
	// Trend is the span of the trend charts: the month, or the month up
	// to the end of the reported day.
	Trend availability.Period
	// GeneratedAt is the edition date, zero when not given.
	GeneratedAt time.Time
	// Services are the availability lines, DefaultServices() when the
	// document lists none.
	Services []Service
	// Outages is nil when the document has no "outages": no availability
	// section.
	Outages []availability.Outage
	// QoS is nil when the document has no "qos".
	QoS *qos.Document
	// Support is nil when the document has no "support".
	Support *support.Document
	// Backups is nil when the document has no "backups"; BackupsAt is the
	// instant of the backup verdicts (zero: the end of Period).
	Backups []backup.Backup
	// BackupsAt: see Backups.
	BackupsAt time.Time
}

type documentJSON struct {
	Month       string            `json:"month"`
	Day         string            `json:"day"`
	Title       string            `json:"title"`
	Subtitle    string            `json:"subtitle"`
	GeneratedAt string            `json:"generated_at"`
	Services    []serviceJSON     `json:"services"`
	Outages     json.RawMessage   `json:"outages"`
	QoS         map[string]rawMsg `json:"qos"`
	Support     map[string]rawMsg `json:"support"`
	Backups     json.RawMessage   `json:"backups"`
	BackupsAt   string            `json:"backups_at"`
}

type rawMsg = json.RawMessage

type serviceJSON struct {
	Service string      `json:"service"`
	Label   *string     `json:"label"`
	Target  json.Number `json:"target"`
}

// ParseDocument reads a report document (see JSONSchema) with its month,
// and day, in loc:
//
//	{"month": "2026-03", "title": "…", "generated_at": "2026-04-01T08:00:00+02:00",
//	 "services": [{"service": "platform", "target": "99.9"}, {"service": "remote", "target": 99.8}],
//	 "outages": [ …sla/availability outages… ],
//	 "qos": {"probes": [ … ]}, "support": {"calls": [ … ]},
//	 "backups": [ …sla/backup runs… ]}
//
// It checks JSON syntax (ErrInvalidJSON) and the schema (ErrSchema) first,
// then every part with the package that owns it, reporting all violations
// at once with fields named in this document ("qos.probes[3].at",
// "outages[2].end", "backups[0].status"): the month (ErrInvalidPeriod),
// the day (ErrInvalidDate, ErrDayOutsideMonth), the
// instants (ErrInvalidTime), the services (ErrInvalidTarget,
// ErrDuplicateService), and the parts' own rules.
func ParseDocument(data []byte, loc *time.Location) (Document, error) {
	if loc == nil {
		return Document{}, &FieldError{Field: "location", Err: ErrInvalidPeriod, Detail: "nil location"}
	}
	if err := validate(data); err != nil {
		return Document{}, err
	}
	var raw documentJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		return Document{}, &FieldError{Err: ErrInvalidJSON, Detail: err.Error()} // unreachable after the schema
	}
	var errs []*FieldError
	doc := Document{Title: raw.Title, Subtitle: raw.Subtitle, Kind: Monthly}
	month, err := availability.ParseMonth(raw.Month, loc)
	if err != nil {
		errs = append(errs, &FieldError{Field: "month", Value: raw.Month, Err: ErrInvalidPeriod, Detail: err.Error()})
	}
	doc.Period, doc.Trend = month, month
	if raw.Day != "" {
		doc.Kind = Daily
		d, err := calendar.ParseDate(raw.Day)
		switch {
		case err != nil:
			errs = append(errs, &FieldError{Field: "day", Value: raw.Day, Err: ErrInvalidDate})
		case month.Start.IsZero():
		case !month.Contains(d.In(loc)):
			errs = append(errs, &FieldError{Field: "day", Value: raw.Day, Err: ErrDayOutsideMonth, Detail: "month " + raw.Month})
		default:
			doc.Period = availability.Period{Start: d.In(loc), End: d.AddDays(1).In(loc)}
			doc.Trend = availability.Period{Start: month.Start, End: doc.Period.End}
		}
	}
	parseTime := func(field, s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			errs = append(errs, &FieldError{Field: field, Value: s, Err: ErrInvalidTime})
		}
		return t
	}
	doc.GeneratedAt = parseTime("generated_at", raw.GeneratedAt)
	doc.BackupsAt = parseTime("backups_at", raw.BackupsAt)
	if raw.Services == nil {
		doc.Services = DefaultServices()
	}
	seen := map[string]bool{}
	for i, s := range raw.Services {
		field := "services[" + strconv.Itoa(i) + "]"
		sv := Service{Key: s.Service, Label: s.Service, Target: availability.TargetPlatform}
		if s.Service == "remote" {
			sv.Target = availability.TargetRemote
		}
		if fr := frLabel(s.Service); fr != "" && (s.Service == "platform" || s.Service == "remote") {
			sv.Label = fr
		}
		if s.Label != nil {
			sv.Label = *s.Label
		}
		if s.Target != "" {
			t, err := decimal.NewFromString(s.Target.String())
			if err != nil || !t.IsPositive() || t.GreaterThan(hundred) {
				errs = append(errs, &FieldError{Field: field + ".target", Value: s.Target.String(), Err: ErrInvalidTarget})
			}
			sv.Target = t
		}
		if seen[s.Service] {
			errs = append(errs, &FieldError{Field: field + ".service", Value: s.Service, Err: ErrDuplicateService})
		}
		seen[s.Service] = true
		doc.Services = append(doc.Services, sv)
	}
	if raw.Outages != nil {
		o, err := availability.ParseOutages(raw.Outages)
		errs = appendPrefixed(errs, "", err)
		doc.Outages = o
		if doc.Outages == nil && err == nil {
			doc.Outages = []availability.Outage{}
		}
	}
	if raw.QoS != nil {
		b := withMonth(raw.QoS, raw.Month)
		q, err := qos.ParseDocument(b, loc)
		errs = appendPrefixed(errs, "qos", err)
		if err == nil {
			doc.QoS = &q
		}
	}
	if raw.Support != nil {
		b := withMonth(raw.Support, raw.Month)
		s, err := support.ParseDocument(b, loc)
		errs = appendPrefixed(errs, "support", err)
		if err == nil {
			doc.Support = &s
		}
	}
	if raw.Backups != nil {
		bs, err := backup.ParseBackups(raw.Backups)
		errs = appendPrefixed(errs, "", err)
		doc.Backups = bs
		if bs == nil && err == nil {
			doc.Backups = []backup.Backup{}
		}
	}
	if len(errs) > 0 {
		return Document{}, fielderr.Join(errs)
	}
	return doc, nil
}

// withMonth returns the JSON object obj with "month" set (the schema
// forbids it in the part; encoding/json sorts the keys).
func withMonth(obj map[string]rawMsg, month string) []byte {
	m := make(map[string]rawMsg, len(obj)+1)
	for k, v := range obj {
		m[k] = v
	}
	q, _ := json.Marshal(month)
	m["month"] = q
	b, _ := json.Marshal(m) // raw messages that were valid JSON
	return b
}

// appendPrefixed appends the violations of err with their fields prefixed
// by the part's name ("qos" + "probes[3].at").
func appendPrefixed(errs []*FieldError, prefix string, err error) []*FieldError {
	if err == nil {
		return errs
	}
	var leaves []error
	if m, ok := err.(interface{ Unwrap() []error }); ok {
		leaves = m.Unwrap()
	} else {
		leaves = []error{err}
	}
	for _, e := range leaves {
		var fe *FieldError
		if !errors.As(e, &fe) {
			errs = append(errs, &FieldError{Field: prefix, Err: e})
			continue
		}
		c := *fe
		switch {
		case prefix == "":
		case c.Field == "":
			c.Field = prefix
		default:
			c.Field = prefix + "." + c.Field
		}
		errs = append(errs, &c)
	}
	return errs
}

// Build computes the report's Input from a document: each service's
// availability over the period (availability.Measure) and per day over
// the trend (availability.MeasureDays); the QoS over the period and the
// trend (qos.Evaluate); the support line over the period
// (support.Evaluate); the backup section with the contract's policy in the
// period's location (NewBackupStatus). It fails with the errors of those
// functions.
func Build(doc Document) (Input, error) {
	in := Input{Title: doc.Title, Subtitle: doc.Subtitle, Kind: doc.Kind, Period: doc.Period, GeneratedAt: doc.GeneratedAt}
	loc := doc.Period.Start.Location()
	var errs []*FieldError
	if doc.Outages != nil {
		for i, s := range doc.Services {
			cfg := availability.Config{Service: s.Key, Target: s.Target}
			res, err := availability.Measure(doc.Outages, doc.Period, cfg)
			days, err2 := availability.MeasureDays(doc.Outages, doc.Trend, cfg)
			if err != nil || err2 != nil {
				// The outages were checked by ParseOutages: what is left
				// is the service's own target.
				errs = append(errs, &FieldError{Field: "services[" + strconv.Itoa(i) + "]", Value: s.Key, Err: ErrInvalidTarget, Detail: errors.Join(err, err2).Error()})
			}
			in.Availability = append(in.Availability, qos.AvailabilityLine{Label: s.Label, Result: res})
			in.AvailabilityDays = append(in.AvailabilityDays, days)
		}
	}
	if doc.QoS != nil {
		cfg := qos.Config{Location: loc, Objectives: doc.QoS.Objectives}
		q, err := qos.Evaluate(doc.QoS.Probes, doc.Period, cfg)
		errs = appendPrefixed(errs, "qos", err)
		in.QoS = &q
		if doc.Trend != doc.Period {
			t, err := qos.Evaluate(doc.QoS.Probes, doc.Trend, cfg)
			errs = appendPrefixed(errs, "qos", err)
			in.QoSTrend = &t
		}
	}
	if doc.Support != nil {
		s, err := support.Evaluate(doc.Support.Calls, doc.Period, support.Config{Location: loc, Objectives: doc.Support.Objectives})
		errs = appendPrefixed(errs, "support", err)
		in.Support = &s
	}
	if doc.Backups != nil {
		p, err := backup.New(backup.Config{Location: loc})
		if err == nil {
			var st BackupStatus
			st, err = NewBackupStatus(p, doc.Backups, doc.Period, doc.BackupsAt)
			in.Backups = &st
		}
		errs = appendPrefixed(errs, "", err)
	}
	if len(errs) > 0 {
		return Input{}, fielderr.Join(errs)
	}
	return in, nil
}

// validate checks JSON syntax, then the schema.
func validate(data []byte) error {
	return reportJSONSchema.ValidatePlain("", data, jsonschema.Rules{Schema: ErrSchema, JSON: ErrInvalidJSON})
}
