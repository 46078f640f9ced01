package lint_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sflint/sflint/internal/lint"
)

// TestHostileFilesDoNotStopTheRun puts broken and hostile files next to a
// file with a real mistake: each hostile file is reported at its path, and
// the real mistake is still found.
func TestHostileFilesDoNotStopTheRun(t *testing.T) {
	e, _ := builtin(t)
	dir := t.TempDir()
	nc := "force-app/main/default/namedCredentials/"
	files := map[string][]byte{
		"sfdx-project.json": []byte(`{"packageDirectories": [{"path": "force-app"}], "sourceApiVersion": "66.0"}`),
		nc + "Laughs.namedCredential-meta.xml": []byte(`<?xml version="1.0"?>
<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
<NamedCredential><label>&b;</label></NamedCredential>`),
		nc + "External.namedCredential-meta.xml": []byte(`<?xml version="1.0"?>
<!DOCTYPE x SYSTEM "http://127.0.0.1:9/x.dtd">
<NamedCredential><label>x</label></NamedCredential>`),
		nc + "Wide.namedCredential-meta.xml":  {0xff, 0xfe, '<', 0, 'N', 0},
		nc + "Empty.namedCredential-meta.xml": nil,
		nc + "Nul.namedCredential-meta.xml":   []byte("<NamedCredential><label>a\x00</label></NamedCredential>"),
		nc + "Deep.namedCredential-meta.xml": []byte("<NamedCredential>" + strings.Repeat("<a>", 100_000) +
			strings.Repeat("</a>", 100_000) + "</NamedCredential>"),
		nc + "Big.namedCredential-meta.xml": append([]byte("<NamedCredential><label>"),
			append(bytes.Repeat([]byte("x"), 65<<20), "</label></NamedCredential>"...)...),
		"force-app/main/default/permissionsets/Callers.permissionset-meta.xml": []byte(
			`<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata"><externalCredentialPrincipalAccesses>` +
				`<enabled>true</enabled><externalCredentialPrincipal>Nowhere-Nobody</externalCredentialPrincipal>` +
				`</externalCredentialPrincipalAccesses><label>Callers</label></PermissionSet>`),
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := lint.Run(context.Background(), e, nil, lint.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	malformed := map[string]bool{}
	realMistake := false
	for _, f := range res.Findings {
		switch f.Rule.ID {
		case "project/malformed-xml":
			malformed[filepath.Base(f.File)] = true
		case "perms/unknown-principal":
			realMistake = true
		}
	}
	for _, name := range []string{"Laughs", "External", "Wide", "Empty", "Nul", "Deep", "Big"} {
		if !malformed[name+".namedCredential-meta.xml"] {
			t.Errorf("%s: not reported as malformed", name)
		}
	}
	if !realMistake {
		t.Error("the real mistake in the permission set was not found")
	}
}
