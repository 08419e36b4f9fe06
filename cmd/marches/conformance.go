package main

// Placeholder: "marches verify" and "marches vectors export" land here.

func conformanceCommands() []command { return nil }
