package report

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
	"github.com/openmarches/marches/sla/availability"
	"github.com/openmarches/marches/sla/backup"
	"github.com/openmarches/marches/sla/qos"
	"github.com/openmarches/marches/sla/support"
)

// Kind is a report's periodicity. The zero Kind is unset and rejected.
type Kind int

const (
	// Monthly: the report of a calendar month, for steering committees.
	Monthly Kind = iota + 1
	// Daily: the report of one day; its trends cover the month to date.
	Daily
)

// String returns the kind's stable code, "monthly" or "daily".
func (k Kind) String() string {
	switch k {
	case Monthly:
		return "monthly"
	case Daily:
		return "daily"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Input is what a production report shows: the results of the sla
// sub-packages over the reported period, and the daily series of its
// trend charts. Only Kind and Period are required; a section whose data
// is absent is left out.
type Input struct {
	// Title replaces the default title ("Rapport de production",
	// "Production report"); the period is appended to it.
	Title string
	// Subtitle is a line under the title (the contract, the platform).
	Subtitle string
	// Kind is Monthly or Daily; required.
	Kind Kind
	// Period is the reported span, a calendar month or a day, whose start's
	// location is the report's wall clock (Europe/Paris for the contract).
	Period availability.Period
	// GeneratedAt, when not zero, is printed as the edition date; the
	// package never reads the clock.
	GeneratedAt time.Time
	// Availability is one line per service over Period: the caption and
	// availability.Measure's result (as qos.NewTable takes them).
	Availability []qos.AvailabilityLine
	// AvailabilityDays, when not nil, holds for each line of Availability
	// (same order) the daily results over the trend period
	// (availability.MeasureDays): the availability chart.
	AvailabilityDays [][]availability.Result
	// QoS is the response-time report over Period (qos.Evaluate).
	QoS *qos.Report
	// QoSTrend is the response-time report whose Days give the
	// response-time chart; nil means QoS (right for a monthly report; a
	// daily report passes the month to date).
	QoSTrend *qos.Report
	// Support is the support line over Period (support.Evaluate).
	Support *support.Report
	// Backups is the backup section (see NewBackupStatus).
	Backups *BackupStatus
}

// BackupStatus is the backup section of a report: what the backup
// package says about the runs at the end of the period.
type BackupStatus struct {
	// At is the instant of the verdicts (the end of the period).
	At time.Time
	// Runs are the backup runs the verdicts refer to by index.
	Runs []backup.Backup
	// Freshness is the 24-hour rule at At.
	Freshness backup.Freshness
	// Nights judges each date of the period.
	Nights []backup.Night
	// Gaps are the periods inside the report's period without a complete
	// copy under 24 hours old.
	Gaps []backup.Gap
	// Retention is the rolling policy at At.
	Retention backup.Retention
}

// NewBackupStatus computes the backup section for period with policy p:
// the nights of every date the period touches, the 24-hour gaps inside
// it, and the freshness and retention at at. A zero at means the last
// instant of the period (End − 1 ns), so that a monthly report's J-1 is
// the backup of the month's last night. It fails with the backup
// package's errors.
func NewBackupStatus(p *backup.Policy, runs []backup.Backup, period availability.Period, at time.Time) (BackupStatus, error) {
	if at.IsZero() {
		at = period.End.Add(-time.Nanosecond)
	}
	loc := p.Location()
	first := calendar.DateOf(period.Start.In(loc))
	last := calendar.DateOf(period.End.Add(-time.Nanosecond).In(loc))
	nights, err1 := p.Nights(runs, first, last, at)
	gaps, err2 := p.Uncovered(runs, period.Start, minTime(period.End, at))
	fresh, err3 := p.Freshness(runs, at)
	ret, err4 := p.Retain(runs, at)
	for _, err := range []error{err1, err2, err3, err4} {
		if err != nil {
			return BackupStatus{}, err
		}
	}
	return BackupStatus{At: at.In(loc), Runs: slices.Clone(runs), Freshness: fresh, Nights: nights, Gaps: gaps, Retention: ret}, nil
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// Report is a validated production report, ready to render. It is
// immutable and safe for concurrent use.
type Report struct {
	in  Input
	loc *time.Location
}

// New validates in and returns the report. It reports every violation at
// once: ErrInvalidKind, ErrInvalidPeriod (empty or reversed period),
// ErrInvalidText for a title, subtitle or caption over 200 characters or
// with control characters, ErrTrendMismatch when AvailabilityDays does not
// have one series per availability line or a series exceeds MaxTrendDays.
// The input's slices are copied: later changes by the caller do not show.
func New(in Input) (*Report, error) {
	var errs []*FieldError
	if in.Kind != Monthly && in.Kind != Daily {
		errs = append(errs, &FieldError{Field: "kind", Value: in.Kind.String(), Err: ErrInvalidKind})
	}
	if in.Period.Start.IsZero() || !in.Period.End.After(in.Period.Start) {
		errs = append(errs, &FieldError{Field: "period", Value: in.Period.Start.Format(time.RFC3339) + ".." + in.Period.End.Format(time.RFC3339), Err: ErrInvalidPeriod})
	}
	checkText := func(field, s string) {
		if !validText(s) {
			errs = append(errs, &FieldError{Field: field, Value: s, Err: ErrInvalidText})
		}
	}
	checkText("title", in.Title)
	checkText("subtitle", in.Subtitle)
	for i, l := range in.Availability {
		checkText("availability["+strconv.Itoa(i)+"].label", l.Label)
	}
	if in.QoS != nil {
		for i, o := range in.QoS.Objectives {
			checkText("qos.objectives["+strconv.Itoa(i)+"].label", o.Objective.Label)
		}
	}
	if in.AvailabilityDays != nil && len(in.AvailabilityDays) != len(in.Availability) {
		errs = append(errs, &FieldError{Field: "availability_days", Value: strconv.Itoa(len(in.AvailabilityDays)), Err: ErrTrendMismatch,
			Detail: strconv.Itoa(len(in.Availability)) + " availability lines"})
	}
	for i, s := range in.AvailabilityDays {
		if len(s) > MaxTrendDays {
			errs = append(errs, &FieldError{Field: "availability_days[" + strconv.Itoa(i) + "]", Value: strconv.Itoa(len(s)), Err: ErrTrendMismatch})
		}
	}
	if q := in.trendQoS(); q != nil && len(q.Objectives) > 0 && len(q.Objectives[0].Days) > MaxTrendDays {
		errs = append(errs, &FieldError{Field: "qos_trend", Value: strconv.Itoa(len(q.Objectives[0].Days)), Err: ErrTrendMismatch})
	}
	if len(errs) > 0 {
		return nil, fielderr.Join(errs)
	}
	c := in
	c.Availability = slices.Clone(in.Availability)
	if in.AvailabilityDays != nil {
		c.AvailabilityDays = make([][]availability.Result, len(in.AvailabilityDays))
		for i, s := range in.AvailabilityDays {
			c.AvailabilityDays[i] = slices.Clone(s)
		}
	}
	c.QoS = cloneQoS(in.QoS)
	c.QoSTrend = cloneQoS(in.QoSTrend)
	if in.Support != nil {
		s := *in.Support
		s.Days = slices.Clone(s.Days)
		c.Support = &s
	}
	if in.Backups != nil {
		b := *in.Backups
		b.Runs = slices.Clone(b.Runs)
		b.Nights = slices.Clone(b.Nights)
		b.Gaps = slices.Clone(b.Gaps)
		c.Backups = &b
	}
	return &Report{in: c, loc: in.Period.Start.Location()}, nil
}

func cloneQoS(q *qos.Report) *qos.Report {
	if q == nil {
		return nil
	}
	c := *q
	c.Objectives = slices.Clone(q.Objectives)
	return &c
}

// trendQoS returns the report whose days feed the response-time chart.
func (in Input) trendQoS() *qos.Report {
	if in.QoSTrend != nil {
		return in.QoSTrend
	}
	return in.QoS
}

// validText reports whether s is at most 200 characters of UTF-8 without
// control characters.
func validText(s string) bool {
	if !utf8.ValidString(s) || utf8.RuneCountInString(s) > 200 {
		return false
	}
	return !strings.ContainsFunc(s, unicode.IsControl)
}
