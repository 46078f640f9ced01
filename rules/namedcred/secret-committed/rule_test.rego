package sflint.rules.namedcred.secret_committed_test

import data.sflint.rules.namedcred.secret_committed as rule
import data.sflint.test

findings(fields) := r if {
	nc := test.record("nc/Old.namedCredential-meta.xml", "NamedCredential", "Old", fields)
	r := rule.report with input as test.with_input({"namedCredentials": [nc]})
}

test_password if {
	r := findings({"password": test.el("hunter2", 8)})
	count(r) == 1
	some f in r
	f.line == 8
	f.col == 5
	f.message == "<password> holds a value; secrets must not be committed"
	not contains(f.message, "hunter2")
	not contains(f.fix, "hunter2")
}

test_every_secret_field if {
	every field in ["password", "oauthToken", "oauthRefreshToken", "awsAccessSecret"] {
		count(findings({field: test.el("x", 8)})) == 1
	}
}

test_all_at_once if {
	count(findings({
		"password": test.el("a", 8), "oauthToken": test.el("b", 9),
		"oauthRefreshToken": test.el("c", 10), "awsAccessSecret": test.el("d", 11),
	})) == 4
}

test_empty if {
	count(findings({"password": test.el("", 8), "awsAccessSecret": test.el("  ", 9)})) == 0
}

test_placeholders if {
	count(findings({"password": test.el("${VAULT_PASSWORD}", 8)})) == 0
	count(findings({"oauthToken": test.el("Placeholder_Value", 8)})) == 0
}

test_other_fields if {
	count(findings({"username": test.el("integration", 8), "awsAccessKey": test.el("AKIA", 9)})) == 0
}
