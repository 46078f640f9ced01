package sflint.rules.extcred.scope_test

import data.sflint.rules.extcred.scope as rule
import data.sflint.test

child(type, app, fields) := test.record(
	sprintf("eca/%s.xml", [app]), type, app,
	object.union({"links": {"app": {"name": app, "found": true, "nearMiss": "", "line": 3, "col": 5}}}, fields),
)

global(app, on) := child("ExtlClntAppGlobalOauthSettings", app, {"isClientCredentialsFlowEnabled": test.el(on, 4)})

policy(app, on) := child("ExtlClntAppOauthConfigurablePolicies", app, {
	"isClientCredentialsFlowEnabled": test.el(on, 4),
})

settings(app, scopes) := child("ExtlClntAppOauthSettings", app, {"commaSeparatedOauthScopes": test.el(scopes, 3)})

cred(variant, token_url, scope) := test.record(
	"ec/Loopback.externalCredential-meta.xml",
	"ExternalCredential", "Loopback", {
		"authenticationProtocol": test.el("Oauth", 3),
		"externalCredentialParameters": [
			test.param("AuthProtocolVariant", "Oauth", variant, 4),
			test.param("AuthProviderUrl", "AuthProviderUrl", token_url, 10),
			test.param("AuthParameter", "Scope", scope, 16),
		],
	},
)

token_url := "https://acme.my.salesforce.com/services/oauth2/token"

# one client credentials app granting Api and RefreshToken.
app_files := {
	"globalOauthSettings": [global("Loopback", "true")],
	"oauthPolicies": [policy("Loopback", "true")],
	"oauthSettings": [settings("Loopback", "Api, RefreshToken")],
}

run(files, ec) := r if {
	r := rule.report with input as test.with_input(object.union(files, {"externalCredentials": [ec]}))
}

findings(scope) := run(app_files, cred("ClientCredentialsClientSecretBasic", token_url, scope))

messages(scope) := {f.message | some f in findings(scope)}

test_granted_scopes if {
	count(findings("api")) == 0
	count(findings("api refresh_token")) == 0
	count(findings("api offline_access chatter_api")) == 0
}

test_no_api if {
	r := findings("refresh_token")
	count(r) == 1
	some f in r
	f.line == 19
	f.col == 5
	contains(f.message, "Scope \"refresh_token\" has no api")
}

test_full_is_enough_for_api if {
	some m in messages("full refresh_token")
	contains(m, "asks for full,")
	not has_api_finding("full refresh_token")
}

has_api_finding(scope) if {
	some m in messages(scope)
	contains(m, "has no api")
}

test_another_api_is_deliberate if {
	count(findings("chatter_api")) == 0
	not has_api_finding("mcp_api")
}

test_unknown_scopes_are_not_judged if {
	count(findings("api cdp_api my_custom_scope")) == 0
	not has_api_finding("my_custom_scope")
}

test_not_granted if {
	r := findings("api web openid")
	count(r) == 1
	some f in r
	f.line == 19
	f.message == "Scope asks for openid web, which External Client App \"Loopback\" does not grant"
}

test_both_problems if {
	count(findings("refresh_token web")) == 1
	count(findings("offline_access openid")) == 2
}

test_web_alone_is_deliberate if {
	not has_api_finding("web")
}

test_whitespace if {
	count(findings("  api\trefresh_token  ")) == 0
}

test_full_app_grants_all_but_refresh if {
	files := object.union(app_files, {"oauthSettings": [settings("Loopback", "Full")]})
	count(run(files, cred("ClientCredentialsClientSecretBasic", token_url, "api web"))) == 0
	some f in run(files, cred("ClientCredentialsClientSecretBasic", token_url, "api refresh_token"))
	contains(f.message, "asks for refresh_token,")
}

test_app_scopes_unknown if {
	files := object.remove(app_files, ["oauthSettings"])
	count(run(files, cred("ClientCredentialsClientSecretBasic", token_url, "api web"))) == 0
	count(run(files, cred("ClientCredentialsClientSecretBasic", token_url, "openid"))) == 1
}

test_two_apps if {
	files := {
		"globalOauthSettings": [global("Loopback", "true"), global("Other", "true")],
		"oauthSettings": [settings("Loopback", "Api"), settings("Other", "Api, Web")],
	}
	count(run(files, cred("ClientCredentialsClientSecretBasic", token_url, "api web"))) == 0
	r := run(files, cred("ClientCredentialsClientSecretBasic", token_url, "api openid"))
	count(r) == 1
	some f in r
	f.message == "Scope asks for openid, which none of the project's 2 client credentials apps grants"
}

