package sflint.rules.project.malformed_xml_test

import data.sflint.rules.project.malformed_xml
import data.sflint.test

test_malformed_file_is_reported if {
	m := {"file": "force-app/x.namedCredential-meta.xml", "line": 7, "col": 3, "message": "element <label> closed by </labl>"}
	r := malformed_xml.report with input as test.with_input({"malformed": [m]})
	r == {{
		"file": "force-app/x.namedCredential-meta.xml", "line": 7, "col": 3,
		"message": "element <label> closed by </labl>", "fix": "repair the XML at this position",
	}}
}

test_no_malformed_files_no_findings if {
	count(malformed_xml.report) == 0 with input as test.empty
}
