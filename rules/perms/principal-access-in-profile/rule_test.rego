package sflint.rules.perms.principal_access_in_profile_test

import data.sflint.rules.perms.principal_access_in_profile as rule
import data.sflint.test

access(enabled) := {"line": 6, "col": 9, "value": "Loopback_Auth-Integration", "enabled": enabled}

record(type, accesses) := test.record("f.xml", type, "Integration", {"links": {"principalAccesses": accesses}})

test_enabled_in_profile if {
	r := rule.report with input as test.with_input({"profiles": [record("Profile", [access(true)])]})
	count(r) == 1
	some f in r
	f.line == 6
	f.col == 9
	contains(f.message, "Loopback_Auth-Integration")
}

test_disabled_in_profile if {
	count(rule.report) == 0 with input as test.with_input({"profiles": [record("Profile", [access(false)])]})
}

test_profile_without_access if {
	count(rule.report) == 0 with input as test.with_input({"profiles": [record("Profile", [])]})
}

test_permission_set if {
	count(rule.report) == 0 with input as test.with_input({"permissionSets": [record("PermissionSet", [access(true)])]})
}
