package gen

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
)

// Action is what writing does to one file.
type Action int

// Actions, in the words the plan prints.
const (
	Create    Action = iota // the file does not exist
	Unchanged               // the file exists with the same content; it is left alone
	Conflict                // the file exists and differs; nothing is written
	Overwrite               // the file exists and differs, and --force replaces it
)

func (a Action) String() string {
	return [...]string{"create", "unchanged", "conflict", "overwrite"}[a]
}

// Entry is one file of a plan.
type Entry struct {
	Path   string // absolute
	Data   []byte
	Action Action
}

// Plan is what writing files into a directory would do.
type Plan struct {
	Dir     string
	Entries []Entry
}

// Conflicts lists the entries that block writing.
func (p *Plan) Conflicts() []Entry {
	var out []Entry
	for _, e := range p.Entries {
		if e.Action == Conflict {
			out = append(out, e)
		}
	}
	return out
}

// ConflictError lists files that exist with other content. Nothing was
// written.
type ConflictError struct{ Paths []string }

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%d file(s) exist with other content, nothing written "+
		"(use --force to replace): %s", len(e.Paths), strings.Join(e.Paths, ", "))
}

// NewPlan checks every target of files under dir before anything is
// written. It refuses, with an *InputError, a path that would leave dir
// (through "..", an absolute path or a symbolic link), two files with one
// path, and a path that differs only in case from another generated file or
// from a file or directory that exists: a case-insensitive file system (the
// default on macOS and Windows) takes them for one, so one would overwrite
// the other, and a checkout there cannot hold both.
func NewPlan(dir string, files []File, force bool) (*Plan, error) {
	p := &Plan{Dir: dir}
	seen := map[string]string{} // lower-case path (or folder) to the path as generated
	for _, f := range files {
		if err := checkLocal(dir, f.Path); err != nil {
			return nil, err
		}
		rel := filepath.ToSlash(filepath.Clean(filepath.FromSlash(f.Path)))
		if err := caseCollision(seen, rel); err != nil {
			return nil, err
		}
		if existing, err := caseTwin(dir, rel); err != nil || existing != "" {
			if err != nil {
				return nil, err
			}
			return nil, inputErrorf("generated file %s collides with %s, which exists: "+
				"the paths differ only in case", f.Path, existing)
		}
		abs := filepath.Join(dir, filepath.FromSlash(f.Path))
		action, err := decide(abs, f.Data, force)
		if err != nil {
			return nil, err
		}
		p.Entries = append(p.Entries, Entry{Path: abs, Data: f.Data, Action: action})
	}
	return p, nil
}

// caseCollision records rel and its folders in seen (folders with a
// trailing slash), and refuses rel when it or one of its folders is, up to
// case, an earlier file or folder.
func caseCollision(seen map[string]string, rel string) error {
	key := strings.ToLower(rel)
	if other, ok := seen[key]; ok && other == rel {
		return inputErrorf("two generated files are both %s", rel)
	}
	for _, k := range []string{key, key + "/"} {
		if other, ok := seen[k]; ok {
			return inputErrorf("generated paths %s and %s collide: they differ "+
				"at most in case", other, rel)
		}
	}
	seen[key] = rel
	for d := path.Dir(rel); d != "."; d = path.Dir(d) {
		key := strings.ToLower(d)
		if other, ok := seen[key]; ok {
			return inputErrorf("generated paths %s and %s collide: a file is also "+
				"a folder", other, d)
		}
		if other, ok := seen[key+"/"]; ok && other != d {
			return inputErrorf("generated paths %s and %s collide: they differ "+
				"only in case", other, d)
		}
		seen[key+"/"] = d
	}
	return nil
}

func inputErrorf(format string, args ...any) error {
	return &InputError{Problems: []string{fmt.Sprintf(format, args...)}}
}

// checkLocal refuses a generated path that would leave dir: one that is
// not local, or one below a symbolic link in dir that points out of it.
func checkLocal(dir, path string) error {
	rel := filepath.FromSlash(path)
	if !filepath.IsLocal(rel) || filepath.Clean(rel) == "." {
		return inputErrorf("generated path %q leaves the output directory", path)
	}
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil // dir does not exist yet, so nothing in it is a link
	}
	for d := filepath.Dir(filepath.Join(dir, rel)); len(d) > len(dir); d = filepath.Dir(d) {
		real, err := filepath.EvalSymlinks(d)
		if err != nil {
			continue // not there yet; the nearest existing parent decides
		}
		if r, err := filepath.Rel(root, real); err != nil || !filepath.IsLocal(r) {
			return inputErrorf("generated path %q leaves the output directory "+
				"through a symbolic link", path)
		}
		return nil
	}
	return nil
}

