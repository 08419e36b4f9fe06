package priority

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/openmarches/marches/internal/fielderr"
)

// Users says who is affected by an incident. The zero value means the
// scope says nothing about users (only about objects).
type Users int

// Affected users, from the narrowest to the widest. Codes in parentheses
// (Users.String, MarshalText, UnmarshalText). New values are only added at
// the end.
const (
	_ Users = iota
	// OneUser: one standard user ("user").
	OneUser
	// CriticalUser: one critical user, such as a business administrator
	// of the platform ("critical_user").
	CriticalUser
	// UserGroup: a group of users, less than a whole class ("group").
	UserGroup
	// UserClass: a whole class of users, e.g. all companies submitting
	// bids, all buyers ("class").
	UserClass
)

// Effect says how badly the affected users are hit. The zero value means
// unset; it must be given with Users.
type Effect int

// Effects, from the mildest to the worst. A disruption for which a
// workaround exists and that leaves the work possible is Minor.
const (
	_ Effect = iota
	// Minor: a minor inconvenience, with a workaround ("minor").
	Minor
	// Disrupted: seriously disrupted, not fully blocked ("disrupted").
	Disrupted
	// Blocked: fully blocked, no workaround ("blocked").
	Blocked
)

// Objects says which files (consultations, contracts, bids...) are
// affected. The zero value means the scope says nothing about objects.
type Objects int

// Affected objects, from the fewest to all.
const (
	_ Objects = iota
	// FewObjects: one consultation or a few contracts ("few").
	FewObjects
	// Subcategory: an important subcategory of files, such as all
	// consultations of one buyer or of one procedure type ("subcategory").
	Subcategory
	// AllObjects: all files on the platform ("all").
	AllObjects
)

var (
	usersCodes   = []string{"", "user", "critical_user", "group", "class"}
	effectCodes  = []string{"", "minor", "disrupted", "blocked"}
	objectsCodes = []string{"", "few", "subcategory", "all"}
)

func enumString(codes []string, v int) string {
	if v >= 0 && v < len(codes) {
		return codes[v]
	}
	return "invalid(" + itoa(v) + ")"
}

func enumParse(codes []string, field, s string) (int, error) {
	if i := slices.Index(codes, s); i > 0 {
		return i, nil
	}
	return 0, &FieldError{Field: field, Value: s, Err: ErrInvalidScope,
		Detail: "want one of " + strings.Join(codes[1:], ", ")}
}

// String returns the code: "user", "critical_user", "group", "class", or ""
// for the zero value.
func (u Users) String() string { return enumString(usersCodes, int(u)) }

// MarshalText returns the code of u (see Users.String).
func (u Users) MarshalText() ([]byte, error) { return []byte(u.String()), nil }

// UnmarshalText reads a code; an unknown one is a *FieldError{Field:
// "users", Err: ErrInvalidScope}.
func (u *Users) UnmarshalText(b []byte) error {
	v, err := enumParse(usersCodes, "users", string(b))
	if err == nil {
		*u = Users(v)
	}
	return err
}

// String returns the code: "minor", "disrupted", "blocked", or "" for the
// zero value.
func (e Effect) String() string { return enumString(effectCodes, int(e)) }

// MarshalText returns the code of e (see Effect.String).
func (e Effect) MarshalText() ([]byte, error) { return []byte(e.String()), nil }

// UnmarshalText reads a code; an unknown one is a *FieldError{Field:
// "effect", Err: ErrInvalidScope}.
func (e *Effect) UnmarshalText(b []byte) error {
	v, err := enumParse(effectCodes, "effect", string(b))
	if err == nil {
		*e = Effect(v)
	}
	return err
}

// String returns the code: "few", "subcategory", "all", or "" for the zero
// value.
func (o Objects) String() string { return enumString(objectsCodes, int(o)) }

// MarshalText returns the code of o (see Objects.String).
func (o Objects) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// UnmarshalText reads a code; an unknown one is a *FieldError{Field:
// "objects", Err: ErrInvalidScope}.
func (o *Objects) UnmarshalText(b []byte) error {
	v, err := enumParse(objectsCodes, "objects", string(b))
	if err == nil {
		*o = Objects(v)
	}
	return err
}

