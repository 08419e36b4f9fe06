package main

import "github.com/openmarches/marches/calendar"

// Placeholder: the sla package's commands and demo section land here.

func slaCommands() []command { return nil }

// demoSLA returns the demo's SLA section, or nil. c is the contract's
// support calendar.
func demoSLA(c *calendar.Calendar) (any, error) { return nil, nil }
