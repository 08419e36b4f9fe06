package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/openmarches/marches/clauses"
	"github.com/openmarches/marches/internal/fielderr"
	"github.com/openmarches/marches/priority"
	"github.com/openmarches/marches/procurement"
	"github.com/openmarches/marches/sla"
)

var (
	errClausesWrite = fielderr.NewRule("write_failed", "marches: cannot write the output file")
	errClausesLint  = fielderr.NewRule("lint_problems", "marches: the clause library has problems (listed on standard output)")
	errClausesData  = fielderr.NewRule("clauses_data", "marches: the demo's clause data cannot be derived")
)

func clausesCommands() []command {
	return []command{
		{"clauses assemble", "Assemble a tender document (rc, ccap, ae) from a clause library and layers, to Markdown, HTML or DOCX", clausesAssembleCmd},
		{"clauses lint", "Check a clause library and its layers: JSON list of problems, exit 2 if any", clausesLintCmd},
		{"clauses upgrade", "Review a client layer against a new vendor library: JSON upgrade report", clausesUpgradeCmd},
	}
}

// dirList is a repeatable flag of directories; a JSON array (from --input)
// sets them all at once.
type dirList []string

func (d *dirList) String() string { return strings.Join(*d, ",") }

func (d *dirList) Set(s string) error {
	if strings.HasPrefix(strings.TrimSpace(s), "[") {
		var list []string
		if err := json.Unmarshal([]byte(s), &list); err != nil {
			return &fielderr.Error{Field: "overlay", Value: s, Err: errUsage, Detail: "want a directory or a JSON array of directories"}
		}
		*d = append(*d, list...)
		return nil
	}
	*d = append(*d, s)
	return nil
}

// loadLibrary loads --library (the starter clausier when empty) and
// composes the overlays over it.
func loadLibrary(dir string, overlays []string) (*clauses.Library, error) {
	var lib *clauses.Library
	var err error
	if dir == "" {
		lib, err = clauses.Starter()
	} else {
		lib, err = clauses.Load(os.DirFS(dir))
	}
	if err != nil {
		return nil, err
	}
	if len(overlays) == 0 {
		return lib, nil
	}
	layers := make([]*clauses.Layer, 0, len(overlays))
	for _, o := range overlays {
		y, err := clauses.LoadLayer(os.DirFS(o))
		if err != nil {
			return nil, err
		}
		layers = append(layers, y)
	}
	return clauses.Compose(lib, layers...)
}

// readClausesData reads --data: {"consultation": {...}, "values": {...}},
// or a bare consultation document.
func readClausesData(path string, e *env) (clauses.Input, error) {
	if path == "" {
		return clauses.Input{}, &fielderr.Error{Field: "data", Err: errRequired}
	}
	data, err := readInput(path, e.stdin)
	if err != nil {
		return clauses.Input{}, renameField(err, "data")
	}
	var probe map[string]json.RawMessage
	if json.Unmarshal(data, &probe) == nil {
		if _, ok := probe["consultation"]; !ok {
			c, err := procurement.ParseConsultation(data)
			if err != nil {
				return clauses.Input{}, err
			}
			return clauses.Input{Consultation: c}, nil
		}
	}
	return clauses.ParseInput(data)
}

type clausesAssembleOut struct {
	Document string             `json:"document"`
	Format   string             `json:"format"`
	Output   string             `json:"output,omitempty"`
	Bytes    int                `json:"bytes"`
	SHA256   string             `json:"sha256"`
	Articles int                `json:"articles"`
	Annexes  int                `json:"annexes"`
	TOC      []clauses.TOCEntry `json:"toc"`
	Content  string             `json:"content,omitempty"`
	Identity clauses.Identity   `json:"identity"`
}

