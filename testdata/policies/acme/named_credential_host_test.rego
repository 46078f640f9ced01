package sflint.rules.acme.named_credential_host_test

import data.sflint.rules.acme.named_credential_host as rule
import data.sflint.test

# named_credential is a project with one Named Credential calling url.
named_credential(url) := test.project({
	"force-app/main/default/namedCredentials/Billing.namedCredential-meta.xml": sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Billing</label>
    <namedCredentialParameters>
        <parameterName>Url</parameterName>
        <parameterType>Url</parameterType>
        <parameterValue>%s</parameterValue>
    </namedCredentialParameters>
    <namedCredentialType>SecuredEndpoint</namedCredentialType>
</NamedCredential>
`, [url]),
})

test_approved_host if {
	count(rule.report) == 0 with input as named_credential("https://billing.acme.com/v2")
}

test_other_host if {
	findings := rule.report with input as named_credential("https://billing.example.net/v2")
	count(findings) == 1
	some f in findings
	f.file == "force-app/main/default/namedCredentials/Billing.namedCredential-meta.xml"
	f.line == 7
	f.message == `Named Credential "Billing" calls https://billing.example.net/v2, which is not an approved host`
}

test_host_is_compared_exactly if {
	count(rule.report) == 1 with input as named_credential("https://billing.acme.com.example.net")
}

test_replaced_at_deploy_time if {
	count(rule.report) == 0 with input as named_credential("${BILLING_URL}")
}

test_legacy_endpoint if {
	findings := rule.report with input as test.project({
		"force-app/main/default/namedCredentials/Old.namedCredential-meta.xml": `<NamedCredential>
    <endpoint>http://old.example.net</endpoint>
    <label>Old</label>
</NamedCredential>
`,
	})
	some f in findings
	f.line == 2
}
