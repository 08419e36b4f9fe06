package availability

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// plain formats d with no exponent and no trailing zeros after the point
// ("99.9", "100", "0.05"), whatever shopspring's package settings.
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

// periodJSON is the JSON shape of a Period: RFC 3339 instants in the
// period's own location.
type periodJSON struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

// MarshalJSON encodes the period as {"start","end"} (RFC 3339).
func (p Period) MarshalJSON() ([]byte, error) {
	return json.Marshal(periodJSON{Start: p.Start.Format(time.RFC3339Nano), End: p.End.Format(time.RFC3339Nano)})
}

// resultJSON is the JSON shape of a Result.
type resultJSON struct {
	Service                string           `json:"service"`
	Period                 Period           `json:"period"`
	BusinessHours          bool             `json:"business_hours"`
	TotalSeconds           int64            `json:"total_seconds"`
	ExcludedSeconds        int64            `json:"excluded_seconds"`
	ExcludedByCause        map[string]int64 `json:"excluded_by_cause"`
	UnavailableSeconds     int64            `json:"unavailable_seconds"`
	DowntimeSeconds        int64            `json:"downtime_seconds"`
	BaseSeconds            int64            `json:"base_seconds"`
	Availability           string           `json:"availability_percent"`
	RawAvailability        string           `json:"raw_availability_percent"`
	Target                 string           `json:"target_percent"`
	Met                    bool             `json:"met"`
	BudgetSeconds          int64            `json:"budget_seconds"`
	BudgetRemainingSeconds int64            `json:"budget_remaining_seconds"`
	BurnRate               *string          `json:"burn_rate"`
}

// MarshalJSON encodes the result as
//
//	{"service":"platform","period":{"start":"2026-03-01T00:00:00+01:00","end":"2026-04-01T00:00:00+02:00"},
//	 "business_hours":false,"total_seconds":2674800,"excluded_seconds":3600,
//	 "excluded_by_cause":{"client":0,"force_majeure":0,"maintenance":3600,"third_party":0},
//	 "unavailable_seconds":1200,"downtime_seconds":4800,"base_seconds":2671200,
//	 "availability_percent":"99.9551","raw_availability_percent":"99.8205",
//	 "target_percent":"99.9","met":true,"budget_seconds":2671,
//	 "budget_remaining_seconds":1471,"burn_rate":"0.4493"}
//
// Percentages are decimal strings with 4 decimals (half-up), the target as
// given without trailing zeros, burn_rate a string with 4 decimals or null
// when undefined.
func (r Result) MarshalJSON() ([]byte, error) {
	j := resultJSON{
		Service: r.Service, Period: r.Period, BusinessHours: r.BusinessHours,
		TotalSeconds: r.TotalSeconds, ExcludedSeconds: r.ExcludedSeconds, ExcludedByCause: map[string]int64{},
		UnavailableSeconds: r.UnavailableSeconds, DowntimeSeconds: r.DowntimeSeconds, BaseSeconds: r.BaseSeconds,
		Availability: r.Availability.StringFixed(PercentPlaces), RawAvailability: r.RawAvailability.StringFixed(PercentPlaces),
		Target: plain(r.Target), Met: r.Met, BudgetSeconds: r.BudgetSeconds, BudgetRemainingSeconds: r.BudgetRemainingSeconds,
	}
	for _, c := range r.ExcludedByCause {
		j.ExcludedByCause[c.Cause.String()] = c.Seconds
	}
	if r.BurnRateDefined {
		s := r.BurnRate.StringFixed(4)
		j.BurnRate = &s
	}
	return json.Marshal(j)
}
