# METADATA
# title: Client credentials flow enabled without a Run As user
# description: |
#   The OAuth policies of an External Client App (.ecaOauthPlcy) turn the
#   client credentials flow on with isClientCredentialsFlowEnabled but name no
#   execution user in clientCredentialsFlowUser.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm
# custom:
#   id: eca/missing-run-as-user
#   severity: error
#   options:
#     run_as_pattern:
#       type: regex
#       default: ""
#       description: a pattern every Run As username must match, e.g. \.integration@acme\.com$
#   why: |
#     A client credentials token is issued on behalf of the Run As user; with
#     no user there is nobody to run as, so no token is ever issued.
#   symptom: |
#     The token request answers {"error":"invalid_grant",
#     "error_description":"no client credentials user enabled"}.
#   fix: |
#     Set clientCredentialsFlowUser to the username of an integration user
#     with API access (API Only is recommended).
#   before: |
#     <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>
#   after: |
#     <clientCredentialsFlowUser>integration@example.com</clientCredentialsFlowUser>
#     <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>
#   assumptions: |
#     A username held in a deploy-time replacement (${VAR}) counts as set.
package sflint.rules.eca.missing_run_as_user

import data.sflint.lib

report contains lib.finding(p, p.isClientCredentialsFlowEnabled, msg, fix) if {
	some p in input.oauthPolicies
	lib.is_true(p.isClientCredentialsFlowEnabled)
	not lib.has_text(p, "clientCredentialsFlowUser")
	msg := sprintf("client credentials flow is on but clientCredentialsFlowUser is not set for %q", [p.links.app.name])
	fix := "set clientCredentialsFlowUser to the integration user's username"
}

run_as_pattern := object.get(input, ["options", "eca/missing-run-as-user", "run_as_pattern"], "")

# A Run As user the configuration's naming pattern does not allow.
report contains lib.finding(p, p.clientCredentialsFlowUser, msg, fix) if {
	run_as_pattern != ""
	some p in input.oauthPolicies
	user := p.clientCredentialsFlowUser.value
	user != ""
	not lib.placeholder(user)
	not regex.match(run_as_pattern, user)
	msg := sprintf("Run As user %q does not match run_as_pattern %q", [user, run_as_pattern])
	fix := "run the app as a dedicated integration user whose username matches the pattern"
}
