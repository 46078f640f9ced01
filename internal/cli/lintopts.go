package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/pflag"

	"github.com/sflint/sflint/internal/baseline"
	"github.com/sflint/sflint/internal/config"
	"github.com/sflint/sflint/internal/engine"
	"github.com/sflint/sflint/internal/lint"
	"github.com/sflint/sflint/internal/project"
	"github.com/sflint/sflint/internal/report"
	"github.com/sflint/sflint/internal/suppress"
)

// What lint reports is decided after the rules run, in this order: the
// configuration drops the findings of rules that are off and sets
// severities (excluded files never get this far), suppression comments
// silence findings and add the meta findings about themselves,
// --new-from-rev keeps findings on changed lines, and a baseline keeps new
// findings or records them all.

// lintOptions are the lint flags that decide which findings are reported.
type lintOptions struct {
	config        string
	noSuppress    bool
	baseline      string
	writeBaseline string
	newFromRev    string
}

func addLintOptions(fs *pflag.FlagSet) *lintOptions {
	o := &lintOptions{}
	addConfigFlag(fs, &o.config)
	fs.BoolVar(&o.noSuppress, "no-suppressions", false,
		"ignore sflint-disable comments and report every finding (for audits)")
	fs.StringVar(&o.baseline, "baseline", "",
		"report only findings that this baseline file does not record")
	fs.StringVar(&o.writeBaseline, "write-baseline", "",
		"record every finding in this baseline file instead of reporting it")
	fs.StringVar(&o.newFromRev, "new-from-rev", "",
		"report only findings on lines changed since this git revision")
	return o
}

func addConfigFlag(fs *pflag.FlagSet, p *string) {
	fs.StringVar(p, "config", "",
		"configuration file (default: "+config.FileName+" from the project root upwards)")
}

// check refuses flags that contradict each other.
func (o *lintOptions) check() error {
	if o.writeBaseline != "" && (o.baseline != "" || o.newFromRev != "") {
		return errors.New("--write-baseline records every finding; it cannot be combined with " +
			"--baseline or --new-from-rev")
	}
	return nil
}

// findConfig reads the file --config names, else the .sflint.yaml found by
// walking up from the project root of the paths. A nil Config means there
// is none. Paths whose projects find different files cannot share a run.
func findConfig(file string, paths []string) (*config.Config, error) {
	if file != "" {
		return config.Load(file, file)
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	found := ""
	for i, p := range paths {
		f, err := config.Find(configStart(p))
		if err != nil {
			return nil, err
		}
		if i > 0 && f != found {
			return nil, fmt.Errorf("%s and %s use different configuration files (%s, %s); "+
				"lint them separately or name one with --config",
				paths[0], p, orNone(found), orNone(f))
		}
		found = f
	}
	if found == "" {
		return nil, nil
	}
	return config.Load(found, displayPath(found))
}

// configStart is where the search for .sflint.yaml starts: the project root
// of path, or the path's directory when it is not in a project. A path that
// does not exist starts nowhere; lint reports it.
func configStart(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return ""
	}
	if root, err := project.FindRoot(path); err == nil && root != "" {
		return root
	}
	if !fi.IsDir() {
		return filepath.Dir(path)
	}
	return path
}

func orNone(f string) string {
	if f == "" {
		return "none"
	}
	return displayPath(f)
}

// displayPath names a file relative to the working directory when it is
// below it.
func displayPath(abs string) string {
	wd, err := os.Getwd()
	if err != nil {
		return abs
	}
	if rel, err := filepath.Rel(wd, abs); err == nil && filepath.IsLocal(rel) {
		return rel
	}
	return abs
}

// catalogFor loads the rules a configuration asks for (the built-in ones,
// the meta rules of suppression comments and of failed rules, the file's
// policies before those of --policy) and checks the file against them.
func catalogFor(pol *policyFlags, cfg *config.Config) (*engine.Catalog, error) {
	if cfg != nil {
		var dirs []string
		for _, d := range cfg.PolicyDirs {
			dirs = append(dirs, displayPath(d)) // the names errors and findings use
		}
		pol.dirs = append(dirs, pol.dirs...)
	}
	cat, err := pol.catalog()
	if err != nil {
		return nil, err
	}
	for _, r := range append(suppress.Rules(), engine.RuleError) {
		if err := cat.Add(r); err != nil {
			return nil, err
		}
	}
	if err := cfg.Check(cat); err != nil {
		return nil, err
	}
	return cat, nil
}

// compileFor compiles the catalog with the configuration's rule options.
func compileFor(ctx context.Context, pol *policyFlags, cat *engine.Catalog,
	cfg *config.Config) (*engine.Engine, error) {
	eng, err := pol.compile(ctx, cat)
	if err != nil {
		return nil, err
	}
	if err := eng.SetOptions(cfg.OptionValues()); err != nil {
		return nil, &internalError{err} // Check accepted them
	}
	return eng, nil
}

// apply decides what a run reports: it replaces res.Findings with the
// findings to report, adds its notes to res.Notes and returns the findings
// that suppression comments silenced.
func (o *lintOptions) apply(ctx context.Context, res *lint.Result, cat *engine.Catalog,
	cfg *config.Config) ([]report.Suppressed, error) {
	fs := cfg.Apply(res.Findings)
	var silenced []report.Suppressed
	if !o.noSuppress {
		var err error
		if fs, silenced, err = suppressions(fs, res, cat, cfg); err != nil {
			return nil, err
		}
		if len(silenced) > 0 {
			res.Notes = append(res.Notes, fmt.Sprintf("%s suppressed by sflint-disable comments "+
				"(--no-suppressions shows them)", plural(len(silenced), "finding")))
		}
	}
	if o.newFromRev != "" {
		var err error
		if fs, err = changedOnly(ctx, fs, res, o.newFromRev); err != nil {
			return nil, fmt.Errorf("--new-from-rev: %w", err)
		}
	}
	fs, err := o.baselines(fs, res)
	res.Findings = engine.Sort(fs)
	return silenced, err
}

