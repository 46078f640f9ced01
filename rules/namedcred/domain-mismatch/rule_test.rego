package sflint.rules.namedcred.domain_mismatch_test

import data.sflint.rules.namedcred.domain_mismatch as rule
import data.sflint.test

nc(callout_url, legacy) := test.record("nc/Loopback.namedCredential-meta.xml", "NamedCredential", "Loopback", {
	"namedCredentialParameters": [test.param("Url", "Url", callout_url, 8)],
	"links": {"legacy": legacy, "externalCredential": object.union(test.at(14), {
		"name": "Loopback_Auth", "found": true, "nearMiss": "",
	})},
})

cred(name, token_url) := test.record("ec/Loopback_Auth.externalCredential-meta.xml", "ExternalCredential", name, {
	"externalCredentialParameters": [
		test.param("AuthProtocolVariant", "Oauth", "ClientCredentialsClientSecretBasic", 4),
		test.param("AuthProviderUrl", "AuthProviderUrl", token_url, 10),
	],
})

run(callout_url, token_url) := r if {
	r := rule.report with input as test.with_input({
		"namedCredentials": [nc(callout_url, false)],
		"externalCredentials": [cred("Loopback_Auth", token_url)],
	})
}

my_domain := "https://acme.my.salesforce.com"

test_same_host if {
	count(run(my_domain, "https://acme.my.salesforce.com/services/oauth2/token")) == 0
	count(run("https://ACME.my.salesforce.com/", "https://acme.my.salesforce.com/services/oauth2/token")) == 0
}

test_login_host if {
	r := run("https://login.salesforce.com", "https://acme.my.salesforce.com/services/oauth2/token")
	count(r) == 1
	some f in r
	f.file == "nc/Loopback.namedCredential-meta.xml"
	f.line == 11
	f.col == 5
	f.message == concat("", [
		"Url host login.salesforce.com differs from acme.my.salesforce.com, ",
		"the token URL host of \"Loopback_Auth\"",
	])
}

test_token_url_not_a_my_domain if {
	count(run(my_domain, "https://login.salesforce.com/services/oauth2/token")) == 0
	count(run(my_domain, "https://na123.salesforce.com/services/oauth2/token")) == 0
}

test_other_org if {
	count(run(my_domain, "https://acme--uat.sandbox.my.salesforce.com/services/oauth2/token")) == 1
}

test_instance_and_lightning_hosts if {
	count(run("https://na123.salesforce.com", "https://acme.my.salesforce.com/services/oauth2/token")) == 1
	count(run("https://acme.lightning.force.com", "https://acme.my.salesforce.com/services/oauth2/token")) == 1
}

test_not_both_org_hosts if {
	count(run("https://api.example.com", "https://acme.my.salesforce.com/services/oauth2/token")) == 0
	count(run(my_domain, "https://auth.example.com/oauth/token")) == 0
	count(run("https://acme.my.site.com", "https://acme.my.salesforce.com/services/oauth2/token")) == 0
}

test_placeholders if {
	count(run("${SF_INSTANCE_URL}", "https://acme.my.salesforce.com/services/oauth2/token")) == 0
	count(run(my_domain, "@SF_INSTANCE_URL/services/oauth2/token")) == 0
	count(run("https://REPLACE_ME.my.salesforce.com", "https://acme.my.salesforce.com/services/oauth2/token")) == 0
}

test_other_credential if {
	r := rule.report with input as test.with_input({
		"namedCredentials": [nc(my_domain, false)],
		"externalCredentials": [cred("Other_Auth", "https://other.my.salesforce.com/services/oauth2/token")],
	})
	count(r) == 0
}

test_legacy if {
	r := rule.report with input as test.with_input({
		"namedCredentials": [nc(my_domain, true)],
		"externalCredentials": [cred("Loopback_Auth", "https://other.my.salesforce.com/services/oauth2/token")],
	})
	count(r) == 0
}
