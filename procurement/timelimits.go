package procurement

import (
	"bytes"
	"encoding/json"
	"iter"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/openmarches/marches/calendar"
)

// Legal time limits (notes for doc.go).
//
// Minimum time limits for receipt of applications (candidatures) and
// tenders (offres) are rows of a TimeLimitTable: procedure, step, which
// buyers the row is for, the case (base, prior information notice,
// electronic submission, urgency, no agreement), the number of days, the
// article and the dates of effect. For a given consultation every row whose
// case applies is a lawful minimum and the shortest one wins: the CCP writes
// the reductions as fixed values ("ramené à vingt-cinq jours"), not as
// cumulative deductions.
//
// Counting (how a period in days runs from an event):
//
//   - CountingEU, Regulation (EEC, Euratom) No 1182/71, which governs the
//     time limits of the procurement directives: the day of the event is
//     not counted (art. 3(1)); the period runs from the start of the next
//     day to the end of its last day (art. 3(2)(b)); Saturdays, Sundays
//     and holidays count (art. 3(3)); a last day that is a Saturday, Sunday
//     or public holiday moves to the end of the next working day (art.
//     3(4)); and any period of two days or more includes at least two
//     working days (art. 3(5)), working days being all days other than
//     public holidays, Saturdays and Sundays (art. 2(2)).
//   - CountingFrench, Code de procédure civile art. 641 and 642: the same
//     first three rules and the extension to the next day that is not a
//     Saturday, Sunday or holiday, but no "two working days" rule.
//
// The two differ only when a period of two days or more would otherwise
// contain fewer than two working days (e.g. 2 days from Thursday 30 April
// 2026: 1 May is a holiday, 2-3 May a weekend; French counting ends on
// Monday 4 May, 1182/71 on Tuesday 5 May). Public holidays are those of the
// calendar's territory (1182/71 art. 2(1): the Member State, or here the
// part of it, where the action is to be taken).

// Step is the stage of a procedure a time limit is for. The zero Step is
// unset.
type Step int

const (
	// StepApplications: receipt of applications (candidatures), or of
	// applications and tenders together in the open procedure.
	StepApplications Step = iota + 1
	// StepTenders: receipt of tenders (offres).
	StepTenders
)

var stepCodes = [...]string{"", "applications", "tenders"}

// String returns the stable code: "applications" or "tenders".
func (s Step) String() string { return codeOf(stepCodes[:], int(s), "Step") }

// Valid reports whether s is a known, set step.
func (s Step) Valid() bool { return s > 0 && int(s) < len(stepCodes) }

// ParseStep parses a step code; unknown codes fail with ErrUnknownStep.
func ParseStep(s string) (Step, error) {
	if v, ok := parseCode(stepCodes[:], s); ok {
		return Step(v), nil
	}
	return 0, &FieldError{Field: "step", Value: s, Err: ErrUnknownStep}
}

// MarshalText encodes the code; an unset step is an error.
func (s Step) MarshalText() ([]byte, error) {
	if !s.Valid() {
		return nil, &FieldError{Field: "step", Value: s.String(), Err: ErrUnknownStep}
	}
	return []byte(s.String()), nil
}

// UnmarshalText decodes a code; see ParseStep.
func (s *Step) UnmarshalText(b []byte) error {
	v, err := ParseStep(string(b))
	if err == nil {
		*s = v
	}
	return err
}

// Counting is a convention for counting a period in days. The zero
// Counting means CountingEU where a function documents a default.
type Counting int

const (
	// CountingEU follows Regulation (EEC, Euratom) No 1182/71 art. 3,
	// including the rule that a period of two days or more contains at
	// least two working days.
	CountingEU Counting = iota + 1
	// CountingFrench follows Code de procédure civile art. 641 and 642.
	CountingFrench
)

var countingCodes = [...]string{"", "eu", "fr"}

// String returns the stable code: "eu" or "fr".
func (c Counting) String() string { return codeOf(countingCodes[:], int(c), "Counting") }

// ParseCounting parses "eu" or "fr"; anything else fails with
// ErrUnknownCounting.
func ParseCounting(s string) (Counting, error) {
	if v, ok := parseCode(countingCodes[:], s); ok {
		return Counting(v), nil
	}
	return 0, &FieldError{Field: "counting", Value: s, Err: ErrUnknownCounting}
}

