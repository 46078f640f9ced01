# METADATA
# title: Apex calls out through a Named Credential whose callouts are disabled
# description: |
#   A Named Credential with calloutStatus Disabled refuses every callout.
#   This rule reports each Apex endpoint written callout:Name/... whose Named
#   Credential in the project has calloutStatus Disabled, at the literal that
#   names it. namedcred/callout-disabled reports the Named Credential itself;
#   this rule shows the code that stops working.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_namedcredential.htm
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_callouts_named_credentials.htm
# custom:
#   id: apex/callout-to-disabled-credential
#   severity: error
#   why: |
#     calloutStatus Disabled is how an administrator switches an integration
#     off. Deployed from source, it switches off every callout in this code in
#     each org that receives the deployment, and nothing fails until the code
#     runs.
#   symptom: |
#     Salesforce refuses the callout before it leaves the org: Http.send
#     throws a CalloutException and the Lightning component or job that
#     called the code fails.
#   fix: |
#     Set calloutStatus to Enabled in the Named Credential, or stop calling it
#     from this code.
#   before: |
#     <calloutStatus>Disabled</calloutStatus>
#     req.setEndpoint('callout:Paused/services/data/v66.0/limits');
#   after: |
#     <calloutStatus>Enabled</calloutStatus>
#     req.setEndpoint('callout:Paused/services/data/v66.0/limits');
#   assumptions: |
#     The exact text of the exception Salesforce throws for a disabled Named
#     Credential is not documented. A Named Credential kept disabled on purpose
#     (an integration not in use yet) is reported all the same.
package sflint.rules.apex.callout_to_disabled_credential

import data.sflint.lib

report contains lib.finding(cls, ref, msg, fix) if {
	some cls in input.apexClasses
	some co in cls.callouts
	ref := co.namedCredential
	ref.found
	nc := lib.named_credential_at[ref.file]
	nc.calloutStatus.value == "Disabled"
	msg := sprintf("Named Credential %q has calloutStatus Disabled; this callout is refused", [nc.name])
	fix := sprintf("set calloutStatus to Enabled in %s", [nc.file])
}
