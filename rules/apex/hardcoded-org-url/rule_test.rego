package sflint.rules.apex.hardcoded_org_url_test

import data.sflint.rules.apex.hardcoded_org_url as rule
import data.sflint.test

lit(text, line, col) := {"kind": "literal", "text": text, "inner": [], "line": line, "col": col}

part(kind, text, line, col) := {"kind": kind, "text": text, "inner": [], "line": line, "col": col}

findings(parts) := r if {
	stops := [i | some i, p in parts; p.kind != "literal"]
	end := min(array.concat(stops, [count(parts)]))
	prefix := concat("", [p.text | some p in array.slice(parts, 0, end)])
	cls := {"file": "C.cls", "name": "C", "callouts": [{
		"method": "m", "line": 5, "col": 9,
		"endpoint": {"parts": parts, "prefix": prefix, "line": 6, "col": 13},
	}]}
	r := rule.report with input as test.with_input({"apexClasses": [cls]})
}

flagged(u) if count(findings([lit(u, 6, 25)])) == 1

test_my_domain if {
	r := findings([lit("https://acme.my.salesforce.com/services/data/v66.0/limits", 6, 25)])
	count(r) == 1
	some f in r
	f.line == 6
	f.col == 25
	f.message == "endpoint hard-codes the org host acme.my.salesforce.com; call through callout:<Named Credential>"
}

test_org_hosts if {
	flagged("https://acme--uat.sandbox.my.salesforce.com/services/apexrest/x")
	flagged("https://acme.lightning.force.com/")
	flagged("https://acme.my.site.com/services/data/v66.0")
	flagged("https://na123.salesforce.com/services/Soap/u/66.0")
	flagged("https://login.salesforce.com/services/oauth2/token")
	flagged("https://acme--c.vf.force.com/apex/Page")
}

test_other_hosts if {
	count(findings([lit("https://api.status.salesforce.com/v1/instances", 6, 25)])) == 0
	count(findings([lit("https://api.example.com/services/data", 6, 25)])) == 0
	count(findings([lit("callout:Loopback/services/data/v66.0", 6, 25)])) == 0
	count(findings([lit("https://${MY_DOMAIN}.my.salesforce.com/services/data", 6, 25)])) == 0
	count(findings([lit("https://", 6, 25), part("param", "host", 6, 40), lit(".my.salesforce.com", 6, 47)])) == 0
}

test_org_domain_url if {
	r := findings([part("orgDomainUrl", "URL.getOrgDomainUrl().toExternalForm()", 6, 25), lit("/services/data/v66.0", 6, 66)])
	count(r) == 1
	some f in r
	f.col == 25
	contains(f.message, "URL.getOrgDomainUrl()")
}

test_salesforce_base_url if {
	some f in findings([part("unknown", "System.URL.getSalesforceBaseUrl().toExternalForm()", 6, 25), lit("/services", 6, 80)])
	contains(f.message, "URL.getSalesforceBaseUrl()")
	count(findings([part("unknown", "baseUrl", 6, 25), lit("/services", 6, 80)])) == 0
}

test_no_endpoint if {
	cls := {"file": "C.cls", "name": "C", "callouts": [{"method": "m", "line": 5, "col": 9}]}
	count(rule.report) == 0 with input as test.with_input({"apexClasses": [cls]})
}
