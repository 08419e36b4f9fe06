package calendar

import (
	"bytes"
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/openmarches/marches/internal/fielderr"
)

// ParseSchedule reads a working schedule written in a subset of the
// OpenStreetMap opening_hours syntax, such as DefaultHours
// ("Mo-Fr 09:00-19:00; PH off"), and builds it with NewSchedule.
//
// # Grammar
//
// Blanks (space, tab, CR, LF) may surround any token; they are needed only
// between two words ("Mo off") and between two numbers ("2026 Dec 24
// 09:00"), never inside a time ("09:00") or "24/7". Words are
// case-sensitive, as in OpenStreetMap.
//
//	schedule = rule { ";" rule }
//	rule     = "24/7"                         seven whole days
//	         | [ days ] state                 weekdays and PH
//	         | date state                     an exceptional day
//	         | date "-" end closed            a closure
//	days     = day { "," day }
//	day      = weekday [ "-" weekday ] | "PH"
//	weekday  = "Mo" | "Tu" | "We" | "Th" | "Fr" | "Sa" | "Su"
//	state    = closed | span { "," span }
//	closed   = "off" | "closed"
//	span     = time "-" time
//	time     = HH ":" MM [ ":" SS ]           two digits each
//	date     = YYYY month DD                  2026 Dec 24
//	end      = [ [ YYYY ] month ] DD          2026 Aug 15, Aug 15 or 15
//	month    = "Jan" | "Feb" | ... | "Dec"
//
// DD is one or two digits; the other numbers have exactly the digits
// shown. The ":SS" seconds are an extension of ours (opening_hours has no
// seconds), accepted so that every Schedule, including one built by
// NewSchedule with seconds, can be written by Schedule.String and read back.
//
// # Meaning
//
//   - "24/7" is the same as "Mo-Su 00:00-24:00". A rule without days
//     ("09:00-18:00", "off") applies to the seven weekdays, like "Mo-Su".
//   - A weekday rule sets the hours of its days, replacing what earlier
//     rules gave them; "off" and "closed" leave those days with no hours.
//     "Mo-Sa 09:00-19:00; Sa 09:00-12:00" works Saturday mornings only.
//     Ranges may wrap around the week: "Fr-Mo" is Friday to Monday.
//   - "PH" selects the public holidays: "PH off" is HolidaysOff and
//     "PH 10:00-12:00" is HolidaysSpecial with those hours; with no PH rule
//     holidays are worked as usual (HolidaysAsUsual). "PH" may share a rule
//     with weekdays ("Sa,PH 10:00-12:00"); the last PH rule wins.
//   - A single date with hours or off is an Exception; a date range (both
//     ends inclusive) with off or closed is a Closure. Years are 0001-9999.
//   - Times are offsets from the day's midnight. 24:00 may end a span; a
//     start must be before 24:00. An end before the start crosses
//     midnight ("22:00-06:00" is Span{22h, 30h}), as does an end written
//     after 24:00 ("22:00-30:00", at most 48:00). A span lasts at most 24
//     hours and a start equal to its end ("09:00-09:00") is refused, so a
//     whole day is written "00:00-24:00". Spans of one rule may not overlap;
//     their order does not matter.
//
// One difference from OpenStreetMap: there, a later rule overrides an
// earlier one whatever their kinds. Here, as in Schedule, each kind has a
// fixed precedence, whatever the order of the rules: an exceptional day,
// then a closure, then the PH rule, then the weekday rules (later rules
// win only among rules of the same kind). Written in the order of
// Schedule.String (weekdays, PH, closures, exceptional days), the rules
// take precedence in the same way in both readings. (The part of a span
// after midnight belongs to the day it starts on; see Span.)
//
// # Not supported
//
// School holidays (SH), week numbers ("week 01-10"), month or year
// selectors without a day ("Jan-Mar", "2026"), dates without a year
// ("Dec 25"), nth weekdays ("Mo[1]"), easter, variable times ("sunrise",
// "dusk"), open ends ("10:00+"), the "open" and "unknown" states, comments
// in quotes, fallback rules ("||"), "," as a rule separator, a days
// selector with no state ("Mo-Fr" alone), hours on a date range, empty
// rules (";;" or a final ";") and one-digit hours ("9:00").
//
// # Errors
//
// Every failure is a *FieldError with Field "hours" and Value the whole
// input. Its Err is ErrInvalidSchedule for the syntax and the unsupported
// forms above (Detail "empty" for an empty or blank input), ErrInvalidSpan
// for a span out of range (minutes or seconds over 59, a start at or after
// 24:00, an end after 48:00, an empty span, a span over 24 hours, spans that
// overlap), ErrInvalidDate for a date that does not exist (2026 Feb 30) and
// ErrInvalidDateRange for a range that ends before it starts. Detail reads
// "at byte N: FRAGMENT: what was expected", N counting from 0 and
// FRAGMENT quoted (or "end of input").
func ParseSchedule(s string) (Schedule, error) {
	p := ohParser{field: "hours", in: s}
	cfg, fe := p.schedule()
	if fe != nil {
		return Schedule{}, fe
	}
	sch, err := NewSchedule(cfg)
	if err != nil {
		// The parser checks everything NewSchedule does, with positions;
		// this only guards against the two drifting apart.
		out := &FieldError{Field: p.field, Value: s, Err: ErrInvalidSchedule, Detail: err.Error()}
		var first *FieldError
		if errors.As(err, &first) {
			out.Err = first.Err
		}
		return Schedule{}, out
	}
	return sch, nil
}

