package clauses

import (
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/openmarches/marches/internal/golden"
)

func loadDir(t *testing.T, dir string) *Library {
	t.Helper()
	l, err := Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func loadLayerDir(t *testing.T, dir string) *Layer {
	t.Helper()
	y, err := LoadLayer(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	return y
}

// TestCompose applies testdata/layer-client to testdata/mini-v1: the
// penalties are replaced (per working day), the audit disabled, an
// insertion clause inserted at position 35 (between penalties, 30, and
// litigation, 50), the payment default lowered from 30 to 20 days.
func TestCompose(t *testing.T) {
	v1 := loadDir(t, "testdata/mini-v1")
	y := loadLayerDir(t, "testdata/layer-client")
	l, err := Compose(v1, y)
	if err != nil {
		t.Fatal(err)
	}
	if ps := Lint(l, LintConfig{}); len(ps) > 0 {
		t.Errorf("lint: %v", Problems(ps))
	}
	d, err := l.Assemble("ccap", Input{Consultation: sampleConsultation(t)})
	if err != nil {
		t.Fatal(err)
	}
	var toc []string
	for _, e := range d.TOC() {
		toc = append(toc, e.Heading())
	}
	want := []string{
		"Article 1 – Objet du marché",            // replaced: the client's title
		"Article 2 – Paiement",                   //
		"Article 3 – Pénalités",                  // replaced
		"Article 4 – Clause d'insertion sociale", // inserted at 35
		"Article 5 – Litiges",                    // a.audit (40) disabled
		"Article 6 – Dérogations",
	}
	if diff := cmp.Diff(want, toc); diff != "" {
		t.Errorf("TOC (-want +got):\n%s", diff)
	}
	md := string(d.Markdown())
	for _, s := range []string{
		"Le délai de paiement est de 20 jours.",                // the client's default
		"100,00\u00a0€\u00a0HT par jour ouvré",                 // the client's text
		"conformément à l'article 3.",                          // ref to the replaced clause
		"- article 3 (Pénalités) : article 14.1.1 du CCAG-TIC", // derogation listed
		"passé par Syndicat intercommunal",                     // the client's objet
	} {
		if !strings.Contains(md, s) {
			t.Errorf("missing %q", s)
		}
	}
	if c, _ := l.Clause("a.penalites"); c.Origin() != "ville" {
		t.Errorf("origin %q", c.Origin())
	}
	if !slices.Equal(l.Disabled(), []string{"a.audit"}) || !slices.Equal(l.Layers(), []string{"ville"}) {
		t.Errorf("disabled %v layers %v", l.Disabled(), l.Layers())
	}
	// The vendor library is unchanged.
	if v, _ := v1.Variable("delai.jours"); v.Default.(json.Number).String() != "30" {
		t.Errorf("vendor default changed: %v", v.Default)
	}
}

// TestComposeProblems: a layer for another vendor, an insertion whose id
// the vendor uses, a default for an unknown variable or of the wrong type.
func TestComposeProblems(t *testing.T) {
	v1 := loadDir(t, "testdata/mini-v1")
	objet, _ := v1.Clause("a.objet")
	y := &Layer{name: "x", vendor: "mini", files: map[string]*Clause{"o.md": objet}, changes: []Change{
		{Op: OpInsert, File: "o.md"},
		{Op: OpDefault, Variable: "nosuch", Value: 1},
		{Op: OpDefault, Variable: "delai.jours", Value: "trente"},
	}}
	_, err := Compose(v1, y, &Layer{name: "other", vendor: "acme"})
	for _, rule := range []error{ErrDuplicateID, ErrUnknownVariable, ErrInvalidValue, ErrVendorMismatch} {
		if !errors.Is(err, rule) {
			t.Errorf("missing %v in %v", rule, err)
		}
	}
}

// TestUpgrade reviews testdata/layer-client (made against mini 1.0) for
// mini 2.0: the vendor changed the penalties the client replaced (version
// 1 -> 2, a cap added), removed the audit the client disabled, changed the
// payment default the client overrides (30 -> 45), changed litigation
// (not overridden) and added a security clause.
func TestUpgrade(t *testing.T) {
	v1 := loadDir(t, "testdata/mini-v1")
	v2 := loadDir(t, "testdata/mini-v2")
	y := loadLayerDir(t, "testdata/layer-client")
	r, err := Upgrade(v1, v2, y)
	if err != nil {
		t.Fatal(err)
	}
	status := map[string]string{}
	for _, c := range r.Changes {
		status[c.Op+" "+c.Clause+c.Variable] = c.Status
	}
	want := map[string]string{
		"replace a.penalites":    StatusChangedUpstream,
		"disable a.audit":        StatusRemovedUpstream,
		"insert ville.insertion": StatusUnchanged,
		"default delai.jours":    StatusChangedUpstream,
		"replace a.objet":        StatusUnchanged,
	}
	if diff := cmp.Diff(want, status); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if r.ReviewNeeded != 3 || !slices.Equal(r.RemovedUpstream, []string{"a.audit"}) || !slices.Equal(r.UpdatedUpstream, []string{"a.litiges"}) ||
		len(r.NewUpstream) != 1 || r.NewUpstream[0].Clause != "a.securite" || len(r.Problems) != 0 {
		t.Errorf("report: %+v", r)
	}
	if !strings.Contains(r.Changes[0].Diff, "+Les pénalités sont plafonnées à 10 % du montant du marché.\n") {
		t.Errorf("diff:\n%s", r.Changes[0].Diff)
	}
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "upgrade_mini.json", append(b, '\n'))

	// Never lose a client change: composing the new vendor library with
	// the unchanged layer keeps the replacement, the insertion and the
	// default.
	l, err := Compose(v2, y)
	if err != nil {
		t.Fatal(err)
	}
	d, err := l.Assemble("ccap", Input{Consultation: sampleConsultation(t)})
	if err != nil {
		t.Fatal(err)
	}
	md := string(d.Markdown())
	for _, s := range []string{"par jour ouvré", "Clause d'insertion sociale", "Le délai de paiement est de 20 jours.", "Sécurité"} {
		if !strings.Contains(md, s) {
			t.Errorf("after the upgrade, missing %q", s)
		}
	}
}

// TestUpgradeConflicts: the vendor adds a clause with the id the client
// inserted, and removes a clause the client replaced (kept as inserted).
func TestUpgradeConflicts(t *testing.T) {
	v1 := loadDir(t, "testdata/mini-v1")
	y := loadLayerDir(t, "testdata/layer-client")
	fsys := fstest.MapFS{}
	for _, name := range []string{"manifest.json", "ccap/objet.md", "ccap/paiement.md", "ccap/audit.md", "ccap/litiges.md", "ccap/derogations.md"} {
		data, err := os.ReadFile("testdata/mini-v1/" + name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	m := strings.Replace(string(fsys["manifest.json"].Data), `"ccap/penalites.md", `, `"ccap/insertion.md", `, 1)
	fsys["manifest.json"] = &fstest.MapFile{Data: []byte(m)}
	fsys["ccap/insertion.md"] = &fstest.MapFile{Data: []byte("---\nid: ville.insertion\nversion: 1\ntitle: Insertion\ndocuments: ccap\nposition: 60\n---\nTexte du fournisseur.\n")}
	v2, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Upgrade(v1, v2, y)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range r.Changes {
		got[c.Op+" "+c.Clause+c.Variable] = c.Status
	}
	if got["insert ville.insertion"] != StatusConflict || got["replace a.penalites"] != StatusRemovedUpstream {
		t.Errorf("statuses %v", got)
	}
	if len(r.Problems) == 0 || r.Problems[0].Rule != "duplicate_id" {
		t.Errorf("problems %v", r.Problems)
	}
	if _, err := Upgrade(v1, v2, &Layer{name: "x", vendor: "acme"}); !errors.Is(err, ErrVendorMismatch) {
		t.Errorf("vendor mismatch: %v", err)
	}
}

func TestUnifiedDiff(t *testing.T) {
	// Hand-made: line c changed to C, e added after d.
	got := UnifiedDiff("a", "b", "a\nb\nc\nd\n", "a\nb\nC\nd\ne\n")
	want := "--- a\n+++ b\n@@ -1,4 +1,5 @@\n a\n b\n-c\n+C\n d\n+e\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if UnifiedDiff("a", "b", "x\n", "x\n") != "" {
		t.Error("equal texts")
	}
}
