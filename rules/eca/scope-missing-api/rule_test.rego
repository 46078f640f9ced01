package sflint.rules.eca.scope_missing_api_test

import data.sflint.rules.eca.scope_missing_api as rule
import data.sflint.test

link(app) := {"app": {"name": app, "found": true, "nearMiss": "", "line": 4, "col": 5}}

global(app, cc) := test.record(
	"g/A_glbloauth.ecaGlblOauth-meta.xml", "ExtlClntAppGlobalOauthSettings", "A_glbloauth",
	{"links": link(app), "isClientCredentialsFlowEnabled": test.el(cc, 5)},
)

settings(file, app, fields) := test.record(
	file, "ExtlClntAppOauthSettings", "A_oauth",
	object.union({"links": link(app)}, fields),
)

scopes(value) := {"commaSeparatedOauthScopes": test.el(value, 3)}

findings(cc, list) := r if {
	r := rule.report with input as test.with_input({
		"globalOauthSettings": [global("A", cc)],
		"oauthSettings": list,
	})
}

test_no_api_scope_is_reported_at_the_scopes if {
	r := findings("true", [settings("s/A_oauth.ecaOauth-meta.xml", "A", scopes("Web, RefreshToken"))])
	count(r) == 1
	some f in r
	f.file == "s/A_oauth.ecaOauth-meta.xml"
	f.line == 3
	contains(f.message, "neither Api nor Full")
}

test_missing_element_is_reported_at_the_file if {
	r := findings("true", [settings("s/A_oauth.ecaOauth-meta.xml", "A", {})])
	count(r) == 1
	some f in r
	f.line == 2
}

test_api_or_full_in_any_case if {
	count(findings("true", [settings("s/A_oauth.ecaOauth-meta.xml", "A", scopes("Api"))])) == 0
	count(findings("true", [settings("s/A_oauth.ecaOauth-meta.xml", "A", scopes("Full, RefreshToken"))])) == 0
	count(findings("true", [settings("s/A_oauth.ecaOauth-meta.xml", "A", scopes("Web,api"))])) == 0
}

test_scopes_of_all_files_of_the_app_count if {
	count(findings("true", [
		settings("s/A_oauth.ecaOauth-meta.xml", "A", scopes("Web")),
		settings("s/A_defOauthSet.ecaOauth-meta.xml", "A", scopes("Api")),
	])) == 0
	r := findings("true", [
		settings("s/A_oauth.ecaOauth-meta.xml", "A", scopes("Web")),
		settings("s/A_defOauthSet.ecaOauth-meta.xml", "A", scopes("Basic")),
	])
	{f.file | some f in r} == {"s/A_oauth.ecaOauth-meta.xml", "s/A_defOauthSet.ecaOauth-meta.xml"}
}

test_scopes_unknown_without_settings_file if {
	count(findings("true", [])) == 0
}

test_app_without_client_credentials_is_not_checked if {
	count(findings("false", [settings("s/A_oauth.ecaOauth-meta.xml", "A", scopes("Web"))])) == 0
}

test_other_apps_settings_do_not_count if {
	count(findings("true", [settings("s/B_oauth.ecaOauth-meta.xml", "B", scopes("Web"))])) == 0
}

test_deploy_time_scopes_are_not_judged if {
	count(findings("true", [settings("s/A_oauth.ecaOauth-meta.xml", "A", scopes("${SCOPES}"))])) == 0
}
