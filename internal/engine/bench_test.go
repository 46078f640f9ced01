package engine_test

import (
	"context"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sflint/sflint/internal/engine"
	"github.com/sflint/sflint/internal/lint"
	"github.com/sflint/sflint/internal/synth"
	"github.com/sflint/sflint/rules"
)

// BenchmarkCompile measures loading and compiling the built-in catalog,
// which every run pays before reading a file.
func BenchmarkCompile(b *testing.B) {
	for b.Loop() {
		cat, err := engine.Load(rules.FS, "rules")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := engine.Compile(context.Background(), cat); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEval measures evaluating the built-in rules on the input
// document of a generated project (medium unless SFLINT_BENCH_SIZE names
// another size): all rules together, then each rule with the helpers in
// rules/lib and the rules it calls, to show which rules cost the most.
func BenchmarkEval(b *testing.B) {
	input := projectInput(b)
	cat, err := engine.Load(rules.FS, "rules")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("AllRules", func(b *testing.B) { evalLoop(b, cat, input) })
	for _, r := range cat.Rules {
		one, err := engine.Load(ruleFS(b, cat, r), "rules")
		if err != nil {
			b.Fatal(err)
		}
		b.Run(r.ID, func(b *testing.B) { evalLoop(b, one, input) })
	}
}

func evalLoop(b *testing.B, cat *engine.Catalog, input ast.Value) {
	eng, err := engine.Compile(context.Background(), cat)
	if err != nil {
		b.Fatal(err)
	}
	// Measure a slow rule rather than cutting it off.
	eng.SetTimeout(0)
	for b.Loop() {
		if _, err := eng.Eval(context.Background(), input); err != nil {
			b.Fatal(err)
		}
	}
}

// ruleFS holds one rule's file, the files of the rules it calls and the
// helpers of rules/lib, without tests.
func ruleFS(b *testing.B, cat *engine.Catalog, r *engine.Rule) fs.FS {
	b.Helper()
	keep := map[string]bool{}
	for _, f := range ruleFiles(b, cat, r, map[string]bool{}) {
		keep[strings.TrimPrefix(f, "rules/")] = true
	}
	out := fstest.MapFS{}
	err := fs.WalkDir(rules.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, "_test.rego") {
			return err
		}
		if !keep[p] && path.Dir(p) != "lib" {
			return nil
		}
		data, err := fs.ReadFile(rules.FS, p)
		out[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return out
}

// ruleRef finds references to other rules' packages in a rule's source.
var ruleRef = regexp.MustCompile(`sflint\.rules\.[a-z0-9_.]+`)

// ruleFiles lists r's file and, transitively, the files of the rules whose
// packages it refers to.
func ruleFiles(b *testing.B, cat *engine.Catalog, r *engine.Rule, seen map[string]bool) []string {
	if seen[r.File] {
		return nil
	}
	seen[r.File] = true
	src, err := fs.ReadFile(rules.FS, strings.TrimPrefix(r.File, "rules/"))
	if err != nil {
		b.Fatal(err)
	}
	out := []string{r.File}
	for _, ref := range ruleRef.FindAllString(string(src), -1) {
		for _, other := range cat.Rules {
			if other != r && strings.HasPrefix(ref+".", other.Package+".") {
				out = append(out, ruleFiles(b, cat, other, seen)...)
			}
		}
	}
	return out
}

// projectInput generates a project and builds its input document.
func projectInput(b *testing.B) ast.Value {
	b.Helper()
	dir, _ := synth.ForBenchmark(b)
	inputs, err := lint.Inputs(context.Background(), nil, lint.Options{Dir: dir})
	if err != nil {
		b.Fatal(err)
	}
	return inputs[0].Value
}
