package sflint.rules.namedcred.merge_fields_test

import data.sflint.rules.namedcred.merge_fields as rule
import data.sflint.test

nc(header, body, fields) := test.record("nc/Api.namedCredential-meta.xml", "NamedCredential", "Api", object.union(
	{
		"allowMergeFieldsInBody": test.el(body, 3),
		"allowMergeFieldsInHeader": test.el(header, 4),
		"generateAuthorizationHeader": test.el("true", 6),
		"namedCredentialParameters": [test.param("Url", "Url", "https://api.example.com", 8)],
	},
	fields,
))

findings(named) := r if {
	r := rule.report with input as test.with_input({"namedCredentials": [named]})
}

test_both_off if {
	count(findings(nc("false", "false", {}))) == 0
}

test_header_on if {
	r := findings(nc("true", "false", {}))
	count(r) == 1
	some f in r
	f.line == 4
	f.col == 5
	startswith(f.message, "allowMergeFieldsInHeader is true but \"Api\" uses no merge field")
}

test_body_on if {
	r := findings(nc("false", "true", {}))
	count(r) == 1
	some f in r
	f.line == 3
}

test_both_on if {
	count(findings(nc("true", "true", {}))) == 2
}

test_merge_field_in_a_parameter if {
	params := [
		test.param("Url", "Url", "https://api.example.com", 8),
		test.param("HttpHeader", "Authorization", "Bearer {!$Credential.Lambda_Auth.secret}", 12),
	]
	count(findings(nc("true", "true", {"namedCredentialParameters": params}))) == 0
}

test_other_merge_fields if {
	params := [test.param("HttpHeader", "X-Org", "{!$Organization.Id}", 12)]
	count(findings(nc("true", "false", {"namedCredentialParameters": params}))) == 0
}

test_no_authorization_header_generated if {
	count(findings(nc("true", "true", {"generateAuthorizationHeader": test.el("false", 6)}))) == 0
}

test_generate_absent if {
	count(findings(object.remove(nc("true", "false", {}), ["generateAuthorizationHeader"]))) == 1
}

test_legacy_without_parameters if {
	legacy := test.record("nc/Old.namedCredential-meta.xml", "NamedCredential", "Old", {
		"allowMergeFieldsInBody": test.el("true", 3),
		"endpoint": test.el("https://api.example.com", 5),
	})
	count(findings(legacy)) == 1
}

test_switches_absent if {
	bare := test.record("nc/Api.namedCredential-meta.xml", "NamedCredential", "Api", {})
	count(findings(bare)) == 0
}

test_token_endpoint_body if {
	params := [test.param("Url", "Url", "https://login.salesforce.com/services/oauth2/token", 8)]
	count(findings(nc("false", "true", {"namedCredentialParameters": params}))) == 0
	r := findings(nc("true", "true", {"namedCredentialParameters": params}))
	count(r) == 1
	some f in r
	f.line == 4
}

test_legacy_token_endpoint_body if {
	legacy := test.record("nc/Old.namedCredential-meta.xml", "NamedCredential", "Old", {
		"allowMergeFieldsInBody": test.el("true", 3),
		"endpoint": test.el("https://auth.example.com/oauth2/token/", 5),
	})
	count(findings(legacy)) == 0
}

test_token_in_a_longer_path if {
	params := [test.param("Url", "Url", "https://api.example.com/tokens/list", 8)]
	count(findings(nc("false", "true", {"namedCredentialParameters": params}))) == 1
}

expr(text, literal) := object.union(test.at(20), {"literal": literal, "text": text, "value": text})

callout(file, headers, body) := object.union(test.at(18), {
	"headers": [object.union(test.at(19), {"name": expr(n, true), "value": v}) | some [n, v] in headers],
	"namedCredential": {"name": "Api", "found": true, "file": file, "path": ""},
	"body": body,
})

apex_run(named, callouts) := r if {
	r := rule.report with input as test.with_input({
		"namedCredentials": [named],
		"apexClasses": [{"file": "classes/Caller.cls", "name": "Caller", "callouts": callouts}],
	})
}

test_merge_field_in_apex_header if {
	c := callout("nc/Api.namedCredential-meta.xml", [["X-User", expr("{!$Credential.Username}", true)]], expr("{}", true))
	r := apex_run(nc("true", "true", {}), [c])
	count(r) == 1
	some f in r
	f.line == 3
}

test_merge_field_in_apex_body if {
	c := callout("nc/Api.namedCredential-meta.xml", [], expr("grant_type=password&password={!$Credential.Password}", true))
	r := apex_run(nc("true", "true", {}), [c])
	count(r) == 1
	some f in r
	f.line == 4
}

test_apex_text_not_known if {
	c := callout("nc/Api.namedCredential-meta.xml", [["X-Token", expr("{param:token}", false)]], expr("{param:b}", false))
	count(apex_run(nc("true", "true", {}), [c])) == 0
}

test_apex_without_merge_fields if {
	c := callout("nc/Api.namedCredential-meta.xml", [["Accept", expr("application/json", true)]], expr("{\"a\":1}", true))
	count(apex_run(nc("true", "true", {}), [c])) == 2
}

test_apex_through_another_named_credential if {
	c := callout("nc/Other.namedCredential-meta.xml", [], expr("{!$Credential.Password}", true))
	count(apex_run(nc("false", "true", {}), [c])) == 1
}

test_apex_unresolved_named_credential if {
	c := object.union(callout("nc/Api.namedCredential-meta.xml", [], expr("{!$Credential.Password}", true)), {
		"namedCredential": {"name": "api", "found": false, "nearMiss": "Api", "path": ""},
	})
	count(apex_run(nc("false", "true", {}), [c])) == 1
}
