package backup

import (
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/openmarches/marches/calendar"
)

// TestConcurrentUse shares one Policy and one input across goroutines, so
// that -race sees any hidden state, and checks every result is the same.
func TestConcurrentUse(t *testing.T) {
	p := mustPolicy(t, Config{})
	bs := nightly("2025-01-01", "2025-12-31", 2, 30)
	at := ts("2025-12-31T12:00:00+01:00")
	want, err := p.Retain(bs, at)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := p.Retain(bs, at)
			if err != nil || !cmp.Equal(want, got, cmp.Comparer(func(a, b calendar.Date) bool { return a == b })) {
				t.Error("different result under concurrency")
			}
			if _, err := p.Nights(bs, dateOf(at).AddDays(-60), dateOf(at), at); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}
