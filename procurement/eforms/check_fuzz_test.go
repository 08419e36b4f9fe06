package eforms

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// FuzzCheck feeds arbitrary bytes to Check with the miniature SDK: it
// must never panic; it either refuses the input with one of the four
// reading errors, or returns a report that is the same on a second run.
// Entities: Check has no entity table and refuses any DOCTYPE, so no input
// can make it expand or fetch anything; the DTD seeds check that.
func FuzzCheck(f *testing.F) {
	s := chkMini(f)
	base := chkMiniNotice(f)
	f.Add([]byte(base))
	for _, edit := range [][2]string{
		{">open<", ">restricted<"},
		{">open<", ">ouvert<"},
		{">45210000<", ">99999999<"},
		{`notice-subtype">16<`, `notice-subtype">29<`},
		{"<cbc:ID>FRA</cbc:ID>", "<cbc:ID/>"},
		{`schemeName="Lot"`, ""},
	} {
		f.Add([]byte(strings.Replace(base, edit[0], edit[1], 1)))
	}
	f.Add([]byte(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><lolz>&lol2;</lolz>`))
	f.Add([]byte(`<!DOCTYPE r [<!ENTITY x SYSTEM "http://example.invalid/x">]><r>&x;</r>`))
	f.Add([]byte(strings.Repeat("<a>", 70) + strings.Repeat("</a>", 70)))
	f.Add([]byte("<r>\x00</r>"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			t.Skip("inputs over 1 MiB")
		}
		orig := bytes.Clone(data)
		rep, err := s.Check(data)
		if !bytes.Equal(data, orig) {
			t.Fatal("Check modified its input")
		}
		if err != nil {
			if rep != nil {
				t.Fatal("report with an error")
			}
			if !errors.Is(err, ErrXMLSyntax) && !errors.Is(err, ErrDTD) && !errors.Is(err, ErrTooDeep) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		if bytes.Contains(data, []byte("<!DOCTYPE")) && !bytes.Contains(data, []byte("<!--")) && !bytes.Contains(data, []byte("<![CDATA[")) {
			t.Fatalf("a document with a DOCTYPE was accepted: %q", data)
		}
		first, _ := json.Marshal(rep)
		rep2, err := s.Check(data)
		if err != nil {
			t.Fatal(err)
		}
		if second, _ := json.Marshal(rep2); !bytes.Equal(first, second) {
			t.Fatal("two runs differ")
		}
		for _, p := range rep.Problems {
			if p.Kind.Err() == nil || p.MessageEN == "" || p.MessageFR == "" || p.XPath == "" {
				t.Fatalf("incomplete problem %+v", p)
			}
		}
	})
}

// FuzzParseChkPath feeds arbitrary XPaths to the XPath-subset compiler and
// evaluates what compiles on the mini notice: no panic.
func FuzzParseChkPath(f *testing.F) {
	ns := map[string]string{"cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
		"cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"}
	for _, p := range []string{
		"/*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']/cbc:ID",
		"cac:TendererQualificationRequest[not(cbc:CompanyLegalFormCode)][not(cac:SpecificTendererRequirement/cbc:TendererRequirementTypeCode[@listName='missing-info-submission'])]/cbc:X",
		"cbc:ID[../cbc:DocumentType/text()='restricted-document']",
		"cbc:A[not(cbc:ID/text()=('CrossBorderLaw','LocalLegalBasis'))]",
		"cbc:A[@x = 'it''s']", "/*", "..", "@a", "text()", "[", "cbc:A[(@b='c' or @d!='e') and f:g]",
	} {
		f.Add(p)
	}
	root, err := chkParseXML([]byte(chkMiniNotice(f)), CheckMaxElements)
	if err != nil {
		f.Fatal(err)
	}
	r := &chkRun{root: root, absCache: map[*chkPath][]chkItem{}}
	f.Fuzz(func(t *testing.T, src string) {
		p, err := parseChkPath(src, ns)
		if err != nil {
			return
		}
		r.eval(root, p)
		r.eval(nil, p)
	})
}

// FuzzEFXCondition compiles arbitrary conditions against the miniature
// SDK and evaluates what compiles on the mini notice: no panic, and a
// condition is either compiled or reported unsupported, never both.
func FuzzEFXCondition(f *testing.F) {
	s := chkMini(f)
	for _, c := range []string{
		"{ND-LotTenderingProcess} ${not(BT-105-Procedure not in ('open','oth-single'))}",
		"{ND-Root} ${count(/BT-137-Lot) < 2}",
		"{ND-Root} ${BT-137-Lot[BT-23-Lot == 'works'] is present}",
		"{BT-137-Lot} ${BT-21-Lot is present and (BT-23-Lot != 'supplies' or TRUE)}",
		"{ND-Lot} ${(BT-537-Lot - BT-536-Lot) > P4Y}",
		"{ND-Company} ${OPT-200-Organization-Company in OPT-300-Procedure-Buyer}",
		"{ND-Lot} ${BT-21-Lot in (contract-nature)}",
		"{ND-Lot} ${BT-131(d)-Lot > 3.5}",
	} {
		f.Add(c)
	}
	root, err := chkParseXML([]byte(chkMiniNotice(f)), CheckMaxElements)
	if err != nil {
		f.Fatal(err)
	}
	r := &chkRun{s: s, root: root, absCache: map[*chkPath][]chkItem{}}
	f.Fuzz(func(t *testing.T, cond string) {
		sc := &sdkConstraint{field: s.fields["BT-21-Lot"], condSrc: cond}
		// compileCondition records code lists named by conditions in the
		// SDK; work on a copy of that map so the shared SDK stays as loaded.
		saved := s.condLists
		s.condLists = map[string]bool{}
		s.compileCondition(sc)
		s.condLists = saved
		if (sc.cond == nil) == (sc.unsupported == "") {
			t.Fatalf("cond %v, unsupported %q", sc.cond, sc.unsupported)
		}
		if sc.cond == nil {
			return
		}
		for _, id := range sc.cond.codelistsUsed(nil) {
			if s.codelists[id] == nil {
				return // LoadSDK would have marked it unsupported
			}
		}
		for _, inst := range r.contexts(sc) {
			r.efx(sc.cond, inst)
		}
	})
}
