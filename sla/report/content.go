package report

import (
	"time"

	"github.com/openmarches/marches/sla/availability"
	"github.com/openmarches/marches/sla/backup"
	"github.com/openmarches/marches/sla/qos"
	"github.com/openmarches/marches/sla/support"
)

// The report is built once as a small document model (headings,
// paragraphs, tables, charts), then written as Markdown or HTML, so both
// formats always say the same thing.

type block interface{ isBlock() }

type heading struct {
	level int
	text  string
}

type para struct{ text string }

// cell is a table cell: plain text, and a class for HTML ("ok", "ko",
// "na", "num").
type cell struct {
	text  string
	class string
}

type table struct {
	head []string
	// right marks the columns aligned right (numbers).
	right []bool
	rows  [][]cell
}

type chart struct {
	svg string
}

// details is a block a reader may unfold (HTML <details>); Markdown shows
// its summary in bold and its content.
type details struct {
	summary string
	body    []block
}

func (heading) isBlock() {}
func (para) isBlock()    {}
func (table) isBlock()   {}
func (chart) isBlock()   {}
func (details) isBlock() {}

// statusCell is a verdict cell with its class.
func statusCell(l lang, s string) cell {
	switch s {
	case "OK":
		return cell{"OK", "ok"}
	case "KO":
		return cell{"KO", "ko"}
	}
	return cell{l.status("N/A"), "na"}
}

func num(s string) cell  { return cell{s, "num"} }
func text(s string) cell { return cell{s, ""} }

// title returns the report's title with its period.
func (r *Report) title(l lang) string {
	t := r.in.Title
	if t == "" {
		if r.in.Kind == Daily {
			t = l.t("Daily production report")
		} else {
			t = l.t("Production report")
		}
	}
	start := r.in.Period.Start.In(r.loc)
	if r.in.Kind == Daily {
		return t + " — " + l.date(start)
	}
	return t + " — " + l.month(start)
}

// lastDay returns the last instant of the period, on the report's clock.
func (r *Report) lastDay() time.Time { return r.in.Period.End.Add(-time.Nanosecond).In(r.loc) }

func (r *Report) content(l lang) []block {
	in := r.in
	var out []block
	out = append(out, heading{1, r.title(l)})
	if in.Subtitle != "" {
		out = append(out, para{in.Subtitle})
	}
	start := in.Period.Start.In(r.loc)
	if first, last := l.date(start), l.date(r.lastDay()); first == last {
		out = append(out, para{l.t("Period: %s (%s).", first, r.loc.String())})
	} else {
		out = append(out, para{l.t("Period: %s to %s (%s).", first, last, r.loc.String())})
	}
	if days := r.trendDays(); in.Kind == Daily && len(days) > 0 {
		out = append(out, para{l.t("Trends cover %s to %s.", l.date(days[0].Start.In(r.loc)), l.date(days[len(days)-1].End.Add(-time.Nanosecond).In(r.loc)))})
	}
	if !in.GeneratedAt.IsZero() {
		out = append(out, para{l.t("Generated on %s.", l.dateTime(in.GeneratedAt.In(r.loc)))})
	}
	out = append(out, r.summary(l)...)
	out = append(out, r.qosTable(l)...)
	out = append(out, r.availabilityDetails(l)...)
	out = append(out, r.supportSection(l)...)
	out = append(out, r.backupSection(l)...)
	out = append(out, r.trends(l)...)
	return out
}

