package main

import (
	"errors"
	"flag"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
	"github.com/openmarches/marches/procurement"
	"github.com/shopspring/decimal"
)

// "marches procurement check": the consultation model.

func procurementModelCommands() []command {
	return []command{
		{"procurement check", "Check a consultation document (JSON): schema, identifiers and model rules, every problem at once", procurementCheckCmd},
	}
}

// checkResult is the output of "marches procurement check".
type checkResult struct {
	Valid    bool           `json:"valid"`
	Problems []checkProblem `json:"problems"`
}

// checkProblem is one problem: the JSON path in the consultation
// ("lots[1].estimatedValue", indexes from 0), the rule's stable code and
// the full message.
type checkProblem struct {
	Path    string `json:"path"`
	Rule    string `json:"rule"`
	Message string `json:"message"`
}

// procurementCheckCmd declares --input itself: here the file is the
// consultation document, not a JSON object of flags.
func procurementCheckCmd(fs *flag.FlagSet) func(*env) (any, error) {
	path := fs.String("input", "", "the consultation document, JSON, in `FILE` (- for standard input)")
	return func(e *env) (any, error) {
		if *path == "" {
			return nil, &fielderr.Error{Field: "input", Err: errRequired, Detail: "give the consultation document with --input FILE or --input -"}
		}
		data, err := readInput(*path, e.stdin)
		if err != nil {
			return nil, err
		}
		return checkConsultation(data)
	}
}

// checkConsultation runs procurement.ParseConsultation and lists its
// problems. A document that is not JSON at all is an error (exit 2);
// any other problem makes the consultation invalid (exit 0).
func checkConsultation(data []byte) (*checkResult, error) {
	_, err := procurement.ParseConsultation(data)
	if errors.Is(err, procurement.ErrJSONSyntax) {
		var fe *fielderr.Error
		if errors.As(err, &fe) {
			cp := *fe
			cp.Field = "input"
			return nil, &cp
		}
		return nil, err
	}
	res := &checkResult{Valid: err == nil, Problems: []checkProblem{}}
	if err != nil {
		for _, p := range flatten(err) {
			cp := checkProblem{Rule: fielderr.RuleCode(p), Message: p.Error()}
			var fe *fielderr.Error
			if errors.As(p, &fe) {
				cp.Path = fe.Field
			}
			res.Problems = append(res.Problems, cp)
		}
	}
	return res, nil
}