// Scope describes the extent of an incident: who is affected and how
// badly, and which objects are affected. Users and Effect go together;
// Objects may be given alone or with them. At least one part is required.
type Scope struct {
	Users   Users   `json:"users,omitempty"`
	Effect  Effect  `json:"effect,omitempty"`
	Objects Objects `json:"objects,omitempty"`
}

// ImpactRule names the clause of the contract that set an incident's impact.
type ImpactRule int

// Rules, one per clause of the contract's impact definition (issue 3,
// "Qualification"), plus RuleSingleUserDisrupted for the case the contract
// leaves open. Codes in parentheses.
const (
	_ ImpactRule = iota
	// RuleClassBlocked: a whole class of users fully blocked → strong
	// ("class_blocked").
	RuleClassBlocked
	// RuleCriticalUserBlocked: a critical user fully blocked → strong
	// ("critical_user_blocked").
	RuleCriticalUserBlocked
	// RuleAllObjects: all files on the platform → strong ("all_objects").
	RuleAllObjects
	// RuleGroupDisrupted: a group (or a whole class) seriously disrupted,
	// or a group fully blocked → medium ("group_disrupted").
	RuleGroupDisrupted
	// RuleUserBlocked: a standard user fully blocked → medium
	// ("user_blocked").
	RuleUserBlocked
	// RuleSubcategory: an important subcategory of files → medium
	// ("subcategory").
	RuleSubcategory
	// RuleMinor: a minor inconvenience with a workaround → reduced
	// ("minor").
	RuleMinor
	// RuleFewObjects: one consultation or a few contracts → reduced
	// ("few_objects").
	RuleFewObjects
	// RuleSingleUserDisrupted: one user, standard or critical, seriously
	// disrupted but not blocked. The contract names it under no level;
	// strong and medium ask for a blocked user, so it gets the reduced
	// impact ("single_user_disrupted").
	RuleSingleUserDisrupted
)

var ruleCodes = []string{"", "class_blocked", "critical_user_blocked", "all_objects", "group_disrupted",
	"user_blocked", "subcategory", "minor", "few_objects", "single_user_disrupted"}

// ruleText is the English explanation of each rule; reasonFR holds the
// French ones, keyed by the English.
var ruleText = []string{"",
	"a whole class of users is fully blocked",
	"a critical user, such as a business administrator, is fully blocked",
	"all files on the platform are affected",
	"a group of users is seriously disrupted",
	"a standard user is fully blocked",
	"an important subcategory of files is affected",
	"a minor inconvenience, with a workaround",
	"one consultation or a few contracts are affected",
	"one user is seriously disrupted but not blocked, a case the contract does not name: reduced impact",
}

const msgReason = "Function %[1]q: %[2]s criticality. %[3]s impact: %[4]s. Priority %[5]s (%[2]s × %[3]s)."

// French texts: U+00A0 (no-break space) inside « » and before ':'.
var reasonFR = map[string]string{
	msgReason:   "Fonction «\u00a0%[1]s\u00a0»\u00a0: criticité %[2]s. Impact %[3]s\u00a0: %[4]s. Priorité %[5]s (%[2]s × %[3]s).",
	ruleText[1]: "toute une catégorie d'utilisateurs est totalement bloquée",
	ruleText[2]: "un utilisateur critique, tel qu'un administrateur métier, est totalement bloqué",
	ruleText[3]: "l'ensemble des dossiers de la plateforme est touché",
	ruleText[4]: "un groupe d'utilisateurs est sérieusement perturbé",
	ruleText[5]: "un utilisateur standard est totalement bloqué",
	ruleText[6]: "une sous-catégorie importante de dossiers est touchée",
	ruleText[7]: "une gêne mineure, avec contournement",
	ruleText[8]: "une consultation ou quelques marchés sont touchés",
	ruleText[9]: "un utilisateur est sérieusement perturbé sans être bloqué, cas que le contrat ne nomme pas\u00a0: impact réduit",
}

// String returns the rule's code ("class_blocked"...), or "" for the zero
// value.
func (r ImpactRule) String() string { return enumString(ruleCodes, int(r)) }

// MarshalText returns the rule's code.
func (r ImpactRule) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// Text returns the rule's explanation in French when lang's base language
// is French, in English otherwise.
func (r ImpactRule) Text(lang language.Tag) string {
	if r <= 0 || int(r) >= len(ruleText) {
		return ""
	}
	return printer(lang).Sprintf(ruleText[r])
}

