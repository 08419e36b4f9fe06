package procurement

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/shopspring/decimal"
)

// This file is the JSON side of the model: ParseConsultation, Marshal, and
// the MarshalJSON/UnmarshalJSON methods of Consultation, Lot and Award.
// They all go through private "wire" structs whose fields are strings, so
// that one faulty value does not stop the decoding: every value that
// cannot be read is reported with its path, and the rest is validated.

// ParseConsultation reads a consultation document (JSON, UTF-8) in three
// steps and reports the problems of all three at once:
//
//  1. the JSON Schema (ConsultationSchema): shape, types, enumerations,
//     syntax of amounts and dates; violations have rule ErrSchema;
//  2. decoding, strict: unknown properties are errors, and a value that
//     cannot be read (ErrInvalidAmount, calendar.ErrInvalidDate,
//     ErrInvalidInstant, an unknown code...) is reported and treated as
//     not given;
//  3. Validate, for the rules of the model.
//
// When several steps flag the same path, only the most specific report is
// kept: decoding, then Validate, then the schema (so a missing title gives
// ErrFieldRequired rather than ErrSchema, and an unknown buyer kind
// ErrUnknownBuyerKind). A missing object is reported once, by the schema,
// without the fields it would have held. When the document does not
// decode at all (a string where an object is expected...), the schema's
// problems are returned alone.
//
// The error unwraps (Unwrap() []error) to *FieldError values sorted by
// JSON path then rule, and ParseConsultation then returns the zero
// Consultation. The only error that means "not JSON" rather than "not a
// valid consultation" is a single FieldError wrapping ErrJSONSyntax.
//
// A leading UTF-8 byte order mark is ignored (RFC 8259 §8.1 allows it).
// data is not modified or retained. The result owns all its slices.
func ParseConsultation(data []byte) (Consultation, error) {
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		data = data[3:] // UTF-8 byte order mark
	}
	if err := checkSyntax(data); err != nil {
		return Consultation{}, err
	}
	schema, missing := schemaProblems(data)
	var w consultationJSON
	if err := decodeStrict(data, &w, true); err != nil {
		// An unknown property fails the strict decoding, but the schema
		// (additionalProperties: false at every level) has reported it
		// with its path: decode again ignoring it, so that the rest of the
		// document is still checked. Wrong types fail both decodings.
		w = consultationJSON{}
		if len(schema) == 0 || decodeStrict(data, &w, false) != nil {
			if len(schema) == 0 {
				schema = append(schema, decodeProblem(err))
			}
			return Consultation{}, joinSorted(schema)
		}
	}
	c, conv := w.model()
	all := underMissing(mostSpecific(conv, c.problems(), schema), missing)
	if len(all) > 0 {
		return Consultation{}, joinSorted(all)
	}
	return c, nil
}

// Marshal returns c as an indented JSON document (2 spaces, final
// newline, no HTML escaping), the form of testdata/sample_consultation.json. The
// output is deterministic: fields in a fixed order (that of the Consultation
// struct), zero fields omitted, amounts as strings with exactly 2 decimals
// ("250000.00"), dates as YYYY-MM-DD, deadlines as RFC 3339 with the
// offset they carry.
//
// Marshal does not validate c (a draft can be saved), but refuses what it
// cannot write faithfully: an amount with a fraction of a cent
// (ErrAmountCents), an unknown non-zero enumeration value
// (ErrUnknownBuyerKind, ErrUnknownNature, ErrUnknownProcedure,
// ErrUnknownCriterionKind), a deadline outside years 0-9999 or whose
// offset is not a whole number of minutes (ErrInvalidInstant). All such
// problems are reported at once, by path.
func Marshal(c Consultation) ([]byte, error) {
	w, err := c.wire()
	if err != nil {
		return nil, err
	}
	return encodeJSON(w, true)
}

// MarshalJSON encodes c as compact JSON; see Marshal for the format and
// the errors.
func (c Consultation) MarshalJSON() ([]byte, error) {
	w, err := c.wire()
	if err != nil {
		return nil, err
	}
	return encodeJSON(w, false)
}

