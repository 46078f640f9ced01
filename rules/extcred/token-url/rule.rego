# METADATA
# title: Client credentials token URL is not the My Domain token endpoint
# description: |
#   An External Credential that uses an OAuth client credentials variant
#   (AuthProtocolVariant ClientCredentialsClientSecret,
#   ClientCredentialsClientSecretBasic or ClientCredentialsJwtAssertion) must
#   send its token request to https://<My Domain>/services/oauth2/token. This
#   rule checks the AuthProviderUrl parameter: the scheme must be https, the
#   host a My Domain host (*.my.salesforce.com, which includes the sandbox,
#   scratch and develop forms) and the path exactly /services/oauth2/token.
#   Token URLs of other identity providers (client credentials against a
#   third-party API) are only checked for https.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_client_credentials_flow.htm
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalcredential.htm
# custom:
#   id: extcred/token-url
#   severity: error
#   options:
#     allowed_hosts:
#       type: strings
#       default: []
#       description: My Domain hosts that token URLs may name; empty allows every My Domain host
#   why: |
#     Salesforce serves the client credentials grant only on the org's My
#     Domain. login.salesforce.com and test.salesforce.com do not know which
#     org the app belongs to; instance and Lightning hosts refuse token
#     requests; the authorize and callback endpoints serve browser flows.
#   symptom: |
#     login/test.salesforce.com: {"error":"unsupported_grant_type"}.
#     Instance (na123.salesforce.com) and Lightning (*.lightning.force.com)
#     hosts: "request not supported on this domain". Wrong paths: HTTP 404 or
#     unsupported_grant_type. Every callout through the Named Credential fails.
#   fix: |
#     Set the AuthProviderUrl parameter to
#     https://<your My Domain>.my.salesforce.com/services/oauth2/token.
#   before: |
#     <parameterName>AuthProviderUrl</parameterName>
#     <parameterType>AuthProviderUrl</parameterType>
#     <parameterValue>https://login.salesforce.com/services/oauth2/token</parameterValue>
#   after: |
#     <parameterName>AuthProviderUrl</parameterName>
#     <parameterType>AuthProviderUrl</parameterType>
#     <parameterValue>https://acme.my.salesforce.com/services/oauth2/token</parameterValue>
#   assumptions: |
#     My Domain hosts are taken to end in .my.salesforce.com (commercial,
#     including sandbox, scratch, develop and trailblaze forms),
#     .my.salesforce.mil (Government Cloud Plus) or .my.sfcrmproducts.cn
#     (Alibaba Cloud). Values replaced at deploy time (${VAR}, @VAR) are not
#     judged. A URL is taken to be Salesforce's when its host is under
#     salesforce.com, force.com, salesforce.mil or sfcrmproducts.cn, or its
#     path starts with /services/oauth2/. That login.salesforce.com is refused for this grant is widely
#     reported but not stated in Salesforce's reference documentation.
package sflint.rules.extcred.token_url

import data.sflint.lib
import data.sflint.lib.url

client_credentials := {
	"ClientCredentialsClientSecret",
	"ClientCredentialsClientSecretBasic",
	"ClientCredentialsJwtAssertion",
}

fix := "use https://<your My Domain>.my.salesforce.com/services/oauth2/token"

report contains lib.finding(ec, node, msg, fix) if {
	some ec in input.externalCredentials
	some variant in lib.params(ec.externalCredentialParameters, "AuthProtocolVariant")
	variant.parameterValue.value in client_credentials
	some url_param in lib.params(ec.externalCredentialParameters, "AuthProviderUrl")
	node := object.get(url_param, "parameterValue", url_param)
	value := object.get(node, "value", "")
	not lib.placeholder(value)
	msg := problem(value)
	msg != ""
}

has_problem(u) if problem(u) != ""

allowed_hosts := object.get(input, ["options", "extcred/token-url", "allowed_hosts"], [])

# A My Domain token URL outside the hosts the configuration allows.
report contains lib.finding(ec, node, msg, fix) if {
	count(allowed_hosts) > 0
	some ec in input.externalCredentials
	some variant in lib.params(ec.externalCredentialParameters, "AuthProtocolVariant")
	variant.parameterValue.value in client_credentials
	some url_param in lib.params(ec.externalCredentialParameters, "AuthProviderUrl")
	node := url_param.parameterValue
	not lib.placeholder(node.value)
	not has_problem(node.value)
	host := url.host(node.value)
	url.my_domain(host)
	not lower(host) in {lower(h) | some h in allowed_hosts}
	msg := sprintf("token URL host %s is not one of the allowed_hosts in the configuration", [host])
}

# salesforce holds for token URLs meant for a Salesforce org; other identity
# providers have their own token endpoints.
salesforce(u) if startswith(url.parts(u).path, "/services/oauth2/")

salesforce(u) if url.salesforce(url.host(u))

problem(u) := "AuthProviderUrl is empty; the token request has nowhere to go" if {
	u == ""
} else := sprintf("AuthProviderUrl %q is not an absolute https URL", [u]) if {
	not url.parts(u)
} else := "AuthProviderUrl uses http:; token requests must use https" if {
	url.parts(u).scheme != "https"
} else := "" if {
	not salesforce(u)
} else := sprintf("token URL on %s fails with unsupported_grant_type; use the My Domain", [host]) if {
	host := url.parts(u).host
	url.login(host)
} else := sprintf("Lightning host %s answers \"request not supported on this domain\"", [host]) if {
	host := url.parts(u).host
	url.lightning(host)
} else := sprintf("instance host %s answers \"request not supported on this domain\"", [host]) if {
	host := url.parts(u).host
	not url.my_domain(host)
	endswith(host, ".salesforce.com")
} else := sprintf("token URL host %s is not a My Domain host (*.my.salesforce.com)", [host]) if {
	host := url.parts(u).host
	not url.my_domain(host)
} else := sprintf("%s is the authorize endpoint, for browser flows; use /services/oauth2/token", [path]) if {
	path := url.parts(u).path
	startswith(path, "/services/oauth2/authorize")
} else := sprintf("%s is the OAuth callback, not the token endpoint (404)", [path]) if {
	path := url.parts(u).path
	startswith(path, "/services/oauth2/callback")
} else := sprintf("token URL path %q must be exactly /services/oauth2/token", [path]) if {
	path := url.parts(u).path
	path != "/services/oauth2/token"
}
