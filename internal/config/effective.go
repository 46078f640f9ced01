package config

import (
	"bytes"
	"fmt"
	"io"

	"go.yaml.in/yaml/v3"

	"github.com/sflint/sflint/internal/engine"
)

// effective is the shape `sflint config` prints: a complete .sflint.yaml in
// which every rule is listed with its severity and every option with its
// value, so what the file changes and what it leaves alone are both shown.
type effective struct {
	FailOn   string                   `yaml:"fail-on"`
	Exclude  []string                 `yaml:"exclude"`
	Policies []string                 `yaml:"policies"`
	Rules    map[string]effectiveRule `yaml:"rules"`
}

type effectiveRule struct {
	Severity string         `yaml:"severity"`
	Options  map[string]any `yaml:"options,omitempty"`
}

// WriteEffective prints the effective configuration as YAML that is itself
// a valid .sflint.yaml. failOn is the level in force (from a flag or the
// file); categories are folded into the rules they cover.
func (c *Config) WriteEffective(w io.Writer, cat *engine.Catalog, failOn string) error {
	out := effective{FailOn: failOn, Exclude: []string{}, Policies: []string{},
		Rules: map[string]effectiveRule{}}
	if c != nil {
		out.Exclude = append(out.Exclude, c.Exclude...)
		out.Policies = append(out.Policies, c.Policies...)
	}
	values := c.OptionValues()
	for _, r := range cat.Rules {
		er := effectiveRule{Severity: "off"}
		if sev := c.Severity(r); sev != 0 {
			er.Severity = sev.String()
		}
		if len(r.Options) > 0 {
			er.Options = map[string]any{}
			for _, o := range r.Options {
				er.Options[o.Name] = o.Default
				if v, ok := values[r.ID][o.Name]; ok {
					er.Options[o.Name] = v
				}
			}
		}
		out.Rules[r.ID] = er
	}
	var buf bytes.Buffer
	if c == nil || c.File == "" {
		fmt.Fprintf(&buf, "# No %s found: sflint's defaults.\n", FileName)
	} else {
		fmt.Fprintf(&buf, "# Effective configuration from %s.\n", c.File)
	}
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("encode configuration: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("encode configuration: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
