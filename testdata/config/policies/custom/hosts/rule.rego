# METADATA
# title: Token URL host is not an allowed host
# description: |
#   A test policy for the configuration tests: it declares one option of
#   every type and reports each file that allowed_hosts does not name.
# custom:
#   id: custom/hosts
#   severity: warning
#   options:
#     allowed_hosts:
#       type: strings
#       default: []
#       description: My Domain hosts that token URLs may name
#     run_as_pattern:
#       type: regex
#       default: "^integration@"
#       description: pattern every Run As username must match
#     max_api_version:
#       type: number
#       description: newest API version the orgs run
#     apps:
#       type: map
#       description: the External Client App each External Credential authenticates to
#     strict:
#       type: boolean
#       description: also report hosts given as deploy-time tokens
package sflint.rules.custom.hosts

report contains {"file": f.path, "line": 1, "col": 1, "message": msg, "fix": ""} if {
	some f in input.files
	not f.path in input.options["custom/hosts"].allowed_hosts
	msg := sprintf("%s is not allowed", [f.path])
}
