package sflint.rules.extcred.principal_without_access_test

import data.sflint.rules.extcred.principal_without_access as rule
import data.sflint.test

cred(type, grants) := test.record("ec/Loopback.externalCredential-meta.xml", "ExternalCredential", "Loopback", {
	"links": {"principals": [object.union(test.at(14), {"name": "Integration", "type": type, "grants": grants})]},
})

grant(enabled) := {"file": "ps/Callers.permissionset-meta.xml", "name": "Callers", "type": "PermissionSet", "enabled": enabled}

findings(type, grants) := r if {
	r := rule.report with input as test.with_input({"externalCredentials": [cred(type, grants)]})
}

test_granted if {
	count(findings("NamedPrincipal", [grant(true)])) == 0
}

test_not_granted if {
	r := findings("NamedPrincipal", [])
	count(r) == 1
	some f in r
	f.line == 14
	contains(f.message, "\"Integration\"")
}

test_only_disabled_grant if {
	count(findings("PerUserPrincipal", [grant(false)])) == 1
}

test_one_enabled_grant_is_enough if {
	count(findings("NamedPrincipal", [grant(false), grant(true)])) == 0
}

test_other_principal_kinds_are_not_checked if {
	count(findings("AwsStsPrincipal", [])) == 0
}
