package eforms_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openmarches/marches/procurement/eforms"
)

func goldenNotice(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name+".xml"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestParseRefuses: hostile or broken documents are refused with a clear
// rule, without reading anything outside the document.
func TestParseRefuses(t *testing.T) {
	cn := string(goldenNotice(t, "cn16_open_single_lot"))
	deep := `<ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2">` +
		strings.Repeat("<a>", eforms.MaxDepth) + strings.Repeat("</a>", eforms.MaxDepth) + `</ContractNotice>`
	tests := []struct {
		name string
		doc  string
		rule error
	}{
		{"external entity (XXE)", `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><ContractNotice>&e;</ContractNotice>`, eforms.ErrDTD},
		{"billion laughs", `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><ContractNotice>&lol2;</ContractNotice>`, eforms.ErrDTD},
		{"external DTD", `<?xml version="1.0"?><!DOCTYPE ContractNotice SYSTEM "http://example.com/x.dtd"><ContractNotice/>`, eforms.ErrDTD},
		{"DTD inside a real notice", strings.Replace(cn, "<ContractNotice ", "<!DOCTYPE ContractNotice []>\n<ContractNotice ", 1), eforms.ErrDTD},
		{"undeclared entity", strings.Replace(cn, "Villeurbanne</cbc:CityName>", "&ville;</cbc:CityName>", 1), eforms.ErrXMLSyntax},
		{"too deep", deep, eforms.ErrTooDeep},
		{"not UTF-8", `<?xml version="1.0" encoding="ISO-8859-1"?><ContractNotice/>`, eforms.ErrXMLSyntax},
		{"control character", strings.Replace(cn, "Villeurbanne</cbc:CityName>", "Ville\x01</cbc:CityName>", 1), eforms.ErrXMLSyntax},
		{"truncated", cn[:len(cn)/2], eforms.ErrXMLSyntax},
		{"not XML", `{"notice": {}}`, eforms.ErrXMLSyntax},
		{"empty", ``, eforms.ErrXMLSyntax},
		{"other document", `<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>`, eforms.ErrNotNotice},
		{"right name, wrong namespace", `<ContractNotice xmlns="urn:example"/>`, eforms.ErrNotNotice},
		{"unsupported subtype", strings.Replace(cn, `"notice-subtype">16<`, `"notice-subtype">17<`, 1), eforms.ErrUnknownSubtype},
		{"no subtype", `<ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2"/>`, eforms.ErrUnknownSubtype},
		{"bad date", strings.Replace(cn, "<cbc:IssueDate>2026-03-02+01:00", "<cbc:IssueDate>02/03/2026", 1), eforms.ErrValue},
		{"bad amount", strings.Replace(cn, ">5850000.00<", ">5 850 000,00<", 1), eforms.ErrValue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := eforms.Parse([]byte(tt.doc))
			if !errors.Is(err, tt.rule) {
				t.Fatalf("err = %v, want %v", err, tt.rule)
			}
		})
	}
}

// TestParseTooLarge: a document over MaxNoticeBytes is refused before it
// is read.
func TestParseTooLarge(t *testing.T) {
	big := bytes.Repeat([]byte(" "), eforms.MaxNoticeBytes+1)
	_, err := eforms.Parse(big)
	if !errors.Is(err, eforms.ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
}

// TestParseDepthLimit: exactly MaxDepth levels are accepted by the scan
// (the document is then refused for another reason: no subtype).
func TestParseDepthLimit(t *testing.T) {
	doc := `<ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2">` +
		strings.Repeat("<a>", eforms.MaxDepth-1) + strings.Repeat("</a>", eforms.MaxDepth-1) + `</ContractNotice>`
	_, err := eforms.Parse([]byte(doc))
	if !errors.Is(err, eforms.ErrUnknownSubtype) {
		t.Fatalf("err = %v, want ErrUnknownSubtype (depth accepted)", err)
	}
}

// TestParseErrorNamesElement: a value error names the element.
func TestParseErrorNamesElement(t *testing.T) {
	cn := strings.Replace(string(goldenNotice(t, "cn16_open_single_lot")), "<cbc:IssueDate>2026-03-02+01:00", "<cbc:IssueDate>2026-13-02+01:00", 1)
	_, err := eforms.Parse([]byte(cn))
	var fe *eforms.FieldError
	if !errors.As(err, &fe) || fe.Field != "/ContractNotice/cbc:IssueDate" || fe.Value != "2026-13-02+01:00" {
		t.Fatalf("err = %v (field %q)", err, fe.Field)
	}
}
