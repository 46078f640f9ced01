package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGenRefusesToWriteOutsideTheProject runs the real binary with names
// and --output-dir values that would put files outside the project, and
// checks that it stops with exit code 2 before writing anything, inside
// the project or out of it.
func TestGenRefusesToWriteOutsideTheProject(t *testing.T) {
	example := func(extra ...string) []string {
		return append(append([]string{}, exampleArgs...), extra...)
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, dir, outside string)
		args  func(outside string) []string
		want  string
	}{
		{"controller name with ..", nil, func(string) []string {
			return []string{"gen", "controller", "../Evil", "--named-credential", "N", "--rest", "limits"}
		}, "characters other than letters"},
		{"component name with a slash", nil, func(string) []string {
			return []string{"gen", "lwc", "a/../../b", "--controller", "C"}
		}, "camelCase"},
		{"absolute integration name", nil, func(string) []string {
			return []string{"gen", "integration", "/tmp/Evil", "--my-domain", testDomain,
				"--run-as", testRunAs}
		}, "characters other than letters"},
		{"example base name", nil, func(string) []string { return example("--name", "../X") },
			"characters other than letters"},
		{"output dir ..", nil, func(string) []string { return example("--output-dir", "..") },
			"outside the project"},
		{"output dir absolute", nil, func(o string) []string { return example("--output-dir", o) },
			"outside the project"},
		{"output dir climbs out", nil, func(o string) []string {
			return example("--output-dir", "force-app/../../"+filepath.Base(o))
		}, "outside the project"},
		{"output dir through a link", func(t *testing.T, dir, outside string) {
			if err := os.Symlink(outside, filepath.Join(dir, "out")); err != nil {
				t.Fatal(err)
			}
		}, func(string) []string { return example("--output-dir", "out/main/default") },
			"outside the project"},
		{"folder link in the output dir", func(t *testing.T, dir, outside string) {
			link := filepath.Join(dir, "force-app/main/default/classes")
			if err := os.Symlink(outside, link); err != nil {
				t.Fatal(err)
			}
		}, func(string) []string { return exampleArgs }, "through a symbolic link"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newProject(t)
			outside := filepath.Join(filepath.Dir(dir), "outside-"+filepath.Base(dir))
			if err := os.Mkdir(outside, 0o755); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.RemoveAll(outside) })
			if tt.setup != nil {
				tt.setup(t, dir, outside)
			}
			parent := filepath.Dir(dir)
			before, beforeOut := treeHash(t, dir), treeHash(t, outside)
			beforeParent := snapshotNames(t, parent)
			_, stderr, code := run(t, dir, tt.args(outside)...)
			if code != 2 || !strings.Contains(stderr, tt.want) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want 2 and one line with %q", code, stderr, tt.want)
			}
			if treeHash(t, dir) != before || treeHash(t, outside) != beforeOut {
				t.Error("files were written")
			}
			if got := snapshotNames(t, parent); got != beforeParent {
				t.Errorf("the project's parent changed: %s -> %s", beforeParent, got)
			}
		})
	}
}

// snapshotNames lists the names in dir.
func snapshotNames(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return strings.Join(names, " ")
}

// TestGenRefusesUnsafeTargets runs the real binary into a project where a
// file differs from a generated one only in case, and into one whose
// output folder cannot be written.
func TestGenRefusesUnsafeTargets(t *testing.T) {
	main := "force-app/main/default"
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		want  string
	}{
		{"file in another case", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, main, "classes/loopbackController.cls"), "x")
		}, "differ only in case"},
		{"folder in another case", func(t *testing.T, dir string) {
			if err := os.MkdirAll(filepath.Join(dir, main, "LWC"), 0o755); err != nil {
				t.Fatal(err)
			}
		}, "collides with LWC, which exists"},
		{"unwritable folder", func(t *testing.T, dir string) {
			lwc := filepath.Join(dir, main, "lwc")
			if os.Geteuid() == 0 {
				// Root writes through permission bits; a file where the
				// folder goes cannot be written through by anyone.
				writeFile(t, lwc, "not a folder")
				return
			}
			if err := os.Mkdir(lwc, 0o555); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(lwc, 0o755) })
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newProject(t)
			tt.setup(t, dir)
			before := treeHash(t, dir)
			_, stderr, code := run(t, dir, exampleArgs...)
			if code != 2 || !strings.Contains(stderr, tt.want) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want 2 and one line with %q", code, stderr, tt.want)
			}
			if treeHash(t, dir) != before {
				t.Errorf("the project changed: %s", keys(snapshot(t, dir)))
			}
		})
	}
}
