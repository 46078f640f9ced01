package sflint.rules.eca.missing_run_as_user_test

import data.sflint.rules.eca.missing_run_as_user
import data.sflint.test

policy(fields) := test.record("p/A_oauthPlcy.ecaOauthPlcy-meta.xml", "ExtlClntAppOauthConfigurablePolicies", "A_oauthPlcy",
	object.union({"links": {"app": {"name": "A", "found": true, "nearMiss": "", "line": 4, "col": 5}}}, fields))

test_enabled_without_user if {
	r := missing_run_as_user.report with input as test.with_input({"oauthPolicies": [policy({
		"isClientCredentialsFlowEnabled": test.el("true", 5),
	})]})
	count(r) == 1
	some f in r
	f.line == 5
	f.file == "p/A_oauthPlcy.ecaOauthPlcy-meta.xml"
	contains(f.message, "clientCredentialsFlowUser")
}

test_enabled_with_empty_user if {
	r := missing_run_as_user.report with input as test.with_input({"oauthPolicies": [policy({
		"clientCredentialsFlowUser": test.el("", 3),
		"isClientCredentialsFlowEnabled": test.el("true", 5),
	})]})
	count(r) == 1
}

test_enabled_with_user if {
	r := missing_run_as_user.report with input as test.with_input({"oauthPolicies": [policy({
		"clientCredentialsFlowUser": test.el("integration@example.com", 3),
		"isClientCredentialsFlowEnabled": test.el("true", 5),
	})]})
	count(r) == 0
}

test_disabled_without_user if {
	r := missing_run_as_user.report with input as test.with_input({"oauthPolicies": [policy({
		"isClientCredentialsFlowEnabled": test.el("false", 5),
	})]})
	count(r) == 0
}

test_switch_absent if {
	count(missing_run_as_user.report) == 0 with input as test.with_input({"oauthPolicies": [policy({})]})
}
