# METADATA
# title: Named Credential calls a host that is not approved
# description: |
#   Every Named Credential must call one of the hosts the integration team
#   has approved: its Url parameter, or the endpoint of a legacy Named
#   Credential. URLs replaced at deploy time (${VAR}) are left alone.
# custom:
#   id: acme/named-credential-host
#   severity: error
#   why: |
#     A callout sends the Run As user's data to the host; only hosts that
#     passed a security review may receive it.
#   fix: |
#     Point the Named Credential at an approved host, or have the new host
#     reviewed and added to allowed_hosts.
package sflint.rules.acme.named_credential_host

import data.sflint.lib
import data.sflint.lib.url

allowed_hosts := {"acme.my.salesforce.com", "api.acme.com", "billing.acme.com"}

report contains lib.finding(nc, el, message(nc, el), fix) if {
	some nc in input.namedCredentials
	some p in nc.namedCredentialParameters
	p.parameterType.value == "Url"
	el := p.parameterValue
	not approved(el.value)
}

report contains lib.finding(nc, nc.endpoint, message(nc, nc.endpoint), fix) if {
	some nc in input.namedCredentials
	not approved(nc.endpoint.value)
}

approved(value) if url.host(value) in allowed_hosts

approved(value) if lib.placeholder(value)

message(nc, el) := sprintf("Named Credential %q calls %s, which is not an approved host", [nc.name, el.value])

fix := "call an approved host, or have this one reviewed and added to allowed_hosts"
