package sflint.rules.perms.unknown_principal_test

import data.sflint.rules.perms.unknown_principal as rule
import data.sflint.test

access(fields) := object.union(
	object.union(test.at(4), {
		"value": "Loopback-Integration", "enabled": true, "namespace": "", "foreignNamespace": false,
		"externalCredential": "Loopback", "principal": "Integration",
		"credentialFound": true, "credentialNearMiss": "", "principalFound": true, "principalNearMiss": "",
	}),
	fields,
)

ps(a) := test.record("ps/Callers.permissionset-meta.xml", "PermissionSet", "Callers", {"links": {"principalAccesses": [a]}})

findings(fields) := r if {
	r := rule.report with input as test.with_input({"permissionSets": [ps(access(fields))]})
}

message(fields) := m if {
	some f in findings(fields)
	m := f.message
}

test_resolved if {
	count(findings({})) == 0
}

test_unknown_credential if {
	r := findings({"credentialFound": false, "principalFound": false})
	count(r) == 1
	some f in r
	f.line == 4
	contains(f.message, "no External Credential \"Loopback\"")
}

test_credential_case if {
	m := message({"externalCredential": "loopback", "credentialFound": false, "credentialNearMiss": "Loopback", "principalFound": false})
	contains(m, "only in case")
}

test_unknown_principal if {
	m := message({"principal": "Admin", "principalFound": false})
	contains(m, "has no principal \"Admin\"")
}

test_principal_case if {
	r := findings({"principal": "integration", "principalFound": false, "principalNearMiss": "Integration"})
	some f in r
	contains(f.message, "only in case")
	f.fix == "write Loopback-Integration"
}

test_no_hyphen if {
	m := message({"value": "Loopback", "principal": "", "principalFound": false})
	contains(m, "not Credential-Principal")
}

test_foreign_namespace_is_not_checked if {
	count(findings({"namespace": "other", "foreignNamespace": true, "credentialFound": false, "principalFound": false})) == 0
}

test_profiles_are_checked if {
	profile := test.record("profiles/Admin.profile-meta.xml", "Profile", "Admin",
		{"links": {"principalAccesses": [access({"principalFound": false})]}})
	count(rule.report) == 1 with input as test.with_input({"profiles": [profile]})
}
