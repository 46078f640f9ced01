// Package cli is sflint's command line: it parses arguments, runs the
// subcommand and maps the outcome to an exit code. main is a thin wrapper
// around Run so that tests can drive the real command in-process.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/spf13/pflag"

	"github.com/sflint/sflint/internal/engine"
	"github.com/sflint/sflint/rules"
)

// Exit codes.
const (
	ExitOK        = 0   // nothing at or above --fail-on was found
	ExitFindings  = 1   // findings at or above --fail-on
	ExitUsage     = 2   // bad arguments, configuration, project file or policy
	ExitInternal  = 3   // a bug in sflint
	ExitInterrupt = 130 // interrupted (SIGINT), as shells report it
)

type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

type command struct {
	name    string
	summary string
	usage   string
	run     func(e *env, args []string) int
}

var commands []*command

func init() {
	commands = []*command{
		{"lint", "lint an SFDX project", "lint [flags] [PATH...]", runLint},
		{"rules", "list the rule catalog", "rules [flags]", runRules},
		{"explain", "show a rule's documentation, or the rules behind a runtime error",
			"explain RULE | ERROR-TEXT", runExplain},
		{"inspect", "print the input document the rules see", "inspect [PATH]", runInspect},
		{"config", "print the effective configuration (.sflint.yaml)", "config [flags] [PATH]", runConfig},
		{"test", "run the Rego unit tests of your policies", "test [flags] [PATH...]", runTest},
		{"gen", "scaffold an integration, Apex controller or LWC", "gen GENERATOR [flags]", runGen},
		{"version", "print the version", "version", runVersion},
	}
}

// Run runs sflint with the given arguments (without the program name) and
// returns the exit code.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "sflint: internal error: %v\n%s", r, debug.Stack())
			code = ExitInternal
		}
	}()
	if len(args) == 0 {
		usage(stderr)
		return ExitUsage
	}
	switch args[0] {
	case "-h", "--help", "help":
		usage(stdout)
		return ExitOK
	case "--version":
		return runVersion(e, nil)
	}
	for _, c := range commands {
		if c.name == args[0] {
			code := c.run(e, args[1:])
			if ctx.Err() != nil {
				fmt.Fprintln(stderr, "sflint: interrupted")
				return ExitInterrupt
			}
			return code
		}
	}
	fmt.Fprintf(stderr, "sflint: unknown command %q; valid commands: %s\n", args[0], strings.Join(commandNames(), ", "))
	return ExitUsage
}

func commandNames() []string {
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
	}
	return names
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "sflint checks Salesforce integrations (External Client Apps, External Credentials,")
	fmt.Fprintln(w, "Named Credentials, permission sets) in an SFDX project before they are deployed.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: sflint COMMAND [flags] [args]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'sflint COMMAND --help' for a command's flags.")
	fmt.Fprintln(w, "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error, 3 internal error.")
}

// flagSet builds a command's flag set; parse errors are reported by parseFlags.
func flagSet(e *env, name string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = true
	return fs
}

// parseFlags parses args; it returns done with an exit code for --help and for
// errors, which are one line naming the valid flags.
func parseFlags(e *env, c string, fs *pflag.FlagSet, args []string) (code int, done bool) {
	help := fs.BoolP("help", "h", false, "show this help")
	err := fs.Parse(args)
	switch {
	case err != nil:
		var names []string
		fs.VisitAll(func(f *pflag.Flag) { names = append(names, "--"+f.Name) })
		sort.Strings(names)
		fmt.Fprintf(e.stderr, "sflint %s: %v; valid flags: %s\n", c, err, strings.Join(names, ", "))
		return ExitUsage, true
	case *help:
		for _, cmd := range commands {
			if cmd.name == c {
				fmt.Fprintf(e.stdout, "Usage: sflint %s\n\n%s.\n\nFlags:\n", cmd.usage, upperFirst(cmd.summary))
			}
		}
		fs.SetOutput(e.stdout)
		fs.PrintDefaults()
		return ExitOK, true
	}
	return 0, false
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// loadCatalog reads the built-in rules.
func loadCatalog() (*engine.Catalog, error) {
	return engine.Load(rules.FS, "rules")
}

// fail prints an error as one line and picks its exit code.
func fail(e *env, c string, err error) int {
	if errors.Is(err, context.Canceled) {
		return ExitInterrupt // Run says so once
	}
	fmt.Fprintf(e.stderr, "sflint %s: %v\n", c, err)
	var internal *internalError
	if errors.As(err, &internal) {
		return ExitInternal
	}
	return ExitUsage
}

// internalError marks failures that are sflint's fault, not the input's.
type internalError struct{ err error }

func (e *internalError) Error() string { return "internal error: " + e.err.Error() }
func (e *internalError) Unwrap() error { return e.err }

func runVersion(e *env, args []string) int {
	fs := flagSet(e, "version")
	if code, done := parseFlags(e, "version", fs, args); done {
		return code
	}
	fmt.Fprintf(e.stdout, "sflint %s\n", version())
	return ExitOK
}

// devVersion names builds that carry no module version (go run, go build
// in a clone); it is a valid semantic version, as SARIF consumers expect.
const devVersion = "v0.1.0-dev"

func version() string {
	v, opa := devVersion, ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
		for _, d := range bi.Deps {
			if d.Path == "github.com/open-policy-agent/opa" {
				opa = d.Version
			}
		}
	}
	if opa != "" {
		return fmt.Sprintf("%s (OPA %s)", v, opa)
	}
	return v
}
