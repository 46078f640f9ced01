# METADATA
# title: Named Credential callouts are disabled
# description: |
#   calloutStatus Disabled (API 59.0 and later) turns off every callout
#   through the Named Credential. This rule reports it, so that a credential
#   switched off in one org is not deployed switched off to the others.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_namedcredential.htm
# custom:
#   id: namedcred/callout-disabled
#   severity: warning
#   why: |
#     calloutStatus is usually turned off by hand in Setup, to stop an
#     integration for a while. Retrieved into source and deployed, it stops
#     the integration in every org that receives the deployment.
#   symptom: |
#     Every callout through the Named Credential is refused by Salesforce
#     before it leaves the org, in each org the file is deployed to.
#   fix: |
#     Set calloutStatus to Enabled, or remove the Named Credential from the
#     deployment if the integration is meant to stay off.
#   before: |
#     <calloutStatus>Disabled</calloutStatus>
#   after: |
#     <calloutStatus>Enabled</calloutStatus>
#   assumptions: |
#     A Named Credential kept disabled on purpose in source (for an
#     integration not yet in use) is reported all the same.
package sflint.rules.namedcred.callout_disabled

import data.sflint.lib

report contains lib.finding(nc, nc.calloutStatus, msg, "set calloutStatus to Enabled") if {
	some nc in input.namedCredentials
	nc.calloutStatus.value == "Disabled"
	msg := sprintf("calloutStatus is Disabled; every callout through %q is refused", [nc.name])
}
