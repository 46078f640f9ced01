# METADATA
# title: Same-org Named Credential and its token URL are on different hosts
# description: |
#   A Named Credential that calls a Salesforce org (its Url parameter is a
#   Salesforce host) must call the org its External Credential gets tokens
#   from. When the token URL (the AuthProviderUrl parameter) is a My Domain,
#   this rule reports a Url on another org host: another My Domain, an
#   instance (*.salesforce.com), Lightning (*.lightning.force.com) or login
#   host.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_namedcredential.htm
#   - ref: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_client_credentials_flow.htm
# custom:
#   id: namedcred/domain-mismatch
#   severity: warning
#   why: |
#     The token comes from the org behind the token URL and is only good for
#     that org. Two My Domains are two orgs (a sandbox and production, say);
#     instance, Lightning and login hosts are not where an org's API should be
#     called. Both URLs should be the one My Domain.
#   symptom: |
#     Tokens for another org make every callout answer 401 INVALID_SESSION_ID
#     ("Session expired or invalid"); instance, Lightning and login hosts
#     refuse or redirect the API call.
#   fix: |
#     Use the org's My Domain in both places: the Named Credential's Url
#     (https://acme.my.salesforce.com) and the External Credential's
#     AuthProviderUrl (https://acme.my.salesforce.com/services/oauth2/token).
#   before: |
#     <!-- Named Credential -->
#     <parameterValue>https://acme.lightning.force.com</parameterValue>
#     <!-- its External Credential -->
#     <parameterValue>https://acme.my.salesforce.com/services/oauth2/token</parameterValue>
#   after: |
#     <!-- Named Credential -->
#     <parameterValue>https://acme.my.salesforce.com</parameterValue>
#     <!-- its External Credential -->
#     <parameterValue>https://acme.my.salesforce.com/services/oauth2/token</parameterValue>
#   assumptions: |
#     Hosts are compared in lower case, exactly. Token URLs that are not a My
#     Domain are left to extcred/token-url (client credentials need the My
#     Domain) or are right as they are (the JWT bearer flow may use
#     login.salesforce.com), so only a My Domain token URL is compared.
#     Experience Cloud sites (*.site.com) and other force.com hosts
#     (Visualforce, Sites) are not judged as callout hosts: a site can front
#     the same org under another name. Values with deploy-time tokens or
#     template placeholders are not judged.
package sflint.rules.namedcred.domain_mismatch

import data.sflint.lib
import data.sflint.lib.url

report contains lib.finding(nc, node, msg, fix) if {
	some nc in input.namedCredentials
	not nc.links.legacy
	nc.links.externalCredential.found
	some u in lib.params(object.get(nc, "namedCredentialParameters", []), "Url")
	node := u.parameterValue
	callout_host := org_host(node.value)
	some ec in object.get(lib.external_credentials_named, nc.links.externalCredential.name, [])
	some t in lib.params(object.get(ec, "externalCredentialParameters", []), "AuthProviderUrl")
	token_host := org_host(t.parameterValue.value)
	url.my_domain(token_host)
	callout_host != token_host
	msg := sprintf("Url host %s differs from %s, the token URL host of %q", [callout_host, token_host, ec.name])
	fix := "use the org's My Domain for both the Url and the AuthProviderUrl"
}

# org_host is the host of a URL that names a Salesforce org.
org_host(u) := h if {
	not lib.placeholder(u)
	h := url.host(u)
	org(h)
}

org(h) if url.my_domain(h)

org(h) if url.lightning(h)

org(h) if endswith(h, ".salesforce.com")

org(h) if endswith(h, ".salesforce.mil")
