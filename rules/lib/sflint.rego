# METADATA
# title: sflint rule helpers
# description: |
#   Helpers shared by the built-in rules and available to users' own rules.
#   Every rule builds its findings with finding(), so that every finding has
#   the same shape and a location.
package sflint.lib

# finding is one result at node (any input object with line and col) in the
# file of record.
finding(record, node, message, fix) := {
	"file": record.file,
	"line": node.line,
	"col": node.col,
	"message": message,
	"fix": fix,
}

# is_true holds when an element is present with the text "true".
is_true(el) if el.value == "true"

# has_text holds when the record has the element and it is not empty.
has_text(record, name) if record[name].value != ""

# params lists the parameters of a given parameterType in a list of
# externalCredentialParameters or namedCredentialParameters.
params(list, type) := [p | some p in list; p.parameterType.value == type]

# placeholder holds for values that are replaced at deploy time through
# sfdx-project.json replacements (${VAR}, @VAR): they cannot be judged in source.
placeholder(value) if contains(value, "${")

placeholder(value) if regex.match(`(^|[/:])@[A-Za-z_][A-Za-z0-9_]*`, value)
