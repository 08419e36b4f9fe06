package conformance

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
)

// ExportJSON returns the families as JSON for a test suite that does not
// read our folder layout: one family gives its vectors file as is (see
// [Family.MarshalIndent]); several give {"format": Format, "families":
// [...]} in the order given. The output is deterministic.
func ExportJSON(families ...*Family) ([]byte, error) {
	if len(families) == 1 {
		return families[0].MarshalIndent()
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if families == nil {
		families = []*Family{}
	}
	err := enc.Encode(struct {
		Format   string    `json:"format"`
		Families []*Family `json:"families"`
	}{Format, families})
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// CSV parts of ExportCSV: what a row holds (the "part" column).
const (
	PartDescriptionFR = "description_fr"
	PartDescriptionEN = "description_en"
	PartBasisRef      = "basis_ref"
	PartBasisSource   = "basis_source"
	PartCheckedByHand = "checked_by_hand"
	PartInput         = "input"
	PartExpected      = "expected"
)

// ExportCSV writes the families' vectors as one CSV table (RFC 4180,
// UTF-8, "\n" line ends) with the header
//
//	family,id,operation,part,path,value
//
// and, for each vector in file order: its descriptions, basis and
// hand check (part description_fr, description_en, basis_ref,
// basis_source, checked_by_hand; empty path), then one row per leaf of its
// inputs (part input) and of its expected output (part expected), paths
// and values as [Leaves] gives them. An implementation answers with the
// expected rows' id, path and its own value: that is the answers CSV
// [ParseAnswersCSV] reads.
func ExportCSV(w io.Writer, families ...*Family) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"family", "id", "operation", "part", "path", "value"}); err != nil {
		return err
	}
	for _, f := range families {
		for _, v := range f.Vectors {
			row := func(part, path, value string) error {
				return cw.Write([]string{f.Name, v.ID, v.Operation, part, path, value})
			}
			meta := [][2]string{
				{PartDescriptionFR, v.Description.FR}, {PartDescriptionEN, v.Description.EN},
				{PartBasisRef, v.Basis.Ref}, {PartBasisSource, v.Basis.Source},
			}
			if v.CheckedByHand != "" {
				meta = append(meta, [2]string{PartCheckedByHand, v.CheckedByHand})
			}
			for _, m := range meta {
				if err := row(m[0], "", m[1]); err != nil {
					return err
				}
			}
			for _, part := range []struct {
				name string
				data json.RawMessage
			}{{PartInput, v.Inputs}, {PartExpected, v.Expected}} {
				leaves, err := Leaves(part.data)
				if err != nil {
					return err
				}
				for _, l := range leaves {
					if err := row(part.name, l.Path, l.Value); err != nil {
						return err
					}
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
