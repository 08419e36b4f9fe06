package procurement

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/openmarches/marches/calendar"
	"github.com/shopspring/decimal"
)

// sameValue compares consultations by value: decimals by amount (the
// parser keeps the scale written, Marshal writes 2 decimals), times as
// instants, empty and nil slices alike.
var sameValue = cmp.Options{
	cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
	cmp.Comparer(func(a, b calendar.Date) bool { return a == b }),
	cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) }),
	cmpopts.EquateEmpty(),
}

func addModelSeeds(f *testing.F) {
	for _, name := range []string{"sample_consultation.json", "consultation_restricted_no_lots.json", "consultation_invalid.json"} {
		f.Add(readModelTestdata(f, name))
	}
	for _, s := range []string{
		``, `null`, `[]`, `{}`, `{"a":`, `{"lots":[{"number":1e99}]}`, `{"lots":[{"number":"1"}]}`,
		`{"estimatedValue":"0.001","durationMonths":-0}`, `{"tendersDeadline":"2026-06-15T24:00:00+02:00"}`,
		`{"buyer":{"siret":"356 000 000 49837"}}`, `{"title":"\ud800"}`,
	} {
		f.Add([]byte(s))
	}
}

// FuzzParseConsultation: never panics; an error is a sorted list of
// FieldErrors (or one syntax error); a valid document marshals, parses
// back to the same value, and marshals to the same bytes.
func FuzzParseConsultation(f *testing.F) {
	addModelSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		c, err := ParseConsultation(data)
		if err != nil {
			if !reflect.ValueOf(c).IsZero() {
				t.Fatal("non-zero Consultation with an error")
			}
			checkProblemList(t, err)
			return
		}
		if verr := c.Validate(); verr != nil {
			t.Fatalf("ParseConsultation accepted a consultation that Validate rejects: %v", verr)
		}
		out, err := Marshal(c)
		if err != nil {
			t.Fatalf("Marshal of a parsed consultation: %v", err)
		}
		c2, err := ParseConsultation(out)
		if err != nil {
			t.Fatalf("ParseConsultation(Marshal(c)): %v\n%s", err, out)
		}
		if diff := cmp.Diff(c, c2, sameValue); diff != "" {
			t.Fatalf("round trip changed the consultation (-first +second):\n%s", diff)
		}
		out2, err := Marshal(c2)
		if err != nil || string(out2) != string(out) {
			t.Fatalf("Marshal is not stable: %v\n%s\n%s", err, out, out2)
		}
	})
}

// FuzzConsultationUnmarshalJSON: the decoder used without the schema never
// panics, reports FieldErrors, and what it decodes and Marshal accepts
// decodes back to the same value.
func FuzzConsultationUnmarshalJSON(f *testing.F) {
	addModelSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		var c Consultation
		if err := c.UnmarshalJSON(data); err != nil {
			checkProblemList(t, err)
			return
		}
		_ = c.Validate()
		out, err := c.MarshalJSON()
		if err != nil {
			// Only what cannot be written faithfully: sub-cent amounts.
			for _, e := range modelFlatten(err) {
				if !errors.Is(e, ErrAmountCents) {
					t.Fatalf("MarshalJSON of a decoded consultation: %v", e)
				}
			}
			return
		}
		var c2 Consultation
		if err := c2.UnmarshalJSON(out); err != nil {
			t.Fatalf("UnmarshalJSON(MarshalJSON(c)): %v\n%s", err, out)
		}
		if diff := cmp.Diff(c, c2, sameValue); diff != "" {
			t.Fatalf("round trip changed the consultation (-first +second):\n%s", diff)
		}
	})
}

// checkProblemList checks the shape of an error of the model: FieldErrors
// with a rule, sorted by path.
func checkProblemList(t *testing.T, err error) {
	t.Helper()
	prev := ""
	for i, e := range modelFlatten(err) {
		var fe *FieldError
		if !errors.As(e, &fe) || fe.Err == nil {
			t.Fatalf("problem %d is not a FieldError with a rule: %#v", i, e)
		}
		if i > 0 && strings.Compare(prev, fe.Field) > 0 {
			t.Fatalf("problems not sorted: %q after %q", fe.Field, prev)
		}
		prev = fe.Field
	}
}