// tier is the contract's impact tier of a rule: 0 strong, 1 medium,
// 2 reduced.
func (r ImpactRule) tier() int {
	switch r {
	case RuleClassBlocked, RuleCriticalUserBlocked, RuleAllObjects:
		return 0
	case RuleGroupDisrupted, RuleUserBlocked, RuleSubcategory:
		return 1
	}
	return 2
}

// usersRule applies the contract's definitions to users and effect; both
// are valid and set.
func usersRule(u Users, e Effect) ImpactRule {
	switch {
	case e == Minor:
		return RuleMinor
	case u == UserClass && e == Blocked:
		return RuleClassBlocked
	case u == CriticalUser && e == Blocked:
		return RuleCriticalUserBlocked
	case u == UserClass || u == UserGroup: // disrupted, or a group blocked
		return RuleGroupDisrupted
	case u == OneUser && e == Blocked:
		return RuleUserBlocked
	}
	return RuleSingleUserDisrupted // one user or one critical user, disrupted
}

func objectsRule(o Objects) ImpactRule {
	switch o {
	case AllObjects:
		return RuleAllObjects
	case Subcategory:
		return RuleSubcategory
	}
	return RuleFewObjects
}

// Function is an entry of the catalogue of the platform's functions: its
// name and the criticality code of the matrix it has.
type Function struct {
	Name        string `json:"name"`
	Criticality string `json:"criticality"`
}

// DefaultFunctions returns the contract's examples of functions with their
// criticality: electronic bid submission is haute, auction sessions
// moyenne, statistics faible. A real catalogue lists every function of the
// platform; this one is for examples and tests.
func DefaultFunctions() []Function {
	return []Function{
		{Name: "dépôt électronique des offres", Criticality: "haute"},
		{Name: "enchères électroniques", Criticality: "moyenne"},
		{Name: "statistiques", Criticality: "faible"},
	}
}

// ImpactCodes maps the contract's three impact tiers to impact codes of
// the matrix. Empty fields default to the default matrix's codes: "fort",
// "moyen", "reduit".
type ImpactCodes struct {
	Strong, Medium, Reduced string
}

// ClassifierConfig configures a Classifier. The zero value is the
// contract's: the default matrix, DefaultFunctions, default impact codes.
type ClassifierConfig struct {
	// Matrix gives the levels and the priorities; zero: Default().
	Matrix Matrix
	// Functions is the catalogue; nil: DefaultFunctions().
	Functions []Function
	// Impacts maps the contract's impact tiers to the matrix's codes.
	Impacts ImpactCodes
}

// Classifier qualifies incidents against a catalogue of functions and a
// matrix. It is immutable and safe for concurrent use. The zero Classifier
// is NewClassifier(ClassifierConfig{}).
type Classifier struct{ c *classifier }

type classifier struct {
	matrix  Matrix
	byName  map[string]int // normalized name → index in funcs
	exact   map[string]int // name as listed → index, tried first (no normalization cost)
	funcs   []Function
	crit    []Level // criticality of funcs[i]
	impacts [3]Level
}

