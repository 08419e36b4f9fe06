package procurement

import (
	"bytes"
	"encoding/json"
	"errors"
	"iter"
	"slices"
	"strconv"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
	"github.com/shopspring/decimal"
)

// Thresholds (notes for doc.go).
//
// The amounts that decide the procedure and the publicity are data, not
// code: a ThresholdTable holds dated rows (seuils), each with its amount in
// euros excluding VAT (HT), the first and last day it applies to, the legal
// act that sets it and a source URL. Rows are chosen by the date the
// consultation is launched (the day the call for competition is sent for
// publication, or the consultation is otherwise engaged), which is how every
// revision of the thresholds states its own entry into force. A date that no
// row covers is an error (ErrNoThreshold): the table never falls back to
// "the latest" row and never extrapolates, so the 2028 EU revision is a new
// table, not a silent reuse of the 2026-2027 amounts.

// ThresholdKind names one threshold. The zero ThresholdKind is unset.
// Codes are stable; values are only ever added at the end.
type ThresholdKind int

const (
	// ThresholdEUWorks: works contracts of pouvoirs adjudicateurs
	// (directive 2014/24 art. 4 a).
	ThresholdEUWorks ThresholdKind = iota + 1
	// ThresholdEUSuppliesServicesCentral: supplies, services and design
	// contests of central government authorities (the State).
	ThresholdEUSuppliesServicesCentral
	// ThresholdEUSuppliesServicesSubCentral: supplies, services and design
	// contests of sub-central contracting authorities (local authorities,
	// hospitals, other pouvoirs adjudicateurs).
	ThresholdEUSuppliesServicesSubCentral
	// ThresholdEUSocialServices: social and other specific services
	// (directive 2014/24 annex XIV, light regime).
	ThresholdEUSocialServices
	// ThresholdEUUtilitiesWorks: works of entités adjudicatrices
	// (directive 2014/25).
	ThresholdEUUtilitiesWorks
	// ThresholdEUUtilitiesSuppliesServices: supplies, services and design
	// contests of entités adjudicatrices.
	ThresholdEUUtilitiesSuppliesServices
	// ThresholdEUUtilitiesSocialServices: social and other specific
	// services of entités adjudicatrices (directive 2014/25 annex XVII).
	ThresholdEUUtilitiesSocialServices
	// ThresholdEUConcessions: concession contracts (directive 2014/23).
	ThresholdEUConcessions
	// ThresholdEUDefenceSuppliesServices: defence and security supplies and
	// services (directive 2009/81).
	ThresholdEUDefenceSuppliesServices
	// ThresholdEUDefenceWorks: defence and security works.
	ThresholdEUDefenceWorks
	// ThresholdNoPublicitySuppliesServices: below it, a supplies or
	// services contract may be awarded without publicity or competition
	// (dispense, CCP R2122-8).
	ThresholdNoPublicitySuppliesServices
	// ThresholdNoPublicityWorks: the same dispense for works.
	ThresholdNoPublicityWorks
	// ThresholdMAPANotice: from it, an adapted procedure (MAPA) of the
	// State, local authorities and their public establishments needs a
	// notice in the BOAMP or a JAL (CCP R2131-12).
	ThresholdMAPANotice
	// ThresholdFreeDocuments: from it, when a call for competition is
	// published, the consultation documents are offered free, full and
	// direct on the buyer profile (CCP R2132-2).
	ThresholdFreeDocuments
	// ThresholdSmallLotSuppliesServices: a supplies or services lot below
	// it may use an adapted procedure inside a formalised operation, if
	// such lots add up to at most 20 % of all lots (CCP R2123-1 2°).
	ThresholdSmallLotSuppliesServices
	// ThresholdSmallLotWorks: the same small-lots allowance for works.
	ThresholdSmallLotWorks
)

var thresholdKindCodes = [...]string{"",
	"eu_works", "eu_supplies_services_central", "eu_supplies_services_sub_central", "eu_social_services",
	"eu_utilities_works", "eu_utilities_supplies_services", "eu_utilities_social_services", "eu_concessions",
	"eu_defence_supplies_services", "eu_defence_works",
	"no_publicity_supplies_services", "no_publicity_works", "mapa_notice", "free_documents",
	"small_lot_supplies_services", "small_lot_works",
}

