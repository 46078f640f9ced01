package gen

import (
	"strings"
)

// IntegrationSpec is what the user asks of sflint gen integration.
type IntegrationSpec struct {
	Name     string   // the External Client App and Named Credential
	MyDomain string   // host, e.g. acme.my.salesforce.com
	RunAs    string   // username of the Run As user
	Scopes   []string // OAuth scope names, comma-separated or not; default api
	Tooling  bool     // grant the Run As user what Tooling API reads need
}

// IntegrationData is what the integration templates receive.
type IntegrationData struct {
	App                       string // External Client App name
	Label                     string
	NamedCredential           string
	ExternalCredential        string
	ExternalCredentialLabel   string
	Principal                 string // the named principal
	CallersPermissionSet      string
	CallersPermissionSetLabel string
	RunAsPermissionSet        string
	RunAsPermissionSetLabel   string
	MyDomain                  string
	RunAs                     string
	ScopeTokens               string // External Client App tokens: "Api, Chatter"
	WireScopes                string // the token request's scope: "api chatter_api"
	RefreshStatusCodes        []string
	RunAsPermissions          []string // user permission names, sorted
}

// principal is the one named principal of a generated External Credential.
const principal = "Integration"

// minIntegrationVersion is the API version that introduced the External
// Client App policies and the client credentials switches.
const minIntegrationVersion = 60

// toolingPermissions are what the Run As user needs to read metadata
// through the Tooling API, beyond API Enabled.
var toolingPermissions = []string{"AuthorApex", "CustomizeApplication", "ViewAllData", "ViewSetup"}

// checkIntegration validates spec and derives every name from it.
func checkIntegration(p *Problems, spec IntegrationSpec, apiVersion string) IntegrationData {
	d := IntegrationData{
		App:                  spec.Name,
		Label:                strings.ReplaceAll(spec.Name, "_", " "),
		NamedCredential:      spec.Name,
		ExternalCredential:   spec.Name + "_Auth",
		Principal:            principal,
		CallersPermissionSet: spec.Name + "_Callers",
		RunAsPermissionSet:   spec.Name + "_Integration_User",
		RunAs:                spec.RunAs,
		RefreshStatusCodes:   []string{"403"},
		RunAsPermissions:     []string{"ApiEnabled"},
	}
	if CheckAPIName(p, "integration name", spec.Name) {
		derived := []string{d.ExternalCredential, d.CallersPermissionSet, d.RunAsPermissionSet}
		for _, derived := range derived {
			CheckAPIName(p, "derived name", derived)
		}
	}
	d.ExternalCredentialLabel = strings.ReplaceAll(d.ExternalCredential, "_", " ")
	d.CallersPermissionSetLabel = strings.ReplaceAll(d.CallersPermissionSet, "_", " ")
	d.RunAsPermissionSetLabel = strings.ReplaceAll(d.RunAsPermissionSet, "_", " ")
	d.MyDomain = CheckMyDomain(p, spec.MyDomain)
	CheckUsername(p, spec.RunAs)
	scopes := spec.Scopes
	if len(scopes) == 0 {
		scopes = []string{"api"}
	}
	s := ParseScopes(p, scopes)
	d.ScopeTokens = strings.Join(s.Tokens, ", ")
	d.WireScopes = strings.Join(s.Wire, " ")
	if spec.Tooling {
		d.RunAsPermissions = append(d.RunAsPermissions, toolingPermissions...)
	}
	if major(apiVersion) < minIntegrationVersion {
		p.Addf("API version %s is too old for External Client App policies; use %d.0 or later",
			apiVersion, minIntegrationVersion)
	}
	return d
}

// integrationFiles maps each integration template to the file it renders,
// in the SDR default folders and the file names a retrieve gives.
func integrationFiles(d IntegrationData) []fileSpec {
	app := d.App
	return []fileSpec{
		{"integration/eca.tmpl", "externalClientApps/" + app + ".eca-meta.xml"},
		{"integration/ecaOauth.tmpl", "extlClntAppOauthSettings/" + app + "_oauth.ecaOauth-meta.xml"},
		{"integration/ecaGlblOauth.tmpl",
			"extlClntAppGlobalOauthSets/" + app + "_glbloauth.ecaGlblOauth-meta.xml"},
		{"integration/ecaOauthPlcy.tmpl",
			"extlClntAppOauthPolicies/" + app + "_oauthPlcy.ecaOauthPlcy-meta.xml"},
		{"integration/ecaPlcy.tmpl", "extlClntAppPolicies/" + app + "_plcy.ecaPlcy-meta.xml"},
		{"integration/externalCredential.tmpl",
			"externalCredentials/" + d.ExternalCredential + ".externalCredential-meta.xml"},
		{"integration/namedCredential.tmpl",
			"namedCredentials/" + d.NamedCredential + ".namedCredential-meta.xml"},
		{"integration/callersPermissionSet.tmpl",
			"permissionsets/" + d.CallersPermissionSet + ".permissionset-meta.xml"},
		{"integration/runAsPermissionSet.tmpl",
			"permissionsets/" + d.RunAsPermissionSet + ".permissionset-meta.xml"},
	}
}

// Integration renders the External Client App with its settings and
// policies, the External Credential, the Named Credential and the two
// permission sets, and the steps left to the user.
func (g *Generator) Integration(spec IntegrationSpec) (*Output, error) {
	var p Problems
	d := checkIntegration(&p, spec, g.APIVersion)
	if err := p.Err(); err != nil {
		return nil, err
	}
	return g.renderAll(integrationFiles(d), d, "integration/steps.tmpl")
}
