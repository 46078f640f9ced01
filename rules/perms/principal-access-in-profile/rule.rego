# METADATA
# title: Principal access granted through a profile
# description: |
#   A profile grants access to an External Credential principal
#   (externalCredentialPrincipalAccesses with enabled true). Grant principal
#   access through a permission set instead, assigned to the users who call
#   out.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_profile.htm
# custom:
#   id: perms/principal-access-in-profile
#   severity: info
#   why: |
#     A profile grants the principal to every user of the profile, and the
#     Metadata API (v66 WSDL) declares externalCredentialPrincipalAccesses
#     only on PermissionSet, so the grant may not travel with the profile
#     between orgs. A permission set grants it to exactly the users who need
#     it and deploys with its declared shape.
#   symptom: |
#     Every user of the profile can call out as the principal; after a deploy
#     or retrieve of the profile the grant may be missing in the other org and
#     callouts fail with "We couldn't access the credential(s)".
#   fix: |
#     Move the entry, with objectPermissions on UserExternalCredential, to a
#     permission set and assign it to the calling users; remove it from the
#     profile.
#   before: |
#     <Profile xmlns="http://soap.sforce.com/2006/04/metadata">
#         <externalCredentialPrincipalAccesses>
#             <enabled>true</enabled>
#             <externalCredentialPrincipal>Loopback_Auth-Integration</externalCredentialPrincipal>
#         </externalCredentialPrincipalAccesses>
#   after: |
#     <PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
#         <externalCredentialPrincipalAccesses>
#             <enabled>true</enabled>
#             <externalCredentialPrincipal>Loopback_Auth-Integration</externalCredentialPrincipal>
#         </externalCredentialPrincipalAccesses>
#   assumptions: |
#     The v66 Metadata API WSDL lists externalCredentialPrincipalAccesses only
#     on PermissionSet; sflint accepts it on Profile too (Setup offers
#     principal access on profiles), so this rule can see it. Whether a
#     profile deploy carries the entry is not confirmed. Disabled entries are
#     left to perms/principal-access-disabled.
package sflint.rules.perms.principal_access_in_profile

import data.sflint.lib

report contains lib.finding(p, a, msg, fix) if {
	some p in input.profiles
	some a in p.links.principalAccesses
	a.enabled
	msg := sprintf("profile %q grants principal %q; grant it through a permission set", [p.name, a.value])
	fix := "move this entry to a permission set assigned to the calling users"
}
