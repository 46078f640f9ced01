# METADATA
# title: Value still holds a template placeholder or an unreplaced token
# description: |
#   A value that still holds a template placeholder ([your-domain],
#   <your-domain>, YOUR_DOMAIN, REPLACE_..., "placeholder",
#   example.my.salesforce.com), or a ${VAR} or @VAR token that no
#   replacements entry of sfdx-project.json covers for that file.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_ws_string_replace.htm
# custom:
#   id: project/unresolved-placeholder
#   severity: error
#   why: |
#     Placeholders deploy as they are. A token URL of
#     https://YOUR_DOMAIN.my.salesforce.com or a Run As user of
#     ${INTEGRATION_USER} reaches the org verbatim unless a replacement
#     substitutes it at deploy time.
#   symptom: |
#     Deploy fails on a user that does not exist, or the integration fails at
#     run time: the token request goes to a host that does not resolve.
#   fix: |
#     Put the real value in, or add a replacements entry to sfdx-project.json
#     whose filename or glob covers the file and whose stringToReplace (or
#     regexToReplace) matches the token.
#   before: |
#     <parameterValue>https://YOUR_DOMAIN.my.salesforce.com/services/oauth2/token</parameterValue>
#   after: |
#     <parameterValue>https://acme.my.salesforce.com/services/oauth2/token</parameterValue>
#   assumptions: |
#     replacements paths (filename, glob) are taken relative to the project
#     root, as the Salesforce CLI reads them; globs use * within a folder and
#     ** across folders. Labels and descriptions are not checked. A
#     replacement that applies only when an environment variable is set
#     (replaceWhenEnv) counts as covering the token.
package sflint.rules.project.unresolved_placeholder

import data.sflint.lib

records := [r |
	some list in [
		input.externalClientApps, input.oauthSettings, input.globalOauthSettings, input.oauthPolicies,
		input.policies, input.externalCredentials, input.namedCredentials, input.permissionSets,
		input.profiles, input.connectedApps, input.corsOrigins, input.cspTrustedSites,
		input.remoteSiteSettings,
	]
	some r in list
]

prose := {"label", "description", "fullName", "contactEmail", "masterLabel"}

report contains lib.finding(r, node, msg, "replace it with the real value") if {
	some r in records
	some node in r.markedValues
	not node.field in prose
	some p in lib.template_placeholders(node.value)
	msg := sprintf("<%s> still holds the template placeholder %q", [node.field, p])
}

report contains lib.finding(r, node, msg, fix) if {
	some r in records
	some node in r.markedValues
	not node.field in prose
	some token in lib.deploy_tokens(node.value)
	not covered(r.file, token)
	msg := sprintf("<%s> holds %s, which no replacements entry covers for this file", [node.field, token])
	fix := sprintf("add a replacements entry for %s to sfdx-project.json, or write the value", [token])
}

covered(file, token) if {
	some rep in input.project.replacements
	applies(rep, file)
	matches(rep, token)
}

applies(rep, file) if rep.filename == file

applies(rep, file) if {
	rep.glob != ""
	glob.match(rep.glob, ["/"], file)
}

matches(rep, token) if {
	rep.stringToReplace != ""
	contains(rep.stringToReplace, token)
}

matches(rep, token) if {
	rep.regexToReplace != ""
	regex.match(rep.regexToReplace, token)
}
