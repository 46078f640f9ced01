# METADATA
# title: Callouts of one project ask for several REST API versions
# description: |
#   This rule collects the /services/data/vNN.0 versions of every Apex
#   callout endpoint in the project, with constants and the arguments of
#   helper methods filled in. When there is more than one, each use of a
#   version other than the project's usual one is reported, at the literal
#   that holds it. The usual version is sourceApiVersion when some callout
#   uses it, otherwise the version written in the most places (the newest on
#   a tie). Versions newer than sourceApiVersion are left to
#   apex/api-version-too-new.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_versions.htm
# custom:
#   id: apex/api-version-inconsistent
#   severity: info
#   why: |
#     Each API version has its own fields, limits and response shapes. Code
#     that reads one resource at v52.0 and another at v66.0 sees the same
#     record differently, and the old version drifts towards retirement
#     unnoticed.
#   symptom: |
#     Fields or resources missing from some responses only, and callouts
#     that start failing when Salesforce retires the old version (HTTP 410
#     or 404 for retired versions).
#   fix: |
#     Keep the version in one constant (API_VERSION = 'v66.0') that every
#     callout uses, at the project's sourceApiVersion.
#   before: |
#     req.setEndpoint('callout:Loopback/services/data/v52.0/limits');
#     other.setEndpoint('callout:Loopback/services/data/v66.0/query?q=...');
#   after: |
#     req.setEndpoint('callout:Loopback/services/data/' + API_VERSION + '/limits');
#     other.setEndpoint('callout:Loopback/services/data/' + API_VERSION + '/query?q=...');
#   assumptions: |
#     Only well-formed versions (vNN.0) written in the code are compared; a
#     version built from values the linter cannot see is not. A project that
#     calls an old version on purpose (a resource retired later) is reported
#     all the same, at info severity.
package sflint.rules.apex.api_version_inconsistent

import data.sflint.lib

report contains lib.finding({"file": u.file}, u, msg, fix) if {
	count(versions) > 1
	some u in uses
	u.version != usual
	msg := sprintf("calls API %s while the other callouts use %s; use one version", [u.version, usual])
	fix := sprintf("use %s, kept in one constant", [usual])
}

# uses are the places that write a version: {file, line, col, version}.
uses contains {"file": cls.file, "line": l.line, "col": l.col, "version": v} if {
	some cls in input.apexClasses
	some co in cls.callouts
	ls := leaves(co.endpoint)
	s := flat(ls)
	some start in indexof_n(s, "/services/data/v")
	i := start + count("/services/data/")
	[[_, n]] := regex.find_all_string_submatch_n(`^v([0-9]+)\.0(?:[/?#]|$)`, substring(s, i, -1), 1)
	not too_new(to_number(n))
	v := sprintf("v%s.0", [n])
	l := leaf_at(ls, i)
}

versions := {u.version | some u in uses}

too_new(n) if n > source_number

source_number := to_number(v) if {
	v := input.project.sourceApiVersion.value
	regex.match(`^[0-9]+(\.[0-9]+)?$`, v)
}

source := sprintf("v%s.0", [format_int(source_number, 10)])

# usual is sourceApiVersion when a callout uses it, else the version written
# in most places, the newest on a tie.
usual := source if {
	source in versions
} else := ranked[2] if {
	ranked := max({[n, number(v), v] |
		some v in versions
		n := count([u | some u in uses; u.version == v])
	})
}

number(v) := to_number(trim_suffix(trim_prefix(v, "v"), ".0"))

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
