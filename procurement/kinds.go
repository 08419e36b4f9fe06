package procurement

import "strconv"

// BuyerKind is the legal category of a buyer (acheteur), which decides the
// EU threshold that applies, the payment time limit and some publicity
// rules. The zero BuyerKind is unset and fails validation. Codes are
// stable; values are only ever added at the end.
type BuyerKind int

const (
	// BuyerState: the State and its public establishments other than
	// industrial and commercial ones (central government authorities in
	// the directive's sense: the 140 000 € supplies/services threshold).
	BuyerState BuyerKind = iota + 1
	// BuyerLocalAuthority: collectivités territoriales, their groupings and
	// public establishments (sub-central authorities: 216 000 €).
	BuyerLocalAuthority
	// BuyerHealth: établissements publics de santé (sub-central; 50-day
	// payment time limit).
	BuyerHealth
	// BuyerOtherContractingAuthority: any other pouvoir adjudicateur
	// (bodies governed by public law, e.g. a public-law association).
	BuyerOtherContractingAuthority
	// BuyerUtility: an entité adjudicatrice buying for a network activity
	// (water, energy, transport, postal services: directive 2014/25).
	BuyerUtility
	// BuyerPublicUndertaking: an entreprise publique (60-day payment time
	// limit).
	BuyerPublicUndertaking
)

var buyerKindCodes = [...]string{"", "state", "local_authority", "health", "other_contracting_authority", "utility", "public_undertaking"}

// Nature is the nature of a contract: works, supplies or services.
type Nature int

const (
	// Works: marchés de travaux.
	Works Nature = iota + 1
	// Supplies: marchés de fournitures.
	Supplies
	// Services: marchés de services.
	Services
)

var natureCodes = [...]string{"", "works", "supplies", "services"}

// Procedure is a award procedure of the Code de la commande publique.
// Codes are the French terms of art, which platforms and clause libraries
// already use ("ouvert", "adapte").
type Procedure int

const (
	// ProcedureNoPublicity: marché sans publicité ni mise en concurrence
	// préalables (below the dispense threshold, or the cases of R2122-1 ff.).
	ProcedureNoPublicity Procedure = iota + 1
	// ProcedureAdapted: procédure adaptée (MAPA), below the EU thresholds.
	ProcedureAdapted
	// ProcedureOpen: appel d'offres ouvert.
	ProcedureOpen
	// ProcedureRestricted: appel d'offres restreint.
	ProcedureRestricted
	// ProcedureNegotiated: procédure avec négociation.
	ProcedureNegotiated
	// ProcedureCompetitiveDialogue: dialogue compétitif.
	ProcedureCompetitiveDialogue
	// ProcedureInnovationPartnership: partenariat d'innovation.
	ProcedureInnovationPartnership
)

var procedureCodes = [...]string{"", "sans_publicite", "adapte", "ouvert", "restreint", "negocie", "dialogue", "partenariat_innovation"}

func codeOf(codes []string, v int, typ string) string {
	if v <= 0 || v >= len(codes) {
		return typ + "(" + strconv.Itoa(v) + ")"
	}
	return codes[v]
}

func parseCode(codes []string, s string) (int, bool) {
	for i := 1; i < len(codes); i++ {
		if codes[i] == s {
			return i, true
		}
	}
	return 0, false
}

// String returns the stable code, e.g. "local_authority".
func (k BuyerKind) String() string { return codeOf(buyerKindCodes[:], int(k), "BuyerKind") }

// Valid reports whether k is a known, set kind.
func (k BuyerKind) Valid() bool { return k > 0 && int(k) < len(buyerKindCodes) }

// ParseBuyerKind parses a buyer kind code; unknown codes fail with
// ErrUnknownBuyerKind.
func ParseBuyerKind(s string) (BuyerKind, error) {
	if v, ok := parseCode(buyerKindCodes[:], s); ok {
		return BuyerKind(v), nil
	}
	return 0, &FieldError{Field: "buyer.kind", Value: s, Err: ErrUnknownBuyerKind}
}

// MarshalText encodes the code; an unset or unknown kind is an error.
func (k BuyerKind) MarshalText() ([]byte, error) {
	if !k.Valid() {
		return nil, &FieldError{Field: "buyer.kind", Value: k.String(), Err: ErrUnknownBuyerKind}
	}
	return []byte(k.String()), nil
}

// UnmarshalText decodes a code; see ParseBuyerKind.
func (k *BuyerKind) UnmarshalText(b []byte) error {
	v, err := ParseBuyerKind(string(b))
	if err == nil {
		*k = v
	}
	return err
}

// String returns the stable code: "works", "supplies" or "services".
func (n Nature) String() string { return codeOf(natureCodes[:], int(n), "Nature") }

// Valid reports whether n is a known, set nature.
func (n Nature) Valid() bool { return n > 0 && int(n) < len(natureCodes) }

// ParseNature parses a nature code; unknown codes fail with
// ErrUnknownNature.
func ParseNature(s string) (Nature, error) {
	if v, ok := parseCode(natureCodes[:], s); ok {
		return Nature(v), nil
	}
	return 0, &FieldError{Field: "nature", Value: s, Err: ErrUnknownNature}
}

// MarshalText encodes the code; an unset or unknown nature is an error.
func (n Nature) MarshalText() ([]byte, error) {
	if !n.Valid() {
		return nil, &FieldError{Field: "nature", Value: n.String(), Err: ErrUnknownNature}
	}
	return []byte(n.String()), nil
}

// UnmarshalText decodes a code; see ParseNature.
func (n *Nature) UnmarshalText(b []byte) error {
	v, err := ParseNature(string(b))
	if err == nil {
		*n = v
	}
	return err
}

// String returns the stable code, e.g. "ouvert".
func (p Procedure) String() string { return codeOf(procedureCodes[:], int(p), "Procedure") }

// Valid reports whether p is a known, set procedure.
func (p Procedure) Valid() bool { return p > 0 && int(p) < len(procedureCodes) }

// ParseProcedure parses a procedure code; unknown codes fail with
// ErrUnknownProcedure.
func ParseProcedure(s string) (Procedure, error) {
	if v, ok := parseCode(procedureCodes[:], s); ok {
		return Procedure(v), nil
	}
	return 0, &FieldError{Field: "procedure", Value: s, Err: ErrUnknownProcedure}
}

// MarshalText encodes the code; an unset or unknown procedure is an error.
func (p Procedure) MarshalText() ([]byte, error) {
	if !p.Valid() {
		return nil, &FieldError{Field: "procedure", Value: p.String(), Err: ErrUnknownProcedure}
	}
	return []byte(p.String()), nil
}

// UnmarshalText decodes a code; see ParseProcedure.
func (p *Procedure) UnmarshalText(b []byte) error {
	v, err := ParseProcedure(string(b))
	if err == nil {
		*p = v
	}
	return err
}