// UnmarshalJSON decodes a consultation strictly (unknown properties are
// errors) without checking the JSON Schema and without validating: use it
// to embed a Consultation in a larger document, then call Validate. Every
// value that cannot be read is reported at once, by path; a document of
// the wrong shape fails with ErrJSONDecode. On error c is left unchanged.
func (c *Consultation) UnmarshalJSON(data []byte) error {
	var w consultationJSON
	if err := decodeStrict(data, &w, true); err != nil {
		return decodeProblem(err)
	}
	v, ps := w.model()
	if len(ps) > 0 {
		return joinSorted(ps)
	}
	*c = v
	return nil
}

// MarshalJSON encodes l as compact JSON, as in a consultation's "lots".
func (l Lot) MarshalJSON() ([]byte, error) {
	var e encoder
	w := e.lot("", l)
	if err := joinSorted(e.ps); err != nil {
		return nil, err
	}
	return encodeJSON(w, false)
}

// UnmarshalJSON decodes a lot strictly, without validating it; see
// Consultation.UnmarshalJSON. On error l is left unchanged.
func (l *Lot) UnmarshalJSON(data []byte) error {
	var w lotJSON
	if err := decodeStrict(data, &w, true); err != nil {
		return decodeProblem(err)
	}
	var d decoder
	v := d.lot("", w)
	if err := joinSorted(d.ps); err != nil {
		return err
	}
	*l = v
	return nil
}

// MarshalJSON encodes a as compact JSON, as in a consultation's "awards".
func (a Award) MarshalJSON() ([]byte, error) {
	var e encoder
	w := e.award("", a)
	if err := joinSorted(e.ps); err != nil {
		return nil, err
	}
	return encodeJSON(w, false)
}

// UnmarshalJSON decodes an award strictly, without validating it; see
// Consultation.UnmarshalJSON. On error a is left unchanged.
func (a *Award) UnmarshalJSON(data []byte) error {
	var w awardJSON
	if err := decodeStrict(data, &w, true); err != nil {
		return decodeProblem(err)
	}
	var d decoder
	v := d.award("", w)
	if err := joinSorted(d.ps); err != nil {
		return err
	}
	*a = v
	return nil
}

// Wire structs: the JSON document, field for field, in output order.
// Amounts, dates, instants and codes are strings; integers keep their JSON
// text (intText) so that "1.0" is reported, not a decoding failure.

type consultationJSON struct {
	Reference            string          `json:"reference,omitempty"`
	Title                string          `json:"title,omitempty"`
	Description          string          `json:"description,omitempty"`
	Buyer                buyerJSON       `json:"buyer"`
	Nature               string          `json:"nature,omitempty"`
	Procedure            string          `json:"procedure,omitempty"`
	CPV                  string          `json:"cpv,omitempty"`
	AdditionalCPV        []string        `json:"additionalCpv,omitempty"`
	EstimatedValue       string          `json:"estimatedValue,omitempty"`
	OptionsValue         string          `json:"optionsValue,omitempty"`
	RenewalsValue        string          `json:"renewalsValue,omitempty"`
	PremiumsValue        string          `json:"premiumsValue,omitempty"`
	DurationMonths       intText         `json:"durationMonths,omitempty"`
	Renewals             *renewalsJSON   `json:"renewals,omitempty"`
	Lots                 []lotJSON       `json:"lots,omitempty"`
	AwardCriteria        []criterionJSON `json:"awardCriteria,omitempty"`
	NoticeDispatch       string          `json:"noticeDispatch,omitempty"`
	ApplicationsDeadline string          `json:"applicationsDeadline,omitempty"`
	TendersDeadline      string          `json:"tendersDeadline,omitempty"`
	TenderValidityDays   intText         `json:"tenderValidityDays,omitempty"`
	Tenderers            []Tenderer      `json:"tenderers,omitempty"`
	Awards               []awardJSON     `json:"awards,omitempty"`
}

type buyerJSON struct {
	Name      string  `json:"name,omitempty"`
	SIRET     string  `json:"siret,omitempty"`
	Kind      string  `json:"kind,omitempty"`
	Address   Address `json:"address"`
	Territory string  `json:"territory,omitempty"`
}

