package sflint.rules.project.unknown_element_test

import data.sflint.rules.project.unknown_element as rule
import data.sflint.test

ec(unknown) := test.record("ec/A.externalCredential-meta.xml", "ExternalCredential", "A", {"unknownElements": unknown})

findings(unknown) := r if {
	r := rule.report with input as test.with_input({"externalCredentials": [ec(unknown)]})
}

test_known_elements_only if {
	count(findings([])) == 0
}

test_unknown_without_suggestion if {
	r := findings([object.union(test.at(9), {"path": "principals", "name": "principals", "suggestion": ""})])
	count(r) == 1
	some f in r
	f.line == 9
	f.message == "ExternalCredential has no element <principals>; deploy rejects it"
}

test_unknown_with_suggestion if {
	u := object.union(test.at(6), {"path": "externalCredentialParameters/parameterTyp", "name": "parameterTyp", "suggestion": "parameterType"})
	some f in findings([u])
	contains(f.message, "did you mean <parameterType>?")
	f.fix == "rename it to <parameterType>"
}
