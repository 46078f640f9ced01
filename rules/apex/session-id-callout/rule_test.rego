package sflint.rules.apex.session_id_callout_test

import data.sflint.rules.apex.session_id_callout as rule
import data.sflint.test

lit(text, line, col) := {"kind": "literal", "text": text, "inner": [], "line": line, "col": col}

sid(line, col) := {"kind": "sessionId", "text": "UserInfo.getSessionId()", "inner": [], "line": line, "col": col}

expr(parts) := {"literal": false, "value": "", "text": "", "prefix": "", "parts": parts, "line": 9, "col": 13}

literal(text, line, col) := {
	"literal": true, "value": text, "text": text, "prefix": text,
	"parts": [lit(text, line, col)], "line": line, "col": 13,
}

header(name, value) := {"name": name, "value": value, "line": 8, "col": 13}

findings(co) := r if {
	cls := {"file": "C.cls", "name": "C", "callouts": [object.union({"method": "m", "line": 5, "col": 9, "headers": []}, co)]}
	r := rule.report with input as test.with_input({"apexClasses": [cls]})
}

test_authorization_header if {
	r := findings({"headers": [header(literal("Authorization", 8, 23), expr([lit("Bearer ", 8, 40), sid(8, 52)]))]})
	count(r) == 1
	some f in r
	f.line == 8
	f.col == 52
	f.message == "UserInfo.getSessionId() sent in the Authorization header; Lightning sessions can't call APIs"
}

test_header_named_by_a_variable if {
	name := expr([{"kind": "unknown", "text": "h", "inner": [], "line": 8, "col": 23}])
	some f in findings({"headers": [header(name, expr([sid(8, 52)]))]})
	contains(f.message, "request header")
}

test_endpoint_and_body if {
	enc := {
		"kind": "urlEncode", "text": "EncodingUtil.urlEncode(UserInfo.getSessionId(), 'UTF-8')",
		"inner": [sid(6, 60)], "line": 6, "col": 37,
	}
	r := findings({"endpoint": expr([lit("https://x.example.com/?sid=", 6, 25), enc]), "body": expr([lit("{\"sid\":\"", 7, 21), sid(7, 33)])})
	{[f.line, f.col] | some f in r} == {[6, 60], [7, 33]}
}

test_api_session_id_merge_field if {
	r := findings({"headers": [header(literal("Authorization", 8, 23), literal("Bearer {!$Api.Session_ID}", 8, 40))]})
	some f in r
	f.col == 40
	contains(f.message, "$Api.Session_ID")
}

test_named_credential_is_clean if {
	count(findings({
		"endpoint": literal("callout:Loopback/services/data/v66.0/limits", 6, 25),
		"headers": [header(literal("Content-Type", 8, 23), literal("application/json", 8, 40))],
		"body": expr([lit("{}", 7, 21)]),
	})) == 0
}
