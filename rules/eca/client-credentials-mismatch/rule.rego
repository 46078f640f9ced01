# METADATA
# title: Client credentials flow enabled on only one side of the app
# description: |
#   An External Client App has two client credentials switches, and both must
#   be on: isClientCredentialsFlowEnabled in the global OAuth settings
#   (.ecaGlblOauth, the developer side) and in the OAuth policies
#   (.ecaOauthPlcy, the admin side). This rule reports an app where one is on
#   and the other file is in the project with the switch off or absent, at
#   that file. When the other file is not in the project at all,
#   eca/orphan-settings reports it.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm
# custom:
#   id: eca/client-credentials-mismatch
#   severity: error
#   why: |
#     Enabling the flow in the settings only makes it available; the policy
#     decides whether tokens are issued. With one switch off the app deploys
#     but never issues a client credentials token.
#   symptom: |
#     The token request fails with "invalid_grant" / "no client credentials
#     user enabled" or "unsupported_grant_type" although the Run As user is set.
#   fix: |
#     Set isClientCredentialsFlowEnabled to true in both the .ecaGlblOauth and
#     the .ecaOauthPlcy file of the app.
#   before: |
#     <!-- Loopback_glbloauth.ecaGlblOauth-meta.xml -->
#     <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>
#     <!-- Loopback_oauthPlcy.ecaOauthPlcy-meta.xml -->
#     <isClientCredentialsFlowEnabled>false</isClientCredentialsFlowEnabled>
#   after: |
#     <!-- both files -->
#     <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>
#   assumptions: |
#     Files are matched to their app through externalClientApplication, not
#     through file or folder names. When an app has several files of one kind,
#     the switch counts as on if any of them turns it on.
package sflint.rules.eca.client_credentials_mismatch

import data.sflint.lib

global_files := "global OAuth settings (.ecaGlblOauth)"

policy_files := "OAuth policies (.ecaOauthPlcy)"

apps contains c.links.app.name if some c in input.globalOauthSettings

apps contains c.links.app.name if some c in input.oauthPolicies

on(list, app) if {
	some c in list
	c.links.app.name == app
	lib.is_true(c.isClientCredentialsFlowEnabled)
}

# One side is on; the other file exists with the switch off or absent.
report contains finding if {
	some app in apps
	some [on_list, off_list, off_name] in sides
	on(on_list, app)
	not on(off_list, app)
	some c in off_list
	c.links.app.name == app
	node := object.get(c, "isClientCredentialsFlowEnabled", c)
	msg := sprintf("client credentials flow is on in the %s of %q but not here", [other(off_name), app])
	finding := lib.finding(c, node, msg, "set isClientCredentialsFlowEnabled to true here as well")
}

sides := [
	[input.globalOauthSettings, input.oauthPolicies, policy_files],
	[input.oauthPolicies, input.globalOauthSettings, global_files],
]

other(name) := global_files if name == policy_files

other(name) := policy_files if name == global_files
