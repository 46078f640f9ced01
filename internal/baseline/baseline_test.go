package baseline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sflint/sflint/internal/engine"
)

var (
	tokenURL = &engine.Rule{ID: "extcred/token-url", Severity: engine.Error}
	crud     = &engine.Rule{ID: "perms/missing-user-external-credential-crud", Severity: engine.Error}
)

const credential = `<?xml version="1.0" encoding="UTF-8"?>
<ExternalCredential xmlns="http://soap.sforce.com/2006/04/metadata">
    <externalCredentialParameters>
        <parameterName>AuthProviderUrl</parameterName>
        <parameterType>AuthProviderUrl</parameterType>
        <parameterValue>https://login.salesforce.com/services/oauth2/token</parameterValue>
    </externalCredentialParameters>
    <label>Loopback</label>
</ExternalCredential>
`

func TestContext(t *testing.T) {
	data := []byte(credential)
	tests := []struct {
		name      string
		line, col int
		want      string
	}{
		{"element", 6, 9, "ExternalCredential/externalCredentialParameters/parameterValue\n" +
			"<parameterValue>https://login.salesforce.com/services/oauth2/token</parameterValue>"},
		{"inside the text", 6, 30, "ExternalCredential/externalCredentialParameters/parameterValue\n" +
			"<parameterValue>https://login.salesforce.com/services/oauth2/token</parameterValue>"},
		{"parent", 3, 5, "ExternalCredential/externalCredentialParameters\n<externalCredentialParameters>"},
		{"after a closed element", 8, 5, "ExternalCredential/label\n<label>Loopback</label>"},
		{"root", 2, 1, "ExternalCredential\n" +
			`<ExternalCredential xmlns="http://soap.sforce.com/2006/04/metadata">`},
		{"start of file", 1, 1, "\n" + `<?xml version="1.0" encoding="UTF-8"?>`},
		{"past the end", 99, 1, "\n"},
	}
	for _, tt := range tests {
		if got := Context("x.externalCredential-meta.xml", data, tt.line, tt.col); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := Context("A.cls", []byte("class A {\n\tHttp   h = new Http();\n}"), 2, 2); got != "Http h = new Http();" {
		t.Errorf("apex: %q", got)
	}
	if got := Context("x-meta.xml", []byte("<a>\n<b x=>\n<d/>"), 3, 1); got != "a\n<d/>" {
		t.Errorf("malformed: %q", got)
	}
}

// TestFingerprintSurvivesLineShifts moves the flagged line down and
// re-indents it: the fingerprint stays. Changing the value changes it.
func TestFingerprintSurvivesLineShifts(t *testing.T) {
	fp := func(text string) string {
		t.Helper()
		lines := strings.Split(text, "\n")
		for i, l := range lines {
			if strings.Contains(l, "<parameterValue>") {
				col := len(l) - len(strings.TrimLeft(l, " \t")) + 1
				return Fingerprint(tokenURL.ID, "a.xml", Context("a.xml", []byte(text), i+1, col))
			}
		}
		t.Fatal("no parameterValue")
		return ""
	}
	orig := fp(credential)
	shifted := strings.Replace(credential, "<externalCredentialParameters>",
		"<!-- a comment -->\n\n    <externalCredentialParameters>", 1)
	reindented := strings.ReplaceAll(credential, "        <parameterValue>", "\t\t<parameterValue>")
	if fp(shifted) != orig || fp(reindented) != orig {
		t.Error("moving or re-indenting the line changed the fingerprint")
	}
	if fp(strings.Replace(credential, "login.salesforce.com", "test.salesforce.com", 1)) == orig {
		t.Error("a different value kept the fingerprint")
	}
	if Fingerprint(crud.ID, "a.xml", "ctx") == Fingerprint(tokenURL.ID, "a.xml", "ctx") ||
		Fingerprint(crud.ID, "a.xml", "ctx") == Fingerprint(crud.ID, "b.xml", "ctx") {
		t.Error("rule and file must be part of the fingerprint")
	}
}

// item puts text in dir/rel and returns an item for a finding at line.
func item(t *testing.T, dir, rel, text string, r *engine.Rule, line int) Item {
	t.Helper()
	abs := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(abs, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return Item{Finding: engine.Finding{Rule: r, File: rel, Line: line, Col: 9, Message: "msg " + rel},
		Abs: abs, Rel: rel}
}

func TestWriteReadCompare(t *testing.T) {
	dir := t.TempDir()
	a := item(t, dir, "ec/A.externalCredential-meta.xml", credential, tokenURL, 6)
	b := item(t, dir, "ec/B.externalCredential-meta.xml", credential, tokenURL, 6)
	gone := item(t, dir, "ec/C.externalCredential-meta.xml", credential, tokenURL, 6)
	base, err := New([]Item{b, a, gone, a}) // a twice: two equal findings
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "baseline.json")
	if err := base.Write(file); err != nil {
		t.Fatal(err)
	}
	read, err := Read(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(read.Findings) != 4 || read.Findings[0].File != a.Rel || read.Findings[3].File != gone.Rel {
		t.Fatalf("read back %+v", read.Findings)
	}
	data, _ := os.ReadFile(file)
	if strings.Contains(string(data), `"line"`) {
		t.Error("a baseline must not record line numbers")
	}

	// Later: a moved down in its file, b fixed, C deleted, a new finding in D,
	// and a third finding equal to the two recorded in A.
	shifted := "\n\n" + credential
	a2 := item(t, dir, a.Rel, shifted, tokenURL, 8)
	if err := os.WriteFile(b.Abs, []byte("<ExternalCredential/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(gone.Abs)
	d := item(t, dir, "ec/D.externalCredential-meta.xml", credential, tokenURL, 6)
	out, err := read.Compare([]Item{a2, a2, a2, d}, func(string) bool { return true })
	if err != nil {
		t.Fatal(err)
	}
	if out.Known != 2 || out.Fixed != 2 || len(out.New) != 2 || out.New[1].File != d.Rel {
		t.Errorf("known %d, fixed %d, new %v", out.Known, out.Fixed, out.New)
	}
	out, _ = read.Compare(nil, func(string) bool { return false })
	if out.Fixed != 0 {
		t.Errorf("findings in files the run did not lint were counted as fixed: %d", out.Fixed)
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	tests := map[string]struct{ text, want string }{
		"not json":       {"findings: []", "not an sflint baseline: invalid character"},
		"unknown field":  {`{"version": 1, "findings": [], "extra": 1}`, `unknown field "extra"`},
		"wrong version":  {`{"version": 2, "findings": []}`, "baseline version 2; this sflint reads version 1"},
		"no version":     {`{"findings": []}`, "baseline version 0"},
		"no fingerprint": {`{"version": 1, "findings": [{"rule": "a/b"}]}`, "finding 1 has no fingerprint"},
	}
	for name, tt := range tests {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".json")
		if err := os.WriteFile(p, []byte(tt.text), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Read(p); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", name, err, tt.want)
		}
	}
	if _, err := Read(filepath.Join(dir, "missing.json")); err == nil ||
		!strings.HasSuffix(err.Error(), "missing.json: no such file or directory") {
		t.Errorf("missing file: %v", err)
	}
}
