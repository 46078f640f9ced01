# METADATA
# title: App policies name a permission set that is not in the project
# description: |
#   commaSeparatedPermissionSet in the OAuth policies (.ecaOauthPlcy) of an
#   External Client App lists the permission sets whose users are
#   pre-authorized to use the app. This rule reports names that match no
#   permission set of the project, and says when only the case differs.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm
# custom:
#   id: eca/unknown-permission-set
#   severity: warning
#   why: |
#     With permittedUsersPolicyType AdminApprovedPreAuthorized only users
#     holding a listed permission set may use the app. A name that matches
#     nothing pre-authorizes nobody (or fails the deployment), and the Run As
#     user or the intended callers are locked out.
#   symptom: |
#     The deployment can fail on the unknown name; if it deploys, users of
#     the intended permission set are not pre-authorized and their token
#     requests are refused ("user is not admin approved to access this app").
#   fix: |
#     Write the permission set's exact API name (its file name without
#     .permissionset-meta.xml), or add the permission set to the project.
#   before: |
#     <commaSeparatedPermissionSet>loopback_integration_user</commaSeparatedPermissionSet>
#   after: |
#     <commaSeparatedPermissionSet>Loopback_Integration_User</commaSeparatedPermissionSet>
#   assumptions: |
#     The documentation calls the values permission set IDs, but every real
#     file uses API names; values that look like permission set IDs (0PS
#     followed by 12 or 15 letters and digits) are skipped, as are
#     deploy-time tokens and names with another package's namespace prefix
#     (ns__Name). A prefix equal to the project's namespace is understood. The
#     project is one deployment unit: a permission set that exists only in the
#     org is reported too. Permission set groups are not read and are not
#     accepted as names.
package sflint.rules.eca.unknown_permission_set

import data.sflint.lib

report contains lib.finding(p, p.commaSeparatedPermissionSet, msg, fix) if {
	some p in input.oauthPolicies
	missing := [s |
		some raw in split(p.commaSeparatedPermissionSet.value, ",")
		s := trim_space(raw)
		checked(s)
		not local_name(s) in known
	]
	count(missing) > 0
	msg := sprintf("no permission set %s in the project", [concat(", ", [describe(s) | some s in missing])])
	fix := fix_for(missing)
}

known := {ps.name | some ps in input.permissionSets}

folded := {lower(n): n | some n in known}

checked(s) if {
	s != ""
	not regex.match(`^0PS[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$`, s)
	not lib.placeholder(s)
	not foreign(s)
}

# foreign holds for names with the namespace prefix of another package.
foreign(s) if {
	[ns, _] := split_namespace(s)
	ns != input.project.namespace
}

split_namespace(s) := [m[1], m[2]] if {
	[m] := regex.find_all_string_submatch_n(`^([A-Za-z][A-Za-z0-9]*)__(.+)$`, s, 1)
}

local_name(s) := split_namespace(s)[1] if {
	split_namespace(s)
} else := s

describe(s) := sprintf("%q (case differs from %s)", [s, folded[lower(local_name(s))]]) if {
	folded[lower(local_name(s))]
} else := sprintf("%q", [s])

fix_for(missing) := sprintf("write the exact API names: %s", [concat(", ", near)]) if {
	near := [folded[lower(local_name(s))] | some s in missing; folded[lower(local_name(s))]]
	count(near) == count(missing)
} else := "write each permission set's exact API name, or add it to the project"
