package model

import (
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sflint/sflint/internal/metadata"
	"github.com/sflint/sflint/internal/parse"
)

func record(t *testing.T, typ, name, src string) *Record {
	t.Helper()
	mt := metadata.ByName(typ)
	opt, ok := Reads(mt)
	if !ok {
		t.Fatalf("%s is not read", typ)
	}
	doc, err := parse.XML([]byte(src), opt)
	if err != nil {
		t.Fatal(err)
	}
	return &Record{Type: mt, Name: name, File: name + ".xml", Root: doc.Root, Unknown: doc.Unknown}
}

const cred = `<ExternalCredential>
  <authenticationProtocol>Oauth</authenticationProtocol>
  <externalCredentialParameters>
    <parameterName>Integration</parameterName>
    <parameterType>NamedPrincipal</parameterType>
  </externalCredentialParameters>
  <label>Loopback</label>
</ExternalCredential>`

func build(t *testing.T, ns string, accesses ...string) *Model {
	t.Helper()
	b := NewBuilder(ns)
	b.Add(record(t, "ExternalCredential", "Loopback_Auth", cred))
	var ps strings.Builder
	ps.WriteString("<PermissionSet><label>P</label>")
	for _, a := range accesses {
		ps.WriteString("<externalCredentialPrincipalAccesses><enabled>true</enabled><externalCredentialPrincipal>" +
			a + "</externalCredentialPrincipal></externalCredentialPrincipalAccesses>")
	}
	ps.WriteString("</PermissionSet>")
	b.Add(record(t, "PermissionSet", "Callers", ps.String()))
	b.Add(record(t, "NamedCredential", "Loopback", `<NamedCredential><namedCredentialParameters>
<externalCredential>loopback_auth</externalCredential><parameterName>ExternalCredential</parameterName>
<parameterType>Authentication</parameterType></namedCredentialParameters>
<namedCredentialType>SecuredEndpoint</namedCredentialType></NamedCredential>`))
	return b.Build()
}

func TestPrincipalAccessLinks(t *testing.T) {
	m := build(t, "acme", "Loopback_Auth-Integration", "acme__Loopback_Auth-Integration",
		"other__Loopback_Auth-Integration", "loopback_auth-Integration", "Loopback_Auth-integration",
		"Loopback_Auth")
	acc := m.PermissionSets[0].Accesses
	tests := []struct {
		i                       int
		found, foreign          bool
		credNear, principalNear string
		credName, principalName string
	}{
		{0, true, false, "", "", "Loopback_Auth", "Integration"},
		{1, true, false, "", "", "Loopback_Auth", "Integration"},
		{2, false, true, "", "", "Loopback_Auth", "Integration"},
		{3, false, false, "Loopback_Auth", "", "loopback_auth", "Integration"},
		{4, false, false, "", "Integration", "Loopback_Auth", "integration"},
		{5, false, false, "", "", "Loopback_Auth", ""},
	}
	for _, tt := range tests {
		a := acc[tt.i]
		if (a.Principal != nil) != tt.found || a.Foreign != tt.foreign || a.CredNear != tt.credNear ||
			a.PrincipalNear != tt.principalNear || a.CredName != tt.credName || a.PrincipalName != tt.principalName {
			t.Errorf("%s: %+v", a.Value, a)
		}
	}
	p := m.ExternalCredentials[0].Principals[0]
	if len(p.Grants) != 2 {
		t.Errorf("principal has %d grants, want 2", len(p.Grants))
	}
	nc := m.NamedCredentials[0]
	if nc.Cred != nil || nc.CredNear != "Loopback_Auth" || nc.Legacy {
		t.Errorf("named credential link: %+v", nc)
	}
}

func TestAppChildrenLinks(t *testing.T) {
	b := NewBuilder("")
	b.Add(record(t, "ExternalClientApplication", "Loopback", `<ExternalClientApplication><label>L</label></ExternalClientApplication>`))
	b.Add(record(t, TypeOauthPolicies, "Loopback_oauthPlcy",
		`<ExtlClntAppOauthConfigurablePolicies><externalClientApplication>Loopback</externalClientApplication></ExtlClntAppOauthConfigurablePolicies>`))
	b.Add(record(t, TypeGlobalOauthSettings, "Orphan_glbloauth",
		`<ExtlClntAppGlobalOauthSettings><externalClientApplication>loopback</externalClientApplication></ExtlClntAppGlobalOauthSettings>`))
	m := b.Build()
	app := m.Apps[0]
	if len(app.OauthPolicies) != 1 || len(app.GlobalOauthSettings) != 0 {
		t.Errorf("app children: %+v", app)
	}
	orphan := m.AppChildren[TypeGlobalOauthSettings][0]
	if orphan.App != nil || orphan.AppNear != "Loopback" {
		t.Errorf("orphan: %+v", orphan)
	}
}

