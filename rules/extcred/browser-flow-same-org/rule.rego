# METADATA
# title: Same-org Named Credential backed by an OAuth browser flow
# description: |
#   A Named Credential whose Url is a Salesforce host (the org's My Domain,
#   usually) calls the org's own APIs. This rule reports the External
#   Credential behind it when it gets its token through an OAuth browser
#   flow, that is from an AuthProvider or an ExternalAuthIdentityProvider
#   parameter with no AuthProtocolVariant parameter, and has only named
#   principals: a server-to-server callout needs the client credentials flow.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalcredential.htm
#   - ref: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_client_credentials_flow.htm
# custom:
#   id: extcred/browser-flow-same-org
#   severity: warning
#   why: |
#     A browser flow (authorization code through an Auth Provider) needs a
#     person to log in and approve the app, in every org the credential is
#     deployed to, and the named principal then acts as that person. The
#     callouts stop when that user's refresh token expires or is revoked, or
#     when the user is frozen or deactivated. The client credentials flow of
#     an External Client App gets its token with no login, as the app's Run
#     As user.
#   symptom: |
#     After a deployment callouts fail until an admin authenticates the
#     principal in Setup; later they fail again, with no code change, when
#     that admin's refresh token or user goes away.
#   fix: |
#     Give the External Credential an AuthProtocolVariant parameter
#     (ClientCredentialsClientSecretBasic) and an AuthProviderUrl parameter
#     (https://<My Domain>/services/oauth2/token) in place of the AuthProvider
#     parameter, and store the External Client App's consumer key and secret
#     on the principal.
#   before: |
#     <externalCredentialParameters>
#         <authProvider>Loopback_Provider</authProvider>
#         <parameterGroup>DefaultGroup</parameterGroup>
#         <parameterName>AuthProvider</parameterName>
#         <parameterType>AuthProvider</parameterType>
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
#     A Named Credential is same-org when its Url parameter's host is under a
#     Salesforce domain (salesforce.com, force.com, site.com, salesforce.mil,
#     sfcrmproducts.cn); a Url made of a deploy-time value (${VAR}, @VAR) is
#     not judged, while a template placeholder inside a My Domain host
#     (REPLACE_ME.my.salesforce.com) still counts as a My Domain. A credential
#     with a PerUserPrincipal is skipped: callouts as each user need a flow in
#     which each user logs in. A credential with any AuthProtocolVariant
#     (client credentials, JWT bearer) is not a browser flow. The Auth
#     Provider's and the External Auth Identity Provider's own files are not
#     read: a custom Auth Provider plugin, or an External Auth Identity
#     Provider whose authenticationFlow is ClientCredentials, that gets tokens
#     without a browser is reported all the same.
package sflint.rules.extcred.browser_flow_same_org

import data.sflint.lib
import data.sflint.lib.url

browser := {"AuthProvider", "ExternalAuthIdentityProvider"}

report contains lib.finding(ec, p, msg, fix) if {
	some nc in input.namedCredentials
	not nc.links.legacy
	nc.links.externalCredential.found
	same_org(nc)
	some ec in object.get(lib.external_credentials_named, nc.links.externalCredential.name, [])
	params := object.get(ec, "externalCredentialParameters", [])
	count(lib.params(params, "AuthProtocolVariant")) == 0
	count(lib.params(params, "PerUserPrincipal")) == 0
	some p in params
	p.parameterType.value in browser
	msg := sprintf("same-org Named Credential %q gets its token from a browser flow; use client credentials", [nc.name])
	fix := "replace the AuthProvider with AuthProtocolVariant ClientCredentialsClientSecretBasic and AuthProviderUrl"
}

same_org(nc) if {
	some u in lib.params(object.get(nc, "namedCredentialParameters", []), "Url")
	count(lib.deploy_tokens(u.parameterValue.value)) == 0
	url.salesforce(url.host(u.parameterValue.value))
}
