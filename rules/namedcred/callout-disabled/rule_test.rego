package sflint.rules.namedcred.callout_disabled_test

import data.sflint.rules.namedcred.callout_disabled as rule
import data.sflint.test

findings(fields) := r if {
	nc := test.record("nc/Api.namedCredential-meta.xml", "NamedCredential", "Api", fields)
	r := rule.report with input as test.with_input({"namedCredentials": [nc]})
}

test_disabled if {
	r := findings({"calloutStatus": test.el("Disabled", 5)})
	count(r) == 1
	some f in r
	f.line == 5
	f.col == 5
	contains(f.message, "\"Api\"")
}

test_enabled if {
	count(findings({"calloutStatus": test.el("Enabled", 5)})) == 0
}

test_absent if {
	count(findings({})) == 0
}
