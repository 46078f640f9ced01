package sflint.rules.perms.overprivileged_integration_test

import data.sflint.rules.perms.overprivileged_integration as rule
import data.sflint.test

perm(name, enabled, line) := object.union(test.at(line), {
	"enabled": test.el(enabled, line + 1),
	"name": test.el(name, line + 2),
})

access(enabled) := {"line": 4, "col": 9, "value": "Loopback_Auth-Integration", "enabled": enabled}

ps(name, accesses, perms) := test.record(sprintf("ps/%s.permissionset-meta.xml", [name]), "PermissionSet", name, {
	"links": {"principalAccesses": accesses},
	"userPermissions": perms,
})

policy(app, ccf, sets) := test.record(sprintf("p/%s_oauthPlcy.ecaOauthPlcy-meta.xml", [app]), "ExtlClntAppOauthConfigurablePolicies", app, {
	"links": {"app": {"name": app, "found": true, "nearMiss": "", "line": 5, "col": 5}},
	"commaSeparatedPermissionSet": test.el(sets, 4),
	"isClientCredentialsFlowEnabled": test.el(ccf, 7),
})

admin := [
	perm("ApiEnabled", "true", 10),
	perm("ModifyAllData", "true", 14),
	perm("ViewAllData", "true", 18),
	perm("ManageUsers", "false", 22),
	perm("AuthorApex", "true", 26),
	perm("ResetPasswords", "true", 30),
]

test_principal_access if {
	r := rule.report with input as test.with_input({"permissionSets": [ps("Callers", [access(true)], admin)]})
	count(r) == 2
	lines := {f.line | some f in r}
	lines == {14, 30}
	some f in r
	f.line == 14
	contains(f.message, "ModifyAllData")
	contains(f.fix, "Loopback_Auth-Integration")
}

test_disabled_principal_access if {
	count(rule.report) == 0 with input as test.with_input({"permissionSets": [ps("Callers", [access(false)], admin)]})
}

test_no_integration_role if {
	count(rule.report) == 0 with input as test.with_input({"permissionSets": [ps("Admins", [], admin)]})
}

test_tooling_permissions_pass if {
	tooling := [
		perm("ApiEnabled", "true", 10), perm("ViewAllData", "true", 14),
		perm("ViewSetup", "true", 18), perm("AuthorApex", "true", 22),
		perm("CustomizeApplication", "true", 26), perm("ModifyMetadata", "true", 30),
	]
	count(rule.report) == 0 with input as test.with_input({"permissionSets": [ps("Callers", [access(true)], tooling)]})
}

test_listed_on_client_credentials_app if {
	r := rule.report with input as test.with_input({
		"permissionSets": [ps("Run_As", [], admin)],
		"oauthPolicies": [policy("Loopback", "true", "Other, Run_As")],
	})
	count(r) == 2
	some f in r
	f.line == 30
	f.file == "ps/Run_As.permissionset-meta.xml"
	contains(f.fix, "\"Loopback\"")
}

# The app is named rather than the principal, and each entry is reported once.
test_listed_and_principal_access if {
	r := rule.report with input as test.with_input({
		"permissionSets": [ps("Run_As", [access(true)], admin)],
		"oauthPolicies": [policy("Loopback", "true", "Run_As")],
	})
	count(r) == 2
	every f in r {
		contains(f.fix, "Loopback")
		not contains(f.fix, "Loopback_Auth")
	}
}

test_listed_with_namespace if {
	inp := object.union(
		test.with_input({
			"permissionSets": [ps("Run_As", [], admin)],
			"oauthPolicies": [policy("Loopback", "true", "acme__Run_As")],
		}),
		{"project": {"namespace": "acme"}},
	)
	count(rule.report) == 2 with input as inp
}

test_listed_on_app_without_client_credentials if {
	count(rule.report) == 0 with input as test.with_input({
		"permissionSets": [ps("Run_As", [], admin)],
		"oauthPolicies": [policy("Loopback", "false", "Run_As")],
	})
}

test_other_set_listed if {
	count(rule.report) == 0 with input as test.with_input({
		"permissionSets": [ps("Run_As", [], admin)],
		"oauthPolicies": [policy("Loopback", "true", "Run_As_Other")],
	})
}
