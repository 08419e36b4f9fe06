package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/internal/fielderr"
	"github.com/openmarches/marches/procurement/eforms"
	"github.com/shopspring/decimal"
)

// "marches eforms generate" and "marches eforms parse", with the demo's
// eForms section. "marches eforms check" lives in eforms_check.go.

func eformsCommands() []command {
	cmds := []command{
		{"eforms generate", "Write an EU eForms notice (XML) from a notice input (JSON): subtypes 16, 29, 20, 33, 4, 7", eformsGenerateCmd},
		{"eforms parse", "Read an eForms notice (XML) back into the notice input (JSON)", eformsParseCmd},
	}
	return append(cmds, eformsCheckCommands()...)
}

var (
	errEFormsSubtype = fielderr.NewRule("eforms_subtype_conflict", "marches: --subtype differs from the input's notice.subtype")
	errEFormsWrite   = fielderr.NewRule("eforms_output_unwritable", "marches: cannot write the notice file")
)

// generateResult is the JSON output of "eforms generate -o FILE".
type generateResult struct {
	File        string `json:"file"`
	Subtype     string `json:"subtype"`
	NoticeID    string `json:"notice_id"`
	ProcedureID string `json:"procedure_id,omitempty"`
	Bytes       int    `json:"bytes"`
	SHA256      string `json:"sha256"`
}

// eformsGenerateCmd: --input is the notice input document itself.
func eformsGenerateCmd(fs *flag.FlagSet) func(*env) (any, error) {
	in := fs.String("input", "", "read the notice input (JSON: notice metadata, consultation, terms; see procurement/eforms/schema/notice.schema.json) from `FILE` (- for standard input)")
	sub := fs.String("subtype", "", "notice `SUBTYPE`: 16, 29, 20, 33, 4 or 7 (default: the input's notice.subtype)")
	out := fs.String("o", "", "write the XML to `FILE` and print a JSON summary (default: the XML on standard output)")
	return func(e *env) (any, error) {
		if *in == "" {
			return nil, &fielderr.Error{Field: "input", Err: errRequired, Detail: "give the notice input with --input FILE or --input -"}
		}
		data, err := readInput(*in, e.stdin)
		if err != nil {
			return nil, err
		}
		n, err := eforms.DecodeNotice(data)
		if err != nil {
			return nil, err
		}
		if *sub != "" {
			s, err := eforms.ParseSubtype(*sub)
			if err != nil {
				return nil, &fielderr.Error{Field: "subtype", Value: *sub, Err: eforms.ErrUnknownSubtype}
			}
			if n.Metadata.Subtype != 0 && n.Metadata.Subtype != s {
				return nil, &fielderr.Error{Field: "subtype", Value: *sub, Err: errEFormsSubtype, Detail: "input says " + n.Metadata.Subtype.String()}
			}
			n.Metadata.Subtype = s
		}
		xml, err := eforms.Generate(n)
		if err != nil {
			return nil, err
		}
		if *out == "" {
			// Written as is by run (the rawOutput hook of conformance.go).
			return rawOutput{body: xml}, nil
		}
		if err := os.WriteFile(*out, xml, 0o644); err != nil {
			return nil, &fielderr.Error{Field: "o", Value: *out, Err: errEFormsWrite, Detail: opsPathErrDetail(err)}
		}
		id, proc := noticeIDs(xml)
		sum := sha256.Sum256(xml)
		return &generateResult{File: *out, Subtype: n.Metadata.Subtype.String(), NoticeID: id, ProcedureID: proc,
			Bytes: len(xml), SHA256: hex.EncodeToString(sum[:])}, nil
	}
}

// noticeIDs reads back the notice and procedure identifiers Generate
// wrote (derived ones included).
func noticeIDs(xml []byte) (id, proc string) {
	n, err := eforms.Parse(xml)
	if err != nil {
		return "", ""
	}
	return n.Metadata.ID, n.Metadata.ProcedureID
}

// eformsParseCmd reads the notice named by --input (or by the one
// argument, when the CLI core passes arguments through).
func eformsParseCmd(fs *flag.FlagSet) func(*env) (any, error) {
	in := fs.String("input", "", "read the notice (XML) from `FILE` (- for standard input)")
	return func(e *env) (any, error) {
		path := *in
		if path == "" && fs.NArg() == 1 {
			path = fs.Arg(0)
		}
		if path == "" {
			return nil, &fielderr.Error{Field: "input", Err: errRequired, Detail: "give the notice with --input FILE.xml or --input -"}
		}
		data, err := readInput(path, e.stdin)
		if err != nil {
			return nil, err
		}
		n, err := eforms.Parse(data)
		if err != nil {
			return nil, err
		}
		doc, err := eforms.MarshalNotice(n)
		if err != nil {
			return nil, err
		}
		return json.RawMessage(doc), nil
	}
}

// The demo: the sample consultation's contract notice (subtype 16) and
// award notice (subtype 29), with fixed metadata.

type demoEFormsOut struct {
	About     string             `json:"about"`
	SDK       string             `json:"sdk_version"`
	Notices   []demoEFormsNotice `json:"notices"`
	RoundTrip string             `json:"round_trip"`
}

type demoEFormsNotice struct {
	Subtype     string `json:"subtype"`
	Kind        string `json:"kind"`
	NoticeID    string `json:"notice_id"`
	ProcedureID string `json:"procedure_id"`
	Lots        int    `json:"lots"`
	Bytes       int    `json:"bytes"`
	SHA256      string `json:"sha256"`
	File        string `json:"file,omitempty"`
}

