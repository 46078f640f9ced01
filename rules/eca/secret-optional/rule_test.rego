package sflint.rules.eca.secret_optional_test

import data.sflint.rules.eca.secret_optional as rule
import data.sflint.test

global(file, fields) := test.record(
	file, "ExtlClntAppGlobalOauthSettings", "A_glbloauth",
	object.union({"links": {"app": {"name": "A", "found": true, "nearMiss": "", "line": 5, "col": 5}}}, fields),
)

findings(list) := r if {
	r := rule.report with input as test.with_input({"globalOauthSettings": list})
}

optional := {"isConsumerSecretOptional": test.el("true", 7)}

test_optional_on_a_client_credentials_app if {
	cc := {"isClientCredentialsFlowEnabled": test.el("true", 6)}
	r := findings([global("g/A.ecaGlblOauth-meta.xml", object.union(optional, cc))])
	count(r) == 1
	some f in r
	f.line == 7
	contains(f.message, "client credentials app")
}

test_optional_without_pkce if {
	r := findings([global("g/A.ecaGlblOauth-meta.xml", object.union(optional, {"isPkceRequired": test.el("false", 8)}))])
	count(r) == 1
	some f in r
	contains(f.message, "PKCE is off")
}

test_pkce_off_in_another_file_of_the_app if {
	count(findings([
		global("g/A.ecaGlblOauth-meta.xml", optional),
		global("g/A_def.ecaGlblOauth-meta.xml", {"isPkceRequired": test.el("false", 8)}),
	])) == 1
}

test_public_client_with_pkce if {
	pkce := {"isPkceRequired": test.el("true", 8)}
	count(findings([global("g/A.ecaGlblOauth-meta.xml", object.union(optional, pkce))])) == 0
	count(findings([global("g/A.ecaGlblOauth-meta.xml", optional)])) == 0
}

test_secret_required if {
	count(findings([global("g/A.ecaGlblOauth-meta.xml", {
		"isClientCredentialsFlowEnabled": test.el("true", 6),
		"isConsumerSecretOptional": test.el("false", 7),
	})])) == 0
}
