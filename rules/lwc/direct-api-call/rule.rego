# METADATA
# title: Lightning web component calls the Salesforce API from the browser
# description: |
#   This rule reports fetch(), XMLHttpRequest.open() and
#   navigator.sendBeacon() calls in a component's JavaScript whose URL names
#   a /services/ path of the org (REST, SOAP, Tooling, Apex REST): a literal
#   or template URL holding /services/, relative or on a Salesforce host, or
#   a URL the scan cannot read (a variable, a template with substitutions)
#   in a script that also holds such a literal.
#   The finding points at the called name.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/platform/lwc/guide/data-api-calls-apex.html
#   - ref: https://developer.salesforce.com/docs/platform/lwc/guide/apex-import-method.html
# custom:
#   id: lwc/direct-api-call
#   severity: error
#   why: |
#     The Lightning session in the browser is not enabled for API access, and
#     the page's host (*.lightning.force.com) does not serve the org's API:
#     Salesforce's guide says components can't call Salesforce APIs other
#     than Lightning Data Service from JavaScript.
#   symptom: |
#     The request fails in the browser: HTTP 401 INVALID_SESSION_ID "This
#     session is not valid for use with the REST API", or a Content Security
#     Policy or CORS error in the console.
#   fix: |
#     Use Lightning Data Service (lightning/uiRecordApi and other wire
#     adapters) where it covers the data, or call an @AuraEnabled Apex method
#     that calls the API through a Named Credential.
#   before: |
#     const res = await fetch('/services/data/v66.0/limits');
#   after: |
#     import getLimits from '@salesforce/apex/LoopbackController.getLimits';
#     const limits = await getLimits();
#   assumptions: |
#     A URL the scan cannot read (a variable) is taken to be an API call only
#     when the same script holds a /services/ literal; absolute URLs to hosts
#     outside Salesforce are calls to other systems and are not reported.
package sflint.rules.lwc.direct_api_call

import data.sflint.lib
import data.sflint.lib.url

report contains lib.finding(s, c, msg, fix) if {
	some b in input.lwcBundles
	some s in b.scripts
	some c in s.httpCalls
	target := api_target(s, c)
	msg := sprintf("%s(%s) calls the org's API from the browser; Lightning sessions can't", [name(c), target])
}

fix := "call an @AuraEnabled Apex method that uses a Named Credential, or Lightning Data Service"

name(c) := "fetch" if c.func == "fetch"

name(c) := "XMLHttpRequest.open" if c.func == "XMLHttpRequest.open"

name(c) := "navigator.sendBeacon" if c.func == "sendBeacon"

# api_target is how the message shows the URL of a call to the org's API.
api_target(_, c) := shorten(c.urlExpr) if org_api(c.urlExpr)

api_target(s, c) := shorten(c.urlExpr) if {
	not org_api(c.urlExpr)
	c.url == ""
	c.urlExpr != ""
	not regex.match(`^['"]`, c.urlExpr)
	some l in s.serviceUrls
	org_api(l.value)
}

# org_api holds for text naming a /services/ path that is relative or on a
# Salesforce host.
org_api(u) if {
	contains(u, "/services/")
	not foreign(u)
}

foreign(u) if {
	[[_, host]] := regex.find_all_string_submatch_n(`(?i)^['"\x60]?https?://([^/:?#'"\x60$]+)`, u, 1)
	not url.salesforce(lower(host))
}

shorten(u) := u if count(u) <= 40

shorten(u) := concat("", [substring(u, 0, 37), "..."]) if count(u) > 40
