package sflint.rules.eca.orphan_settings_test

import data.sflint.rules.eca.orphan_settings as rule
import data.sflint.test

link(app, found, near) := {"app": {"name": app, "found": found, "nearMiss": near, "line": 4, "col": 5}}

child(file, type, app, found, near, fields) := test.record(
	file, type, "X",
	object.union({"links": link(app, found, near), "externalClientApplication": test.el(app, 4)}, fields),
)

plcy(app, found, near) := child("p/X_plcy.ecaPlcy-meta.xml", "ExtlClntAppConfigurablePolicies", app, found, near, {})

global(app, cc) := child(
	"g/X_glbloauth.ecaGlblOauth-meta.xml", "ExtlClntAppGlobalOauthSettings", app, true, "",
	{"isClientCredentialsFlowEnabled": test.el(cc, 6)},
)

policy(app, cc) := child(
	"o/X_oauthPlcy.ecaOauthPlcy-meta.xml", "ExtlClntAppOauthConfigurablePolicies", app, true, "",
	{"isClientCredentialsFlowEnabled": test.el(cc, 7)},
)

header(name, state) := test.record("a/A.eca-meta.xml", "ExternalClientApplication", name, {
	"distributionState": test.el(state, 3),
})

test_file_names_an_app_that_is_not_in_the_project if {
	r := rule.report with input as test.with_input({"policies": [plcy("Ghost", false, "")]})
	count(r) == 1
	some f in r
	f.file == "p/X_plcy.ecaPlcy-meta.xml"
	f.line == 4
	f.message == `app policies name app "Ghost", which is not in the project`
}

test_case_only_near_miss_is_said if {
	r := rule.report with input as test.with_input({"policies": [plcy("loopback", false, "Loopback")]})
	count(r) == 1
	some f in r
	contains(f.message, "differs only in case")
	f.fix == "write Loopback"
}

test_missing_element_is_reported_at_the_file if {
	file := test.record("s/X_oauth.ecaOauth-meta.xml", "ExtlClntAppOauthSettings", "X", {"links": link("", false, "")})
	r := rule.report with input as test.with_input({"oauthSettings": [file]})
	count(r) == 1
	some f in r
	f.line == 2
	f.message == "OAuth settings name no External Client App"
}

test_file_of_a_known_app if {
	count(rule.report) == 0 with input as test.with_input({"policies": [plcy("Loopback", true, "")]})
}

test_policies_missing if {
	r := rule.report with input as test.with_input({"globalOauthSettings": [global("A", "true")]})
	count(r) == 1
	some f in r
	f.file == "g/X_glbloauth.ecaGlblOauth-meta.xml"
	f.line == 6
	contains(f.message, "no OAuth policies (.ecaOauthPlcy)")
}

test_global_settings_missing if {
	r := rule.report with input as test.with_input({"oauthPolicies": [policy("A", "true")]})
	count(r) == 1
	some f in r
	f.line == 7
	contains(f.message, "no global OAuth settings (.ecaGlblOauth)")
}

test_both_halves_present_or_switch_off if {
	count(rule.report) == 0 with input as test.with_input({
		"globalOauthSettings": [global("A", "true")],
		"oauthPolicies": [policy("A", "false")],
	})
	count(rule.report) == 0 with input as test.with_input({"globalOauthSettings": [global("A", "false")]})
}

test_packaged_app_keeps_its_halves_elsewhere if {
	count(rule.report) == 0 with input as test.with_input({
		"externalClientApps": [header("A", "Packaged")],
		"globalOauthSettings": [global("A", "true")],
	})
	count(rule.report) == 1 with input as test.with_input({
		"externalClientApps": [header("A", "Local")],
		"globalOauthSettings": [global("A", "true")],
	})
}