type renewalsJSON struct {
	Count  intText `json:"count,omitempty"`
	Months intText `json:"months,omitempty"`
}

type lotJSON struct {
	Number         intText         `json:"number,omitempty"`
	Title          string          `json:"title,omitempty"`
	Description    string          `json:"description,omitempty"`
	CPV            string          `json:"cpv,omitempty"`
	EstimatedValue string          `json:"estimatedValue,omitempty"`
	OptionsValue   string          `json:"optionsValue,omitempty"`
	RenewalsValue  string          `json:"renewalsValue,omitempty"`
	AwardCriteria  []criterionJSON `json:"awardCriteria,omitempty"`
}

type criterionJSON struct {
	Name   string  `json:"name,omitempty"`
	Kind   string  `json:"kind,omitempty"`
	Weight intText `json:"weight,omitempty"`
}

type awardJSON struct {
	Lot      intText `json:"lot,omitempty"`
	Tenderer string  `json:"tenderer,omitempty"`
	Amount   string  `json:"amount,omitempty"`
	Date     string  `json:"date,omitempty"`
}

// intText is a JSON number kept as its text; "" is absent.
type intText string

var errNotNumber = errors.New("json: expected a number")

// UnmarshalJSON accepts a JSON number (kept as written) or null (absent).
func (n *intText) UnmarshalJSON(b []byte) error {
	s := string(b)
	if s == "null" {
		return nil
	}
	if s == "" || (s[0] != '-' && (s[0] < '0' || s[0] > '9')) {
		return errNotNumber
	}
	*n = intText(s)
	return nil
}

// MarshalJSON writes the number as kept; the encoder only ever stores
// strconv.Itoa output here.
func (n intText) MarshalJSON() ([]byte, error) { return []byte(n), nil }

// decoder converts wire values into model values, collecting problems.
type decoder struct{ ps []*FieldError }

func (d *decoder) add(path, value string, rule error, detail string) {
	d.ps = append(d.ps, &FieldError{Field: path, Value: value, Err: rule, Detail: detail})
}

// integer reads a JSON integer written without fraction or exponent, in
// the range of int32 (every integer of the model is far smaller).
func (d *decoder) integer(path string, n intText) int {
	if n == "" {
		return 0
	}
	v, err := strconv.ParseInt(string(n), 10, 32)
	if err != nil {
		d.add(path, string(n), ErrJSONDecode, "integer expected, written without fraction or exponent, between -2147483648 and 2147483647")
		return 0
	}
	return int(v)
}

// amount reads a plain decimal number: an optional minus, digits, an
// optional fraction; at most 40 characters.
func (d *decoder) amount(path, s string) decimal.Decimal {
	if s == "" {
		return decimal.Decimal{}
	}
	if !isPlainDecimal(s) {
		d.add(path, s, ErrInvalidAmount, "")
		return decimal.Decimal{}
	}
	v, err := decimal.NewFromString(s)
	if err != nil {
		d.add(path, s, ErrInvalidAmount, "")
		return decimal.Decimal{}
	}
	return v
}

func isPlainDecimal(s string) bool {
	if len(s) > 40 {
		return false
	}
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == start {
		return false
	}
	if i == len(s) {
		return true
	}
	if s[i] != '.' {
		return false
	}
	i++
	start = i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > start && i == len(s)
}

func (d *decoder) date(path, s string) calendar.Date {
	if s == "" {
		return calendar.Date{}
	}
	v, err := calendar.ParseDate(s)
	if err != nil {
		d.add(path, s, calendar.ErrInvalidDate, "")
		return calendar.Date{}
	}
	return v
}

// instant reads an RFC 3339 date and time with an offset. The result's
// location is UTC for "Z" and a fixed zone of the given offset otherwise,
// never time.Local, so that it does not depend on the machine.
func (d *decoder) instant(path, s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		d.add(path, s, ErrInvalidInstant, "")
		return time.Time{}
	}
	_, off := t.Zone()
	if off == 0 {
		return t.UTC()
	}
	return t.In(time.FixedZone("", off))
}

func (d *decoder) code(path, s string, parse func(string) (int, error), rule error) int {
	if s == "" {
		return 0
	}
	v, err := parse(s)
	if err != nil {
		d.add(path, s, rule, "")
		return 0
	}
	return v
}

