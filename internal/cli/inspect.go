package cli

import (
	"encoding/json"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sflint/sflint/internal/lint"
)

// runInspect prints the input document the rules evaluate, as JSON, so that
// policy authors can write rules against real data.
func runInspect(e *env, args []string) int {
	fs := flagSet(e, "inspect")
	if code, done := parseFlags(e, "inspect", fs, args); done {
		return code
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(e.stderr, "sflint inspect: want at most one PATH")
		return ExitUsage
	}
	inputs, err := lint.Inputs(e.ctx, fs.Args(), lint.Options{})
	if err != nil {
		return fail(e, "inspect", classify(err))
	}
	for _, in := range inputs {
		v, err := ast.JSON(in.Value)
		if err != nil {
			return fail(e, "inspect", &internalError{err})
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			return fail(e, "inspect", err)
		}
	}
	return ExitOK
}
