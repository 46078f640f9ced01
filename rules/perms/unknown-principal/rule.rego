# METADATA
# title: Principal access names an External Credential or principal that does not exist
# description: |
#   externalCredentialPrincipalAccesses names its target as
#   [namespace__]Credential-Principal: the External Credential's name, a
#   hyphen, and the name of one of its principals (NamedPrincipal or
#   PerUserPrincipal parameterName). This rule reports values whose External
#   Credential or principal is not in the project, including case-only
#   differences.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm
# custom:
#   id: perms/unknown-principal
#   severity: error
#   why: |
#     A grant of a principal that does not exist fails the deployment of the
#     permission set, and the principal that was meant stays ungranted.
#   symptom: |
#     Deploy fails with "invalid cross reference id" or "no
#     ExternalCredentialPrincipal named ... found"; callouts fail with "We
#     couldn't access the credential(s)".
#   fix: |
#     Write the External Credential's exact name and the principal's exact
#     parameterName, joined by a hyphen.
#   before: |
#     <externalCredentialPrincipal>loopback_auth-integration</externalCredentialPrincipal>
#   after: |
#     <externalCredentialPrincipal>Loopback_Auth-Integration</externalCredentialPrincipal>
#   assumptions: |
#     The value is split at its first hyphen (External Credential names cannot
#     contain one). A namespace prefix equal to the project's namespace is
#     understood; a different prefix names another package and is not checked.
package sflint.rules.perms.unknown_principal

import data.sflint.lib

report contains lib.finding(ps, a, message(a), fix(a)) if {
	some ps in array.concat(input.permissionSets, input.profiles)
	some a in ps.links.principalAccesses
	not a.foreignNamespace
	not a.principalFound
}

message(a) := sprintf("%q is not Credential-Principal", [a.value]) if {
	a.principal == ""
} else := sprintf("External Credential %q differs only in case from %q", [a.externalCredential, a.credentialNearMiss]) if {
	not a.credentialFound
	a.credentialNearMiss != ""
} else := sprintf("no External Credential %q in the project", [a.externalCredential]) if {
	not a.credentialFound
} else := sprintf("principal %q differs only in case from %q", [a.principal, a.principalNearMiss]) if {
	a.principalNearMiss != ""
} else := sprintf("External Credential %q has no principal %q", [a.externalCredential, a.principal])

fix(a) := sprintf("write %s-%s", [a.credentialNearMiss, a.principal]) if {
	not a.credentialFound
	a.credentialNearMiss != ""
} else := sprintf("write %s-%s", [a.externalCredential, a.principalNearMiss]) if {
	a.principalNearMiss != ""
} else := "name an External Credential of the project and one of its principals"
