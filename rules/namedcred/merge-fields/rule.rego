# METADATA
# title: Merge fields allowed but not used by the Named Credential
# description: |
#   allowMergeFieldsInHeader and allowMergeFieldsInBody let callouts through
#   a Named Credential resolve merge fields ({!$Credential.Password},
#   {!$Credential.Loopback_Auth.ClientId}, ...) in their headers and body.
#   This rule reports either switch turned on when neither the Named
#   Credential's own parameters nor the project's Apex callouts through it
#   use a merge field there, and Salesforce still generates the
#   Authorization header.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_namedcredential.htm
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_callouts_named_credentials_merge_fields.htm
# custom:
#   id: namedcred/merge-fields
#   severity: info
#   why: |
#     With merge fields allowed, any code that calls out through the Named
#     Credential can place the stored credentials (password, client secret,
#     token) anywhere in a request header or body, including fields that the
#     remote service logs or echoes back. Leaving the switches off when
#     nothing needs them keeps the secrets where Salesforce puts them.
#   symptom: |
#     Nothing fails; the stored credentials can be read out through callouts
#     by code that was never meant to see them.
#   fix: |
#     Set allowMergeFieldsInHeader and allowMergeFieldsInBody to false unless
#     Apex code builds headers or bodies with {!$Credential...} merge fields.
#   before: |
#     <allowMergeFieldsInBody>true</allowMergeFieldsInBody>
#     <allowMergeFieldsInHeader>true</allowMergeFieldsInHeader>
#     <generateAuthorizationHeader>true</generateAuthorizationHeader>
#   after: |
#     <allowMergeFieldsInBody>false</allowMergeFieldsInBody>
#     <allowMergeFieldsInHeader>false</allowMergeFieldsInHeader>
#     <generateAuthorizationHeader>true</generateAuthorizationHeader>
#   assumptions: |
#     Merge fields are looked for in the Named Credential's own parameter
#     values and in the headers and bodies of the project's Apex callouts
#     that name it (callout:Name). Merge fields used anywhere else are NOT
#     visible to this rule: Apex of another project or package, Flows and
#     External Services, or request bodies the Apex reader cannot follow
#     (a body it cannot resolve counts as using merge fields, but a callout
#     it does not see at all does not). Such a Named Credential is reported
#     all the same; keep the switch and suppress the finding. Also taken as
#     using merge fields: generateAuthorizationHeader false (the credential's
#     authentication is then built by other means, which is what the switches
#     are for) and, for allowMergeFieldsInBody only, a callout URL whose path
#     ends in /token (code posting to an OAuth token endpoint sends the
#     grant's credentials in the body).
package sflint.rules.namedcred.merge_fields

import data.sflint.lib
import data.sflint.lib.url

switches := ["allowMergeFieldsInHeader", "allowMergeFieldsInBody"]

report contains lib.finding(nc, node, msg, fix) if {
	some nc in input.namedCredentials
	object.get(nc, ["generateAuthorizationHeader", "value"], "true") != "false"
	not in_parameters(nc)
	some switch in switches
	node := nc[switch]
	lib.is_true(node)
	not token_request(nc, switch)
	not in_apex(nc, switch)
	msg := sprintf("%s is true but %q uses no merge field; turn it off", [switch, nc.name])
	fix := sprintf("set %s to false, unless callouts through it use {!$Credential...} merge fields", [switch])
}

in_parameters(nc) if {
	some p in object.get(nc, "namedCredentialParameters", [])
	contains(p.parameterValue.value, "{!")
}

# callouts are the Apex callouts through a Named Credential.
callouts(nc) := [c |
	some class in object.get(input, "apexClasses", [])
	some c in class.callouts
	c.namedCredential.found
	c.namedCredential.file == nc.file
]

# in_apex holds when an Apex callout through the Named Credential may use a
# merge field where the switch allows it: the text holds "{!", or is not
# known in full.
in_apex(nc, "allowMergeFieldsInHeader") if {
	some c in callouts(nc)
	some h in c.headers
	some e in [h.name, h.value]
	may_merge(e)
}

in_apex(nc, "allowMergeFieldsInBody") if {
	some c in callouts(nc)
	may_merge(c.body)
}

may_merge(e) if contains(e.text, "{!")

may_merge(e) if not e.literal

# token_request holds for body merge fields on a Named Credential whose URL is
# an OAuth token endpoint.
token_request(nc, "allowMergeFieldsInBody") if {
	some u in callout_urls(nc)
	endswith(lower(trim_right(url.parts(u).path, "/")), "/token")
}

callout_urls(nc) := array.concat(
	[p.parameterValue.value | some p in lib.params(object.get(nc, "namedCredentialParameters", []), "Url")],
	[v | v := nc.endpoint.value],
)
