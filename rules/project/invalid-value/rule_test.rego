package sflint.rules.project.invalid_value_test

import data.sflint.rules.project.invalid_value as rule
import data.sflint.test

ec(invalid, variant) := test.record("ec/A.externalCredential-meta.xml", "ExternalCredential", "A", {
	"invalidValues": invalid,
	"externalCredentialParameters": [test.param("AuthProtocolVariant", "Oauth", variant, 4)],
})

findings(list) := r if {
	r := rule.report with input as test.with_input(list)
}

test_schema_invalid_value if {
	bad := object.union(test.at(3), {"path": "authenticationProtocol", "value": "OAuth", "expected": ["Oauth", "Basic"]})
	r := findings({"externalCredentials": [ec([bad], "ClientCredentialsClientSecretBasic")]})
	count(r) == 1
	some f in r
	f.line == 3
	f.message == "<authenticationProtocol> \"OAuth\" is not a valid value"
	f.fix == "use Oauth, Basic"
}

test_long_enums_are_not_listed if {
	bad := object.union(test.at(3), {"path": "x", "value": "y", "expected": ["a", "b", "c", "d", "e", "f", "g"]})
	some f in findings({"externalCredentials": [ec([bad], "JwtBearer")]})
	contains(f.fix, "one of the 7 values")
}

test_valid_variant if {
	count(findings({"externalCredentials": [ec([], "ClientCredentialsClientSecret")]})) == 0
}

test_invalid_variant if {
	r := findings({"externalCredentials": [ec([], "ClientCredentials")]})
	count(r) == 1
	some f in r
	f.line == 7
}

test_placeholder_variant if {
	count(findings({"externalCredentials": [ec([], "${VARIANT}")]})) == 0
}

settings(scopes) := test.record("o/A_oauth.ecaOauth-meta.xml", "ExtlClntAppOauthSettings", "A_oauth", {
	"commaSeparatedOauthScopes": test.el(scopes, 3),
})

test_scopes if {
	count(findings({"oauthSettings": [settings("Api, RefreshToken,SFApiPlatform")]})) == 0
}

test_wire_scope_names if {
	r := findings({"oauthSettings": [settings("api, refresh_token")]})
	count(r) == 2
	some f in r
	f.fix == "write Api"
}

test_connected_app_spelling if {
	some f in findings({"oauthSettings": [settings("SFAP")]})
	contains(f.message, "\"SFAP\"")
}
