package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"strings"

	"github.com/openmarches/marches/conformance"
	"github.com/openmarches/marches/internal/fielderr"
)

// Commands of the conformance kit: check another system's answers against
// the published test vectors, and export the vectors for non-Go test
// suites.

func conformanceCommands() []command {
	return []command{
		{"verify", "Check another system's answers against the conformance vectors; exit 0 all right, 1 an answer wrong or missing, 2 bad input", verifyCmd},
		{"vectors export", "The conformance vectors of a family (or all) as JSON or CSV, for non-Go test suites", vectorsExportCmd},
		{"vectors make", "A one-vector family from your own inputs (a month of outages...), its expected output computed by marches", vectorsMakeCmd},
	}
}

// Exit status of verify when the answers are wrong, distinct from bad
// input (exitBadInput).
const exitAnswersWrong = 1

var (
	errConformanceFormat = fielderr.NewRule("invalid_format", "marches: format must be one of those listed in the help")
)

// loadVectors returns the shipped vectors, or those of dir.
func loadVectors(dir string) (*conformance.Set, error) {
	if dir == "" {
		return conformance.Shipped()
	}
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		detail := "not a directory"
		if err != nil {
			detail = err.Error()
		}
		return nil, &fielderr.Error{Field: "vectors", Value: dir, Err: conformance.ErrNoVectors, Detail: detail}
	}
	s, err := conformance.Load(os.DirFS(dir))
	if err != nil {
		err = prefixFields(err, "vectors")
		for _, e := range flatten(err) {
			if fe, ok := e.(*fielderr.Error); ok && fe.Field == "vectors" && fe.Value == "" {
				fe.Value = dir
			}
		}
		return nil, err
	}
	return s, nil
}

// prefixFields names the input of every violation in err: a field that
// is empty becomes name, one that does not start with name is prefixed
// ("line 3" becomes "answers line 3", "calendar-days.json: vectors[1].id"
// becomes "vectors calendar-days.json: vectors[1].id").
func prefixFields(err error, name string) error {
	var out []*fielderr.Error
	for _, e := range flatten(err) {
		fe, ok := e.(*fielderr.Error)
		if !ok {
			return err
		}
		c := *fe
		switch {
		case c.Field == "":
			c.Field = name
		case c.Field == name || strings.HasPrefix(c.Field, name+".") || strings.HasPrefix(c.Field, name+" "):
		default:
			c.Field = name + " " + c.Field
		}
		out = append(out, &c)
	}
	return fielderr.Join(out)
}

