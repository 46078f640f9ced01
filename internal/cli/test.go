package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"

	"github.com/sflint/sflint/internal/engine"
	"github.com/sflint/sflint/internal/lint"
)

// sflint test runs the Rego unit tests of the user's policies with OPA's
// tester, compiled exactly as lint compiles policies, beside the built-in
// rules, their library and sflint's test helpers (package sflint.test). One
// helper, data.sflint.test.project, builds the input document of an inline
// SFDX project with the real reader and model, through a builtin that exists
// only here.

var stringMap = types.NewObject(nil, types.NewDynamicProperty(types.S, types.S))

// projectBuiltin is the builtin behind data.sflint.test.project.
var projectBuiltin = &ast.Builtin{
	Name: "sflint.project_input",
	Decl: types.NewFunction(
		types.Args(types.Named("files", stringMap).
			Description("contents by path, relative to the project root")),
		types.Named("input", types.A).Description("the project's input document"),
	),
}

// testHelpers is added to package sflint.test, beside the helpers the
// built-in rules' tests use (el, at, record, with_input...).
const testHelpers = `package sflint.test

# project is the input document sflint builds for an SFDX project made of
# files: a map from paths relative to the project root to file contents.
# Without an sfdx-project.json, one with the package directory force-app
# and sourceApiVersion 66.0 is added.
project(files) := sflint.project_input(files)
`

const testHelpersFile = "<sflint>/test/project.rego"

// noLimit stands for --timeout 0: the tester always sets a deadline.
const noLimit = 100 * 365 * 24 * time.Hour

// defaultProjectFile is the sfdx-project.json of test.project.
const defaultProjectFile = `{"packageDirectories": [{"path": "force-app", "default": true}], ` +
	`"sourceApiVersion": "66.0"}` + "\n"

func runTest(e *env, args []string) int {
	fs := flagSet(e, "test")
	run := fs.String("run", "", "run only the tests whose name matches this regular expression")
	verbose := fs.BoolP("verbose", "v", false, "list every test, not only those that fail")
	timeout := fs.Duration("timeout", engine.DefaultTimeout, "time limit for each test (0: none)")
	if code, done := parseFlags(e, "test", fs, args); done {
		return code
	}
	if _, err := regexp.Compile(*run); err != nil {
		fmt.Fprintf(e.stderr, "sflint test: --run: %v\n", err)
		return ExitUsage
	}
	if *timeout < 0 {
		fmt.Fprintf(e.stderr, "sflint test: --timeout must be 0 or more, not %s\n", *timeout)
		return ExitUsage
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	results, err := runPolicyTests(e.ctx, paths, *run, *timeout)
	if err != nil {
		return fail(e, "test", err)
	}
	if len(results) == 0 {
		fmt.Fprintf(e.stderr, "sflint test: no tests (rules named test_*) in %s\n",
			strings.Join(paths, ", "))
		return ExitUsage
	}
	return reportTests(e, results, *verbose)
}

// runPolicyTests compiles the policies under paths with their tests and
// runs the tests, sorted by file and line.
func runPolicyTests(ctx context.Context, paths []string, run string,
	timeout time.Duration) ([]*tester.Result, error) {
	cat, err := testCatalog(paths)
	if err != nil {
		return nil, err
	}
	if timeout == 0 {
		timeout = noLimit
	}
	comp := engine.NewCompiler().
		WithBuiltins(map[string]*ast.Builtin{projectBuiltin.Name: projectBuiltin}).
		WithEnablePrintStatements(true)
	ch, err := tester.NewRunner().
		SetCompiler(comp).
		SetModules(cat).
		AddCustomBuiltins([]*tester.Builtin{{Decl: projectBuiltin, Func: projectFunction}}).
		RaiseBuiltinErrors(true).
		StackTraces(true).
		EnableTracing(true).
		CapturePrintOutput(true).
		SetTimeout(timeout).
		Filter(run).
		RunTests(ctx, nil)
	if err != nil {
		return nil, engine.CompileError(err)
	}
	var out []*tester.Result
	for r := range ch {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].Location, out[j].Location
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Row < b.Row
	})
	return out, nil
}

// testCatalog is the built-in rules, sflint's test helpers and the user's
// policies with their tests.
func testCatalog(paths []string) (map[string]*ast.Module, error) {
	cat, err := engine.Builtin()
	if err != nil {
		return nil, &internalError{err}
	}
	user, err := engine.LoadPolicies(paths, nil)
	if err != nil {
		return nil, err
	}
	if err := cat.Merge(user); err != nil {
		return nil, err
	}
	mods, err := cat.TestModules()
	if err != nil {
		return nil, err
	}
	opts := ast.ParserOptions{RegoVersion: ast.RegoV1}
	helpers, err := ast.ParseModuleWithOpts(testHelpersFile, testHelpers, opts)
	if err != nil {
		return nil, &internalError{err}
	}
	mods[testHelpersFile] = helpers
	return mods, nil
}

// projectFunction implements sflint.project_input for each test's query,
// which also gets lint's capabilities, so that json.match_schema cannot
// fetch a remote $ref in a test either.
func projectFunction(r *rego.Rego) {
	fn := &rego.Function{Name: projectBuiltin.Name, Decl: projectBuiltin.Decl, Memoize: true}
	rego.Function1(fn, buildProject)(r)
	rego.Capabilities(engine.Capabilities())(r)
}

