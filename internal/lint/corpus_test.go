package lint_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sflint/sflint/internal/lint"
	"github.com/sflint/sflint/internal/metadata"
	"github.com/sflint/sflint/internal/parse"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// corpus is the shared collection of real SFDX files from public repositories.
const corpus = "../../../shared/corpus/real"

// TestCorpusParses reads every real metadata file with its type's schema:
// none may fail to parse or have a root element other than its type.
func TestCorpusParses(t *testing.T) {
	n := 0
	err := filepath.WalkDir(corpus, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, metadata.MetaSuffix) {
			return err
		}
		kind, ok := metadata.Classify(filepath.ToSlash(p))
		if !ok {
			t.Errorf("%s: not classified", p)
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		doc, err := parse.XML(data, parse.Options{Schema: metadata.Schema(kind.Type.Name)})
		if err != nil {
			t.Errorf("%s: %v", p, err)
			return nil
		}
		if doc.Root.Name != kind.Type.Name {
			t.Errorf("%s: root <%s>, want <%s>", p, doc.Root.Name, kind.Type.Name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 140 {
		t.Fatalf("read %d corpus files; is ../shared/corpus/real there?", n)
	}
}

// TestCorpusLints runs sflint over every corpus project: no error, no file
// reported as malformed, and the findings pinned in a golden file (refresh
// with go test ./internal/lint -update, after reading every change: a wrong
// finding is a bug in a rule, not a golden to keep).
func TestCorpusLints(t *testing.T) {
	e, _ := builtin(t)
	projects, err := filepath.Glob(filepath.Join(corpus, "*", "sfdx-project.json"))
	if err != nil || len(projects) < 9 {
		t.Fatalf("found %d corpus projects: %v", len(projects), err)
	}
	var out strings.Builder
	for _, p := range projects {
		dir := filepath.Dir(p)
		name := filepath.Base(dir)
		res, err := lint.Run(context.Background(), e, nil, lint.Options{Dir: dir})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for _, f := range res.Findings {
			if f.Rule.ID == "project/malformed-xml" {
				t.Errorf("%s: %s:%d:%d: %s", name, f.File, f.Line, f.Col, f.Message)
			}
			fmt.Fprintf(&out, "%s: %s:%d:%d: %s: %s [%s]\n", name, f.File, f.Line, f.Col, f.Severity, f.Message, f.Rule.ID)
		}
	}
	golden := "../../testdata/corpus/findings.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != string(want) {
		t.Errorf("corpus findings differ from %s; read the difference, then run with -update:\n%s",
			golden, out.String())
	}
}
