package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sflint/sflint/internal/metadata"
	"github.com/sflint/sflint/internal/project"
)

// TestUnreadableFileIsAFinding reads a file that cannot be read (here: gone
// between the walk and the read; permissions take the same path, but the
// tests run as root, whom permissions do not stop). It becomes a finding at
// the file, not an error that stops the run.
func TestUnreadableFileIsAFinding(t *testing.T) {
	dir := t.TempDir()
	abs := filepath.Join(dir, "A.namedCredential-meta.xml")
	if err := os.WriteFile(abs, []byte("<NamedCredential/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	kind, _ := metadata.Classify("A.namedCredential-meta.xml")
	f := project.File{Abs: abs, Rel: "A.namedCredential-meta.xml", Kind: kind}
	if err := os.Remove(abs); err != nil {
		t.Fatal(err)
	}
	p, err := parseFile(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.malformed == nil || p.malformed.File != f.Rel || !strings.Contains(p.malformed.Msg, "cannot read the file") {
		t.Errorf("got %+v", p)
	}
}
