# METADATA
# title: Callback URL not https, or off Salesforce on a same-org app
# description: |
#   callbackUrl in the global OAuth settings (.ecaGlblOauth) holds the OAuth
#   redirect URIs of an External Client App, one per line. This rule reports
#   each URL that is not absolute, that uses http: to a host other than the
#   local machine, and, for a same-org app, each URL that is not https on a
#   Salesforce host (My Domain, login, Experience Cloud, ...). A same-org app
#   is one that only uses the client credentials flow (no other flow switch
#   on, see eca/unneeded-flows), is not Packaged, and lives in a project whose
#   client credentials External Credentials all send their token request to
#   Salesforce: the org calls itself, so no redirect ever leaves Salesforce.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#   - ref: https://www.rfc-editor.org/rfc/rfc8252#section-7.3
# custom:
#   id: eca/callback-url
#   severity: warning
#   why: |
#     Salesforce sends authorization codes (and, in the user-agent flow,
#     access tokens) to the callback URL. Over plain http anyone on the
#     network path can read them. The web server flow needs no switch, so even
#     a client credentials app answers authorization requests for its
#     callbacks; on an app that only serves its own org, an outside callback
#     is a door nobody needs.
#   symptom: |
#     Nothing fails; codes or tokens can travel in clear text or to a host
#     outside the org.
#   fix: |
#     Use https. On a same-org app keep only the org's own callback, e.g.
#     https://<My Domain>.my.salesforce.com/services/oauth2/callback.
#   before: |
#     <callbackUrl>http://integration.example.com/oauth/callback</callbackUrl>
#   after: |
#     <callbackUrl>https://acme.my.salesforce.com/services/oauth2/callback</callbackUrl>
#   assumptions: |
#     http://localhost, 127.0.0.1 and [::1] and private schemes
#     (cursor://..., com.example.app:/...) are native-app redirects allowed by
#     RFC 8252 and are only reported on same-org apps. URLs holding a
#     deploy-time token (${SF_INSTANCE_URL}/...) or a template placeholder are
#     not judged. A token URL counts as Salesforce's when its host is under a
#     Salesforce domain or its path contains /services/oauth2/ (so
#     ${SF_INSTANCE_URL}/services/oauth2/token counts). A project with no
#     client credentials External Credential, or one that also uses client
#     credentials against another provider, has no same-org app: which app an
#     External Credential uses is not visible in source.
package sflint.rules.eca.callback_url

import data.sflint.lib
import data.sflint.lib.eca
import data.sflint.lib.url
import data.sflint.rules.eca.unneeded_flows

report contains lib.finding(c, c.callbackUrl, msg, fix) if {
	some c in input.globalOauthSettings
	some line in split(c.callbackUrl.value, "\n")
	u := trim_space(line)
	u != ""
	not lib.placeholder(u)
	[msg, fix] := problem(c.links.app.name, u)
}

https_fix := "use an https callback URL"

same_org_fix := "keep only the org's callback: https://<My Domain>.my.salesforce.com/services/oauth2/callback"

problem(app, u) := [sprintf("callback URL %q is not an absolute URL", [u]), https_fix] if {
	not url.parts(u)
	not regex.match(`^[A-Za-z][A-Za-z0-9+.-]*:/`, u)
} else := [sprintf("callback URL on %s uses http:; codes and tokens travel in clear text", [h]), https_fix] if {
	url.parts(u).scheme == "http"
	not loopback(u)
	h := url.host(u)
} else := [msg, same_org_fix] if {
	same_org(app)
	not on_salesforce(u)
	msg := sprintf("callback %s is not on Salesforce; same-org app %q needs none outside", [where(u), app])
}

# where names a URL by its host when it has one.
where(u) := h if {
	h := url.host(u)
	h != ""
} else := u

loopback(u) if regex.match(`(?i)^http://(localhost|127\.0\.0\.1|\[::1\])([:/]|$)`, u)

on_salesforce(u) if {
	url.parts(u).scheme == "https"
	url.salesforce(url.host(u))
}

# same_org holds for apps that only use client credentials to let the org
# call itself.
same_org(app) if {
	eca.client_credentials(app)
	count(unneeded_flows.flows(app)) == 0
	not app in packaged
	count(token_urls) > 0
	every u in token_urls {
		salesforce_token_url(u)
	}
}

packaged := {h.name | some h in input.externalClientApps; h.distributionState.value != "Local"}

client_credentials_variants := {
	"ClientCredentialsClientSecret",
	"ClientCredentialsClientSecretBasic",
	"ClientCredentialsJwtAssertion",
}

# token_urls are the AuthProviderUrl values of the project's client
# credentials External Credentials.
token_urls := [object.get(p, ["parameterValue", "value"], "") |
	some ec in input.externalCredentials
	params := object.get(ec, "externalCredentialParameters", [])
	some v in lib.params(params, "AuthProtocolVariant")
	v.parameterValue.value in client_credentials_variants
	some p in lib.params(params, "AuthProviderUrl")
]

salesforce_token_url(u) if contains(u, "/services/oauth2/")

salesforce_token_url(u) if url.salesforce(url.host(u))
