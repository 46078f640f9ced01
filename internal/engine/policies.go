package engine

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sflint/sflint/rules"
)

// Users' policies sit beside the built-in rules in one catalog. A policy
// written like a built-in rule (package sflint.rules.CATEGORY.NAME, METADATA
// with id and severity, a report set) is a rule like any other. A policy in
// the conftest convention is a package among the namespaces (main by default)
// whose deny, violation and warn rules (and deny_*, violation_*, warn_*) hold
// messages: each becomes a rule of its own, with id NAMESPACE/RULE.

// DefaultNamespaces are the packages searched for conftest-style rules when
// none are given, as conftest does.
var DefaultNamespaces = []string{"main"}

var conftestEntry = regexp.MustCompile(`^(deny|violation|warn)(_[a-zA-Z0-9]+)*$`)

// Builtin loads sflint's own rules. Compiling the catalog (and any policies
// merged into it) type-checks every rule against InputSchema.
func Builtin() (*Catalog, error) {
	c, err := Load(rules.FS, "rules")
	if err != nil {
		return nil, err
	}
	c.typed = true
	return c, nil
}

// LoadPolicies reads the user's policies: every .rego file under each path
// (a directory is read recursively, skipping dot directories; a file is read
// as it is). Files are named by their path as given, cleaned; files whose
// name ends in _test.rego are tests, compiled only by sflint test.
// namespaces are the packages of conftest-style rules; nil means main.
func LoadPolicies(paths, namespaces []string) (*Catalog, error) {
	c := &Catalog{byID: map[string]*Rule{}, byPkg: map[string]*Rule{},
		modules: map[string]*ast.Module{}, user: map[string]bool{}}
	for _, p := range paths {
		if err := c.loadPath(p); err != nil {
			return nil, err
		}
	}
	if len(namespaces) == 0 {
		namespaces = DefaultNamespaces
	}
	if err := c.addConftestRules(namespaces); err != nil {
		return nil, err
	}
	for _, r := range c.Rules {
		r.User = true
	}
	c.sortRules()
	return c, nil
}

// loadPath adds the .rego files of one --policy path.
func (c *Catalog) loadPath(root string) error {
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && p != root && strings.HasPrefix(d.Name(), "."):
			return filepath.SkipDir
		case !d.IsDir() && filepath.Ext(p) == ".rego":
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("policy %s: %w", root, err)
	}
	if len(files) == 0 {
		return fmt.Errorf("policy %s: no .rego files", root)
	}
	for _, p := range files {
		name := filepath.ToSlash(filepath.Clean(p))
		if c.user[name] {
			continue // the same file through two paths
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("policy %w", err)
		}
		if err := c.addModule(name, string(src)); err != nil {
			return err
		}
		c.user[name] = true
	}
	return nil
}

// addConftestRules makes a rule of every deny, violation and warn rule in
// the namespaces. Its title and description come from the rule's METADATA,
// or its package's.
func (c *Catalog) addConftestRules(namespaces []string) error {
	mods := c.Modules()
	as, errs := ast.BuildAnnotationSet(sortedModules(mods))
	if len(errs) > 0 {
		return astError("policy", errs)
	}
	for _, file := range sortedKeysOf(mods) {
		mod := mods[file]
		pkg := strings.TrimPrefix(mod.Package.Path.String(), "data.")
		if !slices.Contains(namespaces, pkg) {
			continue
		}
		for _, rule := range mod.Rules {
			ref := rule.Head.Ref()
			name, ok := ref[0].Value.(ast.Var)
			if len(ref) != 1 || !ok || !conftestEntry.MatchString(string(name)) {
				continue
			}
			id := pkg + "/" + string(name)
			if c.byID[id] != nil {
				continue // another definition of the same rule
			}
			r := conftestRule(id, pkg, string(name), file)
			describeRule(r, as.GetPackageScope(mod.Package))
			for _, a := range as.GetRuleScope(rule) {
				describeRule(r, a)
			}
			c.byID[id] = r
			c.Rules = append(c.Rules, r)
		}
	}
	return nil
}

func conftestRule(id, pkg, name, file string) *Rule {
	sev := Error
	if strings.HasPrefix(name, "warn") {
		sev = Warning
	}
	return &Rule{
		ID: id, Severity: sev, Package: pkg, Entry: name, File: file, User: true,
		Title: fmt.Sprintf("%s rule of package %s", name, pkg),
		Description: fmt.Sprintf("Each value of data.%s.%s is a finding: a message, or an "+
			"object with msg (and optionally file, line, col and fix).", pkg, name),
	}
}

