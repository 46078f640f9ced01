# METADATA
# title: sourceApiVersion missing or older than the metadata in use needs
# description: |
#   sfdx-project.json has no sourceApiVersion, or one older than the API
#   version that introduced a metadata type or field the project uses:
#   External Client Apps need 59.0 (their policies 60.0, and the client
#   credentials switches 60.0), External Credentials 56.0, new-style Named
#   Credentials 56.0 and calloutStatus 59.0.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_ws_config.htm
# custom:
#   id: project/api-version
#   severity: warning
#   why: |
#     The CLI converts and deploys source at sourceApiVersion. Without one it
#     uses whatever the CLI or org defaults to, which changes over time; an
#     older one does not know the newer types and fields.
#   symptom: |
#     Deploy fails with "Not available for deploy for this API version" or
#     "Element ... invalid at this location", or silently drops the field.
#   fix: |
#     Set sourceApiVersion in sfdx-project.json to at least the version
#     sflint names (the org's current version is the usual choice).
#   before: |
#     "sourceApiVersion": "58.0"
#   after: |
#     "sourceApiVersion": "66.0"
#   assumptions: |
#     Minimum versions are those stated in the Metadata API Developer Guide's
#     Version sections for each type and field.
package sflint.rules.project.api_version

import data.sflint.lib

type_versions := {
	"ExternalClientApplication": 59,
	"ExtlClntAppOauthSettings": 59,
	"ExtlClntAppGlobalOauthSettings": 59,
	"ExtlClntAppOauthConfigurablePolicies": 59,
	"ExtlClntAppConfigurablePolicies": 60,
	"ExtlClntAppSamlConfigurablePolicies": 63,
	"ExtlClntAppMobileSettings": 64,
	"ExtlClntAppMobileConfigurablePolicies": 64,
	"ExtlClntAppNotificationSettings": 64,
	"ExtlClntAppPushSettings": 64,
	"ExtlClntAppPushConfigurablePolicies": 64,
	"ExtlClntAppCanvasSettings": 66,
	"ExternalCredential": 56,
	"ExternalAuthIdentityProvider": 62,
}

# needs lists [version, what, file] for everything in use that has a minimum.
needs contains [v, t, f.path] if {
	some f in input.files
	t := f.type
	v := type_versions[t]
}

needs contains [60, "isClientCredentialsFlowEnabled", r.file] if {
	some r in array.concat(input.globalOauthSettings, input.oauthPolicies)
	r.isClientCredentialsFlowEnabled
}

needs contains [56, "new-style Named Credentials", nc.file] if {
	some nc in input.namedCredentials
	not nc.links.legacy
}

needs contains [59, "calloutStatus", nc.file] if {
	some nc in input.namedCredentials
	nc.calloutStatus
}

project := {"file": input.project.file}

report contains lib.finding(project, {"line": 1, "col": 1}, msg, fix) if {
	input.project.file != ""
	input.project.sourceApiVersion == null
	msg := "sfdx-project.json has no sourceApiVersion; deploys use whatever the CLI defaults to"
	fix := "set sourceApiVersion, e.g. \"66.0\""
}

report contains lib.finding(project, node, msg, fix) if {
	node := input.project.sourceApiVersion
	have := to_number(node.value)
	top := max({v | some [v, _, _] in needs})
	have < top
	[_, what, _] := min({n | some n in needs; n[0] == top})
	msg := sprintf("sourceApiVersion %s is older than %d.0, which %s needs", [node.value, top, what])
	fix := sprintf("set sourceApiVersion to \"%d.0\" or later", [top])
}
