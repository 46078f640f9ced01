package sflint.rules.extcred.browser_flow_same_org_test

import data.sflint.rules.extcred.browser_flow_same_org as rule
import data.sflint.test

nc(callout_url, ec_name, found) := test.record("nc/Loopback.namedCredential-meta.xml", "NamedCredential", "Loopback", {
	"namedCredentialParameters": [test.param("Url", "Url", callout_url, 8)],
	"links": {"legacy": false, "externalCredential": object.union(test.at(14), {
		"name": ec_name, "found": found, "nearMiss": "",
	})},
})

cred(params) := test.record("ec/Browser_Auth.externalCredential-meta.xml", "ExternalCredential", "Browser_Auth", {
	"authenticationProtocol": test.el("Oauth", 3),
	"externalCredentialParameters": params,
})

provider := test.param("AuthProvider", "AuthProvider", "", 4)

eaip := test.param("ExternalAuthIdentityProvider", "ExternalAuthIdentityProvider", "", 4)

named := test.param("NamedPrincipal", "Admin", "", 10)

run(ncs, params) := r if {
	r := rule.report with input as test.with_input({"namedCredentials": ncs, "externalCredentials": [cred(params)]})
}

my_domain := "https://acme.my.salesforce.com"

test_auth_provider if {
	r := run([nc(my_domain, "Browser_Auth", true)], [provider, named])
	count(r) == 1
	some f in r
	f.file == "ec/Browser_Auth.externalCredential-meta.xml"
	f.line == 4
	f.col == 5
	contains(f.message, "Named Credential \"Loopback\"")
}

test_external_auth_identity_provider if {
	count(run([nc(my_domain, "Browser_Auth", true)], [eaip, named])) == 1
}

test_other_salesforce_hosts if {
	count(run([nc("https://acme.my.site.com", "Browser_Auth", true)], [provider, named])) == 1
	count(run([nc("https://na123.salesforce.com/services/data", "Browser_Auth", true)], [provider, named])) == 1
}

test_template_my_domain_counts if {
	count(run([nc("https://REPLACE_WITH_YOUR_MY_DOMAIN.my.salesforce.com", "Browser_Auth", true)], [provider, named])) == 1
}

test_deploy_time_url_is_not_judged if {
	count(run([nc("${SF_INSTANCE_URL}", "Browser_Auth", true)], [provider, named])) == 0
	count(run([nc("@SF_INSTANCE_URL", "Browser_Auth", true)], [provider, named])) == 0
}

test_third_party_host if {
	count(run([nc("https://api.box.com", "Browser_Auth", true)], [provider, named])) == 0
}

test_client_credentials if {
	variant := test.param("AuthProtocolVariant", "Oauth", "ClientCredentialsClientSecretBasic", 16)
	count(run([nc(my_domain, "Browser_Auth", true)], [provider, variant, named])) == 0
}

test_per_user_principal if {
	per_user := test.param("PerUserPrincipal", "User", "", 16)
	count(run([nc(my_domain, "Browser_Auth", true)], [provider, per_user, named])) == 0
}

test_other_credential if {
	count(run([nc(my_domain, "Other_Auth", true)], [provider, named])) == 0
	count(run([nc(my_domain, "browser_auth", false)], [provider, named])) == 0
}

test_one_finding_per_named_credential if {
	other := object.union(nc(my_domain, "Browser_Auth", true), {
		"name": "Second", "file": "nc/Second.namedCredential-meta.xml",
	})
	count(run([nc(my_domain, "Browser_Auth", true), other], [provider, named])) == 2
}

test_legacy if {
	legacy := test.record("nc/Old.namedCredential-meta.xml", "NamedCredential", "Old", {
		"endpoint": test.el(my_domain, 5),
		"links": {"legacy": true},
	})
	count(run([legacy], [provider, named])) == 0
}
