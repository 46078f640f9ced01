package sflint.rules.connectedapp.missing_run_as_user_test

import data.sflint.rules.connectedapp.missing_run_as_user as rule
import data.sflint.test

app(config) := test.record("c/A.connectedApp-meta.xml", "ConnectedApp", "A", {
	"oauthConfig": object.union(test.at(5), config),
})

findings(config) := r if {
	r := rule.report with input as test.with_input({"connectedApps": [app(config)]})
}

test_enabled_without_user if {
	r := findings({"isClientCredentialEnabled": test.el("true", 8)})
	count(r) == 1
	some f in r
	f.line == 8
	f.file == "c/A.connectedApp-meta.xml"
	contains(f.message, "oauthClientCredentialUser")
}

test_enabled_with_empty_user if {
	count(findings({
		"isClientCredentialEnabled": test.el("true", 8),
		"oauthClientCredentialUser": test.el("", 9),
	})) == 1
}

test_enabled_with_user if {
	count(findings({
		"isClientCredentialEnabled": test.el("true", 8),
		"oauthClientCredentialUser": test.el("@SF_USERNAME", 9),
	})) == 0
}

test_disabled if {
	count(findings({"isClientCredentialEnabled": test.el("false", 8)})) == 0
}

test_no_oauth_config if {
	count(rule.report) == 0 with input as test.with_input({"connectedApps": [test.record("c", "ConnectedApp", "A", {})]})
}
