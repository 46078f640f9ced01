package sflint.rules.project.api_version_test

import data.sflint.rules.project.api_version as rule
import data.sflint.test

with_version(v, lists) := object.union(test.with_input(lists), {"project": object.union(test.empty.project, {
	"sourceApiVersion": v,
})})

findings(v, lists) := r if {
	r := rule.report with input as with_version(v, lists)
}

files := {"files": [
	{"path": "f/A.externalCredential-meta.xml", "type": "ExternalCredential"},
	{"path": "f/A.eca-meta.xml", "type": "ExternalClientApplication"},
	{"path": "f/README.md", "type": null},
]}

test_recent_enough if {
	count(findings({"value": "66.0", "line": 3, "col": 3}, files)) == 0
	count(findings({"value": "59.0", "line": 3, "col": 3}, files)) == 0
}

test_too_old_for_external_client_apps if {
	r := findings({"value": "58.0", "line": 3, "col": 3}, files)
	count(r) == 1
	some f in r
	f.file == "sfdx-project.json"
	f.line == 3
	f.message == "sourceApiVersion 58.0 is older than 59.0, which ExternalClientApplication needs"
}

test_field_needs_newer if {
	policy := test.record("p.xml", "ExtlClntAppOauthConfigurablePolicies", "p", {"isClientCredentialsFlowEnabled": test.el("true", 4)})
	some f in findings({"value": "59.0", "line": 3, "col": 3}, {"oauthPolicies": [policy]})
	contains(f.message, "older than 60.0, which isClientCredentialsFlowEnabled needs")
}

test_missing if {
	r := findings(null, files)
	count(r) == 1
	some f in r
	f.line == 1
	contains(f.message, "no sourceApiVersion")
}

test_bare_tree_has_no_project_file if {
	bare := object.union(test.with_input(files), {"project": object.union(test.empty.project, {"file": "", "sourceApiVersion": null})})
	count(rule.report) == 0 with input as bare
}
