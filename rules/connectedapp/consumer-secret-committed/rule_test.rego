package sflint.rules.connectedapp.consumer_secret_committed_test

import data.sflint.rules.connectedapp.consumer_secret_committed as rule
import data.sflint.test

app(config) := test.record("c/A.connectedApp-meta.xml", "ConnectedApp", "A", {
	"oauthConfig": object.union(test.at(5), config),
})

findings(config) := r if {
	r := rule.report with input as test.with_input({"connectedApps": [app(config)]})
}

test_secret if {
	r := findings({"consumerSecret": test.el("S3CR3TVALUE", 7)})
	count(r) == 1
	some f in r
	f.line == 7
	not contains(f.message, "S3CR3TVALUE")
	not contains(f.fix, "S3CR3TVALUE")
}

test_empty_secret if {
	count(findings({"consumerSecret": test.el("", 7)})) == 0
	count(findings({"consumerSecret": test.el("  ", 7)})) == 0
}

test_placeholder if {
	count(findings({"consumerSecret": test.el("${CONSUMER_SECRET}", 7)})) == 0
}

test_no_secret if {
	count(findings({"consumerKey": test.el("3MVG9", 7)})) == 0
	count(rule.report) == 0 with input as test.with_input({"connectedApps": [test.record("c", "ConnectedApp", "A", {})]})
}
