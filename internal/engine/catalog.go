// Package engine loads Rego rules, reads their METADATA into a catalog,
// compiles them once and evaluates them against a project's input document.
//
// A rule is a Rego v1 package under data.sflint.rules whose package
// annotation carries custom.id and custom.severity; its findings are the
// members of its "report" set, built with data.sflint.lib.finding. The
// built-in rules are embedded; users' policies (LoadPolicies) are merged into
// the same catalog, and may also be written in the conftest convention: deny,
// warn and violation rules in the packages given as namespaces.
//
// Every policy is compiled with the same compiler (NewCompiler): strict,
// without network or environment builtins, and type-checked against the
// input document's JSON Schema (InputSchema). Each rule is evaluated with its
// own prepared query, all side by side under one time limit; a rule that runs
// too long or fails at run time becomes a meta/rule-error finding (RuleError)
// naming it, and the other rules still report.
package engine

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sflint/sflint/internal/par"
)

// Severity of a finding, in increasing order.
type Severity int

// Severities, least severe first.
const (
	Info Severity = iota + 1
	Warning
	Error
)

var severityNames = map[Severity]string{Info: "info", Warning: "warning", Error: "error"}

func (s Severity) String() string { return severityNames[s] }

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, bool) {
	for k, v := range severityNames {
		if v == s {
			return k, true
		}
	}
	return 0, false
}

// Rule is one catalog entry, read from a rule's METADATA.
type Rule struct {
	ID          string // category/name
	Title       string
	Severity    Severity
	Description string   // what the rule checks
	Why         string   // why it matters
	Symptom     string   // the runtime error it prevents
	Fix         string   // how to fix it
	Before      string   // an example that is flagged
	After       string   // the same example, fixed
	Assumptions string   // what is assumed where Salesforce's docs are silent
	Related     []string // related links; the first is the rule's help page
	Security    bool     // the rule guards a secret or an access boundary
	Options     []Option // settings users may give in .sflint.yaml, sorted by name
	Package     string   // Rego package path, e.g. sflint.rules.eca.missing_run_as_user
	Entry       string   // the Rego rule holding its findings: report, or deny, warn, violation
	File        string   // the rule's source file
	User        bool     // one of the user's policies rather than a built-in rule
}

// Category is the part of the id before the slash.
func (r *Rule) Category() string {
	c, _, _ := strings.Cut(r.ID, "/")
	return c
}

// Catalog is a set of rules, sorted by id.
type Catalog struct {
	Rules   []*Rule
	byID    map[string]*Rule
	byPkg   map[string]*Rule
	modules map[string]*ast.Module // every module, tests included, by file
	// tests holds the sources of Load's test modules until they are asked
	// for: a lint run never needs them, and they are half the parsing.
	tests map[string]string
	user  map[string]bool // files of the user's policies (LoadPolicies)
	typed bool            // type-check against InputSchema (Builtin)
}

// Lookup finds a rule by id.
func (c *Catalog) Lookup(id string) *Rule { return c.byID[id] }

// IDs lists every rule id.
func (c *Catalog) IDs() []string {
	ids := make([]string, len(c.Rules))
	for i, r := range c.Rules {
		ids[i] = r.ID
	}
	return ids
}

// PolicyError is a problem in a policy file: a syntax error, bad METADATA, a
// compile error. It names the file and line.
type PolicyError struct {
	File string
	Line int
	Msg  string
}