// NewClassifier validates cfg and returns its classifier, reporting all
// violations at once: a catalogue entry with an empty name
// (ErrEmptyFunctionName), two entries with the same name once case,
// accents and spacing are ignored (ErrDuplicateFunction), a criticality or
// impact code that is not in the matrix (ErrUnknownLevel), an impact
// mapping out of the matrix's order (ErrImpactOrder). Fields:
// "functions[i].name", "functions[i].criticality", "impacts.strong"...
func NewClassifier(cfg ClassifierConfig) (Classifier, error) {
	c := &classifier{matrix: cfg.Matrix}
	if c.matrix.m == nil {
		c.matrix = Default()
	}
	funcs := cfg.Functions
	if funcs == nil {
		funcs = DefaultFunctions()
	}
	c.funcs = slices.Clone(funcs)
	c.crit = make([]Level, len(funcs))
	c.byName = make(map[string]int, len(funcs))
	c.exact = make(map[string]int, len(funcs))
	var errs []*FieldError
	for i, f := range funcs {
		path := "functions[" + itoa(i) + "]"
		key := normalizeName(f.Name)
		switch _, dup := c.byName[key]; {
		case key == "":
			errs = append(errs, &FieldError{Field: path + ".name", Value: f.Name, Err: ErrEmptyFunctionName})
		case dup:
			errs = append(errs, &FieldError{Field: path + ".name", Value: f.Name, Err: ErrDuplicateFunction,
				Detail: "same name as functions[" + itoa(c.byName[key]) + "]"})
		default:
			c.byName[key] = i
			c.exact[f.Name] = i
		}
		l, err := c.matrix.LookupCriticality(f.Criticality)
		if err != nil {
			errs = append(errs, &FieldError{Field: path + ".criticality", Value: f.Criticality, Err: ErrUnknownLevel})
		}
		c.crit[i] = l
	}
	codes := [3]string{cfg.Impacts.Strong, cfg.Impacts.Medium, cfg.Impacts.Reduced}
	names := [3]string{"impacts.strong", "impacts.medium", "impacts.reduced"}
	for i, def := range [3]string{"fort", "moyen", "reduit"} {
		if codes[i] == "" {
			codes[i] = def
		}
		l, err := c.matrix.LookupImpact(codes[i])
		if err != nil {
			errs = append(errs, &FieldError{Field: names[i], Value: codes[i], Err: ErrUnknownLevel})
		}
		c.impacts[i] = l
	}
	for i := 1; i < 3; i++ {
		a, b := c.impacts[i-1], c.impacts[i]
		if !a.IsZero() && !b.IsZero() && a.rank > b.rank {
			errs = append(errs, &FieldError{Field: names[i], Value: codes[i], Err: ErrImpactOrder,
				Detail: "stronger than " + names[i-1] + " " + codes[i-1]})
		}
	}
	if len(errs) > 0 {
		return Classifier{}, fielderr.Join(errs)
	}
	return Classifier{c}, nil
}

// normalizeName folds case, removes accents, treats the typographic
// apostrophe as ', and collapses spaces: "Dépôt  électronique" and
// "depot electronique" are the same function.
func normalizeName(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	r, _, err := transform.String(t, s)
	if err != nil {
		r = s // invalid UTF-8 is compared as is
	}
	r = strings.ReplaceAll(strings.ToLower(r), "’", "'")
	return strings.Join(strings.Fields(r), " ")
}

// Qualification is the result of classifying an incident: the catalogue
// function, its criticality, the impact from the scope and the rule that
// set it, and the priority of that cell of the matrix.
type Qualification struct {
	Function    string     `json:"function"`
	Criticality Level      `json:"criticality"`
	Impact      Level      `json:"impact"`
	Priority    Level      `json:"priority"`
	Rule        ImpactRule `json:"rule"`

	matrix Matrix // for the labels of Reason
}

// Equal reports whether q and o have the same fields and matrix. It lets
// github.com/google/go-cmp compare qualifications.
func (q Qualification) Equal(o Qualification) bool {
	return q.Function == o.Function && q.Criticality == o.Criticality && q.Impact == o.Impact &&
		q.Priority == o.Priority && q.Rule == o.Rule && q.matrix.Equal(o.matrix)
}

// Reason explains the qualification in one paragraph, in French when
// lang's base language is French and in English otherwise, with the labels
// of the classifier's matrix, e.g.
//
//	Fonction « dépôt électronique des offres » : criticité Haute. Impact
//	Fort : toute une catégorie d'utilisateurs est totalement bloquée.
//	Priorité P1 (Haute × Fort).
func (q Qualification) Reason(lang language.Tag) string {
	if q.Priority.IsZero() {
		return ""
	}
	p := printer(lang)
	m := q.matrix
	return p.Sprintf(msgReason, q.Function, m.Label(q.Criticality, lang), m.Label(q.Impact, lang),
		p.Sprintf(ruleText[q.Rule]), m.Label(q.Priority, lang))
}

