package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/sflint/sflint/internal/engine"
	"github.com/sflint/sflint/internal/gen"
	"github.com/sflint/sflint/internal/lint"
	"github.com/sflint/sflint/internal/report"
)

// genCommand is one generator of sflint gen.
type genCommand struct {
	name    string
	summary string
	usage   string
	flags   func(fs *pflag.FlagSet) genFunc // declares its flags; the result generates
}

// genFunc renders a generator's files once flags and arguments are parsed.
type genFunc func(g *gen.Generator, t *gen.Target, args []string) (*gen.Output, error)

var genCommands = []*genCommand{
	{"integration",
		"an External Client App, External Credential, Named Credential and permission sets",
		"gen integration NAME --my-domain HOST --run-as USERNAME [--scopes api,...] [--tooling]",
		integrationFlags},
	{"controller", "an Apex controller that calls a Named Credential, with its test",
		`gen controller NAME --named-credential NC [--rest PATH ...] [--tooling-query "SOQL" ...]`,
		controllerFlags},
	{"lwc", "a Lightning web component that calls a controller's @AuraEnabled methods",
		"gen lwc NAME --controller CLASS", lwcFlags},
	{"example", "all three, wired to each other", "gen example --my-domain HOST --run-as USERNAME",
		exampleFlags},
}

const myDomainHelp = "the org's My Domain host, e.g. acme.my.salesforce.com"

// genOptions are the flags every generator has.
type genOptions struct {
	project, outputDir, apiVersion, templates string
	force, dryRun                             bool
}

func (o *genOptions) declare(fs *pflag.FlagSet) {
	fs.StringVar(&o.project, "project", ".", "a path inside the SFDX project to generate into")
	fs.StringVar(&o.outputDir, "output-dir", "",
		"directory for the standard folders (default: main/default in the default package directory)")
	fs.StringVar(&o.apiVersion, "api-version", "",
		"API version (default: sourceApiVersion of sfdx-project.json)")
	fs.StringVar(&o.templates, "templates", "",
		"directory whose templates replace the built-in ones of the same name")
	fs.BoolVar(&o.force, "force", false, "replace files that exist with other content")
	fs.BoolVar(&o.dryRun, "dry-run", false, "print what would be written, write nothing")
}

func runGen(e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		w := e.stdout
		if len(args) == 0 {
			w = e.stderr
		}
		genUsage(w)
		if len(args) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	for _, c := range genCommands {
		if c.name == args[0] {
			return runGenCommand(e, c, args[1:])
		}
	}
	var names []string
	for _, c := range genCommands {
		names = append(names, c.name)
	}
	fmt.Fprintf(e.stderr, "sflint gen: unknown generator %q; valid generators: %s\n",
		args[0], strings.Join(names, ", "))
	return ExitUsage
}

