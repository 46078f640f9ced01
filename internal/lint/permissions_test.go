package lint_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/sflint/sflint/internal/lint"
)

// permProjectEnv passes the project to the copy of this test that runs as
// an unprivileged user.
const permProjectEnv = "SFLINT_PERMISSIONS_PROJECT"

// nobody is the user the check runs as when the tests run as root, whom
// permission bits do not stop.
const nobody = 65534

// TestPermissionDenied lints a project holding a file and a folder that the
// user cannot read. The file becomes a finding at its path, the folder a
// note, and the rest of the project is still linted.
func TestPermissionDenied(t *testing.T) {
	if dir := os.Getenv(permProjectEnv); dir != "" {
		checkPermissionDenied(t, dir)
		return
	}
	// The project and a copy of this test binary live where the
	// unprivileged user can reach them; t.TempDir is private to its owner.
	base, err := os.MkdirTemp("", "sflint-perm-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		filepath.Walk(base, func(p string, _ os.FileInfo, _ error) error { return os.Chmod(p, 0o755) })
		os.RemoveAll(base)
	})
	dir := filepath.Join(base, "project")
	files := map[string]string{
		"sfdx-project.json": `{"packageDirectories": [{"path": "force-app", "default": true}], ` +
			`"sourceApiVersion": "66.0"}`,
		"force-app/namedCredentials/Locked.namedCredential-meta.xml": "<NamedCredential/>",
		"force-app/secret/Hidden.namedCredential-meta.xml":           "<NamedCredential/>",
		"force-app/namedCredentials/Broken.namedCredential-meta.xml": "<NamedCredential>",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{"force-app/namedCredentials/Locked.namedCredential-meta.xml", "force-app/secret"} {
		if err := os.Chmod(filepath.Join(dir, filepath.FromSlash(p)), 0o000); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(base, 0o755); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() != 0 {
		checkPermissionDenied(t, dir)
		return
	}
	bin := filepath.Join(base, "lint.test")
	if err := copyFile(os.Args[0], bin); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-test.run=^TestPermissionDenied$", "-test.v")
	cmd.Dir = base
	cmd.Env = append(os.Environ(), permProjectEnv+"="+dir, "HOME="+base, "GOCACHE="+base)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestPermissionDenied") {
		t.Fatalf("as uid %d: %v\n%s", nobody, err, out)
	}
}

func checkPermissionDenied(t *testing.T, dir string) {
	locked := filepath.Join(dir, "force-app/namedCredentials/Locked.namedCredential-meta.xml")
	if _, err := os.ReadFile(locked); err == nil {
		t.Fatal("the locked file is readable: the check would prove nothing")
	}
	eng, _ := builtin(t)
	res, err := lint.Run(context.Background(), eng, []string{dir}, lint.Options{Dir: dir})
	if err != nil {
		t.Fatalf("the run stopped: %v", err)
	}
	var got []string
	for _, f := range res.Findings {
		if f.Rule.ID == "project/malformed-xml" {
			got = append(got, fmt.Sprintf("%s:%d %s", filepath.Base(f.File), f.Line, f.Message))
		}
	}
	want := []string{
		"Broken.namedCredential-meta.xml:1 unexpected end of file: <NamedCredential> is not closed",
		"Locked.namedCredential-meta.xml:1 cannot read the file: permission denied",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	notes := strings.Join(res.Notes, "\n")
	if !strings.Contains(notes, "force-app/secret: cannot read: permission denied; skipped") {
		t.Errorf("notes:\n%s\nwant the unreadable folder", notes)
	}
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
