package main

// Placeholder: the priority package's commands and demo section land here.

func priorityCommands() []command { return nil }

// demoPriority returns the demo's priority section, or nil.
func demoPriority() (any, error) { return nil, nil }