// families resolves --family: one name, a comma-separated list, or all.
func families(s *conformance.Set, spec string) ([]*conformance.Family, error) {
	if spec == "" {
		return nil, &fielderr.Error{Field: "family", Err: errRequired, Detail: "known: all, " + strings.Join(s.Names(), ", ")}
	}
	if spec == "all" {
		return s.Families(), nil
	}
	var out []*conformance.Family
	var errs []error
	for _, name := range strings.Split(spec, ",") {
		f, err := s.Family(strings.TrimSpace(name))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, f)
	}
	if err := joinFieldErrors(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

func verifyCmd(fs *flag.FlagSet) func(*env) (any, error) {
	vectors := fs.String("vectors", "", "`DIR` of vectors files (*.json); default: the vectors shipped in this binary")
	answers := fs.String("answers", "", "answers `FILE` (- for standard input): a JSON object {\"vector id\": output} or a CSV file id,path,value")
	format := fs.String("format", "text", "report `FORMAT`: text, json or junit (JUnit XML for CI systems)")
	family := fs.String("family", "", "check only these `FAMILIES` (comma-separated), each vector of which must be answered; default: every family answered at least once")
	return func(e *env) (any, error) {
		var errs []error
		if *answers == "" {
			errs = append(errs, &fielderr.Error{Field: "answers", Err: errRequired})
		}
		switch *format {
		case "text", "json", "junit":
		default:
			errs = append(errs, &fielderr.Error{Field: "format", Value: *format, Err: errConformanceFormat, Detail: "want text, json or junit"})
		}
		if err := joinFieldErrors(errs...); err != nil {
			return nil, err
		}
		set, err := loadVectors(*vectors)
		if err != nil {
			return nil, err
		}
		data, err := readInput(*answers, e.stdin)
		if err != nil {
			var fe *fielderr.Error
			if errors.As(err, &fe) {
				c := *fe
				c.Field = "answers"
				return nil, &c
			}
			return nil, err
		}
		a, err := conformance.ParseAnswers(data)
		if err != nil {
			return nil, prefixFields(err, "answers")
		}
		var opts conformance.Options
		if *family != "" {
			for _, f := range strings.Split(*family, ",") {
				opts.Families = append(opts.Families, strings.TrimSpace(f))
			}
		}
		r, err := conformance.Verify(set, a, opts)
		if err != nil {
			// The library names its option "families"; the flag is --family.
			for _, e := range flatten(err) {
				if fe, ok := e.(*fielderr.Error); ok && fe.Field == "families" {
					fe.Field = "family"
				}
			}
			return nil, err
		}
		var body []byte
		switch *format {
		case "text":
			body = []byte(r.Text())
		case "json":
			var buf bytes.Buffer
			if err := writeJSON(&buf, r); err != nil {
				return nil, err
			}
			body = buf.Bytes()
		case "junit":
			if body, err = r.JUnit(); err != nil {
				return nil, err
			}
		}
		code := exitOK
		if !r.OK {
			code = exitAnswersWrong
		}
		return rawOutput{body: body, code: code}, nil
	}
}

func vectorsExportCmd(fs *flag.FlagSet) func(*env) (any, error) {
	family := fs.String("family", "", "`FAMILY` to export (calendar-days...), a comma-separated list, or all")
	format := fs.String("format", "json", "`FORMAT`: json (the vectors file; several families as {\"format\",\"families\"}) or csv (family,id,operation,part,path,value)")
	vectors := fs.String("vectors", "", "`DIR` of vectors files; default: the vectors shipped in this binary")
	return func(e *env) (any, error) {
		if *format != "json" && *format != "csv" {
			return nil, &fielderr.Error{Field: "format", Value: *format, Err: errConformanceFormat, Detail: "want json or csv"}
		}
		set, err := loadVectors(*vectors)
		if err != nil {
			return nil, err
		}
		fams, err := families(set, *family)
		if err != nil {
			return nil, err
		}
		if *family == "all" && *format == "json" {
			body, err := conformance.ExportJSON(fams...)
			if err != nil {
				return nil, err
			}
			return rawOutput{body: body}, nil
		}
		var buf bytes.Buffer
		if *format == "csv" {
			if err := conformance.ExportCSV(&buf, fams...); err != nil {
				return nil, err
			}
			return rawOutput{body: buf.Bytes()}, nil
		}
		body, err := conformance.ExportJSON(fams...)
		if err != nil {
			return nil, err
		}
		return rawOutput{body: body}, nil
	}
}

func vectorsMakeCmd(fs *flag.FlagSet) func(*env) (any, error) {
	family := fs.String("family", "", "`FAMILY` of the operation (sla-availability...)")
	operation := fs.String("operation", "", "`OPERATION` of the family (statement...); see the family's \"operations\" in marches vectors export")
	id := fs.String("id", "", "vector `ID`, starting with the family's prefix (sla.availability.buyer-2026-04)")
	in := fs.String("input", "", "read the operation's inputs, a JSON object, from `FILE` (- for standard input)")
	descFR := fs.String("description-fr", "", "description in French (`TEXT`)")
	descEN := fs.String("description-en", "", "description in English (`TEXT`)")
	basisRef := fs.String("basis", "", "the clause or rule the answer follows (`TEXT`)")
	basisSource := fs.String("basis-source", "", "where to read it (`URL or document`)")
	return func(e *env) (any, error) {
		var errs []error
		for _, r := range []struct{ name, v string }{{"family", *family}, {"operation", *operation}, {"id", *id}, {"input", *in}} {
			if r.v == "" {
				errs = append(errs, &fielderr.Error{Field: r.name, Err: errRequired})
			}
		}
		if err := joinFieldErrors(errs...); err != nil {
			return nil, err
		}
		data, err := readInput(*in, e.stdin)
		if err != nil {
			return nil, err
		}
		orDefault := func(s, def string) string {
			if s == "" {
				return def
			}
			return s
		}
		desc := conformance.Text{FR: orDefault(*descFR, "Vecteur construit avec marches vectors make."), EN: orDefault(*descEN, "Vector built with marches vectors make.")}
		basis := conformance.Basis{Ref: orDefault(*basisRef, "the rules of marches for "+*family+" "+*operation), Source: orDefault(*basisSource, "marches vectors export --family "+*family)}
		f, err := conformance.Make(*family, *operation, *id, desc, basis, json.RawMessage(data))
		if err != nil {
			return nil, err
		}
		body, err := f.MarshalIndent()
		if err != nil {
			return nil, err
		}
		return rawOutput{body: body}, nil
	}
}
