// Package report writes findings in the output formats sflint supports. Every
// format writes findings in the order it is given them (sorted by the engine)
// and nothing that varies between runs, so output is byte-identical for the
// same input.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/sflint/sflint/internal/engine"
)

// JSONVersion is the version of the JSON output; it changes only on a
// breaking change.
const JSONVersion = 1

// Summary counts a run's files and findings.
type Summary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

// Summarize counts findings by severity.
func Summarize(files int, fs []engine.Finding) Summary {
	s := Summary{Files: files}
	for _, f := range fs {
		switch f.Severity {
		case engine.Error:
			s.Errors++
		case engine.Warning:
			s.Warnings++
		case engine.Info:
			s.Infos++
		}
	}
	return s
}

// Report is everything a format may show: the findings, their summary and
// the catalog of rules that were in force.
type Report struct {
	Findings []engine.Finding
	// Suppressed are findings silenced by a comment in the source. Only
	// SARIF shows them (marked as suppressed); they count nowhere else.
	Suppressed []Suppressed
	Summary    Summary
	Rules      []*engine.Rule
	Version    string // sflint's version, for formats that name the tool
}

// Suppressed is a finding silenced in the source, with the reason given.
type Suppressed struct {
	Finding       engine.Finding
	Justification string
}

// Writer writes one output format.
type Writer func(w io.Writer, r *Report) error

var formats = map[string]Writer{
	"text":       Text,
	"json":       JSON,
	"sarif":      SARIF,
	"junit":      JUnit,
	"github":     GitHub,
	"checkstyle": Checkstyle,
}

// Formats lists the format names.
func Formats() []string {
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Lookup returns the writer for a format name.
func Lookup(name string) (Writer, bool) {
	w, ok := formats[name]
	return w, ok
}

// Text writes one line per finding: path:line:col: severity: message [rule].
func Text(w io.Writer, r *Report) error {
	for _, f := range r.Findings {
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s: %s [%s]\n",
			f.File, f.Line, f.Col, f.Severity, f.Message, f.Rule.ID); err != nil {
			return err
		}
	}
	return nil
}

type jsonFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Message  string `json:"message"`
	Fix      string `json:"fix"`
}

// JSON writes {"version", "findings", "summary"}.
func JSON(w io.Writer, r *Report) error {
	out := struct {
		Version  int           `json:"version"`
		Findings []jsonFinding `json:"findings"`
		Summary  Summary       `json:"summary"`
	}{Version: JSONVersion, Findings: []jsonFinding{}, Summary: r.Summary}
	for _, f := range r.Findings {
		out.Findings = append(out.Findings, jsonFinding{
			Rule: f.Rule.ID, Severity: f.Severity.String(), File: f.File,
			Line: f.Line, Column: f.Col, Message: f.Message, Fix: f.Fix,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
