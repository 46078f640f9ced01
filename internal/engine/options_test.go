package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// optionRule reports each host not in its allowed_hosts option, and the
// pattern option, so a test sees what the rule was given.
const optionRule = `# METADATA
# title: Hosts
# description: Reports hosts that are not allowed.
# custom:
#   id: demo/hosts
#   severity: error
#   options:
#     allowed_hosts:
#       type: strings
#       default: [a.example.com]
#       description: hosts that may be used
#     user_pattern:
#       type: regex
#       description: usernames must match
#     max_version:
#       type: number
#       description: newest API version
package sflint.rules.demo.hosts

report contains {"file": "f.xml", "line": 1, "col": 1, "message": msg, "fix": ""} if {
	some h in input.hosts
	not h in input.options["demo/hosts"].allowed_hosts
	msg := sprintf("%s pattern=%q max=%v", [h, input.options["demo/hosts"].user_pattern,
		input.options["demo/hosts"].max_version])
}
`

func TestOptionDefaultsAndOverrides(t *testing.T) {
	cat, err := load(t, map[string]string{"demo/hosts/rule.rego": optionRule})
	if err != nil {
		t.Fatal(err)
	}
	r := cat.Lookup("demo/hosts")
	if len(r.Options) != 3 || r.Options[0].Name != "allowed_hosts" || r.Option("max_version") == nil {
		t.Fatalf("options = %+v", r.Options)
	}
	eng, err := Compile(context.Background(), cat)
	if err != nil {
		t.Fatal(err)
	}
	input := ast.MustParseTerm(`{"hosts": ["a.example.com", "b.example.com"]}`).Value
	messages := func() string {
		t.Helper()
		fs, err := eng.Eval(context.Background(), input)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range fs {
			out = append(out, f.Message)
		}
		return strings.Join(out, "; ")
	}
	if got := messages(); got != `b.example.com pattern="" max=null` {
		t.Errorf("with defaults: %s", got)
	}
	err = eng.SetOptions(map[string]map[string]any{"demo/hosts": {
		"allowed_hosts": []any{"b.example.com"}, "user_pattern": "^int@", "max_version": 62,
	}})
	if err != nil {
		t.Fatal(err)
	}
	if got := messages(); got != `a.example.com pattern="^int@" max=62` {
		t.Errorf("with options set: %s", got)
	}
	if input.(ast.Object).Get(ast.StringTerm("options")) != nil {
		t.Error("Eval changed the caller's input document")
	}
}

