package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/text/language"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
	"github.com/openmarches/marches/sla/backup"
	"github.com/openmarches/marches/sla/deploy"
	"github.com/openmarches/marches/sla/qos"
	"github.com/openmarches/marches/sla/report"
	"github.com/openmarches/marches/sla/support"
)

// Operations commands: "sla backups", "sla deploy", "sla report", and the
// demo's operations section.

var (
	errOpsInvalidLang  = fielderr.NewRule("invalid_lang", "marches: language must be fr or en")
	errOpsWriteFailed  = fielderr.NewRule("output_unwritable", "marches: cannot write the output file")
	errOpsOutputNeeded = fielderr.NewRule("output_required", "marches: -o PATH (or --output) is required")
)

func slaOpsCommands() []command {
	return []command{
		{"sla backups", "Backups: rolling retention (J/S/M), 24-hour copy rule, nightly 02:00-04:00 window with same-day re-run", opsBackupsCmd},
		{"sla deploy", "Deployment window: midday (short or patch, no submission deadline within 3 h) or outside business hours; next allowed start", opsDeployCmd},
		{"sla report", "Production report (availability and QoS, support, backups, trend charts) as Markdown or self-contained HTML", opsReportCmd},
	}
}

// ---- sla backups -----------------------------------------------------------

type opsBackupRefJSON struct {
	Index int    `json:"index"`
	ID    string `json:"id,omitempty"`
	At    string `json:"at"`
}

type opsKeptJSON struct {
	opsBackupRefJSON
	Slots []string `json:"slots"`
}

type opsPrunedJSON struct {
	opsBackupRefJSON
	Reason string `json:"reason"`
}

type opsSlotJSON struct {
	Slot   string `json:"slot"`
	First  string `json:"first"`
	Last   string `json:"last"`
	Backup *int   `json:"backup"`
}

type opsRetentionJSON struct {
	Kept    []opsKeptJSON   `json:"kept"`
	Pruned  []opsPrunedJSON `json:"pruned"`
	Later   []int           `json:"later"`
	Slots   []opsSlotJSON   `json:"slots"`
	Missing []string        `json:"missing"`
}

type opsFreshJSON struct {
	Holds      bool              `json:"holds"`
	Latest     *opsBackupRefJSON `json:"latest"`
	AgeSeconds *int64            `json:"age_seconds"`
	Expires    *string           `json:"expires"`
}

type opsNightJSON struct {
	Date        string `json:"date"`
	WindowStart string `json:"window_start"`
	WindowEnd   string `json:"window_end"`
	Status      string `json:"status"`
	Honoured    bool   `json:"honoured"`
	Attempt     *int   `json:"failed_attempt"`
	Copy        *int   `json:"copy"`
}

type opsBackupsJSON struct {
	At             string           `json:"at"`
	FreshCopy      opsFreshJSON     `json:"fresh_copy"`
	Retention      opsRetentionJSON `json:"retention"`
	NightsHonoured int              `json:"nights_honoured"`
	NightsDecided  int              `json:"nights_decided"`
	Nights         []opsNightJSON   `json:"nights"`
}

func opsBackupsCmd(fs *flag.FlagSet) func(*env) (any, error) {
	in := fs.String("input", "", "read the backup runs, a JSON array of {\"id\",\"at\",\"status\":\"complete|failed\"}, from `FILE` (- for standard input)")
	at := fs.String("at", "", "evaluation `RFC3339` instant: runs after it do not exist yet")
	from := fs.String("from", "", "first night judged, `YYYY-MM-DD` (default: the date of the earliest run)")
	return func(e *env) (any, error) {
		t, err1 := parseTime("at", *at)
		var err2 error
		var data []byte
		if *in == "" {
			err2 = &fielderr.Error{Field: "input", Err: errRequired}
		} else {
			data, err2 = readInput(*in, e.stdin)
		}
		if err := joinFieldErrors(err1, err2); err != nil {
			return nil, err
		}
		runs, err := backup.ParseBackups(data)
		if err != nil {
			return nil, err
		}
		p, err := backup.New(backup.Config{})
		if err != nil {
			return nil, err
		}
		var first calendar.Date
		if *from != "" {
			if first, err = parseDate("from", *from); err != nil {
				return nil, err
			}
		}
		return opsBackupsReport(p, runs, t, first)
	}
}

