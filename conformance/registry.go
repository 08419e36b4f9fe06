package conformance

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"github.com/openmarches/marches/internal/fielderr"
)

// The vectors are generated from the SDK and committed; the recompute
// test (TestVectorsUpToDate) fails when they differ from what the SDK
// computes now. Regenerate them with:
//
//go:generate go test -run ^TestVectorsUpToDate$ -update .

// family is one registered rule family: its documentation, its
// operations (each recomputing an output from inputs with the SDK) and
// its cases (the inputs of its vectors, edge cases first).
type family struct {
	name  string
	title Text
	pkg   string
	ops   []op
	cases func() []vcase
}

// op is one operation: its documentation and its computation.
type op struct {
	doc Operation
	run func(inputs json.RawMessage) (any, error)
}

// newOp declares an operation whose inputs decode strictly (unknown
// fields rejected) into I.
func newOp[I any](name string, desc Text, inputs, outputs []Field, f func(I) (any, error)) op {
	return op{
		doc: Operation{Name: name, Description: desc, Inputs: inputs, Outputs: outputs},
		run: func(raw json.RawMessage) (any, error) {
			var in I
			dec := json.NewDecoder(bytes.NewReader(raw))
			dec.DisallowUnknownFields()
			dec.UseNumber()
			if err := dec.Decode(&in); err != nil {
				return nil, &FieldError{Field: "inputs", Value: string(raw), Err: ErrInputs, Detail: err.Error()}
			}
			if dec.More() {
				return nil, &FieldError{Field: "inputs", Value: string(raw), Err: ErrInputs, Detail: "trailing data after the object"}
			}
			return f(in)
		},
	}
}

// vcase is the source of one vector: its id after the family prefix,
// operation, descriptions, basis, inputs (any value that marshals to the
// operation's input object) and, for the hand-checked sample, the hand
// computation.
type vcase struct {
	id    string
	op    string
	fr    string
	en    string
	basis Basis
	in    any
	hand  string
}

// registry lists the families in the order of the kit's documentation.
// Adding a family is one entry here and its file gen_<area>.go.
var registry = sync.OnceValue(func() []family {
	return []family{
		calendarHolidays(),
		calendarBusiness(),
		calendarDays(),
		priorityMatrix(),
		pricingMoney(),
		pricingRevision(),
		pricingSchedule(),
		procurementThresholds(),
		procurementTimeLimits(),
		procurementStandstill(),
		procurementPayment(),
		procurementIdentifiers(),
		slaAvailability(),
		slaQoS(),
		slaSupport(),
		slaIncidents(),
	}
})

func lookup(name string) (family, error) {
	for _, f := range registry() {
		if f.name == name {
			return f, nil
		}
	}
	return family{}, &FieldError{Field: "family", Value: name, Err: ErrUnknownFamily, Detail: "known: " + strings.Join(Families(), ", ")}
}

// Families returns the names of the registered families, in the kit's
// order (calendar, priority, pricing, procurement, sla).
func Families() []string {
	fs := registry()
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.name
	}
	return out
}

func (f family) op(name string) (op, bool) {
	for _, o := range f.ops {
		if o.doc.Name == name {
			return o, true
		}
	}
	return op{}, false
}

// Compute returns the SDK's output for one operation of a family, as
// compact JSON: what a vector's "expected" holds. It fails with
// ErrUnknownFamily, ErrUnknownOperation, ErrInputs, or the SDK's own
// error when the inputs break one of its rules.
func Compute(familyName, operation string, inputs json.RawMessage) (json.RawMessage, error) {
	f, err := lookup(familyName)
	if err != nil {
		return nil, err
	}
	o, ok := f.op(operation)
	if !ok {
		return nil, &FieldError{Field: "operation", Value: operation, Err: ErrUnknownOperation, Detail: "family " + familyName}
	}
	out, err := o.run(inputs)
	if err != nil {
		return nil, err
	}
	return marshalCompact(out)
}

