package availability

import (
	"slices"
	"time"
)

// Two independent implementations used as oracles by the tests and as the
// "what a user would write" baselines by the benchmarks.

// bitmapMeasure marks every second (or every step seconds) of the period
// in two bitmaps, excluded and unplanned, and counts: the naive approach,
// O(period length + total outage length).
func bitmapMeasure(outages []Outage, p Period, service string, step int64) (total, excluded, unavailable int64) {
	ps, pe := floorSec(p.Start), floorSec(p.End)
	n := (pe - ps + step - 1) / step
	excl := make([]bool, n)
	unpl := make([]bool, n)
	for _, o := range outages {
		if service != "" && o.Service != service {
			continue
		}
		a, b := max(floorSec(o.Start), ps), min(ceilSec(o.End), pe)
		for s := a; s < b; {
			i := (s - ps) / step
			if o.Cause == Unplanned {
				unpl[i] = true
			} else {
				excl[i] = true
			}
			s = ps + (i+1)*step
		}
	}
	for i := range n {
		switch {
		case excl[i]:
			excluded += step
		case unpl[i]:
			unavailable += step
		}
	}
	return pe - ps, excluded, unavailable
}

// mergeMeasure is the textbook approach: clip, sort each class by start,
// merge into disjoint unions, then subtract the excluded union from the
// unplanned one with two pointers. O(n log n) with a comparison sort.
func mergeMeasure(outages []Outage, p Period, service string) (total, excluded, unavailable int64) {
	ps, pe := floorSec(p.Start), floorSec(p.End)
	type iv struct{ a, b int64 }
	var ex, un []iv
	for _, o := range outages {
		if service != "" && o.Service != service {
			continue
		}
		a, b := max(floorSec(o.Start), ps), min(ceilSec(o.End), pe)
		if a >= b {
			continue
		}
		if o.Cause == Unplanned {
			un = append(un, iv{a, b})
		} else {
			ex = append(ex, iv{a, b})
		}
	}
	union := func(s []iv) []iv {
		slices.SortFunc(s, func(x, y iv) int { return int(x.a - y.a) })
		var out []iv
		for _, v := range s {
			if n := len(out); n > 0 && v.a <= out[n-1].b {
				out[n-1].b = max(out[n-1].b, v.b)
				continue
			}
			out = append(out, v)
		}
		return out
	}
	ex, un = union(ex), union(un)
	for _, v := range ex {
		excluded += v.b - v.a
	}
	j := 0
	for _, u := range un {
		length := u.b - u.a
		for j < len(ex) && ex[j].b <= u.a {
			j++
		}
		for k := j; k < len(ex) && ex[k].a < u.b; k++ {
			length -= min(u.b, ex[k].b) - max(u.a, ex[k].a)
		}
		unavailable += length
	}
	return pe - ps, excluded, unavailable
}

// randomOutages returns n outages in [p.Start − 1 h, p.End + 1 h] from a
// fixed xorshift stream: lengths from 1 s to maxLen, every cause, two
// services, some sub-second bounds.
func randomOutages(seed uint64, n int, p Period, maxLen time.Duration) []Outage {
	x := seed | 1
	next := func() uint64 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return x
	}
	span := uint64(p.End.Sub(p.Start) + 2*time.Hour)
	out := make([]Outage, n)
	for i := range out {
		start := p.Start.Add(-time.Hour + time.Duration(next()%span))
		if next()%4 != 0 {
			start = start.Truncate(time.Second)
		}
		length := time.Duration(1+next()%uint64(maxLen/time.Millisecond)) * time.Millisecond
		svc := "platform"
		if next()%5 == 0 {
			svc = "remote"
		}
		cause := Unplanned
		if next()%3 == 0 {
			cause = causes[1+next()%4]
		}
		out[i] = Outage{Service: svc, Start: start, End: start.Add(length), Cause: cause}
	}
	return out
}
