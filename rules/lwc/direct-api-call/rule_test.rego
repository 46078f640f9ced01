package sflint.rules.lwc.direct_api_call_test

import data.sflint.rules.lwc.direct_api_call as rule
import data.sflint.test

call(func, u, expr, line) := {"func": func, "url": u, "urlExpr": expr, "line": line, "col": 15}

findings(calls, literals) := r if {
	script := {"file": "force-app/main/default/lwc/x/x.js", "apexImports": [], "httpCalls": calls, "serviceUrls": literals}
	r := rule.report with input as test.with_input({"lwcBundles": [{"name": "x", "meta": null, "scripts": [script]}]})
}

test_fetch_rest_api if {
	r := findings([call("fetch", "/services/data/v66.0/limits", "'/services/data/v66.0/limits'", 5)], [])
	count(r) == 1
	some f in r
	f.file == "force-app/main/default/lwc/x/x.js"
	f.line == 5
	f.col == 15
	f.message == "fetch('/services/data/v66.0/limits') calls the org's API from the browser; Lightning sessions can't"
}

test_xhr_and_beacon if {
	count(findings([call("XMLHttpRequest.open", "", "`/services/apexrest/${path}`", 5)], [])) == 1
	u := "https://acme.my.salesforce.com/services/data/v66.0/x"
	some f in findings([call("sendBeacon", u, sprintf("'%s'", [u]), 5)], [])
	startswith(f.message, "navigator.sendBeacon('https://acme.my.salesforce.com")
	contains(f.message, "...)")
}

test_url_in_a_variable if {
	lit := {"value": "/services/data/v66.0/query?q=", "line": 3, "col": 13}
	count(findings([call("fetch", "", "API + encodeURIComponent(q)", 5)], [lit])) == 1
	count(findings([call("XMLHttpRequest.open", "", "`${API}/tabs`", 5)], [lit])) == 1
	count(findings([call("fetch", "", "this.url", 5)], [])) == 0
	count(findings([call("fetch", "", "", 5)], [lit])) == 0
	count(findings([call("fetch", "/static/data.json", "'/static/data.json'", 5)], [lit])) == 0
}

test_other_systems if {
	count(findings([call("fetch", "https://api.example.com/services/v1", "'https://api.example.com/services/v1'", 5)], [])) == 0
	count(findings([call("fetch", "https://api.example.com/v1", "'https://api.example.com/v1'", 5)], [])) == 0
	count(findings([call("fetch", "", "url", 5)], [{"value": "https://api.example.com/services/x", "line": 3, "col": 13}])) == 0
}
