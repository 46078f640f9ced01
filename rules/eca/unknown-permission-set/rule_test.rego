package sflint.rules.eca.unknown_permission_set_test

import data.sflint.rules.eca.unknown_permission_set as rule
import data.sflint.test

policy(value) := test.record("p/A_oauthPlcy.ecaOauthPlcy-meta.xml", "ExtlClntAppOauthConfigurablePolicies", "A", {
	"links": {"app": {"name": "A", "found": true, "nearMiss": "", "line": 5, "col": 5}},
	"commaSeparatedPermissionSet": test.el(value, 4),
})

permset(name) := test.record(sprintf("ps/%s.permissionset-meta.xml", [name]), "PermissionSet", name, {})

findings(value, namespace) := r if {
	r := rule.report with input as test.with_input({
		"project": object.union(test.empty.project, {"namespace": namespace}),
		"oauthPolicies": [policy(value)],
		"permissionSets": [permset("Run_As"), permset("Callers")],
	})
}

test_missing_permission_set_is_named if {
	r := findings("Run_As, Ghost, Phantom", "")
	count(r) == 1
	some f in r
	f.file == "p/A_oauthPlcy.ecaOauthPlcy-meta.xml"
	f.line == 4
	f.message == `no permission set "Ghost", "Phantom" in the project`
	contains(f.fix, "add it to the project")
}

test_case_only_difference_is_suggested if {
	r := findings("run_as,Callers", "")
	some f in r
	f.message == `no permission set "run_as" (case differs from Run_As) in the project`
	f.fix == "write the exact API names: Run_As"
}

test_known_names if {
	count(findings("Run_As,Callers,", "")) == 0
}

test_ids_are_skipped if {
	count(findings("0PS5g000000AbCdEFG, 0PS5g000000AbCd", "")) == 0
}

test_deploy_time_tokens_are_skipped if {
	count(findings("${INTEGRATION_PERMSET}", "")) == 0
}

test_namespaces if {
	count(findings("acme__Run_As", "acme")) == 0
	count(findings("other__Anything", "acme")) == 0
	count(findings("other__Anything", "")) == 0
	r := findings("acme__Ghost", "acme")
	count(r) == 1
}
