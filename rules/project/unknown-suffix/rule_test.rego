package sflint.rules.project.unknown_suffix_test

import data.sflint.rules.project.unknown_suffix as rule
import data.sflint.test

file(fields) := object.union({
	"path": "force-app/x/A.ecaGlobalOauth-meta.xml", "type": null, "name": "A",
	"suffix": "ecaGlobalOauth", "suggestion": "ecaGlblOauth", "folderType": "",
}, fields)

findings(f) := r if {
	r := rule.report with input as test.with_input({"files": [f]})
}

test_close_suffix if {
	r := findings(file({}))
	count(r) == 1
	some f in r
	f.line == 1
	contains(f.message, "did you mean .ecaGlblOauth?")
	f.fix == "rename the file to A.ecaGlblOauth-meta.xml"
}

test_unknown_suffix_far_from_any if {
	count(findings(file({"suggestion": ""}))) == 0
}

test_known_suffix_in_its_folder if {
	count(findings(file({"type": "NamedCredential", "folderType": "NamedCredential", "suggestion": ""}))) == 0
}

test_known_suffix_in_no_special_folder if {
	count(findings(file({"type": "NamedCredential", "folderType": "", "suggestion": ""}))) == 0
}

test_wrong_folder if {
	r := findings(file({"type": "NamedCredential", "folderType": "ExternalCredential", "suggestion": ""}))
	some f in r
	contains(f.message, "a NamedCredential file in the folder for ExternalCredential")
}
