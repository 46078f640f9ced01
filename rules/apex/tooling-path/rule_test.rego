package sflint.rules.apex.tooling_path_test

import data.sflint.rules.apex.tooling_path as rule
import data.sflint.test

lit(text, line, col) := {"kind": "literal", "text": text, "inner": [], "line": line, "col": col}

encoded(parts, line, col) := {
	"kind": "urlEncode", "text": "EncodingUtil.urlEncode(soql, 'UTF-8')",
	"inner": parts, "line": line, "col": col,
}

findings(parts) := r if {
	cls := {"file": "C.cls", "name": "C", "callouts": [{
		"method": "m", "line": 5, "col": 9,
		"endpoint": {"parts": parts, "line": 6, "col": 13},
	}]}
	r := rule.report with input as test.with_input({"apexClasses": [cls]})
}

lines(parts) := {[f.line, f.col] | some f in findings(parts)}

test_tooling_object_without_tooling_in_query if {
	r := findings([
		lit("callout:X/services/data/v66.0/query?q=", 6, 25),
		encoded([lit("SELECT Id FROM ApexCodeCoverageAggregate", 4, 23)], 6, 60),
	])
	count(r) == 1
	some f in r
	f.line == 4
	f.col == 23
	f.message == "ApexCodeCoverageAggregate is a Tooling API object; the path needs /tooling/ after the version"
}

test_tooling_object_with_tooling if {
	count(findings([
		lit("callout:X/services/data/v66.0/tooling/query?q=", 6, 25),
		encoded([lit("SELECT Id FROM ApexCodeCoverageAggregate", 4, 23)], 6, 60),
	])) == 0
	count(findings([lit("callout:X/services/data/v66.0/tooling/sobjects/MetadataContainer", 6, 25)])) == 0
}

test_tooling_object_in_sobjects if {
	lines([lit("callout:X/services/data/v66.0/sobjects/", 6, 25), lit("MetadataContainer/", 6, 70)]) == {[6, 70]}
	lines([lit("callout:X/services/data/v66.0/sobjects/TraceFlag", 6, 25)]) == {[6, 25]}
}

test_pre_encoded_query if {
	count(findings([lit("callout:X/services/data/v66.0/query/?q=SELECT+Id+FROM+ApexClassMember", 6, 25)])) == 1
	count(findings([lit("callout:X/services/data/v66.0/queryAll?q=SELECT%20Id%20FROM%20traceflag", 6, 25)])) == 1
}

test_data_object_with_tooling if {
	some f in findings([lit("callout:X/services/data/v66.0/tooling/query?q=SELECT+Id+FROM+Account", 6, 25)])
	f.message == "Account is not a Tooling API object; drop /tooling/ from the path"
	count(findings([lit("callout:X/services/data/v66.0/tooling/sobjects/Invoice__c/", 6, 25)])) == 1
}

test_objects_in_both_apis if {
	count(findings([lit("callout:X/services/data/v66.0/query?q=SELECT+Id+FROM+ApexClass", 6, 25)])) == 0
	count(findings([lit("callout:X/services/data/v66.0/tooling/query?q=SELECT+Id+FROM+ApexClass", 6, 25)])) == 0
}

test_data_object_without_tooling if {
	count(findings([lit("callout:X/services/data/v66.0/query?q=SELECT+Id,(SELECT+Id+FROM+Contacts)+FROM+Account", 6, 25)])) == 0
	count(findings([lit("callout:X/services/data/v66.0/sobjects/Account/describe", 6, 25)])) == 0
}

test_unknown_query_is_not_judged if {
	p := {"kind": "unknown", "text": "encoded(soql)", "inner": [], "line": 6, "col": 60}
	count(findings([lit("callout:X/services/data/v66.0/query?q=", 6, 25), p])) == 0
}

test_other_resources if {
	count(findings([lit("callout:X/services/data/v66.0/search?q=FIND+{x}+FROM+ApexClassMember", 6, 25)])) == 0
	count(findings([lit("callout:X/services/apexrest/sobjects/TraceFlag", 6, 25)])) == 0
}
