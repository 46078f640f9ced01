package engine

import (
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/types"

	"github.com/sflint/sflint/internal/metadata"
)

// Errors are one line, so the details OPA prints on further lines are
// folded into the message: what a misspelt name was probably meant to be,
// and what the two sides of a failed comparison are.

// compileMessage is the one-line message of a parse or compile error.
func compileMessage(e *ast.Error) string {
	if name, ok := strings.CutPrefix(e.Message, "undefined function "); ok && refused(name) {
		return name + " is not available to sflint policies: they get no network, " +
			"environment or runtime access"
	}
	switch d := e.Details.(type) {
	case *ast.RefErrInvalidDetail:
		return e.Message + refHint(d)
	case *ast.UnificationErrDetail:
		hint := elementHint(d.Left, d.Right)
		return fmt.Sprintf("%s: %v against %v%s", e.Message, d.Left, d.Right, hint)
	case *ast.ArgErrDetail:
		return e.Message + " (" + strings.Join(d.Lines(), "; ") + ")"
	}
	return e.Message
}

func refused(name string) bool {
	return denied[name] || strings.HasPrefix(name, "net.lookup")
}

// refHint names the closest valid key of a misspelt reference.
func refHint(d *ast.RefErrInvalidDetail) string {
	if d.Pos >= len(d.Ref) || len(d.OneOf) == 0 {
		return ""
	}
	have, ok := d.Ref[d.Pos].Value.(ast.String)
	if !ok {
		return ""
	}
	names := make([]string, 0, len(d.OneOf))
	for _, v := range d.OneOf {
		if s, ok := v.(ast.String); ok {
			names = append(names, string(s))
		}
	}
	if c := metadata.Closest(string(have), names); c != "" {
		return fmt.Sprintf(" (did you mean %q?)", c)
	}
	if len(names) <= 8 {
		return " (valid: " + strings.Join(names, ", ") + ")"
	}
	return " (see docs/input.md for the input document)"
}

// elementHint explains the commonest mistake: comparing an element, an
// object {value, line, col}, with a string.
func elementHint(a, b types.Type) string {
	isElement := func(t types.Type) bool {
		o, ok := t.(*types.Object)
		return ok && o.Select("value") != nil && o.Select("line") != nil
	}
	if isElement(a) && !isElement(b) || isElement(b) && !isElement(a) {
		return "; an element is an object {value, line, col}: compare its .value"
	}
	return ""
}

// CompileError is a PolicyError naming the file and line of the first of
// OPA's parse or compile errors; other errors are returned as they are.
func CompileError(err error) error {
	if _, ok := err.(ast.Errors); ok {
		return astError("policy", err)
	}
	return err
}
