package calendar

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func d(y int, m time.Month, day int) Date { return MustDate(y, m, day) }

// TestAddDays: every expected date is worked out by hand on the 2026-2027
// calendar (weekdays and holidays of Code du travail L3133-1, plus Good
// Friday and 26 December in Alsace-Moselle, L3134-13).
func TestAddDays(t *testing.T) {
	tests := []struct {
		name   string
		terr   string
		from   Date
		n      int
		kind   DayKind
		want   Date
		reason string
	}{
		{"ouvres over 1 May", "75", d(2026, 4, 30), 1, JoursOuvres, d(2026, 5, 4), "Fri 1 May holiday, weekend"},
		{"ouvres over 8 May", "75", d(2026, 5, 7), 1, JoursOuvres, d(2026, 5, 11), "Fri 8 May holiday, weekend"},
		{"ouvres over Ascension", "75", d(2026, 5, 13), 1, JoursOuvres, d(2026, 5, 15), "Thu 14 May Ascension"},
		{"ouvres 10", "75", d(2026, 5, 1), 10, JoursOuvres, d(2026, 5, 18), "4,5,6,7,11,12,13,15,18 = 9... counted: 4,5,6,7,11,12,13,15,18 is 9, the 10th is 19? see below"},
		{"ouvres zero", "75", d(2026, 5, 2), 0, JoursOuvres, d(2026, 5, 4), "n=0 on a Saturday is extended to Monday"},
		{"ouvres Good Friday Paris", "75", d(2026, 4, 2), 1, JoursOuvres, d(2026, 4, 3), "Good Friday is worked in Paris"},
		{"ouvres Good Friday Strasbourg", "67", d(2026, 4, 2), 1, JoursOuvres, d(2026, 4, 7), "Good Friday 3 Apr and Easter Monday 6 Apr off in Alsace-Moselle"},
		{"ouvrables to Saturday extended", "75", d(2026, 5, 7), 1, JoursOuvrables, d(2026, 5, 11), "8 May holiday, Sat 9 May ouvrable but a limit ending on Saturday is extended"},
		{"ouvrables 6", "75", d(2026, 6, 1), 6, JoursOuvrables, d(2026, 6, 8), "2,3,4,5,6(Sat),8: Sunday skipped"},
		{"calendaires onto 1 May", "75", d(2026, 4, 21), 10, JoursCalendaires, d(2026, 5, 4), "1 May Fri holiday, weekend"},
		{"calendaires over new year", "75", d(2026, 12, 24), 8, JoursCalendaires, d(2027, 1, 4), "1 Jan 2027 Fri holiday, weekend"},
		{"calendaires 35 open procedure", "75", d(2026, 3, 2), 35, JoursCalendaires, d(2026, 4, 7), "6 Apr 2026 Easter Monday: 5 Apr Sun -> 7 Apr"},
		{"francs 8", "75", d(2026, 4, 21), 8, JoursFrancs, d(2026, 4, 30), "21+8+1 = 30, a Thursday"},
		{"francs onto Christmas", "75", d(2026, 12, 15), 9, JoursFrancs, d(2026, 12, 28), "15+9+1 = 25 Dec Fri holiday, weekend"},
		{"ouvres backwards", "75", d(2026, 5, 11), -1, JoursOuvres, d(2026, 5, 7), "Fri 8 May holiday"},
		{"francs backwards onto Ascension", "75", d(2026, 5, 20), -5, JoursFrancs, d(2026, 5, 13), "20-5-1 = 14 May Ascension -> the day before"},
		{"calendaires backwards onto Sunday", "75", d(2026, 6, 10), -3, JoursCalendaires, d(2026, 6, 5), "7 Jun Sun -> Fri 5 Jun"},
		{"ouvres Martinique 22 May", "972", d(2026, 5, 21), 1, JoursOuvres, d(2026, 5, 26), "22 May abolition day (Fri), 25 May Whit Monday"},
	}
	// Correct the one row whose reason shows the count: 1 May 2026 is a
	// Friday; working days after it are 4,5,6,7 (8 off),11,12,13 (14 off),
	// 15,18,19: the 10th is 19 May.
	tests[3].want, tests[3].reason = d(2026, 5, 19), "4,5,6,7,11,12,13,15,18,19"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := MustNew(Config{Territory: tt.terr})
			got, err := c.AddDays(tt.from, tt.n, tt.kind)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("AddDays(%s, %d, %s) = %s, want %s (%s)", tt.from, tt.n, tt.kind, got, tt.want, tt.reason)
			}
		})
	}
}

