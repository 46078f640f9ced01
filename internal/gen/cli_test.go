package gen

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// sflintBin is the real binary, built once by TestMain, so that these tests
// see the exit codes and output a user sees.
var sflintBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "sflint-gen-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	sflintBin = filepath.Join(dir, "sflint")
	out, err := exec.Command("go", "build", "-o", sflintBin, "github.com/sflint/sflint/cmd/sflint").
		CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "build sflint: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// sfProject is what sf project generate writes that matters here.
const sfProject = `{
  "packageDirectories": [
    {
      "path": "force-app",
      "default": true
    }
  ],
  "name": "scratch",
  "namespace": "",
  "sfdcLoginUrl": "https://login.salesforce.com",
  "sourceApiVersion": "66.0"
}
`

const sfForceignore = `# LWC configuration files
**/jsconfig.json
**/.eslintrc.json

# LWC Jest
**/__tests__/**
`

// newProject makes an empty project laid out as sf project generate does.
func newProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "sfdx-project.json"), sfProject)
	writeFile(t, filepath.Join(dir, ".forceignore"), sfForceignore)
	if err := os.MkdirAll(filepath.Join(dir, "force-app", "main", "default"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// run runs sflint in dir and returns its output and exit code.
func run(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(sflintBin, args...)
	cmd.Dir = dir
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	return o.String(), e.String(), cmd.ProcessState.ExitCode()
}

var exampleArgs = []string{"gen", "example", "--my-domain", testDomain, "--run-as", testRunAs}

func TestGenExample(t *testing.T) {
	dir := newProject(t)
	stdout, stderr, code := run(t, dir, exampleArgs...)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{"create    force-app/main/default/classes/LoopbackController.cls",
		"Next steps", "Consumer Secret"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "wrote 17 files, left 0 unchanged; sflint lint finds nothing") {
		t.Errorf("stderr = %q", stderr)
	}
	before := snapshot(t, dir)
	stdout, stderr, code = run(t, dir, exampleArgs...)
	if code != 0 || strings.Contains(stdout, "create") || !strings.Contains(stderr, "wrote 0 files") {
		t.Errorf("a second run must leave every file unchanged: exit %d\n%s%s", code, stdout, stderr)
	}
	sameTree(t, before, snapshot(t, dir))
}

// TestGenErrorsLeaveProjectUntouched checks each kind of bad input: a clear
// one-line error, exit code 2, and not one file changed.
func TestGenErrorsLeaveProjectUntouched(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		args  []string
		want  string
	}{
		{"bad names", nil,
			[]string{"gen", "integration", "9_Bad_", "--my-domain", "acme.lightning.force.com",
				"--run-as", "bob"},
			`integration name "9_Bad_" must start with a letter; --my-domain`},
		{"reserved controller", nil,
			[]string{"gen", "controller", "Select", "--named-credential", "N", "--rest", "limits"},
			"reserved word in Apex"},
		{"existing file differs", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "force-app/main/default/classes/LoopbackController.cls"), "x")
		}, exampleArgs, "1 file(s) exist with other content, nothing written"},
		{"no sfdx-project.json", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "sfdx-project.json"))
		}, exampleArgs, "no sfdx-project.json in"},
		{"unknown controller", nil,
			[]string{"gen", "lwc", "viewer", "--controller", "MissingController"},
			"controller MissingController not found"},
		{"unknown generator", nil, []string{"gen", "trigger"}, `unknown generator "trigger"`},
		{"missing name", nil, []string{"gen", "lwc", "--controller", "C"}, "expected one NAME argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newProject(t)
			if tt.setup != nil {
				tt.setup(t, dir)
			}
			before := snapshot(t, dir)
			_, stderr, code := run(t, dir, tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(stderr, tt.want) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr = %q, want one line with %q", stderr, tt.want)
			}
			sameTree(t, before, snapshot(t, dir))
		})
	}
}

func TestGenDryRunAndForce(t *testing.T) {
	dir := newProject(t)
	before := snapshot(t, dir)
	stdout, _, code := run(t, dir, append(exampleArgs, "--dry-run")...)
	created := "create    force-app/main/default/lwc/loopbackExplorer"
	if code != 0 || !strings.Contains(stdout, created) {
		t.Fatalf("dry run: exit %d\n%s", code, stdout)
	}
	sameTree(t, before, snapshot(t, dir))

	cls := filepath.Join(dir, "force-app/main/default/classes/LoopbackController.cls")
	writeFile(t, cls, "edited")
	stdout, _, code = run(t, dir, append(exampleArgs, "--dry-run")...)
	conflict := "conflict  force-app/main/default/classes/LoopbackController.cls"
	if code != 2 || !strings.Contains(stdout, conflict) {
		t.Errorf("dry run with a conflict: exit %d\n%s", code, stdout)
	}
	if _, _, code = run(t, dir, append(exampleArgs, "--force")...); code != 0 {
		t.Fatalf("--force: exit %d", code)
	}
	if b, _ := os.ReadFile(cls); string(b) == "edited" {
		t.Error("--force must replace the edited file")
	}
}

// TestGenLWCReadsTheProjectsController generates a controller, then a
// component for it from the source on disk, in a project without the
// .forceignore entry for Jest tests, which gen reports.
func TestGenLWCReadsTheProjectsController(t *testing.T) {
	dir := newProject(t)
	os.Remove(filepath.Join(dir, ".forceignore"))
	_, stderr, code := run(t, dir, "gen", "integration", "Org", "--my-domain", testDomain,
		"--run-as", testRunAs)
	if code != 0 {
		t.Fatalf("integration: exit %d\n%s", code, stderr)
	}
	_, stderr, code = run(t, dir, "gen", "controller", "OrgController", "--named-credential", "Org",
		"--rest", "sobjects/User/{userId}")
	if code != 0 {
		t.Fatalf("controller: exit %d\n%s", code, stderr)
	}
	_, stderr, code = run(t, dir, "gen", "lwc", "orgViewer", "--controller", "orgcontroller")
	if code != 0 {
		t.Fatalf("lwc: exit %d\n%s", code, stderr)
	}
	js, err := os.ReadFile(filepath.Join(dir, "force-app/main/default/lwc/orgViewer/orgViewer.js"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(js), "from '@salesforce/apex/OrgController.getSobjectsUser'") {
		t.Errorf("the component must import the controller's method:\n%s", js)
	}
	if !strings.Contains(stderr, "does not ignore **/__tests__/**") {
		t.Errorf("stderr lacks the .forceignore note: %q", stderr)
	}
}
