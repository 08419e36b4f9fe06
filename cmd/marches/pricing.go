package main

import (
	"encoding/json"
	"flag"
	"os"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/openmarches/marches/internal/fielderr"
	"github.com/openmarches/marches/pricing"
)

// Commands of the pricing package: exact money, index-based price
// revision, invoicing schedules. Amounts and decimals are JSON strings.

func pricingCommands() []command {
	return []command{
		{"pricing revise", "Revise a price with an index formula (P = P0 × S/S0...) and explain it", pricingReviseCmd},
		{"pricing schedule", "Invoices of a contract (--input FILE with the contract JSON)", pricingScheduleCmd},
		{"pricing format", "Format an amount in French (9 290,70 €) or English", pricingFormatCmd},
		{"pricing check", "Check a supplier's revised invoice against the contract's rule", pricingCheckCmd},
		{"pricing formula", "Parse a revision formula as written in a CCAP", pricingFormulaCmd},
		{"pricing index", "Value of an index series for a month, or the last one published at a date", pricingIndexCmd},
	}
}

var (
	errPricingBothModes = fielderr.NewRule("usage", "marches: give either index values or a series with months, not both")
)

// pricingSeriesFlags declares --series and --series-file.
type pricingSeriesFlags struct{ name, file *string }

func declarePricingSeries(fs *flag.FlagSet) pricingSeriesFlags {
	return pricingSeriesFlags{
		name: fs.String("series", "", "index `SERIES`: syntec (the shipped snapshot, "+pricing.SyntecVersion+") or the name of --series-file"),
		file: fs.String("series-file", "", "`FILE` with index values: JSON (schema pricing/schema/series.schema.json, replaces the series) or CSV (month,value,base,status,published,source; for syntec, added to the shipped snapshot)"),
	}
}

// load returns the series: the file when given, else the shipped one.
func (f pricingSeriesFlags) load() (*pricing.Series, error) {
	name := *f.name
	if *f.file == "" {
		if name == "" {
			name = "syntec"
		}
		return pricing.LookupSeries(name)
	}
	data, err := os.ReadFile(*f.file)
	if err != nil {
		return nil, &fielderr.Error{Field: "series-file", Value: *f.file, Err: errInputReadFail, Detail: err.Error()}
	}
	var s *pricing.Series
	if strings.HasPrefix(strings.TrimSpace(string(data)), "{") {
		s, err = pricing.ParseSeriesJSON(data)
	} else {
		if name == "" || name == "syntec" {
			// Newer Syntec values on top of the shipped snapshot.
			var file *pricing.Series
			file, err = pricing.ParseSeriesCSV(pricing.SyntecConfig(), data)
			if err == nil {
				s, err = pricing.Syntec().Extend(file.Points(), pricing.SyntecVersion+"+series-file")
			}
		} else {
			s, err = pricing.ParseSeriesCSV(pricing.SeriesConfig{Name: name, Source: "--series-file"}, data)
		}
	}
	if err != nil {
		return nil, renameField(err, "series-file")
	}
	if name != "" && s.Name() != name {
		return nil, &fielderr.Error{Field: "series", Value: name, Err: pricing.ErrUnknownSeries, Detail: "--series-file holds " + s.Name()}
	}
	return s, nil
}

func parsePricingAmount(field, s string, c pricing.Currency) (pricing.Amount, error) {
	if s == "" {
		return pricing.Amount{}, &fielderr.Error{Field: field, Err: errRequired}
	}
	d, err := pricing.ParseDecimal(s)
	if err != nil {
		return pricing.Amount{}, &fielderr.Error{Field: field, Value: s, Err: pricing.ErrInvalidAmount}
	}
	return pricing.AmountOf(d, c), nil
}

func parsePricingOptDecimal(field, s string) (decimal.NullDecimal, error) {
	if s == "" {
		return decimal.NullDecimal{}, nil
	}
	d, err := pricing.ParseDecimal(s)
	if err != nil {
		return decimal.NullDecimal{}, &fielderr.Error{Field: field, Value: s, Err: pricing.ErrInvalidAmount}
	}
	return decimal.NewNullDecimal(d), nil
}

func parsePricingMonth(field, s string) (pricing.Month, error) {
	if s == "" {
		return pricing.Month{}, &fielderr.Error{Field: field, Err: errRequired}
	}
	m, err := pricing.ParseMonth(s)
	if err != nil {
		return pricing.Month{}, &fielderr.Error{Field: field, Value: s, Err: pricing.ErrInvalidMonth}
	}
	return m, nil
}

