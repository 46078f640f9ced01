# METADATA
# title: Named Credential callout URL is not https
# description: |
#   The callout URL of a Named Credential, its Url parameter (new style) or
#   its endpoint element (legacy style), must be an absolute https URL.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_namedcredential.htm
# custom:
#   id: namedcred/url-not-https
#   severity: error
#   why: |
#     Everything a callout sends travels to this URL: the Authorization header
#     with the access token or password, and the request itself. Over http
#     anyone on the path can read and replay them.
#   symptom: |
#     Credentials and data are sent in clear text. Servers that accept only
#     https refuse the call or answer with a redirect, which reaches the Apex
#     code as a 3xx response instead of the data.
#   fix: |
#     Use the https URL of the service. If it has none, do not send
#     credentials to it.
#   before: |
#     <namedCredentialParameters>
#         <parameterName>Url</parameterName>
#         <parameterType>Url</parameterType>
#         <parameterValue>http://api.example.com</parameterValue>
#     </namedCredentialParameters>
#   after: |
#     <namedCredentialParameters>
#         <parameterName>Url</parameterName>
#         <parameterType>Url</parameterType>
#         <parameterValue>https://api.example.com</parameterValue>
#     </namedCredentialParameters>
#   assumptions: |
#     Values with deploy-time tokens (${VAR}, @VAR) or template placeholders
#     are not judged; an empty URL is left to other checks.
package sflint.rules.namedcred.url_not_https

import data.sflint.lib
import data.sflint.lib.url

report contains lib.finding(nc, node, msg, "use the service's https:// URL") if {
	some nc in input.namedCredentials
	some node in callout_urls(nc)
	node.value != ""
	not lib.placeholder(node.value)
	msg := problem(node.value)
}

# callout_urls are the Url parameter values of a new-style Named Credential,
# or the endpoint of a legacy one.
callout_urls(nc) := [p.parameterValue |
	some p in lib.params(object.get(nc, "namedCredentialParameters", []), "Url")
	p.parameterValue
] if not nc.links.legacy

callout_urls(nc) := [nc.endpoint] if {
	nc.links.legacy
	nc.endpoint
}

problem(u) := sprintf("callout URL %q is not an absolute https URL", [u]) if {
	not url.parts(u)
} else := sprintf("callout URL uses %s:; credentials and data travel unencrypted", [scheme]) if {
	scheme := url.parts(u).scheme
	scheme != "https"
}
