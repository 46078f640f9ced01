package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestHouseTemplateOverridesByName(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "integration", "eca.tmpl"), "house {{.App}} {{xml \"a&b\"}}\n")
	tmpl, err := LoadTemplates(dir)
	if err != nil {
		t.Fatal(err)
	}
	g := &Generator{Templates: tmpl, APIVersion: "66.0"}
	out, err := g.Integration(IntegrationSpec{Name: "A", MyDomain: testDomain, RunAs: testRunAs})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(out.Files[0].Data); got != "house A a&amp;b\n" {
		t.Errorf("overridden = %q", got)
	}
	if !strings.Contains(string(out.Files[1].Data), "<ExtlClntAppOauthSettings") {
		t.Error("templates that are not overridden must stay built in")
	}
}

func TestHouseTemplateErrors(t *testing.T) {
	tests := map[string]struct{ file, body, want string }{
		"unknown name":  {"integration/ecaa.tmpl", "x", "matches no template"},
		"syntax":        {"integration/eca.tmpl", "{{.App", "template integration/eca.tmpl"},
		"unknown field": {"integration/eca.tmpl", "{{.Nope}}", "can't evaluate field Nope"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, filepath.FromSlash(tt.file)), tt.body)
			tmpl, err := LoadTemplates(dir)
			if err == nil {
				g := &Generator{Templates: tmpl, APIVersion: "66.0"}
				_, err = g.Integration(IntegrationSpec{Name: "A", MyDomain: testDomain, RunAs: testRunAs})
			}
			if _, ok := err.(*InputError); !ok || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want an InputError with %q", err, tt.want)
			}
		})
	}
	if _, err := LoadTemplates(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("a missing --templates directory must fail")
	}
}

func TestEscapers(t *testing.T) {
	if got := apexString(`a'b\c`); got != `'a\'b\\c'` {
		t.Errorf("apexString = %s", got)
	}
	if got := jsString("a'b\n"); got != `'a\'b\n'` {
		t.Errorf("jsString = %s", got)
	}
	if got := doc("a */ b"); got != "a * / b" {
		t.Errorf("doc = %s", got)
	}
}