// caseTwin returns the path (relative to dir) of an existing file or
// directory that stands where rel would, under a name that differs only in
// case, or "" when there is none.
func caseTwin(dir, rel string) (string, error) {
	cur, done := dir, ""
	for _, name := range strings.Split(rel, "/") {
		entries, err := os.ReadDir(cur)
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
			return "", nil
		}
		if err != nil {
			return "", fmt.Errorf("read %s: %w", cur, err)
		}
		exact, twin := false, ""
		for _, e := range entries {
			switch {
			case e.Name() == name:
				exact = true
			case strings.EqualFold(e.Name(), name):
				twin = e.Name()
			}
		}
		switch {
		case !exact && twin != "":
			return path.Join(done, twin), nil
		case !exact:
			return "", nil
		}
		cur, done = filepath.Join(cur, name), path.Join(done, name)
	}
	return "", nil
}

func decide(path string, data []byte, force bool) (Action, error) {
	old, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Create, nil
	case err != nil:
		var pe *fs.PathError
		if errors.As(err, &pe) && !errors.Is(err, fs.ErrPermission) {
			// A directory or another non-file in the way is a conflict
			// that --force must not remove.
			return Conflict, nil
		}
		return 0, fmt.Errorf("read %s: %w", path, err)
	case bytes.Equal(old, data):
		return Unchanged, nil
	case force:
		return Overwrite, nil
	}
	return Conflict, nil
}

// Write carries out the plan, all or nothing as far as the file system
// allows: it refuses to start while there are conflicts, writes every file
// to a temporary file in its target directory, syncs it, and only then
// renames them all into place. On an error before the renames, the
// temporary files and the directories it made are removed.
func (p *Plan) Write() error {
	var paths []string
	for _, e := range p.Conflicts() {
		paths = append(paths, e.Path)
	}
	if len(paths) > 0 {
		return &ConflictError{Paths: paths}
	}
	var s staging
	for _, e := range p.Entries {
		if e.Action == Create || e.Action == Overwrite {
			if err := s.stage(e); err != nil {
				s.abort()
				return err
			}
		}
	}
	return s.commit()
}

// createTemp and writeData make and fill a temporary file; tests replace
// them to fail as a read-only directory or a full disk does.
var (
	createTemp = os.CreateTemp
	writeData  = func(f *os.File, data []byte) (int, error) { return f.Write(data) }
)

// staging holds the temporary files and new directories of a write.
type staging struct {
	temps   []string // parallel to targets
	targets []string
	dirs    []string // made by this write, outermost first
}

func (s *staging) stage(e Entry) error {
	if err := s.mkdirAll(filepath.Dir(e.Path)); err != nil {
		return err
	}
	f, err := createTemp(filepath.Dir(e.Path), "."+filepath.Base(e.Path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", e.Path, err)
	}
	s.temps = append(s.temps, f.Name())
	s.targets = append(s.targets, e.Path)
	_, err = writeData(f, e.Data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", e.Path, err)
	}
	return nil
}

// mkdirAll makes dir and its missing parents, remembering which it made.
func (s *staging) mkdirAll(dir string) error {
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil || filepath.Dir(d) == d {
			break
		}
		missing = append(missing, d)
	}
	for i := len(missing) - 1; i >= 0; i-- {
		if err := os.Mkdir(missing[i], 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("create directory: %w", err)
		}
		s.dirs = append(s.dirs, missing[i])
	}
	return nil
}

// abort removes the temporary files and the directories made, innermost
// first (a directory that is not empty stays).
func (s *staging) abort() {
	for _, t := range s.temps {
		os.Remove(t)
	}
	for i := len(s.dirs) - 1; i >= 0; i-- {
		os.Remove(s.dirs[i])
	}
}

// commit renames every temporary file onto its target and syncs the
// directories so that the renames survive a crash.
func (s *staging) commit() error {
	synced := map[string]bool{}
	for i, t := range s.temps {
		if err := os.Rename(t, s.targets[i]); err != nil {
			for _, rest := range s.temps[i:] {
				os.Remove(rest)
			}
			return fmt.Errorf("write %s: %w", s.targets[i], err)
		}
		synced[filepath.Dir(t)] = false
	}
	for dir := range synced {
		if d, err := os.Open(dir); err == nil {
			d.Sync()
			d.Close()
		}
	}
	return nil
}
