package gen

import (
	"reflect"
	"strings"
	"testing"
)

func TestRESTMethod(t *testing.T) {
	var p Problems
	m, ok := restMethod(&p, "/sobjects/Account/{recordId}/ui-api/")
	if !ok {
		t.Fatal(p.Err())
	}
	if m.Name != "getSobjectsAccountUiApi" {
		t.Errorf("name = %q", m.Name)
	}
	want := []Part{{Text: "/sobjects/Account/"}, {Param: "recordId"}, {Text: "/ui-api"}}
	if !reflect.DeepEqual(m.Parts, want) {
		t.Errorf("parts = %+v", m.Parts)
	}
	if !reflect.DeepEqual(m.Params, []string{"recordId"}) {
		t.Errorf("params = %q", m.Params)
	}
	for raw, want := range map[string]string{
		"":                      "empty",
		"https://x/y":           "below /services/data",
		"services/data/v66.0/x": "below /services/data",
		"a/../b":                "may hold only",
		"a/b?c=d":               "may hold only",
		"sobjects/{path}":       "name the generated code uses",
		"sobjects/{while}":      "reserved word",
		"sobjects/{recordId":    "may hold only",
	} {
		var p Problems
		if _, ok := restMethod(&p, raw); ok || !strings.Contains(p.Err().Error(), want) {
			t.Errorf("restMethod(%q): ok=%v err=%v, want %q", raw, ok, p.Err(), want)
		}
	}
}

func TestToolingMethod(t *testing.T) {
	var p Problems
	m, ok := toolingMethod(&p,
		"SELECT Id FROM My_Obj__c\n WHERE Name = :name AND Note = 'a:b\\' :no' OR X = :name")
	if !ok {
		t.Fatal(p.Err())
	}
	if m.Name != "queryMyObjC" {
		t.Errorf("name = %q", m.Name)
	}
	if !reflect.DeepEqual(m.Params, []string{"name"}) {
		t.Errorf("params = %q (a bind inside a quoted string is text)", m.Params)
	}
	got := strings.Join(operands("quoted", m.Parts), " + ")
	want := `'SELECT Id FROM My_Obj__c WHERE Name = ' + quoted(name) + ` +
		`' AND Note = \'a:b\\\' :no\' OR X = ' + quoted(name)`
	if got != want {
		t.Errorf("operands:\n got %s\nwant %s", got, want)
	}
	if _, ok := toolingMethod(&p, "SELECT 1"); ok {
		t.Error("a query without FROM must be refused")
	}
}

func TestControllerNamesAreUnique(t *testing.T) {
	var p Problems
	d := checkController(&p, ControllerSpec{Name: "C", NamedCredential: "N",
		REST:           []string{"limits", "limits/"},
		ToolingQueries: []string{"SELECT Id FROM A", "SELECT Name FROM A"}},
		"66.0")
	if err := p.Err(); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range d.Methods {
		names = append(names, m.Name)
	}
	if got := strings.Join(names, " "); got != "getLimits getLimits2 queryA queryA2" {
		t.Errorf("names = %q", got)
	}
	if d.UsesQuoted || !d.UsesEncoded {
		t.Errorf("helpers: quoted=%v encoded=%v", d.UsesQuoted, d.UsesEncoded)
	}
}

func TestControllerNeedsAnEndpoint(t *testing.T) {
	g := newTestGenerator(t)
	_, err := g.Controller(ControllerSpec{Name: "C", NamedCredential: "N"})
	if err == nil || !strings.Contains(err.Error(), "at least one --rest") {
		t.Errorf("err = %v", err)
	}
}
