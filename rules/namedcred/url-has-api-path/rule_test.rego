package sflint.rules.namedcred.url_has_api_path_test

import data.sflint.rules.namedcred.url_has_api_path as rule
import data.sflint.test

modern(value) := test.record("nc/Self.namedCredential-meta.xml", "NamedCredential", "Self", {
	"namedCredentialParameters": [test.param("Url", "Url", value, 8)],
	"links": {"legacy": false},
})

legacy(value) := test.record("nc/Old.namedCredential-meta.xml", "NamedCredential", "Old", {
	"endpoint": test.el(value, 5),
	"links": {"legacy": true},
})

findings(nc) := r if {
	r := rule.report with input as test.with_input({"namedCredentials": [nc]})
}

test_host_only if {
	count(findings(modern("https://acme.my.salesforce.com"))) == 0
	count(findings(modern("https://acme.my.salesforce.com/"))) == 0
}

test_data_path if {
	r := findings(modern("https://acme.my.salesforce.com/services/data/v66.0"))
	count(r) == 1
	some f in r
	f.line == 11
	f.col == 5
	f.message == "callout URL already holds /services/data/v66.0; callout:Self/services/... answers 404"
	f.fix == "set the URL to https://acme.my.salesforce.com and write the path in the callout"
}

test_other_services_paths if {
	count(findings(modern("https://acme.my.salesforce.com/services/apexrest/Orders"))) == 1
	count(findings(modern("https://acme.my.salesforce.com/services"))) == 1
	count(findings(modern("https://acme.my.salesforce.com/Services/Data/"))) == 1
}

test_legacy_endpoint if {
	r := findings(legacy("https://acme.my.salesforce.com/services/data"))
	count(r) == 1
	some f in r
	f.line == 5
}

test_oauth_endpoints if {
	count(findings(modern("https://login.salesforce.com/services/oauth2/token"))) == 0
}

test_other_hosts if {
	count(findings(modern("https://api.example.com/services/v1"))) == 0
}

test_other_paths if {
	count(findings(modern("https://acme.my.salesforce.com/servicesx"))) == 0
	count(findings(modern("https://acme.my.site.com/support/services/data"))) == 0
}

test_placeholders if {
	count(findings(modern("${SF_INSTANCE_URL}/services/data"))) == 0
	count(findings(modern("https://REPLACE_ME.my.salesforce.com/services/data"))) == 0
	count(findings(modern("not a url"))) == 0
}

apex_run(named, paths) := r if {
	file := "nc/Self.namedCredential-meta.xml"
	callouts := [{"namedCredential": {"name": "Self", "found": true, "file": file, "path": p}} |
		some p in paths
	]
	r := rule.report with input as test.with_input({
		"namedCredentials": [named],
		"apexClasses": [{"file": "classes/Caller.cls", "name": "Caller", "callouts": callouts}],
	})
}

test_apex_appends_services_path if {
	count(apex_run(modern("https://acme.my.salesforce.com/services/data/v66.0"), ["/services/data/v66.0/sobjects"])) == 1
}

test_apex_appends_other_paths if {
	count(apex_run(modern("https://acme.my.salesforce.com/services/apexrest/Orders"), ["", "/42"])) == 0
}

test_apex_appends_unknown_path if {
	count(apex_run(modern("https://acme.my.salesforce.com/services/apexrest/Orders"), ["/42", "{param:path}"])) == 1
}

test_apex_calls_another_named_credential if {
	file := "nc/Other.namedCredential-meta.xml"
	callouts := [{"namedCredential": {"name": "Other", "found": true, "file": file, "path": ""}}]
	r := rule.report with input as test.with_input({
		"namedCredentials": [modern("https://acme.my.salesforce.com/services/data")],
		"apexClasses": [{"file": "classes/Caller.cls", "name": "Caller", "callouts": callouts}],
	})
	count(r) == 1
}
