// Package suppress applies the suppression comments users write in the
// files sflint lints, and reports the comments that are wrong or useless.
//
// A directive is a comment that starts with sflint-disable or sflint-enable:
// in XML (metadata files, LWC templates) an XML comment, in Apex and
// JavaScript a // comment.
//
//	<!-- sflint-disable-next-line eca/unneeded-flows - the kiosk app uses the device flow -->
//	// sflint-disable-next-line lwc/direct-fetch -- calls our own CDN
//
// The forms are sflint-disable-next-line, sflint-disable-line (for the line
// the comment is on), sflint-disable ... sflint-enable (a region) and
// sflint-disable-file. Rule ids follow the form, separated by commas or
// spaces, then a dash and the reason, which is required. XML forbids "--"
// inside a comment (neither Salesforce nor sflint can read such a file), so
// there the reason follows a single "-"; Apex and JavaScript accept both.
//
// Comments are found by a lexical scan, not by the XML decoder: a file with
// findings may be malformed (and the decoder stops at the first error,
// while a suppression for that very error must still be read), the scan
// gives the line where each comment starts and ends, and one scanner shape
// serves XML, Apex and JavaScript alike. The cost is that text that only
// looks like a comment (inside CDATA, or // inside an Apex string) is read
// as one when it starts with sflint-disable or sflint-enable, which real
// metadata does not do.
//
// Apply reads every linted file that can hold directives (only files that
// contain "sflint-" are scanned), because a suppression that matches nothing
// must be reported wherever it is, not only in files that have findings.
package suppress

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is the form of a directive.
type Kind int

// Directive forms.
const (
	NextLine  Kind = iota + 1 // sflint-disable-next-line
	SameLine                  // sflint-disable-line
	Disable                   // sflint-disable: from here to sflint-enable or the end
	Enable                    // sflint-enable: ends regions
	WholeFile                 // sflint-disable-file
)

var kinds = map[string]Kind{
	"sflint-disable-next-line": NextLine,
	"sflint-disable-line":      SameLine,
	"sflint-disable":           Disable,
	"sflint-enable":            Enable,
	"sflint-disable-file":      WholeFile,
}

const validForms = "sflint-disable-next-line, sflint-disable-line, sflint-disable, " +
	"sflint-enable, sflint-disable-file"

// Directive is one suppression comment.
type Directive struct {
	Kind    Kind
	Form    string   // as written, e.g. sflint-disable-next-line
	Rules   []string // rule ids
	Reason  string
	Line    int    // where the comment starts
	Col     int    // column of <!-- or //, counting characters
	EndLine int    // where the comment ends
	Problem string // why the directive is ignored; "" when it is good
}

// Style is how a file writes comments.
type Style int

// Comment styles.
const (
	NoComments Style = iota
	XMLComments
	SlashComments
)

// StyleOf picks the comment style by file name.
func StyleOf(name string) Style {
	switch {
	case strings.HasSuffix(name, ".xml"), strings.HasSuffix(name, ".html"):
		return XMLComments
	case strings.HasSuffix(name, ".cls"), strings.HasSuffix(name, ".trigger"),
		strings.HasSuffix(name, ".js"), strings.HasSuffix(name, ".apex"):
		return SlashComments
	}
	return NoComments
}

// Scan finds the directives in a file's text.
func Scan(style Style, data []byte) []Directive {
	if !bytes.Contains(data, []byte("sflint-")) {
		return nil
	}
	switch style {
	case XMLComments:
		return scanXML(data)
	case SlashComments:
		return scanSlash(data)
	}
	return nil
}

// scanXML reads every <!-- ... --> comment whose text starts with
// sflint-disable or sflint-enable.
func scanXML(data []byte) []Directive {
	var out []Directive
	lines := newLineIndex(data)
	for off := 0; ; {
		i := bytes.Index(data[off:], []byte("<!--"))
		if i < 0 {
			return out
		}
		start := off + i
		body := start + len("<!--")
		j := bytes.Index(data[body:], []byte("-->"))
		end := len(data)
		if j >= 0 {
			end = body + j
		}
		text := strings.TrimSpace(string(data[body:end]))
		if strings.HasPrefix(text, "sflint-disable") || strings.HasPrefix(text, "sflint-enable") {
			line, col := lines.pos(start)
			endLine, _ := lines.pos(end)
			d := parseDirective(text, XMLComments)
			d.Line, d.Col, d.EndLine = line, col, endLine
			out = append(out, d)
		}
		if j < 0 {
			return out
		}
		off = end + len("-->")
	}
}

