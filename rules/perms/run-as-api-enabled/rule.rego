# METADATA
# title: No permission set of a client credentials app grants API Enabled
# description: |
#   An External Client App that uses the client credentials flow lists
#   permission sets in commaSeparatedPermissionSet (its OAuth policies,
#   .ecaOauthPlcy), every one of them is in the project, and none grants the
#   ApiEnabled user permission. The Run As user of a client credentials app
#   calls the APIs, so it needs API Enabled, and the app's permission sets are
#   the place the project grants it.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm
# custom:
#   id: perms/run-as-api-enabled
#   severity: warning
#   why: |
#     Every request made with a client credentials token runs as the Run As
#     user. A user without API Enabled cannot use Salesforce's APIs, so the
#     integration gets a token it cannot use unless the user's profile or
#     another permission set happens to grant API access.
#   symptom: |
#     API calls made with the token are refused with API_CURRENTLY_DISABLED
#     ("API is disabled for this User"); callouts through a Named Credential
#     that uses the app fail the same way.
#   fix: |
#     Grant ApiEnabled (userPermissions, enabled true) in one of the listed
#     permission sets, typically the one made for the Run As user.
#   before: |
#     <!-- extlClntAppOauthPolicies/Loopback_oauthPlcy.ecaOauthPlcy-meta.xml -->
#     <commaSeparatedPermissionSet>Loopback_Integration_User</commaSeparatedPermissionSet>
#     <!-- permissionsets/Loopback_Integration_User.permissionset-meta.xml -->
#     <label>Loopback Integration User</label>
#   after: |
#     <!-- permissionsets/Loopback_Integration_User.permissionset-meta.xml -->
#     <label>Loopback Integration User</label>
#     <userPermissions>
#         <enabled>true</enabled>
#         <name>ApiEnabled</name>
#     </userPermissions>
#   assumptions: |
#     Permission sets outside the project (installed packages, sets created in
#     Setup) are invisible, so the app is judged only when every listed set is
#     in the project: one unseen set might grant ApiEnabled. API access that
#     the Run As user gets from its profile or from permission sets not listed
#     on the app is invisible too; such projects can suppress the finding.
#     Listed values are matched against permission set names, with or without
#     the project's namespace prefix (ns__Name); FORMATS notes the docs call
#     them IDs, and IDs match nothing, so such apps are not judged. Only
#     ApiEnabled counts (ApiUserOnly depends on it).
package sflint.rules.perms.run_as_api_enabled

import data.sflint.lib
import data.sflint.lib.eca

report contains lib.finding(p, p.commaSeparatedPermissionSet, msg, fix) if {
	some p in input.oauthPolicies
	lib.has_text(p, "commaSeparatedPermissionSet")
	app := p.links.app.name
	eca.client_credentials(app)
	listed := eca.permission_sets(app)
	count(listed) > 0
	every name in listed {
		name in known
	}
	not api_enabled(listed)
	msg := sprintf("no permission set listed for %q grants ApiEnabled; the Run As user needs it", [app])
	fix := "grant ApiEnabled in the permission set made for the Run As user"
}

api_enabled(listed) if {
	some name in listed
	name in granting
}

# known and granting are built once per evaluation: every name of a
# permission set, and the names of those that grant ApiEnabled.
known contains name if {
	some ps in input.permissionSets
	some name in names(ps)
}

granting contains name if {
	some ps in input.permissionSets
	some up in object.get(ps, "userPermissions", [])
	up.name.value == "ApiEnabled"
	lib.is_true(up.enabled)
	some name in names(ps)
}

# names are the values that name this permission set in an app's list.
names(ps) := {ps.name, sprintf("%s__%s", [input.project.namespace, ps.name])} if {
	input.project.namespace != ""
} else := {ps.name}
