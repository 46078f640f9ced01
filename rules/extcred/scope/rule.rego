# METADATA
# title: External Credential asks for OAuth scopes its app cannot give
# description: |
#   The Scope parameter of an External Credential (parameterType
#   AuthParameter, parameterName Scope) lists the OAuth scopes its token
#   request asks for, space-separated, in OAuth's own names (api,
#   refresh_token, ...). For a credential that asks a Salesforce token
#   endpoint for a client credentials token (AuthProtocolVariant
#   ClientCredentialsClientSecret, ClientCredentialsClientSecretBasic or
#   ClientCredentialsJwtAssertion, AuthProviderUrl on a Salesforce host), this
#   rule reports a Scope made only of scopes that reach no API (no api or
#   full), and scopes that the app does not grant: the app is the project's
#   one client credentials app (an External Client App with
#   commaSeparatedOauthScopes Api, RefreshToken, ..., or a Connected App with
#   isClientCredentialEnabled); with several, a scope none of them grants.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalcredential.htm
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthsettings.htm
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.mobile_sdk.meta/mobile_sdk/oauth_scope_parameter_values.htm
# custom:
#   id: extcred/scope
#   severity: warning
#   options:
#     apps:
#       type: map
#       default: {}
#       description: External Credential name to the External Client App whose scopes it may ask for
#   why: |
#     An access token carries only the scopes that were requested and that
#     the app grants. Without api the token cannot call the REST, SOAP, Bulk
#     or Tooling APIs, which is what a same-org callout is for; a scope the
#     app does not grant cannot be issued.
#   symptom: |
#     Without api: API calls through the Named Credential answer "This
#     session is not valid for use with the REST API" (INVALID_SESSION_ID).
#     A scope the app does not grant: the token request fails with an
#     invalid_scope error, or the token lacks the scope and the calls that
#     need it are refused.
#   fix: |
#     Ask for api in the Scope value (or remove the Scope parameter to get the
#     app's scopes), and ask only for scopes listed in the app's
#     commaSeparatedOauthScopes, or add the missing ones to the app.
#   before: |
#     <externalCredentialParameters>
#         <parameterGroup>DefaultGroup</parameterGroup>
#         <parameterName>Scope</parameterName>
#         <parameterType>AuthParameter</parameterType>
#         <parameterValue>refresh_token</parameterValue>
#     </externalCredentialParameters>
#     <!-- the app: <commaSeparatedOauthScopes>Api</commaSeparatedOauthScopes> -->
#   after: |
#     <externalCredentialParameters>
#         <parameterGroup>DefaultGroup</parameterGroup>
#         <parameterName>Scope</parameterName>
#         <parameterType>AuthParameter</parameterType>
#         <parameterValue>api</parameterValue>
#     </externalCredentialParameters>
#   assumptions: |
#     OAuth scope names map to app scope tokens by the table grants in this
#     rule: api=Api, chatter_api=Chatter or Api (api includes it), full=Full,
#     web=Web, visualforce=CustomApplications or Web (web includes it),
#     refresh_token and offline_access=RefreshToken or OfflineAccess (the two
#     names are synonyms), openid=OpenID, custom_permissions=CustomPermissions,
#     wave_api=Wave, eclair_api=Eclair, pardot_api=Pardot, lightning=Lightning,
#     content=Content, chatbot_api=Chatbot, cdp_ingest_api=CDPIngest,
#     cdp_profile_api=CDPProfile, cdp_query_api=CDPQuery,
#     cdp_segment_api=CDPSegment,
#     cdp_identityresolution_api=CDPIdentityResolution,
#     cdp_calculated_insight_api=CDPCalculatedInsight,
#     sfap_api=SFApiPlatform (SFAP on Connected Apps),
#     interaction_api=Interaction, einstein_gpt_api=EinsteinGPT,
#     pwdless_login_api=PwdlessLogin, forgot_password=ForgotPassword,
#     user_registration_api=UserRegistration, mcp_api=MCP, scrt_api=SCRT.
#     Scopes without an entry (id, profile, email, address, phone, cdp_api,
#     custom scopes) are never reported as not granted. An app granting Full
#     is taken to grant every scope but refresh_token and offline_access.
#     A missing api is reported only when every requested scope is one that
#     reaches no API: refresh_token, offline_access, openid, id, profile,
#     email, address, phone, custom_permissions. A request holding web,
#     visualforce or another API's scope (chatter_api, mcp_api, ...) is taken
#     as deliberate. Nothing in source says which app a credential uses (its
#     consumer key is entered on the principal in the org), so the credential
#     is assumed to use one of the project's client credentials apps: an
#     External Client App whose global OAuth settings or OAuth policies turn
#     the flow on and neither turns it off, or a Connected App with
#     isClientCredentialEnabled true. Scopes are only compared when every such
#     app's scopes are in source (an External Client App needs its .ecaOauth
#     file). Values with deploy-time or template placeholders are not judged.
#     That Salesforce sends the Scope parameter with a client credentials
#     token request is assumed; one corpus author states it does not.
package sflint.rules.extcred.scope

import data.sflint.lib
import data.sflint.lib.eca
import data.sflint.lib.url

client_credentials := {
	"ClientCredentialsClientSecret",
	"ClientCredentialsClientSecretBasic",
	"ClientCredentialsJwtAssertion",
}

