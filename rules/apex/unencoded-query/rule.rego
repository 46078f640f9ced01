# METADATA
# title: Query text in q= is not URL-encoded
# description: |
#   A SOQL or SOSL query passed in the URL (/query?q=..., /search?q=...)
#   must be URL-encoded. This rule reads every Apex callout endpoint, with
#   constants and the arguments of helper methods filled in, and reports
#   literal text in the value of q= that holds characters a URL cannot carry
#   as they are (spaces, quotes ", <, >, braces, |, \, ^, backquotes, a %
#   not followed by two hex digits, non-ASCII letters) outside
#   EncodingUtil.urlEncode. The finding points at the literal that holds
#   the first such character.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_classes_url_encodingutil.htm
#   - ref: https://help.salesforce.com/s/articleView?id=000392650&type=1
# custom:
#   id: apex/unencoded-query
#   severity: error
#   why: |
#     SELECT Id FROM Account written straight into the endpoint puts spaces
#     and quotes into the URL. Salesforce does not encode the endpoint for
#     the code, so the request is malformed or the query reaches the API
#     truncated.
#   symptom: |
#     The callout fails before or at the API: System.UnexpectedException:
#     Script-thrown exception (Salesforce Help article 000392650, on
#     reserved characters in a callout URL), or HTTP 400 MALFORMED_QUERY.
#   fix: |
#     Build the query in a String and append it encoded:
#     '/query?q=' + EncodingUtil.urlEncode(soql, 'UTF-8').
#   before: |
#     send('GET', BASE + '/query?q=SELECT Id, Name FROM Account LIMIT 10');
#   after: |
#     String soql = 'SELECT Id, Name FROM Account LIMIT 10';
#     send('GET', BASE + '/query?q=' + EncodingUtil.urlEncode(soql, 'UTF-8'));
#   assumptions: |
#     Text already encoded by hand (SELECT+Id+FROM+Account, %20) is accepted.
#     Parts the linter cannot see (parameters, method calls) are not judged;
#     apex/soql-injection reports parameters that reach the query unencoded.
#     Characters that RFC 3986 allows in a query (' = , ( ) and others) are
#     not reported.
package sflint.rules.apex.unencoded_query

import data.sflint.lib

report contains lib.finding(cls, leaf_at(ls, q.at + indexof(q.text, c)), msg, fix) if {
	some cls in input.apexClasses
	some co in cls.callouts
	ls := co.endpoint.parts
	q := query_param(flat(ls))
	[c] := regex.find_n(unsafe, q.text, 1)
	msg := sprintf("q= holds %s outside EncodingUtil.urlEncode; the callout URL is malformed", [describe(c)])
	fix := "append the query as EncodingUtil.urlEncode(soql, 'UTF-8')"
}

# unsafe matches a character a URL query cannot carry as it is, or a % that
# starts no escape. The marker (a part the linter cannot see) is not one.
unsafe := `[ \t\r\n"<>\\^\x60{|}]|[^\x00-\x7F]|%([^0-9A-Fa-f]|[0-9A-Fa-f][^0-9A-Fa-f]|[0-9A-Fa-f]?$)`

describe(c) := "a space" if c == " "

describe(c) := "a line break or tab" if c in {"\t", "\r", "\n"}

describe(c) := "a % that escapes nothing" if startswith(c, "%")

describe(c) := sprintf("the character %q", [c]) if {
	not c in {" ", "\t", "\r", "\n"}
	not startswith(c, "%")
}

# query_param is the value of the q parameter and where it starts.
query_param(s) := {"text": v, "at": end - count(v)} if {
	[[m, v]] := regex.find_all_string_submatch_n(`[?&]q=([^&#]*)`, s, 1)
	end := indexof(s, m) + count(m)
}

# The endpoint is read as flat text: literal parts as their value, every
# other part (a parameter, a call, EncodingUtil.urlEncode) as one marker
# character.
marker := "\u0000"

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
