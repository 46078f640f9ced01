package synth

import (
	"fmt"
	"slices"
	"strings"
)

// integration is one same-org client credentials chain, shaped like
// examples/same-org: an External Client App with its settings and policies,
// an External Credential with one principal, a Named Credential, a
// permission set for the callers and one for the Run As user.
type integration struct {
	name  string // the app and the Named Credential
	flaws []flaw
}

func (in integration) cred() string      { return in.name + "_Auth" }
func (in integration) callers() string   { return in.name + "_Callers" }
func (in integration) runAsUser() string { return in.name + "_Integration_User" }
func (in integration) principal() string { return in.cred() + "-Integration" }
func (in integration) client() string    { return strings.ReplaceAll(in.name, "_", "") + "Client" }
func (in integration) has(f flaw) bool   { return slices.Contains(in.flaws, f) }

func (in integration) username() string {
	return "integration." + strings.ToLower(in.name) + "@acme.example.com"
}

// flaw is a misconfiguration planted in an integration. Each is caught by
// exactly one rule, in exactly one file, so the findings of a project are
// known in advance.
type flaw int

const (
	noRunAsUser      flaw = iota // clientCredentialsFlowUser left out of the OAuth policies
	loginTokenURL                // token URL on login.salesforce.com instead of the My Domain
	credentialCase               // Named Credential names its External Credential in lower case
	noCredentialCRUD             // callers' permission set lacks UserExternalCredential access
	principalTypo                // callers' permission set also grants a misspelt principal
	policyFlowOff                // client credentials off in the policies, on in the settings
	flawCount
)

// flawRules are the rules that catch each flaw.
var flawRules = [flawCount]string{
	noRunAsUser:      "eca/missing-run-as-user",
	loginTokenURL:    "extcred/token-url",
	credentialCase:   "namedcred/unknown-external-credential",
	noCredentialCRUD: "perms/missing-user-external-credential-crud",
	principalTypo:    "perms/unknown-principal",
	policyFlowOff:    "eca/client-credentials-mismatch",
}

// Paths of an integration's files.
func (in integration) appFile() string {
	return source + "/externalClientApps/" + in.name + ".eca-meta.xml"
}

func (in integration) oauthFile() string {
	return source + "/extlClntAppOauthSettings/" + in.name + "_oauth.ecaOauth-meta.xml"
}

func (in integration) globalFile() string {
	return source + "/extlClntAppGlobalOauthSets/" + in.name + "_glbloauth.ecaGlblOauth-meta.xml"
}

func (in integration) policyFile() string {
	return source + "/extlClntAppOauthPolicies/" + in.name + "_oauthPlcy.ecaOauthPlcy-meta.xml"
}

func (in integration) pluginFile() string {
	return source + "/extlClntAppPolicies/" + in.name + "_plcy.ecaPlcy-meta.xml"
}

func (in integration) credFile() string {
	return source + "/externalCredentials/" + in.cred() + ".externalCredential-meta.xml"
}

func (in integration) namedCredFile() string {
	return source + "/namedCredentials/" + in.name + ".namedCredential-meta.xml"
}

func permSetFile(name string) string {
	return source + "/permissionsets/" + name + ".permissionset-meta.xml"
}

// flawFile is the file in which a flaw's finding is reported.
func (in integration) flawFile(f flaw) string {
	switch f {
	case noRunAsUser, policyFlowOff:
		return in.policyFile()
	case loginTokenURL:
		return in.credFile()
	case credentialCase:
		return in.namedCredFile()
	default:
		return permSetFile(in.callers())
	}
}

// Integration names are a business domain and a direction, as teams name
// their integrations.
var (
	domains = []string{
		"Billing", "Orders", "Invoices", "Inventory", "Shipping", "Claims", "Quotes",
		"Contracts", "Payments", "Support", "Catalog", "Pricing", "Ledger", "Payroll",
		"Returns", "Loyalty", "Leads", "Renewals", "Assets", "Warranty",
	}
	directions = []string{
		"Sync", "Bridge", "Feed", "Export", "Import", "Relay", "Loopback", "Push", "Pull", "Rollup",
	}
)

