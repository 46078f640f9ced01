# METADATA
# title: Client credentials app bypasses IP restrictions
# description: |
#   The OAuth policies (.ecaOauthPlcy) of an External Client App that uses
#   the client credentials flow set ipRelaxationPolicyType to Bypass, so the
#   IP ranges that restrict the Run As user no longer apply to the app's
#   tokens.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm
# custom:
#   id: eca/ip-relaxation
#   severity: warning
#   why: |
#     A client credentials token needs no login, only the consumer key and
#     secret. Login IP ranges on the Run As user's profile are the one control
#     that limits where a leaked secret can be used; Bypass removes it.
#   symptom: |
#     Nothing fails; tokens for the integration user can be requested from
#     any address on the internet.
#   fix: |
#     Set ipRelaxationPolicyType to Enforce and give the Run As user's profile
#     login IP ranges that cover the callers (for a same-org app, Salesforce's
#     own IP ranges).
#   before: |
#     <ipRelaxationPolicyType>Bypass</ipRelaxationPolicyType>
#   after: |
#     <ipRelaxationPolicyType>Enforce</ipRelaxationPolicyType>
#   assumptions: |
#     Bypass_2factor is not reported: it relaxes restrictions only after a
#     second factor, which the client credentials flow never presents.
#     Enforce_RelaxRefresh is not reported: it relaxes only refresh token
#     requests, and the client credentials flow issues no refresh token. The
#     value is compared without regard to case.
package sflint.rules.eca.ip_relaxation

import data.sflint.lib
import data.sflint.lib.eca

report contains lib.finding(p, p.ipRelaxationPolicyType, msg, fix) if {
	some p in input.oauthPolicies
	lower(p.ipRelaxationPolicyType.value) == "bypass"
	name := p.links.app.name
	eca.client_credentials(name)
	msg := sprintf("IP restrictions are bypassed: %q's secret yields tokens from any address", [name])
	fix := "set ipRelaxationPolicyType to Enforce and restrict the Run As user's login IP ranges"
}
