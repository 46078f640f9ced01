// Package rules embeds sflint's built-in Rego rules. Each rule lives in its own
// directory, rules/<category>/<name>/, beside its tests; rules/lib holds the
// helpers every rule uses. The METADATA block at the top of each rule is the
// only description of the rule: the catalog, explain pages and every output
// format read it from there.
package rules

import "embed"

// FS holds every .rego file of the catalog, tests included.
//
//go:embed lib/*.rego */*/*.rego
var FS embed.FS
