# METADATA
# title: Secret written in Apex source
# description: |
#   This rule reports credentials written as literals in Apex. Anywhere in a
#   class: a Salesforce consumer key (3MVG...) or a Salesforce session id or
#   access token (00D...!...). In what a callout sends, with constants and
#   the arguments of helper methods filled in: an Authorization header with
#   a literal Bearer, OAuth or Basic credential; a literal value for a
#   header named like a key or token (X-Api-Key, Client-Secret, ...); and a
#   literal client_secret, password, access_token or refresh_token in a
#   form or JSON body or in the endpoint's query. The finding points at the
#   literal; the value is never shown.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_callouts_named_credentials_custom_headers_bodies.htm
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_callouts_named_credentials.htm
# custom:
#   id: apex/hardcoded-secret
#   severity: error
#   security: true
#   why: |
#     Apex source is read by everyone with access to the repository, the org's
#     Setup and any package it ships in. A credential written in it can be
#     used by all of them, cannot be rotated without a deployment, and is
#     the same in every org the code reaches.
#   symptom: |
#     No error: the callout works, and the credential is exposed in version
#     control and in every org. When it is rotated, every callout fails with
#     401 until the code is redeployed.
#   fix: |
#     Keep the credential in an External Credential (principal parameters),
#     let the Named Credential add the Authorization header, or reference it
#     with a merge field such as {!$Credential.Name.Param}; remove it from
#     source and rotate it.
#   before: |
#     req.setHeader('Authorization', 'Bearer 00Dxx0000001gPz!AQ4AQ...');
#   after: |
#     req.setEndpoint('callout:Partner_Api/v1/orders');
#   assumptions: |
#     Named Credential merge fields ({!$Credential...}), deploy-time tokens,
#     template placeholders and the example ids of Salesforce's documentation
#     (00Dxx...) are not secrets. A bearer or OAuth token
#     shorter than 16 characters and Basic credentials shorter than 8 are
#     taken to be test values. Credentials built from values the linter
#     cannot see (custom settings, fields, other classes) are not found.
package sflint.rules.apex.hardcoded_secret

import data.sflint.lib

fix := "keep it in an External Credential or a {!$Credential...} merge field; rotate it"

# Salesforce credentials in any literal of the class.
report contains lib.finding(cls, l, sprintf("a literal holds a Salesforce %s; keep it out of source", [kind]), fix) if {
	some cls in input.apexClasses
	some l in cls.literals
	# One cheap test first: classes hold many literals and few credentials.
	regex.match(`3MVG|00D`, l.value)
	some kind, re in salesforce_credentials
	regex.match(re, l.value)
	not regex.match(`00D[xX]{2}`, l.value)
}

salesforce_credentials := {
	"consumer key": `3MVG[0-9A-Za-z._]{30,}`,
	"session id or access token": `00D[0-9A-Za-z]{12,15}![0-9A-Za-z._]{20,}`,
}

# Literal credentials in the Authorization header.
report contains lib.finding(cls, leaf_at(ls, i), msg, fix) if {
	some cls in input.apexClasses
	some co in cls.callouts
	some h in co.headers
	lower(h.name.value) in {"authorization", "proxy-authorization"}
	ls := leaves(h.value)
	s := flat(ls)
	[[_, scheme, token]] := regex.find_all_string_submatch_n(`^\s*(?i:(bearer|oauth|basic))\s+(.+)$`, s, 1)
	credential(token)
	count(token) >= min_length[lower(scheme)]
	i := indexof(s, token)
	msg := sprintf("the %s header holds a literal %s credential", [h.name.value, scheme])
}

min_length := {"bearer": 16, "oauth": 16, "basic": 8}

# Literal values of headers named like a key or token.
report contains lib.finding(cls, leaf_at(ls, 0), msg, fix) if {
	some cls in input.apexClasses
	some co in cls.callouts
	some h in co.headers
	regex.match(secret_header, h.name.value)
	ls := leaves(h.value)
	s := flat(ls)
	credential(s)
	count(s) >= 8
	msg := sprintf("header %s holds a literal secret", [h.name.value])
}

secret_header := concat("", [
	`(?i)^(x-)?(api[-_]?key|api[-_]?token|auth[-_]?token|access[-_]?token|`,
	`client[-_]?secret|secret|password)$`,
])

# Literal secrets in form or JSON fields of the body or the endpoint.
report contains lib.finding(cls, leaf_at(ls, i), msg, fix) if {
	some cls in input.apexClasses
	some co in cls.callouts
	some [place, e] in sent(co)
	ls := leaves(e)
	s := flat(ls)
	some [re, tail] in fields
	some m in regex.find_all_string_submatch_n(re, s, -1)
	credential(m[2])
	i := (indexof(s, m[0]) + count(m[0])) - (count(m[2]) + tail)
	msg := sprintf("the %s holds a literal %s", [place, m[1]])
}

# fields match a secret field and its value; tail is what follows the value
# in the match (the closing quote of a JSON string).
fields := [
	[`(?i)(?:^|[?&])(client_secret|password|access_token|refresh_token)=([^&]+)`, 0],
	[`(?i)"(client_secret|clientSecret|password|access_token|accessToken|refresh_token|refreshToken)"\s*:\s*"([^"]+)"`, 1],
]

# sent lists the body and the endpoint of a callout, when it has them.
sent(co) := array.concat([["body", co.body] | co.body], [["endpoint", co.endpoint] | co.endpoint])

# credential holds for a value written in full in source: no part the linter
# cannot see, no merge field, no placeholder, and not a Salesforce credential
# (reported by itself, wherever it is).
credential(v) if {
	not contains(v, marker)
	not contains(v, "{!")
	not lib.placeholder(v)
	trim_space(v) != ""
	not salesforce_credential(v)
}

salesforce_credential(v) if {
	some re in salesforce_credentials
	regex.match(re, v)
}

# The expression is read as flat text: literal parts as their value, every
# other part (a parameter, a call) as one marker character. The argument of
# EncodingUtil.urlEncode is spliced in, so that positions inside it are known.
marker := "\u0000"

leaves(e) := [l | some p in e.parts; some l in expand(p)]

expand(p) := p.inner if p.kind == "urlEncode"

expand(p) := [p] if p.kind != "urlEncode"

text(l) := l.text if l.kind == "literal"

text(l) := marker if l.kind != "literal"

flat(ls) := concat("", [text(l) | some l in ls])

# leaf_at is the part that holds character i of the flat text.
leaf_at(ls, i) := l if {
	some k, l in ls
	start := sum([count(text(m)) | some j, m in ls; j < k])
	start <= i
	i < start + count(text(l))
}
