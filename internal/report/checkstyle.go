package report

import (
	"encoding/xml"
	"io"
)

type checkstyleLog struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// Checkstyle writes the Checkstyle XML report that review bots and CI
// plugins read: one <file> per file, in the order its first finding comes.
func Checkstyle(w io.Writer, r *Report) error {
	out := checkstyleLog{Version: "8.0", Files: []checkstyleFile{}}
	at := map[string]int{}
	for _, f := range r.Findings {
		i, ok := at[f.File]
		if !ok {
			i = len(out.Files)
			at[f.File] = i
			out.Files = append(out.Files, checkstyleFile{Name: f.File})
		}
		out.Files[i].Errors = append(out.Files[i].Errors, checkstyleError{
			Line: atLeast1(f.Line), Column: atLeast1(f.Col), Severity: f.Severity.String(),
			Message: messageWithFix(f), Source: "sflint." + f.Rule.ID,
		})
	}
	return writeXML(w, out)
}

// writeXML writes an XML declaration and v indented. encoding/xml escapes
// newlines and quotes in attributes, so a message keeps its line breaks.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