// opsBackupsReport evaluates every rule of the backup policy at t; nights
// are judged from first (zero: the earliest run's date) to t's date.
func opsBackupsReport(p *backup.Policy, runs []backup.Backup, t time.Time, first calendar.Date) (opsBackupsJSON, error) {
	loc := p.Location()
	last := calendar.DateOf(t.In(loc))
	if first.IsZero() {
		first = last
		for _, r := range runs {
			if d := calendar.DateOf(r.At.In(loc)); d.Before(first) {
				first = d
			}
		}
	}
	ret, err1 := p.Retain(runs, t)
	fresh, err2 := p.Freshness(runs, t)
	var nights []backup.Night
	var err3 error
	if !last.Before(first) {
		nights, err3 = p.Nights(runs, first, last, t)
	}
	if err := joinFieldErrors(err1, err2, err3); err != nil {
		return opsBackupsJSON{}, err
	}
	ref := func(i int) opsBackupRefJSON {
		return opsBackupRefJSON{Index: i, ID: runs[i].ID, At: formatTime(runs[i].At.In(loc))}
	}
	idx := func(i int) *int {
		if i < 0 {
			return nil
		}
		return &i
	}
	out := opsBackupsJSON{At: formatTime(t.In(loc)), Nights: []opsNightJSON{}}
	out.FreshCopy.Holds = fresh.Holds
	if fresh.Latest >= 0 {
		r := ref(fresh.Latest)
		age := int64(fresh.Age / time.Second)
		exp := formatTime(fresh.Expires)
		out.FreshCopy.Latest, out.FreshCopy.AgeSeconds, out.FreshCopy.Expires = &r, &age, &exp
	}
	rj := opsRetentionJSON{Kept: []opsKeptJSON{}, Pruned: []opsPrunedJSON{}, Later: []int{}, Slots: []opsSlotJSON{}, Missing: []string{}}
	for _, k := range ret.Kept {
		kj := opsKeptJSON{opsBackupRefJSON: ref(k.Index)}
		for _, s := range k.Slots {
			kj.Slots = append(kj.Slots, s.String())
		}
		rj.Kept = append(rj.Kept, kj)
	}
	for _, pr := range ret.Pruned {
		rj.Pruned = append(rj.Pruned, opsPrunedJSON{opsBackupRefJSON: ref(pr.Index), Reason: pr.Reason.String()})
	}
	rj.Later = append(rj.Later, ret.Later...)
	for _, s := range ret.Slots {
		rj.Slots = append(rj.Slots, opsSlotJSON{Slot: s.Slot.String(), First: s.First.String(), Last: s.Last.String(), Backup: idx(s.Index)})
	}
	for _, s := range ret.Missing() {
		rj.Missing = append(rj.Missing, s.String())
	}
	out.Retention = rj
	for _, n := range nights {
		out.Nights = append(out.Nights, opsNight(n))
		if n.Status != backup.NightPending {
			out.NightsDecided++
			if n.Status.Honoured() {
				out.NightsHonoured++
			}
		}
	}
	return out, nil
}

// opsNight is the JSON of a night's verdict; failed_attempt and copy are
// positions in the input runs, null when there is none.
func opsNight(n backup.Night) opsNightJSON {
	idx := func(i int) *int {
		if i < 0 {
			return nil
		}
		return &i
	}
	return opsNightJSON{Date: n.Date.String(), WindowStart: formatTime(n.WindowStart), WindowEnd: formatTime(n.WindowEnd),
		Status: n.Status.String(), Honoured: n.Status.Honoured(), Attempt: idx(n.Attempt), Copy: idx(n.Copy)}
}