func (r *Report) summary(l lang) []block {
	in := r.in
	t := table{head: []string{l.t("Area"), l.t("Result"), l.t("Status")}}
	if len(in.Availability) > 0 {
		met := 0
		for _, a := range in.Availability {
			if a.Result.Met {
				met++
			}
		}
		st := "OK"
		if met < len(in.Availability) {
			st = "KO"
		}
		t.rows = append(t.rows, []cell{text(l.t("Availability")), text(l.t("Objectives met: %s / %s", l.int(int64(met)), l.int(int64(len(in.Availability))))), statusCell(l, st)})
	}
	if in.QoS != nil && len(in.QoS.Objectives) > 0 {
		met, all := 0, 0
		for _, o := range in.QoS.Objectives {
			for _, th := range o.Period.Thresholds {
				all++
				if th.Status == qos.OK {
					met++
				}
			}
		}
		t.rows = append(t.rows, []cell{text(l.t("Response times")), text(l.t("Thresholds met: %s / %s", l.int(int64(met)), l.int(int64(all)))), statusCell(l, in.QoS.Status().String())})
	}
	if in.Support != nil {
		met := 0
		for _, o := range in.Support.Total.Objectives {
			if o.Status == support.OK {
				met++
			}
		}
		t.rows = append(t.rows, []cell{text(l.t("Support line")), text(l.t("Objectives met: %s / %s", l.int(int64(met)), l.int(int64(len(in.Support.Total.Objectives))))), statusCell(l, in.Support.Total.Status.String())})
	}
	if b := in.Backups; b != nil {
		ok, decided := nightCounts(b.Nights)
		st := "OK"
		if ok < decided || len(b.Gaps) > 0 || !b.Freshness.Holds {
			st = "KO"
		}
		t.rows = append(t.rows, []cell{text(l.t("Backups")), text(l.t("Nights honoured: %s / %s; copy under 24 h: %s", l.int(int64(ok)), l.int(int64(decided)), l.held(b.Freshness.Holds))), statusCell(l, st)})
	}
	if len(t.rows) == 0 {
		return nil
	}
	return []block{heading{2, l.t("Summary")}, t}
}

// nightCounts returns the honoured nights and the decided (not pending)
// ones.
func nightCounts(ns []backup.Night) (ok, decided int) {
	for _, n := range ns {
		if n.Status == backup.NightPending {
			continue
		}
		decided++
		if n.Status.Honoured() {
			ok++
		}
	}
	return ok, decided
}

func (r *Report) qosTable(l lang) []block {
	in := r.in
	var q qos.Report
	if in.QoS != nil {
		q = *in.QoS
	}
	tab := qos.NewTable(in.Availability, q)
	if len(tab.Rows) == 0 {
		return nil
	}
	t := table{head: []string{l.t("Indicator"), l.t("Threshold"), l.t("Objective"), l.t("Measured"), l.t("Status")},
		right: []bool{false, true, true, true, false}}
	for _, row := range tab.Rows {
		under := "—"
		if row.Kind == qos.ResponseTimeRow {
			under = "< " + l.limit(row.Under)
		}
		measured := l.t("N/A")
		if row.Status != qos.NoData {
			measured = l.pct(row.Measured, row.Places)
		}
		t.rows = append(t.rows, []cell{text(rowLabel(l, row.Key, row.Label)), num(under), num(l.pctAsGiven(row.Objective)), num(measured), statusCell(l, row.Status.String())})
	}
	return []block{heading{2, l.t("Availability and QoS")}, t}
}

func (r *Report) availabilityDetails(l lang) []block {
	if len(r.in.Availability) == 0 {
		return nil
	}
	t := table{head: []string{l.t("Service"), l.t("Total time"), l.t("Excluded"), l.t("Unavailable (NHI)"), l.t("Base (NHT)"),
		l.t("Availability"), l.t("Raw availability"), l.t("Error budget"), l.t("Remaining")},
		right: []bool{false, true, true, true, true, true, true, true, true}}
	for _, a := range r.in.Availability {
		res := a.Result
		t.rows = append(t.rows, []cell{
			text(rowLabel(l, res.Service, a.Label)),
			num(l.seconds(res.TotalSeconds)), num(l.seconds(res.ExcludedSeconds)), num(l.seconds(res.UnavailableSeconds)),
			num(l.seconds(res.BaseSeconds)), num(l.pct(res.Availability, availability.PercentPlaces)),
			num(l.pct(res.RawAvailability, availability.PercentPlaces)), num(l.seconds(res.BudgetSeconds)),
			num(l.seconds(res.BudgetRemainingSeconds)),
		})
	}
	return []block{heading{2, l.t("Availability details")}, t, para{l.t("Availability = (NHT − NHI) / NHT × 100; NHT is the period less the excluded time (planned maintenance, force majeure, third parties, client).")}}
}

