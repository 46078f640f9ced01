package sflint.lib_test

import data.sflint.lib

test_deploy_tokens if {
	lib.deploy_tokens("${SF_INSTANCE_URL}/services/oauth2/token") == {"${SF_INSTANCE_URL}"}
	lib.deploy_tokens("@SF_INSTANCE_URL/services") == {"@SF_INSTANCE_URL"}
	lib.deploy_tokens("https://x/@HOST") == {"@HOST"}
	lib.deploy_tokens("integration@acme.example.com") == set()
}

test_template_placeholders if {
	lib.template_placeholders("https://[your-domain].my.salesforce.com") == {"[your-domain]"}
	lib.template_placeholders("https://<your-domain>.my.salesforce.com") == {"<your-domain>"}
	lib.template_placeholders("https://YOUR_DOMAIN.my.salesforce.com") == {"YOUR_DOMAIN"}
	lib.template_placeholders("https://REPLACE_WITH_YOUR_MY_DOMAIN.my.salesforce.com") == {"REPLACE_WITH_YOUR_MY_DOMAIN"}
	lib.template_placeholders("https://loopback.placeholder.com") == {"placeholder"}
	lib.template_placeholders("https://example.my.salesforce.com") == {"example.my.salesforce.com"}
	lib.template_placeholders("https://acme.my.salesforce.com") == set()
}

test_placeholder if {
	lib.placeholder("${X}")
	lib.placeholder("[your-org]")
	not lib.placeholder("https://acme.my.salesforce.com")
}
