package sflint.lib.eca_test

import data.sflint.lib.eca
import data.sflint.test

child(type, app, fields) := test.record(sprintf("%s.xml", [app]), type, app,
	object.union({"links": {"app": {"name": app, "found": true, "nearMiss": "", "line": 3, "col": 5}}}, fields))

sample := test.with_input({
	"oauthSettings": [child("ExtlClntAppOauthSettings", "A", {"commaSeparatedOauthScopes": test.el("Api, RefreshToken,", 3)})],
	"oauthPolicies": [child("ExtlClntAppOauthConfigurablePolicies", "A", {
		"isClientCredentialsFlowEnabled": test.el("true", 4),
		"commaSeparatedPermissionSet": test.el("Run_As, Callers", 5),
	})],
	"globalOauthSettings": [child("ExtlClntAppGlobalOauthSettings", "B", {"isClientCredentialsFlowEnabled": test.el("false", 4)})],
})

test_names if {
	eca.names == {"A", "B"} with input as sample
}

test_client_credentials if {
	eca.client_credentials("A") with input as sample
	not eca.client_credentials("B") with input as sample
}

test_scopes_and_permission_sets if {
	eca.scopes("A") == {"Api", "RefreshToken"} with input as sample
	eca.permission_sets("A") == {"Run_As", "Callers"} with input as sample
	eca.scopes("B") == set() with input as sample
}
