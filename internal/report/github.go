package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/sflint/sflint/internal/engine"
)

// GitHub writes one GitHub Actions workflow command per finding, which the
// runner turns into an annotation on the file and line.
func GitHub(w io.Writer, r *Report) error {
	for _, f := range r.Findings {
		_, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,title=%s::%s\n",
			githubCommand(f.Severity), ghProperty(f.File), atLeast1(f.Line), atLeast1(f.Col),
			ghProperty(f.Rule.ID), ghData(messageWithFix(f)))
		if err != nil {
			return err
		}
	}
	return nil
}

func githubCommand(s engine.Severity) string {
	switch s {
	case engine.Error:
		return "error"
	case engine.Warning:
		return "warning"
	}
	return "notice"
}

// The runner reads a command up to the end of the line, each property up to
// ',' and the properties up to "::", so those characters are percent-encoded
// the way the runner decodes them. A Replacer makes a single pass, so the
// '%' of an escape it wrote is never escaped again.
var (
	ghDataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A",
		":", "%3A", ",", "%2C")
)

func ghData(s string) string     { return ghDataEscaper.Replace(s) }
func ghProperty(s string) string { return ghPropEscaper.Replace(s) }