func parseBuyerKindInt(s string) (int, error) { k, err := ParseBuyerKind(s); return int(k), err }
func parseNatureInt(s string) (int, error)    { n, err := ParseNature(s); return int(n), err }
func parseProcedureInt(s string) (int, error) { p, err := ParseProcedure(s); return int(p), err }
func parseCriterionInt(s string) (int, error) {
	k, err := ParseCriterionKind(s)
	return int(k), err
}

func (w consultationJSON) model() (Consultation, []*FieldError) {
	var d decoder
	c := Consultation{
		Reference:   w.Reference,
		Title:       w.Title,
		Description: w.Description,
		Buyer: Buyer{
			Name:      w.Buyer.Name,
			SIRET:     w.Buyer.SIRET,
			Kind:      BuyerKind(d.code("buyer.kind", w.Buyer.Kind, parseBuyerKindInt, ErrUnknownBuyerKind)),
			Address:   w.Buyer.Address,
			Territory: w.Buyer.Territory,
		},
		Nature:               Nature(d.code("nature", w.Nature, parseNatureInt, ErrUnknownNature)),
		Procedure:            Procedure(d.code("procedure", w.Procedure, parseProcedureInt, ErrUnknownProcedure)),
		CPV:                  w.CPV,
		AdditionalCPV:        cloneNonEmpty(w.AdditionalCPV),
		EstimatedValue:       d.amount("estimatedValue", w.EstimatedValue),
		OptionsValue:         d.amount("optionsValue", w.OptionsValue),
		RenewalsValue:        d.amount("renewalsValue", w.RenewalsValue),
		PremiumsValue:        d.amount("premiumsValue", w.PremiumsValue),
		DurationMonths:       d.integer("durationMonths", w.DurationMonths),
		NoticeDispatch:       d.date("noticeDispatch", w.NoticeDispatch),
		ApplicationsDeadline: d.instant("applicationsDeadline", w.ApplicationsDeadline),
		TendersDeadline:      d.instant("tendersDeadline", w.TendersDeadline),
		TenderValidityDays:   d.integer("tenderValidityDays", w.TenderValidityDays),
		Tenderers:            cloneNonEmpty(w.Tenderers),
	}
	if w.Renewals != nil {
		c.Renewals = Renewals{
			Count:  d.integer("renewals.count", w.Renewals.Count),
			Months: d.integer("renewals.months", w.Renewals.Months),
		}
	}
	if len(w.Lots) > 0 {
		c.Lots = make([]Lot, len(w.Lots))
		for i, l := range w.Lots {
			c.Lots[i] = d.lot("lots["+strconv.Itoa(i)+"]", l)
		}
	}
	c.AwardCriteria = d.criteria("awardCriteria", w.AwardCriteria)
	if len(w.Awards) > 0 {
		c.Awards = make([]Award, len(w.Awards))
		for i, a := range w.Awards {
			c.Awards[i] = d.award("awards["+strconv.Itoa(i)+"]", a)
		}
	}
	return c, d.ps
}

// cloneNonEmpty returns nil for an empty slice, so that "[]" and an absent
// list decode alike, and a fresh copy otherwise.
func cloneNonEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return append([]T(nil), s...)
}

