package report

import (
	"bytes"
	"encoding/xml"
	"errors"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"golang.org/x/text/language"

	"github.com/openmarches/marches/sla/availability"
	"github.com/openmarches/marches/sla/qos"
)

// TestDeterministic renders the same report twice and from several
// goroutines sharing it, in both formats and languages, and compares the
// bytes; with -race it also shows the report holds no hidden state.
func TestDeterministic(t *testing.T) {
	r := sampleReport(t)
	type out struct{ md, html []byte }
	render := func() map[string]out {
		m := map[string]out{}
		for _, tag := range []language.Tag{language.French, language.English} {
			m[tag.String()] = out{r.Markdown(tag), r.HTML(tag)}
		}
		return m
	}
	first := render()
	if !bytes.Equal(first["fr"].md, render()["fr"].md) {
		t.Fatal("two renderings differ")
	}
	// A report built again from the same data gives the same bytes.
	if !bytes.Equal(first["en"].html, sampleReport(t).HTML(language.English)) {
		t.Fatal("rebuilt report differs")
	}
	var wg sync.WaitGroup
	for range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got := render()
			for k, v := range first {
				if !bytes.Equal(v.md, got[k].md) || !bytes.Equal(v.html, got[k].html) {
					t.Errorf("%s: concurrent rendering differs", k)
				}
			}
		}()
	}
	wg.Wait()
}

// TestSelfContained: the HTML page loads nothing and runs nothing; every
// SVG chart is well-formed XML; the Markdown ends with one newline.
func TestSelfContained(t *testing.T) {
	r := sampleReport(t)
	for _, tag := range []language.Tag{language.French, language.English} {
		h := string(r.HTML(tag))
		for _, bad := range []string{"<script", "src=", "href=", "@import", "url(", "javascript:"} {
			if strings.Contains(h, bad) {
				t.Errorf("%v: HTML contains %q", tag, bad)
			}
		}
		if got := regexp.MustCompile(`https?://[^"]*`).FindAllString(h, -1); len(got) != 3 || got[0] != "http://www.w3.org/2000/svg" {
			t.Errorf("%v: external references %v", tag, got)
		}
		svgs := regexp.MustCompile(`(?s)<svg .*?</svg>`).FindAllString(h, -1)
		if len(svgs) != 3 {
			t.Fatalf("%d charts, want 3", len(svgs))
		}
		for _, s := range svgs {
			d := xml.NewDecoder(strings.NewReader(s))
			for {
				_, err := d.Token()
				if err != nil {
					if err.Error() != "EOF" {
						t.Fatalf("chart is not well-formed XML: %v", err)
					}
					break
				}
			}
		}
		md := r.Markdown(tag)
		if !bytes.HasSuffix(md, []byte("\n")) || bytes.HasSuffix(md, []byte("\n\n")) || bytes.Contains(md, []byte("\r")) {
			t.Errorf("%v: markdown line endings", tag)
		}
		// A chart inside Markdown is one HTML block: no blank line in it.
		for _, s := range regexp.MustCompile(`(?s)<svg .*?</svg>`).FindAllString(string(md), -1) {
			if strings.Contains(s, "\n\n") {
				t.Errorf("blank line inside a chart breaks the Markdown HTML block")
			}
		}
	}
}

