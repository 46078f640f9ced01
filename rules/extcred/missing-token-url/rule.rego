# METADATA
# title: Client credentials External Credential without a token URL
# description: |
#   An External Credential whose AuthProtocolVariant parameter selects the
#   OAuth client credentials flow (ClientCredentialsClientSecret,
#   ClientCredentialsClientSecretBasic or ClientCredentialsJwtAssertion) must
#   say where to ask for the token: an AuthProviderUrl parameter with a
#   parameterValue. This rule reports the variant when there is no
#   AuthProviderUrl parameter, or when the only ones have no parameterValue.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalcredential.htm
# custom:
#   id: extcred/missing-token-url
#   severity: error
#   why: |
#     In the client credentials flow Salesforce posts the client id and secret
#     to the token endpoint named by AuthProviderUrl (the "Identity Provider
#     URL" in Setup). Without it there is no endpoint to post to, so the
#     credential never holds an access token.
#   symptom: |
#     Every callout through a Named Credential that uses this External
#     Credential fails before it is sent, because no access token can be
#     obtained.
#   fix: |
#     Add an AuthProviderUrl parameter whose parameterValue is the token
#     endpoint, for a Salesforce org https://<My Domain>/services/oauth2/token.
#   before: |
#     <externalCredentialParameters>
#         <parameterGroup>DefaultGroup</parameterGroup>
#         <parameterName>Oauth</parameterName>
#         <parameterType>AuthProtocolVariant</parameterType>
#         <parameterValue>ClientCredentialsClientSecretBasic</parameterValue>
#     </externalCredentialParameters>
#   after: |
#     <externalCredentialParameters>
#         <parameterGroup>DefaultGroup</parameterGroup>
#         <parameterName>Oauth</parameterName>
#         <parameterType>AuthProtocolVariant</parameterType>
#         <parameterValue>ClientCredentialsClientSecretBasic</parameterValue>
#     </externalCredentialParameters>
#     <externalCredentialParameters>
#         <parameterGroup>DefaultGroup</parameterGroup>
#         <parameterName>AuthProviderUrl</parameterName>
#         <parameterType>AuthProviderUrl</parameterType>
#         <parameterValue>https://acme.my.salesforce.com/services/oauth2/token</parameterValue>
#     </externalCredentialParameters>
#   assumptions: |
#     A value replaced at deploy time (${VAR}, @VAR) counts as a token URL.
#     An AuthProviderUrl parameter whose parameterValue element is present but
#     empty is also reported by extcred/token-url, at the empty value.
package sflint.rules.extcred.missing_token_url

import data.sflint.lib

client_credentials := {
	"ClientCredentialsClientSecret",
	"ClientCredentialsClientSecretBasic",
	"ClientCredentialsJwtAssertion",
}

report contains lib.finding(ec, variant, msg, fix) if {
	some ec in input.externalCredentials
	params := object.get(ec, "externalCredentialParameters", [])
	some variant in lib.params(params, "AuthProtocolVariant")
	variant.parameterValue.value in client_credentials
	not has_token_url(params)
	msg := sprintf("%s needs an AuthProviderUrl parameter; no token can be requested", [variant.parameterValue.value])
	fix := "add an AuthProviderUrl parameter: https://<your My Domain>.my.salesforce.com/services/oauth2/token"
}

has_token_url(params) if {
	some p in lib.params(params, "AuthProviderUrl")
	p.parameterValue.value != ""
}
