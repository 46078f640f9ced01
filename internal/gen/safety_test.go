package gen

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
)

// treeHash hashes every path, mode and content under dir, so that a test
// can check the tree is byte-identical before and after.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		var data []byte
		switch {
		case info.Mode().IsRegular():
			data, err = os.ReadFile(p)
		case info.Mode()&fs.ModeSymlink != 0:
			var target string
			target, err = os.Readlink(p)
			data = []byte(target)
		}
		lines = append(lines, fmt.Sprintf("%s %v %x", rel, info.Mode(), sha256.Sum256(data)))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return fmt.Sprintf("%x", sha256.Sum256([]byte(strings.Join(lines, "\n"))))
}

func wantInputError(t *testing.T, err error, want string) {
	t.Helper()
	var ie *InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v, want an *InputError with %q", err, want)
	}
}

func TestPlanRefusesEveryEscape(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "out")
	outside := filepath.Join(root, "outside")
	for _, d := range []string{filepath.Join(dir, "classes"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(outside, filepath.Join(dir, "lwc")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../../outside", filepath.Join(dir, "classes", "up")); err != nil {
		t.Fatal(err)
	}
	before := treeHash(t, root)
	tests := []struct{ name, path, want string }{
		{"dot dot", "..", "leaves the output directory"},
		{"parent", "../x.cls", "leaves the output directory"},
		{"dot dot after a folder", "classes/../../x.cls", "leaves the output directory"},
		{"absolute", "/tmp/x.cls", "leaves the output directory"},
		{"double slash", "//tmp/x.cls", "leaves the output directory"},
		{"trailing dot dot", "classes/..", "leaves the output directory"},
		{"empty", "", "leaves the output directory"},
		{"link out of dir", "lwc/c/c.js", "through a symbolic link"},
		{"nested link", "classes/up/deep/x.cls", "through a symbolic link"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := []File{{"classes/Good.cls", []byte("good")}, {tt.path, []byte("evil")}}
			p, err := NewPlan(dir, files, true)
			if p != nil {
				t.Fatalf("NewPlan(%q) planned %d entries", tt.path, len(p.Entries))
			}
			wantInputError(t, err, tt.want)
			if treeHash(t, root) != before {
				t.Error("the tree changed")
			}
		})
	}
	// A link that stays inside the output directory is no escape.
	if err := os.Symlink("classes", filepath.Join(dir, "alias")); err != nil {
		t.Fatal(err)
	}
	if _, err := NewPlan(dir, []File{{"alias/A.cls", nil}}, false); err != nil {
		t.Errorf("a link inside the output directory: %v", err)
	}
}

func TestPlanRefusesCaseCollisions(t *testing.T) {
	tests := []struct {
		name     string
		existing []string // made before planning; a trailing / makes a directory
		files    []string
		want     string
	}{
		{"two files", nil, []string{"classes/Foo.cls", "classes/foo.cls"},
			"classes/Foo.cls and classes/foo.cls collide"},
		{"two folders", nil, []string{"lwc/myCmp/myCmp.js", "lwc/MyCmp/myCmp.html"},
			"lwc/myCmp and lwc/MyCmp collide"},
		{"identical", nil, []string{"classes/A.cls", "classes/./A.cls"},
			"two generated files are both classes/A.cls"},
		{"file and folder", nil, []string{"lwc/c", "lwc/C/c.js"}, "a file is also a folder"},
		{"folder and file", nil, []string{"lwc/c/c.js", "lwc/C"}, "differ at most in case"},
		{"existing file", []string{"classes/FOO.cls"}, []string{"classes/Foo.cls"},
			"collides with classes/FOO.cls, which exists"},
		{"existing folder", []string{"Classes/"}, []string{"classes/Foo.cls"},
			"collides with Classes, which exists"},
		{"existing bundle", []string{"lwc/MyCmp/myCmp.js"}, []string{"lwc/myCmp/myCmp.js"},
			"collides with lwc/MyCmp, which exists"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, e := range tt.existing {
				p := filepath.Join(dir, filepath.FromSlash(e))
				if strings.HasSuffix(e, "/") {
					if err := os.MkdirAll(p, 0o755); err != nil {
						t.Fatal(err)
					}
					continue
				}
				writeFile(t, p, "existing")
			}
			before := treeHash(t, dir)
			var files []File
			for _, f := range tt.files {
				files = append(files, File{f, []byte("new")})
			}
			_, err := NewPlan(dir, files, true)
			wantInputError(t, err, tt.want)
			if treeHash(t, dir) != before {
				t.Error("the tree changed")
			}
		})
	}
}

