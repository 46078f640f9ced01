package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sflint/sflint/internal/lint"
)

// runInspect prints the input document the rules evaluate, as JSON, so that
// policy authors can write rules against real data. A PATH inside a project
// prints that file's (or directory's) part: its entries in every list, and
// the project.
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
		if fs.NArg() == 1 {
			in.Value = partOf(in, fs.Arg(0))
		}
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

// partOf keeps, in every top-level list, the entries of the files at path or
// under it; the project is kept whole.
func partOf(in lint.Input, path string) ast.Value {
	root, err1 := filepath.Abs(in.Root)
	abs, err2 := filepath.Abs(path)
	rel, err3 := filepath.Rel(root, abs)
	doc, ok := in.Value.(ast.Object)
	if err1 != nil || err2 != nil || err3 != nil || rel == "." || !ok {
		return in.Value
	}
	rel = filepath.ToSlash(rel)
	inPart := func(t *ast.Term) bool {
		for _, f := range ownFiles(t) {
			if f == rel || strings.HasPrefix(f, rel+"/") {
				return true
			}
		}
		return false
	}
	out, _ := doc.Map(func(k, v *ast.Term) (*ast.Term, *ast.Term, error) {
		if list, ok := v.Value.(*ast.Array); ok {
			var kept []*ast.Term
			list.Foreach(func(t *ast.Term) {
				if inPart(t) {
					kept = append(kept, t)
				}
			})
			v = ast.ArrayTerm(kept...)
		}
		return k, v, nil
	})
	return out
}

// ownFiles are the files an entry of a top-level list stands for: its file
// (path, in input.files), or a Lightning web component's .js-meta.xml and
// scripts. Files named in links are other entries' own.
func ownFiles(t *ast.Term) []string {
	str := func(t *ast.Term, key string) []string {
		if v := t.Get(ast.StringTerm(key)); v != nil {
			if s, ok := v.Value.(ast.String); ok {
				return []string{string(s)}
			}
		}
		return nil
	}
	out := append(str(t, "file"), str(t, "path")...)
	if meta := t.Get(ast.StringTerm("meta")); meta != nil {
		out = append(out, str(meta, "file")...)
	}
	if scripts := t.Get(ast.StringTerm("scripts")); scripts != nil {
		if list, ok := scripts.Value.(*ast.Array); ok {
			list.Foreach(func(s *ast.Term) { out = append(out, str(s, "file")...) })
		}
	}
	return out
}
