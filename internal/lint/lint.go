// Package lint runs sflint over paths: it finds each path's project, reads the
// files the rules need (in parallel), builds the model, evaluates the rules
// once per project and keeps the findings in files under the given paths.
package lint

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sflint/sflint/internal/apex"
	"github.com/sflint/sflint/internal/cache"
	"github.com/sflint/sflint/internal/engine"
	"github.com/sflint/sflint/internal/lwc"
	"github.com/sflint/sflint/internal/metadata"
	"github.com/sflint/sflint/internal/model"
	"github.com/sflint/sflint/internal/par"
	"github.com/sflint/sflint/internal/parse"
	"github.com/sflint/sflint/internal/project"
	"github.com/sflint/sflint/internal/suppress"
)

// Options configure a run.
type Options struct {
	Jobs int    // parallel parsers; 0 means one per CPU
	Dir  string // working directory that output paths are relative to; "" means the current one
	// CacheDir keeps parse results between runs; "" disables the cache.
	CacheDir string
	// Exclude, when set, leaves out of the report (findings and file count)
	// the files it matches, given their absolute path. They are still read,
	// so rules about other files see the whole project.
	Exclude func(abs string) bool
}

// Result is the outcome of a run. Finding files are slash-separated and
// relative to the working directory.
type Result struct {
	Findings []engine.Finding
	Files    int      // source files linted
	Notes    []string // things the user should know, for stderr
	Sources  []Source // the files reported on, for suppressions and baselines
}

// Source is a file a run reported on: a source file under the paths, or the
// project file when it is under them.
type Source struct {
	Path string // as findings name it: slash-separated, relative to the working directory
	Abs  string
	Root string // absolute project root
	Rel  string // slash-separated, relative to Root
	// Scanned says the file was read for the rules, and Directives holds
	// the suppression comments found in it then, so they are not read again.
	Scanned    bool
	Directives []suppress.Directive
}

// PathError is a PATH argument that cannot be linted.
type PathError struct {
	Path string
	Err  error
}

func (e *PathError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }

func (e *PathError) Unwrap() error { return e.Err }

type target struct {
	root  string
	bare  bool
	paths []string // absolute paths to report on
}

// Run lints the given paths (default ".").
func Run(ctx context.Context, eng *engine.Engine, paths []string, opt Options) (*Result, error) {
	cwd, targets, err := resolve(paths, opt)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	for _, t := range targets {
		if t.bare {
			res.Notes = append(res.Notes, fmt.Sprintf("no %s found in %s or above; linting it as a bare source tree",
				project.ConfigName, rel(cwd, t.root)))
		}
		if err := lintProject(ctx, eng, t, cwd, opt, res); err != nil {
			return nil, err
		}
	}
	res.Findings = engine.Sort(res.Findings)
	return res, nil
}

// resolve maps the paths (default ".") to their projects, relative to the
// working directory.
func resolve(paths []string, opt Options) (string, []*target, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	cwd, err := workDir(opt.Dir)
	if err != nil {
		return "", nil, err
	}
	targets, err := group(cwd, paths)
	return cwd, targets, err
}

// workDir returns the absolute directory that paths are relative to.
func workDir(dir string) (string, error) {
	if dir == "" {
		return os.Getwd()
	}
	return filepath.Abs(dir)
}

// group maps each path to its project so that a project given twice (or
// through several of its files) is read and evaluated once.
func group(cwd string, paths []string) ([]*target, error) {
	var out []*target
	byRoot := map[string]*target{}
	for _, p := range paths {
		abs := p
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(cwd, p)
		}
		abs = filepath.Clean(abs)
		if _, err := os.Stat(abs); err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, &PathError{Path: p, Err: err}
		}
		root, err := project.FindRoot(abs)
		if err != nil {
			return nil, &PathError{Path: p, Err: err}
		}
		bare := root == ""
		if bare {
			root = abs
			if fi, _ := os.Stat(abs); fi != nil && !fi.IsDir() {
				root = filepath.Dir(abs)
			}
		}
		t := byRoot[root]
		if t == nil {
			t = &target{root: root, bare: bare}
			byRoot[root] = t
			out = append(out, t)
		}
		t.paths = append(t.paths, abs)
	}
	return out, nil
}

