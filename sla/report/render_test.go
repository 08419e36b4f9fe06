package report

import (
	"testing"

	"golang.org/x/text/language"

	"github.com/openmarches/marches/internal/golden"
)

func TestGolden(t *testing.T) {
	r := sampleReport(t)
	for _, tt := range []struct {
		name string
		lang language.Tag
	}{{"fr", language.French}, {"en", language.English}} {
		golden.Check(t, "march_"+tt.name+".md", r.Markdown(tt.lang))
		golden.Check(t, "march_"+tt.name+".html", r.HTML(tt.lang))
	}
}
