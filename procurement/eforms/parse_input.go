package eforms

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
	"github.com/openmarches/marches/procurement"
	"github.com/shopspring/decimal"
	"github.com/xeipuuv/gojsonschema"
)

// This file reads and writes the JSON form of a Notice: the input of
// "marches eforms generate" and the output of "marches eforms parse".

// noticeSchema is the JSON Schema (draft-07) of the notice input, shipped
// as schema/notice.schema.json for platforms that validate without Go.
//
//go:embed schema/notice.schema.json
var noticeSchema []byte

// NoticeSchema returns a copy of the JSON Schema (draft-07) of the notice
// input that DecodeNotice checks. The "consultation" member is checked by
// procurement.ParseConsultation against procurement.ConsultationSchema.
func NoticeSchema() []byte { return bytes.Clone(noticeSchema) }

// compiledNoticeSchema compiles the embedded schema once; it uses no
// "format" keyword and no remote $ref, so no gojsonschema global matters.
var compiledNoticeSchema = sync.OnceValues(func() (*gojsonschema.Schema, error) {
	return gojsonschema.NewSchema(gojsonschema.NewBytesLoader(noticeSchema))
})

// noticeJSON is the wire form of a Notice.
type noticeJSON struct {
	Metadata     Metadata          `json:"notice"`
	Consultation json.RawMessage   `json:"consultation"`
	Buyer        BuyerDetails      `json:"buyer,omitzero"`
	ReviewBody   Organization      `json:"reviewBody,omitzero"`
	Procedure    ProcedureTerms    `json:"procedure,omitzero"`
	Terms        Terms             `json:"terms,omitzero"`
	Lots         []LotTerms        `json:"lots,omitempty"`
	Tenderers    []TendererDetails `json:"tenderers,omitempty"`
	Results      Results           `json:"results,omitzero"`
}

// DecodeNotice reads the JSON form of a Notice (UTF-8; a leading byte
// order mark is ignored) and reports every problem at once:
//
//  1. the JSON Schema (NoticeSchema): shape, types, enumerations, the form
//     of identifiers, dates and codes (ErrSchema, by JSON path);
//  2. strict decoding (unknown properties are errors);
//  3. the consultation, with procurement.ParseConsultation: its schema,
//     decoding and Consultation.Validate, each problem re-addressed under
//     "consultation." (procurement's sentinels).
//
// A document that is not JSON fails with a single ErrJSONSyntax. The
// result is ready for Generate, which checks the rest. data is not
// modified or retained.
func DecodeNotice(data []byte) (Notice, error) {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if !json.Valid(data) {
		var v any
		err := json.Unmarshal(data, &v)
		detail := "not a JSON value"
		var se *json.SyntaxError
		if errors.As(err, &se) {
			detail = "byte offset " + strconv.FormatInt(se.Offset, 10) + ": " + se.Error()
		}
		return Notice{}, &FieldError{Field: "input", Err: ErrJSONSyntax, Detail: detail}
	}
	var problems []*FieldError
	s, err := compiledNoticeSchema()
	if err != nil {
		return Notice{}, &FieldError{Field: "input", Err: ErrSchema, Detail: "schema does not compile: " + err.Error()}
	}
	res, err := s.Validate(gojsonschema.NewBytesLoader(data))
	if err != nil {
		return Notice{}, &FieldError{Field: "input", Err: ErrSchema, Detail: err.Error()}
	}
	for _, re := range res.Errors() {
		p := schemaPath(re.Context().String())
		switch re.Type() {
		case "required", "additional_property_not_allowed":
			if prop, ok := re.Details()["property"].(string); ok {
				p = joinPath(p, prop)
			}
		}
		v := ""
		switch x := re.Value().(type) {
		case string:
			v = x
		case json.Number:
			v = x.String()
		case float64:
			v = strconv.FormatFloat(x, 'f', -1, 64)
		case bool:
			v = strconv.FormatBool(x)
		}
		problems = append(problems, &FieldError{Field: p, Value: v, Err: ErrSchema, Detail: re.Description()})
	}
	if len(problems) > 0 {
		return Notice{}, fielderr.Join(problems)
	}
	var w noticeJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return Notice{}, &FieldError{Field: "input", Err: ErrSchema, Detail: err.Error()}
	}
	c, err := procurement.ParseConsultation(w.Consultation)
	if err != nil {
		for _, e := range flattenErr(err) {
			var fe *FieldError
			if errors.As(e, &fe) {
				cp := *fe
				cp.Field = joinPath("consultation", fe.Field)
				problems = append(problems, &cp)
			} else {
				problems = append(problems, &FieldError{Field: "consultation", Err: e})
			}
		}
		return Notice{}, fielderr.Join(problems)
	}
	n := Notice{
		Metadata: w.Metadata, Consultation: c, Buyer: w.Buyer, ReviewBody: w.ReviewBody,
		Procedure: w.Procedure, Terms: w.Terms, Lots: w.Lots, Tenderers: w.Tenderers, Results: w.Results,
	}
	// Keep the offset of the dispatch time, not a machine-dependent zone.
	if d := n.Metadata.Dispatch; !d.IsZero() {
		_, off := d.Zone()
		if off == 0 {
			n.Metadata.Dispatch = d.UTC()
		} else {
			n.Metadata.Dispatch = d.In(time.FixedZone("", off))
		}
	}
	return n, nil
}

