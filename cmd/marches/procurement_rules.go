package main

import "github.com/openmarches/marches/calendar"

// Placeholder: "marches procurement rules|deadline|standstill|interest"
// land here, with the demo's procurement section.

func procurementRulesCommands() []command { return nil }

// demoProcurement returns the demo's procurement section, or nil. c is the
// contract's support calendar.
func demoProcurement(c *calendar.Calendar) (any, error) { return nil, nil }