// TestInputArraysBySchema checks that repeatable elements are arrays even
// with one sibling, and single elements are objects.
func TestInputArraysBySchema(t *testing.T) {
	m := build(t, "", "Loopback_Auth-Integration")
	v := m.Input(Project{File: "sfdx-project.json", SourceAPIVersion: "66.0", VersionPos: parse.Pos{Line: 3, Col: 3}})
	doc, err := ast.JSON(v)
	if err != nil {
		t.Fatal(err)
	}
	in := doc.(map[string]any)
	ec := in["externalCredentials"].([]any)[0].(map[string]any)
	if _, ok := ec["externalCredentialParameters"].([]any); !ok {
		t.Errorf("externalCredentialParameters is %T, want an array", ec["externalCredentialParameters"])
	}
	proto, ok := ec["authenticationProtocol"].(map[string]any)
	if !ok || proto["value"] != "Oauth" || proto["line"] == nil {
		t.Errorf("authenticationProtocol = %v", ec["authenticationProtocol"])
	}
	ps := in["permissionSets"].([]any)[0].(map[string]any)
	if _, ok := ps["externalCredentialPrincipalAccesses"].([]any); !ok {
		t.Errorf("externalCredentialPrincipalAccesses is %T, want an array", ps["externalCredentialPrincipalAccesses"])
	}
	if in["version"] == nil || in["project"].(map[string]any)["sourceApiVersion"] == nil {
		t.Errorf("project = %v", in["project"])
	}
}

// TestRecordKeysAreReserved makes sure no element of a type sflint reads
// collides with the keys the model adds to every record and element.
func TestRecordKeysAreReserved(t *testing.T) {
	reserved := map[string]bool{"file": true, "type": true, "name": true, "line": true, "col": true,
		"links": true, "unknownElements": true, "invalidValues": true, "markedValues": true, "value": true}
	seen := map[string]bool{}
	var walk func(ct *metadata.ComplexType, root bool)
	walk = func(ct *metadata.ComplexType, root bool) {
		if ct == nil || seen[ct.Name] {
			return
		}
		seen[ct.Name] = true
		for _, f := range ct.Fields {
			nested := !root && (f.Name == "line" || f.Name == "col" || f.Name == "value")
			if (root && reserved[f.Name]) || nested {
				t.Errorf("%s has an element %q, which the input uses for itself", ct.Name, f.Name)
			}
			walk(metadata.Schema(f.Complex), false)
		}
	}
	for typ := range readTypes {
		walk(metadata.Schema(typ), true)
	}
}

// TestMarkedValues checks the pre-filter of placeholder rules: every value
// with a mark is listed, whatever its case or depth, and no other.
func TestMarkedValues(t *testing.T) {
	r := record(t, "NamedCredential", "N", `<NamedCredential>
  <label>Plain</label>
  <namedCredentialParameters>
    <parameterName>Url</parameterName>
    <parameterType>Url</parameterType>
    <parameterValue>https://Your-Domain.my.salesforce.com</parameterValue>
  </namedCredentialParameters>
  <namedCredentialParameters>
    <parameterName>${NAME}</parameterName>
    <parameterType>REPLACE_ME</parameterType>
    <parameterValue>https://acme.my.salesforce.com</parameterValue>
  </namedCredentialParameters>
  <description>@TOKEN, a Placeholder, EXAMPLE.my.salesforce.com, replace-me</description>
</NamedCredential>`)
	var got []string
	for _, term := range markedValues(nil, r.Root, "") {
		obj := term.Value.(ast.Object)
		field := func(k string) string { return obj.Get(ast.StringTerm(k)).String() }
		got = append(got, field("path")+" "+field("field")+" "+field("line"))
	}
	want := []string{
		`"namedCredentialParameters/parameterValue" "parameterValue" 6`,
		`"namedCredentialParameters/parameterName" "parameterName" 9`,
		`"namedCredentialParameters/parameterType" "parameterType" 10`,
		`"description" "description" 13`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("markedValues:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestContainsFold(t *testing.T) {
	for _, c := range []struct {
		s, word string
		want    bool
	}{
		{"REPLACE_ME", "replace_", true},
		{"replace-me", "replace_", false},
		{"yOuR", "your", true},
		{"you", "your", false},
		{"", "your", false},
		{"x.EXAMPLE.My.Salesforce.com", "example.my.salesforce.com", true},
		{"example_my_salesforce_com", "example.my.salesforce.com", false},
	} {
		if got := containsFold(c.s, c.word); got != c.want {
			t.Errorf("containsFold(%q, %q) = %v, want %v", c.s, c.word, got, c.want)
		}
	}
}
