package sflint.rules.connectedapp.scope_full_test

import data.sflint.rules.connectedapp.scope_full as rule
import data.sflint.test

app(scopes) := test.record("c/A.connectedApp-meta.xml", "ConnectedApp", "A", {
	"oauthConfig": object.union(test.at(5), {"scopes": [test.el(s, 9 + i) | some i, s in scopes]}),
})

findings(scopes) := r if {
	r := rule.report with input as test.with_input({"connectedApps": [app(scopes)]})
}

test_full if {
	r := findings(["Api", "Full", "RefreshToken"])
	count(r) == 1
	some f in r
	f.line == 10
	contains(f.message, "Full")
}

test_narrow_scopes if {
	count(findings(["Api", "RefreshToken"])) == 0
	count(findings([])) == 0
}

test_no_oauth_config if {
	count(rule.report) == 0 with input as test.with_input({"connectedApps": [test.record("c", "ConnectedApp", "A", {})]})
}
