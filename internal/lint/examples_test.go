package lint_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/sflint/sflint/internal/lint"
)

func TestExampleSameOrgIsClean(t *testing.T) {
	found := check(t, "../../examples/same-org")
	if len(found) != 0 {
		t.Errorf("examples/same-org must lint clean; got %d findings", len(found))
	}
}

// TestExampleBrokenShowsEveryRule lints examples/broken against the want
// comments in its files and checks that every rule of the catalog fires.
func TestExampleBrokenShowsEveryRule(t *testing.T) {
	found := check(t, "../../examples/broken")
	_, c := builtin(t)
	seen := map[string]bool{}
	for _, f := range found {
		seen[f.Rule.ID] = true
	}
	for _, r := range c.Rules {
		if !seen[r.ID] {
			t.Errorf("examples/broken shows no %s finding", r.ID)
		}
	}
}

// TestPathFilter lints single files and folders of a project: findings are
// limited to them, while cross-file rules still see the whole project.
func TestPathFilter(t *testing.T) {
	e, _ := builtin(t)
	dir := "../../examples/broken"
	nc := "force-app/main/default/namedCredentials/Loopback.namedCredential-meta.xml"
	ps := "force-app/main/default/permissionsets/Token_Readers.permissionset-meta.xml"
	res, err := lint.Run(context.Background(), e, []string{nc, ps}, lint.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Rule.ID+" "+f.File)
	}
	// Both findings need the rest of the project: the External Credentials
	// and the permission sets that are not linted.
	want := []string{
		"namedcred/unknown-external-credential " + nc,
		"perms/missing-user-external-credential-crud " + ps,
	}
	sort.Strings(got)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
	if res.Files != 2 {
		t.Errorf("files = %d, want 2", res.Files)
	}
}

// TestSamePathTwice evaluates a project once when it is named twice.
func TestSamePathTwice(t *testing.T) {
	e, _ := builtin(t)
	dir := "../../examples/broken"
	once, err := lint.Run(context.Background(), e, []string{"."}, lint.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	twice, err := lint.Run(context.Background(), e, []string{".", "force-app", "./"}, lint.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(once.Findings) != len(twice.Findings) || once.Files != twice.Files {
		t.Errorf("once: %d findings in %d files; twice: %d in %d",
			len(once.Findings), once.Files, len(twice.Findings), twice.Files)
	}
}

// TestParallelismDoesNotChangeFindings lints with one worker and with many.
func TestParallelismDoesNotChangeFindings(t *testing.T) {
	e, _ := builtin(t)
	dir := "../../examples/broken"
	var outs [2][]string
	for i, jobs := range []int{1, 8} {
		res, err := lint.Run(context.Background(), e, nil, lint.Options{Dir: dir, Jobs: jobs})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Findings {
			outs[i] = append(outs[i], f.File+f.Message)
		}
	}
	if len(outs[0]) == 0 || len(outs[0]) != len(outs[1]) {
		t.Fatalf("jobs=1: %d findings, jobs=8: %d", len(outs[0]), len(outs[1]))
	}
	for i := range outs[0] {
		if outs[0][i] != outs[1][i] {
			t.Errorf("finding %d differs: %q vs %q", i, outs[0][i], outs[1][i])
		}
	}
}

// TestBareTree lints a folder with no sfdx-project.json above it.
func TestBareTree(t *testing.T) {
	e, _ := builtin(t)
	dir := t.TempDir()
	src := "../../examples/broken/force-app/main/default/namedCredentials/Loopback.namedCredential-meta.xml"
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "Loopback.namedCredential-meta.xml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(context.Background(), e, nil, lint.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Notes) != 1 || len(res.Findings) != 1 {
		t.Fatalf("notes %q, findings %v", res.Notes, res.Findings)
	}
	if f := res.Findings[0]; f.Rule.ID != "namedcred/unknown-external-credential" || f.Line != 14 {
		t.Errorf("got %s at line %d", f.Rule.ID, f.Line)
	}
}

// TestCacheDoesNotChangeFindings lints without a cache, with a cold one and
// with a warm one, after a file changed too.
func TestCacheDoesNotChangeFindings(t *testing.T) {
	e, _ := builtin(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../examples/broken")); err != nil {
		t.Fatal(err)
	}
	cacheDir := t.TempDir()
	run := func(cache string) []string {
		res, err := lint.Run(context.Background(), e, nil, lint.Options{Dir: dir, CacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range res.Findings {
			out = append(out, fmt.Sprintf("%s:%d:%d %s %s", f.File, f.Line, f.Col, f.Rule.ID, f.Message))
		}
		return out
	}
	same := func(what string, a, b []string) {
		t.Helper()
		if strings.Join(a, "\n") != strings.Join(b, "\n") {
			t.Errorf("%s:\n%s\nvs\n%s", what, strings.Join(a, "\n"), strings.Join(b, "\n"))
		}
	}
	none := run("")
	same("cold cache", none, run(cacheDir))
	same("warm cache", none, run(cacheDir))
	nc := filepath.Join(dir, "force-app/main/default/namedCredentials/Loopback.namedCredential-meta.xml")
	data, err := os.ReadFile(nc)
	if err != nil {
		t.Fatal(err)
	}
	fixed := strings.Replace(string(data), "loopback_auth", "Loopback_Auth", 1)
	if err := os.WriteFile(nc, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	after := run("")
	if len(after) != len(none)-1 {
		t.Fatalf("fixing the Named Credential should remove one finding: %d -> %d", len(none), len(after))
	}
	same("warm cache after a change", after, run(cacheDir))
}

// TestMessagesAreShort keeps messages to one readable line: under about 100
// characters, a little more when they quote a long host or file name.
func TestMessagesAreShort(t *testing.T) {
	for _, f := range check(t, "../../examples/broken") {
		if n := len([]rune(f.Message)); n > 120 {
			t.Errorf("%s: message of %d characters: %s", f.Rule.ID, n, f.Message)
		}
	}
}