// parseIndexValues reads --base-index/--current-index: a number for a
// one-index formula, or a JSON object {"ICHT-IME": "123.4", ...}.
func parsePricingIndices(field, s string) ([]pricing.Observation, error) {
	if s == "" {
		return nil, &fielderr.Error{Field: field, Err: errRequired}
	}
	if strings.HasPrefix(strings.TrimSpace(s), "{") {
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(s), &m); err != nil {
			return nil, &fielderr.Error{Field: field, Value: s, Err: errInvalidJSON, Detail: err.Error()}
		}
		var out []pricing.Observation
		var errs []error
		for k, raw := range m {
			txt := strings.Trim(string(raw), `"`)
			d, err := pricing.ParseDecimal(txt)
			if err != nil {
				errs = append(errs, &fielderr.Error{Field: field + "." + k, Value: txt, Err: pricing.ErrInvalidAmount})
				continue
			}
			out = append(out, pricing.Observation{Index: k, Value: d})
		}
		if err := joinFieldErrors(errs...); err != nil {
			return nil, err
		}
		return out, nil
	}
	d, err := pricing.ParseDecimal(s)
	if err != nil {
		return nil, &fielderr.Error{Field: field, Value: s, Err: pricing.ErrInvalidAmount}
	}
	return []pricing.Observation{{Value: d}}, nil
}

// pricingRevisionFlags are the flags shared by revise and check: the contract's
// rule and the indices, typed in or taken from a series.
type pricingRevisionFlags struct {
	initial, currency, formula, rounding, amountRounding *string
	baseIndex, currentIndex, baseMonth, revisionMonth    *string
	floor, cap, tunnel, safeguard                        *string
	noDownward                                           *bool
	series                                               pricingSeriesFlags
}

func declarePricingRevision(fs *flag.FlagSet) pricingRevisionFlags {
	return pricingRevisionFlags{
		initial:        fs.String("initial", "", "initial price P0 `AMOUNT` before VAT, a plain decimal (9000 or 9000.00)"),
		currency:       fs.String("currency", "EUR", "ISO 4217 `CODE` of the amounts"),
		formula:        fs.String("formula", "", "revision `FORMULA` as written in the CCAP, e.g. \"P = P0 x (0,15 + 0,85 x S/S0)\" (default P = P0 × S/S0)"),
		rounding:       fs.String("rounding", "none", "coefficient `ROUNDING`: none (exact ratio), N decimals half-up, half-even-N, up-N, down-N, up-thousandth"),
		amountRounding: fs.String("amount-rounding", "half-up", "`MODE` rounding the revised price to the cent: half-up, half-even, up, down"),
		baseIndex:      fs.String("base-index", "", "base index value S0 (a decimal), or a JSON object {\"INDEX\": value} for several indices"),
		currentIndex:   fs.String("current-index", "", "current index value S, or a JSON object {\"INDEX\": value}"),
		baseMonth:      fs.String("base-month", "", "base `YYYY-MM` (mois zéro), with --series"),
		revisionMonth:  fs.String("revision-month", "", "revision `YYYY-MM`, with --series"),
		floor:          fs.String("floor", "", "clause butoir: lowest `COEFFICIENT` applied"),
		cap:            fs.String("cap", "", "clause butoir: highest `COEFFICIENT` applied"),
		tunnel:         fs.String("tunnel", "", "`PERCENT`: no revision while the coefficient stays within ± this"),
		safeguard:      fs.String("safeguard", "", "clause de sauvegarde `PERCENT`: flag a rise above it"),
		noDownward:     fs.Bool("no-downward", false, "keep the initial price when the coefficient is below 1"),
		series:         declarePricingSeries(fs),
	}
}