func suppressions(fs []engine.Finding, res *lint.Result, cat *engine.Catalog,
	cfg *config.Config) ([]engine.Finding, []report.Suppressed, error) {
	files := make([]suppress.File, len(res.Sources))
	for i, s := range res.Sources {
		files[i] = suppress.File{Path: s.Path, Abs: s.Abs, Scanned: s.Scanned, Directives: s.Directives}
	}
	on := func(r *engine.Rule) bool { return cfg.Severity(r) != 0 }
	sr, err := suppress.Apply(fs, files, cat, on)
	if err != nil {
		return nil, nil, err
	}
	silenced := make([]report.Suppressed, len(sr.Suppressed))
	for i, s := range sr.Suppressed {
		silenced[i] = report.Suppressed{Finding: s.Finding, Justification: s.Reason}
	}
	// The meta findings get their configured severity, or go when off.
	return cfg.Apply(sr.Findings), silenced, nil
}

// sources maps finding paths to the files linted.
func sources(res *lint.Result) map[string]lint.Source {
	m := make(map[string]lint.Source, len(res.Sources))
	for _, s := range res.Sources {
		m[s.Path] = s
	}
	return m
}

// changedOnly keeps the findings on lines changed since rev, asking git once
// per project.
func changedOnly(ctx context.Context, fs []engine.Finding, res *lint.Result,
	rev string) ([]engine.Finding, error) {
	src := sources(res)
	changes := map[string]baseline.Changes{}
	var out []engine.Finding
	for _, f := range fs {
		s, ok := src[f.File]
		if !ok {
			continue
		}
		c, ok := changes[s.Root]
		if !ok {
			var err error
			if c, err = baseline.ChangedLines(ctx, s.Root, rev); err != nil {
				return nil, err
			}
			changes[s.Root] = c
		}
		if c.Has(s.Rel, f.Line) {
			out = append(out, f)
		}
	}
	return out, nil
}

// baselines writes the baseline file, or keeps the findings it does not
// record, saying how many it knew and how many are fixed.
func (o *lintOptions) baselines(fs []engine.Finding, res *lint.Result) ([]engine.Finding, error) {
	if o.writeBaseline == "" && o.baseline == "" {
		return fs, nil
	}
	items := baselineItems(fs, res)
	if o.writeBaseline != "" {
		b, err := baseline.New(items)
		if err == nil {
			err = b.Write(o.writeBaseline)
		}
		if err != nil {
			return nil, err
		}
		res.Notes = append(res.Notes, fmt.Sprintf(
			"wrote %s to %s; lint with --baseline %s to see only new ones",
			plural(len(items), "finding"), o.writeBaseline, o.writeBaseline))
		return nil, nil
	}
	b, err := baseline.Read(o.baseline)
	if err != nil {
		return nil, err
	}
	out, err := b.Compare(items, lintedBy(res))
	if err != nil {
		return nil, err
	}
	res.Notes = append(res.Notes, fmt.Sprintf(
		"%s: %s known and not shown, %s fixed since it was written",
		o.baseline, plural(out.Known, "finding"), plural(out.Fixed, "finding")))
	return out.New, nil
}

func baselineItems(fs []engine.Finding, res *lint.Result) []baseline.Item {
	src := sources(res)
	items := make([]baseline.Item, len(fs))
	for i, f := range fs {
		s, ok := src[f.File]
		if !ok { // not expected: every reported file is a source
			s = lint.Source{Abs: f.File, Rel: f.File}
		}
		items[i] = baseline.Item{Finding: f, Abs: s.Abs, Rel: s.Rel}
	}
	return items
}

// lintedBy says whether a file a baseline records (relative to its project
// root) was linted in this run, or has been deleted since: either way its
// recorded findings that are gone count as fixed.
func lintedBy(res *lint.Result) func(rel string) bool {
	linted := map[string]bool{}
	roots := map[string]bool{}
	for _, s := range res.Sources {
		linted[s.Rel] = true
		roots[s.Root] = true
	}
	return func(rel string) bool {
		if linted[rel] {
			return true
		}
		for root := range roots {
			if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(rel))); err == nil {
				return false
			}
		}
		return true
	}
}

// runConfig prints the effective configuration, or its JSON Schema.
func runConfig(e *env, args []string) int {
	fs := flagSet(e, "config")
	var file string
	addConfigFlag(fs, &file)
	schema := fs.Bool("schema", false,
		"print the JSON Schema of "+config.FileName+" for the rules in force")
	pol := addPolicyFlags(fs, false)
	if code, done := parseFlags(e, "config", fs, args); done {
		return code
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(e.stderr, "sflint config: want at most one PATH")
		return ExitUsage
	}
	cfg, err := findConfig(file, fs.Args())
	if err != nil {
		return fail(e, "config", err)
	}
	cat, err := catalogFor(pol, cfg)
	if err != nil {
		return fail(e, "config", err)
	}
	if *schema {
		data, err := config.Schema(cat)
		if err == nil {
			_, err = e.stdout.Write(data)
		}
		if err != nil {
			return fail(e, "config", err)
		}
		return ExitOK
	}
	failOn := "error"
	if cfg != nil && cfg.FailOn != "" {
		failOn = cfg.FailOn
	}
	if err := cfg.WriteEffective(e.stdout, cat, failOn); err != nil {
		return fail(e, "config", err)
	}
	return ExitOK
}
