# METADATA
# title: Client credentials Connected App can move to an External Client App
# description: |
#   A Connected App turns the client credentials flow on
#   (oauthConfig/isClientCredentialEnabled). External Client Apps are the
#   replacement for Connected Apps; each setting of the client credentials
#   flow has a counterpart in an External Client App's files.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalclientapplication.htm
# custom:
#   id: connectedapp/migrate
#   severity: info
#   why: |
#     An External Client App splits what a Connected App holds in one file
#     into a header (.eca), developer OAuth settings (.ecaOauth), global
#     OAuth settings (.ecaGlblOauth) and admin policies (.ecaOauthPlcy), which
#     keeps the consumer key and secret out of the packageable files.
#   symptom: |
#     None at run time: the Connected App keeps working. The finding marks
#     apps to move when the project adopts External Client Apps.
#   fix: |
#     Create an External Client App with the same settings:
#     isClientCredentialEnabled becomes isClientCredentialsFlowEnabled in both
#     .ecaGlblOauth and .ecaOauthPlcy; oauthClientCredentialUser becomes
#     clientCredentialsFlowUser (.ecaOauthPlcy); the repeated scopes become
#     one commaSeparatedOauthScopes (.ecaOauth); callbackUrl moves to
#     .ecaGlblOauth; permissionSetName entries become
#     commaSeparatedPermissionSet with permittedUsersPolicyType
#     AdminApprovedPreAuthorized (.ecaOauthPlcy).
#   before: |
#     <oauthConfig>
#         <isClientCredentialEnabled>true</isClientCredentialEnabled>
#         <oauthClientCredentialUser>integration@example.com</oauthClientCredentialUser>
#         <scopes>Api</scopes>
#     </oauthConfig>
#   after: |
#     <!-- Loopback_glbloauth.ecaGlblOauth-meta.xml -->
#     <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>
#     <!-- Loopback_oauthPlcy.ecaOauthPlcy-meta.xml -->
#     <clientCredentialsFlowUser>integration@example.com</clientCredentialsFlowUser>
#     <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>
#     <!-- Loopback_oauth.ecaOauth-meta.xml -->
#     <commaSeparatedOauthScopes>Api</commaSeparatedOauthScopes>
#   assumptions: |
#     Only Connected Apps that use the client credentials flow are reported.
#     The field mapping follows the Metadata API reference of both types;
#     In real files permissionSetName holds permission set labels while
#     commaSeparatedPermissionSet holds API names.
package sflint.rules.connectedapp.migrate

import data.sflint.lib

report contains lib.finding(app, flag, msg, fix) if {
	some app in input.connectedApps
	flag := app.oauthConfig.isClientCredentialEnabled
	lib.is_true(flag)
	msg := sprintf("%q uses client credentials; External Client Apps replace Connected Apps", [app.name])
	fix := "recreate it as an External Client App (.eca, .ecaOauth, .ecaGlblOauth, .ecaOauthPlcy)"
}
