package procurement

import (
	"encoding/json"
	"testing"

	"github.com/xeipuuv/gojsonschema"
)

// BenchmarkParseConsultation loads the sample consultation (2 lots, 5
// CPV codes, 3 tenderers, 2 awards): ours (schema compiled once, strict
// decode, Validate) beside what a user would otherwise write: compiling
// the schema on every call with gojsonschema.Validate, or skipping the
// schema (json.Unmarshal, then Validate).
func BenchmarkParseConsultation(b *testing.B) {
	data := readModelTestdata(b, "sample_consultation.json")
	b.Run("ParseConsultation", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ParseConsultation(data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("naive/schema-compiled-per-call+Unmarshal+Validate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			res, err := gojsonschema.Validate(gojsonschema.NewBytesLoader(consultationSchema), gojsonschema.NewBytesLoader(data))
			if err != nil || !res.Valid() {
				b.Fatal(err)
			}
			var c Consultation
			if err := json.Unmarshal(data, &c); err != nil {
				b.Fatal(err)
			}
			if err := c.Validate(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("no-schema/Unmarshal+Validate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var c Consultation
			if err := json.Unmarshal(data, &c); err != nil {
				b.Fatal(err)
			}
			if err := c.Validate(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkValidate checks the sample consultation already in memory, and
// one with a problem (the error list is built).
func BenchmarkValidate(b *testing.B) {
	c, err := ParseConsultation(readModelTestdata(b, "sample_consultation.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("valid", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := c.Validate(); err != nil {
				b.Fatal(err)
			}
		}
	})
	bad := c
	bad.Buyer = c.Buyer
	bad.Buyer.SIRET = "24750052300012"
	b.Run("one-problem", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := bad.Validate(); err == nil {
				b.Fatal("no error")
			}
		}
	})
}

// BenchmarkMarshal writes the sample consultation (indented, as in
// testdata), beside encoding/json's compact output through MarshalJSON.
func BenchmarkMarshal(b *testing.B) {
	c, err := ParseConsultation(readModelTestdata(b, "sample_consultation.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Marshal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Marshal(c); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json.Marshal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := json.Marshal(c); err != nil {
				b.Fatal(err)
			}
		}
	})
}
