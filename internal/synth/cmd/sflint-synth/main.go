// Command sflint-synth writes a synthetic SFDX project for sflint's
// benchmarks:
//
//	go run ./internal/synth/cmd/sflint-synth -size large -seed 1 -o DIR
//
// DIR must be empty or not exist. A summary goes to stderr; -expected FILE
// also writes the findings a lint of the project must report, as JSON.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/sflint/sflint/internal/synth"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	fl := flag.NewFlagSet("sflint-synth", flag.ContinueOnError)
	fl.SetOutput(stderr)
	sizeName := fl.String("size", "small", "project size: small, medium or large")
	seed := fl.Int64("seed", 1, "seed; the same seed and size give the same tree")
	out := fl.String("o", "", "directory to write the project into (required)")
	expected := fl.String("expected", "", "write the expected findings to this JSON file")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	size, err := synth.ParseSize(*sizeName)
	if err != nil || *out == "" || fl.NArg() > 0 {
		if err == nil {
			err = fmt.Errorf("usage: sflint-synth -size SIZE -seed N -o DIR [-expected FILE]")
		}
		fmt.Fprintln(stderr, "sflint-synth:", err)
		return 2
	}
	exp, err := synth.Generate(*out, size, *seed)
	if err != nil {
		fmt.Fprintln(stderr, "sflint-synth:", err)
		return 1
	}
	if *expected != "" {
		if err := writeJSON(*expected, exp); err != nil {
			fmt.Fprintln(stderr, "sflint-synth:", err)
			return 1
		}
	}
	summarize(stderr, size, exp)
	return 0
}

func writeJSON(path string, exp synth.Expected) error {
	data, err := json.MarshalIndent(exp, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// summarize prints the totals and the expected findings per rule.
func summarize(w io.Writer, size synth.Size, exp synth.Expected) {
	fmt.Fprintf(w, "%s: %d files, %.1f MiB, %d integrations (%d broken), %d expected findings\n",
		size, exp.Files, float64(exp.Bytes)/(1<<20), exp.Integrations, exp.Broken, len(exp.Findings))
	byRule := map[string]int{}
	for _, f := range exp.Findings {
		byRule[f.Rule]++
	}
	rules := make([]string, 0, len(byRule))
	for r := range byRule {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	for _, r := range rules {
		fmt.Fprintf(w, "  %-45s %d\n", r, byRule[r])
	}
}