// buildProject writes the files to a temporary directory and builds the
// input document as sflint lint would.
func buildProject(bctx rego.BuiltinContext, files *ast.Term) (*ast.Term, error) {
	dir, err := os.MkdirTemp("", "sflint-test-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if err := writeProject(dir, files.Value); err != nil {
		return nil, err
	}
	inputs, err := lint.Inputs(bctx.Context, []string{dir}, lint.Options{Dir: dir, Jobs: 1})
	if err != nil {
		return nil, fmt.Errorf("project: %w", err)
	}
	return ast.NewTerm(inputs[0].Value), nil
}

// writeProject writes an object of path → content under dir.
func writeProject(dir string, files ast.Value) error {
	obj, ok := files.(ast.Object)
	if !ok {
		return fmt.Errorf("project: files must be an object of paths to contents")
	}
	hasConfig := false
	err := obj.Iter(func(k, v *ast.Term) error {
		name, ok1 := k.Value.(ast.String)
		content, ok2 := v.Value.(ast.String)
		if !ok1 || !ok2 {
			return fmt.Errorf("project: files must map path strings to content strings")
		}
		rel := filepath.FromSlash(string(name))
		if !filepath.IsLocal(rel) {
			return fmt.Errorf("project: %q is not a path inside the project", string(name))
		}
		hasConfig = hasConfig || string(name) == "sfdx-project.json"
		return writeFile(filepath.Join(dir, rel), string(content))
	})
	if err != nil || hasConfig {
		return err
	}
	return writeFile(filepath.Join(dir, "sfdx-project.json"), defaultProjectFile)
}

func writeFile(p, content string) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(content), 0o644)
}

// reportTests prints failing tests (every test with --verbose) on stdout,
// sorted, and the summary on stderr. Durations are left out so that the same
// tests give the same output.
func reportTests(e *env, results []*tester.Result, verbose bool) int {
	var failed, errored, skipped int
	for _, r := range results {
		where := fmt.Sprintf("%s:%d", r.Location.File, r.Location.Row)
		name := r.Package + "." + r.Name
		switch {
		case r.Skip:
			skipped++
			fmt.Fprintf(e.stdout, "SKIP  %s: %s\n", where, name)
		case r.Error != nil:
			errored++
			fmt.Fprintf(e.stdout, "ERROR %s: %s: %s\n", where, name, testErrorMessage(r.Error))
			writePrinted(e.stdout, r.Output)
		case r.Fail:
			failed++
			fmt.Fprintf(e.stdout, "FAIL  %s: %s\n", where, name)
			writeFailure(e.stdout, r.Trace)
			writePrinted(e.stdout, r.Output)
		case verbose:
			fmt.Fprintf(e.stdout, "PASS  %s: %s\n", where, name)
			writePrinted(e.stdout, r.Output)
		}
	}
	passed := len(results) - failed - errored - skipped
	summary := fmt.Sprintf("%d tests: %d passed, %d failed", len(results), passed, failed)
	if errored > 0 {
		summary += fmt.Sprintf(", %d errors", errored)
	}
	if skipped > 0 {
		summary += fmt.Sprintf(", %d skipped", skipped)
	}
	fmt.Fprintln(e.stderr, summary)
	if failed+errored > 0 {
		return ExitFindings
	}
	return ExitOK
}

// testErrorMessage is a runtime error with the policy file and line. An
// error inside sflint's helpers is placed where the test called them.
func testErrorMessage(err error) string {
	te, ok := err.(*topdown.Error)
	if !ok {
		return err.Error()
	}
	loc := te.Location
	for _, f := range te.StackTrace { // innermost first
		if loc == nil || !strings.HasPrefix(loc.File, "<sflint>/") {
			break
		}
		loc = f.Location
	}
	if loc == nil {
		return te.Message
	}
	return fmt.Sprintf("%s:%d: %s", loc.File, loc.Row, te.Message)
}

// writeFailure prints the expression that failed, as opa test does: the last
// failing expression of the test's own queries, with the values of its
// variables.
func writeFailure(w io.Writer, trace []*topdown.Event) {
	for i := len(trace) - 1; i >= 0; i-- {
		ev := trace[i]
		if ev.Op != topdown.FailOp || ev.Location == nil || ev.QueryID == 0 {
			continue
		}
		if expr, ok := ev.Node.(*ast.Expr); ok {
			if _, every := expr.Terms.(*ast.Every); every {
				continue // the expression that failed is inside the every body
			}
		}
		var buf bytes.Buffer
		opts := topdown.PrettyEventOpts{PrettyVars: true}
		if err := topdown.PrettyEvent(&buf, ev, opts); err != nil {
			buf.Reset()
			buf.WriteString(string(ev.Location.Text))
		}
		fmt.Fprintf(w, "      %s:%d:\n", ev.Location.File, ev.Location.Row)
		for _, line := range strings.Split(strings.TrimRight(buf.String(), "\n"), "\n") {
			fmt.Fprintf(w, "        %s\n", strings.TrimPrefix(line, "\t"))
		}
		return
	}
}

// writePrinted prints what the test printed with print().
func writePrinted(w io.Writer, out []byte) {
	if len(out) == 0 {
		return
	}
	fmt.Fprintln(w, "      output:")
	for _, line := range strings.Split(strings.TrimRight(string(out), "\n"), "\n") {
		fmt.Fprintf(w, "        %s\n", line)
	}
}