// MarshalText encodes the code; an unset convention is an error.
func (c Counting) MarshalText() ([]byte, error) {
	if c != CountingEU && c != CountingFrench {
		return nil, &FieldError{Field: "counting", Value: c.String(), Err: ErrUnknownCounting}
	}
	return []byte(c.String()), nil
}

// basis returns the legal basis of the counting convention.
func (c Counting) basis() string {
	if c == CountingFrench {
		return "counted under Code de procédure civile art. 641-642"
	}
	return "counted under Regulation (EEC, Euratom) No 1182/71 art. 3"
}

// Period is a time limit of Days days counted from an event. The zero
// Period is meaningless; build one with CountPeriod.
type Period struct {
	// Event is the day of the triggering event; it is not counted.
	Event calendar.Date `json:"event"`
	// Days is the length of the period.
	Days int `json:"days"`
	// Counting is the convention used.
	Counting Counting `json:"counting"`
	// NominalEnd is Event + Days, before any extension.
	NominalEnd calendar.Date `json:"nominal_end"`
	// Ends is the last day of the period, after the Saturday, Sunday and
	// holiday extension and, under CountingEU, the two-working-days rule.
	// The period runs to the end of that day.
	Ends calendar.Date `json:"ends"`
}

// Extended reports whether the period ends later than Event + Days.
func (p Period) Extended() bool { return p.Ends.After(p.NominalEnd) }

// CountPeriod counts a period of days days from the event under the given
// convention (the zero Counting means CountingEU), with c's public
// holidays. It fails with ErrRulesCalendar for a nil calendar,
// ErrDateRequired for a zero event, ErrPeriodDays for days < 0,
// ErrUnknownCounting, and calendar.ErrDayCountOutOfRange when the period
// leaves the calendar's supported years. It does not allocate on success.
func CountPeriod(c *calendar.Calendar, event calendar.Date, days int, counting Counting) (Period, error) {
	if c == nil {
		return Period{}, &FieldError{Field: "calendar", Err: ErrRulesCalendar}
	}
	if event.IsZero() {
		return Period{}, &FieldError{Field: "event", Err: ErrDateRequired}
	}
	if days < 0 {
		return Period{}, &FieldError{Field: "days", Value: strconv.Itoa(days), Err: ErrPeriodDays}
	}
	if counting == 0 {
		counting = CountingEU
	}
	if counting != CountingEU && counting != CountingFrench {
		return Period{}, &FieldError{Field: "counting", Value: counting.String(), Err: ErrUnknownCounting}
	}
	// Art. 641 CPC / art. 3(1)-(3) 1182/71: event + days, every day
	// counting; art. 642 / art. 3(4): extended past Saturdays, Sundays and
	// holidays.
	ends, err := c.AddDays(event, days, calendar.JoursCalendaires)
	if err != nil {
		return Period{}, err
	}
	if counting == CountingEU && days >= 2 {
		// Art. 3(5): at least two working days in the period.
		n := 0
		for d := event.AddDays(1); !d.After(ends) && n < 2; d = d.AddDays(1) {
			if isEUWorkingDay(c, d) {
				n++
			}
		}
		for ; n < 2; n++ {
			if ends, err = c.Extend(ends.AddDays(1)); err != nil {
				return Period{}, err
			}
		}
	}
	return Period{Event: event, Days: days, Counting: counting, NominalEnd: event.AddDays(days), Ends: ends}, nil
}

// isEUWorkingDay reports whether d is neither a Saturday, a Sunday nor a
// public holiday of c's territory (1182/71 art. 2(2)): exactly the days
// calendar.Calendar.Extend leaves in place.
func isEUWorkingDay(c *calendar.Calendar, d calendar.Date) bool {
	e, err := c.Extend(d)
	return err == nil && e == d
}

// LimitCase is the circumstance a minimum time limit applies in. The zero
// LimitCase is unset.
type LimitCase int

const (
	// CaseBase: the general minimum.
	CaseBase LimitCase = iota + 1
	// CasePIN: a prior information notice (avis de préinformation) not
	// used as a call for competition was sent 35 days to 12 months before
	// and carried the same information.
	CasePIN
	// CaseElectronic: applications or tenders are, or can be, submitted
	// electronically.
	CaseElectronic
	// CaseUrgency: a duly justified urgency makes the general minimum
	// impossible to respect.
	CaseUrgency
	// CaseNoAgreement: the deadline could have been agreed with all the
	// selected candidates and was not; the buyer sets it alone, at least
	// this minimum (sub-central buyers, entités adjudicatrices).
	CaseNoAgreement
)