// String returns the stable code, e.g. "eu_supplies_services_sub_central".
func (k ThresholdKind) String() string { return codeOf(thresholdKindCodes[:], int(k), "ThresholdKind") }

// Valid reports whether k is a known, set kind.
func (k ThresholdKind) Valid() bool { return k > 0 && int(k) < len(thresholdKindCodes) }

// ParseThresholdKind parses a threshold kind code; unknown codes fail
// with ErrUnknownThresholdKind.
func ParseThresholdKind(s string) (ThresholdKind, error) {
	if v, ok := parseCode(thresholdKindCodes[:], s); ok {
		return ThresholdKind(v), nil
	}
	return 0, &FieldError{Field: "kind", Value: s, Err: ErrUnknownThresholdKind}
}

// MarshalText encodes the code; an unset or unknown kind is an error.
func (k ThresholdKind) MarshalText() ([]byte, error) {
	if !k.Valid() {
		return nil, &FieldError{Field: "kind", Value: k.String(), Err: ErrUnknownThresholdKind}
	}
	return []byte(k.String()), nil
}

// UnmarshalText decodes a code; see ParseThresholdKind.
func (k *ThresholdKind) UnmarshalText(b []byte) error {
	v, err := ParseThresholdKind(string(b))
	if err == nil {
		*k = v
	}
	return err
}

// Threshold is one dated row of a ThresholdTable. A value reaches the
// threshold when it is equal to or greater than Amount ("égale ou
// supérieure", CCP L2124-1); the dispense thresholds are met by values
// strictly below Amount.
type Threshold struct {
	// Kind is what the amount is the threshold of.
	Kind ThresholdKind
	// Amount is in euros excluding VAT (HT).
	Amount decimal.Decimal
	// From is the first launch date the row applies to, inclusive.
	From calendar.Date
	// To is the last launch date the row applies to, inclusive; the zero
	// Date means "until a later row or text replaces it".
	To calendar.Date
	// Act names the legal act that sets the amount.
	Act string
	// Source is the URL the amount was read from.
	Source string
}

// InForce reports whether the row applies to a consultation launched on d.
func (t Threshold) InForce(d calendar.Date) bool {
	return rowInForce(t.From, t.To, d)
}

func rowInForce(from, to, d calendar.Date) bool {
	return !d.Before(from) && (to.IsZero() || !d.After(to))
}

type thresholdJSON struct {
	Kind   string `json:"kind"`
	Amount string `json:"amount"`
	From   string `json:"from"`
	To     string `json:"to,omitempty"`
	Act    string `json:"act"`
	Source string `json:"source,omitempty"`
}

// MarshalJSON encodes the row with the amount as a string of euros
// ("216000") and dates as "YYYY-MM-DD"; an open-ended row has no "to".
func (t Threshold) MarshalJSON() ([]byte, error) {
	j := thresholdJSON{Kind: t.Kind.String(), Amount: euroAmountString(t.Amount), From: t.From.String(), Act: t.Act, Source: t.Source}
	if !t.To.IsZero() {
		j.To = t.To.String()
	}
	return json.Marshal(j)
}

// euroAmountString formats a euro amount exactly: with no fractional part
// when it has none ("216000"), else with at least two decimals ("1234.50",
// "0.001"), independently of shopspring's package settings.
func euroAmountString(d decimal.Decimal) string {
	if d.Equal(d.Truncate(0)) {
		return d.StringFixed(0)
	}
	places := int32(2)
	if e := -d.Exponent(); e > places {
		places = e
	}
	return d.StringFixed(places)
}

// ThresholdTable is a versioned, immutable set of dated thresholds, safe
// for concurrent use. Build one with NewThresholdTable or
// ParseThresholdTable, or use DefaultThresholds.
type ThresholdTable struct {
	version string
	rows    []Threshold // sorted by kind, then From
}

