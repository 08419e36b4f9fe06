package clauses

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
	"github.com/openmarches/marches/pricing"
	"github.com/openmarches/marches/procurement"
)

// Input is what a document is assembled from: the consultation and the
// values of the library's variables. Values maps a variable's name to its
// value in the JSON form of its type (see Variable.Default): string,
// bool, json.Number, int, int64, decimal.Decimal, pricing.Amount,
// calendar.Date, pricing.Formula, []any, []string, []map[string]any and
// map[string]any (records) are accepted. The maps and slices are only read.
type Input struct {
	Consultation procurement.Consultation
	Values       map[string]any
}

// ParseInput reads the JSON form of an Input:
//
//	{"consultation": { ...procurement JSON... }, "values": {"duree.mois": 24, ...}}
//
// The consultation is read by procurement.ParseConsultation (schema,
// decoding, validation), its problems reported under "consultation.";
// values keep numbers as json.Number. Errors: ErrInvalidInput, and the
// procurement sentinels.
func ParseInput(data []byte) (Input, error) {
	var doc struct {
		Consultation json.RawMessage `json:"consultation"`
		Values       json.RawMessage `json:"values"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return Input{}, &FieldError{Field: "input", Err: ErrInvalidInput, Detail: err.Error()}
	}
	if dec.More() {
		return Input{}, &FieldError{Field: "input", Err: ErrInvalidInput, Detail: "trailing data"}
	}
	if len(doc.Consultation) == 0 || string(doc.Consultation) == "null" {
		return Input{}, &FieldError{Field: "consultation", Err: ErrInvalidInput, Detail: "consultation is required"}
	}
	c, err := procurement.ParseConsultation(doc.Consultation)
	if err != nil {
		return Input{}, prefixFields(err, "consultation.")
	}
	in := Input{Consultation: c}
	if len(doc.Values) > 0 && string(doc.Values) != "null" {
		vd := json.NewDecoder(bytes.NewReader(doc.Values))
		vd.UseNumber()
		if err := vd.Decode(&in.Values); err != nil {
			return Input{}, &FieldError{Field: "values", Err: ErrInvalidInput, Detail: err.Error()}
		}
	}
	return in, nil
}

// prefixFields prefixes the Field of every FieldError in err.
func prefixFields(err error, prefix string) error {
	var list fielderr.List
	if errors.As(err, &list) {
		out := make([]*FieldError, len(list))
		for i, e := range list {
			c := *e
			c.Field = prefix + c.Field
			out[i] = &c
		}
		return fielderr.Join(out)
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		c := *fe
		c.Field = prefix + c.Field
		return &c
	}
	return err
}

// Scope is the data that conditions and templates read: the consultation's
// fields (see the package documentation for their names) and the library's
// variables with their values or defaults. It is immutable and safe for
// concurrent use.
type Scope struct {
	vars map[string]value
}

// Text returns how a template writes the named value ("9 000,00 € HT",
// "22 avril 2026"), and whether the name is known. An unset optional
// value writes "".
func (s *Scope) Text(name string) (string, bool) {
	e := env{base: s.vars}
	v, ok := e.lookup(name)
	return v.text, ok
}

// NewScope builds the scope of in: the consultation's fields and, for
// each variable, its value in in.Values or its default. Every problem is
// reported at once, sorted by field: ErrUnknownVariable (a value for no
// variable), ErrInvalidValue, ErrMissingValue (a required variable with
// neither value nor default). Fields are "values.<name>".
func (l *Library) NewScope(in Input) (*Scope, error) {
	vars := consultationValues(in.Consultation)
	var errs []*FieldError
	names := make([]string, 0, len(in.Values))
	for k := range in.Values {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		if _, ok := l.varIdx[k]; !ok {
			errs = append(errs, &FieldError{Field: "values." + k, Err: ErrUnknownVariable})
		}
	}
	for _, v := range l.vars {
		raw, given := in.Values[v.Name]
		if !given || raw == nil {
			raw = v.Default
		}
		if raw == nil {
			if v.Required {
				errs = append(errs, &FieldError{Field: "values." + v.Name, Err: ErrMissingValue, Detail: v.Label})
			}
			vars[v.Name] = value{}
			continue
		}
		cv, msg := convert(v.Type, raw, v.Values, v.Tax, v.Items, v.Fields)
		if msg != "" {
			text, _ := scalarText(raw)
			errs = append(errs, &FieldError{Field: "values." + v.Name, Value: text, Err: ErrInvalidValue, Detail: msg})
			continue
		}
		vars[v.Name] = cv
	}
	if len(errs) > 0 {
		return nil, fielderr.Join(errs)
	}
	return &Scope{vars: vars}, nil
}

// procedureLabels are the French names of the procedures (CCP L2120-1 ff.).
var procedureLabels = map[procurement.Procedure]string{
	procurement.ProcedureNoPublicity:           "marché sans publicité ni mise en concurrence préalables",
	procurement.ProcedureAdapted:               "procédure adaptée",
	procurement.ProcedureOpen:                  "appel d'offres ouvert",
	procurement.ProcedureRestricted:            "appel d'offres restreint",
	procurement.ProcedureNegotiated:            "procédure avec négociation",
	procurement.ProcedureCompetitiveDialogue:   "dialogue compétitif",
	procurement.ProcedureInnovationPartnership: "partenariat d'innovation",
}

// ProcedureLabel returns the French name of a procedure ("appel d'offres
// ouvert"), or "" for an unknown one.
func ProcedureLabel(p procurement.Procedure) string { return procedureLabels[p] }

var natureLabels = map[procurement.Nature]string{
	procurement.Works: "travaux", procurement.Supplies: "fournitures", procurement.Services: "services",
}

// formalised reports whether p is a formalised procedure (CCP L2124-1:
// appel d'offres, procédure avec négociation, dialogue compétitif).
func formalised(p procurement.Procedure) bool {
	switch p {
	case procurement.ProcedureOpen, procurement.ProcedureRestricted, procurement.ProcedureNegotiated, procurement.ProcedureCompetitiveDialogue:
		return true
	}
	return false
}

func optText(s string) value {
	if s == "" {
		return value{}
	}
	return strValue(s)
}

func amountHT(d decimal.Decimal) value { return amountValue(pricing.AmountOf(d, pricing.EUR), "HT") }

func criteriaValue(cs []procurement.AwardCriterion) value {
	items := make([]value, len(cs))
	for i, c := range cs {
		rec := &record{names: []string{"name", "kind", "weight"}, values: map[string]value{
			"name": strValue(c.Name), "kind": strValue(c.Kind.String()), "weight": intValue(int64(c.Weight)),
		}}
		items[i] = value{k: kRecord, rec: rec}
	}
	return listValue(items)
}

// consultationValues flattens a consultation into the names conditions
// and templates read (see builtinShapes).
func consultationValues(c procurement.Consultation) map[string]value {
	m := map[string]value{
		"reference":                optText(c.Reference),
		"title":                    optText(c.Title),
		"description":              optText(c.Description),
		"buyer.name":               optText(c.Buyer.Name),
		"buyer.siret":              optText(c.Buyer.SIRET),
		"buyer.kind":               optText(c.Buyer.Kind.String()),
		"buyer.address.street":     optText(c.Buyer.Address.Street),
		"buyer.address.postalCode": optText(c.Buyer.Address.PostalCode),
		"buyer.address.city":       optText(c.Buyer.Address.City),
		"buyer.territory":          optText(c.Buyer.Territory),
		"nature":                   optText(c.Nature.String()),
		"nature.label":             optText(natureLabels[c.Nature]),
		"procedure":                optText(c.Procedure.String()),
		"procedure.label":          optText(procedureLabels[c.Procedure]),
		"procedure.formalised":     boolValue(formalised(c.Procedure)),
		"cpv":                      optText(c.CPV),
		"estimatedValue":           amountHT(c.EstimatedValue),
		"optionsValue":             amountHT(c.OptionsValue),
		"renewalsValue":            amountHT(c.RenewalsValue),
		"premiumsValue":            amountHT(c.PremiumsValue),
		"totalValue":               amountHT(c.TotalValue()),
		"durationMonths":           intValue(int64(c.DurationMonths)),
		"totalDurationMonths":      intValue(int64(c.TotalDurationMonths())),
		"renewals.count":           intValue(int64(c.Renewals.Count)),
		"renewals.months":          intValue(int64(c.Renewals.Months)),
		"awardCriteria":            criteriaValue(c.AwardCriteria),
		"tenderValidityDays":       intValue(int64(c.TenderValidityDays)),
		"noticeDispatch":           value{},
		"tendersDeadline":          value{},
		"payment.days":             value{},
		"payment.basis":            value{},
	}
	cpvs := make([]value, len(c.AdditionalCPV))
	for i, s := range c.AdditionalCPV {
		cpvs[i] = strValue(s)
	}
	m["additionalCpv"] = listValue(cpvs)
	lots := make([]value, len(c.Lots))
	for i, lot := range c.Lots {
		rec := &record{names: []string{"number", "title", "description", "cpv", "estimatedValue", "optionsValue", "renewalsValue", "totalValue", "awardCriteria"}, values: map[string]value{
			"number": intValue(int64(lot.Number)), "title": optText(lot.Title), "description": optText(lot.Description),
			"cpv": optText(lot.CPV), "estimatedValue": amountHT(lot.EstimatedValue), "optionsValue": amountHT(lot.OptionsValue),
			"renewalsValue": amountHT(lot.RenewalsValue), "totalValue": amountHT(lot.TotalValue()),
			"awardCriteria": criteriaValue(c.CriteriaFor(lot.Number)),
		}}
		lots[i] = value{k: kRecord, rec: rec}
	}
	m["lots"] = listValue(lots)
	if !c.NoticeDispatch.IsZero() {
		m["noticeDispatch"] = dateValue(c.NoticeDispatch)
	}
	if !c.TendersDeadline.IsZero() {
		v := dateValue(calendar.DateOf(c.TendersDeadline))
		v.text = formatInstant(c.TendersDeadline)
		m["tendersDeadline"] = v
	}
	if c.Buyer.Kind.Valid() {
		if pt, err := procurement.PaymentTimeLimit(c.Buyer.Kind, calendar.Date{}); err == nil {
			m["payment.days"] = intValue(int64(pt.Days))
			m["payment.basis"] = strValue(pt.Basis)
			m["payment.article"] = optText(frenchArticle(pt.Basis))
		}
	}
	return m
}

// shape describes a name for static checks: a scalar, a list (item) or a
// record (fields).
type shape struct {
	list   *shape
	fields map[string]*shape
}

var scalar = &shape{}

func recordShape(fields ...string) *shape {
	s := &shape{fields: map[string]*shape{}}
	for _, f := range fields {
		s.fields[f] = scalar
	}
	return s
}

var criteriaShape = &shape{list: recordShape("name", "kind", "weight")}

// builtinShapes are the names the consultation and the document provide.
var builtinShapes = func() map[string]*shape {
	m := map[string]*shape{}
	for _, n := range []string{
		"reference", "title", "description", "buyer.name", "buyer.siret", "buyer.kind",
		"buyer.address.street", "buyer.address.postalCode", "buyer.address.city", "buyer.territory",
		"nature", "nature.label", "procedure", "procedure.label", "procedure.formalised", "cpv",
		"estimatedValue", "optionsValue", "renewalsValue", "premiumsValue", "totalValue",
		"durationMonths", "totalDurationMonths", "renewals.count", "renewals.months",
		"tenderValidityDays", "noticeDispatch", "tendersDeadline", "payment.days", "payment.basis", "payment.article",
		"document.title", "document.short", "document.id", "ccag.name", "ccag.short",
	} {
		m[n] = scalar
	}
	m["additionalCpv"] = &shape{list: scalar}
	m["awardCriteria"] = criteriaShape
	lot := recordShape("number", "title", "description", "cpv", "estimatedValue", "optionsValue", "renewalsValue", "totalValue")
	lot.fields["awardCriteria"] = criteriaShape
	m["lots"] = &shape{list: lot}
	m["derogations"] = &shape{list: recordShape("article", "title", "ccag")}
	return m
}()

func isBuiltin(name string) bool {
	_, ok := builtinShapes[name]
	return ok || name == "document" || name == "buyer" || name == "derogations" || name == "ccag"
}

// BuiltinNames returns the names of the consultation's fields and of the
// document data that conditions and templates may read, sorted.
func BuiltinNames() []string {
	out := make([]string, 0, len(builtinShapes))
	for k := range builtinShapes {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func variableShape(v Variable) *shape {
	if v.Type != TypeList {
		return scalar
	}
	if len(v.Fields) == 0 {
		return &shape{list: scalar}
	}
	names := make([]string, len(v.Fields))
	for i, f := range v.Fields {
		names[i] = f.Name
	}
	return &shape{list: recordShape(names...)}
}

// resolve finds the shape of name with the loop variables in force; it
// returns nil for an unknown name and the library variable the name
// reads, if any.
func (l *Library) resolve(name string, loops []loopVar) (*shape, string) {
	for i := len(loops) - 1; i >= 0; i-- {
		lv := loops[i]
		rest, isField := "", false
		if name != lv.as {
			var ok bool
			if rest, ok = cutPrefix(name, lv.as+"."); !ok {
				continue
			}
			isField = true
		}
		ls, v := l.resolve(lv.list, loops[:i])
		if ls == nil || ls.list == nil {
			return nil, v
		}
		s := ls.list
		if !isField {
			return s, v
		}
		for _, f := range splitDots(rest) {
			if s.fields == nil {
				return nil, v
			}
			if s = s.fields[f]; s == nil {
				return nil, v
			}
		}
		return s, v
	}
	if s, ok := builtinShapes[name]; ok {
		return s, ""
	}
	if i, ok := l.varIdx[name]; ok {
		return variableShape(l.vars[i]), name
	}
	return nil, ""
}

func cutPrefix(s, p string) (string, bool) {
	if len(s) > len(p) && s[:len(p)] == p {
		return s[len(p):], true
	}
	return "", false
}

func splitDots(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// frenchArticle turns the first article of a basis such as "CCP R2192-10
// (...)" into its French written form "R. 2192-10", or "".
func frenchArticle(basis string) string {
	for _, f := range strings.Fields(basis) {
		f = strings.Trim(f, "(),;")
		if len(f) < 4 || (f[0] != 'R' && f[0] != 'L' && f[0] != 'D') {
			continue
		}
		num, rest, ok := strings.Cut(f[1:], "-")
		if ok && allDigits(num) && allDigits(rest) {
			return f[:1] + ". " + num + "-" + rest
		}
	}
	return ""
}
