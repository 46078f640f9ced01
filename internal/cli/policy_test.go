package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"golang.org/x/tools/txtar"

	"github.com/sflint/sflint/internal/engine"
	"github.com/sflint/sflint/internal/lint"
	"github.com/sflint/sflint/internal/linttest"
)

const (
	acmePolicies = "../../testdata/policies/acme"
	acmeProject  = "../../testdata/policies/project"
	inputSchema  = "../../docs/input.schema.json"
)

// writeTree writes files (path → content) under a new directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestWalkthroughPolicies runs the policies of docs/policies.md on the
// fixture project: each flags exactly the lines whose comment wants it.
func TestWalkthroughPolicies(t *testing.T) {
	code, out, errOut := run(t, "lint", "--format", "json", "--policy", acmePolicies, acmeProject)
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d; stderr: %s", code, ExitFindings, errOut)
	}
	var doc struct {
		Findings []struct {
			Rule, File   string
			Line, Column int
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var found []engine.Finding
	for _, f := range doc.Findings {
		if strings.HasPrefix(f.Rule, "acme/") || strings.HasPrefix(f.Rule, "main/") {
			found = append(found, engine.Finding{
				Rule: &engine.Rule{ID: f.Rule}, File: f.File, Line: f.Line, Col: f.Column,
			})
		}
	}
	wants, err := linttest.Wants(acmeProject)
	if err != nil {
		t.Fatal(err)
	}
	if len(wants) != 4 {
		t.Fatalf("the fixture wants %d findings, not 4", len(wants))
	}
	for _, d := range linttest.Compare(wants, found, acmeProject) {
		t.Error(d)
	}
}

// TestWalkthroughTests runs the policies' own tests through sflint test.
func TestWalkthroughTests(t *testing.T) {
	code, out, errOut := run(t, "test", "-v", acmePolicies)
	if code != ExitOK {
		t.Fatalf("exit %d; stdout:\n%s\nstderr: %s", code, out, errOut)
	}
	if !regexp.MustCompile(`^1\d tests: 1\d passed, 0 failed\n$`).MatchString(errOut) {
		t.Errorf("stderr = %q", errOut)
	}
	for _, name := range []string{"named_credential_host_test", "run_as_user_test", "main.test_full"} {
		if !strings.Contains(out, name) {
			t.Errorf("-v does not list the tests of %s:\n%s", name, out)
		}
	}
}

// TestWalkthroughDocShowsThePolicies keeps docs/policies.md showing the
// files that are tested, as they are.
func TestWalkthroughDocShowsThePolicies(t *testing.T) {
	doc, err := os.ReadFile("../../docs/policies.md")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(acmePolicies, "*.rego"))
	if len(files) != 6 {
		t.Fatalf("want three policies and their tests, found %v", files)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(doc), "```rego\n"+string(src)+"```\n") {
			t.Errorf("docs/policies.md does not show %s as it is", filepath.Base(f))
		}
	}
}

func TestRulesAndExplainShowPolicies(t *testing.T) {
	code, out, _ := run(t, "rules", "--policy", acmePolicies)
	if code != ExitOK || !strings.Contains(out, "acme/named-credential-host") || !strings.Contains(out, "main/deny") {
		t.Errorf("exit %d, rules:\n%s", code, out)
	}
	code, out, _ = run(t, "explain", "--policy", acmePolicies, "acme/run-as-user")
	if code != ExitOK || !strings.Contains(out, "Defined in\n  ../../testdata/policies/acme/run_as_user.rego") {
		t.Errorf("exit %d, explain:\n%s", code, out)
	}
}

