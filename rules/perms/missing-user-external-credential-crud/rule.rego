# METADATA
# title: Principal access granted without User External Credential object access
# description: |
#   A permission set (or profile) that grants principal access to an External
#   Credential must also grant Create, Read, Edit and Delete on the
#   UserExternalCredential object, where Salesforce stores the tokens of the
#   credential's principals.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.nc_user_external_credentials.htm
# custom:
#   id: perms/missing-user-external-credential-crud
#   severity: error
#   why: |
#     The callout reads the stored token and writes a new one when it
#     refreshes; without access to UserExternalCredential the running user
#     cannot do either, even though the principal is granted.
#   symptom: |
#     Callouts fail with "We couldn't access the credential(s). You might not
#     have the required permissions..." or an insufficient access error on
#     UserExternalCredential.
#   fix: |
#     Add objectPermissions for UserExternalCredential with allowCreate,
#     allowRead, allowEdit and allowDelete set to true to the same permission set.
#   before: |
#     <externalCredentialPrincipalAccesses>
#         <enabled>true</enabled>
#         <externalCredentialPrincipal>Loopback_Auth-Integration</externalCredentialPrincipal>
#     </externalCredentialPrincipalAccesses>
#   after: |
#     <externalCredentialPrincipalAccesses>
#         <enabled>true</enabled>
#         <externalCredentialPrincipal>Loopback_Auth-Integration</externalCredentialPrincipal>
#     </externalCredentialPrincipalAccesses>
#     <objectPermissions>
#         <allowCreate>true</allowCreate>
#         <allowDelete>true</allowDelete>
#         <allowEdit>true</allowEdit>
#         <allowRead>true</allowRead>
#         <modifyAllRecords>false</modifyAllRecords>
#         <object>UserExternalCredential</object>
#         <viewAllRecords>false</viewAllRecords>
#     </objectPermissions>
#   assumptions: |
#     The access must come from the same permission set or profile that grants
#     the principal; access granted by another permission set assigned to the
#     same users is not visible in source.
package sflint.rules.perms.missing_user_external_credential_crud

import data.sflint.lib

crud := ["allowCreate", "allowRead", "allowEdit", "allowDelete"]

names := {"allowCreate": "Create", "allowRead": "Read", "allowEdit": "Edit", "allowDelete": "Delete"}

report contains lib.finding(ps, node, msg, fix) if {
	some ps in array.concat(input.permissionSets, input.profiles)
	enabled := [a | some a in ps.links.principalAccesses; a.enabled]
	count(enabled) > 0
	missing := [names[p] | some p in crud; not allowed(ps, p)]
	count(missing) > 0
	node := location(ps, enabled[0])
	msg := sprintf("grants principal access but not %s on UserExternalCredential", [concat(", ", missing)])
	fix := "add objectPermissions on UserExternalCredential with Create, Read, Edit and Delete"
}

uec(ps) := [o | some o in object.get(ps, "objectPermissions", []); o.object.value == "UserExternalCredential"]

allowed(ps, perm) if {
	some o in uec(ps)
	lib.is_true(o[perm])
}

# Point at the existing objectPermissions entry when there is one.
location(ps, _) := uec(ps)[0] if count(uec(ps)) > 0

location(ps, access) := access if count(uec(ps)) == 0
