package engine

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Option is a setting a rule declares in its METADATA under custom.options,
// so that users can tune it from .sflint.yaml:
//
//	custom:
//	  options:
//	    allowed_hosts:
//	      type: strings
//	      default: []
//	      description: My Domain hosts the token URL may name
//
// The rule reads the value as input.options[RULE-ID].NAME; the engine always
// puts every declared option there, the default when the user set none.
type Option struct {
	Name        string
	Type        OptionType
	Default     any // already checked against Type
	Description string
}

// OptionType is the kind of value an option holds.
type OptionType string

// Option types. A regex is a string that must compile as an RE2 expression,
// the syntax of Rego's regex builtins; a map is an object of strings.
const (
	OptionString  OptionType = "string"
	OptionStrings OptionType = "strings"
	OptionNumber  OptionType = "number"
	OptionBoolean OptionType = "boolean"
	OptionRegex   OptionType = "regex"
	OptionMap     OptionType = "map"
)

// OptionTypes lists the valid types, for messages.
var OptionTypes = []OptionType{
	OptionBoolean, OptionMap, OptionNumber, OptionRegex, OptionString, OptionStrings,
}

func validOptionType(t OptionType) bool {
	for _, v := range OptionTypes {
		if v == t {
			return true
		}
	}
	return false
}

// zero is the default of an option declared without one. A number has no
// neutral value, so it is null and the rule treats null as "not set".
func (t OptionType) zero() any {
	switch t {
	case OptionStrings:
		return []any{}
	case OptionMap:
		return map[string]any{}
	case OptionBoolean:
		return false
	case OptionNumber:
		return nil
	}
	return ""
}

// Check validates a value decoded from YAML or JSON against the option's
// type and returns it in the form the input document holds.
func (o *Option) Check(v any) (any, error) {
	switch o.Type {
	case OptionString, OptionRegex:
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("option %s must be a string, not %s", o.Name, describe(v))
		}
		if o.Type == OptionRegex {
			if _, err := regexp.Compile(s); err != nil {
				return nil, fmt.Errorf("option %s is not a valid regular expression: %w",
					o.Name, err)
			}
		}
		return s, nil
	case OptionNumber:
		n, ok := number(v)
		if !ok {
			return nil, fmt.Errorf("option %s must be a number, not %s", o.Name, describe(v))
		}
		return n, nil
	case OptionBoolean:
		b, ok := v.(bool)
		if !ok {
			return nil, fmt.Errorf("option %s must be true or false, not %s", o.Name, describe(v))
		}
		return b, nil
	case OptionStrings:
		return checkStrings(o.Name, v)
	case OptionMap:
		return checkMap(o.Name, v)
	}
	return nil, fmt.Errorf("option %s has unknown type %q", o.Name, o.Type)
}

func checkStrings(name string, v any) (any, error) {
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("option %s must be a list of strings, not %s", name, describe(v))
	}
	out := make([]any, len(list))
	for i, x := range list {
		s, ok := x.(string)
		if !ok {
			return nil, fmt.Errorf("option %s: item %d must be a string, not %s",
				name, i+1, describe(x))
		}
		out[i] = s
	}
	return out, nil
}

func checkMap(name string, v any) (any, error) {
	m, ok := stringKeys(v)
	if !ok {
		return nil, fmt.Errorf("option %s must be a map of names to strings, not %s",
			name, describe(v))
	}
	out := make(map[string]any, len(m))
	for k, x := range m {
		s, ok := x.(string)
		if !ok {
			return nil, fmt.Errorf("option %s: %s must be a string, not %s", name, k, describe(x))
		}
		out[k] = s
	}
	return out, nil
}

// stringKeys accepts the map shapes YAML and JSON decoders produce.
func stringKeys(v any) (map[string]any, bool) {
	switch m := v.(type) {
	case map[string]any:
		return m, true
	case map[any]any:
		out := make(map[string]any, len(m))
		for k, x := range m {
			s, ok := k.(string)
			if !ok {
				return nil, false
			}
			out[s] = x
		}
		return out, true
	}
	return nil, false
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case uint64:
		return float64(n), true
	case float64:
		return n, !math.IsNaN(n) && !math.IsInf(n, 0)
	}
	return 0, false
}

// describe names the kind of a decoded value for error messages.
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return fmt.Sprintf("the string %q", x)
	case bool:
		return fmt.Sprintf("%t", x)
	case int, int64, uint64, float64:
		return fmt.Sprintf("the number %v", x)
	case []any:
		return "a list"
	}
	if _, ok := stringKeys(v); ok {
		return "a map"
	}
	return fmt.Sprintf("%T", v)
}

