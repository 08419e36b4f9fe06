package procurement

import (
	"github.com/openmarches/marches/calendar"
	"github.com/shopspring/decimal"
)

// Tenderer is an economic operator that submitted a tender
// (soumissionnaire). The JSON names are those of the struct tags; zero
// fields are omitted.
type Tenderer struct {
	// ID identifies the tenderer within the consultation ("id", e.g. the
	// tender's registration number, "pli 3"), required and unique; awards
	// refer to it.
	ID string `json:"id,omitempty"`
	// Name is the tenderer's name ("name"), required.
	Name string `json:"name,omitempty"`
	// SIRET is the tenderer's SIRET ("siret"), optional (a foreign operator
	// has none); valid as by ParseSIRET when given.
	SIRET string `json:"siret,omitempty"`
	// SME reports whether the tenderer is a small or medium-sized
	// enterprise (PME, "sme").
	SME bool `json:"sme,omitempty"`
}

// Award is the award (attribution) of a lot, or of the whole consultation
// when it has no lots, to one tenderer. A framework agreement with several
// holders (accord-cadre multi-attributaire) has one Award per holder.
//
// Award marshals to JSON with MarshalJSON (the amount as a string with 2
// decimals, zero fields omitted) and back with UnmarshalJSON.
type Award struct {
	// Lot is the number of the awarded lot ("lot"); 0 (omitted) when the
	// consultation has no lots.
	Lot int
	// Tenderer is the ID of the successful tenderer ("tenderer"), required.
	Tenderer string
	// Amount is the amount of the contract HT in euros ("amount"), > 0 and
	// exact to the cent.
	Amount decimal.Decimal
	// Date is the date of the award decision ("date", YYYY-MM-DD),
	// required; not before the day of the deadline for tenders.
	Date calendar.Date
}
