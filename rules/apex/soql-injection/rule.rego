# METADATA
# title: Query in q= built from a String parameter without escaping
# description: |
#   This rule reads every Apex callout endpoint, with constants, locals, the
#   arguments of helper methods and the argument of EncodingUtil.urlEncode
#   filled in, and looks at the q= of the URL when its literal text is a
#   query (SELECT or FIND). It reports each String parameter of the calling
#   method that reaches that query without String.escapeSingleQuotes, and
#   each escaped one that reaches it without EncodingUtil.urlEncode. The
#   finding points at the parameter, in the caller when a helper such as
#   send(method, path) was followed.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/pages_security_tips_soql_injection.htm
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_string.htm
# custom:
#   id: apex/soql-injection
#   severity: warning
#   why: |
#     An @AuraEnabled method receives its parameters from the browser. A
#     quote in one that is pasted into the query ends the string literal and
#     lets the caller add conditions of their own (OR Name != ''), reading
#     records the query was meant to hide. An unencoded & or # cuts the
#     query out of the URL.
#   symptom: |
#     Records outside the intended filter are returned, or the query fails
#     with HTTP 400 MALFORMED_QUERY when a value holds a quote, & or #.
#   fix: |
#     Wrap every String value in String.escapeSingleQuotes inside the query,
#     and append the whole query with EncodingUtil.urlEncode(soql, 'UTF-8').
#   before: |
#     String soql = 'SELECT Id FROM Account WHERE Name = \'' + name + '\'';
#     send('GET', BASE + '/query?q=' + EncodingUtil.urlEncode(soql, 'UTF-8'));
#   after: |
#     String soql = 'SELECT Id FROM Account WHERE Name = \'' + String.escapeSingleQuotes(name) + '\'';
#     send('GET', BASE + '/query?q=' + EncodingUtil.urlEncode(soql, 'UTF-8'));
#   assumptions: |
#     Only parameters declared String are reported: Id, numbers, dates and
#     booleans cannot carry a quote. A parameter that is the whole query (a
#     helper such as query(String soql)) is not: its callers build the query.
#     Values the linter cannot follow (fields, other classes' constants,
#     locals assigned twice) are not judged. Queries sent in a request body
#     are not read.
package sflint.rules.apex.soql_injection

import data.sflint.lib

report contains lib.finding(cls, l, msg, fix) if {
	some cls in input.apexClasses
	some co in cls.callouts
	ls := leaves(co.endpoint)
	s := flat(ls)
	q := query_param(s)
	regex.match(`(?i)(^|[^a-z])(select|find)([^a-z]|$)`, q.text)
	some k, l in ls
	offset(ls, k) >= q.at
	offset(ls, k) < q.at + count(q.text)
	some name in unsafe(l)
	string_param(cls, co.method, name)
	msg := message(l, name)
	fix := sprintf("use String.escapeSingleQuotes(%s) and EncodingUtil.urlEncode the whole query", [name])
}

# unsafe lists the parameters a part brings into the query unprotected: a
# parameter on its own, or one escaped but outside EncodingUtil.urlEncode.
unsafe(l) := [l.text] if l.kind == "param"

unsafe(l) := [p.text | some p in l.inner; p.kind == "param"] if {
	l.kind == "escapeSingleQuotes"
	not l.encoded
}

message(l, name) := sprintf("parameter %s reaches the q= query without String.escapeSingleQuotes", [name]) if {
	l.kind == "param"
} else := sprintf("escaped parameter %s reaches q= without EncodingUtil.urlEncode; & or # cut it", [name])

# string_param holds when a method of the class of that name takes a String
# parameter of that name (Apex names are case-insensitive).
string_param(cls, method, name) if {
	some m in cls.methods
	lower(m.name) == lower(method)
	some p in m.params
	lower(p.name) == lower(name)
	lower(p.type) in {"string", "system.string"}
}

# query_param is the value of the q parameter and where it starts.
query_param(s) := {"text": v, "at": end - count(v)} if {
	[[m, v]] := regex.find_all_string_submatch_n(`[?&]q=([^&#]*)`, s, 1)
	end := indexof(s, m) + count(m)
}

# The endpoint is read as flat text: literal parts as their value, every
# other part (a parameter, a call) as one marker character. The argument of
# EncodingUtil.urlEncode is spliced in, its parts marked encoded.
marker := "\u0000"

leaves(e) := [l | some p in e.parts; some l in expand(p)]

expand(p) := [object.union(q, {"encoded": true}) | some q in p.inner] if p.kind == "urlEncode"

expand(p) := [object.union(p, {"encoded": false})] if p.kind != "urlEncode"

text(l) := l.text if l.kind == "literal"

text(l) := marker if l.kind != "literal"

flat(ls) := concat("", [text(l) | some l in ls])

# offset is where part k starts in the flat text.
offset(ls, k) := sum([count(text(m)) | some j, m in ls; j < k])
