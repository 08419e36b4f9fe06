package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"strings"

	"golang.org/x/text/language"

	"github.com/openmarches/marches/internal/fielderr"
	"github.com/openmarches/marches/priority"
)

var (
	errInvalidLang      = fielderr.NewRule("invalid_lang", "marches: language must be fr or en")
	errInvalidFunctions = fielderr.NewRule("invalid_functions", `marches: functions must be a JSON array of {"name","criticality"} objects`)
)

func priorityCommands() []command {
	return []command{
		{"priority", "Priority of an incident from the criticality of the function and the impact", priorityCmd},
		{"priority matrix", "The priority matrix as a Markdown table, in French or English", priorityMatrixCmd},
		{"priority classify", "Qualify an incident: catalogue function and scope -> criticality, impact, priority, reason", priorityClassifyCmd},
	}
}

const matrixUsage = "priority matrix: a JSON `FILE` (see priority/schema/matrix.schema.json) or an inline JSON object; default: the contract's 3x3 matrix"

// loadMatrix reads --matrix: empty for the default, an inline JSON object,
// or a file. Violations are reported under "matrix.<path>".
func loadMatrix(arg string) (priority.Matrix, error) {
	if arg == "" {
		return priority.Default(), nil
	}
	data := []byte(arg)
	if !strings.HasPrefix(strings.TrimSpace(arg), "{") {
		var err error
		if data, err = os.ReadFile(arg); err != nil {
			return priority.Matrix{}, &fielderr.Error{Field: "matrix", Value: arg, Err: errInputReadFail, Detail: err.Error()}
		}
	}
	m, err := priority.ParseJSON(data)
	if err != nil {
		return priority.Matrix{}, renameField(err, "matrix")
	}
	return m, nil
}

func parseLang(s string) (language.Tag, error) {
	switch s {
	case "fr":
		return language.French, nil
	case "en":
		return language.English, nil
	}
	return language.Und, &fielderr.Error{Field: "lang", Value: s, Err: errInvalidLang}
}

func required(field, v string) error {
	if v == "" {
		return &fielderr.Error{Field: field, Err: errRequired}
	}
	return nil
}

func priorityCmd(fs *flag.FlagSet) func(*env) (any, error) {
	crit := fs.String("criticality", "", "criticality `CODE` of the affected function: haute, moyenne, faible (or a code of --matrix)")
	imp := fs.String("impact", "", "impact `CODE`, by the extent of users or objects affected: fort, moyen, reduit (or a code of --matrix)")
	mat := fs.String("matrix", "", matrixUsage)
	return func(*env) (any, error) {
		m, err0 := loadMatrix(*mat)
		if err := joinFieldErrors(err0, required("criticality", *crit), required("impact", *imp)); err != nil {
			return nil, err
		}
		p, err := m.Priority(*crit, *imp)
		if err != nil {
			return nil, err
		}
		return map[string]string{"priority": p.Code()}, nil
	}
}

func priorityMatrixCmd(fs *flag.FlagSet) func(*env) (any, error) {
	mat := fs.String("matrix", "", matrixUsage)
	lang := fs.String("lang", "fr", "`LANG` of the table: fr or en")
	return func(*env) (any, error) {
		m, err0 := loadMatrix(*mat)
		tag, err1 := parseLang(*lang)
		if err := joinFieldErrors(err0, err1); err != nil {
			return nil, err
		}
		return map[string]string{"markdown": m.Markdown(tag)}, nil
	}
}

// qualificationJSON is the output of "priority classify" and of the demo.
type qualificationJSON struct {
	Function    string `json:"function"`
	Criticality string `json:"criticality"`
	Impact      string `json:"impact"`
	Priority    string `json:"priority"`
	Rule        string `json:"rule"`
	Reason      string `json:"reason"`
}

func qualificationOut(q priority.Qualification, lang language.Tag) qualificationJSON {
	return qualificationJSON{
		Function: q.Function, Criticality: q.Criticality.Code(), Impact: q.Impact.Code(),
		Priority: q.Priority.Code(), Rule: q.Rule.String(), Reason: q.Reason(lang),
	}
}