// TestCaseCollisionIgnoresExactNames plans into a folder that holds files
// of the same names in the same case and others of unrelated names.
func TestCaseCollisionIgnoresExactNames(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "classes", "Foo.cls"), "same")
	writeFile(t, filepath.Join(dir, "classes", "Bar.cls"), "other")
	p := plan(t, dir, false, File{"classes/Foo.cls", []byte("same")},
		File{"classes/Baz.cls", []byte("baz")})
	if got := actions(p); got != "unchanged create" {
		t.Errorf("actions = %q", got)
	}
}

// readOnly makes dir unwritable. Root ignores permission bits, so there
// the temporary files of dir are refused by swapping createTemp instead.
func readOnly(t *testing.T, dir string) {
	t.Helper()
	if os.Geteuid() != 0 {
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return
	}
	real := createTemp
	createTemp = func(d, pattern string) (*os.File, error) {
		if d == dir || strings.HasPrefix(d, dir+string(filepath.Separator)) {
			return nil, &fs.PathError{Op: "open", Path: d, Err: syscall.EACCES}
		}
		return real(d, pattern)
	}
	t.Cleanup(func() { createTemp = real })
}

func TestReadOnlyTargetLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "classes", "A.cls"), "old")
	if err := os.MkdirAll(filepath.Join(dir, "lwc"), 0o755); err != nil {
		t.Fatal(err)
	}
	readOnly(t, filepath.Join(dir, "lwc"))
	before := treeHash(t, dir)
	p := plan(t, dir, true, File{"classes/A.cls", []byte("new")},
		File{"classes/deep/B.cls", []byte("b")}, File{"lwc/c/c.js", []byte("c")})
	err := p.Write()
	if !errors.Is(err, fs.ErrPermission) {
		t.Errorf("err = %v, want a permission error", err)
	}
	if treeHash(t, dir) != before {
		t.Errorf("the tree changed: %s", keys(snapshot(t, dir)))
	}
}

// TestTargetFolderIsAFile puts a regular file where a target folder goes,
// the way to make a folder unwritable that works for root as well.
func TestTargetFolderIsAFile(t *testing.T) {
	for _, path := range []string{"lwc/c/c.js", "lwc/c/deeper/c.js"} {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "lwc", "c"), "a file, not a folder")
		before := treeHash(t, dir)
		p := plan(t, dir, true, File{"classes/A.cls", []byte("a")}, File{path, []byte("c")})
		var ce *ConflictError
		if err := p.Write(); !errors.As(err, &ce) {
			t.Errorf("%s: err = %v, want a conflict", path, err)
		}
		if treeHash(t, dir) != before {
			t.Errorf("%s: the tree changed", path)
		}
	}
}

// failingWriter makes writeData fail on the k-th file (from 1) after
// writing half of it, as a full disk does.
func failingWriter(t *testing.T, k int) {
	t.Helper()
	real, n := writeData, 0
	writeData = func(f *os.File, data []byte) (int, error) {
		if n++; n < k {
			return real(f, data)
		}
		w, _ := real(f, data[:len(data)/2])
		return w, &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	t.Cleanup(func() { writeData = real })
}

func TestDiskFullLeavesTreeIdentical(t *testing.T) {
	files := []File{
		{"classes/A.cls", []byte("new a")},
		{"classes/B.cls", []byte("same")},
		{"classes/deep/C.cls", []byte("new c")},
		{"lwc/d/d.js", []byte("new d")},
		{"lwc/d/__tests__/d.test.js", []byte("new test")},
	}
	written := 4 // B.cls is unchanged
	for k := 1; k <= written; k++ {
		t.Run(fmt.Sprintf("file %d", k), func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "classes", "A.cls"), "old a")
			writeFile(t, filepath.Join(dir, "classes", "B.cls"), "same")
			before := treeHash(t, dir)
			p := plan(t, dir, true, files...)
			failingWriter(t, k)
			if err := p.Write(); !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("err = %v, want ENOSPC", err)
			}
			if treeHash(t, dir) != before {
				t.Errorf("the tree changed: %s", keys(snapshot(t, dir)))
			}
		})
	}
}