func lintProject(ctx context.Context, eng *engine.Engine, t *target, cwd string, opt Options, res *Result) error {
	proj, input, secrets, scans, err := buildInput(ctx, t, opt)
	if err != nil {
		return err
	}
	for _, n := range proj.Notes {
		res.Notes = append(res.Notes, rel(cwd, t.root)+"/"+n)
	}
	findings, err := eng.Eval(ctx, input)
	if err != nil {
		return err
	}
	reported := func(abs string) bool {
		return under(abs, t.paths) && (opt.Exclude == nil || !opt.Exclude(abs))
	}
	for i, f := range proj.Files {
		if reported(f.Abs) {
			res.Files++
			s := Source{Path: rel(cwd, f.Abs), Abs: f.Abs, Root: t.root, Rel: f.Rel}
			s.Scanned, s.Directives = scans[i].scanned, scans[i].directives
			res.Sources = append(res.Sources, s)
		}
	}
	if pf := proj.ConfigPath(); !t.bare && reported(pf) {
		res.Sources = append(res.Sources, Source{Path: rel(cwd, pf), Abs: pf, Root: t.root,
			Rel: project.ConfigName})
	}
	for _, f := range findings {
		abs := filepath.Join(t.root, filepath.FromSlash(f.File))
		if !reported(abs) {
			continue
		}
		f.File = rel(cwd, abs)
		// Whatever a rule or policy put in its text, no secret of the
		// project leaves in full.
		f.Message, f.Fix = model.Redact(f.Message, secrets), model.Redact(f.Fix, secrets)
		res.Findings = append(res.Findings, f)
	}
	return nil
}

// Input is the input document of one project, as the rules see it.
type Input struct {
	Root  string // project root, relative to the working directory
	Value ast.Value
}

// Inputs builds the input documents for the projects of the given paths,
// without evaluating any rule.
func Inputs(ctx context.Context, paths []string, opt Options) ([]Input, error) {
	cwd, targets, err := resolve(paths, opt)
	if err != nil {
		return nil, err
	}
	var out []Input
	for _, t := range targets {
		_, v, _, _, err := buildInput(ctx, t, opt)
		if err != nil {
			return nil, err
		}
		out = append(out, Input{Root: rel(cwd, t.root), Value: v})
	}
	return out, nil
}

// scan is what reading a file found for suppressions.
type scan struct {
	scanned    bool
	directives []suppress.Directive
}

// buildInput reads a project and turns it into the input document.
// It also returns the project's secret values, for redaction, and the
// suppression comments found in each file; nothing else of the parsed
// files outlives it.
func buildInput(ctx context.Context, t *target, opt Options) (
	*project.Project, ast.Value, []string, []scan, error) {
	proj, err := project.Load(t.root, t.bare)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	b := model.NewBuilder("")
	info := model.Project{}
	if proj.Config != nil {
		b = model.NewBuilder(proj.Config.Namespace)
		info = model.Project{
			File:             project.ConfigName,
			SourceAPIVersion: proj.Config.SourceAPIVersion,
			VersionPos:       proj.Config.KeyPos["sourceApiVersion"],
			Namespace:        proj.Config.Namespace,
			Replacements:     proj.Config.Replacements,
		}
		for _, d := range proj.Config.PackageDirectories {
			info.PackageDirs = append(info.PackageDirs, d.Path)
		}
	}
	var c *cache.Cache[parsed]
	if opt.CacheDir != "" {
		c = cache.Open[parsed](opt.CacheDir, proj.Root)
	}
	parsed, err := parseAll(ctx, proj.Files, opt.Jobs, c)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	if c != nil {
		_ = c.Save() // a cache that cannot be written only costs the next run time
	}
	for i, f := range proj.Files {
		b.AddFile(fileInfo(f))
		switch p := parsed[i]; {
		case p.malformed != nil:
			b.AddMalformed(*p.malformed)
		case p.record != nil:
			b.Add(p.record)
		case p.script != nil:
			b.AddScript(f.Kind.Name, f.Rel, p.script)
		case p.apex != nil:
			b.AddApex(f.Rel, p.apex)
		}
	}
	m := b.Build()
	scans := make([]scan, len(parsed))
	for i, p := range parsed {
		scans[i] = p.scan
	}
	return proj, m.Input(info), m.Secrets(), scans, nil
}

// fileInfo describes a file by its name: its type, and for metadata XML the
// suffix it was probably meant to have and the type its folder is for.
func fileInfo(f project.File) model.FileInfo {
	fi := model.FileInfo{Path: f.Rel, Name: f.Kind.Name, Suffix: f.Kind.Suffix}
	if f.Kind.Type != nil {
		fi.Type = f.Kind.Type.Name
	} else if f.Kind.IsXML {
		fi.Suggestion = metadata.SuggestSuffix(f.Kind.Suffix)
	}
	if f.Kind.IsXML {
		if t := metadata.ByFolder(path.Base(path.Dir(f.Rel))); t != nil {
			fi.FolderType = t.Name
		}
	}
	return fi
}

type parsedFile struct {
	record    *model.Record
	malformed *model.Malformed
	script    *lwc.Script
	apex      *apex.File
	scan      scan
}

