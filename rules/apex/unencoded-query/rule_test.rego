package sflint.rules.apex.unencoded_query_test

import data.sflint.rules.apex.unencoded_query as rule
import data.sflint.test

lit(text, line, col) := {"kind": "literal", "text": text, "inner": [], "line": line, "col": col}

part(kind, line, col) := {"kind": kind, "text": "x", "inner": [], "line": line, "col": col}

findings(parts) := r if {
	cls := {"file": "C.cls", "name": "C", "callouts": [{
		"method": "m", "line": 5, "col": 9,
		"endpoint": {"parts": parts, "line": 6, "col": 13},
	}]}
	r := rule.report with input as test.with_input({"apexClasses": [cls]})
}

message(text) := f.message if {
	[f] := [f | some f in findings([lit(text, 6, 25)])]
}

test_spaces if {
	r := findings([lit("callout:X/services/data/v66.0/query?q=SELECT Id FROM Account", 6, 25)])
	count(r) == 1
	some f in r
	f.line == 6
	f.col == 25
	f.message == "q= holds a space outside EncodingUtil.urlEncode; the callout URL is malformed"
}

test_in_a_later_literal if {
	r := findings([
		lit("callout:X/services/data/v66.0/query?q=", 6, 25),
		lit("SELECT+Id+FROM+Account+WHERE+Name='", 6, 60),
		part("escapeSingleQuotes", 6, 90),
		lit("' LIMIT 1", 6, 120),
	])
	{[f.line, f.col] | some f in r} == {[6, 120]}
}

test_other_characters if {
	contains(message("/search?q=FIND+{Acme}"), "the character \"{\"")
	contains(message("/x?a=1&q=Name%zz"), "a % that escapes nothing")
	contains(message("/x?q=SELECT\nId"), "a line break or tab")
	contains(message("/x?q=Name=\"x\""), "the character \"\\\"\"")
	contains(message("/x?q=Café"), "\"é\"")
}

test_encoded_is_clean if {
	count(findings([lit("callout:X/services/data/v66.0/query?q=", 6, 25), part("urlEncode", 6, 60)])) == 0
	count(findings([lit("callout:X/services/data/v66.0/query?q=SELECT+Id,Name+FROM+Account+WHERE+Name='x'", 6, 25)])) == 0
	count(findings([lit("callout:X/services/data/v66.0/query?q=SELECT%20Id%20FROM%20Account", 6, 25)])) == 0
}

test_text_outside_q_is_not_judged if {
	count(findings([lit("callout:X/services/data/v66.0/query?q=SELECT+Id+FROM+Account&x=a b", 6, 25)])) == 0
	count(findings([lit("callout:X/services/data/v66.0/sobjects/Account?fields=Id, Name", 6, 25)])) == 0
	count(findings([lit("callout:X/a b/query?iq=x y", 6, 25)])) == 0
}

test_unknown_parts_are_not_judged if {
	count(findings([lit("callout:X/services/data/v66.0/query?q=", 6, 25), part("param", 6, 60)])) == 0
}
