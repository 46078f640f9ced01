# METADATA
# title: Client credentials app grants the Full scope
# description: |
#   The OAuth settings (.ecaOauth) of an External Client App that uses the
#   client credentials flow grant Full in commaSeparatedOauthScopes. Full
#   includes every other scope (API, web sessions, Visualforce, Chatter,
#   ...); a server-to-server integration needs Api and perhaps a few others.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthsettings.htm
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_tokens_scopes.htm&type=5
# custom:
#   id: eca/scope-full
#   severity: warning
#   why: |
#     A client credentials token is obtained with the consumer key and secret
#     alone, with no user present, and runs as the Run As user. With Full, a
#     leaked secret opens everything that user can do, through every channel
#     (including browser sessions via frontdoor), not just the API calls the
#     integration makes.
#   symptom: |
#     Nothing fails; the integration simply holds more access than it uses,
#     and a leaked secret is worth more.
#   fix: |
#     Replace Full with Api, and add only the scopes the integration really
#     uses (for example CDPIngest for Data Cloud ingestion).
#   before: |
#     <commaSeparatedOauthScopes>Full</commaSeparatedOauthScopes>
#   after: |
#     <commaSeparatedOauthScopes>Api</commaSeparatedOauthScopes>
#   assumptions: |
#     Only apps that use the client credentials flow are checked: an app for
#     user-delegated flows acts within the consenting user's access, and some
#     vendors document Full as required for their connector. Scopes are
#     compared without regard to case.
package sflint.rules.eca.scope_full

import data.sflint.lib
import data.sflint.lib.eca

report contains lib.finding(c, c.commaSeparatedOauthScopes, msg, fix) if {
	some name in eca.names
	eca.client_credentials(name)
	some c in eca.oauth_settings(name)
	some s in split(c.commaSeparatedOauthScopes.value, ",")
	lower(trim_space(s)) == "full"
	msg := sprintf("client credentials app %q grants Full; grant Api and only what else it uses", [name])
	fix := "replace Full with Api (plus only the scopes the integration uses)"
}
