package engine

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
)

// policyRule is a user's rule written like the built-in ones.
const policyRule = `# METADATA
# title: Named Credential host
# description: Flags every Named Credential.
# custom:
#   id: acme/host
#   severity: warning
package sflint.rules.acme.host

import data.sflint.lib

report contains lib.finding(nc, nc, "flagged", "fix it") if {
	some nc in input.namedCredentials
}
`

// conftestPolicy holds rules in the conftest convention.
const conftestPolicy = `package main

# METADATA
# title: No Full scope
deny contains "a message" if input.version == 1

deny contains {"msg": "placed", "file": "f.xml", "line": 3, "col": 7, "fix": "do this"} if input.version == 1

warn_legacy contains "a warning" if input.version == 1

violation_x if input.version == 1

helper := 1
`

// input is a document with one Named Credential.
const input = `{"version": 1, "project": {"file": "sfdx-project.json"},
	"namedCredentials": [{"file": "nc/A.namedCredential-meta.xml", "line": 2, "col": 1, "name": "A"}]}`

// compileUser writes files to a temporary directory, works there, and
// compiles them as --policy . beside the built-in rules.
func compileUser(t *testing.T, files map[string]string, namespaces ...string) (*Engine, error) {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	cat, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	user, err := LoadPolicies([]string{"."}, namespaces)
	if err != nil {
		return nil, err
	}
	if err := cat.Merge(user); err != nil {
		return nil, err
	}
	return Compile(context.Background(), cat)
}

func eval(t *testing.T, eng *Engine, doc string) []Finding {
	t.Helper()
	fs, err := eng.Eval(context.Background(), ast.MustParseTerm(doc).Value)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// userFindings renders the findings of the user's rules.
func userFindings(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		if f.Rule.User {
			out = append(out, strings.Join([]string{f.File, strconv.Itoa(f.Line),
				strconv.Itoa(f.Col), f.Severity.String(), f.Rule.ID, f.Message, f.Fix}, "|"))
		}
	}
	return out
}

func TestUserRules(t *testing.T) {
	eng, err := compileUser(t, map[string]string{
		"acme/host.rego":      policyRule,
		"acme/host_test.rego": "package sflint.rules.acme.host_test\n\ntest_x if true\n",
		"main.rego":           conftestPolicy,
		"other.rego":          "package other\n\ndeny contains \"other\" if true\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	r := eng.catalog.Lookup("acme/host")
	if r == nil || !r.User || r.File != "acme/host.rego" || r.Severity != Warning {
		t.Fatalf("acme/host = %+v", r)
	}
	if d := eng.catalog.Lookup("main/deny"); d == nil || d.Title != "No Full scope" || d.Severity != Error {
		t.Fatalf("main/deny = %+v", d)
	}
	if w := eng.catalog.Lookup("main/warn_legacy"); w == nil || w.Severity != Warning {
		t.Fatalf("main/warn_legacy = %+v", w)
	}
	if eng.catalog.Lookup("other/deny") != nil || eng.catalog.Lookup("main/helper") != nil {
		t.Error("only deny, warn and violation rules of the namespaces are rules")
	}
	got := strings.Join(userFindings(eval(t, eng, input)), "\n")
	want := strings.Join([]string{
		"f.xml|3|7|error|main/deny|placed|do this",
		"nc/A.namedCredential-meta.xml|2|1|warning|acme/host|flagged|fix it",
		"sfdx-project.json|1|1|error|main/deny|a message|",
		"sfdx-project.json|1|1|error|main/violation_x|data.main.violation_x is true|",
		"sfdx-project.json|1|1|warning|main/warn_legacy|a warning|",
	}, "\n")
	if got != want {
		t.Errorf("findings:\n%s\nwant:\n%s", got, want)
	}
}

func TestNamespaces(t *testing.T) {
	eng, err := compileUser(t, map[string]string{
		"main.rego":  conftestPolicy,
		"other.rego": "package acme.other\n\ndeny contains \"other\" if true\n",
	}, "acme.other")
	if err != nil {
		t.Fatal(err)
	}
	if eng.catalog.Lookup("acme.other/deny") == nil || eng.catalog.Lookup("main/deny") != nil {
		t.Errorf("--namespace acme.other: rules %v", eng.catalog.IDs())
	}
	fs := userFindings(eval(t, eng, `{"project": {"file": ""}}`))
	if len(fs) != 1 || !strings.HasPrefix(fs[0], ".|1|1|error|acme.other/deny|other") {
		t.Errorf("a bare tree's message goes on the tree itself: %v", fs)
	}
}

func TestPolicyLoadErrors(t *testing.T) {
	builtinID := strings.Replace(policyRule, "acme/host", "eca/missing-run-as-user", 1)
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"id of a built-in rule", map[string]string{"r.rego": builtinID},
			"r.rego: rule id eca/missing-run-as-user is already defined in rules/eca/missing-run-as-user/rule.rego"},
		{"id used twice", map[string]string{"a.rego": policyRule,
			"b.rego": strings.Replace(policyRule, "acme.host", "acme.host2", 1)},
			"b.rego: rule id acme/host is already defined in a.rego"},
		{"package of a built-in rule", map[string]string{"r.rego": strings.Replace(policyRule,
			"sflint.rules.acme.host", "sflint.rules.eca.missing_run_as_user", 1)},
			"r.rego:7: package sflint.rules.eca.missing_run_as_user is already rule eca/missing-run-as-user"},
		{"sflint's library", map[string]string{"lib.rego": "package sflint.lib\n\nfinding(a, b, c, d) := 1\n"},
			"lib.rego:1: package sflint.lib belongs to sflint"},
		{"syntax error", map[string]string{"bad.rego": "package acme\n\nx := {\n"}, "bad.rego:4: unexpected eof"},
		{"no report", map[string]string{"r.rego": strings.Replace(policyRule, "report contains", "other contains", 1)},
			"r.rego: rule acme/host has no report rule"},
		{"network", map[string]string{"r.rego": strings.Replace(policyRule, "some nc in input.namedCredentials",
			"some nc in input.namedCredentials\n\thttp.send({\"method\": \"GET\", \"url\": \"https://x\"})", 1)},
			"r.rego:13: http.send is not available to sflint policies"},
		{"environment", map[string]string{"r.rego": strings.Replace(policyRule, "some nc in input.namedCredentials",
			"some nc in input.namedCredentials\n\topa.runtime().env.HOME", 1)},
			"r.rego:13: opa.runtime is not available"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := compileUser(t, tt.files)
			var pe *PolicyError
			if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %v\nwant a PolicyError starting %q", err, tt.want)
			}
		})
	}
}