// reads reports whether the rules need the file's content.
func reads(f project.File) bool {
	if isApex(f) {
		return true
	}
	if _, ok := model.Reads(f.Kind.Type); !ok {
		return false
	}
	return f.Kind.IsXML || isScript(f)
}

// isApex holds for Apex class source (not its -meta.xml).
func isApex(f project.File) bool {
	return f.Kind.Type != nil && f.Kind.Type.Name == "ApexClass" && !f.Kind.IsXML
}

// isScript holds for the JavaScript of a Lightning web component; Jest
// tests are not part of the component.
func isScript(f project.File) bool {
	return f.Kind.Type.Name == "LightningComponentBundle" && strings.HasSuffix(f.Rel, ".js") &&
		!strings.Contains(f.Rel, "/__tests__/")
}

// parseAll reads the files the rules need, jobs at a time. Results keep the
// order of files so the model is the same whatever the parallelism.
func parseAll(ctx context.Context, files []project.File, jobs int,
	c *cache.Cache[parsed]) ([]parsedFile, error) {
	out := make([]parsedFile, len(files))
	errs := make([]error, len(files))
	par.Do(len(files), jobs, func(i int) {
		if reads(files[i]) && ctx.Err() == nil {
			out[i], errs[i] = parseFile(files[i], c)
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, errors.Join(errs...)
}

// parsed is what reading one file gave, as the cache keeps it.
type parsed struct {
	Doc        *parse.Document
	Syntax     *parse.SyntaxError
	Script     *lwc.Script
	Apex       *apex.File
	Directives []suppress.Directive
}

func parseFile(f project.File, c *cache.Cache[parsed]) (parsedFile, error) {
	var p parsed
	var key cache.Key
	hit, keyed := false, false
	if c != nil {
		// The key is taken before the file is read: a file that changes in
		// between is cached under its old key, which the next run misses.
		if info, err := os.Lstat(f.Abs); err == nil {
			key, keyed = cache.KeyOf(f.Rel, info), true
			p, hit = c.Get(key)
		}
	}
	if !hit {
		var err error
		if p, err = readFile(f); err != nil {
			return unreadable(f, err), nil
		}
		if keyed {
			c.Put(key, p)
		}
	}
	pf := toParsedFile(f, p)
	pf.scan = scan{scanned: true, directives: p.Directives}
	return pf, nil
}

func toParsedFile(f project.File, p parsed) parsedFile {
	if p.Script != nil {
		return parsedFile{script: p.Script}
	}
	if p.Apex != nil {
		return parsedFile{apex: p.Apex}
	}
	if p.Syntax != nil {
		return parsedFile{malformed: &model.Malformed{File: f.Rel, Pos: p.Syntax.Pos, Msg: p.Syntax.Msg}}
	}
	if want := f.Kind.Type.Name; p.Doc.Root.Name != want {
		msg := fmt.Sprintf("root element <%s> does not match the .%s suffix, which needs <%s>",
			p.Doc.Root.Name, f.Kind.Suffix, want)
		return parsedFile{malformed: &model.Malformed{File: f.Rel, Pos: p.Doc.Root.Pos, Msg: msg}}
	}
	return parsedFile{record: &model.Record{
		Type: f.Kind.Type, Name: f.Kind.Name, File: f.Rel, Root: p.Doc.Root, Unknown: p.Doc.Unknown,
	}}
}

// readFile reads and parses one metadata file.
func readFile(f project.File) (parsed, error) {
	opt, _ := model.Reads(f.Kind.Type)
	data, err := os.ReadFile(f.Abs)
	if err != nil {
		return parsed{}, err
	}
	dirs := suppress.Scan(suppress.StyleOf(f.Abs), data)
	if isScript(f) {
		return parsed{Script: lwc.Scan(data), Directives: dirs}, nil
	}
	if isApex(f) {
		return parsed{Apex: apex.Parse(data), Directives: dirs}, nil
	}
	doc, err := parse.XML(data, opt)
	var se *parse.SyntaxError
	if errors.As(err, &se) {
		return parsed{Syntax: se, Directives: dirs}, nil
	}
	return parsed{Doc: doc, Directives: dirs}, err
}

// unreadable reports a file that cannot be read like a broken one, so the
// rest of the project is still linted.
func unreadable(f project.File, err error) parsedFile {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	msg := fmt.Sprintf("cannot read the file: %v", err)
	return parsedFile{malformed: &model.Malformed{File: f.Rel, Pos: parse.Pos{Line: 1, Col: 1}, Msg: msg}}
}

// under reports whether abs is one of paths or inside one of them.
func under(abs string, paths []string) bool {
	for _, p := range paths {
		if abs == p || strings.HasPrefix(abs, p+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

func rel(cwd, abs string) string {
	r, err := filepath.Rel(cwd, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(r)
}
