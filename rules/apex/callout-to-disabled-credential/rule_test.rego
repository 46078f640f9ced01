package sflint.rules.apex.callout_to_disabled_credential_test

import data.sflint.rules.apex.callout_to_disabled_credential as rule
import data.sflint.test

nc_file := "force-app/main/default/namedCredentials/Paused.namedCredential-meta.xml"

nc(status) := test.record(nc_file, "NamedCredential", "Paused", {"calloutStatus": test.el(status, 5)})

class(found) := {
	"file": "force-app/main/default/classes/C.cls", "name": "C",
	"callouts": [{"method": "m", "line": 5, "col": 27, "namedCredential": {
		"name": "Paused", "found": found, "nearMiss": "", "path": "/x", "file": nc_file, "line": 6, "col": 25,
	}}],
}

findings(status, found) := r if {
	r := rule.report with input as test.with_input({"namedCredentials": [nc(status)], "apexClasses": [class(found)]})
}

test_disabled if {
	r := findings("Disabled", true)
	count(r) == 1
	some f in r
	f.file == "force-app/main/default/classes/C.cls"
	f.line == 6
	f.col == 25
	contains(f.message, "\"Paused\" has calloutStatus Disabled")
}

test_enabled if {
	count(findings("Enabled", true)) == 0
}

test_not_found if {
	count(findings("Disabled", false)) == 0
}

test_status_absent if {
	n := test.record(nc_file, "NamedCredential", "Paused", {})
	count(rule.report) == 0 with input as test.with_input({"namedCredentials": [n], "apexClasses": [class(true)]})
}