test_two_apps_one_unknown if {
	files := {
		"globalOauthSettings": [global("Loopback", "true"), global("Other", "true")],
		"oauthSettings": [settings("Loopback", "Api")],
	}
	count(run(files, cred("ClientCredentialsClientSecretBasic", token_url, "api openid"))) == 0
}

test_app_turned_off_by_policy_does_not_count if {
	files := object.union(app_files, {
		"globalOauthSettings": [global("Loopback", "true"), global("Half", "true")],
		"oauthPolicies": [policy("Loopback", "true"), policy("Half", "false")],
		"oauthSettings": [settings("Loopback", "Api, RefreshToken"), settings("Half", "Api, Web")],
	})
	some f in run(files, cred("ClientCredentialsClientSecretBasic", token_url, "api web"))
	f.message == "Scope asks for web, which External Client App \"Loopback\" does not grant"
}

connected_app(enabled, scopes) := test.record("ca/Legacy.connectedApp-meta.xml", "ConnectedApp", "Legacy", {
	"oauthConfig": object.union(test.at(6), {
		"isClientCredentialEnabled": test.el(enabled, 9),
		"scopes": [test.el(s, 12) | some s in scopes],
	}),
})

test_connected_app if {
	files := {"connectedApps": [connected_app("true", ["Api", "SFAP"])]}
	count(run(files, cred("ClientCredentialsClientSecretBasic", token_url, "api sfap_api"))) == 0
	some f in run(files, cred("ClientCredentialsClientSecretBasic", token_url, "api web"))
	f.message == "Scope asks for web, which Connected App \"Legacy\" does not grant"
}

test_connected_app_without_client_credentials if {
	files := {"connectedApps": [connected_app("false", ["Api"])]}
	count(run(files, cred("ClientCredentialsClientSecretBasic", token_url, "api web"))) == 0
}

test_connected_app_and_external_client_app if {
	files := object.union(app_files, {"connectedApps": [connected_app("true", ["Api", "Web"])]})
	count(run(files, cred("ClientCredentialsClientSecretBasic", token_url, "api web"))) == 0
	some f in run(files, cred("ClientCredentialsClientSecretBasic", token_url, "api openid"))
	contains(f.message, "none of the project's 2 client credentials apps grants")
}

test_no_client_credentials_app if {
	files := object.union(app_files, {"globalOauthSettings": [global("Loopback", "false")], "oauthPolicies": []})
	count(run(files, cred("ClientCredentialsClientSecretBasic", token_url, "api web"))) == 0
	count(run(files, cred("ClientCredentialsClientSecretBasic", token_url, "refresh_token"))) == 1
}

test_other_variants_are_not_tied if {
	count(run(app_files, cred("JwtBearer", token_url, "refresh_token web"))) == 0
}

test_third_party_token_url if {
	count(run(app_files, cred("ClientCredentialsClientSecret", "https://auth.example.com/oauth/token", "read"))) == 0
	partner := "https://auth.example.com/oauth/token"
	count(run(app_files, cred("ClientCredentialsClientSecret", partner, "refresh_token"))) == 0
}

test_placeholders_are_not_judged if {
	replaced := "${SF_INSTANCE_URL}/services/oauth2/token"
	count(run(app_files, cred("ClientCredentialsClientSecret", replaced, "refresh_token"))) == 0
	count(findings("${SCOPES}")) == 0
}

test_empty_scope if {
	count(findings("")) == 0
	count(findings("   ")) == 0
}

test_only_scope_parameters if {
	ec := test.record("ec/Loopback.externalCredential-meta.xml", "ExternalCredential", "Loopback", {
		"externalCredentialParameters": [
			test.param("AuthProtocolVariant", "Oauth", "ClientCredentialsClientSecretBasic", 4),
			test.param("AuthProviderUrl", "AuthProviderUrl", token_url, 10),
			test.param("AuthParameter", "Audience", "refresh_token", 16),
		],
	})
	count(run(app_files, ec)) == 0
}

# Two client credentials apps; the configuration ties the credential to the
# one that does not grant web.
two_apps := {
	"globalOauthSettings": [global("Loopback", "true"), global("Portal", "true")],
	"oauthPolicies": [policy("Loopback", "true"), policy("Portal", "true")],
	"oauthSettings": [settings("Loopback", "Api"), settings("Portal", "Api, Web")],
}

test_configured_app_decides if {
	ec := cred("ClientCredentialsClientSecretBasic", token_url, "api web")
	count(run(two_apps, ec)) == 0
	mapped := object.union(test.with_input(object.union(two_apps, {"externalCredentials": [ec]})), {
		"options": {"extcred/scope": {"apps": {"Loopback": "Loopback"}}},
	})
	r := rule.report with input as mapped
	count(r) == 1
	some f in r
	contains(f.message, "External Client App \"Loopback\" does not grant")
}