// MustParseSchedule is like ParseSchedule but panics on an error. It is
// meant for literals in tests, examples and tables.
func MustParseSchedule(s string) Schedule {
	sch, err := ParseSchedule(s)
	if err != nil {
		panic(err)
	}
	return sch
}

// String returns the schedule in the opening_hours syntax read by
// ParseSchedule, in a canonical form: ParseSchedule(s.String()) returns a
// schedule with the same Config, and printing that again gives the same
// text. Rules are separated by "; " in this order:
//
//   - weekday rules, Monday first: days with the same spans share one rule,
//     runs of two or more consecutive days written as ranges
//     ("Mo-Tu,Th-Fr 09:00-19:00; We 09:00-12:00"); days with no hours are
//     left out;
//   - "PH off" or "PH 10:00-12:00" (nothing for HolidaysAsUsual);
//   - closures in their order, always as full ranges, even a one-day one:
//     "2026 Aug 01-2026 Aug 15 off", "2026 Dec 25-2026 Dec 25 off";
//   - exceptional days in their order: "2026 Dec 24 09:00-12:00",
//     "2026 Dec 31 off".
//
// Spans are written as by Span.String: "HH:MM", ":SS" only when needed, an
// end after midnight past 24:00 ("22:00-30:00"). Seven days of 00:00-24:00
// and nothing else give "24/7"; the zero Schedule gives "off". Every
// valid Schedule round-trips: ParseSchedule(s.String()) equals s.
func (s Schedule) String() string {
	if s.IsZero() {
		return "off"
	}
	if s.isAllWeek() {
		return "24/7"
	}
	parts := ohWeekRules(&s.week)
	switch s.holidays {
	case HolidaysOff:
		parts = append(parts, "PH off")
	case HolidaysSpecial: // NewSchedule guarantees holiday hours
		parts = append(parts, "PH "+ohSpans(s.phSpans))
	}
	for _, c := range s.closures {
		parts = append(parts, ohDate(c.From)+"-"+ohDate(c.To)+" off")
	}
	for _, e := range s.except {
		if len(e.Spans) == 0 {
			parts = append(parts, ohDate(e.Date)+" off")
		} else {
			parts = append(parts, ohDate(e.Date)+" "+ohSpans(e.Spans))
		}
	}
	return strings.Join(parts, "; ")
}