// Hand-checked figures of the sample month (fixture_test.go), as they
// must read in the French report:
//   - platform: 19 min 30 s (INC-101) + 1 h (INC-103) = 4 770 s unavailable,
//     3 h of maintenance excluded; March 2026 lasts 743 h = 2 674 800 s,
//     NHT = 2 664 000 s = 30 j 20 h; (2 664 000 − 4 770) / 2 664 000 =
//     99.82094 %; budget 0.1 % × 2 664 000 = 2 664 s = 44 min 24 s,
//     remaining 2 664 − 4 770 = −2 106 s = −35 min 6 s.
//   - remote: 1 h 30 third party excluded, 50 min unplanned; NHT 2 669 400 s;
//     99.88761 %; budget 0.2 % = 5 338.8 → 5 338 s = 1 h 28 min 58 s.
//   - 4 March: 1 170 s down of 86 400: 98.6458 %; 18 March: 3 600 s:
//     95.8333 %.
//   - backups: 17 March has no run (missed), 24 March failed without a
//     re-run; a copy taken 16 March 02:30 expires 17 March 02:30 and the
//     next is 18 March 02:30: a 1-day gap.
func TestSampleFigures(t *testing.T) {
	md := string(sampleReport(t).Markdown(language.French))
	for _, want := range []string{
		"| Disponibilité de la plateforme | 30\u00a0j 23\u00a0h | 3\u00a0h | 1\u00a0h 19\u00a0min 30\u00a0s | 30\u00a0j 20\u00a0h | 99,8209\u202f% | 99,4179\u202f% | 44\u00a0min 24\u00a0s | -35\u00a0min 6\u00a0s |",
		"| Disponibilité des services distants | 30\u00a0j 23\u00a0h | 1\u00a0h 30\u00a0min | 50\u00a0min | 30\u00a0j 21\u00a0h 30\u00a0min | 99,8876\u202f% | 99,6860\u202f% | 1\u00a0h 28\u00a0min 58\u00a0s | 38\u00a0min 58\u00a0s |",
		"| 04/03/2026 | 98,6458\u202f% |",
		"| 18/03/2026 | 95,8333\u202f% |",
		"| 17/03/2026 | 02:00-04:00 | non exécutée |",
		"| 24/03/2026 | 02:00-04:00 | échec sans reprise |",
		"| 17/03/2026 02:30 | 18/03/2026 02:30 | 1\u00a0j |",
		"| M-1 | 01/02/2026 – 28/02/2026 | 28/02/2026 02:30 |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

func TestNewErrors(t *testing.T) {
	month, _ := availability.ParseMonth("2026-03", paris)
	_, err := New(Input{
		Title:            "bad\x07title",
		Period:           availability.Period{Start: month.End, End: month.Start},
		Availability:     []qos.AvailabilityLine{{Label: strings.Repeat("é", 201)}},
		AvailabilityDays: [][]availability.Result{{}, {}},
	})
	var got []string
	for _, e := range leaves(err) {
		fe := e.(*FieldError)
		got = append(got, fe.Field+" "+fe.Err.(interface{ Code() string }).Code())
	}
	want := []string{"availability[0].label invalid_text", "availability_days trend_mismatch", "kind invalid_kind", "period invalid_period", "title invalid_text"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// New copies the input: changing the caller's slices afterwards does not
// change the report.
func TestNewCopiesInput(t *testing.T) {
	in, err := Build(sampleDocument(t))
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(in)
	if err != nil {
		t.Fatal(err)
	}
	before := r.Markdown(language.French)
	in.Availability[0].Label = "changed"
	in.AvailabilityDays[0][3].Availability = decimal.New(1, 0)
	in.Backups.Nights[0].Status = 0
	in.QoS.Objectives[0].Objective.Label = "changed"
	if !bytes.Equal(before, r.Markdown(language.French)) {
		t.Error("report changed with its input")
	}
}

func TestFormats(t *testing.T) {
	fr, en := newLang(language.French), newLang(language.English)
	tests := []struct{ got, want string }{
		{fr.num("1234567.891"), "1\u202f234\u202f567,891"},
		{en.num("1234567.891"), "1,234,567.891"},
		{fr.num("-999"), "-999"},
		{fr.num("-1000"), "-1\u202f000"},
		{fr.int(0), "0"},
		{fr.pct(decimal.RequireFromString("99.95512"), 4), "99,9551\u202f%"},
		{en.pct(decimal.RequireFromString("99.95515"), 4), "99.9552%"},
		{fr.pctAsGiven(decimal.RequireFromString("99.9")), "99,9\u202f%"},
		{fr.pctAsGiven(decimal.New(80, 0)), "80\u202f%"},
		{fr.pctAsGiven(decimal.New(1, 2)), "100\u202f%"},
		{fr.dur(0), "0\u00a0s"},
		{fr.dur(3*24*time.Hour + 5*time.Minute + 999*time.Millisecond), "3\u00a0j 5\u00a0min"},
		{en.dur(-(90 * time.Second)), "-1\u00a0min 30\u00a0s"},
		{fr.dur(-time.Millisecond), "-0\u00a0s"},
		{fr.ms(1234567 * time.Microsecond), "1\u202f234\u00a0ms"},
		{fr.limit(2 * time.Second), "2\u00a0s"},
		{fr.limit(2500 * time.Millisecond), "2\u202f500\u00a0ms"},
		{fr.month(ts("2026-08-01T00:00:00+02:00")), "août 2026"},
		{en.month(ts("2026-08-01T00:00:00+02:00")), "August 2026"},
		{fr.date(ts("2026-08-01T00:00:00+02:00")), "01/08/2026"},
		{secondsLabel(fr, 2500), "2,5\u00a0s"},
		{secondsLabel(en, 250), "0.25\u00a0s"},
		{secondsLabel(fr, 60000), "60\u00a0s"},
		{px(1234), "123.4"}, {px(1230), "123"}, {px(-5), "-0.5"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestLanguages(t *testing.T) {
	for tag, en := range map[language.Tag]bool{
		language.French: false, language.Und: false, language.MustParse("fr-CA"): false, language.German: false,
		language.English: true, language.BritishEnglish: true, language.MustParse("en-FR"): true,
	} {
		if got := isEnglish(tag); got != en {
			t.Errorf("%v: English %v, want %v", tag, got, en)
		}
	}
}

func TestMarkdownEscaping(t *testing.T) {
	tests := []struct{ in, text, cell string }{
		{"a*b_c`d[e]f|g\\h&i", `a\*b\_c\` + "`" + `d\[e\]f\|g\\h\&i`, `a\*b\_c\` + "`" + `d\[e\]f\|g\\h\&i`},
		{"<script>x</script>", `\<script>x\</script>`, `\<script>x\</script>`},
		{"< 2 s", "< 2 s", "< 2 s"},
		{"# title", `\# title`, "# title"},
		{"- item", `\- item`, "- item"},
		{"> quote", `\> quote`, "> quote"},
		{"12. point", `12\. point`, "12. point"},
		{"12 points.", "12 points.", "12 points."},
		{"-35 min", `\-35 min`, "-35 min"},
		{"<!-- c -->", `\<!-- c -->`, `\<!-- c -->`},
	}
	for _, tt := range tests {
		if got := mdText(tt.in); got != tt.text {
			t.Errorf("mdText(%q) = %q, want %q", tt.in, got, tt.text)
		}
		if got := mdCell(tt.in); got != tt.cell {
			t.Errorf("mdCell(%q) = %q, want %q", tt.in, got, tt.cell)
		}
	}
}

func TestRenderFormat(t *testing.T) {
	r := sampleReport(t)
	for _, s := range []string{"md", "markdown", "html"} {
		f, err := ParseFormat(s)
		if err != nil {
			t.Fatal(err)
		}
		b, err := r.Render(f, language.Und)
		if err != nil || len(b) == 0 {
			t.Errorf("%s: %v", s, err)
		}
	}
	if _, err := ParseFormat("pdf"); !errors.Is(err, ErrInvalidFormat) {
		t.Errorf("pdf: %v", err)
	}
	if _, err := r.Render(Format(0), language.Und); !errors.Is(err, ErrInvalidFormat) {
		t.Errorf("zero format: %v", err)
	}
	if Monthly.String() != "monthly" || Daily.String() != "daily" || Kind(9).String() != "Kind(9)" || Format(0).String() != "" {
		t.Error("strings")
	}
}