// ---- sla deploy ------------------------------------------------------------

type opsDeadlineJSON struct {
	Ref string `json:"ref,omitempty"`
	At  string `json:"at"`
}

type opsCheckJSON struct {
	Rule            string             `json:"rule"`
	Passed          bool               `json:"passed"`
	WindowStart     string             `json:"window_start,omitempty"`
	WindowEnd       string             `json:"window_end,omitempty"`
	Conflicts       *[]opsDeadlineJSON `json:"conflicts,omitempty"`
	BusinessSeconds *int64             `json:"business_seconds,omitempty"`
}

type opsDeployJSON struct {
	Name             string         `json:"name,omitempty"`
	Start            string         `json:"start"`
	End              string         `json:"expected_end"`
	Expected         string         `json:"expected_duration"`
	IncidentPatch    bool           `json:"incident_patch"`
	Class            string         `json:"class"`
	Allowed          bool           `json:"allowed"`
	Checks           []opsCheckJSON `json:"checks"`
	NextAllowedStart *string        `json:"next_allowed_start"`
}

func opsDeployCmd(fs *flag.FlagSet) func(*env) (any, error) {
	in := fs.String("input", "", "read the request, {\"deployment\":{\"start\",\"expected_duration\",\"incident_patch\"},\"deadlines\":[{\"ref\",\"at\"}]}, from `FILE` (- for standard input)")
	cf := declareCalendar(fs, true)
	return func(e *env) (any, error) {
		if *in == "" {
			return nil, &fielderr.Error{Field: "input", Err: errRequired}
		}
		data, err := readInput(*in, e.stdin)
		if err != nil {
			return nil, err
		}
		req, err1 := deploy.ParseRequest(data)
		c, err2 := cf.build()
		if err := joinFieldErrors(err1, err2); err != nil {
			return nil, err
		}
		r, err := deploy.New(deploy.Config{Calendar: c})
		if err != nil {
			return nil, err
		}
		return opsDeployDecision(r, req)
	}
}

func opsDeployDecision(r *deploy.Rules, req deploy.Request) (opsDeployJSON, error) {
	d, err := r.Check(req.Deployment, req.Deadlines)
	if err != nil {
		return opsDeployJSON{}, err
	}
	out := opsDeployJSON{Name: d.Deployment.Name, Start: formatTime(d.Deployment.Start), End: formatTime(d.End),
		Expected: d.Deployment.Expected.String(), IncidentPatch: d.Deployment.IncidentPatch,
		Class: d.Class.String(), Allowed: d.Allowed, Checks: []opsCheckJSON{}}
	for _, c := range d.Checks {
		cj := opsCheckJSON{Rule: c.Rule.String(), Passed: c.Passed}
		switch c.Rule {
		case deploy.InMiddayWindow:
			cj.WindowStart, cj.WindowEnd = formatTime(c.WindowStart), formatTime(c.WindowEnd)
		case deploy.NoDeadlineWithin:
			list := []opsDeadlineJSON{}
			for _, x := range c.Conflicts {
				list = append(list, opsDeadlineJSON{Ref: x.Ref, At: formatTime(x.At)})
			}
			cj.Conflicts = &list
		case deploy.OutsideBusinessHours:
			s := int64(c.BusinessTime / time.Second)
			cj.BusinessSeconds = &s
		}
		out.Checks = append(out.Checks, cj)
	}
	if d.NextFound {
		s := formatTime(d.Next)
		out.NextAllowedStart = &s
	}
	return out, nil
}

// ---- sla report ------------------------------------------------------------

type opsWrittenJSON struct {
	Written string `json:"written"`
	Bytes   int    `json:"bytes"`
}

