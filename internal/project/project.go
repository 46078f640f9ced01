// Package project finds an SFDX project from a path and lists its source
// files: sfdx-project.json is looked up from the path upwards, its package
// directories are walked in sorted order, .forceignore is honoured and every
// file is classified by the metadata registry.
package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sflint/sflint/internal/metadata"
	"github.com/sflint/sflint/internal/parse"
)

// ConfigName is the project file that marks an SFDX project root.
const ConfigName = "sfdx-project.json"

// skipDirs are never walked: tool state, VCS data and dependencies.
var skipDirs = map[string]bool{".sf": true, ".sfdx": true, ".git": true, "node_modules": true}

// Project is an SFDX project (or a bare source tree) and its files.
type Project struct {
	Root   string             // absolute directory
	Config *parse.ProjectFile // nil for a bare source tree
	Files  []File             // sorted by Rel
	Ignore *parse.Ignore
	Notes  []string // things the user should know, such as a package directory that is missing
}

// Bare reports whether no sfdx-project.json was found.
func (p *Project) Bare() bool { return p.Config == nil }

// ConfigPath is the absolute path of sfdx-project.json.
func (p *Project) ConfigPath() string { return filepath.Join(p.Root, ConfigName) }

// File is one source file of the project.
type File struct {
	Abs  string
	Rel  string // slash-separated, relative to the project root
	Kind metadata.File
}

// Error is a problem with the project itself (as opposed to one of its source
// files): a broken sfdx-project.json, a package directory that is not there.
type Error struct {
	File string
	Pos  parse.Pos
	Msg  string
}

func (e *Error) Error() string {
	if e.Pos.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// FindRoot walks upwards from path (a file or directory) to the directory
// holding sfdx-project.json. It returns "" when there is none.
func FindRoot(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return "", err
	}
	dir := abs
	if !fi.IsDir() {
		dir = filepath.Dir(abs)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, ConfigName)); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads the project rooted at root. With bare set, root is a plain
// source tree and every directory under it is walked.
func Load(root string, bare bool) (*Project, error) {
	p := &Project{Root: root}
	dirs := []string{"."}
	if !bare {
		data, err := os.ReadFile(p.ConfigPath())
		if err != nil {
			return nil, &Error{File: p.ConfigPath(), Msg: readError(err)}
		}
		cfg, err := parse.Project(data)
		if err != nil {
			var se *parse.SyntaxError
			if errors.As(err, &se) {
				return nil, &Error{File: p.ConfigPath(), Pos: se.Pos, Msg: se.Msg}
			}
			return nil, &Error{File: p.ConfigPath(), Msg: err.Error()}
		}
		p.Config = cfg
		dirs = dirs[:0]
		for _, d := range cfg.PackageDirectories {
			dirs = append(dirs, d.Path)
		}
	}
	if data, err := os.ReadFile(filepath.Join(root, ".forceignore")); err == nil {
		p.Ignore = parse.ParseIgnore(string(data))
	}
	seen := map[string]bool{}
	for _, d := range dirs {
		if err := p.walk(d, seen); err != nil {
			return nil, err
		}
	}
	sort.Slice(p.Files, func(i, j int) bool { return p.Files[i].Rel < p.Files[j].Rel })
	return p, nil
}

func (p *Project) walk(dir string, seen map[string]bool) error {
	start := filepath.Join(p.Root, filepath.FromSlash(dir))
	if fi, err := os.Stat(start); err != nil || !fi.IsDir() {
		// The CLI refuses to deploy such a project, but the directories that
		// are there can still be linted.
		p.Notes = append(p.Notes, fmt.Sprintf("%s: package directory %q does not exist; skipped",
			ConfigName, dir))
		return nil
	}
	// filepath.WalkDir visits entries in lexical order and does not follow
	// symbolic links, so the walk is deterministic and stays in the tree.
	return filepath.WalkDir(start, func(abs string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(p.Root, abs)
		rel = filepath.ToSlash(rel)
		if err != nil {
			// An unreadable folder is skipped; the rest is still linted.
			p.Notes = append(p.Notes, fmt.Sprintf("%s: cannot read: %s; skipped", rel, readError(err)))
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// Links may point out of the project or into a loop.
			p.Notes = append(p.Notes, fmt.Sprintf("%s: symbolic link not followed", rel))
			return nil
		}
		if d.IsDir() {
			if abs != start && (skipDirs[d.Name()] || p.Ignore.Ignored(rel, true)) {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || seen[rel] || p.Ignore.Ignored(rel, false) || defaultIgnored(d.Name()) {
			return nil
		}
		seen[rel] = true
		kind, ok := metadata.Classify(rel)
		if !ok && !strings.HasSuffix(rel, metadata.MetaSuffix) {
			return nil
		}
		// No stat here: most files are classified by name and never opened,
		// and the files that are read are stat'ed by the parsers, side by side.
		p.Files = append(p.Files, File{Abs: abs, Rel: rel, Kind: kind})
		return nil
	})
}

// defaultIgnored mirrors the patterns the Salesforce CLI ignores even without
// a .forceignore: dot files and .dup files.
func defaultIgnored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".dup")
}

func readError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