var limitCaseCodes = [...]string{"", "base", "pin", "electronic", "urgency", "no_agreement"}

// String returns the stable code, e.g. "electronic".
func (c LimitCase) String() string { return codeOf(limitCaseCodes[:], int(c), "LimitCase") }

// Valid reports whether c is a known, set case.
func (c LimitCase) Valid() bool { return c > 0 && int(c) < len(limitCaseCodes) }

// ParseLimitCase parses a case code; unknown codes fail with
// ErrUnknownLimitCase.
func ParseLimitCase(s string) (LimitCase, error) {
	if v, ok := parseCode(limitCaseCodes[:], s); ok {
		return LimitCase(v), nil
	}
	return 0, &FieldError{Field: "case", Value: s, Err: ErrUnknownLimitCase}
}

// MarshalText encodes the code; an unset case is an error.
func (c LimitCase) MarshalText() ([]byte, error) {
	if !c.Valid() {
		return nil, &FieldError{Field: "case", Value: c.String(), Err: ErrUnknownLimitCase}
	}
	return []byte(c.String()), nil
}

// LimitScope says which buyers a time-limit row is for. The zero
// LimitScope is unset.
type LimitScope int

const (
	// ScopeAll: every buyer.
	ScopeAll LimitScope = iota + 1
	// ScopeContractingAuthorities: pouvoirs adjudicateurs (every buyer
	// kind but utilities and public undertakings; also an unset kind).
	ScopeContractingAuthorities
	// ScopeSubCentral: pouvoirs adjudicateurs other than the State (local
	// authorities, health establishments, other contracting authorities).
	ScopeSubCentral
	// ScopeUtilities: entités adjudicatrices (utilities and public
	// undertakings).
	ScopeUtilities
)

var limitScopeCodes = [...]string{"", "all", "contracting_authorities", "sub_central", "utilities"}

// String returns the stable code, e.g. "sub_central".
func (s LimitScope) String() string { return codeOf(limitScopeCodes[:], int(s), "LimitScope") }

// Valid reports whether s is a known, set scope.
func (s LimitScope) Valid() bool { return s > 0 && int(s) < len(limitScopeCodes) }

// ParseLimitScope parses a scope code; unknown codes fail with
// ErrUnknownLimitScope.
func ParseLimitScope(s string) (LimitScope, error) {
	if v, ok := parseCode(limitScopeCodes[:], s); ok {
		return LimitScope(v), nil
	}
	return 0, &FieldError{Field: "scope", Value: s, Err: ErrUnknownLimitScope}
}

// MarshalText encodes the code; an unset scope is an error.
func (s LimitScope) MarshalText() ([]byte, error) {
	if !s.Valid() {
		return nil, &FieldError{Field: "scope", Value: s.String(), Err: ErrUnknownLimitScope}
	}
	return []byte(s.String()), nil
}

// Includes reports whether the scope covers buyers of kind k. An unset
// kind is treated as a pouvoir adjudicateur to which no sub-central
// allowance applies (the general rules, as for the State).
func (s LimitScope) Includes(k BuyerKind) bool {
	utility := k == BuyerUtility || k == BuyerPublicUndertaking
	switch s {
	case ScopeAll:
		return true
	case ScopeContractingAuthorities:
		return !utility
	case ScopeSubCentral:
		return k == BuyerLocalAuthority || k == BuyerHealth || k == BuyerOtherContractingAuthority
	case ScopeUtilities:
		return utility
	}
	return false
}

// TimeLimitRow is one dated minimum time limit.
type TimeLimitRow struct {
	Procedure Procedure     `json:"procedure"`
	Step      Step          `json:"step"`
	Scope     LimitScope    `json:"scope"`
	Case      LimitCase     `json:"case"`
	Days      int           `json:"days"`
	Basis     string        `json:"basis"`
	Source    string        `json:"source,omitempty"`
	From      calendar.Date `json:"from"`
	// To is the last dispatch date the row applies to, inclusive; the zero
	// Date means open-ended.
	To calendar.Date `json:"to,omitzero"`
}

