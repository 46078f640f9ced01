# METADATA
# title: HTTP method the REST resource does not accept
# description: |
#   This rule reads every Apex callout whose HTTP method is a literal and
#   whose endpoint names a REST or Tooling API resource sflint knows, with
#   constants and the arguments of helper methods filled in, and reports a
#   method the resource does not accept: PUT or DELETE on
#   /sobjects/Account, POST on /query, POST or PUT on a record. The finding
#   points at the literal method ('PUT'), in the caller when a helper such as
#   send(method, path) was followed.
#
#   Resources and the methods they accept (HEAD is accepted wherever GET is;
#   the same paths under /tooling/ accept the same methods):
#   /sobjects: GET. /sobjects/{object}: GET, POST. /sobjects/{object}/describe:
#   GET. /sobjects/{object}/{id}: GET, PATCH, DELETE. /query, /queryAll,
#   /search, /limits: GET. /composite, /composite/batch, /composite/graph,
#   /composite/tree/{object}: POST. /composite/sobjects: GET, POST, PATCH,
#   DELETE. /tooling/executeAnonymous: GET.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_list.htm
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/intro_rest_resources.htm
# custom:
#   id: apex/unsupported-method
#   severity: error
#   why: |
#     REST resources accept a fixed set of methods: records are created with
#     POST on the object, updated with PATCH on the record, and read with GET.
#     Habits from other APIs (PUT to create or update, POST to query) are
#     refused.
#   symptom: |
#     HTTP 405 with [{"errorCode":"METHOD_NOT_ALLOWED","message":"HTTP Method
#     'PUT' not allowed. Allowed are HEAD,GET,POST"}].
#   fix: |
#     Use the method the resource accepts: POST /sobjects/{object} to create,
#     PATCH /sobjects/{object}/{id} to update, DELETE on the record to delete,
#     GET for /query.
#   before: |
#     send('PUT', BASE + '/sobjects/Account');
#   after: |
#     send('POST', BASE + '/sobjects/Account');
#   assumptions: |
#     Only the resources listed are judged, only when the method is a literal
#     and the path up to the resource is known. The last segment of
#     /sobjects/{object}/{id} is taken to be a record id when it is a 15 or
#     18 character id holding a digit, or a value whose name ends in Id
#     (recordId, account.Id). A path with _HttpMethod= (the method override)
#     is not judged. Paths written partly in a Named Credential's URL are not
#     read.
package sflint.rules.apex.unsupported_method

import data.sflint.lib

report contains lib.finding(cls, co.httpMethod.parts[0], msg, fix) if {
	some cls in input.apexClasses
	some co in cls.callouts
	co.httpMethod.literal
	method := upper(co.httpMethod.value)
	ls := leaves(co.endpoint)
	s := flat(ls)
	not contains(s, "_HttpMethod=")
	some a in apis(s)
	r := resource(a, ls)
	ok := allowed[r.shape] | head(allowed[r.shape])
	not method in ok
	msg := sprintf(
		"%s is not allowed on %s (allowed: %s); the API answers 405",
		[co.httpMethod.value, r.label, concat(", ", sort(ok))],
	)
	fix := sprintf("use %s on %s", [concat(" or ", sort(allowed[r.shape])), r.label])
}

allowed := {
	"sobjects": {"GET"},
	"sobjects/{object}": {"GET", "POST"},
	"sobjects/{object}/describe": {"GET"},
	"sobjects/{object}/{id}": {"GET", "PATCH", "DELETE"},
	"query": {"GET"},
	"queryAll": {"GET"},
	"search": {"GET"},
	"limits": {"GET"},
	"composite": {"POST"},
	"composite/batch": {"POST"},
	"composite/graph": {"POST"},
	"composite/tree/{object}": {"POST"},
	"composite/sobjects": {"GET", "POST", "PATCH", "DELETE"},
	"tooling/sobjects": {"GET"},
	"tooling/sobjects/{object}": {"GET", "POST"},
	"tooling/sobjects/{object}/describe": {"GET"},
	"tooling/sobjects/{object}/{id}": {"GET", "PATCH", "DELETE"},
	"tooling/query": {"GET"},
	"tooling/search": {"GET"},
	"tooling/executeAnonymous": {"GET"},
}

head(methods) := {"HEAD"} if "GET" in methods

head(methods) := set() if not "GET" in methods

# resource classifies the resource path of an API path: its shape (a key of
# allowed) and a label for messages.
resource(a, ls) := {"shape": concat("", [prefix(a), shape]), "label": concat("", ["/", prefix(a), label])} if {
	segs := split(trim(a.resource, "/"), "/")
	[shape, label] := classify(segs, a, ls)
}

prefix(a) := "tooling/" if a.tooling

prefix(a) := "" if not a.tooling

classify(segs, _, _) := [segs[0], segs[0]] if {
	count(segs) == 1
	segs[0] in {"sobjects", "query", "queryAll", "search", "limits", "composite", "executeAnonymous"}
}

classify(segs, _, _) := ["sobjects/{object}", concat("/", ["sobjects", object_label(segs[1])])] if {
	count(segs) == 2
	segs[0] == "sobjects"
	object_name(segs[1])
}

classify(segs, _, _) := [
	"sobjects/{object}/describe",
	concat("/", ["sobjects", object_label(segs[1]), "describe"]),
] if {
	count(segs) == 3
	segs[0] == "sobjects"
	object_name(segs[1])
	segs[2] == "describe"
}

classify(segs, a, ls) := ["sobjects/{object}/{id}", concat("/", ["sobjects", object_label(segs[1]), "{id}"])] if {
	count(segs) == 3
	segs[0] == "sobjects"
	object_name(segs[1])
	record_id(segs[2], leaf_at(ls, sum([a.at, count(segs[0]), count(segs[1]), 3])))
}

classify(segs, _, _) := [p, p] if {
	count(segs) == 2
	segs[0] == "composite"
	segs[1] in {"batch", "graph", "sobjects"}
	p := concat("/", segs)
}

classify(segs, _, _) := ["composite/tree/{object}", concat("/", ["composite/tree", object_label(segs[2])])] if {
	count(segs) == 3
	segs[0] == "composite"
	segs[1] == "tree"
	object_name(segs[2])
}

# object_name holds for an sObject name, or a single value the linter cannot
# see (one marker).
object_name(seg) if regex.match(`^[A-Za-z][A-Za-z0-9_]*$`, seg)

object_name(seg) if seg == marker

object_label(seg) := "{object}" if seg == marker

object_label(seg) := seg if seg != marker

# record_id holds for a literal record id, or a value named like one.
record_id(seg, _) if {
	regex.match(`^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$`, seg)
	regex.match(`[0-9]`, seg)
}

record_id(seg, l) if {
	seg == marker
	regex.match(`(?i)id\W*$`, l.text)
}

# apis are the /services/data/... paths of the flat text s: whether it is a
# Tooling API path, the resource after the version (and /tooling), and the
# index where that resource starts.
apis(s) := [{"tooling": tooling != "", "resource": res, "at": sum([i, count(version), count(tooling)])} |
	some start in indexof_n(s, "/services/data/")
	i := start + count("/services/data/")
	rest := substring(s, i, -1)
	[[_, version, tooling, res]] := regex.find_all_string_submatch_n(`^([^/?#]*)(/tooling)?(/[^?#]*)?`, rest, 1)
]

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
