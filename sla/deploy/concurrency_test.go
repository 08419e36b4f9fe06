package deploy

import (
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestConcurrentUse shares one Rules value and one deadline list across
// goroutines so that -race sees any hidden state.
func TestConcurrentUse(t *testing.T) {
	r := mustRules(t, Config{})
	dls := []Deadline{dl("2026-03-10T15:30:00+01:00"), dl("2026-03-11T12:30:00+01:00")}
	d := Deployment{Start: ts("2026-03-10T12:45:00+01:00"), Expected: 20 * time.Minute}
	want, err := r.Check(d, dls)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := r.Check(d, dls)
			if err != nil || !cmp.Equal(want, got) {
				t.Error("different result under concurrency")
			}
		}()
	}
	wg.Wait()
}
