package gen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/sflint/sflint/internal/project"
)

// Target is where generated files go.
type Target struct {
	Project    *project.Project
	Dir        string // absolute; the standard folders (classes, lwc, ...) go below it
	APIVersion string
}

// NoProjectError is a path with no sfdx-project.json at or above it.
type NoProjectError struct{ Path string }

func (e *NoProjectError) Error() string {
	return fmt.Sprintf("no %s in %s or any directory above it; run sflint gen inside an SFDX project",
		project.ConfigName, e.Path)
}

// FindTarget loads the project that holds path. The output directory is
// outputDir when given, else main/default in the project's default package
// directory; the API version is apiVersion when given, else the project's
// sourceApiVersion.
func FindTarget(path, outputDir, apiVersion string) (*Target, error) {
	root, err := project.FindRoot(path)
	if err != nil {
		return nil, &InputError{Problems: []string{fmt.Sprintf("%s: %v", path, err)}}
	}
	if root == "" {
		abs, _ := filepath.Abs(path)
		return nil, &NoProjectError{Path: abs}
	}
	proj, err := project.Load(root, false)
	if err != nil {
		return nil, err
	}
	t := &Target{Project: proj, APIVersion: apiVersion}
	var p Problems
	if t.APIVersion == "" {
		t.APIVersion = proj.Config.SourceAPIVersion
		if t.APIVersion == "" {
			p.Addf("%s has no sourceApiVersion; pass --api-version", proj.ConfigPath())
		}
	}
	if t.APIVersion != "" {
		CheckAPIVersion(&p, t.APIVersion)
	}
	t.Dir = outputDir
	if t.Dir == "" {
		t.Dir = defaultDir(&p, proj)
	}
	if t.Dir != "" {
		if t.Dir, err = filepath.Abs(t.Dir); err != nil {
			return nil, err
		}
		checkInside(&p, proj.Root, t.Dir)
	}
	return t, p.Err()
}

// checkInside records a problem when dir, once "..", and symbolic links
// are resolved, is not root or below it: gen writes into the project only.
func checkInside(p *Problems, root, dir string) {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		realRoot = root
	}
	// Resolve the part of dir that exists; the rest cannot be a link yet.
	existing, rest := filepath.Clean(dir), ""
	for {
		if real, err := filepath.EvalSymlinks(existing); err == nil {
			existing = real
			break
		}
		parent := filepath.Dir(existing)
		if parent == existing {
			break
		}
		rest = filepath.Join(filepath.Base(existing), rest)
		existing = parent
	}
	rel, err := filepath.Rel(realRoot, filepath.Join(existing, rest))
	if err != nil || rel != "." && !filepath.IsLocal(rel) {
		p.Addf("--output-dir %s is outside the project %s; gen writes only into the project",
			dir, root)
	}
}

// defaultDir is main/default in the default package directory, where the
// Salesforce CLI puts new source.
func defaultDir(p *Problems, proj *project.Project) string {
	dirs := proj.Config.PackageDirectories
	var chosen []string
	for _, d := range dirs {
		if d.Default {
			chosen = append(chosen, d.Path)
		}
	}
	if len(chosen) == 0 && len(dirs) == 1 {
		chosen = append(chosen, dirs[0].Path)
	}
	if len(chosen) != 1 {
		p.Addf("%s must mark exactly one package directory \"default\": true, or pass --output-dir",
			proj.ConfigPath())
		return ""
	}
	return filepath.Join(proj.Root, filepath.FromSlash(chosen[0]), "main", "default")
}

// UnknownControllerError is a --controller class with no source in the
// project.
type UnknownControllerError struct{ Class string }

func (e *UnknownControllerError) Error() string {
	return fmt.Sprintf("controller %s not found: no %s.cls in the project's package directories",
		e.Class, e.Class)
}

// ControllerSource reads the Apex source of class from the project or, when
// it is not there, from the output directory. Apex names ignore case, so
// file names are compared without it.
func (t *Target) ControllerSource(class string) (string, error) {
	want := strings.ToLower(class) + ".cls"
	for _, f := range t.Project.Files {
		if strings.ToLower(filepath.Base(f.Abs)) == want {
			return readSource(f.Abs)
		}
	}
	entries, err := os.ReadDir(filepath.Join(t.Dir, "classes"))
	if err == nil {
		for _, e := range entries {
			if strings.ToLower(e.Name()) == want {
				return readSource(filepath.Join(t.Dir, "classes", e.Name()))
			}
		}
	}
	return "", &UnknownControllerError{Class: class}
}

func readSource(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("read controller: %w", err)
	}
	return string(b), nil
}

// Notes lists what the user should know before deploying files written to
// t: a Jest test that .forceignore does not keep out of deployments, where
// it would make the deploy fail.
func (t *Target) Notes(files []File) []string {
	for _, f := range files {
		if !strings.Contains("/"+f.Path, "/__tests__/") {
			continue
		}
		rel, err := filepath.Rel(t.Project.Root, filepath.Join(t.Dir, filepath.FromSlash(f.Path)))
		if err == nil && !t.Project.Ignore.Ignored(filepath.ToSlash(rel), false) {
			return []string{fmt.Sprintf("%s does not ignore **/__tests__/**; add it, or the Jest "+
				"tests are deployed with the component and the deploy fails", ".forceignore")}
		}
	}
	return nil
}
