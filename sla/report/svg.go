package report

import (
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/openmarches/marches/sla/availability"
	"github.com/openmarches/marches/sla/qos"
)

// The charts are SVG written by hand: no script, no external asset, no
// float. Coordinates are integers in tenths of a pixel computed with
// integer or exact decimal arithmetic, so the bytes are the same on every
// machine (float formatting and fused multiply-add could differ).

const (
	chartW      = 720
	chartH      = 240
	plotLeft    = 72
	plotRight   = 704
	plotTop     = 20
	plotBottom  = 200
	plotW       = plotRight - plotLeft
	plotH       = plotBottom - plotTop
	colorOK     = "#2e7d32"
	colorKO     = "#c62828"
	colorGrid   = "#d0d0d0"
	colorText   = "#333333"
	colorTarget = "#1a1a1a"
)

// palette colours the response-time series, in objective order.
var palette = [...]string{"#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#c62828", "#00838f", "#5d4037", "#37474f"}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

func esc(s string) string { return xmlEscaper.Replace(s) }

// px formats tenths of a pixel: 1234 → "123.4", 1230 → "123".
func px(t int64) string {
	neg := t < 0
	if neg {
		t = -t
	}
	s := strconv.FormatInt(t/10, 10)
	if t%10 != 0 {
		s += "." + strconv.FormatInt(t%10, 10)
	}
	if neg {
		s = "-" + s
	}
	return s
}

type svgWriter struct{ b strings.Builder }

func (w *svgWriter) open(title string, height int) {
	w.b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="` + strconv.Itoa(chartW) + `" height="` + strconv.Itoa(height) +
		`" viewBox="0 0 ` + strconv.Itoa(chartW) + " " + strconv.Itoa(height) + `" role="img" aria-label="` + esc(title) +
		`" font-family="sans-serif" font-size="11">` + "\n")
	w.b.WriteString("<title>" + esc(title) + "</title>\n")
	w.b.WriteString(`<rect x="0" y="0" width="` + strconv.Itoa(chartW) + `" height="` + strconv.Itoa(height) + `" fill="#ffffff"/>` + "\n")
}

func (w *svgWriter) line(x1, y1, x2, y2 int64, stroke string, dashed bool) {
	w.b.WriteString(`<line x1="` + px(x1) + `" y1="` + px(y1) + `" x2="` + px(x2) + `" y2="` + px(y2) + `" stroke="` + stroke + `"`)
	if dashed {
		w.b.WriteString(` stroke-dasharray="6 4"`)
	}
	w.b.WriteString("/>\n")
}

func (w *svgWriter) text(x, y int64, anchor, s string) {
	w.b.WriteString(`<text x="` + px(x) + `" y="` + px(y) + `" text-anchor="` + anchor + `" fill="` + colorText + `">` + esc(s) + "</text>\n")
}

func (w *svgWriter) close() string {
	w.b.WriteString("</svg>")
	return w.b.String()
}

// dayLabelled reports whether day i (of n, day-of-month dom) gets an
// x-axis label: every day up to 16 days, else the 1st and multiples of 5.
func dayLabelled(n, dom int) bool { return n <= 16 || dom == 1 || dom%5 == 0 }

var hundred = decimal.New(100, 0)

// availabilityLadder lists the lower bounds the availability axis may
// take; the highest one at or below both the lowest value and the target
// is used, so that the target line and every bar show.
var availabilityLadder = []decimal.Decimal{
	decimal.RequireFromString("99.5"), decimal.New(99, 0), decimal.New(98, 0), decimal.New(95, 0),
	decimal.New(90, 0), decimal.New(80, 0), decimal.New(50, 0), decimal.New(0, 0),
}

// availabilityChart draws one bar per day, green when the day met the
// target and red otherwise, over an axis from the ladder's bound to
// 100 %, with the target as a dashed line.
func availabilityChart(l lang, loc *time.Location, title string, series []availability.Result) string {
	n := int64(len(series))
	target := series[0].Target
	low := target
	for _, d := range series {
		if d.Availability.LessThan(low) {
			low = d.Availability
		}
	}
	lo := availabilityLadder[len(availabilityLadder)-1]
	for _, c := range availabilityLadder {
		if c.LessThanOrEqual(low) {
			lo = c
			break
		}
	}
	span := hundred.Sub(lo)
	y := func(v decimal.Decimal) int64 {
		if v.LessThan(lo) {
			v = lo
		}
		if v.GreaterThan(hundred) {
			v = hundred
		}
		return plotTop*10 + hundred.Sub(v).Mul(decimal.New(plotH*10, 0)).DivRound(span, 0).IntPart()
	}
	var w svgWriter
	w.open(title, chartH)
	// Gridlines at the bound and at 100 %; the target is drawn over the
	// bars.
	for _, g := range []struct {
		v     decimal.Decimal
		label string
	}{{lo, l.pctAsGiven(lo)}, {hundred, l.pct(hundred, 0)}} {
		w.line(plotLeft*10, y(g.v), plotRight*10, y(g.v), colorGrid, false)
		w.text(plotLeft*10-60, y(g.v)+35, "end", g.label)
	}
	slot := func(i int64) int64 { return plotLeft*10 + i*plotW*10/n }
	for i, d := range series {
		x0, x1 := slot(int64(i)), slot(int64(i)+1)
		bw := (x1 - x0) * 7 / 10
		x := x0 + (x1-x0-bw)/2
		top := y(d.Availability)
		h := plotBottom*10 - top
		color := colorOK
		if !d.Met {
			color = colorKO
		}
		day := d.Period.Start.In(loc)
		w.b.WriteString(`<rect x="` + px(x) + `" y="` + px(top) + `" width="` + px(bw) + `" height="` + px(h) + `" fill="` + color + `">`)
		w.b.WriteString("<title>" + esc(l.t("%s: %s", l.shortDate(day), l.pct(d.Availability, availability.PercentPlaces))) + "</title></rect>\n")
		if dayLabelled(len(series), day.Day()) {
			w.text((x0+x1)/2, plotBottom*10+160, "middle", strconv.Itoa(day.Day()))
		}
	}
	ty := y(target)
	w.line(plotLeft*10, ty, plotRight*10, ty, colorTarget, true)
	// The target's caption sits in the top margin: the target is always
	// in the upper part of the axis, whose bound is at or below it.
	w.text(plotRight*10, plotTop*10-60, "end", l.t("target %s", l.pctAsGiven(target)))
	w.line(plotLeft*10, plotTop*10, plotLeft*10, plotBottom*10, colorText, false)
	w.line(plotLeft*10, plotBottom*10, plotRight*10, plotBottom*10, colorText, false)
	return w.close()
}

