package sflint.rules.extcred.secret_in_body_test

import data.sflint.rules.extcred.secret_in_body as rule
import data.sflint.test

findings(variant) := r if {
	ec := test.record("ec/Loopback.externalCredential-meta.xml", "ExternalCredential", "Loopback", {
		"externalCredentialParameters": [test.param("AuthProtocolVariant", "Oauth", variant, 4)],
	})
	r := rule.report with input as test.with_input({"externalCredentials": [ec]})
}

test_secret_in_body if {
	r := findings("ClientCredentialsClientSecret")
	count(r) == 1
	some f in r
	f.line == 7
	f.col == 5
	contains(f.message, "request body")
}

test_header_and_other_variants if {
	count(findings("ClientCredentialsClientSecretBasic")) == 0
	count(findings("ClientCredentialsJwtAssertion")) == 0
	count(findings("NoAuthentication")) == 0
}

test_no_parameters if {
	bare := test.record("ec/Bare.externalCredential-meta.xml", "ExternalCredential", "Bare", {})
	count(rule.report) == 0 with input as test.with_input({"externalCredentials": [bare]})
}
