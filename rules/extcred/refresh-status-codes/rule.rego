# METADATA
# title: Client credentials External Credential does not refresh on 403
# description: |
#   An External Credential that uses an OAuth client credentials variant
#   (ClientCredentialsClientSecret, ClientCredentialsClientSecretBasic or
#   ClientCredentialsJwtAssertion) can list more HTTP status codes that make
#   Salesforce fetch a new access token, in AdditionalRefreshStatusCode
#   parameters. For credentials whose token URL is another identity
#   provider's (not a Salesforce org's), this rule suggests adding 403 when no
#   such parameter names it.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalcredential.htm
# custom:
#   id: extcred/refresh-status-codes
#   severity: info
#   why: |
#     Salesforce fetches a new access token when a callout answers 401; the
#     Metadata API guide describes AdditionalRefreshStatusCode as the 4xx,
#     6xx, 7xx, 8xx and 9xx codes that trigger a refresh in addition to 401.
#     Many APIs and API gateways answer 403 to a token that has expired, been
#     revoked, or was issued before the client's permissions changed. Without
#     403 in the list, the stale token keeps being sent.
#   symptom: |
#     Callouts keep failing with HTTP 403 until the cached token expires on
#     its own, even after the client has been fixed at the identity provider.
#   fix: |
#     Add an AdditionalRefreshStatusCode parameter for 403.
#   before: |
#     <externalCredentialParameters>
#         <parameterGroup>DefaultGroup</parameterGroup>
#         <parameterName>AuthProviderUrl</parameterName>
#         <parameterType>AuthProviderUrl</parameterType>
#         <parameterValue>https://auth.example.com/oauth2/token</parameterValue>
#     </externalCredentialParameters>
#   after: |
#     <externalCredentialParameters>
#         <parameterGroup>DefaultGroup</parameterGroup>
#         <parameterName>AuthProviderUrl</parameterName>
#         <parameterType>AuthProviderUrl</parameterType>
#         <parameterValue>https://auth.example.com/oauth2/token</parameterValue>
#     </externalCredentialParameters>
#     <externalCredentialParameters>
#         <parameterGroup>DefaultGroup</parameterGroup>
#         <parameterName>403</parameterName>
#         <parameterType>AdditionalRefreshStatusCode</parameterType>
#         <parameterValue>403</parameterValue>
#     </externalCredentialParameters>
#   assumptions: |
#     How AdditionalRefreshStatusCode parameters are written is not confirmed:
#     no real file uses one, and the documentation does not say whether the
#     code goes in parameterName or parameterValue, or whether one parameter
#     may list several codes. Any AdditionalRefreshStatusCode parameter whose
#     parameterName or parameterValue contains 403 is accepted. Credentials
#     that get their token from a Salesforce org (a host under a Salesforce
#     domain, or a path under /services/oauth2/) are not reported: Salesforce's
#     APIs answer 401 to an expired or revoked token, and use 403 for errors
#     a new token does not cure (REQUEST_LIMIT_EXCEEDED, INSUFFICIENT_ACCESS),
#     so refreshing on 403 would only add token requests. Token URLs that are
#     missing, not absolute or hold placeholders are not judged.
package sflint.rules.extcred.refresh_status_codes

import data.sflint.lib
import data.sflint.lib.url

client_credentials := {
	"ClientCredentialsClientSecret",
	"ClientCredentialsClientSecretBasic",
	"ClientCredentialsJwtAssertion",
}

report contains lib.finding(ec, ec, msg, fix) if {
	some ec in input.externalCredentials
	params := object.get(ec, "externalCredentialParameters", [])
	some variant in lib.params(params, "AuthProtocolVariant")
	variant.parameterValue.value in client_credentials
	some token in lib.params(params, "AuthProviderUrl")
	other_provider(token.parameterValue.value)
	not refreshes_on_403(params)
	msg := sprintf("%q refreshes its token only on 401; add an AdditionalRefreshStatusCode for 403", [ec.name])
	fix := "add an externalCredentialParameters entry of type AdditionalRefreshStatusCode for 403"
}

# other_provider holds for absolute token URLs that are not a Salesforce org's.
other_provider(u) if {
	not lib.placeholder(u)
	parts := url.parts(u)
	not url.salesforce(parts.host)
	not startswith(lower(parts.path), "/services/oauth2/")
}

refreshes_on_403(params) if {
	some p in lib.params(params, "AdditionalRefreshStatusCode")
	some field in ["parameterName", "parameterValue"]
	contains(p[field].value, "403")
}
