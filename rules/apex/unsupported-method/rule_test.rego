package sflint.rules.apex.unsupported_method_test

import data.sflint.rules.apex.unsupported_method as rule
import data.sflint.test

lit(text, line, col) := {"kind": "literal", "text": text, "inner": [], "line": line, "col": col}

method(m) := {"literal": true, "value": m, "text": m, "prefix": m, "parts": [lit(m, 9, 14)], "line": 20, "col": 13}

findings(m, parts) := r if {
	cls := {"file": "C.cls", "name": "C", "callouts": [{
		"method": "m", "line": 9, "col": 9, "via": ["send"],
		"httpMethod": method(m), "endpoint": {"parts": parts, "line": 19, "col": 13},
	}]}
	r := rule.report with input as test.with_input({"apexClasses": [cls]})
}

ok(m, path) if count(findings(m, [lit(concat("", ["callout:X/services/data/v66.0", path]), 9, 21)])) == 0

bad(m, path) := f.message if {
	[f] := [f | some f in findings(m, [lit(concat("", ["callout:X/services/data/v66.0", path]), 9, 21)])]
}

test_put_to_create if {
	r := findings("PUT", [lit("callout:X/services/data/v66.0/sobjects/Account", 9, 21)])
	count(r) == 1
	some f in r
	f.line == 9
	f.col == 14
	f.message == "PUT is not allowed on /sobjects/Account (allowed: GET, HEAD, POST); the API answers 405"
	f.fix == "use GET or POST on /sobjects/Account"
}

test_accepted_methods if {
	ok("GET", "/sobjects")
	ok("POST", "/sobjects/Account/")
	ok("HEAD", "/sobjects/Account")
	ok("GET", "/sobjects/Account/describe")
	ok("PATCH", "/sobjects/Account/001000000000001AAA")
	ok("DELETE", "/sobjects/Account/001000000000001")
	ok("GET", "/query?q=SELECT+Id+FROM+Account")
	ok("GET", "/queryAll/?q=x")
	ok("GET", "/limits")
	ok("POST", "/composite")
	ok("POST", "/composite/tree/Account")
	ok("DELETE", "/composite/sobjects?ids=001000000000001")
	ok("GET", "/tooling/query?q=x")
	ok("POST", "/tooling/sobjects/MetadataContainer")
	ok("GET", "/tooling/executeAnonymous?anonymousBody=x")
}

test_refused_methods if {
	contains(bad("POST", "/query?q=x"), "POST is not allowed on /query")
	contains(bad("DELETE", "/sobjects/Account"), "on /sobjects/Account (")
	contains(bad("POST", "/sobjects/Account/001000000000001AAA"), "on /sobjects/Account/{id}")
	contains(bad("PUT", "/sobjects/Account/001000000000001AAA"), "allowed: DELETE, GET, HEAD, PATCH")
	contains(bad("GET", "/composite/batch"), "allowed: POST")
	contains(bad("PATCH", "/sobjects/Account/describe"), "/describe")
	contains(bad("POST", "/tooling/query?q=x"), "/tooling/query")
	contains(bad("POST", "/tooling/executeAnonymous"), "/tooling/executeAnonymous")
	contains(bad("DELETE", "/sobjects"), "/sobjects (")
	contains(bad("GET", "/composite/tree/Account"), "/composite/tree/Account")
}

test_record_id_from_a_parameter if {
	id := {"kind": "param", "text": "recordId", "inner": [], "line": 9, "col": 60}
	r := findings("POST", [lit("callout:X/services/data/v66.0/sobjects/Account/", 9, 21), id])
	some f in r
	contains(f.message, "/sobjects/Account/{id}")
	other := {"kind": "param", "text": "path", "inner": [], "line": 9, "col": 60}
	count(findings("POST", [lit("callout:X/services/data/v66.0/sobjects/Account/", 9, 21), other])) == 0
}

test_object_from_a_parameter if {
	obj := {"kind": "param", "text": "objectName", "inner": [], "line": 9, "col": 60}
	some f in findings("PUT", [lit("callout:X/services/data/v66.0/sobjects/", 9, 21), obj])
	contains(f.message, "/sobjects/{object}")
}

test_unknown_resources_are_not_judged if {
	ok("PUT", "/sobjects/Account/listviews")
	ok("PUT", "/sobjects/Account/ExtId__c/42")
	ok("PUT", "/connect/x")
	ok("POST", "/sobjects/Account/001000000000001AAA?_HttpMethod=PATCH")
	count(findings("PUT", [lit("callout:X/services/apexrest/sobjects/Account", 9, 21)])) == 0
}

test_unknown_method_is_not_judged if {
	cls := {"file": "C.cls", "name": "C", "callouts": [{
		"method": "m", "line": 9, "col": 9,
		"httpMethod": {"literal": false, "value": "", "parts": [{"kind": "param", "text": "m", "inner": [], "line": 9, "col": 14}]},
		"endpoint": {"parts": [lit("callout:X/services/data/v66.0/query", 9, 21)]},
	}]}
	count(rule.report) == 0 with input as test.with_input({"apexClasses": [cls]})
}
