package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/sflint/sflint/internal/engine"
)

func runRules(e *env, args []string) int {
	fs := flagSet(e, "rules")
	if code, done := parseFlags(e, "rules", fs, args); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "sflint rules: unexpected argument %q; use 'sflint explain RULE' for one rule\n", fs.Arg(0))
		return ExitUsage
	}
	cat, err := loadCatalog()
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
	if code, done := parseFlags(e, "explain", fs, args); done {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(e.stderr, "sflint explain: want exactly one RULE; 'sflint rules' lists them")
		return ExitUsage
	}
	cat, err := loadCatalog()
	if err != nil {
		return fail(e, "explain", err)
	}
	r := cat.Lookup(fs.Arg(0))
	if r == nil {
		fmt.Fprintf(e.stderr, "sflint explain: unknown rule %q; %s\n", fs.Arg(0), validRules(cat, fs.Arg(0)))
		return ExitUsage
	}
	writeExplain(e.stdout, r)
	return ExitOK
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
