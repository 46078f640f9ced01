package sflint.rules.eca.scope_refresh_token_test

import data.sflint.rules.eca.scope_refresh_token as rule
import data.sflint.test

link(app) := {"app": {"name": app, "found": true, "nearMiss": "", "line": 4, "col": 5}}

global(fields) := test.record(
	"g/A_glbloauth.ecaGlblOauth-meta.xml", "ExtlClntAppGlobalOauthSettings", "A_glbloauth",
	object.union({"links": link("A"), "isClientCredentialsFlowEnabled": test.el("true", 5)}, fields),
)

settings(value) := test.record(
	"s/A_oauth.ecaOauth-meta.xml", "ExtlClntAppOauthSettings", "A_oauth",
	{"links": link("A"), "commaSeparatedOauthScopes": test.el(value, 3)},
)

findings(global_fields, scopes) := r if {
	r := rule.report with input as test.with_input({
		"globalOauthSettings": [global(global_fields)],
		"oauthSettings": [settings(scopes)],
	})
}

callback(urls) := {"callbackUrl": test.el(urls, 3)}

test_refresh_scopes_on_a_client_credentials_only_app if {
	r := findings(callback("https://acme.my.salesforce.com/services/oauth2/callback"), "Api, RefreshToken, OfflineAccess")
	count(r) == 1
	some f in r
	f.file == "s/A_oauth.ecaOauth-meta.xml"
	f.line == 3
	startswith(f.message, "RefreshToken, OfflineAccess unused")
	f.fix == "remove RefreshToken and OfflineAccess from commaSeparatedOauthScopes"
}

test_without_callback if {
	count(findings({}, "Api, RefreshToken")) == 1
}

test_no_refresh_scope if {
	count(findings({}, "Api")) == 0
}

test_another_flow_is_on if {
	count(findings({"isCodeCredFlowEnabled": test.el("true", 6)}, "Api, RefreshToken")) == 0
}

test_app_without_client_credentials if {
	count(findings({"isClientCredentialsFlowEnabled": test.el("false", 5)}, "Api, RefreshToken")) == 0
}

test_salesforce_callbacks_are_not_a_browser_flow if {
	count(findings(callback("https://login.salesforce.com/services/oauth2/callback\n\n${SF_INSTANCE_URL}/services/oauth2/callback"), "RefreshToken")) == 1
}

test_callbacks_that_show_a_browser_flow if {
	count(findings(callback("${SF_INSTANCE_URL}/services/authcallback/Loopback"), "Api, RefreshToken")) == 0
	count(findings(callback("https://acme.my.salesforce.com/services/extidp/callback"), "Api, RefreshToken")) == 0
	count(findings(callback("https://app.example.com/oauth/callback"), "Api, RefreshToken")) == 0
	count(findings(callback("https://acme.my.salesforce.com/services/oauth2/callback\ncom.example.app:/cb"), "Api, RefreshToken")) == 0
}