// planIntegrations names the integrations and spreads the flaws: a fixed
// number of integrations, drawn at random, get flawsEach flaws each, taken
// in turn so every kind of flaw appears as evenly as the counts allow.
func (g *generator) planIntegrations() {
	n := g.plan.integrations
	for i := range n {
		d, dir := domains[i%len(domains)], directions[i/len(domains)%len(directions)]
		name := d + "_" + dir
		if round := i / (len(domains) * len(directions)); round > 0 {
			name += fmt.Sprint("_", round+1)
		}
		g.integrations = append(g.integrations, integration{name: name})
	}
	broken := g.rng(streamFlaws, 0).Perm(n)[:g.plan.broken]
	slices.Sort(broken)
	next := 0
	for _, i := range broken {
		for range g.plan.flawsEach {
			g.integrations[i].flaws = append(g.integrations[i].flaws, flaw(next%int(flawCount)))
			next++
		}
	}
}

func (g *generator) writeIntegrations() error {
	for _, in := range g.integrations {
		files := []struct {
			path string
			data string
		}{
			{in.appFile(), fmt.Sprintf(appXML, in.name, in.name)},
			{in.oauthFile(), fmt.Sprintf(oauthXML, in.name, in.name)},
			{in.globalFile(), fmt.Sprintf(globalXML, myDomain, in.name, in.name)},
			{in.policyFile(), policyXML(in)},
			{in.pluginFile(), fmt.Sprintf(pluginXML, in.name, in.name)},
			{in.credFile(), credXML(in)},
			{in.namedCredFile(), namedCredXML(in)},
		}
		for _, f := range files {
			if err := g.w.write(f.path, []byte(f.data)); err != nil {
				return err
			}
		}
		for _, f := range in.flaws {
			g.expect(flawRules[f], in.flawFile(f))
		}
	}
	return nil
}

// The files below copy examples/same-org, element for element.
const appXML = xmlDecl + `<ExternalClientApplication` + xmlns + `>
    <contactEmail>integration-owner@example.com</contactEmail>
    <description>%s: server-to-server callouts from this org to its own REST API.</description>
    <distributionState>Local</distributionState>
    <isProtected>false</isProtected>
    <label>%s</label>
</ExternalClientApplication>
`

const oauthXML = xmlDecl + `<ExtlClntAppOauthSettings` + xmlns + `>
    <commaSeparatedOauthScopes>Api</commaSeparatedOauthScopes>
    <externalClientApplication>%s</externalClientApplication>
    <isFirstPartyAppEnabled>false</isFirstPartyAppEnabled>
    <label>%s_oauth</label>
</ExtlClntAppOauthSettings>
`

const globalXML = xmlDecl + `<ExtlClntAppGlobalOauthSettings` + xmlns + `>
    <callbackUrl>https://%s/services/oauth2/callback</callbackUrl>
    <externalClientApplication>%s</externalClientApplication>
    <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>
    <isCodeCredFlowEnabled>false</isCodeCredFlowEnabled>
    <isConsumerSecretOptional>false</isConsumerSecretOptional>
    <isDeviceFlowEnabled>false</isDeviceFlowEnabled>
    <isIntrospectAllTokens>false</isIntrospectAllTokens>
    <isNamedUserJwtEnabled>false</isNamedUserJwtEnabled>
    <isPkceRequired>true</isPkceRequired>
    <isRefreshTokenRotationEnabled>false</isRefreshTokenRotationEnabled>
    <isSecretRequiredForRefreshToken>true</isSecretRequiredForRefreshToken>
    <isSecretRequiredForTokenExchange>true</isSecretRequiredForTokenExchange>
    <isTokenExchangeEnabled>false</isTokenExchangeEnabled>
    <label>%s_glbloauth</label>
    <shouldRotateConsumerKey>false</shouldRotateConsumerKey>
    <shouldRotateConsumerSecret>false</shouldRotateConsumerSecret>
</ExtlClntAppGlobalOauthSettings>
`

const pluginXML = xmlDecl + `<ExtlClntAppConfigurablePolicies` + xmlns + `>
    <externalClientApplication>%s</externalClientApplication>
    <isEnabled>true</isEnabled>
    <isOauthPluginEnabled>true</isOauthPluginEnabled>
    <label>%s_plcy</label>
    <startPage>None</startPage>
</ExtlClntAppConfigurablePolicies>
`