// sampleConsultation is the demo's consultation: an open procedure
// (appel d'offres ouvert) of an intercommunal syndicate in Paris for the
// maintenance and hosting of its e-procurement platform, in 2 lots,
// 296 000 € HT in total with options and renewals. It is the Go form of
// procurement/testdata/sample_consultation.json (a test checks that
// procurement.Marshal gives that file byte for byte).
func sampleConsultation() procurement.Consultation {
	eur := decimal.RequireFromString
	paris := time.FixedZone("", 2*60*60) // CEST, the offset of 15 June 2026 in Paris
	return procurement.Consultation{
		Reference:   "2026-SIPAN-AOO-003",
		Title:       "Maintenance et hébergement de la plateforme de dématérialisation des marchés publics",
		Description: "Maintenance corrective, évolutive et réglementaire du logiciel de la plateforme de dématérialisation des marchés publics (profil d'acheteur) du syndicat, et son hébergement sécurisé, pour 2 ans reconductibles 2 fois 1 an.",
		Buyer: procurement.Buyer{
			Name:  "Syndicat intercommunal Paris Achats Numériques (SIPAN)",
			SIRET: "24750052300011",
			Kind:  procurement.BuyerLocalAuthority,
			Address: procurement.Address{
				Street: "12 rue de l'Hôtel de Ville", PostalCode: "75004", City: "Paris", NUTS: "FR101",
			},
			Territory: "75",
		},
		Nature:         procurement.Services,
		Procedure:      procurement.ProcedureOpen,
		CPV:            "72000000-5",
		AdditionalCPV:  []string{"72260000-5", "48000000-8", "72267000-4", "72415000-2"},
		EstimatedValue: eur("138000.00"),
		OptionsValue:   eur("20000.00"),
		RenewalsValue:  eur("138000.00"),
		DurationMonths: 24,
		Renewals:       procurement.Renewals{Count: 2, Months: 12},
		Lots: []procurement.Lot{
			{
				Number:         1,
				Title:          "Maintenance corrective, évolutive et réglementaire du logiciel",
				Description:    "Maintien en conditions opérationnelles, mises à jour réglementaires (eForms, DUME) et évolutions sur bons de commande.",
				CPV:            "72267000-4",
				EstimatedValue: eur("90000.00"),
				OptionsValue:   eur("20000.00"),
				RenewalsValue:  eur("90000.00"),
			},
			{
				Number:         2,
				Title:          "Hébergement, exploitation et sauvegarde",
				Description:    "Hébergement en France sur une infrastructure qualifiée, supervision 24/7, sauvegardes et plan de reprise d'activité.",
				CPV:            "72415000-2",
				EstimatedValue: eur("48000.00"),
				RenewalsValue:  eur("48000.00"),
				AwardCriteria: []procurement.AwardCriterion{
					{Name: "Prix", Kind: procurement.CriterionPrice, Weight: 40},
					{Name: "Valeur technique", Kind: procurement.CriterionQuality, Weight: 50},
					{Name: "Performance environnementale de l'hébergement", Kind: procurement.CriterionQuality, Weight: 10},
				},
			},
		},
		AwardCriteria: []procurement.AwardCriterion{
			{Name: "Prix", Kind: procurement.CriterionPrice, Weight: 40},
			{Name: "Valeur technique", Kind: procurement.CriterionQuality, Weight: 60},
		},
		NoticeDispatch:     calendar.MustDate(2026, time.May, 11),
		TendersDeadline:    time.Date(2026, time.June, 15, 12, 0, 0, 0, paris),
		TenderValidityDays: 120,
		Tenderers: []procurement.Tenderer{
			{ID: "pli-1", Name: "Dematis Solutions SAS", SIRET: "84312345600017"},
			{ID: "pli-2", Name: "HébergeSûr SARL", SIRET: "79845612500011", SME: true},
			{ID: "pli-3", Name: "Nuage Public Services", SIRET: "91234567500017", SME: true},
		},
		Awards: []procurement.Award{
			{Lot: 1, Tenderer: "pli-1", Amount: eur("184500.00"), Date: calendar.MustDate(2026, time.July, 10)},
			{Lot: 2, Tenderer: "pli-2", Amount: eur("89280.00"), Date: calendar.MustDate(2026, time.July, 10)},
		},
	}
}

// demoModel is the model part of the demo's procurement section.
type demoModel struct {
	Reference      string       `json:"reference"`
	Buyer          string       `json:"buyer"`
	Procedure      string       `json:"procedure"`
	Lots           int          `json:"lots"`
	TotalValue     string       `json:"total_value_ht"`
	TotalValueNote string       `json:"total_value_note"`
	MaxMonths      int          `json:"max_duration_months"`
	Check          *checkResult `json:"check"`
	BrokenCopy     *checkResult `json:"check_of_a_broken_copy"`
}

// demoProcurementModel returns the model part of the demo's procurement
// section: the sample consultation written with procurement.Marshal and
// checked as "marches procurement check" does, then a copy with typical
// mistakes, checked the same way.
func demoProcurementModel() (any, error) {
	c := sampleConsultation()
	doc, err := procurement.Marshal(c)
	if err != nil {
		return nil, err
	}
	check, err := checkConsultation(doc)
	if err != nil {
		return nil, err
	}
	broken := c
	broken.Buyer.SIRET = "24750052300012"                       // last digit changed: fails Luhn
	broken.AdditionalCPV = []string{"72260000-6", "72000000-5"} // bad check digit; the main code again
	broken.Lots = append([]procurement.Lot(nil), c.Lots...)
	broken.Lots[1].EstimatedValue = decimal.RequireFromString("50000.00") // no longer sums to 138000.00
	broken.AwardCriteria = []procurement.AwardCriterion{{Name: "Valeur technique", Kind: procurement.CriterionQuality, Weight: 60}}
	bdoc, err := procurement.Marshal(broken)
	if err != nil {
		return nil, err
	}
	bcheck, err := checkConsultation(bdoc)
	if err != nil {
		return nil, err
	}
	return &demoModel{
		Reference:      c.Reference,
		Buyer:          c.Buyer.Name,
		Procedure:      c.Procedure.String(),
		Lots:           len(c.Lots),
		TotalValue:     c.TotalValue().StringFixed(2),
		TotalValueNote: "R2121-1: all lots, options and renewals (and premiums): 90000+20000+90000 + 48000+48000",
		MaxMonths:      c.TotalDurationMonths(),
		Check:          check,
		BrokenCopy:     bcheck,
	}, nil
}
