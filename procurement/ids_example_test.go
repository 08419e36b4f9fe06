package procurement_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/openmarches/marches/calendar"
	"github.com/openmarches/marches/procurement"
)

func ExampleParseSIRET() {
	s, err := procurement.ParseSIRET("356 000 000 49837") // La Poste: digit-sum rule
	fmt.Println(s, s.SIREN(), s.NIC(), err)
	_, err = procurement.ParseSIRET("73282932000075")
	fmt.Println(errors.Is(err, procurement.ErrSIRETChecksum))
	// Output:
	// 35600000049837 356000000 49837 <nil>
	// true
}

func ExampleParseSIREN() {
	n, err := procurement.ParseSIREN("200 011 773")
	fmt.Println(n, err)
	// Output: 200011773 <nil>
}

func ExampleParseCPV() {
	c, _ := procurement.ParseCPV("72261000-2")
	fmt.Println(c.Division(), c.Group(), c.Class(), c.Category(), c.Level())
	_, err := procurement.ParseCPV("72261000-3")
	fmt.Println(err)
	// Output:
	// 72 722 7226 72261 4
	// cpv "72261000-3": procurement: CPV check digit does not match the code (want 72261000-2)
}

func ExampleParseCPVCode() {
	c, _ := procurement.ParseCPVCode("03300000") // a code whose digit is not the weighted sum
	fmt.Println(c)
	// Output: 03300000-2
}

func ExampleParseNUTS() {
	n, _ := procurement.ParseNUTS("FRK28")
	fmt.Println(n.Country(), n.Level())
	_, err := procurement.ParseNUTS("FR30") // NUTS 2013 Nord-Pas-de-Calais
	fmt.Println(errors.Is(err, procurement.ErrNUTSUnknown))
	// Output:
	// FR 3
	// true
}

func ExampleParseACTES() {
	a, _ := procurement.ParseACTES("074-200011773-20260421-D_2026_0083-AU")
	fmt.Println(a.Department(), a.SIREN(), a.Date(), a.Number(), a.Nature(), a.Nature().Code(), a.Nature().Label())
	// Output: 074 200011773 2026-04-21 D_2026_0083 AU 6 Autres
}

func ExampleNewACTES() {
	a, err := procurement.NewACTES(procurement.ACTESParts{
		Department: "074",
		SIREN:      procurement.MustParseSIREN("200011773"),
		Date:       calendar.MustDate(2026, time.May, 4),
		Number:     "M_2026_0012",
		Nature:     procurement.ACTESContract,
	})
	fmt.Println(a, err)
	// Output: 074-200011773-20260504-M_2026_0012-CC <nil>
}

func ExampleVATFromSIREN() {
	v := procurement.VATFromSIREN(procurement.MustParseSIREN("404833048"))
	fmt.Println(v, v.Key())
	// Output: FR83404833048 83
}