// build returns the revision under these flags.
func (f pricingRevisionFlags) build() (pricing.Revision, *pricing.Series, error) {
	var errs []error
	cur, err := pricing.ParseCurrency(*f.currency)
	if err != nil {
		errs = append(errs, renameField(err, "currency"))
	}
	initial, err := parsePricingAmount("initial", *f.initial, cur)
	errs = append(errs, err)
	var cfg pricing.RevisionConfig
	if *f.formula != "" {
		cfg.Formula, err = pricing.ParseFormula(*f.formula)
		errs = append(errs, err)
	}
	cfg.Rounding, err = pricing.ParseCoefficientRounding(*f.rounding)
	errs = append(errs, err)
	cfg.AmountRounding, err = pricing.ParseRoundingMode(*f.amountRounding)
	if err != nil {
		errs = append(errs, renameField(err, "amount-rounding"))
	}
	cfg.Floor, err = parsePricingOptDecimal("floor", *f.floor)
	errs = append(errs, err)
	cfg.Cap, err = parsePricingOptDecimal("cap", *f.cap)
	errs = append(errs, err)
	cfg.Tunnel, err = parsePricingOptDecimal("tunnel", *f.tunnel)
	errs = append(errs, err)
	cfg.Safeguard, err = parsePricingOptDecimal("safeguard", *f.safeguard)
	errs = append(errs, err)
	cfg.NoDownward = *f.noDownward
	seriesMode := *f.series.name != "" || *f.series.file != "" || *f.baseMonth != "" || *f.revisionMonth != ""
	valueMode := *f.baseIndex != "" || *f.currentIndex != ""
	if seriesMode && valueMode {
		errs = append(errs, &fielderr.Error{Field: "base-index", Value: *f.baseIndex, Err: errPricingBothModes})
	}
	var s *pricing.Series
	var bm, rm pricing.Month
	var b, c []pricing.Observation
	if seriesMode {
		s, err = f.series.load()
		errs = append(errs, err)
		bm, err = parsePricingMonth("base-month", *f.baseMonth)
		errs = append(errs, err)
		rm, err = parsePricingMonth("revision-month", *f.revisionMonth)
		errs = append(errs, err)
	} else {
		b, err = parsePricingIndices("base-index", *f.baseIndex)
		errs = append(errs, err)
		c, err = parsePricingIndices("current-index", *f.currentIndex)
		errs = append(errs, err)
	}
	if err := joinFieldErrors(errs...); err != nil {
		return pricing.Revision{}, nil, err
	}
	if seriesMode {
		r, err := pricing.ReviseWithSeries(initial, s, bm, rm, cfg)
		if err != nil {
			return r, s, pricingFlagNames(err)
		}
		return r, s, nil
	}
	r, err := pricing.Revise(pricing.RevisionInput{Initial: initial, Base: b, Current: c}, cfg)
	if err != nil {
		return r, nil, pricingFlagNames(err)
	}
	return r, nil, nil
}

// pricingFlagNames renames the library's field names to the flags that
// carry them (base_month → base-month, base.S → base-index).
func pricingFlagNames(err error) error {
	var out []*fielderr.Error
	for _, e := range flatten(err) {
		fe, ok := e.(*fielderr.Error)
		if !ok {
			return err
		}
		cp := *fe
		switch {
		case cp.Field == "base_month":
			cp.Field = "base-month"
		case cp.Field == "revision_month":
			cp.Field = "revision-month"
		case strings.HasPrefix(cp.Field, "base."):
			cp.Field = "base-index"
		case strings.HasPrefix(cp.Field, "current."):
			cp.Field = "current-index"
		case cp.Field == "amount_rounding":
			cp.Field = "amount-rounding"
		}
		out = append(out, &cp)
	}
	return fielderr.Join(out)
}

func parsePricingLang(s string) (pricing.Lang, error) {
	l, err := pricing.ParseLang(s)
	if err != nil {
		return 0, &fielderr.Error{Field: "lang", Value: s, Err: pricing.ErrInvalidLang}
	}
	return l, nil
}

type pricingReviseJSON struct {
	Coefficient        string `json:"coefficient"`
	RawCoefficient     string `json:"raw_coefficient"`
	Revised            string `json:"revised"`
	Explanation        string `json:"explanation"`
	SafeguardTriggered *bool  `json:"safeguard_triggered,omitempty"`
	Provisional        bool   `json:"provisional,omitempty"`
}

func pricingReviseCmd(fs *flag.FlagSet) func(*env) (any, error) {
	rf := declarePricingRevision(fs)
	lang := fs.String("lang", "fr", "`LANG` of the explanation: fr or en")
	return func(*env) (any, error) {
		l, errL := parsePricingLang(*lang)
		r, _, err := rf.build()
		if err := joinFieldErrors(errL, err); err != nil {
			return nil, err
		}
		out := pricingReviseJSON{Coefficient: pricingDec(r.Coefficient), RawCoefficient: pricingDec(r.RawCoefficient),
			Revised: r.Revised.Text(), Explanation: strings.Join(r.Explain(l), "\n"), Provisional: r.Provisional}
		if r.Safeguard != nil {
			t := r.Safeguard.Triggered
			out.SafeguardTriggered = &t
		}
		return out, nil
	}
}

