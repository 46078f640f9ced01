# METADATA
# title: Element that the metadata type does not have
# description: |
#   An element that the Metadata API type does not declare: <principals> in an
#   External Credential, <isEnabled> in External Client App OAuth policies, a
#   misspelt element name. The closest real element is suggested when there
#   is one.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_types_list.htm
# custom:
#   id: project/unknown-element
#   severity: warning
#   why: |
#     Deploy rejects an element the type does not have, and a misspelt element
#     means the setting it was meant to carry is not there. Such shapes
#     circulate in generated guides (principals blocks in External
#     Credentials are the common one).
#   symptom: |
#     sf project deploy start fails with "Error parsing file: Element
#     {http://soap.sforce.com/2006/04/metadata}principals invalid at this location".
#   fix: |
#     Remove the element, or rename it to the element sflint suggests. In an
#     External Credential, principals are externalCredentialParameters with
#     parameterType NamedPrincipal or PerUserPrincipal.
#   before: |
#     <principals>
#         <principalName>Integration</principalName>
#     </principals>
#   after: |
#     <externalCredentialParameters>
#         <parameterGroup>Integration</parameterGroup>
#         <parameterName>Integration</parameterName>
#         <parameterType>NamedPrincipal</parameterType>
#         <sequenceNumber>1</sequenceNumber>
#     </externalCredentialParameters>
#   assumptions: |
#     Elements are checked against the Metadata API WSDL v66, plus elements
#     seen in real retrieves that it lacks (isEnforceRefreshTokenTTL in global
#     OAuth settings; principal access in profiles). Elements added in later
#     API versions are reported until sflint learns them. Types the WSDL does
#     not describe (ExtlClntAppOauthSecuritySettings) are not checked.
package sflint.rules.project.unknown_element

import data.sflint.lib

records := [r |
	some list in [
		input.externalClientApps, input.oauthSettings, input.globalOauthSettings, input.oauthPolicies,
		input.policies, input.externalCredentials, input.namedCredentials, input.permissionSets,
		input.profiles, input.connectedApps, input.corsOrigins, input.cspTrustedSites,
		input.remoteSiteSettings,
	]
	some r in list
]

report contains lib.finding(r, u, message(r, u), fix(u)) if {
	some r in records
	some u in r.unknownElements
}

message(r, u) := sprintf("%s has no element <%s>; did you mean <%s>?", [r.type, u.name, u.suggestion]) if {
	u.suggestion != ""
} else := sprintf("%s has no element <%s>; deploy rejects it", [r.type, u.path])

fix(u) := sprintf("rename it to <%s>", [u.suggestion]) if {
	u.suggestion != ""
} else := "remove the element; sflint explain project/unknown-element shows the usual cases"