// NewThresholdTable validates rows and returns the table. Every problem is
// reported at once, each as a *FieldError whose Field is
// "thresholds[i].<field>": ErrTableVersion, ErrTableEmpty,
// ErrUnknownThresholdKind, ErrThresholdAmount, ErrRowFrom, ErrRowRange,
// ErrRowBasis, ErrRowOverlap. rows is copied, not retained.
func NewThresholdTable(version string, rows []Threshold) (*ThresholdTable, error) {
	var errs []*FieldError
	if version == "" {
		errs = append(errs, &FieldError{Field: "version", Err: ErrTableVersion})
	}
	if len(rows) == 0 {
		errs = append(errs, &FieldError{Field: "thresholds", Err: ErrTableEmpty})
	}
	for i, r := range rows {
		p := "thresholds[" + strconv.Itoa(i) + "]."
		if !r.Kind.Valid() {
			errs = append(errs, &FieldError{Field: p + "kind", Value: r.Kind.String(), Err: ErrUnknownThresholdKind})
		}
		if r.Amount.Sign() <= 0 {
			errs = append(errs, &FieldError{Field: p + "amount", Value: r.Amount.String(), Err: ErrThresholdAmount})
		}
		errs = append(errs, checkRowDates(p, r.From, r.To)...)
		if r.Act == "" {
			errs = append(errs, &FieldError{Field: p + "act", Err: ErrRowBasis})
		}
	}
	sorted := slices.Clone(rows)
	slices.SortStableFunc(sorted, func(a, b Threshold) int {
		if a.Kind != b.Kind {
			return int(a.Kind) - int(b.Kind)
		}
		return a.From.Compare(b.From)
	})
	for i := 1; i < len(sorted); i++ {
		a, b := sorted[i-1], sorted[i]
		if a.Kind == b.Kind && a.Kind.Valid() && !a.From.IsZero() && !b.From.IsZero() && rowsOverlap(a.From, a.To, b.From, b.To) {
			errs = append(errs, &FieldError{Field: "thresholds", Value: b.Kind.String() + " " + b.From.String(), Err: ErrRowOverlap,
				Detail: "rows from " + a.From.String() + " and " + b.From.String()})
		}
	}
	if err := rulesJoin(errs); err != nil {
		return nil, err
	}
	return &ThresholdTable{version: version, rows: sorted}, nil
}

func checkRowDates(prefix string, from, to calendar.Date) []*FieldError {
	var errs []*FieldError
	if from.IsZero() {
		errs = append(errs, &FieldError{Field: prefix + "from", Err: ErrRowFrom})
	}
	if !to.IsZero() && !from.IsZero() && to.Before(from) {
		errs = append(errs, &FieldError{Field: prefix + "to", Value: to.String(), Err: ErrRowRange, Detail: "from " + from.String()})
	}
	return errs
}

// overlaps reports whether the closed ranges [af, at] and [bf, bt] share a
// day; a zero end is open.
func rowsOverlap(af, at, bf, bt calendar.Date) bool {
	aEndsBeforeB := !at.IsZero() && at.Before(bf)
	bEndsBeforeA := !bt.IsZero() && bt.Before(af)
	return !aEndsBeforeB && !bEndsBeforeA
}

// rulesJoin returns the violations as one sorted error, or nil.
func rulesJoin(errs []*FieldError) error {
	if len(errs) == 0 {
		return nil
	}
	return fielderr.Join(errs)
}

// rulesLeaves returns the *FieldError leaves of err (a fielderr.List or a
// single violation); other errors are wrapped without a field.
func rulesLeaves(err error) []*FieldError {
	if err == nil {
		return nil
	}
	var out []*FieldError
	if l, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range l.Unwrap() {
			out = append(out, rulesLeaves(e)...)
		}
		return out
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return []*FieldError{fe}
	}
	return []*FieldError{{Err: err}}
}

// Version returns the table's data version.
func (t *ThresholdTable) Version() string { return t.version }