func render(d *clauses.Document, format string) ([]byte, error) {
	switch format {
	case "md":
		return d.Markdown(), nil
	case "html":
		return d.HTML(), nil
	case "docx":
		return d.DOCX()
	}
	return nil, &fielderr.Error{Field: "format", Value: format, Err: clauses.ErrInvalidFormat}
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func clausesAssembleCmd(fs *flag.FlagSet) func(*env) (any, error) {
	lib := fs.String("library", "", "clause library `DIR` (manifest.json and clause files); default: the built-in starter clausier")
	var overlays dirList
	fs.Var(&overlays, "overlay", "client layer `DIR` (layer.json and clause files), applied in order; repeatable")
	data := fs.String("data", "", "`FILE` (- for standard input): {\"consultation\": {...}, \"values\": {...}} or a bare consultation")
	doc := fs.String("document", "", "`ID` of the document: rc, ccap or ae (or any document of the library)")
	format := fs.String("format", "md", "output `FORMAT`: md, html or docx")
	out := fs.String("o", "", "write the document to `PATH`; without it md and html are returned in \"content\" (docx needs -o)")
	return func(e *env) (any, error) {
		l, err0 := loadLibrary(*lib, overlays)
		in, err1 := readClausesData(*data, e)
		var err2 error
		if *doc == "" {
			err2 = &fielderr.Error{Field: "document", Err: errRequired}
		}
		var err3 error
		if *format != "md" && *format != "html" && *format != "docx" {
			err3 = &fielderr.Error{Field: "format", Value: *format, Err: clauses.ErrInvalidFormat}
		} else if *format == "docx" && *out == "" {
			err3 = &fielderr.Error{Field: "o", Err: errRequired, Detail: "docx is written to a file"}
		}
		if err := joinFieldErrors(cliErr(err0), err1, err2, err3); err != nil {
			return nil, err
		}
		d, err := l.Assemble(*doc, in)
		if err != nil {
			return nil, cliErr(err)
		}
		b, err := render(d, *format)
		if err != nil {
			return nil, err
		}
		res := clausesAssembleOut{Document: d.ID(), Format: *format, Bytes: len(b), SHA256: sha(b),
			Articles: d.ArticleCount(), Annexes: d.AnnexCount(), TOC: d.TOC(), Identity: d.Identity()}
		if *out == "" {
			res.Content = string(b)
			return res, nil
		}
		if err := os.WriteFile(*out, b, 0o644); err != nil {
			return nil, &fielderr.Error{Field: "o", Value: *out, Err: errClausesWrite, Detail: opsPathErrDetail(err)}
		}
		res.Output = *out
		return res, nil
	}
}

// cliErr turns the Problems of a library's text into field errors named
// "file:line", so that the CLI's error list shows where each one is.
func cliErr(err error) error {
	ps := problemsOf(err)
	if ps == nil {
		return err
	}
	list := make([]*fielderr.Error, len(ps))
	for i, p := range ps {
		list[i] = &fielderr.Error{Field: p.File + ":" + strconv.Itoa(p.Line), Value: p.Clause, Err: p.Err, Detail: p.Message}
	}
	return fielderr.Join(list)
}

// problemsOf returns the problems inside err (Load, Compose), or nil.
func problemsOf(err error) []clauses.Problem {
	var ps clauses.Problems
	if errors.As(err, &ps) {
		return ps
	}
	return nil
}

func clausesLintCmd(fs *flag.FlagSet) func(*env) (any, error) {
	lib := fs.String("library", "", "clause library `DIR`; default: the built-in starter clausier")
	var overlays dirList
	fs.Var(&overlays, "overlay", "client layer `DIR`, applied in order; repeatable")
	data := fs.String("data", "", "optional `FILE` with the consultation and values, to check the documents as assembled")
	return func(e *env) (any, error) {
		l, err := loadLibrary(*lib, overlays)
		var ps []clauses.Problem
		if err != nil {
			if ps = problemsOf(err); ps == nil {
				return nil, err
			}
		} else {
			cfg := clauses.LintConfig{}
			if *data != "" {
				in, err := readClausesData(*data, e)
				if err != nil {
					return nil, err
				}
				cfg.Input = &in
			}
			ps = clauses.Lint(l, cfg)
		}
		if ps == nil {
			ps = []clauses.Problem{}
		}
		if len(ps) > 0 {
			if err := writeJSON(e.stdout, ps); err != nil {
				return nil, err
			}
			return nil, &fielderr.Error{Field: "library", Value: *lib, Err: errClausesLint, Detail: strconv.Itoa(len(ps)) + " problem(s)"}
		}
		return ps, nil
	}
}

func clausesUpgradeCmd(fs *flag.FlagSet) func(*env) (any, error) {
	from := fs.String("from", "", "the vendor library `DIR` the layer was written for")
	to := fs.String("to", "", "the new vendor library `DIR`")
	overlay := fs.String("overlay", "", "the client layer `DIR`")
	return func(e *env) (any, error) {
		if err := joinFieldErrors(required("from", *from), required("to", *to), required("overlay", *overlay)); err != nil {
			return nil, err
		}
		fl, err1 := clauses.Load(os.DirFS(*from))
		tl, err2 := clauses.Load(os.DirFS(*to))
		y, err3 := clauses.LoadLayer(os.DirFS(*overlay))
		if err := errors.Join(cliErr(err1), cliErr(err2), cliErr(err3)); err != nil {
			return nil, err
		}
		return clauses.Upgrade(fl, tl, y)
	}
}

// slaFrench writes a rule of the SLA policy the way the CCAP states it.
func slaFrench(r sla.Rule) string {
	plural := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.Itoa(n) + " " + many
	}
	release := func(k sla.ReleaseKind) string {
		switch k {
		case sla.Patch:
			return "dans le prochain correctif"
		case sla.Corrective:
			return "dans la prochaine version corrective"
		case sla.Intermediate:
			return "dans la prochaine version intermédiaire"
		case sla.ESR:
			return "dans la prochaine version majeure"
		}
		return ""
	}
	switch r.Kind {
	case sla.None:
		return "sans objet"
	case sla.Immediate:
		return "immédiate"
	case sla.BusinessDuration:
		return plural(int(r.Duration/time.Hour), "heure ouvrée", "heures ouvrées")
	case sla.BusinessDays:
		return plural(r.Days, "jour ouvré", "jours ouvrés")
	case sla.WallClock:
		return plural(int(r.Duration/time.Hour), "heure", "heures")
	case sla.NextRelease:
		return release(r.Release)
	case sla.AgreedDate:
		if r.Release != 0 {
			return "à la date convenue ; à défaut, " + release(r.Release)
		}
		return "à la date convenue"
	}
	return ""
}

