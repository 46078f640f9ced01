# METADATA
# title: Callout asks for a REST API version newer than the project's
# description: |
#   This rule reads every Apex callout endpoint, with constants and the
#   arguments of helper methods filled in, and reports /services/data/vNN.0
#   when NN.0 is newer than the project's sourceApiVersion in
#   sfdx-project.json. The finding points at the literal that holds the
#   version.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_versions.htm
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_ws_config.htm
# custom:
#   id: apex/api-version-too-new
#   severity: error
#   options:
#     max_api_version:
#       type: number
#       default: 0
#       description: the newest API version callouts may ask for; 0 means sourceApiVersion
#   why: |
#     An org serves the API versions up to its own release. sourceApiVersion
#     is the newest version the project is written for; a callout that asks
#     for a newer one works only in orgs already upgraded (a preview sandbox)
#     and breaks in the others, typically production.
#   symptom: |
#     HTTP 404 with [{"errorCode":"NOT_FOUND","message":"The requested
#     resource does not exist"}] in every org still on an older release.
#   fix: |
#     Call the version of sourceApiVersion (or an older one), or raise
#     sourceApiVersion once every target org runs that release.
#   before: |
#     "sourceApiVersion": "66.0"
#     req.setEndpoint('callout:Loopback/services/data/v67.0/limits');
#   after: |
#     "sourceApiVersion": "66.0"
#     req.setEndpoint('callout:Loopback/services/data/v66.0/limits');
#   assumptions: |
#     sourceApiVersion is taken as the newest version every target org
#     serves, unless the configuration sets max_api_version; without either
#     nothing is judged. A path holding /services/data/ is taken to be a Salesforce
#     REST path whatever its host; versions built from values the linter
#     cannot see are not judged.
package sflint.rules.apex.api_version_too_new

import data.sflint.lib

report contains lib.finding(cls, leaf_at(ls, i), msg, fix) if {
	some cls in input.apexClasses
	some co in cls.callouts
	ls := leaves(co.endpoint)
	s := flat(ls)
	some start in indexof_n(s, "/services/data/v")
	i := start + count("/services/data/")
	[[_, n]] := regex.find_all_string_submatch_n(`^v([0-9]+)\.0(?:[/?#]|$)`, substring(s, i, -1), 1)
	to_number(n) > newest
	msg := sprintf("API v%s.0 is newer than %s; older orgs answer 404", [n, limit_name])
	fix := sprintf("call v%.1f or older, or raise %s", [newest, limit_key])
}

configured_max := object.get(input, ["options", "apex/api-version-too-new", "max_api_version"], 0)

newest := configured_max if configured_max > 0

newest := source_version if configured_max <= 0

limit_key := "max_api_version" if configured_max > 0

limit_key := "sourceApiVersion" if configured_max <= 0

limit_name := sprintf("max_api_version %v", [configured_max]) if configured_max > 0

limit_name := sprintf("sourceApiVersion %s", [input.project.sourceApiVersion.value]) if configured_max <= 0

source_version := to_number(v) if {
	v := input.project.sourceApiVersion.value
	regex.match(`^[0-9]+(\.[0-9]+)?$`, v)
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