// MarshalText returns s.String(); it never fails.
func (s Schedule) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText sets *s to ParseSchedule(string(b)) and returns its error;
// *s is left unchanged on an error.
func (s *Schedule) UnmarshalText(b []byte) error {
	v, err := ParseSchedule(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// MarshalJSON encodes s as a JSON object whose keys come in this order,
// each left out when empty (the zero Schedule gives {}):
//
//	{
//	  "week": {"Mo": ["09:00-12:00", "14:00-19:00"], ..., "Su": [...]},
//	  "holidays": "off",
//	  "holidayHours": ["10:00-12:00"],
//	  "closures": [{"from": "2026-08-01", "to": "2026-08-15"}],
//	  "exceptions": [{"date": "2026-12-24", "hours": ["09:00-12:00"]},
//	                 {"date": "2026-12-31"}]
//	}
//
// "week" lists the weekdays that have hours, in the order Mo, Tu, We, Th,
// Fr, Sa, Su. "holidays" is "off" or "special" ("asUsual", the default, is
// left out). Spans are written as by Span.String ("22:00-30:00" crosses
// midnight), dates as YYYY-MM-DD, and an exceptional day without "hours"
// is closed. The output has no spaces and is byte-for-byte deterministic.
func (s Schedule) MarshalJSON() ([]byte, error) {
	var out ohScheduleJSON
	var w ohWeekJSON
	days := [7]*[]string{&w.Su, &w.Mo, &w.Tu, &w.We, &w.Th, &w.Fr, &w.Sa}
	hasWeek := false
	for wd, spans := range s.week {
		if len(spans) > 0 {
			*days[wd] = ohSpanStrings(spans)
			hasWeek = true
		}
	}
	if hasWeek {
		out.Week = &w
	}
	switch s.holidays {
	case HolidaysOff:
		out.Holidays = "off"
	case HolidaysSpecial:
		out.Holidays = "special"
	}
	out.HolidayHours = ohSpanStrings(s.phSpans)
	for _, c := range s.closures {
		out.Closures = append(out.Closures, ohClosureJSON{From: c.From.String(), To: c.To.String()})
	}
	for _, e := range s.except {
		out.Exceptions = append(out.Exceptions, ohExceptionJSON{Date: e.Date.String(), Hours: ohSpanStrings(e.Spans)})
	}
	return json.Marshal(out)
}

// UnmarshalJSON decodes either the object written by MarshalJSON or a
// JSON string holding opening_hours text (read by ParseSchedule). JSON null
// leaves *s unchanged, as is usual for encoding/json; so does any error.
//
// In the object, every key may be missing or null; keys are
// case-sensitive, "holidays" is "asUsual", "off" or "special", and spans
// and dates use the syntax of ParseSchedule's time span and of ParseDate.
// All violations are reported at once, sorted by field, as *FieldError
// values named by their JSON path ("week.Mo[1]", "closures[0].from"): an
// unknown key (Detail "unknown key", Value the key's JSON value) or a value
// of the wrong type fails with ErrInvalidSchedule, a bad span with
// ErrInvalidSpan or ErrInvalidSchedule, a bad date with ErrInvalidDate;
// then NewSchedule's own checks apply (overlapping spans, reversed
// closures, missing dates). Input that is not a JSON object or string fails
// with a *FieldError for the field "hours", like ParseSchedule.
func (s *Schedule) UnmarshalJSON(b []byte) error {
	t := bytes.TrimSpace(b)
	if string(t) == "null" {
		return nil
	}
	v, err := ohFromJSON(t)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ohAllDay is the span of a whole day.
var ohAllDay = Span{Start: 0, End: 24 * time.Hour}

// isAllWeek reports whether s is exactly "24/7": every weekday
// 00:00-24:00 and nothing else.
func (s Schedule) isAllWeek() bool {
	for _, w := range s.week {
		if len(w) != 1 || w[0] != ohAllDay {
			return false
		}
	}
	return s.holidays == HolidaysAsUsual && len(s.phSpans) == 0 && len(s.closures) == 0 && len(s.except) == 0
}

// ohOrder lists time.Weekday values Monday first, as opening_hours does.
var ohOrder = [7]time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// ohWeekRules writes one rule per distinct list of spans, in the order of
// the first day (Monday first) that has it.
func ohWeekRules(week *[7][]Span) []string {
	var out []string
	var done [7]bool // by position in ohOrder
	for i, wd := range ohOrder {
		if done[i] || len(week[wd]) == 0 {
			continue
		}
		var member [7]bool
		for j := i; j < 7; j++ {
			if !done[j] && slices.Equal(week[ohOrder[j]], week[wd]) {
				member[j], done[j] = true, true
			}
		}
		var sel []string
		for j := 0; j < 7; {
			if !member[j] {
				j++
				continue
			}
			k := j
			for k+1 < 7 && member[k+1] {
				k++
			}
			item := weekdayCodes[ohOrder[j]]
			if k > j {
				item += "-" + weekdayCodes[ohOrder[k]]
			}
			sel = append(sel, item)
			j = k + 1
		}
		out = append(out, strings.Join(sel, ",")+" "+ohSpans(week[wd]))
	}
	return out
}

func ohSpans(spans []Span) string { return strings.Join(ohSpanStrings(spans), ",") }

func ohSpanStrings(spans []Span) []string {
	if len(spans) == 0 {
		return nil
	}
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = sp.String()
	}
	return out
}

var ohMonths = [13]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// ohDate writes d as "2026 Dec 24".
func ohDate(d Date) string {
	ymd := d.String() // YYYY-MM-DD
	return ymd[:4] + " " + ohMonths[d.Month()] + " " + ymd[8:]
}

func ohMonth(w string) time.Month {
	for m := time.January; m <= time.December; m++ {
		if ohMonths[m] == w {
			return m
		}
	}
	return 0
}

func ohIsWeekday(w string) bool { _, ok := ohWeekday(w); return ok }

func ohWeekday(w string) (time.Weekday, bool) {
	for wd, code := range weekdayCodes {
		if code == w {
			return time.Weekday(wd), true
		}
	}
	return 0, false
}

// ohParser reads opening_hours text. Errors name field and carry the whole
// input as their value.
type ohParser struct {
	field string
	in    string
	pos   int
}

func ohIsDigit(c byte) bool  { return '0' <= c && c <= '9' }
func ohIsLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
func ohIsSpace(c byte) bool  { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (p *ohParser) skipSpace() {
	for p.pos < len(p.in) && ohIsSpace(p.in[p.pos]) {
		p.pos++
	}
}

// peek returns the byte at the cursor, or 0 at the end.
func (p *ohParser) peek() byte {
	if p.pos < len(p.in) {
		return p.in[p.pos]
	}
	return 0
}

// word returns the run of ASCII letters at i.
func (p *ohParser) word(i int) string {
	j := i
	for j < len(p.in) && ohIsLetter(p.in[j]) {
		j++
	}
	return p.in[i:j]
}

// digits returns the length of the run of digits at i.
func (p *ohParser) digits(i int) int {
	j := i
	for j < len(p.in) && ohIsDigit(p.in[j]) {
		j++
	}
	return j - i
}

func (p *ohParser) number(i, n int) int {
	v := 0
	for _, c := range []byte(p.in[i : i+n]) {
		v = v*10 + int(c-'0')
	}
	return v
}

// fragment quotes the input from at to the next space, ";" or ",".
func (p *ohParser) fragment(at int) string {
	if at >= len(p.in) {
		return "end of input"
	}
	const max = 24
	j := at
	for j < len(p.in) && j-at < max && !ohIsSpace(p.in[j]) && p.in[j] != ';' && p.in[j] != ',' {
		j++
	}
	if j == at {
		j++
	}
	return strconv.Quote(p.in[at:j])
}

// fail returns an error at byte at; frag "" means the default fragment.
func (p *ohParser) fail(at int, rule error, frag, msg string) *FieldError {
	if frag == "" {
		frag = p.fragment(at)
	}
	return &FieldError{Field: p.field, Value: p.in, Err: rule,
		Detail: "at byte " + strconv.Itoa(at) + ": " + frag + ": " + msg}
}

// syntax returns an ErrInvalidSchedule error at byte at, naming an
// unsupported opening_hours feature when one starts there.
func (p *ohParser) syntax(at int, expected string) *FieldError {
	if msg := p.unsupported(at); msg != "" {
		expected = msg
	}
	return p.fail(at, ErrInvalidSchedule, "", expected)
}

func (p *ohParser) unsupported(at int) string {
	if at >= len(p.in) {
		return ""
	}
	rest := p.in[at:]
	switch {
	case strings.HasPrefix(rest, "||"):
		return "fallback rules (||) are not supported"
	case rest[0] == '+':
		return "open ends (+) are not supported"
	case rest[0] == '"':
		return "comments are not supported"
	case rest[0] == '[':
		return "nth weekday selectors (Mo[1]) are not supported"
	case rest[0] == '(':
		return "variable times are not supported"
	}
	switch w := p.word(at); w {
	case "":
		return ""
	case "SH":
		return "school holidays (SH) are not supported"
	case "sunrise", "sunset", "dawn", "dusk":
		return "variable times (sunrise, sunset, dawn, dusk) are not supported"
	case "week":
		return "week number selectors are not supported"
	case "easter":
		return "easter is not supported"
	case "open", "unknown":
		return `the "open" and "unknown" states are not supported: give hours, off or closed`
	default:
		if ohMonth(w) != 0 {
			return "dates need a year (YYYY Mon DD); month selectors such as Jan-Mar are not supported"
		}
	}
	return ""
}

// schedule reads the whole input into a ScheduleConfig.
func (p *ohParser) schedule() (ScheduleConfig, *FieldError) {
	var cfg ScheduleConfig
	p.skipSpace()
	if p.pos == len(p.in) {
		return cfg, &FieldError{Field: p.field, Value: p.in, Err: ErrInvalidSchedule, Detail: "empty"}
	}
	for {
		p.skipSpace()
		if fe := p.rule(&cfg); fe != nil {
			return cfg, fe
		}
		p.skipSpace()
		if p.pos == len(p.in) {
			return cfg, nil
		}
		if p.in[p.pos] != ';' {
			return cfg, p.syntax(p.pos, `expected ";" or the end of the input`)
		}
		p.pos++
	}
}

const ohRuleExpected = "expected a rule: weekdays (Mo-Fr), PH, a date (YYYY Mon DD), hours (HH:MM-HH:MM), off, closed or 24/7"

func (p *ohParser) rule(cfg *ScheduleConfig) *FieldError {
	at := p.pos
	if strings.HasPrefix(p.in[at:], "24/7") {
		if end := at + 4; end == len(p.in) || ohIsSpace(p.in[end]) || p.in[end] == ';' {
			p.pos = end
			for wd := range cfg.Week {
				cfg.Week[wd] = []Span{ohAllDay}
			}
			return nil
		}
	}
	var days [7]bool
	ph := false
	switch w := p.word(at); {
	case at < len(p.in) && ohIsDigit(p.in[at]):
		if p.digits(at) == 4 {
			return p.dateRule(cfg)
		}
		days = [7]bool{true, true, true, true, true, true, true}
	case w == "off" || w == "closed":
		days = [7]bool{true, true, true, true, true, true, true}
	case w == "PH" || ohIsWeekday(w):
		var fe *FieldError
		if days, ph, fe = p.selector(); fe != nil {
			return fe
		}
	default:
		return p.syntax(at, ohRuleExpected)
	}
	spans, fe := p.state()
	if fe != nil {
		return fe
	}
	for wd, on := range days {
		if on {
			cfg.Week[wd] = spans
		}
	}
	if ph {
		if spans == nil {
			cfg.Holidays, cfg.HolidayHours = HolidaysOff, nil
		} else {
			cfg.Holidays, cfg.HolidayHours = HolidaysSpecial, spans
		}
	}
	return nil
}

// selector reads "Mo-We,Fr,PH" into a set of weekdays and a PH flag.
func (p *ohParser) selector() (days [7]bool, ph bool, fe *FieldError) {
	for {
		p.skipSpace()
		at := p.pos
		w := p.word(at)
		if w == "PH" {
			p.pos += 2
			ph = true
		} else {
			from, ok := ohWeekday(w)
			if !ok {
				return days, ph, p.syntax(at, "expected a weekday (Mo..Su) or PH")
			}
			p.pos += 2
			to := from
			save := p.pos
			p.skipSpace()
			if p.peek() == '-' {
				p.pos++
				p.skipSpace()
				at2 := p.pos
				if to, ok = ohWeekday(p.word(at2)); !ok {
					return days, ph, p.syntax(at2, "expected a weekday (Mo..Su) to end the range")
				}
				p.pos += 2
			} else {
				p.pos = save
			}
			for wd := from; ; wd = (wd + 1) % 7 {
				days[wd] = true
				if wd == to {
					break
				}
			}
		}
		save := p.pos
		p.skipSpace()
		if p.peek() != ',' {
			p.pos = save
			return days, ph, nil
		}
		p.pos++
	}
}

// state reads "off", "closed" or a list of spans; off gives nil spans.
func (p *ohParser) state() ([]Span, *FieldError) {
	p.skipSpace()
	at := p.pos
	if w := p.word(at); w == "off" || w == "closed" {
		p.pos += len(w)
		return nil, nil
	}
	if at < len(p.in) && ohIsDigit(p.in[at]) {
		return p.spanList()
	}
	return nil, p.syntax(at, "expected hours (HH:MM-HH:MM), off or closed")
}

func (p *ohParser) spanList() ([]Span, *FieldError) {
	var spans []Span
	var offs []int
	for {
		p.skipSpace()
		at := p.pos
		sp, fe := p.span()
		if fe != nil {
			return nil, fe
		}
		spans = append(spans, sp)
		offs = append(offs, at)
		save := p.pos
		p.skipSpace()
		if p.peek() != ',' {
			p.pos = save
			break
		}
		p.pos++
		p.skipSpace()
		if !ohIsDigit(p.peek()) {
			return nil, p.syntax(p.pos, `expected hours (HH:MM-HH:MM) after "," (rules are separated by ";")`)
		}
	}
	idx := make([]int, len(spans))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmpDur(spans[a].Start, spans[b].Start) })
	for k := 1; k < len(idx); k++ {
		prev, cur := spans[idx[k-1]], spans[idx[k]]
		if prev.End > cur.Start {
			later := max(offs[idx[k-1]], offs[idx[k]])
			return nil, p.fail(later, ErrInvalidSpan, "", "spans overlap ("+prev.String()+" and "+cur.String()+")")
		}
	}
	return spans, nil
}

// span reads "HH:MM-HH:MM" and applies the midnight rules.
func (p *ohParser) span() (Span, *FieldError) {
	at := p.pos
	start, fe := p.clock(false)
	if fe != nil {
		return Span{}, fe
	}
	p.skipSpace()
	if p.peek() != '-' {
		return Span{}, p.syntax(p.pos, `expected "-" and an end time (HH:MM-HH:MM)`)
	}
	p.pos++
	p.skipSpace()
	end, fe := p.clock(true)
	if fe != nil {
		return Span{}, fe
	}
	frag := strconv.Quote(p.in[at:p.pos])
	switch {
	case end == start:
		return Span{}, p.fail(at, ErrInvalidSpan, frag, "start equals end (a whole day is 00:00-24:00)")
	case end < start:
		end += 24 * time.Hour // crosses midnight; start < 24:00 so end <= 48:00
	}
	if end-start > 24*time.Hour {
		return Span{}, p.fail(at, ErrInvalidSpan, frag, "a span lasts at most 24 hours")
	}
	return Span{Start: start, End: end}, nil
}

// clock reads "HH:MM" or "HH:MM:SS"; a start must be before 24:00, an end
// at most 48:00.
func (p *ohParser) clock(isEnd bool) (time.Duration, *FieldError) {
	at := p.pos
	two := func() (int, bool) {
		if p.digits(p.pos) != 2 {
			return 0, false
		}
		v := p.number(p.pos, 2)
		p.pos += 2
		return v, true
	}
	bad := func() *FieldError {
		return p.syntax(at, "expected a time HH:MM (two-digit hours and minutes)")
	}
	h, ok := two()
	if !ok || p.peek() != ':' {
		return 0, bad()
	}
	p.pos++
	m, ok := two()
	if !ok {
		return 0, bad()
	}
	sec := 0
	if p.peek() == ':' && p.pos+1 < len(p.in) && ohIsDigit(p.in[p.pos+1]) {
		p.pos++
		if sec, ok = two(); !ok {
			return 0, bad()
		}
	}
	frag := strconv.Quote(p.in[at:p.pos])
	d := time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec)*time.Second
	switch {
	case m > 59 || sec > 59:
		return 0, p.fail(at, ErrInvalidSpan, frag, "minutes and seconds must be 00-59")
	case !isEnd && h > 23:
		return 0, p.fail(at, ErrInvalidSpan, frag, "a start time must be before 24:00")
	case isEnd && d > 48*time.Hour:
		return 0, p.fail(at, ErrInvalidSpan, frag, "an end time must be at most 48:00")
	}
	return d, nil
}

