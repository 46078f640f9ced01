package sflint.rules.apex.api_version_inconsistent_test

import data.sflint.rules.apex.api_version_inconsistent as rule
import data.sflint.test

lit(text, line, col) := {"kind": "literal", "text": text, "inner": [], "line": line, "col": col}

callout(text, line) := {"method": "m", "line": line, "col": 9, "endpoint": {"parts": [lit(text, line, 25)], "line": line, "col": 13}}

project(version) := object.union(test.empty.project, {"sourceApiVersion": {"value": version, "line": 3, "col": 3}})

findings(callouts, version) := r if {
	cls := {"file": "C.cls", "name": "C", "callouts": callouts}
	r := rule.report with input as test.with_input({"apexClasses": [cls], "project": project(version)})
}

test_one_version if {
	count(findings([callout("callout:X/services/data/v66.0/limits", 5), callout("callout:X/services/data/v66.0/query", 9)], "66.0")) == 0
}

test_other_than_source_version if {
	r := findings([callout("callout:X/services/data/v52.0/limits", 5), callout("callout:X/services/data/v66.0/query", 9)], "66.0")
	count(r) == 1
	some f in r
	f.file == "C.cls"
	f.line == 5
	f.col == 25
	f.message == "calls API v52.0 while the other callouts use v66.0; use one version"
}

test_most_used_when_source_version_unused if {
	r := findings(
		[
			callout("callout:X/services/data/v52.0/limits", 5),
			callout("callout:X/services/data/v60.0/query", 9),
			callout("callout:X/services/data/v60.0/sobjects", 13),
		],
		"66.0",
	)
	{f.line | some f in r} == {5}
}

test_newest_on_a_tie if {
	r := findings([callout("callout:X/services/data/v52.0/limits", 5), callout("callout:X/services/data/v60.0/query", 9)], "66.0")
	{f.line | some f in r} == {5}
}

test_too_new_is_left_out if {
	count(findings([callout("callout:X/services/data/v67.0/limits", 5), callout("callout:X/services/data/v66.0/query", 9)], "66.0")) == 0
}

test_without_source_version if {
	r := findings([callout("callout:X/services/data/v52.0/limits", 5), callout("callout:X/services/data/v60.0/query", 9)], "")
	{f.line | some f in r} == {5}
}

test_one_place_used_twice if {
	shared := {"method": "m", "line": 9, "col": 9, "endpoint": {"parts": [lit("callout:X/services/data/v60.0", 2, 40), lit("/limits", 9, 30)]}}
	also := {"method": "n", "line": 12, "col": 9, "endpoint": {"parts": [lit("callout:X/services/data/v60.0", 2, 40), lit("/query", 12, 30)]}}
	r := findings([shared, also, callout("callout:X/services/data/v66.0/query", 15)], "66.0")
	{[f.line, f.col] | some f in r} == {[2, 40]}
}
