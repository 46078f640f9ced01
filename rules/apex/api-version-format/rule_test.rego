package sflint.rules.apex.api_version_format_test

import data.sflint.rules.apex.api_version_format as rule
import data.sflint.test

lit(text, line, col) := {"kind": "literal", "text": text, "inner": [], "line": line, "col": col}

part(kind, text, line, col) := {"kind": kind, "text": text, "inner": [], "line": line, "col": col}

findings(parts) := r if {
	cls := {"file": "C.cls", "name": "C", "callouts": [{
		"method": "m", "line": 5, "col": 9,
		"endpoint": {"parts": parts, "line": 6, "col": 13},
	}]}
	r := rule.report with input as test.with_input({"apexClasses": [cls]})
}

message(parts) := m if {
	[f] := [f | some f in findings(parts)]
	m := f.message
}

test_well_formed if {
	count(findings([lit("callout:X/services/data/v66.0/limits", 6, 25)])) == 0
	count(findings([lit("callout:X/services/data/v66.0", 6, 25)])) == 0
	count(findings([lit("callout:X/services/data/", 6, 25)])) == 0
	count(findings([lit("callout:X/services/data", 6, 25)])) == 0
}

test_missing_point_zero if {
	r := findings([lit("callout:X/services/data/v58/limits", 6, 25)])
	count(r) == 1
	some f in r
	f.line == 6
	f.col == 25
	contains(f.message, "\"v58\" must be written v58.0")
	f.fix == "write v58.0"
}

test_missing_v if {
	contains(message([lit("callout:X/services/data/58.0/query?q=x", 6, 25)]), "\"58.0\"")
}

test_other_forms if {
	contains(message([lit("/services/data/V58.0/", 6, 25)]), "\"V58.0\"")
	contains(message([lit("/services/data/v58.0.1/", 6, 25)]), "v58.0")
	contains(message([lit("/services/data/v58.", 6, 25)]), "v58.0")
}

test_version_left_out if {
	m := message([lit("callout:X/services/data/sobjects/Account", 6, 25)])
	contains(m, "has no API version")
}

test_version_from_a_constant if {
	r := findings([lit("callout:X/services/data/", 2, 40), lit("v58", 3, 40), lit("/limits", 6, 30)])
	count(r) == 1
	some f in r
	f.line == 3
	f.col == 40
}

test_unknown_version_is_not_judged if {
	count(findings([lit("callout:X/services/data/v", 6, 25), part("param", "version", 6, 40)])) == 0
	count(findings([lit("callout:X/services/data/", 6, 25), part("unknown", "API.version()", 6, 40)])) == 0
}

test_inside_url_encode if {
	enc := object.union(part("urlEncode", "EncodingUtil.urlEncode(p, 'UTF-8')", 6, 40), {"inner": [lit("/services/data/v58/", 7, 12)]})
	r := findings([lit("callout:X/a?next=", 6, 25), enc])
	some f in r
	f.line == 7
}

test_no_endpoint if {
	cls := {"file": "C.cls", "name": "C", "callouts": [{"method": "m", "line": 5, "col": 9}]}
	count(rule.report) == 0 with input as test.with_input({"apexClasses": [cls]})
}
