package sflint.rules.extcred.no_principal_test

import data.sflint.rules.extcred.no_principal as rule
import data.sflint.test

cred(protocol, params) := test.record("ec/Auth.externalCredential-meta.xml", "ExternalCredential", "Auth", {
	"authenticationProtocol": test.el(protocol, 3),
	"externalCredentialParameters": params,
})

findings(protocol, params) := r if {
	r := rule.report with input as test.with_input({"externalCredentials": [cred(protocol, params)]})
}

variant := test.param("AuthProtocolVariant", "Oauth", "ClientCredentialsClientSecretBasic", 4)

principal(type) := test.param(type, "Integration", "", 10)

test_named_principal if {
	count(findings("Oauth", [variant, principal("NamedPrincipal")])) == 0
}

test_per_user_principal if {
	count(findings("Oauth", [principal("PerUserPrincipal")])) == 0
}

test_no_principal if {
	r := findings("Oauth", [variant])
	count(r) == 1
	some f in r
	f.line == 2
	f.col == 1
	contains(f.message, "\"Auth\" has no NamedPrincipal")
}

test_no_parameters_at_all if {
	bare := test.record("ec/Auth.externalCredential-meta.xml", "ExternalCredential", "Auth", {
		"authenticationProtocol": test.el("Custom", 3),
	})
	count(rule.report) == 1 with input as test.with_input({"externalCredentials": [bare]})
}

test_every_checked_protocol if {
	every protocol in ["Oauth", "Custom", "Basic", "AwsSv4", "Jwt", "JwtExchange", "Password"] {
		count(findings(protocol, [])) == 1
	}
}

test_aws_sts_principal if {
	count(findings("AwsSv4", [principal("AwsStsPrincipal")])) == 0
	count(findings("Oauth", [principal("AwsStsPrincipal")])) == 1
}

test_undocumented_principal_types_count if {
	count(findings("Oauth", [principal("GlobalNamedPrincipal")])) == 0
	count(findings("Custom", [principal("SystemUserPrincipal")])) == 0
	count(findings("Custom", [principal("TenantPrincipal")])) == 0
}

test_unchecked_protocols if {
	count(findings("NoAuthentication", [])) == 0
	count(findings("Certificate", [])) == 0
}

test_no_protocol if {
	bare := test.record("ec/Auth.externalCredential-meta.xml", "ExternalCredential", "Auth", {})
	count(rule.report) == 0 with input as test.with_input({"externalCredentials": [bare]})
}
