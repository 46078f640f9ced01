package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/pflag"
	"golang.org/x/tools/txtar"

	"github.com/sflint/sflint/internal/lint"
	"github.com/sflint/sflint/internal/linttest"
	"github.com/sflint/sflint/internal/report"
)

const suppressTestdata = "../../testdata/suppress"

// extractFixture writes a txtar project into a new directory, with the
// archive comment as its .wants file and the test policies of
// testdata/suppress/policies beside it.
func extractFixture(t *testing.T, archive string) string {
	t.Helper()
	a, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	putFile(t, filepath.Join(dir, linttest.WantsFile), string(a.Comment))
	for _, f := range a.Files {
		putFile(t, filepath.Join(dir, filepath.FromSlash(f.Name)), string(f.Data))
	}
	copyDir(t, filepath.Join(suppressTestdata, "policies"), filepath.Join(dir, "policies"))
	return dir
}

// lintWith runs lint's whole pipeline on dir as the command does.
func lintWith(t *testing.T, dir string, o *lintOptions) (*lint.Result, []report.Suppressed) {
	t.Helper()
	ctx := context.Background()
	pol := addPolicyFlags(pflag.NewFlagSet("test", pflag.ContinueOnError), true)
	cfg, err := findConfig(o.config, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalogFor(pol, cfg)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := compileFor(ctx, pol, cat, cfg)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(ctx, eng, nil, lint.Options{Dir: dir, Exclude: cfg.Excluded})
	if err != nil {
		t.Fatal(err)
	}
	silenced, err := o.apply(ctx, res, cat, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return res, silenced
}

var suppressedRE = regexp.MustCompile(`(?m)^suppressed (\S+):(\d+) (\S+) \((.*)\)$`)

// TestSuppressionFixtures lints each project of testdata/suppress: what is
// reported must match the want comments, and what is suppressed the
// "suppressed FILE:LINE RULE (REASON)" lines of the archive comment.
func TestSuppressionFixtures(t *testing.T) {
	archives, _ := filepath.Glob(filepath.Join(suppressTestdata, "*.txtar"))
	if len(archives) == 0 {
		t.Fatal("no fixtures")
	}
	for _, a := range archives {
		t.Run(filepath.Base(a), func(t *testing.T) {
			dir := extractFixture(t, a)
			res, silenced := lintWith(t, dir, &lintOptions{})
			wants, err := linttest.Wants(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range linttest.Compare(wants, res.Findings, "") {
				t.Error(d)
			}
			comment, _ := os.ReadFile(filepath.Join(dir, linttest.WantsFile))
			var want, got []string
			for _, m := range suppressedRE.FindAllStringSubmatch(string(comment), -1) {
				want = append(want, m[1]+":"+m[2]+" "+m[3]+" ("+m[4]+")")
			}
			for _, s := range silenced {
				f := s.Finding
				got = append(got, f.File+":"+strconv.Itoa(f.Line)+" "+f.Rule.ID+" ("+s.Justification+")")
			}
			sort.Strings(want)
			sort.Strings(got)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("suppressed:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			// --no-suppressions reports what the comments silenced, and no
			// meta finding.
			all, none := lintWith(t, dir, &lintOptions{noSuppress: true})
			for _, f := range all.Findings {
				if f.Rule.Category() == "meta" {
					t.Errorf("--no-suppressions reported %s at %s:%d", f.Rule.ID, f.File, f.Line)
				}
			}
			if len(none) != 0 || countNonMeta(all) != countNonMeta(res)+len(silenced) {
				t.Errorf("--no-suppressions: %d findings, want %d", countNonMeta(all), countNonMeta(res)+len(silenced))
			}
		})
	}
}

func countNonMeta(res *lint.Result) int {
	n := 0
	for _, f := range res.Findings {
		if f.Rule.Category() != "meta" {
			n++
		}
	}
	return n
}

// brokenCopy copies examples/broken to a new directory, with a
// configuration file when text is not empty.
func brokenCopy(t *testing.T, config string) string {
	t.Helper()
	dir := t.TempDir()
	copyDir(t, broken, dir)
	if config != "" {
		putFile(t, filepath.Join(dir, ".sflint.yaml"), config)
	}
	return dir
}

type jsonReport struct {
	Findings []struct {
		Rule, Severity, File string
		Line                 int
	}
	Summary map[string]int
}

func lintJSON(t *testing.T, args ...string) (int, jsonReport, string) {
	t.Helper()
	code, out, errOut := run(t, append([]string{"lint", "--format", "json"}, args...)...)
	var r jsonReport
	if err := json.Unmarshal([]byte(out), &r); err != nil && code != ExitUsage {
		t.Fatalf("%v\nstdout: %s\nstderr: %s", err, out, errOut)
	}
	return code, r, errOut
}

func TestLintWithConfig(t *testing.T) {
	_, plain, _ := lintJSON(t, brokenCopy(t, ""))
	dir := brokenCopy(t, `fail-on: none
exclude:
  - force-app/main/default/remoteSiteSettings/
categories:
  project: info
rules:
  project/malformed-xml: warning
  perms/unknown-principal: off
`)
	code, r, _ := lintJSON(t, dir)
	if code != ExitOK {
		t.Errorf("fail-on none in the file: exit %d", code)
	}
	bySeverity := map[string]map[string]bool{}
	for _, f := range r.Findings {
		if bySeverity[f.Rule] == nil {
			bySeverity[f.Rule] = map[string]bool{}
		}
		bySeverity[f.Rule][f.Severity] = true
		if strings.Contains(f.File, "remoteSiteSettings/") {
			t.Errorf("finding in an excluded file: %+v", f)
		}
	}
	switch {
	case bySeverity["perms/unknown-principal"] != nil:
		t.Error("a rule that is off reported")
	case !bySeverity["project/malformed-xml"]["warning"] || len(bySeverity["project/malformed-xml"]) != 1:
		t.Errorf("project/malformed-xml: %v, want warning (the rule's setting wins)",
			bySeverity["project/malformed-xml"])
	case !bySeverity["project/api-version"]["info"]:
		t.Errorf("project/api-version: %v, want info (its category's)", bySeverity["project/api-version"])
	case !bySeverity["extcred/token-url"]["error"]:
		t.Error("extcred/token-url lost its severity")
	}
	if r.Summary["files"] != plain.Summary["files"]-2 {
		t.Errorf("files %d, want %d less the two excluded", r.Summary["files"], plain.Summary["files"])
	}
	if code, _, _ := lintJSON(t, "--fail-on", "error", dir); code != ExitFindings {
		t.Errorf("--fail-on error must win over the file: exit %d", code)
	}
	other := filepath.Join(t.TempDir(), "strict.yaml")
	putFile(t, other, "fail-on: error\n")
	code, r, _ = lintJSON(t, "--config", other, dir)
	if code != ExitFindings || len(r.Findings) <= len(plain.Findings)-2 {
		t.Errorf("--config names the file to use: exit %d, %d findings", code, len(r.Findings))
	}
}

func TestLintConfigErrors(t *testing.T) {
	dir := brokenCopy(t, "fail-on: error\nrule:\n  x/y: off\n")
	twoA, twoB := brokenCopy(t, "fail-on: error\n"), brokenCopy(t, "")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown key", []string{dir}, `.sflint.yaml:2:1: unknown key "rule"; valid keys: categories,`},
		{"unknown rule", []string{"--config", filepath.Join(suppressTestdata, "..", "config", "bad",
			"rule-unknown.yaml"), twoB}, `rule-unknown.yaml:4:3: unknown rule "eca/missing-run-as-usr"`},
		{"missing file", []string{"--config", "nope.yaml", twoB}, "sflint lint: nope.yaml: no such file or directory"},
		{"two files", []string{twoA, twoB}, "use different configuration files"},
		{"baseline and write", []string{"--baseline", "a.json", "--write-baseline", "b.json", twoB},
			"--write-baseline records every finding; it cannot be combined with --baseline or --new-from-rev"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := run(t, append([]string{"lint"}, tt.args...)...)
			if code != ExitUsage || !strings.Contains(errOut, tt.want) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want exit 2 and one line with %q", code, errOut, tt.want)
			}
		})
	}
}

func TestConfigCommand(t *testing.T) {
	dir := brokenCopy(t, "categories:\n  perms: off\n")
	code, out, errOut := run(t, "config", dir)
	if code != ExitOK || !strings.Contains(out, "# Effective configuration from ") ||
		!strings.Contains(out, "  perms/unknown-principal:\n    severity: \"off\"\n") ||
		!strings.Contains(out, "  meta/unused-suppression:\n    severity: warning\n") {
		t.Errorf("exit %d, stderr %q, stdout:\n%s", code, errOut, out)
	}
	code, out, _ = run(t, "config", "--schema")
	var schema map[string]any
	if code != ExitOK || json.Unmarshal([]byte(out), &schema) != nil || schema["$id"] == nil {
		t.Errorf("config --schema: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "config", t.TempDir())
	if code != ExitOK || !strings.HasPrefix(out, "# No .sflint.yaml found") {
		t.Errorf("without a file: exit %d\n%s", code, out)
	}
	code, _, errOut = run(t, "config", "a", "b")
	if code != ExitUsage || !strings.Contains(errOut, "at most one PATH") {
		t.Errorf("two paths: exit %d, %q", code, errOut)
	}
}

func TestConfigPoliciesAndOptions(t *testing.T) {
	policies, err := filepath.Abs(filepath.Join(suppressTestdata, "..", "config", "policies"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(t.TempDir(), "opts.yaml")
	putFile(t, cfg, "policies: ["+policies+"]\n"+
		"rules:\n  custom/hosts:\n    options:\n      allowed_hosts: [a.example.com]\n")
	code, out, errOut := run(t, "explain", "--config", cfg, "custom/hosts")
	want := "allowed_hosts (strings, default []): My Domain hosts that token URLs may name"
	if code != ExitOK || !strings.Contains(out, want) {
		t.Errorf("explain shows no options: exit %d, %s\n%s", code, errOut, out)
	}
	code, out, _ = run(t, "config", "--config", cfg)
	if code != ExitOK || !strings.Contains(out, "    options:\n      allowed_hosts:\n        - a.example.com\n") {
		t.Errorf("config: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "rules", "--config", cfg)
	if code != ExitOK || !strings.Contains(out, "custom/hosts") {
		t.Errorf("rules does not list the file's policies: exit %d\n%s", code, out)
	}
	// The rule reports every file its allowed_hosts option does not name.
	_, all, _ := lintJSON(t, "--config", cfg, sameOrg)
	putFile(t, cfg, "policies: ["+policies+"]\nrules:\n  custom/hosts:\n    options:\n"+
		"      allowed_hosts: [sfdx-project.json, force-app/main/default/namedCredentials/"+
		"Loopback.namedCredential-meta.xml]\n")
	_, some, _ := lintJSON(t, "--config", cfg, sameOrg)
	if len(all.Findings) == 0 || len(some.Findings) != len(all.Findings)-1 {
		t.Errorf("options do not reach the rule: %d findings, then %d", len(all.Findings), len(some.Findings))
	}
}

// TestBaseline records the findings of a project, then changes it: moved
// findings stay known, a changed one is new, a deleted file's are fixed.
func TestBaseline(t *testing.T) {
	dir := brokenCopy(t, "")
	file := filepath.Join(t.TempDir(), "baseline.json")
	code, out, errOut := run(t, "lint", "--write-baseline", file, dir)
	if code != ExitOK || out != "" || !strings.Contains(errOut, "sflint: note: wrote ") {
		t.Fatalf("--write-baseline: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, errOut = run(t, "lint", "--baseline", file, dir)
	if code != ExitOK || out != "" || !strings.Contains(errOut, "known and not shown, 0 findings fixed") {
		t.Fatalf("unchanged project: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	ec := filepath.Join(dir, "force-app/main/default/externalCredentials/Loopback_Auth.externalCredential-meta.xml")
	data, _ := os.ReadFile(ec)
	text := strings.Replace(string(data), "?>\n", "?>\n<!-- lines added above every finding -->\n\n\n", 1)
	putFile(t, ec, text)
	nc := filepath.Join(dir, "force-app/main/default/namedCredentials/Unclosed.namedCredential-meta.xml")
	if err := os.Remove(nc); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = run(t, "lint", "--baseline", file, dir)
	if code != ExitOK || out != "" || !strings.Contains(errOut, ", 1 finding fixed since it was written") {
		t.Errorf("moved findings and a deleted file: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	putFile(t, ec, strings.Replace(text, "https://login.salesforce.com/", "https://test.salesforce.com/", 1))
	code, out, _ = run(t, "lint", "--baseline", file, dir)
	if code != ExitFindings || strings.Count(out, "\n") != 1 || !strings.Contains(out, "test.salesforce.com") {
		t.Errorf("a changed finding: exit %d, stdout %q", code, out)
	}
	putFile(t, file, "{}")
	if code, _, errOut := run(t, "lint", "--baseline", file, dir); code != ExitUsage ||
		!strings.Contains(errOut, "baseline version 0") {
		t.Errorf("a broken baseline: exit %d, %q", code, errOut)
	}
}

// TestNewFromRev commits a project, then changes one flagged line and adds
// a file: only their findings are reported.
func TestNewFromRev(t *testing.T) {
	dir := brokenCopy(t, "")
	env := preCommitEnv(t, t.TempDir())
	gitIn(t, env, dir, "init", "-q", "-b", "main")
	gitIn(t, env, dir, "add", "-A")
	gitIn(t, env, dir, "commit", "-q", "-m", "base")
	if code, out, _ := run(t, "lint", "--new-from-rev", "HEAD", dir); code != ExitOK || out != "" {
		t.Errorf("nothing changed: exit %d, stdout %q", code, out)
	}
	ec := filepath.Join(dir, "force-app/main/default/externalCredentials/Loopback_Auth.externalCredential-meta.xml")
	data, _ := os.ReadFile(ec)
	putFile(t, ec, strings.Replace(string(data), "https://login.salesforce.com/", "https://test.salesforce.com/", 1))
	nc := filepath.Join(dir, "force-app/main/default/namedCredentials/Loopback.namedCredential-meta.xml")
	data, _ = os.ReadFile(nc)
	putFile(t, strings.Replace(nc, "Loopback.", "Copy.", 1), string(data))
	code, out, errOut := run(t, "lint", "--new-from-rev", "HEAD", dir)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != ExitFindings || len(lines) != 2 || !strings.Contains(lines[0], "test.salesforce.com") ||
		!strings.Contains(lines[1], "Copy.namedCredential-meta.xml:14:9:") {
		t.Errorf("exit %d, stderr %q, stdout:\n%s", code, errOut, out)
	}
	code, _, errOut = run(t, "lint", "--new-from-rev", "no-such-rev", dir)
	if code != ExitUsage || errOut != "sflint lint: --new-from-rev: git diff: fatal: bad revision 'no-such-rev'\n" {
		t.Errorf("a bad revision: exit %d, %q", code, errOut)
	}
	code, _, errOut = run(t, "lint", "--new-from-rev", "HEAD", brokenCopy(t, ""))
	if code != ExitUsage || !strings.Contains(errOut, "not a git repository") {
		t.Errorf("outside git: exit %d, %q", code, errOut)
	}
}

// TestExplainRuntimeErrors answers the runtime errors users meet with the
// rules that detect their causes.
func TestExplainRuntimeErrors(t *testing.T) {
	tests := map[string][]string{
		"no client credentials user enabled": {"eca/missing-run-as-user", "eca/client-credentials-mismatch"},
		`{"error":"invalid_grant","error_description":"no client credentials user enabled"}`: {
			"eca/missing-run-as-user"},
		"unsupported_grant_type":               {"extcred/token-url", "eca/client-credentials-mismatch"},
		"request not supported on this domain": {"extcred/token-url"},
		"a 404 from a callout":                 {"extcred/token-url"},
	}
	for text, want := range tests {
		code, out, errOut := run(t, "explain", text)
		if code != ExitOK || !strings.HasPrefix(out, "Rules that detect a cause of ") {
			t.Errorf("%q: exit %d, stderr %q", text, code, errOut)
			continue
		}
		for _, id := range want {
			if !strings.Contains(out, "\n"+id+" (") {
				t.Errorf("%q: %s is not in the answer:\n%s", text, id, out)
			}
		}
	}
	code, out, _ := run(t, "explain", "no", "client", "credentials", "user", "enabled")
	if code != ExitOK || !strings.Contains(out, "eca/missing-run-as-user") {
		t.Errorf("words as separate arguments: exit %d\n%s", code, out)
	}
	code, _, errOut := run(t, "explain", "the banana is not ripe")
	if code != ExitUsage || !strings.Contains(errOut, `no rule whose runtime error matches "the banana is not ripe"`) {
		t.Errorf("no match: exit %d, %q", code, errOut)
	}
}