func TestSetOptionsErrors(t *testing.T) {
	cat, err := load(t, map[string]string{"demo/hosts/rule.rego": optionRule})
	if err != nil {
		t.Fatal(err)
	}
	eng, err := Compile(context.Background(), cat)
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		values map[string]map[string]any
		want   string
	}{
		"unknown rule":   {map[string]map[string]any{"demo/nope": {"x": 1}}, `unknown rule "demo/nope"`},
		"unknown option": {map[string]map[string]any{"demo/hosts": {"hosts": 1}}, `no option "hosts"`},
		"wrong type": {map[string]map[string]any{"demo/hosts": {"allowed_hosts": "a"}},
			`allowed_hosts must be a list of strings, not the string "a"`},
		"wrong item": {map[string]map[string]any{"demo/hosts": {"allowed_hosts": []any{"a", 2}}},
			"item 2 must be a string, not the number 2"},
		"bad regex": {map[string]map[string]any{"demo/hosts": {"user_pattern": "(a"}},
			"user_pattern is not a valid regular expression"},
		"not a number": {map[string]map[string]any{"demo/hosts": {"max_version": "62.0"}},
			`max_version must be a number, not the string "62.0"`},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			err := eng.SetOptions(tt.values)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestOptionTypes(t *testing.T) {
	tests := []struct {
		typ  OptionType
		in   any
		want string // "" when the value is refused
	}{
		{OptionString, "x", "x"},
		{OptionString, 1, ""},
		{OptionBoolean, true, "true"},
		{OptionBoolean, "true", ""},
		{OptionNumber, 62.5, "62.5"},
		{OptionNumber, int64(3), "3"},
		{OptionMap, map[string]any{"Cred": "App"}, "map[Cred:App]"},
		{OptionMap, map[any]any{"Cred": "App"}, "map[Cred:App]"},
		{OptionMap, map[string]any{"Cred": 1}, ""},
		{OptionMap, []any{"x"}, ""},
		{OptionStrings, []any{}, "[]"},
		{OptionRegex, `^[a-z]+@`, `^[a-z]+@`},
	}
	for _, tt := range tests {
		o := &Option{Name: "x", Type: tt.typ}
		got, err := o.Check(tt.in)
		switch {
		case tt.want == "" && err == nil:
			t.Errorf("%s %v: accepted", tt.typ, tt.in)
		case tt.want != "" && err != nil:
			t.Errorf("%s %v: %v", tt.typ, tt.in, err)
		case tt.want != "" && fmt.Sprint(got) != tt.want:
			t.Errorf("%s %v: got %s, want %s", tt.typ, tt.in, fmt.Sprint(got), tt.want)
		}
	}
}

func TestBadOptionDeclarations(t *testing.T) {
	head := "# METADATA\n# title: T\n# custom:\n#   id: demo/x\n#   severity: info\n#   options:\n"
	tail := "package sflint.rules.demo.x\n\nreport := set()\n"
	tests := map[string]struct{ decl, want string }{
		"unknown type":   {"#     a:\n#       type: list\n#       description: d\n", `type "list" must be one of`},
		"no description": {"#     a:\n#       type: string\n", "option a has no description"},
		"bad default": {"#     a:\n#       type: number\n#       default: x\n#       description: d\n",
			`default: option a must be a number`},
		"unknown key": {"#     a:\n#       type: string\n#       descr: d\n", `unknown key "descr"`},
		"bad name":    {"#     Allowed-Hosts:\n#       type: string\n#       description: d\n", "must be lower case"},
		"not a map":   {"#     a: string\n", "option a must be a map"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := load(t, map[string]string{"demo/x/rule.rego": head + tt.decl + tail})
			var pe *PolicyError
			if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.As(err, &pe) || pe.Line != 1 {
				t.Errorf("error %v, want a policy error at line 1 containing %q", err, tt.want)
			}
		})
	}
}

func TestAddGoRule(t *testing.T) {
	cat, err := load(t, map[string]string{"demo/thing/rule.rego": goodRule})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"meta/zz", "aaa/first"} {
		if err := cat.Add(&Rule{ID: id, Title: "T", Severity: Warning}); err != nil {
			t.Fatal(err)
		}
	}
	if got := strings.Join(cat.IDs(), " "); got != "aaa/first demo/thing meta/zz" {
		t.Errorf("ids = %s; want sorted", got)
	}
	if err := cat.Add(&Rule{ID: "meta/zz"}); err == nil {
		t.Error("a duplicate id was accepted")
	}
	if err := cat.Add(&Rule{ID: "Meta"}); err == nil {
		t.Error("a bad id was accepted")
	}
	if _, err := Compile(context.Background(), cat); err != nil {
		t.Errorf("a catalog with Go rules must compile: %v", err)
	}
}

func TestOptionsSchema(t *testing.T) {
	cat, err := load(t, map[string]string{"demo/hosts/rule.rego": optionRule})
	if err != nil {
		t.Fatal(err)
	}
	s := cat.OptionsSchema()
	props := s["properties"].(map[string]any)["demo/hosts"].(map[string]any)["properties"].(map[string]any)
	if props["user_pattern"].(map[string]any)["format"] != "regex" || len(props) != 3 {
		t.Errorf("schema %v", s)
	}
}
