package eforms_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"os"

	"github.com/openmarches/marches/procurement/eforms"
)

// The examples load miniSDK(), a miniature SDK written by hand in the
// layout of the eForms SDK 1.15.1 (a dozen fields) and held in memory, so
// that they run anywhere; LoadSDK takes any fs.FS. With the real SDK, pass
// its directory instead: eforms.LoadSDK(os.DirFS("shared/eforms-sdk/1.15.1")).

// miniSDK is the test fixture of minisdk_test.go (hand-written, not SDK
// files), exported to this package in test builds only.
func miniSDK() fs.FS { return eforms.MiniSDKFixture() }

func ExampleLoadSDK() {
	sdk, err := eforms.LoadSDK(miniSDK())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(sdk.Version())
	fmt.Println(sdk.Subtypes())
	// The miniature SDK, like our copy of SDK 1.15.1, lacks cpv.gc: the
	// list is read from the static Schematron.
	for _, n := range sdk.Notes() {
		fmt.Println(n)
	}
	// Output:
	// eforms-sdk-mini
	// [16 29]
	// code list cpv: file cpv.gc missing; 3 codes read from schematrons/static/validation-stage-3b.sch, rule BR-BT-00262-0155 (field BT-262-Lot)
}

func ExampleSDK_Check() {
	sdk, err := eforms.LoadSDK(miniSDK())
	if err != nil {
		log.Fatal(err)
	}
	notice, err := os.ReadFile("testdata/check_mini_cn16.xml")
	if err != nil {
		log.Fatal(err)
	}
	// An open procedure turned into a restricted one, without the
	// deadline for requests to participate that it needs.
	notice = bytes.Replace(notice, []byte(">open<"), []byte(">restricted<"), 1)
	rep, err := sdk.Check(notice)
	if err != nil {
		log.Fatal(err) // not XML, too large, too deep, or with a DTD
	}
	fmt.Println("subtype", rep.Subtype, "valid:", rep.Valid())
	for _, p := range rep.Problems {
		fmt.Printf("%s %s (%s) line %d\n  %s\n  %s\n", p.Kind, p.Field, p.BT, p.Line, p.MessageEN, p.MessageFR)
	}
	// Output:
	// subtype 16 valid: false
	// forbidden BT-131(d)-Lot (BT-131) line 55
	//   LOT-0001: Deadline Receipt Tenders (BT-131(d)-Lot) must not be used in notice subtype 16 (condition: BT-105-Procedure not in ('open','oth-single')).
	//   LOT-0001 : le champ « Deadline Receipt Tenders » (BT-131(d)-Lot) est interdit pour le sous-type d'avis 16 (condition : BT-105-Procedure not in ('open','oth-single')).
	// missing BT-1311(d)-Lot (BT-1311) line 53
	//   LOT-0001: Deadline Receipt Requests (BT-1311(d)-Lot) is mandatory in notice subtype 16 but is missing (condition: BT-105-Procedure in ('restricted','neg-w-call')).
	//   LOT-0001 : le champ « Deadline Receipt Requests » (BT-1311(d)-Lot) est obligatoire pour le sous-type d'avis 16 mais il est absent (condition : BT-105-Procedure in ('restricted','neg-w-call')).
}

func ExampleCheckReport_Err() {
	sdk, err := eforms.LoadSDK(miniSDK())
	if err != nil {
		log.Fatal(err)
	}
	notice, err := os.ReadFile("testdata/check_mini_cn16.xml")
	if err != nil {
		log.Fatal(err)
	}
	notice = bytes.Replace(notice, []byte(">45210000<"), []byte(">99999999<"), 1)
	rep, err := sdk.Check(notice)
	if err != nil {
		log.Fatal(err)
	}
	err = rep.Err()
	fmt.Println(errors.Is(err, eforms.ErrCheckCode), errors.Is(err, eforms.ErrCheckMissing))
	var fe *eforms.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Field, fe.Value)
	}
	// Output:
	// true false
	// BT-262-Lot[LOT-0001] 99999999
}
