package main

// Placeholder: "marches sla availability|qos|support" land here.

func slaKPICommands() []command { return nil }