// dateRule reads an exceptional day ("2026 Dec 24 09:00-12:00") or a
// closure ("2026 Aug 01-15 off").
func (p *ohParser) dateRule(cfg *ScheduleConfig) *FieldError {
	at := p.pos
	from, fe := p.date(Date{})
	if fe != nil {
		return fe
	}
	save := p.pos
	p.skipSpace()
	if p.peek() != '-' {
		p.pos = save
		spans, fe := p.state()
		if fe != nil {
			return fe
		}
		cfg.Exceptions = append(cfg.Exceptions, Exception{Date: from, Spans: spans})
		return nil
	}
	p.pos++
	p.skipSpace()
	to, fe := p.date(from)
	if fe != nil {
		return fe
	}
	if to.Before(from) {
		return p.fail(at, ErrInvalidDateRange, strconv.Quote(p.in[at:p.pos]), "the range ends before it starts")
	}
	p.skipSpace()
	stateAt := p.pos
	spans, fe := p.state()
	if fe != nil {
		return fe
	}
	if spans != nil {
		return p.fail(stateAt, ErrInvalidSchedule, "", "a date range takes only off or closed; only single dates may carry hours")
	}
	cfg.Closures = append(cfg.Closures, Closure{From: from, To: to})
	return nil
}

// date reads "YYYY Mon DD"; when def is set (the end of a range) the year,
// or the year and month, may be left out and are taken from def.
func (p *ohParser) date(def Date) (Date, *FieldError) {
	at := p.pos
	y, m := def.Year(), def.Month()
	switch n := p.digits(at); {
	case n == 4:
		y = p.number(at, 4)
		p.pos += 4
		p.skipSpace()
		mAt := p.pos
		if m = ohMonth(p.word(mAt)); m == 0 {
			return Date{}, p.fail(mAt, ErrInvalidSchedule, "", "expected a month (Jan..Dec) after the year; year selectors without a day are not supported")
		}
		p.pos += 3
	case def.IsZero():
		return Date{}, p.syntax(at, "expected a date YYYY Mon DD")
	case n == 0:
		if mm := ohMonth(p.word(at)); mm != 0 {
			m = mm
			p.pos += 3
		} else {
			return Date{}, p.syntax(at, "expected the end of the date range: YYYY Mon DD, Mon DD or DD")
		}
	}
	p.skipSpace()
	dAt := p.pos
	n := p.digits(dAt)
	if n < 1 || n > 2 {
		return Date{}, p.fail(dAt, ErrInvalidSchedule, "", "expected a day of the month (01..31); month selectors without a day are not supported")
	}
	day := p.number(dAt, n)
	p.pos += n
	d, err := NewDate(y, m, day)
	if err != nil {
		return Date{}, p.fail(at, ErrInvalidDate, strconv.Quote(p.in[at:p.pos]), "no such date")
	}
	return d, nil
}