// MarshalNotice writes n as indented JSON (2 spaces, final newline), the
// form DecodeNotice reads: fixed member order, zero fields omitted,
// amounts as strings. The consultation is written by
// procurement.Consultation.MarshalJSON, whose errors (an amount with a
// fraction of a cent...) are returned under "consultation.".
func MarshalNotice(n Notice) ([]byte, error) {
	c, err := n.Consultation.MarshalJSON()
	if err != nil {
		var ps []*FieldError
		for _, e := range flattenErr(err) {
			var fe *FieldError
			if errors.As(e, &fe) {
				cp := *fe
				cp.Field = joinPath("consultation", fe.Field)
				ps = append(ps, &cp)
			}
		}
		if len(ps) > 0 {
			return nil, fielderr.Join(ps)
		}
		return nil, err
	}
	w := noticeJSON{
		Metadata: n.Metadata, Consultation: c, Buyer: n.Buyer, ReviewBody: n.ReviewBody,
		Procedure: n.Procedure, Terms: n.Terms, Lots: n.Lots, Tenderers: n.Tenderers, Results: n.Results,
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(w); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type tenderJSON struct {
	Lot            int    `json:"lot"`
	Tenderer       string `json:"tenderer,omitempty"`
	Amount         string `json:"amount,omitempty"`
	Subcontracting string `json:"subcontracting,omitempty"`
}

// MarshalJSON writes a tender with its amount as a string with 2 decimal
// places ("amount" omitted when zero).
func (t Tender) MarshalJSON() ([]byte, error) {
	w := tenderJSON{Lot: t.Lot, Tenderer: t.Tenderer, Subcontracting: t.Subcontracting}
	if !t.Amount.IsZero() {
		w.Amount = formatAmount(t.Amount)
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads a tender strictly; the amount is a decimal string.
func (t *Tender) UnmarshalJSON(data []byte) error {
	var w tenderJSON
	if err := decodeStrict(data, &w); err != nil {
		return err
	}
	var a decimal.Decimal
	if w.Amount != "" {
		var err error
		if a, err = decimal.NewFromString(w.Amount); err != nil {
			return &FieldError{Field: "amount", Value: w.Amount, Err: ErrAmount}
		}
	}
	*t = Tender{Lot: w.Lot, Tenderer: w.Tenderer, Amount: a, Subcontracting: w.Subcontracting}
	return nil
}

type contractJSON struct {
	Lot       int           `json:"lot"`
	Tenderer  string        `json:"tenderer,omitempty"`
	Signed    calendar.Date `json:"signed,omitzero"`
	Reference string        `json:"reference,omitempty"`
}

// MarshalJSON writes a contract ("signed" as YYYY-MM-DD).
func (c Contract) MarshalJSON() ([]byte, error) {
	return json.Marshal(contractJSON(c))
}

// UnmarshalJSON reads a contract strictly.
func (c *Contract) UnmarshalJSON(data []byte) error {
	var w contractJSON
	if err := decodeStrict(data, &w); err != nil {
		return err
	}
	*c = Contract(w)
	return nil
}

func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// schemaPath turns gojsonschema's context ("(root).lots.1.nuts") into a
// JSON path ("lots[1].nuts").
func schemaPath(ctx string) string {
	ctx = strings.TrimPrefix(ctx, "(root)")
	ctx = strings.TrimPrefix(ctx, ".")
	if ctx == "" {
		return ""
	}
	var b strings.Builder
	for i, part := range strings.Split(ctx, ".") {
		if isDigits(part) {
			b.WriteString("[" + part + "]")
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(part)
	}
	return b.String()
}

func joinPath(base, name string) string {
	switch {
	case base == "":
		return name
	case name == "":
		return base
	case strings.HasPrefix(name, "["):
		return base + name
	}
	return base + "." + name
}

// flattenErr returns the leaves of an error list, or err itself.
func flattenErr(err error) []error {
	if m, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range m.Unwrap() {
			out = append(out, flattenErr(e)...)
		}
		if len(out) > 0 {
			return out
		}
	}
	return []error{err}
}
