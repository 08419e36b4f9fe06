package pricing

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Observation is the value of one index used in a revision: which index of
// the formula, from which series, month and base, and how it was chosen.
type Observation struct {
	// Index is the formula index it stands for ("S"); "" matches the only
	// index of a one-index formula.
	Index string
	// Series names the series ("syntec"); "" for a value typed in.
	Series string
	// Month is the month the value measures; zero for a value typed in.
	Month Month
	// Value is the index value as published (> 0).
	Value decimal.Decimal
	// Base is the series segment ("old", "revised"); values of different
	// bases are made comparable with the link coefficients.
	Base string
	// Status is definitive or provisional.
	Status Status
	// Published is the publication date (recorded or deemed, see
	// PublishedKnown); zero for a value typed in.
	Published Date
	// PublishedKnown is true when Published comes from the source rather
	// than from the series' publication lag.
	PublishedKnown bool
	// Rule and At say how Month was chosen (for the explanation); zero
	// when the month was given.
	Rule MonthRule
	At   Date
}

// CoefficientRounding says whether and how the revision coefficient is
// rounded before it multiplies the initial price. The zero value is "none":
// the price is computed from the exact ratio and rounded once, to the
// cent. Use ParseCoefficientRounding or RoundCoefficient.
type CoefficientRounding struct {
	mode   RoundingMode // 0 = none
	places int32
}

// RoundCoefficient returns the rule "round to places decimals with mode"
// (places 0..12; zero mode = half-up). Errors: ErrInvalidRounding.
func RoundCoefficient(places int, mode RoundingMode) (CoefficientRounding, error) {
	if places < 0 || places > 12 || mode < 0 || mode > RoundDown {
		return CoefficientRounding{}, &FieldError{Field: "rounding", Value: itoa(places) + "/" + mode.String(), Err: ErrInvalidRounding}
	}
	return CoefficientRounding{mode: mode.orDefault(), places: int32(places)}, nil
}

// ParseCoefficientRounding reads the rounding rule of a clause:
//
//	none            no rounding (default): exact ratio
//	N               N decimals (0..12), half-up: "4" gives 1.0323
//	half-even-N     N decimals, banker's rounding
//	up-N            N decimals, toward +∞ (au supérieur)
//	down-N          N decimals, toward −∞ (à l'inférieur)
//	up-thousandth   up-3: "arrondi au millième supérieur" (CCAG-Travaux 2009
//	                art. 11.4 and many clauses)
//
// Errors: ErrInvalidRounding.
func ParseCoefficientRounding(s string) (CoefficientRounding, error) {
	bad := &FieldError{Field: "rounding", Value: s, Err: ErrInvalidRounding}
	switch s {
	case "", "none":
		return CoefficientRounding{}, nil
	case "up-thousandth":
		return CoefficientRounding{mode: RoundUp, places: 3}, nil
	case "down-thousandth":
		return CoefficientRounding{mode: RoundDown, places: 3}, nil
	}
	mode := RoundHalfUp
	num := s
	for _, pre := range []struct {
		p string
		m RoundingMode
	}{{"half-up-", RoundHalfUp}, {"half-even-", RoundHalfEven}, {"up-", RoundUp}, {"down-", RoundDown}} {
		if rest, ok := strings.CutPrefix(s, pre.p); ok {
			mode, num = pre.m, rest
			break
		}
	}
	n, ok := digits(num)
	if !ok || len(num) > 2 || n > 12 {
		return CoefficientRounding{}, bad
	}
	return CoefficientRounding{mode: mode, places: int32(n)}, nil
}

// IsNone reports whether the rule leaves the coefficient unrounded.
func (r CoefficientRounding) IsNone() bool { return r.mode == 0 }

// Places returns the number of decimals (0 for none).
func (r CoefficientRounding) Places() int { return int(r.places) }

// Mode returns the rounding mode (0 for none).
func (r CoefficientRounding) Mode() RoundingMode { return r.mode }

// String returns the canonical text: none, 4, half-even-4, up-3, down-3.
func (r CoefficientRounding) String() string {
	switch r.mode {
	case 0:
		return "none"
	case RoundHalfUp:
		return itoa(int(r.places))
	}
	return r.mode.String() + "-" + itoa(int(r.places))
}

