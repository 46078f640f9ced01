package suppress

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/sflint/sflint/internal/engine"
)

// File is a linted file that may hold directives.
type File struct {
	Path string // as findings name it
	Abs  string // where to read it
	// Scanned says Directives holds the file's directives, found when the
	// file was read for the rules. A file that was not is read only when
	// it has findings: otherwise it has nothing to suppress, and reading
	// it would open a file no rule needs.
	Scanned    bool
	Directives []Directive
}

// Suppressed is a finding silenced by a directive, with the directive's
// reason (SARIF keeps such findings, marked, with the reason).
type Suppressed struct {
	Finding engine.Finding
	Reason  string
}

// Result is what Apply leaves: findings still reported, including those of
// the meta rules, and findings suppressed.
type Result struct {
	Findings   []engine.Finding
	Suppressed []Suppressed
}

// Catalog is what Apply needs to know of the rules: whether an id exists,
// and whether a rule can report at all (a rule that is off cannot, so a
// directive for it is not "unused").
type Catalog interface {
	Lookup(id string) *engine.Rule
}

// Apply matches findings with the directives of files. enabled says whether
// a rule reports under the configuration in force.
func Apply(findings []engine.Finding, files []File, cat Catalog,
	enabled func(*engine.Rule) bool) (*Result, error) {
	byFile := map[string][]engine.Finding{}
	for _, f := range findings {
		byFile[f.File] = append(byFile[f.File], f)
	}
	res := &Result{}
	for _, file := range files {
		dirs, err := directives(file, len(byFile[file.Path]) > 0)
		if err != nil {
			return nil, err
		}
		if len(dirs) == 0 {
			continue
		}
		m := &matcher{file: file.Path, cat: cat, enabled: enabled}
		m.build(dirs)
		kept := m.match(byFile[file.Path])
		byFile[file.Path] = append(kept, m.meta()...)
		res.Suppressed = append(res.Suppressed, m.suppressed...)
	}
	for _, fs := range byFile {
		res.Findings = append(res.Findings, fs...)
	}
	res.Findings = engine.Sort(res.Findings) // the map's order is random
	return res, nil
}

// directives returns the directives of a file, reading it only when it was
// not scanned before and has findings.
func directives(file File, hasFindings bool) ([]Directive, error) {
	if file.Scanned {
		return file.Directives, nil
	}
	style := StyleOf(file.Abs)
	if style == NoComments || !hasFindings {
		return nil, nil
	}
	data, err := os.ReadFile(file.Abs)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: %w", file.Path, err)
	}
	return Scan(style, data), nil
}

// scope is one rule silenced by one directive over part of a file.
type scope struct {
	d      *Directive
	rule   string
	from   [2]int // line, col; inclusive
	to     [2]int // exclusive; {0, 0} means the end of the file
	onLine int    // next-line and same-line forms: the only line covered
	used   int
}

func (s *scope) covers(f engine.Finding) bool {
	if f.Rule.ID != s.rule {
		return false
	}
	switch s.d.Kind {
	case NextLine, SameLine:
		return f.Line == s.onLine
	case Disable:
		at := [2]int{f.Line, f.Col}
		return !before(at, s.from) && (s.to == [2]int{} || before(at, s.to))
	}
	return true // WholeFile
}

func before(a, b [2]int) bool { return a[0] < b[0] || a[0] == b[0] && a[1] < b[1] }

// matcher holds the scopes of one file.
type matcher struct {
	file       string
	cat        Catalog
	enabled    func(*engine.Rule) bool
	scopes     []*scope
	bad        []engine.Finding
	suppressed []Suppressed
}

func (m *matcher) badf(d *Directive, format string, args ...any) {
	m.bad = append(m.bad, m.finding(BadSuppression, d, fmt.Sprintf(format, args...),
		BadSuppression.Fix))
}

