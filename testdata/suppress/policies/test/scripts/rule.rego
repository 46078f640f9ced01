# METADATA
# title: Line 3 of every script
# description: |
#   A test policy: it reports line 3 of every Apex class and LWC script, so
#   that suppression comments in // form can be tested whatever the built-in
#   Apex and JavaScript rules report.
# custom:
#   id: test/scripts
#   severity: warning
package sflint.rules.test.scripts

report contains {"file": f.path, "line": 3, "col": 5, "message": "line 3 of a script", "fix": "none"} if {
	some f in input.files
	regex.match(`\.(cls|js)$`, f.path)
}
