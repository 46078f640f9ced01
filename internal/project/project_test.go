package project

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func rels(p *Project) string {
	var out []string
	for _, f := range p.Files {
		out = append(out, f.Rel)
	}
	return strings.Join(out, " ")
}

func TestLoad(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		ConfigName:     `{"packageDirectories": [{"path": "src"}, {"path": "force-app"}, {"path": "gone"}]}`,
		".forceignore": "**/ignored/**\n*.txt\n",
		"force-app/main/default/namedCredentials/B.namedCredential-meta.xml": "<NamedCredential/>",
		"force-app/main/default/classes/A.cls":                               "class A {}",
		"force-app/main/default/classes/A.cls-meta.xml":                      "<ApexClass/>",
		"force-app/main/default/ignored/C.namedCredential-meta.xml":          "<NamedCredential/>",
		"force-app/main/default/notes.txt":                                   "",
		"force-app/main/default/README.md":                                   "",
		"force-app/main/default/.hidden.namedCredential-meta.xml":            "",
		"force-app/main/default/X.namedCredential-meta.xml.dup":              "",
		"force-app/node_modules/x/D.namedCredential-meta.xml":                "",
		"force-app/.sfdx/E.namedCredential-meta.xml":                         "",
		"force-app/main/default/Odd.ecaGlobalOauth-meta.xml":                 "",
		"src/main/Z.eca-meta.xml":                                            "<ExternalClientApplication/>",
		"outside/Y.eca-meta.xml":                                             "",
	})
	p, err := Load(root, false)
	if err != nil {
		t.Fatal(err)
	}
	want := "force-app/main/default/Odd.ecaGlobalOauth-meta.xml " +
		"force-app/main/default/classes/A.cls force-app/main/default/classes/A.cls-meta.xml " +
		"force-app/main/default/namedCredentials/B.namedCredential-meta.xml src/main/Z.eca-meta.xml"
	if got := rels(p); got != want {
		t.Errorf("files:\n got %s\nwant %s", got, want)
	}
	if len(p.Notes) != 1 || !strings.Contains(p.Notes[0], `"gone" does not exist`) {
		t.Errorf("notes = %q", p.Notes)
	}
	if p.Files[0].Kind.Type != nil {
		t.Errorf("an unknown suffix must stay unclassified: %+v", p.Files[0].Kind)
	}
}

func TestLoadBare(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{"a/B.namedCredential-meta.xml": "", "c/.git/D.eca-meta.xml": ""})
	p, err := Load(root, true)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Bare() || rels(p) != "a/B.namedCredential-meta.xml" {
		t.Errorf("bare %v, files %s", p.Bare(), rels(p))
	}
}

func TestLoadBadConfig(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{ConfigName: "{\n  \"packageDirectories\": [\n}"})
	_, err := Load(root, false)
	var pe *Error
	if !errors.As(err, &pe) || pe.Pos.Line != 3 || !strings.HasSuffix(pe.File, ConfigName) {
		t.Fatalf("err = %v", err)
	}
	if msg := err.Error(); !strings.Contains(msg, ConfigName+":3:1: ") {
		t.Errorf("error %q does not name file, line and column", msg)
	}
}

func TestFindRoot(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		ConfigName: `{"packageDirectories": [{"path": "force-app"}]}`,
		"force-app/main/default/namedCredentials/A.namedCredential-meta.xml": "",
	})
	for _, from := range []string{root, filepath.Join(root, "force-app/main"),
		filepath.Join(root, "force-app/main/default/namedCredentials/A.namedCredential-meta.xml")} {
		got, err := FindRoot(from)
		if err != nil || got != root {
			t.Errorf("FindRoot(%s) = %q, %v", from, got, err)
		}
	}
	if _, err := FindRoot(filepath.Join(root, "missing")); err == nil {
		t.Error("a missing path must be an error")
	}
}

func TestSymlinksAreNotFollowed(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	write(t, root, map[string]string{
		ConfigName: `{"packageDirectories": [{"path": "force-app"}]}`,
		"force-app/main/default/namedCredentials/A.namedCredential-meta.xml": "",
	})
	write(t, outside, map[string]string{"B.namedCredential-meta.xml": ""})
	links := map[string]string{
		"force-app/out":  outside,
		"force-app/loop": filepath.Join(root, "force-app"),
		"force-app/main/default/namedCredentials/C.namedCredential-meta.xml": filepath.Join(outside, "B.namedCredential-meta.xml"),
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	p, err := Load(root, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := rels(p); got != "force-app/main/default/namedCredentials/A.namedCredential-meta.xml" {
		t.Errorf("files: %s", got)
	}
	if len(p.Notes) != 3 {
		t.Fatalf("want one note per link, got %q", p.Notes)
	}
	for _, n := range p.Notes {
		if !strings.HasSuffix(n, "symbolic link not followed") {
			t.Errorf("note %q", n)
		}
	}
}
