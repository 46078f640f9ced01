package sflint.rules.apex.unknown_named_credential_test

import data.sflint.rules.apex.unknown_named_credential as rule
import data.sflint.test

ref(name, found, near) := {"name": name, "found": found, "nearMiss": near, "path": "/services/data/v66.0/limits", "line": 7, "col": 25}

class(refs) := {
	"file": "force-app/main/default/classes/C.cls", "name": "C", "line": 1, "col": 14,
	"callouts": [{"method": "m", "line": 5, "col": 27, "namedCredential": r} | some r in refs],
}

findings(refs, namespace) := r if {
	r := rule.report with input as test.with_input({
		"apexClasses": [class(refs)],
		"project": object.union(test.empty.project, {"namespace": namespace}),
	})
}

test_found_is_clean if {
	count(findings([ref("Loopback", true, "")], "")) == 0
}

test_missing if {
	r := findings([ref("Elsewhere", false, "")], "")
	count(r) == 1
	some f in r
	f.line == 7
	f.col == 25
	f.file == "force-app/main/default/classes/C.cls"
	contains(f.message, "no Named Credential \"Elsewhere\"")
}

test_case_only_difference if {
	some f in findings([ref("loopback", false, "Loopback")], "")
	contains(f.message, "differs only in case")
	f.fix == "write callout:Loopback"
}

test_empty_name if {
	some f in findings([ref("", false, "")], "")
	contains(f.message, "names no Named Credential")
}

test_other_namespace_is_not_judged if {
	count(findings([ref("pkg__Remote", false, "")], "")) == 0
	count(findings([ref("pkg__Remote", false, "")], "acme")) == 0
}

test_own_namespace_is_judged if {
	count(findings([ref("acme__Remote", false, "")], "acme")) == 1
}

test_callout_without_named_credential if {
	cls := {"file": "C.cls", "callouts": [{"method": "m", "line": 5, "col": 27}]}
	count(rule.report) == 0 with input as test.with_input({"apexClasses": [cls]})
}

test_one_finding_per_place if {
	count(findings([ref("Elsewhere", false, ""), ref("Elsewhere", false, "")], "")) == 1
}
