package procurement_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/procurement"
	"github.com/shopspring/decimal"
)

// A platform receives a consultation document and lists every problem at
// once, each with its JSON path and rule.
func ExampleParseConsultation() {
	doc := `{
	  "reference": "2026-DSI-014",
	  "title": "Maintenance du profil d'acheteur",
	  "buyer": {"name": "Commune d'Exemple", "siret": "24750052300012", "kind": "local_authority",
	            "address": {"postalCode": "75004", "city": "Paris", "nuts": "FR101"}, "territory": "75"},
	  "nature": "services",
	  "procedure": "adapte",
	  "cpv": "72000000-5",
	  "estimatedValue": "45000.00",
	  "durationMonths": 12,
	  "awardCriteria": [{"name": "Prix", "kind": "price", "weight": 40},
	                    {"name": "Valeur technique", "kind": "quality", "weight": 50}],
	  "colour": "red"
	}`
	_, err := procurement.ParseConsultation([]byte(doc))
	var list interface{ Unwrap() []error }
	if errors.As(err, &list) {
		for _, e := range list.Unwrap() {
			var fe *procurement.FieldError
			errors.As(e, &fe)
			fmt.Printf("%s: %v\n", fe.Field, fe.Err)
		}
	}
	// Output:
	// awardCriteria: procurement: award criteria weights must sum to 100
	// buyer.siret: procurement: SIRET fails the Luhn check
	// colour: procurement: document does not match the consultation JSON Schema
}

// Validate checks a consultation built in Go; errors.Is finds each rule in
// the list.
func ExampleConsultation_Validate() {
	c := loadSampleConsultation()
	c.Lots[1].EstimatedValue = decimal.RequireFromString("50000.00") // was 48000.00
	c.TendersDeadline = time.Date(2026, time.May, 11, 12, 0, 0, 0, time.FixedZone("", 2*3600))
	err := c.Validate()
	fmt.Println(errors.Is(err, procurement.ErrLotsValueMismatch))
	for _, line := range strings.Split(err.Error(), "; ") {
		fmt.Println(line)
	}
	// Output:
	// true
	// estimatedValue "138000.00": procurement: consultation value must equal the sum of its lots' values (the lots sum to 140000.00)
	// tendersDeadline "2026-05-11T12:00:00+02:00": procurement: deadline for tenders must fall after the notice dispatch date (notice sent 2026-05-11)
}

// TotalValue is the value compared with the thresholds: all lots, options
// and renewals (R2121-1).
func ExampleConsultation_TotalValue() {
	c := loadSampleConsultation()
	for _, l := range c.Lots {
		fmt.Printf("lot %d: %s + %s + %s = %s\n", l.Number, l.EstimatedValue.StringFixed(2),
			l.OptionsValue.StringFixed(2), l.RenewalsValue.StringFixed(2), l.TotalValue().StringFixed(2))
	}
	fmt.Println("total:", c.TotalValue().StringFixed(2), "€ HT over", c.TotalDurationMonths(), "months")
	// Output:
	// lot 1: 90000.00 + 20000.00 + 90000.00 = 200000.00
	// lot 2: 48000.00 + 0.00 + 48000.00 = 96000.00
	// total: 296000.00 € HT over 48 months
}

// Marshal writes the same bytes for the same consultation: fixed field
// order, amounts with 2 decimals, zero fields left out.
func ExampleMarshal() {
	c := procurement.Consultation{
		Reference:      "2026-DSI-014",
		Title:          "Hébergement",
		Nature:         procurement.Services,
		Procedure:      procurement.ProcedureAdapted,
		CPV:            "72415000-2",
		EstimatedValue: decimal.RequireFromString("45000.5"),
		DurationMonths: 12,
		NoticeDispatch: calendar.MustDate(2026, time.May, 11),
	}
	out, err := procurement.Marshal(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out))
	// Output:
	// {
	//   "reference": "2026-DSI-014",
	//   "title": "Hébergement",
	//   "buyer": {
	//     "address": {}
	//   },
	//   "nature": "services",
	//   "procedure": "adapte",
	//   "cpv": "72415000-2",
	//   "estimatedValue": "45000.50",
	//   "durationMonths": 12,
	//   "noticeDispatch": "2026-05-11"
	// }
}

// The JSON Schema ships with the package for platforms that check
// documents without Go.
func ExampleConsultationSchema() {
	s := string(procurement.ConsultationSchema())
	fmt.Println(strings.Contains(s, `"$schema": "http://json-schema.org/draft-07/schema#"`))
	// Output: true
}

// loadSampleConsultation loads the sample consultation of the package's tests.
func loadSampleConsultation() procurement.Consultation {
	data, err := os.ReadFile("testdata/sample_consultation.json")
	if err != nil {
		panic(err)
	}
	c, err := procurement.ParseConsultation(data)
	if err != nil {
		panic(err)
	}
	return c
}