func TestPolicyPathErrors(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.Mkdir("empty", 0o755); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"missing": "policy missing: no such file or directory",
		"empty":   "policy empty: no .rego files",
	} {
		_, err := LoadPolicies([]string{path}, nil)
		if err == nil || err.Error() != want {
			t.Errorf("%s: err = %v, want %q", path, err, want)
		}
	}
	_, err := LoadPolicies([]string{"missing"}, nil)
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing policy directory is a missing file: %v", err)
	}
}

// failing is a second user rule, acme/fail, whose report runs body for each
// Named Credential.
func failing(body string) string {
	src := strings.NewReplacer("acme/host", "acme/fail", "acme.host", "acme.fail").Replace(policyRule)
	return strings.Replace(src, "some nc in input.namedCredentials\n}",
		"some nc in input.namedCredentials\n"+body+"\n}", 1)
}

// ruleErrors renders the meta/rule-error findings of an engine.
func ruleErrors(eng *Engine) []string {
	var out []string
	for _, f := range eng.RuleErrors() {
		if f.Rule != RuleError || f.Severity != Error {
			out = append(out, "not meta/rule-error at error: "+f.Rule.ID)
			continue
		}
		out = append(out, fmt.Sprintf("%s:%d: %s", f.File, f.Line, f.Message))
	}
	return out
}

