# METADATA
# title: External Client App helpers
# description: |
#   Join an External Client App's files by app name (the externalClientApplication
#   element), whether or not the app header itself is in the project.
package sflint.lib.eca

import data.sflint.lib

# names of every app mentioned by a header or a settings or policies file.
names contains app.name if some app in input.externalClientApps

names contains c.links.app.name if some c in children

children := array.concat(
	array.concat(input.oauthSettings, input.globalOauthSettings),
	array.concat(input.oauthPolicies, input.policies),
)

# files of one kind (input.oauthSettings, ...) that belong to the app.
of(list, name) := [c | some c in list; c.links.app.name == name]

global_settings(name) := of(input.globalOauthSettings, name)

oauth_policies(name) := of(input.oauthPolicies, name)

oauth_settings(name) := of(input.oauthSettings, name)

# client_credentials holds for apps that turn the client credentials flow on
# in their global OAuth settings or their OAuth policies.
client_credentials(name) if {
	some c in global_settings(name)
	lib.is_true(c.isClientCredentialsFlowEnabled)
}

client_credentials(name) if {
	some c in oauth_policies(name)
	lib.is_true(c.isClientCredentialsFlowEnabled)
}

# scopes of an app: the trimmed tokens of commaSeparatedOauthScopes.
scopes(name) := {trim_space(s) |
	some c in oauth_settings(name)
	some s in split(c.commaSeparatedOauthScopes.value, ",")
	trim_space(s) != ""
}

# permission_sets lists the permission set names of an app's policies, from
# commaSeparatedPermissionSet (real files use API names).
permission_sets(name) := {trim_space(s) |
	some c in oauth_policies(name)
	some s in split(c.commaSeparatedPermissionSet.value, ",")
	trim_space(s) != ""
}
