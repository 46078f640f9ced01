package sflint.rules.cors.wildcard_origin_test

import data.sflint.rules.cors.wildcard_origin as rule
import data.sflint.test

origin(pattern) := test.record("c/A.corsWhitelistOrigin-meta.xml", "CorsWhitelistOrigin", "A", {
	"urlPattern": test.el(pattern, 3),
})

findings(pattern) := r if {
	r := rule.report with input as test.with_input({"corsOrigins": [origin(pattern)]})
}

test_star if {
	r := findings("*")
	count(r) == 1
	some f in r
	f.line == 3
	contains(f.message, "every origin")
}

test_scheme_star if {
	count(findings("https://*")) == 1
	count(findings("http://*")) == 1
	count(findings("HTTPS://*:443")) == 1
}

test_plain_http if {
	r := findings("http://app.example.com")
	count(r) == 1
	some f in r
	contains(f.message, "plain http")
	count(findings("HTTP://localhost:3000")) == 1
}

test_https_origins_pass if {
	count(findings("https://app.example.com")) == 0
	count(findings("https://*.vf.force.com")) == 0
	count(findings("https://*.my.site.com")) == 0
	count(findings("https://nosoftware-connect-8298-dev-ed.scratch.my.site.com")) == 0
	count(findings("chrome-extension://abdkkegmcbiomijcbdaodaflgehfffed")) == 0
}

test_placeholder if {
	count(findings("${SITE_ORIGIN}")) == 0
}

test_no_origins if {
	count(rule.report) == 0 with input as test.with_input({})
}
