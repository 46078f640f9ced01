package config

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/sflint/sflint/internal/parse"
)

// parser walks the YAML tree of a configuration file and collects every
// problem, so that one run shows all of them.
type parser struct {
	c    *Config
	errs []*Error
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.c.File, Pos: pos(n), Msg: fmt.Sprintf(format, args...)})
}

// err is the first problem, counting the others, or nil.
func (p *parser) err() error {
	if len(p.errs) == 0 {
		return nil
	}
	e := *p.errs[0]
	if len(p.errs) > 1 {
		e.Msg += fmt.Sprintf(" (and %d more)", len(p.errs)-1)
	}
	return &e
}

func pos(n *yaml.Node) Pos { return Pos{Line: n.Line, Col: n.Column} }

var topKeys = []string{"categories", "exclude", "fail-on", "policies", "rules"}

func (p *parser) top(n *yaml.Node) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "the file must be a map of settings (%s)", strings.Join(topKeys, ", "))
		return
	}
	for _, kv := range p.pairs(n) {
		k, v := kv[0], resolve(kv[1])
		switch k.Value {
		case "fail-on":
			p.c.FailOn = p.choice(v, "fail-on", FailOnLevels)
		case "exclude":
			p.c.Exclude = p.strings(v, "exclude", p.checkGlob)
			p.c.ignore = parse.ParseIgnore(strings.Join(p.c.Exclude, "\n"))
		case "policies":
			p.c.Policies = p.strings(v, "policies", p.checkPolicyDir)
			for _, d := range p.c.Policies {
				p.c.PolicyDirs = append(p.c.PolicyDirs, p.abs(d))
			}
		case "categories":
			p.settings(v, "categories", p.c.Categories, false)
		case "rules":
			p.settings(v, "rules", p.c.Rules, true)
		default:
			p.errorf(k, "unknown key %q; valid keys: %s", k.Value, strings.Join(topKeys, ", "))
		}
	}
}

// pairs lists a mapping's keys and values; a key given twice, or one that
// is not a plain string, is an error.
func (p *parser) pairs(n *yaml.Node) [][2]*yaml.Node {
	var out [][2]*yaml.Node
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := resolve(n.Content[i])
		if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
			p.errorf(k, "a key must be a name, not %s", kind(k))
			continue
		}
		if prev := seen[k.Value]; prev != nil {
			p.errorf(k, "%q is set twice (first on line %d)", k.Value, prev.Line)
			continue
		}
		seen[k.Value] = k
		out = append(out, [2]*yaml.Node{k, n.Content[i+1]})
	}
	return out
}

func isNull(n *yaml.Node) bool {
	return n == nil || n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// kind describes a node for messages.
func kind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a map"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.ShortTag() {
	case "!!null":
		return "null"
	case "!!str":
		return fmt.Sprintf("%q", n.Value)
	case "!!bool":
		return n.Value
	}
	return "the " + strings.TrimPrefix(n.ShortTag(), "!!") + " " + n.Value
}

// str reads a string scalar.
func (p *parser) str(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" {
		p.errorf(n, "%s must be a string, not %s", what, kind(n))
		return "", false
	}
	return n.Value, true
}

// choice reads one of a fixed set of strings.
func (p *parser) choice(n *yaml.Node, what string, valid []string) string {
	s, ok := p.str(n, what)
	if !ok {
		return ""
	}
	for _, v := range valid {
		if s == v {
			return s
		}
	}
	p.errorf(n, "%s %q must be one of %s", what, s, strings.Join(valid, ", "))
	return ""
}

// strings reads a list of strings, checking each with check.
func (p *parser) strings(n *yaml.Node, what string, check func(*yaml.Node, string) bool) []string {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s must be a list, not %s", what, kind(n))
		return nil
	}
	var out []string
	for _, item := range n.Content {
		item = resolve(item)
		s, ok := p.str(item, what+" entry")
		if ok && check(item, s) {
			out = append(out, s)
		}
	}
	return out
}