// demoEFormsNotices returns the demo's two notice inputs: the sample
// consultation with the same notice terms as the package's scenarios
// cn16_sample_two_lots and can29_sample_two_lots (a test checks that the
// bytes are those of procurement/eforms/testdata/*.xml).
func demoEFormsNotices() (cn, can eforms.Notice) {
	paris := time.FixedZone("", 2*60*60) // CEST in May and July 2026
	common := eforms.Notice{
		Consultation: sampleConsultation(),
		Buyer: eforms.BuyerDetails{
			Telephone: "+33 1 44 00 00 00", Email: "marches@sipan.example",
			Website: "https://www.sipan.example", Profile: "https://marches.sipan.example",
		},
		ReviewBody: eforms.Organization{
			Name: "Tribunal administratif de Paris", CompanyID: "17750001500019",
			Address:   eforms.Address{Street: "7 rue de Jouy", PostalCode: "75004", City: "Paris", NUTS: "FR101"},
			Telephone: "+33 1 44 59 44 00", Email: "greffe.ta-paris@juradm.fr", Website: "https://paris.tribunal-administratif.fr",
		},
	}
	cn = common
	cn.Metadata = eforms.Metadata{Subtype: eforms.ContractNotice, Dispatch: time.Date(2026, time.May, 11, 10, 0, 0, 0, paris)}
	cn.Terms = eforms.Terms{
		DocumentsURL:  "https://marches.sipan.example/consultation/2026-SIPAN-AOO-003",
		SubmissionURL: "https://marches.sipan.example/depot/2026-SIPAN-AOO-003",
	}
	can = common
	can.Consultation = sampleConsultation()
	can.Metadata = eforms.Metadata{Subtype: eforms.AwardNotice, Dispatch: time.Date(2026, time.July, 24, 9, 30, 0, 0, paris)}
	can.Tenderers = []eforms.TendererDetails{
		{ID: "pli-1", Address: eforms.Address{Street: "3 avenue de l'Europe", PostalCode: "69003", City: "Lyon", NUTS: "FRK26"},
			Telephone: "+33 4 72 00 00 00", Email: "contact@dematis.example"},
		{ID: "pli-2", Address: eforms.Address{PostalCode: "35000", City: "Rennes", NUTS: "FRH03"}, Email: "ao@hebergesur.example"},
		{ID: "pli-3", Address: eforms.Address{PostalCode: "59000", City: "Lille", NUTS: "FRE11"}},
	}
	eur := decimal.RequireFromString
	can.Results = eforms.Results{
		Tenders: []eforms.Tender{
			{Lot: 1, Tenderer: "pli-3", Amount: eur("191200.00"), Subcontracting: "no"},
			{Lot: 2, Tenderer: "pli-3", Amount: eur("94000.00")},
		},
		Contracts: []eforms.Contract{
			{Lot: 1, Tenderer: "pli-1", Signed: calendar.MustDate(2026, time.July, 21)},
			{Lot: 2, Tenderer: "pli-2", Signed: calendar.MustDate(2026, time.July, 21)},
		},
	}
	return cn, can
}

// demoEForms returns the demo's eForms section: the sample consultation's
// contract notice (16) and award notice (29), generated with fixed
// metadata, each summarised by its identifiers, size and SHA-256 (the
// same on every run), and the result of reading each back and generating
// it again. When opts.reportDir is set it also writes cn16.xml and
// can29.xml there.
func demoEForms(opts demoOptions) (any, error) {
	cn, can := demoEFormsNotices()
	out := &demoEFormsOut{
		About: "EU eForms notices of the sample consultation (SDK " + eforms.SDKVersion + " element order and rules): the contract notice when it is launched, the award notice after the award; both pass the official XSD and Schematron validation in the package's tests.",
		SDK:   eforms.SDKVersion,
	}
	identical := true
	for _, d := range []struct {
		n    eforms.Notice
		kind string
		file string
	}{
		{cn, "contract notice, standard regime (avis de marché)", "cn16.xml"},
		{can, "contract award notice, standard regime (avis d'attribution)", "can29.xml"},
	} {
		xml, err := eforms.Generate(d.n)
		if err != nil {
			return nil, err
		}
		back, err := eforms.Parse(xml)
		if err != nil {
			return nil, err
		}
		again, err := eforms.Generate(back)
		if err != nil {
			return nil, err
		}
		if string(again) != string(xml) {
			identical = false
		}
		sum := sha256.Sum256(xml)
		dn := demoEFormsNotice{
			Subtype: d.n.Metadata.Subtype.String(), Kind: d.kind, NoticeID: back.Metadata.ID,
			ProcedureID: back.Metadata.ProcedureID, Lots: len(d.n.Consultation.Lots),
			Bytes: len(xml), SHA256: hex.EncodeToString(sum[:]),
		}
		if opts.reportDir != "" {
			path := filepath.Join(opts.reportDir, d.file)
			if err := os.WriteFile(path, xml, 0o644); err != nil {
				return nil, &fielderr.Error{Field: "report-dir", Value: opts.reportDir, Err: errEFormsWrite, Detail: opsPathErrDetail(err)}
			}
			dn.File = path
		}
		out.Notices = append(out.Notices, dn)
	}
	out.RoundTrip = "generate → parse → generate: identical bytes"
	if !identical {
		return nil, errors.New("eforms demo: round trip changed a notice")
	}
	return out, nil
}
