# METADATA
# title: REST API version in a callout path is malformed
# description: |
#   Salesforce REST paths name their API version as /services/data/vNN.0/
#   (v66.0). This rule reads every Apex callout endpoint, with constants and
#   the arguments of helper methods filled in, and reports the segment after
#   /services/data/ when it is a version written another way (v58, 58.0,
#   V58.0, v58.0.1) or when it is missing and the path goes straight on to a
#   resource (/services/data/sobjects/...). The finding points at the literal
#   that holds the segment.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_rest_resources.htm
# custom:
#   id: apex/api-version-format
#   severity: error
#   why: |
#     The version is part of the resource's URI. The REST API serves
#     /services/data/vXX.X/ and nothing else, so a version without its v or
#     its .0 names no resource at all.
#   symptom: |
#     HTTP 404 with [{"errorCode":"NOT_FOUND","message":"The requested
#     resource does not exist"}] for every callout to the path.
#   fix: |
#     Write the version as vNN.0, for example /services/data/v66.0/, ideally
#     in one constant that every callout shares.
#   before: |
#     req.setEndpoint('callout:Loopback/services/data/v58/limits');
#   after: |
#     req.setEndpoint('callout:Loopback/services/data/v58.0/limits');
#   assumptions: |
#     A path holding /services/data/ is taken to be a Salesforce REST path
#     whatever its host. Segments built from values the linter cannot see
#     (parameters, method calls) are not judged. The response to a malformed
#     version is the REST API's ordinary answer for an unknown resource; the
#     documentation shows only the vXX.X form.
package sflint.rules.apex.api_version_format

import data.sflint.lib

report contains lib.finding(cls, leaf_at(ls, i), message(seg), fix(seg)) if {
	some cls in input.apexClasses
	some co in cls.callouts
	ls := leaves(co.endpoint)
	s := flat(ls)
	some start in indexof_n(s, "/services/data/")
	i := start + count("/services/data/")
	seg := regex.find_n(`^[^/?#]*`, substring(s, i, -1), 1)[0]
	malformed(seg)
}

# resources are REST resources that follow the version; a path reaching one
# right after /services/data/ has left the version out.
resources := {
	"sobjects", "query", "queryall", "search", "parameterizedsearch", "tooling", "limits",
	"composite", "ui-api", "actions", "analytics", "connect", "chatter", "jobs", "recent",
	"tabs", "theme", "appmenu", "quickactions", "process", "metadata", "wave", "consent",
}

malformed(seg) if {
	not contains(seg, marker)
	regex.match(`^[vV]?[0-9]+(\.[0-9]*)*$`, seg)
	not regex.match(`^v[0-9]+\.0$`, seg)
}

malformed(seg) if lower(seg) in resources

message(seg) := sprintf("/services/data/%s has no API version; write /services/data/vNN.0/%s", [seg, seg]) if {
	lower(seg) in resources
} else := sprintf("API version %q must be written v%s.0; the REST API answers 404", [seg, major(seg)])

fix(seg) := "put the version after /services/data/, e.g. /services/data/v66.0/" if {
	lower(seg) in resources
} else := sprintf("write v%s.0", [major(seg)])

major(seg) := regex.find_n(`[0-9]+`, seg, 1)[0]

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
