# METADATA
# title: No permission set grants access to the External Credential's principal
# description: |
#   Every named or per-user principal of an External Credential must be
#   granted to users through principal access
#   (externalCredentialPrincipalAccesses, enabled true) in a permission set or
#   profile of the project. This rule reports principals that nothing grants.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.nc_grant_external_credential_principal_access.htm
# custom:
#   id: extcred/principal-without-access
#   severity: error
#   why: |
#     Salesforce only lets a user call out through a Named Credential when one
#     of the user's permission sets grants the External Credential's
#     principal. With no grant the credential cannot work for anyone.
#   symptom: |
#     Callouts fail with "We couldn't access the credential(s). You might not
#     have the required permissions, or the external credential ... might not
#     exist."
#   fix: |
#     Add externalCredentialPrincipalAccesses with
#     <externalCredentialPrincipal>Credential-Principal</externalCredentialPrincipal>
#     and <enabled>true</enabled> to the permission set of the users who call out.
#   before: |
#     <!-- Loopback_Auth.externalCredential-meta.xml has principal Integration; -->
#     <!-- no permission set mentions Loopback_Auth-Integration -->
#   after: |
#     <externalCredentialPrincipalAccesses>
#         <enabled>true</enabled>
#         <externalCredentialPrincipal>Loopback_Auth-Integration</externalCredentialPrincipal>
#     </externalCredentialPrincipalAccesses>
#   assumptions: |
#     Only NamedPrincipal and PerUserPrincipal parameters are checked. Grants
#     made outside the project (by hand in Setup, or by another package) are
#     not visible in source; such principals are reported.
package sflint.rules.extcred.principal_without_access

import data.sflint.lib

report contains lib.finding(ec, p, msg, fix) if {
	some ec in input.externalCredentials
	some p in ec.links.principals
	p.type in {"NamedPrincipal", "PerUserPrincipal"}
	not granted(p)
	msg := sprintf("no permission set grants enabled access to principal %q of %q", [p.name, ec.name])
	fix := sprintf("grant %s-%s in externalCredentialPrincipalAccesses of a permission set", [ec.name, p.name])
}

granted(p) if {
	some g in p.grants
	g.enabled
}
