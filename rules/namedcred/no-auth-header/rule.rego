# METADATA
# title: OAuth Named Credential never sends its token
# description: |
#   A new-style Named Credential backed by an OAuth External Credential
#   (authenticationProtocol Oauth) sends the access token only in the
#   Authorization header that Salesforce generates. This rule reports such
#   a Named Credential with generateAuthorizationHeader false, no HttpHeader
#   parameter named Authorization, and allowMergeFieldsInHeader not true (so
#   Apex cannot add the header either).
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_namedcredential.htm
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_callouts_named_credentials_custom_headers_bodies.htm
# custom:
#   id: namedcred/no-auth-header
#   severity: error
#   why: |
#     Salesforce gets the token from the External Credential, but with
#     generateAuthorizationHeader false it adds no Authorization header, and
#     nothing else puts the token on the request: the callout goes out
#     anonymous.
#   symptom: |
#     Every callout answers 401 (from Salesforce: INVALID_SESSION_ID,
#     "Session expired or invalid"), although the External Credential holds a
#     valid token.
#   fix: |
#     Set generateAuthorizationHeader to true (the default in Setup and in the
#     Apex Developer Guide).
#   before: |
#     <generateAuthorizationHeader>false</generateAuthorizationHeader>
#   after: |
#     <generateAuthorizationHeader>true</generateAuthorizationHeader>
#   assumptions: |
#     A missing generateAuthorizationHeader is taken as true: the Apex
#     Developer Guide says Salesforce generates the header by default, and
#     the Metadata API guide gives no other default. When
#     allowMergeFieldsInHeader is true, Apex may build the header from merge
#     fields; Apex is not read, so such Named Credentials are not reported. An
#     HttpHeader parameter named Authorization (any case) counts as sending
#     the token.
package sflint.rules.namedcred.no_auth_header

import data.sflint.lib

report contains lib.finding(nc, node, msg, fix) if {
	some nc in input.namedCredentials
	not nc.links.legacy
	nc.links.externalCredential.found
	node := nc.generateAuthorizationHeader
	node.value == "false"
	not lib.is_true(object.get(nc, "allowMergeFieldsInHeader", {}))
	not authorization_header(nc)
	some ec in object.get(lib.external_credentials_named, nc.links.externalCredential.name, [])
	ec.authenticationProtocol.value == "Oauth"
	msg := sprintf("generateAuthorizationHeader is false; the OAuth token of %q is never sent", [ec.name])
	fix := "set generateAuthorizationHeader to true"
}

authorization_header(nc) if {
	some p in lib.params(object.get(nc, "namedCredentialParameters", []), "HttpHeader")
	lower(p.parameterName.value) == "authorization"
}