// Classify qualifies an incident on function (a name of the catalogue,
// matched ignoring case, accents and spacing) with the given scope.
//
// The impact follows the contract's definitions. From the users: a whole
// class, or a critical user, fully blocked is strong; a group (or a whole
// class) seriously disrupted, a group fully blocked, or a standard user
// fully blocked is medium; a minor inconvenience with a workaround is
// reduced; one user (standard or critical) seriously disrupted but not
// blocked, which the contract does not name, is reduced. From the objects:
// all files is strong, an important subcategory medium, one consultation
// or a few contracts reduced. When both are given the stronger wins (the
// users' rule on a tie). The priority is the matrix's cell.
//
// Errors, all reported at once: ErrUnknownFunction or ErrEmptyFunctionName
// (field "function"), ErrEmptyScope (field "scope"), ErrUsersWithoutEffect
// ("scope.users" or "scope.effect"), ErrInvalidScope for out-of-range
// values ("scope.users", "scope.effect", "scope.objects").
func (c Classifier) Classify(function string, scope Scope) (Qualification, error) {
	x := c.c
	if x == nil {
		x = defaultClassifier()
	}
	var errs []*FieldError
	fi, ok := x.exact[function] // the name as listed: no normalization cost
	if !ok {
		key := normalizeName(function)
		switch fi, ok = x.byName[key]; {
		case key == "":
			errs = append(errs, &FieldError{Field: "function", Value: function, Err: ErrEmptyFunctionName})
		case !ok:
			errs = append(errs, &FieldError{Field: "function", Value: function, Err: ErrUnknownFunction})
		}
	}
	errs = append(errs, checkScope(scope)...)
	if len(errs) > 0 {
		return Qualification{}, fielderr.Join(errs)
	}
	rule := ImpactRule(0)
	if scope.Users != 0 {
		rule = usersRule(scope.Users, scope.Effect)
	}
	if scope.Objects != 0 {
		if o := objectsRule(scope.Objects); rule == 0 || o.tier() < rule.tier() {
			rule = o
		}
	}
	imp := x.impacts[rule.tier()]
	crit := x.crit[fi]
	prio, err := x.matrix.PriorityOf(crit, imp)
	if err != nil {
		return Qualification{}, err // unreachable: levels checked by NewClassifier
	}
	return Qualification{Function: x.funcs[fi].Name, Criticality: crit, Impact: imp, Priority: prio, Rule: rule, matrix: x.matrix}, nil
}

func checkScope(s Scope) []*FieldError {
	var errs []*FieldError
	if s.Users < 0 || int(s.Users) >= len(usersCodes) {
		errs = append(errs, &FieldError{Field: "scope.users", Value: itoaSigned(int(s.Users)), Err: ErrInvalidScope})
	}
	if s.Effect < 0 || int(s.Effect) >= len(effectCodes) {
		errs = append(errs, &FieldError{Field: "scope.effect", Value: itoaSigned(int(s.Effect)), Err: ErrInvalidScope})
	}
	if s.Objects < 0 || int(s.Objects) >= len(objectsCodes) {
		errs = append(errs, &FieldError{Field: "scope.objects", Value: itoaSigned(int(s.Objects)), Err: ErrInvalidScope})
	}
	if len(errs) > 0 {
		return errs
	}
	switch {
	case s.Users == 0 && s.Effect == 0 && s.Objects == 0:
		errs = append(errs, &FieldError{Field: "scope", Err: ErrEmptyScope})
	case s.Users != 0 && s.Effect == 0:
		errs = append(errs, &FieldError{Field: "scope.effect", Err: ErrUsersWithoutEffect, Detail: "users " + s.Users.String() + " given"})
	case s.Users == 0 && s.Effect != 0:
		errs = append(errs, &FieldError{Field: "scope.users", Err: ErrUsersWithoutEffect, Detail: "effect " + s.Effect.String() + " given"})
	}
	return errs
}

func itoaSigned(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	return itoa(n)
}

var defaultClassifier = sync.OnceValue(func() *classifier {
	c, err := NewClassifier(ClassifierConfig{})
	if err != nil {
		panic("priority: default classifier is invalid: " + err.Error()) // unreachable: TestDefaultClassifier
	}
	return c.c
})

// Functions returns a copy of the classifier's catalogue.
func (c Classifier) Functions() []Function {
	if c.c == nil {
		return DefaultFunctions()
	}
	return slices.Clone(c.c.funcs)
}

// Matrix returns the classifier's matrix.
func (c Classifier) Matrix() Matrix {
	if c.c == nil {
		return Default()
	}
	return c.c.matrix
}
