package sflint.rules.apex.api_version_too_new_test

import data.sflint.rules.apex.api_version_too_new as rule
import data.sflint.test

lit(text, line, col) := {"kind": "literal", "text": text, "inner": [], "line": line, "col": col}

project(version) := object.union(test.empty.project, {"sourceApiVersion": {"value": version, "line": 3, "col": 3}})

findings(parts, version) := r if {
	cls := {"file": "C.cls", "name": "C", "callouts": [{
		"method": "m", "line": 5, "col": 9,
		"endpoint": {"parts": parts, "line": 6, "col": 13},
	}]}
	r := rule.report with input as test.with_input({"apexClasses": [cls], "project": project(version)})
}

test_newer if {
	r := findings([lit("callout:X/services/data/v67.0/limits", 6, 25)], "66.0")
	count(r) == 1
	some f in r
	f.line == 6
	f.col == 25
	f.message == "API v67.0 is newer than sourceApiVersion 66.0; older orgs answer 404"
}

test_same_or_older if {
	count(findings([lit("callout:X/services/data/v66.0/limits", 6, 25)], "66.0")) == 0
	count(findings([lit("callout:X/services/data/v58.0", 6, 25)], "66.0")) == 0
}

test_version_in_a_constant if {
	r := findings([lit("callout:X/services/data/", 2, 40), lit("v70.0", 3, 40), lit("/limits", 6, 30)], "66.0")
	some f in r
	f.line == 3
}

test_malformed_is_left_to_api_version_format if {
	count(findings([lit("callout:X/services/data/v70/limits", 6, 25)], "66.0")) == 0
	count(findings([lit("callout:X/services/data/v70.0.1/limits", 6, 25)], "66.0")) == 0
}

test_no_source_version if {
	count(findings([lit("callout:X/services/data/v67.0/limits", 6, 25)], "")) == 0
	count(findings([lit("callout:X/services/data/v67.0/limits", 6, 25)], "latest")) == 0
}

test_integer_source_version if {
	count(findings([lit("callout:X/services/data/v67.0", 6, 25)], "66")) == 1
}

test_unknown_version_is_not_judged if {
	p := {"kind": "param", "text": "version", "inner": [], "line": 6, "col": 40}
	count(findings([lit("callout:X/services/data/v", 6, 25), p], "66.0")) == 0
}

test_max_api_version_option if {
	cls := {"file": "C.cls", "name": "C", "callouts": [{
		"method": "m", "line": 5, "col": 9,
		"endpoint": {"parts": [lit("callout:X/services/data/v66.0/limits", 6, 25)], "line": 6, "col": 13},
	}]}
	configured := object.union(test.with_input({"apexClasses": [cls], "project": project("66.0")}), {
		"options": {"apex/api-version-too-new": {"max_api_version": 62}},
	})
	r := rule.report with input as configured
	count(r) == 1
	some f in r
	f.message == "API v66.0 is newer than max_api_version 62; older orgs answer 404"
}
