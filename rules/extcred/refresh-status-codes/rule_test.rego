package sflint.rules.extcred.refresh_status_codes_test

import data.sflint.rules.extcred.refresh_status_codes as rule
import data.sflint.test

partner := "https://auth.example.com/oauth2/token"

cred(variant, token_url, extra) := test.record(
	"ec/Partner.externalCredential-meta.xml",
	"ExternalCredential", "Partner", {
		"authenticationProtocol": test.el("Oauth", 3),
		"externalCredentialParameters": array.concat(
			[
				test.param("AuthProtocolVariant", "Oauth", variant, 4),
				test.param("AuthProviderUrl", "AuthProviderUrl", token_url, 10),
			],
			extra,
		),
	},
)

findings(variant, extra) := run(variant, partner, extra)

run(variant, token_url, extra) := r if {
	r := rule.report with input as test.with_input({"externalCredentials": [cred(variant, token_url, extra)]})
}

code(name, value) := test.param("AdditionalRefreshStatusCode", name, value, 16)

test_no_refresh_codes if {
	r := findings("ClientCredentialsClientSecretBasic", [])
	count(r) == 1
	some f in r
	f.line == 2
	f.col == 1
	contains(f.message, "\"Partner\" refreshes its token only on 401")
}

test_every_client_credentials_variant if {
	count(findings("ClientCredentialsClientSecret", [])) == 1
	count(findings("ClientCredentialsJwtAssertion", [])) == 1
}

test_403_in_value if {
	count(findings("ClientCredentialsClientSecretBasic", [code("Forbidden", "403")])) == 0
}

test_403_in_name if {
	count(findings("ClientCredentialsClientSecretBasic", [code("403", "")])) == 0
	count(findings("ClientCredentialsClientSecretBasic", [object.remove(code("403", ""), ["parameterValue"])])) == 0
}

test_403_in_a_list if {
	count(findings("ClientCredentialsClientSecretBasic", [code("Codes", "403,429")])) == 0
}

test_other_codes_only if {
	count(findings("ClientCredentialsClientSecretBasic", [code("429", "429")])) == 1
}

test_403_in_another_parameter_type if {
	count(findings("ClientCredentialsClientSecretBasic", [test.param("AuthParameter", "Code", "403", 16)])) == 1
}

test_salesforce_token_urls if {
	count(run("ClientCredentialsClientSecretBasic", "https://acme.my.salesforce.com/services/oauth2/token", [])) == 0
	count(run("ClientCredentialsClientSecretBasic", "https://login.salesforce.com/services/oauth2/token", [])) == 0
	count(run("ClientCredentialsClientSecret", "https://loopback.example.com/services/oauth2/token", [])) == 0
}

test_token_urls_not_judged if {
	count(run("ClientCredentialsClientSecret", "${SF_INSTANCE_URL}/services/oauth2/token", [])) == 0
	count(run("ClientCredentialsClientSecret", "${TOKEN_URL}", [])) == 0
	count(run("ClientCredentialsClientSecret", "auth.example.com/token", [])) == 0
	count(run("ClientCredentialsClientSecret", "", [])) == 0
}

test_no_token_url if {
	ec := test.record("ec/Partner.externalCredential-meta.xml", "ExternalCredential", "Partner", {
		"externalCredentialParameters": [test.param("AuthProtocolVariant", "Oauth", "ClientCredentialsClientSecretBasic", 4)],
	})
	count(rule.report) == 0 with input as test.with_input({"externalCredentials": [ec]})
}

test_other_variants if {
	count(findings("JwtBearer", [])) == 0
	count(findings("NoAuthentication", [])) == 0
}

test_no_parameters if {
	bare := test.record("ec/Bare.externalCredential-meta.xml", "ExternalCredential", "Bare", {})
	count(rule.report) == 0 with input as test.with_input({"externalCredentials": [bare]})
}
