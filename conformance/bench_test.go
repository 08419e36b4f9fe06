package conformance

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

func benchSetup(b *testing.B) (*Set, Answers, []byte) {
	b.Helper()
	s, err := Shipped()
	if err != nil {
		b.Fatal(err)
	}
	a, err := ComputeAnswers(s)
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteAnswersCSV(&buf, a); err != nil {
		b.Fatal(err)
	}
	return s, a, buf.Bytes()
}

// BenchmarkVerify checks the SDK's own answers to every shipped vector,
// beside what a user would otherwise write: decode both sides into any
// and compare with reflect.DeepEqual (no diff, and 5 != "5").
func BenchmarkVerify(b *testing.B) {
	s, a, _ := benchSetup(b)
	b.Run("marches", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if r, err := Verify(s, a, Options{}); err != nil || !r.OK {
				b.Fatal("verify failed")
			}
		}
	})
	answers := map[string]json.RawMessage{}
	for _, f := range s.Families() {
		for _, v := range f.Vectors {
			answers[v.ID] = v.Expected
		}
	}
	b.Run("naive-deep-equal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, f := range s.families {
				for _, v := range f.Vectors {
					var want, got any
					_ = json.Unmarshal(v.Expected, &want)
					_ = json.Unmarshal(answers[v.ID], &got)
					if !reflect.DeepEqual(want, got) {
						b.Fatal("differs")
					}
				}
			}
		}
	})
}

func BenchmarkParseAnswers(b *testing.B) {
	_, _, csvData := benchSetup(b)
	b.SetBytes(int64(len(csvData)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseAnswersCSV(csvData); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkComputeAnswers is the recompute step of CI: every vector
// recomputed by the SDK from its inputs.
func BenchmarkComputeAnswers(b *testing.B) {
	s, _, _ := benchSetup(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ComputeAnswers(s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJUnit(b *testing.B) {
	s, a, _ := benchSetup(b)
	r, err := Verify(s, a, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.JUnit(); err != nil {
			b.Fatal(err)
		}
	}
}
