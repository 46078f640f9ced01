package main

import data.sflint.test

# oauth_settings is a project with the OAuth settings of one External Client
# App granting scopes.
oauth_settings(scopes) := test.project({
	"force-app/main/default/extlClntAppOauthSettings/Billing_oauth.ecaOauth-meta.xml": sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<ExtlClntAppOauthSettings xmlns="http://soap.sforce.com/2006/04/metadata">
    <commaSeparatedOauthScopes>%s</commaSeparatedOauthScopes>
    <externalClientApplication>Billing</externalClientApplication>
    <label>Billing_oauth</label>
</ExtlClntAppOauthSettings>
`, [scopes]),
})

test_api_only if {
	count(deny) == 0 with input as oauth_settings("Api, RefreshToken")
}

test_full if {
	results := deny with input as oauth_settings("Api, Full")
	results == {{
		"msg": `External Client App "Billing" grants the Full scope`,
		"file": "force-app/main/default/extlClntAppOauthSettings/Billing_oauth.ecaOauth-meta.xml",
		"line": 3,
		"col": 5,
	}}
}

test_full_in_a_word_is_not_full if {
	count(deny) == 0 with input as oauth_settings("FullName")
}

test_connected_app if {
	results := deny with input as test.project({
		"force-app/main/default/connectedApps/Portal.connectedApp-meta.xml": `<ConnectedApp>
    <label>Portal</label>
    <oauthConfig>
        <callbackUrl>https://portal.acme.com/callback</callbackUrl>
        <scopes>Api</scopes>
        <scopes>Full</scopes>
    </oauthConfig>
</ConnectedApp>
`,
	})
	some r in results
	r.line == 6
	r.msg == `Connected App "Portal" grants the Full scope`
}
