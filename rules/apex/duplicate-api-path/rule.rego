# METADATA
# title: Callout path holds /services/ twice
# description: |
#   This rule reads every Apex callout endpoint, with constants and the
#   arguments of helper methods filled in, and reports a path that ends up
#   holding /services/ twice: either the endpoint itself repeats it
#   (/services/data/v66.0/services/data/...), or it is written
#   callout:Name/services/... while the Named Credential's URL already ends
#   in /services/data/... (Salesforce appends the endpoint's path to that URL).
#   The finding points at the literal that adds the second /services/.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_callouts_named_credentials.htm
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_rest_resources.htm
# custom:
#   id: apex/duplicate-api-path
#   severity: error
#   why: |
#     A base path is easily written twice: once in the Named Credential's URL
#     or a constant, once more in the code that appends the resource. Every
#     REST resource lives at exactly one /services/data/vNN.0/... path.
#   symptom: |
#     HTTP 404 with [{"errorCode":"NOT_FOUND","message":"The requested
#     resource does not exist"}] for every callout to the doubled path.
#   fix: |
#     Write /services/data/vNN.0 once: set the Named Credential's URL to the
#     host alone (https://<My Domain>.my.salesforce.com) and keep the path in
#     the code, or drop the repeated part from the endpoint.
#   before: |
#     <parameterValue>https://acme.my.salesforce.com/services/data/v66.0</parameterValue>
#     req.setEndpoint('callout:Loopback/services/data/v66.0/limits');
#   after: |
#     <parameterValue>https://acme.my.salesforce.com</parameterValue>
#     req.setEndpoint('callout:Loopback/services/data/v66.0/limits');
#   assumptions: |
#     Only the path is read (up to ? or #), and only the API roots
#     /services/data, /services/apexrest, /services/Soap, /services/async and
#     /services/oauth2 count. A Named Credential URL with a deploy-time token
#     or template placeholder is not judged; parts of the endpoint the linter
#     cannot see (parameters, method calls) are taken to add no /services/.
package sflint.rules.apex.duplicate_api_path

import data.sflint.lib
import data.sflint.lib.url

# The endpoint repeats /services/ itself.
report contains lib.finding(cls, leaf_at(ls, i), msg, fix) if {
	some cls in input.apexClasses
	some co in cls.callouts
	ls := leaves(co.endpoint)
	i := repeated(path(flat(ls)))
	msg := "the endpoint holds /services/ twice; the doubled path answers 404"
	fix := "write /services/data/vNN.0 once, in one constant"
}

# The Named Credential's URL holds /services/... and the endpoint adds it again.
report contains lib.finding(cls, leaf_at(ls, i), msg, fix) if {
	some cls in input.apexClasses
	some co in cls.callouts
	ref := co.namedCredential
	ref.found
	nc := lib.named_credential_at[ref.file]
	some u in callout_urls(nc)
	not lib.placeholder(u)
	base := url.parts(u).path
	regex.match(`(?i)^/services(/|$)`, base)
	ls := leaves(co.endpoint)
	p := path(flat(ls))
	not repeated(p)
	after := count("callout:") + count(ref.name)
	i := min([j | some j in services(p); j >= after])
	msg := sprintf(
		"Named Credential %q already ends in %s; callout:%s/services/... doubles it (404)",
		[nc.name, base, ref.name],
	)
	fix := sprintf("set the URL of %q to https://%s and keep the path in the code", [nc.name, url.parts(u).host])
}

# path is the flat text up to the query or fragment.
path(s) := regex.find_n(`^[^?#]*`, s, 1)[0]

# services are the indices of the Salesforce API roots in a path:
# /services/data, /services/apexrest, /services/Soap, /services/async and
# /services/oauth2. Other paths that happen to start with /services (an Apex
# REST urlMapping of /services/*) are left alone.
services(p) := [j |
	some j in indexof_n(p, "/services/")
	regex.match(`^/services/(data|apexrest|Soap|async|oauth2)(/|$)`, substring(p, j, -1))
]

# repeated is the index of the second /services segment.
repeated(p) := services(p)[1]

# callout_urls are the Url parameter values of a new-style Named Credential,
# or the endpoint of a legacy one.
callout_urls(nc) := [p.parameterValue.value |
	some p in lib.params(object.get(nc, "namedCredentialParameters", []), "Url")
	p.parameterValue
] if not nc.links.legacy

callout_urls(nc) := [nc.endpoint.value] if {
	nc.links.legacy
	nc.endpoint
}

# The endpoint is read as flat text: literal parts as their value, every
# other part (a parameter, a call) as one marker character. The argument of
# EncodingUtil.urlEncode is spliced in, so that positions inside it are known.
marker := "\u0000"

leaves(e) := [l | some p in e.parts; some l in expand(p)]

expand(p) := p.inner if p.kind == "urlEncode"

expand(p) := [p] if p.kind != "urlEncode"

text(l) := l.text if l.kind == "literal"

text(l) := marker if l.kind != "literal"

flat(ls) := concat("", [text(l) | some l in ls])

# leaf_at is the part that holds character i of the flat text.
leaf_at(ls, i) := l if {
	some k, l in ls
	start := sum([count(text(m)) | some j, m in ls; j < k])
	start <= i
	i < start + count(text(l))
}
