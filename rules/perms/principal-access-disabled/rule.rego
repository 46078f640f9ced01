# METADATA
# title: Principal access listed but disabled
# description: |
#   A permission set or profile lists an externalCredentialPrincipalAccesses
#   entry whose enabled element is false. Such an entry grants nothing: it only
#   looks, to a reader of the source, as if the principal were granted.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm
# custom:
#   id: perms/principal-access-disabled
#   severity: warning
#   why: |
#     Users of the permission set do not get the principal, so callouts
#     through Named Credentials that use it fail for them, while the source
#     suggests they were granted it.
#   symptom: |
#     Callouts by users who hold only this permission set fail with "We
#     couldn't access the credential(s). You might not have the required
#     permissions, or the external credential ... might not exist."
#   fix: |
#     Set enabled to true if the users should call out as the principal;
#     otherwise delete the entry.
#   before: |
#     <externalCredentialPrincipalAccesses>
#         <enabled>false</enabled>
#         <externalCredentialPrincipal>Loopback_Auth-Integration</externalCredentialPrincipal>
#     </externalCredentialPrincipalAccesses>
#   after: |
#     <externalCredentialPrincipalAccesses>
#         <enabled>true</enabled>
#         <externalCredentialPrincipal>Loopback_Auth-Integration</externalCredentialPrincipal>
#     </externalCredentialPrincipalAccesses>
#   assumptions: |
#     Only the literal value false is reported; an entry without an enabled
#     element is left to schema checks. Profiles are read the same way as
#     permission sets, although the v66 WSDL declares
#     externalCredentialPrincipalAccesses only on PermissionSet.
package sflint.rules.perms.principal_access_disabled

import data.sflint.lib

report contains lib.finding(ps, node, msg, fix) if {
	some ps in array.concat(input.permissionSets, input.profiles)
	some a in object.get(ps, "externalCredentialPrincipalAccesses", [])
	node := one(a.enabled)
	node.value == "false"
	principal := object.get(one(object.get(a, "externalCredentialPrincipal", {})), "value", "")
	msg := sprintf("principal access to %q is disabled and grants nothing; enable or delete it", [principal])
	fix := "set enabled to true, or delete the entry"
}

# one is the element itself, or the first of a list: children of an element
# the schema does not describe in detail are lists.
one(x) := x if is_object(x)

one(x) := x[0] if {
	is_array(x)
	count(x) > 0
}