// Lookup returns the row of kind in force for a consultation launched on
// d. It fails with ErrDateRequired for the zero date, ErrUnknownThresholdKind
// and ErrNoThreshold when no row covers d.
func (t *ThresholdTable) Lookup(kind ThresholdKind, d calendar.Date) (Threshold, error) {
	if !kind.Valid() {
		return Threshold{}, &FieldError{Field: "kind", Value: kind.String(), Err: ErrUnknownThresholdKind}
	}
	if d.IsZero() {
		return Threshold{}, &FieldError{Field: "launchDate", Err: ErrDateRequired}
	}
	for _, r := range t.rows {
		if r.Kind == kind && r.InForce(d) {
			return r, nil
		}
	}
	return Threshold{}, &FieldError{Field: "launchDate", Value: d.String(), Err: ErrNoThreshold,
		Detail: kind.String() + " in table " + t.version}
}

// All iterates over the rows, sorted by kind then first day of effect.
func (t *ThresholdTable) All() iter.Seq[Threshold] {
	return func(yield func(Threshold) bool) {
		for _, r := range t.rows {
			if !yield(r) {
				return
			}
		}
	}
}

type thresholdTableJSON struct {
	Version    string      `json:"version"`
	Thresholds []Threshold `json:"thresholds"`
}

// MarshalJSON encodes the table in the form ParseThresholdTable reads:
// {"version": "...", "thresholds": [{"kind", "amount", "from", "to", "act",
// "source"}, ...]}.
func (t *ThresholdTable) MarshalJSON() ([]byte, error) {
	return json.Marshal(thresholdTableJSON{Version: t.version, Thresholds: t.rows})
}

// ParseThresholdTable reads a table from JSON (see MarshalJSON), so that a
// user can replace or extend the built-in data without a code change.
// Amounts are decimal strings ("216000"); dates are "YYYY-MM-DD". Unknown
// fields and malformed values are reported together with the rules of
// NewThresholdTable.
func ParseThresholdTable(data []byte) (*ThresholdTable, error) {
	var doc struct {
		Version    string          `json:"version"`
		Thresholds []thresholdJSON `json:"thresholds"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return nil, &FieldError{Field: "table", Err: ErrTableJSON, Detail: err.Error()}
	}
	if dec.More() {
		return nil, &FieldError{Field: "table", Err: ErrTableJSON, Detail: "trailing data after the object"}
	}
	var errs []*FieldError
	rows := make([]Threshold, len(doc.Thresholds))
	for i, j := range doc.Thresholds {
		p := "thresholds[" + strconv.Itoa(i) + "]."
		r := &rows[i]
		var err error
		if r.Kind, err = ParseThresholdKind(j.Kind); err != nil {
			errs = append(errs, &FieldError{Field: p + "kind", Value: j.Kind, Err: ErrUnknownThresholdKind})
		}
		if r.Amount, err = decimal.NewFromString(j.Amount); err != nil {
			errs = append(errs, &FieldError{Field: p + "amount", Value: j.Amount, Err: ErrThresholdAmount})
		}
		r.From, r.To = parseRowDates(p, j.From, j.To, &errs)
		r.Act, r.Source = j.Act, j.Source
	}
	t, err := NewThresholdTable(doc.Version, rows)
	errs = mergeRowErrors(errs, err)
	if err := rulesJoin(errs); err != nil {
		return nil, err
	}
	return t, nil
}

// mergeRowErrors adds the violations of err to the parse errors, except
// those on a field the parse already reported (a malformed date is not
// also a missing one).
func mergeRowErrors(parse []*FieldError, err error) []*FieldError {
	seen := make(map[string]bool, len(parse))
	for _, e := range parse {
		seen[e.Field] = true
	}
	for _, e := range rulesLeaves(err) {
		if !seen[e.Field] {
			parse = append(parse, e)
		}
	}
	return parse
}

// parseRowDates parses a row's from/to strings, appending violations; a
// malformed date is returned as the zero Date.
func parseRowDates(prefix, from, to string, errs *[]*FieldError) (calendar.Date, calendar.Date) {
	var f, t calendar.Date
	if from != "" {
		d, err := calendar.ParseDate(from)
		if err != nil {
			*errs = append(*errs, &FieldError{Field: prefix + "from", Value: from, Err: calendar.ErrInvalidDate})
		}
		f = d
	}
	if to != "" {
		d, err := calendar.ParseDate(to)
		if err != nil {
			*errs = append(*errs, &FieldError{Field: prefix + "to", Value: to, Err: calendar.ErrInvalidDate})
		}
		t = d
	}
	return f, t
}