func slaTermFrench(t sla.Term) string {
	s := slaFrench(t.InHours)
	if t.Split() {
		s += " ; hors heures ouvrées, " + slaFrench(t.OutOfHours)
	}
	return s
}

// contractValues derives the starter clausier's SLA variables from the
// packages that compute them, so that the CCAP states exactly the priority
// matrix (priority.Default) and the deadlines (sla.DefaultPolicy) the SDK
// applies.
func contractValues() (map[string]any, error) {
	m := priority.Default()
	crit := m.Criticalities()
	if len(crit) != 3 || crit[0].Code() != "haute" || crit[1].Code() != "moyenne" || crit[2].Code() != "faible" {
		return nil, &fielderr.Error{Field: "sla.matrice", Err: errClausesData, Detail: "the CCAP's table has the columns haute, moyenne, faible"}
	}
	var matrix []any
	for _, imp := range m.Impacts() {
		row := map[string]any{"impact": m.Label(imp, language.French)}
		for _, c := range crit {
			p, err := m.PriorityOf(c, imp)
			if err != nil {
				return nil, err
			}
			row[c.Code()] = p.Code()
		}
		matrix = append(matrix, row)
	}
	pol := sla.DefaultPolicy()
	var delays []any
	for _, code := range pol.Codes() {
		t, _ := pol.Terms(code)
		delays = append(delays, map[string]any{
			"priorite": code, "prise_en_compte": slaTermFrench(t.Acknowledge),
			"contournement": slaTermFrench(t.Workaround), "resolution": slaTermFrench(t.Resolve),
		})
	}
	return map[string]any{"sla.matrice": matrix, "sla.delais": delays}, nil
}

