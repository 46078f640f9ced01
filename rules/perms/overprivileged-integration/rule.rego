# METADATA
# title: Integration permission set grants user and security administration
# description: |
#   A permission set that makes its users integration callers, because it
#   grants enabled principal access to an External Credential or because it
#   is listed (commaSeparatedPermissionSet) on an External Client App that
#   uses the client credentials flow, also grants user permissions that let
#   its holder take over data, users or the org's security settings. One
#   finding is reported per such enabled userPermissions entry.
#
#   Flagged permissions: ModifyAllData, ManageUsers, ManageInternalUsers,
#   ResetPasswords, FreezeUsers, DelegatedTwoFactor, AssignPermissionSets,
#   ManageProfilesPermissionsets, ManageUserAccessPolicies, ManageRoles,
#   ManageSharing, ManagePasswordPolicies, ManageLoginAccessPolicies and
#   ManageIpAddresses.
#
#   Not flagged, because integrations legitimately need them (a Tooling or
#   Metadata API integration reads or changes metadata): ApiEnabled,
#   ApiUserOnly, ViewAllData, ViewSetup, AuthorApex, CustomizeApplication,
#   ModifyMetadata, ManageNamedCredentials, InstallPackaging and every read
#   only "View" permission.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm
# custom:
#   id: perms/overprivileged-integration
#   severity: warning
#   security: true
#   why: |
#     An integration runs unattended on a stored secret: whoever obtains the
#     client secret or a token acts with every permission of the integration
#     user. Data access (even ViewAllData) is often needed; creating users,
#     resetting passwords, assigning permissions or weakening login and
#     sharing settings is not, and turns a leaked secret into control of the
#     org.
#   symptom: |
#     A leaked client secret or token can create or take over users, grant
#     itself any permission set, change sharing or login policies, or edit
#     and delete every record.
#   fix: |
#     Remove the permission from the integration permission set. If some
#     human users need it, grant it to them through another permission set
#     that neither grants principal access nor is listed on a client
#     credentials app.
#   before: |
#     <externalCredentialPrincipalAccesses>
#         <enabled>true</enabled>
#         <externalCredentialPrincipal>Loopback_Auth-Integration</externalCredentialPrincipal>
#     </externalCredentialPrincipalAccesses>
#     <userPermissions>
#         <enabled>true</enabled>
#         <name>ModifyAllData</name>
#     </userPermissions>
#   after: |
#     <externalCredentialPrincipalAccesses>
#         <enabled>true</enabled>
#         <externalCredentialPrincipal>Loopback_Auth-Integration</externalCredentialPrincipal>
#     </externalCredentialPrincipalAccesses>
#     <userPermissions>
#         <enabled>true</enabled>
#         <name>ApiEnabled</name>
#     </userPermissions>
#   assumptions: |
#     The table holds only permission names seen in real permission sets.
#     Integrations whose job is user provisioning (SCIM, HR sync) do need
#     ManageUsers and may suppress the finding. A permission set counts as
#     listed on an app when commaSeparatedPermissionSet holds its name, or its
#     name with the project's namespace prefix (ns__Name); values that are IDs
#     match nothing. Profiles are not judged by this rule.
package sflint.rules.perms.overprivileged_integration

import data.sflint.lib
import data.sflint.lib.eca

# powers maps each flagged user permission to what it lets its holder do.
powers := {
	"ModifyAllData": "edits and deletes every record",
	"ManageUsers": "creates users and changes their profiles",
	"ManageInternalUsers": "creates and edits internal users",
	"ResetPasswords": "resets users' passwords",
	"FreezeUsers": "locks users out",
	"DelegatedTwoFactor": "manages users' multi-factor authentication",
	"AssignPermissionSets": "assigns any permission set",
	"ManageProfilesPermissionsets": "edits profiles and permission sets",
	"ManageUserAccessPolicies": "grants access through user access policies",
	"ManageRoles": "changes the role hierarchy",
	"ManageSharing": "changes sharing settings",
	"ManagePasswordPolicies": "changes password policies",
	"ManageLoginAccessPolicies": "changes login access policies",
	"ManageIpAddresses": "changes trusted IP ranges",
}

report contains lib.finding(ps, up, msg, fix) if {
	some ps in input.permissionSets
	some up in object.get(ps, "userPermissions", [])
	lib.is_true(up.enabled)
	power := powers[up.name.value]
	instead := alternative(ps)
	msg := sprintf("%s %s; an integration does not need it", [up.name.value, power])
	fix := sprintf("remove %s, or %s", [up.name.value, instead])
}

# alternative says how to keep the permission away from the integration,
# preferring the app that lists the permission set over the principal it
# grants.
alternative(ps) := sprintf("list a dedicated integration permission set on %q instead", [app]) if {
	apps := listing_apps(ps)
	count(apps) > 0
	app := sort(apps)[0]
} else := sprintf("grant principal %q from a permission set without it", [a.value]) if {
	enabled := [a | some a in ps.links.principalAccesses; a.enabled]
	a := enabled[0]
}

listing_apps(ps) := {app |
	some [app, name] in listings
	names(ps)[name]
}

# listings pairs each client-credentials app with the permission sets it lists.
listings contains [app, name] if {
	some app in eca.names
	eca.client_credentials(app)
	some name in eca.permission_sets(app)
}

# names are the values that name this permission set in an app's list.
names(ps) := {ps.name, sprintf("%s__%s", [input.project.namespace, ps.name])} if {
	input.project.namespace != ""
} else := {ps.name}
