package main

// Placeholder: "marches eforms generate|check|parse" land here, with the
// demo's eForms section.

func eformsCommands() []command { return nil }

// demoEForms returns the demo's eForms section, or nil. When
// opts.reportDir is set it also writes the sample consultation's contract
// notice and award notice there.
func demoEForms(opts demoOptions) (any, error) { return nil, nil }