// msLadder lists the tops the response-time axis may take, in ms.
var msLadder = []int64{250, 500, 1000, 2000, 3000, 4000, 5000, 6000, 8000, 10000, 15000, 20000, 30000, 60000}

// seconds formats ms as seconds with the decimals needed: "2 s", "2,5 s",
// "0,25 s".
func secondsLabel(l lang, ms int64) string {
	s := strconv.FormatInt(ms/1000, 10)
	if f := ms % 1000; f != 0 {
		frac := strings.TrimRight(strconv.FormatInt(1000+f, 10)[1:], "0")
		s += "." + frac
	}
	return l.num(s) + nbsp + "s"
}

// responseChart draws the daily p90 of each objective as a line, one
// colour per objective, a gap where a day had no probe, and a hollow
// marker at the top where the p90 fell on a failed probe.
func responseChart(l lang, loc *time.Location, title string, q *qos.Report) string {
	n := int64(len(q.Objectives[0].Days))
	var maxV int64
	for _, o := range q.Objectives {
		for _, d := range o.Days {
			if p, ok := p90(d); ok && !p.Failed {
				maxV = max(maxV, int64(p.Duration/time.Millisecond))
			}
		}
	}
	yMax := (maxV/60000 + 1) * 60000
	for _, c := range msLadder {
		if c >= maxV {
			yMax = c
			break
		}
	}
	y := func(ms int64) int64 { return plotBottom*10 - (ms*plotH*10+yMax/2)/yMax }
	x := func(i int64) int64 { return plotLeft*10 + (2*i+1)*plotW*10/(2*n) }
	rows := (len(q.Objectives) + 2) / 3
	height := chartH + 18*rows
	var w svgWriter
	w.open(title, height)
	for k := int64(0); k <= 4; k++ {
		v := yMax * k / 4
		w.line(plotLeft*10, y(v), plotRight*10, y(v), colorGrid, false)
		w.text(plotLeft*10-60, y(v)+35, "end", secondsLabel(l, v))
	}
	for i, d := range q.Objectives[0].Days {
		day := d.Period.Start.In(loc)
		if dayLabelled(int(n), day.Day()) {
			w.text(x(int64(i)), plotBottom*10+160, "middle", strconv.Itoa(day.Day()))
		}
	}
	for k, o := range q.Objectives {
		color := palette[k%len(palette)]
		label := checkLabel(l, o.Objective)
		var path strings.Builder
		pen := false
		var marks strings.Builder
		for i, d := range o.Days {
			p, ok := p90(d)
			if i >= int(n) {
				break
			}
			day := l.shortDate(d.Period.Start.In(loc))
			if !ok || p.Failed {
				pen = false
				if ok {
					marks.WriteString(`<circle cx="` + px(x(int64(i))) + `" cy="` + px(plotTop*10) + `" r="3.5" fill="#ffffff" stroke="` + color + `">`)
					marks.WriteString("<title>" + esc(label+", "+l.t("%s: %s", day, l.t("failed"))) + "</title></circle>\n")
				}
				continue
			}
			ms := int64(p.Duration / time.Millisecond)
			if pen {
				path.WriteString(" L")
			} else {
				if path.Len() > 0 {
					path.WriteString(" ")
				}
				path.WriteString("M")
			}
			pen = true
			path.WriteString(px(x(int64(i))) + " " + px(y(ms)))
			marks.WriteString(`<circle cx="` + px(x(int64(i))) + `" cy="` + px(y(ms)) + `" r="2.5" fill="` + color + `">`)
			marks.WriteString("<title>" + esc(label+", "+l.t("%s: %s", day, l.ms(p.Duration))) + "</title></circle>\n")
		}
		if path.Len() > 0 {
			w.b.WriteString(`<path d="` + path.String() + `" fill="none" stroke="` + color + `" stroke-width="1.5"/>` + "\n")
		}
		w.b.WriteString(marks.String())
		// Legend: three entries a row under the axis labels.
		lx := int64(plotLeft*10 + (k%3)*2100)
		ly := int64((chartH + 18*(k/3)) * 10)
		w.b.WriteString(`<rect x="` + px(lx) + `" y="` + px(ly-90) + `" width="10" height="10" fill="` + color + `"/>` + "\n")
		w.text(lx+150, ly, "start", label)
	}
	w.line(plotLeft*10, plotTop*10, plotLeft*10, plotBottom*10, colorText, false)
	w.line(plotLeft*10, plotBottom*10, plotRight*10, plotBottom*10, colorText, false)
	return w.close()
}
