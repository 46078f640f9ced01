package gen

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// snapshot maps every path under dir to its content (directories to "/").
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			out[rel] = "/"
			return nil
		}
		b, err := os.ReadFile(p)
		out[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func keys(m map[string]string) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, " ")
}

func sameTree(t *testing.T, before, after map[string]string) {
	t.Helper()
	if keys(before) != keys(after) {
		t.Fatalf("tree changed:\n before %s\n  after %s", keys(before), keys(after))
	}
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s changed", k)
		}
	}
}

func plan(t *testing.T, dir string, force bool, files ...File) *Plan {
	t.Helper()
	p, err := NewPlan(dir, files, force)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func actions(p *Plan) string {
	var out []string
	for _, e := range p.Entries {
		out = append(out, e.Action.String())
	}
	return strings.Join(out, " ")
}

func TestPlanAndWrite(t *testing.T) {
	dir := t.TempDir()
	files := []File{{"classes/A.cls", []byte("a")}, {"classes/B.cls", []byte("b")}}
	p := plan(t, dir, false, files...)
	if got := actions(p); got != "create create" {
		t.Fatalf("actions = %q", got)
	}
	if err := p.Write(); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	a := filepath.Join(dir, "classes", "A.cls")
	if err := os.Chtimes(a, old, old); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "classes", "B.cls"), "edited")
	before := snapshot(t, dir)
	p = plan(t, dir, false, append(files, File{"classes/C.cls", []byte("c")})...)
	if got := actions(p); got != "unchanged conflict create" {
		t.Fatalf("actions = %q", got)
	}
	var ce *ConflictError
	if err := p.Write(); !errors.As(err, &ce) || len(ce.Paths) != 1 {
		t.Fatalf("err = %v, want one conflict", err)
	}
	sameTree(t, before, snapshot(t, dir))

	p = plan(t, dir, true, append(files, File{"classes/C.cls", []byte("c")})...)
	if got := actions(p); got != "unchanged overwrite create" {
		t.Fatalf("forced actions = %q", got)
	}
	if err := p.Write(); err != nil {
		t.Fatal(err)
	}
	after := snapshot(t, dir)
	if after["classes/B.cls"] != "b" || after["classes/C.cls"] != "c" {
		t.Errorf("after --force: %v", after)
	}
	if fi, _ := os.Stat(a); !fi.ModTime().Equal(old) {
		t.Error("an unchanged file was rewritten")
	}
	if strings.Contains(keys(after), ".tmp") {
		t.Errorf("temporary files left: %s", keys(after))
	}
}

func TestPlanRefusesEscapes(t *testing.T) {
	dir := t.TempDir()
	for _, path := range []string{"../x.cls", "/abs.cls", "a/../../x.cls", ""} {
		if _, err := NewPlan(dir, []File{{path, nil}}, false); err == nil {
			t.Errorf("NewPlan(%q) must fail", path)
		}
	}
	if _, err := NewPlan(dir, []File{{"a", nil}, {"a", nil}}, false); err == nil {
		t.Error("two files with one path must fail")
	}
}

func TestDirectoryInTheWayIsAConflict(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "classes", "A.cls"), 0o755); err != nil {
		t.Fatal(err)
	}
	p := plan(t, dir, true, File{"classes/A.cls", []byte("a")})
	if got := actions(p); got != "conflict" {
		t.Errorf("actions = %q; --force must not remove a directory", got)
	}
}

// TestFailedWriteLeavesNothing makes the second file unwritable (its
// directory's place is taken by a file) and checks that the first file, its
// temporary file and the directories made for it are gone.
func TestFailedWriteLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "lwc"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	p := plan(t, dir, false, File{"classes/deep/A.cls", []byte("a")}, File{"lwc/b/b.js", []byte("b")})
	if err := p.Write(); err == nil {
		t.Fatal("Write must fail")
	}
	sameTree(t, before, snapshot(t, dir))
}