// TestAddDaysAgainstOracle compares AddDays with a day-by-day count over
// many starts and counts, including multi-year spans.
func TestAddDaysAgainstOracle(t *testing.T) {
	for _, terr := range []string{"75", "67", "974"} {
		c := MustNew(Config{Territory: terr})
		isHol := func(d Date) bool { _, ok := c.territory.IsHoliday(d); return ok }
		free := func(d Date) bool { wd := d.Weekday(); return wd != time.Saturday && wd != time.Sunday && !isHol(d) }
		pred := map[DayKind]func(Date) bool{
			JoursOuvres:    func(d Date) bool { return d.Weekday() != time.Saturday && d.Weekday() != time.Sunday && !isHol(d) },
			JoursOuvrables: func(d Date) bool { return d.Weekday() != time.Sunday && !isHol(d) },
		}
		oracle := func(from Date, n int, kind DayKind) Date {
			step := 1
			if n < 0 {
				step = -1
			}
			r := from
			switch kind {
			case JoursCalendaires:
				r = from.AddDays(n)
			case JoursFrancs:
				r = from.AddDays(n + step)
			default:
				for k := n; k != 0; {
					r = r.AddDays(step)
					if pred[kind](r) {
						k -= step
					}
				}
			}
			for !free(r) {
				r = r.AddDays(step)
			}
			return r
		}
		for from := d(2025, 12, 1); from.Before(d(2027, 2, 1)); from = from.AddDays(3) {
			for _, n := range []int{0, 1, 2, 5, 10, 30, 250, 800, -1, -5, -30} {
				for _, kind := range []DayKind{JoursOuvres, JoursOuvrables, JoursCalendaires, JoursFrancs} {
					got, err := c.AddDays(from, n, kind)
					if err != nil {
						t.Fatal(err)
					}
					if want := oracle(from, n, kind); got != want {
						t.Fatalf("%s: AddDays(%s, %d, %s) = %s, oracle %s", terr, from, n, kind, got, want)
					}
				}
			}
		}
	}
}

