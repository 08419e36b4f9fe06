package main

// Placeholder: "marches clauses ..." land here, with the demo's clauses
// section.

func clausesCommands() []command { return nil }

// demoClauses returns the demo's clauses section, or nil. When
// opts.reportDir is set it also writes the sample consultation's documents
// (RC, CCAP, AE) there.
func demoClauses(opts demoOptions) (any, error) { return nil, nil }