func (e *PolicyError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Load reads every .rego file in fsys (recursively) into a catalog. name is
// prepended to file names in errors and findings about the policies.
//
// Test modules (*_test.rego) are parsed only when asked for
// (ModulesWithTests, TestModules). The others are
// parsed side by side: parsing is most of what a run on a small project
// costs before it reads a file.
func Load(fsys fs.FS, name string) (*Catalog, error) {
	c := &Catalog{byID: map[string]*Rule{}, byPkg: map[string]*Rule{}, modules: map[string]*ast.Module{},
		tests: map[string]string{}}
	var files, srcs []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || path.Ext(p) != ".rego" {
			return nil
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		if file := path.Join(name, p); strings.HasSuffix(file, "_test.rego") {
			c.tests[file] = string(src)
		} else {
			files, srcs = append(files, file), append(srcs, string(src))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	mods := make([]*ast.Module, len(files))
	errs := make([]error, len(files))
	par.Do(len(files), 0, func(i int) { mods[i], errs[i] = parseModule(files[i], srcs[i]) })
	for i, file := range files { // in walk order, so the first error is always the same
		if errs[i] != nil {
			return nil, errs[i]
		}
		if err := c.addParsed(file, mods[i]); err != nil {
			return nil, err
		}
	}
	sort.Slice(c.Rules, func(i, j int) bool { return c.Rules[i].ID < c.Rules[j].ID })
	return c, nil
}

// parseTests parses the test modules Load set aside, for ModulesWithTests
// and TestModules.
func (c *Catalog) parseTests() error {
	for _, file := range sortedKeysOf(c.tests) {
		mod, err := parseModule(file, c.tests[file])
		if err != nil {
			return err
		}
		c.modules[file] = mod
		delete(c.tests, file)
	}
	return nil
}

func parseModule(file, src string) (*ast.Module, error) {
	mod, err := ast.ParseModuleWithOpts(file, src, ast.ParserOptions{
		ProcessAnnotation: true,
		RegoVersion:       ast.RegoV1,
	})
	if err != nil {
		return nil, astError(file, err)
	}
	return mod, nil
}

func (c *Catalog) addModule(file, src string) error {
	mod, err := parseModule(file, src)
	if err != nil {
		return err
	}
	return c.addParsed(file, mod)
}

func (c *Catalog) addParsed(file string, mod *ast.Module) error {
	c.modules[file] = mod
	if strings.HasSuffix(file, "_test.rego") {
		return nil
	}
	pkg := strings.TrimPrefix(mod.Package.Path.String(), "data.")
	if !strings.HasPrefix(pkg, "sflint.rules.") {
		return nil
	}
	r, err := ruleFromAnnotations(file, pkg, mod)
	if err != nil {
		return err
	}
	if prev, dup := c.byID[r.ID]; dup {
		return &PolicyError{File: file, Msg: fmt.Sprintf("rule id %s is already defined in %s", r.ID, prev.File)}
	}
	if prev := c.byPkg[pkg]; prev != nil {
		return packageTaken(file, mod, prev)
	}
	c.Rules = append(c.Rules, r)
	c.byID[r.ID] = r
	c.byPkg[pkg] = r
	return nil
}

func ruleFromAnnotations(file, pkg string, mod *ast.Module) (*Rule, error) {
	var a *ast.Annotations
	for _, x := range mod.Annotations {
		if x.Scope == "package" {
			a = x
		}
	}
	if a == nil {
		return nil, &PolicyError{File: file, Line: mod.Package.Location.Row,
			Msg: "rule package has no METADATA block (scope: package)"}
	}
	custom := func(k string) string {
		s, _ := a.Custom[k].(string)
		return strings.TrimSpace(s)
	}
	r := &Rule{
		ID: custom("id"), Title: a.Title, Description: strings.TrimSpace(a.Description),
		Why: custom("why"), Symptom: custom("symptom"), Fix: custom("fix"),
		Before: custom("before"), After: custom("after"), Assumptions: custom("assumptions"),
		Package: pkg, Entry: "report", File: file,
	}
	r.Security, _ = a.Custom["security"].(bool)
	opts, err := optionsFromAnnotations(file, a.Location.Row, a.Custom["options"])
	if err != nil {
		return nil, err
	}
	r.Options = opts
	for _, rr := range a.RelatedResources {
		r.Related = append(r.Related, rr.Ref.String())
	}
	line := a.Location.Row
	if !validID(r.ID) {
		return nil, &PolicyError{File: file, Line: line,
			Msg: fmt.Sprintf("METADATA custom.id %q must be category/name in lower case", r.ID)}
	}
	sev, ok := ParseSeverity(custom("severity"))
	if !ok {
		return nil, &PolicyError{File: file, Line: line,
			Msg: fmt.Sprintf("METADATA custom.severity %q must be error, warning or info", custom("severity"))}
	}
	r.Severity = sev
	if r.Title == "" {
		return nil, &PolicyError{File: file, Line: line, Msg: "METADATA has no title"}
	}
	return r, nil
}

func validID(id string) bool {
	cat, name, ok := strings.Cut(id, "/")
	if !ok || cat == "" || name == "" {
		return false
	}
	for _, r := range cat + name {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return true
}

// astError turns OPA's parse or compile errors into a PolicyError naming the
// first problem's file and line.
func astError(file string, err error) error {
	if errs, ok := err.(ast.Errors); ok && len(errs) > 0 {
		e := errs[0]
		pe := &PolicyError{File: file, Msg: compileMessage(e)}
		if e.Location != nil {
			pe.File, pe.Line = e.Location.File, e.Location.Row
		}
		if len(errs) > 1 {
			pe.Msg += fmt.Sprintf(" (and %d more)", len(errs)-1)
		}
		return pe
	}
	return &PolicyError{File: file, Msg: err.Error()}
}
