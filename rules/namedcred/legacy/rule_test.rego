package sflint.rules.namedcred.legacy_test

import data.sflint.rules.namedcred.legacy as rule
import data.sflint.test

findings(fields) := r if {
	nc := test.record("nc/Old.namedCredential-meta.xml", "NamedCredential", "Old", fields)
	r := rule.report with input as test.with_input({"namedCredentials": [nc]})
}

test_no_type if {
	r := findings({"endpoint": test.el("https://api.example.com", 5), "protocol": test.el("Password", 9)})
	count(r) == 1
	some f in r
	f.line == 2
	f.col == 1
	contains(f.message, "\"Old\" is a legacy Named Credential")
}

test_any_legacy_field if {
	count(findings({"principalType": test.el("Anonymous", 8)})) == 1
	count(findings({"protocol": test.el("NoAuthentication", 9)})) == 1
}

test_type_legacy if {
	r := findings({"namedCredentialType": test.el("Legacy", 12), "endpoint": test.el("https://api.example.com", 5)})
	count(r) == 1
	some f in r
	f.line == 12
	f.col == 5
}

test_type_legacy_alone if {
	count(findings({"namedCredentialType": test.el("Legacy", 12)})) == 1
}

test_new_style if {
	count(findings({"namedCredentialType": test.el("SecuredEndpoint", 12)})) == 0
	count(findings({
		"namedCredentialType": test.el("SecuredEndpoint", 12),
		"endpoint": test.el("https://x.example.com", 5),
	})) == 0
}

test_no_type_and_no_legacy_field if {
	count(findings({"label": test.el("Old", 7)})) == 0
}
