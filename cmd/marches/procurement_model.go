package main

// Placeholder: "marches procurement check" lands here.

func procurementModelCommands() []command { return nil }
