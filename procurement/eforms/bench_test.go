package eforms_test

import (
	"encoding/xml"
	"strconv"
	"testing"

	"github.com/openmarches/marches/procurement"
	"github.com/openmarches/marches/procurement/eforms"
	"github.com/shopspring/decimal"
)

// tenLots is the five-lot scenario grown to 10 lots (lots 6 to 10 repeat
// lots 1 to 5 with new numbers), the size of a large departmental
// consultation.
func tenLots(b testing.TB) eforms.Notice {
	n := loadScenario(b, "cn16_five_lots")
	c := &n.Consultation
	lots := append([]procurement.Lot(nil), c.Lots...)
	for _, l := range c.Lots {
		l.Number += 5
		l.Title += " (bis)"
		lots = append(lots, l)
	}
	c.Lots = lots
	total := decimal.Decimal{}
	opts := decimal.Decimal{}
	for _, l := range lots {
		total = total.Add(l.EstimatedValue)
		opts = opts.Add(l.OptionsValue)
	}
	c.EstimatedValue, c.OptionsValue = total, opts
	if err := c.Validate(); err != nil {
		b.Fatal(err)
	}
	return n
}

// naiveLot is what a user might marshal with encoding/xml: the lot fields
// only, with fixed prefixes in the tags, no ordering rules, no
// validation, no organisations; it is not a valid notice and serves only
// as a baseline for the cost per lot.
type naiveLot struct {
	XMLName xml.Name `xml:"cac:ProcurementProjectLot"`
	ID      string   `xml:"cbc:ID"`
	Name    string   `xml:"cac:ProcurementProject>cbc:Name"`
	Desc    string   `xml:"cac:ProcurementProject>cbc:Description"`
	Nature  string   `xml:"cac:ProcurementProject>cbc:ProcurementTypeCode"`
	Amount  string   `xml:"cac:ProcurementProject>cac:RequestedTenderTotal>cbc:EstimatedOverallContractAmount"`
	CPV     string   `xml:"cac:ProcurementProject>cac:MainCommodityClassification>cbc:ItemClassificationCode"`
	NUTS    string   `xml:"cac:ProcurementProject>cac:RealizedLocation>cac:Address>cbc:CountrySubentityCode"`
}

type naiveNotice struct {
	XMLName xml.Name   `xml:"ContractNotice"`
	Title   string     `xml:"cac:ProcurementProject>cbc:Name"`
	Lots    []naiveLot `xml:"cac:ProcurementProjectLot"`
}

// BenchmarkGenerate10Lots: a 10-lot contract notice (subtype 16), next
// to the encoding/xml baseline of the lot fields alone.
func BenchmarkGenerate10Lots(b *testing.B) {
	n := tenLots(b)
	b.Run("eforms.Generate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := eforms.Generate(n); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("naive-encoding-xml-lots-only", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			nn := naiveNotice{Title: n.Consultation.Title}
			for _, l := range n.Consultation.Lots {
				nn.Lots = append(nn.Lots, naiveLot{ID: "LOT-" + strconv.Itoa(l.Number), Name: l.Title, Desc: l.Description,
					Nature: "supplies", Amount: l.TotalValue().StringFixed(2), CPV: l.CPV, NUTS: "FRF31"})
			}
			if _, err := xml.MarshalIndent(nn, "", "  "); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkParse10Lots: reading the 10-lot notice back (with the safety
// scan), next to encoding/xml.Unmarshal into the baseline struct.
func BenchmarkParse10Lots(b *testing.B) {
	data, err := eforms.Generate(tenLots(b))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.Run("eforms.Parse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := eforms.Parse(data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("naive-encoding-xml-unmarshal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var nn naiveNotice
			if err := xml.Unmarshal(data, &nn); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkDecodeAndGenerate: what "marches eforms generate" does with a
// JSON input: schema, decoding, procurement validation, generation.
func BenchmarkDecodeAndGenerate(b *testing.B) {
	n := tenLots(b)
	doc, err := eforms.MarshalNotice(n)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		m, err := eforms.DecodeNotice(doc)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := eforms.Generate(m); err != nil {
			b.Fatal(err)
		}
	}
}
