# METADATA
# title: Callout endpoint built from the org's URL instead of a Named Credential
# description: |
#   This rule reports Apex callout endpoints, with constants and the
#   arguments of helper methods filled in, that start from the org's own
#   URL: a literal https:// URL on an org host (My Domain, Lightning,
#   *.force.com, login and test, instance hosts such as na123.salesforce.com,
#   or any Salesforce host with a /services/ path), or URL.getOrgDomainUrl()
#   or URL.getSalesforceBaseUrl(). The finding points at the literal or the
#   call.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_callouts_named_credentials.htm
#   - ref: https://developer.salesforce.com/docs/platform/lwc/guide/data-api-calls-apex.html
# custom:
#   id: apex/hardcoded-org-url
#   severity: warning
#   why: |
#     An endpoint on the org's URL bypasses the Named Credential, so the code
#     must authenticate by itself, which in practice means sending the user's
#     session id or a stored token. A literal host also breaks in every
#     sandbox and scratch org, and when My Domain is renamed.
#   symptom: |
#     From Lightning the callout answers HTTP 401 INVALID_SESSION_ID "This
#     session is not valid for use with the REST API"; in other orgs a
#     literal host calls the wrong org or fails with "Unauthorized endpoint,
#     please check Setup->Security->Remote site settings".
#   fix: |
#     Create a Named Credential whose URL is the org's My Domain, with an
#     External Credential that authenticates, and call
#     callout:Name/services/data/vNN.0/... .
#   before: |
#     req.setEndpoint(URL.getOrgDomainUrl().toExternalForm() + '/services/data/v66.0/limits');
#   after: |
#     req.setEndpoint('callout:Loopback/services/data/v66.0/limits');
#   assumptions: |
#     Hosts under salesforce.com and force.com that serve no org (the trust
#     status API, for example) are not reported unless the path starts with
#     /services/. Values with deploy-time tokens or template placeholders
#     are not judged.
package sflint.rules.apex.hardcoded_org_url

import data.sflint.lib
import data.sflint.lib.url

# The endpoint starts with a literal URL on an org host.
report contains lib.finding(cls, co.endpoint.parts[0], msg, fix) if {
	some cls in input.apexClasses
	some co in cls.callouts
	u := co.endpoint.prefix
	not lib.placeholder(u)
	p := url.parts(u)
	org(p)
	msg := sprintf("endpoint hard-codes the org host %s; call through callout:<Named Credential>", [p.host])
}

# The endpoint is built from the org's URL at run time.
report contains lib.finding(cls, p, msg, fix) if {
	some cls in input.apexClasses
	some co in cls.callouts
	some p in co.endpoint.parts
	call := org_url_call(p)
	msg := sprintf("endpoint built from %s bypasses the Named Credential; use callout:<Name>", [call])
}

fix := "call callout:<Named Credential>/services/data/vNN.0/... with an External Credential"

org_url_call(p) := "URL.getOrgDomainUrl()" if p.kind == "orgDomainUrl"

org_url_call(p) := "URL.getSalesforceBaseUrl()" if {
	p.kind == "unknown"
	regex.match(`(?i)^(system\s*\.\s*)?url\s*\.\s*getsalesforcebaseurl\s*\(`, p.text)
}

# org holds for a URL of an org: its host, or an API path on a Salesforce host.
org(p) if org_host(p.host)

org(p) if {
	url.salesforce(p.host)
	regex.match(`^/services(/|$)`, p.path)
}

org_host(h) if url.my_domain(h)

org_host(h) if url.lightning(h)

org_host(h) if url.login(h)

org_host(h) if url.in_domain(h, "force.com")

# instance hosts: na123.salesforce.com, eu12.salesforce.com, cs42.salesforce.com.
org_host(h) if regex.match(`^[a-z]{2,4}[0-9]+(-s)?\.salesforce\.com$`, h)
