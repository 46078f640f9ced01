package sflint.rules.apex.hardcoded_secret_test

import data.sflint.rules.apex.hardcoded_secret as rule
import data.sflint.test

lit(text, line, col) := {"kind": "literal", "text": text, "inner": [], "line": line, "col": col}

part(kind, line, col) := {"kind": kind, "text": "x", "inner": [], "line": line, "col": col}

expr(parts) := {"literal": false, "value": "", "parts": parts, "line": 9, "col": 13}

name(n) := {"literal": true, "value": n, "parts": [lit(n, 8, 23)], "line": 8, "col": 13}

header(n, parts) := {"name": name(n), "value": expr(parts), "line": 8, "col": 13}

consumer_key := concat("", ["3MVG9", "A2kN3Bn17hsWsLDatw._IVMEUBoPKv.7ksp0tz7xLX4tWDVgyzwTCA7i_yTfP.qYuNOsSoPNcdVH6DuE"])

session_id := concat("", ["00D5j00000A1b2C", "!AQ4AQFakeTokenValueForTestsOnly0123456789"])

token := "ya29a0AfH6SMBx9fakefakefake"

findings(cls) := r if {
	c := object.union({"file": "C.cls", "name": "C", "literals": [], "callouts": []}, cls)
	r := rule.report with input as test.with_input({"apexClasses": [c]})
}

callout(co) := findings({"callouts": [object.union({"method": "m", "line": 5, "col": 9, "headers": []}, co)]})

test_consumer_key_anywhere if {
	r := findings({"literals": [{"value": concat("", ["client_id=", consumer_key]), "method": "", "line": 3, "col": 40}]})
	count(r) == 1
	some f in r
	f.line == 3
	f.col == 40
	f.message == "a literal holds a Salesforce consumer key; keep it out of source"
	not contains(f.message, consumer_key)
}

test_session_id_anywhere if {
	some f in findings({"literals": [{"value": session_id, "method": "m", "line": 3, "col": 40}]})
	contains(f.message, "session id or access token")
}

test_documentation_example if {
	example := "00Dxx0000001gEb!AQ4AQLlMunyjVCe5qEdoFJOtZG8fiypuvjsVZ"
	count(findings({"literals": [{"value": example, "method": "", "line": 3, "col": 40}]})) == 0
}

test_ordinary_literals if {
	count(findings({"literals": [
		{"value": "3MVG short", "method": "", "line": 3, "col": 40},
		{"value": "00D000000000001", "method": "", "line": 4, "col": 9},
	]})) == 0
}

test_bearer_header if {
	r := callout({"headers": [header("Authorization", [lit("Bearer ", 8, 40), lit(token, 2, 40)])]})
	count(r) == 1
	some f in r
	f.line == 2
	f.col == 40
	f.message == "the Authorization header holds a literal Bearer credential"
}

test_basic_header if {
	some f in callout({"headers": [header("authorization", [lit("Basic dXNlcjpwYXNzd29yZA==", 8, 40)])]})
	f.col == 40
	contains(f.message, "literal Basic credential")
}

test_authorization_that_is_not_a_literal if {
	count(callout({"headers": [header("Authorization", [lit("Bearer ", 8, 40), part("param", 8, 50)])]})) == 0
	count(callout({"headers": [header("Authorization", [lit("Bearer {!$Credential.Partner.Token}", 8, 40)])]})) == 0
	count(callout({"headers": [header("Authorization", [lit("Bearer ${TOKEN_FROM_CI}", 8, 40)])]})) == 0
	count(callout({"headers": [header("Authorization", [lit("Bearer test", 8, 40)])]})) == 0
	count(callout({"headers": [header("Authorization", [lit(concat("", ["Bearer ", session_id]), 8, 40)])]})) == 0
}

test_key_header if {
	some f in callout({"headers": [header("X-Api-Key", [lit("k3y-0f-the-partner", 8, 40)])]})
	f.message == "header X-Api-Key holds a literal secret"
	count(callout({"headers": [header("X-Api-Key", [part("unknown", 8, 40)])]})) == 0
	count(callout({"headers": [header("Content-Type", [lit("application/json-patch", 8, 40)])]})) == 0
}

test_form_body if {
	r := callout({"body": expr([lit("grant_type=password&username=u@acme.com&password=", 7, 21), lit("hunter2hunter2", 2, 40)])})
	{[f.line, f.col, f.message] | some f in r} == {[2, 40, "the body holds a literal password"]}
}

test_form_body_in_url_encode if {
	enc := {
		"kind": "urlEncode", "text": "EncodingUtil.urlEncode(SECRET, 'UTF-8')",
		"inner": [lit("s3cr3t-value", 2, 40)], "line": 7, "col": 60,
	}
	some f in callout({"body": expr([lit("grant_type=client_credentials&client_secret=", 7, 21), enc])})
	f.line == 2
}

test_json_body if {
	some f in callout({"body": expr([lit("{\"username\":\"u\",\"password\":\"hunter2hunter2\"}", 7, 21)])})
	f.col == 21
	f.message == "the body holds a literal password"
}

test_endpoint_query if {
	some f in callout({"endpoint": expr([lit("https://api.example.com/token?client_secret=abc123&x=1", 6, 25)])})
	f.message == "the endpoint holds a literal client_secret"
}

test_merge_fields_and_parameters if {
	count(callout({"body": expr([lit("grant_type=password&password={!$Credential.Password}", 7, 21)])})) == 0
	count(callout({"body": expr([lit("client_secret=", 7, 21), part("param", 7, 40)])})) == 0
	count(callout({"body": expr([lit("{\"password\":\"", 7, 21), part("param", 7, 40), lit("\"}", 7, 50)])})) == 0
	count(callout({"body": expr([lit("grant_type=password&client_id=abc", 7, 21)])})) == 0
}
