package report

import (
	"testing"

	"golang.org/x/text/language"
)

var sinkBytes []byte

// BenchmarkRender renders the sample month (31 days, two services, five
// checks, 90 backup runs) in each format and language.
func BenchmarkRender(b *testing.B) {
	r := sampleReport(b)
	for _, c := range []struct {
		name string
		f    Format
		lang language.Tag
	}{{"markdown-fr", Markdown, language.French}, {"html-fr", HTML, language.French}, {"html-en", HTML, language.English}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				out, err := r.Render(c.f, c.lang)
				if err != nil {
					b.Fatal(err)
				}
				sinkBytes = out
			}
			b.SetBytes(int64(len(sinkBytes)))
		})
	}
}

// BenchmarkBuild computes the sample month's report from raw data: 1 240
// probes, 132 calls, 5 outages, 90 backup runs.
func BenchmarkBuild(b *testing.B) {
	doc := sampleDocument(b)
	b.ReportAllocs()
	for b.Loop() {
		in, err := Build(doc)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := New(in); err != nil {
			b.Fatal(err)
		}
	}
}
