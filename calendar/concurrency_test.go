package calendar

import (
	"sync"
	"testing"
	"time"
)

// TestConcurrentUse shares one Calendar between goroutines that all hit
// cold years at once, so that -race sees the lazy table publication, and
// checks they all agree.
func TestConcurrentUse(t *testing.T) {
	c := MustNew(Config{Territory: "67"})
	loc := c.Location()
	from := time.Date(2030, 1, 1, 0, 0, 0, 0, loc)
	to := time.Date(2040, 1, 1, 0, 0, 0, 0, loc)
	want := make([]time.Duration, 8)
	var wg sync.WaitGroup
	for g := range want {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d, err := c.Between(from, to)
			if err != nil {
				t.Error(err)
			}
			if _, err := c.Add(from, d); err != nil {
				t.Error(err)
			}
			_, _ = c.AddDays(MustDate(2035, 6, 1), 30, JoursOuvres)
			want[g] = d
		}()
	}
	wg.Wait()
	for _, d := range want[1:] {
		if d != want[0] {
			t.Fatalf("goroutines disagree: %v", want)
		}
	}
}
