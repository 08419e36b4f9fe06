package procurement

import "github.com/shopspring/decimal"

// Lot is one lot (lot) of an allotted consultation: a part of the need
// awarded as a separate contract (allotissement, L2113-10 of the Code de
// la commande publique).
//
// Amounts are euros excluding VAT (hors taxes, HT) and must be exact to
// the cent. The three values add up, they do not overlap: EstimatedValue
// is the firm part for the initial duration, OptionsValue the options and
// RenewalsValue all the renewals; TotalValue is their sum, the lot's
// estimated value in the sense of R2121-1.
//
// Lot marshals to JSON with MarshalJSON (amounts as strings with 2
// decimals, zero fields omitted) and back with UnmarshalJSON.
type Lot struct {
	// Number is the lot number ("number"), >= 1 and unique in the
	// consultation.
	Number int
	// Title is the lot's title ("title"), required.
	Title string
	// Description is the lot's description ("description"), optional.
	Description string
	// CPV is the lot's main CPV code ("cpv"), optional (the consultation's
	// applies when empty); valid as by ParseCPV when given.
	CPV string
	// EstimatedValue is the estimated value HT of the lot's firm part for
	// the initial duration, options and renewals excluded
	// ("estimatedValue"), > 0.
	EstimatedValue decimal.Decimal
	// OptionsValue is the estimated value HT of the lot's options
	// ("optionsValue"), >= 0.
	OptionsValue decimal.Decimal
	// RenewalsValue is the estimated value HT of all the lot's renewals
	// (reconductions) together ("renewalsValue"), >= 0; > 0 requires the
	// consultation to provide for renewals.
	RenewalsValue decimal.Decimal
	// AwardCriteria are the lot's own award criteria ("awardCriteria");
	// when empty, the consultation's apply.
	AwardCriteria []AwardCriterion
}

// TotalValue returns the lot's estimated value HT in the sense of R2121-1
// of the Code de la commande publique: EstimatedValue + OptionsValue +
// RenewalsValue, exact (no rounding).
func (l Lot) TotalValue() decimal.Decimal {
	return l.EstimatedValue.Add(l.OptionsValue).Add(l.RenewalsValue)
}

// AwardCriterion is one award criterion (critère d'attribution) with its
// weight (pondération) in percent.
type AwardCriterion struct {
	// Name is the criterion as the consultation documents state it
	// ("name": "Prix", "Valeur technique"), required.
	Name string `json:"name,omitempty"`
	// Kind is the criterion's kind ("kind"), required.
	Kind CriterionKind `json:"kind,omitempty"`
	// Weight is the criterion's weight in percent ("weight"), 1 to 100;
	// the weights of one list sum to 100.
	Weight int `json:"weight,omitempty"`
}

// CriterionKind is the kind of an award criterion, with the codes of the
// eForms codelist award-criterion-type (BT-539): price, cost or quality.
// R2152-7 of the Code de la commande publique requires a price or cost
// criterion in every set of criteria. The zero CriterionKind is unset and
// fails validation; codes are stable and only ever added at the end.
type CriterionKind int

const (
	// CriterionPrice: the price (prix).
	CriterionPrice CriterionKind = iota + 1
	// CriterionCost: the cost (coût), possibly over the life cycle (R2152-9).
	CriterionCost
	// CriterionQuality: any qualitative, environmental or social criterion
	// (valeur technique, délais, performance environnementale...).
	CriterionQuality
)

var criterionKindCodes = [...]string{"", "price", "cost", "quality"}

// String returns the stable code: "price", "cost" or "quality".
func (k CriterionKind) String() string {
	return codeOf(criterionKindCodes[:], int(k), "CriterionKind")
}

// Valid reports whether k is a known, set kind.
func (k CriterionKind) Valid() bool { return k > 0 && int(k) < len(criterionKindCodes) }

// ParseCriterionKind parses a criterion kind code; unknown codes fail with
// ErrUnknownCriterionKind.
func ParseCriterionKind(s string) (CriterionKind, error) {
	if v, ok := parseCode(criterionKindCodes[:], s); ok {
		return CriterionKind(v), nil
	}
	return 0, &FieldError{Field: "kind", Value: s, Err: ErrUnknownCriterionKind}
}

// MarshalText encodes the code; an unset or unknown kind is an error.
func (k CriterionKind) MarshalText() ([]byte, error) {
	if !k.Valid() {
		return nil, &FieldError{Field: "kind", Value: k.String(), Err: ErrUnknownCriterionKind}
	}
	return []byte(k.String()), nil
}

// UnmarshalText decodes a code; see ParseCriterionKind.
func (k *CriterionKind) UnmarshalText(b []byte) error {
	v, err := ParseCriterionKind(string(b))
	if err == nil {
		*k = v
	}
	return err
}