// MarshalText returns String.
func (r CoefficientRounding) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText reads a rule with ParseCoefficientRounding.
func (r *CoefficientRounding) UnmarshalText(b []byte) error {
	v, err := ParseCoefficientRounding(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// RevisionConfig is the revision clause of a contract. Zero fields mean
// the documented defaults.
type RevisionConfig struct {
	// Formula is the revision formula; zero means P = P0 × S/S0.
	Formula Formula
	// Rounding rounds the coefficient; zero means none (exact ratio). The
	// default follows the CLI contract ("unrounded by default"):
	// the 2021 CCAG-TIC rounding wording could not be confirmed, and the
	// "millième supérieur" of CCAG-Travaux 2009 art. 11.4 is a works rule;
	// set what the contract says.
	Rounding CoefficientRounding
	// AmountRounding rounds the revised price to the currency's minor
	// unit; zero means RoundHalfUp.
	AmountRounding RoundingMode
	// Floor and Cap bound the applied coefficient (clause butoir: the
	// price stops at the bound and the contract goes on). Valid=false
	// means no bound.
	Floor, Cap decimal.NullDecimal
	// Tunnel, in percent, leaves the price unrevised while |C − 1| <=
	// Tunnel/100 (the revision then applies in full once outside).
	Tunnel decimal.NullDecimal
	// NoDownward keeps the initial price when C < 1.
	NoDownward bool
	// Safeguard, in percent, flags a revision that raises the price by
	// more than Safeguard/100 (C − 1 > Safeguard/100): the clause de
	// sauvegarde lets the buyer terminate the unperformed part without
	// indemnity. It never changes the price.
	Safeguard decimal.NullDecimal
}

func (c RevisionConfig) validate() []*FieldError {
	var errs []*FieldError
	if c.Floor.Valid && c.Floor.Decimal.Sign() <= 0 {
		errs = append(errs, &FieldError{Field: "floor", Value: decText(c.Floor.Decimal, 0), Err: ErrInvalidCoefficientBound})
	}
	if c.Cap.Valid && c.Cap.Decimal.Sign() <= 0 {
		errs = append(errs, &FieldError{Field: "cap", Value: decText(c.Cap.Decimal, 0), Err: ErrInvalidCoefficientBound})
	}
	if c.Floor.Valid && c.Cap.Valid && c.Floor.Decimal.Cmp(c.Cap.Decimal) > 0 {
		errs = append(errs, &FieldError{Field: "floor", Value: decText(c.Floor.Decimal, 0), Err: ErrInvalidCoefficientBound, Detail: "floor above cap " + decText(c.Cap.Decimal, 0)})
	}
	if c.Tunnel.Valid && c.Tunnel.Decimal.Sign() < 0 {
		errs = append(errs, &FieldError{Field: "tunnel", Value: decText(c.Tunnel.Decimal, 0), Err: ErrInvalidPercent})
	}
	if c.Safeguard.Valid && c.Safeguard.Decimal.Sign() < 0 {
		errs = append(errs, &FieldError{Field: "safeguard", Value: decText(c.Safeguard.Decimal, 0), Err: ErrInvalidPercent})
	}
	if c.AmountRounding < 0 || c.AmountRounding > RoundDown {
		errs = append(errs, &FieldError{Field: "amount_rounding", Value: itoa(int(c.AmountRounding)), Err: ErrInvalidRoundingMode})
	}
	if c.Rounding.mode < 0 || c.Rounding.mode > RoundDown || c.Rounding.places < 0 || c.Rounding.places > 12 {
		errs = append(errs, &FieldError{Field: "rounding", Value: c.Rounding.String(), Err: ErrInvalidRounding})
	}
	return errs
}

// RevisionInput is what a revision computes from.
type RevisionInput struct {
	// Initial is P0, the price at base conditions (>= 0).
	Initial Amount
	// Base and Current hold one observation per formula index: its value
	// in the base month (Iᵢ₀) and in the revision month (Iᵢ).
	Base, Current []Observation
	// Links are the coefficients de raccord used when a base and a
	// current value come from different bases of a series.
	Links []Link
}

// RawCoefficientPlaces is the number of decimals to which Revision shows
// the raw coefficient. It is for display only: an unrounded revision uses
// the exact ratio.
const RawCoefficientPlaces = 10

// Revision is the result of a price revision with everything needed to
// explain it. It is a value; Explain renders it in French or English.
type Revision struct {
	// Initial is P0.
	Initial Amount
	// Formula is the formula applied.
	Formula Formula
	// Terms gives, per index, the observations and their link adjustment.
	Terms []RevisedTerm
	// RawCoefficient is a + Σ bᵢ Iᵢ/Iᵢ₀ to RawCoefficientPlaces decimals,
	// half-up (display only).
	RawCoefficient decimal.Decimal
	// Rounding is the coefficient rounding rule applied.
	Rounding CoefficientRounding
	// Coefficient is the coefficient applied to P0: rounded by the rule,
	// then changed by the clauses. When Exact is true it is the raw value
	// shown to RawCoefficientPlaces and the price used the exact ratio.
	Coefficient decimal.Decimal
	// Exact reports that the price was computed from the exact ratio.
	Exact bool
	// Revised is P = P0 × C rounded to the minor unit with AmountRounding.
	Revised Amount
	// AmountRounding is the rounding mode of Revised.
	AmountRounding RoundingMode
	// Clauses lists the effect of each clause the contract has, in the
	// order applied: tunnel, no-downward, floor, cap.
	Clauses []ClauseEffect
	// Safeguard reports the clause de sauvegarde when the contract has
	// one.
	Safeguard *SafeguardCheck
	// Provisional is true when an observation is provisional: the result
	// is to be regularised when the definitive value is published.
	Provisional bool

	cfg      RevisionConfig
	links    []Link
	num, den decimal.Decimal // applied coefficient = num/den
	rawNum   decimal.Decimal // raw coefficient = rawNum/rawDen
	rawDen   decimal.Decimal
	roundNum decimal.Decimal // coefficient after the rounding rule = roundNum/roundDen
	roundDen decimal.Decimal
}

// RevisedTerm is one index of a revision.
type RevisedTerm struct {
	Index  string
	Weight decimal.Decimal
	// Base and Current are the observations as published.
	Base, Current Observation
	// Link is set when Base and Current come from different bases: the
	// older one is expressed in the newer base by the product of the link
	// coefficients (Factor). BaseAdjusted and CurrentAdjusted are the
	// values the ratio uses.
	Link            *AppliedLink
	BaseAdjusted    decimal.Decimal
	CurrentAdjusted decimal.Decimal
}

// AppliedLink records a series break bridged in a revision.
type AppliedLink struct {
	// Side is "base" when the base value was converted (the usual case:
	// S0 in the old series, S in the new one), "current" otherwise.
	Side   string
	From   string
	To     string
	Factor decimal.Decimal
	Links  []Link
}

// ClauseEffect is what one clause did to the coefficient.
type ClauseEffect struct {
	// Clause is tunnel, no-downward, floor or cap.
	Clause string
	// Threshold is the clause's parameter (percent for tunnel, a
	// coefficient for floor and cap, 1 for no-downward).
	Threshold decimal.Decimal
	// Applied reports whether the clause changed the coefficient.
	Applied bool
	// Before and After are the coefficient before and after the clause,
	// to RawCoefficientPlaces.
	Before, After decimal.Decimal
}

// SafeguardCheck is the outcome of a clause de sauvegarde.
type SafeguardCheck struct {
	// Threshold is the contract's percentage.
	Threshold decimal.Decimal
	// Variation is (C − 1) × 100 before the clauses, to 4 decimals.
	Variation decimal.Decimal
	// Triggered is true when Variation > Threshold.
	Triggered bool
}

// Revise computes P = P0 × C with C = a + Σ bᵢ × Iᵢ/Iᵢ₀:
//
//  1. Each ratio uses the observations given for its index; when base and
//     current come from different bases, the older value is expressed in
//     the newer base with the links (S0 × 0.97975 for a Syntec S0 of the
//     old series).
//  2. The raw coefficient is kept as an exact fraction.
//  3. cfg.Rounding rounds it (none by default).
//  4. The safeguard is checked, then the tunnel, no-downward, floor and
//     cap clauses change the coefficient, in that order.
//  5. P = P0 × C is rounded once to the minor unit with
//     cfg.AmountRounding (half-up by default); with no rounding rule and
//     no clause applied, P = P0 × exact fraction, so no intermediate
//     rounding ever reaches the price.
//
// Every violation is reported at once: ErrNegativeAmount, ErrMissingIndex,
// ErrIndexNotPositive, ErrMonthOrder, ErrNoLink, ErrInvalidCoefficientBound,
// ErrInvalidPercent, ErrInvalidRounding. The input slices are not retained.
func Revise(in RevisionInput, cfg RevisionConfig) (Revision, error) {
	f := cfg.Formula.orDefault()
	errs := cfg.validate()
	if in.Initial.Sign() < 0 {
		errs = append(errs, &FieldError{Field: "initial", Value: in.Initial.Text(), Err: ErrNegativeAmount})
	}
	terms := f.terms
	r := Revision{Initial: in.Initial, Formula: f, Rounding: cfg.Rounding, AmountRounding: cfg.AmountRounding.orDefault(),
		cfg: cfg, links: append([]Link(nil), in.Links...)}
	r.cfg.Formula = f
	for _, t := range terms {
		rt := RevisedTerm{Index: t.Index, Weight: t.Weight}
		b, okB := findObs(in.Base, t.Index, len(terms))
		c, okC := findObs(in.Current, t.Index, len(terms))
		if !okB {
			errs = append(errs, &FieldError{Field: "base." + t.Index, Err: ErrMissingIndex})
		}
		if !okC {
			errs = append(errs, &FieldError{Field: "current." + t.Index, Err: ErrMissingIndex})
		}
		if !okB || !okC {
			continue
		}
		b.Index, c.Index = t.Index, t.Index
		rt.Base, rt.Current = b, c
		bad := false
		if b.Value.Sign() <= 0 {
			errs = append(errs, &FieldError{Field: "base." + t.Index, Value: decText(b.Value, 0), Err: ErrIndexNotPositive})
			bad = true
		}
		if c.Value.Sign() <= 0 {
			errs = append(errs, &FieldError{Field: "current." + t.Index, Value: decText(c.Value, 0), Err: ErrIndexNotPositive})
			bad = true
		}
		if !b.Month.IsZero() && !c.Month.IsZero() && c.Month.Before(b.Month) {
			errs = append(errs, &FieldError{Field: "current." + t.Index, Value: c.Month.String(), Err: ErrMonthOrder, Detail: "base month " + b.Month.String()})
		}
		if bad {
			continue
		}
		rt.BaseAdjusted, rt.CurrentAdjusted = b.Value, c.Value
		if b.Base != c.Base {
			if k, used, ok := linkFactor(in.Links, b.Base, c.Base); ok {
				rt.BaseAdjusted = b.Value.Mul(k)
				rt.Link = &AppliedLink{Side: "base", From: b.Base, To: c.Base, Factor: k, Links: used}
			} else if k, used, ok := linkFactor(in.Links, c.Base, b.Base); ok {
				rt.CurrentAdjusted = c.Value.Mul(k)
				rt.Link = &AppliedLink{Side: "current", From: c.Base, To: b.Base, Factor: k, Links: used}
			} else {
				errs = append(errs, &FieldError{Field: "base." + t.Index, Value: b.Base + ">" + c.Base, Err: ErrNoLink})
				continue
			}
		}
		if b.Status == StatusProvisional || c.Status == StatusProvisional {
			r.Provisional = true
		}
		r.Terms = append(r.Terms, rt)
	}
	if len(errs) > 0 {
		return Revision{}, joinErrors(errs)
	}
	// Exact fraction: den = Π Iᵢ₀, num = a·den + Σ bᵢ Iᵢ Π_{j≠i} Iⱼ₀.
	den := one
	for _, t := range r.Terms {
		den = den.Mul(t.BaseAdjusted)
	}
	num := f.fixed.Mul(den)
	for i, t := range r.Terms {
		p := t.Weight.Mul(t.CurrentAdjusted)
		for j, u := range r.Terms {
			if j != i {
				p = p.Mul(u.BaseAdjusted)
			}
		}
		num = num.Add(p)
	}
	r.rawNum, r.rawDen = num, den
	r.RawCoefficient = showRatio(num, den)
	if !cfg.Rounding.IsNone() {
		num, den = divRound(num, den, cfg.Rounding.places, cfg.Rounding.mode), one
	}
	r.roundNum, r.roundDen = num, den
	show := func(n, d decimal.Decimal) decimal.Decimal {
		if d.Equal(one) {
			return n
		}
		return showRatio(n, d)
	}
	if cfg.Safeguard.Valid {
		v := divRound(num.Sub(den).Mul(hundred), den, 4, RoundHalfUp)
		r.Safeguard = &SafeguardCheck{Threshold: cfg.Safeguard.Decimal, Variation: v,
			Triggered: num.Sub(den).Mul(hundred).Cmp(cfg.Safeguard.Decimal.Mul(den)) > 0}
	}
	apply := func(clause string, thr decimal.Decimal, hit bool, to decimal.Decimal) {
		e := ClauseEffect{Clause: clause, Threshold: thr, Before: show(num, den)}
		if hit {
			num, den = to, one
			e.Applied = true
		}
		e.After = show(num, den)
		r.Clauses = append(r.Clauses, e)
	}
	if cfg.Tunnel.Valid {
		apply("tunnel", cfg.Tunnel.Decimal, num.Sub(den).Abs().Mul(hundred).Cmp(cfg.Tunnel.Decimal.Mul(den)) <= 0, one)
	}
	if cfg.NoDownward {
		apply("no-downward", one, num.Cmp(den) < 0, one)
	}
	if cfg.Floor.Valid {
		apply("floor", cfg.Floor.Decimal, num.Cmp(cfg.Floor.Decimal.Mul(den)) < 0, cfg.Floor.Decimal)
	}
	if cfg.Cap.Valid {
		apply("cap", cfg.Cap.Decimal, num.Cmp(cfg.Cap.Decimal.Mul(den)) > 0, cfg.Cap.Decimal)
	}
	r.num, r.den = num, den
	r.Exact = !den.Equal(one)
	if r.Exact {
		r.Coefficient = r.RawCoefficient // unchanged exact fraction
	} else {
		r.Coefficient = num
	}
	r.Revised = Amount{v: divRound(in.Initial.v.Mul(num), den, in.Initial.c.Digits(), r.AmountRounding), c: in.Initial.c}
	return r, nil
}

// showRatio returns num/den for display: exactly (without trailing zeros)
// when it has at most RawCoefficientPlaces decimals, else rounded half-up
// to RawCoefficientPlaces.
func showRatio(num, den decimal.Decimal) decimal.Decimal {
	q := divRound(num, den, RawCoefficientPlaces, RoundHalfUp)
	if q.Mul(den).Equal(num) {
		return trimZeros(q)
	}
	return q
}

func findObs(list []Observation, index string, nterms int) (Observation, bool) {
	for _, o := range list {
		if o.Index == index || (o.Index == "" && nterms == 1) {
			return o, true
		}
	}
	return Observation{}, false
}

// ReviseWithSeries revises initial with a one-index formula (cfg.Formula,
// zero = P = P0 × S/S0) using the values of series s for baseMonth (S0)
// and revisionMonth (S), bridging its series breaks with its links.
// Errors: those of Revise, ErrMissingMonth for a month the series lacks,
// and ErrIndexNotPositive... ; a formula with several indices needs Revise
// with one observation per index.
func ReviseWithSeries(initial Amount, s *Series, baseMonth, revisionMonth Month, cfg RevisionConfig) (Revision, error) {
	f := cfg.Formula.orDefault()
	if len(f.terms) != 1 {
		return Revision{}, &FieldError{Field: "formula", Value: f.String(), Err: ErrMissingIndex,
			Detail: "a series gives one index; pass one observation per index to Revise"}
	}
	idx := f.terms[0].Index
	b, err1 := s.Observe(idx, baseMonth)
	c, err2 := s.Observe(idx, revisionMonth)
	if err1 != nil || err2 != nil {
		var errs []*FieldError
		for _, e := range []struct {
			field string
			err   error
		}{{"base_month", err1}, {"revision_month", err2}} {
			if fe, ok := e.err.(*FieldError); ok {
				cp := *fe
				cp.Field = e.field
				errs = append(errs, &cp)
			}
		}
		return Revision{}, joinErrors(errs)
	}
	return Revise(RevisionInput{Initial: initial, Base: []Observation{b}, Current: []Observation{c}, Links: s.Links()}, cfg)
}
