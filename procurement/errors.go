package procurement

import "github.com/openmarches/marches/internal/fielderr"

// FieldError is a violation of one rule by one input field: Field is a path
// in the input's JSON names ("lots[2].estimatedValue"), Value the value as
// given, Err one of the sentinels of this package (errors.Is works through
// Unwrap), Detail optional context.
type FieldError = fielderr.Error

// Sentinels of the shared enumerations. Other areas of the package declare
// theirs in errors_<area>.go.
var (
	// ErrUnknownBuyerKind: the buyer kind code is not one of BuyerKind's.
	ErrUnknownBuyerKind = fielderr.NewRule("unknown_buyer_kind", "procurement: unknown buyer kind (want state, local_authority, health, other_contracting_authority, utility or public_undertaking)")
	// ErrUnknownNature: the contract nature is not works, supplies or services.
	ErrUnknownNature = fielderr.NewRule("unknown_nature", "procurement: unknown contract nature (want works, supplies or services)")
	// ErrUnknownProcedure: the procedure code is not one of Procedure's.
	ErrUnknownProcedure = fielderr.NewRule("unknown_procedure", "procurement: unknown procedure (want sans_publicite, adapte, ouvert, restreint, negocie, dialogue or partenariat_innovation)")
)