// optionsFromAnnotations reads custom.options of a rule's METADATA.
func optionsFromAnnotations(file string, line int, raw any) ([]Option, error) {
	if raw == nil {
		return nil, nil
	}
	m, ok := stringKeys(raw)
	if !ok {
		return nil, &PolicyError{File: file, Line: line,
			Msg: "METADATA custom.options must map option names to declarations"}
	}
	var out []Option
	for name, decl := range m {
		o, err := optionFromDecl(name, decl)
		if err != nil {
			return nil, &PolicyError{File: file, Line: line,
				Msg: "METADATA custom.options: " + err.Error()}
		}
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func optionFromDecl(name string, decl any) (Option, error) {
	if !validOptionName(name) {
		return Option{}, fmt.Errorf("option name %q must be lower case letters, digits and _",
			name)
	}
	d, ok := stringKeys(decl)
	if !ok {
		return Option{}, fmt.Errorf("option %s must be a map with type, default and description",
			name)
	}
	for k := range d {
		if k != "type" && k != "default" && k != "description" {
			return Option{}, fmt.Errorf(
				"option %s has unknown key %q; valid keys: default, description, type", name, k)
		}
	}
	t, _ := d["type"].(string)
	o := Option{Name: name, Type: OptionType(t)}
	o.Description, _ = d["description"].(string)
	o.Description = strings.TrimSpace(o.Description)
	if !validOptionType(o.Type) {
		return Option{}, fmt.Errorf("option %s: type %q must be one of %s", name, t, joinTypes())
	}
	if o.Description == "" {
		return Option{}, fmt.Errorf("option %s has no description", name)
	}
	o.Default = o.Type.zero()
	if v, ok := d["default"]; ok && v != nil {
		def, err := o.Check(v)
		if err != nil {
			return Option{}, fmt.Errorf("default: %w", err)
		}
		o.Default = def
	}
	return o, nil
}

func validOptionName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '_' {
			return false
		}
	}
	return true
}

func joinTypes() string {
	s := make([]string, len(OptionTypes))
	for i, t := range OptionTypes {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}

// Option finds a declared option of the rule.
func (r *Rule) Option(name string) *Option {
	for i := range r.Options {
		if r.Options[i].Name == name {
			return &r.Options[i]
		}
	}
	return nil
}

// SetOptions sets option values by rule id and option name; every option
// not given keeps its default. Values are checked against the declarations.
func (e *Engine) SetOptions(values map[string]map[string]any) error {
	opts, err := e.catalog.optionValues(values)
	if err != nil {
		return err
	}
	e.options = opts
	return nil
}

// optionValues merges values over the declared defaults into the
// input.options object.
func (c *Catalog) optionValues(values map[string]map[string]any) (ast.Value, error) {
	all := map[string]any{}
	for _, r := range c.Rules {
		if len(r.Options) == 0 {
			continue
		}
		m := map[string]any{}
		for _, o := range r.Options {
			m[o.Name] = o.Default
		}
		all[r.ID] = m
	}
	for id, vals := range values {
		r := c.Lookup(id)
		if r == nil {
			return nil, fmt.Errorf("options for unknown rule %q", id)
		}
		for name, v := range vals {
			o := r.Option(name)
			if o == nil {
				return nil, fmt.Errorf("rule %s has no option %q", id, name)
			}
			checked, err := o.Check(v)
			if err != nil {
				return nil, fmt.Errorf("rule %s: %w", id, err)
			}
			all[id].(map[string]any)[name] = checked
		}
	}
	return ast.InterfaceToValue(all)
}

// withOptions returns the input document with the options object added as
// input.options, without changing the caller's document.
func (e *Engine) withOptions(input ast.Value) ast.Value {
	obj, ok := input.(ast.Object)
	if !ok || e.options == nil {
		return input
	}
	out := ast.NewObject()
	obj.Foreach(func(k, v *ast.Term) { out.Insert(k, v) })
	out.Insert(ast.StringTerm("options"), ast.NewTerm(e.options))
	return out
}

// Add puts a rule that is implemented in Go, not Rego, into the catalog, so
// that rules, explain and every output format know it. Such a rule has no
// package and no file; its findings are made by the Go code that owns it.
func (c *Catalog) Add(r *Rule) error {
	if !validID(r.ID) {
		return fmt.Errorf("rule id %q must be category/name in lower case", r.ID)
	}
	if _, dup := c.byID[r.ID]; dup {
		return fmt.Errorf("rule id %s is defined twice", r.ID)
	}
	c.byID[r.ID] = r
	i := sort.Search(len(c.Rules), func(i int) bool { return c.Rules[i].ID > r.ID })
	c.Rules = append(c.Rules, nil)
	copy(c.Rules[i+1:], c.Rules[i:])
	c.Rules[i] = r
	return nil
}

// Schema is the JSON Schema (draft-07) of the option's value.
func (o *Option) Schema() map[string]any {
	s := map[string]any{"description": o.Description}
	switch o.Type {
	case OptionString:
		s["type"] = "string"
	case OptionRegex:
		s["type"] = "string"
		s["format"] = "regex"
	case OptionStrings:
		s["type"] = "array"
		s["items"] = map[string]any{"type": "string"}
	case OptionNumber:
		s["type"] = []any{"number", "null"}
	case OptionBoolean:
		s["type"] = "boolean"
	case OptionMap:
		s["type"] = "object"
		s["additionalProperties"] = map[string]any{"type": "string"}
	}
	return s
}

// OptionsSchema is the JSON Schema of input.options for the catalog: an
// object per rule that declares options, each option typed.
func (c *Catalog) OptionsSchema() map[string]any {
	props := map[string]any{}
	for _, r := range c.Rules {
		if len(r.Options) == 0 {
			continue
		}
		opts := map[string]any{}
		var names []any
		for i := range r.Options {
			opts[r.Options[i].Name] = r.Options[i].Schema()
			names = append(names, r.Options[i].Name)
		}
		props[r.ID] = map[string]any{
			"type": "object", "properties": opts, "required": names, "additionalProperties": false,
		}
	}
	return map[string]any{
		"type":        "object",
		"description": "rule options: each rule's METADATA defaults, overridden by .sflint.yaml",
		"properties":  props,
	}
}
