package metadata

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
)

const shared = "../../../shared"

// TestGeneratedIsCurrent regenerates the tables from the WSDL and the
// source-deploy-retrieve registry and compares them with the committed file.
func TestGeneratedIsCurrent(t *testing.T) {
	got, err := os.ReadFile("zz_generated.go")
	if err != nil {
		t.Fatal(err)
	}
	want := runGen(t)
	if !bytes.Equal(got, want) {
		t.Error("zz_generated.go is stale; run go generate ./internal/metadata")
	}
}

// TestFormatsTypesAreKnown checks every type of section 1 of FORMATS.md: its
// suffix and folder classify to it, with the right root element.
func TestFormatsTypesAreKnown(t *testing.T) {
	doc, err := os.ReadFile(shared + "/docs/FORMATS.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(doc)
	section = section[strings.Index(section, "## 1."):strings.Index(section, "## 2.")]
	row := regexp.MustCompile("(?m)^\\| ([A-Z][A-Za-z]+)(?: / \\.\\.\\.([A-Za-z]+))? .*?\\| `([^`]+)`(?: / `([^`]+)`)? \\| `([^`]+)`")
	n := 0
	for _, m := range row.FindAllStringSubmatch(section, -1) {
		name, suffix, folder := m[1], strings.TrimPrefix(m[3], "."), m[5]
		n++
		if name == "LightningComponentBundle" {
			f, ok := Classify("force-app/main/default/lwc/hello/hello.js-meta.xml")
			if !ok || f.Type.Name != name || !f.IsXML || f.Name != "hello" {
				t.Errorf("lwc bundle: got %+v", f)
			}
			continue
		}
		suffix = strings.TrimSuffix(suffix, "-meta.xml")
		folder = strings.Fields(folder)[0]
		f, ok := Classify(folder + "/X." + suffix + "-meta.xml")
		if !ok || f.Type.Name != name {
			t.Errorf("%s: .%s-meta.xml classifies as %+v", name, suffix, f)
			continue
		}
		if f.Type.Folder != folder {
			t.Errorf("%s: folder %q, FORMATS.md says %q", name, f.Type.Folder, folder)
		}
	}
	if n < 20 {
		t.Fatalf("matched only %d rows of FORMATS.md section 1", n)
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		path, typ, name string
		xml             bool
	}{
		{"force-app/main/default/classes/Foo.cls", "ApexClass", "Foo", false},
		{"force-app/main/default/classes/Foo.cls-meta.xml", "ApexClass", "Foo", true},
		{"a/b/Tooling_API_glbloauth.ecaGlblOauth-meta.xml", "ExtlClntAppGlobalOauthSettings", "Tooling_API_glbloauth", true},
		{"x/Salesforce_Login.remoteSite-meta.xml", "RemoteSiteSetting", "Salesforce_Login", true},
		{"x/Loopback.authprovider-meta.xml", "AuthProvider", "Loopback", true},
		{"force-app/lwc/hello/hello.js", "LightningComponentBundle", "hello", false},
		{"force-app/lwc/hello/__tests__/hello.test.js", "LightningComponentBundle", "hello", false},
	}
	for _, tt := range tests {
		f, ok := Classify(tt.path)
		if !ok || f.Type.Name != tt.typ || f.Name != tt.name || f.IsXML != tt.xml {
			t.Errorf("Classify(%q) = %+v, %v", tt.path, f, ok)
		}
	}
	for _, p := range []string{"README.md", "x/A.ecaGlobalOauth-meta.xml", "x/A.remoteSiteSetting-meta.xml", "x/noext"} {
		if f, ok := Classify(p); ok {
			t.Errorf("Classify(%q) = %+v, want unknown", p, f)
		}
	}
}

func TestSchema(t *testing.T) {
	ec := Schema("ExternalCredential")
	p := ec.Field("externalCredentialParameters")
	if p == nil || !p.Repeated || p.Complex != "ExternalCredentialParameter" {
		t.Fatalf("externalCredentialParameters = %+v", p)
	}
	proto := ec.Field("authenticationProtocol")
	if proto == nil || !proto.Required || !contains(proto.Enum, "Oauth") || contains(proto.Enum, "OAuth") {
		t.Errorf("authenticationProtocol = %+v", proto)
	}
	if ec.Field("principals") != nil {
		t.Error("ExternalCredential has no principals element")
	}
	if Schema("ExtlClntAppGlobalOauthSettings").Field("isEnforceRefreshTokenTTL") == nil {
		t.Error("observed isEnforceRefreshTokenTTL is not accepted")
	}
	if Schema("ExtlClntAppOauthSecuritySettings") != nil {
		t.Error("a type the WSDL does not describe must have no schema")
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func TestSuggest(t *testing.T) {
	tests := map[string]string{
		"ecaGlobalOauth":     "ecaGlblOauth",
		"remoteSiteSetting":  "remoteSite",
		"NamedCredential":    "namedCredential",
		"externalCredentail": "externalCredential",
		"permissionSet":      "permissionset",
		"zzzzzzzzzzzz":       "",
	}
	for in, want := range tests {
		if got := SuggestSuffix(in); got != want {
			t.Errorf("SuggestSuffix(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Closest("principals", []string{"label", "description"}); got != "" {
		t.Errorf("Closest(principals) = %q, want none", got)
	}
	if got := Closest("parameterTyp", []string{"parameterType", "parameterName"}); got != "parameterType" {
		t.Errorf("Closest(parameterTyp) = %q", got)
	}
	if ByFolder("namedCredentials").Name != "NamedCredential" || ByFolder("nope") != nil {
		t.Error("ByFolder")
	}
}
