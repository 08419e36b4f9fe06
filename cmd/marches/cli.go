package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/openmarches/marches/internal/fielderr"
)

// Exit statuses.
const (
	exitOK       = 0
	exitInternal = 1 // the tool failed (I/O); also "marches verify": the answers are wrong
	exitBadInput = 2 // bad flags, bad JSON, a rule violated by the input
)

// command is one subcommand: its path ("calendar add"), a one-line
// summary, and a function that declares its flags and returns the action.
type command struct {
	name    string
	summary string
	// setup declares the command's flags and returns its action. A
	// command whose --input is a document of its own (a consultation, a
	// list of incidents) declares the "input" flag itself and reads it
	// with readInput; otherwise --input is the generic JSON object of
	// flags.
	setup func(fs *flag.FlagSet) func(env *env) (any, error)
}

// rawOutput is the result of a command that formats its own output (XML,
// a text or JUnit report) or ends with a status other than 0 without an
// error (verify's "answers wrong"): run writes body to standard output as
// is and exits with code.
type rawOutput struct {
	body []byte
	code int
}

// env is what an action may use: the standard streams and the context.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// commands lists every subcommand. Each area of the SDK declares its own
// in <area>.go; the order here is the order of "marches help".
func commands() []command {
	all := []command{
		{"demo", "End-to-end walk through the contract, one section per package", demoCmd},
	}
	for _, area := range [][]command{
		calendarCommands(),
		priorityCommands(),
		slaCommands(),
		slaKPICommands(),
		slaOpsCommands(),
		pricingCommands(),
		procurementIDCommands(),
		procurementModelCommands(),
		procurementRulesCommands(),
		eformsCommands(),
		clausesCommands(),
		conformanceCommands(),
	} {
		all = append(all, area...)
	}
	return all
}

// usageError is a problem with the command line itself.
var (
	errUsage         = fielderr.NewRule("usage", "marches: invalid command line")
	errRequired      = fielderr.NewRule("required", "marches: value is required")
	errInvalidTime   = fielderr.NewRule("invalid_time", "marches: time must be RFC 3339, e.g. 2026-11-27T18:00:00+01:00")
	errInvalidDur    = fielderr.NewRule("invalid_duration", "marches: duration must be a Go duration, e.g. 4h or 90m")
	errInvalidInt    = fielderr.NewRule("invalid_integer", "marches: value must be an integer")
	errInvalidJSON   = fielderr.NewRule("invalid_json", "marches: input must be a JSON object of flag names to values")
	errUnknownField  = fielderr.NewRule("unknown_field", "marches: unknown input field")
	errInputReadFail = fielderr.NewRule("input_unreadable", "marches: cannot read the input file")
)

// run is the whole program; main only wires the process to it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		if len(args) > 1 {
			// "marches help calendar add" == "marches calendar add -h"
			return run(ctx, append(args[1:], "-h"), stdin, stdout, stderr)
		}
		printHelp(stdout)
		return exitOK
	}
	var cmd *command
	var rest []string
	for _, c := range commands() {
		words := strings.Fields(c.name)
		if len(args) >= len(words) && slices.Equal(args[:len(words)], words) {
			if cmd == nil || len(words) > len(strings.Fields(cmd.name)) {
				c := c
				cmd, rest = &c, args[len(words):]
			}
		}
	}
	if cmd == nil {
		return fail(stderr, &fielderr.Error{Field: "command", Value: strings.Join(args, " "), Err: errUsage,
			Detail: "unknown command; run \"marches help\""})
	}
	fs := flag.NewFlagSet("marches "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	action := cmd.setup(fs)
	var input *string
	if fs.Lookup("input") == nil {
		input = fs.String("input", "", "read the flags from a JSON object in `FILE` (- for standard input); explicit flags win")
	}
	if err := fs.Parse(rest); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printCommandHelp(stdout, cmd, fs)
			return exitOK
		}
		return fail(stderr, &fielderr.Error{Field: "flags", Value: strings.Join(rest, " "), Err: errUsage, Detail: err.Error()})
	}
	// A command whose --input is its own document also takes that document
	// as its one positional argument: "marches eforms check --sdk DIR
	// FILE.xml" is "marches eforms check --sdk DIR --input FILE.xml".
	if own := fs.Lookup("input"); input == nil && own != nil && own.Value.String() == "" && fs.NArg() == 1 {
		if err := fs.Set("input", fs.Arg(0)); err != nil {
			return fail(stderr, asFieldError("input", fs.Arg(0), err))
		}
	} else if fs.NArg() > 0 {
		return fail(stderr, &fielderr.Error{Field: "flags", Value: strings.Join(fs.Args(), " "), Err: errUsage,
			Detail: "unexpected argument"})
	}
	if input != nil && *input != "" {
		if err := applyInput(fs, *input, stdin); err != nil {
			return fail(stderr, err)
		}
	}
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}
	out, err := action(e)
	if err != nil {
		return fail(stderr, err)
	}
	if o, ok := out.(rawOutput); ok {
		if _, err := stdout.Write(o.body); err != nil {
			fmt.Fprintf(stderr, "marches: writing output: %v\n", err)
			return exitInternal
		}
		return o.code
	}
	if err := writeJSON(stdout, out); err != nil {
		fmt.Fprintf(stderr, "marches: writing output: %v\n", err)
		return exitInternal
	}
	return exitOK
}