func (r *Report) supportSection(l lang) []block {
	s := r.in.Support
	if s == nil {
		return nil
	}
	tot := s.Total
	t := table{head: []string{l.t("Indicator"), l.t("Objective"), l.t("Measured"), l.t("Status")}, right: []bool{false, true, true, false}}
	for _, o := range tot.Objectives {
		name := l.t("Answer rate")
		if o.Objective.Kind == support.WaitUnder {
			name = l.t("Waiting time < %s", l.limit(o.Objective.Under))
		}
		cmp := "≥ "
		if o.Objective.Strict {
			cmp = "> "
		}
		measured := l.t("N/A")
		if o.Status != support.NoData {
			measured = l.pct(o.Measured, support.PercentPlaces)
		}
		t.rows = append(t.rows, []cell{text(name), num(cmp + l.pctAsGiven(o.Objective.Percent)), num(measured), statusCell(l, o.Status.String())})
	}
	counts := table{head: []string{l.t("Calls offered"), l.t("Answered"), l.t("Abandoned"), l.t("Average wait"), l.t("Longest wait")},
		right: []bool{true, true, true, true, true},
		rows: [][]cell{{num(l.int(int64(tot.Offered))), num(l.int(int64(tot.Answered))), num(l.int(int64(tot.Abandoned))),
			num(l.dur(tot.AverageWait.Truncate(time.Second))), num(l.dur(tot.MaxWait.Truncate(time.Second)))}}}
	return []block{heading{2, l.t("Support line")}, t, counts}
}

func (r *Report) backupSection(l lang) []block {
	b := r.in.Backups
	if b == nil {
		return nil
	}
	at := func(t time.Time) string { return l.dateTime(t.In(r.loc)) }
	latest := l.t("none")
	if b.Freshness.Latest >= 0 {
		latest = l.t("%s (age %s)", at(b.Freshness.LatestAt), l.dur(b.Freshness.Age))
	}
	ok, decided := nightCounts(b.Nights)
	fresh := text(l.held(b.Freshness.Holds))
	if b.Freshness.Holds {
		fresh.class = "ok"
	} else {
		fresh.class = "ko"
	}
	out := []block{heading{2, l.t("Backups")}, table{head: []string{l.t("Indicator"), l.t("Result")}, rows: [][]cell{
		{text(l.t("Latest complete copy")), text(latest)},
		{text(l.t("Copy under 24 hours old at %s", at(b.At))), fresh},
		{text(l.t("Nights honoured (02:00-04:00 window or same-day re-run)")), num(l.int(int64(ok)) + " / " + l.int(int64(decided)))},
	}}}
	var bad table
	bad.head = []string{l.t("Night"), l.t("Window"), l.t("Status")}
	for _, n := range b.Nights {
		if n.Status.Honoured() || n.Status == backup.NightPending {
			continue
		}
		ws, we := n.WindowStart.In(r.loc), n.WindowEnd.In(r.loc)
		bad.rows = append(bad.rows, []cell{text(l.date(ws)), text(ws.Format("15:04") + "-" + we.Format("15:04")), {l.t("night:" + n.Status.String()), "ko"}})
	}
	if len(bad.rows) > 0 {
		out = append(out, heading{3, l.t("Nights not honoured")}, bad)
	}
	if len(b.Gaps) > 0 {
		g := table{head: []string{l.t("From"), l.t("To"), l.t("Duration")}, right: []bool{false, false, true}}
		for _, gap := range b.Gaps {
			g.rows = append(g.rows, []cell{text(at(gap.From)), text(at(gap.To)), num(l.dur(gap.Duration()))})
		}
		out = append(out, heading{3, l.t("Periods without a copy under 24 hours old")}, g)
	}
	ret := table{head: []string{l.t("Slot"), l.t("Days"), l.t("Kept backup")}}
	for _, s := range b.Retention.Slots {
		days := l.date(s.First.In(r.loc))
		if s.Last != s.First {
			days += " – " + l.date(s.Last.In(r.loc))
		}
		kept := cell{l.t("missing"), "ko"}
		if s.Index >= 0 && s.Index < len(b.Runs) {
			kept = text(at(b.Runs[s.Index].At))
		}
		ret.rows = append(ret.rows, []cell{text(s.Slot.String()), text(days), kept})
	}
	if len(ret.rows) > 0 {
		out = append(out, heading{3, l.t("Rolling retention")}, ret,
			para{l.t("Kept: %s; pruned: %s.", l.int(int64(len(b.Retention.Kept))), l.int(int64(len(b.Retention.Pruned))))})
	}
	return out
}

