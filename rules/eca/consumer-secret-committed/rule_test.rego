package sflint.rules.eca.consumer_secret_committed_test

import data.sflint.rules.eca.consumer_secret_committed as rule
import data.sflint.test

global(fields) := test.record(
	"g/A_glbloauth.ecaGlblOauth-meta.xml", "ExtlClntAppGlobalOauthSettings", "A_glbloauth",
	object.union({"links": {"app": {"name": "A", "found": true, "nearMiss": "", "line": 5, "col": 5}}}, fields),
)

findings(fields) := r if {
	r := rule.report with input as test.with_input({"globalOauthSettings": [global(fields)]})
}

test_secret_value_is_reported_without_the_value if {
	r := findings({"consumerSecret": test.el("A1B2C3D4E5F6SECRET", 4)})
	count(r) == 1
	some f in r
	f.line == 4
	f.file == "g/A_glbloauth.ecaGlblOauth-meta.xml"
	contains(f.message, "holds a value")
	not contains(f.message, "A1B2C3D4E5F6SECRET")
	not contains(f.fix, "A1B2C3D4E5F6SECRET")
}

test_deploy_time_token_is_not_a_committed_secret if {
	count(findings({"consumerSecret": test.el("${ECA_SECRET}", 4)})) == 0
}

test_empty_or_absent if {
	count(findings({"consumerSecret": test.el("", 4)})) == 0
	count(findings({"consumerKey": test.el("3MVG9abc", 4)})) == 0
}
