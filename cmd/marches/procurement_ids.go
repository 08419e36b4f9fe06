package main

// Placeholder: "marches procurement id" lands here.

func procurementIDCommands() []command { return nil }
