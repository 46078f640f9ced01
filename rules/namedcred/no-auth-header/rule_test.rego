package sflint.rules.namedcred.no_auth_header_test

import data.sflint.rules.namedcred.no_auth_header as rule
import data.sflint.test

nc(fields) := test.record("nc/Loopback.namedCredential-meta.xml", "NamedCredential", "Loopback", object.union(
	{
		"generateAuthorizationHeader": test.el("false", 6),
		"namedCredentialParameters": [test.param("Url", "Url", "https://acme.my.salesforce.com", 8)],
		"links": {"legacy": false, "externalCredential": object.union(test.at(14), {
			"name": "Loopback_Auth", "found": true, "nearMiss": "",
		})},
	},
	fields,
))

cred(protocol) := test.record("ec/Loopback_Auth.externalCredential-meta.xml", "ExternalCredential", "Loopback_Auth", {
	"authenticationProtocol": test.el(protocol, 3),
})

run(named, protocol) := r if {
	r := rule.report with input as test.with_input({"namedCredentials": [named], "externalCredentials": [cred(protocol)]})
}

test_no_header if {
	r := run(nc({}), "Oauth")
	count(r) == 1
	some f in r
	f.line == 6
	f.col == 5
	contains(f.message, "token of \"Loopback_Auth\" is never sent")
}

test_generated if {
	count(run(nc({"generateAuthorizationHeader": test.el("true", 6)}), "Oauth")) == 0
}

test_absent_means_generated if {
	count(run(object.remove(nc({}), ["generateAuthorizationHeader"]), "Oauth")) == 0
}

test_authorization_http_header if {
	params := [
		test.param("Url", "Url", "https://acme.my.salesforce.com", 8),
		test.param("HttpHeader", "authorization", "Bearer {!$Credential.Loopback_Auth.token}", 12),
	]
	count(run(nc({"namedCredentialParameters": params}), "Oauth")) == 0
}

test_other_http_header if {
	params := [test.param("HttpHeader", "X-Api-Key", "{!$Credential.Loopback_Auth.key}", 12)]
	count(run(nc({"namedCredentialParameters": params}), "Oauth")) == 1
}

test_merge_fields_in_header if {
	count(run(nc({"allowMergeFieldsInHeader": test.el("true", 4)}), "Oauth")) == 0
	count(run(nc({"allowMergeFieldsInHeader": test.el("false", 4)}), "Oauth")) == 1
}

test_other_protocols if {
	count(run(nc({}), "Custom")) == 0
	count(run(nc({}), "Basic")) == 0
}

test_unlinked_or_legacy if {
	missing := {"name": "Loopback_Auth", "found": false, "nearMiss": ""}
	count(run(nc({"links": {"legacy": false, "externalCredential": missing}}), "Oauth")) == 0
	count(run(nc({"links": {"legacy": true}}), "Oauth")) == 0
}
