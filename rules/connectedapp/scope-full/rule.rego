# METADATA
# title: Connected App grants the Full OAuth scope
# description: |
#   A Connected App lists Full among its oauthConfig scopes. Full grants
#   access to everything the user can reach, through every API; an app
#   should list only the scopes it uses (Api, RefreshToken, ...).
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
# custom:
#   id: connectedapp/scope-full
#   severity: warning
#   why: |
#     Full covers all other scopes, so a token of the app can do anything the
#     user can, in every API and in the web UI; whoever obtains a token gets
#     all of it. Narrow scopes limit what a leaked token can do.
#   symptom: |
#     Tokens of the app carry every scope; nothing limits a leaked token to
#     the APIs the integration actually calls.
#   fix: |
#     Replace Full with the scopes the integration uses, usually Api (and
#     RefreshToken for flows that refresh tokens).
#   before: |
#     <scopes>Full</scopes>
#     <scopes>RefreshToken</scopes>
#   after: |
#     <scopes>Api</scopes>
#     <scopes>RefreshToken</scopes>
#   assumptions: |
#     Scope values are compared exactly as the ConnectedAppOauthAccessScope
#     enumeration spells them (Full).
package sflint.rules.connectedapp.scope_full

import data.sflint.lib

report contains lib.finding(app, scope, msg, fix) if {
	some app in input.connectedApps
	some scope in object.get(app.oauthConfig, "scopes", [])
	scope.value == "Full"
	msg := sprintf("%q grants the Full scope; list only the scopes it uses, e.g. Api", [app.name])
	fix := "replace Full with the scopes the integration uses, usually Api"
}
