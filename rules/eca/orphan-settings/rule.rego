# METADATA
# title: App settings or policies without their app, or half a client credentials setup
# description: |
#   Every settings and policies file of an External Client App (.ecaOauth,
#   .ecaGlblOauth, .ecaOauthPlcy, .ecaPlcy) names its app in
#   externalClientApplication. This rule reports a file whose app is not in
#   the project (saying so when only the case differs), and a client
#   credentials app whose flow switch is on in one of its two halves (the
#   global OAuth settings or the OAuth policies) while the project has no
#   file for the other half. A switch that is off in a file that exists is
#   eca/client-credentials-mismatch.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
# custom:
#   id: eca/orphan-settings
#   severity: error
#   why: |
#     Settings and policies are deployed with their app and are matched to it
#     by exact name only. A file that names an app the deployment does not
#     contain fails (or attaches to an unrelated app of the org). The client
#     credentials flow needs its switch on in both halves; a half that is not
#     in the project is whatever the target org happens to have, and off in a
#     fresh org.
#   symptom: |
#     The deployment fails because the named app exists neither in it nor in
#     the org; or everything deploys but client credentials token requests
#     are refused because the flow is off in the half that was not deployed.
#   fix: |
#     Name the app exactly as its .eca file (case included) or add the app's
#     .eca-meta.xml; commit the missing .ecaGlblOauth or .ecaOauthPlcy with
#     isClientCredentialsFlowEnabled set to true.
#   before: |
#     <!-- Loopback_plcy.ecaPlcy-meta.xml; the app is Loopback.eca-meta.xml -->
#     <externalClientApplication>loopback</externalClientApplication>
#   after: |
#     <externalClientApplication>Loopback</externalClientApplication>
#   assumptions: |
#     The project is one deployment unit: an app, or half of a setup, that
#     exists only in the org is reported too. Salesforce's docs say the
#     global OAuth settings "must not be added to source control"; a project
#     that keeps its .ecaGlblOauth out on purpose and enables the developer
#     side by hand should suppress the finding with that reason. Apps whose
#     header says distributionState Packaged are not checked for a missing
#     half: their global settings stay in the source org and their policies
#     belong to each subscriber's admin.
package sflint.rules.eca.orphan_settings

import data.sflint.lib
import data.sflint.lib.eca

kinds := {
	"ExtlClntAppOauthSettings": "OAuth settings",
	"ExtlClntAppGlobalOauthSettings": "global OAuth settings",
	"ExtlClntAppOauthConfigurablePolicies": "OAuth policies",
	"ExtlClntAppConfigurablePolicies": "app policies",
}

# A file names an app that is not in the project.
report contains lib.finding(c, node, msg, fix) if {
	some c in eca.children
	not c.links.app.found
	node := object.get(c, "externalClientApplication", c)
	[msg, fix] := unknown_app(c)
}

unknown_app(c) := [sprintf("%s name no External Client App", [kind(c)]), fix_name] if {
	c.links.app.name == ""
} else := [msg, sprintf("write %s", [near])] if {
	near := c.links.app.nearMiss
	near != ""
	msg := sprintf("no app %q in the project; %q differs only in case", [c.links.app.name, near])
} else := [sprintf("%s name app %q, which is not in the project", [kind(c), c.links.app.name]), fix_name]

fix_name := "name an app of the project in externalClientApplication, or add the app's .eca-meta.xml"

kind(c) := object.get(kinds, c.type, "these settings")

global_half := [input.globalOauthSettings, "global OAuth settings (.ecaGlblOauth)", app_names(input.globalOauthSettings)]

policy_half := [input.oauthPolicies, "OAuth policies (.ecaOauthPlcy)", app_names(input.oauthPolicies)]

app_names(list) := {c.links.app.name | some c in list}

# A client credentials switch is on and the other half is not in the project.
report contains lib.finding(c, c.isClientCredentialsFlowEnabled, msg, fix) if {
	some [[on_list, _, _], [_, other_name, other_apps]] in [[global_half, policy_half], [policy_half, global_half]]
	some c in on_list
	lib.is_true(c.isClientCredentialsFlowEnabled)
	name := c.links.app.name
	name != ""
	not name in packaged
	not name in other_apps
	msg := sprintf("client credentials is on here but %q has no %s in the project", [name, other_name])
	fix := sprintf("add the app's %s with isClientCredentialsFlowEnabled true", [other_name])
}

packaged := {app.name | some app in input.externalClientApps; app.distributionState.value == "Packaged"}
