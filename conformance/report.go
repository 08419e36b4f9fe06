package conformance

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
)

// Text renders the report for people, in English, deterministically:
// one line per family (PASS, FAIL or SKIP with the count passed), then
// for each failed vector its id, operation, descriptions and one line per
// difference, then the unknown ids and a summary line. Lines end with
// "\n".
func (r *Report) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "marches conformance (%s): %s, %s\n", r.Format, plural(len(r.Families), "family", "families"), plural(r.Vectors, "vector", "vectors"))
	width := 0
	for _, f := range r.Families {
		width = max(width, len(f.Family))
	}
	answered := 0
	failedFamilies := 0
	skipped := 0
	for _, f := range r.Families {
		switch f.Status {
		case StatusPassed:
			answered++
			fmt.Fprintf(&b, "PASS  %-*s  %d/%d\n", width, f.Family, f.Passed, f.Vectors)
		case StatusFailed:
			answered++
			failedFamilies++
			fmt.Fprintf(&b, "FAIL  %-*s  %d/%d", width, f.Family, f.Passed, f.Vectors)
			var parts []string
			if f.Failed > 0 {
				parts = append(parts, strconv.Itoa(f.Failed)+" wrong")
			}
			if f.Missing > 0 {
				parts = append(parts, strconv.Itoa(f.Missing)+" not answered")
			}
			b.WriteString("  (" + strings.Join(parts, ", ") + ")\n")
			for _, c := range f.Cases {
				switch c.Status {
				case StatusFailed:
					fmt.Fprintf(&b, "      %s [%s]\n", c.ID, c.Operation)
					fmt.Fprintf(&b, "        fr: %s\n", c.Description.FR)
					fmt.Fprintf(&b, "        en: %s\n", c.Description.EN)
					for _, d := range c.Diffs {
						fmt.Fprintf(&b, "        %s\n", d)
					}
				case StatusMissing:
					fmt.Fprintf(&b, "      %s [%s]: no answer\n", c.ID, c.Operation)
				}
			}
		default:
			skipped++
			fmt.Fprintf(&b, "SKIP  %-*s  no answers (%d vectors)\n", width, f.Family, f.Vectors)
		}
	}
	for _, id := range r.Unknown {
		fmt.Fprintf(&b, "UNKNOWN  %s: answered, but no vector has this id\n", id)
	}
	checked := r.Passed + r.Failed + r.Missing
	if r.OK {
		fmt.Fprintf(&b, "OK: %d of %s passed in %s", r.Passed, plural(checked, "checked vector", "checked vectors"), plural(answered, "family", "families"))
	} else {
		fmt.Fprintf(&b, "FAIL: %d of %s wrong or not answered in %d of %s", r.Failed+r.Missing, plural(checked, "checked vector", "checked vectors"),
			failedFamilies, plural(answered, "family", "families"))
		if len(r.Unknown) > 0 {
			fmt.Fprintf(&b, ", %s", plural(len(r.Unknown), "unknown id", "unknown ids"))
		}
	}
	if skipped > 0 {
		fmt.Fprintf(&b, "; %s skipped (no answers)", plural(skipped, "family", "families"))
	}
	if r.Ignored > 0 {
		fmt.Fprintf(&b, "; %s ignored (families not selected)", plural(r.Ignored, "answer", "answers"))
	}
	b.WriteString("\n")
	return b.String()
}

// JUnit XML shapes, in the element and attribute order JUnit viewers
// expect (the Ant/Jenkins/GitLab schema): testsuites > testsuite >
// testcase > failure | skipped.
//
// The root carries no "skipped" attribute: the JUnit schema of the
// Jenkins xUnit plugin (junit-10.xsd) allows it on testsuite only, and
// validates the reports it loads.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Time     string      `xml:"time,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// JUnit renders the report as JUnit XML for CI systems: one testsuite per
// family, one testcase per vector (name: the vector id; classname:
// family.operation), a failure element with the differences for a wrong
// or missing answer, a skipped element for a family without answers, and
// a testsuite "unknown-ids" with one failure per answered id that no
// vector has. Times are "0" (nothing is timed, so the output is
// deterministic). The document starts with the XML declaration and ends
// with a newline. Text that XML cannot carry (control characters from an
// answers file) is written as U+FFFD, so the document is always
// well-formed. The error comes only from encoding/xml.
func (r *Report) JUnit() ([]byte, error) {
	doc := junitSuites{Name: "marches conformance", Time: "0"}
	for _, f := range r.Families {
		s := junitSuite{Name: f.Family, Time: "0"}
		for _, c := range f.Cases {
			jc := junitCase{Name: c.ID, Classname: f.Family + "." + c.Operation, Time: "0"}
			switch c.Status {
			case StatusFailed:
				lines := []string{"fr: " + c.Description.FR, "en: " + c.Description.EN}
				for _, d := range c.Diffs {
					lines = append(lines, d.String())
				}
				msg := strconv.Itoa(len(c.Diffs)) + " difference"
				if len(c.Diffs) > 1 {
					msg += "s"
				}
				jc.Failure = &junitFailure{Message: msg, Type: "wrong_answer", Text: strings.Join(lines, "\n")}
				s.Failures++
			case StatusMissing:
				jc.Failure = &junitFailure{Message: "no answer", Type: "missing_answer", Text: "fr: " + c.Description.FR + "\nen: " + c.Description.EN}
				s.Failures++
			case StatusSkipped:
				jc.Skipped = &junitSkipped{Message: "family not answered"}
				s.Skipped++
			}
			s.Cases = append(s.Cases, jc)
			s.Tests++
		}
		doc.Suites = append(doc.Suites, s)
	}
	if len(r.Unknown) > 0 {
		s := junitSuite{Name: "unknown-ids", Time: "0"}
		for _, id := range r.Unknown {
			s.Cases = append(s.Cases, junitCase{Name: id, Classname: "unknown-ids", Time: "0",
				Failure: &junitFailure{Message: "unknown id", Type: "unknown_id", Text: "answered, but no vector has this id"}})
			s.Tests++
			s.Failures++
		}
		doc.Suites = append(doc.Suites, s)
	}
	for _, s := range doc.Suites {
		doc.Tests += s.Tests
		doc.Failures += s.Failures
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	buf.WriteString("\n")
	return buf.Bytes(), nil
}

// plural writes n and the noun in the singular for 1, the plural
// otherwise.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
