package sflint.rules.eca.scope_full_test

import data.sflint.rules.eca.scope_full as rule
import data.sflint.test

link(app) := {"app": {"name": app, "found": true, "nearMiss": "", "line": 4, "col": 5}}

global(cc) := test.record(
	"g/A_glbloauth.ecaGlblOauth-meta.xml", "ExtlClntAppGlobalOauthSettings", "A_glbloauth",
	{"links": link("A"), "isClientCredentialsFlowEnabled": test.el(cc, 5)},
)

settings(fields) := test.record(
	"s/A_oauth.ecaOauth-meta.xml", "ExtlClntAppOauthSettings", "A_oauth",
	object.union({"links": link("A")}, fields),
)

findings(cc, fields) := r if {
	r := rule.report with input as test.with_input({
		"globalOauthSettings": [global(cc)],
		"oauthSettings": [settings(fields)],
	})
}

test_full_is_reported if {
	r := findings("true", {"commaSeparatedOauthScopes": test.el("Full, RefreshToken", 3)})
	count(r) == 1
	some f in r
	f.file == "s/A_oauth.ecaOauth-meta.xml"
	f.line == 3
	contains(f.message, "grants Full")
	contains(f.fix, "Api")
}

test_full_in_another_case if {
	count(findings("true", {"commaSeparatedOauthScopes": test.el("Api, full", 3)})) == 1
}

test_api_only if {
	count(findings("true", {"commaSeparatedOauthScopes": test.el("Api, RefreshToken", 3)})) == 0
}

test_no_scopes_element if {
	count(findings("true", {})) == 0
}

test_app_without_client_credentials_is_not_checked if {
	count(findings("false", {"commaSeparatedOauthScopes": test.el("Full", 3)})) == 0
}
