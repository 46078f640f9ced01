package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/sflint/sflint/internal/engine"
)

func runRules(e *env, args []string) int {
	fs := flagSet(e, "rules")
	pol := addPolicyFlags(fs, false)
	var file string
	addConfigFlag(fs, &file)
	if code, done := parseFlags(e, "rules", fs, args); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "sflint rules: unexpected argument %q; use 'sflint explain RULE' for one rule\n",
			fs.Arg(0))
		return ExitUsage
	}
	cfg, err := findConfig(file, nil)
	if err != nil {
		return fail(e, "rules", err)
	}
	cat, err := catalogFor(pol, cfg)
	if err != nil {
		return fail(e, "rules", err)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tTITLE")
	for _, r := range cat.Rules {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.ID, r.Severity, r.Title)
	}
	tw.Flush()
	return ExitOK
}

func runExplain(e *env, args []string) int {
	fs := flagSet(e, "explain")
	pol := addPolicyFlags(fs, false)
	var file string
	addConfigFlag(fs, &file)
	if code, done := parseFlags(e, "explain", fs, args); done {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(e.stderr, "sflint explain: want a RULE or the text of a runtime error; "+
			"'sflint rules' lists the rules")
		return ExitUsage
	}
	cfg, err := findConfig(file, nil)
	if err != nil {
		return fail(e, "explain", err)
	}
	cat, err := catalogFor(pol, cfg)
	if err != nil {
		return fail(e, "explain", err)
	}
	arg := strings.Join(fs.Args(), " ")
	if r := cat.Lookup(arg); r != nil {
		writeExplain(e.stdout, r)
		return ExitOK
	}
	if rules := cat.MatchSymptom(arg); len(rules) > 0 {
		writeSymptomMatches(e.stdout, arg, rules)
		return ExitOK
	}
	if !strings.ContainsAny(arg, " \t") {
		fmt.Fprintf(e.stderr, "sflint explain: unknown rule %q; %s\n", arg, validRules(cat, arg))
	} else {
		fmt.Fprintf(e.stderr, "sflint explain: no rule id, and no rule whose runtime error matches %q; "+
			"'sflint rules' lists the rules\n", arg)
	}
	return ExitUsage
}

// writeSymptomMatches answers a runtime error with the rules that detect
// its causes, each with the error it describes.
func writeSymptomMatches(w io.Writer, text string, rules []*engine.Rule) {
	fmt.Fprintf(w, "Rules that detect a cause of %q:\n", text)
	for _, r := range rules {
		fmt.Fprintf(w, "\n%s (%s): %s\n", r.ID, r.Severity, r.Title)
		for _, line := range strings.Split(r.Symptom, "\n") {
			fmt.Fprintf(w, "  %s\n", line)
		}
	}
	fmt.Fprintln(w, "\nRun 'sflint explain RULE' for a rule's full page, or 'sflint lint' to look for them.")
}

// writeExplain prints a rule's documentation from its METADATA.
func writeExplain(w io.Writer, r *engine.Rule) {
	fmt.Fprintf(w, "%s (%s): %s\n", r.ID, r.Severity, r.Title)
	section := func(title, body string) {
		if body == "" {
			return
		}
		fmt.Fprintf(w, "\n%s\n", title)
		for _, line := range strings.Split(body, "\n") {
			fmt.Fprintf(w, "  %s\n", line)
		}
	}
	section("What it checks", r.Description)
	section("Why it matters", r.Why)
	section("Runtime error it prevents", r.Symptom)
	section("How to fix", r.Fix)
	section("Flagged", r.Before)
	section("Fixed", r.After)
	section("Assumptions", r.Assumptions)
	section("Options (set them in .sflint.yaml under rules: ID: options:)", explainOptions(r))
	if r.User {
		section("Defined in", r.File)
	}
	if len(r.Related) > 0 {
		section("See also", strings.Join(r.Related, "\n"))
	}
}

// validRules names the valid choices for a mistyped rule id in one line: the
// rules of its category when the category exists, else the categories.
func validRules(cat *engine.Catalog, id string) string {
	category, _, _ := strings.Cut(id, "/")
	var same, categories []string
	seen := map[string]bool{}
	for _, r := range cat.Rules {
		if r.Category() == category {
			same = append(same, r.ID)
		}
		if !seen[r.Category()] {
			seen[r.Category()] = true
			categories = append(categories, r.Category())
		}
	}
	if len(same) > 0 {
		return fmt.Sprintf("valid %s rules: %s", category, strings.Join(same, ", "))
	}
	return fmt.Sprintf("valid categories: %s ('sflint rules' lists every rule)", strings.Join(categories, ", "))
}

// explainOptions lists a rule's options with their type and default.
func explainOptions(r *engine.Rule) string {
	var lines []string
	for _, o := range r.Options {
		def, _ := json.Marshal(o.Default)
		lines = append(lines, fmt.Sprintf("%s (%s, default %s): %s", o.Name, o.Type, def, o.Description))
	}
	return strings.Join(lines, "\n")
}
