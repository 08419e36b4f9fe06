package pricing

import (
	"encoding/json"

	"github.com/shopspring/decimal"
)

type contractJSON struct {
	Currency  string        `json:"currency"`
	Signature string        `json:"signature"`
	Start     string        `json:"start"`
	Months    int           `json:"months"`
	Fees      []jsonDecimal `json:"fees"`
	Frequency string        `json:"frequency"`
	Term      string        `json:"term"`
	Align     string        `json:"align"`
	VAT       *jsonDecimal  `json:"vat"`
	Notice    int           `json:"notice"`
	Rounding  string        `json:"rounding"`
	Revision  *revisionJSON `json:"revision"`
}

type revisionJSON struct {
	Formula   string          `json:"formula"`
	Series    string          `json:"series"`
	Base      json.RawMessage `json:"base"`
	Current   json.RawMessage `json:"current"`
	Rounding  string          `json:"coefficient_rounding"`
	Floor     *jsonDecimal    `json:"floor"`
	Cap       *jsonDecimal    `json:"cap"`
	Tunnel    *jsonDecimal    `json:"tunnel"`
	NoDown    bool            `json:"no_downward"`
	Safeguard *jsonDecimal    `json:"safeguard"`
}

// ParseContract reads a contract in the JSON form of
// schema/contract.schema.json:
//
//	{"signature": "2024-10-15", "start": "2024-12-02", "months": 24,
//	 "fees": ["6300", "9000"], "frequency": "yearly", "term": "advance",
//	 "align": "start",
//	 "vat": "20", "notice": 3,
//	 "revision": {"formula": "P = P0 x S/S0", "series": "syntec",
//	   "base": {"rule": "last-published", "at": "signature"},
//	   "current": {"rule": "last-published"}}}
//
// The revision series is "syntec" (the shipped snapshot) or one of the
// series given, matched by name (a given series wins over the shipped
// one). The document is validated against the schema, then field by field;
// every violation is reported at once (ErrInvalidContract for the schema,
// then the sentinels of each field). Plan computes the schedule.
func ParseContract(data []byte, series ...*Series) (Contract, error) {
	if errs := validateSchema(contractSchema, data, ErrInvalidContract); len(errs) > 0 {
		return Contract{}, joinErrors(errs)
	}
	var j contractJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return Contract{}, &FieldError{Field: "", Err: ErrInvalidContract, Detail: err.Error()}
	}
	var errs []*FieldError
	add := func(err error, field string) {
		if err != nil {
			for _, e := range prefixField(err, "") {
				e.Field = field
				errs = append(errs, e)
			}
		}
	}
	var c Contract
	var err error
	if j.Currency != "" {
		c.Currency, err = ParseCurrency(j.Currency)
		add(err, "currency")
	}
	if j.Signature != "" {
		c.Signature, err = ParseDate(j.Signature)
		add(err, "signature")
	}
	c.Start, err = ParseDate(j.Start)
	add(err, "start")
	c.Months = j.Months
	for i, f := range j.Fees {
		d, err := parsePlainDecimal(string(f))
		if err != nil {
			errs = append(errs, &FieldError{Field: "fees[" + itoa(i) + "]", Value: string(f), Err: ErrInvalidAmount})
		}
		c.Fees = append(c.Fees, d)
	}
	if j.Frequency != "" {
		c.Frequency, err = ParseFrequency(j.Frequency)
		add(err, "frequency")
	}
	if j.Term != "" {
		c.Term, err = ParseBillingTerm(j.Term)
		add(err, "term")
	}
	if j.Align != "" {
		c.Align, err = ParseAlignment(j.Align)
		add(err, "align")
	}
	if j.VAT != nil {
		d, err := ParseVATRate(string(*j.VAT))
		add(err, "vat")
		c.VATRate = decimal.NewNullDecimal(d)
	}
	c.NoticeMonths = j.Notice
	if j.Rounding != "" {
		c.Rounding, err = ParseRoundingMode(j.Rounding)
		add(err, "rounding")
	}
	if r := j.Revision; r != nil {
		cr := &ContractRevision{}
		if r.Formula != "" {
			cr.Config.Formula, err = ParseFormula(r.Formula)
			if err != nil {
				errs = append(errs, prefixField(err, "revision")...)
			}
		}
		for _, s := range series {
			if s != nil && s.Name() == r.Series {
				cr.Series = s
				break
			}
		}
		if cr.Series == nil {
			cr.Series, err = LookupSeries(r.Series)
			add(err, "revision.series")
		}
		var base struct {
			At string `json:"at"`
		}
		_ = json.Unmarshal(r.Base, &base)
		if err := cr.Base.UnmarshalJSON(stripAt(r.Base)); err != nil {
			errs = append(errs, prefixField(err, "revision.base")...)
		}
		switch base.At {
		case "", "signature":
		case "start":
			cr.BaseAt = c.Start
		default:
			cr.BaseAt, err = ParseDate(base.At)
			add(err, "revision.base.at")
		}
		var cur struct {
			At string `json:"at"`
		}
		_ = json.Unmarshal(r.Current, &cur)
		if cur.At != "" {
			errs = append(errs, &FieldError{Field: "revision.current.at", Value: cur.At, Err: ErrInvalidMonthRule,
				Detail: "the revision month is chosen at each anniversary"})
		}
		if err := cr.Current.UnmarshalJSON(stripAt(r.Current)); err != nil {
			errs = append(errs, prefixField(err, "revision.current")...)
		}
		cr.Config.Rounding, err = ParseCoefficientRounding(r.Rounding)
		add(err, "revision.coefficient_rounding")
		opt := func(d *jsonDecimal, field string) decimal.NullDecimal {
			if d == nil {
				return decimal.NullDecimal{}
			}
			v, err := ParseDecimal(string(*d))
			add(err, field)
			return decimal.NewNullDecimal(v)
		}
		cr.Config.Floor = opt(r.Floor, "revision.floor")
		cr.Config.Cap = opt(r.Cap, "revision.cap")
		cr.Config.Tunnel = opt(r.Tunnel, "revision.tunnel")
		cr.Config.Safeguard = opt(r.Safeguard, "revision.safeguard")
		cr.Config.NoDownward = r.NoDown
		c.Revision = cr
	}
	if len(errs) > 0 {
		return Contract{}, joinErrors(errs)
	}
	return c, nil
}

// stripAt removes the "at" member of a month rule object (it belongs to
// the contract, not to the rule).
func stripAt(raw json.RawMessage) []byte {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return raw
	}
	delete(m, "at")
	b, _ := json.Marshal(m)
	return b
}