func (m *matcher) finding(r *engine.Rule, d *Directive, msg, fix string) engine.Finding {
	return engine.Finding{Rule: r, Severity: r.Severity, File: m.file, Line: d.Line, Col: d.Col,
		Message: msg, Fix: strings.ReplaceAll(fix, "\n", " ")}
}

// build turns directives into scopes, in file order so that sflint-enable
// ends the regions opened before it.
func (m *matcher) build(dirs []Directive) {
	open := map[string]*scope{}
	for i := range dirs {
		d := &dirs[i]
		if d.Problem != "" {
			m.badf(d, "%s", d.Problem)
			continue
		}
		if d.Kind == Enable {
			m.enable(d, open)
			continue
		}
		for _, id := range d.Rules {
			if !m.knownRule(d, id) {
				continue
			}
			s := &scope{d: d, rule: id, from: [2]int{d.Line, d.Col}}
			switch d.Kind {
			case NextLine:
				s.onLine = d.EndLine + 1
			case SameLine:
				s.onLine = d.Line
			case Disable:
				if prev := open[id]; prev != nil {
					m.badf(d, "sflint-disable %s: a region for it is already open on line %d",
						id, prev.d.Line)
					continue
				}
				open[id] = s
			}
			m.scopes = append(m.scopes, s)
		}
	}
}

func (m *matcher) knownRule(d *Directive, id string) bool {
	r := m.cat.Lookup(id)
	switch {
	case r == nil:
		m.badf(d, "%s names unknown rule %q; 'sflint rules' lists the ids", d.Form, id)
		return false
	case r == BadSuppression || r == UnusedSuppression:
		m.badf(d, "%s cannot be suppressed in source; set its severity in .sflint.yaml", id)
		return false
	}
	return true
}

// enable ends the open regions it names, or all of them.
func (m *matcher) enable(d *Directive, open map[string]*scope) {
	ids := d.Rules
	if len(ids) == 0 {
		for id := range open {
			ids = append(ids, id)
		}
		if len(ids) == 0 {
			m.badf(d, "sflint-enable ends no region: no sflint-disable is open")
		}
	}
	for _, id := range ids {
		s := open[id]
		if s == nil {
			if len(d.Rules) > 0 {
				m.badf(d, "sflint-enable %s ends no region: no sflint-disable %s is open", id, id)
			}
			continue
		}
		s.to = [2]int{d.Line, d.Col}
		delete(open, id)
	}
}

// match splits a file's findings into kept and suppressed.
func (m *matcher) match(fs []engine.Finding) []engine.Finding {
	var kept []engine.Finding
	for _, f := range fs {
		s := m.scopeFor(f)
		if s == nil {
			kept = append(kept, f)
			continue
		}
		s.used++
		m.suppressed = append(m.suppressed, Suppressed{Finding: f, Reason: s.d.Reason})
	}
	return kept
}

func (m *matcher) scopeFor(f engine.Finding) *scope {
	for _, s := range m.scopes {
		if s.covers(f) {
			return s
		}
	}
	return nil
}

// meta returns the file's bad-suppression findings and one unused-suppression
// finding per rule of a directive that silenced nothing.
func (m *matcher) meta() []engine.Finding {
	out := m.bad
	for _, s := range m.scopes {
		if s.used > 0 || !m.enabled(m.cat.Lookup(s.rule)) {
			continue
		}
		msg := fmt.Sprintf("%s %s suppresses nothing: %s reports nothing %s",
			s.d.Form, s.rule, s.rule, where(s))
		out = append(out, m.finding(UnusedSuppression, s.d, msg, UnusedSuppression.Fix))
	}
	return out
}

func where(s *scope) string {
	switch s.d.Kind {
	case NextLine:
		return fmt.Sprintf("on line %d", s.onLine)
	case SameLine:
		return "on this line"
	case Disable:
		if s.to == [2]int{} {
			return "from here to the end of the file"
		}
		return fmt.Sprintf("between here and line %d", s.to[0])
	}
	return "in this file"
}