// decString writes a decimal exactly (independent of shopspring's
// package settings).
func pricingDec(d decimal.Decimal) string {
	places := -d.Exponent()
	if places < 0 {
		places = 0
	}
	return d.StringFixed(places)
}

func pricingFormatCmd(fs *flag.FlagSet) func(*env) (any, error) {
	amount := fs.String("amount", "", "`AMOUNT`, a plain decimal (9290.7); shown rounded half-up to the currency's minor unit")
	lang := fs.String("lang", "fr", "`LANG`: fr (9 290,70 €) or en (€9,290.70)")
	currency := fs.String("currency", "EUR", "ISO 4217 `CODE`")
	return func(*env) (any, error) {
		l, err0 := parsePricingLang(*lang)
		c, err1 := pricing.ParseCurrency(*currency)
		if err := joinFieldErrors(err0, err1); err != nil {
			return nil, err
		}
		a, err := parsePricingAmount("amount", *amount, c)
		if err != nil {
			return nil, err
		}
		return map[string]string{"text": a.Format(l)}, nil
	}
}

// pricingScheduleCmd takes the contract's top-level members as flags, so that
// "--input contract.json" reads a contract document directly.
func pricingScheduleCmd(fs *flag.FlagSet) func(*env) (any, error) {
	str := map[string]*string{}
	for _, f := range []struct{ name, usage string }{
		{"currency", "ISO 4217 `CODE` (default EUR)"},
		{"signature", "date of signature `YYYY-MM-DD`"},
		{"start", "first day of contract year 1 `YYYY-MM-DD` (production start)"},
		{"frequency", "`FREQUENCY`: yearly (default), half-yearly, quarterly, monthly"},
		{"term", "`TERM`: advance (terme à échoir, default) or arrears (terme échu)"},
		{"align", "billing periods `ALIGN`: start (from the contract start, default) or calendar"},
		{"vat", "VAT `RATE` in percent (default 20)"},
		{"rounding", "amount rounding `MODE`: half-up (default), half-even, up, down"},
	} {
		str[f.name] = fs.String(f.name, "", f.usage)
	}
	ints := map[string]*string{
		"months": fs.String("months", "", "duration in `MONTHS`"),
		"notice": fs.String("notice", "", "termination notice before each anniversary, in `MONTHS`"),
	}
	raws := map[string]*string{
		"fees":     fs.String("fees", "", "yearly fees before VAT per contract year, a JSON `ARRAY` such as [\"6300\",\"9000\"]"),
		"revision": fs.String("revision", "", "revision clause, a JSON `OBJECT` (see pricing/schema/contract.schema.json)"),
	}
	sf := pricingSeriesFlags{name: new(string), file: fs.String("series-file", "", "`FILE` with index values (JSON, or CSV read with the configuration of the revision's series)")}
	return func(*env) (any, error) {
		doc := map[string]json.RawMessage{}
		var errs []error
		for k, v := range str {
			if *v != "" {
				b, _ := json.Marshal(*v)
				doc[k] = b
			}
		}
		for k, v := range ints {
			if *v != "" {
				n, err := parseInt(k, *v)
				if err != nil {
					errs = append(errs, err)
					continue
				}
				b, _ := json.Marshal(n)
				doc[k] = b
			}
		}
		for k, v := range raws {
			if *v != "" {
				if !json.Valid([]byte(*v)) {
					errs = append(errs, &fielderr.Error{Field: k, Value: *v, Err: errInvalidJSON})
					continue
				}
				doc[k] = json.RawMessage(*v)
			}
		}
		if err := joinFieldErrors(errs...); err != nil {
			return nil, err
		}
		var extra []*pricing.Series
		if *sf.file != "" {
			var rev struct {
				Series string `json:"series"`
			}
			_ = json.Unmarshal(doc["revision"], &rev)
			*sf.name = rev.Series
			s, err := sf.load()
			if err != nil {
				return nil, err
			}
			extra = append(extra, s)
		}
		data, _ := json.Marshal(doc)
		c, err := pricing.ParseContract(data, extra...)
		if err != nil {
			return nil, err
		}
		return pricing.Plan(c)
	}
}