// TestRuleErrors checks that a rule failing at run time becomes a finding
// on its file and line, while the other rules still report.
func TestRuleErrors(t *testing.T) {
	for _, tt := range []struct {
		name, body, want string
	}{
		{"loop", "\tcount([x | some x in numbers.range(1, 1e9)]) < 0",
			"fail.rego:1: rule acme/fail did not finish within the 1s time limit (--timeout)"},
		{"builtin", "\tcount(input.namedCredentials) / 0 > 1",
			"fail.rego:13: rule acme/fail failed: eval_builtin_error: div: divide by zero"},
		{"memory", "\tcount([[i, j] | some i in numbers.range(1, 1e5); some j in numbers.range(1, 1e5)]) < 0",
			"fail.rego:1: rule acme/fail stopped: the evaluation's live memory passed the 128 MiB limit " +
				"(--memory-limit)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			eng, err := compileUser(t, map[string]string{
				"host.rego": policyRule, "fail.rego": failing(tt.body)})
			if err != nil {
				t.Fatal(err)
			}
			eng.SetTimeout(time.Second)
			if tt.name == "memory" {
				// The memory bound must stop the rule, not the clock.
				eng.SetTimeout(time.Minute)
				eng.SetMemoryLimit(128 << 20)
			}
			start := time.Now()
			fs := eval(t, eng, input)
			if took := time.Since(start); took > 5*time.Second {
				t.Errorf("stopped after %s", took)
			}
			if got := userFindings(fs); len(got) != 1 || !strings.Contains(got[0], "acme/host") {
				t.Errorf("findings of the other rule: %q", got)
			}
			if got := ruleErrors(eng); !slices.Equal(got, []string{tt.want}) {
				t.Errorf("rule errors = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRuntimeErrorNamesRule(t *testing.T) {
	src := strings.Replace(policyRule, "report contains", `name := nc.name if some nc in input.namedCredentials

report contains`, 1)
	src = strings.Replace(src, "some nc in input.namedCredentials\n}",
		"some nc in input.namedCredentials\n\tname != \"\"\n}", 1)
	eng, err := compileUser(t, map[string]string{"conflict.rego": src})
	if err != nil {
		t.Fatal(err)
	}
	doc := `{"namedCredentials": [{"file": "a", "name": "A", "line": 1, "col": 1},
		{"file": "b", "name": "B", "line": 1, "col": 1}]}`
	if fs := eval(t, eng, doc); len(userFindings(fs)) != 0 {
		t.Errorf("a failed rule reported %q", userFindings(fs))
	}
	eval(t, eng, doc) // a second project failing the same way adds nothing
	want := "conflict.rego:11: rule acme/host failed: eval_conflict_error: " +
		"rule data.sflint.rules.acme.host.name produced conflicting values: "
	got := ruleErrors(eng)
	if len(got) != 1 || !strings.HasPrefix(got[0], want) || strings.Contains(got[0], "\n") {
		t.Errorf("rule errors = %q, want one line starting %q", got, want)
	}
}

// TestInterruptIsNoRuleError checks that a cancelled run is an error, not
// a rule's fault.
func TestInterruptIsNoRuleError(t *testing.T) {
	eng, err := compileUser(t, map[string]string{"fail.rego": failing(
		"\tcount([x | some x in numbers.range(1, 1e9)]) < 0")})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, err = eng.Eval(ctx, ast.MustParseTerm(input).Value)
	if !errors.Is(err, context.DeadlineExceeded) || len(eng.RuleErrors()) != 0 {
		t.Errorf("err = %v, rule errors %q; want the context's error and none", err, ruleErrors(eng))
	}
}

func TestConftestResultErrors(t *testing.T) {
	for src, want := range map[string]string{
		`deny contains {"message": "no msg"} if true`: "rule main/deny: a result has no message (msg)",
		`deny contains 42 if true`:                    "a result must be a message or an object with msg",
	} {
		eng, err := compileUser(t, map[string]string{"main.rego": "package main\n\n" + src + "\n"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = eng.Eval(context.Background(), ast.MustParseTerm(input).Value)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "main.rego: ") {
			t.Errorf("%s: err = %v, want main.rego: ...%s", src, err, want)
		}
	}
}

func TestTestModules(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("p_test.rego", []byte("package p_test\n\ntest_x if true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	user, err := LoadPolicies([]string{"p_test.rego"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := cat.Merge(user); err != nil {
		t.Fatal(err)
	}
	mods, err := cat.TestModules()
	if err != nil {
		t.Fatal(err)
	}
	var helpers bool
	for f, m := range mods {
		if strings.HasSuffix(f, "_test.rego") && strings.HasPrefix(f, "rules/") && !m.Package.Path.Equal(testPackage) {
			t.Errorf("%s: a built-in rule's tests are not the user's to run", f)
		}
		helpers = helpers || m.Package.Path.Equal(testPackage)
	}
	if mods["p_test.rego"] == nil || !helpers || mods["rules/lib/sflint.rego"] == nil {
		t.Errorf("want the user's tests, sflint's test helpers and the library")
	}
}
