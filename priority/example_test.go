package priority_test

import (
	"errors"
	"fmt"

	"golang.org/x/text/language"

	"github.com/openmarches/marches/priority"
)

func ExampleMatrix_Priority() {
	m := priority.Default()
	p, err := m.Priority("haute", "moyen")
	if err != nil {
		panic(err)
	}
	fmt.Println(p.Code(), p.Rank(), m.Label(p, language.French))

	_, err = m.Priority("critique", "fort")
	fmt.Println(errors.Is(err, priority.ErrUnknownLevel))
	fmt.Println(err)
	// Output:
	// P2 2 P2
	// true
	// criticality "critique": priority: code is not a level of this axis of the matrix (want one of haute, moyenne, faible)
}

func ExampleMatrix_Markdown() {
	fmt.Print(priority.Default().Markdown(language.French))
	fmt.Print(priority.Default().Markdown(language.English))
	// Output:
	// | Impact \ Criticité | Haute | Moyenne | Faible |
	// | --- | --- | --- | --- |
	// | Fort | P1 | P2 | P3 |
	// | Moyen | P2 | P3 | P4 |
	// | Réduit | P3 | P4 | P4 |
	// | Impact \ Criticality | High | Medium | Low |
	// | --- | --- | --- | --- |
	// | Major | P1 | P2 | P3 |
	// | Moderate | P2 | P3 | P4 |
	// | Minor | P3 | P4 | P4 |
}

// A 2 × 2 matrix read from JSON. Labels are optional: a level without one
// shows its code.
func ExampleParseJSON() {
	m, err := priority.ParseJSON([]byte(`{
	  "criticality": [{"code": "critique", "fr": "Critique", "en": "Critical"}, {"code": "standard"}],
	  "impact": [{"code": "bloquant", "en": "Blocking"}, {"code": "gene", "fr": "Gêne", "en": "Nuisance"}],
	  "priorities": [{"code": "P1"}, {"code": "P2"}],
	  "cells": {
	    "critique": {"bloquant": "P1", "gene": "P2"},
	    "standard": {"bloquant": "P2", "gene": "P2"}
	  }
	}`))
	if err != nil {
		panic(err)
	}
	p, _ := m.Priority("critique", "bloquant")
	fmt.Println(p)
	fmt.Print(m.Markdown(language.English))
	// Output:
	// P1
	// | Impact \ Criticality | Critical | standard |
	// | --- | --- | --- |
	// | Blocking | P1 | P2 |
	// | Nuisance | P2 | P2 |
}

// An incomplete matrix: the missing cell is reported; monotonicity is
// checked once every cell is there.
func ExampleNew_incomplete() {
	_, err := priority.New(priority.Config{
		Criticality: []priority.LevelConfig{{Code: "haute"}, {Code: "basse"}},
		Impact:      []priority.LevelConfig{{Code: "fort"}, {Code: "faible"}},
		Priorities:  []priority.LevelConfig{{Code: "P1"}, {Code: "P2"}},
		Cells: map[string]map[string]string{
			"haute": {"fort": "P2", "faible": "P2"},
			"basse": {"fort": "P1"},
		},
	})
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		fmt.Println(e)
	}
	// Output:
	// cells.basse.faible: priority: every criticality x impact cell must have a priority
}

// New reports every violation at once: here the more critical row gets
// less urgent priorities than the less critical one, in both columns.
func ExampleNew() {
	_, err := priority.New(priority.Config{
		Criticality: []priority.LevelConfig{{Code: "haute"}, {Code: "basse"}},
		Impact:      []priority.LevelConfig{{Code: "fort"}, {Code: "faible"}},
		Priorities:  []priority.LevelConfig{{Code: "P1"}, {Code: "P2"}},
		Cells: map[string]map[string]string{
			"haute": {"fort": "P2", "faible": "P2"},
			"basse": {"fort": "P1", "faible": "P1"},
		},
	})
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		fmt.Println(e)
	}
	// Output:
	// cells.haute.faible "P2": priority: raising criticality or impact must never lower the priority (less urgent than P1 at cells.basse.faible, whose criticality is lower)
	// cells.haute.fort "P2": priority: raising criticality or impact must never lower the priority (less urgent than P1 at cells.basse.fort, whose criticality is lower)
}

// Qualify "dépôt des offres impossible pour toutes les entreprises": the
// bid-submission function, a whole class of users fully blocked.
func ExampleClassifier_Classify() {
	var c priority.Classifier // the contract's matrix and example catalogue
	q, err := c.Classify("Dépôt électronique des offres",
		priority.Scope{Users: priority.UserClass, Effect: priority.Blocked})
	if err != nil {
		panic(err)
	}
	fmt.Println(q.Criticality, q.Impact, q.Priority, q.Rule)
	fmt.Println(q.Reason(language.English))
	// Output:
	// haute fort P1 class_blocked
	// Function "dépôt électronique des offres": High criticality. Major impact: a whole class of users is fully blocked. Priority P1 (High × Major).
}

// A custom catalogue of functions on the default matrix.
func ExampleNewClassifier() {
	c, err := priority.NewClassifier(priority.ClassifierConfig{Functions: []priority.Function{
		{Name: "signature électronique", Criticality: "haute"},
		{Name: "annuaire des entreprises", Criticality: "faible"},
	}})
	if err != nil {
		panic(err)
	}
	q, _ := c.Classify("signature electronique", priority.Scope{Objects: priority.Subcategory})
	fmt.Println(q.Priority, "-", q.Reason(language.French)) // French typography: no-break spaces before ':' and inside « »
	// Output:
	// P2 - Fonction « signature électronique » : criticité Haute. Impact Moyen : une sous-catégorie importante de dossiers est touchée. Priorité P2 (Haute × Moyen).
}
