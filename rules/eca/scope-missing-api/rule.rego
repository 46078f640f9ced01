# METADATA
# title: Client credentials app grants neither the Api nor the Full scope
# description: |
#   The OAuth settings (.ecaOauth) of an External Client App that uses the
#   client credentials flow list its scopes in commaSeparatedOauthScopes.
#   Without Api (or Full, which includes it) the tokens the app issues cannot
#   call Salesforce's REST or SOAP API, which is what a client credentials
#   integration is for. Apps whose .ecaOauth is not in the project are not
#   checked: their scopes are unknown.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthsettings.htm
#   - ref: https://help.salesforce.com/s/articleView?id=005226515&type=1
# custom:
#   id: eca/scope-missing-api
#   severity: error
#   why: |
#     A token carries only the scopes of its app. The client credentials flow
#     exists to call the API as the Run As user; a token without the api scope
#     is refused by the API.
#   symptom: |
#     The token request succeeds, but every API call made with the token (and
#     every callout through the Named Credential, Apex REST included) fails
#     with 401 "This session is not valid for use with the REST API".
#   fix: |
#     Add Api to commaSeparatedOauthScopes, together with only the other
#     scopes the integration uses.
#   before: |
#     <commaSeparatedOauthScopes>Web</commaSeparatedOauthScopes>
#   after: |
#     <commaSeparatedOauthScopes>Api</commaSeparatedOauthScopes>
#   assumptions: |
#     The app's scopes are the union of the scopes of all its .ecaOauth files.
#     When the app has no .ecaOauth in the project (Package-Visualizer's
#     same-org app commits none) nothing is reported. Scopes are compared
#     without regard to case (project/invalid-value reports a wrong case). A
#     scope list holding a deploy-time token (${VAR}) is not judged. The
#     symptom is documented by Salesforce knowledge article 005226515 for
#     connected apps and assumed to hold for External Client Apps. An app that
#     only calls APIs with scopes of their own (Data Cloud, MCP) is reported
#     too and needs a suppression with a reason.
package sflint.rules.eca.scope_missing_api

import data.sflint.lib
import data.sflint.lib.eca

report contains lib.finding(c, node, msg, fix) if {
	some name in eca.names
	eca.client_credentials(name)
	settings := eca.oauth_settings(name)
	count(settings) > 0
	not deferred(settings)
	not api({lower(s) | some s in eca.scopes(name)})
	some c in settings
	node := object.get(c, "commaSeparatedOauthScopes", c)
	msg := sprintf("client credentials app %q grants neither Api nor Full; API calls will be refused", [name])
	fix := "add Api to commaSeparatedOauthScopes"
}

api(scopes) if "api" in scopes

api(scopes) if "full" in scopes

# deferred holds when a scope list is replaced at deploy time.
deferred(settings) if {
	some c in settings
	lib.placeholder(object.get(c, ["commaSeparatedOauthScopes", "value"], ""))
}
