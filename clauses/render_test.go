package clauses

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/openmarches/marches/internal/golden"
)

func starterDocs(t testing.TB) []*Document {
	t.Helper()
	l := starterT(t)
	s, err := l.NewScope(sampleInput(t))
	if err != nil {
		t.Fatal(err)
	}
	docs, err := l.AssembleAll(s)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestGoldenStarter renders the sample consultation's RC, CCAP and AE from
// the starter clausier. Review the goldens like code: they are the
// documents a buyer publishes. Refresh with go test ./clauses -run Golden
// -update.
func TestGoldenStarter(t *testing.T) {
	var sums strings.Builder
	for _, d := range starterDocs(t) {
		golden.Check(t, "starter_"+d.ID()+".md", d.Markdown())
		golden.Check(t, "starter_"+d.ID()+".html", d.HTML())
		b, err := d.DOCX()
		if err != nil {
			t.Fatal(err)
		}
		checkDOCX(t, b)
		parts := unzip(t, b)
		golden.Check(t, "starter_"+d.ID()+".document.xml", parts["word/document.xml"])
		sum := sha256.Sum256(b)
		sums.WriteString(d.ID() + ".docx " + hex.EncodeToString(sum[:]) + "\n")
	}
	golden.Check(t, "starter_docx.sha256", []byte(sums.String()))
}

// TestCrossReferences: {{ref}} renders the final number, with the other
// document's short name across documents; the numbers follow the table of
// contents.
func TestCrossReferences(t *testing.T) {
	docs := starterDocs(t)
	rc, ccap, ae := docs[0], docs[1], docs[2]
	// From the CCAP golden: Révision des prix is 4.2, Dérogations 16.
	for id, want := range map[string]string{"ccap.revision": "4.2", "ccap.derogations": "16", "ccap.annexe.traitements": "2", "ccap.reconduction": "3.1"} {
		if got, _ := ccap.Number(id); got != want {
			t.Errorf("%s = %q, want %q", id, got, want)
		}
	}
	md := string(rc.Markdown())
	if !strings.Contains(md, "fixées à l'article 3.1 du CCAP") {
		t.Error("RC does not refer to the CCAP's reconduction article 3.1")
	}
	if !strings.Contains(string(ae.Markdown()), "l'article 3 du CCAP") {
		t.Error("AE does not refer to the CCAP's duration article 3")
	}
	if !strings.Contains(string(ccap.Markdown()), "| article 7 | Pénalités | 14.1.1 |") {
		t.Error("the CCAP's derogations list lacks the penalties article")
	}
}

// TestDeterministic renders each document twice and from several
// goroutines sharing the library and the documents, and compares bytes.
func TestDeterministic(t *testing.T) {
	l := starterT(t)
	in := sampleInput(t)
	render := func() [][]byte {
		var out [][]byte
		for _, id := range []string{"rc", "ccap", "ae"} {
			d, err := l.Assemble(id, in)
			if err != nil {
				t.Error(err)
				return nil
			}
			x, err := d.DOCX()
			if err != nil {
				t.Error(err)
			}
			out = append(out, d.Markdown(), d.HTML(), x)
		}
		return out
	}
	first := render()
	var wg sync.WaitGroup
	for range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got := render()
			for i := range first {
				if !bytes.Equal(first[i], got[i]) {
					t.Errorf("rendering %d differs between runs", i)
				}
			}
		}()
	}
	wg.Wait()
}

func unzip(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = data
	}
	return out
}

// checkDOCX checks the zip: the parts of DOCXParts in that order, each
// with the fixed time, each well-formed XML.
func checkDOCX(t *testing.T, b []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(docxTime) {
			t.Errorf("%s: modified %v", f.Name, f.Modified)
		}
		rc, _ := f.Open()
		dec := xml.NewDecoder(rc)
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Errorf("%s is not well-formed XML: %v", f.Name, err)
				break
			}
		}
		rc.Close()
	}
	if strings.Join(names, ",") != strings.Join(docxParts, ",") {
		t.Errorf("parts %v, want %v", names, docxParts)
	}
}

// TestDOCXOpensInLibreOffice converts the CCAP with LibreOffice when it
// is installed (.ci/run installs it; a developer machine may not have it):
// a converted PDF means LibreOffice read the package without a repair.
func TestDOCXOpensInLibreOffice(t *testing.T) {
	bin := ""
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("LibreOffice is not installed; .ci/run installs libreoffice-writer-nogui")
		}
		t.Skip("LibreOffice is not installed")
	}
	if testing.Short() {
		t.Skip("slow: -short")
	}
	dir := t.TempDir()
	for _, d := range starterDocs(t) {
		b, err := d.DOCX()
		if err != nil {
			t.Fatal(err)
		}
		src := filepath.Join(dir, d.ID()+".docx")
		if err := os.WriteFile(src, b, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "pdf", "--outdir", dir, src)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", d.ID(), err, out)
		}
		pdf, err := os.ReadFile(filepath.Join(dir, d.ID()+".pdf"))
		if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF")) {
			t.Fatalf("%s: no PDF (%v)\n%s", d.ID(), err, out)
		}
	}
}

// TestXMLTextSanitized: control characters and invalid UTF-8 in values
// cannot break the DOCX's XML.
func TestXMLTextSanitized(t *testing.T) {
	in := sampleInput(t)
	in.Values["tribunal"] = "Tribunal \x01\x0b administratif \xff & <Paris>"
	d, err := starterT(t).Assemble("ccap", in)
	if err != nil {
		t.Fatal(err)
	}
	b, err := d.DOCX()
	if err != nil {
		t.Fatal(err)
	}
	checkDOCX(t, b)
	if !strings.Contains(string(unzip(t, b)["word/document.xml"]), "Tribunal  administratif \ufffd &amp; &lt;Paris&gt;") {
		t.Error("value not sanitized as expected")
	}
}

func TestAssembleErrors(t *testing.T) {
	l := starterT(t)
	_, err := l.Assemble("ccap", Input{Consultation: sampleConsultation(t)})
	if !errors.Is(err, ErrMissingValue) {
		t.Errorf("missing tribunal and rc.plateforme: %v", err)
	}
	in := sampleInput(t)
	in.Values["revision.formule"] = "P = P0 x (0,2 + 0,9 S/S0)"
	in.Values["nosuch"] = 1
	_, err = l.Assemble("ccap", in)
	if !errors.Is(err, ErrInvalidValue) || !errors.Is(err, ErrUnknownVariable) {
		t.Errorf("invalid formula and unknown value: %v", err)
	}
	if _, err := l.Assemble("cctp", sampleInput(t)); !errors.Is(err, ErrUnknownDocument) {
		t.Errorf("unknown document: %v", err)
	}
}

func unzipT(b []byte) map[string][]byte {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil
		}
		out[f.Name] = data
	}
	return out
}

func wellFormed(b []byte) bool {
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
	}
}
