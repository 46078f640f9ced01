package sflint.rules.eca.ip_relaxation_test

import data.sflint.rules.eca.ip_relaxation as rule
import data.sflint.test

policy(cc, relax) := test.record("p/A_oauthPlcy.ecaOauthPlcy-meta.xml", "ExtlClntAppOauthConfigurablePolicies", "A", {
	"links": {"app": {"name": "A", "found": true, "nearMiss": "", "line": 4, "col": 5}},
	"ipRelaxationPolicyType": test.el(relax, 5),
	"isClientCredentialsFlowEnabled": test.el(cc, 6),
})

findings(cc, relax) := r if {
	r := rule.report with input as test.with_input({"oauthPolicies": [policy(cc, relax)]})
}

test_bypass_on_a_client_credentials_app if {
	r := findings("true", "Bypass")
	count(r) == 1
	some f in r
	f.line == 5
	f.file == "p/A_oauthPlcy.ecaOauthPlcy-meta.xml"
	contains(f.message, "bypassed")
	contains(f.fix, "Enforce")
}

test_bypass_in_upper_case if {
	count(findings("true", "BYPASS")) == 1
}

test_values_that_do_not_bypass_client_credentials if {
	count(findings("true", "Enforce")) == 0
	count(findings("true", "Bypass_2factor")) == 0
	count(findings("true", "Enforce_RelaxRefresh")) == 0
}

test_app_without_client_credentials if {
	count(findings("false", "Bypass")) == 0
}
