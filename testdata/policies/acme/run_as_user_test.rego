package sflint.rules.acme.run_as_user_test

import data.sflint.rules.acme.run_as_user as rule
import data.sflint.test

# oauth_policies is a project with the OAuth policies of one External Client
# App that runs as user.
oauth_policies(user) := test.project({
	"force-app/main/default/extlClntAppOauthPolicies/Billing_oauthPlcy.ecaOauthPlcy-meta.xml": sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<ExtlClntAppOauthConfigurablePolicies xmlns="http://soap.sforce.com/2006/04/metadata">
    <clientCredentialsFlowUser>%s</clientCredentialsFlowUser>
    <externalClientApplication>Billing</externalClientApplication>
    <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>
    <label>Billing_oauthPlcy</label>
</ExtlClntAppOauthConfigurablePolicies>
`, [user]),
})

test_integration_user if {
	count(rule.report) == 0 with input as oauth_policies("billing.integration@acme.com")
}

test_integration_user_in_a_sandbox if {
	count(rule.report) == 0 with input as oauth_policies("billing.integration@acme.com.uat")
}

test_person_as_run_as_user if {
	findings := rule.report with input as oauth_policies("jane.doe@acme.com")
	count(findings) == 1
	some f in findings
	f.line == 3
	contains(f.message, `"jane.doe@acme.com" is not an integration user`)
}

test_other_domain if {
	count(rule.report) == 1 with input as oauth_policies("billing.integration@acme.com.evil.example")
}

test_replaced_at_deploy_time if {
	count(rule.report) == 0 with input as oauth_policies("${BILLING_RUN_AS}")
}

test_connected_app if {
	findings := rule.report with input as test.project({
		"force-app/main/default/connectedApps/Billing.connectedApp-meta.xml": `<ConnectedApp>
    <label>Billing</label>
    <oauthConfig>
        <isClientCredentialEnabled>true</isClientCredentialEnabled>
        <oauthClientCredentialUser>admin@acme.com</oauthClientCredentialUser>
        <scopes>Api</scopes>
    </oauthConfig>
</ConnectedApp>
`,
	})
	some f in findings
	f.line == 5
}
