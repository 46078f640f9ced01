package sflint.lib.url_test

import data.sflint.lib.url

test_parts if {
	url.parts("HTTPS://Acme.My.Salesforce.com:443/services/oauth2/token?x=1") == {
		"scheme": "https", "host": "acme.my.salesforce.com", "port": ":443", "path": "/services/oauth2/token",
	}
	not url.parts("acme.my.salesforce.com/services")
}

test_hosts if {
	url.my_domain("acme--uat.sandbox.my.salesforce.com")
	not url.my_domain("na123.salesforce.com")
	url.login("test.salesforce.com")
	url.lightning("acme.lightning.force.com")
	url.salesforce("acme.my.site.com")
	url.salesforce("salesforce.com")
	not url.salesforce("notsalesforce.com")
}
