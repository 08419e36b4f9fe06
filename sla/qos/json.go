package qos

import (
	"encoding/json"
	"strings"

	"github.com/openmarches/marches/sla/availability"
	"github.com/shopspring/decimal"
)

// plain formats d with no exponent and no trailing zeros after the point
// ("80", "99.5"), whatever shopspring's package settings.
func plain(d decimal.Decimal) string {
	places := int32(0)
	if e := d.Exponent(); e < 0 {
		places = -e
	}
	s := d.StringFixed(places)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	return s
}

type percentileJSON struct {
	P      int    `json:"p"`
	MS     *int64 `json:"ms"`
	Failed bool   `json:"failed"`
}

type thresholdResultJSON struct {
	UnderMS   int64   `json:"under_ms"`
	Objective string  `json:"objective_percent"`
	Within    int     `json:"within"`
	Probes    int     `json:"probes"`
	Measured  *string `json:"measured_percent"`
	Status    Status  `json:"status"`
}

type statsJSON struct {
	Period      availability.Period   `json:"period"`
	Probes      int                   `json:"probes"`
	Failed      int                   `json:"failed"`
	Percentiles []percentileJSON      `json:"percentiles"`
	Thresholds  []thresholdResultJSON `json:"thresholds"`
	Status      Status                `json:"status"`
}

// MarshalJSON encodes the stats as
//
//	{"period":{"start","end"},"probes":120,"failed":1,
//	 "percentiles":[{"p":50,"ms":812,"failed":false},...,{"p":99,"ms":null,"failed":true}],
//	 "thresholds":[{"under_ms":2000,"objective_percent":"80","within":110,"probes":120,
//	                "measured_percent":"91.67","status":"OK"}],
//	 "status":"OK"}
//
// ms is an integer number of milliseconds (rounded down), null when the
// percentile falls on a failed probe; measured_percent has PercentPlaces
// decimals, null when there is no probe (status "N/A").
func (s Stats) MarshalJSON() ([]byte, error) {
	j := statsJSON{Period: s.Period, Probes: s.Probes, Failed: s.Failed, Status: s.Status,
		Percentiles: make([]percentileJSON, 0, len(s.Percentiles)), Thresholds: make([]thresholdResultJSON, 0, len(s.Thresholds))}
	for _, p := range s.Percentiles {
		pj := percentileJSON{P: p.P, Failed: p.Failed}
		if !p.Failed {
			ms := p.Duration.Milliseconds()
			pj.MS = &ms
		}
		j.Percentiles = append(j.Percentiles, pj)
	}
	for _, t := range s.Thresholds {
		tj := thresholdResultJSON{UnderMS: t.Under.Milliseconds(), Objective: plain(t.Objective), Within: t.Within, Probes: t.Probes, Status: t.Status}
		if t.Probes > 0 {
			m := t.Measured.StringFixed(PercentPlaces)
			tj.Measured = &m
		}
		j.Thresholds = append(j.Thresholds, tj)
	}
	return json.Marshal(j)
}

type objectiveResultJSON struct {
	Check  string  `json:"check"`
	Label  string  `json:"label"`
	Period Stats   `json:"month"`
	Days   []Stats `json:"days"`
}

type reportJSON struct {
	Period     availability.Period   `json:"period"`
	Objectives []objectiveResultJSON `json:"objectives"`
	Ignored    int                   `json:"ignored_probes"`
	Status     Status                `json:"status"`
}

// Status is KO when an objective is KO over the whole period, NoData when
// every objective lacks probes, else OK.
func (r Report) Status() Status {
	st := NoData
	for _, o := range r.Objectives {
		switch o.Period.Status {
		case KO:
			return KO
		case OK:
			st = OK
		}
	}
	return st
}

// MarshalJSON encodes the report as
//
//	{"period":{"start","end"},"status":"OK","ignored_probes":0,
//	 "objectives":[{"check":"home","label":"Page d'accueil","month":{...Stats...},"days":[{...Stats...}]}]}
//
// (see Stats.MarshalJSON); "month" holds the stats of the whole period.
func (r Report) MarshalJSON() ([]byte, error) {
	j := reportJSON{Period: r.Period, Ignored: r.Ignored, Status: r.Status(), Objectives: make([]objectiveResultJSON, 0, len(r.Objectives))}
	for _, o := range r.Objectives {
		j.Objectives = append(j.Objectives, objectiveResultJSON{Check: o.Objective.Check, Label: o.Objective.Label, Period: o.Period, Days: o.Days})
	}
	return json.Marshal(j)
}
