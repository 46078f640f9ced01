package sflint.rules.project.unresolved_placeholder_test

import data.sflint.rules.project.unresolved_placeholder as rule
import data.sflint.test

file := "force-app/main/default/namedCredentials/A.namedCredential-meta.xml"

nc(url) := test.record(file, "NamedCredential", "A", {
	"label": test.el("YOUR_DOMAIN label is prose", 3),
	"namedCredentialParameters": [test.param("Url", "Url", url, 4)],
	"links": {"legacy": false},
})

findings(url, replacements) := r if {
	project := object.union(test.empty.project, {"replacements": replacements})
	r := rule.report with input as test.with_input({"namedCredentials": [nc(url)], "project": project})
}

rep(fields) := object.union({"filename": "", "glob": "", "stringToReplace": "", "regexToReplace": ""}, fields)

test_real_value if {
	count(findings("https://acme.my.salesforce.com", [])) == 0
}

test_template_placeholder if {
	r := findings("https://YOUR_DOMAIN.my.salesforce.com", [])
	count(r) == 1
	some f in r
	f.line == 7
	f.message == "<parameterValue> still holds the template placeholder \"YOUR_DOMAIN\""
}

test_uncovered_token if {
	some f in findings("${SF_INSTANCE_URL}", [])
	contains(f.message, "${SF_INSTANCE_URL}, which no replacements entry covers")
}

test_covered_by_filename if {
	count(findings("${SF_INSTANCE_URL}", [rep({"filename": file, "stringToReplace": "${SF_INSTANCE_URL}"})])) == 0
}

test_covered_by_glob if {
	count(findings("@SF_INSTANCE_URL", [rep({"glob": "force-app/**/*.xml", "stringToReplace": "@SF_INSTANCE_URL"})])) == 0
}

test_covered_by_regex if {
	count(findings("${HOST}", [rep({"glob": "force-app/**", "regexToReplace": "\\$\\{HOST\\}"})])) == 0
}

test_replacement_for_another_file if {
	count(findings("${HOST}", [rep({"filename": "other.xml", "stringToReplace": "${HOST}"})])) == 1
}

test_replacement_for_another_token if {
	count(findings("${HOST}", [rep({"glob": "**", "stringToReplace": "${OTHER}"})])) == 1
}
