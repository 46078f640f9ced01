package sflint.rules.eca.unneeded_flows_test

import data.sflint.rules.eca.unneeded_flows as rule
import data.sflint.test

link(app) := {"app": {"name": app, "found": true, "nearMiss": "", "line": 3, "col": 5}}

global(app, fields) := test.record(
	"g/A_glbloauth.ecaGlblOauth-meta.xml", "ExtlClntAppGlobalOauthSettings", "A_glbloauth",
	object.union({"links": link(app)}, fields),
)

policy(app, fields) := test.record(
	"p/A_oauthPlcy.ecaOauthPlcy-meta.xml", "ExtlClntAppOauthConfigurablePolicies", "A_oauthPlcy",
	object.union({"links": link(app)}, fields),
)

all_on := {
	"isClientCredentialsFlowEnabled": test.el("true", 4),
	"isDeviceFlowEnabled": test.el("true", 5),
	"isTokenExchangeEnabled": test.el("true", 6),
	"isNamedUserJwtEnabled": test.el("true", 7),
	"isCodeCredFlowEnabled": test.el("true", 8),
	"certificate": test.el("-----BEGIN CERTIFICATE-----", 9),
}

findings(global_fields, policy_fields) := r if {
	r := rule.report with input as test.with_input({
		"globalOauthSettings": [global("A", global_fields)],
		"oauthPolicies": [policy("A", policy_fields)],
	})
}

test_every_switch_is_reported_where_it_is if {
	r := findings(all_on, {"isTokenExchangeFlowEnabled": test.el("true", 7)})
	count(r) == 6
	{[f.file, f.line] | some f in r} == {
		["g/A_glbloauth.ecaGlblOauth-meta.xml", 5],
		["g/A_glbloauth.ecaGlblOauth-meta.xml", 6],
		["g/A_glbloauth.ecaGlblOauth-meta.xml", 7],
		["g/A_glbloauth.ecaGlblOauth-meta.xml", 8],
		["g/A_glbloauth.ecaGlblOauth-meta.xml", 9],
		["p/A_oauthPlcy.ecaOauthPlcy-meta.xml", 7],
	}
}

test_messages_name_the_flow_and_the_fix if {
	r := findings(all_on, {})
	some f in r
	f.line == 5
	contains(f.message, "device flow")
	contains(f.message, `"A"`)
	f.fix == "set isDeviceFlowEnabled to false unless the app serves that flow"
	some g in r
	g.line == 9
	contains(g.message, "JWT bearer")
	contains(g.fix, "certificate")
}

test_client_credentials_on_in_the_policies_only if {
	global_fields := object.remove(all_on, ["isClientCredentialsFlowEnabled"])
	r := findings(global_fields, {"isClientCredentialsFlowEnabled": test.el("true", 4)})
	count(r) == 5
}

test_app_without_client_credentials_is_not_checked if {
	count(findings(object.remove(all_on, ["isClientCredentialsFlowEnabled"]), {})) == 0
}

test_switches_off_and_empty_certificate if {
	count(findings(
		{
			"isClientCredentialsFlowEnabled": test.el("true", 4),
			"isDeviceFlowEnabled": test.el("false", 5),
			"isTokenExchangeEnabled": test.el("false", 6),
			"certificate": test.el("", 9),
		},
		{"isTokenExchangeFlowEnabled": test.el("false", 7)},
	)) == 0
}

test_certificate_from_a_deploy_time_token_counts if {
	r := findings({"isClientCredentialsFlowEnabled": test.el("true", 4), "certificate": test.el("${CERT}", 9)}, {})
	count(r) == 1
}

test_flows_helper if {
	count(rule.flows("A")) == 5 with input as test.with_input({"globalOauthSettings": [global("A", all_on)]})
	count(rule.flows("B")) == 0 with input as test.with_input({"globalOauthSettings": [global("A", all_on)]})
}
