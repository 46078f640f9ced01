package gen

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestGeneratedProjectPassesSalesforceTools runs every generator, as the
// golden cases do, into one fresh project and then
// scripts/validate-generated.sh over it: Salesforce's own parsers,
// compilers, linters, Jest runner and CLI, and sflint lint. The validators
// come from node_modules (npm ci at the repository root); without them the
// test fails, since the proof is the point.
func TestGeneratedProjectPassesSalesforceTools(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "node_modules", "@salesforce", "cli")); err != nil {
		t.Fatalf("the Salesforce validators are not installed (%v); run `npm ci` in %s "+
			"(Node.js 20+ and npm; Java 17+ for PMD), or `bash .ci/run`", err, root)
	}
	dir := newProject(t)
	gens := [][]string{
		exampleArgs,
		{"gen", "integration", "Orders", "--my-domain", testDomain, "--run-as", testRunAs},
		{"gen", "integration", "Metadata_Reader", "--my-domain", testDomain, "--run-as", testRunAs,
			"--scopes", "api,chatter_api", "--tooling"},
		{"gen", "controller", controllerSpec.Name, "--named-credential", controllerSpec.NamedCredential,
			"--rest", controllerSpec.REST[0], "--rest", controllerSpec.REST[1],
			"--tooling-query", controllerSpec.ToolingQueries[0]},
		{"gen", "lwc", "accountViewer", "--controller", controllerSpec.Name},
		{"gen", "controller", longSpec.Name, "--named-credential", longSpec.NamedCredential,
			"--rest", longSpec.REST[0], "--rest", longSpec.REST[1],
			"--tooling-query", longSpec.ToolingQueries[0]},
		{"gen", "lwc", longComponent, "--controller", longSpec.Name},
	}
	for _, args := range gens {
		if stdout, stderr, code := run(t, dir, args...); code != 0 {
			t.Fatalf("sflint %v: exit %d\n%s%s", args, code, stdout, stderr)
		}
	}
	cmd := exec.Command("bash", filepath.Join(root, "scripts", "validate-generated.sh"), dir)
	cmd.Env = append(os.Environ(), "SFLINT="+sflintBin)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("scripts/validate-generated.sh: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}
