package engine

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/ast"
)

const goodRule = `# METADATA
# title: Demo
# description: A demo rule.
# custom:
#   id: demo/thing
#   severity: warning
package sflint.rules.demo.thing

report contains {"file": r.file, "line": r.line, "col": 1, "message": "bad", "fix": "fix it"} if {
	some r in input.records
}
`

func load(t *testing.T, files map[string]string) (*Catalog, error) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return Load(fsys, "policies")
}

func TestCatalogAndEval(t *testing.T) {
	cat, err := load(t, map[string]string{"demo/thing/rule.rego": goodRule})
	if err != nil {
		t.Fatal(err)
	}
	r := cat.Lookup("demo/thing")
	if r == nil || r.Severity != Warning || r.Title != "Demo" || r.Category() != "demo" {
		t.Fatalf("rule = %+v", r)
	}
	eng, err := Compile(context.Background(), cat)
	if err != nil {
		t.Fatal(err)
	}
	input := ast.MustParseTerm(`{"records": [{"file": "b.xml", "line": 2}, {"file": "a.xml", "line": 9},
		{"file": "a.xml", "line": 3}, {"file": "a.xml", "line": 3}]}`).Value
	fs, err := eng.Eval(context.Background(), input)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.File+":"+string(rune('0'+f.Line)))
	}
	if strings.Join(got, " ") != "a.xml:3 a.xml:9 b.xml:2" {
		t.Errorf("findings %v: want sorted and de-duplicated", got)
	}
	if fs[0].Severity != Warning || fs[0].Rule != r || fs[0].Fix != "fix it" {
		t.Errorf("finding = %+v", fs[0])
	}
}

func TestPolicyErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"syntax", "package sflint.rules.demo.x\n\nreport contains x if {\n", "policies/x.rego:4: unexpected eof"},
		{"no metadata", "package sflint.rules.demo.x\n", "policies/x.rego:1: rule package has no METADATA"},
		{"bad id", strings.Replace(goodRule, "demo/thing", "Demo Thing", 1), `custom.id "Demo Thing"`},
		{"bad severity", strings.Replace(goodRule, "warning", "fatal", 1), `custom.severity "fatal"`},
		{"no title", strings.Replace(goodRule, "# title: Demo\n", "", 1), "METADATA has no title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, map[string]string{"x.rego": tt.src})
			var pe *PolicyError
			if !errors.As(err, &pe) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want a PolicyError containing %q", err, tt.want)
			}
		})
	}
}

func TestDuplicateID(t *testing.T) {
	_, err := load(t, map[string]string{
		"a.rego": goodRule,
		"b.rego": strings.Replace(goodRule, "package sflint.rules.demo.thing", "package sflint.rules.demo.other", 1),
	})
	if err == nil || !strings.Contains(err.Error(), "rule id demo/thing is already defined") {
		t.Errorf("err = %v", err)
	}
}

func TestCompileErrorNamesFileAndLine(t *testing.T) {
	src := strings.Replace(goodRule, "some r in input.records", "some r in input.records\n\tunknown_function(r)", 1)
	cat, err := load(t, map[string]string{"demo.rego": src})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Compile(context.Background(), cat)
	if err == nil || !strings.Contains(err.Error(), "policies/demo.rego:11:") {
		t.Errorf("err = %v", err)
	}
}

func TestNetworkBuiltinsAreRefused(t *testing.T) {
	src := strings.Replace(goodRule, "some r in input.records",
		`some r in input.records
	http.send({"method": "GET", "url": "http://127.0.0.1:1"})`, 1)
	cat, err := load(t, map[string]string{"net.rego": src})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Compile(context.Background(), cat)
	if err == nil || !strings.Contains(err.Error(), "http.send") {
		t.Errorf("err = %v, want http.send refused", err)
	}
}

func TestFindingShapeErrors(t *testing.T) {
	src := strings.Replace(goodRule, `{"file": r.file, "line": r.line, "col": 1, "message": "bad", "fix": "fix it"}`,
		`"just a string"`, 1)
	cat, err := load(t, map[string]string{"shape.rego": src})
	if err != nil {
		t.Fatal(err)
	}
	eng, err := Compile(context.Background(), cat)
	if err != nil {
		t.Fatal(err)
	}
	_, err = eng.Eval(context.Background(), ast.MustParseTerm(`{"records": [{"file": "a", "line": 1}]}`).Value)
	if err == nil || !strings.Contains(err.Error(), "data.sflint.lib.finding") {
		t.Errorf("err = %v", err)
	}
}
