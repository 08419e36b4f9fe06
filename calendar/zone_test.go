package calendar

import (
	"testing"
	"time"
)

// TestZoneBoundsStall is a regression test: Go's ZoneBounds returns an end
// equal to its instant at 2040-12-31 00:00 UTC in Europe/Paris (a rule
// year boundary past the last explicit transition), which once made the
// year-table builder loop forever. Every year of the range must build,
// and the year's total must equal a day-by-day sum.
func TestZoneBoundsStall(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip(err)
	}
	c := MustNew(Config{Location: paris, Schedule: mustSchedule(t, ScheduleConfig{Week: allDays(span(0, 0, 24, 0))})})
	for _, y := range []int{2040, 2041, 2100, 2200} {
		from := MustDate(y, time.January, 1).In(paris)
		to := MustDate(y+1, time.January, 1).In(paris)
		if y == MaxYear {
			to = MustDate(y, time.December, 31).In(paris)
		}
		got, err := c.Between(from, to)
		if err != nil {
			t.Fatal(err)
		}
		if want := to.Sub(from); got != want {
			t.Errorf("%d: 24/7 Between = %s, want the real elapsed %s", y, got, want)
		}
	}
}
