package lint_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sflint/sflint/internal/lint"
	"github.com/sflint/sflint/internal/metadata"
	"github.com/sflint/sflint/internal/parse"
)

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

// TestCorpusLints runs sflint over every corpus project: no error, and no
// file reported as malformed.
func TestCorpusLints(t *testing.T) {
	e, _ := builtin(t)
	projects, err := filepath.Glob(filepath.Join(corpus, "*", "sfdx-project.json"))
	if err != nil || len(projects) < 9 {
		t.Fatalf("found %d corpus projects: %v", len(projects), err)
	}
	for _, p := range projects {
		dir := filepath.Dir(p)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			res, err := lint.Run(context.Background(), e, nil, lint.Options{Dir: dir})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range res.Findings {
				if f.Rule.ID == "project/malformed-xml" {
					t.Errorf("%s:%d:%d: %s", f.File, f.Line, f.Col, f.Message)
				}
			}
		})
	}
}
