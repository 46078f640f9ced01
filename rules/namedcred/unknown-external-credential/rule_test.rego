package sflint.rules.namedcred.unknown_external_credential_test

import data.sflint.rules.namedcred.unknown_external_credential as rule
import data.sflint.test

nc(ref) := test.record("nc/Loopback.namedCredential-meta.xml", "NamedCredential", "Loopback", {
	"links": {"legacy": false, "externalCredential": object.union(test.at(9), ref)},
})

findings(ref) := r if {
	r := rule.report with input as test.with_input({"namedCredentials": [nc(ref)]})
}

test_found if {
	count(findings({"name": "Loopback_Auth", "found": true, "nearMiss": ""})) == 0
}

test_missing if {
	r := findings({"name": "Nope", "found": false, "nearMiss": ""})
	count(r) == 1
	some f in r
	f.line == 9
	contains(f.message, "\"Nope\" is not in the project")
}

test_case_only if {
	r := findings({"name": "loopback_auth", "found": false, "nearMiss": "Loopback_Auth"})
	some f in r
	contains(f.message, "only in case")
	f.fix == "write \"Loopback_Auth\""
}

test_empty_name if {
	some f in findings({"name": "", "found": false, "nearMiss": ""})
	contains(f.message, "names no External Credential")
}

test_legacy_without_link if {
	legacy := test.record("nc/Old.namedCredential-meta.xml", "NamedCredential", "Old", {"links": {"legacy": true}})
	count(rule.report) == 0 with input as test.with_input({"namedCredentials": [legacy]})
}