// ohParseSpan reads one "HH:MM-HH:MM" span, the whole of s, for the JSON
// form; errors name field.
func ohParseSpan(field, s string) (Span, *FieldError) {
	p := ohParser{field: field, in: s}
	sp, fe := p.span()
	if fe != nil {
		return Span{}, fe
	}
	if p.pos != len(s) {
		return Span{}, p.syntax(p.pos, "expected the end of the span")
	}
	return sp, nil
}

// JSON form.

type ohScheduleJSON struct {
	Week         *ohWeekJSON       `json:"week,omitempty"`
	Holidays     string            `json:"holidays,omitempty"`
	HolidayHours []string          `json:"holidayHours,omitempty"`
	Closures     []ohClosureJSON   `json:"closures,omitempty"`
	Exceptions   []ohExceptionJSON `json:"exceptions,omitempty"`
}

type ohWeekJSON struct {
	Mo []string `json:"Mo,omitempty"`
	Tu []string `json:"Tu,omitempty"`
	We []string `json:"We,omitempty"`
	Th []string `json:"Th,omitempty"`
	Fr []string `json:"Fr,omitempty"`
	Sa []string `json:"Sa,omitempty"`
	Su []string `json:"Su,omitempty"`
}

type ohClosureJSON struct {
	From string `json:"from"`
	To   string `json:"to"`
}

