# METADATA
# title: Callout sends the user's session id
# description: |
#   This rule reports UserInfo.getSessionId() (with or without System.)
#   that reaches an HttpRequest's endpoint, headers or body, with constants,
#   locals and the arguments of helper methods followed, and any literal of
#   those holding the $Api.Session_ID merge field. The finding points at the
#   call or the literal.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/platform/lwc/guide/data-api-calls-apex.html
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_callouts_named_credentials.htm
# custom:
#   id: apex/session-id-callout
#   severity: error
#   security: true
#   why: |
#     Code that calls the org's own API with the running user's session
#     works from Visualforce or anonymous Apex and fails from Lightning:
#     sessions created by Lightning components aren't enabled for API
#     access, by security policy. Sending a session id to another system
#     hands it the user's full access.
#   symptom: |
#     From a Lightning component the callout answers HTTP 401
#     INVALID_SESSION_ID "This session is not valid for use with the REST
#     API" (SOAP: "This session is not valid for use with the API"):
#     sessions created by Lightning components aren't enabled for API access.
#   fix: |
#     Call through a Named Credential (callout:Name/services/data/...) whose
#     External Credential authenticates, for example with the OAuth client
#     credentials flow, and remove the Authorization header built from the
#     session id.
#   before: |
#     req.setEndpoint(URL.getOrgDomainUrl().toExternalForm() + '/services/data/v66.0/limits');
#     req.setHeader('Authorization', 'Bearer ' + UserInfo.getSessionId());
#   after: |
#     req.setEndpoint('callout:Loopback/services/data/v66.0/limits');
#   assumptions: |
#     A session id kept in a field, or built in another class, is not
#     followed. The session id sent to a system other than Salesforce is
#     reported too: it is a credential of the user.
package sflint.rules.apex.session_id_callout

import data.sflint.lib

report contains lib.finding(cls, p, msg, fix) if {
	some cls in input.apexClasses
	some co in cls.callouts
	some [place, e] in sent(co)
	walk(e, [_, p])
	session_id(p)
	msg := sprintf("%s sent in the %s; Lightning sessions can't call APIs", [what(p), place])
	fix := "call through callout:<Named Credential> with an External Credential, without the session id"
}

# sent lists the expressions a callout sends, each with where it goes.
sent(co) := array.concat(
	[["endpoint", co.endpoint] | co.endpoint],
	array.concat(
		[["body", co.body] | co.body],
		[[sprintf("%s header", [header_name(h)]), e] | some h in co.headers; some e in [h.name, h.value]],
	),
)

header_name(h) := h.name.value if h.name.literal

header_name(h) := "request" if not h.name.literal

session_id(p) if p.kind == "sessionId"

session_id(p) if {
	p.kind == "literal"
	contains(lower(p.text), "$api.session_id")
}

what(p) := "UserInfo.getSessionId()" if p.kind == "sessionId"

what(p) := "$Api.Session_ID" if p.kind == "literal"