# grants maps an OAuth scope to the app scope tokens that grant it (any one
# is enough). Connected Apps spell the API platform scope SFAP.
grants := {
	"api": {"Api"},
	"chatter_api": {"Chatter", "Api"},
	"full": {"Full"},
	"web": {"Web"},
	"visualforce": {"CustomApplications", "Web"},
	"refresh_token": {"RefreshToken", "OfflineAccess"},
	"offline_access": {"RefreshToken", "OfflineAccess"},
	"openid": {"OpenID"},
	"custom_permissions": {"CustomPermissions"},
	"wave_api": {"Wave"},
	"eclair_api": {"Eclair"},
	"pardot_api": {"Pardot"},
	"lightning": {"Lightning"},
	"content": {"Content"},
	"chatbot_api": {"Chatbot"},
	"cdp_ingest_api": {"CDPIngest"},
	"cdp_profile_api": {"CDPProfile"},
	"cdp_query_api": {"CDPQuery"},
	"cdp_segment_api": {"CDPSegment"},
	"cdp_identityresolution_api": {"CDPIdentityResolution"},
	"cdp_calculated_insight_api": {"CDPCalculatedInsight"},
	"sfap_api": {"SFApiPlatform", "SFAP"},
	"interaction_api": {"Interaction"},
	"einstein_gpt_api": {"EinsteinGPT"},
	"pwdless_login_api": {"PwdlessLogin"},
	"forgot_password": {"ForgotPassword"},
	"user_registration_api": {"UserRegistration"},
	"mcp_api": {"MCP"},
	"scrt_api": {"SCRT"},
}

# Full covers every scope but these.
beyond_full := {"refresh_token", "offline_access"}

# scopes that reach no API: a request made only of these lacks api.
no_api := {
	"refresh_token", "offline_access", "openid", "id", "profile", "email",
	"address", "phone", "custom_permissions",
}

# apps are the project's apps that can issue client credentials tokens, with
# the scopes they grant (lower case), or null when those are not in source.
apps contains {"kind": "External Client App", "name": name, "scopes": app_scopes(name)} if {
	some name in eca.names
	eca.client_credentials(name)
	not turned_off(name)
}

apps contains {"kind": "Connected App", "name": ca.name, "scopes": scopes} if {
	some ca in input.connectedApps
	lib.is_true(ca.oauthConfig.isClientCredentialEnabled)
	scopes := {lower(s.value) | some s in object.get(ca.oauthConfig, "scopes", [])}
}

app_scopes(name) := {lower(t) | some t in eca.scopes(name)} if {
	count(eca.oauth_settings(name)) > 0
} else := null

turned_off(name) if {
	some c in eca.global_settings(name)
	c.isClientCredentialsFlowEnabled.value == "false"
}

turned_off(name) if {
	some c in eca.oauth_policies(name)
	c.isClientCredentialsFlowEnabled.value == "false"
}

# tied holds for credentials that ask a Salesforce token endpoint for a client
# credentials token.
tied(params) if {
	some v in lib.params(params, "AuthProtocolVariant")
	v.parameterValue.value in client_credentials
	some u in lib.params(params, "AuthProviderUrl")
	not lib.placeholder(u.parameterValue.value)
	url.salesforce(url.host(u.parameterValue.value))
}

# requests lists the Scope parameters of tied credentials with their scopes.
requests contains [ec, p.parameterValue, requested] if {
	some ec in input.externalCredentials
	params := object.get(ec, "externalCredentialParameters", [])
	tied(params)
	some p in lib.params(params, "AuthParameter")
	p.parameterName.value == "Scope"
	not lib.placeholder(p.parameterValue.value)
	requested := {s | some s in regex.split(`\s+`, p.parameterValue.value); s != ""}
	count(requested) > 0
}

report contains lib.finding(ec, node, msg, fix) if {
	some [ec, node, requested] in requests
	every s in requested {
		s in no_api
	}
	msg := sprintf("Scope %q has no api; the token cannot call Salesforce APIs", [node.value])
	fix := "add api to the Scope value, or remove the Scope parameter"
}

report contains lib.finding(ec, node, msg, fix) if {
	some [ec, node, requested] in requests
	candidates := apps_for(ec)
	count(candidates) > 0
	every app in candidates {
		app.scopes != null
	}
	missing := sort([s | some s in requested; not granted(s, candidates)])
	count(missing) > 0
	msg := sprintf("Scope asks for %s, which %s", [concat(" ", missing), refusers(candidates)])
	fix := "ask only for scopes the app grants, or add them to the app's OAuth scopes"
}

# options of this rule, from the configuration.
options := object.get(input, ["options", "extcred/scope"], {})

# apps_for is the app the configuration ties the credential to (option apps:
# External Credential name to app name), else every client credentials app.
apps_for(ec) := {{"kind": "External Client App", "name": mapped, "scopes": app_scopes(mapped)}} if {
	mapped := object.get(options, ["apps", ec.name], "")
	mapped != ""
} else := apps

refusers(candidates) := sprintf("%s %q does not grant", [app.kind, app.name]) if {
	count(candidates) == 1
	some app in candidates
} else := sprintf("none of the project's %d client credentials apps grants", [count(candidates)])

# granted holds for scopes some app grants and for scopes this rule cannot judge.
granted(s, _) if not grants[s]

granted(s, candidates) if {
	some app in candidates
	some t in grants[s]
	lower(t) in app.scopes
}

granted(s, candidates) if {
	some app in candidates
	"full" in app.scopes
	not s in beyond_full
}