// trendDays returns the days of the trend period: those of the first
// availability series, else those of the QoS trend.
func (r *Report) trendDays() []availability.Period {
	for _, s := range r.in.AvailabilityDays {
		if len(s) > 0 {
			out := make([]availability.Period, len(s))
			for i, d := range s {
				out[i] = d.Period
			}
			return out
		}
	}
	if q := r.in.trendQoS(); q != nil && len(q.Objectives) > 0 {
		out := make([]availability.Period, len(q.Objectives[0].Days))
		for i, d := range q.Objectives[0].Days {
			out[i] = d.Period
		}
		return out
	}
	return nil
}

func (r *Report) trends(l lang) []block {
	var out []block
	for i, series := range r.in.AvailabilityDays {
		if len(series) == 0 {
			continue
		}
		label := rowLabel(l, r.in.Availability[i].Result.Service, r.in.Availability[i].Label)
		title := l.t("%s, per day", label)
		out = append(out, heading{3, title}, chart{availabilityChart(l, r.loc, title, series)})
	}
	q := r.in.trendQoS()
	if q != nil && len(q.Objectives) > 0 && len(q.Objectives[0].Days) > 0 {
		title := l.t("Daily response time (p90)")
		out = append(out, heading{3, title}, chart{responseChart(l, r.loc, title, q)})
	}
	if len(out) == 0 {
		return nil
	}
	// The values behind the charts, for readers without SVG.
	days := r.trendDays()
	vt := table{head: []string{l.t("Day")}, right: []bool{false}}
	for i, series := range r.in.AvailabilityDays {
		if len(series) > 0 {
			vt.head = append(vt.head, rowLabel(l, r.in.Availability[i].Result.Service, r.in.Availability[i].Label))
			vt.right = append(vt.right, true)
		}
	}
	if q != nil {
		for _, o := range q.Objectives {
			vt.head = append(vt.head, checkLabel(l, o.Objective)+" p90")
			vt.right = append(vt.right, true)
		}
	}
	for d, day := range days {
		row := []cell{text(l.date(day.Start.In(r.loc)))}
		for _, series := range r.in.AvailabilityDays {
			if len(series) == 0 {
				continue
			}
			v := ""
			if d < len(series) {
				v = l.pct(series[d].Availability, availability.PercentPlaces)
			}
			row = append(row, num(v))
		}
		if q != nil {
			for _, o := range q.Objectives {
				v := "—"
				if d < len(o.Days) {
					if p, ok := p90(o.Days[d]); ok {
						if p.Failed {
							v = l.t("failed")
						} else {
							v = l.ms(p.Duration)
						}
					}
				}
				row = append(row, num(v))
			}
		}
		vt.rows = append(vt.rows, row)
	}
	return append([]block{heading{2, l.t("Trends")}}, append(out, details{l.t("Daily values"), []block{vt}})...)
}

// p90 returns the 90th percentile of a day's stats, if there was a probe.
func p90(s qos.Stats) (qos.Percentile, bool) {
	for _, p := range s.Percentiles {
		if p.P == 90 {
			return p, true
		}
	}
	return qos.Percentile{}, false
}

// checkLabel returns the caption of a QoS objective: its label,
// translated when it is the contract's, or its check key.
func checkLabel(l lang, o qos.Objective) string { return rowLabel(l, o.Check, o.Label) }

// rowLabel returns the caption of a line: its label, or the contract's
// caption of its key, or the key; translated when it is the contract's.
func rowLabel(l lang, key, label string) string {
	if label == "" {
		label = frLabel(key)
	}
	if label == "" {
		return key
	}
	return l.contractLabel(key, label)
}