func TestAddDaysErrors(t *testing.T) {
	c := MustNew(Config{})
	tests := []struct {
		name string
		from Date
		n    int
		kind DayKind
		want error
	}{
		{"unset kind", d(2026, 1, 5), 1, 0, ErrInvalidDayKind},
		{"unset date", Date{}, 1, JoursOuvres, ErrInvalidDate},
		{"before range", d(1989, 12, 1), 1, JoursOuvres, ErrDayCountOutOfRange},
		{"huge count", d(2026, 1, 5), 1 << 40, JoursOuvres, ErrDayCountOutOfRange},
		{"huge calendar count", d(2026, 1, 5), 1 << 40, JoursCalendaires, ErrDayCountOutOfRange},
		{"huge negative", d(2026, 1, 5), -(1 << 40), JoursFrancs, ErrDayCountOutOfRange},
		{"past 2200", d(2200, 12, 30), 5, JoursOuvrables, ErrDayCountOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := c.AddDays(tt.from, tt.n, tt.kind); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestParseDayKind(t *testing.T) {
	for _, k := range []DayKind{JoursOuvres, JoursOuvrables, JoursCalendaires, JoursFrancs} {
		got, err := ParseDayKind(k.String())
		if err != nil || got != k {
			t.Errorf("ParseDayKind(%q) = %v, %v", k.String(), got, err)
		}
	}
	if _, err := ParseDayKind("ouvrés"); err != nil {
		t.Errorf("accented code rejected: %v", err)
	}
	if _, err := ParseDayKind("business"); !errors.Is(err, ErrInvalidDayKind) {
		t.Errorf("err = %v, want ErrInvalidDayKind", err)
	}
}

// TestBusinessHours: the contract's support hours (Mo-Fr 09:00-19:00, PH
// off, Paris), figures worked out by hand.
func TestBusinessHours(t *testing.T) {
	c := MustNew(Config{Territory: "75"})
	paris := c.Location()
	at := func(y int, m time.Month, day, h, mi int) time.Time { return time.Date(y, m, day, h, mi, 0, 0, paris) }
	adds := []struct {
		name string
		from time.Time
		d    time.Duration
		want time.Time
	}{
		{"Friday evening +2h", at(2026, 11, 27, 18, 0), 2 * time.Hour, at(2026, 11, 30, 10, 0)},
		{"Christmas eve +1 business day", at(2026, 12, 24, 17, 0), 10 * time.Hour, at(2026, 12, 28, 17, 0)},
		{"ends exactly at closing", at(2026, 11, 30, 9, 0), 10 * time.Hour, at(2026, 11, 30, 19, 0)},
		{"night start", at(2026, 11, 30, 23, 0), time.Hour, at(2026, 12, 1, 10, 0)},
		{"over the spring-forward weekend", at(2026, 3, 27, 18, 0), 2 * time.Hour, at(2026, 3, 30, 10, 0)},
		{"eve of Whit Monday", at(2026, 5, 22, 18, 30), time.Hour, at(2026, 5, 26, 9, 30)},
		{"zero", at(2026, 11, 28, 12, 0), 0, at(2026, 11, 28, 12, 0)},
	}
	for _, tt := range adds {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.Add(tt.from, tt.d)
			if err != nil || !got.Equal(tt.want) {
				t.Errorf("Add(%s, %s) = %s, %v; want %s", tt.from, tt.d, got, err, tt.want)
			}
		})
	}
	betweens := []struct {
		name     string
		from, to time.Time
		want     time.Duration
	}{
		{"May 2026: 21 weekdays - 4 holidays", at(2026, 5, 1, 0, 0), at(2026, 6, 1, 0, 0), 170 * time.Hour},
		{"2026: 261 weekdays - 9 weekday holidays", at(2026, 1, 1, 0, 0), at(2027, 1, 1, 0, 0), 2520 * time.Hour},
		{"inside one day", at(2026, 11, 30, 10, 15), at(2026, 11, 30, 11, 45), 90 * time.Minute},
	}
	for _, tt := range betweens {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.Between(tt.from, tt.to)
			if err != nil || got != tt.want {
				t.Errorf("Between = %s, %v; want %s", got, err, tt.want)
			}
		})
	}
	// Same time on the next working day versus 10 business hours.
	got, _ := c.AddWorkingDays(at(2026, 5, 22, 18, 0), 1)
	if want := at(2026, 5, 26, 18, 0); !got.Equal(want) {
		t.Errorf("AddWorkingDays(Fri 22 May 18:00, 1) = %s, want %s (Whit Monday off)", got, want)
	}
	got, _ = c.AddWorkingDays(at(2026, 11, 27, 20, 0), 1)
	if want := at(2026, 12, 1, 9, 0); !got.Equal(want) {
		t.Errorf("AddWorkingDays(Fri 20:00, 1) = %s, want %s", got, want)
	}
	if _, err := c.AddWorkingDays(at(2026, 11, 27, 20, 0), -1); !errors.Is(err, ErrNegativeDays) {
		t.Errorf("err = %v, want ErrNegativeDays", err)
	}
	// Next opening and closing.
	open, _ := c.NextOpen(at(2026, 12, 24, 19, 0))
	closeAt, _ := c.NextClose(at(2026, 12, 24, 19, 0))
	if diff := cmp.Diff([]time.Time{at(2026, 12, 28, 9, 0), at(2026, 12, 28, 19, 0)}, []time.Time{open, closeAt}); diff != "" {
		t.Errorf("NextOpen/NextClose (-want +got):\n%s", diff)
	}
}

func TestNextCloseAcrossYears(t *testing.T) {
	paris, _ := time.LoadLocation("Europe/Paris")
	c := MustNew(Config{Location: paris, Schedule: mustSchedule(t, ScheduleConfig{
		Week: allDays(span(0, 0, 24, 0)), Closures: []Closure{{d(2027, 1, 10), d(2027, 1, 10)}}})})
	got, err := c.NextClose(time.Date(2026, 12, 30, 12, 0, 0, 0, paris))
	if want := time.Date(2027, 1, 10, 0, 0, 0, 0, paris); err != nil || !got.Equal(want) {
		t.Errorf("NextClose = %s, %v; want %s", got, err, want)
	}
	c247 := MustNew(Config{Location: paris, Schedule: mustSchedule(t, ScheduleConfig{Week: allDays(span(0, 0, 24, 0))})})
	if _, err := c247.NextClose(time.Date(2026, 12, 30, 12, 0, 0, 0, paris)); !errors.Is(err, ErrNeverCloses) {
		t.Errorf("24/7 NextClose err = %v, want ErrNeverCloses", err)
	}
}