// demoClausesInput is the sample consultation with the values a buyer
// fills in and the SLA tables derived from the SDK.
func demoClausesInput() (clauses.Input, error) {
	vals, err := contractValues()
	if err != nil {
		return clauses.Input{}, err
	}
	vals["tribunal"] = "Tribunal administratif de Paris"
	vals["rc.plateforme"] = "https://achats.sipan.example.fr"
	return clauses.Input{Consultation: sampleConsultation(), Values: vals}, nil
}

type demoClausesDoc struct {
	ID       string            `json:"id"`
	Title    string            `json:"title"`
	Articles int               `json:"articles"`
	Annexes  int               `json:"annexes"`
	Bytes    map[string]int    `json:"bytes"`
	SHA256   map[string]string `json:"sha256"`
	Written  []string          `json:"written,omitempty"`
}

type demoClausesOut struct {
	Library   string            `json:"library"`
	Version   string            `json:"version"`
	Clauses   int               `json:"clauses"`
	Lint      int               `json:"lint_problems"`
	Identity  clauses.Identity  `json:"identity"`
	Documents []demoClausesDoc  `json:"documents"`
	CCAPTOC   []string          `json:"ccap_toc"`
	Derived   map[string]string `json:"derived_from_the_sdk"`
}

// demoClauses returns the demo's clauses section: the sample consultation's
// RC, CCAP and AE assembled from the starter clausier, with their article
// counts, the CCAP's table of contents and the SHA-256 of each rendering.
// When opts.reportDir is set it also writes the .md, .html and .docx files
// there.
func demoClauses(opts demoOptions) (any, error) {
	lib, err := clauses.Starter()
	if err != nil {
		return nil, err
	}
	in, err := demoClausesInput()
	if err != nil {
		return nil, err
	}
	s, err := lib.NewScope(in)
	if err != nil {
		return nil, err
	}
	docs, err := lib.AssembleAll(s)
	if err != nil {
		return nil, err
	}
	out := demoClausesOut{Library: lib.Name(), Version: lib.Version(), Clauses: len(lib.Clauses()),
		Lint: len(clauses.Lint(lib, clauses.LintConfig{Input: &in})),
		Derived: map[string]string{
			"ccap priority matrix":    "priority.Default()",
			"ccap intervention times": "sla.DefaultPolicy()",
			"ccap revision formula":   "pricing.ParseFormula, canonical French notation",
			"ccap payment time limit": "procurement.PaymentTimeLimit(local_authority)",
		}}
	for _, d := range docs {
		out.Identity = d.Identity()
		dd := demoClausesDoc{ID: d.ID(), Title: d.Title(), Articles: d.ArticleCount(), Annexes: d.AnnexCount(),
			Bytes: map[string]int{}, SHA256: map[string]string{}}
		for _, f := range []string{"md", "html", "docx"} {
			b, err := render(d, f)
			if err != nil {
				return nil, err
			}
			dd.Bytes[f] = len(b)
			dd.SHA256[f] = sha(b)
			if opts.reportDir != "" {
				path := filepath.Join(opts.reportDir, d.ID()+"."+f)
				if err := os.WriteFile(path, b, 0o644); err != nil {
					return nil, &fielderr.Error{Field: "report-dir", Value: opts.reportDir, Err: errClausesWrite, Detail: opsPathErrDetail(err)}
				}
				dd.Written = append(dd.Written, path)
			}
		}
		if d.ID() == "ccap" {
			for _, e := range d.TOC() {
				out.CCAPTOC = append(out.CCAPTOC, e.Heading())
			}
		}
		out.Documents = append(out.Documents, dd)
	}
	return out, nil
}
