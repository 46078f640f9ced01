# Helpers for the rules' unit tests: they build input elements the way the
# model does, so that tests read like the XML they stand for.
package sflint.test

# el is an element holding text, at a line (column 5, as in indented XML).
el(value, line) := {"value": value, "line": line, "col": 5}

# at is a bare position, for records and complex elements.
at(line) := {"line": line, "col": 5}

# param is an externalCredentialParameters or namedCredentialParameters entry.
param(type, name, value, line) := object.union(at(line), {
	"parameterType": el(type, line + 1),
	"parameterName": el(name, line + 2),
	"parameterValue": el(value, line + 3),
})

# record is a parsed file with the common fields.
record(file, type, name, fields) := object.union(
	{
		"file": file, "type": type, "name": name, "line": 2, "col": 1, "unknownElements": [], "invalidValues": [],
		"markedValues": marked_values(fields),
	},
	fields,
)

# marked_values lists the values of fields that the model would list in a
# record's markedValues.
marked_values(fields) := [object.union(node, {"path": concat("/", names), "field": names[count(names) - 1]}) |
	walk(fields, [path, node])
	count(path) > 0
	path[0] != "links"
	is_object(node)
	is_string(node.value)
	regex.match(`(?i)[$@]|your|replace_|placeholder|example\.my\.salesforce\.com`, node.value)
	names := [k | some k in path; is_string(k)]
]

# empty is an input with no components at all.
empty := {
	"version": 1,
	"project": {
		"file": "sfdx-project.json", "bare": false, "namespace": "", "packageDirectories": ["force-app"],
		"sourceApiVersion": {"value": "66.0", "line": 3, "col": 3}, "replacements": [],
	},
	"files": [],
	"malformed": [],
	"externalClientApps": [],
	"oauthSettings": [],
	"globalOauthSettings": [],
	"oauthPolicies": [],
	"policies": [],
	"externalCredentials": [],
	"namedCredentials": [],
	"permissionSets": [],
	"profiles": [],
	"connectedApps": [],
	"corsOrigins": [],
	"cspTrustedSites": [],
	"remoteSiteSettings": [],
}

# with_input is empty with some top-level lists replaced.
with_input(lists) := object.union(empty, lists)