func opsReportCmd(fs *flag.FlagSet) func(*env) (any, error) {
	in := fs.String("input", "", "read the report data (month, outages, qos, support, backups; see sla/report/schema/report.schema.json) from `FILE` (- for standard input)")
	format := fs.String("format", "", "output `FORMAT`: md or html")
	lang := fs.String("lang", "fr", "report `LANGUAGE`: fr or en")
	var out string
	fs.StringVar(&out, "o", "", "write the report to `PATH`")
	fs.StringVar(&out, "output", "", "same as -o: write the report to `PATH`")
	return func(e *env) (any, error) {
		var errs []error
		f, err := report.ParseFormat(*format)
		if *format == "" {
			err = &fielderr.Error{Field: "format", Err: errRequired}
		}
		errs = append(errs, err)
		tag, err := opsReportLang(*lang)
		errs = append(errs, err)
		if out == "" {
			errs = append(errs, &fielderr.Error{Field: "output", Err: errOpsOutputNeeded})
		}
		if *in == "" {
			errs = append(errs, &fielderr.Error{Field: "input", Err: errRequired})
		}
		if err := joinFieldErrors(errs...); err != nil {
			return nil, err
		}
		data, err := readInput(*in, e.stdin)
		if err != nil {
			return nil, err
		}
		loc, err := time.LoadLocation("Europe/Paris") // the contract's zone; embedded by time/tzdata
		if err != nil {
			return nil, &fielderr.Error{Field: "zone", Value: "Europe/Paris", Err: calendar.ErrUnknownZone, Detail: err.Error()}
		}
		doc, err := report.ParseDocument(data, loc)
		if err != nil {
			return nil, err
		}
		input, err := report.Build(doc)
		if err != nil {
			return nil, err
		}
		r, err := report.New(input)
		if err != nil {
			return nil, err
		}
		content, err := r.Render(f, tag)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(out, content, 0o644); err != nil {
			return nil, &fielderr.Error{Field: "output", Value: out, Err: errOpsWriteFailed, Detail: opsPathErrDetail(err)}
		}
		return opsWrittenJSON{Written: out, Bytes: len(content)}, nil
	}
}

// opsPathErrDetail gives the reason of a file error without repeating the
// path.
func opsPathErrDetail(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func opsReportLang(s string) (language.Tag, error) {
	switch s {
	case "fr":
		return language.French, nil
	case "en":
		return language.English, nil
	}
	return language.Und, &fielderr.Error{Field: "lang", Value: s, Err: errOpsInvalidLang}
}

// ---- demo ------------------------------------------------------------------

type demoOpsSection struct {
	About       string            `json:"about"`
	Table       qos.Table         `json:"availability_and_qos_table"`
	Support     demoOpsSupport    `json:"support"`
	Backups     demoOpsBackups    `json:"backups"`
	Deployments []demoOpsDeploy   `json:"deployments"`
	Report      demoOpsReportFile `json:"report"`
}

type demoOpsSupport struct {
	Offered  int      `json:"offered"`
	Answered int      `json:"answered"`
	Status   string   `json:"status"`
	Measured []string `json:"measured_percent"`
}

type demoOpsBackups struct {
	At             string         `json:"at"`
	FreshCopy      opsFreshJSON   `json:"fresh_copy"`
	NightsHonoured int            `json:"nights_honoured"`
	NightsDecided  int            `json:"nights_decided"`
	NotHonoured    []opsNightJSON `json:"nights_not_honoured"`
	Gaps           []demoOpsGap   `json:"periods_without_fresh_copy"`
	Slots          []demoOpsSlots `json:"retention"`
	Pruned         int            `json:"pruned"`
}

type demoOpsGap struct {
	From    string `json:"from"`
	To      string `json:"to"`
	Seconds int64  `json:"seconds"`
}

type demoOpsSlots struct {
	Slot string  `json:"slot"`
	At   *string `json:"backup_at"`
}

type demoOpsDeploy struct {
	Case     string        `json:"case"`
	Decision opsDeployJSON `json:"decision"`
}

type demoOpsReportFile struct {
	Format  string `json:"format"`
	Lang    string `json:"lang"`
	Bytes   int    `json:"bytes"`
	SHA256  string `json:"sha256"`
	Written string `json:"written,omitempty"`
}

// demoBackupRuns returns the sample month's backup runs: every night at
// 02:30 from 1 January to 31 March 2026, except a failed run re-run at
// 09:15 on 10 March, no run on 17 March, a failed run not re-run on 24
// March, and the spring-forward night (29 March) run at 03:30 CEST.
func demoBackupRuns(loc *time.Location) []backup.Backup {
	var runs []backup.Backup
	for d := calendar.MustDate(2026, time.January, 1); d.Before(calendar.MustDate(2026, time.April, 1)); d = d.AddDays(1) {
		at := func(h, m int) time.Time { return time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, loc) }
		id := "nightly-" + d.String()
		switch d.String() {
		case "2026-03-10":
			runs = append(runs, backup.Backup{ID: id, At: at(2, 30), Status: backup.Failed},
				backup.Backup{ID: "rerun-" + d.String(), At: at(9, 15), Status: backup.Complete})
		case "2026-03-17":
		case "2026-03-24":
			runs = append(runs, backup.Backup{ID: id, At: at(2, 30), Status: backup.Failed})
		case "2026-03-29":
			runs = append(runs, backup.Backup{ID: id, At: at(3, 30), Status: backup.Complete})
		default:
			runs = append(runs, backup.Backup{ID: id, At: at(2, 30), Status: backup.Complete})
		}
	}
	return runs
}

