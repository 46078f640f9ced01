package baseline

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitRepo makes a scratch repository with one commit of files and returns
// its directory. git must be installed; the tests need it as sflint does.
func gitRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	runGit(t, dir, "init", "-q", "-b", "main")
	writeFiles(t, dir, files)
	runGit(t, dir, "add", "-A")
	runGit(t, dir, "commit", "-q", "-m", "base")
	return dir
}

func runGit(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestChangedLines(t *testing.T) {
	dir := gitRepo(t, map[string]string{
		"proj/a.xml":      "1\n2\n3\n4\n5\n",
		"proj/b.xml":      "1\n2\n3\n",
		"proj/moved.xml":  "1\n2\n3\n4\n5\n6\n7\n8\n",
		"proj/gone.xml":   "1\n",
		"other/x.xml":     "1\n",
		"proj/name é.xml": "1\n",
	})
	runGit(t, dir, "mv", "proj/moved.xml", "proj/renamed.xml")
	os.Remove(filepath.Join(dir, "proj/gone.xml"))
	writeFiles(t, dir, map[string]string{
		"proj/a.xml":      "1\ntwo\n3\n3.5\n4\n", // line 2 changed, 4 added, 5 deleted
		"proj/b.xml":      "1\n3\n",              // a deletion only
		"proj/new.xml":    "untracked\nfile\n",   // untracked
		"other/x.xml":     "changed outside\n",   // outside the directory asked about
		"proj/name é.xml": "changed\n",           // a name git would quote
	})
	c, err := ChangedLines(context.Background(), filepath.Join(dir, "proj"), "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		file string
		line int
		want bool
	}{
		{"a.xml", 1, false}, {"a.xml", 2, true}, {"a.xml", 3, false}, {"a.xml", 4, true}, {"a.xml", 5, false},
		{"b.xml", 1, false}, {"b.xml", 2, false},
		{"renamed.xml", 1, false},
		{"new.xml", 1, true}, {"new.xml", 99, true},
		{"name é.xml", 1, true},
		{"../other/x.xml", 1, false}, {"other/x.xml", 1, false},
	}
	for _, tt := range tests {
		if got := c.Has(tt.file, tt.line); got != tt.want {
			t.Errorf("%s:%d changed = %t, want %t", tt.file, tt.line, got, tt.want)
		}
	}
	runGit(t, dir, "add", "-A")
	runGit(t, dir, "commit", "-q", "-m", "next")
	c, err = ChangedLines(context.Background(), filepath.Join(dir, "proj"), "HEAD~1")
	if err != nil || !c.Has("a.xml", 2) || !c.Has("new.xml", 1) || c.Has("a.xml", 1) {
		t.Errorf("against HEAD~1 after committing: %v, %v", c, err)
	}
}

func TestChangedLinesErrors(t *testing.T) {
	dir := gitRepo(t, map[string]string{"a.xml": "1\n"})
	tests := map[string]struct{ dir, rev, want string }{
		"unknown revision": {dir, "no-such-rev", "git diff: fatal: bad revision 'no-such-rev'"},
		"an option":        {dir, "--output=/tmp/x", `"--output=/tmp/x" is not a git revision`},
		"empty":            {dir, "", `"" is not a git revision`},
		"not a repository": {t.TempDir(), "HEAD", "git rev-parse: fatal: not a git repository"},
	}
	for name, tt := range tests {
		_, err := ChangedLines(context.Background(), tt.dir, tt.rev)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", name, err, tt.want)
		}
	}
}

func TestParseDiff(t *testing.T) {
	diff := "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n@@ -5,0 +6,3 @@\n+c\n" +
		"diff --git a/y b/y\n--- a/y\n+++ /dev/null\n@@ -1 +0,0 @@\n-gone\n" +
		"--- a/q\n+++ \"b/q\\tz\"\n@@ -0,0 +1 @@\n+n\n"
	c, err := parseDiff([]byte(diff))
	if err != nil {
		t.Fatal(err)
	}
	if !c.Has("x", 1) || !c.Has("x", 6) || !c.Has("x", 8) || c.Has("x", 9) || c.Has("x", 5) ||
		len(c["y"]) != 0 || !c.Has("q\tz", 1) {
		t.Errorf("changes %v", c)
	}
	if _, err := parseDiff([]byte("+++ b/x\n@@ nonsense @@\n")); err == nil {
		t.Error("a broken hunk header was accepted")
	}
}
