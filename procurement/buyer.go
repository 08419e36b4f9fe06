package procurement

// Buyer is the acheteur: the contracting authority or entity that runs the
// consultation. Identifiers are kept as given (strings) so that Validate
// can report every faulty one at once; parse them with ParseSIRET and
// ParseNUTS to get typed values.
//
// The JSON names are those of the struct tags; zero fields are omitted.
// See schema/consultation.schema.json.
type Buyer struct {
	// Name is the buyer's official name ("name"), required.
	Name string `json:"name,omitempty"`
	// SIRET is the 14-digit SIRET of the buyer's establishment ("siret"),
	// required; separator spaces are accepted as by ParseSIRET.
	SIRET string `json:"siret,omitempty"`
	// Kind is the buyer's legal category ("kind"), required: it decides the
	// EU threshold, the payment time limit and some publicity rules.
	Kind BuyerKind `json:"kind,omitempty"`
	// Address is the buyer's postal address ("address"), required.
	Address Address `json:"address"`
	// Territory is the INSEE code of the territory whose public holidays
	// govern the buyer's deadlines ("territory": "75", "2A", "67",
	// "971"...; see calendar.LookupTerritory), required.
	Territory string `json:"territory,omitempty"`
}

// Address is a French postal address with its NUTS code.
type Address struct {
	// Street is the street line ("street"), optional.
	Street string `json:"street,omitempty"`
	// PostalCode is the 5-digit postal code ("postalCode"), required.
	PostalCode string `json:"postalCode,omitempty"`
	// City is the commune ("city"), required.
	City string `json:"city,omitempty"`
	// NUTS is the NUTS 3 (or coarser) code of the place ("nuts": "FR101"
	// for Paris), required and French for a buyer.
	NUTS string `json:"nuts,omitempty"`
}
