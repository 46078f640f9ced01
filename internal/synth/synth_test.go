package synth_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/sflint/sflint/internal/engine"
	"github.com/sflint/sflint/internal/lint"
	"github.com/sflint/sflint/internal/synth"
	"github.com/sflint/sflint/rules"
)

// TestSmallLintsAsExpected lints a small project with the built-in rules and
// wants exactly the findings Generate promised: every planted flaw caught,
// and nothing reported on the parts copied from correct files.
func TestSmallLintsAsExpected(t *testing.T) {
	dir := t.TempDir()
	exp, err := synth.Generate(dir, synth.Small, 1)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := engine.Load(rules.FS, "rules")
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.Compile(context.Background(), cat)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(context.Background(), eng, nil, lint.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	var got []synth.Finding
	for _, f := range res.Findings {
		got = append(got, synth.Finding{Rule: f.Rule.ID, File: f.File})
	}
	missing, extra := exp.Compare(got)
	for _, f := range missing {
		t.Errorf("missing finding %s in %s", f.Rule, f.File)
	}
	for _, f := range extra {
		t.Errorf("unexpected finding %s in %s", f.Rule, f.File)
	}
	if exp.Broken == 0 || len(exp.Findings) == 0 {
		t.Errorf("a small project must plant flaws; got %d broken, %d findings",
			exp.Broken, len(exp.Findings))
	}
}

// TestSmallShape checks the counts the benchmarks rely on.
func TestSmallShape(t *testing.T) {
	dir := t.TempDir()
	exp, err := synth.Generate(dir, synth.Small, 7)
	if err != nil {
		t.Fatal(err)
	}
	if exp.Files < 50 || exp.Files > 70 {
		t.Errorf("small project has %d files, want about 60", exp.Files)
	}
	files, bytes := 0, int64(0)
	walk(t, dir, func(_ string, data []byte) {
		files++
		bytes += int64(len(data))
	})
	if files != exp.Files || bytes != exp.Bytes {
		t.Errorf("tree holds %d files, %d bytes; Expected says %d, %d",
			files, bytes, exp.Files, exp.Bytes)
	}
}

// TestDeterministic wants the same tree from the same seed, byte for byte,
// and a different one from another seed.
func TestDeterministic(t *testing.T) {
	hashes := map[string]string{}
	for _, run := range []struct {
		name string
		seed int64
	}{{"first", 3}, {"again", 3}, {"other", 4}} {
		dir := t.TempDir()
		if _, err := synth.Generate(dir, synth.Small, run.seed); err != nil {
			t.Fatal(err)
		}
		hashes[run.name] = treeHash(t, dir)
	}
	if hashes["first"] != hashes["again"] {
		t.Errorf("seed 3 gave two different trees: %s and %s", hashes["first"], hashes["again"])
	}
	if hashes["first"] == hashes["other"] {
		t.Errorf("seeds 3 and 4 gave the same tree %s", hashes["first"])
	}
}

func TestRefusesNonEmptyDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "left-over"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := synth.Generate(dir, synth.Small, 1); err == nil {
		t.Error("Generate wrote into a directory holding another file")
	}
}

func TestParseSize(t *testing.T) {
	for _, s := range []synth.Size{synth.Small, synth.Medium, synth.Large} {
		got, err := synth.ParseSize(s.String())
		if err != nil || got != s {
			t.Errorf("ParseSize(%q) = %v, %v", s.String(), got, err)
		}
	}
	if _, err := synth.ParseSize("huge"); err == nil {
		t.Error(`ParseSize("huge") accepted an unknown size`)
	}
}

// treeHash hashes every file's path and contents, in walk (lexical) order.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	walk(t, dir, func(rel string, data []byte) {
		io.WriteString(h, rel+"\x00")
		h.Write(data)
		h.Write([]byte{0})
	})
	return hex.EncodeToString(h.Sum(nil))
}

func walk(t *testing.T, dir string, fn func(rel string, data []byte)) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		fn(filepath.ToSlash(rel), data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestCompare(t *testing.T) {
	a, b, c := synth.Finding{Rule: "r/a", File: "x"}, synth.Finding{Rule: "r/b", File: "x"},
		synth.Finding{Rule: "r/c", File: "y"}
	exp := synth.Expected{Findings: []synth.Finding{a, b}}
	missing, extra := exp.Compare([]synth.Finding{b, c, c, b})
	if len(missing) != 1 || missing[0] != a || len(extra) != 1 || extra[0] != c {
		t.Errorf("missing %v, extra %v; want [%v], [%v]", missing, extra, a, c)
	}
}
