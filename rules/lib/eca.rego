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

global_settings(name) := [input.globalOauthSettings[i] | some i in object.get(global_by_app, name, [])]

oauth_policies(name) := [input.oauthPolicies[i] | some i in object.get(policies_by_app, name, [])]

oauth_settings(name) := [input.oauthSettings[i] | some i in object.get(settings_by_app, name, [])]

# The indexes of the files of each kind, grouped by app. Each is built once
# per evaluation (OPA indexes the inner comprehension), so a lookup costs no
# scan of every file. They are written out per kind because one function
# taking the list as an argument is not indexed, and costs four times more.
global_by_app := {app: indexes |
	some app in {c.links.app.name | some c in input.globalOauthSettings}
	indexes := [i | some i, c in input.globalOauthSettings; c.links.app.name == app]
}

policies_by_app := {app: indexes |
	some app in {c.links.app.name | some c in input.oauthPolicies}
	indexes := [i | some i, c in input.oauthPolicies; c.links.app.name == app]
}

settings_by_app := {app: indexes |
	some app in {c.links.app.name | some c in input.oauthSettings}
	indexes := [i | some i, c in input.oauthSettings; c.links.app.name == app]
}

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
