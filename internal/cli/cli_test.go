package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/sflint/sflint/internal/report"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/cli -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run with -update after checking):\n%s", name, got)
	}
}

const (
	broken  = "../../examples/broken"
	sameOrg = "../../examples/same-org"
)

func TestLintOutputs(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"lint-broken-text", []string{"lint", broken}, ExitFindings},
		{"lint-broken-json", []string{"lint", "--format", "json", broken}, ExitFindings},
		{"lint-same-org-json", []string{"lint", "--format=json", sameOrg}, ExitOK},
		{"rules", []string{"rules"}, ExitOK},
		{"explain-token-url", []string{"explain", "extcred/token-url"}, ExitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, tt.code, errOut)
			}
			golden(t, tt.name, out)
		})
	}
}

func TestLintSummaryOnStderr(t *testing.T) {
	_, out, errOut := run(t, "lint", sameOrg)
	if out != "" {
		t.Errorf("a clean project prints nothing on stdout, got %q", out)
	}
	if errOut != "13 files: 0 errors, 0 warnings, 0 infos\n" {
		t.Errorf("stderr = %q", errOut)
	}
}

func TestLintJSONShape(t *testing.T) {
	_, out, _ := run(t, "lint", "--format", "json", broken)
	var doc struct {
		Version  int
		Findings []map[string]any
		Summary  map[string]int
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	sum := doc.Summary["errors"] + doc.Summary["warnings"] + doc.Summary["infos"]
	if doc.Version != 1 || len(doc.Findings) != sum || len(doc.Findings) == 0 || doc.Summary["files"] < 16 {
		t.Errorf("version %d, %d findings, summary %v", doc.Version, len(doc.Findings), doc.Summary)
	}
	for _, f := range doc.Findings {
		for _, k := range []string{"rule", "severity", "file", "line", "column", "message", "fix"} {
			if _, ok := f[k]; !ok {
				t.Errorf("finding without %q: %v", k, f)
			}
		}
	}
}

func TestFailOn(t *testing.T) {
	for level, want := range map[string]int{"error": 1, "warning": 1, "info": 1, "none": 0} {
		if code, _, _ := run(t, "lint", "--fail-on", level, broken); code != want {
			t.Errorf("--fail-on %s: exit %d, want %d", level, code, want)
		}
	}
}

// TestUsageErrors checks that every misuse gives one line on stderr naming the
// valid choices, and exit code 2.
func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	badProject := filepath.Join(dir, "sfdx-project.json")
	if err := os.WriteFile(badProject, []byte("{\n  \"packageDirectories\": [}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no command", nil, "Usage: sflint COMMAND"},
		{"unknown command", []string{"lnt"}, `unknown command "lnt"; valid commands: lint, rules, explain, inspect, config, `},
		{"unknown flag", []string{"lint", "--formt", "json"}, "unknown flag: --formt; valid flags: --baseline, --config, --fail-on, --format, --help, --jobs,"},
		{"unknown format", []string{"lint", "--format", "xml"}, `unknown format "xml"; valid formats: `},
		{"unknown level", []string{"lint", "--fail-on", "fatal"}, `unknown --fail-on level "fatal"; valid levels: error, warning, info, none`},
		{"negative jobs", []string{"lint", "-j", "-1"}, "--jobs must be 0 or more"},
		{"missing path", []string{"lint", "does/not/exist"}, "sflint lint: does/not/exist: no such file or directory"},
		{"bad project file", []string{"lint", dir}, "sfdx-project.json:2:26: invalid character"},
		{"unknown rule", []string{"explain", "eca/nope"}, `unknown rule "eca/nope"; valid eca rules: eca/callback-url, eca/client-credentials-mismatch,`},
		{"unknown category", []string{"explain", "nope"}, `unknown rule "nope"; valid categories: apex, connectedapp, cors, eca,`},
		{"explain without rule", []string{"explain"}, "want a RULE or the text of a runtime error"},
		{"rules with argument", []string{"rules", "x"}, `unexpected argument "x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := run(t, tt.args...)
			if code != ExitUsage {
				t.Errorf("exit %d, want %d", code, ExitUsage)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr %q does not contain %q", errOut, tt.want)
			}
			if tt.args != nil && strings.Count(errOut, "\n") != 1 {
				t.Errorf("want one line on stderr, got %q", errOut)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"help"}, {"lint", "--help"}, {"explain", "-h"}, {"rules", "--help"}} {
		code, out, _ := run(t, args...)
		if code != ExitOK || !strings.Contains(out, "sflint") {
			t.Errorf("%v: exit %d, stdout %q", args, code, out)
		}
	}
	_, out, _ := run(t, "lint", "--help")
	for _, flag := range []string{"--format", "--fail-on", "--jobs"} {
		if !strings.Contains(out, flag) {
			t.Errorf("lint --help does not document %s", flag)
		}
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := run(t, "version")
	if code != ExitOK || !strings.HasPrefix(out, "sflint ") {
		t.Errorf("exit %d, %q", code, out)
	}
}

func TestInspect(t *testing.T) {
	code, out, _ := run(t, "inspect", sameOrg)
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc["externalCredentials"].([]any)) != 1 || doc["version"].(float64) != 1 {
		t.Errorf("inspect output: %v", doc)
	}
}

func TestBareTreeNote(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := run(t, "lint", dir)
	if code != ExitOK || !strings.Contains(errOut, "sflint: note: no sfdx-project.json found") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestInternalErrorExitCode(t *testing.T) {
	var errb bytes.Buffer
	e := &env{stderr: &errb}
	if code := fail(e, "lint", &internalError{os.ErrClosed}); code != ExitInternal {
		t.Errorf("exit %d, want %d", code, ExitInternal)
	}
	if !strings.HasPrefix(errb.String(), "sflint lint: internal error: ") {
		t.Errorf("stderr %q", errb.String())
	}
}

func TestInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	code := Run(ctx, []string{"lint", broken}, strings.NewReader(""), &out, &errb)
	if code != ExitInterrupt || errb.String() != "sflint: interrupted\n" {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
	if out.Len() != 0 {
		t.Errorf("an interrupted run prints no findings, got %q", out.String())
	}
}

// TestSecretsNeverPrinted lints a project full of committed secrets in every
// format: none may appear in full, whichever rule mentions the value.
func TestSecretsNeverPrinted(t *testing.T) {
	a, err := txtar.ParseFile("../../testdata/secrets/project.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range a.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	secrets := []string{"ECA-SECRET-1D2F3A4B5C6D7E8F", "NC-PASSWORD-9Z8Y7X6W", "CA-SECRET-ABCDEF0123456789",
		"00D5w000002t5HB!AQ4AQExampleTokenValueThatIsLong1234567890"}
	for _, format := range report.Formats() {
		code, out, errOut := run(t, "lint", "--no-cache", "--format", format, dir)
		if code != ExitFindings {
			t.Errorf("%s: exit %d: %s", format, code, errOut)
		}
		if !strings.Contains(out, "redacted") {
			t.Errorf("%s: no finding shows a redacted value", format)
		}
		for _, s := range secrets {
			if strings.Contains(out+errOut, s) {
				t.Errorf("%s output contains the secret %q", format, s)
			}
		}
	}
}

func TestSeveralFormats(t *testing.T) {
	dir := t.TempDir()
	sarif, junit := filepath.Join(dir, "out.sarif"), filepath.Join(dir, "out.xml")
	code, out, errOut := run(t, "lint", "--no-cache", "--format", "text", "--format", "sarif="+sarif,
		"--format", "junit", "--output", junit, broken)
	if code != ExitFindings {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "[extcred/token-url]") {
		t.Errorf("text output missing on stdout: %q", out)
	}
	for _, p := range []string{sarif, junit} {
		data, err := os.ReadFile(p)
		if err != nil || len(data) == 0 {
			t.Errorf("%s: %v", p, err)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestOutputErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--format", "json", "--format", "sarif"}, "2 formats write to stdout"},
		{[]string{"--format", "json", "--output", "a", "--output", "b"}, "2 --output files for 1 formats"},
		{[]string{"--format", "xml=out.xml"}, `unknown format "xml"`},
	}
	for _, tt := range tests {
		code, _, errOut := run(t, append([]string{"lint"}, append(tt.args, broken)...)...)
		if code != ExitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q", tt.args, code, errOut)
		}
	}
	code, _, errOut := run(t, "lint", "--format", "json=/nonexistent/dir/out.json", broken)
	if code != ExitUsage || !strings.Contains(errOut, "/nonexistent/dir") {
		t.Errorf("unwritable output: exit %d, stderr %q", code, errOut)
	}
}

// TestRuleOptionsFromConfiguration sets the options of the built-in rules in
// .sflint.yaml and sees them change what sflint reports on examples/same-org.
func TestRuleOptionsFromConfiguration(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(sameOrg)); err != nil {
		t.Fatal(err)
	}
	config := `rules:
  extcred/token-url:
    options:
      allowed_hosts: [login.acme.my.salesforce.com]
  apex/api-version-too-new:
    options:
      max_api_version: 62
  eca/missing-run-as-user:
    options:
      run_as_pattern: '\.integration@acme\.com$'
`
	if err := os.WriteFile(filepath.Join(dir, ".sflint.yaml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "lint", "--no-cache", dir)
	if code != ExitFindings {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"[extcred/token-url]", "[apex/api-version-too-new]", "[eca/missing-run-as-user]"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %s finding:\n%s", want, out)
		}
	}
}
