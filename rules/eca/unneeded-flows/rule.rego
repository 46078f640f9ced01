# METADATA
# title: Client credentials app also turns on flows it does not need
# description: |
#   An External Client App that uses the client credentials flow also turns
#   on another OAuth flow: the device flow (isDeviceFlowEnabled), token
#   exchange (isTokenExchangeEnabled in the .ecaGlblOauth,
#   isTokenExchangeFlowEnabled in the .ecaOauthPlcy), JWT-based access tokens
#   for named users (isNamedUserJwtEnabled), the Authorization Code and
#   Credentials flow (isCodeCredFlowEnabled) or the JWT bearer flow (a
#   certificate in the global OAuth settings). Each switch that is on is
#   reported where it is turned on.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm
# custom:
#   id: eca/unneeded-flows
#   severity: warning
#   why: |
#     A client credentials app runs as a powerful integration user. Every
#     other flow it allows is another way to obtain a token for the same app,
#     with its own secrets, certificates and users to protect; a flow nobody
#     uses is attack surface nobody watches.
#   symptom: |
#     Nothing fails: the extra flow silently works, for example a device code
#     or a JWT signed with the app's certificate yields a token for the app.
#   fix: |
#     Set the switch to false (or remove the certificate) unless the app
#     really serves that flow; give another integration its own app.
#   before: |
#     <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>
#     <isDeviceFlowEnabled>true</isDeviceFlowEnabled>
#   after: |
#     <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>
#     <isDeviceFlowEnabled>false</isDeviceFlowEnabled>
#   assumptions: |
#     A certificate counts as the JWT bearer flow whatever its value, including
#     a deploy-time token such as ${CERT}: the docs say a certificate enables
#     the flow. isGuestCodeCredFlowEnabled (policies) is not checked: its
#     meaning is not documented. A flow the app does use is still reported;
#     suppress the finding with the reason.
package sflint.rules.eca.unneeded_flows

import data.sflint.lib
import data.sflint.lib.eca

# global_switches are the flow switches of the global OAuth settings, with a
# short name for messages.
global_switches := {
	"isDeviceFlowEnabled": "device flow",
	"isTokenExchangeEnabled": "token exchange",
	"isNamedUserJwtEnabled": "named-user JWT",
	"isCodeCredFlowEnabled": "code-and-credentials flow",
}

policy_switches := {"isTokenExchangeFlowEnabled": "token exchange"}

# flows lists the flows other than client credentials that an app turns on,
# each as [file, element name, short name]. Other rules use it to tell an app
# that only uses client credentials.
flows(name) := {f | some f in switched(name)} | {f | some f in certified(name)}

switched(name) := [[c, el, label] |
	some [list, switches] in [
		[eca.global_settings(name), global_switches],
		[eca.oauth_policies(name), policy_switches],
	]
	some c in list
	some el, label in switches
	lib.is_true(c[el])
]

certified(name) := [[c, "certificate", "JWT bearer flow"] |
	some c in eca.global_settings(name)
	lib.has_text(c, "certificate")
]

report contains lib.finding(c, c[el], msg, fix(el)) if {
	some name in eca.names
	eca.client_credentials(name)
	some [c, el, label] in flows(name)
	msg := sprintf("%s is also on in client credentials app %q; turn it off if unused", [label, name])
}

fix(el) := "remove the certificate unless the JWT bearer flow is used" if {
	el == "certificate"
} else := sprintf("set %s to false unless the app serves that flow", [el])
