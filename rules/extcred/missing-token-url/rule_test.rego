package sflint.rules.extcred.missing_token_url_test

import data.sflint.rules.extcred.missing_token_url as rule
import data.sflint.test

cred(params) := test.record("ec/Loopback.externalCredential-meta.xml", "ExternalCredential", "Loopback", {
	"authenticationProtocol": test.el("Oauth", 3),
	"externalCredentialParameters": params,
})

findings(params) := r if {
	r := rule.report with input as test.with_input({"externalCredentials": [cred(params)]})
}

variant(value) := test.param("AuthProtocolVariant", "Oauth", value, 4)

token_url(value) := test.param("AuthProviderUrl", "AuthProviderUrl", value, 10)

test_with_token_url if {
	url := token_url("https://acme.my.salesforce.com/services/oauth2/token")
	count(findings([variant("ClientCredentialsClientSecretBasic"), url])) == 0
}

test_placeholder_counts_as_set if {
	count(findings([variant("ClientCredentialsClientSecret"), token_url("${SF_INSTANCE_URL}/services/oauth2/token")])) == 0
}

test_no_token_url if {
	r := findings([variant("ClientCredentialsClientSecretBasic")])
	count(r) == 1
	some f in r
	f.line == 4
	f.col == 5
	contains(f.message, "ClientCredentialsClientSecretBasic needs an AuthProviderUrl")
}

test_every_client_credentials_variant if {
	count(findings([variant("ClientCredentialsClientSecret")])) == 1
	count(findings([variant("ClientCredentialsJwtAssertion")])) == 1
}

test_token_url_without_value if {
	no_value := object.remove(token_url(""), ["parameterValue"])
	r := findings([variant("ClientCredentialsClientSecretBasic"), no_value])
	count(r) == 1
	some f in r
	f.line == 4
}

test_token_url_empty if {
	count(findings([variant("ClientCredentialsClientSecretBasic"), token_url("")])) == 1
}

test_other_variants if {
	count(findings([variant("JwtBearer")])) == 0
	count(findings([test.param("AuthProtocolVariant", "Custom", "NoAuthentication", 4)])) == 0
}

test_browser_flow_needs_no_token_url if {
	count(findings([test.param("AuthProvider", "AuthProvider", "", 4)])) == 0
}

test_no_parameters if {
	bare := test.record("ec/Bare.externalCredential-meta.xml", "ExternalCredential", "Bare", {})
	count(rule.report) == 0 with input as test.with_input({"externalCredentials": [bare]})
}
