package availability

// Cause is why a service was unavailable. Only Unplanned counts against the
// vendor; the other causes are deducted from the measured period (the
// contract's "NHT"). The zero Cause is unset and rejected. The order is the
// precedence used when excluded causes overlap (see Measure); new causes
// are only ever appended.
type Cause int

const (
	// Unplanned: an outage the vendor answers for (indisponibilité non
	// programmée). It counts in NHI unless an excluded cause covers it.
	Unplanned Cause = iota + 1
	// Maintenance: planned maintenance announced under the contract
	// (maintenance programmée). Excluded.
	Maintenance
	// ForceMajeure: force majeure or a fortuitous event (force majeure, cas
	// fortuit). Excluded.
	ForceMajeure
	// ThirdParty: caused by a third party the vendor does not answer for.
	// Excluded.
	ThirdParty
	// Client: caused by the client (the contracting authority). Excluded.
	Client
)

// numCauses bounds the arrays indexed by Cause.
const numCauses = int(Client) + 1

// Causes lists every cause in its fixed output order.
var causes = [...]Cause{Unplanned, Maintenance, ForceMajeure, ThirdParty, Client}

var causeNames = [...]string{"", "unplanned", "maintenance", "force_majeure", "third_party", "client"}

// Causes returns every cause in output (and precedence) order.
func Causes() []Cause { return causes[:] }

// String returns the cause's stable code ("unplanned", "maintenance",
// "force_majeure", "third_party", "client"), or "" when unset or unknown.
func (c Cause) String() string {
	if c < Unplanned || c > Client {
		return ""
	}
	return causeNames[c]
}

// Excluded reports whether time lost to the cause is deducted from the
// period (every cause but Unplanned).
func (c Cause) Excluded() bool { return c > Unplanned && c <= Client }

// MarshalText encodes the cause's code.
func (c Cause) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText decodes a cause code; anything else fails with
// ErrInvalidCause.
func (c *Cause) UnmarshalText(b []byte) error {
	v, err := ParseCause(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// ParseCause parses a cause code; anything else fails with a *FieldError
// (field "cause") wrapping ErrInvalidCause.
func ParseCause(s string) (Cause, error) {
	for _, c := range causes {
		if causeNames[c] == s {
			return c, nil
		}
	}
	return 0, &FieldError{Field: "cause", Value: s, Err: ErrInvalidCause}
}
