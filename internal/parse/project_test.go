package parse

import (
	"errors"
	"strings"
	"testing"
)

func TestProject(t *testing.T) {
	src := `{
  "packageDirectories": [
    {"path": "force-app", "default": true},
    {"path": "src/integrations"}
  ],
  "namespace": "acme",
  "sourceApiVersion": "66.0",
  "replacements": [{"glob": "force-app/**/*.xml", "stringToReplace": "${HOST}", "replaceWithEnv": "HOST"}]
}`
	p, err := Project([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.PackageDirectories) != 2 || p.PackageDirectories[1].Path != "src/integrations" ||
		!p.PackageDirectories[0].Default {
		t.Errorf("packageDirectories = %+v", p.PackageDirectories)
	}
	if p.Namespace != "acme" || p.SourceAPIVersion != "66.0" {
		t.Errorf("namespace %q, version %q", p.Namespace, p.SourceAPIVersion)
	}
	if len(p.Replacements) != 1 || p.Replacements[0].StringToReplace != "${HOST}" {
		t.Errorf("replacements = %+v", p.Replacements)
	}
	if got := p.KeyPos["sourceApiVersion"]; got != (Pos{7, 3}) {
		t.Errorf("sourceApiVersion at %v, want 7:3", got)
	}
	if got := p.KeyPos["namespace"]; got != (Pos{6, 3}) {
		t.Errorf("namespace at %v, want 6:3", got)
	}
}

func TestProjectErrors(t *testing.T) {
	tests := []struct {
		name, src string
		pos       Pos
		msg       string
	}{
		{"syntax", "{\n  \"packageDirectories\": [\n    {\"path\": \"a\",}\n  ]\n}", Pos{3, 18}, "invalid character"},
		{"wrong type", "{\n  \"packageDirectories\": \"force-app\"\n}", Pos{2, 36}, "must be"},
		{"no package directories", `{"sourceApiVersion": "66.0"}`, Pos{1, 1}, "packageDirectories is missing"},
		{"no path", "{\n  \"packageDirectories\": [{\"default\": true}]\n}", Pos{2, 3}, "has no path"},
		{"empty", "", Pos{1, 1}, "unexpected end of JSON input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Project([]byte(tt.src))
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want a SyntaxError", err)
			}
			if !strings.Contains(se.Msg, tt.msg) || se.Pos != tt.pos {
				t.Errorf("got %v %q, want %v %q", se.Pos, se.Msg, tt.pos, tt.msg)
			}
		})
	}
}
