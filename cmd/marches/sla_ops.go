package main

import "github.com/openmarches/marches/calendar"

// Placeholder: "marches sla availability|qos|support|backups|deploy|report"
// land here, with the demo's operations section.

func slaOpsCommands() []command { return nil }

// demoOperations returns the demo's operations section (availability
// table, QoS, support, backups), or nil. When opts.reportDir is set it also
// writes the HTML production report there.
func demoOperations(c *calendar.Calendar, opts demoOptions) (any, error) { return nil, nil }