// InForce reports whether the row applies to a notice or invitation sent
// on d.
func (r TimeLimitRow) InForce(d calendar.Date) bool { return rowInForce(r.From, r.To, d) }

// TimeLimitTable is a versioned, immutable set of minimum time limits,
// safe for concurrent use.
type TimeLimitTable struct {
	version string
	rows    []TimeLimitRow
}

// NewTimeLimitTable validates rows and returns the table, reporting every
// problem at once (Field "limits[i].<field>"): ErrTableVersion,
// ErrTableEmpty, ErrUnknownProcedure, ErrUnknownStep, ErrUnknownLimitScope,
// ErrUnknownLimitCase, ErrLimitDays, ErrRowBasis, ErrRowFrom, ErrRowRange,
// ErrRowOverlap (two rows with the same procedure, step, scope and case in
// force on a same day). rows is copied.
func NewTimeLimitTable(version string, rows []TimeLimitRow) (*TimeLimitTable, error) {
	var errs []*FieldError
	if version == "" {
		errs = append(errs, &FieldError{Field: "version", Err: ErrTableVersion})
	}
	if len(rows) == 0 {
		errs = append(errs, &FieldError{Field: "limits", Err: ErrTableEmpty})
	}
	for i, r := range rows {
		p := "limits[" + strconv.Itoa(i) + "]."
		if !r.Procedure.Valid() {
			errs = append(errs, &FieldError{Field: p + "procedure", Value: r.Procedure.String(), Err: ErrUnknownProcedure})
		}
		if !r.Step.Valid() {
			errs = append(errs, &FieldError{Field: p + "step", Value: r.Step.String(), Err: ErrUnknownStep})
		}
		if !r.Scope.Valid() {
			errs = append(errs, &FieldError{Field: p + "scope", Value: r.Scope.String(), Err: ErrUnknownLimitScope})
		}
		if !r.Case.Valid() {
			errs = append(errs, &FieldError{Field: p + "case", Value: r.Case.String(), Err: ErrUnknownLimitCase})
		}
		if r.Days < 1 {
			errs = append(errs, &FieldError{Field: p + "days", Value: strconv.Itoa(r.Days), Err: ErrLimitDays})
		}
		if r.Basis == "" {
			errs = append(errs, &FieldError{Field: p + "basis", Err: ErrRowBasis})
		}
		errs = append(errs, checkRowDates(p, r.From, r.To)...)
	}
	sorted := slices.Clone(rows)
	key := func(r TimeLimitRow) [4]int { return [4]int{int(r.Procedure), int(r.Step), int(r.Scope), int(r.Case)} }
	slices.SortStableFunc(sorted, func(a, b TimeLimitRow) int {
		ka, kb := key(a), key(b)
		if c := slices.Compare(ka[:], kb[:]); c != 0 {
			return c
		}
		return a.From.Compare(b.From)
	})
	for i := 1; i < len(sorted); i++ {
		a, b := sorted[i-1], sorted[i]
		valid := a.Procedure.Valid() && a.Step.Valid() && a.Scope.Valid() && a.Case.Valid()
		if valid && key(a) == key(b) && !a.From.IsZero() && !b.From.IsZero() && rowsOverlap(a.From, a.To, b.From, b.To) {
			errs = append(errs, &FieldError{Field: "limits", Value: b.Procedure.String() + " " + b.Step.String() + " " + b.Scope.String() + " " + b.Case.String(),
				Err: ErrRowOverlap, Detail: "rows from " + a.From.String() + " and " + b.From.String()})
		}
	}
	if err := rulesJoin(errs); err != nil {
		return nil, err
	}
	return &TimeLimitTable{version: version, rows: sorted}, nil
}

// Version returns the table's data version.
func (t *TimeLimitTable) Version() string { return t.version }

// All iterates over the rows, sorted by procedure, step, scope, case and
// first day of effect.
func (t *TimeLimitTable) All() iter.Seq[TimeLimitRow] {
	return func(yield func(TimeLimitRow) bool) {
		for _, r := range t.rows {
			if !yield(r) {
				return
			}
		}
	}
}

type timeLimitTableJSON struct {
	Version string         `json:"version"`
	Limits  []TimeLimitRow `json:"limits"`
}