func pricingCheckCmd(fs *flag.FlagSet) func(*env) (any, error) {
	rf := declarePricingRevision(fs)
	ci := fs.String("claimed-initial", "", "P0 `AMOUNT` the invoice starts from, when it differs")
	cbm := fs.String("claimed-base-month", "", "base `YYYY-MM` the invoice shows")
	cbi := fs.String("claimed-base-index", "", "base index `VALUE` the invoice shows")
	ccm := fs.String("claimed-current-month", "", "revision `YYYY-MM` the invoice shows")
	cci := fs.String("claimed-current-index", "", "current index `VALUE` the invoice shows")
	cc := fs.String("claimed-coefficient", "", "revision `COEFFICIENT` the invoice shows")
	cr := fs.String("claimed-revised", "", "revised price before VAT `AMOUNT` the invoice charges")
	return func(*env) (any, error) {
		exp, s, err := rf.build()
		if err != nil {
			return nil, err
		}
		var errs []error
		var cl pricing.Claim
		cur := exp.Initial.Currency()
		if *ci != "" {
			cl.Initial, err = parsePricingAmount("claimed-initial", *ci, cur)
			errs = append(errs, err)
		}
		cl.Revised, err = parsePricingAmount("claimed-revised", *cr, cur)
		errs = append(errs, err)
		obs := func(mField, m, vField, v string) pricing.Observation {
			var o pricing.Observation
			if m != "" {
				mo, err := parsePricingMonth(mField, m)
				errs = append(errs, err)
				o.Month = mo
			}
			if v != "" {
				d, err := pricing.ParseDecimal(v)
				if err != nil {
					errs = append(errs, &fielderr.Error{Field: vField, Value: v, Err: pricing.ErrInvalidAmount})
				}
				o.Value = d
			}
			return o
		}
		cl.Base = obs("claimed-base-month", *cbm, "claimed-base-index", *cbi)
		cl.Current = obs("claimed-current-month", *ccm, "claimed-current-index", *cci)
		cl.Coefficient, err = parsePricingOptDecimal("claimed-coefficient", *cc)
		errs = append(errs, err)
		if err := joinFieldErrors(errs...); err != nil {
			return nil, err
		}
		return pricing.CheckInvoice(exp, cl, s), nil
	}
}

func pricingFormulaCmd(fs *flag.FlagSet) func(*env) (any, error) {
	text := fs.String("formula", "", "revision `FORMULA` as written, e.g. \"Pn = P0 × (0,125 + 0,875 × ICHT-IMEn/ICHT-IME0)\"")
	return func(*env) (any, error) {
		if *text == "" {
			return nil, &fielderr.Error{Field: "formula", Err: errRequired}
		}
		f, err := pricing.ParseFormula(*text)
		if err != nil {
			return nil, err
		}
		type term struct {
			Index  string `json:"index"`
			Weight string `json:"weight"`
		}
		out := struct {
			Formula   string `json:"formula"`
			FormulaEN string `json:"formula_en"`
			Fixed     string `json:"fixed"`
			Terms     []term `json:"terms"`
		}{Formula: f.String(), FormulaEN: f.Format(pricing.English), Fixed: pricingDec(f.Fixed())}
		for _, t := range f.Terms() {
			out.Terms = append(out.Terms, term{t.Index, pricingDec(t.Weight)})
		}
		return out, nil
	}
}

func pricingIndexCmd(fs *flag.FlagSet) func(*env) (any, error) {
	sf := declarePricingSeries(fs)
	month := fs.String("month", "", "`YYYY-MM` whose value is wanted (latest vintage)")
	at := fs.String("at", "", "`YYYY-MM-DD`: with --month, the value known on that day; alone, the last value published on that day")
	return func(*env) (any, error) {
		s, err := sf.load()
		if err != nil {
			return nil, err
		}
		if *month == "" && *at == "" {
			return nil, &fielderr.Error{Field: "month", Err: errRequired, Detail: "give --month, --at or both"}
		}
		var m pricing.Month
		var d pricing.Date
		var errs []error
		if *month != "" {
			m, err = parsePricingMonth("month", *month)
			errs = append(errs, err)
		}
		if *at != "" {
			d, err = pricing.ParseDate(*at)
			if err != nil {
				errs = append(errs, &fielderr.Error{Field: "at", Value: *at, Err: pricing.ErrInvalidDate})
			}
		}
		if err := joinFieldErrors(errs...); err != nil {
			return nil, err
		}
		var p pricing.Point
		switch {
		case *month != "" && *at != "":
			p, err = s.ValueAsOf(m, d)
		case *month != "":
			p, err = s.Value(m)
		default:
			p, err = s.LatestAsOf(d)
		}
		if err != nil {
			return nil, err
		}
		return struct {
			Series         string `json:"series"`
			Version        string `json:"version"`
			Month          string `json:"month"`
			Value          string `json:"value"`
			Base           string `json:"base,omitempty"`
			Status         string `json:"status"`
			Published      string `json:"published"`
			PublishedKnown bool   `json:"published_known"`
			Source         string `json:"source,omitempty"`
		}{s.Name(), s.Config().Version, p.Month.String(), pricingDec(p.Value), p.Base, p.Status.String(),
			s.PublishedOn(p).String(), !p.Published.IsZero(), p.Source}, nil
	}
}