type ohExceptionJSON struct {
	Date  string   `json:"date"`
	Hours []string `json:"hours,omitempty"`
}

func ohFromJSON(b []byte) (Schedule, error) {
	whole := func(detail string) error {
		return &FieldError{Field: "hours", Value: string(b), Err: ErrInvalidSchedule, Detail: detail}
	}
	if len(b) == 0 {
		return Schedule{}, whole("empty")
	}
	switch b[0] {
	case '"':
		var text string
		if err := json.Unmarshal(b, &text); err != nil {
			return Schedule{}, whole(err.Error())
		}
		return ParseSchedule(text)
	case '{':
	default:
		return Schedule{}, whole("expected a JSON object or a JSON string of opening_hours text")
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		return Schedule{}, whole(err.Error())
	}
	var d ohJSONDecoder
	var cfg ScheduleConfig
	for _, k := range slices.Sorted(maps.Keys(top)) {
		raw := top[k]
		switch k {
		case "week":
			week, _ := d.object("week", raw)
			for _, day := range slices.Sorted(maps.Keys(week)) {
				field := "week." + day
				if wd, ok := ohWeekday(day); ok {
					cfg.Week[wd] = d.spans(field, week[day])
				} else {
					d.unknown(field, week[day])
				}
			}
		case "holidays":
			v, ok := d.str("holidays", raw)
			switch {
			case !ok, v == "asUsual":
				// null, or a wrong type already reported
			case v == "off":
				cfg.Holidays = HolidaysOff
			case v == "special":
				cfg.Holidays = HolidaysSpecial
			default:
				d.bad("holidays", v, `expected "asUsual", "off" or "special"`)
			}
		case "holidayHours":
			cfg.HolidayHours = d.spans("holidayHours", raw)
		case "closures":
			items, _ := d.array("closures", raw)
			for i, item := range items {
				f := "closures[" + strconv.Itoa(i) + "]"
				obj, _ := d.object(f, item)
				var c Closure
				for _, key := range slices.Sorted(maps.Keys(obj)) {
					switch key {
					case "from":
						c.From = d.date(f+".from", obj[key])
					case "to":
						c.To = d.date(f+".to", obj[key])
					default:
						d.unknown(f+"."+key, obj[key])
					}
				}
				cfg.Closures = append(cfg.Closures, c)
			}
		case "exceptions":
			items, _ := d.array("exceptions", raw)
			for i, item := range items {
				f := "exceptions[" + strconv.Itoa(i) + "]"
				obj, _ := d.object(f, item)
				var e Exception
				for _, key := range slices.Sorted(maps.Keys(obj)) {
					switch key {
					case "date":
						e.Date = d.date(f+".date", obj[key])
					case "hours":
						e.Spans = d.spans(f+".hours", obj[key])
					default:
						d.unknown(f+"."+key, obj[key])
					}
				}
				cfg.Exceptions = append(cfg.Exceptions, e)
			}
		default:
			d.unknown(k, raw)
		}
	}
	if len(d.errs) > 0 {
		return Schedule{}, fielderr.Join(d.errs)
	}
	return NewSchedule(cfg)
}

