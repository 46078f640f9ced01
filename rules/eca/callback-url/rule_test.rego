package sflint.rules.eca.callback_url_test

import data.sflint.rules.eca.callback_url as rule
import data.sflint.test

link(app) := {"app": {"name": app, "found": true, "nearMiss": "", "line": 4, "col": 5}}

global(urls, fields) := test.record(
	"g/A_glbloauth.ecaGlblOauth-meta.xml", "ExtlClntAppGlobalOauthSettings", "A_glbloauth",
	object.union(
		{"links": link("A"), "callbackUrl": test.el(urls, 3), "isClientCredentialsFlowEnabled": test.el("true", 5)},
		fields,
	),
)

cred(variant, token_url) := test.record("ec/Self.externalCredential-meta.xml", "ExternalCredential", "Self", {
	"authenticationProtocol": test.el("Oauth", 3),
	"externalCredentialParameters": [
		test.param("AuthProtocolVariant", "Oauth", variant, 4),
		test.param("AuthProviderUrl", "AuthProviderUrl", token_url, 10),
	],
})

same_org := [cred("ClientCredentialsClientSecretBasic", "https://acme.my.salesforce.com/services/oauth2/token")]

findings(urls, fields, creds) := r if {
	r := rule.report with input as test.with_input({
		"globalOauthSettings": [global(urls, fields)],
		"externalCredentials": creds,
	})
}

messages(urls, fields, creds) := {f.message | some f in findings(urls, fields, creds)}

test_http_is_reported_once_per_url_at_the_element if {
	r := findings("http://a.example.com/cb\nhttps://b.example.com/cb\nhttp://c.example.com/cb", {}, [])
	count(r) == 2
	{f.line | some f in r} == {3}
	some m in messages("http://a.example.com/cb", {}, [])
	contains(m, "a.example.com uses http:")
}

test_native_app_redirects_are_allowed_on_other_apps if {
	count(findings("http://localhost:38000/callback\nhttp://127.0.0.1/cb\ncursor://anysphere.cursor-mcp/oauth/callback\ncom.example.app:/cb", {}, [])) == 0
}

test_not_an_absolute_url if {
	some m in messages("acme.my.salesforce.com/services/oauth2/callback", {}, [])
	contains(m, "not an absolute URL")
}

test_placeholders_and_blank_lines_are_not_judged if {
	count(findings("${SF_INSTANCE_URL}/services/authcallback/X\n\n  \n@SF_SITE/cb", {}, same_org)) == 0
}

test_same_org_app_with_an_outside_callback if {
	r := findings("https://acme.my.salesforce.com/services/oauth2/callback\nhttps://app.example.com/cb", {}, same_org)
	count(r) == 1
	some f in r
	contains(f.message, "app.example.com is not on Salesforce")
	contains(f.fix, "My Domain")
}

test_same_org_app_with_native_redirects if {
	count(findings("http://localhost:8080/cb\nmyapp:/cb", {}, same_org)) == 2
}

test_same_org_app_with_salesforce_callbacks if {
	count(findings("https://acme.my.salesforce.com/services/oauth2/callback\nhttps://login.salesforce.com/services/oauth2/callback", {}, same_org)) == 0
}

test_token_url_with_a_deploy_time_host_counts_as_salesforce if {
	creds := [cred("ClientCredentialsClientSecret", "${SF_INSTANCE_URL}/services/oauth2/token")]
	count(findings("https://app.example.com/cb", {}, creds)) == 1
}

test_no_same_org_app if {
	outside := "https://app.example.com/cb"

	# no client credentials External Credential at all
	count(findings(outside, {}, [])) == 0
	count(findings(outside, {}, [cred("JwtBearer", "https://acme.my.salesforce.com/services/oauth2/token")])) == 0

	# the project also uses client credentials against another provider
	partner := cred("ClientCredentialsClientSecret", "https://auth.partner.com/oauth/token")
	count(findings(outside, {}, array.concat(same_org, [partner]))) == 0

	# the app uses another flow
	count(findings(outside, {"isDeviceFlowEnabled": test.el("true", 6)}, same_org)) == 0

	# the app does not use client credentials
	count(findings(outside, {"isClientCredentialsFlowEnabled": test.el("false", 5)}, same_org)) == 0
}

test_packaged_app_is_not_same_org if {
	header := test.record("a/A.eca-meta.xml", "ExternalClientApplication", "A", {
		"distributionState": test.el("Packaged", 4),
	})
	count(rule.report) == 0 with input as test.with_input({
		"externalClientApps": [header],
		"globalOauthSettings": [global("https://app.example.com/cb", {})],
		"externalCredentials": same_org,
	})
}

test_token_url_on_a_salesforce_host_counts_whatever_its_path if {
	creds := [cred("ClientCredentialsClientSecret", "https://acme.my.salesforce.com/token")]
	count(findings("https://app.example.com/cb", {}, creds)) == 1
}
