package sflint.rules.extcred.token_url_test

import data.sflint.rules.extcred.token_url as rule
import data.sflint.test

cred(variant, url) := test.record("ec/Loopback.externalCredential-meta.xml", "ExternalCredential", "Loopback", {
	"authenticationProtocol": test.el("Oauth", 3),
	"externalCredentialParameters": [
		test.param("AuthProtocolVariant", "Oauth", variant, 4),
		test.param("AuthProviderUrl", "AuthProviderUrl", url, 10),
	],
})

findings(variant, url) := r if {
	r := rule.report with input as test.with_input({"externalCredentials": [cred(variant, url)]})
}

messages(url) := {f.message | some f in findings("ClientCredentialsClientSecret", url)}

test_my_domain_is_clean if {
	count(findings("ClientCredentialsClientSecret", "https://acme.my.salesforce.com/services/oauth2/token")) == 0
	count(findings("ClientCredentialsClientSecretBasic", "https://acme--uat.sandbox.my.salesforce.com/services/oauth2/token")) == 0
	count(findings("ClientCredentialsClientSecret", "https://acme-dev-ed.develop.my.salesforce.com/services/oauth2/token")) == 0
	count(findings("ClientCredentialsClientSecret", "https://x.scratch.my.salesforce.com/services/oauth2/token")) == 0
}

test_finding_points_at_parameter_value if {
	r := findings("ClientCredentialsClientSecret", "https://login.salesforce.com/services/oauth2/token")
	count(r) == 1
	some f in r
	f.line == 13
	f.col == 5
}

test_login_host if {
	some m in messages("https://login.salesforce.com/services/oauth2/token")
	contains(m, "unsupported_grant_type")
}

test_test_host if {
	some m in messages("https://test.salesforce.com/services/oauth2/token")
	contains(m, "unsupported_grant_type")
}

test_lightning_host if {
	some m in messages("https://acme.lightning.force.com/services/oauth2/token")
	contains(m, "request not supported on this domain")
}

test_instance_host if {
	some m in messages("https://na123.salesforce.com/services/oauth2/token")
	contains(m, "instance host")
}

test_http if {
	some m in messages("http://acme.my.salesforce.com/services/oauth2/token")
	contains(m, "https")
}

test_other_host if {
	some m in messages("https://example.com/services/oauth2/token")
	contains(m, "not a My Domain host")
}

test_third_party_identity_provider if {
	count(findings("ClientCredentialsClientSecret", "https://auth.example.com/oauth/token")) == 0
}

test_third_party_over_http if {
	some m in messages("http://auth.example.com/oauth/token")
	contains(m, "https")
}

test_authorize_path if {
	some m in messages("https://acme.my.salesforce.com/services/oauth2/authorize")
	contains(m, "authorize endpoint")
}

test_callback_path if {
	some m in messages("https://acme.my.salesforce.com/services/oauth2/callback")
	contains(m, "callback")
}

test_other_path if {
	some m in messages("https://acme.my.salesforce.com/services/oauth2/token/")
	contains(m, "exactly /services/oauth2/token")
}

test_not_a_url if {
	some m in messages("acme.my.salesforce.com/services/oauth2/token")
	contains(m, "not an absolute https URL")
}

test_empty if {
	some m in messages("")
	contains(m, "empty")
}

test_placeholders_are_not_judged if {
	count(findings("ClientCredentialsClientSecret", "${SF_INSTANCE_URL}/services/oauth2/token")) == 0
	count(findings("ClientCredentialsClientSecret", "@SF_INSTANCE_URL/services/oauth2/token")) == 0
}

test_other_variants_are_not_checked if {
	count(findings("JwtBearer", "https://login.salesforce.com/services/oauth2/token")) == 0
}

test_one_problem_per_url if {
	count(findings("ClientCredentialsClientSecret", "http://login.salesforce.com/services/oauth2/authorize")) == 1
}

test_allowed_hosts_option if {
	ec := cred("ClientCredentialsClientSecret", "https://other.my.salesforce.com/services/oauth2/token")
	configured := object.union(test.with_input({"externalCredentials": [ec]}), {
		"options": {"extcred/token-url": {"allowed_hosts": ["acme.my.salesforce.com"]}},
	})
	r := rule.report with input as configured
	count(r) == 1
	some f in r
	contains(f.message, "not one of the allowed_hosts")
	allowed := object.union(configured, {"options": {"extcred/token-url": {"allowed_hosts": ["OTHER.my.salesforce.com"]}}})
	count(rule.report) == 0 with input as allowed
}
