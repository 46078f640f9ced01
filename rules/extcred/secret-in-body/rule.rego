# METADATA
# title: Client secret sent in the token request body
# description: |
#   The AuthProtocolVariant ClientCredentialsClientSecret makes Salesforce send
#   the client id and secret in the body of the token request.
#   ClientCredentialsClientSecretBasic sends them in an HTTP Basic
#   Authorization header, the method OAuth 2.0 recommends and every
#   authorization server must support. This rule suggests the header variant.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_connectapi_input_credential.htm
#   - ref: https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
# custom:
#   id: extcred/secret-in-body
#   severity: info
#   why: |
#     RFC 6749 (section 2.3.1) requires authorization servers to accept client
#     credentials in the Authorization header and calls sending them in the
#     request body NOT RECOMMENDED: bodies are more often logged, cached or
#     echoed back by proxies and error pages than Authorization headers are.
#   symptom: |
#     Nothing fails; the client secret is exposed to whatever records request
#     bodies between Salesforce and the token endpoint.
#   fix: |
#     Set the AuthProtocolVariant parameterValue to
#     ClientCredentialsClientSecretBasic (in Setup: clear "Pass client
#     credentials in request body").
#   before: |
#     <parameterName>Oauth</parameterName>
#     <parameterType>AuthProtocolVariant</parameterType>
#     <parameterValue>ClientCredentialsClientSecret</parameterValue>
#   after: |
#     <parameterName>Oauth</parameterName>
#     <parameterType>AuthProtocolVariant</parameterType>
#     <parameterValue>ClientCredentialsClientSecretBasic</parameterValue>
#   assumptions: |
#     The token endpoint accepts HTTP Basic client authentication, as RFC 6749
#     requires and Salesforce's token endpoint does. A third-party server that
#     accepts only body credentials needs ClientCredentialsClientSecret.
package sflint.rules.extcred.secret_in_body

import data.sflint.lib

report contains lib.finding(ec, variant.parameterValue, msg, fix) if {
	some ec in input.externalCredentials
	some variant in lib.params(object.get(ec, "externalCredentialParameters", []), "AuthProtocolVariant")
	variant.parameterValue.value == "ClientCredentialsClientSecret"
	msg := "ClientCredentialsClientSecret puts the client secret in the request body; prefer the header"
	fix := "use ClientCredentialsClientSecretBasic, which sends the secret in the Authorization header"
}
