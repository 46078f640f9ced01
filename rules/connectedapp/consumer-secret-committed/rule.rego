# METADATA
# title: Connected App consumer secret committed to source
# description: |
#   A Connected App's oauthConfig holds a value in consumerSecret. The
#   consumer secret is the app's client_secret and does not belong in source
#   control.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
# custom:
#   id: connectedapp/consumer-secret-committed
#   severity: error
#   security: true
#   why: |
#     Together with the consumer key, the secret lets anyone who can read the
#     repository request tokens for the app; with the client credentials flow
#     that is a token of the Run As user, with no user interaction at all.
#   symptom: |
#     Anyone with read access to the repository or its history can act as the
#     app, and the secret stays usable until it is rotated in the org.
#   fix: |
#     Remove consumerSecret from the file (or supply it through a deploy-time
#     replacement from a secret store) and rotate the secret in the org, since
#     the committed one must be treated as leaked.
#   before: |
#     <oauthConfig>
#         <consumerSecret>(a secret value)</consumerSecret>
#     </oauthConfig>
#   after: |
#     <oauthConfig>
#     </oauthConfig>
#   assumptions: |
#     A deploy-time replacement (${VAR}, @VAR) is not a committed secret. The
#     value is never printed.
package sflint.rules.connectedapp.consumer_secret_committed

import data.sflint.lib

report contains lib.finding(app, secret, msg, fix) if {
	some app in input.connectedApps
	secret := app.oauthConfig.consumerSecret
	trim_space(secret.value) != ""
	not lib.placeholder(secret.value)
	msg := sprintf("consumerSecret of %q holds a value; remove it and rotate the secret", [app.name])
	fix := "delete consumerSecret from the file and rotate the secret in the org"
}
