package lint_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/sflint/sflint/internal/engine"
	"github.com/sflint/sflint/internal/lint"
	"github.com/sflint/sflint/internal/linttest"
	"github.com/sflint/sflint/rules"
)

var (
	engOnce sync.Once
	eng     *engine.Engine
	cat     *engine.Catalog
	engErr  error
)

// builtin compiles the built-in catalog once for all tests.
func builtin(t *testing.T) (*engine.Engine, *engine.Catalog) {
	t.Helper()
	engOnce.Do(func() {
		cat, engErr = engine.Load(rules.FS, "rules")
		if engErr == nil {
			eng, engErr = engine.Compile(context.Background(), cat)
		}
	})
	if engErr != nil {
		t.Fatal(engErr)
	}
	return eng, cat
}

// extract writes a txtar archive into a new directory.
func extract(t *testing.T, archive string) string {
	t.Helper()
	a, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// Expectations in the archive comment are for files without comments.
	if err := os.WriteFile(filepath.Join(dir, linttest.WantsFile), a.Comment, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range a.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// check lints dir (or the given paths inside it) and compares the findings
// with the want comments in its files.
func check(t *testing.T, dir string, paths ...string) []engine.Finding {
	t.Helper()
	e, _ := builtin(t)
	res, err := lint.Run(context.Background(), e, paths, lint.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	wants, err := linttest.Wants(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range linttest.Compare(wants, res.Findings, "") {
		t.Error(d)
	}
	return res.Findings
}

// TestRuleFixtures runs every rule's good and bad fixture project.
func TestRuleFixtures(t *testing.T) {
	archives, err := filepath.Glob("../../testdata/rules/*/*/*.txtar")
	if err != nil || len(archives) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, a := range archives {
		name := strings.TrimPrefix(filepath.ToSlash(a), "../../testdata/rules/")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			found := check(t, extract(t, a))
			if strings.HasSuffix(a, "good.txtar") && len(found) > 0 {
				t.Errorf("a good fixture must lint clean; got %d findings", len(found))
			}
		})
	}
}

// TestEveryRuleHasFixtures fails when a rule lacks a bad fixture that
// expects it or a good fixture.
func TestEveryRuleHasFixtures(t *testing.T) {
	_, c := builtin(t)
	for _, r := range c.Rules {
		dir := filepath.Join("../../testdata/rules", filepath.FromSlash(r.ID))
		if _, err := os.Stat(filepath.Join(dir, "good.txtar")); err != nil {
			t.Errorf("%s: no good.txtar fixture in %s", r.ID, dir)
		}
		bad := filepath.Join(dir, "bad.txtar")
		data, err := os.ReadFile(bad)
		if err != nil {
			t.Errorf("%s: no bad.txtar fixture in %s", r.ID, dir)
			continue
		}
		if !strings.Contains(string(data), " "+r.ID) {
			t.Errorf("%s: %s expects no finding of its own rule", r.ID, bad)
		}
	}
}
