# METADATA
# title: External Credential without a principal
# description: |
#   An External Credential holds its secrets, tokens and user access on its
#   principals: NamedPrincipal or PerUserPrincipal parameters (for AWS
#   Signature Version 4 also AwsStsPrincipal). This rule reports External
#   Credentials that define none, for the authentication protocols that
#   need one: Oauth, Custom, Basic, AwsSv4, Jwt, JwtExchange and Password.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalcredential.htm
# custom:
#   id: extcred/no-principal
#   severity: error
#   why: |
#     Users reach an External Credential only through principal access
#     granted in a permission set, and the client id, secret or token are
#     stored on a principal. With no principal there is nothing to grant and
#     nowhere to keep the credentials, so no user can call out through it.
#   symptom: |
#     Callouts through any Named Credential that uses it fail with "We
#     couldn't access the credential(s). You might not have the required
#     permissions, or the external credential ... might not exist."
#   fix: |
#     Add a NamedPrincipal parameter (one identity shared by every caller) or
#     a PerUserPrincipal parameter (each user authenticates), then grant it in
#     a permission set.
#   before: |
#     <ExternalCredential xmlns="http://soap.sforce.com/2006/04/metadata">
#         <authenticationProtocol>Oauth</authenticationProtocol>
#         <label>Loopback Auth</label>
#     </ExternalCredential>
#   after: |
#     <ExternalCredential xmlns="http://soap.sforce.com/2006/04/metadata">
#         <authenticationProtocol>Oauth</authenticationProtocol>
#         <externalCredentialParameters>
#             <parameterGroup>Integration</parameterGroup>
#             <parameterName>Integration</parameterName>
#             <parameterType>NamedPrincipal</parameterType>
#             <sequenceNumber>1</sequenceNumber>
#         </externalCredentialParameters>
#         <label>Loopback Auth</label>
#     </ExternalCredential>
#   assumptions: |
#     Only the protocols the Metadata API guide documents for use are
#     checked; NoAuthentication is skipped because it has nothing to store,
#     and the WSDL-only protocols (Certificate, NTLM, C2c, ApiKey,
#     InternalOAuth, OrgJwt) are skipped because their needs are not
#     documented. For AwsSv4 an AwsStsPrincipal counts as a principal. The
#     undocumented principal types of the WSDL (GlobalNamedPrincipal,
#     SystemUserPrincipal, TenantPrincipal) count as principals, so that a
#     credential using them is not reported. A Custom credential whose
#     AuthProtocolVariant is NoAuthentication is checked too: every real one
#     seen defines a named principal, which is what permission sets grant.
package sflint.rules.extcred.no_principal

import data.sflint.lib

checked := {"Oauth", "Custom", "Basic", "AwsSv4", "Jwt", "JwtExchange", "Password"}

# principal types that count for every protocol: the documented ones and the
# WSDL-only ones whose meaning is unknown.
principal_types := {
	"NamedPrincipal",
	"PerUserPrincipal",
	"GlobalNamedPrincipal",
	"SystemUserPrincipal",
	"TenantPrincipal",
}

report contains lib.finding(ec, ec, msg, fix) if {
	some ec in input.externalCredentials
	protocol := ec.authenticationProtocol.value
	protocol in checked
	not has_principal(ec, protocol)
	msg := sprintf("%s External Credential %q has no NamedPrincipal or PerUserPrincipal", [protocol, ec.name])
	fix := "add a NamedPrincipal (or PerUserPrincipal) parameter and grant it in a permission set"
}

has_principal(ec, protocol) if {
	some p in object.get(ec, "externalCredentialParameters", [])
	accepted(p.parameterType.value, protocol)
}

accepted(type, _) if type in principal_types

accepted("AwsStsPrincipal", "AwsSv4")
