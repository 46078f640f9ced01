package rules_test

import (
	"context"
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/sflint/sflint/internal/engine"
	"github.com/sflint/sflint/rules"
)

// TestRego runs every _test.rego file of the catalog with OPA's tester, under
// the same compiler settings as sflint lint.
func TestRego(t *testing.T) {
	cat, err := engine.Load(rules.FS, "rules")
	if err != nil {
		t.Fatal(err)
	}
	mods, err := cat.ModulesWithTests()
	if err != nil {
		t.Fatal(err)
	}
	ch, err := tester.NewRunner().
		SetCompiler(engine.NewCompiler()).
		SetModules(mods).
		RaiseBuiltinErrors(true).
		Run(context.Background(), mods)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for r := range ch {
		n++
		name := r.Package + "." + r.Name
		switch {
		case r.Error != nil:
			t.Errorf("%s: error: %v", name, r.Error)
		case r.Fail:
			t.Errorf("%s: failed at %v (%s)", name, r.FailedAt, r.Location)
		case r.Skip:
			t.Errorf("%s: skipped; a skipped test proves nothing", name)
		}
	}
	if n == 0 {
		t.Fatal("no Rego tests ran")
	}
	t.Logf("%d Rego tests", n)
}

// TestEveryRuleIsComplete fails when a rule lacks its unit tests or any part
// of its explain page.
func TestEveryRuleIsComplete(t *testing.T) {
	cat, err := engine.Load(rules.FS, "rules")
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Rules) == 0 {
		t.Fatal("empty catalog")
	}
	for _, r := range cat.Rules {
		dir := path.Dir(strings.TrimPrefix(r.File, "rules/"))
		if want := r.ID; dir != want {
			t.Errorf("%s: lives in rules/%s; a rule's directory is its id", r.ID, dir)
		}
		if _, err := fs.Stat(rules.FS, path.Join(dir, "rule_test.rego")); err != nil {
			t.Errorf("%s: no rule_test.rego beside the rule", r.ID)
		}
		for field, v := range map[string]string{
			"description": r.Description, "why": r.Why, "symptom": r.Symptom,
			"fix": r.Fix, "before": r.Before, "after": r.After,
		} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: METADATA has no %s", r.ID, field)
			}
		}
	}
}
