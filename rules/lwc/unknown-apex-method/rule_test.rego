package sflint.rules.lwc.unknown_apex_method_test

import data.sflint.rules.lwc.unknown_apex_method as rule
import data.sflint.test

controller := {
	"file": "force-app/main/default/classes/AccountController.cls", "name": "AccountController",
	"methods": [
		{"name": "getRows", "auraEnabled": true, "static": true},
		{"name": "helper", "auraEnabled": false, "static": true},
	],
}

inner := {"file": "force-app/main/default/classes/AccountController.cls", "name": "Row", "methods": [{"name": "get", "auraEnabled": true}]}

imp(namespace, class, method) := {
	"local": method, "namespace": namespace, "class": class, "method": method,
	"module": concat(".", [x | some x in [concat("", ["@salesforce/apex/", namespace]), class, method]; x != ""]),
	"continuation": false, "line": 2, "col": 22,
}

findings(imports, namespace) := r if {
	script := {"file": "force-app/main/default/lwc/rows/rows.js", "apexImports": imports, "httpCalls": [], "serviceUrls": []}
	bundle := {"name": "rows", "meta": null, "scripts": [script]}
	r := rule.report with input as test.with_input({
		"lwcBundles": [bundle],
		"apexClasses": [controller, inner],
		"project": object.union(test.empty.project, {"namespace": namespace}),
	})
}

message(i) := f.message if {
	[f] := [f | some f in findings([i], "")]
}

test_aura_enabled_method if {
	count(findings([imp("", "AccountController", "getRows")], "")) == 0
	count(findings([imp("", "accountcontroller", "GETROWS")], "")) == 0
}

test_missing_method if {
	r := findings([imp("", "AccountController", "getRow")], "")
	count(r) == 1
	some f in r
	f.file == "force-app/main/default/lwc/rows/rows.js"
	f.line == 2
	f.col == 22
	f.message == "class AccountController has no method getRow; deploy fails: Unable to find Apex action method"
}

test_not_aura_enabled if {
	message(imp("", "AccountController", "helper")) == "AccountController.helper is not @AuraEnabled; the component cannot call it"
}

test_missing_class if {
	contains(message(imp("", "AccountControler", "getRows")), "Apex class AccountControler is not in the project")
}

test_inner_class_is_not_importable if {
	contains(message(imp("", "Row", "get")), "is not in the project")
}

test_malformed_module if {
	i := {
		"local": "x", "namespace": "", "class": "", "method": "",
		"module": "@salesforce/apex/getRows", "continuation": false, "line": 2, "col": 22,
	}
	contains(message(i), "names no Class.method")
}

test_namespaces if {
	count(findings([imp("pkg", "Remote", "call")], "")) == 0
	count(findings([imp("pkg", "Remote", "call")], "acme")) == 0
	count(findings([imp("acme", "AccountController", "getRows")], "acme")) == 0
	count(findings([imp("acme", "AccountController", "nope")], "acme")) == 1
}
