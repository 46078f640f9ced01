# METADATA
# title: Connected App enables client credentials without a Run As user
# description: |
#   A Connected App's oauthConfig turns the client credentials flow on with
#   isClientCredentialEnabled but names no execution user in
#   oauthClientCredentialUser.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
# custom:
#   id: connectedapp/missing-run-as-user
#   severity: error
#   why: |
#     A client credentials token is issued on behalf of the Run As user; with
#     no user there is nobody to run as, so no token is ever issued.
#   symptom: |
#     The token request answers {"error":"invalid_grant",
#     "error_description":"no client credentials user enabled"}.
#   fix: |
#     Set oauthClientCredentialUser to the username of an integration user
#     with API access (API Only is recommended).
#   before: |
#     <oauthConfig>
#         <isClientCredentialEnabled>true</isClientCredentialEnabled>
#     </oauthConfig>
#   after: |
#     <oauthConfig>
#         <isClientCredentialEnabled>true</isClientCredentialEnabled>
#         <oauthClientCredentialUser>integration@example.com</oauthClientCredentialUser>
#     </oauthConfig>
#   assumptions: |
#     A username held in a deploy-time replacement (${VAR}, @VAR) counts as
#     set.
package sflint.rules.connectedapp.missing_run_as_user

import data.sflint.lib

report contains lib.finding(app, cfg.isClientCredentialEnabled, msg, fix) if {
	some app in input.connectedApps
	cfg := app.oauthConfig
	lib.is_true(cfg.isClientCredentialEnabled)
	not lib.has_text(cfg, "oauthClientCredentialUser")
	msg := sprintf("client credentials flow is on but oauthClientCredentialUser is not set for %q", [app.name])
	fix := "set oauthClientCredentialUser to the integration user's username"
}
