package sflint.rules.eca.distribution_state_test

import data.sflint.rules.eca.distribution_state as rule
import data.sflint.test

app(fields) := test.record("a/A.eca-meta.xml", "ExternalClientApplication", "A", fields)

findings(project, fields) := r if {
	r := rule.report with input as test.with_input({
		"project": object.union(test.empty.project, project),
		"externalClientApps": [app(fields)],
	})
}

test_packaged_without_namespace if {
	r := findings({}, {"distributionState": test.el("Packaged", 4)})
	count(r) == 1
	some f in r
	f.line == 4
	f.file == "a/A.eca-meta.xml"
	contains(f.message, "Packaged")
	f.fix == "set distributionState to Local"
}

test_internal_states_without_namespace if {
	count(findings({}, {"distributionState": test.el("Managed", 4)})) == 1
}

test_local if {
	count(findings({}, {"distributionState": test.el("Local", 4)})) == 0
}

test_packaged_with_namespace if {
	count(findings({"namespace": "acme"}, {"distributionState": test.el("Packaged", 4)})) == 0
}

test_bare_tree_has_no_known_namespace if {
	count(findings({"bare": true}, {"distributionState": test.el("Packaged", 4)})) == 0
}

test_no_distribution_state if {
	count(findings({}, {})) == 0
}
