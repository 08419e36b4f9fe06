package support

import (
	"encoding/json"
	"strconv"
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

type objectiveResultJSON struct {
	Kind         Kind    `json:"kind"`
	UnderSeconds *int64  `json:"under_seconds,omitempty"`
	Objective    string  `json:"objective_percent"`
	Strict       bool    `json:"strict"`
	Count        int     `json:"count"`
	Offered      int     `json:"offered"`
	Measured     *string `json:"measured_percent"`
	Status       Status  `json:"status"`
}

type statsJSON struct {
	Period      availability.Period   `json:"period"`
	Offered     int                   `json:"offered"`
	Answered    int                   `json:"answered"`
	Abandoned   int                   `json:"abandoned"`
	AverageWait string                `json:"average_wait_seconds"`
	MaxWait     string                `json:"max_wait_seconds"`
	Objectives  []objectiveResultJSON `json:"objectives"`
	Status      Status                `json:"status"`
}

// MarshalJSON encodes the stats as
//
//	{"period":{"start","end"},"offered":7,"answered":6,"abandoned":1,
//	 "average_wait_seconds":"9.833","max_wait_seconds":"31",
//	 "objectives":[{"kind":"wait_under","under_seconds":15,"objective_percent":"80","strict":false,
//	                "count":5,"offered":7,"measured_percent":"71.43","status":"KO"},
//	               {"kind":"answer_rate","objective_percent":"90","strict":true,...}],
//	 "status":"KO"}
//
// Waits are decimal seconds (milliseconds at most, no trailing zeros);
// measured_percent has PercentPlaces decimals, null with status "N/A".
func (s Stats) MarshalJSON() ([]byte, error) {
	j := statsJSON{Period: s.Period, Offered: s.Offered, Answered: s.Answered, Abandoned: s.Abandoned,
		AverageWait: plain(decimal.New(s.AverageWait.Milliseconds(), -3)), MaxWait: plain(decimal.New(s.MaxWait.Milliseconds(), -3)),
		Objectives: make([]objectiveResultJSON, 0, len(s.Objectives)), Status: s.Status}
	for _, o := range s.Objectives {
		oj := objectiveResultJSON{Kind: o.Objective.Kind, Objective: plain(o.Objective.Percent), Strict: o.Objective.Strict,
			Count: o.Count, Offered: o.Offered, Status: o.Status}
		if o.Objective.Kind == WaitUnder {
			u := int64(o.Objective.Under.Seconds())
			oj.UnderSeconds = &u
		}
		if o.Status != NoData {
			m := o.Measured.StringFixed(PercentPlaces)
			oj.Measured = &m
		}
		j.Objectives = append(j.Objectives, oj)
	}
	return json.Marshal(j)
}

type reportJSON struct {
	Period availability.Period `json:"period"`
	Total  Stats               `json:"month"`
	Days   []Stats             `json:"days"`
}

// MarshalJSON encodes the report as {"period":{...},"month":{...Stats...},
// "days":[{...Stats...}]}, "month" holding the whole period.
func (r Report) MarshalJSON() ([]byte, error) {
	return json.Marshal(reportJSON{Period: r.Period, Total: r.Total, Days: r.Days})
}

type staffingOutJSON struct {
	Agents       int    `json:"agents"`
	Traffic      string `json:"traffic_erlangs"`
	ProbWait     string `json:"probability_wait"`
	ServiceLevel string `json:"service_level_percent"`
	AverageWait  string `json:"average_wait_seconds"`
	Occupancy    string `json:"occupancy_percent"`
}

// MarshalJSON encodes the staffing as
//
//	{"agents":14,"traffic_erlangs":"10.0000","probability_wait":"0.1741",
//	 "service_level_percent":"88.84","average_wait_seconds":"7.836","occupancy_percent":"71.43"}
//
// Model outputs are floats printed with a fixed number of decimals
// (strconv, deterministic): 4 for erlangs and probabilities, 2 for
// percentages, 3 for seconds.
func (s Staffing) MarshalJSON() ([]byte, error) {
	f := func(x float64, places int) string { return strconv.FormatFloat(x, 'f', places, 64) }
	return json.Marshal(staffingOutJSON{
		Agents: s.Agents, Traffic: f(s.Traffic, 4), ProbWait: f(s.ProbWait, 4), ServiceLevel: f(s.ServiceLevel, 2),
		AverageWait: f(s.AverageWait.Seconds(), 3), Occupancy: f(s.Occupancy, 2),
	})
}