func genUsage(w io.Writer) {
	fmt.Fprintln(w, "Usage: sflint gen GENERATOR [flags]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Generators:")
	for _, c := range genCommands {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'sflint gen GENERATOR --help' for its flags.")
	fmt.Fprintln(w, "Exit codes: 0 written, 1 findings in what was written, "+
		"2 bad input or conflicting files, 3 internal error.")
}

func runGenCommand(e *env, c *genCommand, args []string) int {
	name := "gen " + c.name
	fs := flagSet(e, name)
	var opt genOptions
	opt.declare(fs)
	generate := c.flags(fs)
	if code, done := parseGenFlags(e, c, fs, args); done {
		return code
	}
	tmpl, err := gen.LoadTemplates(opt.templates)
	if err != nil {
		return fail(e, name, genError(err))
	}
	target, err := gen.FindTarget(opt.project, opt.outputDir, opt.apiVersion)
	if err != nil {
		return fail(e, name, genError(err))
	}
	g := &gen.Generator{Templates: tmpl, APIVersion: target.APIVersion}
	out, err := generate(g, target, fs.Args())
	if err != nil {
		return fail(e, name, genError(err))
	}
	return writeOutput(e, name, target, out, opt)
}

// parseGenFlags parses a generator's flags; --help prints its usage.
func parseGenFlags(e *env, c *genCommand, fs *pflag.FlagSet, args []string) (int, bool) {
	help := fs.BoolP("help", "h", false, "show this help")
	if err := fs.Parse(args); err != nil {
		var names []string
		fs.VisitAll(func(f *pflag.Flag) { names = append(names, "--"+f.Name) })
		fmt.Fprintf(e.stderr, "sflint gen %s: %v; valid flags: %s\n",
			c.name, err, strings.Join(names, ", "))
		return ExitUsage, true
	}
	if *help {
		fmt.Fprintf(e.stdout, "Usage: sflint %s\n\nGenerates %s.\n\nFlags:\n", c.usage, c.summary)
		fs.SetOutput(e.stdout)
		fs.PrintDefaults()
		return ExitOK, true
	}
	return 0, false
}

// genError marks errors that are not the input's fault as internal.
func genError(err error) error {
	var ie *gen.InputError
	var np *gen.NoProjectError
	var uc *gen.UnknownControllerError
	switch {
	case errors.As(err, &ie), errors.As(err, &np), errors.As(err, &uc), isInputError(err):
		return err
	}
	return &internalError{err}
}

// oneName reads the single NAME argument of a generator.
func oneName(args []string, what string) (string, error) {
	if len(args) != 1 {
		return "", &gen.InputError{Problems: []string{
			fmt.Sprintf("expected one %s argument, got %d", what, len(args))}}
	}
	return args[0], nil
}

func integrationFlags(fs *pflag.FlagSet) genFunc {
	var spec gen.IntegrationSpec
	fs.StringVar(&spec.MyDomain, "my-domain", "", myDomainHelp)
	fs.StringVar(&spec.RunAs, "run-as", "", "username of the integration (Run As) user")
	fs.StringArrayVar(&spec.Scopes, "scopes", nil, "OAuth scopes, comma-separated (default api)")
	fs.BoolVar(&spec.Tooling, "tooling", false, "grant the Run As user what Tooling API reads need")
	return func(g *gen.Generator, _ *gen.Target, args []string) (*gen.Output, error) {
		name, err := oneName(args, "NAME")
		if err != nil {
			return nil, err
		}
		spec.Name = name
		return g.Integration(spec)
	}
}

func controllerFlags(fs *pflag.FlagSet) genFunc {
	var spec gen.ControllerSpec
	fs.StringVar(&spec.NamedCredential, "named-credential", "",
		"the Named Credential the controller calls")
	fs.StringArrayVar(&spec.REST, "rest", nil,
		"a REST path below /services/data/vNN.0/, {name} for a parameter (repeatable)")
	fs.StringArrayVar(&spec.ToolingQueries, "tooling-query", nil,
		"a Tooling API SOQL query, :name for a parameter (repeatable)")
	return func(g *gen.Generator, _ *gen.Target, args []string) (*gen.Output, error) {
		name, err := oneName(args, "NAME")
		if err != nil {
			return nil, err
		}
		spec.Name = name
		return g.Controller(spec)
	}
}

func lwcFlags(fs *pflag.FlagSet) genFunc {
	var spec gen.LWCSpec
	fs.StringVar(&spec.Controller, "controller", "",
		"the Apex class whose @AuraEnabled methods it calls")
	return func(g *gen.Generator, t *gen.Target, args []string) (*gen.Output, error) {
		name, err := oneName(args, "NAME")
		if err != nil {
			return nil, err
		}
		spec.Name = name
		var p gen.Problems
		gen.CheckLWCName(&p, "component name", name)
		if gen.CheckApexName(&p, "--controller", spec.Controller) {
			spec.Source, err = t.ControllerSource(spec.Controller)
			var uc *gen.UnknownControllerError
			if errors.As(err, &uc) {
				p.Addf("%v", err)
			} else if err != nil {
				return nil, err
			}
		}
		if err := p.Err(); err != nil {
			return nil, err
		}
		return g.LWC(spec)
	}
}

func exampleFlags(fs *pflag.FlagSet) genFunc {
	var spec gen.ExampleSpec
	fs.StringVar(&spec.Name, "name", "Loopback",
		"base name: NAME for the integration, NAMEController, nameExplorer")
	fs.StringVar(&spec.MyDomain, "my-domain", "", myDomainHelp)
	fs.StringVar(&spec.RunAs, "run-as", "", "username of the integration (Run As) user")
	return func(g *gen.Generator, _ *gen.Target, args []string) (*gen.Output, error) {
		if len(args) != 0 {
			return nil, &gen.InputError{Problems: []string{
				fmt.Sprintf("gen example takes no arguments, got %q", args)}}
		}
		return g.Example(spec)
	}
}

// writeOutput prints the plan, writes it unless --dry-run, lints what was
// written and prints the steps left to the user.
func writeOutput(e *env, name string, t *gen.Target, out *gen.Output, opt genOptions) int {
	plan, err := gen.NewPlan(t.Dir, out.Files, opt.force)
	if err != nil {
		return fail(e, name, genError(err))
	}
	cwd, _ := os.Getwd()
	for _, en := range plan.Entries {
		fmt.Fprintf(e.stdout, "%-9s %s\n", en.Action, display(cwd, en.Path))
	}
	if len(plan.Conflicts()) > 0 {
		var paths []string
		for _, c := range plan.Conflicts() {
			paths = append(paths, display(cwd, c.Path))
		}
		return fail(e, name, &gen.ConflictError{Paths: paths})
	}
	if opt.dryRun {
		fmt.Fprintf(e.stderr, "sflint %s: dry run, nothing written\n", name)
		return ExitOK
	}
	if err := plan.Write(); err != nil {
		return fail(e, name, genError(err))
	}
	for _, n := range t.Notes(out.Files) {
		fmt.Fprintf(e.stderr, "sflint: note: %s\n", n)
	}
	code := lintWritten(e, name, plan)
	if out.Steps != "" {
		fmt.Fprintf(e.stdout, "\n%s", out.Steps)
	}
	return code
}

// lintWritten lints the generated files with every rule and says so.
func lintWritten(e *env, name string, plan *gen.Plan) int {
	var paths []string
	written := 0
	for _, en := range plan.Entries {
		paths = append(paths, en.Path)
		if en.Action != gen.Unchanged {
			written++
		}
	}
	did := fmt.Sprintf("wrote %d files, left %d unchanged", written, len(paths)-written)
	cat, err := loadCatalog()
	if err != nil {
		return fail(e, name, err)
	}
	eng, err := engine.Compile(e.ctx, cat)
	if err != nil {
		return fail(e, name, err)
	}
	res, err := lint.Run(e.ctx, eng, paths, lint.Options{})
	if err != nil {
		return fail(e, name, classify(err))
	}
	sum := report.Summarize(res.Files, res.Findings)
	if len(res.Findings) == 0 {
		fmt.Fprintf(e.stderr, "sflint %s: %s; sflint lint finds nothing in them\n", name, did)
		return ExitOK
	}
	write, _ := report.Lookup("text")
	rep := &report.Report{Findings: res.Findings, Summary: sum, Rules: cat.Rules, Version: version()}
	if err := write(e.stdout, rep); err != nil {
		return fail(e, name, fmt.Errorf("write output: %w", err))
	}
	fmt.Fprintf(e.stderr, "sflint %s: %s; sflint lint finds %s, %s, %s in them\n", name, did,
		plural(sum.Errors, "error"), plural(sum.Warnings, "warning"), plural(sum.Infos, "info"))
	if sum.Errors > 0 {
		return ExitFindings
	}
	return ExitOK
}

// display shows a path relative to the working directory when it is below
// it.
func display(cwd, path string) string {
	if rel, err := filepath.Rel(cwd, path); err == nil && filepath.IsLocal(rel) {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(path)
}
