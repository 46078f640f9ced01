# METADATA
# title: Named Credential links an External Credential that is not in the project
# description: |
#   A Named Credential's Authentication parameter names its External
#   Credential in <externalCredential>. The name must match an External
#   Credential's file name exactly, case included.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_namedcredential.htm
# custom:
#   id: namedcred/unknown-external-credential
#   severity: error
#   why: |
#     A deployment that references an External Credential the org does not
#     have fails; if the credential exists in the org but not in the project,
#     the two drift apart and the next deploy of a fresh org fails.
#   symptom: |
#     Deploy fails with "In field: externalCredential - no ExternalCredential
#     named ... found", and callouts through the Named Credential cannot start.
#   fix: |
#     Correct the name in <externalCredential> (case matters), or add the
#     External Credential's .externalCredential-meta.xml to the project.
#   before: |
#     <namedCredentialParameters>
#         <externalCredential>loopback_auth</externalCredential>
#         <parameterName>ExternalCredential</parameterName>
#         <parameterType>Authentication</parameterType>
#     </namedCredentialParameters>
#   after: |
#     <namedCredentialParameters>
#         <externalCredential>Loopback_Auth</externalCredential>
#         <parameterName>ExternalCredential</parameterName>
#         <parameterType>Authentication</parameterType>
#     </namedCredentialParameters>
#   assumptions: |
#     The whole project is one deployment unit: an External Credential that
#     lives only in the org, or in another repository, is reported too.
package sflint.rules.namedcred.unknown_external_credential

import data.sflint.lib

report contains lib.finding(nc, ref, message(ref), fix(ref)) if {
	some nc in input.namedCredentials
	ref := nc.links.externalCredential
	not ref.found
}

message(ref) := "the Authentication parameter names no External Credential" if {
	ref.name == ""
} else := sprintf("External Credential %q differs only in case from %q; names are exact", [ref.name, ref.nearMiss]) if {
	ref.nearMiss != ""
} else := sprintf("External Credential %q is not in the project", [ref.name])

fix(ref) := sprintf("write %q", [ref.nearMiss]) if {
	ref.nearMiss != ""
} else := "name an External Credential of the project, or add its .externalCredential-meta.xml"
