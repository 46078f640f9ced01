package config

import (
	"path/filepath"
	"strings"

	"github.com/sflint/sflint/internal/engine"
)

// Severity is the severity a rule reports at under this configuration, or 0
// when it is off. A rule's own setting wins over its category's.
func (c *Config) Severity(r *engine.Rule) engine.Severity {
	if c == nil {
		return r.Severity
	}
	for _, s := range []*Setting{c.Rules[r.ID], c.Categories[r.Category()]} {
		if s == nil || s.Severity == "" {
			continue
		}
		if s.Severity == "off" {
			return 0
		}
		sev, _ := engine.ParseSeverity(s.Severity)
		return sev
	}
	return r.Severity
}

// Apply drops the findings of rules that are off and gives the others their
// configured severity.
func (c *Config) Apply(fs []engine.Finding) []engine.Finding {
	out := make([]engine.Finding, 0, len(fs))
	for _, f := range fs {
		sev := c.Severity(f.Rule)
		if sev == 0 {
			continue
		}
		f.Severity = sev
		out = append(out, f)
	}
	return out
}

// EffectiveRules is the catalog as configured, for formats that describe
// the rules (SARIF): rules that are off are left out and the others carry
// their configured severity. The catalog's rules are not changed.
func (c *Config) EffectiveRules(rules []*engine.Rule) []*engine.Rule {
	out := make([]*engine.Rule, 0, len(rules))
	for _, r := range rules {
		sev := c.Severity(r)
		if sev == 0 {
			continue
		}
		if sev != r.Severity {
			cp := *r
			cp.Severity = sev
			r = &cp
		}
		out = append(out, r)
	}
	return out
}

// OptionValues are the rule options the file sets, by rule id and option
// name, for engine.SetOptions. Check must have succeeded.
func (c *Config) OptionValues() map[string]map[string]any {
	out := map[string]map[string]any{}
	if c == nil {
		return out
	}
	for id, s := range c.Rules {
		if len(s.Options) > 0 {
			out[id] = s.Options
		}
	}
	return out
}

// Excluded reports whether a file (absolute path) matches an exclude
// pattern. Patterns are gitignore globs relative to the file's directory.
func (c *Config) Excluded(abs string) bool {
	if c == nil || c.ignore == nil {
		return false
	}
	rel, err := filepath.Rel(c.Dir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	return c.ignore.Ignored(filepath.ToSlash(rel), false)
}
