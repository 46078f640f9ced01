package sflint.rules.perms.run_as_api_enabled_test

import data.sflint.rules.perms.run_as_api_enabled as rule
import data.sflint.test

perm(name, enabled) := object.union(test.at(6), {"enabled": test.el(enabled, 7), "name": test.el(name, 8)})

ps(name, perms) := test.record(sprintf("ps/%s.permissionset-meta.xml", [name]), "PermissionSet", name, {
	"links": {"principalAccesses": []},
	"userPermissions": perms,
})

policy(app, ccf, sets) := test.record(sprintf("p/%s_oauthPlcy.ecaOauthPlcy-meta.xml", [app]), "ExtlClntAppOauthConfigurablePolicies", app, {
	"links": {"app": {"name": app, "found": true, "nearMiss": "", "line": 5, "col": 5}},
	"commaSeparatedPermissionSet": test.el(sets, 4),
	"isClientCredentialsFlowEnabled": test.el(ccf, 7),
})

findings(sets, ccf, perm_sets) := r if {
	r := rule.report with input as test.with_input({
		"permissionSets": perm_sets,
		"oauthPolicies": [policy("Loopback", ccf, sets)],
	})
}

test_no_api_enabled if {
	r := findings("Run_As, Callers", "true", [ps("Run_As", [perm("ViewAllData", "true")]), ps("Callers", [])])
	count(r) == 1
	some f in r
	f.line == 4
	f.file == "p/Loopback_oauthPlcy.ecaOauthPlcy-meta.xml"
	contains(f.message, "ApiEnabled")
}

test_api_enabled_in_one_set if {
	count(findings("Run_As, Callers", "true", [ps("Run_As", [perm("ApiEnabled", "true")]), ps("Callers", [])])) == 0
}

test_api_enabled_false if {
	count(findings("Run_As", "true", [ps("Run_As", [perm("ApiEnabled", "false")])])) == 1
}

test_api_enabled_in_unlisted_set if {
	count(findings("Run_As", "true", [ps("Run_As", []), ps("Other", [perm("ApiEnabled", "true")])])) == 1
}

test_a_listed_set_outside_the_project if {
	count(findings("Run_As, Managed_Set", "true", [ps("Run_As", [])])) == 0
}

test_no_listed_set_in_the_project if {
	count(findings("Managed_Set", "true", [])) == 0
}

test_not_client_credentials if {
	count(findings("Run_As", "false", [ps("Run_As", [])])) == 0
}

test_empty_list if {
	count(findings("", "true", [ps("Run_As", [])])) == 0
}

test_namespace_prefix if {
	inp := object.union(
		test.with_input({
			"permissionSets": [ps("Run_As", [])],
			"oauthPolicies": [policy("Loopback", "true", "acme__Run_As")],
		}),
		{"project": {"namespace": "acme"}},
	)
	count(rule.report) == 1 with input as inp
}
