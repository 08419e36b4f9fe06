// Command incident-deadlines is a runnable example of the marches SDK: it
// qualifies three incidents with the contract's priority matrix and prints
// when each must be acknowledged, worked around and resolved on the
// contract's support calendar (Mo-Fr 09:00-19:00, public holidays off,
// Paris).
//
//	go run ./examples/incident-deadlines
//
// Its output is fixed (the incidents have fixed opening instants) and is
// checked by main_test.go.
package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/priority"
	"github.com/openmarches/marches/sla"

	_ "time/tzdata" // deadlines must not depend on the machine's zoneinfo
)

type incident struct {
	what                string
	criticality, impact string
	opened              string // RFC 3339
}

var incidents = []incident{
	{"dépôt des offres impossible pour toutes les entreprises", "haute", "fort", "2026-11-27T18:30:00+01:00"},
	{"enchères électroniques bloquées pour tous les acheteurs", "moyenne", "fort", "2026-12-24T17:00:00+01:00"},
	{"export statistique en erreur pour un utilisateur", "faible", "reduit", "2026-03-27T10:00:00+01:00"},
}

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	cal, err := calendar.New(calendar.Config{Territory: "75"})
	if err != nil {
		return err
	}
	ev, err := sla.New(sla.Config{Calendar: cal})
	if err != nil {
		return err
	}
	matrix := priority.Default()
	for _, in := range incidents {
		lvl, err := matrix.Priority(in.criticality, in.impact)
		if err != nil {
			return err
		}
		opened, err := time.Parse(time.RFC3339, in.opened)
		if err != nil {
			return err
		}
		d, err := ev.Deadlines(lvl.Code(), opened)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s\n  %s × %s → %s, opened %s (business hours: %v)\n",
			in.what, in.criticality, in.impact, lvl.Code(), d.Opened.Format(time.RFC3339), d.InHours)
		for _, t := range d.Targets {
			due := "—"
			if !t.Due.IsZero() {
				due = t.Due.Format(time.RFC3339)
			} else if t.Note != "" {
				due = "— (" + t.Note + ")"
			}
			fmt.Fprintf(w, "  %-12s %s\n", t.Target.String()+":", due)
		}
	}
	return nil
}