// checkGlob accepts a gitignore-style pattern. Go's path.Match reports the
// malformed ones ("[a-"); ** and a leading ! are gitignore's additions.
func (p *parser) checkGlob(n *yaml.Node, s string) bool {
	g := strings.TrimPrefix(s, "!")
	switch {
	case strings.TrimSpace(g) == "":
		p.errorf(n, "exclude pattern %q matches nothing", s)
		return false
	case strings.ContainsAny(s, "\n\r"):
		p.errorf(n, "exclude pattern %q must be one line", s)
		return false
	}
	if _, err := path.Match(strings.ReplaceAll(g, "**", "*"), ""); err != nil {
		p.errorf(n, "exclude pattern %q is malformed: %v", s, err)
		return false
	}
	return true
}

func (p *parser) abs(dir string) string {
	if filepath.IsAbs(dir) {
		return filepath.Clean(dir)
	}
	return filepath.Join(p.c.Dir, filepath.FromSlash(dir))
}

func (p *parser) checkPolicyDir(n *yaml.Node, s string) bool {
	fi, err := os.Stat(p.abs(s))
	switch {
	case err != nil:
		p.errorf(n, "policy directory %q: %v", s, pathErr(err))
		return false
	case !fi.IsDir():
		p.errorf(n, "policy directory %q is not a directory", s)
		return false
	}
	return true
}

func pathErr(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// settings reads the rules or categories map: each key maps to a severity
// (the short form) or to a map with severity and, for rules, options.
func (p *parser) settings(n *yaml.Node, what string, into map[string]*Setting, rules bool) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "%s must be a map, not %s", what, kind(n))
		return
	}
	for _, kv := range p.pairs(n) {
		k, v := kv[0], resolve(kv[1])
		s := &Setting{Pos: pos(k)}
		switch {
		case v.Kind == yaml.ScalarNode && !isNull(v):
			s.Severity = p.choice(v, "severity of "+k.Value, severities)
		case v.Kind == yaml.MappingNode:
			p.setting(v, k.Value, s, rules)
		case isNull(v):
			p.errorf(k, "%s must be a severity (%s) or a map, not null",
				k.Value, strings.Join(severities, ", "))
		default:
			p.errorf(v, "%s must be a severity (%s) or a map, not %s",
				k.Value, strings.Join(severities, ", "), kind(v))
		}
		into[k.Value] = s
	}
}

func (p *parser) setting(n *yaml.Node, id string, s *Setting, rules bool) {
	valid := []string{"severity"}
	if rules {
		valid = append(valid, "options")
	}
	for _, kv := range p.pairs(n) {
		k, v := kv[0], resolve(kv[1])
		switch {
		case k.Value == "severity":
			s.Severity = p.choice(v, "severity of "+id, severities)
		case k.Value == "options" && rules:
			p.options(v, id, s)
		default:
			p.errorf(k, "unknown key %q in %s; valid keys: %s",
				k.Value, id, strings.Join(valid, ", "))
		}
	}
}

// options keeps each option's decoded value and position; Check judges them
// against the rule's declarations.
func (p *parser) options(n *yaml.Node, id string, s *Setting) {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "options of %s must be a map, not %s", id, kind(n))
		return
	}
	s.Options = map[string]any{}
	s.optPos = map[string]Pos{}
	s.keyPos = map[string]Pos{}
	for _, kv := range p.pairs(n) {
		var v any
		if err := kv[1].Decode(&v); err != nil {
			p.errorf(kv[1], "option %s of %s: %v", kv[0].Value, id, err)
			continue
		}
		s.Options[kv[0].Value] = v
		s.keyPos[kv[0].Value] = pos(kv[0])
		s.optPos[kv[0].Value] = pos(resolve(kv[1]))
	}
}

// sortedKeys lists a map's keys in order, so checks report in file order
// after sorting by position.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
