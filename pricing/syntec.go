package pricing

import (
	_ "embed"
	"sync"

	"github.com/shopspring/decimal"
)

// The shipped Syntec snapshot: data/syntec.csv, whose header names the
// publisher, the sources of each value, the retrieval date and the gaps.
//
//go:embed data/syntec.csv
var syntecCSV []byte

// Version and retrieval date of the shipped Syntec snapshot; they match
// the header of data/syntec.csv (a test checks it).
const (
	// SyntecVersion is the publication date of the latest value included
	// (October 2025, published 2025-11-28).
	SyntecVersion = "2025-11-28"
	// SyntecRetrieved is the date the values were last checked against
	// their sources.
	SyntecRetrieved = "2026-11-29"
)

// SyntecLink is the Syntec series break of August 2022: the indice Syntec
// révisé replaced the old series, revised = old × 0.97975, the coefficient
// de raccord 280.6 / 286.4 published by the Fédération Syntec (Le Moniteur,
// October 2022; SVP, July 2023).
var SyntecLink = Link{
	From: "old", To: "revised", Month: Month{year: 2022, month: 8},
	Coefficient: decimal.New(97975, -5),
	Source:      "https://www.lemoniteur.fr/article/contrats-un-nouvel-indice-syntec-plus-precis-et-plus-representatif.2230547",
}

// SyntecConfig returns the configuration of the Syntec series: name
// "syntec", bases "old" and "revised" with SyntecLink, publication at the
// end of month M+1 (PublicationLag{1, 0}). Use it with ParseSeriesCSV to
// load newer values than the shipped snapshot.
func SyntecConfig() SeriesConfig {
	return SeriesConfig{
		Name:      "syntec",
		Bases:     []string{"old", "revised"},
		Links:     []Link{SyntecLink},
		Lag:       PublicationLag{Months: 1, Day: 0},
		Source:    "Fédération Syntec (https://www.syntec.fr/indicateurs/indice-syntec/), values as read from the sources named per value",
		Retrieved: Date{year: 2026, month: 11, day: 29},
		Version:   SyntecVersion,
	}
}

var syntecSeries = sync.OnceValues(func() (*Series, error) { return ParseSeriesCSV(SyntecConfig(), syntecCSV) })

// Syntec returns the shipped snapshot of the Syntec index (see
// SyntecVersion): old series 2019-01..2021-12, revised series from
// 2022-08 with gaps, each value with its source and, when found, its
// publication date. The series is parsed once and shared; it is
// immutable. Months the snapshot lacks are ErrMissingMonth, never
// filled in.
func Syntec() *Series {
	s, err := syntecSeries()
	if err != nil {
		panic("pricing: shipped data/syntec.csv is invalid: " + err.Error())
	}
	return s
}

// LookupSeries returns the shipped series with that name ("syntec"), or
// ErrUnknownSeries.
func LookupSeries(name string) (*Series, error) {
	if name == "syntec" {
		return Syntec(), nil
	}
	return nil, &FieldError{Field: "series", Value: name, Err: ErrUnknownSeries}
}