// applyInput reads a JSON object and sets every flag it names that was not
// given explicitly. Strings are passed as is, numbers and booleans as
// their JSON text, objects and arrays as their raw JSON.
func applyInput(fs *flag.FlagSet, path string, stdin io.Reader) error {
	data, err := readInput(path, stdin)
	if err != nil {
		return err
	}
	var doc map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil || doc == nil {
		detail := "not a JSON object"
		if err != nil {
			detail = err.Error()
		}
		return &fielderr.Error{Field: "input", Value: path, Err: errInvalidJSON, Detail: detail}
	}
	if dec.More() {
		return &fielderr.Error{Field: "input", Value: path, Err: errInvalidJSON, Detail: "trailing data after the object"}
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	keys := make([]string, 0, len(doc))
	for k := range doc {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var errs []*fielderr.Error
	for _, k := range keys {
		f := fs.Lookup(k)
		if f == nil || k == "input" {
			errs = append(errs, &fielderr.Error{Field: k, Value: string(doc[k]), Err: errUnknownField})
			continue
		}
		if set[k] {
			continue
		}
		raw := bytes.TrimSpace(doc[k])
		val := string(raw)
		if len(raw) > 0 && raw[0] == '"' {
			if err := json.Unmarshal(raw, &val); err != nil {
				errs = append(errs, &fielderr.Error{Field: k, Value: string(raw), Err: errInvalidJSON, Detail: err.Error()})
				continue
			}
		}
		if err := fs.Set(k, val); err != nil {
			errs = append(errs, asFieldError(k, val, err))
		}
	}
	if len(errs) > 0 {
		return fielderr.Join(errs)
	}
	return nil
}

// maxInput bounds what --input reads, so a runaway pipe cannot exhaust
// memory.
const maxInput = 256 << 20

// readInput reads the --input file, or standard input for "-"; commands
// whose --input is a document call it from their action.
func readInput(path string, stdin io.Reader) ([]byte, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(io.LimitReader(stdin, maxInput+1))
	} else {
		var f *os.File
		if f, err = os.Open(path); err == nil {
			data, err = io.ReadAll(io.LimitReader(f, maxInput+1))
			f.Close()
		}
	}
	if err != nil {
		return nil, &fielderr.Error{Field: "input", Value: path, Err: errInputReadFail, Detail: err.Error()}
	}
	if len(data) > maxInput {
		return nil, &fielderr.Error{Field: "input", Value: path, Err: errInputReadFail, Detail: "larger than 256 MiB"}
	}
	return data, nil
}

func asFieldError(field, value string, err error) *fielderr.Error {
	var fe *fielderr.Error
	if errors.As(err, &fe) {
		return fe
	}
	return &fielderr.Error{Field: field, Value: value, Err: errUsage, Detail: err.Error()}
}

type jsonError struct {
	Field   string `json:"field"`
	Rule    string `json:"rule"`
	Message string `json:"message"`
}

// fail writes err as the JSON error object and returns exitBadInput.
func fail(stderr io.Writer, err error) int {
	var list []jsonError
	for _, e := range flatten(err) {
		je := jsonError{Rule: fielderr.RuleCode(e), Message: e.Error()}
		var fe *fielderr.Error
		if errors.As(e, &fe) {
			je.Field = fe.Field
		}
		list = append(list, je)
	}
	out := map[string]any{"error": list[0]}
	if len(list) > 1 {
		out["errors"] = list
	}
	_ = writeJSON(stderr, out)
	return exitBadInput
}

// flatten returns the leaves of an error list (fielderr.List or
// errors.Join) in order, or err itself.
func flatten(err error) []error {
	if m, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range m.Unwrap() {
			out = append(out, flatten(e)...)
		}
		if len(out) > 0 {
			return out
		}
	}
	return []error{err}
}

// writeJSON writes v as indented JSON with a final newline, in one write,
// without HTML escaping (so "<=" stays readable).
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "marches: French public procurement rules as JSON in, JSON out.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: marches <command> [flags]   (or --input FILE|- with a JSON object of the same flags)")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-24s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run \"marches <command> -h\" for the flags of a command.")
	fmt.Fprintln(w, "Errors: a JSON object {\"error\":{\"field\",\"rule\",\"message\"}} on stderr, exit status 2.")
	fmt.Fprintln(w, "Exit status 1: the tool itself failed, or \"marches verify\" found wrong answers.")
}

func printCommandHelp(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "marches %s: %s\n\nFlags:\n", c.name, c.summary)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// Flag parsing helpers: each returns a *fielderr.Error naming the flag.

func parseTime(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, &fielderr.Error{Field: field, Err: errRequired}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, &fielderr.Error{Field: field, Value: s, Err: errInvalidTime}
	}
	return t, nil
}

func parseDuration(field, s string) (time.Duration, error) {
	if s == "" {
		return 0, &fielderr.Error{Field: field, Err: errRequired}
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, &fielderr.Error{Field: field, Value: s, Err: errInvalidDur}
	}
	return d, nil
}

func parseInt(field, s string) (int, error) {
	if s == "" {
		return 0, &fielderr.Error{Field: field, Err: errRequired}
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, &fielderr.Error{Field: field, Value: s, Err: errInvalidInt}
	}
	return n, nil
}

func formatTime(t time.Time) string { return t.Format(time.RFC3339Nano) }
