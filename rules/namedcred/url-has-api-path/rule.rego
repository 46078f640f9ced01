# METADATA
# title: Named Credential URL already holds a /services path
# description: |
#   A Named Credential to a Salesforce host is the base that callers extend:
#   callout:Name/services/data/v66.0/... . This rule reports a callout URL (Url
#   parameter, or legacy endpoint) on a Salesforce host whose path already
#   holds /services/data or another /services/... path. OAuth endpoints
#   (/services/oauth2/...) are left alone: code that posts to a token
#   endpoint through a Named Credential appends nothing to it. So is a URL
#   that every Apex callout through it in the project extends with another
#   path, or with none.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_namedcredential.htm
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_callouts_named_credentials.htm
# custom:
#   id: namedcred/url-has-api-path
#   severity: warning
#   why: |
#     Salesforce appends the path written after callout:Name to the Named
#     Credential's URL. Code written for the usual base URL (the My Domain)
#     appends /services/data/..., so a URL that already ends in
#     /services/data asks for /services/data/services/data/... .
#   symptom: |
#     Callouts answer 404 (NOT_FOUND, "The requested resource does not
#     exist").
#   fix: |
#     Set the URL to the host alone (https://<My Domain>.my.salesforce.com) and
#     write the whole path in the code that calls out.
#   before: |
#     <parameterValue>https://acme.my.salesforce.com/services/data/v66.0</parameterValue>
#   after: |
#     <parameterValue>https://acme.my.salesforce.com</parameterValue>
#   assumptions: |
#     Callers are assumed to append the usual /services/... path. When the
#     project's Apex calls out through the Named Credential and every such
#     callout appends another known path (or none), the URL is taken as
#     meant and not reported; callers outside the project's Apex (Flows,
#     External Services, other packages) are not visible. Only Salesforce
#     hosts (salesforce.com, force.com, site.com, salesforce.mil,
#     sfcrmproducts.cn) are judged: elsewhere /services means nothing
#     special. Values with deploy-time tokens or template placeholders are
#     not judged.
package sflint.rules.namedcred.url_has_api_path

import data.sflint.lib
import data.sflint.lib.url

report contains lib.finding(nc, node, msg, fix) if {
	some nc in input.namedCredentials
	some node in callout_urls(nc)
	not lib.placeholder(node.value)
	parts := url.parts(node.value)
	url.salesforce(parts.host)
	api_path(parts.path)
	not callers_append_other_paths(nc)
	msg := sprintf("callout URL already holds %s; callout:%s/services/... answers 404", [parts.path, nc.name])
	fix := sprintf("set the URL to https://%s and write the path in the callout", [parts.host])
}

api_path(path) if lower(trim_right(path, "/")) == "/services"

api_path(path) if {
	p := lower(path)
	startswith(p, "/services/")
	not startswith(p, "/services/oauth2/")
}

# callers_append_other_paths holds when the project's Apex calls out through
# the Named Credential and every such callout appends a known path that is not
# a /services path (or nothing): the URL is then meant as it is.
callers_append_other_paths(nc) if {
	paths := [lower(c.namedCredential.path) |
		some class in object.get(input, "apexClasses", [])
		some c in class.callouts
		c.namedCredential.found
		c.namedCredential.file == nc.file
	]
	count(paths) > 0
	every p in paths {
		not contains(p, "{")
		not startswith(p, "/services")
	}
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