func priorityClassifyCmd(fs *flag.FlagSet) func(*env) (any, error) {
	fn := fs.String("function", "", "`NAME` of the affected function in the catalogue (case, accents and spacing ignored)")
	users := fs.String("users", "", "affected `USERS`: user, critical_user, group, class (with --effect)")
	effect := fs.String("effect", "", "`EFFECT` on them: minor (with a workaround), disrupted, blocked")
	objects := fs.String("objects", "", "affected `OBJECTS`: few (one consultation, a few contracts), subcategory, all")
	funcs := fs.String("functions", "", "catalogue: a JSON `FILE` or inline array of {\"name\",\"criticality\"}; default: the contract's examples")
	mat := fs.String("matrix", "", matrixUsage)
	lang := fs.String("lang", "fr", "`LANG` of the reason: fr or en")
	return func(*env) (any, error) {
		m, err0 := loadMatrix(*mat)
		catalogue, err1 := loadFunctions(*funcs)
		tag, err2 := parseLang(*lang)
		var scope priority.Scope
		var errs [3]error
		if *users != "" {
			errs[0] = scope.Users.UnmarshalText([]byte(*users))
		}
		if *effect != "" {
			errs[1] = scope.Effect.UnmarshalText([]byte(*effect))
		}
		if *objects != "" {
			errs[2] = scope.Objects.UnmarshalText([]byte(*objects))
		}
		if err := joinFieldErrors(err0, err1, err2, required("function", *fn), errs[0], errs[1], errs[2]); err != nil {
			return nil, err
		}
		c, err := priority.NewClassifier(priority.ClassifierConfig{Matrix: m, Functions: catalogue})
		if err != nil {
			return nil, err
		}
		q, err := c.Classify(*fn, scope)
		if err != nil {
			return nil, stripScope(err)
		}
		return qualificationOut(q, tag), nil
	}
}

// stripScope renames "scope.users" to the flag name "users".
func stripScope(err error) error {
	var out []*fielderr.Error
	for _, e := range flatten(err) {
		fe, ok := e.(*fielderr.Error)
		if !ok {
			return err
		}
		c := *fe
		c.Field = strings.TrimPrefix(c.Field, "scope.")
		out = append(out, &c)
	}
	return fielderr.Join(out)
}

func loadFunctions(arg string) ([]priority.Function, error) {
	if arg == "" {
		return nil, nil
	}
	data := []byte(arg)
	if !strings.HasPrefix(strings.TrimSpace(arg), "[") {
		var err error
		if data, err = os.ReadFile(arg); err != nil {
			return nil, &fielderr.Error{Field: "functions", Value: arg, Err: errInputReadFail, Detail: err.Error()}
		}
	}
	var fns []priority.Function
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&fns); err != nil || dec.More() {
		detail := "trailing data after the array"
		if err != nil {
			detail = err.Error()
		}
		value := arg // the file name; inline JSON is not repeated
		if data != nil && string(data) == arg {
			value = ""
		}
		return nil, &fielderr.Error{Field: "functions", Value: value, Err: errInvalidFunctions, Detail: detail}
	}
	if fns == nil {
		fns = []priority.Function{} // "null": an empty catalogue, not the default
	}
	return fns, nil
}

// demoPriorityOut is the demo's priority section: the contract's matrix and
// the qualification of a sample incident.
type demoPriorityOut struct {
	MatrixFR string           `json:"matrix_markdown_fr"`
	Incident demoIncidentQual `json:"sample_incident"`
}

type demoIncidentQual struct {
	Description string         `json:"description"`
	Scope       priority.Scope `json:"scope"`
	qualificationJSON
}

// demoPriority returns the demo's priority section.
func demoPriority() (any, error) {
	m := priority.Default()
	// "Dépôt des offres impossible pour toutes les entreprises": the bid
	// submission function (haute), a whole class of users (the companies)
	// fully blocked (fort) → P1.
	scope := priority.Scope{Users: priority.UserClass, Effect: priority.Blocked}
	q, err := priority.Classifier{}.Classify("dépôt électronique des offres", scope)
	if err != nil {
		return nil, err
	}
	return demoPriorityOut{
		MatrixFR: m.Markdown(language.French),
		Incident: demoIncidentQual{
			Description:       "dépôt des offres impossible pour toutes les entreprises",
			Scope:             scope,
			qualificationJSON: qualificationOut(q, language.French),
		},
	}, nil
}