func marshalCompact(v any) (json.RawMessage, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// Generate computes the named family's vectors with the SDK: each case's
// inputs are marshalled, then decoded and computed as [Compute] does, so
// the expected outputs come from the inputs written in the file. An error
// means a case is broken (a bug in the kit), and names the case.
func Generate(name string) (*Family, error) {
	f, err := lookup(name)
	if err != nil {
		return nil, err
	}
	fam := &Family{Format: Format, Name: f.name, Title: f.title, Package: f.pkg}
	for _, o := range f.ops {
		fam.Operations = append(fam.Operations, o.doc)
	}
	var errs []*FieldError
	for _, c := range f.cases() {
		id := fam.Prefix() + c.id
		in, err := marshalCompact(c.in)
		if err != nil {
			errs = append(errs, &FieldError{Field: id, Err: ErrInputs, Detail: err.Error()})
			continue
		}
		out, err := Compute(f.name, c.op, in)
		if err != nil {
			errs = append(errs, &FieldError{Field: id, Err: err})
			continue
		}
		fam.Vectors = append(fam.Vectors, Vector{
			ID: id, Operation: c.op, Description: Text{FR: c.fr, EN: c.en},
			Inputs: in, Expected: out, Basis: c.basis, CheckedByHand: c.hand,
		})
	}
	if len(errs) > 0 {
		return nil, fielderr.Join(errs)
	}
	return fam, nil
}

// GenerateAll generates every registered family (see [Generate]).
func GenerateAll() (*Set, error) {
	var fams []*Family
	for _, name := range Families() {
		f, err := Generate(name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		fams = append(fams, f)
	}
	return NewSet(fams...)
}

// ComputeAnswers computes the SDK's answer to every vector of the set
// from the inputs written in its files: the answers of marches itself.
// Verify(s, ComputeAnswers(s)) passing is the recompute check. Vectors of
// families or operations this build does not know are left unanswered.
// It fails with the first SDK error, naming the vector.
func ComputeAnswers(s *Set) (Answers, error) {
	a := Answers{byID: map[string][]Leaf{}}
	for _, f := range s.families {
		if _, err := lookup(f.Name); err != nil {
			continue
		}
		for _, v := range f.Vectors {
			out, err := Compute(f.Name, v.Operation, v.Inputs)
			if err != nil {
				if fielderr.RuleCode(err) == ErrUnknownOperation.Code() {
					continue
				}
				return Answers{}, fmt.Errorf("%s: %w", v.ID, err)
			}
			leaves, err := Leaves(out)
			if err != nil {
				return Answers{}, fmt.Errorf("%s: %w", v.ID, err)
			}
			a.byID[v.ID] = leaves
		}
	}
	return a, nil
}

// Make builds a one-vector family from inputs given by the caller, its
// expected output computed by the SDK: how a buyer turns a month of its
// own data (an outage log, a contract) into a vector, then checks a
// vendor's figures against it with Verify. The id must start with the
// family's prefix ("sla.availability.") and use lower-case letters,
// digits, dots and dashes. It fails as Compute does, and with ErrIDPrefix.
func Make(familyName, operation, id string, desc Text, basis Basis, inputs json.RawMessage) (*Family, error) {
	f, err := lookup(familyName)
	if err != nil {
		return nil, err
	}
	o, ok := f.op(operation)
	if !ok {
		return nil, &FieldError{Field: "operation", Value: operation, Err: ErrUnknownOperation, Detail: "family " + familyName}
	}
	prefix := idPrefix(f.name)
	if !strings.HasPrefix(id, prefix) || !idPattern.MatchString(id) {
		return nil, &FieldError{Field: "id", Value: id, Err: ErrIDPrefix, Detail: "want " + prefix + "<name>, lower-case letters, digits, '.' and '-'"}
	}
	in, err := compactJSON(inputs)
	if err != nil {
		return nil, err
	}
	out, err := Compute(familyName, operation, in)
	if err != nil {
		return nil, err
	}
	fam := &Family{Format: Format, Name: f.name, Title: f.title, Package: f.pkg, Operations: []Operation{o.doc},
		Vectors: []Vector{{ID: id, Operation: operation, Description: desc, Inputs: in, Expected: out, Basis: basis}}}
	// The result must be a valid file: round-trip it through the parser.
	data, err := fam.MarshalIndent()
	if err != nil {
		return nil, err
	}
	if _, err := ParseFamily(data); err != nil {
		return nil, err
	}
	return fam, nil
}

func compactJSON(raw json.RawMessage) (json.RawMessage, error) {
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return nil, &FieldError{Field: "inputs", Err: ErrInvalidJSON, Detail: jsonErrorDetail(err)}
	}
	return buf.Bytes(), nil
}

//go:embed vectors/*.json
var shippedFS embed.FS

var shipped = sync.OnceValues(func() (*Set, error) {
	sub, err := fs.Sub(shippedFS, "vectors")
	if err != nil {
		return nil, err
	}
	return Load(sub)
})

// Shipped returns the vectors shipped with this build of the SDK (the
// files of conformance/vectors, embedded). They are parsed once; the set
// is shared: do not modify its families.
func Shipped() (*Set, error) { return shipped() }
