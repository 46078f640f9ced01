package report

import "github.com/sflint/sflint/internal/engine"

// allRules is the catalog followed by any rule that has findings but is not
// in it, in the order of its first finding, so formats that list rules can
// always point a finding at its rule.
func allRules(r *Report) []*engine.Rule {
	rules := append([]*engine.Rule(nil), r.Rules...)
	known := make(map[string]bool, len(rules))
	for _, rule := range rules {
		known[rule.ID] = true
	}
	findings := append([]engine.Finding(nil), r.Findings...)
	for _, s := range r.Suppressed {
		findings = append(findings, s.Finding)
	}
	for _, f := range findings {
		if !known[f.Rule.ID] {
			known[f.Rule.ID] = true
			rules = append(rules, f.Rule)
		}
	}
	return rules
}
