# METADATA
# title: Run As user is not an integration user
# description: |
#   The user a client credentials flow runs as (clientCredentialsFlowUser of
#   an External Client App's OAuth policies, oauthClientCredentialUser of a
#   Connected App) must be an integration user: a username ending in
#   .integration@acme.com, with a sandbox suffix where there is one.
# custom:
#   id: acme/run-as-user
#   severity: error
#   why: |
#     Integration users hold the Salesforce Integration license, the API Only
#     permission and nothing else; a person's account as Run As user gives
#     every caller that person's access, and breaks when they leave.
#   fix: |
#     Run as the integration user of this integration, e.g.
#     billing.integration@acme.com.
package sflint.rules.acme.run_as_user

import data.sflint.lib

report contains lib.finding(p, p.clientCredentialsFlowUser, message(p.clientCredentialsFlowUser), fix) if {
	some p in input.oauthPolicies
	not integration_user(p.clientCredentialsFlowUser.value)
}

report contains lib.finding(app, user, message(user), fix) if {
	some app in input.connectedApps
	user := app.oauthConfig.oauthClientCredentialUser
	not integration_user(user.value)
}

# integration_user holds for NAME.integration@acme.com, optionally followed
# by a sandbox name (.uat), and for usernames replaced at deploy time.
integration_user(username) if regex.match(`^[a-z0-9._-]+\.integration@acme\.com(\.[a-z0-9]+)?$`, lower(username))

integration_user(username) if lib.placeholder(username)

message(user) := sprintf("Run As user %q is not an integration user (NAME.integration@acme.com)", [user.value])

fix := "run as the integration's own user, e.g. billing.integration@acme.com"