// slashRE finds a // comment holding a directive; "://" is a URL in a
// string, not a comment.
var slashRE = regexp.MustCompile(`(?:^|[^:])(//)[ \t]*(sflint-(?:disable|enable).*?)[ \t\r]*$`)

// scanSlash reads // comments whose text starts with sflint-disable or
// sflint-enable. A directive takes the rest of its line.
func scanSlash(data []byte) []Directive {
	var out []Directive
	for n, line := range bytes.Split(data, []byte("\n")) {
		m := slashRE.FindSubmatchIndex(line)
		if m == nil {
			continue
		}
		d := parseDirective(string(line[m[4]:m[5]]), SlashComments)
		d.Line, d.EndLine = n+1, n+1
		d.Col = utf8.RuneCount(line[:m[2]]) + 1
		out = append(out, d)
	}
	return out
}

// separatorRE finds the dash before the reason: "-" or "--" standing alone.
var separatorRE = regexp.MustCompile(`(^|\s)(--?)(\s|$)`)

// parseDirective reads "FORM RULE[, RULE...] - REASON".
func parseDirective(text string, style Style) Directive {
	form, rest := text, ""
	if i := strings.IndexFunc(text, unicode.IsSpace); i >= 0 {
		form, rest = text[:i], text[i:]
	}
	d := Directive{Form: form, Kind: kinds[form]}
	ruleText, sep := rest, ""
	if m := separatorRE.FindStringSubmatchIndex(rest); m != nil {
		ruleText, sep, d.Reason = rest[:m[0]], rest[m[4]:m[5]], strings.TrimSpace(rest[m[1]:])
	}
	d.Rules = strings.FieldsFunc(ruleText, func(r rune) bool {
		return r == ',' || unicode.IsSpace(r)
	})
	d.Problem = problem(d, sep, style)
	return d
}

// problem says why a directive cannot be used, or "".
func problem(d Directive, sep string, style Style) string {
	want := `"--"`
	if style == XMLComments {
		want = `" - "`
	}
	switch {
	case d.Kind == 0:
		return fmt.Sprintf("unknown directive %q; valid: %s", d.Form, validForms)
	case style == XMLComments && sep == "--":
		return `"--" may not appear in an XML comment: the file is not well-formed and does ` +
			`not deploy; write " - " before the reason`
	case d.Kind == Enable:
		return ""
	case len(d.Rules) == 0:
		return fmt.Sprintf("%s names no rule; write the rule id after it", d.Form)
	case d.Reason == "":
		return fmt.Sprintf("%s %s has no reason; write it after %s", d.Form,
			strings.Join(d.Rules, ", "), want)
	}
	return ""
}

// lineIndex turns byte offsets into 1-based lines and character columns.
// It remembers the last offset it counted to, so that the ascending
// offsets of a scan count each line's characters once, not once per
// comment: a long line full of comments would otherwise take quadratic
// time.
type lineIndex struct {
	data   []byte
	starts []int
	// The last position asked for: byte offset, its line index and the
	// characters before it on its line.
	lastOff, lastLine, lastCol int
}

func newLineIndex(data []byte) *lineIndex {
	starts := []int{0}
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{data: data, starts: starts}
}

func (l *lineIndex) pos(off int) (line, col int) {
	lo, hi := 0, len(l.starts)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if l.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	from, n := l.starts[lo], 0
	if lo == l.lastLine && l.lastOff >= from && l.lastOff <= off {
		from, n = l.lastOff, l.lastCol
	}
	n += utf8.RuneCount(l.data[from:off])
	l.lastOff, l.lastLine, l.lastCol = off, lo, n
	return lo + 1, n + 1
}
