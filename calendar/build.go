package calendar

import (
	"cmp"
	"slices"
	"time"
)

// dayTable holds the day-level facts of one civil year: public holidays
// and bitsets (bit n = day-of-year n, 0-based) of holidays and of working
// days (jours ouvrés: days on which the schedule has working spans).
type dayTable struct {
	holidays []Holiday
	days     int       // 365 or 366
	hol      [6]uint64 // public holidays
	work     [6]uint64 // jours ouvrés: the schedule has working spans
	ouvr     [6]uint64 // jours ouvrables: Monday to Saturday, not a holiday
	free     [6]uint64 // not a Saturday, Sunday or holiday (time-limit extension)
}

func (t *dayTable) bit(set *[6]uint64, n int) bool { return set[n>>6]&(1<<(n&63)) != 0 }

func (c *Calendar) dayInfo(i int) *dayTable {
	if d := c.days[i].Load(); d != nil {
		return d
	}
	d := c.buildDays(i)
	if c.days[i].CompareAndSwap(nil, d) {
		return d
	}
	return c.days[i].Load()
}

func (c *Calendar) buildDays(i int) *dayTable {
	year := MinYear + i
	t := &dayTable{}
	hs, err := c.territory.Holidays(year)
	if err == nil {
		t.holidays = hs
	}
	jan1 := MustDate(year, time.January, 1)
	for _, h := range t.holidays {
		n := h.Date.Sub(jan1)
		t.hol[n>>6] |= 1 << (n & 63)
	}
	days := 365
	if isLeap(year) {
		days = 366
	}
	t.days = days
	for n := 0; n < days; n++ {
		d := jan1.AddDays(n)
		hol := t.bit(&t.hol, n)
		bit := uint64(1) << (n & 63)
		if len(c.sched.spansOn(d, hol)) > 0 {
			t.work[n>>6] |= bit
		}
		wd := d.Weekday()
		if !hol && wd != time.Sunday {
			t.ouvr[n>>6] |= bit
			if wd != time.Saturday {
				t.free[n>>6] |= bit
			}
		}
	}
	return t
}

// dayIndex returns the year index and day-of-year of d, ok=false when d is
// outside the supported years.
func dayIndex(d Date) (yi, n int, ok bool) {
	yi = d.Year() - MinYear
	if yi < 0 || yi >= numYears {
		return 0, 0, false
	}
	return yi, d.Sub(MustDate(d.Year(), time.January, 1)), true
}

func (c *Calendar) isHoliday(d Date) bool {
	yi, n, ok := dayIndex(d)
	if !ok {
		return false
	}
	t := c.dayInfo(yi)
	return t.bit(&t.hol, n)
}

// wallSpans appends to dst the wall-clock working intervals of date d, in
// seconds from d's midnight within [0, 86400]: the parts of d's own spans
// before midnight and the parts of the previous day's spans that cross
// midnight, sorted and merged.
func (c *Calendar) wallSpans(dst [][2]int64, d Date) [][2]int64 {
	dst = dst[:0]
	prev := d.AddDays(-1)
	for _, sp := range c.sched.spansOn(prev, c.isHoliday(prev)) {
		if e := int64(sp.End/time.Second) - 86400; e > 0 {
			dst = append(dst, [2]int64{max(0, int64(sp.Start/time.Second)-86400), e})
		}
	}
	for _, sp := range c.sched.spansOn(d, c.isHoliday(d)) {
		dst = append(dst, [2]int64{int64(sp.Start / time.Second), min(86400, int64(sp.End/time.Second))})
	}
	slices.SortFunc(dst, func(a, b [2]int64) int { return cmp.Compare(a[0], b[0]) })
	out := dst[:0]
	for _, iv := range dst {
		if n := len(out); n > 0 && iv[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], iv[1])
			continue
		}
		out = append(out, iv)
	}
	return out
}

// buildYear computes the working intervals of year MinYear+i as real
// instants. Each date's wall-clock intervals are mapped to real time zone
// segment by zone segment, so that a wall-clock window lasts exactly as
// long as the wall clock actually spends inside it: 1h30 for 01:30-04:00
// on a spring-forward night, 3h30 on a fall-back night.
func (c *Calendar) buildYear(i int) *yearTable {
	year := MinYear + i
	lo, hi := c.yearStart[i], c.yearStart[i+1]
	first := MustDate(year, time.January, 1).AddDays(-1)
	last := MustDate(year, time.December, 31).AddDays(1)
	var ivs [][2]int64
	var wall [][2]int64
	for d := first; !d.After(last); d = d.AddDays(1) {
		wall = c.wallSpans(wall, d)
		if len(wall) == 0 {
			continue
		}
		ivs = c.appendReal(ivs, d, wall)
	}
	slices.SortFunc(ivs, func(a, b [2]int64) int { return cmp.Compare(a[0], b[0]) })
	y := &yearTable{}
	for _, iv := range ivs {
		s, e := max(iv[0], lo), min(iv[1], hi)
		if s >= e {
			continue
		}
		if n := len(y.start); n > 0 && s <= y.end[n-1] {
			y.end[n-1] = max(y.end[n-1], e)
			continue
		}
		y.start = append(y.start, s)
		y.end = append(y.end, e)
	}
	y.cum = make([]int64, len(y.start)+1)
	for k := range y.start {
		y.cum[k+1] = y.cum[k] + y.end[k] - y.start[k]
	}
	return y
}

// appendReal maps the wall-clock intervals of date d (seconds from its
// midnight) to real Unix-second intervals and appends them to dst.
func (c *Calendar) appendReal(dst [][2]int64, d Date, wall [][2]int64) [][2]int64 {
	civil := d.num() * 86400
	t0 := d.In(c.loc)
	_, off := t0.Zone()
	_, ze := t0.ZoneBounds()
	if ze.IsZero() || ze.Unix() >= civil+86400-int64(off)+1 {
		// One offset for the whole day.
		o := int64(off)
		for _, w := range wall {
			dst = append(dst, [2]int64{civil + w[0] - o, civil + w[1] - o})
		}
		return dst
	}
	// The offset changes during the day: walk the zone segments that
	// cover the day's real span (with a wide margin) and intersect.
	loR, hiR := civil-2*86400, civil+3*86400
	tt := time.Unix(loR, 0).In(c.loc)
	for {
		_, o := tt.Zone()
		zs, ze := tt.ZoneBounds()
		segS := max(loR, tt.Unix())
		if !zs.IsZero() {
			segS = max(segS, zs.Unix())
		}
		segE := hiR
		if !ze.IsZero() {
			segE = min(segE, ze.Unix())
		}
		if segE <= segS {
			// time.Time.ZoneBounds can return an end equal to the
			// instant itself at a year boundary beyond the zone's last
			// explicit transition (seen with Go 1.26 on Europe/Paris at
			// 2040-12-31 00:00 UTC). The offset read at segS holds for
			// at least one second: take that second and go on.
			segE = segS + 1
			ze = time.Unix(segE, 0)
		}
		for _, w := range wall {
			s, e := max(civil+w[0]-int64(o), segS), min(civil+w[1]-int64(o), segE)
			if s < e {
				dst = append(dst, [2]int64{s, e})
			}
		}
		if ze.IsZero() || ze.Unix() >= hiR {
			return dst
		}
		tt = ze
	}
}