// MarshalJSON encodes the table in the form ParseTimeLimitTable reads:
// {"version": "...", "limits": [{"procedure": "ouvert", "step": "tenders",
// "scope": "all", "case": "electronic", "days": 30, "basis": "...",
// "source": "...", "from": "2019-04-01"}, ...]}.
func (t *TimeLimitTable) MarshalJSON() ([]byte, error) {
	return json.Marshal(timeLimitTableJSON{Version: t.version, Limits: t.rows})
}

// ParseTimeLimitTable reads a table from JSON (see MarshalJSON), so that a
// user can replace the built-in data. It reports malformed JSON with
// ErrTableJSON and then the rules of NewTimeLimitTable.
func ParseTimeLimitTable(data []byte) (*TimeLimitTable, error) {
	var doc struct {
		Version string `json:"version"`
		Limits  []struct {
			Procedure, Step, Scope, Case string
			Days                         json.Number
			Basis, Source, From, To      string
		} `json:"limits"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, &FieldError{Field: "table", Err: ErrTableJSON, Detail: err.Error()}
	}
	if dec.More() {
		return nil, &FieldError{Field: "table", Err: ErrTableJSON, Detail: "trailing data after the object"}
	}
	var errs []*FieldError
	rows := make([]TimeLimitRow, len(doc.Limits))
	for i, j := range doc.Limits {
		p := "limits[" + strconv.Itoa(i) + "]."
		r := &rows[i]
		var err error
		if r.Procedure, err = ParseProcedure(j.Procedure); err != nil {
			errs = append(errs, &FieldError{Field: p + "procedure", Value: j.Procedure, Err: ErrUnknownProcedure})
		}
		if r.Step, err = ParseStep(j.Step); err != nil {
			errs = append(errs, &FieldError{Field: p + "step", Value: j.Step, Err: ErrUnknownStep})
		}
		if r.Scope, err = ParseLimitScope(j.Scope); err != nil {
			errs = append(errs, &FieldError{Field: p + "scope", Value: j.Scope, Err: ErrUnknownLimitScope})
		}
		if r.Case, err = ParseLimitCase(j.Case); err != nil {
			errs = append(errs, &FieldError{Field: p + "case", Value: j.Case, Err: ErrUnknownLimitCase})
		}
		if r.Days, err = strconv.Atoi(j.Days.String()); err != nil {
			errs = append(errs, &FieldError{Field: p + "days", Value: j.Days.String(), Err: ErrLimitDays})
		}
		r.From, r.To = parseRowDates(p, j.From, j.To, &errs)
		r.Basis, r.Source = j.Basis, j.Source
	}
	t, err := NewTimeLimitTable(doc.Version, rows)
	errs = mergeRowErrors(errs, err)
	if err := rulesJoin(errs); err != nil {
		return nil, err
	}
	return t, nil
}

// TimeLimitDataVersion identifies the built-in time-limit table: the date
// of effect of the newest row (the CCP articles R2161-2 to R2161-22 have
// been unchanged since the code came into force on 1 April 2019).
const TimeLimitDataVersion = "2019-04-01"

const (
	srcR2161_2  = "https://www.marche-public.fr/ccp/R2161-02-05-regles-applicables-procedures-formalisees-appel-offres-ouvert-aoo.htm"
	srcR2161_6  = "https://code-commande-publique.com/articles-r2161-2-et-r2161-23"
	srcR2161_8  = "https://french-business-law.com/french-legislation-art/article-r2161-8-of-the-french-public-procurement-code"
	srcR2161_12 = "https://code-commande-publique.com/article-r2161-12"
	srcR2161_15 = "https://lexbase.fr/texte-de-loi/code-de-la-commande-publiquer216115/L4326LRN.html"
	srcR2161_21 = "https://tricoteuses.fr/legifrance/sections/LEGISCTA000037730395"
)

// defaultTimeLimitRows is the built-in data (CCP, pouvoirs adjudicateurs
// and entités adjudicatrices, in force since 1 April 2019). Not covered:
// dialogue compétitif, innovation partnership, defence and security
// (R2361-*), and the restricted procedure's tenders of entités
// adjudicatrices, whose article was not confirmed; asking for them fails
// with ErrNoTimeLimit.
func defaultTimeLimitRows() []TimeLimitRow {
	from := rulesDate(2019, time.April, 1)
	row := func(p Procedure, s Step, sc LimitScope, c LimitCase, days int, basis, src string) TimeLimitRow {
		return TimeLimitRow{Procedure: p, Step: s, Scope: sc, Case: c, Days: days, Basis: basis, Source: src, From: from}
	}
	var rows []TimeLimitRow
	// Open procedure: one deadline for applications and tenders. The
	// section applies to every acheteur (no split between pouvoirs and
	// entités adjudicatrices was found, unlike R2161-6). The ° numbers of
	// R2161-3 were not confirmed, so the article is cited whole.
	for _, s := range []Step{StepApplications, StepTenders} {
		rows = append(rows,
			row(ProcedureOpen, s, ScopeAll, CaseBase, 35, "CCP R2161-2", srcR2161_2),
			row(ProcedureOpen, s, ScopeAll, CasePIN, 15, "CCP R2161-3 (prior information notice)", srcR2161_2),
			row(ProcedureOpen, s, ScopeAll, CaseElectronic, 30, "CCP R2161-3 (electronic submission)", srcR2161_2),
			row(ProcedureOpen, s, ScopeAll, CaseUrgency, 15, "CCP R2161-3 (urgency)", srcR2161_2),
		)
	}
	rows = append(rows,
		// Restricted procedure.
		row(ProcedureRestricted, StepApplications, ScopeContractingAuthorities, CaseBase, 30, "CCP R2161-6 1°", srcR2161_6),
		row(ProcedureRestricted, StepApplications, ScopeContractingAuthorities, CaseUrgency, 15, "CCP R2161-6 1° (urgency)", srcR2161_6),
		row(ProcedureRestricted, StepApplications, ScopeUtilities, CaseBase, 15, "CCP R2161-6 2°", srcR2161_6),
		row(ProcedureRestricted, StepTenders, ScopeContractingAuthorities, CaseBase, 30, "CCP R2161-7", srcR2161_6),
		row(ProcedureRestricted, StepTenders, ScopeContractingAuthorities, CasePIN, 10, "CCP R2161-8 1°", srcR2161_8),
		row(ProcedureRestricted, StepTenders, ScopeContractingAuthorities, CaseElectronic, 25, "CCP R2161-8 2°", srcR2161_8),
		row(ProcedureRestricted, StepTenders, ScopeContractingAuthorities, CaseUrgency, 10, "CCP R2161-8 3°", srcR2161_8),
		row(ProcedureRestricted, StepTenders, ScopeSubCentral, CaseNoAgreement, 10, "CCP R2161-9 (sub-central buyer, no agreed date)", srcR2161_8),
		// Procedure with negotiation.
		row(ProcedureNegotiated, StepApplications, ScopeContractingAuthorities, CaseBase, 30, "CCP R2161-12", srcR2161_12),
		row(ProcedureNegotiated, StepApplications, ScopeContractingAuthorities, CaseUrgency, 15, "CCP R2161-12 (urgency)", srcR2161_12),
		row(ProcedureNegotiated, StepTenders, ScopeContractingAuthorities, CaseBase, 30, "CCP R2161-14", srcR2161_15),
		row(ProcedureNegotiated, StepTenders, ScopeContractingAuthorities, CasePIN, 10, "CCP R2161-15 1°", srcR2161_15),
		row(ProcedureNegotiated, StepTenders, ScopeContractingAuthorities, CaseElectronic, 25, "CCP R2161-15 2°", srcR2161_15),
		row(ProcedureNegotiated, StepTenders, ScopeContractingAuthorities, CaseUrgency, 10, "CCP R2161-15 3°", srcR2161_15),
		row(ProcedureNegotiated, StepApplications, ScopeUtilities, CaseBase, 15, "CCP R2161-21", srcR2161_21),
		row(ProcedureNegotiated, StepTenders, ScopeUtilities, CaseNoAgreement, 10, "CCP R2161-22 (no date agreed with all selected candidates)", srcR2161_21),
	)
	return rows
}

var defaultTimeLimits = sync.OnceValue(func() *TimeLimitTable {
	t, err := NewTimeLimitTable(TimeLimitDataVersion, defaultTimeLimitRows())
	if err != nil {
		panic("procurement: built-in time-limit table is invalid: " + err.Error())
	}
	return t
})

// DefaultTimeLimits returns the built-in time-limit table, version
// TimeLimitDataVersion. The table is immutable and shared.
func DefaultTimeLimits() *TimeLimitTable { return defaultTimeLimits() }

// TimeLimitInput describes the time limit asked for.
type TimeLimitInput struct {
	// Procedure is ProcedureOpen, ProcedureRestricted or
	// ProcedureNegotiated.
	Procedure Procedure `json:"procedure"`
	// Step is the receipt of applications or of tenders.
	Step Step `json:"step"`
	// Dispatched is the day the contract notice (or, for tenders in the
	// restricted and negotiated procedures, the invitation to tender; or
	// the invitation to confirm interest when a prior information notice
	// was the call for competition) was sent. It is not counted.
	Dispatched calendar.Date `json:"dispatched"`
	// BuyerKind selects the pouvoir adjudicateur, sub-central or utility
	// rules; zero means the general rules of pouvoirs adjudicateurs,
	// without the sub-central allowance (the rules that apply to the
	// State).
	BuyerKind BuyerKind `json:"buyerKind,omitzero"`
	// Electronic: applications or tenders are or can be submitted
	// electronically (the rule since 2018 for formalised procedures).
	Electronic bool `json:"electronic,omitempty"`
	// PIN: a qualifying prior information notice was sent.
	PIN bool `json:"pin,omitempty"`
	// Urgency: a duly justified urgency applies.
	Urgency bool `json:"urgency,omitempty"`
	// Counting is the day-count convention; zero means CountingEU, the
	// regulation that governs the directives' time limits.
	Counting Counting `json:"counting,omitzero"`
}

// TimeLimit is the earliest lawful deadline for receipt.
type TimeLimit struct {
	Procedure Procedure `json:"procedure"`
	Step      Step      `json:"step"`
	// Case is the case whose minimum applies (the shortest of those whose
	// conditions the input meets).
	Case LimitCase `json:"case"`
	// Period is the minimum period counted from the dispatch date.
	Period Period `json:"period"`
	// Earliest is the first day on which the deadline may be set: the day
	// after Period.Ends (a deadline at 00:00 that day, or any time later).
	Earliest calendar.Date `json:"earliest"`
	// Basis cites the article of the minimum and the counting rule.
	Basis string `json:"basis"`
	// Source is the URL of the article's text.
	Source string `json:"source,omitempty"`
}

// TimeLimit returns the minimum time limit for receipt of applications or
// tenders and the earliest lawful deadline, counted with the rulebook's
// calendar. It fails with ErrUnknownProcedure, ErrUnknownStep,
// ErrDateRequired, ErrUnknownCounting, ErrNoTimeLimit when the table has no
// row for the procedure, step, buyer and date, and
// calendar.ErrDayCountOutOfRange outside the calendar's years.
func (rb *Rulebook) TimeLimit(in TimeLimitInput) (TimeLimit, error) {
	var errs []*FieldError
	if !in.Procedure.Valid() {
		errs = append(errs, &FieldError{Field: "procedure", Value: in.Procedure.String(), Err: ErrUnknownProcedure})
	}
	if !in.Step.Valid() {
		errs = append(errs, &FieldError{Field: "step", Value: in.Step.String(), Err: ErrUnknownStep})
	}
	if in.Dispatched.IsZero() {
		errs = append(errs, &FieldError{Field: "dispatched", Err: ErrDateRequired})
	}
	if in.BuyerKind != 0 && !in.BuyerKind.Valid() {
		errs = append(errs, &FieldError{Field: "buyerKind", Value: in.BuyerKind.String(), Err: ErrUnknownBuyerKind})
	}
	if in.Counting != 0 && in.Counting != CountingEU && in.Counting != CountingFrench {
		errs = append(errs, &FieldError{Field: "counting", Value: in.Counting.String(), Err: ErrUnknownCounting})
	}
	if err := rulesJoin(errs); err != nil {
		return TimeLimit{}, err
	}
	var best TimeLimitRow
	found, unconditional := false, false
	for _, r := range rb.limits.rows {
		if r.Procedure != in.Procedure || r.Step != in.Step || !r.InForce(in.Dispatched) || !r.Scope.Includes(in.BuyerKind) {
			continue
		}
		switch r.Case {
		case CaseBase, CaseNoAgreement:
			unconditional = true
		case CasePIN:
			if !in.PIN {
				continue
			}
		case CaseElectronic:
			if !in.Electronic {
				continue
			}
		case CaseUrgency:
			if !in.Urgency {
				continue
			}
		}
		if !found || r.Days < best.Days || (r.Days == best.Days && r.Case < best.Case) {
			best, found = r, true
		}
	}
	if !found || !unconditional {
		return TimeLimit{}, &FieldError{Field: "procedure", Value: in.Procedure.String() + " " + in.Step.String(), Err: ErrNoTimeLimit,
			Detail: "dispatched " + in.Dispatched.String() + ", buyer " + buyerOrGeneral(in.BuyerKind) + ", table " + rb.limits.version}
	}
	p, err := CountPeriod(rb.cal, in.Dispatched, best.Days, in.Counting)
	if err != nil {
		return TimeLimit{}, err
	}
	return TimeLimit{
		Procedure: in.Procedure, Step: in.Step, Case: best.Case, Period: p, Earliest: p.Ends.AddDays(1),
		Basis:  best.Basis + ", " + strconv.Itoa(best.Days) + " days from dispatch, " + p.Counting.basis(),
		Source: best.Source,
	}, nil
}

func buyerOrGeneral(k BuyerKind) string {
	if k == 0 {
		return "general rules"
	}
	return k.String()
}

// AdditionalInfo is the last day on which additional information asked in
// good time must be sent to the candidates (renseignements
// complémentaires).
type AdditionalInfo struct {
	// TenderDeadline is the day of the deadline for receipt of tenders.
	TenderDeadline calendar.Date `json:"tender_deadline"`
	// Days is 6, or 4 when the tender time limit was reduced for urgency.
	Days int `json:"days"`
	// LatestDay is TenderDeadline minus Days, moved back to the previous
	// day that is not a Saturday, Sunday or holiday of the calendar, so
	// that it is never later than the text allows.
	LatestDay calendar.Date `json:"latest_day"`
	// Basis cites the article.
	Basis string `json:"basis"`
}

// AdditionalInformation returns the last day to send additional
// information on the consultation documents in a formalised procedure: six
// days before the tender deadline, four when the tender time limit was
// reduced for urgency (CCP R2132-6). The count backwards follows
// calendar.Calendar.AddDays with a negative count: a result on a
// non-working day moves earlier. It fails with ErrDateRequired and
// calendar.ErrDayCountOutOfRange.
func (rb *Rulebook) AdditionalInformation(tenderDeadline calendar.Date, urgency bool) (AdditionalInfo, error) {
	if tenderDeadline.IsZero() {
		return AdditionalInfo{}, &FieldError{Field: "tenderDeadline", Err: ErrDateRequired}
	}
	days, basis := 6, "CCP R2132-6 al. 1 (6 days before the tender deadline)"
	if urgency {
		days, basis = 4, "CCP R2132-6 al. 2 (4 days when the tender time limit was reduced for urgency)"
	}
	latest, err := rb.cal.AddDays(tenderDeadline, -days, calendar.JoursCalendaires)
	if err != nil {
		return AdditionalInfo{}, err
	}
	return AdditionalInfo{TenderDeadline: tenderDeadline, Days: days, LatestDay: latest, Basis: basis}, nil
}

// AwardNotice is the last day to send the award notice for publication.
type AwardNotice struct {
	// Period runs 30 days from the signature of the contract.
	Period Period `json:"period"`
	// Basis cites the article.
	Basis string `json:"basis"`
}

// AwardNoticeDeadline returns the last day to send the award notice
// (avis d'attribution) of a contract at or above the EU thresholds for
// publication: 30 days after its signature (CCP R2183-1; directive 2014/24
// art. 50), counted under Regulation 1182/71. It fails with ErrDateRequired
// and calendar.ErrDayCountOutOfRange.
func (rb *Rulebook) AwardNoticeDeadline(signed calendar.Date) (AwardNotice, error) {
	if signed.IsZero() {
		return AwardNotice{}, &FieldError{Field: "signed", Err: ErrDateRequired}
	}
	p, err := CountPeriod(rb.cal, signed, 30, CountingEU)
	if err != nil {
		return AwardNotice{}, err
	}
	return AwardNotice{Period: p, Basis: "CCP R2183-1 (30 days after signature), " + CountingEU.basis()}, nil
}
