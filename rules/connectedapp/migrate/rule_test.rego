package sflint.rules.connectedapp.migrate_test

import data.sflint.rules.connectedapp.migrate as rule
import data.sflint.test

app(ccf) := test.record("c/A.connectedApp-meta.xml", "ConnectedApp", "A", {
	"oauthConfig": object.union(test.at(5), {"isClientCredentialEnabled": test.el(ccf, 8)}),
})

test_client_credentials if {
	r := rule.report with input as test.with_input({"connectedApps": [app("true")]})
	count(r) == 1
	some f in r
	f.line == 8
	contains(f.message, "External Client Apps")
}

test_other_flows if {
	count(rule.report) == 0 with input as test.with_input({"connectedApps": [app("false")]})
	count(rule.report) == 0 with input as test.with_input({"connectedApps": [test.record("c", "ConnectedApp", "A", {})]})
}
