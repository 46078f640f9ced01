package gen

import (
	"sort"
	"strings"
)

// LWCSpec is what the user asks of sflint gen lwc.
type LWCSpec struct {
	Name       string // the bundle, camelCase
	Controller string // the Apex class whose @AuraEnabled methods it calls
	Source     string // the controller's Apex source
}

// LWCData is what the LWC templates receive.
type LWCData struct {
	Bundle     string // loopbackExplorer
	Class      string // LoopbackExplorer, the component's JavaScript class
	Label      string // Loopback explorer
	Controller string // the Apex class, as declared
	APIVersion string
	Methods    []LWCMethod
	Inputs     []LWCInput // one per distinct parameter name, sorted
}

// LWCMethod is one imported Apex method and its button.
type LWCMethod struct {
	Name   string // the Apex method, also the import's local name
	Label  string // the button's label
	Params []string
}

// LWCInput is a text input that holds the value of the Apex parameters of
// one name.
type LWCInput struct {
	Name  string
	Label string
}

// inputTypes are the Apex parameter types a text input can feed.
var inputTypes = setOf("string", "id")

// jsReserved are words a module cannot bind an import to.
var jsReserved = setOf("await", "break", "case", "catch", "class", "const", "continue",
	"debugger", "default", "delete", "do", "else", "enum", "export", "extends", "false",
	"finally", "for", "function", "if", "implements", "import", "in", "instanceof",
	"interface", "let", "new", "null", "package", "private", "protected", "public",
	"return", "static", "super", "switch", "this", "throw", "true", "try", "typeof",
	"var", "void", "while", "with", "yield", "arguments", "eval")

func checkLWC(p *Problems, spec LWCSpec, apiVersion string) LWCData {
	d := LWCData{
		Bundle:     spec.Name,
		Class:      upperFirst(spec.Name),
		Label:      words(spec.Name),
		Controller: spec.Controller,
		APIVersion: apiVersion,
	}
	CheckLWCName(p, "component name", spec.Name)
	class, methods := ReadAuraMethods(spec.Source)
	if strings.EqualFold(class, spec.Controller) {
		d.Controller = class
	}
	if len(methods) == 0 {
		p.Addf("controller %s has no @AuraEnabled static method to call", spec.Controller)
	}
	inputs := map[string]LWCInput{}
	for _, am := range methods {
		if m, ok := lwcMethod(p, d.Controller, am, inputs); ok {
			d.Methods = append(d.Methods, m)
		}
	}
	for _, in := range inputs {
		d.Inputs = append(d.Inputs, in)
	}
	sort.Slice(d.Inputs, func(i, j int) bool { return d.Inputs[i].Name < d.Inputs[j].Name })
	return d
}

// lwcMethod checks that a method can be called from a button and inputs.
// Names are bounded so that every generated line keeps its layout.
func lwcMethod(p *Problems, class string, am AuraMethod,
	inputs map[string]LWCInput) (LWCMethod, bool) {
	m := LWCMethod{Name: am.Name, Label: words(am.Name)}
	n := len(p.list)
	if jsReserved[am.Name] {
		p.Addf("%s.%s: %q cannot name a JavaScript import", class, am.Name, am.Name)
	}
	if len(am.Name) > MaxNameLength {
		p.Addf("%s.%s: gen lwc supports method names of up to %d characters",
			class, am.Name, MaxNameLength)
	}
	for _, ap := range am.Params {
		switch {
		case !inputTypes[strings.ToLower(ap.Type)]:
			p.Addf("%s.%s: parameter %s is a %s; gen lwc makes inputs for String and Id only",
				class, am.Name, ap.Name, ap.Type)
		case len(ap.Name) > MaxNameLength:
			p.Addf("%s.%s: gen lwc supports parameter names of up to %d characters",
				class, am.Name, MaxNameLength)
		default:
			inputs[ap.Name] = LWCInput{Name: ap.Name, Label: words(ap.Name)}
			m.Params = append(m.Params, ap.Name)
		}
	}
	return m, len(p.list) == n
}

// lwcFiles maps each LWC template to the file it renders.
func lwcFiles(d LWCData) []fileSpec {
	dir := "lwc/" + d.Bundle + "/"
	return []fileSpec{
		{"lwc/js.tmpl", dir + d.Bundle + ".js"},
		{"lwc/html.tmpl", dir + d.Bundle + ".html"},
		{"lwc/js-meta.tmpl", dir + d.Bundle + ".js-meta.xml"},
		{"lwc/test.tmpl", dir + "__tests__/" + d.Bundle + ".test.js"},
	}
}

// LWC renders a bundle that calls the controller's @AuraEnabled methods,
// with its Jest test.
func (g *Generator) LWC(spec LWCSpec) (*Output, error) {
	var p Problems
	d := checkLWC(&p, spec, g.APIVersion)
	if err := p.Err(); err != nil {
		return nil, err
	}
	return g.renderAll(lwcFiles(d), d, "")
}
