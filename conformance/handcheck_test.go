package conformance

import (
	"slices"
	"strings"
	"testing"
)

// handChecked holds, for every vector whose checked_by_hand field is set,
// the output leaves computed by hand (the arithmetic is in the vector's
// checked_by_hand text), written here as literals: "path=value" separated
// by "; ". They are not recomputed by the SDK, so a change of the SDK
// that regenerates different vectors fails this test until a person
// redoes the arithmetic.
var handChecked = map[string]string{
	// calendar-business: working time of Mo-Fr 09:00-19:00, PH off.
	"calendar.business.add.friday-evening":                       "result=2026-11-30T10:00:00+01:00",
	"calendar.business.add.ends-exactly-at-closing":              "result=2026-11-30T19:00:00+01:00",
	"calendar.business.add.christmas-eve":                        "result=2026-12-28T17:00:00+01:00",
	"calendar.business.add.good-friday-paris":                    "result=2026-04-03T10:00:00+02:00",
	"calendar.business.add.good-friday-alsace":                   "result=2026-04-07T10:00:00+02:00",
	"calendar.business.add.spring-forward-weekend":               "result=2026-03-30T10:00:00+02:00",
	"calendar.business.add.24-7-spring-forward-day":              "result=2026-03-30T01:00:00+02:00",
	"calendar.business.add.reunion-utc-input":                    "result=2026-12-21T16:00:00+04:00",
	"calendar.business.between.may-2026":                         "seconds=612000", // 17 days × 10 h
	"calendar.business.between.negative":                         "seconds=-3600",  // −(10:00..11:00)
	"calendar.business.between.24-7-fall-back-day":               "seconds=90000",  // 25 h
	"calendar.business.between.night-window-fall-back":           "seconds=12600",  // 3 h 30
	"calendar.business.between.night-window-spring-forward":      "seconds=5400",   // 1 h 30
	"calendar.business.between.period-ending-1-may":              "seconds=756000", // 21 days × 10 h
	"calendar.business.working-days.friday-1830":                 "result=2026-11-30T18:30:00+01:00",
	"calendar.business.working-days.friday-2000":                 "result=2026-12-01T09:00:00+01:00",
	"calendar.business.working-days.dst-gap":                     "result=2026-03-29T03:30:00+02:00",
	"calendar.business.working-days.three-over-christmas":        "result=2026-12-29T15:00:00+01:00",
	"calendar.business.next-open.new-year":                       "result=2027-01-04T09:00:00+01:00",
	"calendar.days.francs.christmas-2026":                        "date=2026-12-28",
	"calendar.days.calendaires.ending-on-1-may":                  "date=2026-05-04",
	"calendar.days.ouvres.good-friday-alsace":                    "date=2026-04-07",
	"calendar.days.ouvres.good-friday-paris":                     "date=2026-04-03",
	"calendar.days.ouvrables.saturday-then-extended":             "date=2026-05-04",
	"calendar.days.ouvres.250-days":                              "date=2026-12-30",
	"calendar.days.calendaires.alsace-st-stephen-2025":           "date=2025-12-29",
	"calendar.days.calendaires.paris-st-stephen-2025":            "date=2025-12-26",
	"calendar.days.francs.backwards":                             "date=2026-04-30",
	"calendar.days.calendaires.backwards-onto-holiday":           "date=2026-05-07",
	"calendar.days.calendaires.overseas-guadeloupe":              "date=2026-05-28",
	"calendar.days.extend.1-may":                                 "date=2026-05-04",
	"calendar.days.extend.whit-monday":                           "date=2026-05-26",
	"calendar.holidays.national.empty-range-before-bastille-day": "dates=[]",
	"calendar.holidays.national.year-boundary-67":                "dates[0]=2026-12-25; dates[1]=2026-12-26; dates[2]=2027-01-01",
	"calendar.holidays.alsace-moselle.57-good-friday-2027":       "dates[0]=2027-03-26; dates[1]=2027-03-29",
	"calendar.holidays.overseas.martinique-972-may-2026":         "dates[0]=2026-05-01; dates[1]=2026-05-08; dates[2]=2026-05-14; dates[3]=2026-05-22; dates[4]=2026-05-25",
	"calendar.holidays.national.75-2026": "dates[0]=2026-01-01; dates[1]=2026-04-06; dates[2]=2026-05-01; dates[3]=2026-05-08; dates[4]=2026-05-14; " +
		"dates[5]=2026-05-25; dates[6]=2026-07-14; dates[7]=2026-08-15; dates[8]=2026-11-01; dates[9]=2026-11-11; dates[10]=2026-12-25",
	"calendar.holidays.alsace-moselle.67-2026": "dates[0]=2026-01-01; dates[1]=2026-04-03; dates[2]=2026-04-06; dates[3]=2026-05-01; dates[4]=2026-05-08; " +
		"dates[5]=2026-05-14; dates[6]=2026-05-25; dates[7]=2026-07-14; dates[8]=2026-08-15; dates[9]=2026-11-01; dates[10]=2026-11-11; " +
		"dates[11]=2026-12-25; dates[12]=2026-12-26",

	// pricing
	"pricing.money.vat.from-ht-20":             "ht=9232.09; tva=1846.42; ttc=11078.51",
	"pricing.money.vat.half-cent-half-up":      "ht=1.25; tva=0.13; ttc=1.38",
	"pricing.money.vat.half-cent-half-even":    "ht=1.25; tva=0.12; ttc=1.37",
	"pricing.money.vat.overseas-8-5":           "ht=1000.00; tva=85.00; ttc=1085.00",
	"pricing.money.vat.overseas-2-1":           "ht=0.25; tva=0.01; ttc=0.26",
	"pricing.money.vat.ht-rounded-first":       "ht=100.01; tva=20.00; ttc=120.01",
	"pricing.money.vat.from-ttc-100":           "ht=83.33; tva=16.67; ttc=100.00",
	"pricing.money.allocate.thirds":            "parts[0]=33.34; parts[1]=33.33; parts[2]=33.33",
	"pricing.money.allocate.largest-remainder": "parts[0]=1.67; parts[1]=3.33; parts[2]=5.00",
	"pricing.money.allocate.twelve-months": "parts[0]=83.34; parts[1]=83.34; parts[2]=83.34; parts[3]=83.34; parts[4]=83.33; parts[5]=83.33; " +
		"parts[6]=83.33; parts[7]=83.33; parts[8]=83.33; parts[9]=83.33; parts[10]=83.33; parts[11]=83.33",
	"pricing.revision.syntec.series-break":         "revised=11859.34",
	"pricing.revision.syntec.demo-contract-year-2": "raw_coefficient=1.0257879656; revised=9232.09",
	"pricing.revision.fixed-part.15":               "revised=10320.29",
	"pricing.revision.rounding.millieme-superieur": "coefficient=1.0380000000; revised=10380.00",
	"pricing.revision.tunnel.exactly-at-bound":     "raw_coefficient=1.0300000000; coefficient=1.0000000000; revised=1000.00; clauses_applied[0]=tunnel",
	"pricing.revision.tunnel.just-outside":         "coefficient=1.0310000000; revised=1031.00; clauses_applied=[]",
	"pricing.revision.safeguard.flag-only":         "coefficient=1.1000000000; revised=1100.00; safeguard_triggered=true",
	"pricing.revision.amount.half-up":              "coefficient=1.5000000000; revised=150.05",
	"pricing.revision.amount.half-even":            "coefficient=1.5000000000; revised=150.04",
	"pricing.schedule.quarterly-short-last-year": "end=2027-06-30; years[1].billed=6000.00; anniversaries[0].date=2027-01-01; anniversaries[0].notice_deadline=2026-10-01; " +
		"invoices[0].date=2026-01-01; invoices[0].ht=3000.00; invoices[0].tva=600.00; invoices[0].ttc=3600.00; invoices[3].date=2026-10-01; " +
		"invoices[5].date=2027-04-01; invoices[5].to=2027-06-30; totals.ht=18000.00; totals.tva=3600.00; totals.ttc=21600.00",
	"pricing.schedule.revised-year-2-series-break": "years[1].price=11000.00; totals.ht=21000.00; totals.tva=4200.00; totals.ttc=25200.00",

	// priority: the contract's matrix and impact clauses.
	"priority.matrix.default.haute-fort":             "priority=P1",
	"priority.matrix.default.haute-moyen":            "priority=P2",
	"priority.matrix.default.haute-reduit":           "priority=P3",
	"priority.matrix.default.moyenne-fort":           "priority=P2",
	"priority.matrix.default.moyenne-moyen":          "priority=P3",
	"priority.matrix.default.moyenne-reduit":         "priority=P4",
	"priority.matrix.default.faible-fort":            "priority=P3",
	"priority.matrix.default.faible-moyen":           "priority=P4",
	"priority.matrix.default.faible-reduit":          "priority=P4",
	"priority.matrix.classify.class-blocked":         "criticality=haute; impact=fort; priority=P1; rule=class_blocked",
	"priority.matrix.classify.single-user-disrupted": "criticality=haute; impact=reduit; priority=P3; rule=single_user_disrupted",

	// procurement
	"procurement.identifiers.siren.valid-with-spaces":        "valid=true; canonical=552100554; rule=",
	"procurement.identifiers.siren.bad-checksum":             "valid=false; canonical=; rule=siren_checksum",
	"procurement.identifiers.siret.la-poste-digit-sum":       "valid=true; canonical=35600000049837",
	"procurement.identifiers.vat.valid":                      "valid=true; canonical=FR83404833048",
	"procurement.payment.limit.local-authority":              "days=30; due=2026-02-14",
	"procurement.payment.interest.thirty-days":               "days_late=30; interest_from=2026-03-03; rate_date=2026-01-01; rate=10.15; interest=83.42; compensation=40.00; total=123.42",
	"procurement.payment.interest.paid-on-due-day":           "days_late=0; interest=0.00; compensation=0.00; total=0.00",
	"procurement.payment.interest.one-day":                   "days_late=1; interest=2.78; compensation=40.00; total=42.78",
	"procurement.payment.interest.starts-1-july":             "days_late=15; interest_from=2026-07-01; rate_date=2026-07-01; interest=20.86; total=60.86",
	"procurement.payment.interest.across-new-year":           "days_late=366; rate_date=2028-01-01; rate=11.00; interest=110.30; total=150.30",
	"procurement.standstill.electronic.eleven-days":          "period_ends=2026-06-11; sign_from=2026-06-12",
	"procurement.standstill.electronic.ends-on-bastille-day": "period_ends=2026-07-15; sign_from=2026-07-16",
	"procurement.standstill.paper.conseil-etat-2011":         "days=16; period_ends=2011-01-12; sign_from=2011-01-13",
	"procurement.thresholds.eu.local-authority-exactly-at-threshold": "regime=formalised; thresholds[0].amount=40000.00; thresholds[0].reached=true; " +
		"thresholds[1].amount=216000.00; thresholds[1].reached=true; publicity[0].medium=boamp_and_joue",
	"procurement.thresholds.eu.local-authority-one-cent-below":       "regime=adapted; thresholds[1].reached=false; thresholds[2].reached=true; publicity[0].medium=boamp_or_jal",
	"procurement.thresholds.dispense.before-1-april-2026":            "regime=adapted; thresholds[0].amount=40000.00; thresholds[0].reached=true; publicity[0].medium=free_form",
	"procurement.thresholds.dispense.from-1-april-2026":              "regime=dispense; thresholds[0].amount=60000.00; thresholds[0].reached=false; publicity[0].medium=none; publicity[0].required=false",
	"procurement.thresholds.mapa.notice-exactly-90000":               "regime=adapted; thresholds[2].amount=90000.00; thresholds[2].reached=true; publicity[0].medium=boamp_or_jal; publicity[1].medium=buyer_profile_documents",
	"procurement.thresholds.small-lots.twenty-percent":               "small_lots.eligible[0]=3; small_lots.eligible[1]=4; small_lots.eligible_total=150000.00; small_lots.cap=200000.00; small_lots.all_eligible_fit=true",
	"procurement.timelimits.open.electronic-worked-example":          "case=electronic; days=30; ends=2025-02-05; earliest=2025-02-06",
	"procurement.timelimits.open.base-35":                            "days=35; ends=2026-07-06; earliest=2026-07-07",
	"procurement.timelimits.open.ends-on-saturday-fr-counting":       "nominal_end=2026-05-01; ends=2026-05-04; earliest=2026-05-05",
	"procurement.timelimits.open.alsace-good-friday":                 "nominal_end=2026-04-03; ends=2026-04-07; earliest=2026-04-08",
	"procurement.timelimits.period.two-working-days-rule":            "nominal_end=2026-12-26; ends=2026-12-29",
	"procurement.timelimits.period.two-days-french-counting":         "nominal_end=2026-12-26; ends=2026-12-28",
	"procurement.timelimits.additional-information.six-days":         "days=6; latest_day=2026-06-09",
	"procurement.timelimits.additional-information.back-off-holiday": "days=6; latest_day=2026-05-07",
	"procurement.timelimits.award-notice.thirty-days":                "ends=2026-08-14",
	"procurement.timelimits.remedies.with-award-notice":              "remedies[1].last_day=2026-04-10; remedies[2].last_day=2026-05-11",
	"procurement.timelimits.remedies.without-award-notice":           "remedies[1].last_day=2026-09-30",

	// sla
	"sla.availability.month.march-743-hours":                "total_seconds=2674800; availability_percent=100.0000; budget_seconds=2674; burn_rate=0.0000",
	"sla.availability.month.october-745-hours":              "total_seconds=2682000; availability_percent=99.8658; budget_seconds=2682; budget_remaining_seconds=-918; met=false",
	"sla.availability.target.exactly-met":                   "availability_percent=99.9000; met=true; budget_seconds=2592; budget_remaining_seconds=0; burn_rate=1.0000",
	"sla.availability.target.missed-by-one-second":          "availability_percent=99.9000; met=false; budget_remaining_seconds=-1; burn_rate=1.0004",
	"sla.availability.outages.overlapping-merged":           "unavailable_seconds=3600; availability_percent=99.8611; met=false",
	"sla.availability.outages.unplanned-inside-maintenance": "excluded_seconds=7200; unavailable_seconds=1800; base_seconds=2584800; availability_percent=99.9304; met=true; budget_seconds=2584",
	"sla.availability.outages.overlapping-excluded-causes":  "excluded_by_cause.force_majeure=3600; excluded_by_cause.third_party=1800; excluded_seconds=5400; availability_percent=100.0000",
	"sla.availability.outages.spanning-two-months":          "unavailable_seconds=3600",
	"sla.availability.outages.sub-second-bounds":            "unavailable_seconds=2",
	"sla.availability.business-hours.april-2026":            "total_seconds=756000; unavailable_seconds=1800; availability_percent=99.7619",
	"sla.availability.statement.bracket-5-percent":          "availability_percent=99.8611; shortfall_points=0.0389; penalty_percent=5.00; penalty_amount=600.00",
	"sla.availability.statement.started-steps-capped":       "availability_percent=99.1667; shortfall_points=0.7333; steps=8; penalty_percent=10.00; capped=true; penalty_amount=1200.00",
	"sla.qos.percentiles.ten-probes":                        "objectives[0].percentiles[0].ms=500; objectives[0].percentiles[1].ms=900; objectives[0].percentiles[2].ms=1000; objectives[0].percentiles[3].ms=1000; status=OK",
	"sla.qos.threshold.at-limit-not-within":                 "objectives[0].thresholds[0].within=8; objectives[0].thresholds[0].measured_percent=80.00; objectives[0].thresholds[0].status=OK",
	"sla.qos.threshold.failed-probe":                        "objectives[0].percentiles[1].ms=900; objectives[0].percentiles[2].ms=null; objectives[0].percentiles[3].ms=null; objectives[0].thresholds[0].status=OK; objectives[0].thresholds[1].status=KO",
	"sla.qos.month.local-boundaries-and-ignored":            "ignored_probes=1; objectives[0].probes=2; status=OK",
	"sla.support.wait.exactly-15-seconds-is-late":           "objectives[0].count=8; objectives[0].measured_percent=80.00; objectives[0].status=OK; average_wait_ms=7000; max_wait_ms=15000",
	"sla.support.abandon.counts-as-not-answered":            "offered=10; answered=9; abandoned=1; objectives[1].status=OK; objectives[2].measured_percent=90.00; objectives[2].status=KO; status=KO",
	"sla.incidents.deadlines.p1-friday-1830":                "targets[0].due=2026-11-27T18:30:00+01:00; targets[1].due=2026-11-30T10:30:00+01:00; targets[2].due=2026-11-30T18:30:00+01:00",
	"sla.incidents.deadlines.p1-friday-2000-out-of-hours":   "in_hours=false; targets[0].due=2026-11-28T00:00:00+01:00; targets[1].due=2026-11-30T11:00:00+01:00; targets[2].due=2026-12-01T09:00:00+01:00",
	"sla.incidents.deadlines.p2-saturday":                   "targets[0].due=2026-11-28T22:00:00+01:00; targets[1].due=2026-12-01T09:00:00+01:00; targets[2].due=2026-12-03T09:00:00+01:00",
	"sla.incidents.deadlines.p1-spring-forward-night":       "targets[0].due=2026-03-29T04:00:00+02:00",
	"sla.incidents.evaluate.acknowledged-one-second-late":   "targets[0].state=breached; targets[0].elapsed_seconds=1; targets[0].remaining_seconds=-1",
	"sla.incidents.evaluate.paused-over-weekend":            "targets[1].due=2026-11-30T11:00:00+01:00; targets[1].elapsed_seconds=10800; targets[1].remaining_seconds=-3600; targets[1].paused_seconds=7200; targets[1].state=breached; targets[2].due=2026-11-30T19:00:00+01:00",
	"sla.incidents.evaluate.reopened":                       "targets[2].due=2026-11-27T10:00:00+01:00; targets[2].elapsed_seconds=97200; targets[2].remaining_seconds=10800; targets[2].paused_seconds=36000; targets[2].state=met",
	"sla.incidents.evaluate.open-pause-at-now":              "targets[0].remaining_seconds=-300; targets[1].paused_seconds=14400; targets[1].due=2026-11-24T16:00:00+01:00; targets[1].state=paused",
	"sla.support.staff.call-centre-helper":                  "agents=14",
	"sla.support.staff.contract-target":                     "agents=7",
}

