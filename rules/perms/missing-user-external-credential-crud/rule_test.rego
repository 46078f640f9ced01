package sflint.rules.perms.missing_user_external_credential_crud_test

import data.sflint.rules.perms.missing_user_external_credential_crud as rule
import data.sflint.test

access(enabled) := object.union(test.at(4), {"value": "Loopback-Integration", "enabled": enabled})

uec(c, r, e, d) := object.union(test.at(9), {
	"allowCreate": test.el(c, 10), "allowDelete": test.el(d, 11),
	"allowEdit": test.el(e, 12), "allowRead": test.el(r, 13),
	"object": test.el("UserExternalCredential", 15),
})

ps(accesses, objects) := test.record("ps/Callers.permissionset-meta.xml", "PermissionSet", "Callers", {
	"objectPermissions": objects,
	"links": {"principalAccesses": accesses},
})

findings(accesses, objects) := r if {
	r := rule.report with input as test.with_input({"permissionSets": [ps(accesses, objects)]})
}

test_full_crud if {
	count(findings([access(true)], [uec("true", "true", "true", "true")])) == 0
}

test_no_object_permissions if {
	r := findings([access(true)], [])
	count(r) == 1
	some f in r
	f.line == 4
	contains(f.message, "Create, Read, Edit, Delete")
}

test_read_only if {
	r := findings([access(true)], [uec("false", "true", "false", "false")])
	some f in r
	f.line == 9
	contains(f.message, "not Create, Edit, Delete")
}

test_other_objects_do_not_count if {
	account := object.union(uec("true", "true", "true", "true"), {"object": test.el("Account", 15)})
	count(findings([access(true)], [account])) == 1
}

test_disabled_access_needs_nothing if {
	count(findings([access(false)], [])) == 0
}

test_no_access_needs_nothing if {
	count(findings([], [])) == 0
}
