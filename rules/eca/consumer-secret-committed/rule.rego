# METADATA
# title: Consumer secret committed to source
# description: |
#   The global OAuth settings (.ecaGlblOauth) of an External Client App hold
#   a value in consumerSecret, the app's client_secret. Salesforce documents
#   these settings as "private and sensitive OAuth consumer information that
#   can't be packaged and must not be added to source control".
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
# custom:
#   id: eca/consumer-secret-committed
#   severity: error
#   security: true
#   why: |
#     The consumer key is not secret and is often committed; with the secret
#     next to it, anyone who can read the repository (or its history, forks
#     and CI logs) can request tokens. For a client credentials app that means
#     acting as its Run As user without any login.
#   symptom: |
#     Nothing fails; the org's integration can be impersonated by whoever has
#     a copy of the repository.
#   fix: |
#     Delete the consumerSecret element, rotate the secret in the External
#     Client App Manager (it stays in the repository's history), and keep the
#     secret in a secret store; inject it at deploy time if the file must
#     carry it.
#   before: |
#     <consumerKey>3MVG9...</consumerKey>
#     <consumerSecret>(the secret)</consumerSecret>
#   after: |
#     <consumerKey>3MVG9...</consumerKey>
#   assumptions: |
#     A value that sfdx-project.json replacements fill in at deploy time
#     (${VAR}, @VAR) or a template placeholder is not a committed secret. An
#     empty element is not reported. The value is never printed.
package sflint.rules.eca.consumer_secret_committed

import data.sflint.lib

report contains lib.finding(c, c.consumerSecret, msg, fix) if {
	some c in input.globalOauthSettings
	lib.has_text(c, "consumerSecret")
	not lib.placeholder(c.consumerSecret.value)
	msg := sprintf("consumerSecret of %q holds a value in source; anyone with the repo can get tokens", [c.links.app.name])
	fix := "delete consumerSecret, rotate the secret, and inject it at deploy time if needed"
}