// sub joins a path prefix ("" for a value decoded alone) and a name.
func sub(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

func (d *decoder) lot(p string, w lotJSON) Lot {
	return Lot{
		Number:         d.integer(sub(p, "number"), w.Number),
		Title:          w.Title,
		Description:    w.Description,
		CPV:            w.CPV,
		EstimatedValue: d.amount(sub(p, "estimatedValue"), w.EstimatedValue),
		OptionsValue:   d.amount(sub(p, "optionsValue"), w.OptionsValue),
		RenewalsValue:  d.amount(sub(p, "renewalsValue"), w.RenewalsValue),
		AwardCriteria:  d.criteria(sub(p, "awardCriteria"), w.AwardCriteria),
	}
}

func (d *decoder) criteria(p string, ws []criterionJSON) []AwardCriterion {
	if len(ws) == 0 {
		return nil
	}
	out := make([]AwardCriterion, len(ws))
	for i, w := range ws {
		q := p + "[" + strconv.Itoa(i) + "]"
		out[i] = AwardCriterion{
			Name:   w.Name,
			Kind:   CriterionKind(d.code(q+".kind", w.Kind, parseCriterionInt, ErrUnknownCriterionKind)),
			Weight: d.integer(q+".weight", w.Weight),
		}
	}
	return out
}

func (d *decoder) award(p string, w awardJSON) Award {
	return Award{
		Lot:      d.integer(sub(p, "lot"), w.Lot),
		Tenderer: w.Tenderer,
		Amount:   d.amount(sub(p, "amount"), w.Amount),
		Date:     d.date(sub(p, "date"), w.Date),
	}
}

// encoder converts model values into wire values, collecting what cannot
// be written faithfully.
type encoder struct{ ps []*FieldError }

func (e *encoder) add(path, value string, rule error) {
	e.ps = append(e.ps, &FieldError{Field: path, Value: value, Err: rule})
}

func (e *encoder) amount(path string, d decimal.Decimal) string {
	if d.IsZero() {
		return ""
	}
	if !inCents(d) {
		e.add(path, amountText(d), ErrAmountCents)
		return ""
	}
	return d.StringFixed(2)
}

func intOf(n int) intText {
	if n == 0 {
		return ""
	}
	return intText(strconv.Itoa(n))
}

func dateOf(d calendar.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// instantText formats t as RFC 3339 with nanoseconds when present.
func instantText(t time.Time) string { return t.Format(time.RFC3339Nano) }

func (e *encoder) instant(path string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	_, off := t.Zone()
	if y := t.Year(); y < 0 || y > 9999 || off%60 != 0 {
		e.add(path, instantText(t), ErrInvalidInstant)
		return ""
	}
	return instantText(t)
}

// enum writes the code of a non-zero enumeration value, or "" for zero.
func (e *encoder) enum(path string, v int, valid bool, code string, rule error) string {
	switch {
	case v == 0:
		return ""
	case !valid:
		e.add(path, code, rule)
		return ""
	}
	return code
}

func (c Consultation) wire() (consultationJSON, error) {
	var e encoder
	b := c.Buyer
	w := consultationJSON{
		Reference:   c.Reference,
		Title:       c.Title,
		Description: c.Description,
		Buyer: buyerJSON{
			Name:      b.Name,
			SIRET:     b.SIRET,
			Kind:      e.enum("buyer.kind", int(b.Kind), b.Kind.Valid(), b.Kind.String(), ErrUnknownBuyerKind),
			Address:   b.Address,
			Territory: b.Territory,
		},
		Nature:               e.enum("nature", int(c.Nature), c.Nature.Valid(), c.Nature.String(), ErrUnknownNature),
		Procedure:            e.enum("procedure", int(c.Procedure), c.Procedure.Valid(), c.Procedure.String(), ErrUnknownProcedure),
		CPV:                  c.CPV,
		AdditionalCPV:        cloneNonEmpty(c.AdditionalCPV),
		EstimatedValue:       e.amount("estimatedValue", c.EstimatedValue),
		OptionsValue:         e.amount("optionsValue", c.OptionsValue),
		RenewalsValue:        e.amount("renewalsValue", c.RenewalsValue),
		PremiumsValue:        e.amount("premiumsValue", c.PremiumsValue),
		DurationMonths:       intOf(c.DurationMonths),
		NoticeDispatch:       dateOf(c.NoticeDispatch),
		ApplicationsDeadline: e.instant("applicationsDeadline", c.ApplicationsDeadline),
		TendersDeadline:      e.instant("tendersDeadline", c.TendersDeadline),
		TenderValidityDays:   intOf(c.TenderValidityDays),
		Tenderers:            cloneNonEmpty(c.Tenderers),
	}
	if c.Renewals != (Renewals{}) {
		w.Renewals = &renewalsJSON{Count: intOf(c.Renewals.Count), Months: intOf(c.Renewals.Months)}
	}
	if len(c.Lots) > 0 {
		w.Lots = make([]lotJSON, len(c.Lots))
		for i, l := range c.Lots {
			w.Lots[i] = e.lot("lots["+strconv.Itoa(i)+"]", l)
		}
	}
	w.AwardCriteria = e.criteria("awardCriteria", c.AwardCriteria)
	if len(c.Awards) > 0 {
		w.Awards = make([]awardJSON, len(c.Awards))
		for i, a := range c.Awards {
			w.Awards[i] = e.award("awards["+strconv.Itoa(i)+"]", a)
		}
	}
	return w, joinSorted(e.ps)
}

func (e *encoder) lot(p string, l Lot) lotJSON {
	return lotJSON{
		Number:         intOf(l.Number),
		Title:          l.Title,
		Description:    l.Description,
		CPV:            l.CPV,
		EstimatedValue: e.amount(sub(p, "estimatedValue"), l.EstimatedValue),
		OptionsValue:   e.amount(sub(p, "optionsValue"), l.OptionsValue),
		RenewalsValue:  e.amount(sub(p, "renewalsValue"), l.RenewalsValue),
		AwardCriteria:  e.criteria(sub(p, "awardCriteria"), l.AwardCriteria),
	}
}

func (e *encoder) criteria(p string, cs []AwardCriterion) []criterionJSON {
	if len(cs) == 0 {
		return nil
	}
	out := make([]criterionJSON, len(cs))
	for i, c := range cs {
		out[i] = criterionJSON{
			Name:   c.Name,
			Kind:   e.enum(p+"["+strconv.Itoa(i)+"].kind", int(c.Kind), c.Kind.Valid(), c.Kind.String(), ErrUnknownCriterionKind),
			Weight: intOf(c.Weight),
		}
	}
	return out
}

func (e *encoder) award(p string, a Award) awardJSON {
	return awardJSON{
		Lot:      intOf(a.Lot),
		Tenderer: a.Tenderer,
		Amount:   e.amount(sub(p, "amount"), a.Amount),
		Date:     dateOf(a.Date),
	}
}

// encodeJSON encodes v without HTML escaping, indented by 2 spaces with a
// final newline, or compact without one.
func encodeJSON(v any, indent bool) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	out := buf.Bytes()
	if !indent {
		out = bytes.TrimSuffix(out, []byte("\n"))
	}
	return out, nil
}

// checkSyntax reports a document that is not exactly one well-formed JSON
// value, with the byte offset of the fault.
func checkSyntax(data []byte) error {
	if json.Valid(data) {
		return nil
	}
	var v any
	err := json.Unmarshal(data, &v)
	detail := "not a single JSON value"
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		detail = "at byte " + strconv.FormatInt(se.Offset, 10) + ": " + se.Error()
	case err != nil:
		detail = err.Error()
	}
	return &FieldError{Err: ErrJSONSyntax, Detail: detail}
}

