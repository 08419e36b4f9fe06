package priority

import (
	"os"

	"golang.org/x/text/language"
)

var (
	langFR   = language.French
	langFRCA = language.MustParse("fr-CA")
	langEN   = language.English
	langDE   = language.German
)

// defaultJSON is testdata/default.json, the contract's matrix written by
// hand (not by MarshalJSON), so that loading it checks Default independently.
var defaultJSON = mustRead("testdata/default.json")

func mustRead(path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		panic(err)
	}
	return b
}
