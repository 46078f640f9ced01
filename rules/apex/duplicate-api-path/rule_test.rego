package sflint.rules.apex.duplicate_api_path_test

import data.sflint.rules.apex.duplicate_api_path as rule
import data.sflint.test

lit(text, line, col) := {"kind": "literal", "text": text, "inner": [], "line": line, "col": col}

nc_file := "force-app/main/default/namedCredentials/Data_Path.namedCredential-meta.xml"

nc(u) := test.record(nc_file, "NamedCredential", "Data_Path", {
	"links": {"legacy": false},
	"namedCredentialParameters": [test.param("Url", "Url", u, 8)],
})

legacy(u) := test.record(nc_file, "NamedCredential", "Data_Path", {"links": {"legacy": true}, "endpoint": test.el(u, 4)})

ref := {"name": "Data_Path", "found": true, "nearMiss": "", "path": "", "file": nc_file, "line": 6, "col": 25}

findings(parts, ncs) := r if {
	cls := {"file": "C.cls", "name": "C", "callouts": [{
		"method": "m", "line": 5, "col": 9, "namedCredential": ref,
		"endpoint": {"parts": parts, "line": 6, "col": 13},
	}]}
	r := rule.report with input as test.with_input({"apexClasses": [cls], "namedCredentials": ncs})
}

host := "https://acme.my.salesforce.com"

test_single_path_is_clean if {
	count(findings([lit("callout:Data_Path/services/data/v66.0/limits", 6, 25)], [nc(host)])) == 0
	count(findings([lit("callout:Data_Path/limits", 6, 25)], [nc(concat("", [host, "/services/data/v66.0"]))])) == 0
}

test_endpoint_repeats_itself if {
	r := findings([lit("callout:Data_Path/services/data/v66.0", 2, 40), lit("/services/data/v66.0/limits", 6, 30)], [nc(host)])
	count(r) == 1
	some f in r
	f.line == 6
	f.col == 30
	contains(f.message, "holds /services/ twice")
}

test_apex_rest_mapping_named_services if {
	count(findings([lit("callout:Data_Path/services/apexrest/services/orders", 6, 25)], [nc(host)])) == 0
}

test_query_is_not_path if {
	count(findings([lit("callout:Data_Path/services/data/v66.0/x?next=/services/data", 6, 25)], [nc(host)])) == 0
}

test_named_credential_url_holds_path if {
	r := findings([lit("callout:Data_Path/services/data/v66.0/limits", 6, 25)], [nc(concat("", [host, "/services/data/v66.0"]))])
	count(r) == 1
	some f in r
	f.line == 6
	f.col == 25
	f.message == "Named Credential \"Data_Path\" already ends in /services/data/v66.0; callout:Data_Path/services/... doubles it (404)"
	f.fix == "set the URL of \"Data_Path\" to https://acme.my.salesforce.com and keep the path in the code"
}

test_path_in_a_later_part if {
	r := findings([lit("callout:Data_Path", 2, 40), lit("/services/apexrest/x", 6, 30)], [nc(concat("", [host, "/services"]))])
	some f in r
	f.col == 30
}

test_legacy_endpoint if {
	count(findings([lit("callout:Data_Path/services/data/v66.0/limits", 6, 25)], [legacy(concat("", [host, "/services/data"]))])) == 1
}

test_other_named_credential_paths if {
	count(findings([lit("callout:Data_Path/services/data/v66.0", 6, 25)], [nc(concat("", [host, "/api"]))])) == 0
	count(findings([lit("callout:Data_Path/services/data/v66.0", 6, 25)], [nc("${ORG_URL}/services/data")])) == 0
}

test_both_reported_once if {
	count(findings(
		[lit("callout:Data_Path/services/data/v66.0/services/data/v66.0", 6, 25)],
		[nc(concat("", [host, "/services/data/v66.0"]))],
	)) == 1
}
