# METADATA
# title: Refresh token scope on an app that only uses client credentials
# description: |
#   The OAuth settings (.ecaOauth) of an External Client App grant
#   RefreshToken or OfflineAccess, but the app only uses the client
#   credentials flow, which never issues a refresh token. "Only uses client
#   credentials" means: isClientCredentialsFlowEnabled is on, no other flow
#   switch is on (see eca/unneeded-flows), and no callback URL shows a browser
#   flow in use (an Auth Provider or External Auth Identity Provider callback,
#   or a redirect to a host outside Salesforce).
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthsettings.htm
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_tokens_scopes.htm&type=5
# custom:
#   id: eca/scope-refresh-token
#   severity: info
#   why: |
#     The client credentials grant returns an access token only; when it
#     expires the client simply asks again with its key and secret. A refresh
#     token scope on such an app is unused, and if another flow is later
#     enabled it silently hands out long-lived refresh tokens.
#   symptom: |
#     Nothing fails; the scope is dead configuration that widens what the app
#     may be granted.
#   fix: |
#     Remove RefreshToken and OfflineAccess from commaSeparatedOauthScopes.
#   before: |
#     <commaSeparatedOauthScopes>Api, RefreshToken</commaSeparatedOauthScopes>
#   after: |
#     <commaSeparatedOauthScopes>Api</commaSeparatedOauthScopes>
#   assumptions: |
#     Every app must have a callbackUrl, so a Salesforce OAuth callback
#     (https://<Salesforce host>/services/oauth2/callback, as retrieved apps
#     carry) is not taken as a sign of a browser flow; a callback at
#     /services/authcallback/ or /services/extidp/, on a host outside
#     Salesforce, or with a native-app scheme is. The web server flow needs no
#     switch, so an app used by it with only Salesforce callbacks is reported
#     and needs a suppression with a reason.
package sflint.rules.eca.scope_refresh_token

import data.sflint.lib
import data.sflint.lib.eca
import data.sflint.lib.url
import data.sflint.rules.eca.unneeded_flows

refresh_scopes := {"refreshtoken", "offlineaccess"}

report contains lib.finding(c, c.commaSeparatedOauthScopes, msg, fix) if {
	some name in eca.names
	only_client_credentials(name)
	some c in eca.oauth_settings(name)
	found := [t |
		some s in split(c.commaSeparatedOauthScopes.value, ",")
		t := trim_space(s)
		lower(t) in refresh_scopes
	]
	count(found) > 0
	msg := sprintf("%s unused: client credentials app %q never gets a refresh token", [concat(", ", found), name])
	fix := sprintf("remove %s from commaSeparatedOauthScopes", [concat(" and ", found)])
}

only_client_credentials(name) if {
	eca.client_credentials(name)
	count(unneeded_flows.flows(name)) == 0
	not browser_callback(name)
}

browser_callback(name) if {
	some c in eca.global_settings(name)
	some line in split(c.callbackUrl.value, "\n")
	redirect(trim_space(line))
}

# redirect holds for callback URLs that a browser flow of this app uses.
redirect(u) if contains(u, "/services/authcallback/")

redirect(u) if contains(u, "/services/extidp/")

redirect(u) if {
	not lib.placeholder(u)
	host := url.host(u)
	not url.salesforce(host)
}

redirect(u) if {
	u != ""
	not lib.placeholder(u)
	not url.parts(u)
}