// demoOperations returns the demo's operations section for the sample
// month of demoKPIInputs (March 2026): the "Disponibilité et QoS" table,
// the support line's month, the backup rules at the end of the month, the
// deployment window on four cases, and the HTML production report (its
// size and SHA-256, identical on every run), written to opts.reportDir as
// report.html when set.
func demoOperations(c *calendar.Calendar, opts demoOptions) (any, error) {
	month, outages, probes, calls, err := demoKPIInputs(c)
	if err != nil {
		return nil, err
	}
	loc := month.Start.Location()
	doc := report.Document{
		Subtitle: "Démonstration marches — plateforme de dématérialisation des marchés publics",
		Kind:     report.Monthly, Period: month, Trend: month,
		GeneratedAt: time.Date(2026, time.April, 1, 8, 0, 0, 0, loc),
		Services:    report.DefaultServices(), Outages: outages,
		QoS:     &qos.Document{Month: month, Objectives: qos.ContractObjectives(), Probes: probes},
		Support: &support.Document{Month: month, Objectives: support.ContractObjectives(), Calls: calls},
		Backups: demoBackupRuns(loc),
	}
	in, err := report.Build(doc)
	if err != nil {
		return nil, err
	}
	r, err := report.New(in)
	if err != nil {
		return nil, err
	}
	page := r.HTML(language.French)
	sum := sha256.Sum256(page)
	out := demoOpsSection{
		About:  "Operations of the sample month (March 2026): the contract's availability and QoS table, the support line, the backup rules (rolling retention J-1..J-6, S-1..S-4, M-1..M-4; a complete copy under 24 h; the 02:00-04:00 window with same-day re-run), deployment windows, and the monthly production report.",
		Report: demoOpsReportFile{Format: "html", Lang: "fr", Bytes: len(page), SHA256: hex.EncodeToString(sum[:])},
	}
	var q qos.Report
	if in.QoS != nil {
		q = *in.QoS
	}
	out.Table = qos.NewTable(in.Availability, q)
	if s := in.Support; s != nil {
		out.Support = demoOpsSupport{Offered: s.Total.Offered, Answered: s.Total.Answered, Status: s.Total.Status.String(), Measured: []string{}}
		for _, o := range s.Total.Objectives {
			out.Support.Measured = append(out.Support.Measured, o.Measured.StringFixed(support.PercentPlaces))
		}
	}
	if b := in.Backups; b != nil {
		ob := demoOpsBackups{At: formatTime(b.At), FreshCopy: opsFreshJSON{Holds: b.Freshness.Holds}, NotHonoured: []opsNightJSON{}, Gaps: []demoOpsGap{}}
		if b.Freshness.Latest >= 0 {
			ref := opsBackupRefJSON{Index: b.Freshness.Latest, ID: b.Runs[b.Freshness.Latest].ID, At: formatTime(b.Freshness.LatestAt)}
			age := int64(b.Freshness.Age / time.Second)
			exp := formatTime(b.Freshness.Expires)
			ob.FreshCopy.Latest, ob.FreshCopy.AgeSeconds, ob.FreshCopy.Expires = &ref, &age, &exp
		}
		for _, n := range b.Nights {
			if n.Status == backup.NightPending {
				continue
			}
			ob.NightsDecided++
			if n.Status.Honoured() {
				ob.NightsHonoured++
				continue
			}
			ob.NotHonoured = append(ob.NotHonoured, opsNight(n))
		}
		for _, g := range b.Gaps {
			ob.Gaps = append(ob.Gaps, demoOpsGap{From: formatTime(g.From), To: formatTime(g.To), Seconds: int64(g.Duration() / time.Second)})
		}
		for _, s := range b.Retention.Slots {
			sl := demoOpsSlots{Slot: s.Slot.String()}
			if s.Index >= 0 {
				at := formatTime(b.Runs[s.Index].At.In(loc))
				sl.At = &at
			}
			ob.Slots = append(ob.Slots, sl)
		}
		ob.Pruned = len(b.Retention.Pruned)
		out.Backups = ob
	}
	rules, err := deploy.New(deploy.Config{Calendar: c})
	if err != nil {
		return nil, err
	}
	at := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			panic(err) // literal
		}
		return t
	}
	deadlines := []deploy.Deadline{
		{Ref: "AO-2026-031", At: at("2026-03-10T15:30:00+01:00")},
		{Ref: "AO-2026-044", At: at("2026-03-12T15:46:00+01:00")},
	}
	for _, cs := range []struct {
		name string
		d    deploy.Deployment
	}{
		{"20-minute release at 12:45, a submission deadline at 15:30 (within 3 h)",
			deploy.Deployment{Name: "4.2.1", Start: at("2026-03-10T12:45:00+01:00"), Expected: 20 * time.Minute}},
		{"20-minute release at 12:45, the deadline at 15:46 (3 h 01 later)",
			deploy.Deployment{Name: "4.2.2", Start: at("2026-03-12T12:45:00+01:00"), Expected: 20 * time.Minute}},
		{"incident patch on a public holiday evening (Easter Monday)",
			deploy.Deployment{Name: "hotfix INC-120", Start: at("2026-04-06T20:00:00+02:00"), Expected: 45 * time.Minute, IncidentPatch: true}},
		{"4-hour migration on a Friday afternoon",
			deploy.Deployment{Name: "migration PostgreSQL 17", Start: at("2026-03-13T17:00:00+01:00"), Expected: 4 * time.Hour}},
	} {
		dj, err := opsDeployDecision(rules, deploy.Request{Deployment: cs.d, Deadlines: deadlines})
		if err != nil {
			return nil, err
		}
		out.Deployments = append(out.Deployments, demoOpsDeploy{Case: cs.name, Decision: dj})
	}
	if opts.reportDir != "" {
		path := filepath.Join(opts.reportDir, "report.html")
		if err := os.WriteFile(path, page, 0o644); err != nil {
			return nil, &fielderr.Error{Field: "report-dir", Value: opts.reportDir, Err: errOpsWriteFailed, Detail: opsPathErrDetail(err)}
		}
		out.Report.Written = path
	}
	return out, nil
}