// demoPricing returns the demo's pricing section: the two-year invoice
// schedule of the contract, revised with the Syntec snapshot, and a
// revision across the August 2022 series break.
func demoPricing() (any, error) {
	contract := `{
  "signature": "2024-10-15",
  "start": "2024-12-02",
  "months": 24,
  "fees": ["6300", "9000"],
  "frequency": "yearly",
  "term": "advance",
  "vat": "20",
  "notice": 3,
  "revision": {
    "formula": "P = P0 x S/S0",
    "series": "syntec",
    "base": {"rule": "last-published", "at": "signature"},
    "current": {"rule": "last-published"}
  }
}`
	c, err := pricing.ParseContract([]byte(contract))
	if err != nil {
		return nil, err
	}
	sched, err := pricing.Plan(c)
	if err != nil {
		return nil, err
	}
	var invoices []string
	for _, inv := range sched.Invoices {
		invoices = append(invoices, "Facture "+strconv.Itoa(inv.Number)+" du "+pricingFrDate(inv.Date)+" (année "+strconv.Itoa(inv.Year)+", "+pricingFrDate(inv.From)+" – "+pricingFrDate(inv.To)+") : "+
			inv.Amounts.HT.Format(pricing.French)+" HT + TVA "+inv.Amounts.TVA.Format(pricing.French)+" = "+inv.Amounts.TTC.Format(pricing.French)+" TTC")
	}
	var notices []string
	for _, a := range sched.Anniversaries {
		notices = append(notices, "Anniversaire du "+pricingFrDate(a.Date)+" : résiliation à notifier au plus tard le "+pricingFrDate(a.NoticeDeadline)+" (préavis de 3 mois)")
	}
	// A contract signed in 2021 (base index in the old series) revised with
	// an October 2025 value: the coefficient de raccord bridges the break.
	s := pricing.Syntec()
	brk, err := pricing.ReviseWithSeries(pricing.MustEUR("9000"), s, pricing.MustMonth("2021-06"), pricing.MustMonth("2025-10"), pricing.RevisionConfig{})
	if err != nil {
		return nil, err
	}
	return struct {
		About         string            `json:"about"`
		Series        map[string]string `json:"series"`
		Contract      json.RawMessage   `json:"contract"`
		Schedule      *pricing.Schedule `json:"schedule"`
		InvoicesFR    []string          `json:"invoices_fr"`
		NoticesFR     []string          `json:"notices_fr"`
		SeriesBreakFR []string          `json:"series_break_fr"`
		SeriesBreakEN []string          `json:"series_break_en"`
	}{
		About: "Yearly fees of 6 300 € HT (year 1) and 9 000 € HT (year 2), invoiced in advance from the production start, revised at the anniversary with Syntec: P = P0 × S/S0, S0 and S being the last values published at the date of signature and at the anniversary (dernier indice connu). Dates are chosen inside the shipped Syntec snapshot so the demo never depends on the clock.",
		Series: map[string]string{"name": s.Name(), "version": pricing.SyntecVersion, "retrieved": pricing.SyntecRetrieved,
			"link": "old → revised at 2022-08, revised = old × " + pricingDec(pricing.SyntecLink.Coefficient) + " (280.6 / 286.4)"},
		Contract: json.RawMessage(contract), Schedule: sched, InvoicesFR: invoices, NoticesFR: notices,
		SeriesBreakFR: brk.Explain(pricing.French), SeriesBreakEN: brk.Explain(pricing.English),
	}, nil
}

func pricingFrDate(d pricing.Date) string {
	s := d.String()
	return s[8:10] + "/" + s[5:7] + "/" + s[0:4]
}
