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

test_run_as_pattern_option if {
	p := policy({
		"clientCredentialsFlowUser": test.el("admin@acme.com", 3),
		"isClientCredentialsFlowEnabled": test.el("true", 5),
	})
	configured := object.union(test.with_input({"oauthPolicies": [p]}), {
		"options": {"eca/missing-run-as-user": {"run_as_pattern": `\.integration@acme\.com$`}},
	})
	r := missing_run_as_user.report with input as configured
	count(r) == 1
	some f in r
	f.line == 3
	contains(f.message, "does not match run_as_pattern")
	ok := object.union(configured, {"oauthPolicies": [object.union(p, {"clientCredentialsFlowUser": test.el("svc.integration@acme.com", 3)})]})
	count(missing_run_as_user.report) == 0 with input as ok
}