// TestPolicySafety checks that a policy that reaches out or does not
// compile stops sflint with one line naming the file and line, and exit 2.
func TestPolicySafety(t *testing.T) {
	rule := func(body string) string {
		return "# METADATA\n# title: T\n# custom:\n#   id: acme/t\n#   severity: error\n" +
			"package sflint.rules.acme.t\n\nimport data.sflint.lib\n\n" +
			"report contains lib.finding(nc, nc, \"m\", \"f\") if {\n" +
			"\tsome nc in input.namedCredentials\n" + body + "}\n"
	}
	tests := []struct {
		name, src string
		args      []string
		want      string
	}{
		{"network", rule("\thttp.send({\"method\": \"GET\", \"url\": \"https://example.com\"})\n"), nil,
			`p\.rego:12: http\.send is not available to sflint policies`},
		{"syntax", rule("\tnc.label.value = = 1\n"), nil, `p\.rego:12: `},
		{"type", rule("\tnc.lable.value == \"\"\n"), nil,
			`p\.rego:12: undefined ref: nc\.lable\.value \(did you mean "label"\?\)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, map[string]string{"p.rego": tt.src})
			args := append([]string{"lint", "--policy", filepath.Join(dir, "p.rego")}, tt.args...)
			code, _, errOut := run(t, append(args, sameOrg)...)
			if code != ExitUsage || strings.Count(errOut, "\n") != 1 {
				t.Fatalf("exit %d, stderr %q; want exit 2 and one line", code, errOut)
			}
			if !regexp.MustCompile(`^sflint lint: .*` + tt.want).MatchString(errOut) {
				t.Errorf("stderr %q does not match %q", errOut, tt.want)
			}
		})
	}
}

// TestFailingRules checks that rules failing at run time, by a conflict or
// the time limit, become meta/rule-error findings naming the rule and its
// file, while the other rules still report.
func TestFailingRules(t *testing.T) {
	rule := func(id, body string) string {
		return "# METADATA\n# title: T\n# custom:\n#   id: acme/" + id + "\n#   severity: warning\n" +
			"package sflint.rules.acme." + id + "\n\nimport data.sflint.lib\n\n" + body
	}
	dir := writeTree(t, map[string]string{
		"ok.rego": rule("ok", "report contains lib.finding(nc, nc, \"ok\", \"f\") if {\n"+
			"\tsome nc in input.namedCredentials\n}\n"),
		"loop.rego": rule("loop", "report contains lib.finding(nc, nc, \"m\", \"f\") if {\n"+
			"\tsome nc in input.namedCredentials\n"+
			"\tcount([x | some x in numbers.range(1, 1e9)]) < 0\n}\n"),
		"conflict.rego": rule("conflict",
			"name := nc.label.value if some nc in input.namedCredentials\n\n"+
				"report contains lib.finding(nc, nc, name, \"f\") if {\n"+
				"\tsome nc in input.namedCredentials\n}\n"),
	})
	start := time.Now()
	code, out, errOut := run(t, "lint", "--format", "json", "--timeout", "1s", "--policy", dir,
		"../../testdata/policies/project")
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("took %s with a 1s time limit", took)
	}
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d; stderr: %s", code, ExitFindings, errOut)
	}
	var doc struct {
		Findings []struct{ Rule, Severity, File, Message string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range doc.Findings {
		switch f.Rule {
		case "acme/ok":
			got = append(got, "acme/ok")
		case "meta/rule-error":
			got = append(got, fmt.Sprintf("%s %s %s", f.Severity, filepath.Base(f.File), f.Message))
		}
	}
	want := []string{
		"error conflict.rego rule acme/conflict failed: eval_conflict_error: " +
			"rule data.sflint.rules.acme.conflict.name produced conflicting values: ",
		"error loop.rego rule acme/loop did not finish within the 1s time limit (--timeout)",
	}
	for _, w := range want {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, w) }) {
			t.Errorf("no finding starting %q in %q", w, got)
		}
	}
	if !slices.Contains(got, "acme/ok") {
		t.Errorf("the rule that works reported nothing: %q", got)
	}
}

// TestMemoryLimit checks that a rule building values without end is stopped
// by --memory-limit and becomes a meta/rule-error finding, while the other
// rules still report.
func TestMemoryLimit(t *testing.T) {
	rule := func(id, body string) string {
		return "# METADATA\n# title: T\n# custom:\n#   id: acme/" + id + "\n#   severity: warning\n" +
			"package sflint.rules.acme." + id + "\n\nimport data.sflint.lib\n\n" +
			"report contains lib.finding(nc, nc, \"m\", \"f\") if {\n" +
			"\tsome nc in input.namedCredentials\n" + body + "}\n"
	}
	dir := writeTree(t, map[string]string{
		"ok.rego": rule("ok", ""),
		"hog.rego": rule("hog", "\tcount([[i, j] | some i in numbers.range(1, 1e5); "+
			"some j in numbers.range(1, 1e5)]) < 0\n"),
	})
	code, out, errOut := run(t, "lint", "--format", "json", "--memory-limit", "128", "--timeout", "1m",
		"--policy", dir, "../../testdata/policies/project")
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d; stderr: %s", code, ExitFindings, errOut)
	}
	var doc struct {
		Findings []struct{ Rule, File, Message string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range doc.Findings {
		if strings.HasPrefix(f.Rule, "acme/") || f.Rule == "meta/rule-error" {
			got = append(got, f.Rule+" "+filepath.Base(f.File)+" "+f.Message)
		}
	}
	want := "meta/rule-error hog.rego rule acme/hog stopped: the evaluation's live memory passed " +
		"the 128 MiB limit (--memory-limit)"
	if !slices.Contains(got, want) || !slices.ContainsFunc(got, func(g string) bool {
		return strings.HasPrefix(g, "acme/ok ")
	}) {
		t.Errorf("findings %q; want %q and acme/ok's", got, want)
	}
}

func TestPolicyFlagErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"lint", "--policy", "does/not/exist", sameOrg},
			"sflint lint: policy does/not/exist: no such file or directory\n"},
		{[]string{"lint", "--timeout", "-1s", sameOrg}, "sflint lint: --timeout must be 0 or more, not -1s\n"},
		{[]string{"lint", "--memory-limit", "2000000000", sameOrg},
			"sflint lint: --memory-limit is in MiB and at most 1073741824, not 2000000000\n"},
		{[]string{"rules", "--policy", acmeProject},
			"sflint rules: policy ../../testdata/policies/project: no .rego files\n"},
	} {
		code, _, errOut := run(t, tt.args...)
		if code != ExitUsage || errOut != tt.want {
			t.Errorf("%v: exit %d, stderr %q; want 2, %q", tt.args, code, errOut, tt.want)
		}
	}
}

// failingPolicyTests has one test that passes, one that fails and one
// whose helper cannot build the project.
const failingPolicyTests = `package acme_test

import data.sflint.test

project := test.project({"force-app/main/default/namedCredentials/A.namedCredential-meta.xml": ` +
	"`<NamedCredential><label>A</label></NamedCredential>`" + `})

test_passes if {
	count(project.namedCredentials) == 1
}

test_fails if {
	some nc in project.namedCredentials
	nc.label.value == "B"
}

test_escapes if {
	count(test.project({"../outside.xml": ""}).files) == 0
}
`

func TestPolicyTestFailures(t *testing.T) {
	dir := writeTree(t, map[string]string{"acme_test.rego": failingPolicyTests})
	t.Chdir(dir)
	code, out, errOut := run(t, "test")
	if code != ExitFindings {
		t.Errorf("exit %d, want %d", code, ExitFindings)
	}
	want := `FAIL  acme_test.rego:11: data.acme_test.test_fails
      acme_test.rego:13:
        nc.label.value == "B"
        |
        nc.label.value: "A"
`
	if !strings.HasPrefix(out, want) {
		t.Errorf("stdout:\n%s\nwant it to start:\n%s", out, want)
	}
	if !strings.Contains(out, `ERROR acme_test.rego:16: data.acme_test.test_escapes: `+
		`acme_test.rego:17: sflint.project_input: project: "../outside.xml" is not a path inside the project`) {
		t.Errorf("stdout does not report the helper's error:\n%s", out)
	}
	if errOut != "3 tests: 1 passed, 1 failed, 1 errors\n" {
		t.Errorf("stderr = %q", errOut)
	}
}

func TestPolicyTestUsage(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"broken/p_test.rego": "package p_test\n\ntest_x if {\n\tinput.records[_]\n}\n",
		"none/p.rego":        "package p\n\nx := 1\n",
	})
	t.Chdir(dir)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"test", "broken"}, "sflint test: broken/p_test.rego:4: undefined ref: input.records[_]"},
		{[]string{"test", "none"}, "sflint test: no tests (rules named test_*) in none\n"},
		{[]string{"test", "--run", "("}, "sflint test: --run: error parsing regexp"},
	} {
		code, _, errOut := run(t, tt.args...)
		if code != ExitUsage || !strings.HasPrefix(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2, %q", tt.args, code, errOut, tt.want)
		}
	}
}

// matchSchema validates a document against docs/input.schema.json with
// OPA's json.match_schema, the builtin a policy test would use.
func matchSchema(t *testing.T, doc any) []string {
	t.Helper()
	schema, err := os.ReadFile(inputSchema)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rego.New(
		rego.Query("[ok, errs] := json.match_schema(input.doc, input.schema)"),
		rego.Input(map[string]any{"doc": doc, "schema": string(schema)}),
	).Eval(context.Background())
	if err != nil || len(rs) != 1 {
		t.Fatalf("json.match_schema: %v %v", rs, err)
	}
	if rs[0].Bindings["ok"] == true {
		return nil
	}
	var out []string
	for _, e := range rs[0].Bindings["errs"].([]any) {
		m := e.(map[string]any)
		out = append(out, m["field"].(string)+": "+m["desc"].(string))
	}
	return out
}

// TestInspectMatchesSchema checks that what sflint inspect prints is what
// docs/input.schema.json describes.
func TestInspectMatchesSchema(t *testing.T) {
	for _, p := range []string{sameOrg, broken, acmeProject} {
		code, out, errOut := run(t, "inspect", p)
		if code != ExitOK {
			t.Fatalf("inspect %s: exit %d: %s", p, code, errOut)
		}
		var doc any
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		for _, e := range matchSchema(t, doc) {
			t.Errorf("inspect %s: %s", p, e)
		}
	}
}

// TestFixtureInputsMatchSchema validates the input of every rule fixture,
// which between them hold every kind of file sflint reads.
func TestFixtureInputsMatchSchema(t *testing.T) {
	archives, _ := filepath.Glob("../../testdata/rules/*/*/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no fixtures")
	}
	for _, a := range archives {
		t.Run(strings.TrimPrefix(a, "../../testdata/rules/"), func(t *testing.T) {
			t.Parallel()
			for _, e := range matchSchema(t, fixtureInput(t, a)) {
				t.Error(e)
			}
		})
	}
}

// fixtureInput is the input document of a txtar fixture project.
func fixtureInput(t *testing.T, archive string) any {
	t.Helper()
	ar, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range ar.Files {
		files[f.Name] = string(f.Data)
	}
	dir := writeTree(t, files)
	inputs, err := lint.Inputs(context.Background(), []string{dir}, lint.Options{Dir: dir})
	if err != nil || len(inputs) != 1 {
		t.Fatalf("%d inputs, %v", len(inputs), err)
	}
	doc, err := ast.JSON(inputs[0].Value)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestInspectPart(t *testing.T) {
	const src = "force-app/main/default/"
	dir := writeTree(t, map[string]string{
		"sfdx-project.json": `{"packageDirectories": [{"path": "force-app"}]}`,
		src + "namedCredentials/A.namedCredential-meta.xml": "<NamedCredential><label>A</label></NamedCredential>",
		src + "namedCredentials/B.namedCredential-meta.xml": "<NamedCredential><label>B</label></NamedCredential>",
		src + "lwc/card/card.js":                            "export default class Card {}\n",
		src + "lwc/card/card.js-meta.xml": "<LightningComponentBundle><isExposed>false</isExposed>" +
			"</LightningComponentBundle>",
	})
	count := func(path string) map[string]int {
		t.Helper()
		code, out, errOut := run(t, "inspect", path)
		if code != ExitOK {
			t.Fatalf("inspect %s: exit %d: %s", path, code, errOut)
		}
		var doc map[string]any
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		if doc["project"] == nil {
			t.Errorf("inspect %s: the project is always there", path)
		}
		n := map[string]int{}
		for k, v := range doc {
			if l, ok := v.([]any); ok && len(l) > 0 {
				n[k] = len(l)
			}
		}
		return n
	}
	nc := filepath.Join(dir, "force-app/main/default/namedCredentials")
	for path, want := range map[string]string{
		dir: "map[files:4 lwcBundles:1 namedCredentials:2]",
		filepath.Join(nc, "A.namedCredential-meta.xml"): "map[files:1 namedCredentials:1]",
		nc: "map[files:2 namedCredentials:2]",
		filepath.Join(dir, "force-app/main/default/lwc/card/card.js"): "map[files:1 lwcBundles:1]",
	} {
		if got := fmt.Sprint(count(path)); got != want {
			t.Errorf("inspect %s: %s, want %s", path, got, want)
		}
	}
}