// TestHandChecked asserts the hand-computed leaves of every vector marked
// checked_by_hand, and that the set of marked vectors is exactly the set
// of this table (no mark without a literal, no literal without a mark).
func TestHandChecked(t *testing.T) {
	s, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	var marked []string
	for _, f := range s.Families() {
		for _, v := range f.Vectors {
			if v.CheckedByHand == "" {
				continue
			}
			marked = append(marked, v.ID)
			want, ok := handChecked[v.ID]
			if !ok {
				t.Errorf("%s: checked_by_hand is set but the test has no hand values", v.ID)
				continue
			}
			got, err := Leaves(v.Expected)
			if err != nil {
				t.Fatal(err)
			}
			byPath := map[string]string{}
			for _, l := range got {
				byPath[l.Path] = l.Value
			}
			for _, pair := range strings.Split(want, "; ") {
				path, value, _ := strings.Cut(pair, "=")
				if g, ok := byPath[path]; !ok || g != value {
					t.Errorf("%s: %s = %q, computed by hand %q (%s)", v.ID, path, g, value, v.CheckedByHand)
				}
			}
		}
	}
	for id := range handChecked {
		if !slices.Contains(marked, id) {
			t.Errorf("%s: hand values in the test but the vector is not marked checked_by_hand (or does not exist)", id)
		}
	}
	if len(marked) < 100 {
		t.Errorf("only %d vectors checked by hand; the sample was over 100", len(marked))
	}
}
