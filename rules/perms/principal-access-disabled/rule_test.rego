package sflint.rules.perms.principal_access_disabled_test

import data.sflint.rules.perms.principal_access_disabled as rule
import data.sflint.test

access(enabled) := object.union(test.at(4), {
	"enabled": test.el(enabled, 5),
	"externalCredentialPrincipal": test.el("Loopback_Auth-Integration", 6),
})

ps(accesses) := test.record("ps/Callers.permissionset-meta.xml", "PermissionSet", "Callers", {
	"externalCredentialPrincipalAccesses": accesses,
})

test_disabled if {
	r := rule.report with input as test.with_input({"permissionSets": [ps([access("false")])]})
	count(r) == 1
	some f in r
	f.line == 5
	f.file == "ps/Callers.permissionset-meta.xml"
	contains(f.message, "Loopback_Auth-Integration")
}

test_enabled if {
	count(rule.report) == 0 with input as test.with_input({"permissionSets": [ps([access("true")])]})
}

test_no_accesses if {
	count(rule.report) == 0 with input as test.with_input({"permissionSets": [test.record("a", "PermissionSet", "A", {})]})
}

test_enabled_missing if {
	a := object.union(test.at(4), {"externalCredentialPrincipal": test.el("Loopback_Auth-Integration", 5)})
	count(rule.report) == 0 with input as test.with_input({"permissionSets": [ps([a])]})
}

# Profiles carry the entry as an observed element whose children are lists.
test_disabled_in_profile if {
	a := object.union(test.at(4), {
		"enabled": [test.el("false", 5)],
		"externalCredentialPrincipal": [test.el("Loopback_Auth-Integration", 6)],
	})
	profile := test.record("p/Integration.profile-meta.xml", "Profile", "Integration", {
		"externalCredentialPrincipalAccesses": [a],
	})
	r := rule.report with input as test.with_input({"profiles": [profile]})
	count(r) == 1
	some f in r
	f.line == 5
	f.file == "p/Integration.profile-meta.xml"
	contains(f.message, "Loopback_Auth-Integration")
}

test_empty_list_in_profile if {
	profile := test.record("p/I.profile-meta.xml", "Profile", "I", {
		"externalCredentialPrincipalAccesses": [object.union(test.at(4), {"enabled": []})],
	})
	count(rule.report) == 0 with input as test.with_input({"profiles": [profile]})
}
