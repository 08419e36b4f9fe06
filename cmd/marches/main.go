// Command marches is a JSON-in/JSON-out command-line tool over the marches
// SDK, for platforms and test suites that do not run Go.
//
// Every subcommand takes flags, or a JSON document of the same names with
// --input FILE (or - for standard input); explicit flags win over the
// document. Results are JSON on standard output. Bad input gives a JSON
// object {"error":{"field":...,"rule":...,"message":...}} on standard error
// (with every violation under "errors" when there are several) and exit
// status 2; exit status 1 means the tool itself failed (e.g. writing its
// output). Run "marches help" for the list of subcommands.
package main

import (
	"context"
	"os"
	"os/signal"

	// Embed the IANA time zone database so deadlines are right on machines
	// without /usr/share/zoneinfo. Library packages leave this choice to
	// the program, as the standard library advises.
	_ "time/tzdata"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
