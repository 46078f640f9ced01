# METADATA
# title: Consumer secret made optional where it protects the app
# description: |
#   isConsumerSecretOptional true in the global OAuth settings (.ecaGlblOauth)
#   lets the web server flow exchange an authorization code for tokens
#   without the consumer secret. This rule reports it on apps that use the
#   client credentials flow (a confidential, server-side client that always
#   holds its secret) and on apps that also turn PKCE off
#   (isPkceRequired false), where nothing else binds the code to the client.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
# custom:
#   id: eca/secret-optional
#   severity: warning
#   why: |
#     The web server flow is available on every OAuth-enabled app. With the
#     secret optional, an intercepted or phished authorization code can be
#     redeemed by anyone who knows the consumer key, which is not secret
#     (retrieved files carry it). A client credentials app has a secret by
#     definition and has no reason to waive it; a public client (a desktop or
#     MCP client) must at least require PKCE.
#   symptom: |
#     Nothing fails; authorization codes for the app can be redeemed without
#     the secret.
#   fix: |
#     Set isConsumerSecretOptional to false. For a public client that cannot
#     keep a secret, keep it optional but set isPkceRequired to true, and do
#     not enable client credentials on the same app.
#   before: |
#     <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>
#     <isConsumerSecretOptional>true</isConsumerSecretOptional>
#   after: |
#     <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>
#     <isConsumerSecretOptional>false</isConsumerSecretOptional>
#   assumptions: |
#     An optional secret with PKCE required on an app without client
#     credentials is a public client following OAuth 2.1 (native apps, MCP
#     clients) and is not reported. isPkceRequired is taken as true when
#     absent (the documented default); PKCE counts as off when any
#     .ecaGlblOauth of the app sets it to false.
package sflint.rules.eca.secret_optional

import data.sflint.lib
import data.sflint.lib.eca

report contains lib.finding(c, c.isConsumerSecretOptional, msg, fix) if {
	some c in input.globalOauthSettings
	lib.is_true(c.isConsumerSecretOptional)
	name := c.links.app.name
	reason := exposure(name)
	msg := sprintf("secret is optional for %q, %s; require it", [name, reason])
	fix := "set isConsumerSecretOptional to false"
}

exposure(name) := "a client credentials app that always holds its secret" if {
	eca.client_credentials(name)
} else := "and PKCE is off: codes can be redeemed with the key alone" if {
	some g in eca.global_settings(name)
	g.isPkceRequired.value == "false"
}
