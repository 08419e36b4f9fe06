package qos

import (
	"encoding/json"
	"time"

	"github.com/openmarches/marches/sla/availability"
	"github.com/shopspring/decimal"
)

// AvailabilityLine is one availability line of the "Disponibilité et QoS"
// table: its caption ("Disponibilité de la plateforme") and the month's
// measure.
type AvailabilityLine struct {
	Label  string
	Result availability.Result
}

// RowKind tells availability rows from response-time rows. The zero
// RowKind is unset.
type RowKind int

const (
	// AvailabilityRow: a service's monthly availability.
	AvailabilityRow RowKind = iota + 1
	// ResponseTimeRow: one threshold of a QoS objective.
	ResponseTimeRow
)

// String returns "availability" or "response_time" ("" when unset).
func (k RowKind) String() string {
	switch k {
	case AvailabilityRow:
		return "availability"
	case ResponseTimeRow:
		return "response_time"
	}
	return ""
}

// MarshalText encodes the kind's code.
func (k RowKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Row is one line of the table: objective %, measured %, status.
type Row struct {
	Kind RowKind
	// Key is the service (availability) or the check (response time).
	Key string
	// Label is the line's caption.
	Label string
	// Under is the response-time limit (ResponseTimeRow only).
	Under time.Duration
	// Objective is the committed percentage.
	Objective decimal.Decimal
	// Measured is the measured percentage with Places decimals (4 for
	// availability, PercentPlaces for response times), meaningless when
	// Status is NoData.
	Measured decimal.Decimal
	Places   int32
	// Status is OK or KO (decided on exact values), NoData for a
	// response-time line without probes.
	Status Status
}

// Table is the contract's "Disponibilité et QoS" table of a period:
// availability lines first, in the given order, then one line per
// threshold of each objective, in objective order.
type Table struct {
	Period availability.Period
	Rows   []Row
}

// NewTable builds the table of q's period from the availability lines
// (measured over the same period by the caller) and the QoS report. The
// arguments are not modified.
func NewTable(lines []AvailabilityLine, q Report) Table {
	t := Table{Period: q.Period, Rows: make([]Row, 0, len(lines)+2*len(q.Objectives))}
	for _, l := range lines {
		st := KO
		if l.Result.Met {
			st = OK
		}
		t.Rows = append(t.Rows, Row{Kind: AvailabilityRow, Key: l.Result.Service, Label: l.Label,
			Objective: l.Result.Target, Measured: l.Result.Availability, Places: availability.PercentPlaces, Status: st})
	}
	for _, o := range q.Objectives {
		for _, tr := range o.Period.Thresholds {
			t.Rows = append(t.Rows, Row{Kind: ResponseTimeRow, Key: o.Objective.Check, Label: o.Objective.Label, Under: tr.Under,
				Objective: tr.Objective, Measured: tr.Measured, Places: PercentPlaces, Status: tr.Status})
		}
	}
	return t
}

type rowJSON struct {
	Kind      RowKind `json:"kind"`
	Key       string  `json:"key"`
	Label     string  `json:"label"`
	UnderMS   *int64  `json:"under_ms,omitempty"`
	Objective string  `json:"objective_percent"`
	Measured  *string `json:"measured_percent"`
	Status    Status  `json:"status"`
}

type tableJSON struct {
	Period availability.Period `json:"period"`
	Rows   []rowJSON           `json:"rows"`
}

// MarshalJSON encodes the table as
//
//	{"period":{"start","end"},"rows":[
//	  {"kind":"availability","key":"platform","label":"Disponibilité de la plateforme",
//	   "objective_percent":"99.9","measured_percent":"99.9551","status":"OK"},
//	  {"kind":"response_time","key":"home","label":"Page d'accueil","under_ms":2000,
//	   "objective_percent":"80","measured_percent":"91.67","status":"OK"}]}
//
// measured_percent is null when status is "N/A".
func (t Table) MarshalJSON() ([]byte, error) {
	j := tableJSON{Period: t.Period, Rows: make([]rowJSON, 0, len(t.Rows))}
	for _, r := range t.Rows {
		rj := rowJSON{Kind: r.Kind, Key: r.Key, Label: r.Label, Objective: plain(r.Objective), Status: r.Status}
		if r.Kind == ResponseTimeRow {
			ms := r.Under.Milliseconds()
			rj.UnderMS = &ms
		}
		if r.Status != NoData {
			m := r.Measured.StringFixed(r.Places)
			rj.Measured = &m
		}
		j.Rows = append(j.Rows, rj)
	}
	return json.Marshal(j)
}
