# METADATA
# title: Legacy Named Credential
# description: |
#   A legacy Named Credential (no namedCredentialType, or Legacy) keeps its
#   URL, protocol, principal and secrets on itself: endpoint, protocol,
#   principalType, username, password, authProvider, oauthScope, .... These
#   fields were deprecated in API 56.0 in favour of a Named Credential
#   (namedCredentialType SecuredEndpoint) backed by an External Credential.
#   This rule reports legacy Named Credentials.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_namedcredential.htm
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalcredential.htm
# custom:
#   id: namedcred/legacy
#   severity: warning
#   why: |
#     The legacy fields are "valid only when NamedCredentialType is set to
#     Legacy" and deprecated since API 56.0. Legacy Named Credentials cannot
#     use External Credentials, so they get none of what comes with them:
#     principal access through permission sets, the client credentials and
#     JWT flows of External Client Apps, packaging of the callout definition
#     without its secrets.
#   symptom: |
#     Nothing fails today; new authentication options and fixes land only on
#     External Credentials, and access to the credential cannot be granted
#     through permission sets.
#   fix: |
#     Create an External Credential for the protocol and principal, and make
#     the Named Credential a SecuredEndpoint whose Authentication parameter
#     names it; move the URL into a Url parameter.
#   before: |
#     <NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">
#         <endpoint>https://api.example.com</endpoint>
#         <label>Api</label>
#         <principalType>NamedUser</principalType>
#         <protocol>Password</protocol>
#         <username>integration</username>
#     </NamedCredential>
#   after: |
#     <NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">
#         <label>Api</label>
#         <namedCredentialParameters>
#             <parameterName>Url</parameterName>
#             <parameterType>Url</parameterType>
#             <parameterValue>https://api.example.com</parameterValue>
#         </namedCredentialParameters>
#         <namedCredentialParameters>
#             <externalCredential>Api_Auth</externalCredential>
#             <parameterName>ExternalCredential</parameterName>
#             <parameterType>Authentication</parameterType>
#         </namedCredentialParameters>
#         <namedCredentialType>SecuredEndpoint</namedCredentialType>
#     </NamedCredential>
#   assumptions: |
#     A Named Credential with no namedCredentialType is legacy only when it
#     has at least one of endpoint, principalType or protocol; one with
#     namedCredentialType Legacy is always reported. The finding is placed on
#     namedCredentialType when it says Legacy, otherwise on the root element.
package sflint.rules.namedcred.legacy

import data.sflint.lib

legacy_fields := ["endpoint", "principalType", "protocol"]

report contains lib.finding(nc, node, msg, fix) if {
	some nc in input.namedCredentials
	node := location(nc)
	msg := sprintf("%q is a legacy Named Credential, deprecated since API 56.0", [nc.name])
	fix := "move its authentication to an External Credential and make it a SecuredEndpoint"
}

location(nc) := nc.namedCredentialType if {
	nc.namedCredentialType.value == "Legacy"
} else := nc if {
	not nc.namedCredentialType
	some field in legacy_fields
	nc[field]
}
