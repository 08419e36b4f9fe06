package priority

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDefaultClassifier(t *testing.T) {
	if _, err := NewClassifier(ClassifierConfig{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(DefaultFunctions(), Classifier{}.Functions()); diff != "" {
		t.Error(diff)
	}
	if !(Classifier{}).Matrix().Equal(Default()) {
		t.Error("zero classifier's matrix is not the default")
	}
}

// TestClassifyImpact: every users × effect pair and every objects value,
// with the clause of the contract (issue 3, "Qualification") that decides.
func TestClassifyImpact(t *testing.T) {
	tests := []struct {
		name  string
		scope Scope
		imp   string
		rule  ImpactRule
	}{
		// Fort: "a whole class of users, or a critical user such as a
		// business administrator, fully blocked; or all files".
		{"class blocked", Scope{Users: UserClass, Effect: Blocked}, "fort", RuleClassBlocked},
		{"critical user blocked", Scope{Users: CriticalUser, Effect: Blocked}, "fort", RuleCriticalUserBlocked},
		{"all files", Scope{Objects: AllObjects}, "fort", RuleAllObjects},
		// Moyen: "a group seriously disrupted, or a standard user fully
		// blocked; or an important subcategory of files". A whole class is
		// a group; a group blocked is at least seriously disrupted.
		{"group disrupted", Scope{Users: UserGroup, Effect: Disrupted}, "moyen", RuleGroupDisrupted},
		{"group blocked", Scope{Users: UserGroup, Effect: Blocked}, "moyen", RuleGroupDisrupted},
		{"class disrupted", Scope{Users: UserClass, Effect: Disrupted}, "moyen", RuleGroupDisrupted},
		{"user blocked", Scope{Users: OneUser, Effect: Blocked}, "moyen", RuleUserBlocked},
		{"subcategory", Scope{Objects: Subcategory}, "moyen", RuleSubcategory},
		// Réduit: "minor inconvenience with a workaround; one consultation
		// or a few contracts".
		{"class minor", Scope{Users: UserClass, Effect: Minor}, "reduit", RuleMinor},
		{"critical user minor", Scope{Users: CriticalUser, Effect: Minor}, "reduit", RuleMinor},
		{"group minor", Scope{Users: UserGroup, Effect: Minor}, "reduit", RuleMinor},
		{"user minor", Scope{Users: OneUser, Effect: Minor}, "reduit", RuleMinor},
		{"few objects", Scope{Objects: FewObjects}, "reduit", RuleFewObjects},
		// Not named by the contract: one user seriously disrupted.
		{"user disrupted", Scope{Users: OneUser, Effect: Disrupted}, "reduit", RuleSingleUserDisrupted},
		{"critical user disrupted", Scope{Users: CriticalUser, Effect: Disrupted}, "reduit", RuleSingleUserDisrupted},
		// Users and objects: the stronger wins, the users' rule on a tie.
		{"user minor, all files", Scope{Users: OneUser, Effect: Minor, Objects: AllObjects}, "fort", RuleAllObjects},
		{"class blocked, few files", Scope{Users: UserClass, Effect: Blocked, Objects: FewObjects}, "fort", RuleClassBlocked},
		{"tie: user blocked, subcategory", Scope{Users: OneUser, Effect: Blocked, Objects: Subcategory}, "moyen", RuleUserBlocked},
	}
	c := Classifier{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// "enchères électroniques" is moyenne, so the priority is the
			// Moyenne column: fort P2, moyen P3, reduit P4.
			q, err := c.Classify("enchères électroniques", tt.scope)
			if err != nil {
				t.Fatal(err)
			}
			wantPrio := map[string]string{"fort": "P2", "moyen": "P3", "reduit": "P4"}[tt.imp]
			got := []string{q.Criticality.Code(), q.Impact.Code(), q.Priority.Code(), q.Rule.String()}
			want := []string{"moyenne", tt.imp, wantPrio, tt.rule.String()}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestClassifyMonotone: over every valid scope, making the users wider,
// the effect worse or the objects more numerous never weakens the impact.
func TestClassifyMonotone(t *testing.T) {
	c := Classifier{}
	rank := func(s Scope) int {
		q, err := c.Classify("statistiques", s)
		if err != nil {
			t.Fatalf("%+v: %v", s, err)
		}
		return q.Impact.Rank()
	}
	var scopes []Scope
	for u := Users(0); u <= UserClass; u++ {
		for e := Effect(0); e <= Blocked; e++ {
			for o := Objects(0); o <= AllObjects; o++ {
				if (u == 0) != (e == 0) || (u == 0 && o == 0) {
					continue
				}
				scopes = append(scopes, Scope{u, e, o})
			}
		}
	}
	if len(scopes) != 4*3*4+3 { // users×effect×(objects or none) + objects alone
		t.Fatalf("%d scopes", len(scopes))
	}
	for _, a := range scopes {
		for _, b := range scopes {
			wider := a.Users <= b.Users && a.Effect <= b.Effect && a.Objects <= b.Objects
			// OneUser < CriticalUser < UserGroup < UserClass is not a total
			// order of extent (a critical user is not "more" than a group),
			// so compare users only when equal or both non-critical.
			if a.Users != b.Users && (a.Users == CriticalUser || b.Users == CriticalUser) {
				continue
			}
			if wider && rank(b) > rank(a) {
				t.Errorf("%+v → impact rank %d, but the wider %+v → %d", a, rank(a), b, rank(b))
			}
		}
	}
	// A critical user is treated at least like a standard user.
	for e := Minor; e <= Blocked; e++ {
		if rank(Scope{Users: CriticalUser, Effect: e}) > rank(Scope{Users: OneUser, Effect: e}) {
			t.Errorf("critical user %v weaker than a standard user", e)
		}
	}
}

func TestClassifyFunctionNames(t *testing.T) {
	c := Classifier{}
	for _, name := range []string{
		"dépôt électronique des offres", "Dépôt Électronique des Offres", "depot electronique des offres",
		"  dépôt   électronique\tdes offres ", "de\u0301po\u0302t e\u0301lectronique des offres", // combining accents
	} {
		q, err := c.Classify(name, Scope{Objects: FewObjects})
		if err != nil || q.Function != "dépôt électronique des offres" || q.Criticality.Code() != "haute" {
			t.Errorf("%q: %+v %v", name, q, err)
		}
	}
	// The typographic apostrophe matches the ASCII one.
	c2, err := NewClassifier(ClassifierConfig{Functions: []Function{{Name: "gestion de l'annuaire", Criticality: "faible"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c2.Classify("Gestion de l’annuaire", Scope{Objects: FewObjects}); err != nil {
		t.Error(err)
	}
}

func TestClassifyErrors(t *testing.T) {
	tests := []struct {
		name     string
		function string
		scope    Scope
		want     []string
	}{
		{"unknown function", "messagerie", Scope{Objects: FewObjects}, []string{"function: unknown_function"}},
		{"empty function", "  ", Scope{Objects: FewObjects}, []string{"function: empty_function_name"}},
		{"empty scope", "statistiques", Scope{}, []string{"scope: empty_scope"}},
		{"users without effect", "statistiques", Scope{Users: UserGroup, Objects: AllObjects}, []string{"scope.effect: users_without_effect"}},
		{"effect without users", "statistiques", Scope{Effect: Blocked}, []string{"scope.users: users_without_effect"}},
		{"out of range", "x", Scope{Users: 9, Effect: -1, Objects: 4},
			[]string{"function: unknown_function", "scope.effect: invalid_scope", "scope.objects: invalid_scope", "scope.users: invalid_scope"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Classifier{}.Classify(tt.function, tt.scope)
			if diff := cmp.Diff(tt.want, violations(err)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if q != (Qualification{}) || q.Reason(langFR) != "" {
				t.Errorf("non-zero qualification on error: %+v", q)
			}
		})
	}
}

func TestNewClassifierErrors(t *testing.T) {
	fives, err := ParseJSON(mustRead("testdata/five_levels.json"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		cfg  ClassifierConfig
		want []string
	}{
		{"catalogue", ClassifierConfig{Functions: []Function{
			{Name: "Statistiques", Criticality: "faible"}, {Name: "statistiques ", Criticality: "haute"},
			{Name: "", Criticality: "haute"}, {Name: "archivage", Criticality: "critique"},
		}}, []string{"functions[1].name: duplicate_function", "functions[2].name: empty_function_name", "functions[3].criticality: unknown_level"}},
		{"default impact codes absent from the matrix", ClassifierConfig{Matrix: fives, Functions: []Function{}},
			[]string{"impacts.medium: unknown_level", "impacts.reduced: unknown_level", "impacts.strong: unknown_level"}},
		{"impacts out of order", ClassifierConfig{Impacts: ImpactCodes{Strong: "reduit", Reduced: "fort"}},
			[]string{"impacts.medium: impact_order", "impacts.reduced: impact_order"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewClassifier(tt.cfg)
			if diff := cmp.Diff(tt.want, violations(err)); diff != "" {
				t.Errorf("(-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

// TestClassifierCustomMatrix maps the three tiers onto a 2-level impact
// axis (strong → bloquant, medium and reduced → genant).
func TestClassifierCustomMatrix(t *testing.T) {
	m, _ := ParseJSON(mustRead("testdata/five_levels.json"))
	funcs := []Function{{Name: "signature", Criticality: "vitale"}, {Name: "aide en ligne", Criticality: "cosmetique"}}
	snapshot := append([]Function(nil), funcs...)
	c, err := NewClassifier(ClassifierConfig{Matrix: m, Functions: funcs,
		Impacts: ImpactCodes{Strong: "bloquant", Medium: "genant", Reduced: "genant"}})
	if err != nil {
		t.Fatal(err)
	}
	funcs[0].Criticality = "faible" // the classifier keeps its own copy
	if diff := cmp.Diff(snapshot, c.Functions()); diff != "" {
		t.Errorf("catalogue aliased (-want +got):\n%s", diff)
	}
	// five_levels.json: vitale × genant = urgent; cosmetique × bloquant = bas.
	q, err := c.Classify("signature", Scope{Users: OneUser, Effect: Blocked}) // medium → genant
	if err != nil || q.Impact.Code() != "genant" || q.Priority.Code() != "urgent" {
		t.Errorf("signature: %+v %v", q, err)
	}
	q, err = c.Classify("aide en ligne", Scope{Objects: AllObjects}) // strong → bloquant
	if err != nil || q.Impact.Code() != "bloquant" || q.Priority.Code() != "bas" {
		t.Errorf("aide en ligne: %+v %v", q, err)
	}
}

func TestReason(t *testing.T) {
	q, err := Classifier{}.Classify("dépôt électronique des offres", Scope{Users: UserClass, Effect: Blocked})
	if err != nil {
		t.Fatal(err)
	}
	// Hand-written from the catalog texts in classify.go.
	wantFR := "Fonction «\u00a0dépôt électronique des offres\u00a0»\u00a0: criticité Haute. Impact Fort\u00a0: " +
		"toute une catégorie d'utilisateurs est totalement bloquée. Priorité P1 (Haute × Fort)."
	wantEN := `Function "dépôt électronique des offres": High criticality. Major impact: ` +
		"a whole class of users is fully blocked. Priority P1 (High × Major)."
	if diff := cmp.Diff(wantFR, q.Reason(langFR)); diff != "" {
		t.Errorf("fr (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantEN, q.Reason(langEN)); diff != "" {
		t.Errorf("en (-want +got):\n%s", diff)
	}
	// Every rule has a text in both languages, and the French differs.
	for r := RuleClassBlocked; r <= RuleSingleUserDisrupted; r++ {
		fr, en := r.Text(langFR), r.Text(langEN)
		if fr == "" || en == "" || fr == en {
			t.Errorf("rule %v: fr %q en %q", r, fr, en)
		}
	}
	if ImpactRule(0).Text(langFR) != "" || ImpactRule(99).String() != "invalid(99)" {
		t.Error("out-of-range rule")
	}
}

func TestScopeJSON(t *testing.T) {
	s := Scope{Users: CriticalUser, Effect: Disrupted, Objects: Subcategory}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"users":"critical_user","effect":"disrupted","objects":"subcategory"}`; string(b) != want {
		t.Errorf("got %s, want %s", b, want)
	}
	var back Scope
	if err := json.Unmarshal(b, &back); err != nil || back != s {
		t.Errorf("round trip: %+v %v", back, err)
	}
	err = json.Unmarshal([]byte(`{"users":"everyone","effect":"blocked"}`), &back)
	if !errors.Is(err, ErrInvalidScope) {
		t.Errorf("unknown users code: %v", err)
	}
	if b, _ := json.Marshal(Scope{Objects: FewObjects}); string(b) != `{"objects":"few"}` {
		t.Errorf("zero fields omitted: %s", b)
	}
	q, _ := Classifier{}.Classify("statistiques", Scope{Objects: FewObjects})
	if b, _ := json.Marshal(q); string(b) != `{"function":"statistiques","criticality":"faible","impact":"reduit","priority":"P4","rule":"few_objects"}` {
		t.Errorf("qualification JSON %s", b)
	}
}

func TestQualificationEqual(t *testing.T) {
	s := Scope{Users: OneUser, Effect: Blocked}
	q1, _ := Classifier{}.Classify("statistiques", s)
	q2, _ := Classifier{}.Classify("Statistiques", s)
	if diff := cmp.Diff(q1, q2); diff != "" {
		t.Errorf("same qualification differs:\n%s", diff)
	}
	m, _ := ParseJSON(mustRead("testdata/default.json"))
	m2, _ := New(Config{Source: "other", Criticality: m.Config().Criticality, Impact: m.Config().Impact,
		Priorities: m.Config().Priorities, Cells: m.Config().Cells})
	c, _ := NewClassifier(ClassifierConfig{Matrix: m2})
	q3, _ := c.Classify("statistiques", s)
	if cmp.Equal(q1, q3) {
		t.Error("qualifications from different matrices compare equal")
	}
}