// describeRule takes the documentation a conftest-style rule's METADATA gives.
func describeRule(r *Rule, a *ast.Annotations) {
	if a == nil {
		return
	}
	if a.Title != "" {
		r.Title = a.Title
	}
	if d := strings.TrimSpace(a.Description); d != "" {
		r.Description = d
	}
	for k, dst := range map[string]*string{"why": &r.Why, "symptom": &r.Symptom, "fix": &r.Fix,
		"before": &r.Before, "after": &r.After, "assumptions": &r.Assumptions} {
		if s, ok := a.Custom[k].(string); ok && strings.TrimSpace(s) != "" {
			*dst = strings.TrimSpace(s)
		}
	}
	for _, rr := range a.RelatedResources {
		r.Related = append(r.Related, rr.Ref.String())
	}
}

// Merge adds the user's policies (from LoadPolicies) to the catalog. A
// user's rule may not take a built-in rule's id or package, and a user's
// module may not add to sflint's own packages (sflint.lib, sflint.test),
// which would change what the built-in rules do.
func (c *Catalog) Merge(u *Catalog) error {
	if c.user == nil {
		c.user = map[string]bool{}
	}
	for _, file := range sortedKeysOf(u.modules) {
		mod := u.modules[file]
		if err := checkUserPackage(file, mod); err != nil {
			return err
		}
		if _, dup := c.modules[file]; dup {
			return &PolicyError{File: file, Msg: "has the name of a built-in rule file; move it"}
		}
		c.modules[file] = mod
		c.user[file] = u.user[file]
	}
	for _, r := range u.Rules {
		if prev := c.byID[r.ID]; prev != nil {
			msg := fmt.Sprintf("rule id %s is already defined in %s", r.ID, prev.File)
			return &PolicyError{File: r.File, Msg: msg}
		}
		if prev := c.byPkg[r.Package]; prev != nil && r.Entry == "report" {
			return packageTaken(r.File, u.modules[r.File], prev)
		}
		r.User = true
		c.byID[r.ID] = r
		if r.Entry == "report" {
			c.byPkg[r.Package] = r
		}
		c.Rules = append(c.Rules, r)
	}
	c.sortRules()
	return nil
}

// packageTaken is the error for a second rule in a rule's package: the
// package is how a rule's findings are found.
func packageTaken(file string, mod *ast.Module, prev *Rule) error {
	msg := fmt.Sprintf("package %s is already rule %s (%s); give each rule its own package",
		strings.TrimPrefix(mod.Package.Path.String(), "data."), prev.ID, prev.File)
	return &PolicyError{File: file, Line: mod.Package.Location.Row, Msg: msg}
}

// checkUserPackage refuses user modules in packages sflint owns: under
// data.sflint only rules (sflint.rules...) are the user's to add.
func checkUserPackage(file string, mod *ast.Module) error {
	pkg := strings.TrimPrefix(mod.Package.Path.String(), "data.")
	sflints := pkg == "sflint" || strings.HasPrefix(pkg, "sflint.")
	if !sflints || strings.HasPrefix(pkg, "sflint.rules.") {
		return nil
	}
	msg := fmt.Sprintf("package %s belongs to sflint; use sflint.rules.CATEGORY.NAME "+
		"for a rule, or a package of your own", pkg)
	return &PolicyError{File: file, Line: mod.Package.Location.Row, Msg: msg}
}

// testPackage holds sflint's helpers for policy tests.
var testPackage = ast.MustParseRef("data.sflint.test")

// TestModules are what `sflint test` compiles: every rule and helper,
// sflint's test helpers (package sflint.test) and the user's tests. The
// built-in rules' own tests are sflint's and stay out.
func (c *Catalog) TestModules() (map[string]*ast.Module, error) {
	if err := c.parseTests(); err != nil {
		return nil, err
	}
	out := c.Modules()
	for f, m := range c.modules {
		if c.user[f] || m.Package.Path.Equal(testPackage) {
			out[f] = m
		}
	}
	return out, nil
}

func (c *Catalog) sortRules() {
	sort.Slice(c.Rules, func(i, j int) bool { return c.Rules[i].ID < c.Rules[j].ID })
}

func sortedKeysOf[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func sortedModules(m map[string]*ast.Module) []*ast.Module {
	out := make([]*ast.Module, 0, len(m))
	for _, k := range sortedKeysOf(m) {
		out = append(out, m[k])
	}
	return out
}