func policyXML(in integration) string {
	var b strings.Builder
	b.WriteString(xmlDecl + "<ExtlClntAppOauthConfigurablePolicies" + xmlns + ">\n")
	if !in.has(noRunAsUser) {
		fmt.Fprintf(&b, "    <clientCredentialsFlowUser>%s</clientCredentialsFlowUser>\n", in.username())
	}
	fmt.Fprintf(&b, `    <commaSeparatedPermissionSet>%s</commaSeparatedPermissionSet>
    <externalClientApplication>%s</externalClientApplication>
    <ipRelaxationPolicyType>Enforce</ipRelaxationPolicyType>
    <isClientCredentialsFlowEnabled>%t</isClientCredentialsFlowEnabled>
    <isGuestCodeCredFlowEnabled>false</isGuestCodeCredFlowEnabled>
    <isTokenExchangeFlowEnabled>false</isTokenExchangeFlowEnabled>
    <label>%s_oauthPlcy</label>
    <permittedUsersPolicyType>AdminApprovedPreAuthorized</permittedUsersPolicyType>
    <refreshTokenPolicyType>SpecificLifetime</refreshTokenPolicyType>
    <refreshTokenValidityPeriod>1</refreshTokenValidityPeriod>
    <refreshTokenValidityUnit>Days</refreshTokenValidityUnit>
    <requiredSessionLevel>STANDARD</requiredSessionLevel>
</ExtlClntAppOauthConfigurablePolicies>
`, in.runAsUser(), in.name, !in.has(policyFlowOff), in.name)
	return b.String()
}

const credTemplate = xmlDecl + `<ExternalCredential` + xmlns + `>
    <authenticationProtocol>Oauth</authenticationProtocol>
    <externalCredentialParameters>
        <parameterGroup>DefaultGroup</parameterGroup>
        <parameterName>Oauth</parameterName>
        <parameterType>AuthProtocolVariant</parameterType>
        <parameterValue>ClientCredentialsClientSecretBasic</parameterValue>
    </externalCredentialParameters>
    <externalCredentialParameters>
        <parameterGroup>DefaultGroup</parameterGroup>
        <parameterName>AuthProviderUrl</parameterName>
        <parameterType>AuthProviderUrl</parameterType>
        <parameterValue>https://%s/services/oauth2/token</parameterValue>
    </externalCredentialParameters>
    <externalCredentialParameters>
        <parameterGroup>Integration</parameterGroup>
        <parameterName>Integration</parameterName>
        <parameterType>NamedPrincipal</parameterType>
        <sequenceNumber>1</sequenceNumber>
    </externalCredentialParameters>
    <label>%s</label>
</ExternalCredential>
`

func credXML(in integration) string {
	host := myDomain
	if in.has(loginTokenURL) {
		host = "login.salesforce.com"
	}
	return fmt.Sprintf(credTemplate, host, label(in.cred()))
}

const namedCredTemplate = xmlDecl + `<NamedCredential` + xmlns + `>
    <allowMergeFieldsInBody>false</allowMergeFieldsInBody>
    <allowMergeFieldsInHeader>false</allowMergeFieldsInHeader>
    <calloutStatus>Enabled</calloutStatus>
    <generateAuthorizationHeader>true</generateAuthorizationHeader>
    <label>%s</label>
    <namedCredentialParameters>
        <parameterName>Url</parameterName>
        <parameterType>Url</parameterType>
        <parameterValue>https://%s</parameterValue>
    </namedCredentialParameters>
    <namedCredentialParameters>
        <externalCredential>%s</externalCredential>
        <parameterName>ExternalCredential</parameterName>
        <parameterType>Authentication</parameterType>
    </namedCredentialParameters>
    <namedCredentialType>SecuredEndpoint</namedCredentialType>
</NamedCredential>
`

func namedCredXML(in integration) string {
	cred := in.cred()
	if in.has(credentialCase) {
		cred = strings.ToLower(cred)
	}
	return fmt.Sprintf(namedCredTemplate, label(in.name), myDomain, cred)
}
