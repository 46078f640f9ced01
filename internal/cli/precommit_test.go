package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommitHook installs the sflint hook of .pre-commit-hooks.yaml with
// the real pre-commit in a scratch repository: a commit of a clean project
// passes, and a commit that breaks a Named Credential is rejected with the
// finding shown. The Named Credential names its External Credential in the
// wrong case, which only the whole project can tell: that commit stages the
// one file, so the test also shows that the hook lints it in context.
//
// pre-commit builds sflint with the Go on the machine (language: golang)
// from a snapshot of this working tree, sharing this machine's module and
// build caches so that nothing is downloaded.
func TestPreCommitHook(t *testing.T) {
	tool, err := exec.LookPath("pre-commit")
	if err != nil {
		t.Fatalf("the pre-commit tool is needed to test the hook (%v); "+
			"install it with apt-get install pre-commit (bash .ci/run does)", err)
	}
	tmp := t.TempDir()
	env := preCommitEnv(t, tmp)
	hooks, rev := snapshotRepo(t, env, filepath.Join(tmp, "sflint"))

	proj := filepath.Join(tmp, "project")
	copyDir(t, sameOrg, proj)
	config := "repos:\n  - repo: " + hooks + "\n    rev: " + rev + "\n    hooks:\n      - id: sflint\n"
	putFile(t, filepath.Join(proj, ".pre-commit-config.yaml"), config)
	gitIn(t, env, proj, "init", "-q", "-b", "main")
	mustRun(t, env, proj, tool, "install")

	gitIn(t, env, proj, "add", "-A")
	if out, err := runIn(env, proj, "git", "commit", "-m", "clean project"); err != nil {
		t.Fatalf("a clean commit was rejected: %v\n%s", err, out)
	}

	nc := filepath.Join(proj, "force-app", "main", "default", "namedCredentials",
		"Loopback.namedCredential-meta.xml")
	data, err := os.ReadFile(nc)
	if err != nil {
		t.Fatal(err)
	}
	putFile(t, nc, strings.Replace(string(data), "<externalCredential>Loopback_Auth<",
		"<externalCredential>loopback_auth<", 1))
	gitIn(t, env, proj, "add", "-A")
	out, err := runIn(env, proj, "git", "commit", "-m", "break the Named Credential")
	if err == nil {
		t.Fatalf("a commit with a broken Named Credential passed:\n%s", out)
	}
	want := "force-app/main/default/namedCredentials/Loopback.namedCredential-meta.xml:"
	if !strings.Contains(out, want) || !strings.Contains(out, "[namedcred/unknown-external-credential]") ||
		!strings.Contains(out, `differs only in case from "Loopback_Auth"`) {
		t.Errorf("the rejected commit does not show the finding:\n%s", out)
	}
}

// preCommitEnv keeps pre-commit's store, git's identity and Go's caches in
// known places: the store in the test's directory, Go's caches those of
// this machine (pre-commit points GOPATH at its own environment, which
// would otherwise move the module cache there and download every module).
func preCommitEnv(t *testing.T, tmp string) []string {
	t.Helper()
	goenv := func(name string) string {
		out, err := exec.Command("go", "env", name).Output()
		if err != nil {
			t.Fatalf("go env %s: %v", name, err)
		}
		return strings.TrimSpace(string(out))
	}
	return append(os.Environ(),
		"PRE_COMMIT_HOME="+filepath.Join(tmp, "pre-commit-home"),
		"GOMODCACHE="+goenv("GOMODCACHE"), "GOCACHE="+goenv("GOCACHE"),
		"GOFLAGS="+strings.TrimSpace(goenv("GOFLAGS")+" -mod=mod"), "GOTOOLCHAIN=local",
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=sflint test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=sflint test", "GIT_COMMITTER_EMAIL=test@example.com",
	)
}

// snapshotRepo commits the working tree of this repository (tracked and
// new files, as git sees them) to a fresh repository, so the hook is tested
// as it is now, committed or not. It returns the repository and its commit.
func snapshotRepo(t *testing.T, env []string, dst string) (string, string) {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	list, err := exec.Command("git", "-C", root, "ls-files", "-z", "--cached", "--others",
		"--exclude-standard").Output()
	if err != nil {
		t.Fatalf("list the repository's files: %v", err)
	}
	for _, f := range strings.Split(string(list), "\x00") {
		data, err := os.ReadFile(filepath.Join(root, f))
		if f == "" || err != nil { // a deleted file git still tracks
			continue
		}
		putFile(t, filepath.Join(dst, f), string(data))
	}
	gitIn(t, env, dst, "init", "-q", "-b", "main")
	gitIn(t, env, dst, "add", "-A")
	gitIn(t, env, dst, "commit", "-q", "-m", "snapshot")
	return dst, strings.TrimSpace(mustRun(t, env, dst, "git", "rev-parse", "HEAD"))
}

func gitIn(t *testing.T, env []string, dir string, args ...string) string {
	t.Helper()
	return mustRun(t, env, dir, "git", args...)
}

func mustRun(t *testing.T, env []string, dir, name string, args ...string) string {
	t.Helper()
	out, err := runIn(env, dir, name, args...)
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return out
}

func runIn(env []string, dir, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = dir, env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

func putFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		putFile(t, filepath.Join(dst, rel), string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
