package lint_test

import (
	"context"
	"errors"
	"os"
	"path"
	"strings"
	"testing"

	"github.com/sflint/sflint/internal/apex"
	"github.com/sflint/sflint/internal/engine"
	"github.com/sflint/sflint/internal/lint"
	"github.com/sflint/sflint/internal/lwc"
	"github.com/sflint/sflint/internal/metadata"
	"github.com/sflint/sflint/internal/model"
	"github.com/sflint/sflint/internal/parse"
	"github.com/sflint/sflint/internal/project"
	"github.com/sflint/sflint/internal/synth"
	"github.com/sflint/sflint/rules"
)

// BenchmarkLint measures one run over a generated project (medium unless
// SFLINT_BENCH_SIZE names another size), whole and in its stages:
//
//   - Run: discovery, parsing, model, rules; what `sflint lint` does after
//     compiling the rules.
//   - RunWarmCache: the same with a parse cache filled by an earlier run.
//   - Inputs: discovery, parsing and model, without the rules.
//   - Model: the model builder and the input document alone, from files
//     parsed beforehand.
func BenchmarkLint(b *testing.B) {
	dir, exp := synth.ForBenchmark(b)
	eng := benchEngine(b)
	ctx := context.Background()
	b.Run("Run", func(b *testing.B) {
		for b.Loop() {
			benchRun(b, eng, lint.Options{Dir: dir}, exp)
		}
	})
	b.Run("RunWarmCache", func(b *testing.B) {
		opt := lint.Options{Dir: dir, CacheDir: b.TempDir()}
		benchRun(b, eng, opt, exp)
		for b.Loop() {
			benchRun(b, eng, opt, exp)
		}
	})
	b.Run("Inputs", func(b *testing.B) {
		for b.Loop() {
			if _, err := lint.Inputs(ctx, nil, lint.Options{Dir: dir}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Model", func(b *testing.B) {
		proj, files := parseProject(b, dir)
		for b.Loop() {
			buildModel(proj, files)
		}
	})
}

// benchRun lints once and checks the planted flaws were all found, so a
// benchmark never times a run that went wrong.
func benchRun(b *testing.B, eng *engine.Engine, opt lint.Options, exp synth.Expected) {
	res, err := lint.Run(context.Background(), eng, nil, opt)
	if err != nil {
		b.Fatal(err)
	}
	var got []synth.Finding
	for _, f := range res.Findings {
		got = append(got, synth.Finding{Rule: f.Rule.ID, File: f.File})
	}
	if missing, _ := exp.Compare(got); len(missing) > 0 {
		b.Fatalf("missing finding %s in %s", missing[0].Rule, missing[0].File)
	}
}

func benchEngine(b *testing.B) *engine.Engine {
	b.Helper()
	cat, err := engine.Load(rules.FS, "rules")
	if err != nil {
		b.Fatal(err)
	}
	eng, err := engine.Compile(context.Background(), cat)
	if err != nil {
		b.Fatal(err)
	}
	// A slow rule is measured, not cut off.
	eng.SetTimeout(0)
	return eng
}

// benchFile is what the model builder receives for one file.
type benchFile struct {
	file   project.File
	record *model.Record
	apex   *apex.File
	script *lwc.Script
}

// parseProject parses a project the way lint does, so the Model benchmark
// times the builder alone.
func parseProject(b *testing.B, dir string) (*project.Project, []benchFile) {
	b.Helper()
	proj, err := project.Load(dir, false)
	if err != nil {
		b.Fatal(err)
	}
	out := make([]benchFile, len(proj.Files))
	for i, f := range proj.Files {
		if out[i], err = parseForModel(f); err != nil {
			b.Fatal(err)
		}
	}
	return proj, out
}

func parseForModel(f project.File) (benchFile, error) {
	bf := benchFile{file: f}
	opt, reads := model.Reads(f.Kind.Type)
	isApex := f.Kind.Type != nil && f.Kind.Type.Name == "ApexClass" && !f.Kind.IsXML
	isScript := reads && f.Kind.Type.Name == "LightningComponentBundle" &&
		strings.HasSuffix(f.Rel, ".js")
	if !isApex && !isScript && (!reads || !f.Kind.IsXML) {
		return bf, nil
	}
	data, err := os.ReadFile(f.Abs)
	if err != nil {
		return bf, err
	}
	switch {
	case isApex:
		bf.apex = apex.Parse(data)
	case isScript:
		bf.script = lwc.Scan(data)
	default:
		doc, err := parse.XML(data, opt)
		var se *parse.SyntaxError
		if errors.As(err, &se) {
			return bf, nil
		}
		if err != nil {
			return bf, err
		}
		bf.record = &model.Record{Type: f.Kind.Type, Name: f.Kind.Name, File: f.Rel,
			Root: doc.Root, Unknown: doc.Unknown}
	}
	return bf, nil
}

// buildModel feeds the builder as lint does and makes the input document.
func buildModel(proj *project.Project, files []benchFile) {
	mb := model.NewBuilder(proj.Config.Namespace)
	for _, f := range files {
		mb.AddFile(benchFileInfo(f.file))
		switch {
		case f.record != nil:
			mb.Add(f.record)
		case f.script != nil:
			mb.AddScript(f.file.Kind.Name, f.file.Rel, f.script)
		case f.apex != nil:
			mb.AddApex(f.file.Rel, f.apex)
		}
	}
	mb.Build().Input(model.Project{
		File:             project.ConfigName,
		SourceAPIVersion: proj.Config.SourceAPIVersion,
		Namespace:        proj.Config.Namespace,
	})
}

func benchFileInfo(f project.File) model.FileInfo {
	fi := model.FileInfo{Path: f.Rel, Name: f.Kind.Name, Suffix: f.Kind.Suffix}
	if f.Kind.Type != nil {
		fi.Type = f.Kind.Type.Name
	}
	if f.Kind.IsXML {
		if t := metadata.ByFolder(path.Base(path.Dir(f.Rel))); t != nil {
			fi.FolderType = t.Name
		}
	}
	return fi
}
