package sflint.rules.eca.client_credentials_mismatch_test

import data.sflint.rules.eca.client_credentials_mismatch as rule
import data.sflint.test

link(app) := {"app": {"name": app, "found": true, "nearMiss": "", "line": 3, "col": 5}}

global(app, fields) := test.record(
	sprintf("g/%s.ecaGlblOauth-meta.xml", [app]), "ExtlClntAppGlobalOauthSettings", app,
	object.union({"links": link(app)}, fields),
)

policy(app, fields) := test.record(
	sprintf("p/%s.ecaOauthPlcy-meta.xml", [app]), "ExtlClntAppOauthConfigurablePolicies", app,
	object.union({"links": link(app)}, fields),
)

switch(v) := {"isClientCredentialsFlowEnabled": test.el(v, 6)}

test_both_on if {
	count(rule.report) == 0 with input as test.with_input({
		"globalOauthSettings": [global("A", switch("true"))],
		"oauthPolicies": [policy("A", switch("true"))],
	})
}

test_both_off if {
	count(rule.report) == 0 with input as test.with_input({
		"globalOauthSettings": [global("A", switch("false"))],
		"oauthPolicies": [policy("A", {})],
	})
}

test_policy_off_reported_at_policy if {
	r := rule.report with input as test.with_input({
		"globalOauthSettings": [global("A", switch("true"))],
		"oauthPolicies": [policy("A", switch("false"))],
	})
	count(r) == 1
	some f in r
	f.file == "p/A.ecaOauthPlcy-meta.xml"
	f.line == 6
}

test_policy_switch_absent_reported_at_policy_root if {
	r := rule.report with input as test.with_input({
		"globalOauthSettings": [global("A", switch("true"))],
		"oauthPolicies": [policy("A", {})],
	})
	count(r) == 1
	some f in r
	f.file == "p/A.ecaOauthPlcy-meta.xml"
	f.line == 2
}

test_global_off_reported_at_global if {
	r := rule.report with input as test.with_input({
		"globalOauthSettings": [global("A", switch("false"))],
		"oauthPolicies": [policy("A", switch("true"))],
	})
	count(r) == 1
	some f in r
	f.file == "g/A.ecaGlblOauth-meta.xml"
}

# A file that is not in the project is eca/orphan-settings' finding.
test_policy_file_missing_is_not_reported_here if {
	count(rule.report) == 0 with input as test.with_input({"globalOauthSettings": [global("A", switch("true"))]})
}

test_global_file_missing_is_not_reported_here if {
	count(rule.report) == 0 with input as test.with_input({"oauthPolicies": [policy("A", switch("true"))]})
}

test_apps_are_kept_apart if {
	count(rule.report) == 0 with input as test.with_input({
		"globalOauthSettings": [global("A", switch("true")), global("B", switch("false"))],
		"oauthPolicies": [policy("A", switch("true")), policy("B", switch("false"))],
	})
}
