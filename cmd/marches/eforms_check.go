package main

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"

	"github.com/openmarches/marches/internal/fielderr"
	"github.com/openmarches/marches/procurement/eforms"
)

// "marches eforms check": the pre-flight validation of an eForms notice
// against an SDK directory (procurement/eforms, SDK.Check).

func eformsCheckCommands() []command {
	return []command{
		{"eforms check", "Check an eForms notice (XML) against an SDK directory: mandatory and forbidden fields, codes, formats, references; exit 2 when invalid", eformsCheckCmd},
	}
}

var (
	errEFormsNoSDK   = fielderr.NewRule("eforms_sdk_required", "marches: the eForms SDK directory is required (--sdk DIR or EFORMS_SDK)")
	errEFormsInvalid = fielderr.NewRule("eforms_notice_invalid", "marches: the notice has problems (see the report on standard output)")
)

// eformsCheckResult is the output of "marches eforms check".
type eformsCheckResult struct {
	Valid    bool                 `json:"valid"`
	SDK      string               `json:"sdk"`
	Subtype  string               `json:"subtype"`
	Problems []eformsCheckProblem `json:"problems"`
	// Skipped lists the SDK constraints of the subtype whose condition
	// Check cannot evaluate; the official validation checks them.
	Skipped []eforms.SkippedRule `json:"skipped"`
}

// eformsCheckProblem is one problem: the business term ("BT-21"), the SDK
// field ("BT-21-Lot") and its English label, the field's absolute XPath,
// the entity concerned ("LOT-0002"), the offending value, the line, and
// the messages in French and English.
type eformsCheckProblem struct {
	Kind      string `json:"kind"`
	BT        string `json:"bt"`
	Field     string `json:"field"`
	Label     string `json:"label"`
	XPath     string `json:"xpath"`
	Instance  string `json:"instance,omitempty"`
	Value     string `json:"value,omitempty"`
	Line      int    `json:"line,omitempty"`
	Condition string `json:"condition,omitempty"`
	MessageFR string `json:"message_fr"`
	MessageEN string `json:"message_en"`
}

// eformsCheckCmd declares --input itself: the file is the notice (XML).
// The notice may also be given as the one argument after the flags, when
// the CLI core passes arguments through.
//
// A valid notice prints the report and exits 0. An invalid one prints the
// same report on standard output, then the error object on standard error,
// and exits 2. A notice that is not XML, or an SDK directory that cannot
// be read, gives only the error object (exit 2).
func eformsCheckCmd(fs *flag.FlagSet) func(*env) (any, error) {
	sdkDir := fs.String("sdk", "", "eForms SDK `DIR`ectory, e.g. shared/eforms-sdk/1.15.1 (default: $EFORMS_SDK)")
	in := fs.String("input", "", "read the notice (XML) from `FILE` (- for standard input)")
	return func(e *env) (any, error) {
		dir := *sdkDir
		if dir == "" {
			dir = os.Getenv("EFORMS_SDK")
		}
		if dir == "" {
			return nil, &fielderr.Error{Field: "sdk", Err: errEFormsNoSDK}
		}
		path := *in
		if path == "" && fs.NArg() == 1 {
			path = fs.Arg(0)
		}
		if path == "" {
			return nil, &fielderr.Error{Field: "input", Err: errRequired, Detail: "give the notice with --input FILE.xml or --input -"}
		}
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			detail := "not a directory"
			if err != nil {
				detail = err.Error()
			}
			return nil, &fielderr.Error{Field: "sdk", Value: dir, Err: eforms.ErrSDKUnreadable, Detail: detail}
		}
		data, err := readInput(path, e.stdin)
		if err != nil {
			return nil, err
		}
		sdk, err := eforms.LoadSDK(os.DirFS(dir))
		if err != nil {
			var fe *fielderr.Error
			if errors.As(err, &fe) && fe.Value != "" {
				cp := *fe // name the file with its directory
				cp.Value = filepath.Join(dir, fe.Value)
				return nil, &cp
			}
			return nil, err
		}
		rep, err := sdk.Check(data)
		if err != nil {
			return nil, eformsCheckInputError(err)
		}
		res := eformsCheckReport(rep)
		if res.Valid {
			return res, nil
		}
		if err := writeJSON(e.stdout, res); err != nil {
			return nil, err
		}
		return nil, &fielderr.Error{Field: "input", Value: path, Err: errEFormsInvalid,
			Detail: eformsCheckCount(len(res.Problems))}
	}
}

// eformsCheckInputError names the input as the field of a Check error
// (the library says "notice").
func eformsCheckInputError(err error) error {
	var fe *fielderr.Error
	if errors.As(err, &fe) {
		cp := *fe
		cp.Field = "input"
		return &cp
	}
	return err
}

func eformsCheckReport(rep *eforms.CheckReport) *eformsCheckResult {
	res := &eformsCheckResult{
		Valid:    rep.Valid(),
		SDK:      rep.SDKVersion,
		Subtype:  rep.Subtype,
		Problems: []eformsCheckProblem{},
		Skipped:  rep.Skipped,
	}
	for _, p := range rep.Problems {
		res.Problems = append(res.Problems, eformsCheckProblem{
			Kind: p.Kind.String(), BT: p.BT, Field: p.Field, Label: p.Label, XPath: p.XPath,
			Instance: p.Instance, Value: p.Value, Line: p.Line, Condition: p.Condition,
			MessageFR: p.MessageFR, MessageEN: p.MessageEN,
		})
	}
	return res
}

// eformsCheckCount says "1 problem", "3 problems".
func eformsCheckCount(n int) string {
	if n == 1 {
		return "1 problem"
	}
	return strconv.Itoa(n) + " problems"
}