// ohJSONDecoder collects the violations found while decoding the JSON form.
type ohJSONDecoder struct{ errs []*FieldError }

func (d *ohJSONDecoder) bad(field, value, detail string) {
	d.errs = append(d.errs, &FieldError{Field: field, Value: value, Err: ErrInvalidSchedule, Detail: detail})
}

func (d *ohJSONDecoder) unknown(field string, raw json.RawMessage) {
	d.bad(field, string(raw), "unknown key")
}

func ohIsNull(raw json.RawMessage) bool { return string(bytes.TrimSpace(raw)) == "null" }

// kind checks that raw (not null) starts with the given byte.
func (d *ohJSONDecoder) kind(field string, raw json.RawMessage, first byte, what string) bool {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 || t[0] != first {
		d.bad(field, string(raw), "expected "+what)
		return false
	}
	return true
}

// object decodes a JSON object; null gives an empty one.
func (d *ohJSONDecoder) object(field string, raw json.RawMessage) (map[string]json.RawMessage, bool) {
	if ohIsNull(raw) || !d.kind(field, raw, '{', "an object") {
		return nil, false
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		d.bad(field, string(raw), err.Error())
		return nil, false
	}
	return m, true
}

// array decodes a JSON array; null gives an empty one.
func (d *ohJSONDecoder) array(field string, raw json.RawMessage) ([]json.RawMessage, bool) {
	if ohIsNull(raw) || !d.kind(field, raw, '[', "an array") {
		return nil, false
	}
	var a []json.RawMessage
	if err := json.Unmarshal(raw, &a); err != nil {
		d.bad(field, string(raw), err.Error())
		return nil, false
	}
	return a, true
}

