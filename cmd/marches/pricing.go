package main

// Placeholder: the pricing package's commands and demo section land here.

func pricingCommands() []command { return nil }

// demoPricing returns the demo's pricing section, or nil.
func demoPricing() (any, error) { return nil, nil }
