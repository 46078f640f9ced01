# METADATA
# title: CORS allowlist entry admits every origin or a plain http origin
# description: |
#   A CORS allowlist entry (CorsWhitelistOrigin) whose urlPattern is `*`,
#   `https://*` or `http://*` admits every web origin, and one that starts
#   with `http:` admits an origin whose pages travel unencrypted. Subdomain
#   wildcards in front of a second-level domain, such as
#   https://*.vf.force.com or https://*.my.site.com, are not reported.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_corswhitelistorigin.htm
# custom:
#   id: cors/wildcard-origin
#   severity: warning
#   security: true
#   why: |
#     The CORS allowlist decides which web pages may call the org's REST,
#     Apex REST, Connect and UI APIs from a browser. Salesforce documents that
#     the pattern must use https and that a wildcard must stand in front of a
#     second-level domain. An entry that matches every origin lets any web
#     site script these APIs with a token it holds; an http origin can be
#     impersonated by anyone on the network path.
#   symptom: |
#     Any web site, or a tampered http page, can read the responses of the
#     org's APIs in the browser; the deploy may also be refused because the
#     pattern breaks the documented https and wildcard rules.
#   fix: |
#     List each https origin that needs browser access, for example
#     https://app.example.com, or a subdomain wildcard such as
#     https://*.example.com.
#   before: |
#     <urlPattern>*</urlPattern>
#   after: |
#     <urlPattern>https://app.example.com</urlPattern>
#   assumptions: |
#     http://localhost origins used during development are reported too: the
#     allowlist applies to the whole org. Values replaced at deploy time
#     (${VAR}, @VAR) are not judged.
package sflint.rules.cors.wildcard_origin

import data.sflint.lib
import data.sflint.lib.url

report contains lib.finding(o, o.urlPattern, msg, fix) if {
	some o in input.corsOrigins
	value := trim_space(o.urlPattern.value)
	not lib.placeholder(value)
	msg := problem(value)
	fix := "list the https origins that need access, e.g. https://app.example.com"
}

problem(u) := sprintf("urlPattern %q admits every origin", [u]) if {
	u == "*"
} else := sprintf("urlPattern %q admits every origin", [u]) if {
	url.parts(u).host == "*"
} else := sprintf("urlPattern %q is plain http; allow only https origins", [u]) if {
	lower(substring(u, 0, 5)) == "http:"
}
