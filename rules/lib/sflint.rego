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

# placeholder holds for values that cannot be judged in source: tokens that
# sfdx-project.json replacements substitute at deploy time (${VAR}, @VAR) and
# template placeholders left in by hand. project/unresolved-placeholder
# reports the ones that will reach the org as they are.
placeholder(value) if count(deploy_tokens(value)) > 0

placeholder(value) if count(template_placeholders(value)) > 0

# deploy_tokens are the ${VAR} and @VAR tokens in a value. An @ inside a word
# (an e-mail address) is not a token.
deploy_tokens(value) := {trim_left(t, " :/") |
	some t in regex.find_n(`\$\{[A-Za-z_][A-Za-z0-9_]*\}|(^|[\s/:])@[A-Za-z_][A-Za-z0-9_]*`, value, -1)
}

template_patterns := [
	`(?i)[\[<{]\s*your[-_ ][^\]>}]*[\]>}]`,
	`\bYOUR_[A-Z0-9_]+`,
	`\bREPLACE_[A-Za-z0-9_]*`,
	`(?i)placeholder`,
	`(?i)\bexample\.my\.salesforce\.com`,
]

# template_placeholders are the template markers in a value: [your-domain],
# <your-domain>, YOUR_DOMAIN, REPLACE_..., "placeholder", example.my.salesforce.com.
template_placeholders(value) := {m |
	some p in template_patterns
	some m in regex.find_n(p, value, -1)
}

# named_credential_at maps the file of each Named Credential to it, so that a
# callout's namedCredential.file finds its Named Credential in one lookup.
named_credential_at := {nc.file: nc | some nc in input.namedCredentials}

# external_credentials_named maps a name to the External Credentials of that
# name (one, unless two package directories define it), so that a Named
# Credential's link finds its External Credential without a scan.
external_credentials_named := {name: ecs |
	some name in {ec.name | some ec in input.externalCredentials}
	ecs := [ec | some ec in input.externalCredentials; ec.name == name]
}
