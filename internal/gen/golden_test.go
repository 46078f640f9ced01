package gen

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/gen")

// goldenDir holds one txtar archive per generator case.
const goldenDir = "../../testdata/gen"

// stepsFile names the archive member that holds the printed steps.
const stepsFile = "STEPS"

const (
	testDomain = "acme.my.salesforce.com"
	testRunAs  = "integration@acme.example.com"
)

// goldenCase is one generator run whose output is pinned.
type goldenCase struct {
	name string
	run  func(g *Generator) (*Output, error)
}

// goldenCases cover every generator and the options that change output.
var goldenCases = []goldenCase{
	{"integration", func(g *Generator) (*Output, error) {
		return g.Integration(IntegrationSpec{Name: "Orders", MyDomain: testDomain, RunAs: testRunAs})
	}},
	{"integration-tooling", func(g *Generator) (*Output, error) {
		return g.Integration(IntegrationSpec{Name: "Metadata_Reader", MyDomain: testDomain,
			RunAs: testRunAs, Scopes: []string{"api,chatter_api"}, Tooling: true})
	}},
	{"controller", func(g *Generator) (*Output, error) {
		return g.Controller(controllerSpec)
	}},
	{"lwc", func(g *Generator) (*Output, error) {
		c, err := g.Controller(controllerSpec)
		if err != nil {
			return nil, err
		}
		return g.LWC(LWCSpec{Name: "accountViewer", Controller: "AccountsController",
			Source: string(c.Files[0].Data)})
	}},
	{"long-names", func(g *Generator) (*Output, error) {
		c, err := g.Controller(longSpec)
		if err != nil {
			return nil, err
		}
		l, err := g.LWC(LWCSpec{Name: longComponent, Controller: longSpec.Name,
			Source: string(c.Files[0].Data)})
		if err != nil {
			return nil, err
		}
		c.Add(l)
		return c, nil
	}},
	{"example", func(g *Generator) (*Output, error) {
		return g.Example(ExampleSpec{MyDomain: testDomain, RunAs: testRunAs})
	}},
}

var controllerSpec = ControllerSpec{
	Name:            "AccountsController",
	NamedCredential: "Orders",
	REST:            []string{"sobjects/Account/{recordId}", "sobjects/Account/describe"},
	ToolingQueries: []string{
		"SELECT Id, Name FROM ApexClass WHERE Name = :className AND Status = 'Active'"},
}

// longSpec has names near their limits, so that the golden files and the
// validators also cover the layouts Prettier breaks over several lines.
var longSpec = ControllerSpec{
	Name:            "QuarterlyRevenueReportingController",
	NamedCredential: "Orders",
	REST: []string{
		"sobjects/Opportunity/{opportunityRecordIdentifier}/describe/{anotherLongParameterName}",
		"limits/{x}",
	},
	ToolingQueries: []string{
		"SELECT Id, Name, ApiVersion, Status, LengthWithoutComments FROM ApexClass " +
			"WHERE Name = :classNameToFind AND NamespacePrefix = :namespacePrefixToFind ORDER BY Name"},
}

const longComponent = "quarterlyRevenueReportingDashboardView"

func newTestGenerator(t *testing.T) *Generator {
	t.Helper()
	tmpl, err := LoadTemplates("")
	if err != nil {
		t.Fatal(err)
	}
	return &Generator{Templates: tmpl, APIVersion: "66.0"}
}

func archive(out *Output) []byte {
	var a txtar.Archive
	for _, f := range out.Files {
		a.Files = append(a.Files, txtar.File{Name: f.Path, Data: f.Data})
	}
	if out.Steps != "" {
		a.Files = append(a.Files, txtar.File{Name: stepsFile, Data: []byte(out.Steps)})
	}
	return txtar.Format(&a)
}

// TestGolden pins every generator's output; go test -update rewrites it.
func TestGolden(t *testing.T) {
	g := newTestGenerator(t)
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			out, err := c.run(g)
			if err != nil {
				t.Fatal(err)
			}
			got := archive(out)
			path := filepath.Join(goldenDir, c.name+".txtar")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/gen -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the generator's output; review it and run "+
					"go test ./internal/gen -update\n%s", path, firstDiff(string(want), string(got)))
			}
		})
	}
}

// firstDiff shows the first line where want and got differ.
func firstDiff(want, got string) string {
	wl, gl := bytes.Split([]byte(want), []byte("\n")), bytes.Split([]byte(got), []byte("\n"))
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return fmt.Sprintf("line %d:\n want: %s\n  got: %s", i+1, w, g)
		}
	}
	return ""
}