// decodeStrict decodes exactly one JSON value into v, rejecting trailing
// data and, when disallowUnknown is set, unknown properties.
func decodeStrict(data []byte, v any, disallowUnknown bool) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if disallowUnknown {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("trailing data after the JSON value")
	}
	return nil
}

// decodeProblem turns a decoding error into a FieldError. encoding/json
// names fields without array indexes ("lots.number"); that is the best
// path available here.
func decodeProblem(err error) *FieldError {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &FieldError{Err: ErrJSONSyntax, Detail: "at byte " + strconv.FormatInt(se.Offset, 10) + ": " + se.Error()}
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return &FieldError{Field: te.Field, Err: ErrJSONDecode, Detail: te.Error()}
	}
	return &FieldError{Err: ErrJSONDecode, Detail: err.Error()}
}

// mostSpecific keeps, for each path, only the problems of the first group
// (in argument order) that has any at that path.
func mostSpecific(groups ...[]*FieldError) []*FieldError {
	best := map[string]int{}
	n := 0
	for rank, g := range groups {
		n += len(g)
		for _, p := range g {
			if r, ok := best[p.Field]; !ok || rank < r {
				best[p.Field] = rank
			}
		}
	}
	out := make([]*FieldError, 0, n)
	for rank, g := range groups {
		for _, p := range g {
			if best[p.Field] == rank {
				out = append(out, p)
			}
		}
	}
	return out
}