// str decodes a JSON string; null gives "".
func (d *ohJSONDecoder) str(field string, raw json.RawMessage) (string, bool) {
	if ohIsNull(raw) || !d.kind(field, raw, '"', "a string") {
		return "", false
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		d.bad(field, string(raw), err.Error())
		return "", false
	}
	return s, true
}

func (d *ohJSONDecoder) spans(field string, raw json.RawMessage) []Span {
	items, _ := d.array(field, raw)
	var out []Span
	for i, item := range items {
		f := field + "[" + strconv.Itoa(i) + "]"
		if ohIsNull(item) {
			d.bad(f, "null", `expected a span "HH:MM-HH:MM"`)
			continue
		}
		s, ok := d.str(f, item)
		if !ok {
			continue
		}
		sp, fe := ohParseSpan(f, s)
		if fe != nil {
			d.errs = append(d.errs, fe)
			continue
		}
		out = append(out, sp)
	}
	return out
}

// date decodes a "YYYY-MM-DD" string; null gives the zero Date, which
// NewSchedule reports as missing.
func (d *ohJSONDecoder) date(field string, raw json.RawMessage) Date {
	s, ok := d.str(field, raw)
	if !ok {
		return Date{}
	}
	v, err := ParseDate(s)
	if err != nil {
		d.errs = append(d.errs, &FieldError{Field: field, Value: s, Err: ErrInvalidDate})
		return Date{}
	}
	return v
}
