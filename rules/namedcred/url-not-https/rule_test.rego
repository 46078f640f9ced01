package sflint.rules.namedcred.url_not_https_test

import data.sflint.rules.namedcred.url_not_https as rule
import data.sflint.test

modern(value) := test.record("nc/Api.namedCredential-meta.xml", "NamedCredential", "Api", {
	"namedCredentialParameters": [test.param("Url", "Url", value, 8)],
	"namedCredentialType": test.el("SecuredEndpoint", 20),
	"links": {"legacy": false},
})

legacy(value) := test.record("nc/Old.namedCredential-meta.xml", "NamedCredential", "Old", {
	"endpoint": test.el(value, 5),
	"links": {"legacy": true},
})

findings(nc) := r if {
	r := rule.report with input as test.with_input({"namedCredentials": [nc]})
}

test_https if {
	count(findings(modern("https://api.example.com"))) == 0
	count(findings(legacy("HTTPS://api.example.com/v1"))) == 0
}

test_http if {
	r := findings(modern("http://api.example.com"))
	count(r) == 1
	some f in r
	f.line == 11
	f.col == 5
	contains(f.message, "uses http:")
}

test_legacy_http if {
	r := findings(legacy("http://mockbin.org/bin/"))
	count(r) == 1
	some f in r
	f.line == 5
}

test_not_absolute if {
	some f in findings(modern("api.example.com"))
	contains(f.message, "not an absolute https URL")
}

test_placeholders_and_empty if {
	count(findings(modern("${SF_INSTANCE_URL}"))) == 0
	count(findings(modern("@SF_INSTANCE_URL"))) == 0
	count(findings(modern("http://REPLACE_WITH_YOUR_HOST"))) == 0
	count(findings(modern(""))) == 0
	count(findings(legacy(""))) == 0
}

test_other_parameters if {
	nc := object.union(modern("https://api.example.com"), {"namedCredentialParameters": [
		test.param("Url", "Url", "https://api.example.com", 8),
		test.param("HttpHeader", "Referer", "http://example.com", 12),
	]})
	count(findings(nc)) == 0
}

test_no_url if {
	nc := test.record("nc/Api.namedCredential-meta.xml", "NamedCredential", "Api", {"links": {"legacy": false}})
	count(findings(nc)) == 0
	count(findings(object.union(nc, {"links": {"legacy": true}}))) == 0
}

test_new_style_ignores_endpoint if {
	nc := object.union(modern("https://api.example.com"), {"endpoint": test.el("http://old.example.com", 5)})
	count(findings(nc)) == 0
}
