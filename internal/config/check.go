package config

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sflint/sflint/internal/engine"
	"github.com/sflint/sflint/internal/metadata"
)

// Check judges rule ids, category names and option values against the
// catalog, and stores option values in the form the engine takes. Errors
// come in file order; the first is returned with the number of others.
func (c *Config) Check(cat *engine.Catalog) error {
	if c == nil {
		return nil
	}
	var errs []*Error
	add := func(p Pos, format string, args ...any) {
		errs = append(errs, &Error{File: c.File, Pos: p, Msg: fmt.Sprintf(format, args...)})
	}
	categories := map[string]bool{}
	for _, r := range cat.Rules {
		categories[r.Category()] = true
	}
	for _, name := range sortedKeys(c.Categories) {
		if !categories[name] {
			add(c.Categories[name].Pos, "unknown category %q; valid categories: %s",
				name, strings.Join(sortedKeys(categories), ", "))
		}
	}
	for _, id := range sortedKeys(c.Rules) {
		s := c.Rules[id]
		r := cat.Lookup(id)
		if r == nil {
			add(s.Pos, "unknown rule %q%s; 'sflint rules' lists them", id, suggest(id, cat.IDs()))
			continue
		}
		for _, name := range sortedKeys(s.Options) {
			at := s.optPos[name]
			if r.Option(name) == nil {
				at = s.keyPos[name]
			}
			if err := checkOption(r, s, name); err != "" {
				add(at, "%s", err)
			}
		}
	}
	if len(errs) == 0 {
		return nil
	}
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i].Pos, errs[j].Pos
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	e := *errs[0]
	if len(errs) > 1 {
		e.Msg += fmt.Sprintf(" (and %d more)", len(errs)-1)
	}
	return &e
}

// checkOption validates one option value and keeps the checked form; it
// returns a message, or "" when the value is good.
func checkOption(r *engine.Rule, s *Setting, name string) string {
	o := r.Option(name)
	if o == nil {
		if len(r.Options) == 0 {
			return fmt.Sprintf("rule %s has no options", r.ID)
		}
		var names []string
		for _, o := range r.Options {
			names = append(names, o.Name)
		}
		return fmt.Sprintf("rule %s has no option %q; valid options: %s",
			r.ID, name, strings.Join(names, ", "))
	}
	v, err := o.Check(s.Options[name])
	if err != nil {
		return fmt.Sprintf("rule %s: %v", r.ID, err)
	}
	s.Options[name] = v
	return ""
}

// suggest names the closest id when it is a likely typo.
func suggest(id string, ids []string) string {
	best := metadata.Closest(id, ids)
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}
