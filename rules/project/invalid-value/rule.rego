# METADATA
# title: Element holds a value its type does not allow
# description: |
#   An element whose Metadata API type is an enumeration, a boolean or a
#   number holds something else: authenticationProtocol OAuth (the enum value
#   is Oauth), distributionState Packageable, a Named Credential parameterType
#   AuthHeader, isClientCredentialsFlowEnabled yes. Also checked: an External
#   Credential's AuthProtocolVariant value, and the scope tokens in an
#   External Client App's commaSeparatedOauthScopes.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalcredential.htm
# custom:
#   id: project/invalid-value
#   severity: error
#   why: |
#     Deploy parses each value against the Metadata API's types and refuses
#     the whole file when one does not fit, and enum values are case-sensitive.
#   symptom: |
#     sf project deploy start fails with "Error parsing file: 'OAuth' is not a
#     valid value for the enum 'AuthenticationProtocol'".
#   fix: |
#     Use one of the values sflint lists, spelt exactly.
#   before: |
#     <authenticationProtocol>OAuth</authenticationProtocol>
#   after: |
#     <authenticationProtocol>Oauth</authenticationProtocol>
#   assumptions: |
#     Enumerations come from the Metadata API WSDL v66. ipRelaxationPolicyType
#     and refreshTokenValidityUnit are strings in the WSDL; their values are
#     taken from the Metadata API Developer Guide. AuthProtocolVariant values
#     are those of the Connect REST API's CredentialAuthenticationProtocolVariant.
#     Scope tokens are the Developer Guide's list for ExtlClntAppOauthSettings.
#     Values replaced at deploy time (${VAR}, @VAR) are not judged.
package sflint.rules.project.invalid_value

import data.sflint.lib

records := [r |
	some list in [
		input.externalClientApps, input.oauthSettings, input.globalOauthSettings, input.oauthPolicies,
		input.policies, input.externalCredentials, input.namedCredentials, input.permissionSets,
		input.profiles, input.connectedApps, input.corsOrigins, input.cspTrustedSites,
		input.remoteSiteSettings,
	]
	some r in list
]

report contains lib.finding(r, v, msg, fix) if {
	some r in records
	some v in r.invalidValues
	msg := sprintf("<%s> %q is not a valid value", [v.path, v.value])
	fix := sprintf("use %s", [expected(v.expected)])
}

expected(values) := concat(", ", values) if count(values) <= 6

expected(values) := sprintf("one of the %d values in sflint explain project/invalid-value", [count(values)]) if {
	count(values) > 6
}

variants := {
	"AwsSv4_STS", "ClientCredentialsClientSecret", "ClientCredentialsClientSecretBasic",
	"ClientCredentialsJwtAssertion", "JwtBearer", "NoAuthentication", "RolesAnywhere",
}

report contains lib.finding(ec, node, msg, fix) if {
	some ec in input.externalCredentials
	some p in lib.params(ec.externalCredentialParameters, "AuthProtocolVariant")
	node := p.parameterValue
	not node.value in variants
	not lib.placeholder(node.value)
	msg := sprintf("AuthProtocolVariant %q is not a protocol variant", [node.value])
	fix := "use ClientCredentialsClientSecretBasic for client credentials, or another documented variant"
}

scope_tokens := {
	"Basic", "Api", "Web", "Full", "Chatter", "CustomApplications", "RefreshToken", "OpenID", "Profile",
	"Email", "Address", "Phone", "OfflineAccess", "CustomPermissions", "Wave", "Eclair", "Pardot",
	"Lightning", "Content", "CDPIngest", "CDPProfile", "CDPQuery", "Chatbot", "CDPSegment",
	"CDPIdentityResolution", "CDPCalculatedInsight", "SFApiPlatform", "Interaction", "EinsteinGPT",
	"PwdlessLogin", "ForgotPassword", "UserRegistration", "MCP", "SCRT",
}

folded_tokens := {lower(t): t | some t in scope_tokens}

report contains lib.finding(s, node, msg, fix) if {
	some s in input.oauthSettings
	node := s.commaSeparatedOauthScopes
	some raw in split(node.value, ",")
	token := trim_space(raw)
	token != ""
	not token in scope_tokens
	msg := sprintf("%q is not an OAuth scope of External Client Apps", [token])
	fix := scope_fix(token)
}

scope_fix(token) := sprintf("write %s", [folded_tokens[lower(token)]]) if {
	folded_tokens[lower(token)]
} else := "use the Metadata scope names: Api, RefreshToken, Full, Web, ..."
