package sflint.rules.apex.soql_injection_test

import data.sflint.rules.apex.soql_injection as rule
import data.sflint.test

lit(text, line, col) := {"kind": "literal", "text": text, "inner": [], "line": line, "col": col}

param(name, line, col) := {"kind": "param", "text": name, "inner": [], "line": line, "col": col}

escaped(inner, line, col) := {
	"kind": "escapeSingleQuotes", "text": "String.escapeSingleQuotes(x)",
	"inner": inner, "line": line, "col": col,
}

encoded(inner, line, col) := {
	"kind": "urlEncode", "text": "EncodingUtil.urlEncode(soql, 'UTF-8')",
	"inner": inner, "line": line, "col": col,
}

base := lit("callout:X/services/data/v66.0/query?q=", 2, 40)

methods := [
	{"name": "find", "params": [{"name": "name", "type": "String"}, {"name": "accountId", "type": "Id"}]},
	{"name": "send", "params": [{"name": "method", "type": "String"}, {"name": "endpoint", "type": "String"}]},
]

findings(parts) := r if {
	cls := {"file": "C.cls", "name": "C", "methods": methods, "callouts": [{
		"method": "find", "via": ["send"], "line": 7, "col": 16,
		"endpoint": {"parts": parts, "line": 20, "col": 13},
	}]}
	r := rule.report with input as test.with_input({"apexClasses": [cls]})
}

test_unescaped_parameter_inside_url_encode if {
	r := findings([base, encoded([lit("SELECT Id FROM Account WHERE Name = '", 6, 23), param("name", 6, 70), lit("'", 6, 77)], 7, 50)])
	count(r) == 1
	some f in r
	f.line == 6
	f.col == 70
	f.message == "parameter name reaches the q= query without String.escapeSingleQuotes"
}

test_unescaped_parameter_outside_url_encode if {
	r := findings([base, lit("SELECT+Id+FROM+Account+WHERE+Name='", 7, 30), param("Name", 7, 70), lit("'", 7, 77)])
	{[f.line, f.col] | some f in r} == {[7, 70]}
}

test_escaped_and_encoded_is_clean if {
	soql := [lit("SELECT Id FROM Account WHERE Name = '", 6, 23), escaped([param("name", 6, 90)], 6, 60), lit("'", 6, 100)]
	count(findings([base, encoded(soql, 7, 50)])) == 0
}

test_escaped_but_not_encoded if {
	r := findings([base, lit("SELECT+Id+FROM+Account+WHERE+Name='", 7, 30), escaped([param("name", 7, 90)], 7, 70), lit("'", 7, 100)])
	some f in r
	f.col == 70
	contains(f.message, "without EncodingUtil.urlEncode")
}

test_parameters_that_are_not_strings if {
	soql := [lit("SELECT Id FROM Contact WHERE AccountId = '", 6, 23), param("accountId", 6, 70), lit("'", 6, 80)]
	count(findings([base, encoded(soql, 7, 50)])) == 0
	count(findings([base, encoded([lit("SELECT Id FROM Contact WHERE AccountId = '", 6, 23), param("other", 6, 70)], 7, 50)])) == 0
}

test_whole_query_from_a_parameter if {
	count(findings([base, encoded([param("name", 6, 70)], 7, 50)])) == 0
}

test_parameter_outside_the_query if {
	count(findings([lit("callout:X/services/data/v66.0/query?q=SELECT+Id+FROM+Account&x=", 6, 25), param("name", 6, 70)])) == 0
	count(findings([lit("callout:X/services/data/v66.0/sobjects/Account/", 6, 25), param("name", 6, 70)])) == 0
}

test_no_endpoint if {
	cls := {"file": "C.cls", "name": "C", "methods": methods, "callouts": [{"method": "find", "line": 7, "col": 16}]}
	count(rule.report) == 0 with input as test.with_input({"apexClasses": [cls]})
}
