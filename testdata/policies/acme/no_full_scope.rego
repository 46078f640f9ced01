# An organization's policy written for conftest: deny rules in package main
# return objects with msg, and say where with file, line and col.
package main

# METADATA
# title: An app grants the Full OAuth scope
# description: |
#   No External Client App or Connected App may grant Full, whatever its
#   flows: Full is every permission the user has, including Salesforce's own
#   setup. Apps list the scopes they use, usually Api.
# custom:
#   fix: replace Full with the scopes the app uses, usually Api
deny contains {"msg": msg, "file": s.file, "line": scopes.line, "col": scopes.col} if {
	some s in input.oauthSettings
	scopes := s.commaSeparatedOauthScopes
	"Full" in [trim_space(x) | some x in split(scopes.value, ",")]
	msg := sprintf("External Client App %q grants the Full scope", [s.externalClientApplication.value])
}

deny contains {"msg": msg, "file": app.file, "line": scope.line, "col": scope.col} if {
	some app in input.connectedApps
	some scope in app.oauthConfig.scopes
	scope.value == "Full"
	msg := sprintf("Connected App %q grants the Full scope", [app.name])
}
