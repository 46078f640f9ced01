// Package templates holds the files that sflint gen renders, embedded in the
// binary. A template is named by its path below this directory, such as
// integration/externalCredential.tmpl; sflint gen --templates DIR uses
// DIR/<name> instead wherever that file exists, so a team can keep its own
// house templates. Each template receives one typed struct from
// internal/gen, documented at the top of the template.
package templates

import "embed"

// FS holds every template.
//
//go:embed integration controller lwc
var FS embed.FS
