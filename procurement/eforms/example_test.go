package eforms_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/procurement"
	"github.com/openmarches/marches/procurement/eforms"
	"github.com/shopspring/decimal"
)

// exampleNotice is an open procedure of a commune, without lots.
func exampleNotice() eforms.Notice {
	paris := time.FixedZone("", 2*3600) // CEST
	return eforms.Notice{
		Metadata: eforms.Metadata{
			Subtype:  eforms.ContractNotice,
			Dispatch: time.Date(2026, time.June, 1, 9, 30, 0, 0, paris),
		},
		Consultation: procurement.Consultation{
			Reference: "2026-VOIRIE-02",
			Title:     "Réfection de la voirie du centre-bourg",
			Buyer: procurement.Buyer{
				Name: "Commune de Montreuil", SIRET: "21930048500018", Kind: procurement.BuyerLocalAuthority,
				Address:   procurement.Address{Street: "Place Jean-Jaurès", PostalCode: "93100", City: "Montreuil", NUTS: "FR106"},
				Territory: "93",
			},
			Nature:         procurement.Works,
			Procedure:      procurement.ProcedureOpen,
			CPV:            "45233140-2",
			EstimatedValue: decimal.RequireFromString("5600000.00"),
			DurationMonths: 10,
			AwardCriteria: []procurement.AwardCriterion{
				{Name: "Prix", Kind: procurement.CriterionPrice, Weight: 40},
				{Name: "Valeur technique", Kind: procurement.CriterionQuality, Weight: 60},
			},
			NoticeDispatch:     calendar.MustDate(2026, time.June, 1),
			TendersDeadline:    time.Date(2026, time.July, 10, 12, 0, 0, 0, paris),
			TenderValidityDays: 120,
		},
		Buyer: eforms.BuyerDetails{Telephone: "+33 1 48 70 60 00", Email: "marches@montreuil.example"},
		ReviewBody: eforms.Organization{
			Name: "Tribunal administratif de Montreuil", CompanyID: "17930001700014",
			Address: eforms.Address{PostalCode: "93100", City: "Montreuil", NUTS: "FR106"},
		},
		Terms: eforms.Terms{
			DocumentsURL:  "https://marches.montreuil.example/2026-VOIRIE-02",
			SubmissionURL: "https://marches.montreuil.example/depot/2026-VOIRIE-02",
		},
	}
}

// printLines prints the lines of xml that contain one of the markers,
// trimmed.
func printLines(xml []byte, markers ...string) {
	sc := bufio.NewScanner(bytes.NewReader(xml))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		for _, m := range markers {
			if strings.Contains(line, m) {
				fmt.Println(line)
				break
			}
		}
	}
}

// A contract notice (subtype 16) from the model: the identifiers are
// derived from the buyer's SIRET and the reference, the single lot is
// LOT-0000, dates carry their offset.
func ExampleGenerate() {
	xml, err := eforms.Generate(exampleNotice())
	if err != nil {
		fmt.Println(err)
		return
	}
	printLines(xml, "notice-subtype", `"notice-id"`, "ContractFolderID", "IssueDate", "NoticeTypeCode",
		`schemeName="Lot"`, "EstimatedOverall", "EndDate", "EndTime")
	// Output:
	// <cbc:SubTypeCode listName="notice-subtype">16</cbc:SubTypeCode>
	// <cbc:ID schemeName="notice-id">aa68a3e8-b929-4280-bc50-733b53f73ed7</cbc:ID>
	// <cbc:ContractFolderID>4f0f871b-fa60-46c8-b085-e25bcb302cdc</cbc:ContractFolderID>
	// <cbc:IssueDate>2026-06-01+02:00</cbc:IssueDate>
	// <cbc:NoticeTypeCode listName="competition">cn-standard</cbc:NoticeTypeCode>
	// <cbc:EstimatedOverallContractAmount currencyID="EUR">5600000.00</cbc:EstimatedOverallContractAmount>
	// <cbc:ID schemeName="Lot">LOT-0000</cbc:ID>
	// <cbc:EndDate>2026-07-10+02:00</cbc:EndDate>
	// <cbc:EndTime>12:00:00+02:00</cbc:EndTime>
	// <cbc:EstimatedOverallContractAmount currencyID="EUR">5600000.00</cbc:EstimatedOverallContractAmount>
}

// Every problem is reported at once, on the input field, with a rule for
// errors.Is.
func ExampleGenerate_errors() {
	n := exampleNotice()
	n.Buyer.Email = ""
	n.Consultation.Title = "Voirie\x00"
	_, err := eforms.Generate(n)
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var fe *eforms.FieldError
		if errors.As(e, &fe) {
			fmt.Printf("%s %q: %v\n", fe.Field, fe.Value, fe.Err)
		}
	}
	fmt.Println(errors.Is(err, eforms.ErrXMLChar))
	// Output:
	// buyer.email "": eforms: value is required
	// consultation.title "Voirie\x00": eforms: text contains a character not allowed in XML 1.0
	// true
}

// Reading a notice back: Generate(Parse(x)) is x.
func ExampleParse() {
	xml, err := eforms.Generate(exampleNotice())
	if err != nil {
		fmt.Println(err)
		return
	}
	n, err := eforms.Parse(xml)
	if err != nil {
		fmt.Println(err)
		return
	}
	c := n.Consultation
	fmt.Println(n.Metadata.Subtype, c.Reference, c.Buyer.Name, c.Buyer.Territory)
	fmt.Println(c.CPV, c.EstimatedValue.StringFixed(2), c.TendersDeadline.Format(time.RFC3339))
	again, _ := eforms.Generate(n)
	fmt.Println("identical:", bytes.Equal(xml, again))
	// Output:
	// 16 2026-VOIRIE-02 Commune de Montreuil 93
	// 45233140-2 5600000.00 2026-07-10T12:00:00+02:00
	// identical: true
}

// The JSON input of "marches eforms generate": a small document, the
// defaults fill the rest.
func ExampleDecodeNotice() {
	data, err := os.ReadFile("testdata/scenarios/cn16_restricted_dps.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	n, err := eforms.DecodeNotice(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	xml, err := eforms.Generate(n)
	if err != nil {
		fmt.Println(err)
		return
	}
	printLines(xml, "procurement-procedure-type", "dps-usage", "MinimumQuantity", "<cac:ParticipationRequestReceptionPeriod>")
	// Output:
	// <cbc:ProcedureCode listName="procurement-procedure-type">restricted</cbc:ProcedureCode>
	// <cac:ParticipationRequestReceptionPeriod>
	// <cbc:MinimumQuantity>5</cbc:MinimumQuantity>
	// <cbc:ContractingSystemTypeCode listName="dps-usage">dps-nlist</cbc:ContractingSystemTypeCode>
}

// Identifiers are derived from names, never drawn at random.
func ExampleDeriveUUID() {
	fmt.Println(eforms.DeriveUUID("procedure|24750052300011|2026-SIPAN-AOO-003"))
	// Output:
	// d29fd428-b3b2-4046-b025-6a3a51619c05
}
