package gen

import (
	"strings"
)

// ExampleSpec is what the user asks of sflint gen example.
type ExampleSpec struct {
	Name     string // base name; default Loopback
	MyDomain string
	RunAs    string
}

// Example endpoints: one REST call and one Tooling API query with a
// parameter, so that the example shows URL encoding and escaping too.
const (
	exampleREST  = "limits"
	exampleQuery = "SELECT Id, Name, ApiVersion, Status FROM ApexClass " +
		"WHERE Name LIKE :namePattern ORDER BY Name LIMIT 20"
)

// ExampleNames are the names gen example derives from its base name.
type ExampleNames struct {
	Integration string // Loopback
	Controller  string // LoopbackController
	Component   string // loopbackExplorer
}

// NamesFor derives the example's names from a base name.
func NamesFor(base string) ExampleNames {
	component := strings.ReplaceAll(base, "_", "")
	if component != "" {
		component = strings.ToLower(component[:1]) + component[1:]
	}
	return ExampleNames{
		Integration: base,
		Controller:  base + "Controller",
		Component:   component + "Explorer",
	}
}

// Example renders an integration, a controller that calls its Named
// Credential and a component that calls the controller. Every name is
// checked before anything is rendered, and all problems are reported
// together.
func (g *Generator) Example(spec ExampleSpec) (*Output, error) {
	if spec.Name == "" {
		spec.Name = "Loopback"
	}
	n := NamesFor(spec.Name)
	var p Problems
	integ := checkIntegration(&p, IntegrationSpec{
		Name: n.Integration, MyDomain: spec.MyDomain, RunAs: spec.RunAs, Tooling: true,
	}, g.APIVersion)
	ctrl := checkController(&p, ControllerSpec{
		Name: n.Controller, NamedCredential: integ.NamedCredential,
		REST: []string{exampleREST}, ToolingQueries: []string{exampleQuery},
	}, g.APIVersion)
	CheckLWCName(&p, "component name", n.Component)
	if err := p.Err(); err != nil {
		return nil, err
	}
	out, err := g.renderAll(integrationFiles(integ), integ, "integration/steps.tmpl")
	if err != nil {
		return nil, err
	}
	c, err := g.renderAll(controllerFiles(ctrl), ctrl, "")
	if err != nil {
		return nil, err
	}
	out.Add(c)
	// The component reads the controller it calls from the rendered source,
	// exactly as gen lwc reads a controller from the project.
	src := string(c.Files[0].Data)
	l, err := g.LWC(LWCSpec{Name: n.Component, Controller: n.Controller, Source: src})
	if err != nil {
		return nil, err
	}
	out.Add(l)
	return out, nil
}
