package main

import (
	"errors"
	"flag"
	"strings"

	"github.com/openmarches/marches/internal/fielderr"
	"github.com/openmarches/marches/procurement"
)

func procurementIDCommands() []command {
	return []command{
		{"procurement id", "Parse and validate one identifier: SIRET, SIREN, CPV, ACTES, VAT or NUTS", procurementIDCmd},
	}
}

// idKinds lists the identifier flags in the order of the help text.
var idKinds = []struct{ name, usage string }{
	{"siret", "`SIRET` (14 digits, spaces allowed) to check"},
	{"siren", "`SIREN` (9 digits, spaces allowed) to check"},
	{"cpv", "`CPV` code with its check digit (72000000-5) to check"},
	{"actes", "ACTES act `ID` (074-200011773-20260421-D_2026_0083-AU) to parse"},
	{"vat", "French `VAT` number (FR83404833048) to check"},
	{"nuts", "`NUTS` code (FRK28) to check; French codes against NUTS 2024"},
}

// idResult is the output of "procurement id": the kind, the input, its
// validity, and either the parsed parts or the problems. An invalid
// identifier is a result (exit 0), not a command-line error.
type idResult struct {
	Kind      string `json:"kind"`
	Input     string `json:"input"`
	Valid     bool   `json:"valid"`
	Canonical string `json:"canonical,omitempty"`

	SIREN string `json:"siren,omitempty"`
	NIC   string `json:"nic,omitempty"`
	VAT   string `json:"vat,omitempty"`
	Key   string `json:"key,omitempty"`

	Code       string `json:"code,omitempty"`
	CheckDigit *int   `json:"check_digit,omitempty"`
	Division   string `json:"division,omitempty"`
	Group      string `json:"group,omitempty"`
	Class      string `json:"class,omitempty"`
	Category   string `json:"category,omitempty"`

	Country string `json:"country,omitempty"`
	Version string `json:"version,omitempty"`
	Level   *int   `json:"level,omitempty"`

	Department  string `json:"department,omitempty"`
	Date        string `json:"date,omitempty"`
	Number      string `json:"number,omitempty"`
	Nature      string `json:"nature,omitempty"`
	NatureCode  int    `json:"nature_code,omitempty"`
	NatureLabel string `json:"nature_label,omitempty"`

	Problems []jsonError `json:"problems,omitempty"`
}

func procurementIDCmd(fs *flag.FlagSet) func(*env) (any, error) {
	values := map[string]*string{}
	for _, k := range idKinds {
		values[k.name] = fs.String(k.name, "", k.usage)
	}
	return func(*env) (any, error) {
		var given []string
		fs.Visit(func(f *flag.Flag) {
			if _, ok := values[f.Name]; ok {
				given = append(given, f.Name)
			}
		})
		if len(given) != 1 {
			return nil, &fielderr.Error{Field: "flags", Value: strings.Join(given, " "), Err: errUsage,
				Detail: "give exactly one of --siret, --siren, --cpv, --actes, --vat, --nuts"}
		}
		kind := given[0]
		return describeID(kind, *values[kind]), nil
	}
}

func describeID(kind, in string) idResult {
	r := idResult{Kind: kind, Input: in}
	var err error
	switch kind {
	case "siret":
		var v procurement.SIRET
		if v, err = procurement.ParseSIRET(in); err == nil {
			r.Canonical, r.SIREN, r.NIC = v.String(), v.SIREN().String(), v.NIC()
			r.VAT = procurement.VATFromSIREN(v.SIREN()).String()
		}
	case "siren":
		var v procurement.SIREN
		if v, err = procurement.ParseSIREN(in); err == nil {
			r.Canonical, r.SIREN = v.String(), v.String()
			r.VAT = procurement.VATFromSIREN(v).String()
		}
	case "cpv":
		var v procurement.CPV
		if v, err = procurement.ParseCPV(in); err == nil {
			cd, lvl := v.CheckDigit(), v.Level()
			r.Canonical, r.Code, r.CheckDigit, r.Level = v.String(), v.Code(), &cd, &lvl
			r.Division = v.Division()
			if lvl >= 2 {
				r.Group = v.Group()
			}
			if lvl >= 3 {
				r.Class = v.Class()
			}
			if lvl >= 4 {
				r.Category = v.Category()
			}
		}
	case "actes":
		var v procurement.ACTES
		if v, err = procurement.ParseACTES(in); err == nil {
			r.Canonical, r.Department, r.SIREN = v.String(), v.Department(), v.SIREN().String()
			r.Date, r.Number = v.Date().String(), v.Number()
			r.Nature, r.NatureCode, r.NatureLabel = v.Nature().String(), v.Nature().Code(), v.Nature().Label()
		}
	case "vat":
		var v procurement.VAT
		if v, err = procurement.ParseVAT(in); err == nil {
			r.Canonical, r.Key, r.SIREN = v.String(), v.Key(), v.SIREN().String()
		}
	case "nuts":
		var v procurement.NUTS
		if v, err = procurement.ParseNUTS(in); err == nil {
			lvl := v.Level()
			r.Canonical, r.Country, r.Level = v.String(), v.Country(), &lvl
			if v.Country() == "FR" {
				r.Version = procurement.NUTSVersionFR
			}
		}
	}
	if err == nil {
		r.Valid = true
		return r
	}
	for _, e := range flatten(err) {
		p := jsonError{Rule: fielderr.RuleCode(e), Message: e.Error()}
		var fe *fielderr.Error
		if errors.As(e, &fe) {
			p.Field = fe.Field
		}
		r.Problems = append(r.Problems, p)
	}
	return r
}
