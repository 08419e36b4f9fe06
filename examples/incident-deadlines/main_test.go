package main

import (
	"bytes"
	"testing"

	"github.com/openmarches/marches/internal/golden"
)

// TestOutput pins the example's output; the P1 line is the contract's rule
// worked out by hand: opened Friday 18:30 (in hours), acknowledged
// immediately, workaround 2 business hours (18:30-19:00, then Monday
// 09:00-10:30), resolution the same time on the next working day (Monday
// 18:30).
func TestOutput(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"acknowledge: 2026-11-27T18:30:00+01:00",
		"workaround:  2026-11-30T10:30:00+01:00",
		"resolve:     2026-11-30T18:30:00+01:00",
		"workaround:  2026-12-28T17:00:00+01:00", // P2 on Christmas Eve: next working day, same time
		"resolve:     2026-12-30T17:00:00+01:00", // 3 working days: 28, 29, 30 December,
	} {
		if !bytes.Contains(out.Bytes(), []byte(want)) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	golden.Check(t, "output", out.Bytes())
}
