# METADATA
# title: Secret committed in a Named Credential
# description: |
#   The legacy Named Credential fields password, oauthToken,
#   oauthRefreshToken and awsAccessSecret hold secrets. This rule reports any
#   of them that holds a value in source.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_namedcredential.htm
# custom:
#   id: namedcred/secret-committed
#   severity: error
#   security: true
#   why: |
#     A secret in a metadata file is in every clone, fork, package and CI log
#     of the repository, and stays in its history after it is deleted. Anyone
#     who can read the repository can call the service as the credential's
#     user.
#   symptom: |
#     Nothing fails; the password, token or AWS secret access key is exposed
#     to everyone with read access to the repository.
#   fix: |
#     Remove the element from the file, rotate the secret at the service (it
#     must be treated as leaked), and enter the new one in Setup or through a
#     deploy-time replacement from a secret store.
#   before: |
#     <password>s3cr3t</password>
#   after: |
#     <!-- no password element; the password is entered in Setup -->
#   assumptions: |
#     Values with deploy-time tokens (${VAR}, @VAR) or template placeholders
#     (REPLACE_ME, Placeholder_Value, ...) are taken as not being secrets. The
#     value itself is never printed.
package sflint.rules.namedcred.secret_committed

import data.sflint.lib

secret_fields := ["password", "oauthToken", "oauthRefreshToken", "awsAccessSecret"]

report contains lib.finding(nc, node, msg, fix) if {
	some nc in input.namedCredentials
	some field in secret_fields
	node := nc[field]
	trim_space(node.value) != ""
	not lib.placeholder(node.value)
	msg := sprintf("<%s> holds a value; secrets must not be committed", [field])
	fix := sprintf("remove <%s>, rotate the secret and enter the new one in Setup", [field])
}
