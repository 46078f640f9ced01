package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/sflint/sflint/internal/engine"
	"github.com/sflint/sflint/internal/lint"
	"github.com/sflint/sflint/internal/report"
)

var failOnLevels = []string{"error", "warning", "info", "none"}

func runLint(e *env, args []string) int {
	fs := flagSet(e, "lint")
	outFlags := addOutputFlags(fs)
	failOn := fs.String("fail-on", "error",
		"lowest severity that makes the exit code 1: "+strings.Join(failOnLevels, ", "))
	jobs := fs.IntP("jobs", "j", 0, "files parsed in parallel (0: one per CPU)")
	noCache := fs.Bool("no-cache", false, "read every file again instead of using the cache of earlier runs")
	pol := addPolicyFlags(fs, true)
	opts := addLintOptions(fs)
	if code, done := parseFlags(e, "lint", fs, args); done {
		return code
	}
	cfg, err := findConfig(opts.config, fs.Args())
	if err == nil {
		err = opts.check()
	}
	if err != nil {
		return fail(e, "lint", err)
	}
	if !fs.Changed("fail-on") && cfg != nil && cfg.FailOn != "" {
		*failOn = cfg.FailOn // flags win over the file
	}
	outs, err := outFlags.parse()
	if err != nil {
		fmt.Fprintf(e.stderr, "sflint lint: %v\n", err)
		return ExitUsage
	}
	threshold, ok := parseFailOn(*failOn)
	if !ok {
		fmt.Fprintf(e.stderr, "sflint lint: unknown --fail-on level %q; valid levels: %s\n",
			*failOn, strings.Join(failOnLevels, ", "))
		return ExitUsage
	}
	if *jobs < 0 {
		fmt.Fprintf(e.stderr, "sflint lint: --jobs must be 0 or more, not %d\n", *jobs)
		return ExitUsage
	}

	cat, err := catalogFor(pol, cfg)
	if err != nil {
		return fail(e, "lint", err)
	}
	eng, err := compileFor(e.ctx, pol, cat, cfg)
	if err != nil {
		return fail(e, "lint", err)
	}
	res, err := lint.Run(e.ctx, eng, fs.Args(), lint.Options{Jobs: *jobs, CacheDir: cacheDir(*noCache),
		Exclude: cfg.Excluded})
	if err != nil {
		return fail(e, "lint", classify(err))
	}
	silenced, err := opts.apply(e.ctx, res, cat, cfg)
	if err != nil {
		return fail(e, "lint", err)
	}
	// Rules that failed are reported whatever suppressions, baselines and
	// --new-from-rev say: they are about the policies, not the project.
	res.Findings = engine.Sort(append(res.Findings, cfg.Apply(eng.RuleErrors())...))
	for _, n := range res.Notes {
		fmt.Fprintf(e.stderr, "sflint: note: %s\n", n)
	}
	sum := report.Summarize(res.Files, res.Findings)
	rep := &report.Report{Findings: res.Findings, Suppressed: silenced, Summary: sum,
		Rules: cfg.EffectiveRules(cat.Rules), Version: version()}
	if err := writeOutputs(e.stdout, outs, rep); err != nil {
		return fail(e, "lint", err)
	}
	fmt.Fprintf(e.stderr, "%d files: %s, %s, %s\n", sum.Files,
		plural(sum.Errors, "error"), plural(sum.Warnings, "warning"), plural(sum.Infos, "info"))
	for _, f := range res.Findings {
		if threshold != 0 && f.Severity >= threshold {
			return ExitFindings
		}
	}
	return ExitOK
}

// cacheDir is where parse results are kept between runs: $SFLINT_CACHE_DIR,
// else sflint's folder in the user cache directory; "" turns caching off.
func cacheDir(off bool) string {
	if off {
		return ""
	}
	if d := os.Getenv("SFLINT_CACHE_DIR"); d != "" {
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "sflint")
}

// parseFailOn maps a level to a severity; "none" is 0 and never fails.
func parseFailOn(s string) (engine.Severity, bool) {
	if s == "none" {
		return 0, true
	}
	return engine.ParseSeverity(s)
}

// classify marks errors that are not the input's fault as internal.
func classify(err error) error {
	var pe *lint.PathError
	var pol *engine.PolicyError
	switch {
	case errors.As(err, &pe), errors.As(err, &pol), isInputError(err):
		return err
	}
	return &internalError{err}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
